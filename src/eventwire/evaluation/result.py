"""The typed outcome of scoring one gold suite, and the small arithmetic every suite shares."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventwire.model import Document

__all__ = ["ClassRow", "SuiteResult", "f1", "missing_documents", "prf", "ratio"]


@dataclass(frozen=True)
class ClassRow:
    """One row of a breakdown table: a class (event type, timex type, corpus) and its rates.

    ``support`` is the number of gold items of the class; ``counts`` holds other tallies.
    """

    label: str
    support: int
    values: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SuiteResult:
    """What one suite measured: headline rates, the counts behind them and a breakdown table.

    Rates whose denominator is zero are reported as 0.0; the matching entry in ``counts``
    shows that nothing was counted.
    """

    suite: str
    items: int
    metrics: dict[str, float]
    counts: dict[str, int] = field(default_factory=dict)
    rows: list[ClassRow] = field(default_factory=list)
    row_label: str = "class"
    failures: int = 0
    details: list[str] = field(default_factory=list)


def ratio(hits: int, total: int) -> float:
    """hits / total, with 0.0 for an empty denominator (JSON has no NaN)."""
    return hits / total if total else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall; 0.0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def prf(true_pos: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from the true positives and the two set sizes."""
    precision, recall = ratio(true_pos, predicted), ratio(true_pos, gold)
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


def missing_documents(
    records: Sequence[Mapping[str, Any]], predictions: Mapping[str, Document]
) -> int:
    """Gold items that got no Document at all (failed or dropped by the pipeline)."""
    return sum(1 for r in records if r["id"] not in predictions)
