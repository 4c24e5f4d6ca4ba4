"""RSS and Atom feeds, as URLs and files: each entry's page is fetched; a bad entry is named."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path

import pytest

from eventwire.errors import IngestError
from eventwire.ingest.feeds import looks_like_feed, parse_feed
from eventwire.ingest.fetch import Fetcher, FetchResult

from .test_fetch import ARTICLE_HTML, MENU_HTML, Reply, Site, collect, messages, serve

TITLE = "Dock workers end strike"
# 23:30 in New York is already the next day in UTC: the feed's own day must be kept.
RSS_DATE = "Wed, 02 Aug 2023 23:30:00 -0400"
FEED_DATE = "2023-08-02T23:30:00-04:00"

Entry = tuple[str, str | None]  # (title, link); a None link is left out of the entry


def rss(*entries: Entry) -> str:
    items = "".join(
        f"<item><title>{escape(title)}</title>"
        + (f"<link>{escape(link)}</link>" if link else "")
        + f"<pubDate>{RSS_DATE}</pubDate></item>"
        for title, link in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Harbour Courier</title><link>http://example.test/</link>{items}"
        "</channel></rss>"
    )


def atom(*entries: Entry) -> str:
    items = "".join(
        f"<entry><title>{escape(title)}</title><id>urn:entry:{number}</id>"
        + (f'<link rel="alternate" href="{escape(link)}"/>' if link else "")
        + f"<updated>{FEED_DATE}</updated></entry>"
        for number, (title, link) in enumerate(entries)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Harbour Courier</title><id>urn:feed</id>"
        f"<updated>{FEED_DATE}</updated>{items}</feed>"
    )


Build = Callable[..., str]
RSS: tuple[Build, str] = (rss, "application/rss+xml")
ATOM: tuple[Build, str] = (atom, "application/atom+xml")
BOTH = pytest.mark.parametrize(("build", "content_type"), [RSS, ATOM], ids=["rss", "atom"])


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


def _article_page(site: Site) -> str:
    return site.add("/news/strike.html", Reply(body=ARTICLE_HTML))


@BOTH
def test_feed_url_gives_one_article_per_entry_and_names_the_broken_one(
    site: Site, build: Build, content_type: str
) -> None:
    good = _article_page(site)
    missing = site.url("/news/missing.html")
    feed = site.add("/feed", Reply(body=build((TITLE, good), ("Gone", missing)), content_type=""))
    # No Content-Type at all: the body alone shows it is a feed.
    articles, errors = collect(feed)
    assert [(a.id, a.url, a.title, a.published_at) for a in articles] == [
        (good, good, TITLE, FEED_DATE)
    ]
    assert "three-day strike" in articles[0].text and "newsletter" not in articles[0].text
    assert messages(errors) == [f"{feed}: entry {missing}: HTTP 404 Not Found; check the URL"]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(body=ARTICLE_HTML, delay=5), "timed out: no answer within 0.3 s"),
        (Reply(body=""), "the server sent an empty page; there is no article to read"),
        (Reply(body=MENU_HTML), "has no article body that could be extracted"),
        (Reply(body=b"%PDF-1.4", content_type="application/pdf"), "is application/pdf, not an"),
        (Reply(503), "HTTP 503 Service Unavailable"),
    ],
    ids=["timeout", "empty", "menu", "pdf", "503"],
)
@BOTH
def test_an_entry_whose_page_fails_is_named_and_the_rest_continue(
    site: Site, build: Build, content_type: str, reply: Reply, expected: str
) -> None:
    bad = site.add("/news/bad", reply)
    good = _article_page(site)
    body = build(("Bad", bad), (TITLE, good))
    feed = site.add("/feed.xml", Reply(body=body, content_type=content_type))
    articles, errors = collect(feed)
    assert [a.id for a in articles] == [good]
    [message] = messages(errors)
    assert message.startswith(f"{feed}: entry {bad}: {expected}")


@pytest.mark.parametrize(
    ("name", "build"), [("news.rss", rss), ("news.atom", atom), ("news.xml", rss)]
)
def test_feed_file_fetches_the_linked_pages(
    tmp_path: Path, site: Site, name: str, build: Build
) -> None:
    good = _article_page(site)
    path = tmp_path / name
    path.write_text(build((TITLE, good)), encoding="utf-8")
    articles, errors = collect(path)
    assert not errors
    assert [(a.id, a.title, a.published_at) for a in articles] == [(good, TITLE, FEED_DATE)]


MALFORMED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Oops</channel></rss>'


@pytest.mark.parametrize("served", [False, True], ids=["file", "url"])
def test_malformed_feed_is_one_clear_error_and_other_sources_are_read(
    tmp_path: Path, site: Site, served: bool
) -> None:
    if served:
        feed = site.add("/broken.rss", Reply(body=MALFORMED, content_type="application/rss+xml"))
    else:
        (tmp_path / "broken.rss").write_text(MALFORMED, encoding="utf-8")
        feed = str(tmp_path / "broken.rss")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "ok", "text": "Troops left the town."}) + "\n")
    articles, errors = collect(feed, good)
    assert [a.id for a in articles] == ["ok"]
    assert messages(errors) == [
        f"{feed}: is not a valid RSS or Atom feed (XML error: mismatched tag); "
        "check that it is a feed and not a web page or an error page"
    ]


def test_relative_links_are_resolved_against_the_feed_url(site: Site) -> None:
    good = _article_page(site)
    feed = site.add("/feeds/world.rss", Reply(body=rss((TITLE, "../news/strike.html"))))
    articles, errors = collect(feed)
    assert not errors and [a.id for a in articles] == [good]


def test_an_rss_permalink_guid_stands_in_for_a_missing_link(site: Site) -> None:
    good = _article_page(site)
    body = rss((TITLE, None)).replace("<pubDate>", f"<guid>{good}</guid><pubDate>")
    articles, errors = collect(site.add("/feed", Reply(body=body)))
    assert not errors and [a.id for a in articles] == [good]


def test_an_entry_without_any_link_is_named(site: Site) -> None:
    good = _article_page(site)
    feed = site.add("/feed", Reply(body=rss(("No address", None), (TITLE, good))))
    articles, errors = collect(feed)
    assert [a.id for a in articles] == [good]
    assert messages(errors) == [
        f"{feed}: entry 1 ('No address') has no link to its page; it cannot be fetched"
    ]


def test_feed_data_is_parsed_never_fetched_by_feedparser(site: Site) -> None:
    # Given a URL as str or bytes, feedparser would fetch it itself, past our Fetcher.
    url = site.add("/feed", Reply(body=rss((TITLE, site.url("/x")))))
    with pytest.raises(IngestError, match="is not a valid RSS or Atom feed"):
        parse_feed(url.encode(), "given.xml")
    assert site.hits == []


def test_a_passed_fetcher_is_used_for_the_entries(site: Site) -> None:
    good = _article_page(site)
    feed = site.add("/feed", Reply(body=rss((TITLE, good))))
    articles, _ = collect(feed, fetcher=Fetcher(politeness=0, user_agent="custom-agent/1"))
    assert [a.id for a in articles] == [good]
    assert [agent for _, agent in site.hits] == ["custom-agent/1", "custom-agent/1"]


@pytest.mark.parametrize(
    ("body", "content_type", "is_feed"),
    [
        (rss((TITLE, "http://example.test/a")), "text/html; charset=utf-8", True),
        (atom((TITLE, "http://example.test/a")), "", True),
        ('{"version": "https://jsonfeed.org/version/1.1"}', "application/feed+json", True),
        (ARTICLE_HTML, "text/html", False),
        (ARTICLE_HTML, "application/xml", False),
        (ARTICLE_HTML.replace("</p>", " The <feed> element.</p>", 1), "text/html", False),
        (MALFORMED, "application/rss+xml", True),
    ],
    ids=["rss-as-html", "atom-untyped", "json", "page", "xhtml", "page-naming-feed", "bad-rss"],
)
def test_a_feed_is_told_from_a_page_by_type_and_body(
    body: str, content_type: str, is_feed: bool
) -> None:
    result = FetchResult("http://example.test/x", 200, content_type, body.encode())
    assert looks_like_feed(result) is is_feed
