"""Validation of one input record (a JSON object or a file's text) into an Article."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import IngestError, UnsupportedLanguage
from ..model import Article, article_id_for
from .language import looks_english

__all__ = ["parse_published", "record_to_article"]

_OPTIONAL_STRINGS = ("id", "title", "url", "source", "language")


def parse_published(value: str) -> str:
    """Check a ``published_at`` value (YYYY-MM-DD or ISO 8601); returns it stripped."""
    text = value.strip()
    try:
        if len(text) == 10:
            dt.date.fromisoformat(text)
        else:
            dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"{value!r} is not a date; use YYYY-MM-DD or an ISO 8601 datetime"
        ) from None
    return text


def record_to_article(record: Any, where: str, *, published: str | None = None) -> Article:
    """Turn a parsed JSON record into an Article, or raise IngestError naming ``where``."""
    if not isinstance(record, dict):
        raise IngestError(where, f"expected a JSON object, got {type(record).__name__}")
    if "text" not in record:
        raise IngestError(where, "missing; every record needs the article body", field="text")
    text = record["text"]
    if not isinstance(text, str):
        raise IngestError(where, f"must be a string, got {type(text).__name__}", field="text")
    if not text.strip():
        raise IngestError(where, "is empty; there is nothing to code", field="text")
    for key in _OPTIONAL_STRINGS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise IngestError(
                where, f"must be a string, got {type(record[key]).__name__}", field=key
            )
    pub = record.get("published_at")
    if pub is not None:
        if not isinstance(pub, str):
            raise IngestError(where, "must be a string (YYYY-MM-DD)", field="published_at")
        try:
            pub = parse_published(pub)
        except ValueError as exc:
            raise IngestError(where, str(exc), field="published_at") from None
    article = Article(
        id=record.get("id") or article_id_for(text),
        text=text,
        title=record.get("title"),
        url=record.get("url"),
        published_at=pub or published,
        language=(record.get("language") or "en").lower(),
        source=record.get("source"),
    )
    check_language(article, where)
    return article


def check_language(article: Article, where: str) -> None:
    """Refuse text the English models cannot read, instead of coding garbage events."""
    if article.language.split("-")[0] != "en":
        raise UnsupportedLanguage(
            where,
            f"article {article.id}: language {article.language!r} is not supported; "
            "eventwire's models read English only",
            field="language",
        )
    if not any(ch.isalpha() for ch in article.text):
        raise IngestError(where, f"article {article.id}: has no words to code", field="text")
    if not looks_english(article.text):
        raise UnsupportedLanguage(
            where,
            f"article {article.id}: the text does not look like English; eventwire's "
            'models read English only (set "language" if this is wrong)',
            field="text",
        )
