"""Runs a pipeline over a gold file and scores what it produced."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from eventwire.errors import EvalError
from eventwire.model import Article, Document, RunReport

from .result import SuiteResult
from .scoring import SCORERS, score

__all__ = ["EvalError", "Pipeline", "articles_for", "detect_suite", "evaluate", "load_gold"]

GoldRecord = dict[str, Any]

# Fields each suite's scorer reads, besides id, task and text: checked up front so a
# malformed gold line fails with its file and line instead of a KeyError mid-scoring.
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "plover_event": ("event_type",),
    "timex": ("dct", "timexes"),
    "toponym": ("toponyms",),
    "event_location": ("verb", "locations"),
    "quote": ("quotes",),
}

# The record field that anchors relative dates, for the suites whose records carry one.
PUBLISHED_FIELD: dict[str, str] = {"timex": "dct", "quote": "published_at"}


class Pipeline(Protocol):
    """What evaluate needs from a pipeline: the batch entry point."""

    def pipe(
        self, articles: Iterable[Article], *, report: RunReport | None = None
    ) -> Iterator[Document]: ...


def detect_suite(record: GoldRecord, *, where: str = "gold record") -> str:
    """The suite a gold record belongs to, from its ``task`` field."""
    task = record.get("task")
    if task not in SCORERS:
        raise EvalError(f"{where}: unknown task {task!r}; expected one of {', '.join(SCORERS)}")
    return str(task)


def load_gold(path: str | Path) -> tuple[str, list[GoldRecord]]:
    """Read a gold .jsonl file: its suite and its records, all checked for shape."""
    path = Path(path)
    try:
        # Not splitlines(): it would also split at a U+2028 inside a JSON string.
        content = path.read_text(encoding="utf-8").removesuffix("\n")
        lines = content.split("\n") if content else []
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc}") from exc
    records: list[GoldRecord] = []
    suites: set[str] = set()
    ids: set[str] = set()
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        record = _parse_line(line, where)
        suite = detect_suite(record, where=where)
        _check_fields(record, suite, where)
        if suites and suite not in suites:
            raise EvalError(f"{where}: task {suite!r} differs from {suites.pop()!r} above")
        if record["id"] in ids:
            raise EvalError(f"{where}: duplicate id {record['id']!r}")
        suites.add(suite)
        ids.add(record["id"])
        records.append(record)
    if not records:
        raise EvalError(f"{path}: no gold records")
    return suites.pop(), records


def articles_for(suite: str, records: Iterable[GoldRecord]) -> list[Article]:
    """One input article per gold record, dated where the suite's records carry a date."""
    field = PUBLISHED_FIELD.get(suite)
    return [
        Article(id=r["id"], text=r["text"], published_at=r.get(field) if field else None)
        for r in records
    ]


def evaluate(path: str | Path, pipeline: Pipeline, *, limit: int | None = None) -> SuiteResult:
    """Code the gold file's texts with the pipeline and score them; failures score as empty."""
    if limit is not None and limit < 0:
        raise EvalError(f"limit must be 0 or more, got {limit}")
    suite, records = load_gold(path)
    if limit is not None:
        records = records[:limit]
    report = RunReport()
    predictions = {
        doc.article.id: doc for doc in pipeline.pipe(articles_for(suite, records), report=report)
    }
    result = score(suite, records, predictions)
    return dataclasses.replace(result, failures=len(report.failures))


def _parse_line(line: str, where: str) -> GoldRecord:
    if not line.strip():
        raise EvalError(f"{where}: empty line")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise EvalError(f"{where}: expected a JSON object, got {type(record).__name__}")
    return record


def _check_fields(record: GoldRecord, suite: str, where: str) -> None:
    for key in ("id", "text"):
        if not isinstance(record.get(key), str):
            raise EvalError(f"{where}: field {key!r} must be a string")
    missing = [key for key in REQUIRED_FIELDS[suite] if key not in record]
    if missing:
        raise EvalError(f"{where}: {suite} record lacks {', '.join(missing)}")
