"""WARC web archives (.warc, .warc.gz): each archived HTML page becomes an article, streamed."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..model import Article
from .feeds import HTML_TYPES
from .fetch import decode_body
from .files import OnError
from .html import extract_html
from .records import parse_published

__all__ = ["WarcCounts", "read_warc"]

_DRAIN_BYTES = 1 << 16


@dataclass
class WarcCounts:
    """What a WARC held; skipped records are counted here instead of being reported one by one."""

    records: int = 0
    articles: int = 0
    failed: int = 0
    not_html: int = 0
    not_ok: int = 0
    not_response: int = 0


def read_warc(
    path: Path,
    *,
    on_error: OnError,
    published: str | None = None,
    counts: WarcCounts | None = None,
) -> Iterator[Article]:
    """The article of every HTML response with status 200, read record by record.

    Requests, metadata, non-HTML and non-200 responses are skipped and counted in ``counts``;
    an HTML page without an article, or not in English, goes to ``on_error`` naming the file
    and the record's URI. A page's date comes from the page, else from the WARC-Date (when it
    was archived), else ``published``.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    tally = counts if counts is not None else WarcCounts()
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise IngestError(where, f"cannot be read ({exc.strerror or exc})") from None
    with stream:
        records = iter(ArchiveIterator(stream))
        seen = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except ArchiveLoadFailed as exc:
                if seen == 0:
                    raise IngestError(
                        where, f"is not a WARC file ({exc.msg}); give a .warc or .warc.gz archive"
                    ) from None
                raise _damaged(where, seen, exc) from None
            except Exception as exc:
                # On damaged input warcio fails with whatever its parser hit (even AttributeError).
                raise _damaged(where, seen, exc) from None
            seen += 1
            tally.records += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"#{seen}"
            content_type = _html_response(record, tally)
            article: Article | None = None
            problem: IngestError | None = None
            if content_type is not None:
                try:
                    article = _article(record, content_type, uri, published)
                except IngestError as exc:
                    problem = exc
            if _cut_short(record):
                # The body read so far is a fragment; an article made of it would be wrong.
                raise IngestError(
                    where,
                    f"is cut short: the file ends inside record {seen} ({uri}); "
                    f"the {seen - 1} records before it were read",
                )
            if problem is not None:
                tally.failed += 1
                reason = f"record {uri}: {problem.reason}"
                on_error(type(problem)(where, reason, field=problem.field))
            elif article is not None:
                tally.articles += 1
                yield article
    if seen == 0:
        raise IngestError(where, "is empty; a WARC file holds at least one record")


def _html_response(record: Any, tally: WarcCounts) -> str | None:
    """The Content-Type of a 200 HTML response, or None (counted) for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        tally.not_response += 1
        return None
    if record.http_headers.get_statuscode() != "200":
        tally.not_ok += 1
        return None
    content_type: str = record.http_headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        tally.not_html += 1
        return None
    return content_type


def _article(record: Any, content_type: str, uri: str, published: str | None) -> Article:
    try:
        # content_stream() undoes chunked transfer and gzip/deflate content encoding.
        body: bytes = record.content_stream().read()
    except Exception as exc:
        # As above: a damaged body fails in warcio's decoders with no one exception type.
        raise IngestError(uri, f"the archived body cannot be decoded ({_reason(exc)})") from None
    if not body.strip():
        raise IngestError(uri, "the archived page is empty; there is no article to read")
    return extract_html(
        decode_body(body, content_type),
        uri,
        article_id=uri,
        url=uri,
        published=_archive_date(record) or published,
    )


def _cut_short(record: Any) -> bool:
    """True when the file ends before the record does (a download or a crawl cut off).

    warcio reads such a record as if it were whole, so the rest of it is drained here and
    its reader asked how many of the Content-Length bytes never came.
    """
    raw = record.raw_stream
    while raw.read(_DRAIN_BYTES):
        pass
    return bool(getattr(raw, "limit", 0) > 0)


def _archive_date(record: Any) -> str | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return parse_published(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _damaged(where: str, seen: int, exc: BaseException) -> IngestError:
    return IngestError(
        where,
        f"is damaged or cut short at record {seen + 1} ({_reason(exc)}); "
        "the records before it were read",
    )


def _reason(exc: BaseException) -> str:
    if isinstance(exc, (OSError, EOFError, ValueError, zlib.error)) or hasattr(exc, "msg"):
        return str(getattr(exc, "msg", None) or exc).strip() or type(exc).__name__
    return "its headers cannot be parsed"
