"""Readings that make figures comparable across outlets: temperatures written "8C" or "15°C", a parent's
number of children ("a father of three", "mum-of-two"), hyphenated fractional spans ("a five-and-a-half-year
deal"), the age of an "X age" noun ("the retirement age of 62") and what a percentage measures ("turnout
was 61.4 percent").  All sentences are invented."""
from __future__ import annotations

import pytest

from crossread.analyse.figures import find_figures, qualifier_bounds
from crossread.clean import split_sentences
from crossread.model import Article


def figures(text: str):
    return find_figures(Article(id="t", text=text, sentences=split_sentences(text)))


def reading(text: str, value: float):
    hits = [f for f in figures(text) if f.value == pytest.approx(value)]
    assert hits, [(f.text, f.value) for f in figures(text)]
    return hits[0]


# ---------------------------------------------------------------- temperatures


@pytest.mark.parametrize("text, value, scale, span", [
    ("The lake water was around 8C when the ferry sank.", 8, "celsius", "around 8C"),
    ("Forecasters expect highs of 31C on Friday.", 31, "celsius", "31C"),
    ("Overnight temperatures fell to -3C in the valley.", -3, "celsius", "-3C"),
    ("It was 15°C in the capital at noon.", 15, "celsius", "15°C"),
    ("Milan recorded 15 °C at dawn.", 15, "celsius", "15 °C"),
    ("The river was a chilly 46F by evening.", 46, "fahrenheit", "46F"),
    ("Rescuers worked through the night at minus 4 degrees Celsius.", -4, "celsius", "minus 4 degrees Celsius"),
])
def test_figures_a_temperature_reads_as_degrees_of_its_scale(text, value, scale, span):
    f = reading(text, value)
    assert (f.text, f.unit, f.counted) == (span, "degree", scale)


def test_figures_a_glued_scale_letter_reads_like_the_words():
    glued = reading("The water was 8C at the harbour.", 8)
    spelled = reading("The water was 8 degrees Celsius at the harbour.", 8)
    abbreviated = reading("The water was 8 degrees C at the harbour.", 8)
    assert (glued.unit, glued.counted) == (spelled.unit, spelled.counted) == (abbreviated.unit, abbreviated.counted)


@pytest.mark.parametrize("text", [
    "She moved into Flat 3C on the top floor.",
    "Drivers should take Route 8C around the works.",
    "His seat was 12F, by the window.",
    "The pupils of class 4C went home early.",
])
def test_figures_a_letter_after_a_number_is_no_temperature_without_context(text):
    assert not any(f.unit == "degree" for f in figures(text))


def test_figures_a_negative_temperature_keeps_its_bounds_in_order():
    f = reading("Temperatures dropped to around -10C overnight.", -10)
    assert (f.low, f.high) == (-11.0, -9.0)
    assert qualifier_bounds(-10, "nearly") == (-10, -9.0)


def test_figures_a_dash_between_words_is_still_no_minus():
    assert 47 not in [f.value for f in figures("Police found an AK-47 in the car.")]
    assert -3 not in [f.value for f in figures("The score was 2 -3 at half time.")]


# ---------------------------------------------------------------- a parent's children


@pytest.mark.parametrize("text, value, counted", [
    ("A father of three was hurt when the wall fell.", 3, "children"),
    ("The dad-of-three was hurt when the wall fell.", 3, "children"),
    ("Mother-of-two Anna Reyes was hurt when the wall fell.", 2, "children"),
    ("The mum-of-2 was hurt when the wall fell.", 2, "children"),
    ("The mother of two sons was hurt when the wall fell.", 2, "sons"),
    ("Grandmother-of-five cyclist Edna Park was hurt when the wall fell.", 5, "grandchildren"),
])
def test_figures_a_parent_of_n_counts_children_and_nothing_befell_them(text, value, counted):
    f = reading(text, value)
    assert f.counted == counted
    assert f.predicate is None  # the parent was hurt, not the children


def test_figures_the_hyphenated_parent_reads_as_the_spaced_one():
    spaced = reading("A father of three died in the crash.", 3)
    hyphened = reading("A father-of-three died in the crash.", 3)
    assert (spaced.counted, spaced.predicate) == (hyphened.counted, hyphened.predicate) == ("children", None)


def test_figures_a_parent_company_still_counts_its_plural_noun():
    assert reading("The group, parent of three airlines, cut 900 jobs.", 3).counted == "airlines"
    assert 16 not in [f.value for f in figures("He went 1-of-16 from the field.")]


# ---------------------------------------------------------------- hyphenated "and a half"


@pytest.mark.parametrize("text, value, unit", [
    ("The striker signed a three-and-a-half-year contract.", 3.5, "year"),
    ("The club agreed a three-and-a-half-year deal with him.", 3.5, "year"),
    ("They walked two-and-a-half miles to the shelter.", 2.5, "mile"),
    ("The talks lasted three and a half hours.", 3.5, "hour"),
])
def test_figures_a_hyphenated_and_a_half_reads_as_the_spaced_one(text, value, unit):
    f = reading(text, value)
    assert f.unit == unit
    assert 3 not in [x.value for x in figures(text) if x is not f]  # no bare "three" beside it


# ---------------------------------------------------------------- "X age" nouns


@pytest.mark.parametrize("text, value, counted, qualifier", [
    ("The bill would lift the pension age to 67 from 65.", 67, "retirement age", None),
    ("The bill would lift the pension age to 67 from 65.", 65, "retirement age", "previously"),
    ("The cabinet wants to push the retirement age from 60 to 63.", 60, "retirement age", "previously"),
    ("The cabinet wants to push the retirement age from 60 to 63.", 63, "retirement age", None),
    ("Under the deal the retirement age will stay at 60.", 60, "retirement age", None),
    ("The state pension age is 66 for both sexes.", 66, "retirement age", None),
    ("Ministers lowered the voting age to 16 last year.", 16, "voting age", None),
    ("The minister would raise the retirement age for nurses to 63.", 63, "retirement age", None),
])
def test_figures_an_x_age_noun_governs_a_bare_number(text, value, counted, qualifier):
    f = reading(text, value)
    assert (f.unit, f.counted, f.qualifier) == ("year", counted, qualifier)


def test_figures_an_x_age_reads_alike_however_it_is_put():
    texts = ["Parliament set the retirement age at 63.", "The new retirement age of 63 was approved.",
             "The pension age will rise to 63."]
    assert {(reading(t, 63).unit, reading(t, 63).counted) for t in texts} == {("year", "retirement age")}


@pytest.mark.parametrize("text, value", [
    ("The average age of the victims was 34.", 34),
    ("Protests over the retirement age went on, and police arrested 23 people.", 23),
])
def test_figures_an_x_age_noun_does_not_reach_past_another_noun(text, value):
    assert "age" not in (reading(text, value).counted or "")


# ---------------------------------------------------------------- what a percentage measures


@pytest.mark.parametrize("text, value, counted", [
    ("Turnout was 48.2 percent, the commission said.", 48.2, "turnout"),
    ("The commission reported a turnout of 48.2 per cent.", 48.2, "turnout"),
    ("Election turnout stood at 48.2%, a record low.", 48.2, "turnout"),
    ("Voter turnout reached nearly 48 percent by noon.", 48, "turnout"),
    ("Unemployment hit 9.4 percent in March.", 9.4, "unemployment"),
    ("Inflation rose to 3.1 percent in May.", 3.1, "inflation"),
    ("The unemployment rate for young women is 21 percent.", 21, "unemployment"),
    ("The Liberal vote was 12.5 percent, a record low.", 12.5, "vote"),
    ("Turnout in the two northern provinces was only 12 percent.", 12, "turnout"),
    ("The party won 31.5 percent of the vote.", 31.5, "vote"),
    ("They expect a 48 percent turnout.", 48, "turnout"),
])
def test_figures_a_percentage_names_what_it_measures(text, value, counted):
    assert reading(text, value).counted == counted


def test_figures_turnout_and_vote_share_are_told_apart():
    text = "The Centre Party took 44.1 percent of the vote. Turnout was 67.5 percent."
    assert (reading(text, 44.1).counted, reading(text, 67.5).counted) == ("vote", "turnout")


@pytest.mark.parametrize("text, value", [
    ("Inflation rose 3.1 percent in May.", 3.1),  # a change, not the level: the noun is left to the grouper
    ("The official figure of 48.2 percent was disputed.", 48.2),  # "figure" names no measure
    ("Critics said Hallberg was at 40 percent in the polls.", 40),  # a name, not a measure
    ("Police said 60 percent of the marchers were young.", 60),  # the noun after "of" still wins
    ("The ten-year bond yield stood at 4.1 percent.", 4.1),  # a measure the lexicon does not know
])
def test_figures_a_percentage_takes_no_noun_that_is_not_its_measure(text, value):
    assert reading(text, value).counted in (None, "marchers")


# ---------------------------------------------------------------- a noun left out at the end of a list


def test_figures_the_last_name_of_a_list_shares_the_first_members_noun():
    f = reading("The Farmers' League won 22 seats and the Coastal Alliance 9.", 9)
    assert (f.text, f.counted, f.predicate) == ("9", "seats", "won")


@pytest.mark.parametrize("text, value", [
    ("Police detained 12 protesters and the Airbus 320.", 320),  # a model name: far from a count of a size
    ("The survey covered 12 countries and the Windows 7.", 7),  # no named subject before the first count
    ("The rebels seized 4 towns and Route 9.", 9),
])
def test_figures_a_name_with_a_number_after_a_count_is_no_elliptical_count(text, value):
    assert value not in [f.value for f in figures(text)]


# ---------------------------------------------------------------- the fatal part of a count


@pytest.mark.parametrize("text", [
    "Clinics have logged 95 cases of the fever, four of them fatal.",
    "There were 31 crashes on the pass this winter, four of them fatal.",
])
def test_figures_the_fatal_part_of_a_count_counts_deaths(text):
    f = reading(text, 4)
    assert (f.counted, f.predicate) == ("deaths", "killed")


def test_figures_a_fatal_event_alone_befalls_no_number():
    assert reading("The fatal crash left 2 passengers hurt.", 2).predicate == "injured"


# ---------------------------------------------------------------- shots fired / shots that hit; term / time served


@pytest.mark.parametrize("text, value, predicate", [
    ("Two deputies fired 14 shots at the van as it sped off.", 14, "fired"),
    ("The nine bullets fired by the deputies were recovered.", 9, "fired"),
    ("An autopsy found that Dorran was hit by six bullets.", 6, "struck"),
    ("Six bullets struck the driver, the coroner said.", 6, "struck"),
    ("Dorran, 19, was shot six times as he ran.", 6, "struck"),
    ("Both deputies fired at the van, hitting the driver six times in the chest.", 6, "struck"),
    ("A deputy shot 14 times at the fleeing van.", 14, "fired"),
])
def test_figures_shots_fired_and_shots_that_hit_are_told_apart(text, value, predicate):
    assert reading(text, value).predicate == predicate


def test_figures_a_count_of_things_is_not_what_befalls_people():
    # the bullets did not die; a count of people killed stays killed
    assert reading("It is unclear which of the six bullets caused the death.", 6).predicate is None
    assert reading("Six people were killed in the blast.", 6).predicate == "killed"


@pytest.mark.parametrize("text, value, predicate", [
    ("Marlow was sentenced to eight years in prison for the fraud.", 8, "sentenced"),
    ("Marlow served 212 days before his release.", 212, "served"),
    ("He served five months in a state prison.", 5, "served"),
    ("He was paroled after three years and went back to the docks.", 3, "served"),
    ("After serving six years for the robbery, he moved abroad.", 6, "served"),
    ("He is serving a 12-year sentence for the robbery.", 12, "sentenced"),
    ("Marlow served five years of his sentence.", 5, "served"),
])
def test_figures_a_term_and_the_time_served_are_told_apart(text, value, predicate):
    assert reading(text, value).predicate == predicate


def test_figures_a_sentence_served_in_full_is_both_term_and_time_served():
    # "served a five-year term" gives the term and the time served alike: it takes neither side
    f = reading("Marlow had served only a five-year term for the 1998 robbery.", 5)
    assert f.predicate is None and f.unit == "year"


@pytest.mark.parametrize("text, span", [
    ("Gusts reached 60 kilometres an hour on the ridge.", "60 kilometres an hour"),
    ("Forecasters warned of gusts of 60km/h until Thursday.", "60km/h"),
    ("The wind blew at up to 60 km/h.", "up to 60 km/h"),
    ("The van was doing 60 km per hour.", "60 km per hour"),
])
def test_figures_a_speed_in_kilometres_an_hour_reads_as_one_unit_however_written(text, span):
    f = reading(text, 60)
    assert (f.text, f.unit) == (span, "km/h")


@pytest.mark.parametrize("text, counted", [
    ("Some 58 per cent of voters oppose the tax rise.", "voters"),
    ("Some 58 per cent of Orlanders oppose the tax rise.", "orlanders"),
])
def test_figures_a_share_of_people_counts_the_people_not_their_verb(text, counted):
    assert reading(text, 58).counted == counted


def test_figures_an_age_set_off_by_commas_after_a_title():
    f = reading("The plan was approved, the finance minister, 49, told reporters.", 49)
    assert (f.counted, f.unit) == ("age", "year")


@pytest.mark.parametrize("text, earlier, current", [
    ("The standard rate rises from 21 to 22 percent in January.", 21, 22),
    ("Unemployment falls from 8 to 7 percent in the forecast, the bank said.", 8, 7),
    ("The levy increases from 12 to 15 percent next year.", 12, 15),
])
def test_figures_a_change_in_the_present_tense_gives_two_states_not_a_range(text, earlier, current):
    by_value = {f.value: f for f in figures(text)}
    assert by_value[earlier].qualifier == "previously" and by_value[current].qualifier is None


def test_figures_a_name_that_credits_a_figure_is_not_what_it_counts():
    # "the 165 knots Aeroduna claims": the airline claims the speed; it counts no "claims"
    f = reading("The plane landed at 197 knots, faster than the 165 knots Norvair claims.", 165)
    assert (f.text, f.counted, f.unit) == ("165 knots", None, "knot")


@pytest.mark.parametrize("text, value, counted", [
    ("The gunman fled into an apartment three doors away.", 3, "houses"),
    ("The suspect was found hiding two doors down from the scene.", 2, "houses"),
    ("Officers broke down two doors to reach the flat.", 2, "doors"),
])
def test_figures_doors_along_a_street_count_houses(text, value, counted):
    assert reading(text, value).counted == counted


@pytest.mark.parametrize("text, value, counted", [
    ("A woman of 71 was found dead in her flooded cellar on Monday.", 71, "age"),
    ("The driver, a man of 45, was taken to hospital.", 45, "age"),
    ("A mother of three was among the dead.", 3, "children"),
    ("The trial of 12 men opened in Vesk.", 12, "men"),
])
def test_figures_a_person_of_so_many_is_an_age(text, value, counted):
    assert reading(text, value).counted == counted


@pytest.mark.parametrize("text, value, predicate, qualifier", [
    ("The evacuation, which began with about 900 people at dawn, went on all night.", 900, "displaced", "previously"),
    ("The count started with 14 names and grew.", 14, None, "previously"),
    ("An initial estimate of 40 dead was revised on Monday.", 40, "killed", "previously"),
    ("For the 2,100 people who had to leave their homes, the wait goes on.", 2100, "displaced", None),
    ("More than 600 people have left their homes in the valley.", 600, "displaced", "more than"),
])
def test_figures_where_a_count_began_and_who_left_their_homes(text, value, predicate, qualifier):
    f = reading(text, value)
    assert (f.predicate, f.qualifier) == (predicate, qualifier)


@pytest.mark.parametrize("text, value, counted", [
    ("By noon about 52,000 homes were without power.", 52000, "households"),
    ("Power was restored to 7,400 properties on Tuesday.", 7400, "households"),
    ("Some 3,000 homes in the valley have no running water.", 3000, "households"),
    ("The storm destroyed 148 homes.", 148, "homes"),
])
def test_figures_homes_cut_off_from_a_supply_count_households(text, value, counted):
    assert reading(text, value).counted == counted


@pytest.mark.parametrize("text, value, unit", [
    ("The storm dumped 164 mm of rain on the port.", 164, "mm"),
    ("Nearly 170 millimetres of rain fell overnight.", 170, "mm"),
    ("The snow was 40 cm deep on the pass.", 40, "cm"),
    ("The river peaked at 4.8 m at the town gauge.", 4.8, "m"),
])
def test_figures_lengths_written_apart_from_their_number_are_units(text, value, unit):
    assert reading(text, value).unit == unit


@pytest.mark.parametrize("text, value, span", [
    ("The company offered a one-off bonus of 15 000 crowns to each miner.", 15000, "15 000 crowns"),
    ("A crowd of 12\u00a0500 people gathered in the square.", 12500, "12\u00a0500 people"),
    ("The repairs cost 1 250 000 euros.", 1250000, "1 250 000 euros"),
    ("On May 5 300 people marched through the town.", 300, "300 people"),
])
def test_figures_thousands_set_apart_by_a_space(text, value, span):
    assert reading(text, value).text == span


@pytest.mark.parametrize("text, value, qualifier, low, high", [
    ("The union now says it would not accept less than 12%.", 12, "at least", 12, None),
    ("The board will not pay more than 4 percent.", 4, "up to", None, 4),
    ("Drivers refuse to take less than 9 percent.", 9, "at least", 9, None),
    ("Less than 10% of members voted.", 10, "less than", None, 10),
])
def test_figures_a_negated_bound_turns_round(text, value, qualifier, low, high):
    f = reading(text, value)
    assert (f.qualifier, f.low, f.high) == (qualifier, low, high)


@pytest.mark.parametrize("text, value, counted, unit", [
    ("The company is losing about 180 tons of copper daily.", 180, "copper", "tonne per day"),
    ("The plant burns 40 tonnes of coal weekly.", 40, "coal", "tonne per week"),
    ("The mine produced 2,000 tons last year.", 2000, None, "tonne"),
])
def test_figures_tons_and_a_rate_adverb_after_the_noun(text, value, counted, unit):
    f = reading(text, value)
    assert (f.counted, f.unit) == (counted, unit)


# ---------------------------------------------------------------- thresholds
@pytest.mark.parametrize(
    ("text", "value", "predicate"),
    [
        # a threshold is what a vote needs, not a count of votes cast
        ("The bill needed 201 votes to pass the senate.", 201, "needed"),
        ("In the end 201 votes would have been necessary.", 201, "needed"),
        ("It fell short of the 201 required.", 201, "needed"),
        ("Only 188 senators voted for the bill.", 188, "voted"),
    ],
)
def test_figures_a_threshold_reads_as_needed(text, value, predicate):
    assert reading(text, value).predicate == predicate


def test_figures_people_forced_from_their_homes_are_displaced():
    # the verb before ("sent a column of ash") governs no people; "from their homes" says what befell them
    found = reading("The blast sent debris across the valley, forcing more than 2,000 people from their homes.", 2000)
    assert found.predicate == "displaced"


@pytest.mark.parametrize(
    ("text", "value", "unit", "predicate"),
    [
        # a non-native "kilometres in the hour" is a speed
        ("The lorry drove with approximately 60 kilometres in the hour.", 60, "km/h", None),
        # flights, trains and matches are cancelled: a count that grows as a story develops
        ("Some 450 flights have now been cancelled.", 450, None, "cancelled"),
    ],
)
def test_figures_speeds_said_the_long_way_and_cancellations(text, value, unit, predicate):
    found = reading(text, value)
    assert (found.unit, found.predicate) == (unit, predicate)
