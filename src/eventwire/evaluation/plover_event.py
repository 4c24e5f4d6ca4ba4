"""Scores the plover_event suite: event types against the PLOVER GSR, then the actors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from eventwire.model import Document, Event
from eventwire.ontology import EVENT_TYPES

from .result import ClassRow, SuiteResult, missing_documents, prf, ratio

__all__ = ["score_plover_event"]

GoldRecord = Mapping[str, Any]

# (gold role key, Event attribute holding the actor ids that play it)
_ROLES = (("source", "actors"), ("target", "recipients"))
_FIELDS = ("country", "sector")
# The GSR (PLOVER 0.5) codes every intergovernmental body IGO; our ontology (plover.md) keeps
# the UN's (UNO) and the EU's (EUR) apart. A second, coarser country figure counts a UNO or
# EUR answer as IGO, so the two conventions can be told apart in the report; the strict
# figure stays the headline.
_COARSE = {"UNO": "IGO", "EUR": "IGO"}


def score_plover_event(
    records: Sequence[GoldRecord], predictions: Mapping[str, Document]
) -> SuiteResult:
    """Event-type micro P/R/F1, accuracy@any, a per-type table and actor accuracies."""
    gold_types = Counter[str]()
    true_pos, predicted = Counter[str](), Counter[str]()
    actor_hits, actor_counted = Counter[str](), Counter[str]()
    details: list[str] = []
    with_events = 0
    for record in records:
        doc = predictions.get(record["id"])
        events = doc.events if doc else []
        gold = record["event_type"]
        types = {e.event_type for e in events}
        with_events += bool(types)
        gold_types[gold] += 1
        predicted.update(types)
        if doc is not None and gold in types:
            true_pos[gold] += 1
            _score_actors(
                record, doc, [e for e in events if e.event_type == gold], actor_hits, actor_counted
            )
        else:
            details.append(f"{record['id']}: gold {gold}, predicted {sorted(types) or 'nothing'}")
    items = len(records)
    hits = sum(true_pos.values())
    metrics = prf(hits, sum(predicted.values()), items)
    metrics["accuracy_any"] = ratio(hits, items)
    for key in _actor_keys():
        metrics[f"{key}_accuracy"] = ratio(actor_hits[key], actor_counted[key])
    for role, _ in _ROLES:
        key = f"{role}_country"
        metrics[f"{key}_accuracy_igo_as_one"] = ratio(
            actor_hits[f"{key}_coarse"], actor_counted[key]
        )
    counts = {
        "items": items,
        "with_prediction": with_events,
        "no_event": items - with_events,
        "gold_type_predicted": hits,
        "no_document": missing_documents(records, predictions),
    }
    counts.update({f"{key}_counted": actor_counted[key] for key in _actor_keys()})
    rows = _type_rows(gold_types, true_pos, predicted)
    return SuiteResult("plover_event", items, metrics, counts, rows, "event type", details=details)


def _actor_keys() -> list[str]:
    return [f"{role}_{field}" for role, _ in _ROLES for field in _FIELDS]


def _score_actors(
    record: GoldRecord,
    doc: Document,
    events: list[Event],
    hits: Counter[str],
    counted: Counter[str],
) -> None:
    """Count one item's actor hits: any gold value equal to any predicted value."""
    for role, attribute in _ROLES:
        ids = {actor_id for e in events for actor_id in getattr(e, attribute)}
        actors = [a for a in (doc.actor(i) for i in sorted(ids)) if a is not None]
        for field in _FIELDS:
            gold = _values(record.get(role) or [], field)
            if not gold:  # the gold role names no value: nothing to compare
                continue
            key = f"{role}_{field}"
            counted[key] += 1
            predicted = {getattr(a, field) for a in actors}
            hits[key] += bool(gold & predicted)
            if field == "country":
                coarse = {_COARSE.get(c, c) for c in predicted}
                hits[f"{key}_coarse"] += bool({_COARSE.get(c, c) for c in gold} & coarse)


def _values(gold_actors: Iterable[Mapping[str, Any]], field: str) -> set[str]:
    return {a[field] for a in gold_actors if a.get(field)}


def _type_rows(
    gold: Counter[str], true_pos: Counter[str], predicted: Counter[str]
) -> list[ClassRow]:
    """Per-type P/R/F1 for every type that was in the gold or predicted."""
    seen = set(gold) | set(predicted)
    # Ontology order first so tables read the same across runs; unknown labels after it.
    labels = [t for t in EVENT_TYPES if t in seen] + sorted(seen - set(EVENT_TYPES))
    return [
        ClassRow(
            t,
            gold[t],
            prf(true_pos[t], predicted[t], gold[t]),
            {"predicted": predicted[t], "correct": true_pos[t]},
        )
        for t in labels
    ]
