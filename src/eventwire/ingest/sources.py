"""The SOURCEs of `eventwire run` (files, folders, globs, feeds, WARCs, URLs) as articles."""

from __future__ import annotations

import glob
import gzip
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import IngestError
from ..model import Article
from .feeds import is_html, looks_like_feed, page_article, read_feed
from .fetch import Fetcher
from .files import OnError, read_jsonl, read_path
from .warc import WarcCounts, read_warc

__all__ = ["SOURCE_SUFFIXES", "estimate_count", "iter_sources", "source_suffix"]

_FILE_SUFFIXES = (".jsonl", ".txt", ".html", ".htm")
_GZIP_JSONL = (".jsonl.gz",)
_FEED_SUFFIXES = (".xml", ".rss", ".atom")
_WARC_SUFFIXES = (".warc", ".warc.gz")
SOURCE_SUFFIXES = _FILE_SUFFIXES + _GZIP_JSONL + _FEED_SUFFIXES + _WARC_SUFFIXES
_COMPOUND = (".jsonl.gz", ".warc.gz")
_GLOB_MAGIC = re.compile(r"[*?[]")
_KINDS = ", ".join(SOURCE_SUFFIXES)


def iter_sources(
    sources: Iterable[str],
    *,
    on_error: OnError,
    published: str | None = None,
    fetcher: Fetcher | None = None,
    warc_counts: WarcCounts | None = None,
) -> Iterator[Article]:
    """Every article of every SOURCE, in order; each unusable source, file or record goes to
    ``on_error`` and the rest is still read.

    A SOURCE is a file, a folder (read recursively, in sorted order, files of the supported
    types only), a glob pattern (``data/**/*.jsonl``) or an http(s) URL (a feed, or one
    article page). Without ``fetcher`` one with default settings is made when first needed
    and closed at the end. ``warc_counts`` collects the records that WARC files skipped.
    """
    reader = _Reader(on_error, published, fetcher, warc_counts)
    try:
        for source in sources:
            yield from reader.source(source)
    finally:
        reader.close()


def source_suffix(path: Path) -> str:
    """The suffix that decides how a file is read: '.jsonl.gz' and '.warc.gz' count whole."""
    name = path.name.lower()
    return next((s for s in _COMPOUND if name.endswith(s)), path.suffix.lower())


class _Reader:
    def __init__(
        self,
        on_error: OnError,
        published: str | None,
        fetcher: Fetcher | None,
        warc_counts: WarcCounts | None,
    ) -> None:
        self.on_error = on_error
        self.published = published
        self._fetcher = fetcher
        self._own_fetcher = False
        self.warc_counts = warc_counts

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher()
            self._own_fetcher = True
        return self._fetcher

    def close(self) -> None:
        if self._own_fetcher and self._fetcher is not None:
            self._fetcher.close()

    def source(self, source: str) -> Iterator[Article]:
        if source.lower().startswith(("http://", "https://")):
            yield from self._guarded(self.url(source))
            return
        try:
            paths = _expand(source)
        except IngestError as exc:
            self.on_error(exc)
            return
        for path in paths:
            yield from self._guarded(self.file(path))

    def _guarded(self, articles: Iterator[Article]) -> Iterator[Article]:
        """The articles of one file or URL; an error that ends it early is reported, not raised."""
        try:
            yield from articles
        except IngestError as exc:
            self.on_error(exc)

    def file(self, path: Path) -> Iterator[Article]:
        suffix = source_suffix(path)
        where = str(path)
        if suffix in _FILE_SUFFIXES:
            yield from read_path(path, on_error=self.on_error, published=self.published)
        elif suffix in _GZIP_JSONL:
            data = _gunzip(path)
            yield from read_jsonl(data, where, on_error=self.on_error, published=self.published)
        elif suffix in _FEED_SUFFIXES:
            yield from read_feed(
                _read_bytes(path),
                where,
                fetcher=self.fetcher(),
                on_error=self.on_error,
                published=self.published,
            )
        elif suffix in _WARC_SUFFIXES:
            yield from read_warc(
                path, on_error=self.on_error, published=self.published, counts=self.warc_counts
            )
        else:
            raise IngestError(
                where, f"unsupported file type {suffix or '(none)'!r}; give one of {_KINDS}"
            )

    def url(self, url: str) -> Iterator[Article]:
        result = self.fetcher().get(url)
        if looks_like_feed(result):
            yield from read_feed(
                result.body,
                url,
                fetcher=self.fetcher(),
                on_error=self.on_error,
                published=self.published,
                base_url=result.url,
            )
        elif is_html(result) or not result.body.strip():
            yield page_article(result, url, published=self.published)
        else:
            raise IngestError(
                url,
                f"is {result.mime_type or 'of no stated type'}, not a feed or an HTML page; "
                "give the address of an RSS/Atom feed or of a news article",
            )


def _expand(source: str) -> list[Path]:
    """The files a SOURCE names; one that names none raises IngestError saying what to give."""
    path = Path(source)
    if path.is_dir():
        files = [p for p in sorted(path.rglob("*")) if _readable_file(p, path)]
        if not files:
            raise IngestError(
                source, f"is a folder with no files eventwire reads; it reads {_KINDS}"
            )
        return files
    if path.exists() or path.is_symlink():
        return [path]
    if _GLOB_MAGIC.search(source):
        matches = [Path(m) for m in sorted(glob.glob(source, recursive=True))]
        files = [p for p in matches if p.is_file() and source_suffix(p) in SOURCE_SUFFIXES]
        if files:
            return files
        if matches:
            raise IngestError(
                source, f"matches nothing eventwire reads ({len(matches)} other); it reads {_KINDS}"
            )
        raise IngestError(
            source,
            "matches no files; check the pattern, and quote it so the shell leaves it to "
            "eventwire (e.g. 'data/**/*.jsonl')",
        )
    raise IngestError(
        source,
        "does not exist; give a file, a folder, a glob pattern such as 'data/**/*.jsonl' "
        "or an http(s) URL",
    )


def _readable_file(path: Path, root: Path) -> bool:
    # Hidden files and folders (.git, .DS_Store) are tooling, never articles.
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.is_file() and source_suffix(path) in SOURCE_SUFFIXES


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), f"cannot be read ({exc.strerror or exc})") from None


def _gunzip(path: Path) -> bytes:
    data = _read_bytes(path)
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(
            str(path), f"is not a valid gzip file ({exc}); give a .jsonl file compressed by gzip"
        ) from None


def estimate_count(sources: Iterable[str]) -> int | None:
    """How many articles the SOURCES hold, when that is cheap to know (local .jsonl lines,
    .txt/.html files); None when any source is a feed, a URL, a WARC or a gzip file."""
    total = 0
    for source in sources:
        if source.lower().startswith(("http://", "https://")):
            return None
        try:
            paths = _expand(source)
        except IngestError:
            continue  # reported when the run reads it
        for path in paths:
            suffix = source_suffix(path)
            if suffix == ".jsonl":
                try:
                    with path.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    continue
            elif suffix in _FILE_SUFFIXES:
                total += 1
            else:
                return None
    return total
