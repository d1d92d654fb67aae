"""Figures of the second round on issue 6: ages by "at N", how often ("three times", "the third time
since 1996"), counts within a span ("eighth in 10 games"), game clocks, abbreviated averages ("ppg"),
spaced scales ("110 b. euro"), compounds that name a kind ("a three-point play") and noun phrases that
run into the next number.  Every input here is written for the test.
"""
from __future__ import annotations

import pytest

from crossread.analyse.figures import find_figures
from crossread.clean import split_sentences
from crossread.model import Article


def figures(text: str):
    return find_figures(Article(id="t", text=text, sentences=split_sentences(text)))


def at(text: str, span: str):
    """The figure whose text is ``span``."""
    hits = [f for f in figures(text) if f.text == span]
    assert hits, [(f.text, f.value) for f in figures(text)]
    return hits[0]


# ---------------------------------------------------------------- "at N" as an age


@pytest.mark.parametrize(
    "text, value",
    [
        ("The singer died in a Lisbon clinic at 81, his agent said.", 81),
        ("The painter retired at 66 and moved to the coast.", 66),
        ("She quit the stage at 29.", 29),
        ("He thought that, at 40, his best years were behind him.", 40),
        ("At 17, she left home.", 17),
    ],
)
def test_at_n_after_a_life_event_or_set_off_by_commas_is_an_age(text, value):
    f = next(f for f in figures(text) if f.value == value)
    assert (f.counted, f.unit, f.predicate) == ("age", "year", "aged")


@pytest.mark.parametrize(
    "text, value",
    [
        ("The toll stood at 34, officials said.", 34),
        ("Shares closed at 51 on Friday.", 51),
        ("The ferry left at 12 past the hour.", 12),
    ],
)
def test_at_n_elsewhere_is_no_age(text, value):
    assert all(f.counted != "age" for f in figures(text) if f.value == value)


def test_one_number_gives_one_report():
    text = "Mob figure dies in custody at 79\nThe boss, who died in a prison hospital at 79, was buried on Monday."
    reports = figures(text)
    assert [(f.value, f.counted) for f in reports] == [(79, "age"), (79, "age")]
    assert len({(f.start, f.end) for f in reports}) == len(reports)


# ---------------------------------------------------------------- how often


@pytest.mark.parametrize(
    "text, span, value, predicate",
    [
        ("The actress married three times.", "three times", 3, "married"),
        ("He was divorced twice.", "twice", 2, "married"),
        ("The suspect was arrested seven times before 2001.", "seven times", 7, "arrested"),
        ("Officers fired 11 times at the car.", "11 times", 11, "fired"),
    ],
)
def test_n_times_counts_how_often(text, span, value, predicate):
    f = at(text, span)
    assert (f.value, f.unit, f.counted, f.predicate) == (value, "times", "times", predicate)


def test_n_times_as_a_ratio_counts_nothing():
    reports = figures("The new hall is three times the size of the old one and 10 times more costly.")
    assert all(f.unit != "times" for f in reports)


def test_a_range_of_times_with_a_rate():
    f = at("They played chess four or five times a week.", "four or five times a week")
    assert (f.low, f.high, f.unit) == (4, 5, "times per week")


@pytest.mark.parametrize(
    "text, span, value, unit, counted",
    [
        ("It was only the fourth time since 1988 that the title changed hands.", "fourth time", 4, "times", "times"),
        ("The club won for the third time in five years.", "third time", 3, "times", "times"),
        ("The defeat, the side's ninth in 12 games, cost the coach his job.", "ninth in 12 games", 9, None, "games"),
        ("The victory, his second this season, came on Sunday.", "second this season", 2, None, None),
    ],
)
def test_ordinals_that_count_within_a_span(text, span, value, unit, counted):
    f = at(text, span)
    assert (f.value, f.unit, f.counted, f.qualifier) == (value, unit, counted, "ordinal")


@pytest.mark.parametrize("text", ["It was the second time.", "The second time zone was added.",
                                  "It was the third time he had called."])
def test_a_bare_nth_time_counts_nothing(text):
    assert all(f.qualifier != "ordinal" for f in figures(text))


# ---------------------------------------------------------------- game clocks, averages, scales, kinds


@pytest.mark.parametrize(
    "text, span, seconds",
    [
        ("The referee waved it off at the 1:48 mark of the fifth round.", "1:48 mark", 108),
        ("He scored with 3:05 left in the half.", "3:05 left", 185),
        ("The lead was gone with 10:20 to play.", "10:20 to play", 620),
    ],
)
def test_a_game_clock_reads_as_seconds(text, span, seconds):
    f = at(text, span)
    assert (f.value, f.unit) == (seconds, "second")


@pytest.mark.parametrize("text", ["The meeting began at 10:30 and ended at 11:45.", "We met at 9:15 left of the gate."])
def test_a_time_of_day_is_no_game_clock(text):
    assert all(f.unit != "second" for f in figures(text))


def test_abbreviated_averages_read_as_their_words():
    text = "The centre has slumped this year (6.2 ppg, 7.4 rpg, 1.1 apg), down from 9.5 points per game."
    assert (at(text, "6.2 ppg").unit, at(text, "9.5 points per game").unit) == ("point per game", "point per game")
    assert at(text, "7.4 rpg").counted == "rebounds"
    assert at(text, "1.1 apg").counted == "assists"


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Lenders pledged 45 b. Euro to the bank.", "45 b. Euro", 45, "billion EUR"),
        ("The fund lost 3 m euros.", "3 m euros", 3, "million EUR"),
        ("Exports reached nearly 70 billion USD.", "nearly 70 billion USD", 70, "billion USD"),
    ],
)
def test_spaced_scales_and_currency_codes(text, span, value, unit):
    f = at(text, span)
    assert (f.value, f.unit) == (value, unit)


def test_a_spaced_letter_without_a_currency_is_no_scale():
    f = next(f for f in figures("The wall is 5 m high.") if f.value == 5)
    assert f.unit is None or "million" not in f.unit


def test_compounds_that_name_a_kind_count_nothing():
    reports = figures("He hit two three-point plays in a two-way race, then built a 12-point lead.")
    assert [(f.text, f.value, f.counted) for f in reports][0] == ("two three-point plays", 2, "plays")
    assert all(f.value != 3 for f in reports)
    assert at("He hit two three-point plays in a two-way race, then built a 12-point lead.", "12-point lead").unit == "point"


def test_a_noun_phrase_stops_at_the_next_number():
    reports = figures("The panel met for two hours one afternoon.")
    assert [(f.text, f.value) for f in reports] == [("two hours", 2), ("one afternoon", 1)]


def test_a_vague_word_read_as_a_noun_is_not_read_again():
    reports = figures("Rivals lost four scores in the final.")
    assert [(f.text, f.value) for f in reports] == [("four scores", 4)]


# ---------------------------------------------------------------- the words that make a number an age


@pytest.mark.parametrize(
    "text, span",
    [
        ("She was 91. Her films are still shown.", "She was 91"),
        ("The poet, who died at the age of 88, wrote little.", "age of 88"),
        ("Between age 15 and 19, she lived abroad.", "age 15"),
        ("Between age 15 and 19, she lived abroad.", "and 19"),
        ("The composer died in a Vienna hospital at 64.", "at 64"),
        ("Officers found Mendoza in 2004. Mendoza was 52.", "was 52"),
    ],
)
def test_an_age_carries_the_words_that_make_it_one(text, span):
    f = at(text, span)
    assert (f.counted, f.unit) == ("age", "year")


@pytest.mark.parametrize("text", ["Attendance was 75.", "The score was 75.", "Turnout was 61, down from 70."])
def test_a_capital_that_only_opens_a_sentence_gives_no_age(text):
    assert all(f.counted != "age" for f in figures(text))


def test_an_apposition_age_keeps_the_name_outside_its_span():
    # the name beside the figure is what facts read as its subject; it stays outside the report
    f = at("The courier, Vasquez, 31, was released.", "31")
    assert f.counted == "age"


@pytest.mark.parametrize("text", ["Mayor Oren Tallis, 61 — who earns twice his predecessor — refused.",
                                  "Mayor Oren Tallis, 61 - who earns twice his predecessor - refused."])
def test_an_apposition_age_may_close_on_a_dash(text):
    assert at(text, "61").counted == "age"


@pytest.mark.parametrize("text", ["In Tarnow, 40, a record, were arrested.",
                                  "In New Tarnow City, 40 — a record number — were arrested."])
def test_a_place_after_a_preposition_gives_no_apposition_age(text):
    assert at(text, "40").counted != "age"


def test_age_after_a_noun_is_no_counted_noun():
    reports = figures("Two girls age 6 and 9 saw the crash.")
    assert [(f.value, f.counted) for f in reports] == [(2, "girls"), (6, "age"), (9, "age")]


def test_a_verb_after_the_noun_ends_the_noun_phrase():
    assert at("The 300 person crowd became restless.", "300 person crowd").counted == "crowd"
