"""The story timeline, on hand-built articles and time expressions (invented places and events)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from crossread.model import Article, ArticleAnalysis, Sentence, TimeExpression
from crossread.reconcile.timeline import build_timeline, parse_value


def make_article(aid: str, text: str, published: str | None, outlet: str | None = None) -> Article:
    sentences = tuple(Sentence(m.start(), m.end(), 0) for m in re.finditer(r"[^.!?]+[.!?]+", text))
    return Article(id=aid, text=text, sentences=sentences, outlet=outlet,
                   published=dt.date.fromisoformat(published) if published else None)


def when(article: Article, phrase: str, value: str | None, nth: int = 0) -> TimeExpression:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(phrase, start + 1)
    return TimeExpression(article_id=article.id, start=start, end=start + len(phrase), text=phrase, value=value,
                          sentence=article.sentence_at(start))


T1 = ("Police moved into the town hall of Dunmore on March 1 to install the new mayor. "
      "Clashes between protesters and police erupted on Monday outside the town hall. "
      "A football match was played in the capital on March 1 before a record crowd. "
      "The region declared autonomy in 1991 after a long dispute.")
T2 = ("On March 1, police moved into the Dunmore town hall so the new mayor could take office. "
      "Three days later, clashes erupted between protesters and police outside the town hall. "
      "The region declared autonomy in 1991. "
      "A second rally is planned for March 12 in the capital.")
T3 = ("Clashes erupted outside the Dunmore town hall between protesters and police on Tuesday. "
      "The old stone bridge over the river was built in 1890. "
      "In February the council of Dunmore met to approve the budget.")


@pytest.fixture
def story():
    a1 = make_article("t1", T1, "2024-03-08", "One")
    a2 = make_article("t2", T2, "2024-03-09", "Two")
    a3 = make_article("t3", T3, "2024-03-09", "Three")
    analyses = [
        ArticleAnalysis("t1", times=(when(a1, "March 1", "2024-03-01"), when(a1, "Monday", "2024-03-04"),
                                     when(a1, "March 1", "2024-03-01", nth=1), when(a1, "1991", "1991-01-01/1991-12-31"))),
        ArticleAnalysis("t2", times=(when(a2, "March 1", "2024-03-01"), when(a2, "Three days later", "2024-03-04"),
                                     when(a2, "1991", "1991-01-01/1991-12-31"), when(a2, "March 12", "2024-03-12"))),
        ArticleAnalysis("t3", times=(when(a3, "Tuesday", "2024-03-05"), when(a3, "1890", "1890-01-01/1890-12-31"),
                                     when(a3, "In February", "2024-02-01/2024-02-29"))),
    ]
    return [a1, a2, a3], analyses


def test_timeline_events_in_date_order_with_sources(story):
    articles, analyses = story
    events = build_timeline(articles, analyses)
    dates = [(e.background, e.date) for e in events]  # date order, the story's own events before background
    assert dates == sorted(dates, key=lambda d: (d[0], parse_value(d[1])))
    install = [e for e in events if "mayor" in e.text]
    assert len(install) == 1 and install[0].date == "2024-03-01"
    assert install[0].article_ids == ("t1", "t2") and install[0].outlets == ("One", "Two")
    assert not install[0].disputed
    assert {(t.article_id, t.value) for t in install[0].times} == {("t1", "2024-03-01"), ("t2", "2024-03-01")}


def test_timeline_same_event_on_different_dates_is_disputed(story):
    articles, analyses = story
    clashes = [e for e in build_timeline(articles, analyses) if "lashes" in e.text]
    assert len(clashes) == 1
    e = clashes[0]
    assert e.disputed and set(e.article_ids) == {"t1", "t2", "t3"}
    assert e.date == "2024-03-04"  # two sources against one
    assert ("t3", 0) in e.sentences


def test_timeline_unrelated_same_day_events_stay_apart(story):
    articles, analyses = story
    march_first = [e for e in build_timeline(articles, analyses) if e.date == "2024-03-01"]
    assert len(march_first) == 2
    assert any("football" in e.text and e.article_ids == ("t1",) for e in march_first)


def test_timeline_background_kept_only_when_shared(story):
    articles, analyses = story
    events = build_timeline(articles, analyses)
    background = [e for e in events if e.background]
    assert [e.date for e in background] == ["1991-01-01/1991-12-31"]
    assert background[0].article_ids == ("t1", "t2")
    assert not any("bridge" in e.text for e in events)
    assert not any("budget" in e.text for e in events)  # "in February", one source of three: too vague
    assert not events[0].background and events[-1].background  # the story's events first, context after
    own = [e.date for e in events if not e.background]
    assert own == sorted(own)
    planned = [e for e in events if "rally" in e.text]
    assert len(planned) == 1 and planned[0].date == "2024-03-12" and not planned[0].background


def test_timeline_is_deterministic(story):
    articles, analyses = story
    a = build_timeline(articles, analyses)
    b = build_timeline(articles, [ArticleAnalysis(x.article_id, times=tuple(reversed(x.times))) for x in analyses])
    assert [e.to_dict() for e in a] == [e.to_dict() for e in b]
    assert len({e.id for e in a}) == len(a)


def test_timeline_without_publication_dates_centres_on_mentioned_dates(story):
    articles, analyses = story
    undated = [a.replace(published=None) for a in articles]
    events = build_timeline(undated, analyses)
    assert any(e.date == "2024-03-01" and not e.background for e in events)
    assert all(e.background for e in events if e.date.startswith("1991"))


@pytest.mark.parametrize("text,value", [
    ("", "2024-03-01"), ("No sentences here at all", "2024-03-01"), ("Ω≈ç√ on May 5.", "not a date"),
    ("Something happened on a day.", None), ("Something happened then.", "2024-13-45"),
])
def test_timeline_odd_input_never_crashes(text, value):
    a = Article(id="x", text=text, sentences=())
    t = TimeExpression(article_id="x", start=0, end=min(3, len(text)), text=text[:3], value=value, sentence=7)
    events = build_timeline([a], [ArticleAnalysis("x", times=(t,))])
    assert all(e.article_ids == ("x",) for e in events)
    assert build_timeline([], []) == ()


@pytest.mark.parametrize("value,expected", [
    ("2024-03-01", (dt.date(2024, 3, 1), dt.date(2024, 3, 1))),
    ("2024-03-01/2024-03-07", (dt.date(2024, 3, 1), dt.date(2024, 3, 7))),
    ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
    ("1999", (dt.date(1999, 1, 1), dt.date(1999, 12, 31))),
    ("garbage", None), (None, None), ("2024-01-01/2024-01-02/2024-01-03", None),
])
def test_timeline_parse_value(value, expected):
    assert parse_value(value) == expected


@pytest.mark.parametrize("published,value", [
    (dt.date.min, "0001-01-01"), (dt.date.max, "9999-12-31"), (dt.date(2024, 3, 8), "9999-12"),
])
def test_timeline_calendar_edges_never_crash(published, value):
    a = make_article("x", "The council of Dunmore approved the new budget on that day.", None)
    a = a.replace(published=published)
    t = when(a, "that day", value)
    events = build_timeline([a], [ArticleAnalysis("x", times=(t,))])
    assert len(events) <= 1


def test_timeline_one_sentence_dated_twice_keeps_the_precise_date():
    a = make_article("x", "The council of Dunmore met this week (March 6) to approve the budget.", "2024-03-08")
    times = (when(a, "this week", "2024-03-04/2024-03-10"), when(a, "March 6", "2024-03-06"))
    events = build_timeline([a], [ArticleAnalysis("x", times=times)])
    assert [e.date for e in events] == ["2024-03-06"]


def test_timeline_same_words_resolved_apart_are_not_a_dispute():
    text = "Protesters and police clashed outside the Dunmore town hall on Saturday."
    a = make_article("x", text, "2024-03-11")
    b = make_article("y", text, "2024-03-18")  # a reprint a week later: its "Saturday" resolves later
    analyses = [ArticleAnalysis("x", times=(when(a, "Saturday", "2024-03-09"),)),
                ArticleAnalysis("y", times=(when(b, "Saturday", "2024-03-16"),))]
    events = build_timeline([a, b], analyses)
    assert len(events) == 1 and events[0].article_ids == ("x", "y") and not events[0].disputed


def test_timeline_dates_counted_from_publication_alone_make_no_dispute():
    a = make_article("x", "Protesters and police clashed outside the Dunmore town hall on Monday.", "2024-03-12")
    b = make_article("y", "Protesters and police clashed outside the Dunmore town hall this morning.", "2024-03-12")
    analyses = [ArticleAnalysis("x", times=(when(a, "Monday", "2024-03-11"),)),
                ArticleAnalysis("y", times=(when(b, "this morning", "2024-03-12"),))]
    events = build_timeline([a, b], analyses)
    assert len(events) == 1 and not events[0].disputed and events[0].date in ("2024-03-11", "2024-03-12")

