"""Counted nouns (heads) of figures, third round on issue 6: names between the number and its noun, names
after the noun, ordinal compounds of place, "aged" kept for ages, glued dashes, tokenised thousands,
ordinals of a year's count and shares, "-ed" compound adjectives and two-word units in compounds.
All sentences are written for these tests."""

from __future__ import annotations

import pytest

from crossread.analyse.figures import find_figures
from crossread.model import Article, Sentence


def figures(text: str):
    return find_figures(Article(id="t", text=text, sentences=(Sentence(0, len(text), 0),)))


def only(text: str, value: float):
    found = [f for f in figures(text) if f.value == value]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "counted", "span"),
    [
        # a capitalised run (a unit's name) between the number and a lower-case noun
        ("Officials said four Queens North Narcotics Task plainclothes detectives arrived.", 4, "detectives",
         "four Queens North Narcotics Task plainclothes detectives"),
        # a model name written with a space, then a noun (lower- or title-cased)
        ("Rebels surrendered 9 AK 47 rifles and a mortar.", 9, "rifles", "9 AK 47 rifles"),
        ("The patrol recovered 14 M 16 Rifles, 20 Magazines and food.", 14, "rifles", "14 M 16 Rifles"),
        ("Two plainclothes NYPD officers fired at the car.", 2, "officers", "Two plainclothes NYPD officers"),
        ("He had three prior DUI convictions.", 3, "convictions", "three prior DUI convictions"),
        ("Crews held 18 Filipino sailors for months.", 18, "sailors", "18 Filipino sailors"),
    ],
)
def test_name_run_before_the_noun(text, value, counted, span):
    f = only(text, value)
    assert (f.counted, f.text) == (counted, span)


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("Five Marines were killed in the blast.", 5, "marines"),  # a verb follows: the name is the noun
        ("Five Democrats and two Republicans voted no.", 5, "democrats"),
        ("Voters gave 52 percent to Smith.", 52, None),  # no model number after a full name
        ("He scored 20 points Thursday night.", 20, None),  # a weekday opens no name run
    ],
)
def test_name_runs_stay_bounded(text, value, counted):
    assert only(text, value).counted == counted


@pytest.mark.parametrize(
    ("text", "value", "counted", "span"),
    [
        ("The club traded second baseman Juan Perez on Monday.", 2, "baseman", "second baseman"),
        ("That was one reason Maria Lopez left.", 1, "reason", "one reason"),
        ("She hosted the 62nd annual Emmy Awards last year.", 62, "awards", "62nd annual Emmy Awards"),
        ("They signed two former Senators.", 2, "senators", "two former Senators"),
        ("He is one of two of Canada's biggest lenders.", 2, "lenders", "two of Canada's biggest lenders"),
    ],
)
def test_a_name_after_the_noun_ends_it(text, value, counted, span):
    f = only(text, value)
    assert (f.counted, f.text) == (counted, span)


def test_glued_dash_to_a_name_or_a_number_ends_the_noun():
    found = figures("Rangers said four hikers-three men and a woman-were found alive.")
    assert [(f.text, f.value, f.counted) for f in found] == [("four hikers", 4.0, "hikers"),
                                                            ("three men", 3.0, "men")]
    f = only("The letter was signed by some 3,000 doctors-The Lancet printed it.", 3000)
    assert (f.text, f.counted) == ("some 3,000 doctors", "doctors")


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("Smoke filled the fourth-floor apartment of the tower.", 4, "floor"),
        ("Smoke filled the apartment on the fourth floor.", 4, "floor"),
        ("He lost a sixth-round decision.", 6, "decision"),  # a round, not a place: the head stays
    ],
)
def test_ordinal_compound_of_a_place(text, value, counted):
    f = only(text, value)
    assert (f.counted, f.qualifier) == (counted, "ordinal")


def test_aged_only_for_ages():
    found = figures("Rebels in a 20-year-old conflict have seized as many as 40 trucks, officials said.")
    age = next(f for f in found if f.value == 20)
    trucks = next(f for f in found if f.value == 40)
    assert (age.counted, age.predicate) == ("age", "aged")
    assert trucks.counted == "trucks" and trucks.predicate != "aged"
    assert only("The 70-year-old coach won his third game.", 3).predicate != "aged"


def test_tokenised_thousands_opening_in_zero():
    f = only("He passed for 5, 084 yards that season.", 5084)
    assert (f.text, f.unit) == ("5, 084 yards", "yard")
    # a list of small numbers stays a list
    assert [f.value for f in figures("Rooms 3, 4, 7 were empty.")][:3] == [3.0, 4.0, 7.0]


def test_ordinal_of_the_year_and_shares():
    f = only("The win was her fifth of the year, after a loss in May.", 5)
    assert (f.text, f.counted, f.qualifier) == ("fifth of the year", None, "ordinal")
    assert [f for f in figures("She spent a fifth of the year abroad.") if f.value == 5] == []


def test_one_report_per_number():
    text = ("Two New Haven patrol officers and three bank clerks-two women and a man-were hurt; "
            "a second officer was shot in the fourth-floor hall.")
    found = figures(text)
    starts = [(f.start, f.end) for f in found]
    assert all(a[1] <= b[0] for a, b in zip(starts, starts[1:])), found
    assert [(f.value, f.counted) for f in found] == [(2.0, "officers"), (3.0, "clerks"), (2.0, "women"),
                                                    (2.0, "officer"), (4.0, "floor")]


def test_glued_dash_between_words_ends_the_noun():
    f = only("Two children-girls of 6 and 9-watched.", 2)
    assert (f.text, f.counted) == ("Two children", "children")
    f = only("He named three defeats-and one draw.", 3)
    assert (f.text, f.counted) == ("three defeats", "defeats")
    # real compounds stay whole
    assert only("He has two sisters-in-law.", 2).counted == "sisters-in-law"
    assert only("Two passers-by helped.", 2).counted == "passers-by"
    assert only("Ten co-workers came.", 10).counted == "co-workers"


@pytest.mark.parametrize("text", ["It was a one-sided fight.", "He missed a two-handed dunk.",
                                  "They planned a three-pronged attack."])
def test_number_ed_compound_is_an_adjective(text):
    assert figures(text) == ()


def test_two_word_unit_in_a_compound_and_a_record_high_whole():
    f = only("They patrol a 480-nautical-mile corridor.", 480)
    assert (f.unit, f.counted) == ("nautical mile", "corridor")
    f = only("He grabbed 6 of his team-high 11 rebounds.", 6)
    assert (f.text, f.counted) == ("6 of his team-high 11 rebounds", "rebounds")


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        # an adverb right after the number modifies the adjective before the noun
        ("A crowd of about three dozen mostly young people looted the shop.", 36, "people"),
        ("The flood cut off 300 largely rural households.", 300, "households"),
        ("Rescuers found four badly burned passengers.", 4, "passengers"),
        ("The judge said two very young girls saw the shooting.", 2, "girls"),
        # an adverb after the noun still ends it, and a noun ending in -ly stays a noun
        ("The gunman shot two officers fatally.", 2, "officers"),
        ("The quake left five villages badly hit.", 5, "villages"),
        ("Police met two family members at the scene.", 2, "members"),
    ],
)
def test_adverb_before_the_adjective(text, value, counted):
    assert only(text, value).counted == counted


@pytest.mark.parametrize(
    "text",
    ["Crews arrived within a minute or two, the chief said.", "In the next hour or two the roof caved in."],
)
def test_a_unit_or_two_is_a_loose_span_not_a_count(text):
    assert [f for f in figures(text) if f.value == 2] == []


def test_a_unit_or_two_units_is_still_read():
    assert only("The talks may last a week or two weeks.", 2).unit == "week"


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        # a share of a count whose people the verb's complement names
        ("Twelve of the dead were children, the governor of Orlan said.", 12, "children"),
        ("About 40,000 of those affected are pensioners, the regulator said.", 40000, "pensioners"),
        ("Four of the nine people who drowned were young women from Tessa.", 4, "women"),
        ("Two of the eleven who died were teenagers.", 2, "teenagers"),
        # the complement names no people: the share keeps what its whole counts
        ("Eight of the injured were in a serious condition.", 8, None),
        ("Six of the nine people hurt were taken to Orlan.", 6, "people"),
    ],
)
def test_a_share_counts_the_people_its_complement_names(text, value, counted):
    assert only(text, value).counted == counted


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        # a direction right after the number modifies the noun after it ...
        ("Only two of the eight north gates were open.", 2, "gates"),
        ("Rescuers reached 12 west bank villages by noon.", 12, "villages"),
        # ... while after the noun or before "of" it ends the figure
        ("The quake struck 14 km south-east of Tarvo.", 14, None),
        ("The camp is home to 300 north of the river.", 300, None),
    ],
)
def test_a_direction_before_a_noun_modifies_it(text, value, counted):
    assert only(text, value).counted == counted


@pytest.mark.parametrize(
    ("text", "value", "counted", "predicate"),
    [
        # a verb of telling after a duration opens the clause: its object is not what the figure counts
        ("A welder who had worked at the yard for 14 years told inspectors the doors were chained.", 14, None, None),
        # "the prison" is a place: the guards on duty there were not sentenced ...
        ("Twenty-three guards had been on duty at the prison that night.", 23, "guards", None),
        # ... while "years in prison" is a sentence
        ("The former mayor faces up to 15 years in prison.", 15, None, "sentenced"),
    ],
)
def test_a_verb_of_telling_and_a_definite_prison_name_no_figure(text, value, counted, predicate):
    found = only(text, value)
    assert (found.counted, found.predicate) == (counted, predicate)
