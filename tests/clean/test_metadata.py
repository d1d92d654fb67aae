"""Metadata read from the text: date lines in many forms, bylines, headline, outlet, sign-off credits."""
from __future__ import annotations

import datetime as dt

import pytest

from crossread.clean import clean_article
from crossread.clean.metadata import find_dates, metadata_from_text, outlet_from_url
from crossread.clean.text import normalise
from crossread.model import RawArticle

D = dt.date


@pytest.mark.parametrize(
    "line, expected",
    [
        ("date 2023-06-05", [D(2023, 6, 5)]),
        ("6/2/2023", [D(2023, 6, 2)]),
        ("Updated: 6/4/2023", [D(2023, 6, 4)]),
        ("June 2, 2023 10:14 AM EDT", [D(2023, 6, 2)]),
        ("Published 12:17 am, Monday, September 16, 2013", [D(2013, 9, 16)]),
        ("PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 13 March 2013", [D(2013, 3, 12), D(2013, 3, 13)]),
        ("25/12/2019", [D(2019, 12, 25)]),
        ("08.07.2012", [D(2012, 7, 8)]),
        ("Sept. 9th, 2018", [D(2018, 9, 9)]),
        ("The score was 20-13 and 9/11 was mentioned", []),
        ("February 30, 2020", []),
    ],
)
def test_find_dates(line, expected):
    assert [d.date for d in find_dates(line)] == expected


def _meta(text: str, **kw):
    return metadata_from_text(normalise(text), **kw)


def test_date_lines_published_and_updated_kept_apart():
    m = _meta("Harbour bridge reopens after repairs\nBy Ana Ruiz\nPublished: 3 May 2021 09:12\nUpdated: 5 May 2021\n"
              "The harbour bridge reopened to traffic on Monday after six weeks of repairs.")
    assert m.published == D(2021, 5, 3) and m.updated == D(2021, 5, 5)
    assert m.author == "Ana Ruiz"
    assert m.title == "Harbour bridge reopens after repairs"
    assert "Published: 3 May 2021" not in m.body and "By Ana Ruiz" not in m.body
    assert m.body.startswith("Harbour bridge reopens") and m.evidence


def test_label_on_its_own_line_applies_to_the_next():
    m = _meta("Harbour bridge reopens\nAna Ruiz\n4/28/2021\nUpdated:\n4/30/2021\nThe bridge reopened on Monday after repairs.")
    assert m.published == D(2021, 4, 28) and m.updated == D(2021, 4, 30)
    assert m.author == "Ana Ruiz"
    assert m.body == "Harbour bridge reopens\nThe bridge reopened on Monday after repairs."


def test_date_prefix_of_the_first_paragraph_is_cut():
    m = _meta(" date 2021-04-30 When the bridge reopened on Monday, drivers cheered from their cars.")
    assert m.published == D(2021, 4, 30)
    assert m.body == "When the bridge reopened on Monday, drivers cheered from their cars."


def test_updated_only_leaves_published_unknown():
    m = _meta("Bridge reopens\nLast updated at 14:00 GMT, 2 June 2021\nThe bridge reopened on Monday after repairs.")
    assert m.published is None and m.updated == D(2021, 6, 2)


def test_dateline_agency_and_signoff_credit():
    m = _meta("PORT ELLEN (Reuters) - The island's ferry service resumed on Tuesday after a strike.\n\n"
              "The Associated Press contributed to this report.")
    assert m.outlet == "Reuters"
    assert m.credits == ("The Associated Press",)


def test_signoff_is_not_the_outlet():
    m = _meta("The ferry service resumed on Tuesday after a strike ended.\n\nReuters contributed to this report.")
    assert m.outlet is None and m.credits == ("Reuters",)


def test_outlet_from_url():
    assert outlet_from_url("https://www.example-news.com/world/story-1") == "example-news.com"
    assert outlet_from_url("not a url") is None
    assert outlet_from_url(None) is None


def test_record_metadata_wins_and_text_fills_gaps():
    text = "Ferry strike ends\nBy Ana Ruiz\nMarch 3, 2022 10:14 AM EST\nThe island's ferry service resumed on Tuesday."
    a = clean_article(RawArticle(id="r1", text=text, published="2022-03-01", title="Given title"))
    assert a.published == D(2022, 3, 1) and a.published_from == "metadata"
    assert a.title == "Given title" and a.author == "Ana Ruiz"
    b = clean_article(RawArticle(id="r2", text=text, url="https://news.example.org/a"))
    assert b.published == D(2022, 3, 3) and b.published_from == "text" and b.published_evidence
    assert b.outlet == "news.example.org"
    assert "10:14 AM" not in b.text and any(r.reason == "metadata" for r in b.removed)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: \"Ferry strike ends\"\ndate: 2022-03-03\nsource: Island Herald\nurl: https://herald.example/ferry\n"
        "tags: [ferry]\n---\n\nThe island's ferry service resumed on Tuesday after a strike.",
        "Title: Ferry strike ends\nDate: March 3, 2022\nOutlet: Island Herald\nURL: https://herald.example/ferry\n\n"
        "The island's ferry service resumed on Tuesday after a strike.",
    ],
)
def test_header_fields_of_a_text_file(text):
    a = clean_article(RawArticle(id="h", text=text))
    assert (a.title, a.published, a.outlet, a.url) == ("Ferry strike ends", D(2022, 3, 3), "Island Herald", "https://herald.example/ferry")
    assert a.published_from == "metadata"  # a labelled field is the file's metadata, not a date its prose states
    assert a.text == "The island's ferry service resumed on Tuesday after a strike."


def test_a_first_line_that_is_no_header_field_stays():
    text = "Update: the ferry service has resumed.\n\nThe island's ferry service resumed on Tuesday after a strike."
    assert clean_article(RawArticle(id="u", text=text)).text.startswith("Update: the ferry service")


def test_no_date_means_none():
    a = clean_article(RawArticle(id="n", text="The island's ferry service resumed on Tuesday after a strike."))
    assert a.published is None and a.published_from is None


@pytest.mark.parametrize(
    "tail, outlet",
    [
        ("The views expressed are the author's own and not necessarily those of Harbour Weekly", "Harbour Weekly"),
        ("© 2021 Valley Gazette. All rights reserved.", "Valley Gazette"),
        ("More from Riverton Radio", "Riverton Radio"),
    ],
)
def test_outlet_named_by_the_page_itself(tail, outlet):
    m = _meta(f"The ferry service resumed on Tuesday after a strike ended.\n\n{tail}")
    assert m.outlet == outlet


def test_url_host_beats_a_name_in_the_text():
    m = _meta("The ferry resumed.\n\n© 2021 Valley Gazette.", url="https://www.harbour.example/x")
    assert m.outlet == "harbour.example"


def test_name_line_under_the_headline_is_a_byline_only_when_it_is_a_name():
    m = _meta("Harbour bridge reopens\nAnna Lindqvist\nThe harbour bridge reopened to traffic on Monday after six weeks.")
    assert m.author == "Anna Lindqvist" and "Anna Lindqvist" not in m.body
    m = _meta("Harbour bridge reopens\nMultiple Lanes Closed\nThe harbour bridge reopened to traffic on Monday after six weeks.")
    assert m.author is None and "Multiple Lanes Closed" in m.body
