"""The HTTP fetcher against a real local server: retries, redirects, timeouts, politeness.

The server (`Site`, `serve`) and the pages here are shared with the feed and source tests.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast

import pytest

from eventwire import __version__
from eventwire.errors import IngestError
from eventwire.ingest.fetch import USER_AGENT, Fetcher, decode_body
from eventwire.ingest.sources import iter_sources
from eventwire.ingest.warc import WarcCounts
from eventwire.model import Article

ARTICLE_HTML = """<!doctype html><html lang="en"><head>
<title>Dock workers end strike | Harbour Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>Dock workers end three-day strike at the northern port</h1>
<p>Dock workers at the northern port returned to work on Thursday after their union accepted
a pay offer from the port authority, ending a three-day strike that had left more than forty
container ships waiting at anchor off the coast.</p>
<p>The union's general secretary told reporters that members had voted by a large majority to
accept a seven per cent rise this year and a further four per cent next year, and said the
agreement also limited night shifts for older workers.</p>
<p>The transport minister welcomed the deal and said the government would review safety rules
at the port, where two crane operators were injured in an accident last month.</p>
</article><footer>Harbour Courier. Subscribe to our newsletter.</footer></body></html>
"""
MENU_HTML = """<!doctype html><html><head><title>Sections</title></head><body>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav></body></html>
"""
FAST = {"timeout": 0.3, "retries": 0, "backoff": 0.0, "politeness": 0.0}


@dataclass(frozen=True)
class Reply:
    """One answer of the test server; a path given several answers gives them in turn."""

    status: int = 200
    body: str | bytes = ""
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0


class Site:
    """A real HTTP server on 127.0.0.1 (any free port) whose pages the test sets."""

    def __init__(self) -> None:
        self.hits: list[tuple[str, str]] = []  # (path, User-Agent) of every request, in order
        self.stopping = threading.Event()
        self._pages: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        self.server = _Server(self)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, *replies: Reply) -> str:
        self._pages[path] = list(replies)
        return self.url(path)

    def paths(self) -> list[str]:
        return [path for path, _ in self.hits]

    def reply(self, path: str, user_agent: str) -> Reply:
        with self._lock:
            self.hits.append((path, user_agent))
            replies = self._pages.get(path)
            if not replies:
                return Reply(404, "<html><body>Not found</body></html>")
            # The last answer repeats: [503, 200] is "fail once, then work".
            return replies.pop(0) if len(replies) > 1 else replies[0]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, site: Site) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        site = cast(_Server, self.server).site
        reply = site.reply(self.path, self.headers.get("User-Agent", ""))
        if reply.delay and site.stopping.wait(reply.delay):
            return
        body = reply.body.encode() if isinstance(reply.body, str) else reply.body
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test); nothing to answer

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep pytest's output to the tests' own


@contextmanager
def serve() -> Iterator[Site]:
    site = Site()
    # A short poll so shutdown() returns at once instead of after the default half second.
    thread = threading.Thread(
        target=site.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
    )
    thread.start()
    try:
        yield site
    finally:
        site.stopping.set()
        site.server.shutdown()
        site.server.server_close()


def redirects(site: Site, hops: int, target: str) -> str:
    """A chain of ``hops`` 302s ending at ``target``; returns the first URL."""
    for hop in range(hops, 0, -1):
        nxt = target if hop == 1 else f"/hop{hop - 1}"
        site.add(f"/hop{hop}", Reply(302, headers=(("Location", nxt),)))
    return site.url(f"/hop{hops}")


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as running:
        yield running


def collect(
    *sources: str | Path,
    fetcher: Fetcher | None = None,
    published: str | None = None,
    warc_counts: WarcCounts | None = None,
) -> tuple[list[Article], list[IngestError]]:
    """Everything ``iter_sources`` yields and reports for ``sources`` (FAST fetching)."""
    errors: list[IngestError] = []
    with fetcher or Fetcher(**FAST) as used:
        articles = list(
            iter_sources(
                [str(s) for s in sources],
                on_error=errors.append,
                published=published,
                fetcher=used,
                warc_counts=warc_counts,
            )
        )
    return articles, errors


def messages(errors: Sequence[IngestError]) -> list[str]:
    return [str(e) for e in errors]


def failure(url: str, **options: Any) -> str:
    """The message of the IngestError that fetching ``url`` raises (FAST settings by default)."""
    with Fetcher(**{**FAST, **options}) as fetcher, pytest.raises(IngestError) as caught:
        fetcher.get(url)
    return str(caught.value)


class FakeTime:
    """A clock that only moves when slept on, so backoff and politeness cost no real time."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def test_page_is_fetched_with_our_user_agent(site: Site) -> None:
    url = site.add("/article.html", Reply(body=ARTICLE_HTML))
    with Fetcher(**FAST) as fetcher:
        result = fetcher.get(url)
    assert (result.url, result.status, result.mime_type) == (url, 200, "text/html")
    assert b"three-day strike" in result.body
    assert site.hits == [("/article.html", USER_AGENT)]
    assert USER_AGENT.startswith(f"eventwire/{__version__} (+https://github.com/eventwire/")


def test_redirect_chain_is_followed_to_the_final_url(site: Site) -> None:
    final = site.add("/article.html", Reply(body=ARTICLE_HTML))
    with Fetcher(**FAST) as fetcher:
        result = fetcher.get(redirects(site, 3, "/article.html"))
    assert result.url == final and result.status == 200
    assert site.paths() == ["/hop3", "/hop2", "/hop1", "/article.html"]


def test_more_than_five_redirects_is_an_error(site: Site) -> None:
    url = redirects(site, 7, "/article.html")
    assert failure(url).startswith(f"{url}: redirected more than 5 times")
    assert "/article.html" not in site.paths()


@pytest.mark.parametrize("status", [503, 500, 429])
def test_server_errors_are_retried_with_exponential_backoff(site: Site, status: int) -> None:
    url = site.add("/flaky", Reply(status), Reply(status), Reply(body=ARTICLE_HTML))
    time = FakeTime()
    fetcher = Fetcher(timeout=1, retries=3, backoff=0.25, politeness=0, sleep=time.sleep)
    with fetcher:
        result = fetcher.get(url)
    assert result.status == 200 and b"three-day strike" in result.body
    assert site.paths() == ["/flaky"] * 3
    assert time.slept == [0.25, 0.5]


def test_retry_after_is_honoured(site: Site) -> None:
    url = site.add("/busy", Reply(429, headers=(("Retry-After", "3"),)), Reply(body=ARTICLE_HTML))
    time = FakeTime()
    with Fetcher(retries=3, backoff=0.1, politeness=0, sleep=time.sleep) as fetcher:
        fetcher.get(url)
    assert time.slept == [3.0]


def test_a_server_that_keeps_failing_is_reported_after_the_last_try(site: Site) -> None:
    url = site.add("/down", Reply(503))
    time = FakeTime()
    assert failure(url, retries=2, backoff=0.1, sleep=time.sleep) == (
        f"{url}: HTTP 503 Service Unavailable (after 3 tries); "
        "the server is failing or busy; try again later"
    )
    assert site.paths() == ["/down"] * 3


@pytest.mark.parametrize(
    ("status", "words"), [(404, "Not Found"), (403, "Forbidden"), (410, "Gone")]
)
def test_client_errors_are_not_retried(site: Site, status: int, words: str) -> None:
    url = site.add("/gone", Reply(status))
    assert failure(url, retries=3) == f"{url}: HTTP {status} {words}; check the URL"
    assert site.paths() == ["/gone"]


def test_a_slow_server_times_out_on_every_try(site: Site) -> None:
    url = site.add("/slow", Reply(body=ARTICLE_HTML, delay=5))
    message = failure(url, timeout=0.2, retries=1)
    assert message.startswith(f"{url}: timed out: no answer within 0.2 s (after 2 tries)")
    assert site.paths() == ["/slow", "/slow"]


def test_a_refused_connection_is_named() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/article.html"  # nothing listens there any more
    assert failure(url).startswith(f"{url}: could not connect (connection refused)")


def test_requests_to_one_host_are_spaced_by_the_politeness_delay(site: Site) -> None:
    first = site.add("/a.html", Reply(body=ARTICLE_HTML))
    second = site.add("/b.html", Reply(body=ARTICLE_HTML))
    time = FakeTime()
    with Fetcher(politeness=1.5, sleep=time.sleep, clock=time.clock) as fetcher:
        fetcher.get(first)
        assert time.slept == []
        fetcher.get(second)
        assert time.slept == [1.5]
        time.now += 10
        fetcher.get(first)
    assert time.slept == [1.5]


@pytest.mark.parametrize("url", ["ftp://example.org/feed.xml", "example.org/news", "http://"])
def test_only_http_urls_are_fetched(url: str) -> None:
    assert failure(url).startswith(f"{url}: is not an http(s) URL")


def test_a_body_past_the_size_limit_is_refused(site: Site) -> None:
    url = site.add("/huge", Reply(body=b"x" * 5000, content_type="application/octet-stream"))
    assert failure(url, max_bytes=1000).startswith(f"{url}: is larger than 1,000 bytes")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("Général".encode("latin-1"), "text/html; charset=ISO-8859-1"),
        ('<meta charset="windows-1252"><p>Général'.encode("cp1252"), "text/html"),
        ("Général".encode(), "text/html"),
        ("Général".encode(), "text/html; charset=no-such-charset"),
    ],
)
def test_body_is_decoded_by_its_declared_charset(body: bytes, content_type: str) -> None:
    assert "Général" in decode_body(body, content_type)
