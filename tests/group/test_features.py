from __future__ import annotations

import datetime as dt

import pytest

from crossread.group.features import (
    entity_terms,
    extract_features,
    fold,
    number_terms,
    reference_date,
    text_dates,
    weekday_mask,
    without_outlet,
)
from crossread.model import Article


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Police said Maren Oskivo met the police chief.", {"maren oskivo", "oskivo"}, {"police"}),
        ("The mayor spoke. Then Tobin Haskel left on Monday.", {"tobin haskel"}, {"the", "then", "monday"}),
        ("Storm Hits Coastal Town Hard\nA storm hit the coast of Morvaine and the town.", {"morvaine"},
         {"storm", "town"}),
        # a tabloid's capitals on number words, and a curly apostrophe, name no one
        ("A NINE-year-old was found after 55 HOURS; SEVENTY were saved in Orvale. \u2018I\u2019m fine,\u2019 she said.",
         {"orvale"}, {"nine-year-old", "seventy", "i\u2019m", "i'm"}),
    ],
)
def test_features_entity_terms_keep_names_drop_sentence_openers(text, present, absent):
    terms = set(entity_terms(text))
    assert present <= terms
    assert not (absent & terms)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("At least 31 people, 1,400 tents and 6.4 on the scale; 7 dead", ["n31", "n1400", "n6.4"]),
     ("", [])],
)
def test_features_number_terms(text, expected):
    assert number_terms(text) == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [("Posted March 4, 2024 at 9:00", dt.date(2024, 3, 4)),
     ("4 March 2024 - Valdoria", dt.date(2024, 3, 4)),
     ("2024-03-04T10:00", dt.date(2024, 3, 4)),
     ("03/04/2024", dt.date(2024, 3, 4)),
     ("31/12/2023", dt.date(2023, 12, 31))],
)
def test_features_text_dates_formats(text, day):
    assert text_dates(text)[0][1] == day


def test_features_reference_date_prefers_published_then_dateline():
    body = "Valdoria, March 4, 2024 - A quake struck."
    assert reference_date(Article(id="a", text=body)) == dt.date(2024, 3, 4)
    assert reference_date(Article(id="a", text=body, published=dt.date(2024, 3, 5))) == dt.date(2024, 3, 5)
    late = "x " * 400 + "On March 4, 2024 it struck."
    assert reference_date(Article(id="a", text=late)) is None  # not a dateline: too far in


def test_features_fold_strips_accents_keeps_other_scripts():
    assert fold("Vučić Zvečan") == "vucic zvecan"
    assert fold("Приштина") == "приштина"


@pytest.mark.parametrize("text", ["", " ", "\u200b\u0000", "🙂🙂 ÉÉÉ", "123"])
def test_features_extract_copes_with_odd_text(text):
    feats = extract_features([Article(id="a", text=text)])
    assert len(feats) == 1
    assert feats.words.shape[0] == 1


def _days(periods):
    return [(dt.date.fromordinal(a), dt.date.fromordinal(b)) for a, b in periods]


def test_features_recalled_periods_reads_months_dates_and_yearless_days():
    from crossread.group.features import recalled_periods

    ref = dt.date(2024, 5, 2)
    text = ("The judge upheld the verdict on the killing in June 2021. The jury had convicted him March 20 "
            "and recommended on 3 April that he die. Sentencing was set for May 2, 2024, in May 2024.")
    assert _days(recalled_periods(text, ref)) == [
        (dt.date(2021, 6, 1), dt.date(2021, 6, 30)),
        (dt.date(2024, 3, 20), dt.date(2024, 3, 20)),
        (dt.date(2024, 4, 3), dt.date(2024, 4, 3)),
    ]  # the report's own day and month are left out
    assert recalled_periods(text, None) == []  # a day without a year needs the report's date
    assert recalled_periods("", ref) == []
    # A yearless day is the occurrence nearest the report: "January 3" in a December report is next month.
    assert _days(recalled_periods("The vote is on January 3.", dt.date(2024, 12, 20))) == [
        (dt.date(2025, 1, 3), dt.date(2025, 1, 3))]
    assert recalled_periods("They may 10 times refuse; in march 2020 nothing.", ref) == []  # lower case: not a month


def test_features_weekday_mask_reads_full_capitalised_names():
    assert weekday_mask("The quake struck on Sunday; Monday's aftershock was weaker.") == 0b1000001
    assert weekday_mask("Sunday Times readers sat on sunday; the Sun said Wed.") == 1 << 6
    assert weekday_mask("") == 0
    assert weekday_mask("no day here \u200b🙂") == 0
    features = extract_features([Article(id="a", text="Rescuers worked through Tuesday."), Article(id="b", text="")])
    assert features.weekdays.tolist() == [0b10, 0]
    assert features.take([1, 0]).weekdays.tolist() == [0, 0b10]


def test_features_own_outlet_name_is_not_a_shared_name():
    # Two reports of one agency on unrelated events: the agency's dateline credit and sign-off
    # are all the names they share, and they must not count as a name of either event.
    a = Article(id="a", outlet="Quillon News Service",
                text="TARVEN, Ostrava, May 2 (QNS) - Floods cut the Tarven road. Quillon News Service")
    b = Article(id="b", outlet="Quillon News Service",
                text="PELLIS, Ostrava, May 2 (QNS) - Dockers at Pellis went on strike. (Quillon News Service)")
    feats = extract_features([a, b])
    shared = feats.names[0].multiply(feats.names[1]).sum()
    lone = extract_features([a.replace(outlet=None), b.replace(outlet=None)])
    assert lone.names[0].multiply(lone.names[1]).sum() > shared
    # Only "Ostrava", the place both name, is left in common.
    assert shared == feats.names[0].multiply(extract_features([Article(id="c", text="Ostrava")]).names[0]).sum()


@pytest.mark.parametrize(
    ("outlet", "text", "kept"),
    [("The Daily Hornet", "Sign up to the Daily Hornet's alerts. DH", "DH"),
     ("Meridian Press Agency (English service)", "BELCARA, May 2 (MPA) - A fire.", "BELCARA"),
     ("KBN News", "KBN News reported that KN ...", "KN")],
)
def test_features_without_outlet_blanks_the_outlet_name_only(outlet, text, kept):
    out = without_outlet(text, outlet)
    assert len(out) == len(text)
    assert kept in out
    assert outlet.split(" (")[0].removeprefix("The ") not in out
    assert "MPA" not in out
