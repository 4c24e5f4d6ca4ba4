"""Shared reading of the dependency parse: phrase spans, argument actors, the story's countries."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..model import Actor, Document
from ..ontology import COUNTRY_NONSTATE, GOODS, RELATION_NOUNS

__all__ = [
    "LOCATIVE_PREPS",
    "ActorIndex",
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
        and not e.text.lower().startswith(("anti-", "pro-"))  # a stance, not a subject
    )
    return [c for c, _ in counts.most_common()]

# Prepositions that say where a thing is ("a jail in Dili"), not whose or from whom it is.
_WHERE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "within", "around", "along"})
_PLACE_WORDS = frozenset(
    "capital city town village region province district state suburb outskirts".split()
)


class ActorIndex:
    """The document's actor mentions sorted by offset, for fast lookups by phrase."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        # (start, end, order, actor): order keeps the first-listed actor winning ties.
        entries = [
            (m.start, m.end, n, actor)
            for n, (actor, m) in enumerate((a, m) for a in actors for m in a.mentions)
        ]
        entries.sort(key=lambda e: (e[0], e[2]))
        self.entries = entries
        self.starts = [e[0] for e in entries]
        self.longest = max((e[1] - e[0] for e in entries), default=0)

    def actor_at(self, tok: Any) -> Actor | None:
        """The actor a phrase headed by ``tok`` refers to.

        A mention covering the head word wins; otherwise the mention nearest the head inside
        the phrase ("the leaders of Mali" → Mali only when no mention covers "leaders").
        """
        head_start, head_end = tok.idx, tok.idx + len(tok.text)
        start, end = phrase_chars(tok)
        lo = bisect.bisect_left(self.starts, min(start, head_start - self.longest))
        hi = bisect.bisect_right(self.starts, max(end, head_start))
        covering: tuple[int, Actor] | None = None
        best: tuple[bool, int, int, Actor] | None = None
        for m_start, m_end, order, actor in self.entries[lo:hi]:
            if m_start <= head_start and head_end <= m_end:
                if covering is None or order < covering[0]:
                    covering = (order, actor)
            elif start <= m_start and m_end <= end:
                span = tok.doc.char_span(m_start, m_end, alignment_mode="expand")
                if span is not None and _placed_under(tok, span.root):
                    continue
                aside = False if span is None else _aside(span.root)
                if aside is None:
                    continue
                distance = min(abs(m_end - head_start), abs(m_start - head_end))
                key = (aside, distance, order)
                if best is None or key < best[:3]:
                    best = (*key, actor)
        if covering is not None:
            return covering[1]
        return best[3] if best else None


def _aside(root: Any) -> bool | None:
    """Whether the mention headed by ``root`` is a lesser party of the phrase: the other side
    of a tie ("the chief of Israel's militia ally" is the militia's), taken only when no other
    is named. None when it is no party of it at all: the kind of what is given ("a military
    aid program for Bosnia", "cut military aid")."""
    if root.dep_ in ("compound", "amod") and root.is_lower and root.head.lemma_.lower() in GOODS:
        return None  # a role word ("military aid"), not a name ("the ASEAN fund", "RSF drones")
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        root = root.head
    return root.dep_ in ("poss", "prep") and root.head.lemma_.lower() in RELATION_NOUNS


def _placed_under(head: Any, root: Any) -> bool:
    """Whether the mention headed by ``root`` hangs from ``head`` through a place preposition:
    "a jail in East Timor's capital" is no actor of East Timor's."""
    cur, below = root, root
    while cur.i != head.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in _WHERE_PREPS:
            # "in Dili", "in East Timor's capital" name a place; "in Hezbollah strongholds"
            # names whose the place is.
            return below.i == root.i or below.lemma_.lower() in _PLACE_WORDS
        below, cur = cur, cur.head
    return False
