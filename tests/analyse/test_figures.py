"""Figures: value, bounds, qualifier, unit, counted noun and predicate of every number that counts something."""
from __future__ import annotations

import pytest

from crossread.analyse.figures import find_figures, qualifier_bounds
from crossread.clean import split_sentences
from crossread.model import Article


def article(text: str, article_id: str = "t") -> Article:
    return Article(id=article_id, text=text, sentences=split_sentences(text))


def only(text: str):
    figures = find_figures(article(text))
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


@pytest.mark.parametrize(
    "text, span, value, low, high, qualifier, counted",
    [
        ("The blast injured at least 12 firefighters on Sunday.", "at least 12 firefighters", 12, 12, None, "at least", "firefighters"),
        ("Officials said more than 40 villagers were hurt.", "more than 40 villagers", 40, 40, None, "more than", "villagers"),
        ("Nearly 2,500 marines remain on the island.", "Nearly 2,500 marines", 2500, 2250, 2500, "nearly", "marines"),
        ("The storm left around 60 families homeless.", "around 60 families", 60, 54, 66, "about", "families"),
        ("The ministry will send up to 90 inspectors.", "up to 90 inspectors", 90, None, 90, "up to", "inspectors"),
        ("Two dozen volunteers cleared the beach.", "Two dozen volunteers", 24, 24, 24, None, "volunteers"),
        ("Crews rescued 18,000-20,000 sheep from the flood.", "18,000-20,000 sheep", 18000, 18000, 20000, "between", "sheep"),
        ("The council hired 350 additional nurses.", "350 additional nurses", 350, 350, 350, "additional", "nurses"),
    ],
)
def test_figures_counts_with_qualifiers(text, span, value, low, high, qualifier, counted):
    f = only(text)
    assert (f.text, f.value, f.qualifier, f.counted) == (span, value, qualifier, counted)
    assert f.low == pytest.approx(low) if low is not None else f.low is None
    assert f.high == pytest.approx(high) if high is not None else f.high is None
    assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Turnout was only 4.2 percent in the district.", 4.2, "percent"),
        ("Turnout was only 4.2% in the district.", 4.2, "percent"),
        ("The dam cost $1.2bn to build.", 1.2, "billion USD"),
        ("The club paid £35 million for the striker.", 35, "million GBP"),
        ("The port handles 2 million euros of cargo a day.", 2, "million EUR per day"),
        ("The club paid the striker £4 million a year.", 4, "million GBP per year"),
        ("A 140-mile pipeline crosses the valley.", 140, "mile"),
        ("The convoy drove 30 kilometres through the pass.", 30, "km"),
        ("A magnitude 5.4 tremor shook the coast.", 5.4, "magnitude"),
        # a scale letter before a plural noun is millions; before a singular one it is metres
        ("About 1.2m people lost power in the storm.", 1.2, "million"),
        ("The town built a 2m fence along the river.", 2, "m"),
        ("The appeal raised half a million dollars for the families.", 0.5, "million USD"),
        ("The ministry paid a million euros to the families.", 1, "million EUR"),
        # a fraction is a share: "two-thirds" meets an outlet's "67 percent"
        ("Two-thirds of voters backed the plan.", 66.7, "percent"),
        ("More than a quarter of the homes were flooded.", 25, "percent"),
        # pounds are money after a scale word or a word of paying, weight otherwise
        ("The transfer fee was 45 million pounds.", 45, "million GBP"),
        ("He was ordered to pay a fine of 30,000 pounds.", 30000, "GBP"),
        ("The boxer weighs 200 pounds.", 200, "pound"),
        # currencies by name or by code
        ("The bank raised 5 million Swiss francs.", 5, "million CHF"),
        ("The deal is worth CHF 3 billion.", 3, "billion CHF"),
        ("Defence spending rises to SEK 45bn.", 45, "billion SEK"),
        ("The utility paid 2.3 billion kronor for the grid.", 2.3, "billion SEK"),
        # "will be" before a number is an age only where a number can be one
        ("The union says the real number will be 3,200.", 3200, None),
    ],
)
def test_figures_units_and_scales(text, value, unit):
    f = only(text)
    assert f.value == pytest.approx(value)
    assert f.unit == unit


def test_figures_vague_counts_have_a_lower_bound_and_no_value():
    f = only("Dozens of shops were looted overnight.")
    assert f.value is None and f.low == 24 and f.qualifier == "vague" and f.counted == "shops"


@pytest.mark.parametrize(
    "text, predicate",
    [
        ("The explosion wounded 14 workers at the plant.", "injured"),
        ("Nine miners were killed in the collapse.", "killed"),
        ("The alliance deployed 600 troops to the border.", "deployed"),
        ("Police arrested 31 protesters after the march.", "arrested"),
        # a change verb before "to N" says how a count moved; what it counts is named before it
        ("The death toll from the flood has risen to 15, officials said.", "killed"),
        ("The number of injured climbed to about 40 by Friday.", "injured"),
        ("Fuel prices rose 5 percent in March.", "rose"),
        # predicates of several words: staying in hospital is an injury, "took to the streets" a protest
        ("Eleven people remain in hospital in the port town.", "injured"),
        ("About 5,000 people took to the streets of the capital.", "protested"),
    ],
)
def test_figures_predicate_class(text, predicate):
    assert only(text).predicate == predicate


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 1995 and renewed in 2011.",
        "The vote is set for March 14, and results follow on 17 April.",
        "The meeting began at 10:30 and ended at 4 p.m.",
        "She finished 3rd, behind the 21st seed.",
        "Flight 370 vanished, and Windows 7 support ended.",
        "Soldiers carried AK-47 rifles and a G3 carbine.",
        "His No. 23 jersey hangs in the arena.",
        "",
        "   \n\n  ",
        "Ünïcödé ☃ — no numbers here at all!",
    ],
)
def test_figures_not_figures(text):
    assert find_figures(article(text)) == ()


@pytest.mark.parametrize(
    "text, value, counted",
    [
        ("The singer Mara Lind, 71, died on Tuesday.", 71, "age"),
        ("A 19-year-old student was detained.", 19, "age"),
        ("He was 64.", 64, "age"),
    ],
)
def test_figures_ages(text, value, counted):
    f = only(text)
    assert (f.value, f.counted, f.unit) == (value, counted, "year")


def test_figures_sports_record_gives_one_report_per_number():
    figures = find_figures(article("The Hawks fell to 12-19 after the game."))
    assert [(f.value, f.counted) for f in figures] == [(12, "wins"), (19, "losses")]


def test_figures_sports_record_in_apposition_to_a_name():
    figures = find_figures(article("The veteran Joe Marsh, 31-4, 22 KOs, won again."))
    assert [(f.value, f.counted) for f in figures if f.counted in ("wins", "losses")] == [(31, "wins"), (4, "losses")]


def test_figures_sentence_index_and_offsets():
    text = "First sentence here. The flood displaced 4,000 residents."
    a = article(text)
    f = find_figures(a)[0]
    assert f.sentence == 1 and a.text[f.start : f.end] == f.text == "4,000 residents"


def test_figures_without_sentences_still_found():
    f = find_figures(Article(id="x", text="Rescuers freed 7 hikers."))[0]
    assert f.value == 7 and f.sentence is None


def test_qualifier_bounds():
    assert qualifier_bounds(30, "at least") == (30, None)
    assert qualifier_bounds(30, None) == (30, 30)
    assert qualifier_bounds(None, "about") == (None, None)


def test_figures_example_articles_read_right(example_dir):
    """Every figure of the injured-peacekeeper story that the facts rest on, with noun and qualifier."""
    seen = {}
    for path in sorted(example_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for f in find_figures(article(text, path.stem)):
            seen.setdefault(f.text, f)
    expected = {
        "at least 30 peacekeepers": (30, "at least", "peacekeepers"),
        "around 25 members": (25, "about", None),
        "Nearly 4,000 NATO peacekeepers": (4000, "nearly", "peacekeepers"),
        "700 additional troops": (700, "additional", "troops"),
        "3.5% voter turnout": (3.5, None, "turnout"),
        "Dozens of peacekeepers": (None, "vague", "peacekeepers"),
    }
    for span, (value, qualifier, counted) in expected.items():
        hits = [f for t, f in seen.items() if t.startswith(span)]
        assert hits, span
        f = hits[0]
        assert (f.value, f.qualifier) == (value, qualifier), span
        if counted:
            assert f.counted == counted, span
    assert any(f.text.startswith("more than 30") and f.counted == "soldiers" for f in seen.values())
    assert any(f.value == 78 and f.unit == "day" for f in seen.values())
    assert any(f.value == 4000 and "strong" in f.text for f in seen.values())
    # dates and years of the example are not figures
    assert not any(f.value in (2008, 1999, 2023) for f in seen.values())


@pytest.mark.parametrize(
    "text, span, value, counted",
    [
        ("It was his 19th season with the club.", "19th season", 19, "season"),
        ("The gunman walked into the office on the second floor.", "second floor", 2, "floor"),
        ("He won an eighth-round decision in the rematch.", "eighth-round decision", 8, "decision"),
    ],
)
def test_figures_ordinals_before_a_noun_count(text, span, value, counted):
    f = only(text)
    assert (f.text, f.value, f.counted, f.qualifier) == (span, value, counted, "ordinal")


@pytest.mark.parametrize(
    "text",
    [
        "They met on June 19th at noon.",
        "The shop on 117th Street reopened.",
        "It was the second time.",
        "He celebrated his 60th birthday quietly.",
    ],
)
def test_figures_ordinals_that_count_nothing(text):
    assert find_figures(article(text)) == ()


def test_figures_unit_after_a_word_of_increment():
    f = only("The judge added three more years to the sentence.")
    assert (f.value, f.unit) == (3, "year")


def test_figures_second_age_of_a_pair():
    figures = find_figures(article("He leaves two sons, ages 6 and 16, and a wife."))
    ages = [(f.value, f.counted) for f in figures if f.counted == "age"]
    assert ages == [(6, "age"), (16, "age")]


def test_figures_direction_or_adverb_is_not_the_counted_noun():
    assert only("The island lies 1,500 kilometers south of the capital.").counted is None
    assert only("Two officers fatally shot the man.").counted == "officers"


def test_figures_verb_right_before_the_number_is_its_predicate():
    figures = find_figures(article("The quake killed 10 people and injured 80 more."))
    assert [(f.value, f.predicate) for f in figures] == [(10, "killed"), (80, "injured")]


def test_figures_glued_count_word_is_the_counted_noun():
    f = [f for f in find_figures(article("The challenger (14-13-2, 12KOs) lost again.")) if f.value == 12][0]
    assert (f.counted, f.unit) == ("kos", None)


@pytest.mark.parametrize(
    "text, predicate",
    [
        ("One man was detained, and no injuries were reported.", "injured"),
        ("The night ended with 46 arrests across the city.", "arrested"),
        ("Police arrested 31 refugees at the border.", "arrested"),
    ],
)
def test_figures_noun_of_what_befell_is_the_predicate_unless_a_verb_governs(text, predicate):
    f = [f for f in find_figures(article(text)) if f.value != 1][0]
    assert f.predicate == predicate


def test_figures_bracketed_conversion_is_read_as_about():
    figures = find_figures(article("The epicentre lay 60 kilometers (37 miles) south of the port."))
    assert [(f.value, f.qualifier) for f in figures] == [(60, None), (37, "about")]


def test_figures_bracketed_sum_in_another_currency_keeps_its_own_value():
    figures = find_figures(article("The loan of 110 billion euros ($143 billion) was agreed on Sunday."))
    assert [f.qualifier for f in figures] == [None, None]


@pytest.mark.parametrize(
    "text, span, value, unit, predicate",
    [
        # a name as the object of a verb, or a possessive, is no model name ("Flight 370")
        ("Early returns gave Labour 70 seats in the new chamber.", "70 seats", 70, None, None),
        ("Officials told Reuters 40 people died in the flooding.", "40 people", 40, None, "killed"),
        # one term in two units
        ("The judge jailed him for 12 years and six months.", "12 years and six months", 12.5, "year", "sentenced"),
        # another clause's verb does not govern the count
        ("At least 42 people were killed, and rescuers pulled 37 people alive from the rubble.", "37 people", 37, None, None),
        # a time after "an hour" is no rate
        ("Turnout was 61.7 percent an hour before polls closed.", "61.7 percent", 61.7, "percent", "voted"),
        ("The lead shrank to 7.2 percentage points overnight.", "7.2 percentage points", 7.2, "percentage points", None),
        # money is not what befell people
        ("The government released 250 million euros in aid to the region.", "250 million euros", 250, "million EUR", None),
    ],
)
def test_figures_read_in_context(text, span, value, unit, predicate):
    f = next(f for f in find_figures(article(text)) if f.text == span)
    assert (f.value, f.unit, f.predicate) == (pytest.approx(value), unit, predicate)


@pytest.mark.parametrize(
    "text",
    [
        "For help call 0800 555 0199 or write to the council.",
        "Donations can be made on +44 20 7946 0958 until Friday.",
        "The fire destroyed 14 Mill Street early on Sunday.",
    ],
)
def test_figures_phone_numbers_and_addresses_are_no_figures(text):
    assert find_figures(article(text)) == ()


@pytest.mark.parametrize(
    "text, span, predicate",
    [
        # how badly people were hurt is a count of its own, whichever way the clause says it
        ("Of the 61 injured, twelve are seriously hurt and being treated in Tarrowby.", "twelve", "seriously injured"),
        ("Forty people were taken to hospital, five of them with serious injuries.", "five", "seriously injured"),
        ("Forty people were hurt, two in critical condition.", "two", "seriously injured"),
        ("The number in a serious condition has fallen to 8 from 10.", "8", "seriously injured"),
        ("Nine are still in intensive care in the capital.", "Nine", "seriously injured"),
        # a phrase says more than the word inside it, and a part of the hurt may be anything else
        ("Forty people were hurt, two of them children.", "Forty people", "injured"),
    ],
)
def test_figures_the_seriously_injured_are_their_own_count(text, span, predicate):
    f = next(f for f in find_figures(article(text)) if f.text.startswith(span))
    assert f.predicate == predicate


@pytest.mark.parametrize("text, value", [("The youngest was six.", 6), ("The oldest victim is 91, the police said.", 91)])
def test_figures_the_youngest_or_oldest_is_an_age(text, value):
    f = only(text)
    assert (f.value, f.counted) == (value, "age")


@pytest.mark.parametrize(
    "text, earlier, current",
    [
        ("The agency had the recall extended to 12 batches, up from the five the firm withdrew on Friday.", "five", "12 batches"),
        ("The ban was widened on Monday from six to 11 districts.", "six", "11 districts"),
        ("The central bank cut its growth forecast from 2.4% to 1.6%.", "2.4%", "1.6%"),
        ("The queue grew from 200 to 450 people by noon.", "200", "450 people"),
    ],
)
def test_figures_the_earlier_state_of_any_change(text, earlier, current):
    found = {f.text: f for f in find_figures(article(text))}
    assert found[earlier].qualifier == "previously" and found[current].qualifier is None


def test_figures_batches_are_what_is_counted():
    assert only("The maker recalled seven batches of its cough syrup.").counted == "batches"
