"""Shared reading of the dependency parse: phrase spans, argument actors, the story's countries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Actor, Document, Span
from ..ontology import COUNTRY_NONSTATE

__all__ = [
    "LOCATIVE_PREPS",
    "actor_at",
    "clause_verb",
    "country_context",
    "phrase_chars",
]

# Prepositions after which a place name is where something happened, not who acted.
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "inside",
        "outside",
        "throughout",
        "within",
        "around",
        "into",
        "from",
        "through",
        "along",
        "towards",
        "toward",
        "over",
        "between",
        "beyond",
    }
)


def clause_verb(tok: Any) -> Any:
    """The verb of the clause a word stands in (the word itself when it is one)."""
    cur = tok
    while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
        cur = cur.head
    return cur


def phrase_chars(tok: Any) -> tuple[int, int]:
    """Character span of a token's whole phrase (its subtree)."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def country_context(doc: Document) -> list[str]:
    """Countries the article talks about, most mentioned first (from entities' codes)."""
    counts: Counter[str] = Counter(
        e.country
        for e in doc.entities
        if e.country
        and len(e.country) == 3
        and e.label in ("GPE", "NORP")
        and e.country not in COUNTRY_NONSTATE
    )
    return [c for c, _ in counts.most_common()]


def _mentions(actors: Iterable[Actor]) -> Iterator[tuple[Actor, Span]]:
    for actor in actors:
        for m in actor.mentions:
            yield actor, m


def actor_at(doc: Document, tok: Any) -> Actor | None:
    """The actor a phrase headed by ``tok`` refers to.

    A mention covering the head word wins; otherwise the mention nearest the head inside the
    phrase ("the leaders of Mali" → Mali only when no mention covers "leaders").
    """
    head_start, head_end = tok.idx, tok.idx + len(tok.text)
    start, end = phrase_chars(tok)
    best: tuple[int, Actor] | None = None
    for actor, m in _mentions(doc.actors):
        if m.start <= head_start and head_end <= m.end:
            return actor
        if start <= m.start and m.end <= end:
            distance = min(abs(m.end - head_start), abs(m.start - head_end))
            if best is None or distance < best[0]:
                best = (distance, actor)
    return best[1] if best else None
