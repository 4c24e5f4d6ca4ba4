"""The places stage: toponyms found, resolved to GeoNames offline, and each event's location."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Protocol, TypeVar

from ..model import Document, Entity, Event, Place, Span
from ..pipeline import register_stage
from ..resources.geo import CountryInfo, PlaceCandidate, fold, load_gazetteer
from .syntax import LOCATIVE_PREPS

__all__ = ["Geocoder", "PlacesStage"]

_K = TypeVar("_K")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Entities that small NER models often give to places ("clashes in Homs" as ORG, "Knin" as
# PERSON) or that hold one ("the Laurel County Sheriff's Office"): kept only on evidence.
_NAME_LABELS = _words("ORG PERSON EVENT NORP FAC WORK_OF_ART PRODUCT")
# Places that are areas: the name alone says it is a place, wherever it stands.
_AREA_FEATURES = _words("country admin1 region")
_AREA_SUFFIXES = _words("county parish borough province governorate")

# Prepositions that put an event at a place, beyond the shared list: "shelling on Khanasir",
# "off the coast of Aden".
_EVENT_PREPS = LOCATIVE_PREPS | _words("on off outside past underneath beneath")
# Prepositions that take places and hardly anything else ("near Tikrit", "north of Homs").
_FIRM_PREPS = _words("in near outside inside around across throughout into towards toward within")
# Places small enough to say where the thing they modify is ("the Baghdad headquarters").
_TOWN_FEATURES = _words("city admin1 other")
# A verb's participants: a place inside one describes it, not where the event happened.
_ARGUMENT_DEPS = _words("nsubj nsubjpass dobj agent attr dative csubj")
# Links from a name to the phrase it belongs to ("Lamitan town", "Yala and Pattani").
_PART_DEPS = _words("compound conj appos nmod npadvmod amod nummod")

# Words next to a name that make it a place: "the city of X", "X residents", "X police".
_PLACE_NOUNS = _words(
    """city town village township county province district region area state suburb
    neighbourhood neighborhood capital outskirts countryside municipality governorate
    prefecture hamlet borough parish camp port island valley vicinity environs
    surroundings settlement outpost"""
)
# Last words that make a name a geographic feature's ("the Baliem Valley", "Hongze Lake").
_FEATURE_WORDS = _PLACE_NOUNS | _words(
    """river lake mountain mount hill bay gulf sea ocean desert plain peninsula strait
    coast canyon forest square airport airbase harbour harbor crossing border bridge
    quarter palace castle fort fortress"""
)
# Verbs whose object is ground taken or struck: "captured Jaffna", "shelled Khanasir".
_TERRITORIAL_VERBS = _words(
    """capture seize occupy retake recapture liberate overrun storm besiege encircle
    shell bomb bombard invade annex enter patrol"""
)
_PLACE_FOLLOWERS = _PLACE_NOUNS | _words(
    """resident residents native natives police council councillor councilman mayor
    officials schools school hospital airport library fire sheriff man woman boy girl"""
)
# Words after a town's name in the names of its institutions: "the Hopkinton Police Department".
_INSTITUTIONS = _PLACE_FOLLOWERS | _words(
    """board commission commissioners clerk coroner court courthouse department office
    public high elementary middle senior community regional municipal volunteer parks
    chamber historical planning zoning health housing water transit superintendent
    library museum church cathedral hall center centre"""
)
# Capitalised words that open organisations' names and are also some small town's name.
_GENERIC_NAMES = _INSTITUTIONS | _words(
    """federal national international metro metropolitan central united general royal
    great grand big first new old golden mission liberty olympic union university
    college bank gulf pacific atlantic northern southern eastern western
    far north south east west"""
)
_ORG_WORDS = _INSTITUTIONS | _words(
    """inc inc. corp corp. co co. company ltd ltd. llc group party front army brigade
    brigades forces force movement ministry agency association union university
    college institute foundation society bank news times post club team committee"""
)
_NUMERIC_ENTS = _words("DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL")
_HONORIFICS = _words("mr mr. mrs mrs. ms ms. dr dr. sir lady miss")
# Words that qualify a region's name without being part of it: "Northeast Georgia".
_DIRECTION_WORDS = _words(
    """north south east west northern southern eastern western northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern central
    upper lower greater metro downtown far mid"""
)
# Trailing words that say what kind of place a name is ("the Markab area").
_GENERIC_TAILS = _PLACE_NOUNS - _words("county parish borough state island islands")
# Adjectives of regions: "Ossetian" -> Ossetia, "Ohioans" -> Ohio, "Dagestani" -> Dagestan.
_ADJECTIVE_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("ans", "a"), ("ans", ""), ("i", ""))

_STREET_WORDS = (
    r"Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.|Boulevard|Blvd\.?|Drive|Highway|Hwy\.?"
    r"|Parkway|Pkwy\.?|Turnpike|Pike|Expressway|Freeway|Circle|Terrace|Trail|Square"
)
_STREET = re.compile(
    rf"\b(?:[NSEW]\.\s|North\s|South\s|East\s|West\s)?(?:[A-Z][\w'’.-]*\s){{1,3}}"
    rf"(?:{_STREET_WORDS})(?![\w-])"
    r"|\b(?:Interstate|Highway|Route|U\.S\. Route|State Route|County Road|I-|US-?)\s?\d+\b"
)
# "NIAMEY, July 27 —", "HURRICANE, W.Va. -", "BEIRUT:": where the story was filed. In
# capitals anywhere a story or paragraph may start; in any case only at a line's start,
# and then with the comma and the dash.
_DATELINE_END = r"\s*(?:\([A-Za-z ]{2,20}\)\s*)?(?:—|–|--|\s-\s|\x97)"
_DATELINE = re.compile(
    r"(?:^|\n|(?<=[.!?\"”]\s)|(?<=\d{4}\s))"
    r"(?P<caps>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3})"
    rf"(?=(?:,\s[^\n—–]{{1,30}}?)?(?:{_DATELINE_END}|:\s))"
    r"|(?:^|\n)(?P<any>[A-Za-z][\w'’.-]*(?:\s[A-Za-z][\w'’.-]*){0,2})"
    rf"(?=,\s[^\n—–]{{1,30}}?{_DATELINE_END})"
)
# "Sen. Tony Strickland, R-Moorpark": a US legislator's home town.
_PARTY_HOME = re.compile(r"\b[RDI]-(?P<place>[A-Z][a-z]+(?:[ .][A-Z][a-z]+){0,2})(?=[,);.]| and)")


class Geocoder(Protocol):
    """What the stage needs from a gazetteer (``resources.geo.Gazetteer`` provides it)."""

    def resolve(self, name: str, *, context: Sequence[str] = ()) -> PlaceCandidate | None: ...
    def country(self, alpha3: str) -> CountryInfo | None: ...
    def region_names(self) -> Iterable[tuple[str, str | None]]: ...
    def candidates(self, name: str) -> list[PlaceCandidate]: ...
    def country_for_demonym(self, text: str) -> CountryInfo | None: ...


@dataclass(frozen=True)
class _Toponym:
    """A stretch of text that may name a place, and how it was found."""

    start: int
    end: int
    text: str
    kind: str  # tagged, facility, street, dateline, party, whole, part, untagged
    placed: bool = False  # stands where places stand ("in X", "X residents")
    firm: bool = False  # named as a place by its neighbours ("the town of X", "X district")
    governed: bool = False  # the object of a place preposition ("in X", "near X")
    country: str | None = None  # the country a demonym names
    qualifier: str | None = None  # "Syria" in "Homs, Syria"
    shell: bool = False  # a tagged name the gazetteer lacks: the places inside it come first
    person: bool = False  # tagged as a person's name: only a place's position makes it one

    @property
    def rank(self) -> int:
        """Which reading wins where two overlap: "[Sligo] Town Hall", a dateline over NER."""
        return _RANKS["facility"] if self.shell else _RANKS[self.kind]

    @property
    def strict(self) -> bool:
        """Found by shape alone: a town must bear the name itself, not as an alternate."""
        return self.kind not in ("tagged", "facility", "street")


_RANKS = {
    "dateline": 5,
    "tagged": 4,
    "street": 4,
    "party": 3,
    "whole": 2,
    "part": 2,
    "facility": 1,
    "untagged": 0,
}


@register_stage
class PlacesStage:
    """Find toponyms, resolve them by the story's countries and states, and locate events."""

    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = ("entities", "events")
    assigns: ClassVar[tuple[str, ...]] = ("places", "events.location")
    version: ClassVar[str] = "2"

    def __init__(self, *, gazetteer: Geocoder | None = None) -> None:
        self.gaz: Geocoder = gazetteer or load_gazetteer()
        self._admin1_names: dict[tuple[str, str], str] | None = None

    def __call__(self, doc: Document) -> Document:
        sp: Any = doc.parse
        found = _Finder(doc, sp, self.gaz).toponyms()
        resolved = _Resolver(self.gaz, found, self.admin1_names()).resolve()
        doc.places = _places([(t, c) for t, c in resolved if c is not None or _unplaced_ok(t)])
        for event in doc.events:
            event.location = _event_location(doc, sp, event, self.gaz)
        return doc

    def admin1_names(self) -> dict[tuple[str, str], str]:
        """A name for each state or province the gazetteer knows, by (country, admin1 code)."""
        if self._admin1_names is None:
            names: dict[tuple[str, str], str] = {}
            for name, a3 in self.gaz.region_names():
                cand = self.gaz.resolve(name, context=[a3] if a3 else ())
                if cand is not None and cand.feature == "admin1" and cand.country and cand.admin1:
                    names.setdefault((cand.country, cand.admin1), name)
            self._admin1_names = names
        return self._admin1_names


def _unplaced_ok(top: _Toponym) -> bool:
    """A place the gazetteer lacks is kept when its shape or its position says it is one."""
    if top.kind in ("street", "facility"):
        return True
    if top.kind == "tagged":
        return top.placed or " " in top.text
    if top.kind == "whole":
        if _abbreviation(top.text) or top.text.isupper():
            return False  # "NCAA", "MVA": acronyms name organisations and units
        return top.firm or (top.governed and " " not in top.text)
    return top.kind == "untagged" and top.firm


# --- finding toponyms ------------------------------------------------------------------


class _Finder:
    """Every stretch of the text that names a place, without overlaps."""

    def __init__(self, doc: Document, sp: Any, gaz: Geocoder) -> None:
        self.doc, self.sp, self.gaz = doc, sp, gaz
        self.text = doc.text
        self.persons = _person_names(doc.entities)

    def toponyms(self) -> list[_Toponym]:
        strong = [*self._datelines(), *self._streets(), *self._party_homes()]
        strong.extend(t for ent in self.doc.entities for t in self._tagged(ent))
        names = {fold(t.text) for t in strong}
        weak = [t for ent in self.doc.entities for t in self._inside(ent)]
        weak.extend(self._untagged([*strong, *weak]))
        kept = [t for t in weak if self._supported(t, names) or _unplaced_ok(t)]
        # One sense per story: "Knin" taken as a place once is a place wherever it stands.
        names.update(fold(t.text) for t in kept if t.kind == "whole")
        kept.extend(t for t in weak if t not in kept and self._supported(t, names))
        chosen = [t for t in _without_overlaps([*strong, *kept]) if self._not_person(t)]
        return _with_qualifiers(self.text, chosen, self.gaz)

    def _make(self, start: int, end: int, kind: str) -> _Toponym | None:
        start, end = _trim(self.text, start, end)
        if end <= start or not any(ch.isalpha() for ch in self.text[start:end]):
            return None
        span = self.sp.char_span(start, end, alignment_mode="expand") if self.sp else None
        if span is None:
            return _Toponym(start, end, self.text[start:end], kind)
        firm = _firm_position(span, self.gaz)
        prep = _governing_prep(span.root)
        governed = (prep is not None and prep.lower_ in _FIRM_PREPS) or _taken(span.root)
        placed = firm or governed or _place_position(span)
        return _Toponym(start, end, self.text[start:end], kind, placed, firm, governed)

    def _datelines(self) -> Iterator[_Toponym]:
        for m in _DATELINE.finditer(self.text):
            group = "caps" if m.group("caps") else "any"
            top = self._make(m.start(group), m.end(group), "dateline")
            if top is not None and _lookup(self.gaz, top.text, (), strict=True):
                yield top

    def _streets(self) -> Iterator[_Toponym]:
        for m in _STREET.finditer(self.text):
            top = self._make(m.start(), m.end(), "street")
            if top is not None:
                yield self._road_of(top) or top

    def _road_of(self, street: _Toponym) -> _Toponym | None:
        """ "Florida Highway", "Ohio Turnpike": the state a road is named for."""
        words = street.text.split()
        for n in (2, 1):
            name = " ".join(words[:n])
            cand = _lookup(self.gaz, name, (), strict=True) if n < len(words) else None
            if cand is not None and cand.feature in _AREA_FEATURES:
                return self._make(street.start, street.start + len(name), "tagged")
        return None

    def _party_homes(self) -> Iterator[_Toponym]:
        for m in _PARTY_HOME.finditer(self.text):
            top = self._make(m.start("place"), m.end("place"), "party")
            if top is not None and _lookup(self.gaz, top.text, (), strict=True):
                yield top

    def _tagged(self, ent: Entity) -> Iterator[_Toponym]:
        """Entities tagged as places, and demonyms of known countries ("Turkish")."""
        if ent.label in ("GPE", "LOC", "FAC") or (ent.label == "NORP" and ent.country):
            top = self._make(ent.start, ent.end, "facility" if ent.label == "FAC" else "tagged")
            if top is None:
                return
            if ent.label == "NORP":
                yield replace(top, country=ent.country)
            else:
                yield replace(top, shell=_lookup(self.gaz, top.text, (), strict=False) is None)

    def _inside(self, ent: Entity) -> Iterator[_Toponym]:
        """Places an entity is, or holds: "Homs" tagged ORG, "the Laurel County Sheriff"."""
        # A tagged place the gazetteer lacks may hold one: "Florida Highway", "Fargo-Moorhead".
        shell = ent.label in ("GPE", "LOC") and not self._resolves(ent)
        if not shell and (ent.label not in _NAME_LABELS or (ent.label == "NORP" and ent.country)):
            return
        span = self.sp.char_span(ent.start, ent.end, alignment_mode="expand") if self.sp else None
        if span is None or (ent.label == "PERSON" and _after_honorific(span)):
            return
        whole = _trim(self.text, ent.start, ent.end)
        for sub in _name_grams(span):
            kind = "whole" if (sub.start_char, sub.end_char) == whole else "part"
            top = self._make(sub.start_char, sub.end_char, kind)
            if top is None:
                continue
            if kind == "part":
                top = replace(top, placed=_names_part(sub, span))
            elif ent.label not in ("ORG", "PERSON") or _organisation(ent):
                top = replace(top, firm=False, governed=False)
            yield replace(top, person=ent.label == "PERSON" and kind == "whole")

    def _resolves(self, ent: Entity) -> bool:
        start, end = _trim(self.text, ent.start, ent.end)
        return _lookup(self.gaz, self.text[start:end], (), strict=False) is not None

    def _untagged(self, found: list[_Toponym]) -> Iterator[_Toponym]:
        """Capitalised names the tagger left out ("a few miles from Chattanooga")."""
        taken = {i for e in self.doc.entities for i in range(e.start, e.end)}
        taken.update(i for t in found for i in range(t.start, t.end))
        run: list[Any] = []
        for tok in [*self.sp, None] if self.sp is not None else ():
            if tok is not None and _name_token(tok) and tok.idx not in taken:
                run.append(tok)
                continue
            if run:
                top = self._make(run[0].idx, run[-1].idx + len(run[-1]), "untagged")
                if top is not None:
                    yield top
            run = []

    def _supported(self, top: _Toponym, strong: set[str]) -> bool:
        """A name not tagged as a place is one when the text or the gazetteer says so."""
        if " " not in top.text and top.text.lower() in _GENERIC_NAMES:
            return False
        cand = _lookup(self.gaz, top.text, (), strict=True)
        if cand is None:
            return False
        if top.person:
            # "stabbed Welch", "between Bell and Eggers": a surname that is also a town.
            return top.firm or top.governed
        if cand.feature in _AREA_FEATURES or _area_name(top.text) or fold(top.text) in strong:
            return True
        return top.placed

    def _not_person(self, top: _Toponym) -> bool:
        """ "Hamilton" after "Lee Hamilton" is the man, unless it stands where a place does."""
        return top.kind in ("street", "dateline") or top.placed or top.text not in self.persons


def _person_names(entities: Iterable[Entity]) -> frozenset[str]:
    names: set[str] = set()
    for e in entities:
        parts = e.text.split()
        if e.label == "PERSON" and len(parts) > 1:
            names.update(parts)
    return frozenset(names)


def _organisation(ent: Entity) -> bool:
    """An organisation we know, or one named like one ("the Bardo Museum", "Nusra Front")."""
    if ent.label != "ORG":
        return False
    last = ent.text.split()[-1].lower()
    return bool(ent.kb_id or ent.sector or ent.country) or last in _ORG_WORDS


def _after_honorific(span: Any) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in _HONORIFICS


def _name_token(tok: Any) -> bool:
    """A capitalised proper noun that is not part of a date, time or number."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in _NUMERIC_ENTS or not tok.text.isalpha():
        return False
    # Short capitals are acronyms ("SUV", "PTA"), not places.
    return tok.text[:1].isupper() and not (tok.text.isupper() and len(tok.text) <= 3)


def _name_grams(span: Any) -> Iterator[Any]:
    """Capitalised runs inside a name, longest first from each start: where a place may be."""
    toks = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    for i, first in enumerate(toks):
        if not first.text[:1].isupper() or not first.is_alpha:
            continue
        for j in range(min(len(toks), i + 4), i, -1):
            last = toks[j - 1]
            if last.text[:1].isupper() and last.i - first.i == j - 1 - i:
                yield span.doc[first.i : last.i + 1]


def _names_part(sub: Any, name: Any) -> bool:
    """A place inside a longer name: "[Laurel] Police Department", "University of [Toronto]".

    Only at the name's start or after "of": in "Sam Houston State University" no Houston.
    """
    doc = sub.doc
    before = doc[sub.start - 1].lower_ if sub.start > 0 else ""
    if sub.start > name.start and before in ("of", "in"):
        return True
    opens = sub.start == name.start or (sub.start == name.start + 1 and before == "the")
    after = doc[sub.end] if sub.end < name.end else None
    return opens and after is not None and after.lower_ in _INSTITUTIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive or punctuation."""
    for det in ("the ", "The ", "THE "):
        if text.startswith(det, start):
            start += len(det)
    for tail in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(tail):
            end -= len(tail)
    while end > start and text[end - 1] in " ,;:-–—(":
        end -= 1
    head, _, last = text[start:end].rpartition(" ")
    if head and last in ("of", "and", "to", "in", "at"):
        return _trim(text, start, start + len(head))  # "City of" cut short by the tagger
    return start, end


def _without_overlaps(found: list[_Toponym]) -> list[_Toponym]:
    chosen: list[_Toponym] = []
    for top in sorted(found, key=lambda t: (-t.rank, t.start - t.end, t.start)):
        if all(top.end <= c.start or c.end <= top.start for c in chosen):
            chosen.append(top)
    return sorted(chosen, key=lambda t: t.start)


def _area_name(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and words[-1].lower() in _AREA_SUFFIXES


def _place_position(span: Any) -> bool:
    """Where places stand: "in X", "near X", "X residents", "X police"."""
    if _governing_prep(span.root) is not None:
        return True
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.lower_ in _PLACE_FOLLOWERS


def _firm_position(span: Any, gaz: Geocoder) -> bool:
    """Where nothing but a place stands: "the towns of X and Y", "X district", "X, Syria"."""
    doc = span.doc
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    opening = min(first.left_edge.i, span.start)
    before = doc[max(opening - 2, 0) : opening]
    if len(before) == 2 and before[1].lower_ == "of" and _lemma(before[0]) in _PLACE_NOUNS:
        return True
    if len(span) > 1 and _lemma(span[-1]) in _FEATURE_WORDS:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN") and _lemma(after) in _PLACE_NOUNS:
        return True
    if after is not None and after.text == "," and _qualified(doc, span.end + 1, gaz):
        return True
    return len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in _DIRECTION_WORDS


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _taken(tok: Any) -> bool:
    """The object of a verb of conquest or bombardment ("captured Knin")."""
    return bool(tok.dep_ == "dobj" and _lemma(tok.head) in _TERRITORIAL_VERBS)


def _qualified(doc: Any, i: int, gaz: Geocoder) -> bool:
    """ "Roswell, N.M." or "Knin, Croatia": a state's or country's name after the comma."""
    for n in (2, 1):
        words = doc[i : i + n]
        if len(words) < n or not words.text[:1].isupper():
            continue
        cand = _lookup(gaz, words.text, (), strict=True)
        if cand is not None and cand.feature in ("country", "admin1"):
            return True
    return False


def _with_qualifiers(text: str, tops: list[_Toponym], gaz: Geocoder) -> list[_Toponym]:
    """ "Homs, Syria", "Lexington, Ky.": the country or state named after a comma."""
    out: list[_Toponym] = []
    for i, top in enumerate(tops):
        nxt = tops[i + 1] if i + 1 < len(tops) else None
        if nxt is not None and text[top.end : nxt.start] in (", ", ","):
            cand = _lookup(gaz, nxt.text, (), strict=nxt.strict)
            if cand is not None and cand.feature in ("country", "admin1"):
                top = replace(top, qualifier=nxt.text)
        out.append(top)
    return out


# --- resolving them --------------------------------------------------------------------


def _variants(name: str, *, reshape: bool = True) -> list[tuple[str, bool]]:
    """The name, then shorter forms, each saying whether a town may answer to it.

    "the Markab area" may be the town of Markab, "Northeast Georgia" lies in Georgia; but
    "Romani" is not Roman: adjectives find areas only.
    """
    words = name.split()
    out = [(name, True)]
    if not reshape:
        return out
    if len(words) > 1 and words[-1].lower() in _GENERIC_TAILS:
        out.append((" ".join(words[:-1]), True))
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in _DIRECTION_WORDS:
        lead += 1
    if lead:
        out.append((" ".join(words[lead:]), True))  # "South Los Angeles" is in Los Angeles
    for suffix, repl in _ADJECTIVE_ENDINGS:
        if len(words) == 1 and name.endswith(suffix) and len(name) > len(suffix) + 3:
            out.append((name[: -len(suffix)] + repl, False))
    return out


def _lookup(
    gaz: Geocoder, name: str, context: Sequence[str], *, strict: bool
) -> PlaceCandidate | None:
    """The first variant of the name that resolves; strictly, a town must bear that name."""
    for variant, towns in _variants(name, reshape=not strict):
        cand = gaz.resolve(variant, context=context)
        if cand is None or (cand.feature in ("city", "other") and not towns):
            continue
        if cand.feature == "city" and _abbreviation(variant) and fold(cand.name) == fold(variant):
            continue  # "UN", "D.A.": a town's name in capitals is a coincidence, not a place
        if not strict or cand.feature != "city" or fold(cand.name) == fold(variant):
            return cand
    return None


def _abbreviation(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= 4 and (text.isupper() or "." in text)


class _Resolver:
    """Resolve each name once per story, by the countries and states the story names."""

    def __init__(
        self, gaz: Geocoder, tops: list[_Toponym], admin1_names: dict[tuple[str, str], str]
    ) -> None:
        self.gaz, self.admin1_names = gaz, admin1_names
        self.tops = _share_qualifiers(tops)
        self.counts: Counter[str] = Counter()
        self.own: dict[str, Counter[str]] = {}
        for top in self.tops:
            item = self._context_item(top)
            if item is not None:
                self.counts[item] += 1
                self.own.setdefault(fold(top.text), Counter())[item] += 1
        self.extra: list[str] = []

    def _context_item(self, top: _Toponym) -> str | None:
        """What a mention adds to the story's context: a country's code or a state's name."""
        if top.country:
            return top.country
        cand = _lookup(self.gaz, top.text, (), strict=top.strict)
        if cand is None or cand.feature not in ("country", "admin1"):
            return None
        if cand.feature == "admin1":
            return cand.name
        # "Georgia" is a country and a state: the name keeps both readings in the context.
        dual = any(c.feature == "admin1" for c in self.gaz.candidates(top.text))
        return top.text if dual else cand.country

    def context_for(self, top: _Toponym) -> list[str]:
        """Countries and states, most mentioned first, leaving out the name's own mentions."""
        counts = self.counts - self.own.get(fold(top.text), Counter())
        items = [item for item, _ in counts.most_common()]
        items.extend(x for x in self.extra if x not in items)
        return [top.qualifier, *items] if top.qualifier else items

    def resolve(self) -> list[tuple[_Toponym, PlaceCandidate | None]]:
        # Local news names its towns, not its state: the state most of them may lie in
        # settles the others ("Columbus" among Ohio towns), and so does a country.
        states, countries = _votes(self.gaz, self.tops)
        state = _leader(states)
        country = _leader(countries)
        if state is not None and state in self.admin1_names:
            self.extra.append(self.admin1_names[state])
        if country is not None:
            self.extra.append(country)
        return self._pass()

    def _pass(self) -> list[tuple[_Toponym, PlaceCandidate | None]]:
        cache: dict[tuple[str, str | None, str | None], PlaceCandidate | None] = {}
        out: list[tuple[_Toponym, PlaceCandidate | None]] = []
        for top in self.tops:
            key = (fold(top.text), top.country, top.qualifier)
            if key not in cache:
                cache[key] = self._one(top)
            out.append((top, cache[key]))
        return out

    def _one(self, top: _Toponym) -> PlaceCandidate | None:
        if top.country:
            info = self.gaz.country(top.country)
            return _country_place(info) if info else None
        if top.qualifier:
            # "Tripoli, Lebanon" is Lebanon's Tripoli however much the story speaks of Libya.
            cand = _lookup(self.gaz, top.text, [top.qualifier], strict=top.strict)
            area = _lookup(self.gaz, top.qualifier, (), strict=False)
            if cand is not None and area is not None and _lies_in(cand, area):
                return cand
        return _lookup(self.gaz, top.text, self.context_for(top), strict=top.strict)


def _lies_in(place: PlaceCandidate, area: PlaceCandidate) -> bool:
    if place.country != area.country:
        return False
    return area.feature != "admin1" or place.admin1 == area.admin1


def _share_qualifiers(tops: list[_Toponym]) -> list[_Toponym]:
    """One sense per story: "Lexington, Ky." also qualifies a later bare "Lexington"."""
    qualifiers = {fold(t.text): t.qualifier for t in tops if t.qualifier}
    return [
        replace(t, qualifier=qualifiers[fold(t.text)])
        if t.qualifier is None and fold(t.text) in qualifiers
        else t
        for t in tops
    ]


def _votes(
    gaz: Geocoder, tops: list[_Toponym]
) -> tuple[dict[tuple[str, str], float], dict[str, float]]:
    """Each distinct name votes for the states and countries it may lie in, by likelihood."""
    states: defaultdict[tuple[str, str], float] = defaultdict(float)
    countries: defaultdict[str, float] = defaultdict(float)
    names = {fold(t.text): t.text for t in tops if t.kind not in ("street", "facility")}
    for key, name in names.items():
        cands = [c for c in gaz.candidates(name) if c.country and c.feature != "country"]
        cands = [c for c in cands if c.feature != "city" or fold(c.name) == key]
        weights = _weights(cands)
        for cand, weight in zip(cands, weights, strict=True):
            if cand.admin1:
                states[(cand.country or "", cand.admin1)] += weight
            countries[cand.country or ""] += weight
    return states, countries


def _weights(cands: list[PlaceCandidate]) -> list[float]:
    """How likely each reading is: a state's name means the state; towns by their size."""
    if any(c.feature == "admin1" for c in cands):
        return [1.0 if c.feature == "admin1" else 0.0 for c in cands]
    sizes = [math.sqrt(c.population) + 1 for c in cands]
    total = sum(sizes)
    return [size / total for size in sizes] if total else []


def _leader(votes: Mapping[_K, float]) -> _K | None:
    """The clear leader of a vote (at least one whole vote, half again the runner-up's)."""
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:2]
    if not ranked or ranked[0][1] < 1:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]


def _country_place(info: CountryInfo) -> PlaceCandidate:
    return PlaceCandidate(
        name=info.name,
        geonameid=info.geonameid,
        country=info.alpha3,
        lat=info.lat,
        lon=info.lon,
        feature="country",
        population=info.population,
    )


def _places(resolved: list[tuple[_Toponym, PlaceCandidate | None]]) -> list[Place]:
    places: dict[object, Place] = {}
    for top, cand in resolved:
        key: object = (cand.geonameid or cand.name.lower()) if cand else fold(top.text)
        if key not in places:
            places[key] = _place(f"p{len(places) + 1}", top, cand)
        places[key].mentions.append(Span(start=top.start, end=top.end, text=top.text))
    return list(places.values())


def _place(pid: str, top: _Toponym, cand: PlaceCandidate | None) -> Place:
    if cand is None:
        # Named as a place but not in the gazetteer: kept, without coordinates.
        return Place(id=pid, name=top.text, feature="other")
    return Place(
        id=pid,
        name=cand.name,
        geonameid=cand.geonameid,
        country=cand.country,
        lat=cand.lat,
        lon=cand.lon,
        feature=cand.feature,
    )


# --- where each event happened ---------------------------------------------------------


def _event_location(doc: Document, sp: Any, event: Event, gaz: Geocoder) -> str | None:
    """A place in the event's clause, else one elsewhere in its sentence; never a default."""
    if event.trigger is None or sp is None:
        return None
    span = sp.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return None
    trigger = span.root
    actors = _actor_spans(doc, event)
    ranked: list[tuple[int, int, int, str]] = []
    for place in doc.places:
        for m in place.mentions:
            inside = event.evidence.start <= m.start < event.evidence.end
            if not inside or gaz.country_for_demonym(m.text) is not None:
                continue  # "Iraqi police", "Five Iraqis were killed": people, not places
            rank = _rank(sp, m, place, trigger, event, actors)
            if rank is not None:
                ranked.append((*rank, abs(m.start - event.trigger.start), place.id))
    return min(ranked)[3] if ranked else None


def _actor_spans(doc: Document, event: Event) -> list[tuple[int, int]]:
    ids = {*event.actors, *event.recipients}
    return [(m.start, m.end) for a in doc.actors if a.id in ids for m in a.mentions]


def _rank(
    sp: Any, m: Span, place: Place, trigger: Any, event: Event, actors: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """How surely a mention is where the event happened, lowest best; None: not at all.

    The tier is 0 for "clashes in Agadez" or "seized Knin", 1 inside a participant of the
    event's verb ("students in Spain protested in Barcelona"), 2 in another clause. Within a
    tier a place that only qualifies another comes after it ("Syria's Raqqa").
    """
    span = sp.char_span(m.start, m.end, alignment_mode="expand")
    anchor = _anchor(span.root, place.feature) if span is not None else None
    if anchor is None:
        return None
    kind, tok, aside = anchor
    verb = _clause_verb(trigger)
    if kind == "object":
        # What troops took or patrolled is where it happened ("captured Kabul"); what a
        # statement named is its target, not its place ("condemned Israel").
        named = any(s < m.end and m.start < e for s, e in actors)
        if tok.i not in (trigger.i, verb.i) or (named and event.quad_class not in (2, 4)):
            return None
        return 0, aside
    if _clause_verb(tok).i != verb.i:
        return 2, aside
    return int(_through_argument(tok, verb, trigger)), aside


def _through_argument(tok: Any, verb: Any, trigger: Any) -> bool:
    """Whether the phrase holding tok is a participant of the verb, not the trigger itself.

    What the trigger took is no mere participant: "captured the compound in the Old City".
    """
    while tok.i != verb.i and tok.head.i != tok.i:
        taken = tok.dep_ == "dobj" and tok.head.i == trigger.i
        if tok.dep_ in _ARGUMENT_DEPS and tok.i != trigger.i and not taken:
            return True
        tok = tok.head
    return False


def _anchor(tok: Any, feature: str) -> tuple[str, Any, int] | None:
    """What makes a mention a location, and whether it only qualifies another place.

    ("prep", in, 0) for "in the town of X"; ("object", seized, 0) for "seized X"; None for a
    country that only describes something ("U.S. patrol"). A town does say where the thing it
    names is ("the Sofia restaurant", "the Baghdad headquarters").
    """
    aside = 0
    for _ in range(10):
        head = tok.head
        if head.i == tok.i:
            return None
        if (tok.dep_ in _PART_DEPS and head.lemma_.lower() in _PLACE_NOUNS) or tok.dep_ in (
            "conj",
            "appos",
        ):
            tok = head  # "Lamitan town", "Yala and Pattani", "Amara, south of Baghdad"
        elif tok.dep_ == "poss" or (tok.dep_ in _PART_DEPS and feature in _TOWN_FEATURES):
            tok, aside = head, 1  # "Syria's Raqqa", "the Baghdad headquarters"
        elif tok.dep_ == "pobj" and head.lower_ in _EVENT_PREPS:
            return "prep", head, aside
        elif tok.dep_ == "pobj" and _direction_of(head):
            return "prep", head, 1  # "north of Baghdad": a landmark, not the place
        elif tok.dep_ == "pobj" and head.lower_ in ("of", "to") and head.head.pos_ == "NOUN":
            tok = head.head  # "the village of X", "the entrance to X"
        elif tok.dep_ in ("dobj", "nsubjpass"):
            return "object", head, aside
        else:
            return None
    return None


def _direction_of(prep: Any) -> bool:
    return bool(prep.lower_ == "of" and prep.head.lower_ in _DIRECTION_WORDS)


def _governing_prep(tok: Any) -> Any:
    """The place preposition whose object tok is ("in X", "in Lamitan town"), or None."""
    for _ in range(8):
        if tok.dep_ in ("conj", "appos") or (
            tok.dep_ == "compound" and _lemma(tok.head) in _PLACE_NOUNS
        ):
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ in _EVENT_PREPS:
            return tok.head
        else:
            return None
    return None


def _clause_verb(tok: Any) -> Any:
    """The verb whose clause holds tok (the sentence root when none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok
