"""URL and feed fetching over a mock transport; private and loopback addresses are refused by default."""
from __future__ import annotations

import httpx
import pytest

from crossread.errors import FetchError, InputError
from crossread.ingest.fetch import check_address, read_url

PAGE = ("<html><head><title>Dam opens</title></head><body><article><h1>Dam opens</h1>"
        "<p>The new dam on the river opened its gates on Tuesday, officials said, after six years of work.</p>"
        "<p>Farmers downstream said the water would reach their fields within a week.</p></article></body></html>")
FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Herald</title>'
        "<item><title>One</title><link>https://news.example/one</link><description>First story text.</description></item>"
        "<item><title>Two</title><link>https://news.example/two</link><description>Second story text.</description></item>"
        "</channel></rss>")


def _transport(routes: dict[str, httpx.Response]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        return routes.get(str(request.url), httpx.Response(404))
    return httpx.MockTransport(handler)


def _read(url: str, transport, **kw):
    problems: list[InputError] = []
    return list(read_url(url, on_problem=problems.append, transport=transport, **kw)), problems


def test_fetch_page_becomes_html_record() -> None:
    t = _transport({"https://news.example/dam": httpx.Response(200, html=PAGE)})
    records, problems = _read("https://news.example/dam", t)
    assert problems == []
    assert len(records) == 1 and records[0].url == "https://news.example/dam" and "dam" in records[0].html


def test_fetch_feed_gives_one_record_per_entry() -> None:
    t = _transport({"https://news.example/feed": httpx.Response(200, text=FEED, headers={"content-type": "application/rss+xml"})})
    records, problems = _read("https://news.example/feed", t)
    assert [r.url for r in records] == ["https://news.example/one", "https://news.example/two"]
    assert records[0].text == "First story text." and records[0].outlet == "Valley Herald"


@pytest.mark.parametrize("url", ["http://127.0.0.1/x", "http://10.1.2.3/", "http://192.168.0.1/", "http://[::1]/", "http://169.254.169.254/latest"])
def test_fetch_private_addresses_refused(url: str) -> None:
    with pytest.raises(FetchError) as info:
        check_address(url)
    assert info.value.code == "E121"
    check_address(url, allow_private=True)  # explicitly allowed: no error


def test_fetch_redirect_to_private_address_is_refused() -> None:
    t = _transport({"https://news.example/r": httpx.Response(302, headers={"location": "http://127.0.0.1:8080/admin"})})
    records, problems = _read("https://news.example/r", t)
    assert records == [] and [p.code for p in problems] == ["E121"]


def test_fetch_http_error_is_a_problem_not_a_crash() -> None:
    records, problems = _read("https://news.example/missing", _transport({}))
    assert records == [] and problems[0].code == "E120" and "404" in problems[0].message


def test_fetch_hostname_resolving_to_loopback_refused() -> None:
    import socket

    def fake_resolve(host, port, proto=0):
        return [(socket.AF_INET, socket.SOCK_STREAM, proto, "", ("127.0.0.1", port))]
    with pytest.raises(FetchError):
        check_address("http://intranet.example/", resolve=fake_resolve)
