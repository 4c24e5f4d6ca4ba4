"""RSS and Atom feeds: each entry's linked page is fetched and its article extracted."""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin
from xml.sax import SAXParseException

from ..errors import IngestError
from ..model import Article
from .fetch import Fetcher, FetchResult
from .files import OnError
from .html import extract_html

__all__ = ["FeedEntry", "is_html", "looks_like_feed", "page_article", "parse_feed", "read_feed"]


HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/xml",
        "text/xml",
    }
)
# Types that say nothing about the content, so the body itself is looked at.
_VAGUE_TYPES = frozenset({"", "text/plain", "application/octet-stream"})
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_SNIFF_BYTES = 2048


@dataclass(frozen=True)
class FeedEntry:
    """What a feed says about one article; ``link`` is absolute when the feed's URL is known."""

    link: str | None
    guid: str | None
    title: str | None
    published: str | None

    @property
    def id(self) -> str | None:
        return self.link or self.guid


def parse_feed(data: bytes, where: str, *, base_url: str | None = None) -> list[FeedEntry]:
    """The entries of an RSS, Atom or RDF feed; a feed that cannot be read raises IngestError."""
    import feedparser

    # A stream, never a str or bytes: given those, feedparser may open a file or fetch a URL.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        detail = f" ({_readable(problem)})" if problem else ""
        raise IngestError(
            where,
            f"is not a valid RSS or Atom feed{detail}; check that it is a feed and not a web "
            "page or an error page",
        )
    return [_entry(raw, base_url) for raw in parsed.entries]


def read_feed(
    data: bytes,
    where: str,
    *,
    fetcher: Fetcher,
    on_error: OnError,
    published: str | None = None,
    base_url: str | None = None,
) -> Iterator[Article]:
    """One article per feed entry, from the page it links to; each failed entry goes to on_error.

    The feed's title and date win over what is extracted from the page: they are the
    publisher's own metadata, while a page's date is a guess from its markup.
    """
    for number, entry in enumerate(parse_feed(data, where, base_url=base_url), start=1):
        if entry.link is None:
            title = f" ({entry.title!r})" if entry.title else ""
            on_error(
                IngestError(
                    where, f"entry {number}{title} has no link to its page; it cannot be fetched"
                )
            )
            continue
        try:
            article = page_article(fetcher.get(entry.link), entry.link, published=published)
        except IngestError as exc:
            on_error(type(exc)(where, f"entry {entry.link}: {exc.reason}", field=exc.field))
            continue
        update: dict[str, Any] = {"id": entry.id or entry.link, "url": entry.link}
        if entry.title:
            update["title"] = entry.title
        if entry.published:
            update["published_at"] = entry.published
        yield article.model_copy(update=update)


def page_article(result: FetchResult, url: str, *, published: str | None = None) -> Article:
    """The article on a fetched HTML page; its id and url are ``url`` (the address asked for)."""
    if not result.body.strip():
        raise IngestError(url, "the server sent an empty page; there is no article to read")
    if not is_html(result):
        raise IngestError(
            url,
            f"is {result.mime_type or 'of no stated type'}, not an HTML page; "
            "only news article pages can be read",
        )
    return extract_html(result.text(), url, article_id=url, url=url, published=published)


def is_html(result: FetchResult) -> bool:
    if result.mime_type in HTML_TYPES:
        return True
    return result.mime_type in _VAGUE_TYPES and bool(_HTML_START.search(_head(result.body)))


def looks_like_feed(result: FetchResult) -> bool:
    """True for a feed, whatever type the server claims: many serve feeds as text/html."""
    head = _head(result.body)
    feed, page = _FEED_ROOT.search(head), _HTML_START.search(head)
    if feed and (page is None or feed.start() < page.start()):
        return True
    if result.mime_type == "application/feed+json":
        return True
    return result.mime_type in FEED_TYPES and page is None


def _head(body: bytes) -> bytes:
    return body[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")


def _entry(raw: Any, base_url: str | None) -> FeedEntry:
    guid = raw.get("id") or None
    link = raw.get("link") or None
    if link is None and guid and guid.startswith(("http://", "https://")):
        link = guid  # an RSS <guid isPermaLink="true"> is the page's address
    if link is not None and base_url:
        link = urljoin(base_url, link)
    title = (raw.get("title") or "").strip() or None
    return FeedEntry(link=link, guid=guid, title=title, published=_entry_date(raw))


def _entry_date(raw: Any) -> str | None:
    """The entry's date as ISO 8601 in the feed's own time zone (so the local day is kept)."""
    for key in ("published", "updated", "created"):
        text = raw.get(key)
        if text and (value := _parse_date(str(text))):
            return value
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = raw.get(key)
        if parsed:
            return dt.datetime(*parsed[:6]).replace(tzinfo=dt.UTC).isoformat()
    return None


def _parse_date(text: str) -> str | None:
    text = text.strip()
    try:
        return email.utils.parsedate_to_datetime(text).isoformat()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    if len(text) == 10:
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return dt.datetime.fromisoformat(text).isoformat()  # Atom: RFC 3339
    except ValueError:
        return None


def _readable(problem: object) -> str:
    """feedparser's XML errors read '<unknown>:3:4: mismatched tag'; the position is dropped
    because feedparser counts lines after adding an XML declaration of its own."""
    if isinstance(problem, SAXParseException):
        return "XML error: " + re.sub(r"^<unknown>:\d+:\d+:\s*", "", str(problem))
    return str(problem)
