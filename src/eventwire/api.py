"""The Python entry points: build the default pipeline and code text or articles with it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .config import Settings, load_settings
from .ingest.records import record_to_article
from .model import Article, Document, RunReport
from .pipeline import Pipeline

__all__ = ["code_articles", "code_text", "default_pipeline"]

_PIPELINES: dict[str, Pipeline] = {}


def default_pipeline(settings: Settings | None = None) -> Pipeline:
    """The configured pipeline, built once per process for the same settings."""
    settings = settings or load_settings()
    key = settings.model_dump_json()
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline.from_names(settings.stages, options=settings.stage_options())
    return _PIPELINES[key]


def code_text(
    text: str,
    *,
    published_at: str | None = None,
    title: str | None = None,
    article_id: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """Code one article given as plain text.

    Raises IngestError for input the CLI would refuse too (an unparseable date, empty or
    non-English text) and StageFailed if a stage fails.
    """
    record = {"id": article_id, "text": text, "title": title, "published_at": published_at}
    article = record_to_article(record, "code_text()")
    return default_pipeline(settings)(article)


def code_articles(
    articles: Iterable[Article],
    *,
    report: RunReport | None = None,
    settings: Settings | None = None,
) -> Iterator[Document]:
    """Code many articles in batches; failures are recorded in ``report``, not raised."""
    settings = settings or load_settings()
    return default_pipeline(settings).pipe(articles, batch_size=settings.batch_size, report=report)
