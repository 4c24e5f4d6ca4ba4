"""Scores the toponym suite: toponym recall, then distance, GeoNames id and country of the place."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from eventwire.model import Document, Place

from .result import ClassRow, SuiteResult, missing_documents, ratio
from .spans import overlap, span_of

__all__ = ["EARTH_RADIUS_KM", "MAX_DISTANCE_KM", "haversine_km", "score_toponym"]

GoldRecord = Mapping[str, Any]

EARTH_RADIUS_KM = 6371.0  # mean radius, as in most geoparsing evaluations
MAX_DISTANCE_KM = 161.0  # 100 miles, the usual geoparsing "accuracy@161" threshold

# For each rate: the counter of hits and the counter of the denominator.
_RATES = {
    "recall": ("found", "gold"),
    "accuracy_161km": ("within_161km", "with_coordinates"),
    "geonameid_accuracy": ("same_geonameid", "with_geonameids"),
    "country_accuracy": ("same_country", "with_country"),
}
_COUNTS = (
    "gold",
    "found",
    "with_coordinates",
    "within_161km",
    "with_geonameids",
    "same_geonameid",
    "with_country",
    "same_country",
)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def score_toponym(
    records: Sequence[GoldRecord], predictions: Mapping[str, Document]
) -> SuiteResult:
    """Recall, accuracy within 161 km, GeoNames id and country accuracy; per corpus and overall."""
    per_corpus: defaultdict[str, Counter[str]] = defaultdict(_tally)
    details: list[str] = []
    for record in records:
        doc = predictions.get(record["id"])
        places = doc.places if doc else []
        tally = per_corpus[str(record.get("corpus") or "all")]
        for gold in record["toponyms"]:
            place = best_place(span_of(gold), places)
            _check(gold, place, tally)
            if place is None:
                details.append(f"{record['id']} {gold['text']!r}: not found")
    total = _tally()
    for tally in per_corpus.values():
        total.update(tally)  # update, not +: Counter addition drops the zero counts
    rows = [
        ClassRow(c, t["gold"], _rates(t), {"found": t["found"]})
        for c, t in sorted(per_corpus.items())
    ]
    counts = dict(total) | {
        "items": len(records),
        "no_document": missing_documents(records, predictions),
    }
    return SuiteResult(
        "toponym", len(records), _rates(total), counts, rows, "corpus", details=details
    )


def best_place(gold: tuple[int, int], places: Sequence[Place]) -> Place | None:
    """The place whose mention overlaps the gold span most (the first on ties), or None."""
    best: Place | None = None
    best_overlap = 0
    for place in places:
        for mention in place.mentions:
            shared = overlap(gold, span_of(mention))
            if shared > best_overlap:
                best, best_overlap = place, shared
    return best


def _check(gold: Mapping[str, Any], place: Place | None, tally: Counter[str]) -> None:
    """Add one gold toponym's outcome to its corpus's counters."""
    tally["gold"] += 1
    if place is None:
        return
    tally["found"] += 1
    if gold.get("lat") is not None and gold.get("lon") is not None:
        tally["with_coordinates"] += 1
        tally["within_161km"] += _within(gold["lat"], gold["lon"], place)
    if gold.get("geonameid") is not None and place.geonameid is not None:
        tally["with_geonameids"] += 1
        tally["same_geonameid"] += int(gold["geonameid"]) == place.geonameid
    if gold.get("country"):
        tally["with_country"] += 1
        tally["same_country"] += gold["country"] == place.country


def _within(lat: float, lon: float, place: Place) -> bool:
    # A place the pipeline could not put on the map counts as wrong, not as skipped.
    if place.lat is None or place.lon is None:
        return False
    return haversine_km(lat, lon, place.lat, place.lon) <= MAX_DISTANCE_KM


def _tally() -> Counter[str]:
    """Zeroed counters, so every count is reported even when nothing reached it."""
    return Counter(dict.fromkeys(_COUNTS, 0))


def _rates(tally: Counter[str]) -> dict[str, float]:
    return {name: ratio(tally[hit], tally[total]) for name, (hit, total) in _RATES.items()}
