"""Scores eventwire's output against the gold suites (``eventwire eval GOLD.jsonl``)."""

from __future__ import annotations

from .report import class_table, metrics_table, render, to_json
from .result import ClassRow, SuiteResult
from .runner import EvalError, Pipeline, articles_for, detect_suite, evaluate, load_gold
from .scoring import (
    SCORERS,
    score,
    score_event_location,
    score_plover_event,
    score_quotes,
    score_timex,
    score_toponym,
)
from .timex_values import relaxed_match, value_range
from .toponym import haversine_km

__all__ = [
    "SCORERS",
    "ClassRow",
    "EvalError",
    "Pipeline",
    "SuiteResult",
    "articles_for",
    "class_table",
    "detect_suite",
    "evaluate",
    "haversine_km",
    "load_gold",
    "metrics_table",
    "relaxed_match",
    "render",
    "score",
    "score_event_location",
    "score_plover_event",
    "score_quotes",
    "score_timex",
    "score_toponym",
    "to_json",
    "value_range",
]
