"""URLs and RSS/Atom feeds over an injectable transport; private and loopback hosts refused by default.

httpx does the HTTP work (timeouts, redirects, size limits); feedparser reads
feeds. The address guard is ours: trafilatura's fetcher has one but it cannot
be switched off for tests, and we must check every redirect hop ourselves.
"""
from __future__ import annotations

import hashlib
import ipaddress
import socket
from collections.abc import Callable, Iterator
from urllib.parse import urljoin, urlsplit

from ..errors import FetchError, InputError
from ..model import RawArticle

__all__ = ["read_url", "fetch", "parse_feed", "check_address", "MAX_BYTES"]

MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = 20.0
USER_AGENT = "crossread/0.1 (+https://pypi.org/project/crossread)"

Reporter = Callable[[InputError], None]


def check_address(url: str, *, allow_private: bool = False, resolve=socket.getaddrinfo) -> None:  # type: ignore[no-untyped-def]
    """Raise FetchError E121 when the URL's host is, or resolves to, a private, loopback or link-local address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("E120", url, "only http(s) URLs with a host can be fetched")
    if allow_private:
        return
    host = parts.hostname
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = resolve(host, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
        except (socket.gaierror, UnicodeError) as e:
            raise FetchError("E120", url, f"cannot resolve host {host!r}: {e}") from e
        addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    for addr in addresses:
        if addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved or addr.is_multicast or addr.is_unspecified:
            raise FetchError("E121", url, f"refused: {host} is a private or loopback address ({addr}); use --allow-private to fetch it")


def fetch(url: str, *, allow_private: bool = False, transport=None) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    """GET a URL following redirects (each hop checked); returns (final url, content type, text)."""
    import httpx

    from .files import decode_bytes

    with httpx.Client(transport=transport, timeout=TIMEOUT, follow_redirects=False,
                      headers={"User-Agent": USER_AGENT}) as client:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            if transport is None:
                check_address(current, allow_private=allow_private)
            elif not allow_private:
                check_address(current, allow_private=False, resolve=_no_resolve)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        current = urljoin(current, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise FetchError("E120", url, f"HTTP {response.status_code}")
                    body = b""
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > MAX_BYTES:
                            raise FetchError("E120", url, f"larger than {MAX_BYTES} bytes")
                    ctype = response.headers.get("content-type", "")
            except httpx.HTTPError as e:
                raise FetchError("E120", url, f"{type(e).__name__}: {e}") from e
            return current, ctype, decode_bytes(body, url)
        raise FetchError("E120", url, "too many redirects")


def _no_resolve(host, port, proto=0):  # type: ignore[no-untyped-def]
    """With an injected transport there is no DNS: a name is taken as public, a literal IP is checked."""
    return [(socket.AF_INET, socket.SOCK_STREAM, proto, "", ("93.184.216.34", port))]


def _url_id(url: str) -> str:
    return "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def read_url(url: str, *, on_problem: Reporter, allow_private: bool = False, transport=None) -> Iterator[RawArticle]:  # type: ignore[no-untyped-def]
    """One article from a page URL, or one per entry from a feed URL."""
    try:
        final, ctype, text = fetch(url, allow_private=allow_private, transport=transport)
    except InputError as e:
        on_problem(e)
        return
    head = text.lstrip()[:400].lower()
    if "xml" in ctype or "rss" in ctype or "atom" in ctype or head.startswith("<?xml") or "<rss" in head or "<feed" in head:
        if "<html" not in head:
            yield from parse_feed(text, url, on_problem=on_problem)
            return
    yield RawArticle(id=_url_id(final), html=text, url=final, source=url)


def parse_feed(text: str, source: str, *, on_problem: Reporter) -> Iterator[RawArticle]:
    """One record per feed entry: its content (or summary) as HTML, with link, date and title."""
    import feedparser

    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        on_problem(InputError("E122", source, f"feed could not be parsed: {feed.bozo_exception}"))
        return
    outlet = (feed.feed.get("title") or None) if hasattr(feed, "feed") else None
    for i, entry in enumerate(feed.entries, 1):
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "")
        where = f"{source}#entry{i}"
        if not body.strip():
            on_problem(InputError("E105", where, "feed entry has no content"))
            continue
        published = None
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        if parsed:
            published = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
        link = entry.get("link")
        eid = entry.get("id") or link or f"{source}#{i}"
        if "<" in body:
            body = _html_fragment_text(body)
        if not body.strip():
            on_problem(InputError("E105", where, "feed entry has no text"))
            continue
        yield RawArticle(
            id=_url_id(eid), text=body, url=link, outlet=outlet, published=published,
            title=entry.get("title"), author=entry.get("author"), source=where,
        )


def _html_fragment_text(fragment: str) -> str:
    """Text of a feed entry's HTML fragment, one line per block (feeds carry the body, not a page to extract)."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on junk; the entry is then skipped by the caller
        return ""
    for el in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote"):
        el.tail = "\n" + (el.tail or "")
    return root.text_content()
