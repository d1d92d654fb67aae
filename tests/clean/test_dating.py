"""Dating undated articles from their text and their story; never without evidence."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from crossread.clean import clean_article, infer_dates
from crossread.clean.dating import infer_date, read_evidence
from crossread.model import RawArticle, StoryGroup

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kosovo-2023"
D = dt.date


def _example():
    return [clean_article(RawArticle(id=p.stem, text=p.read_text(encoding="utf-8"))) for p in sorted(EXAMPLE.glob("*.txt"))]


def test_example_undated_articles_get_a_date_in_the_week_they_were_written():
    articles = _example()
    undated = [a.id for a in articles if a.published is None]
    assert len(undated) == 3
    group = StoryGroup(id="s1", article_ids=tuple(a.id for a in articles))
    dated = {a.id: a for a in infer_dates(articles, {}, [group])}
    for aid in undated:
        a = dated[aid]
        assert a.published_from == "inferred", aid
        # Written between 29 May and 5 June 2023.
        assert D(2023, 5, 29) <= a.published <= D(2023, 6, 5), (aid, a.published)
        assert a.published_evidence, aid
    assert dated["002_4af0742ee9159c1b"].published == D(2023, 6, 2)
    assert dated["002_4af0742ee9159c1b"].updated == D(2023, 6, 4)
    assert dated["003_b329a70a470444bf"].published_from == "text"


def test_order_does_not_matter():
    articles = _example()
    group = StoryGroup(id="s1", article_ids=tuple(a.id for a in articles))
    a = {x.id: x.published for x in infer_dates(articles, {}, [group])}
    b = {x.id: x.published for x in infer_dates(list(reversed(articles)), {}, [group])}
    assert a == b


def test_no_evidence_no_date():
    lone = clean_article(RawArticle(id="x", text="The committee met on Tuesday and agreed to meet again."))
    assert infer_date(lone) is None
    out = infer_dates([lone], {}, [StoryGroup(id="s", article_ids=("x",))])
    assert out[0].published is None and out[0].published_from is None


def test_latest_past_day_is_a_lower_bound_and_weekdays_fit():
    text = ("The storm reached the coast on March 3, 2022, and the port reopened on March 6, 2022. "
            "Officials said on Tuesday that repairs would take weeks. The next inspection is scheduled for March 20, 2022.")
    a = clean_article(RawArticle(id="y", text=text))
    day, evidence = infer_date(a)
    assert day >= D(2022, 3, 6)
    assert day < D(2022, 3, 20)  # a planned day is no lower bound
    assert (day - D(2022, 3, 6)).days <= 7
    assert any("March 6, 2022" in e for e in evidence)


def test_year_of_a_bare_month_day_comes_from_the_story():
    peer = clean_article(RawArticle(id="p", text="Talks resumed in the capital.", published="2021-11-10"))
    a = clean_article(RawArticle(id="u", text="Negotiators met on November 8 and again on Monday."))
    day, evidence = infer_date(a, [peer])
    assert D(2021, 11, 8) <= day <= D(2021, 11, 17)


def test_read_evidence_separates_past_and_future():
    ev = read_evidence("The vote took place on May 2, 2021. A recount is planned for May 9, 2021.", None)
    assert [d for d, _ in ev.past_days] == [D(2021, 5, 2)]
    assert [d for d, _ in ev.future_days] == [D(2021, 5, 9)]


def test_random_captures_never_crash():
    import random

    rng = random.Random(7)
    pieces = ["Share", "REUTERS/", "(AP) --", "May 31", "2023-06-05", "6/2/2023", "Updated:", "on Tuesday", "last Friday",
              "More from", "\n", "\n\n", "- ", "©", "By Ana Ruiz", "Ωμέγα", "🚀", "(", ")", "31/31/2023", "Feb 30, 2020",
              "The council met.", "Crews worked through the night in Orvel", "0:45", "|", "…", "\u200b"]
    articles = []
    for n in range(120):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        a = clean_article(RawArticle(id=f"r{n}", text=text))
        assert isinstance(a.text, str)
        articles.append(a)
    out = infer_dates(articles, {}, [StoryGroup(id="s", article_ids=tuple(a.id for a in articles))])
    assert len(out) == len(articles)
    for a in out:
        assert a.published is None or a.published_from in ("text", "inferred")


def test_peers_from_another_year_are_not_trusted():
    peer = clean_article(RawArticle(id="p", text="Talks resumed in the capital.", published="2008-11-10"))
    a = clean_article(RawArticle(id="u", text="The ministers met on March 3, 2013, and again on March 5, 2013, "
                                              "officials said on Tuesday."))
    day, evidence = infer_date(a, [peer])
    assert D(2013, 3, 5) <= day <= D(2013, 3, 12)
    assert any("ignored" in e for e in evidence)


# An invented story: a dated report of a flood on Monday 8 March 2021 (published the next day).
_FLOOD_PEER = ("Flooding swept through the river town of Marlow on Monday, destroying the old stone bridge and "
               "forcing hundreds of families from their homes. Rescue crews worked through the night.")


def _flood_story(undated_text: str):
    peer = clean_article(RawArticle(id="peer", text=_FLOOD_PEER, published="2021-03-09"))
    undated = clean_article(RawArticle(id="undated", text=undated_text))
    return peer, undated


def test_last_week_places_the_article_in_the_week_after_the_event_its_story_dates():
    peer, undated = _flood_story(
        "Last week, floods destroyed the old stone bridge in Marlow and forced hundreds of families from their homes. "
        "The town council said on Thursday that rebuilding would take a year.")
    day, evidence = infer_date(undated, [peer])
    # The flood was on Monday 8 March; "last week" → written from Monday 15 March, and "on Thursday"
    # must then name the Thursday before the day of writing.
    assert D(2021, 3, 15) <= day <= D(2021, 3, 21)
    assert any("Last week" in e and "peer" in e and "2021-03-08" in e and "2021-03-15" in e for e in evidence)
    # Without the relative phrase, the same story gives no such bound.
    plain = clean_article(RawArticle(id="undated", text=undated.text.replace("Last week, floods", "Floods")))
    got = infer_date(plain, [peer])
    assert got is None or got[0] < D(2021, 3, 15)


def test_days_ago_and_yesterday_count_from_the_event_day():
    peer, undated = _flood_story("Two days ago, floods destroyed the old stone bridge in Marlow, forcing hundreds "
                                 "of families from their homes.")
    assert infer_date(undated, [peer])[0] == D(2021, 3, 10)
    peer, undated = _flood_story("Floods yesterday destroyed the old stone bridge in Marlow, forcing hundreds "
                                 "of families from their homes.")
    assert infer_date(undated, [peer])[0] == D(2021, 3, 9)


def test_a_weekday_phrase_must_fit_the_event_day():
    from crossread.clean.dating import event_bounds

    peer, fits = _flood_story("Floods on Monday destroyed the old stone bridge in Marlow, forcing hundreds of "
                              "families from their homes.")
    bounds = event_bounds(fits, [peer])
    assert [(b.lo, b.hi) for b in bounds] == [(D(2021, 3, 8), D(2021, 3, 14))]
    _, wrong_day = _flood_story("Floods on Wednesday destroyed the old stone bridge in Marlow, forcing hundreds of "
                                "families from their homes.")
    assert event_bounds(wrong_day, [peer]) == ()


def test_shared_names_alone_are_not_the_same_event():
    from crossread.clean.dating import event_bounds

    peer = clean_article(RawArticle(id="p", text="Mayor Ada Brook of Marlow opened the Kestrel Library on Monday.",
                                    published="2021-03-09"))
    other = clean_article(RawArticle(id="u", text="Last week Mayor Ada Brook of Marlow met the Kestrel Library staff "
                                                   "about budget cuts."))
    assert event_bounds(other, [peer]) == ()


def test_example_last_week_puts_the_analysis_after_the_clashes():
    articles = _example()
    group = StoryGroup(id="s1", article_ids=tuple(a.id for a in articles))
    for order in (articles, list(reversed(articles))):
        dated = {a.id: a for a in infer_dates(order, {}, [group])}
        late = dated["004_1e6933370fb07214"]
        # The clashes were on Monday 29 May 2023; the analysis says they were "last week".
        assert D(2023, 6, 2) <= late.published <= D(2023, 6, 8), late.published
        assert any("Last week" in e and "2023-05-29" in e for e in late.published_evidence)
        for aid in ("000_a34ce80961efe815", "001_748819ecd74a2e8e"):
            assert abs((dated[aid].published - D(2023, 5, 30)).days) <= 3, (aid, dated[aid].published)


def test_a_place_named_like_a_month_is_no_month():
    ev = read_evidence("Crews worked in Marlow and in Mayfield through the night.", D(2021, 6, 10))
    assert ev.month_floor is None
    assert read_evidence("Crews worked in March.", D(2021, 6, 10)).month_floor[0] == D(2021, 3, 1)


def test_an_undated_report_of_a_higher_toll_is_dated_no_earlier_than_the_day_peers_reached_it():
    from crossread.analyse.figures import find_figures
    from crossread.model import ArticleAnalysis

    def raw(aid, text, date=None):
        return clean_article(RawArticle(id=aid, text=text, published=date))

    articles = [
        raw("a", "Three workers were killed in an explosion at the Dunmore paint factory on Tuesday, police said.", "2026-03-10"),
        raw("b", "The number of people killed in the Dunmore explosion rose to five on Wednesday.", "2026-03-11"),
        raw("c", "Seven people have now died after Tuesday's explosion at the Dunmore paint factory.", "2026-03-12"),
        # undated: its weekday names the explosion's day, its toll the day the count reached seven
        raw("d", "Seven people have now died after the explosion at the Dunmore factory on Tuesday, police said."),
    ]
    analyses = {a.id: ArticleAnalysis(article_id=a.id, figures=find_figures(a)) for a in articles}
    group = StoryGroup(id="s1", article_ids=tuple(a.id for a in articles))
    d = {a.id: a for a in infer_dates(articles, analyses, [group])}["d"]
    assert d.published == D(2026, 3, 12) and d.published_from == "inferred"
    assert any("killed 7" in line for line in d.published_evidence)
