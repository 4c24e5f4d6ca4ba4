"""Small readings of the parse for the actors stage: datelines, determiners, and where a
country name is a party to an event rather than a place."""

from __future__ import annotations

from typing import Any

from ..model import Entity
from ..ontology import ARRIVALS, BETWEEN_PARTIES, FORCE_MOVES, RECEIPTS, SENT_NOUNS

__all__ = ["after_ethnic", "is_dateline", "party_not_place", "strip_det", "where_forces_move"]


def is_dateline(text: str, ent: Entity) -> bool:
    """ "NIAMEY, July 27 —" or "TRIPOLI —" opening a paragraph: where the story was filed."""
    at_line_start = ent.start == 0 or text[ent.start - 1] == "\n"
    follows = text[ent.end : ent.end + 3]
    return (
        at_line_start
        and ent.text.isupper()
        and (follows.startswith(",") or follows.lstrip().startswith(("—", "–", "-")))
    )


def strip_det(text: str) -> str:
    for det in ("the ", "The "):
        if text.startswith(det):
            return text[len(det) :]
    return text


def where_forces_move(root: Any) -> bool:
    """ "(withdrew) … from Lebanon", "(deployed) … in Mali" with the verb's object in between."""
    prep = root.head
    verbs = FORCE_MOVES.get(prep.lower_, frozenset())
    verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head
    return verb.lemma_.lower() in verbs and any(c.dep_ == "dobj" for c in verb.children)


def after_ethnic(span: Any) -> bool:
    return bool(span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic")


def party_not_place(root: Any) -> bool:
    """ "arrived in Beijing", "weapons from Iran", "criticism from Brussels", "talks between
    Guyana and Venezuela": the country or capital is the host, the sender or a party."""
    prep = root.head
    head = prep.head
    if prep.lower_ == "between":
        return bool(head.pos_ == "NOUN" and head.lemma_.lower() in BETWEEN_PARTIES)
    if prep.lower_ == "in":
        return bool(head.lemma_.lower() in ARRIVALS)
    if prep.lower_ != "from":
        return False
    if head.pos_ == "NOUN" and head.lemma_.lower() in SENT_NOUNS:
        return True
    verb = head.head if head.dep_ == "dobj" else head
    return bool(verb.lemma_.lower() in RECEIPTS)
