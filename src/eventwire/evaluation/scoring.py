"""Maps each gold suite name to its pure scoring function."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from eventwire.errors import EvalError
from eventwire.model import Document

from .event_location import score_event_location
from .plover_event import score_plover_event
from .quotes import score_quotes
from .result import SuiteResult
from .timex import score_timex
from .toponym import score_toponym

__all__ = [
    "SCORERS",
    "Scorer",
    "score",
    "score_event_location",
    "score_plover_event",
    "score_quotes",
    "score_timex",
    "score_toponym",
]

Scorer = Callable[[Sequence[Mapping[str, Any]], Mapping[str, Document]], SuiteResult]

SCORERS: dict[str, Scorer] = {
    "plover_event": score_plover_event,
    "timex": score_timex,
    "toponym": score_toponym,
    "event_location": score_event_location,
    "quote": score_quotes,
}


def score(
    suite: str, records: Sequence[Mapping[str, Any]], predictions: Mapping[str, Document]
) -> SuiteResult:
    """Score predictions against gold records of the named suite."""
    try:
        scorer = SCORERS[suite]
    except KeyError:
        raise EvalError(f"unknown suite {suite!r}; known: {', '.join(SCORERS)}") from None
    return scorer(records, predictions)
