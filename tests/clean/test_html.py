"""HTML pages: main text and metadata through trafilatura; a page with no text is a reported problem."""
from __future__ import annotations

from pathlib import Path

import crossread
from crossread.model import RawArticle

PAGE = """<!doctype html><html><head><title>Bridge reopens after repairs | Harbour Post</title>
<meta property="og:site_name" content="Harbour Post"><meta name="author" content="Lena Ortiz">
<meta property="article:published_time" content="2023-04-12T08:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Wednesday after eight months of repairs, the city council said.</p>
<p>Engineers replaced 42 steel cables and resurfaced the deck, at a cost of about $30 million.</p>
<p>Commuters said the closure had added up to an hour to their daily journeys.</p></article>
<footer>Subscribe to our newsletter. Copyright Harbour Post.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "bridge.html").write_text(PAGE, encoding="utf-8")
    dossier = crossread.analyze([tmp_path])
    a = dossier.articles[0]
    assert a.id == "bridge"
    assert "42 steel cables" in a.text and "Commuters said" in a.text
    assert "Subscribe to our newsletter" not in a.text and "Sport" not in a.text
    assert a.title == "Bridge reopens after repairs"
    assert a.author == "Lena Ortiz"
    assert str(a.published) == "2023-04-12" and a.published_from == "metadata"
    assert a.outlet == "Harbour Post"


def test_html_without_text_is_reported(tmp_path: Path) -> None:
    dossier = crossread.analyze([RawArticle(id="blank", html="<html><body><nav>Home</nav></body></html>", source="blank.html"),
                                 RawArticle(id="ok", text="A real article about the harbour bridge reopening.")])
    assert [a.id for a in dossier.articles] == ["ok"]
    assert [(p.code, p.source) for p in dossier.problems] == [("E106", "blank.html")]
