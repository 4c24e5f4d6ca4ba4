"""The parties an event's place stands for when the text names none: attackers, the people."""

from __future__ import annotations

from typing import Any, ClassVar

from ..model import Actor, Document, Event, Place, Span
from ..ontology import (
    ATTACK_MEANS,
    AUTHORITY_TYPES,
    BETWEEN_PARTIES,
    COUNTRY_NONSTATE,
    DOMESTIC_MEASURES,
    EMBASSY_NOUNS,
    GOVERNMENT_AIMED_TYPES,
    PLACE_AFFECTED_TYPES,
    POSTS_ABROAD,
    UNATTRIBUTED_ATTACK_TYPES,
)
from ..pipeline import register_stage
from ..resources.geo import load_gazetteer
from .party_homes import QUALIFIED_PLACES, home_by_office
from .syntax import clause_verb

__all__ = ["PartiesStage"]

# Sectors of a recipient who is simply there: the country of where it happened beats the
# story's country ("killed 23 people … in Tel Aviv" in a story that names Palestinians first).
_BYSTANDER_SECTORS = frozenset({None, "CVL", "REF"})
# Plain words for people who are simply where something happened.
_BYSTANDERS = frozenset(
    """people person civilians civilian residents resident villagers villager passengers
    passenger bystanders bystander shoppers worshippers pedestrians children women men
    families""".split()
)
_ARMED_SECTORS = frozenset({"REB", "MIL", "UAF", "CRM", "COP", "SPY"})
# Prepositions that put a measure somewhere: then it falls on that place's people, or no one's.
_IN_PLACE = frozenset({"in", "on", "across", "throughout", "over"})
# Sectors of people who protest where they live: workers, students, the opposition.
_CIVIC_SECTORS = frozenset({"LAB", "EDU", "CVL", "OPP", "SOC", "REL", "AGR", "BUS"})
# The names of the parties this stage makes, before the place's: "people of Abidjan".
_ATTACKERS, _AUTHORITIES, _PEOPLE = "unidentified attackers in", "authorities in", "people of"
_GOVERNMENT, _NATIONAL_GOVERNMENT = "government in", "government of"  # "… of Pakistan"
_MADE_NAMES = (_ATTACKERS, _AUTHORITIES, _PEOPLE, _GOVERNMENT, _NATIONAL_GOVERNMENT)
_MUTUAL = BETWEEN_PARTIES | {"clash", "skirmish", "firefight", "gunbattle", "exchange"}
_WATERS = frozenset({"gulf", "sea", "strait", "straits", "bay", "ocean", "channel"})
# Events sent from a place at another: their "from" is where they started.
_LAUNCHED = frozenset({"ASSAULT", "THREATEN", "MOBILIZE"})
# Where a verb form stands as a noun ("the wounded", "the displaced"), not a clause of its own.
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "amod"})


@register_stage
class PartiesStage:
    """Fill the parties a located event leaves open, as event coders read them.

    * An attack no one is named for ("a car bomb exploded in Beirut, killing …") was made by
      unidentified attackers (sector ``UAF``) in the country where it happened; an arrest, a
      ban or an investigation no one is named for, by the authorities there (sector unknown).
    * A coercive, restrictive or aid event with no recipient ("a curfew in Abidjan", "aid
      deliveries to Baghdad were suspended") falls on the people of the place (``CVL``).
    * A protest with no one it is aimed at ("blocked roads in Algiers") is aimed at the
      government there (``GOV``).
    * What a state does to its own post abroad ("reopened its embassy in Damascus") it does
      toward the host, which stands as the recipient (its government, ``GOV``).
    * A curfew, martial law or a state of emergency a state declares with no one and no place
      named falls on its own people (``CVL``, ``country_basis`` ``"context"``).
    * A recipient who is merely there ("killed 23 people … in Tel Aviv") and whose country was
      only the story's, or unknown, takes the country of the place.
    * An actor whose office or post the text ties to a place ("the mayor of Kirkuk", "the
      deputy governor of the Tyumen region", "police in Lahore") and whose country was only
      the story's, or unknown, takes the country of that place.

    The place must lie in the event's own clause, outside its named participants. Every actor
    made or changed here says so: ``country_basis`` is ``"place"`` and its mention is the
    place's. Fights between sides ("clashes broke out in Tripoli") are left alone.
    """

    name: ClassVar[str] = "parties"
    requires: ClassVar[tuple[str, ...]] = ("actors", "events", "places")
    assigns: ClassVar[tuple[str, ...]] = ("actors", "events.actors", "events.recipients")
    version: ClassVar[str] = "2"

    def __call__(self, doc: Document) -> Document:
        sp: Any = doc.parse
        if sp is None or not doc.places:
            return doc
        home_by_office(doc, sp)
        view: _View | None = None
        made: dict[tuple[str, str], Actor] = {}
        for event in doc.events:
            _host_of_post(doc, sp, event, made)
            _protest_at_post(doc, sp, event)
            if not _open(doc, event) or _mutual(sp, event):
                continue
            view = view or _View(doc, sp)
            found = view.event_place(event)
            if found is None:
                _own_people(doc, sp, event, made)
                continue
            place, mention, country = found
            if not event.actors and not view.doer_named(event):
                source = _unnamed_source(event)
                if source is not None:
                    words, sector = source
                    actor = _made(doc, made, words, sector, place, mention, country)
                    event.actors.append(actor.id)
            if event.event_type in GOVERNMENT_AIMED_TYPES:
                _rehome(doc, event.actors, country, _CIVIC_SECTORS)
            if (
                not event.recipients
                and event.event_type in GOVERNMENT_AIMED_TYPES
                and not event.modality.negated
                and not _armed(doc, sp, event)
                and not _about_elsewhere(doc, sp, event, country)
            ):
                actor = _made(doc, made, _GOVERNMENT, "GOV", place, mention, country)
                event.recipients.append(actor.id)
            elif (
                not event.recipients
                and not view.person_acted_on(event)
                and _falls_on_people(doc, event, country)
            ):
                actor = _made(doc, made, _PEOPLE, "CVL", place, mention, country)
                event.recipients.append(actor.id)
            else:
                _rehome_bystanders(doc, event, country)
        return doc


def _open(doc: Document, event: Event) -> bool:
    """Whether the event leaves a party this stage could fill."""
    if not event.actors and _unnamed_source(event) is not None:
        return True
    if not event.recipients:
        return event.event_type in PLACE_AFFECTED_TYPES | GOVERNMENT_AIMED_TYPES
    return any(
        (a := doc.actor(i)) is not None and a.country_basis in ("context", None)
        for i in event.recipients
    )


def _trigger_root(sp: Any, event: Event) -> Any:
    """The head token of the event's trigger, or None."""
    if event.trigger is None:
        return None
    span = sp.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return None if span is None else span.root


def _unnamed_source(event: Event) -> tuple[str, str | None] | None:
    """Who did it when no one is named: attackers no one identified; for an arrest, a ban or
    an investigation, the authorities of the place (their branch unknown)."""
    if event.event_type in UNATTRIBUTED_ATTACK_TYPES:
        return _ATTACKERS, "UAF"
    if event.event_type in AUTHORITY_TYPES or (event.event_type, event.mode) in AUTHORITY_TYPES:
        return _AUTHORITIES, None
    return None


def _mutual(sp: Any, event: Event) -> bool:
    """ "Clashes broke out in Tripoli": two sides fought; neither is the place's people."""
    if event.trigger is None:
        return False
    span = sp.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in _MUTUAL for t in span)


def _falls_on_people(doc: Document, event: Event, country: str) -> bool:
    if event.event_type not in PLACE_AFFECTED_TYPES:
        return False
    if event.event_type == "MOBILIZE":
        # Troops on alert at home fall on no one; in another country, on its people.
        actors = _actors_of(doc, event.actors)
        return bool(actors) and all(a.country not in (None, country) for a in actors)
    return True


def _host_of_post(doc: Document, sp: Any, event: Event, made: dict[tuple[str, str], Actor]) -> None:
    """ "Britain reopened its embassy in Damascus", "recalled its ambassador in Paris": what
    a state does to its own post abroad it does toward the host country, the one recipient."""
    actors = _actors_of(doc, event.actors)
    if not _states(actors):
        return  # only a state keeps posts abroad ("gunmen attacked the French embassy")
    root = _trigger_root(sp, event)
    if root is None:
        return
    verb = clause_verb(root)
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    posts = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    own = {a.country for a in actors}
    posts = [p for p in posts if p.lemma_.lower() in POSTS_ABROAD and _owned(doc, p, own)]
    for post in posts:
        found = _place_in(doc, sp, post)
        if found is None or found[2] in own:
            continue
        place, mention, country = found
        key = ("host", place.id)
        if key not in made:
            made[key] = Actor(
                id=_free_id(doc),
                name=mention.text,
                country=country,
                sector="GOV",
                mentions=[mention],
                country_basis="place",
            )
            doc.actors.append(made[key])
        at_post = {a.id for a in _holders(doc, post)}
        event.recipients = [r for r in event.recipients if r not in at_post]
        event.recipients.append(made[key].id)
        return


def _protest_at_post(doc: Document, sp: Any, event: Event) -> None:
    """ "Protesters rallied outside the US embassy": a protest at a state's embassy is aimed
    at that state."""
    if event.event_type not in GOVERNMENT_AIMED_TYPES or event.recipients:
        return
    root = _trigger_root(sp, event)
    if root is None:
        return
    verb = clause_verb(root)
    for prep in (c for t in (verb, root) for c in t.children if c.dep_ == "prep"):
        for post in prep.subtree:
            if post.lemma_.lower() not in EMBASSY_NOUNS:
                continue
            holder = next(iter(_holders(doc, post)), None)
            if holder is not None and holder.id not in event.actors and holder.country:
                event.recipients.append(holder.id)
                return


def _owned(doc: Document, post: Any, own: set[str | None]) -> bool:
    """Whether the post is the acting state's: "its embassy", or one coded as that state's
    ("an embassy" of Sri Lanka's; not "US and Saudi diplomats" met by others)."""
    if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in post.children):
        return True
    holders = _holders(doc, post)
    return bool(holders) and all(a.country in own for a in holders)


def _holders(doc: Document, tok: Any) -> list[Actor]:
    """The actors one of whose mentions covers the word ``tok``."""
    start, end = tok.idx, tok.idx + len(tok.text)
    return [a for a in doc.actors if any(m.start <= start and end <= m.end for m in a.mentions)]


def _actors_of(doc: Document, ids: list[str]) -> list[Actor]:
    return [a for a in (doc.actor(i) for i in ids) if a is not None]


def _states(actors: list[Actor]) -> bool:
    """Whether every actor is a state or its government, named as such by the text: those
    keep posts abroad and declare measures for their own people."""
    return bool(actors) and all(
        a.country_basis == "text" and a.sector in (None, "GOV") for a in actors
    )


def _place_in(doc: Document, sp: Any, tok: Any) -> tuple[Place, Span, str] | None:
    """The place an "in" phrase of ``tok`` names, its mention and its country."""
    spots = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.subtree]
    if not spots:
        return None
    start, end = spots[0].idx, spots[-1].idx + len(spots[-1].text)
    for place in doc.places:
        for m in place.mentions:
            if start <= m.start and m.end <= end and place.country is not None:
                return place, m, place.country
    return None


def _own_people(doc: Document, sp: Any, event: Event, made: dict[tuple[str, str], Actor]) -> None:
    """ "Iraq's government is prepared to impose martial law": a measure a state takes, with
    no one and no place named, falls on its own people."""
    if event.recipients or event.event_type not in PLACE_AFFECTED_TYPES:
        return
    actors = _actors_of(doc, event.actors)
    if not _states(actors):
        # "the governor of Lagos" rules a place, not the state; "Israeli forces imposed a
        # curfew" may well be abroad
        return
    countries = {a.country for a in actors}
    country = countries.pop() if len(countries) == 1 else None
    if country is None or country in COUNTRY_NONSTATE or not actors[0].mentions:
        return
    root = _trigger_root(sp, event)
    if root is None:
        return
    phrase = " ".join(t.lower_ for t in root.subtree)
    if not any(m in phrase for m in DOMESTIC_MEASURES):
        return
    if any(_where_phrase(c) for t in (root, root.head) for c in t.children):
        return  # "imposed martial law in four annexed regions": a place no list resolved
    key = (_PEOPLE, country)
    if key not in made:
        made[key] = Actor(
            id=_free_id(doc),
            name=f"{_PEOPLE} {_country_name(country)}",
            country=country,
            sector="CVL",
            mentions=[actors[0].mentions[0]],
            country_basis="context",
        )
        doc.actors.append(made[key])
    event.recipients.append(made[key].id)


def _where_phrase(tok: Any) -> bool:
    """ "in four annexed regions", not "on Tuesday"."""
    return bool(
        tok.dep_ == "prep"
        and tok.lower_ in _IN_PLACE
        and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in tok.children)
    )


def _country_name(code: str) -> str:
    info = load_gazetteer().country(code)
    return info.name if info is not None else code


def _about_elsewhere(doc: Document, sp: Any, event: Event, country: str) -> bool:
    """ "Tibetan exiles protested in Delhi ahead of the Chinese president's visit", "British
    tourists protested in Cancun", "rallied in Karachi against the burning of a Koran in
    Sweden": protesters from abroad, or a sentence naming another state, may aim at it."""
    actors = _actors_of(doc, event.actors)
    if any(a.country_basis == "text" and a.country not in (None, country) for a in actors):
        return True
    root = _trigger_root(sp, event)
    if root is None:
        return False
    sent = root.sent
    return any(
        e.country not in (None, country, *COUNTRY_NONSTATE)
        for e in doc.entities
        if e.label in ("GPE", "NORP") and sent.start_char <= e.start < sent.end_char
    )


def _armed(doc: Document, sp: Any, event: Event) -> bool:
    """ "The militia looted the market", "its warehouses had been looted": armed men, or no
    one named, making havoc of property press no claim on a government."""
    actors = _actors_of(doc, event.actors)
    if actors:
        return all(a.sector in _ARMED_SECTORS for a in actors)
    root = _trigger_root(sp, event)
    return root is not None and any(c.dep_ == "auxpass" for c in root.children)


def _rehome(doc: Document, ids: list[str], country: str, sectors: frozenset[str]) -> None:
    """ "Workers went on strike in Lagos": people of unknown or assumed country who protest
    in a place are its own."""
    for actor_id in ids:
        actor = doc.actor(actor_id)
        loose = actor is not None and actor.country_basis in ("context", None)
        if actor is not None and loose and actor.sector in sectors:
            actor.country = country
            actor.country_basis = "place"


def _rehome_bystanders(doc: Document, event: Event, country: str) -> None:
    for actor_id in event.recipients:
        actor = doc.actor(actor_id)
        if (
            actor is not None
            and actor.country_basis in ("context", None)
            and actor.country != country
            and actor.sector in _BYSTANDER_SECTORS
            and actor.name.lower().split()[-1] in _BYSTANDERS
        ):
            actor.country = country
            actor.country_basis = "place"


def _made(
    doc: Document,
    made: dict[tuple[str, str], Actor],
    words: str,
    sector: str | None,
    place: Place,
    mention: Span,
    country: str,
) -> Actor:
    """One actor per (kind, place) in the document, however many events it serves."""
    key = (words, place.id)
    if key not in made:
        national = words == _GOVERNMENT and place.feature == "country"
        named = _NATIONAL_GOVERNMENT if national else words
        actor = Actor(
            id=_free_id(doc),
            name=f"{named} {mention.text}",
            country=country,
            sector=sector,
            mentions=[mention],
            country_basis="place",
        )
        doc.actors.append(actor)
        made[key] = actor
    return made[key]


def _made_here(actor: Actor) -> bool:
    return actor.country_basis == "place" and actor.name.startswith(_MADE_NAMES)


def _free_id(doc: Document) -> str:
    taken = {a.id for a in doc.actors}
    n = len(doc.actors) + 1
    while f"a{n}" in taken:
        n += 1
    return f"a{n}"


class _View:
    """What every event's search needs from the document, read once: the tokens of triggers
    and of named actors, the spans a place inside which describes someone, the countries of
    country names."""

    def __init__(self, doc: Document, sp: Any) -> None:
        self.doc, self.sp = doc, sp
        self.triggers = _tokens(sp, [e.trigger for e in doc.events if e.trigger is not None])
        named = [a for a in doc.actors if not _made_here(a)]
        self.actor_tokens = {a.id: _tokens(sp, a.mentions) for a in named}
        # A place inside a named actor ("the governor of Baghdad", "U.S. soldiers") or a
        # people ("Iraqi") describes them, not where the event happened.
        self.taken = [(m.start, m.end) for a in named for m in a.mentions]
        self.taken += [(e.start, e.end) for e in doc.entities if e.label == "NORP" and e.country]
        # A country's own name is that country, whatever town of the name the places stage
        # chose for the map ("in Italy" in a story about a US citizen is not Italy, Texas).
        self.countries = {
            (e.start, e.end): e.country
            for e in doc.entities
            if e.label == "GPE" and e.source == "gazetteer" and e.country and not e.sector
        }

    def _country(self, place: Place, m: Span) -> str:
        named = self.countries.get((m.start, m.end))
        qualified = self.doc.text[m.end : m.end + 1] == ","  # "Lebanon, Pennsylvania"
        if named is None or place.feature == "admin1" or qualified:
            return place.country or ""
        return named

    def doer_named(self, event: Event) -> bool:
        """Whether the text names who did it, as a word no actor list knows ("Floods killed",
        "a Palestinian stabbed", "was tightened by Israel"): then no one is made up for it.
        A weapon or an attack as the subject names no one ("a car bomb killed")."""
        tok = _trigger_root(self.sp, event)
        if tok is None:
            return False
        verb = clause_verb(tok)
        doers = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        if tok.pos_ == "NOUN":
            doers += [c for c in tok.children if c.dep_ == "poss"]
        return any(d.lemma_.lower() not in ATTACK_MEANS and d.i != tok.i for d in doers)

    def person_acted_on(self, event: Event) -> bool:
        """Whether the event falls on a person the text names as no known actor ("arrested
        him in Lahore", "the rapper was detained"): not on the people of the place."""
        tok = _trigger_root(self.sp, event)
        if tok is None:
            return False
        verb = clause_verb(tok)
        patients = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(p.tag_ in ("PRP", "NNP", "NNPS") or p.ent_type_ == "PERSON" for p in patients)

    def event_place(self, event: Event) -> tuple[Place, Span, str] | None:
        """The event's place (its location first), the mention that puts it there and its
        country: inside the phrase of the event's verb, outside every named participant, and
        reached through no verb but an event's ("Putin, speaking in Moscow, threatened" is no
        threat to Moscow)."""
        sp = self.sp
        root = _trigger_root(sp, event)
        if root is None:
            return None
        verb = clause_verb(root)
        # "A bombing killed one soldier and wounded two": the verbs share their phrase.
        verbs = {verb.i, verb.head.i} if verb.dep_ == "conj" else {verb.i}
        sentence = root.sent
        # The actors a place may belong to; a recipient's place is where it was hit.
        owners = {
            t
            for actor_id, toks in self.actor_tokens.items()
            if actor_id not in event.recipients
            for t in toks
        }
        for place in sorted(self.doc.places, key=lambda p: p.id != event.location):
            if place.country is None:
                continue
            for m in place.mentions:
                if not sentence.start_char <= m.start < sentence.end_char:
                    continue
                if any(start <= m.start and m.end <= end for start, end in self.taken):
                    continue
                named = sp.char_span(m.start, m.end, alignment_mode="expand")
                if named is None or _describes(named.root):
                    continue
                launched = event.event_type in _LAUNCHED  # "evacuated from Gorazde" is there
                if _reaches(named.root, verbs, self.triggers, owners, launched=launched):
                    return place, m, self._country(place, m)
        return None


def _describes(tok: Any) -> bool:
    """ "US-funded laboratory", "new US chip curbs": a name describing a thing, no place where
    anything happened ("the Paris suburb of Nanterre" still is one)."""
    return bool(
        tok.dep_ in ("compound", "amod", "nmod", "npadvmod")
        and tok.head.pos_ in ("NOUN", "ADJ", "VERB")
        and tok.head.lemma_.lower() not in QUALIFIED_PLACES
    )


def _reaches(
    tok: Any, verbs: set[int], triggers: set[int], owners: set[int], *, launched: bool
) -> bool:
    """Whether one of ``verbs`` governs ``tok`` through nouns, prepositions and event verbs."""
    cur = tok
    while cur.i not in verbs:
        if cur.head.i == cur.i:
            return False
        if cur.head.i in owners:
            return False  # "the governor of Baghdad", "police in Istanbul": the actor's place
        if cur.lower_ == "of" and cur.head.lemma_.lower() in _WATERS:
            return False  # "the Gulf of Oman" is no country's
        if cur.lower_ == "between":
            return False  # "trains between Kyiv and Warsaw": a route, no one place
        if cur.dep_ == "prep" and cur.lower_ in ("from", "out") and launched:
            return False  # "fired rockets from Lebanon": where it came from, not where it fell
        cur = cur.head
        if (
            cur.i not in verbs
            and cur.pos_ in ("VERB", "AUX")
            and cur.dep_ not in _NOMINAL_DEPS  # "evacuated the wounded from Gorazde"
            and cur.dep_ != "xcomp"  # "threatened to resume attacks in Israel"
            and cur.i not in triggers
        ):
            return False
    return True


def _tokens(sp: Any, spans: list[Span]) -> set[int]:
    found: set[int] = set()
    for m in spans:
        span = sp.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            found.update(t.i for t in span)
    return found
