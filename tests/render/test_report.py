"""Markdown and self-contained HTML reports: every section, citation anchors, escaping of hostile text,
graceful empty sections."""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from crossread.clean.text import normalise, split_sentences
from crossread.model import (
    Article, BriefSentence, Dossier, Fact, FigureReport, Quote, Removed, Story, TimelineEvent,
)
from crossread.reconcile.brief import build_brief
from crossread.reconcile.framing import compare_framing
from crossread.render.report import render_html, render_markdown, timeline_svg

PWN = "PWNED"
SCRIPT = f"<script>document.title='{PWN}'</script>"
IMG = f"<img src=x onerror=\"document.title='{PWN}'\">"
ATTR = f"\" onerror=\"document.title='{PWN}'\" x=\""
JS_URL = f"javascript:document.title='{PWN}'"
HOSTILE = [SCRIPT, IMG, ATTR, JS_URL, "</style><script>alert(1)</script>", "<a href=\"javascript:alert(1)\">click</a>"]


def make_article(article_id: str, text: str, outlet: str | None, **kw) -> Article:
    body = normalise(text)
    return Article(id=article_id, text=body, sentences=split_sentences(body), outlet=outlet, **kw)


def hostile_dossier() -> Dossier:
    """Invented articles whose every string a report shows carries markup or script."""
    a_text = (f"The Orla bridge closed on Monday after a crack was found {SCRIPT}. "
              f"Engineers said around 12 cables were damaged {IMG}.\n\n"
              f"\u201cWe will reopen it when it is safe {ATTR},\u201d said Pia Norden. "
              f"Visit {JS_URL} for updates.")
    b_text = ("The Orla bridge closed on Monday after engineers found a crack. "
              "More than 20 cables were damaged, the city said.\n\n"
              "\u201cWe will reopen it when it is safe,\u201d said Pia Norden. "
              "Traffic was sent through the old town.")
    a = make_article("a<1>", a_text, f"Outlet {IMG}", title=f"Bridge {SCRIPT}", url=JS_URL,
                     published=dt.date(2031, 3, 4),
                     removed=(Removed(text=f"Subscribe now {SCRIPT}", reason=f"teaser {IMG}"),))
    b = make_article("b&2", b_text, "Harbour Times", url="https://example.org/orla?x=1&y=2",
                     published=dt.date(2031, 3, 5))

    def rep(art, phrase, value, q):
        start = art.text.index(phrase)
        return FigureReport(article_id=art.id, start=start, end=start + len(phrase), text=art.text[start:start + len(phrase)],
                            value=value, qualifier=q, sentence=art.sentence_at(start))

    fact = Fact(id="f1", about=f"cables damaged {SCRIPT}", verdict="conflict",
                reports=(rep(a, "around 12 cables", 12, "around"), rep(b, "More than 20 cables", 20, "more than")))
    quotes = []
    for art in (a, b):
        s = art.text.index("We will reopen")
        e = art.text.index(",\u201d said")
        quotes.append(Quote(article_id=art.id, start=s, end=e, text=art.text[s:e], speaker="Pia Norden",
                            sentence=art.sentence_at(s)))
    quotes.append(Quote(article_id=a.id, start=0, end=3, text=f"odd {IMG}", speaker=f"Speaker {SCRIPT}", sentence=0))
    timeline = (
        TimelineEvent(date="2031-03-03", text=f"The bridge closed {SCRIPT} $5 $x$", article_ids=(a.id, b.id),
                      sentences=((a.id, 0), (b.id, 0))),
        TimelineEvent(date="2031-03-01/2031-03-31", text="Inspections in March", article_ids=(b.id,), disputed=True),
        TimelineEvent(date="not a date", text="unreadable", article_ids=(b.id,)),
    )
    story = Story(id="s<1>", title=f"Orla bridge {SCRIPT}", article_ids=(a.id, b.id), facts=(fact,),
                  quotes=tuple(quotes), timeline=timeline, start=dt.date(2031, 3, 3), end=dt.date(2031, 3, 5))
    story = story.replace(framing=compare_framing(story, [a, b], []))
    brief = build_brief(story, [a, b])
    brief += (BriefSentence(text=f"Hostile {SCRIPT} sentence.", sources=(a.id,), evidence=((a.id, 0),)),)
    story = story.replace(summary=brief)
    return Dossier(articles=(a, b), stories=(story,))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def _text(html: str) -> str:
    p = _Text()
    p.feed(html)
    return "".join(p.parts)


def _tags(html: str) -> list[tuple[str, dict]]:
    p = _Tags()
    p.feed(html)
    return p.tags


SECTIONS = ["Brief", "Facts", "Timeline", "Quotes by speaker", "Framing by outlet", "Removed as boilerplate", "Articles"]


def test_report_html_shows_every_section_and_links_citations_to_sentences():
    dossier = hostile_dossier()
    html = render_html(dossier)
    for title in SECTIONS:
        assert f">{title}</h3>" in html
    tags = _tags(html)
    ids = {attrs["id"] for _, attrs in tags if "id" in attrs}
    links = [attrs["href"][1:] for tag, attrs in tags if tag == "a" and attrs.get("href", "").startswith("#")]
    assert links and all(target in ids for target in links)  # every internal link lands on an anchor
    story = dossier.stories[0]
    for s in story.summary:
        for aid, idx in s.evidence:
            n = [a.id for a in dossier.articles].index(aid) + 1
            assert f'href="#a{n}-s{idx}"' in html
    assert 'class="conflict"' in html and "Outlets disagree on" in html
    assert "<svg" in html and "Inspections in March" in html  # the timeline chart


def test_report_html_is_self_contained():
    html = render_html(hostile_dossier())
    tags = _tags(html)
    assert not [t for t, a in tags if t in ("script", "link", "iframe", "object", "embed", "img", "base", "form")]
    assert not [a for t, a in tags if "src" in a]
    assert "@import" not in html and not re.search(r"url\((?!#)", html)  # only the SVG's own clip paths
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    external = [a["href"] for t, a in tags if t == "a" and not a.get("href", "#").startswith("#")]
    assert external == ["https://example.org/orla?x=1&y=2"]  # only the article's own http(s) link


def test_report_html_escapes_hostile_article_text():
    html = render_html(hostile_dossier())
    body = html.split("</style>", 1)[1]
    assert "<script" not in body.lower()
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=" in body
    for tag, attrs in _tags(html):
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert not any("javascript:" in (v or "").lower() for k, v in attrs.items() if k in ("href", "src", "action")), attrs
    text = _text(html)
    for payload in (SCRIPT, IMG, JS_URL):
        assert payload in text  # shown to the reader as text


def test_report_html_is_deterministic():
    d = hostile_dossier()
    assert render_html(d) == render_html(d)


def test_report_markdown_shows_every_section_and_neutralises_markup():
    md = render_markdown(hostile_dossier())
    for title in SECTIONS[:-1]:
        assert f"### {title}" in md
    assert "<script>" not in md and "\\<script\\>" in md
    assert "](javascript:" not in md
    assert re.search(r"^\| cables damaged .*\| CONFLICT \|", md, re.MULTILINE)
    assert "**(conflict)**" in md
    assert "Pia Norden" in md and "Subscribe now" in md


def test_report_markdown_and_html_with_groups_file_show_blindspot(tmp_path):
    groups = tmp_path / "groups.csv"
    groups.write_text("Harbour Times,coast\n", encoding="utf-8")
    dossier = hostile_dossier()
    assert "### Blindspot" in render_markdown(dossier, groups_file=groups)
    assert ">Blindspot</h3>" in render_html(dossier, groups_file=groups)


@pytest.mark.parametrize("dossier", [
    Dossier(articles=(), stories=()),
    Dossier(articles=(Article(id="e", text=""),), stories=(Story(id="s", title=None, article_ids=("e",)),)),
    Dossier(articles=(Article(id="e", text="Words without sentences."),),
            stories=(Story(id="s", title=None, article_ids=("e", "missing"), framing={"outlets": []}),)),
])
def test_report_degrades_gracefully_on_empty_data(dossier):
    html = render_html(dossier)
    md = render_markdown(dossier)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    if dossier.stories:
        assert "No figures found" in html and "No dated events" in html and "No quotations found" in html
        assert "_No figures found in this story._" in md and "_Nothing was removed._" in md


def test_timeline_svg_skips_unreadable_dates_and_is_deterministic():
    events = [{"date": "2031-03-03", "text": "a", "disputed": False}, {"date": "bad", "text": "b", "disputed": True}]
    svg = timeline_svg(events)
    assert svg.startswith("<svg") and svg == timeline_svg(events)
    assert timeline_svg([{"date": "bad", "text": "x"}]) == ""


def test_report_on_the_example(example_dir):
    import crossread

    dossier = crossread.analyze([example_dir])
    html = render_html(dossier)
    md = render_markdown(dossier)
    for title in SECTIONS:
        assert f">{title}</h3>" in html
    assert all(f"### {t}" in md for t in SECTIONS[:-1])
    tags = _tags(html)
    ids = {a["id"] for _, a in tags if "id" in a}
    assert all(a["href"][1:] in ids for t, a in tags if t == "a" and a.get("href", "").startswith("#"))


def _context_dossier() -> Dossier:
    """Two invented articles, one without an outlet or title; the timeline holds one background year."""
    a = make_article("001_5e0c1d9a7f2b44c1", "The ferry Arlen ran aground off Tolsby on Monday. Crews towed it free.", None)
    b = make_article("002_8b7e6a5d4c3b2a19", "The Arlen ferry grounded near Tolsby on Monday. It was built in 1987.",
                     "Harbour Times")
    timeline = (
        TimelineEvent(date="1987-01-01/1987-12-31", text="It was built in 1987.", article_ids=(b.id,),
                      sentences=((b.id, 1),), background=True),
        TimelineEvent(date="2031-03-03", text="The ferry Arlen ran aground off Tolsby on Monday.",
                      article_ids=(a.id, b.id), sentences=((a.id, 0), (b.id, 0))),
    )
    story = Story(id="s1", title="Arlen ferry", article_ids=(a.id, b.id), timeline=timeline)
    story = story.replace(framing=compare_framing(story, [a, b], []))
    return Dossier(articles=(a, b), stories=(story,))


def test_report_labels_article_without_outlet_readably():
    """No file id as a label: an article with no outlet and no title is "article N" in every report."""
    dossier = _context_dossier()
    md, html = render_markdown(dossier), render_html(dossier)
    assert "2 articles: article 1, Harbour Times" in md
    assert "- **article 1**" in md  # the framing section
    assert "001_5e0c1d9a7f2b44c1" not in md
    assert ">article 1</a>" in html


def test_report_lists_background_events_apart_after_the_story():
    md = render_markdown(_context_dossier())
    timeline = md[md.index("### Timeline"):md.index("### Quotes by speaker")]
    assert timeline.index("2031-03-03") < timeline.index("Background") < timeline.index("1987-01-01")
    html = render_html(_context_dossier())
    assert html.index("2031-03-03</strong>") < html.index(">Background</h4>") < html.index("1987-01-01/1987-12-31</strong>")


def test_report_quote_outlets_in_story_order():
    """A speaker's outlets are listed as the story lists its sources, not in the labels' alphabetical order."""
    d = _context_dossier()
    a, b = d.articles
    quotes = tuple(Quote(article_id=x.id, start=0, end=9, text=x.text[:9], speaker="Pia Norden", sentence=0) for x in (b, a))
    md = render_markdown(Dossier(articles=d.articles, stories=(d.stories[0].replace(quotes=quotes),)))
    assert "- **Pia Norden** (article 1, Harbour Times)" in md


def test_report_wide_story_lists_each_figure_by_value_with_its_outlets():
    """Past six outlets a column per outlet is unreadable: each figure lists its values and who gives them,
    the value most outlets give first, and a value is never lost."""
    outlets = ["North Star", "Valley News", "Kesh Courier", "Harbour Times", "Daily Quay", "Orla Post", "Tolsby Echo"]
    arts, reports = [], []
    for k, outlet in enumerate(outlets):
        n = 12 if k < 5 else 15
        text = f"The storm damaged {n} bridges in the valley, officials said."
        a = make_article(f"a{k}", text, outlet)
        arts.append(a)
        start = text.index(f"{n} bridges")
        reports.append(FigureReport(article_id=a.id, start=start, end=start + len(f"{n} bridges"), text=f"{n} bridges",
                                    value=n, low=n, high=n, counted="bridges", predicate="damaged", sentence=0))
    fact = Fact(id="1", about="bridges damaged", verdict="conflict", reports=tuple(reports), timing="contemporaneous")
    story = Story(id="s1", title="Storm", article_ids=tuple(a.id for a in arts), facts=(fact,))
    dossier = Dossier(articles=tuple(arts), stories=(story,))
    md = render_markdown(dossier)
    assert "| figure | verdict | what the outlets report |" in md
    assert ("| bridges damaged | CONFLICT (contemporaneous) | 12 bridges (North Star, Valley News, Kesh Courier, "
            "Harbour Times, Daily Quay); 15 bridges (Orla Post, Tolsby Echo) |") in md
    html = render_html(dossier)
    assert 'class="facts by-value"' in html and html.count(">Tolsby Echo</a>") >= 1
    # a narrow story keeps one column per outlet
    narrow = Dossier(articles=tuple(arts[4:]), stories=(story.replace(article_ids=tuple(a.id for a in arts[4:]),
                                                                     facts=(fact.replace(reports=tuple(reports[4:])),)),))
    assert "| figure | verdict | Daily Quay | Orla Post | Tolsby Echo |" in render_markdown(narrow)
