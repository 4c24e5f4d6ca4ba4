"""Checks gold loading, article building and evaluate() with a fake pipeline (no spaCy)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluation import (
    EvalError,
    articles_for,
    detect_suite,
    evaluate,
    load_gold,
    render,
    to_json,
)
from eventwire.model import Article, Document, Event, Evidence, Failure, RunReport

TEXT = "Ruritania and Freedonia agreed to talks on Monday."


def gsr(item_id: str, event_type: str = "AGREE") -> dict[str, Any]:
    return {
        "id": item_id,
        "task": "plover_event",
        "text": TEXT,
        "event_type": event_type,
        "source": [{"text": "Ruritania", "country": "RUR", "sector": None}],
        "target": [],
    }


def write_jsonl(path: Path, lines: Iterable[dict[str, Any] | str]) -> Path:
    rows = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


class FakePipeline:
    """Codes every article as AGREE, except the ids it is told to fail."""

    def __init__(self, fail: set[str] | None = None) -> None:
        self.fail = fail or set()
        self.seen: list[Article] = []

    def pipe(
        self, articles: Iterable[Article], *, report: RunReport | None = None
    ) -> Iterator[Document]:
        for article in articles:
            self.seen.append(article)
            if article.id in self.fail:
                if report is not None:
                    report.failures.append(
                        Failure(article_id=article.id, stage="fake", message="boom")
                    )
                continue
            doc = Document.from_article(article)
            evidence = Evidence(sentence_index=0, start=0, end=len(article.text), text="x")
            doc.events.append(
                Event(
                    id="e1",
                    event_type="AGREE",
                    quad_class=1,
                    intensity=2.5,
                    cameo="03",
                    confidence=0.9,
                    evidence=evidence,
                )
            )
            yield doc


def test_load_gold_returns_suite_and_records(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "gold.jsonl", [gsr("a"), gsr("b")])
    suite, records = load_gold(path)
    assert suite == "plover_event"
    assert [r["id"] for r in records] == ["a", "b"]


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "invalid JSON"),
        ("", "empty line"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps(gsr("b") | {"task": "sentiment"}), "unknown task 'sentiment'"),
        (
            json.dumps(
                {"id": "b", "task": "timex", "text": "x", "dct": "2013-01-01", "timexes": []}
            ),
            "differs",
        ),
        (json.dumps({k: v for k, v in gsr("b").items() if k != "event_type"}), "event_type"),
        (json.dumps(gsr("b") | {"text": None}), "'text' must be a string"),
        (json.dumps(gsr("a")), "duplicate id 'a'"),
    ],
)
def test_bad_gold_line_names_file_and_line(tmp_path: Path, bad_line: str, message: str) -> None:
    path = write_jsonl(tmp_path / "gold.jsonl", [gsr("a"), bad_line, gsr("c")])
    with pytest.raises(EvalError, match=message) as caught:
        load_gold(path)
    assert f"{path}:2:" in str(caught.value)


def test_empty_gold_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    with pytest.raises(EvalError, match="no gold records"):
        load_gold(path)


def test_missing_gold_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="cannot read"):
        load_gold(tmp_path / "absent.jsonl")


def test_detect_suite() -> None:
    assert detect_suite({"task": "toponym"}) == "toponym"
    with pytest.raises(EvalError, match=r"gold\.jsonl:7: unknown task None"):
        detect_suite({}, where="gold.jsonl:7")


def test_articles_for_passes_dct_only_for_timex() -> None:
    record = {"id": "t", "task": "timex", "text": TEXT, "dct": "2013-03-22", "timexes": []}
    (timex_article,) = articles_for("timex", [record])
    assert timex_article.published_at == "2013-03-22" and timex_article.text == TEXT
    (event_article,) = articles_for("plover_event", [gsr("a") | {"dct": "2013-03-22"}])
    assert event_article.id == "a" and event_article.published_at is None


def test_evaluate_counts_failures_as_empty_predictions(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "gold.jsonl", [gsr("a"), gsr("b"), gsr("c", "ASSAULT")])
    pipeline = FakePipeline(fail={"b"})
    result = evaluate(path, pipeline)
    assert [a.id for a in pipeline.seen] == ["a", "b", "c"]
    assert result.suite == "plover_event" and result.items == 3 and result.failures == 1
    assert result.counts["no_document"] == 1
    # a: AGREE right; b: failed, nothing predicted; c: AGREE predicted, ASSAULT gold.
    assert result.metrics["accuracy_any"] == pytest.approx(1 / 3)
    assert result.metrics["precision"] == 0.5


def test_evaluate_limit(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "gold.jsonl", [gsr("a"), gsr("b"), gsr("c", "ASSAULT")])
    result = evaluate(path, FakePipeline(), limit=2)
    assert result.items == 2 and result.metrics["f1"] == 1.0
    with pytest.raises(EvalError, match="limit"):
        evaluate(path, FakePipeline(), limit=-1)


def test_report_renders_table_and_json(tmp_path: Path) -> None:
    from rich.console import Console

    path = write_jsonl(tmp_path / "gold.jsonl", [gsr("a"), gsr("b", "ASSAULT")])
    result = evaluate(path, FakePipeline())
    console = Console(record=True, width=120)
    console.print(render(result))
    text = console.export_text()
    assert "accuracy_any" in text and "ASSAULT" in text and "0.500" in text
    payload = json.loads(json.dumps(to_json(result)))
    assert payload["suite"] == "plover_event" and payload["metrics"]["f1"] == 0.5
    assert payload["rows"][0]["label"] == "AGREE"
