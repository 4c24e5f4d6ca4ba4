"""The pipeline: order checked at build time, registry lookups, batches, failure isolation."""

from __future__ import annotations

from typing import ClassVar

import pytest

from eventwire.errors import StageFailed, StageNotFound, StageOrderError
from eventwire.model import Article, Document, RunReport
from eventwire.pipeline import DEFAULT_STAGES, Pipeline, get_stage


class _Upper:
    """A test stage that needs sentences and fails on articles whose text says so."""

    name: ClassVar[str] = "upper"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("entities",)
    version: ClassVar[str] = "1"

    def __call__(self, doc: Document) -> Document:
        if "explode" in doc.text:
            raise ValueError("cannot handle this text")
        return doc


class _Sentences:
    name: ClassVar[str] = "sents"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ("sentences",)
    version: ClassVar[str] = "1"

    def __call__(self, doc: Document) -> Document:
        return doc


def test_wrong_order_is_refused_with_the_missing_stage_named() -> None:
    with pytest.raises(StageOrderError) as err:
        Pipeline([_Upper(), _Sentences()])  # type: ignore[list-item]
    assert "'upper' requires 'sentences'" in str(err.value)
    assert "add 'nlp' before 'upper'" in str(err.value)


def test_default_order_is_valid_and_every_stage_is_registered() -> None:
    for name in DEFAULT_STAGES:
        assert get_stage(name).name == name


@pytest.mark.parametrize("names", [("events",), ("nlp", "actors"), ("nlp", "mentions", "quotes")])
def test_built_in_stages_in_a_bad_order_are_refused(names: tuple[str, ...]) -> None:
    with pytest.raises(StageOrderError, match="requires"):
        Pipeline.from_names(names)


def test_unknown_stage_lists_the_available_ones() -> None:
    with pytest.raises(StageNotFound) as err:
        get_stage("sentiment")
    assert "no stage named 'sentiment'" in str(err.value)
    assert "events" in str(err.value) and "places" in str(err.value)


def test_one_failing_article_is_reported_and_the_others_come_out() -> None:
    pipe = Pipeline([_Sentences(), _Upper()])  # type: ignore[list-item]
    articles = [
        Article(id=i, text=t)
        for i, t in [("a", "fine text"), ("b", "explode now"), ("c", "also fine")]
    ]
    report = RunReport()
    out = list(pipe.pipe(articles, batch_size=2, report=report))
    assert [d.article.id for d in out] == ["a", "c"]
    assert report.processed == 3
    assert [(f.article_id, f.stage) for f in report.failures] == [("b", "upper")]
    assert "ValueError: cannot handle this text" in report.failures[0].message


def test_a_single_call_raises_stage_failed_with_article_and_stage() -> None:
    pipe = Pipeline([_Sentences(), _Upper()])  # type: ignore[list-item]
    with pytest.raises(StageFailed) as err:
        pipe(Article(id="b", text="explode"))
    assert err.value.stage == "upper" and err.value.article_id == "b"


def test_describe_lists_stages_in_order(pipeline: Pipeline) -> None:
    infos = pipeline.describe()
    assert [i.name for i in infos] == list(DEFAULT_STAGES)
    assert all(i.doc for i in infos)


def test_batched_run_equals_one_by_one(pipeline: Pipeline) -> None:
    texts = [
        "Police arrested ten protesters in Lagos on Monday.",
        "Niger's junta closed the borders with Benin.",
        "France suspended aid to Mali.",
    ]
    articles = [Article(id=str(i), text=t, published_at="2023-08-01") for i, t in enumerate(texts)]
    batched = [d.to_dict() for d in pipeline.pipe(articles, batch_size=2)]
    single = [pipeline(a).to_dict() for a in articles]
    assert batched == single
