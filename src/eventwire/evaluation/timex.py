"""Scores the timex suite: detection with overlap and exact spans, then normalised values."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from eventwire.model import Document, Timex

from .result import ClassRow, SuiteResult, missing_documents, prf, ratio
from .spans import greedy_match, span_of
from .timex_values import relaxed_match

__all__ = ["score_timex"]

GoldRecord = Mapping[str, Any]

_COUNTS = ("gold", "predicted", "matched", "strict_matched", "value_right", "relaxed_right")


def score_timex(records: Sequence[GoldRecord], predictions: Mapping[str, Document]) -> SuiteResult:
    """Overlap P/R/F1, strict F1, value accuracy and relaxed value accuracy, pooled over items."""
    n = Counter(dict.fromkeys(_COUNTS, 0))
    by_type, found_by_type, right_by_type = Counter[str](), Counter[str](), Counter[str]()
    details: list[str] = []
    for record in records:
        doc = predictions.get(record["id"])
        gold: list[Mapping[str, Any]] = record["timexes"]
        predicted: list[Timex] = doc.timexes if doc else []
        n["gold"] += len(gold)
        n["predicted"] += len(predicted)
        n["strict_matched"] += _exact_matches(gold, predicted)
        by_type.update(g["type"] for g in gold)
        pairs = greedy_match([span_of(g) for g in gold], [span_of(p) for p in predicted])
        n["matched"] += len(pairs)
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            found_by_type[g["type"]] += 1
            exact = p.value == g["value"]
            n["value_right"] += exact
            n["relaxed_right"] += relaxed_match(g["value"], p.value)
            right_by_type[g["type"]] += exact
            if not exact:
                details.append(f"{record['id']} {g['text']!r}: gold {g['value']}, got {p.value}")
    metrics = prf(n["matched"], n["predicted"], n["gold"])
    strict = prf(n["strict_matched"], n["predicted"], n["gold"])
    metrics |= {f"strict_{k}": v for k, v in strict.items()}
    metrics["value_accuracy"] = ratio(n["value_right"], n["matched"])
    metrics["relaxed_value_accuracy"] = ratio(n["relaxed_right"], n["matched"])
    counts = dict(n) | {
        "items": len(records),
        "no_document": missing_documents(records, predictions),
    }
    rows = [
        ClassRow(
            t,
            by_type[t],
            {
                "recall": ratio(found_by_type[t], by_type[t]),
                "value_accuracy": ratio(right_by_type[t], found_by_type[t]),
            },
        )
        for t in sorted(by_type)
    ]
    return SuiteResult("timex", len(records), metrics, counts, rows, "gold type", details=details)


def _exact_matches(gold: Sequence[Mapping[str, Any]], predicted: Sequence[Timex]) -> int:
    """Gold spans matched by a predicted span with the same offsets, one-to-one."""
    remaining = Counter(span_of(p) for p in predicted)
    hits = 0
    for g in gold:
        if remaining[span_of(g)] > 0:
            remaining[span_of(g)] -= 1
            hits += 1
    return hits
