"""Span arithmetic shared by the suites: overlap, distance and greedy one-to-one matching."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

__all__ = ["Located", "gap", "greedy_match", "overlap", "span_of"]


class Located(Protocol):
    """Anything with character offsets (model Spans, Timexes, Evidence …)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


Bounds = tuple[int, int]


def span_of(item: Located | Mapping[str, Any]) -> Bounds:
    """(start, end) of a model object or of a gold dict."""
    if isinstance(item, Mapping):
        return int(item["start"]), int(item["end"])
    return item.start, item.end


def overlap(a: Bounds, b: Bounds) -> int:
    """Number of characters the two half-open spans share (0 when disjoint)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def gap(a: Bounds, b: Bounds) -> int:
    """Characters between two spans; 0 when they touch or overlap."""
    return max(0, b[0] - a[1], a[0] - b[1])


def greedy_match(gold: Sequence[Bounds], predicted: Sequence[Bounds]) -> list[tuple[int, int]]:
    """Pair gold and predicted spans one-to-one, largest character overlap first.

    Returns (gold index, predicted index) pairs. Ties go to the earlier gold, then the
    earlier prediction, so the result does not depend on dict or set order.
    """
    candidates = [
        (-overlap(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if overlap(g, p) > 0
    ]
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs
