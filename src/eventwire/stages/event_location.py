"""Where each event happened: the place its clause or sentence puts it, never a default."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import Document, Event, Place, Span
from .place_words import DIRECTION_WORDS, EVENT_PREPS, PLACE_NOUNS, word_set
from .syntax import clause_verb

if TYPE_CHECKING:
    from .places import Geocoder

__all__ = ["locate_event"]

# Places small enough to say where the thing they modify is ("the Baghdad headquarters").
_TOWN_FEATURES = word_set("city admin1 other")
# A verb's participants: a place inside one describes it, not where the event happened.
_ARGUMENT_DEPS = word_set("nsubj nsubjpass dobj agent attr dative csubj")
# Links from a name to the phrase it belongs to ("Lamitan town", "Yala and Pattani").
_PART_DEPS = word_set("compound conj appos nmod npadvmod amod nummod")


def locate_event(doc: Document, sp: Any, event: Event, gaz: Geocoder) -> str | None:
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
    verb = clause_verb(trigger)
    if kind == "object":
        # What troops took or patrolled is where it happened ("captured Kabul"); what a
        # statement named is its target, not its place ("condemned Israel").
        named = any(s < m.end and m.start < e for s, e in actors)
        if tok.i not in (trigger.i, verb.i) or (named and event.quad_class not in (2, 4)):
            return None
        return 0, aside
    if clause_verb(tok).i != verb.i:
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
        if (tok.dep_ in _PART_DEPS and head.lemma_.lower() in PLACE_NOUNS) or tok.dep_ in (
            "conj",
            "appos",
        ):
            tok = head  # "Lamitan town", "Yala and Pattani", "Amara, south of Baghdad"
        elif tok.dep_ == "poss" or (tok.dep_ in _PART_DEPS and feature in _TOWN_FEATURES):
            tok, aside = head, 1  # "Syria's Raqqa", "the Baghdad headquarters"
        elif tok.dep_ == "pobj" and head.lower_ in EVENT_PREPS:
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
    return bool(prep.lower_ == "of" and prep.head.lower_ in DIRECTION_WORDS)
