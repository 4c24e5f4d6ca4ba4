"""WARC archives written here with warcio: HTML responses become articles, the rest is counted."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.errors import UnsupportedLanguage
from eventwire.ingest.warc import WarcCounts

from .test_fetch import ARTICLE_HTML, MENU_HTML, collect, messages

SITE = "http://example.test"
ARCHIVED = "2023-08-02T10:15:00Z"
DATED_HTML = ARTICLE_HTML.replace(
    "<head>", '<head><meta property="article:published_time" content="2023-07-30">'
)
FRENCH_HTML = """<html lang="fr"><head><title>Grève</title></head><body><article>
<h1>Les dockers mettent fin à la grève</h1>
<p>Les dockers du port du nord ont repris le travail jeudi après que leur syndicat a accepté
une offre salariale de l'autorité portuaire, mettant fin à une grève de trois jours qui avait
laissé plus de quarante porte-conteneurs au mouillage au large de la côte.</p>
<p>Le secrétaire général du syndicat a déclaré aux journalistes que les membres avaient voté
à une large majorité pour accepter une hausse de sept pour cent cette année.</p>
</article></body></html>"""

Response = tuple[str, str, str, bytes, tuple[tuple[str, str], ...]]


def html(path: str, body: str, status: str = "200 OK") -> Response:
    return (SITE + path, status, "text/html; charset=utf-8", body.encode(), ())


RESPONSES: list[Response] = [
    html("/news/strike.html", ARTICLE_HTML),
    (SITE + "/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00", ()),
    (SITE + "/api/latest", "200 OK", "application/json", json.dumps({"ok": 1}).encode(), ()),
    html("/sections", MENU_HTML),
    html("/fr/greve.html", FRENCH_HTML),
    html("/old.html", ARTICLE_HTML, status="404 Not Found"),
    html("/news/dated.html", DATED_HTML),
    (
        SITE + "/news/zipped.html",
        "200 OK",
        "text/html",
        gzip.compress(ARTICLE_HTML.encode()),
        (("Content-Encoding", "gzip"),),
    ),
]


def write_warc(path: Path, responses: list[Response] = RESPONSES) -> Path:
    """A WARC as a crawler writes it: warcinfo, then a request and a response per page."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for uri, status, content_type, body, extra in responses:
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example.test")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(uri, "request", http_headers=request)
            )
            headers = StatusAndHeaders(
                status,
                [("Content-Type", content_type), ("Content-Length", str(len(body))), *extra],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    uri,
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": ARCHIVED},
                )
            )
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles_and_the_rest_is_counted_or_named(
    tmp_path: Path, name: str
) -> None:
    path = write_warc(tmp_path / name)
    counts = WarcCounts()
    articles, errors = collect(path, warc_counts=counts)
    assert [(a.id, a.url, a.published_at) for a in articles] == [
        (f"{SITE}/news/strike.html", f"{SITE}/news/strike.html", "2023-08-02"),  # archive date
        (f"{SITE}/news/dated.html", f"{SITE}/news/dated.html", "2023-07-30"),  # the page's own
        (f"{SITE}/news/zipped.html", f"{SITE}/news/zipped.html", "2023-08-02"),
    ]
    assert all("three-day strike" in a.text for a in articles)
    menu, french = errors
    assert str(menu).startswith(f"{path}: record {SITE}/sections: has no article body")
    assert isinstance(french, UnsupportedLanguage)
    assert str(french).startswith(f"{path}: field 'text': record {SITE}/fr/greve.html: ")
    assert "does not look like English" in str(french)
    assert counts == WarcCounts(
        records=17, articles=3, failed=2, not_html=2, not_ok=1, not_response=9
    )


def test_a_cut_short_archive_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    pages = [html(f"/news/{n}.html", ARTICLE_HTML) for n in range(3)]
    whole = write_warc(tmp_path / "whole.warc", pages).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[:-100])  # a download that stopped inside the last page
    articles, errors = collect(cut)
    assert [a.id for a in articles] == [f"{SITE}/news/0.html", f"{SITE}/news/1.html"]
    assert messages(errors) == [
        f"{cut}: is cut short: the file ends inside record 7 ({SITE}/news/2.html); "
        "the 6 records before it were read"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"GET / HTTP/1.1\r\nHost: example.test\r\n\r\n", "is not a WARC file"),
        (b"", "is empty"),
    ],
    ids=["not-warc", "empty"],
)
def test_a_file_that_is_no_warc_is_named_and_other_sources_are_read(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(content)
    good = write_warc(tmp_path / "good.warc", [html("/news/strike.html", ARTICLE_HTML)])
    articles, errors = collect(bad, good)
    assert [a.id for a in articles] == [f"{SITE}/news/strike.html"]
    [message] = messages(errors)
    assert message.startswith(f"{bad}: {expected}")
