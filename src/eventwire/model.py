"""The domain types: an Article in, a Document with every annotation out (the contract's shapes)."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

__all__ = [
    "Actor",
    "ActorFact",
    "ActorLookup",
    "ActorRef",
    "ActorSummary",
    "Article",
    "ArticleMeta",
    "CountryBasis",
    "DateBasis",
    "Document",
    "Entity",
    "Event",
    "EventDate",
    "Evidence",
    "Failure",
    "Modality",
    "Place",
    "Precision",
    "Quote",
    "RunCounts",
    "RunRecord",
    "RunReport",
    "Sentence",
    "Span",
    "Speaker",
    "StoredEvent",
    "Timex",
    "article_id_for",
]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["day", "week", "month", "year"]
DateBasis = Literal["explicit", "relative", "publication", "unknown"]
PlaceFeature = Literal["country", "admin1", "city", "region", "other"]
# How an actor's country is known: the text or a knowledge base says it; the story's country,
# as a reader takes it ("the junta" in a story about Niger); or the place of the event the
# actor stands in for ("people of Baghdad", "unidentified attackers in Beirut").
CountryBasis = Literal["text", "context", "place"]


class _Model(BaseModel):
    # Unknown keys are refused so a typo in a field name fails loudly instead of vanishing.
    model_config = ConfigDict(extra="forbid")


def article_id_for(text: str) -> str:
    """The contract's default article id: the first 16 hex digits of the text's SHA-1."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class ArticleMeta(_Model):
    """The article as it appears in the output: everything but its text."""

    id: str
    title: str | None = None
    url: str | None = None
    published_at: str | None = Field(
        default=None, description="YYYY-MM-DD or ISO 8601 datetime, as given in the input"
    )
    language: str = "en"
    source: str | None = None


class Article(ArticleMeta):
    """One input article: the contract's input record, validated."""

    text: str

    def meta(self) -> ArticleMeta:
        return ArticleMeta(**self.model_dump(exclude={"text"}))


class Span(_Model):
    """A stretch of the article text: text[start:end]."""

    start: int
    end: int
    text: str


class Sentence(_Model):
    index: int
    start: int
    end: int


class Entity(_Model):
    id: str
    text: str
    label: str = Field(description="spaCy NER label, or a gazetteer label such as NORP or TITLE")
    start: int
    end: int
    source: Literal["ner", "gazetteer", "document"] = Field(
        default="ner",
        description="ner: spaCy; gazetteer: a list or lexicon; document: a name the article "
        "already used in full ('Chollet' after 'Derek Chollet')",
    )
    country: str | None = Field(default=None, description="country code a gazetteer gave it")
    sector: str | None = Field(default=None, description="PLOVER sector a lexicon gave it")
    kb_id: str | None = None


class Actor(_Model):
    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    kb_id: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    country_basis: CountryBasis | None = Field(
        default=None, description="how the country is known; null when the country is"
    )


class Place(_Model):
    id: str
    name: str
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: PlaceFeature = "other"
    mentions: list[Span] = Field(default_factory=list)


class Timex(_Model):
    text: str
    start: int
    end: int
    type: TimexType
    value: str | None = None


class Speaker(_Model):
    text: str
    start: int
    end: int
    actor_id: str | None = None


class Quote(_Model):
    id: str
    text: str
    start: int
    end: int
    direct: bool
    cue: str | None = None
    speaker: Speaker | None = None
    events: list[str] = Field(
        default_factory=list,
        description="ids of the events this quote reports or is (a denial, a condemnation)",
    )


class EventDate(_Model):
    value: str | None = None
    start: str | None = None
    end: str | None = None
    precision: Precision | None = None
    basis: DateBasis = "unknown"
    text: str | None = None


class Modality(_Model):
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False


class Evidence(_Model):
    sentence_index: int
    start: int
    end: int
    text: str


class Event(_Model):
    id: str
    event_type: str
    mode: str | None = None
    contexts: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    date: EventDate = Field(default_factory=EventDate)
    location: str | None = None
    modality: Modality = Field(default_factory=Modality)
    quad_class: int = Field(ge=1, le=4)
    intensity: float = Field(ge=-10, le=10)
    cameo: str
    confidence: float = Field(ge=0, le=1)
    evidence: Evidence
    trigger: Span | None = Field(default=None, description="the word(s) that signal the event")


class Document(_Model):
    """One coded article. Its JSON form is the contract's Document."""

    article: ArticleMeta
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    # Working state shared by the stages; never serialised.
    _text: str = PrivateAttr(default="")
    _parse: Any = PrivateAttr(default=None)

    @classmethod
    def from_article(cls, article: Article) -> Document:
        doc = cls(article=article.meta())
        doc._text = article.text
        return doc

    @property
    def text(self) -> str:
        return self._text

    @property
    def parse(self) -> Any:
        """The spaCy ``Doc`` set by the ``nlp`` stage (``None`` before it ran)."""
        return self._parse

    @parse.setter
    def parse(self, value: Any) -> None:
        self._parse = value

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def sentence_at(self, offset: int) -> Sentence | None:
        return next((s for s in self.sentences if s.start <= offset < s.end), None)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


class Failure(_Model):
    """An article that could not be coded, and where it failed."""

    article_id: str
    stage: str
    message: str


class RunReport(_Model):
    """What a batch run did: how many articles, which failed and why."""

    processed: int = 0
    failures: list[Failure] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


# --- What the store gives back: flat records for queries and exports. ---


class ActorRef(_Model):
    """An event's participant as stored: the actor's name, country and sector in its article."""

    actor_id: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None


class StoredEvent(_Model):
    """One stored event with its article's metadata and its participants, for queries."""

    article_id: str
    event_id: str
    event_type: str
    mode: str | None = None
    quad_class: int
    intensity: float
    cameo: str
    confidence: float
    date: str | None = Field(default=None, description="the event's date value (or range start)")
    date_end: str | None = None
    place: str | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    modality: Modality = Field(default_factory=Modality)
    contexts: list[str] = Field(default_factory=list)
    evidence: str
    actors: list[ActorRef] = Field(default_factory=list)
    recipients: list[ActorRef] = Field(default_factory=list)
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    source: str | None = None


class ActorSummary(_Model):
    """An actor across the store: how often and when it was seen, in which role."""

    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    articles: int = 0
    events: int = 0
    first_seen: str | None = None
    last_seen: str | None = None


class RunCounts(_Model):
    """What one `eventwire run` did to the store."""

    new: int = 0
    updated: int = 0
    skipped: int = 0
    duplicate: int = 0
    failed: int = 0
    events: int = 0


class RunRecord(RunCounts):
    id: int
    started_at: str
    finished_at: str | None = None
    status: str
    pipeline_version: str


# --- What is known about an actor's name outside the article (issue: actor KB and registry). ---

FactOrigin = Literal["user", "registry", "imported", "bundled"]


class ActorFact(_Model):
    """One role a name had: who it was, for which country and sector, and when.

    ``origin`` gives the precedence: the user's edits, then what articles taught the registry,
    then an imported knowledge base (Wikidata), then the knowledge base bundled with eventwire.
    """

    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    start: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    end: str | None = Field(default=None, description="empty while still in office")
    origin: FactOrigin = "bundled"
    source: str | None = Field(default=None, description="file, article id or Wikidata id")


@runtime_checkable
class ActorLookup(Protocol):
    """Somewhere names can be looked up: the bundled KB, the store's registry, an import."""

    def facts(self, name: str) -> list[ActorFact]:
        """Every known role of ``name`` (exact name or alias, case-insensitive)."""
        ...
