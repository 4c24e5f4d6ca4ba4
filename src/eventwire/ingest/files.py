"""Readers for the inputs of `eventwire code`: .jsonl, .txt, .html files and JSONL on stdin."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import IngestError
from ..model import Article
from .html import extract_html
from .records import record_to_article

__all__ = ["read_inputs", "read_jsonl", "read_path"]

OnError = Callable[[IngestError], None]
SUFFIXES = (".jsonl", ".txt", ".html", ".htm")


def read_inputs(
    inputs: Iterable[str],
    *,
    on_error: OnError,
    published: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article]:
    """Every article of every input, in order; each bad file or record goes to ``on_error``."""
    for name in inputs:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_jsonl(stream.read(), "<stdin>", on_error=on_error, published=published)
        else:
            try:
                yield from read_path(Path(name), on_error=on_error, published=published)
            except IngestError as exc:
                on_error(exc)


def read_path(path: Path, *, on_error: OnError, published: str | None = None) -> Iterator[Article]:
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestError(
            where,
            f"unsupported file type {suffix or '(none)'!r}; "
            f"give one of {', '.join(SUFFIXES)} or '-' for stdin",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(where, f"cannot be read ({exc.strerror or exc})") from None
    if suffix == ".jsonl":
        yield from read_jsonl(data, where, on_error=on_error, published=published)
        return
    text = _decode(data, where)
    if suffix == ".txt":
        yield _txt_article(path, text, published)
    else:
        yield extract_html(text, where, article_id=path.stem, published=published)


def read_jsonl(
    data: bytes, where: str, *, on_error: OnError, published: str | None = None
) -> Iterator[Article]:
    text = _decode(data, where)
    seen_record = False
    # Only \n ends a record: splitlines() would also split at U+2028 inside a JSON string.
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen_record = True
        loc = f"{where}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            on_error(
                IngestError(
                    loc,
                    f"invalid JSON ({exc.msg} at column {exc.colno}); "
                    "each line must be one JSON object",
                )
            )
            continue
        try:
            yield record_to_article(record, loc, published=published)
        except IngestError as exc:
            on_error(exc)
    if not seen_record:
        raise IngestError(where, "is empty; expected one JSON object per line")


def _decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise IngestError(where, "is empty; there is nothing to code")
    if b"\x00" in data[:8192]:
        raise IngestError(where, "is a binary file, not text; give .jsonl, .txt or .html")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            where, f"is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
        ) from None


def _txt_article(path: Path, text: str, published: str | None) -> Article:
    """A .txt file: the first line is the title when a blank line follows it."""
    title = None
    head, sep, rest = text.partition("\n\n")
    if sep and "\n" not in head.strip() and len(head) <= 200 and rest.strip():
        title, text = head.strip(), rest
    return record_to_article(
        {"id": path.stem, "text": text.strip(), "title": title}, str(path), published=published
    )
