"""The events stage scored on the training corpus with out-of-fold models: rules vs. rules+model."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import Article, Document
from ..ontology import EVENT_TYPES
from ..pipeline import Pipeline
from ..stages.events import EventsStage
from .model import EventModel
from .train import Example

__all__ = ["code_without_events", "score_stage"]


def code_without_events(examples: Sequence[Example]) -> list[Document]:
    """Every training sentence through the stages before events (nlp … quotes), once."""
    pipeline = Pipeline.from_names(["nlp", "mentions", "actors", "quotes"])
    articles = [Article(id=str(n), text=e.text) for n, e in enumerate(examples)]
    return list(pipeline.pipe(articles, batch_size=64))


def score_stage(
    examples: Sequence[Example],
    docs: Sequence[Document],
    fold_of_example: Sequence[int],
    models: Sequence[EventModel] | None,
    *,
    drop_at: float | None = None,
    override_at: float | None = None,
    add_at: float | None = None,
) -> dict[str, Any]:
    """Sentence-level event-type P/R/F1, as `eventwire eval` scores the PLOVER gold.

    Each sentence is coded by the events stage with the model of the fold that did not train
    on it (``models=None``: the lexicon rules alone); the predicted set of types is compared
    with the sentence's gold set.
    """
    stages = [EventsStage(use_model=False)]
    if models:
        stages = [
            EventsStage(
                model=replace(
                    m,
                    drop_at=m.drop_at if drop_at is None else drop_at,
                    override_at=m.override_at if override_at is None else override_at,
                    add_at=m.add_at if add_at is None else add_at,
                )
            )
            for m in models
        ]
    tp, pred, gold = Counter[str](), Counter[str](), Counter[str]()
    hit_any = with_gold = 0
    for example, doc, fold in zip(examples, docs, fold_of_example, strict=True):
        stage = stages[fold] if models else stages[0]
        predicted = {e.event_type for e in stage(doc).events}
        wanted = {e["type"] for e in example.events}
        pred.update(predicted)
        gold.update(wanted)
        tp.update(predicted & wanted)
        if wanted:
            with_gold += 1
            hit_any += bool(predicted & wanted)
    n_tp, n_pred, n_gold = sum(tp.values()), sum(pred.values()), sum(gold.values())
    out: dict[str, Any] = _prf(n_tp, n_pred, n_gold)
    out["accuracy_any"] = hit_any / max(1, with_gold)
    out["per_type"] = {t: _prf(tp[t], pred[t], gold[t]) for t in EVENT_TYPES}
    return out


def _prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
