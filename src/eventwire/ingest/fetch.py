"""HTTP GET for ingest: retries with backoff, bounded redirects, a polite pause per host."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from .. import __version__
from ..errors import IngestError

__all__ = ["USER_AGENT", "FetchResult", "Fetcher", "decode_body"]

USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire/eventwire)"

# 429 and 5xx say "not now", so another try may work; any other 4xx will answer the same again.
_RETRY_STATUS = 429
# A Retry-After longer than this is not waited for: the batch would stall on one server.
_MAX_RETRY_AFTER = 60.0
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class FetchResult:
    """A successful response: ``url`` is the final URL after redirects."""

    url: str
    status: int
    content_type: str
    body: bytes

    @property
    def mime_type(self) -> str:
        """The content type without parameters, lower case (``text/html``)."""
        return self.content_type.split(";")[0].strip().lower()

    def text(self) -> str:
        return decode_body(self.body, self.content_type)


class Fetcher:
    """GETs pages for the ingest readers; every final failure is an IngestError naming the URL.

    ``retries`` is how many more tries follow a failed first one; the pause before try n+1 is
    ``backoff * 2**n`` seconds (or the server's Retry-After, up to a minute). ``politeness``
    is the least time between two requests to the same host. ``sleep`` and ``clock`` are
    injectable so tests need not wait.
    """

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 0.5,
        politeness: float = 1.0,
        max_redirects: int = 5,
        max_bytes: int = 20_000_000,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if retries < 0:
            raise ValueError("retries must be 0 or more")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.politeness = politeness
        self.max_redirects = max_redirects
        self.max_bytes = max_bytes
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": user_agent},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> FetchResult:
        """The page at ``url``; raises IngestError(url, reason) once retries are spent."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise IngestError(url, "is not an http(s) URL; give one such as https://example.org/")
        attempts = self.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            self._wait_turn(parts.hostname)
            try:
                result = self._get_once(url)
            except httpx.InvalidURL as exc:
                raise IngestError(url, f"is not a valid URL ({exc})") from None
            except httpx.UnsupportedProtocol:
                raise IngestError(
                    url, "redirects to an address that is not http(s); give an http(s) URL"
                ) from None
            except httpx.TooManyRedirects:
                raise IngestError(
                    url,
                    f"redirected more than {self.max_redirects} times; the URL loops or has "
                    "moved too often, open it in a browser and give the final address",
                ) from None
            except (httpx.TimeoutException, httpx.NetworkError) as exc:
                if last:
                    raise IngestError(
                        url,
                        f"{_network_reason(exc, self.timeout)}{_tries(attempts)}; "
                        "check the address and the network, or try again later",
                    ) from None
                self._sleep(self._pause(attempt, None))
                continue
            except httpx.HTTPError as exc:
                # Protocol errors and the like: the server speaks broken HTTP, a retry won't fix it.
                raise IngestError(url, f"the server's answer is not valid HTTP ({exc})") from None
            status = result.status_code
            if 200 <= status < 300:
                return self._read(url, result)
            retryable = status == _RETRY_STATUS or status >= 500
            if not retryable or last:
                result.close()
                hint = (
                    "the server is failing or busy; try again later"
                    if retryable
                    else "check the URL"
                )
                tries = _tries(attempts) if retryable else ""
                raise IngestError(url, f"HTTP {status} {result.reason_phrase}{tries}; {hint}")
            pause = self._pause(attempt, result.headers.get("Retry-After"))
            result.close()
            self._sleep(pause)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _get_once(self, url: str) -> httpx.Response:
        request = self._client.build_request("GET", url)
        return self._client.send(request, stream=True)

    def _read(self, url: str, response: httpx.Response) -> FetchResult:
        """The body, refused past ``max_bytes`` so one huge file cannot exhaust memory."""
        body = bytearray()
        try:
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise IngestError(
                        url,
                        f"is larger than {self.max_bytes:,} bytes; that is no news article page",
                    )
        except httpx.DecodingError as exc:
            raise IngestError(url, f"the page's compressed content is broken ({exc})") from None
        except httpx.HTTPError as exc:
            raise IngestError(
                url, f"{_network_reason(exc, self.timeout)} while reading the page; try again later"
            ) from None
        finally:
            response.close()
        self._last_request[response.url.host] = self._clock()
        return FetchResult(
            url=str(response.url),
            status=response.status_code,
            content_type=response.headers.get("Content-Type", ""),
            body=bytes(body),
        )

    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None and self.politeness > 0:
            wait = last + self.politeness - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _pause(self, attempt: int, retry_after: str | None) -> float:
        pause = self.backoff * 2.0**attempt
        if retry_after and retry_after.strip().isdigit():
            pause = max(pause, min(float(retry_after), _MAX_RETRY_AFTER))
        return pause


def decode_body(body: bytes, content_type: str = "") -> str:
    """Text of a fetched or archived page: the declared charset, else a <meta> one, else UTF-8."""
    charset = None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    if not charset:
        match = _CHARSET.search(body[:4096])
        charset = match.group(1).decode("ascii") if match else None
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        # An unknown charset name in the page: UTF-8 is the web's usual truth.
        return body.decode("utf-8", errors="replace")


def _tries(attempts: int) -> str:
    return f" (after {attempts} tries)" if attempts > 1 else ""


def _network_reason(exc: httpx.HTTPError, timeout: float) -> str:
    """The failure in words: 'timed out after 20 s', 'could not connect (connection refused)'."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting after {timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out: no answer within {timeout:g} s"
    detail = _os_reason(exc)
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect ({detail})"
    return f"the connection failed ({detail})"


def _os_reason(exc: BaseException) -> str:
    """The operating system's words for a network error, without the errno prefix."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror.lower()
        seen = seen.__cause__ or seen.__context__
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", str(exc)).strip()
    return text.lower() or type(exc).__name__
