"""Main-text extraction from a news web page (boilerplate removed by trafilatura)."""

from __future__ import annotations

from ..errors import IngestError
from ..model import Article
from .records import parse_published, record_to_article

__all__ = ["MIN_BODY_WORDS", "extract_html"]

MIN_BODY_WORDS = 25


def extract_html(
    html: str, where: str, *, article_id: str, published: str | None = None, url: str | None = None
) -> Article:
    import trafilatura

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    body = getattr(result, "text", None) if result is not None else None
    if not body or len(body.split()) < MIN_BODY_WORDS:
        # What trafilatura finds on a page without an article is menus and footers.
        raise IngestError(
            where,
            "has no article body that could be extracted "
            f"(under {MIN_BODY_WORDS} words of main text; is it a news article "
            "page?)",
        )
    date = getattr(result, "date", None)
    pub = published
    if date:
        try:
            pub = parse_published(str(date))
        except ValueError:
            pub = published
    record = {
        "id": article_id,
        "text": body.strip(),
        "title": getattr(result, "title", None),
        "url": url or getattr(result, "url", None),
        "published_at": pub,
        "source": getattr(result, "sitename", None),
    }
    return record_to_article(record, where, published=published)
