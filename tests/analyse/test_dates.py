"""Time expressions: finding date phrases and resolving them against the article's date or the story's time."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from conftest import EXAMPLE, corpus_path, corpus_records

from crossread.analyse import dates_calendar as cal
from crossread.analyse.dates import find_time_expressions, resolve_phrases
from crossread.clean import clean_article, split_sentences
from crossread.model import Article, RawArticle
from crossread.options import CleanOptions

FRIDAY = dt.date(2023, 6, 2)  # the anchor of most cases below: a Friday


def article(text: str, article_id: str = "t") -> Article:
    return Article(id=article_id, text=text, sentences=split_sentences(text))


def phrases(text: str, anchor: dt.date | None = FRIDAY):
    return [(t.text, t.value) for t in find_time_expressions(article(text), anchor)]


def only(text: str, anchor: dt.date | None = FRIDAY):
    found = find_time_expressions(article(text), anchor)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        ("Police moved into the town hall on May 26.", "May 26", "2023-05-26"),
        ("The standoff began last Friday.", "last Friday", "2023-05-26"),
        ("Ministers met on Tuesday to discuss the budget.", "Tuesday", "2023-05-30"),
        ("The union will strike on Tuesday.", "Tuesday", "2023-06-06"),
        ("The vote took place on Friday.", "Friday", "2023-06-02"),
        ("Local elections were held in April.", "April", "2023-04-01/2023-04-30"),
        ("The first peacekeepers arrived in June 1999.", "June 1999", "1999-06-01/1999-06-30"),
        ("She said in December 2022 that talks would resume.", "December 2022", "2022-12-01/2022-12-31"),
        ("The treaty was signed on June 1, 2023.", "June 1, 2023", "2023-06-01"),
        ("The treaty was signed on 14 March 2021.", "14 March 2021", "2021-03-14"),
        ("The mayor resigned yesterday.", "yesterday", "2023-06-01"),
        ("The court rules tomorrow.", "tomorrow", "2023-06-03"),
        ("Prices rose sharply last month.", "last month", "2023-05-01/2023-05-31"),
        ("The company lost money last year.", "last year", "2022-01-01/2022-12-31"),
        ("Talks resume next week.", "next week", "2023-06-05/2023-06-11"),
        ("Turnout fell this year.", "this year", "2023-01-01/2023-12-31"),
        ("The bridge collapsed two weeks ago.", "two weeks ago", "2023-05-15/2023-05-21"),
        ("The festival moved here three years ago.", "three years ago", "2020-01-01/2020-12-31"),
        ("The ferry sank 10 days ago.", "10 days ago", "2023-05-23"),
        ("Crowds gathered over the weekend.", "the weekend", "2023-05-27/2023-05-28"),
        ("Shops closed on Christmas Day.", "Christmas Day", "2022-12-25"),
        ("The council expects a surplus in the fourth quarter.", "the fourth quarter", "2023-10-01/2023-12-31"),
        ("Sales fell in the fourth quarter.", "the fourth quarter", "2022-10-01/2022-12-31"),
        ("Output grew in the first half of 2021.", "the first half of 2021", "2021-01-01/2021-06-30"),
        ("The league was founded in the 1990s.", "the 1990s", "1990-01-01/1999-12-31"),
        ("Filed 2023-05-30 by the clerk.", "2023-05-30", "2023-05-30"),
        ("Posted 6/2/2023 at noon.", "6/2/2023", "2023-06-02"),
        ("The war of 1998-1999 left scars.", "1998-1999", "1998-01-01/1999-12-31"),
        ("The bank cut rates in March.", "March", "2023-03-01/2023-03-31"),
        ("The deadline was extended to June 20.", "June 20", "2023-06-20"),
        ("Officials travelled there in September.", "September", "2022-09-01/2022-09-30"),
        ("Elections will be held in September.", "September", "2023-09-01/2023-09-30"),
        ("The summit opens in the first week of July.", "the first week of July", "2023-07-01/2023-07-07"),
        ("Margins shrank in H1 2022.", "H1 2022", "2022-01-01/2022-06-30"),
        ("Fans celebrated this past weekend.", "this past weekend", "2023-05-27/2023-05-28"),
        ("Shops stay shut on Christmas.", "Christmas", "2022-12-25"),
        ("The port was founded in 1788.", "1788", "1788-01-01/1788-12-31"),
        # an unplanned event has happened, whatever the tense around it; a planned one may lie ahead
        ("The government said it would respond to Tuesday's attack near the border.", "Tuesday's", "2023-05-30"),
        ("Voters will choose a mayor in Tuesday's election.", "Tuesday's", "2023-06-06"),
    ],
)
def test_dates_resolve_against_the_published_date(text, phrase, value):
    t = only(text)
    assert (t.text, t.value) == (phrase, value)
    assert t.anchor in ("published", "absolute")
    assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "text, phrase, value, granularity",
    [
        ("Protests spread earlier this week.", "earlier this week", "2023-05-29/2023-06-04", "week"),
        ("Rain is expected later this month.", "later this month", "2023-06-01/2023-06-30", "month"),
        ("The plant reopened in early May.", "early May", "2023-05-01/2023-05-31", "month"),
        ("The minister resigned earlier in the week.", "earlier in the week", "2023-05-29/2023-06-04", "week"),
        ("Repairs will last until the end of 2024.", "the end of 2024", "2024-01-01/2024-12-31", "year"),
    ],
)
def test_dates_modified_phrases_keep_the_period_and_say_which_part(text, phrase, value, granularity):
    t = only(text)
    assert (t.text, t.value, t.granularity) == (phrase, value, granularity)
    assert t.modifier in ("before", "after", "start", "end")


def test_dates_anaphoric_phrases_count_from_the_event_just_told():
    text = (
        "On May 26, police took over the town halls. Officials protested. Three days later, "
        "clashes broke out. The following day, NATO sent more troops. A week later the troops left."
    )
    got = find_time_expressions(article(text), FRIDAY)
    assert [(t.text, t.value, t.anchor) for t in got] == [
        ("May 26", "2023-05-26", "published"),
        ("Three days later", "2023-05-29", "previous"),
        ("The following day", "2023-05-30", "previous"),
        ("A week later", "2023-06-05/2023-06-11", "previous"),
    ]


def test_dates_anaphoric_phrases_resolve_without_an_anchor_after_an_absolute_date():
    got = phrases("The ceasefire began on March 3, 2019. Two days later it collapsed. That year ended badly.", None)
    assert got == [
        ("March 3, 2019", "2019-03-03"),
        ("Two days later", "2019-03-05"),
        ("That year", "2019-01-01/2019-12-31"),
    ]


def test_dates_a_day_without_a_year_takes_the_year_its_sentence_names():
    got = phrases(
        "In 2019, on March 3, farmers blocked the road, and by March 10 they had left. The road reopened on May 2."
    )
    assert got == [
        ("2019", "2019-01-01/2019-12-31"),
        ("March 3", "2019-03-03"),
        ("March 10", "2019-03-10"),
        ("May 2", "2023-05-02"),
    ]


def test_dates_a_clause_break_or_a_clock_time_stops_a_wrong_reading():
    assert phrases("Born March 29, 1928, in the Bronx; died December 19 in prison.") == [
        ("March 29, 1928", "1928-03-29"),
        ("December 19", "2022-12-19"),
    ]
    assert phrases("Service was restored at 4 November 02:00 GMT.") == [("4 November", "2022-11-04")]


def test_dates_a_count_later_counts_from_a_named_month_just_before():
    # a month is coarser than "six weeks": the whole month moves, instead of falling back to the anchor
    got = find_time_expressions(
        article("The ferry sank in February 2021. Six weeks later, divers found the wreck."), FRIDAY
    )
    assert [(t.text, t.value, t.anchor) for t in got][1] == ("Six weeks later", "2021-03-15/2021-04-11", "previous")
    got = phrases("In February the ferry sank, and three weeks later the divers came.")
    assert got[1] == ("three weeks later", "2023-02-22/2023-03-21")


@pytest.mark.parametrize(
    "text",
    [
        # too far back (two sentences between), or only a year: counted from the date of writing as before
        "The ferry sank in February 2021. Officials said so. Nobody knew why. Six weeks later, divers came.",
        "The ferry sank in 2021. Six weeks later, divers came.",
        "Prices fell last month. Six weeks later, they rose.",
    ],
)
def test_dates_a_count_later_keeps_the_anchor_without_a_named_month_next_to_it(text):
    t = find_time_expressions(article(text), FRIDAY)[-1]
    assert (t.text, t.value, t.anchor) == ("Six weeks later", "2023-07-10/2023-07-16", "published")


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        ("The plant closed three and a half years ago.", "three and a half years ago", "2019-01-01/2019-12-31"),
        ("Prices rose two and a half months ago.", "two and a half months ago", "2023-03-01/2023-03-31"),
        ("The mill shut two-and-a-half years ago.", "two-and-a-half years ago", "2020-01-01/2020-12-31"),
        ("The dam burst a year and a half ago.", "a year and a half ago", "2021-01-01/2021-12-31"),
    ],
)
def test_dates_a_count_and_a_half_is_read_whole(text, phrase, value):
    t = only(text)
    assert (t.text, t.value) == (phrase, value)


def test_dates_one_and_a_half_weeks_later_counts_ten_days():
    got = phrases("The trial opened on March 3, 2020. One and a half weeks later it stopped.")
    assert got[1] == ("One and a half weeks later", "2020-03-09/2020-03-15")


@pytest.mark.parametrize(
    "text, anchor, phrase, value",
    [
        ("The lake was warm last summer.", FRIDAY, "last summer", "2022-06-01/2022-08-31"),
        ("Crowds are large this summer.", FRIDAY, "this summer", "2023-06-01/2023-08-31"),
        ("Heavy snow fell last winter.", FRIDAY, "last winter", "2022-12-01/2023-02-28"),
        ("Fuel will cost more this winter.", FRIDAY, "this winter", "2023-12-01/2024-02-29"),
        ("The new school opens next spring.", FRIDAY, "next spring", "2024-03-01/2024-05-31"),
        ("Rents climbed this past fall.", FRIDAY, "this past fall", "2022-09-01/2022-11-30"),
        ("Over the past autumn, rents climbed.", FRIDAY, "the past autumn", "2022-09-01/2022-11-30"),
        ("The hotel opened in the summer of 2019.", FRIDAY, "the summer of 2019", "2019-06-01/2019-08-31"),
        # said in January: "this winter" is the one under way, "next winter" starts in December
        ("This winter has been mild.", dt.date(2024, 1, 15), "This winter", "2023-12-01/2024-02-29"),
        ("Tariffs rise next winter.", dt.date(2024, 1, 15), "next winter", "2024-12-01/2025-02-28"),
    ],
)
def test_dates_seasons_are_meteorological_spans(text, anchor, phrase, value):
    t = only(text, anchor)
    assert (t.text, t.value, t.granularity) == (phrase, value, "span")


@pytest.mark.parametrize(
    "text",
    [
        "It was the last summer of his life.",
        "Last Summer is a film about a lake.",
        "Analysts watched this fall of the currency.",
        "Every summer the village floods.",
    ],
)
def test_dates_season_words_that_are_not_dates(text):
    assert phrases(text) == []


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        (
            "The bridge collapsed on Tuesday. Divers found two survivors two days after the disaster.",
            "two days after the disaster",
            "2023-06-01",
        ),
        (
            "A gunman attacked a market in the old town on Monday. Police made an arrest a week after the attack.",
            "a week after the attack",
            "2023-06-05/2023-06-11",
        ),
        (
            "A tanker crashed on the ring road on Tuesday. The road reopened the day after the crash.",
            "the day after the crash",
            "2023-05-31",
        ),
    ],
)
def test_dates_a_count_after_the_event_counts_from_the_day_the_lead_gives_it(text, phrase, value):
    t = find_time_expressions(article(text), FRIDAY)[-1]
    assert (t.text, t.value, t.anchor) == (phrase, value, "previous")


@pytest.mark.parametrize(
    "text",
    [
        # no day for the event, or the only day is when it was told or a later day: dropped, not guessed
        "Troops arrived a week after the attack.",
        "Police said on Thursday the attack killed nine. Two days after the attack, the border closed.",
        "On Monday, rescuers dug through rubble, two days after the quake. A week after the quake, aid came.",
        "Aftershocks hit on Monday as the toll from the earthquake rose. A day after the earthquake, aid came.",
        "The bridge collapsed on Tuesday. Two days after the fire department arrived, it burned.",
    ],
)
def test_dates_a_count_after_an_event_without_its_day_is_left_out(text):
    assert all("after the" not in t for t, _ in phrases(text))


def test_dates_a_year_earlier_next_to_a_quarter_is_that_quarter_a_year_before():
    got = phrases("Third-quarter profit rose to $5 million from $4 million a year earlier.", dt.date(2023, 10, 25))
    assert got == [("Third-quarter", "2023-07-01/2023-09-30"), ("a year earlier", "2022-07-01/2022-09-30")]


def test_dates_a_period_of_another_year_is_the_quarter_discussed_in_that_year():
    got = phrases("Third-quarter net rose to $5 million from $4 million in the 2022 period.", dt.date(2023, 10, 25))
    assert got == [("Third-quarter", "2023-07-01/2023-09-30"), ("the 2022 period", "2022-07-01/2022-09-30")]


def test_dates_without_anchor_only_absolute_phrases_resolve():
    got = find_time_expressions(article("He left in June 1999 and came back last Friday, on May 26."), None)
    assert [(t.text, t.value) for t in got] == [
        ("June 1999", "1999-06-01/1999-06-30"),
        ("last Friday", None),
        ("May 26", None),
    ]
    assert got[0].anchor == "absolute" and got[1].anchor is None


def test_dates_anchor_defaults_to_the_published_date():
    art = Article(
        id="p",
        text="The vote was held on Sunday.",
        sentences=split_sentences("The vote was held on Sunday."),
        published=FRIDAY,
    )
    assert [t.value for t in find_time_expressions(art)] == ["2023-05-28"]


def test_dates_photo_captions_do_not_anchor_the_story():
    text = (
        "Nevertheless, on May 26, police took over the town halls.\n\n"
        "A protester waves a flag in the square on Jan. 17, 2019. (Jane Roe/AFP via Getty Images)\n\n"
        "Three days later, clashes broke out."
    )
    assert phrases(text)[-1] == ("Three days later", "2023-05-29")


@pytest.mark.parametrize(
    "text",
    [
        "She may leave the party soon.",
        "Thousands march on the capital every spring.",
        "The army sent 2000 troops and 1500 police officers.",
        "The bill came to $1999 in the end.",
        "The interview ran in the Sunday Times.",
        "Today's world is faster than ever.",
        "The programme aired on This Week With the host.",
        "The siege lasted three years.",
        "A total of 1,990 people voted.",
        "Super Tuesday decides a lot.",
        "April Ryan asked the first question.",
        "Theresa May said nothing.",
        "The office is at 1600 Pennsylvania Avenue.",
        "Christmas shopping fell sharply.",
        "The quarterback threw an interception in the fourth quarter.",
        "Updates arrive on the second Tuesday of every month.",
        "She starred in the current period drama.",
        "",
        "   \n\n  ",
    ],
)
def test_dates_ignores_words_that_are_not_dates(text):
    assert phrases(text) == []


def test_dates_offsets_and_sentences_point_into_the_cleaned_text():
    raw = RawArticle(id="x", text="Headline here\n\nOn Monday, the  council met.\n\nIt meets again on June 9.")
    art = clean_article(raw, CleanOptions(keep_boilerplate=True))
    got = find_time_expressions(art, FRIDAY)
    assert [t.text for t in got] == ["Monday", "June 9"]
    for t in got:
        assert art.text[t.start : t.end] == t.text
        assert t.sentence == art.sentence_at(t.start)
        assert t.article_id == "x"


def test_dates_example_article_dated_by_its_date_line():
    text = (EXAMPLE / "002_4af0742ee9159c1b.txt").read_text(encoding="utf-8")
    art = clean_article(RawArticle(id="002", text=text), CleanOptions(keep_boilerplate=True))
    got = {(t.text, t.value) for t in find_time_expressions(art, FRIDAY)}
    for expected in [
        ("May 26", "2023-05-26"),
        ("Three days later", "2023-05-29"),
        ("June 1", "2023-06-01"),
        ("The following day", "2023-06-02"),
        ("December 2022", "2022-12-01/2022-12-31"),
        ("April", "2023-04-01/2023-04-30"),
        ("May 31", "2023-05-31"),
        ("1999", "1999-01-01/1999-12-31"),
    ]:
        assert expected in got


def test_dates_example_article_with_an_iso_date_line():
    text = (EXAMPLE / "003_b329a70a470444bf.txt").read_text(encoding="utf-8")
    art = clean_article(RawArticle(id="003", text=text), CleanOptions(keep_boilerplate=True))
    got = {(t.text.lower(), t.value) for t in find_time_expressions(art, dt.date(2023, 6, 5))}
    for expected in [
        ("june 1999", "1999-06-01/1999-06-30"),
        ("last week", "2023-05-29/2023-06-04"),
        ("friday", "2023-06-02"),
        ("this week", "2023-06-05/2023-06-11"),
        ("april", "2023-04-01/2023-04-30"),
    ]:
        assert expected in got


def test_dates_never_crash_and_stay_deterministic():
    rng = random.Random(7)
    alphabet = list("abc XYZ 0123456789 ,.;:-/'\"\n") + [
        "May",
        "Friday",
        "2023",
        "last",
        "week",
        "ago",
        "İ",
        "ß",
        "\u200b",
        "🙂",
    ]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        first = resolve_phrases(text, FRIDAY)
        assert first == resolve_phrases(text, FRIDAY)
        for p in first:
            assert 0 <= p["start"] < p["end"] <= len(text)
    for anchor in (dt.date(9999, 12, 31), dt.date(1, 1, 1)):
        found = phrases("Next year, last year, in April, on May 26 and three weeks later, next week.", anchor)
        assert [text for text, _ in found] == [
            "Next year",
            "last year",
            "April",
            "May 26",
            "three weeks later",
            "next week",
        ]
    upper = phrases("THE VOTE WAS HELD ON MAY 26 AND AGAIN LAST FRIDAY.")
    assert upper == [("MAY 26", "2023-05-26"), ("LAST FRIDAY", "2023-05-26")]


@pytest.mark.parametrize(
    "span, n, unit, expected",
    [
        (cal.day(dt.date(2023, 1, 31)), 1, "month", "2023-02-28"),
        (cal.day(dt.date(2024, 2, 29)), -1, "year", "2023-02-28"),
        (cal.quarter(2023, 1), -1, "quarter", "2022-10-01/2022-12-31"),
        (cal.week(dt.date(2023, 1, 2)), -1, "week", "2022-12-26/2023-01-01"),
        (cal.month(2023, 12), 1, "month", "2024-01-01/2024-01-31"),
    ],
)
def test_dates_calendar_shifts_keep_the_period(span, n, unit, expected):
    assert cal.shift(span, n, unit).value == expected


def test_dates_calendar_holidays():
    assert cal.holiday({"nth": [11, 3, 4]}, 2023).value == "2023-11-23"  # Thanksgiving
    assert cal.holiday({"easter": -2}, 2024).value == "2024-03-29"  # Good Friday
    assert cal.holiday({"us_election": True}, 2024).value == "2024-11-05"


@pytest.mark.slow
def test_dates_tempeval3_quality():
    """Accuracy and precision on the TempEval-3 training documents stay above the issue's floors."""
    path = corpus_path("tempeval3-train")
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", path.parent.parent / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    from crossread.clean import parse_published

    fields = set(RawArticle.__dataclass_fields__)
    stories, ids = [], []
    for rec in corpus_records("tempeval3-train"):
        art = clean_article(
            RawArticle(**{k: v for k, v in rec.items() if k in fields}), CleanOptions(keep_boilerplate=True)
        )
        times = find_time_expressions(art, parse_published(rec.get("published")))
        ids.append(art.id)
        stories.append(
            {
                "id": art.id,
                "article_ids": [art.id],
                "time_expressions": [{"article_id": art.id, "text": t.text, "value": t.value} for t in times],
            }
        )
    metrics = score.score(path, json.loads(json.dumps({"articles": [{"id": i} for i in ids], "stories": stories})))
    assert metrics["dates.accuracy"] >= 0.85
    assert metrics["dates.precision"] >= 0.90
