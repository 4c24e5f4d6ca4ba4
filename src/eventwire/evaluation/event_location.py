"""Scores the event_location suite: is the event nearest the gold verb placed at its location."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from eventwire.model import Document, Event

from .result import SuiteResult, missing_documents, ratio
from .spans import Bounds, gap, overlap, span_of

__all__ = ["nearest_event", "score_event_location"]

GoldRecord = Mapping[str, Any]

_COUNTS = (
    "with_location",
    "without_location",
    "location_hit",
    "place_hit",
    "null_location",
    "no_event",
)


def score_event_location(
    records: Sequence[GoldRecord], predictions: Mapping[str, Document]
) -> SuiteResult:
    """Location hit rate and place recall over located items; null rate over the others."""
    n = Counter(dict.fromkeys(_COUNTS, 0))
    details: list[str] = []
    for record in records:
        doc = predictions.get(record["id"])
        event = nearest_event(span_of(record["verb"]), doc.events) if doc else None
        n["no_event"] += event is None
        gold = [span_of(loc) for loc in record["locations"]]
        if not gold:
            n["without_location"] += 1
            n["null_location"] += event is None or event.location is None
            continue
        n["with_location"] += 1
        hit = doc is not None and event is not None and _placed_at(doc, event.location, gold)
        n["location_hit"] += hit
        n["place_hit"] += doc is not None and any(
            _placed_at(doc, place.id, gold) for place in doc.places
        )
        if not hit:
            where = record["locations"][0]["text"]
            details.append(f"{record['id']}: event not placed at {where!r}")
    metrics = {
        "location_accuracy": ratio(n["location_hit"], n["with_location"]),
        "place_recall": ratio(n["place_hit"], n["with_location"]),
        "null_when_no_location": ratio(n["null_location"], n["without_location"]),
    }
    counts = dict(n) | {
        "items": len(records),
        "no_document": missing_documents(records, predictions),
    }
    return SuiteResult("event_location", len(records), metrics, counts, details=details)


def nearest_event(verb: Bounds, events: Sequence[Event]) -> Event | None:
    """The event whose evidence is nearest the verb (0 when it contains the verb).

    Evidence is usually a whole sentence, so several events tie at 0; the one whose trigger
    is nearest the verb wins then, and document order after that.
    """

    def key(indexed: tuple[int, Event]) -> tuple[int, float, int]:
        index, event = indexed
        trigger = gap(verb, span_of(event.trigger)) if event.trigger else float("inf")
        return gap(verb, span_of(event.evidence)), trigger, index

    return min(enumerate(events), key=key, default=(0, None))[1]


def _placed_at(doc: Document, place_id: str | None, gold: Sequence[Bounds]) -> bool:
    """Whether the place has a mention overlapping any gold location span."""
    place = doc.place(place_id) if place_id else None
    if place is None:
        return False
    return any(overlap(g, span_of(m)) > 0 for m in place.mentions for g in gold)
