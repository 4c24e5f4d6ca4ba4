"""SOURCE expansion for `eventwire run`: files, folders, globs, .jsonl.gz and URLs."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from .test_feeds import TITLE, rss
from .test_fetch import ARTICLE_HTML, Reply, Site, collect, messages, serve


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


def record(article_id: str) -> str:
    return json.dumps({"id": article_id, "text": f"Troops left the town of {article_id}."})


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl_gz(path: Path, *lines: str) -> Path:
    return write(path, gzip.compress(("\n".join(lines) + "\n").encode()))


def test_folder_is_read_recursively_in_sorted_order_skipping_other_files(tmp_path: Path) -> None:
    root = tmp_path / "in"
    write(root / "b.txt", "Rebels shelled the port city overnight, officials said.")
    write(root / "a.jsonl", record("a1") + "\n" + record("a2") + "\n")
    write(root / "sub" / "c.html", ARTICLE_HTML)
    jsonl_gz(root / "sub" / "d.jsonl.gz", record("d1"))
    write(root / "notes.md", "# not an article")
    write(root / "logo.png", b"\x89PNG\r\n\x1a\n")
    write(root / ".cache" / "old.jsonl", record("hidden"))
    articles, errors = collect(root)
    assert not errors
    assert [a.id for a in articles] == ["a1", "a2", "b", "c", "d1"]


def test_glob_pattern_picks_only_the_matching_files(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write(data / "x.jsonl", record("x"))
    write(data / "2023" / "08" / "y.jsonl", record("y"))
    write(data / "z.txt", "Rebels shelled the port city overnight, officials said.")
    articles, errors = collect(f"{data}/**/*.jsonl")
    assert not errors
    assert [a.id for a in articles] == ["y", "x"]  # sorted paths: data/2023/... before data/x


def test_jsonl_gz_bad_line_is_named_by_file_and_line_and_good_lines_are_kept(
    tmp_path: Path,
) -> None:
    lines = (record("g1"), '{"id": "broken", "text": ', record("g2"))
    path = jsonl_gz(tmp_path / "wire.jsonl.gz", *lines)
    articles, errors = collect(path)
    assert [a.id for a in articles] == ["g1", "g2"]
    [message] = messages(errors)
    assert message.startswith(f"{path}:2: invalid JSON")


@pytest.mark.parametrize(
    ("source", "files", "expected"),
    [
        ("nope.jsonl", {}, "does not exist; give a file, a folder, a glob pattern"),
        ("docs", {"docs/readme.md": b"#"}, "is a folder with no files eventwire reads"),
        ("**/*.jsonl", {}, "matches no files; check the pattern"),
        ("notes/*", {"notes/a.md": b"#"}, "matches nothing eventwire reads (1 other)"),
        ("report.pdf", {"report.pdf": b"%PDF-1.4"}, "unsupported file type '.pdf'"),
        ("bad.jsonl.gz", {"bad.jsonl.gz": b"plain text"}, "is not a valid gzip file"),
        ("blank.jsonl.gz", {"blank.jsonl.gz": gzip.compress(b"\n")}, "is empty"),
    ],
    ids=["missing", "no-readable-file", "glob-none", "glob-unreadable", "pdf", "not-gzip", "blank"],
)
def test_a_source_that_gives_nothing_is_named_and_the_others_are_read(
    tmp_path: Path, source: str, files: dict[str, bytes], expected: str
) -> None:
    bad = tmp_path / "bad"
    for name, content in files.items():
        write(bad / name, content)
    good = write(tmp_path / "good.jsonl", record("ok"))
    articles, errors = collect(bad / source, good)
    assert [a.id for a in articles] == ["ok"]
    [message] = messages(errors)
    assert message.startswith(f"{bad / source}: ") and expected in message


def test_a_bad_file_in_a_folder_is_named_and_the_rest_of_the_folder_is_read(
    tmp_path: Path,
) -> None:
    write(tmp_path / "a.jsonl", record("a"))
    bad = write(tmp_path / "b.html", "<html><body><nav>Home | World</nav></body></html>")
    jsonl_gz(tmp_path / "c.jsonl.gz", record("c"))
    articles, errors = collect(tmp_path)
    assert [a.id for a in articles] == ["a", "c"]
    [message] = messages(errors)
    assert message.startswith(f"{bad}: has no article body")


def test_url_of_a_page_is_one_article(site: Site) -> None:
    url = site.add("/news/strike.html", Reply(body=ARTICLE_HTML))
    articles, errors = collect(url, published="2023-08-03")
    assert not errors
    [article] = articles
    assert (article.id, article.url, article.published_at) == (url, url, "2023-08-03")
    assert article.title and "strike" in article.title.lower()


def test_url_of_a_feed_reads_its_entries(site: Site) -> None:
    page = site.add("/news/strike.html", Reply(body=ARTICLE_HTML))
    feed = site.add("/rss", Reply(body=rss((TITLE, page)), content_type="text/html"))
    articles, errors = collect(feed)
    assert not errors and [a.id for a in articles] == [page]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(404), "HTTP 404 Not Found"),
        (Reply(body=b"\x89PNG\r\n", content_type="image/png"), "is image/png, not a feed or an"),
        (Reply(body=""), "the server sent an empty page"),
    ],
    ids=["404", "image", "empty"],
)
def test_a_bad_url_is_named_and_the_other_sources_are_read(
    tmp_path: Path, site: Site, reply: Reply, expected: str
) -> None:
    url = site.add("/thing", reply)
    good = write(tmp_path / "good.jsonl", record("ok"))
    articles, errors = collect(url, good)
    assert [a.id for a in articles] == ["ok"]
    [message] = messages(errors)
    assert message.startswith(f"{url}: {expected}")


def test_sources_are_read_in_the_order_given(tmp_path: Path, site: Site) -> None:
    url = site.add("/news/strike.html", Reply(body=ARTICLE_HTML))
    first = write(tmp_path / "z.jsonl", record("first"))
    last = jsonl_gz(tmp_path / "a.jsonl.gz", record("last"))
    articles, errors = collect(first, url, last)
    assert not errors and [a.id for a in articles] == ["first", url, "last"]


def test_estimate_count_knows_local_files_and_not_feeds(tmp_path: Path) -> None:
    from eventwire.ingest.sources import estimate_count

    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n')
    (tmp_path / "b.txt").write_text("Headline\n\nBody.")
    assert estimate_count([str(tmp_path)]) == 3
    assert estimate_count([str(tmp_path / "a.jsonl"), str(tmp_path / "missing.jsonl")]) == 2
    (tmp_path / "c.rss").write_text("<rss/>")
    assert estimate_count([str(tmp_path)]) is None
    assert estimate_count(["https://example.org/feed"]) is None
