"""Facts: figure reports grouped across sources, with agree / conflict / single verdicts."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from crossread.analyse.figures import find_figures
from crossread.clean import clean_article, split_sentences
from crossread.model import Article, ArticleAnalysis, Copy, FigureReport, RawArticle
from crossread.reconcile.facts import group_facts
from crossread.reconcile.facts_verdict import intervals_agree, report_interval


def art(article_id: str, text: str, published: dt.date | None = None, outlet: str | None = None) -> Article:
    return Article(id=article_id, text=text, sentences=split_sentences(text), published=published, outlet=outlet)


def analyse(*articles: Article) -> list[ArticleAnalysis]:
    return [ArticleAnalysis(article_id=a.id, figures=find_figures(a)) for a in articles]


def fact_with(facts, needle: str):
    hits = [f for f in facts if any(needle in r.text for r in f.reports)]
    assert hits, (needle, [[r.text for r in f.reports] for f in facts])
    return hits[0]


def rep(value, qualifier=None, unit=None, low=None, high=None) -> FigureReport:
    return FigureReport(article_id="x", start=0, end=1, text="x", value=value, low=low, high=high,
                        qualifier=qualifier, unit=unit)


@pytest.mark.parametrize(
    "reports, agree",
    [
        ([rep(30, "at least"), rep(34)], True),
        ([rep(4000, "nearly"), rep(4000)], True),
        ([rep(25, "about"), rep(30, "more than")], False),
        ([rep(300, "nearly"), rep(300, "more than")], False),
        ([rep(22.4, unit="billion EUR"), rep(22, unit="billion EUR")], True),
        ([rep(612), rep(600)], True),
        ([rep(5.9), rep(6.1)], False),
        ([rep(9, unit="day"), rep(1, unit="week")], False),
        ([rep(None, "vague", low=24), rep(30)], True),
        ([rep(165, "between", low=165, high=180), rep(184)], False),
        ([rep(52), rep(53)], False),  # neighbouring whole numbers do not meet at 52.5
        ([rep(5.9), rep(5.8)], False),
        # a stated decimal shows its precision: "about 87.6%" is not "80%"
        ([rep(87.6, "about", unit="percent"), rep(80, unit="percent")], False),
        ([rep(87.6, "about", unit="percent"), rep(88, unit="percent")], True),
        ([rep(87.6, "nearly", unit="percent"), rep(80, unit="percent")], False),
        # "about" a whole number: a twentieth of it, or one unit of its last non-zero digit
        ([rep(25, "about"), rep(26)], True),
        ([rep(290, "about"), rep(263)], False),
        ([rep(4000, "about"), rep(3950)], True),
        ([rep(12, "up to"), rep(9)], False),  # "as many as 12" against nine: a dispute
        ([rep(120, "up to"), rep(100, "more than")], True),
    ],
)
def test_facts_verdict_intervals(reports, agree):
    assert intervals_agree(reports) is agree


def test_facts_interval_of_a_vague_count_has_no_value_but_a_floor():
    assert report_interval(rep(None, "vague", low=24))[0] == 24
    assert report_interval(rep(None)) is None


def test_facts_same_count_in_other_words_is_one_fact_that_agrees():
    a = art("a", "Storms in the valley killed 12 people on Monday, officials said.")
    b = art("b", "Officials said 12 people died when storms hit the valley on Monday.")
    c = art("c", "The storms that hit the valley on Monday killed at least 12 people.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "12 people")
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}
    assert f.verdict == "agree"
    assert f.about == "people killed"


def test_facts_same_number_of_different_things_stays_apart():
    a = art("a", "The blaze destroyed 3 warehouses near the harbour. Firefighters rescued 3 dogs from the roof.")
    b = art("b", "Firefighters rescued 3 dogs as the blaze destroyed 3 warehouses near the harbour.")
    facts = group_facts([a, b], analyse(a, b))
    dogs = fact_with(facts, "dogs")
    warehouses = fact_with(facts, "warehouses")
    assert dogs.id != warehouses.id
    assert all("dogs" in r.text for r in dogs.reports)


def test_facts_syndicated_copy_counts_once():
    text = "The regional flood displaced 2,300 residents, the agency said."
    a, b = art("a", text), art("b", text)
    facts = group_facts([a, b], analyse(a, b), [Copy(article_id="b", original_id="a", shared=1.0)])
    f = fact_with(facts, "2,300")
    assert len(f.reports) == 2 and f.verdict == "single"
    assert group_facts([a, b], analyse(a, b))[0].verdict == "agree"


def test_facts_copy_run_by_another_outlet_is_a_second_source():
    text = "The regional flood displaced 2,300 residents, the agency said."
    a, b = art("a", text, outlet="Wire Service"), art("b", text, outlet="City Paper")
    copy = [Copy(article_id="b", original_id="a", shared=1.0)]
    assert fact_with(group_facts([a, b], analyse(a, b), copy), "2,300").verdict == "agree"
    c = art("c", text, outlet="Wire Service")
    copy = [Copy(article_id="c", original_id="a", shared=1.0)]
    assert fact_with(group_facts([a, c], analyse(a, c), copy), "2,300").verdict == "single"


def test_facts_one_dimension_told_two_ways_is_one_disputed_fact():
    """Three outlets give 5.9, two give 6.1, in their own words: one magnitude, in dispute."""
    texts = [
        "The earthquake had a magnitude of 5.9, the national seismology centre said on Sunday.",
        "Residents fled their homes after the magnitude 5.9 quake shook the coastal island overnight.",
        "A 5.9-magnitude tremor struck the island early on Sunday, according to state television.",
        "The US Geological Survey measured the quake at magnitude 6.1.",
        "Seismologists abroad put the strength of the tremor at 6.1 on the Richter scale.",
    ]
    arts = [art(k, t, outlet=f"Outlet {k}") for k, t in zip("abcde", texts)]
    facts = group_facts(arts, analyse(*arts))
    f = fact_with(facts, "6.1")
    assert len(f.reports) == 5 and f.verdict == "conflict"
    assert len(facts) == 1


def test_facts_what_befell_people_keeps_equal_counts_apart():
    a = art("a", "Police said 12 people were injured in the clashes near the port.")
    b = art("b", "Officers said 12 people were arrested after the clashes near the port.")
    facts = group_facts([a, b], analyse(a, b))
    assert len([f for f in facts if any("12 people" in r.text for r in f.reports)]) == 2


def test_facts_round_number_allows_rounding_not_a_fifth():
    assert intervals_agree([rep(600), rep(612)])
    assert not intervals_agree([rep(200, unit="million USD"), rep(160, unit="million USD")])


def test_facts_toll_rising_day_by_day_is_an_evolving_conflict():
    a = art("a", "The earthquake in the mountain province killed 40 people, rescuers said.", dt.date(2024, 3, 1), "Outlet A")
    b = art("b", "Rescuers said the earthquake in the mountain province killed 85 people.", dt.date(2024, 3, 2), "Outlet B")
    c = art("c", "The earthquake in the mountain province killed 130 people, rescuers said.", dt.date(2024, 3, 3), "Outlet C")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "85 people")
    assert len(f.reports) == 3
    assert (f.verdict, f.timing) == ("conflict", "evolving")
    assert f.note and f.note.index("Outlet A") < f.note.index("Outlet C") and "2024-03-02" in f.note


def test_facts_two_days_make_an_evolution_only_for_a_growing_count():
    # a toll on two days: an evolution (25 injured on the first day, 30 the next)
    a = art("a", "Clashes in the border town injured 25 soldiers, the army said.", dt.date(2024, 5, 29), "Outlet A")
    b = art("b", "The army said the clashes in the border town injured 30 soldiers.", dt.date(2024, 5, 30), "Outlet B")
    toll = fact_with(group_facts([a, b], analyse(a, b)), "25 soldiers")
    assert (toll.verdict, toll.timing) == ("conflict", "evolving")
    # a length given differently on two days is a disagreement, not a development of the story
    c = art("c", "The bridge over the river in the border town is 450 meters long.", dt.date(2024, 5, 29), "Outlet A")
    d = art("d", "The bridge over the river in the border town is 520 meters long.", dt.date(2024, 5, 30), "Outlet B")
    span = fact_with(group_facts([c, d], analyse(c, d)), "450 meters")
    assert (span.verdict, span.timing) == ("conflict", "contemporaneous")


def test_facts_ids_are_stable_and_ordered():
    a = art("a", "Rescuers freed 7 miners. The collapse trapped 11 workers for 3 days.")
    b = art("b", "The collapse trapped 11 workers for 3 days before rescuers freed 7 miners.")
    first = group_facts([a, b], analyse(a, b))
    second = group_facts([b, a], list(reversed(analyse(a, b))))
    assert [f.to_dict() for f in first] == [f.to_dict() for f in second]
    assert [f.id for f in first] == [str(i) for i in range(1, len(first) + 1)]


@pytest.mark.parametrize("articles", [[], [art("a", "")], [art("a", "No numbers at all, only words.")]])
def test_facts_nothing_to_group(articles):
    assert group_facts(articles, analyse(*articles)) == ()


def test_facts_example_story(example_dir):
    """The founding example: one disputed injury count, and the figures everyone agrees on."""
    articles = [clean_article(RawArticle(id=p.stem, text=p.read_text(encoding="utf-8")))
                for p in sorted(example_dir.glob("*.txt"))]
    facts = group_facts(articles, analyse(*articles))
    injured = fact_with(facts, "at least 30 peacekeepers")
    texts = " | ".join(r.text for r in injured.reports)
    assert "around 25" in texts and "more than 30" in texts
    assert injured.verdict == "conflict" and injured.timing == "contemporaneous"
    for needle in ("700", "4,000", "3.5", "78"):
        f = fact_with(facts, needle)
        assert f.verdict == "agree", (needle, [r.text for r in f.reports])
        assert len({r.article_id for r in f.reports}) >= 2
    assert fact_with(facts, "4,000-strong") is fact_with(facts, "Nearly 4,000")


@pytest.mark.parametrize("text, about", [
    ("Officials said 3.5 percent voter turnout was a record low. Turnout was 3.5 percent, officials said.", "turnout"),
    ("The siege lasted 40 days. After the 40-day siege the town was rebuilt.", "siege (days)"),
    ("At least 12 people were killed in the blast. The blast killed 12 people.", "people killed"),
])
def test_facts_labels_read_as_what_is_measured(text, about):
    a = art("a", text)
    b = art("b", text)
    facts = group_facts([a, b], analyse(a, b))
    assert about in [f.about for f in facts], [f.about for f in facts]


def test_facts_no_injuries_against_a_credited_count_in_one_sentence_is_a_conflict():
    a = art("a", "Police said the crowd dispersed by midnight with no injuries reported "
                 "(a local paper says four people were injured).")
    b = art("b", "No injuries were reported in the clashes, police said on Tuesday.")
    c = art("c", "Officials said no injuries were reported after the crowd dispersed.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "four people")
    assert f.verdict == "conflict"
    assert sorted(r.value for r in f.reports) == [0.0, 0.0, 0.0, 4.0]


def test_facts_close_values_in_two_sentences_of_one_article_are_one_disputed_figure():
    a = art("a", "The club signed the forward to an $82 million deal last summer. "
                 "He turned down rival bids for the club's $80 million offer.")
    b = art("b", "The forward joined the club on a five-year, $80 million contract last summer.")
    c = art("c", "Last summer the club gave the forward a five-year deal worth $80 million.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "$82 million")
    assert f.verdict == "conflict"
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}


def test_facts_two_values_in_one_sentence_without_a_source_between_stay_apart():
    a = art("a", "The club paid $80 million for the forward and $82 million for the goalkeeper.")
    b = art("b", "The forward cost the club $80 million, its record fee.")
    facts = group_facts([a, b], analyse(a, b))
    assert fact_with(facts, "$82 million") is not fact_with(facts, "$80 million")


def test_facts_one_outlet_crediting_two_counts_to_two_sources_reports_a_conflict():
    a = art("a", "Thousands marched through the capital on Sunday. Police put the crowd at 3,000; "
                 "organisers said 10,000 attended.", outlet="Daily Ledger")
    facts = group_facts([a], analyse(a))
    f = fact_with(facts, "3,000")
    assert f is fact_with(facts, "10,000")
    assert f.verdict == "conflict" and f.timing == "contemporaneous" and "3,000" in f.note
    # two counts side by side with no source between them are two quantities, and no dispute
    b = art("b", "Police arrested 12 people and fined 40 others after the march.")
    assert all(f.verdict == "single" for f in group_facts([b], analyse(b)))


def test_facts_ecbplus_dev_floors():
    """Regression floors on the ECB+ dev stories that carry gold facts (ECB+: Cybulska & Vossen 2014, CC BY 3.0)."""
    import importlib.util
    import json

    from conftest import SHARED, corpus_path, corpus_records

    path = corpus_path("ecbplus-dev")
    scorer = SHARED / "eval" / "score.py"
    if not scorer.exists():
        pytest.skip("scorer not available")
    spec = importlib.util.spec_from_file_location("crossread_eval_score", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    gold = [s for s in json.loads((path / "gold.json").read_text(encoding="utf-8")) if s.get("facts")]
    wanted = {i for s in gold for i in s["article_ids"]}
    from crossread.options import CleanOptions

    articles = {r["id"]: clean_article(RawArticle(id=r["id"], text=r["text"], url=r.get("url")), CleanOptions(keep_boilerplate=True))
                for r in corpus_records("ecbplus-dev") if r["id"] in wanted}
    stories = []
    for s in gold:
        arts = [articles[i] for i in s["article_ids"]]
        facts = group_facts(arts, analyse(*arts))
        stories.append({"id": s["story"], "article_ids": s["article_ids"], "facts": [
            {"id": f.id, "verdict": f.verdict, "reports": [{"article_id": r.article_id, "text": r.text, "value": r.value}
                                                           for r in f.reports]} for f in facts]})
    m = score.score(path, {"stories": stories})
    # measured 0.994 / 0.941 / 0.905 / 0.728 / 0.510 (gold stories, no copies)
    assert m["facts.report_recall"] >= 0.98
    assert m["facts.pair_precision"] >= 0.93
    assert m["facts.pair_recall"] >= 0.895
    assert m["facts.verdict_accuracy"] >= 0.71
    assert m["facts.conflict_recall"] >= 0.48


def test_facts_lone_report_joins_the_quantity_it_reads_like():
    # three outlets give the older son's age as 15; a fourth, in other words and on another day, says 16:
    # alone after the clustering passes, it joins the group it is most like and makes a conflict
    arts = [
        art("a", "Deputy Luis Reyes was shot dead on Friday. The officer is survived by his wife and two sons, ages 7 and 15."),
        art("b", "Reyes, a deputy for 12 years, was killed on Friday. He leaves behind two sons, ages 7 and 15, and his wife."),
        art("c", "Deputy Luis Reyes died on Friday. The deputy's two sons, ages 15 and 7, attended the vigil."),
        art("d", "Deputy Luis Reyes was buried on Tuesday. His 16-year-old son Marcus Reyes spoke at the service."),
    ]
    facts = group_facts(arts, analyse(*arts))
    older = fact_with(facts, "16-year-old")
    assert older.verdict == "conflict"
    assert sorted((r.article_id, r.value) for r in older.reports) == [("a", 15), ("b", 15), ("c", 15), ("d", 16)]
    # the lone "12 years" (service, not an age) stays alone
    assert fact_with(facts, "12 years").verdict == "single"
    # switched off, the lone report stays a fact of its own
    from crossread.reconcile.facts import FactWeights
    apart = group_facts(arts, analyse(*arts), weights=FactWeights(attach_threshold=1.0))
    assert fact_with(apart, "16-year-old").verdict == "single"


def test_facts_lone_report_does_not_join_a_group_counting_another_thing():
    arts = [
        art("a", "The minister visited two Balkan countries this week. The two countries signed a deal."),
        art("b", "The country has suffered two mass shootings in as many days, police said."),
        art("c", "Police said the two mass shootings shocked the country."),
    ]
    facts = group_facts(arts, analyse(*arts))
    shootings = fact_with(facts, "mass shootings")
    assert {r.article_id for r in shootings.reports} == {"b", "c"}


def test_facts_an_article_giving_two_values_splits_a_mixed_group_by_value():
    # two quantities that read alike (a season's total and a part of it); article b gives both,
    # so the group that holds them is two facts, each agreed, not one disputed figure
    arts = [
        art("a", "Ortega batted .310 with 22 homers and 90 RBIs last season for the Hawks and the Owls."),
        art("b", "Ortega batted .310 with 22 homers and 90 RBIs last season. He hit 30 homers for the Owls."),
        art("c", "Last season Ortega batted .310 with 30 homers and 90 RBIs for the Hawks and the Owls."),
        art("d", "Ortega batted .310 with 30 homers and 90 RBIs last season for the Hawks and the Owls."),
    ]
    facts = group_facts(arts, analyse(*arts))
    homers = sorted((sorted((r.article_id, r.value) for r in f.reports), f.verdict) for f in facts
                    if any("homers" in r.text for r in f.reports))
    assert homers == [([("a", 22), ("b", 22)], "agree"), ([("b", 30), ("c", 30), ("d", 30)], "agree")]
    from crossread.reconcile.facts import FactWeights
    mixed = [f for f in group_facts(arts, analyse(*arts), weights=FactWeights(split_mixed=False))
             if any("homers" in r.text for r in f.reports)]
    assert [f.verdict for f in mixed] == ["conflict"]


def test_facts_an_article_setting_two_values_against_each_other_keeps_the_dispute():
    arts = [
        art("a", "The national centre put the quake's magnitude at 5.8, but the US survey said it was 6.2."),
        art("b", "The quake had a magnitude of 5.8, the national centre said."),
        art("c", "The US survey said the quake had a magnitude of 6.2."),
    ]
    facts = group_facts(arts, analyse(*arts))
    quake = fact_with(facts, "6.2")
    assert quake.verdict == "conflict"
    assert sorted((r.article_id, r.value) for r in quake.reports) == [("a", 5.8), ("a", 6.2), ("b", 5.8), ("c", 6.2)]


def test_facts_label_an_age_with_the_person_it_belongs_to_and_units_in_plain_plural():
    from crossread.analyse.entities import find_entities

    arts = [art("a", "Police arrested Marco Delgado, 27, on Friday. He was held without bail."),
            art("b", "Marco Delgado, 29, was arrested on Friday, police said."),
            art("c", "The old bridge is 450 feet long, engineers said."),
            art("d", "Engineers said the old bridge was 450 feet long.")]
    analyses = [ArticleAnalysis(article_id=a.id, figures=find_figures(a), entities=find_entities(a)) for a in arts]
    facts = group_facts(arts, analyses)
    assert fact_with(facts, "27").about == "age of Marco Delgado"
    assert "feet" in fact_with(facts, "450 feet").about
    # without the entities the label stays plain: a capitalised word near a figure is no name by itself
    assert fact_with(group_facts(arts, analyse(*arts)), "27").about == "age"


def test_facts_an_age_given_with_she_belongs_to_the_person_the_article_is_about():
    # neither sentence names her: "she" is the singer each article is about, so 41 and 42 are one
    # disputed age, not two ages of nobody
    from crossread.analyse.entities import find_entities

    arts = [art("a", "Singer Rosa Lindqvist died on Monday. Lindqvist recorded nine albums. "
                     "She said that, at 41, her touring days were over."),
            art("b", "Rosa Lindqvist, the singer, has died. Lindqvist was loved in Sweden. "
                     "She left the stage when she retired at the age of 42, friends recalled.")]
    analyses = [ArticleAnalysis(article_id=a.id, figures=find_figures(a), entities=find_entities(a)) for a in arts]
    age = fact_with(group_facts(arts, analyses), "41")
    assert sorted(r.value for r in age.reports) == [41, 42]
    assert age.verdict == "conflict"


def test_facts_a_list_of_ages_pairs_each_person_by_rank_and_keeps_other_lists_apart():
    # the younger girl is 5 or 7, the older 9 or 11; the sons' 5 is nobody's account of a girl's age
    arts = [art("a", "Two girls, ages 5 and 9, watched from the porch as the deputy was shot on Friday."),
            art("b", "On Friday the deputy was shot as two sisters, 7- and 11-year-old girls, watched from the porch."),
            art("c", "The deputy, shot dead on Friday, leaves two sons, ages 5 and 14.")]
    facts = group_facts(arts, analyse(*arts))
    younger, older = fact_with(facts, "ages 5"), fact_with(facts, "and 9")
    assert sorted((r.article_id, r.value) for r in younger.reports) == [("a", 5), ("b", 7)]
    assert sorted((r.article_id, r.value) for r in older.reports) == [("a", 9), ("b", 11)]
    assert younger.verdict == older.verdict == "conflict"
    assert all(r.article_id == "c" for r in fact_with(facts, "and 14").reports)


def test_facts_each_outlet_crediting_both_sides_of_a_count_reports_one_disputed_count():
    # every article gives the union's figure and the company's, each in a sentence of its own with its
    # source beside it: one disputed count of strikers; the firm's own 7,800 staff are another quantity
    arts = [art("a", "The dockers' union said more than 4,000 workers joined the strike at the port on Monday. "
                     "The port operator spoke of about 1,500 of its 7,800 workers on strike at the port."),
            art("b", "More than 4,000 workers joined the port strike on Monday, according to the union. "
                     "The operator claimed only 1,500 workers joined the port strike."),
            art("c", "The union said more than 4,000 workers were on strike at the port on Monday. "
                     "The operator put the number of workers on strike at the port at about 1,500.")]
    facts = group_facts(arts, analyse(*arts))
    strikers = fact_with(facts, "4,000 workers")
    assert sorted(r.value for r in strikers.reports) == [1500, 1500, 1500, 4000, 4000, 4000]
    assert strikers.verdict == "conflict"
    assert 7800 not in [r.value for r in strikers.reports]


def test_facts_a_body_s_own_headcount_is_no_account_of_how_many_of_them_acted():
    # "Norvik's 5,200 employees" is the firm's size; the strikers are another count, however close
    arts = [art("a", "Norvik's 5,200 employees were told of the strike plans on Monday."),
            art("b", "More than 4,800 employees joined the strike at Norvik on Monday."),
            art("c", "About 4,800 employees were on strike at Norvik on Monday, the union said."),
            art("d", "The strike at Norvik, whose 5,200 employees were told of it on Monday, began.")]
    facts = group_facts(arts, analyse(*arts))
    strikers, size = fact_with(facts, "4,800"), fact_with(facts, "5,200")
    assert strikers is not size
    assert (strikers.verdict, size.verdict) == ("agree", "agree")


def test_facts_a_duration_an_article_repeats_joins_the_one_it_names():
    # "For twelve hours" names nothing that lasted, but its article names the 12-hour stand-off
    arts = [art("a", "For twelve hours on Friday, a cashier lay on the floor of the shop. "
                     "She said the gunman apologised throughout the 12-hour stand-off."),
            art("b", "Police ended a stand-off that had lasted nearly 13 hours at a shop on Friday.")]
    facts = group_facts(arts, analyse(*arts))
    standoff = fact_with(facts, "12-hour")
    assert sorted((r.article_id, r.value) for r in standoff.reports) == [("a", 12), ("a", 12), ("b", 13)]


def test_facts_the_age_a_person_will_turn_is_another_quantity_than_the_age_now():
    # "will turn 31 in May" is no dispute with "Ferreira, 30": two facts, each agreed
    arts = [
        art("a", "The club signed Ferreira, 30, on a three-year deal on Monday."),
        art("b", "Ferreira, 30, signed a three-year deal with the club on Monday."),
        art("c", "Ferreira, who will turn 31 in May, signed a three-year deal on Monday."),
        art("d", "The midfielder turns 31 in May and signed a three-year deal on Monday."),
    ]
    facts = group_facts(arts, analyse(*arts))
    now, coming = fact_with(facts, "30"), fact_with(facts, "31")
    assert now.id != coming.id
    assert (now.verdict, coming.verdict) == ("agree", "agree")
    assert sorted(r.article_id for r in now.reports) == ["a", "b"]
    assert sorted(r.article_id for r in coming.reports) == ["c", "d"]
    assert coming.about == "age to come"


def test_facts_lone_contradicting_report_needs_more_likeness_to_join():
    # a lone report whose value contradicts the group it reads like clears a higher bar than one that
    # agrees with it: joining turns agreeing sources into a dispute
    from crossread.reconcile.facts import FactWeights

    arts = [
        art("a", "Deputy Luis Reyes was shot dead on Friday. The officer is survived by his wife and two sons, ages 7 and 15."),
        art("b", "Reyes, a deputy for 12 years, was killed on Friday. He leaves behind two sons, ages 7 and 15, and his wife."),
        art("c", "Deputy Luis Reyes died on Friday. The deputy's two sons, ages 15 and 7, attended the vigil."),
        art("d", "Deputy Luis Reyes was buried on Tuesday. His 16-year-old son Marcus Reyes spoke at the service."),
        art("e", "Deputy Luis Reyes was buried on Tuesday. His 15-year-old son Marcus Reyes spoke at the service."),
    ]
    strict = FactWeights(attach_conflict_threshold=1.0)
    facts = group_facts(arts, analyse(*arts), weights=strict)
    assert fact_with(facts, "16-year-old").verdict == "single"
    # the same words with the agreeing value still join
    older = fact_with(facts, "15-year-old")
    assert older.verdict == "agree"
    assert sorted(r.article_id for r in older.reports) == ["a", "b", "c", "e"]
    # at the default bar this one reads enough alike to join as a dispute
    assert fact_with(group_facts(arts[:4], analyse(*arts[:4])), "16-year-old").verdict == "conflict"


def test_facts_an_article_giving_a_close_value_again_in_another_sentence_joins_the_dispute():
    # article c's first sentence gives $62 million for one signing and $60 million for two others (two
    # quantities); its later "$60 million offer" is the signing again, worded as the others word it
    arts = [
        art("a", "The Hawks signed Daniel Okafor to a five-year, $60 million contract on Monday."),
        art("b", "Okafor agreed to a five-year deal worth $60 million with the Hawks on Monday."),
        art("c", "The Hawks signed Okafor to a $62 million deal and kept two veterans for $60 million in total. "
                 "Okafor chose the Hawks' $60 million offer over two other clubs."),
    ]
    facts = group_facts(arts, analyse(*arts))
    deal = fact_with(facts, "$62 million")
    assert deal.verdict == "conflict"
    assert {("a", 60), ("b", 60), ("c", 62)} <= {(r.article_id, r.value) for r in deal.reports}


def test_facts_a_name_opening_a_sentence_before_a_bracketed_record_is_its_subject():
    # "Varga (31-2) won": the capitalised word opening the sentence is the person, not a sentence opener
    from crossread.analyse.entities import find_entities

    arts = [art("a", "Former champion Tomas Varga returned to the ring on Saturday. Varga (31-2) won on points."),
            art("b", "Tomas Varga won on points on Saturday. Varga (31-2) had not fought in two years.")]
    analyses = [ArticleAnalysis(article_id=a.id, figures=find_figures(a), entities=find_entities(a)) for a in arts]
    facts = group_facts(arts, analyses)
    assert sorted(f.about for f in facts if any(r.text == "31-2" for r in f.reports)) == [
        "losses of Tomas Varga", "wins of Tomas Varga"]


def test_facts_a_reported_figure_is_no_credited_side_of_a_dispute():
    # article c gives $150 million for one club and "the reported ... $120 million offer" of another:
    # "reported" after a determiner describes the figure and credits no source, so the mixed group
    # splits by value; credited in both sentences, the two values stay one dispute
    def stories(second: str) -> list:
        return [
            art("a", "The Hawks made Okafor an eight-year, $120 million offer, a radio host reported on Monday."),
            art("b", "Okafor has an eight-year, $120 million offer from the Hawks, the radio host reported."),
            art("c", "The Hawks made Okafor an eight-year, $150 million offer, a radio host reported on Monday. " + second),
            art("d", "The Owls made Okafor an eight-year, $120 million offer on Friday."),
        ]

    arts = stories("That tops the reported eight-year, $120 million offer by the Owls.")
    facts = group_facts(arts, analyse(*arts))
    assert fact_with(facts, "$150 million").verdict == "single"
    assert sorted(r.article_id for r in fact_with(facts, "$120 million").reports) == ["a", "b", "c", "d"]
    arts = stories("But the Owls said their eight-year, $120 million offer was the best on the table.")
    assert fact_with(group_facts(arts, analyse(*arts)), "$150 million").verdict == "conflict"


def test_facts_a_count_of_two_kinds_together_is_not_a_count_of_one():
    # "420 passengers and crew" counts both kinds: "246 passengers" is another quantity, no dispute
    arts = [
        art("a", "The liner Aurora evacuated some 420 passengers and crew from the port on Monday."),
        art("b", "Officials said the liner Aurora evacuated some 420 passengers and crew on Monday."),
        art("c", "The liner Aurora said it would fly its 246 passengers over the strait instead."),
    ]
    facts = group_facts(arts, analyse(*arts))
    both = fact_with(facts, "420")
    assert both.verdict == "agree"
    assert all(r.value == 420 for r in both.reports)
    assert fact_with(facts, "246").verdict == "single"


def test_facts_magnitudes_a_few_points_apart_are_two_quakes():
    # on a logarithmic scale 3.8 is no disputed 6.4, though within a factor of two of it; 6.1 is
    arts = [
        art("a", "A 6.4-magnitude quake struck the town of Varno on Tuesday, officials said."),
        art("b", "A magnitude-6.4 quake rocked Varno on Tuesday, the seismological centre said."),
        art("c", "The seismological centre registered a quake measuring 3.8 on the Richter scale near Varno."),
    ]
    facts = group_facts(arts, analyse(*arts))
    assert fact_with(facts, "6.4").verdict == "agree"
    assert fact_with(facts, "3.8").verdict == "single"
    arts[2] = art("c", "The seismological centre registered a quake measuring 6.1 on the Richter scale near Varno.")
    facts = group_facts(arts, analyse(*arts))
    assert fact_with(facts, "6.1").verdict == "conflict"



def test_facts_vague_accounts_join_the_count_they_fit_not_one_they_do_not():
    a = art("a", "Dozens of police officers have been injured in violent clashes with protesters in the port.")
    b = art("b", "At least 30 police officers were injured on Sunday, the ministry said.")
    c = art("c", "Around 25 police officers were hurt in Sunday's riot, officials said.")
    d = art("d", "Hundreds of police officers were deployed to the port after the riot on Sunday.")
    facts = group_facts([a, b, c, d], analyse(a, b, c, d))
    injured = fact_with(facts, "At least 30")
    assert {r.article_id for r in injured.reports} == {"a", "b", "c"}
    assert injured.verdict == "conflict"
    assert fact_with(facts, "Hundreds").id != injured.id


def test_facts_the_same_vague_amount_in_two_outlets_agrees():
    a = art("a", "NATO is sending more troops after clashes on Monday left dozens injured on both sides.")
    b = art("b", "The alliance will deploy extra forces after Monday's violence, which left dozens injured.")
    facts = group_facts([a, b], analyse(a, b))
    f = fact_with(facts, "dozens")
    assert {r.article_id for r in f.reports} == {"a", "b"}
    assert f.verdict == "agree"


def test_facts_bare_counts_under_one_verb_dispute_and_a_share_of_one_stays_apart():
    a = art("a", "The quake on the island killed ten people and injured 80, the governor said. "
                 "He said 30 of the 80 wounded were still in hospital.")
    b = art("b", "The quake on the island killed ten people and injured 80.")
    c = art("c", "Officials said the island quake killed ten and left 50 injured.")
    d = art("d", "At least 50 were injured, state television said, and the quake on the island damaged 50 schools.")
    facts = group_facts([a, b, c, d], analyse(a, b, c, d))
    injured = fact_with(facts, "injured 80")
    assert {r.text for r in injured.reports} >= {"injured 80", "50 injured", "At least 50"}
    assert injured.verdict == "conflict"
    assert fact_with(facts, "30").id != injured.id


def test_facts_what_befalls_people_befalls_no_thing():
    # "five hurt" counts people; "five villages damaged" counts villages: one value, two quantities
    a = art("a", "Quake hits island, five hurt. The quake struck the island on Sunday, officials said.")
    b = art("b", "On the island, homes in five villages had been damaged by the quake, officials said.")
    c = art("c", "The quake damaged seven villages on the island, officials said on Sunday.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    hurt, villages = fact_with(facts, "five hurt"), fact_with(facts, "five villages")
    assert hurt is not villages
    # the villages are one disputed count
    assert any("seven villages" in r.text for r in villages.reports) and villages.verdict == "conflict"


def test_facts_a_part_of_a_count_is_no_rival_figure():
    # "of whom eight", "17 of the injured": parts of the injured, not other counts of them
    a = art("a", "Thirty people were wounded in the crash, of whom eight gravely, police said.")
    b = art("b", "Police said 31 people were injured. 17 of the injured were taken to St Agnes Hospital.")
    facts = group_facts([a, b], analyse(a, b))
    total = fact_with(facts, "Thirty people")
    assert {r.text for r in total.reports} == {"Thirty people", "31 people"}
    assert fact_with(facts, "eight") is not total and fact_with(facts, "17") is not total


def test_facts_the_earlier_state_of_a_change_is_the_counts_past_and_rules_out_no_rival_account():
    # two outlets give the new rate and the old one; a third gives another new rate: one rate, its
    # past (6.5%) and a dispute over its present (7.1% against 7.3%)
    a = art("a", "Unemployment in the region rose to 7.1% from 6.5% in March, the statistics office said.")
    b = art("b", "Regional unemployment climbed to 7.1 percent in March, up from 6.5 percent in February.")
    c = art("c", "The jobless rate in the region hit 7.3% in March, the statistics office said on Monday.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    rate = fact_with(facts, "7.3%")
    assert sorted(r.value for r in rate.reports) == [6.5, 6.5, 7.1, 7.1, 7.3] and rate.verdict == "conflict"
    assert rate.timing == "contemporaneous"  # 7.1% against 7.3% is a dispute, whatever the rate was before


def test_facts_a_change_told_only_as_its_two_states_is_one_rate_that_moved():
    # no outlet gives the old rate as current: it is still the rate's past, shown as its evolution
    a = art("a", "The central bank raised its main rate to 4.25% from 3.75%, it said.", dt.date(2026, 3, 5), "Ledger")
    b = art("b", "On Thursday the central bank raised its main rate by half a point, from 3.75% to 4.25%.",
            dt.date(2026, 3, 5), "Post")
    c = art("c", "The main rate now stands at 4.25%.", dt.date(2026, 3, 6), "Wire")
    facts = group_facts([a, b, c], analyse(a, b, c))
    rate = fact_with(facts, "3.75%")
    assert sorted(r.value for r in rate.reports) == [3.75, 3.75, 4.25, 4.25, 4.25]
    assert rate.verdict == "conflict" and rate.timing == "evolving" and rate.note.index("3.75%") < rate.note.index("4.25%")


def test_facts_a_planned_change_leaves_the_current_value_another_quantity():
    # "wants to raise the age from 63 to 66": 63 is still the age, 66 the one planned
    a = art("a", "The government wants to raise the retirement age from 63 to 66 by 2035.", dt.date(2026, 4, 1), "Ledger")
    b = art("b", "The reform would raise the pension age to 66 from 63 over eight years.", dt.date(2026, 4, 1), "Post")
    c = art("c", "Unions say the planned retirement age of 66 is too high.", dt.date(2026, 4, 2), "Wire")
    facts = group_facts([a, b, c], analyse(a, b, c))
    assert sorted(r.value for r in fact_with(facts, "66").reports) == [66, 66, 66]
    assert all(r.value == 63 for r in fact_with(facts, "63").reports)


def _toll_story():
    a = art("a", "Three workers were killed when a boiler blew apart at the Dunmore paint factory on Tuesday evening. "
                 "About 30 people were hurt, and 200 residents were moved out of nearby streets. The plant employs "
                 "400 staff.", dt.date(2026, 3, 10), "Gazette")
    b = art("b", "Two more employees died in hospital on Wednesday, bringing the number killed in the Dunmore blast to "
                 "five. Investigators from the safety agency arrived at the site, which makes resins for 12 countries.",
            dt.date(2026, 3, 11), "Wire")
    c = art("c", "The Dunmore factory disaster has now claimed seven lives, police confirmed on Thursday. Union leaders "
                 "said staff had raised concerns about the boiler 14 times in two years.", dt.date(2026, 3, 12), "Courier")
    return [a, b, c]


def test_facts_a_toll_that_rises_day_by_day_is_one_fact_that_evolves():
    arts = _toll_story()
    facts = group_facts(arts, analyse(*arts))
    toll = fact_with(facts, "Three workers")
    assert sorted(r.value for r in toll.reports) == [3, 5, 7]
    assert toll.verdict == "conflict" and toll.timing == "evolving"
    assert toll.note.index("2026-03-10") < toll.note.index("2026-03-11") < toll.note.index("2026-03-12")
    # "two more died" is what was added to the toll, not a rival count of it
    assert [r.value for r in fact_with(facts, "Two more").reports] == [2]


def test_facts_families_are_a_kind_of_their_own_not_people():
    from crossread.reconcile.facts import counted_kind
    kinds = {r.text: counted_kind(r) for r in find_figures(art("a", "The plant employs 650 people and 40 employees; "
                                                                     "shelters were found for about 400 families."))}
    assert kinds["650 people"] == kinds["40 employees"] != kinds["about 400 families"]


def test_facts_a_count_of_the_dead_is_no_distance_and_families_are_not_people():
    a = art("a", "The number of people killed in the Dunmore blast rose to five on Wednesday. The plant employs "
                 "650 people.", dt.date(2026, 3, 11), "Wire")
    b = art("b", "People within 5 kilometres of the Dunmore plant were told to leave. The plant employs 650 people, "
                 "and shelters were found for about 400 families.", dt.date(2026, 3, 11), "Post")
    facts = group_facts([a, b], analyse(a, b))
    assert [r.text for r in fact_with(facts, "5 kilometres").reports] == ["5 kilometres of the Dunmore plant"]
    staff = fact_with(facts, "650 people")
    assert staff.verdict == "agree" and all(r.value == 650 for r in staff.reports)


def test_facts_percentages_that_measure_unlike_things_stay_apart():
    a = art("a", "Defence spending will rise to 2.5 percent of GDP next year. The health budget increases by 6 percent "
                 "to 58 billion crowns.", dt.date(2026, 10, 14), "Standard")
    b = art("b", "The plan lifts defence spending to 2.5% of GDP. Health spending grows 6 percent.",
            dt.date(2026, 10, 14), "Herald")
    c = art("c", "Bond markets took the plan calmly. The ten-year yield stood at 3.42 percent, flat on the day.",
            dt.date(2026, 10, 14), "Business Daily")
    facts = group_facts([a, b, c], analyse(a, b, c))
    assert [r.text for r in fact_with(facts, "3.42").reports] == ["3.42 percent"]
    assert fact_with(facts, "2.5% of GDP").verdict == "agree" and fact_with(facts, "6 percent").verdict == "agree"


def test_facts_two_roles_of_people_are_two_quantities():
    # "more than 100 firefighters" agrees in value with the 120 workers, but firefighters are not workers:
    # it is the third, rival account of the firefighters
    a = art("a", "A fire broke out at the Selwick paper mill on Monday. About 120 workers were on shift when it "
                 "started. Some 80 firefighters fought the flames.", dt.date(2026, 5, 4), "Gazette")
    b = art("b", "Around 80 firefighters were sent to the Selwick paper mill on Monday. 120 workers were on the "
                 "night shift.", dt.date(2026, 5, 4), "Wire")
    c = art("c", "More than 100 firefighters were sent to the Selwick paper mill.", dt.date(2026, 5, 4), "Post")
    facts = group_facts([a, b, c], analyse(a, b, c))
    crews = fact_with(facts, "More than 100 firefighters")
    assert sorted(r.value for r in crews.reports) == [80, 80, 100] and crews.verdict == "conflict"
    assert sorted(r.value for r in fact_with(facts, "About 120 workers").reports) == [120, 120]


def test_facts_two_credited_estimates_in_two_sentences_are_one_disputed_count():
    # one outlet sets organisers against police in one sentence: a dispute; the outlets that credit each
    # figure in a sentence of its own give both sides of it (not two quantities), and a third outlet's
    # "more than 100,000" (inside the disputed range) is a third account of it
    a = art("a", "The union, which organised the march, said 110,000 people took part. Police put the figure "
                 "at 35,000.", dt.date(2026, 6, 2), "Wire")
    b = art("b", "Organisers said 110,000 people marched through Carvel. Police estimated the crowd at 35,000.",
            dt.date(2026, 6, 2), "Post")
    c = art("c", "More than 100,000 people marched through Carvel on Tuesday.", dt.date(2026, 6, 2), "Daily")
    d = art("d", "Organisers said 110,000 people joined the march in Carvel; police gave a figure of 35,000.",
            dt.date(2026, 6, 2), "Gazette")
    facts = group_facts([a, b, c, d], analyse(a, b, c, d))
    crowd = fact_with(facts, "35,000")
    assert sorted(r.value for r in crowd.reports) == [35000, 35000, 35000, 100000, 110000, 110000, 110000]
    assert crowd.verdict == "conflict"


def test_facts_company_and_union_figures_for_job_cuts_are_one_disputed_quantity():
    a = art("a", "Brennick says about 1,850 positions will go. The union says its documents point to 3,200 job "
                 "cuts.", dt.date(2026, 6, 2), "Ledger")
    b = art("b", "Brennick said around 1,850 jobs would go. The union says the real figure is 3,200.",
            dt.date(2026, 6, 2), "Echo")
    c = art("c", "Brennick plans to cut 1,850 jobs across the group, it said on Monday.", dt.date(2026, 6, 2), "Wire")
    facts = group_facts([a, b, c], analyse(a, b, c))
    cuts = fact_with(facts, "1,850 positions")
    assert sorted(r.value for r in cuts.reports) == [1850, 1850, 1850, 3200, 3200] and cuts.verdict == "conflict"


def _custody_story() -> list[Article]:
    return [
        art("a", "Police in Tarnow arrested 23 people after clashes at the docks on Monday night, officers said.",
            dt.date(2026, 3, 10), "Harbour Post"),
        art("b", "At least 23 people were detained during the dock clashes in Tarnow, police said on Tuesday.",
            dt.date(2026, 3, 11), "Tarnow Daily"),
        art("c", "Police said on Wednesday that 41 people were now in custody, up from 23 on Monday, after the dock "
                 "clashes in Tarnow.", dt.date(2026, 3, 12), "Coast Radio"),
        art("d", "A police spokesman said 41 people had been arrested in Tarnow since the dock clashes began.",
            dt.date(2026, 3, 13), "River News"),
    ]


def test_facts_an_article_giving_the_earlier_and_current_count_joins_the_two_days_into_one_fact():
    arts = _custody_story()
    facts = group_facts(arts, analyse(*arts))
    arrests = fact_with(facts, "41 people")
    assert sorted((r.article_id, r.value) for r in arrests.reports) == [
        ("a", 23), ("b", 23), ("c", 23), ("c", 41), ("d", 41)]
    assert (arrests.verdict, arrests.timing) == ("conflict", "evolving")
    # the earlier state stands before its own article's date; one value over several days is one step
    assert arrests.note.count("→") == 1 and "Coast Radio, before 2026-03-12" in arrests.note
    assert arrests.note.index("before 2026-03-12") < arrests.note.index("River News")


def test_facts_an_earlier_state_no_other_outlet_gives_is_the_counts_past():
    arts = _custody_story()[2:]
    facts = group_facts(arts, analyse(*arts))
    custody = fact_with(facts, "41 people")
    assert [(r.article_id, r.value) for r in custody.reports] == [("c", 41), ("c", 23), ("d", 41)]
    assert custody.verdict == "conflict" and custody.timing == "evolving"


def test_facts_an_earlier_state_in_another_year_is_another_quantity():
    a = art("a", "Turnout was 61.4 percent, up from 54.6 percent in 2021, the electoral commission said.",
            dt.date(2025, 6, 2), "Ardel Times")
    b = art("b", "Turnout was 61.4 percent, the electoral commission said, the highest in a decade.",
            dt.date(2025, 6, 2), "Vesk Radio")
    c = art("c", "In 2021 turnout had been 54.6 percent, the electoral commission said.", dt.date(2025, 6, 3), "North Post")
    facts = group_facts([a, b, c], analyse(a, b, c))
    assert fact_with(facts, "61.4 percent").verdict == "agree"
    assert sorted(r.value for r in fact_with(facts, "61.4 percent").reports) == [61.4, 61.4]


def test_facts_a_toll_that_had_stood_at_an_earlier_figure_is_one_count_that_rose():
    a = art("a", "At least 14 people were killed when the ferry capsized off Ostrel, the coastguard said.",
            dt.date(2025, 3, 11), "Coast Post")
    b = art("b", "The ferry disaster off Ostrel has killed 14 people, the coastguard said.", dt.date(2025, 3, 11), "Gazette")
    c = art("c", "The death toll from the ferry disaster off Ostrel rose to 21, the coastguard said. Divers searched the "
                 "hull overnight. On Tuesday the official toll had stood at 14.", dt.date(2025, 3, 12), "Herald")
    d = art("d", "The coastguard said the death toll from the ferry disaster off Ostrel has risen to 21.",
            dt.date(2025, 3, 12), "Radio East")
    facts = group_facts([a, b, c, d], analyse(a, b, c, d))
    toll = fact_with(facts, "21")
    assert sorted(r.value for r in toll.reports) == [14, 14, 14, 21, 21]
    assert (toll.verdict, toll.timing) == ("conflict", "evolving")


def test_facts_one_sentence_giving_two_values_without_crediting_them_keeps_two_quantities():
    a = art("a", "Brenner scored 19 league goals in 31 appearances for Haldon last season, and 22 in all competitions.")
    b = art("b", "Brenner, who scored 22 goals in all competitions for Haldon last season, signed on Monday.")
    c = art("c", "Brenner played 31 matches for Haldon last season and signed on Monday.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    assert sorted(r.value for r in fact_with(facts, "31 appearances").reports) == [31, 31]
    assert fact_with(facts, "22 goals").verdict == "agree"


def test_facts_a_count_of_the_dead_is_no_account_of_people_in_a_role():
    a = art("a", "At least 14 people were killed when the ferry Alna capsized off Brevik, the coastguard said. "
                 "The ferry carried 230 passengers and 15 crew.")
    b = art("b", "The Alna carried 230 passengers and 15 crew members when it capsized off Brevik. The coastguard "
                 "said 14 people were killed.")
    # the tabloid's own toll cannot join the official one (it gives both), and must not fall into the crew
    c = art("c", "SEVENTEEN people are dead after the ferry Alna flipped over off Brevik. The Flash can reveal the "
                 "true toll is already higher than the official figure of 14. Divers searched the hull overnight.")
    d = art("d", "The ferry Alna, with 15 crew on board, capsized off Brevik on Monday night, the coastguard said.")
    facts = group_facts([a, b, c, d], analyse(a, b, c, d))
    crew = fact_with(facts, "15 crew members")
    assert sorted(r.article_id for r in crew.reports) == ["a", "b", "d"] and crew.verdict == "agree"


def test_facts_an_area_that_grows_day_by_day_is_one_evolving_fact_whatever_the_ratio():
    # each day's figures agree ("more than 7,000" allows 11,860) and the days rise: one area, burning
    a = art("a", "A wildfire broke out in the Orla hills on Tuesday, burning 3,200 hectares of pine forest and "
                 "farmland.", dt.date(2025, 7, 15), "Wire")
    b = art("b", "The Orla fire had burned 7,450 hectares by Wednesday evening, according to the civil protection "
                 "agency.", dt.date(2025, 7, 16), "Chronicle")
    c = art("c", "INFERNO: more than 7,000 hectares of the Orla hills are now ash, and locals fear the worst.",
            dt.date(2025, 7, 17), "Rattle")
    d = art("d", "Latest satellite assessment from the agency: 11,860 hectares burned in the Orla hills.",
            dt.date(2025, 7, 17), "Live")
    e = art("e", "The blaze in the Orla hills has destroyed nearly 12,000 hectares, the agency said on Thursday.",
            dt.date(2025, 7, 17), "Sentinel")
    facts = group_facts([a, b, c, d, e], analyse(a, b, c, d, e))
    area = fact_with(facts, "7,450 hectares")
    assert sorted(r.value for r in area.reports) == [3200, 7000, 7450, 11860, 12000]
    assert (area.verdict, area.timing) == ("conflict", "evolving")


def test_facts_shots_fired_and_shots_that_hit_are_two_facts_each_with_its_dispute():
    # "shot 14 times" counts hits: it disputes the hits, not the 14 shots fired
    a = art("a", "Deputies fired 14 shots at the van on Orchard Road. An autopsy showed nine bullets hit the driver, "
                 "Lee Dorran.")
    b = art("b", "Lee Dorran, 19, was shot 14 times after deputies stopped his van on Orchard Road, his family said.")
    c = art("c", "Officials said the deputies fired 12 rounds on Orchard Road and that six bullets struck Lee Dorran.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    fired, hit = fact_with(facts, "14 shots"), fact_with(facts, "nine bullets")
    assert fired is not hit
    assert sorted((r.article_id, r.value) for r in fired.reports) == [("a", 14), ("c", 12)]
    assert sorted((r.article_id, r.value) for r in hit.reports) == [("a", 9), ("b", 14), ("c", 6)]
    assert fired.verdict == hit.verdict == "conflict"


def test_facts_a_term_and_the_time_served_are_two_facts():
    # "paroled after five years" is the time served, whatever the term: it does not join a five-year term
    a = art("a", "Marlow was sentenced to eight years in 1994 for the Harlan robbery and was paroled after five years.")
    b = art("b", "Marlow served five years of his sentence for the Harlan robbery, his lawyer said.")
    c = art("c", "Court records show Marlow was sentenced to five years for the Harlan robbery.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    term, served = fact_with(facts, "eight years"), fact_with(facts, "five years of")
    assert term is not served
    assert sorted((r.article_id, r.value) for r in term.reports) == [("a", 8), ("c", 5)] and term.verdict == "conflict"
    assert sorted(r.article_id for r in served.reports) == ["a", "b"] and served.verdict == "agree"


def test_facts_a_duration_joins_another_that_names_what_lasted():
    # no verb is shared, but "the 15-hour siege" names what lasted, and the other sentence is about the siege
    a = art("a", "Police stormed the bank at dawn and freed the last hostages, ending a siege that had lasted "
                 "nearly 15 hours.")
    b = art("b", "The cashier said the staff were kept behind the counter throughout the 14-hour siege.")
    c = art("c", "The bank will stay closed for three days, its manager said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    siege = fact_with(facts, "14-hour siege")
    assert sorted(r.article_id for r in siege.reports) == ["a", "b"] and siege.verdict == "agree"


def test_facts_an_outlet_setting_its_count_against_the_official_figure_reports_one_disputed_toll():
    # article b gives its own toll and the official one in two sentences: two accounts of one count
    a = art("a", "At least 9 people were killed when the bridge collapsed on Monday, officials said.")
    b = art("b", "ELEVEN people are dead after the bridge collapsed on Monday. "
                 "The real toll is higher than the official figure of 9, hospital staff say.")
    c = art("c", "Eleven people were killed in the bridge collapse, the regional governor said on Tuesday.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "ELEVEN people")
    assert f.verdict == "conflict"
    assert sorted(r.value for r in f.reports) == [9.0, 9.0, 11.0, 11.0]


def test_facts_a_figure_a_source_concedes_and_the_outlets_own_are_one_dispute():
    a = art("a", "AT least 50 homes have burned to the ground in the hills. "
                 "Officials admit to just 31 destroyed houses, but villagers say the list is far longer.")
    b = art("b", "The fire has destroyed 31 homes, the regional fire service said.")
    c = art("c", "Thirty-one homes have been destroyed, according to the fire service.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "AT least 50 homes")
    assert f.verdict == "conflict"
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}


def test_facts_the_real_figure_a_source_gives_against_the_stated_one_is_one_dispute():
    # article b states the price and, credited, "the real" one: two accounts of one sum, not two sums
    a = art("a", "The smugglers asked 8 million dinars for the stolen manuscripts, the museum said.")
    b = art("b", "A letter from the smugglers asks 8 million dinars for the manuscripts. "
                 "But an insurer told the paper that the gang's real price, relayed by a dealer, was 5 million dinars.")
    c = art("c", "The gang demanded 8 million dinars for the return of the manuscripts.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "5 million dinars")
    assert f.verdict == "conflict"
    assert sorted(r.value for r in f.reports) == [5.0, 8.0, 8.0, 8.0]


def test_facts_a_share_of_a_whole_counted_under_another_verb_is_a_share():
    # "Of the 40 people taken to hospital, 9 remain critical" and "Of the 40 injured, six are still
    # critical" are the critically hurt at two moments; the bare "Twelve" of the injured is the same
    # count, never the "12 breaches" an inspection found
    a = art("a", "Twelve of the injured were in critical condition, doctors said. "
                 "Inspectors had found 12 breaches of the fire code last year.", dt.date(2026, 3, 2))
    b = art("b", "Of the 40 people taken to hospital, 9 remain in critical condition. "
                 "The plant had 12 breaches of the fire code, inspectors said.", dt.date(2026, 3, 3))
    c = art("c", "Of the 40 injured, six are still in critical condition, the hospital said. "
                 "An inspection found 12 breaches at the plant.", dt.date(2026, 3, 4))
    facts = group_facts([a, b, c], analyse(a, b, c))
    critical = fact_with(facts, "six")
    assert sorted(r.value for r in critical.reports) == [6.0, 9.0, 12.0]
    assert critical.verdict == "conflict"
    breaches = fact_with(facts, "12 breaches")
    assert all(r.text != "Twelve" for r in breaches.reports)


def test_facts_two_bodies_measuring_one_quake_give_one_disputed_magnitude():
    # each article gives both readings, each credited ("measured ... by", "is telling"): one magnitude
    a = art("a", "The tremor, measured at magnitude 5.8 by the Tarvo Seismic Service, struck before dawn. "
                 "The Oskari Geophysical Centre put the magnitude at 5.5.")
    b = art("b", "Our Geophysical Centre measured the magnitude 5.5, while the Tarvo service is telling 5.8.")
    c = art("c", "A magnitude 5.8 earthquake hit the valley on Monday, the seismic service said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "5.5")
    assert f.verdict == "conflict"
    assert sorted(r.value for r in f.reports) == [5.5, 5.5, 5.8, 5.8, 5.8]


def test_facts_a_count_credited_by_a_that_clause_or_an_owned_count_is_one_side_of_a_dispute():
    # each article gives both sides, credited in ways other than "said" right beside the figure
    a = art("a", "The mayor of Ostrel told a crowded meeting in the old covered market that the mudslide had buried "
                 "seven farms. The relief agency still lists four.")
    b = art("b", "The relief agency's count, repeated at a briefing on Monday, stands at four. "
                 "The mayor says it is seven: \"By my count that is seven farms.\"")
    c = art("c", "The mudslide buried four farms above Ostrel, the relief agency said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "seven farms")
    assert f.verdict == "conflict"
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}


def test_facts_two_armies_counts_credited_in_one_article_stay_two_counts():
    # "20 Norran soldiers" and "15 Vesk soldiers" name two bodies: no dispute, however each is credited
    a = art("a", "The Vesk command said that at least 20 Norran soldiers had been killed in the fighting. "
                 "Norra's defence ministry said 15 Vesk soldiers died, a figure the command called a lie.")
    b = art("b", "Norra said 15 Vesk soldiers were killed in the clash on the ridge.")
    c = art("c", "At least 20 Norran soldiers were killed, the Vesk command said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    vesk = fact_with(facts, "15 Vesk soldiers")
    assert {r.value for r in vesk.reports} == {15.0}


def test_facts_a_figure_and_its_conversion_in_brackets_join_the_groups_of_both_units():
    # b converts the plume's height: the outlets in feet and in metres report one quantity, and agree
    a = art("a", "The eruption sent a plume of steam some 6,000 metres above the crater, the observatory said.")
    b = art("b", "The plume reached 20,000 feet (about 6,100 metres) before dawn, pilots reported.")
    c = art("c", "Pilots saw the plume rise to 20,000ft above the crater.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "20,000ft")
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}
    assert f.verdict == "agree"


def test_facts_a_verdict_across_two_units_compares_them_converted():
    assert intervals_agree([rep(20000, unit="foot"), rep(6100, "about", unit="m")])
    assert not intervals_agree([rep(20000, unit="foot"), rep(8000, "about", unit="m")])
    assert intervals_agree([rep(36, unit="mile"), rep(58, "about", unit="km")])


def test_facts_an_earlier_state_joins_its_count_whatever_names_stand_around_the_other_outlets_figures():
    # c ties 170,000 to 95,000 ("up from 95,000 on Monday"); a names the ferry service beside its 95,000,
    # c the storm beside its 170,000: sources and events, not two subjects
    a = art("a", "Nearly 700 sailings have been cancelled since the storm began, the Coastal Ferry Service said, "
                 "affecting some 95,000 travellers.", dt.date(2026, 5, 4))
    c = art("c", "Some 1,100 sailings have now been cancelled since Storm Ilse reached the coast on Saturday, leaving "
                 "roughly 170,000 travellers stranded, up from 95,000 on Monday, according to port officials.",
            dt.date(2026, 5, 6))
    facts = group_facts([a, c], analyse(a, c))
    f = fact_with(facts, "roughly 170,000 travellers")
    assert sorted(r.value for r in f.reports) == [95000.0, 95000.0, 170000.0]
    assert f.verdict == "conflict"


def test_facts_two_sources_speeds_credited_in_two_sentences_are_one_disputed_speed():
    # each article credits its two speeds in two sentences: police against the operator, one speed
    a = art("a", "Police say the train's data recorder shows it was travelling at 112 km/h on the curve. "
                 "Norline insists the driver was going at about 60 km/h when the signal failed.")
    b = art("b", "According to the police, the train drove with 112 km/h where only 80 is allowed. "
                 "According to the operator, it drove with approximately 60 kilometres in the hour.")
    c = art("c", "The train was going at 112 km/h, police said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "about 60 km/h")
    assert f.verdict == "conflict"
    assert sorted(r.value for r in f.reports) == [60.0, 60.0, 112.0, 112.0, 112.0]


def test_facts_cancellations_rising_day_by_day_are_one_count():
    # a count of cancelled flights grows over three days, more than tenfold
    a = art("a", "Nearly 100 flights were cancelled on Saturday as the ash spread.", dt.date(2026, 6, 6))
    b = art("b", "More than 400 flights have been cancelled since Saturday.", dt.date(2026, 6, 7))
    c = art("c", "Some 1,100 flights have now been cancelled since the eruption began.", dt.date(2026, 6, 9))
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "Some 1,100 flights")
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}
    assert f.verdict == "conflict" and f.timing == "evolving"


def test_facts_a_figure_a_company_claims_against_the_outlets_own_reading_is_one_dispute():
    a = art("a", "The jet was doing nearly 190 knots when it landed. Radar data put its speed at 186 knots, "
                 "more than 30 knots faster than the 150 knots the airline claims.")
    b = art("b", "The airline said the jet touched down at about 150 knots.")
    c = art("c", "The aircraft landed at about 150 knots, the airline said in a statement.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "186 knots")
    assert f.verdict == "conflict"
    assert sorted(r.value for r in f.reports) == [150.0, 150.0, 150.0, 186.0, 190.0]


def test_facts_a_share_read_at_an_hour_of_the_day_is_another_quantity():
    a = art("a", "Turnout was 41.2 percent at 4 p.m., the election commission said.")
    b = art("b", "Turnout reached 63.5 percent, the election commission said on Monday.")
    c = art("c", "By 16:00 turnout stood at 41.2 percent, officials said.")
    d = art("d", "Final turnout was 63.5 percent, up from 58 percent in the last election.")
    facts = group_facts([a, b, c, d], analyse(a, b, c, d))
    snapshot, final = fact_with(facts, "41.2 percent"), fact_with(facts, "63.5 percent")
    assert snapshot is not final
    assert snapshot.verdict == final.verdict == "agree"


def test_facts_an_added_crowd_in_one_article_is_another_count_than_the_one_it_adds_to():
    # article a: 15,000 in the capital and "a further 15,000" in the port city: two crowds, one value
    a = art("a", "Police said as many as 15,000 people marched in Velmora. "
                 "In the port of Ostrana, a further 15,000 people joined the protests.")
    b = art("b", "Some 15,000 people marched through Velmora on Sunday, police said.")
    c = art("c", "Another 15,000 people marched in Ostrana, the port city, organisers said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    capital = fact_with(facts, "as many as 15,000")
    assert sorted(r.article_id for r in capital.reports) == ["a", "b"]
    port = next(f for f in facts if any(r.article_id == "c" for r in f.reports))
    assert sorted(r.article_id for r in port.reports) == ["a", "c"]


def test_facts_counts_charges_and_offences_are_one_kind_of_thing():
    a = art("a", "The former mayor was found guilty of seven counts at the end of a four-week trial.")
    b = art("b", "A jury convicted the former mayor of seven offences on Friday.")
    c = art("c", "The former mayor faced seven charges, and was convicted on all of them.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "seven counts")
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}
    assert f.verdict == "agree"


def test_facts_pensioners_and_homeowners_are_people_counted_alike():
    a = art("a", "A builder who cheated 11 elderly homeowners out of their savings was jailed on Friday.")
    b = art("b", "The conman fleeced at least nine pensioners, the court heard on Friday.")
    c = art("c", "Eleven people lost their savings to the builder, who was jailed on Friday.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "at least nine pensioners")
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}
    assert f.verdict == "agree"


def test_facts_what_a_ship_is_licensed_to_carry_is_another_quantity_than_who_was_aboard():
    a = art("a", "The ferry was carrying 412 people when it capsized, the coastguard said.")
    b = art("b", "The ferry, licensed to carry 350 passengers, had about 430 people on board, port officials said.")
    c = art("c", "The vessel was certified for 350 passengers, according to its safety papers.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    licensed = fact_with(facts, "350 passengers")
    assert {r.article_id for r in licensed.reports} == {"b", "c"}
    assert licensed.verdict == "agree"
    assert fact_with(facts, "about 430 people") is fact_with(facts, "412 people")


def test_facts_as_many_as_is_a_claim_of_about_that_much():
    a = art("a", "Gunmen took as many as 15 people hostage in the bank on Monday.")
    b = art("b", "The gunmen were holding 11 people hostage in the bank, police said on Monday.")
    facts = group_facts([a, b], analyse(a, b))
    f = fact_with(facts, "as many as 15")
    assert {r.article_id for r in f.reports} == {"a", "b"}
    assert f.verdict == "conflict"


def test_facts_one_article_crediting_two_near_counts_to_two_sources_reports_one_dispute():
    # the names beside each value are its sources, not two different ferries
    a = art("a", "The ferry Orla was carrying 312 people when it sank, the coastguard said.")
    b = art("b", "According to harbour officials quoted by Varnish radio, about 350 people were on board. "
                 "The operator Bellcross Lines speaks of 312 persons.")
    c = art("c", "A total of 312 people were aboard the Orla, its operator said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "about 350 people")
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}
    assert f.verdict == "conflict"


@pytest.mark.parametrize("text, needle, past", [
    ("It was the worst accident since a gas blast killed 16 miners at the Dorna pit in 2011.", "16 miners", True),
    ("In 2019, a fire in the same hall injured 11 workers.", "11 workers", True),
    ("Memories of the disaster in December 2003, in which 31,000 people died, are still raw.", "31,000", True),
    ("The party, in power since 2017, slumped to 27.9 percent.", "27.9", False),
    ("The explosion killed six people in 2025, officials said.", "six people", False),
])
def test_facts_a_figure_dated_to_another_year_than_its_article(text, needle, past):
    from crossread.reconcile.facts import _of_another_year

    a = art("a", text, published=dt.date(2025, 8, 20))
    r = next(r for r in find_figures(a) if needle in r.text)
    assert _of_another_year(a, r) is past


def test_facts_an_outlets_own_count_against_the_official_toll_that_stands_at_a_figure():
    a = art("a", "The official death toll from Tuesday's blast at the refinery in Kostel stands at seven. "
                 "Our reporters have the names of 10 people who died.")
    b = art("b", "Seven people were killed in the refinery blast, the authorities said.")
    c = art("c", "The blast killed seven people, officials said on Wednesday.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "10 people")
    assert f.verdict == "conflict"
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}


def test_facts_one_sentence_setting_a_union_share_against_the_companys_is_a_dispute():
    a = art("a", "The union is claiming that 91 percent of drivers are on strike, the company is speaking about 47 percent.")
    b = art("b", "The drivers' union says 91 percent of its members walked out on Monday.")
    c = art("c", "Only 47 percent of drivers joined the strike, the company said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "91 percent")
    assert f.verdict == "conflict"
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}


def test_facts_the_rest_of_a_toll_is_no_account_of_an_earlier_toll():
    # "the other two victims" are part of today's toll of three; yesterday's toll of two was the
    # whole count, and rose
    a = art("a", "The storm killed two people on the coast on Saturday, police said.",
            published=dt.date(2025, 4, 13))
    b = art("b", "The storm claimed a third life on Sunday, bringing the death toll to three. "
                 "The other two victims were a courier and a farmer.", published=dt.date(2025, 4, 14))
    c = art("c", "Three people have died in the storm, the interior ministry said.", published=dt.date(2025, 4, 14))
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "two people")
    assert f.verdict == "conflict"
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}


def test_facts_an_events_victims_are_its_toll_not_what_a_body_has():
    a = art("a", "Flowers were laid for the storm's four victims in the town square.")
    b = art("b", "Five people were killed by the storm, the regional governor said.")
    facts = group_facts([a, b], analyse(a, b))
    f = fact_with(facts, "four victims")
    assert f.verdict == "conflict"
    assert {r.article_id for r in f.reports} == {"a", "b"}


def test_facts_an_evacuation_that_began_with_fewer_people_is_one_count_that_grew():
    a = art("a", "About 900 people were evacuated from the old town on Sunday, the authorities said.",
            published=dt.date(2025, 4, 13))
    b = art("b", "The evacuation, which began with about 900 people on Sunday morning, was extended overnight. "
                 "For many of the 2,600 people who had to leave their homes, the wait goes on.",
            published=dt.date(2025, 4, 15))
    c = art("c", "By Monday evening 2,600 people had been evacuated, the crisis staff said.", published=dt.date(2025, 4, 15))
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "2,600 people")
    assert f.verdict == "conflict"
    assert {r.text for r in f.reports} >= {"About 900 people", "about 900 people", "2,600 people"}


def test_facts_what_is_left_of_a_count_falls_from_day_to_day():
    a = art("a", "The grid operator said 23,000 households remained without electricity on Monday morning.",
            published=dt.date(2025, 4, 14))
    b = art("b", "About 21,000 households are still without power, the operator said.", published=dt.date(2025, 4, 14))
    c = art("c", "Around 6,500 households were still without electricity, most of them on remote farms.",
            published=dt.date(2025, 4, 16))
    d = art("d", "The storm left 64,000 households without power at its peak, and cut the coast road.",
            published=dt.date(2025, 4, 16))
    facts = group_facts([a, b, c, d], analyse(a, b, c, d))
    f = fact_with(facts, "Around 6,500 households")
    assert f.verdict == "conflict"
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}


def test_facts_the_record_a_figure_beat_is_another_quantity():
    a = art("a", "The river peaked at 4.9 metres at the town gauge on Sunday night.")
    b = art("b", "The river crested at 4.9 metres at the town gauge, beating the record of 4.40m set in 1987.")
    c = art("c", "The gauge in the old town showed 4.9 m, above the previous flood record of 4.4 m.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "4.9 metres")
    assert f.verdict == "agree"
    assert sorted(r.value for r in f.reports) == [4.9, 4.9, 4.9]


@pytest.mark.parametrize("sentence", [
    "The transport minister put the damage at an initial €180 million, well below the €320 million quoted by the mayor.",
    "The mayor has put the damage at more than €320 million; the ministry's first estimate is €180 million.",
    "Estimates of the cost range from the ministry's €180 million to the mayor's \"more than €320 million\".",
])
def test_facts_one_sentence_giving_two_sources_figures_is_a_dispute(sentence):
    a = art("a", "The floods caused damage of more than €320 million, the mayor of Tarvik said on Monday.")
    b = art("b", "The ministry estimated the damage from the floods at €180 million.")
    c = art("c", sentence)
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "€180 million")
    assert f.verdict == "conflict"
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}



def test_facts_a_share_after_its_whole_is_no_account_of_the_whole():
    a = art("a", "Eleven persons died and 62 persons were wounded, the authorities said.")
    b = art("b", "Of the 62 injured, 31 are still in hospital, seven of them in intensive care.")
    facts = group_facts([a, b], analyse(a, b))
    f = fact_with(facts, "62 persons")
    assert sorted(r.value for r in f.reports) == [62.0, 62.0]
    assert f.verdict == "agree"


@pytest.mark.parametrize("texts, needle, verdict", [
    (["The authorities have confirmed that eleven persons died and 62 persons were wounded.",
      "The blast killed 11 people and injured 62, officials said."], "62 persons", "agree"),
    (["Seventeen people are dead and more than 30 are still missing after the ferry capsized.",
      "Thirty people remain unaccounted for.", "Twenty-five people are missing, the coastguard said."],
     "Twenty-five people", "conflict"),
])
def test_facts_a_figure_after_and_takes_its_own_verb_not_the_last_clauses(texts, needle, verdict):
    arts = [art(chr(ord("a") + k), t) for k, t in enumerate(texts)]
    facts = group_facts(arts, analyse(*arts))
    f = fact_with(facts, needle)
    assert {r.article_id for r in f.reports} == {a.id for a in arts}
    assert f.verdict == verdict


def test_facts_an_earlier_state_settled_in_its_group_rules_out_no_rival_account():
    # the company's count rose from 5,100 to 5,600; the union's 8,400 disputes it all along
    a = art("a", "The union said more than 8,400 miners, or 91 percent, had stayed away from work. "
                 "The company said only about 5,100 miners had joined the strike.")
    b = art("b", "The company says about 5,600 have now joined, up from 5,100 at the start of the strike. "
                 "The union says more than 8,400 are on strike.")
    c = art("c", "More than 8,000 miners walked out of the pits, the union said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "about 5,600")
    assert f.verdict == "conflict"
    assert {r.value for r in f.reports} == {5100.0, 5600.0, 8400.0, 8000.0}


def test_facts_a_count_a_thousand_times_another_days_is_no_rising_toll():
    a = art("a", "The union said 94 percent of staff joined the walkout, shutting all five pits in the basin.",
            published=dt.date(2025, 9, 1))
    b = art("b", "The company says about 6,100 have now joined the strike.", published=dt.date(2025, 9, 2))
    facts = group_facts([a, b], analyse(a, b))
    assert fact_with(facts, "five pits").verdict == "single"


def test_facts_tonnes_a_day_and_tons_daily_are_one_rate():
    a = art("a", "The company said the stoppage was cutting output by about 180 tonnes of copper a day.")
    b = art("b", "The company is losing, according to its own data, about 180 tons of copper daily.")
    facts = group_facts([a, b], analyse(a, b))
    f = fact_with(facts, "180 tons")
    assert {r.article_id for r in f.reports} == {"a", "b"}
    assert f.verdict == "agree"


def test_facts_a_figure_by_someones_count_is_credited():
    a = art("a", "About 300 people, by the police's count, watched the verdict outside the court. "
                 "The campaign group, which organised the gathering, said more than 1,500 people had come.")
    b = art("b", "Police said about 300 people gathered outside the court.")
    c = art("c", "More than 1,500 people turned out to hear the verdict, the organisers said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    f = fact_with(facts, "About 300 people")
    assert f.verdict == "conflict"
    assert {r.article_id for r in f.reports} == {"a", "b", "c"}


def test_facts_the_toll_the_badly_hurt_and_a_part_of_the_hurt_stay_apart():
    # one number, three counts: the dead, those still in a serious condition, the children among the hurt
    a = art("a", "The death toll from the Varen bridge collapse rose to eight last night as a man died in hospital. "
                 "Eight of the injured are children.", dt.date(2026, 3, 2), "Courier")
    b = art("b", "Eight are still in a serious condition, the hospital said on Monday. "
                 "The bridge collapse killed six people on Saturday.", dt.date(2026, 3, 2), "Gazette")
    c = art("c", "The number in a serious condition has fallen to 8 from 11. Two lorries fell into the river "
                 "and two people are still missing.", dt.date(2026, 3, 3), "Herald")
    facts = group_facts([a, b, c], analyse(a, b, c))

    def fact_of(article_id, text):
        return next(f for f in facts if any((r.article_id, r.text) == (article_id, text) for r in f.reports))

    toll, part, hurt = fact_of("a", "eight"), fact_of("a", "Eight"), fact_of("b", "Eight")
    assert len({id(toll), id(hurt), id(part)}) == 3
    assert hurt is fact_of("c", "8") and toll is fact_of("b", "six people")
    assert fact_with(facts, "Two lorries") is not fact_with(facts, "two people")


def test_facts_a_live_blogs_entries_give_one_count_at_several_times():
    # newest entry first: the toll of the morning entry comes last, the evening's first
    blog = art("blog", "20:10 Toll rises to eleven\nRescuers found three more bodies in the collapsed hall, bringing "
                       "the number of dead to eleven, up from eight this morning.\n\n"
                       "14:30 Mayor visits\nThe mayor laid flowers at the police cordon.\n\n"
                       "08:05 What we know\n- Eight people are confirmed dead\n- Dozens have been injured\n",
               dt.date(2026, 2, 7), "City Radio")
    wire = art("wire", "The roof of the Varen sports hall collapsed on Friday, killing 14 people.", dt.date(2026, 2, 8), "Wire")
    facts = group_facts([blog, wire], analyse(blog, wire))
    toll = fact_with(facts, "14 people")
    assert {r.value for r in toll.reports} == {8, 11, 14} and toll.verdict == "conflict"
    assert [r.text for r in toll.reports if r.article_id == "blog" and r.value == 8] == ["eight", "Eight people"]


def test_facts_another_years_event_under_another_verb_is_another_count_even_at_the_same_value():
    a = art("a", "Officials linked the tainted syrup to one death and 9 hospital admissions on Monday.",
            dt.date(2026, 5, 4), "Wire")
    b = art("b", "Nine children have been admitted to hospital since the recall began. The country's worst poisoning "
                 "was in 1998, when a tainted cough mixture killed 9 people.", dt.date(2026, 5, 5), "Post")
    facts = group_facts([a, b], analyse(a, b))
    admitted = fact_with(facts, "9 hospital admissions")
    assert admitted.reports[0].predicate == "injured"
    assert "Nine children" in {r.text for r in admitted.reports} and "9 people" not in {r.text for r in admitted.reports}


@pytest.mark.parametrize("sentence", [
    "Police say 4,000 marched; organisers claim 15,000.",
    "The march, which police estimated at about 4,000 people and the organisers at 15,000 or more, ended peacefully.",
])
def test_facts_a_sentence_giving_two_sides_of_a_crowd_count_is_a_dispute(sentence):
    a = art("a", "Police said about 4,000 people marched through the centre. The organisers, Fair Rents Now, said at least "
                 "15,000 had marched.", dt.date(2026, 6, 7), "Wire")
    b = art("b", sentence, dt.date(2026, 6, 8), "Daily")
    facts = group_facts([a, b], analyse(a, b))
    crowd = fact_with(facts, "15,000")
    assert {r.value for r in crowd.reports} == {4000, 15000} and len(crowd.reports) == 4
    assert crowd.verdict == "conflict"


def test_facts_the_charged_are_no_count_of_the_arrested_nor_an_old_riots_arrests():
    a = art("a", "Police arrested 150 people over two nights of rioting in the port.", dt.date(2026, 9, 15), "Wire")
    b = art("b", "It is the worst unrest since the 2011 riots, when 170 people were arrested.", dt.date(2026, 9, 16), "Post")
    c = art("c", "Prosecutors have charged 150 people, police said.", dt.date(2026, 9, 17), "Courier")
    facts = group_facts([a, b, c], analyse(a, b, c))
    arrests = fact_with(facts, "150 people")
    assert [r.article_id for r in arrests.reports] == ["a"] and arrests.verdict == "single"


def test_facts_a_change_one_article_states_joins_the_count_at_both_moments():
    # two outlets give both states of the change; the first reports and the last give one each
    texts = [("a", "The drugmaker recalled five batches of its cough syrup on Monday.", 6),
             ("b", "On Monday the drugmaker recalled five batches of the syrup.", 6),
             ("c", "The regulator ordered the recall extended to 12 batches, up from the five withdrawn on Monday.", 8),
             ("d", "The recall was widened on Tuesday from five to 12 batches, the regulator said.", 9),
             ("e", "The recall now covers 12 batches sold in three countries.", 10)]
    arts = [art(k, t, dt.date(2026, 4, day), k.upper()) for k, t, day in texts]
    facts = group_facts(arts, analyse(*arts))
    batches = fact_with(facts, "12 batches")
    assert sorted(r.value for r in batches.reports) == [5, 5, 5, 5, 12, 12, 12] and batches.verdict == "conflict"


def test_facts_arrested_several_times_is_no_count_of_shots():
    # "times" counts occurrences of its verb: shots only when the verb shoots
    a = art("a", "Officers fired three shots at Tom Keel outside the depot on Mill Lane. Keel had been arrested four "
                 "times since 2019, court records show.")
    b = art("b", "Police fired three rounds at Keel on Mill Lane, witnesses said. He had been arrested four times, "
                 "his lawyer said.")
    c = art("c", "Keel, who was shot outside the Mill Lane depot, had been arrested three times since 2019, police said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    shots, arrests = fact_with(facts, "three shots"), fact_with(facts, "four times")
    assert shots is not arrests
    assert sorted(r.article_id for r in shots.reports) == ["a", "b"] and shots.verdict == "agree"
    assert sorted((r.article_id, r.value) for r in arrests.reports) == [("a", 4), ("b", 4), ("c", 3)]
    assert arrests.verdict == "conflict"


def test_facts_near_values_one_article_gives_to_two_things_are_two_facts():
    # "$3.4 million" is no rounding of "$3.5 million" where an article prices the necklace and the haul
    # apart, even in an article that gives both with no noun (a headline's figure against the body's)
    a = art("a", "Robbers rammed a car into the Vell jewellers on Friday and escaped with over $3.5 million in a "
                 "smash-and-grab raid. Among the loot was a $3.4 million necklace.")
    b = art("b", "Thieves stole $3.5 million from the Vell jewellers on Friday in a $3.5 million heist. A $3.4 million "
                 "necklace was taken, police said.")
    c = art("c", "Thieves nab $3.4 million from Vell jewellers. Four men rammed their car into the shop on Friday and "
                 "made off with $3.5 million, a police source said.")
    d = art("d", "The Vell jewellers lost over $3.5 million on Friday, police said.")
    e = art("e", "Robbers took $3.5 million from the Vell jewellers on Friday, police said.")
    f = art("f", "A $3.5 million raid hit the Vell jewellers on Friday.")
    facts = group_facts([a, b, c, d, e, f], analyse(a, b, c, d, e, f))
    haul, necklace = fact_with(facts, "$3.5 million raid"), fact_with(facts, "$3.4 million necklace")
    assert haul is not necklace
    assert {r.value for r in haul.reports} == {3.5} and len(haul.reports) == 6 and haul.verdict == "agree"
    assert {r.value for r in necklace.reports} == {3.4} and necklace.verdict == "agree"


def test_facts_emergency_workers_are_rescuers_not_workers():
    # the compound names the role: "emergency workers" at a crash site are its rescuers
    a = art("a", "More than 300 rescuers are searching the wreckage of the Corran ferry, the coastguard said.")
    b = art("b", "About 300 emergency workers are at the scene of the Corran ferry sinking.")
    c = art("c", "Some 310 rescuers worked through the night at the Corran ferry wreck.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    rescuers = fact_with(facts, "300 emergency workers")
    assert sorted(r.article_id for r in rescuers.reports) == ["a", "b", "c"] and rescuers.verdict == "agree"


@pytest.mark.parametrize("sep", [" - ", "\n- ", "\n"])
def test_facts_a_dash_ends_the_clause_whose_verb_names_the_fate(sep):
    # a list's items, one a line or flattened into one: "dead" belongs to the item before, not to the 40
    a = art("a", f"What we know so far{sep}Five people are confirmed dead{sep}At least 40 people have been injured"
                 f"{sep}The bus left the road near Tessel at 07:10.")
    b = art("b", "Five people died and 42 people were injured when the bus left the road near Tessel.")
    c = art("c", "The crash near Tessel killed five people and injured 42, police said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    injured = fact_with(facts, "At least 40 people")
    assert sorted((r.article_id, r.value) for r in injured.reports) == [("a", 40), ("b", 42), ("c", 42)]
    assert injured.verdict == "agree"


def test_facts_two_shares_of_one_whole_under_one_verb_are_one_count_over_time():
    # "17 of the injured" then "11 remain, down from 17": the same share at two moments, not two counts
    a = art("a", "Nine people died and 84 were injured in the crush at the Oriel arena. Seventeen of the injured "
                 "were in a critical condition on Sunday.", dt.date(2026, 5, 24), "Wire")
    b = art("b", "Ten people have now died after the crush at the Oriel arena. Of the 84 people injured, 11 remain "
                 "in a critical condition, down from 17 on Sunday.", dt.date(2026, 5, 26), "Mercury")
    facts = group_facts([a, b], analyse(a, b))
    critical = fact_with(facts, "Seventeen")
    assert sorted((r.article_id, r.value) for r in critical.reports) == [("a", 17), ("b", 11), ("b", 17)]
    assert (critical.verdict, critical.timing) == ("conflict", "evolving")


def test_facts_a_credit_inside_the_second_reports_span_sets_the_two_against_each_other():
    # "against the 1,100 claimed by the promoter": the report's span holds its own credit verb
    a = art("a", "The Guards' Union says fewer than 600 stewards were working at the Oriel arena on Saturday, against "
                 "the 1,100 claimed by the promoter.")
    b = art("b", "The promoter of the Oriel arena concert said it had 1,100 stewards on duty on Saturday.")
    c = art("c", "Only 580 stewards were on duty at the Oriel arena on Saturday, the Guards' Union said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    stewards = fact_with(facts, "1,100 stewards")
    assert sorted((r.article_id, r.value) for r in stewards.reports) == [("a", 600), ("a", 1100), ("b", 1100), ("c", 580)]
    assert stewards.verdict == "conflict"


def test_facts_a_share_named_by_age_is_no_account_of_the_toll_even_at_its_value():
    # The first day's toll was 15; later, 15 of the dead are children, another outlet counts 12
    # children: the children are a fact of their own, in conflict, and the toll evolves apart.
    a = art("a", "At least 15 people were killed when the Varro dam burst on Monday.", dt.date(2026, 4, 6), "Wire")
    b = art("b", "The toll from the Varro dam burst rose to 48. Fifteen of the dead were children.",
            dt.date(2026, 4, 8), "Herald")
    c = art("c", "The Varro dam burst killed 48 people. The dead include 12 children.", dt.date(2026, 4, 8), "Post")
    facts = group_facts([a, b, c], analyse(a, b, c))
    children = fact_with(facts, "12 children")
    assert sorted((r.article_id, r.value) for r in children.reports) == [("b", 15), ("c", 12)]
    assert children.verdict == "conflict"
    toll = fact_with(facts, "At least 15 people")
    assert sorted((r.article_id, r.value) for r in toll.reports) == [("a", 15), ("b", 48), ("c", 48)]


def test_facts_kin_are_no_share_of_a_toll():
    # "three of his five children" are a family, not a part of a count of people something befell
    a = art("a", "Dorn Vasek, who had three children with his second wife, died on Sunday.")
    b = art("b", "Vasek was the father of three of his five children with Lena Orr, his second wife.")
    facts = group_facts([a, b], analyse(a, b))
    kids = fact_with(facts, "three children")
    assert sorted((r.article_id, r.value) for r in kids.reports) == [("a", 3), ("b", 3)]
    assert kids.verdict == "agree"


def test_facts_people_named_within_a_count_are_a_share_of_it():
    # "two cabin crew were among those hurt": a share of the injured, no rival to "one pilot ..."
    a = art("a", "Eleven people were hurt when the jet left the runway at Tarn. Two cabin crew were among those hurt.")
    b = art("b", "Both pilots were injured when the jet left the runway at Tarn. One pilot is in hospital.")
    c = art("c", "Twelve people were injured at Tarn, including two crew members, the airline said.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    crew = fact_with(facts, "Two cabin crew")
    assert sorted((r.article_id, r.value) for r in crew.reports) == [("a", 2), ("c", 2)]
    assert crew.verdict == "agree"
    toll = fact_with(facts, "Eleven people")
    assert sorted((r.article_id, r.value) for r in toll.reports) == [("a", 11), ("c", 12)]


@pytest.mark.parametrize(("text", "share"), [
    ("A total of 312 were injured, 41 of them critically.", True),  # a share of the injured
    ("Of the dead, three of them children, two were never named.", True),
    ("Of the survivors, 46 of them were taken to hospital.", False),  # its own verb: the hospitalised
])
def test_facts_a_share_of_them_reads_as_a_part(text, share):
    from crossread.reconcile.facts import _part_of

    number = re.search(r"\b(?:41|three|46)\b", text)
    assert bool(_part_of().match(text, number.end())) is share


def test_facts_two_credited_sentences_about_two_things_are_no_dispute():
    # "the damage at nine million" and "its deficit of 38 million", each credited: two quantities
    a = art("a", "Insurers put the damage from the Tarvik riots at nine million thalers. The transit authority says "
                 "its deficit of 38 million thalers has not gone away.")
    b = art("b", "The Tarvik riots caused damage of about four million thalers, the city said.")
    c = art("c", "The transit authority says it needs a fare rise to close a deficit of 38 million thalers.")
    facts = group_facts([a, b, c], analyse(a, b, c))
    deficit = fact_with(facts, "38 million")
    assert sorted((r.article_id, r.value) for r in deficit.reports) == [("a", 38), ("c", 38)]
    assert deficit.verdict == "agree"


def test_facts_an_earlier_state_joins_the_count_under_its_own_verb_not_the_whole_or_the_next_figure():
    # "caught 17 of the 36 convicts who escaped, up from 9 on Saturday, and killed one runaway":
    # 9 is the count of the caught on Saturday, which another outlet gave as current then
    a = art("a", "Guards have caught 9 of the men who broke out of Harlow Prison, the ministry said.",
            dt.date(2026, 2, 7), "Wire")
    b = art("b", "Guards have caught 17 of the 36 convicts who escaped from Harlow Prison, up from 9 on Saturday, "
                 "and killed one runaway in a shootout.", dt.date(2026, 2, 8), "Courier")
    c = art("c", "Officers have now recaptured 24 of the convicts, the ministry said.", dt.date(2026, 2, 10), "Herald")
    facts = group_facts([a, b, c], analyse(a, b, c))
    caught = fact_with(facts, "17 of the 36")
    assert sorted(r.value for r in caught.reports) == [9, 9, 17, 24]
    assert caught.verdict == "conflict" and caught.timing == "evolving"
    assert [r.value for r in fact_with(facts, "one runaway").reports] == [1]


def test_facts_a_sentence_giving_a_count_as_an_ordinal_and_a_cardinal_cites_the_cardinal():
    a = art("a", "A third victim died in hospital on Sunday, bringing the death toll to three.", dt.date(2026, 4, 13), "Wire")
    b = art("b", "Three people have died in the storm.", dt.date(2026, 4, 13), "Post")
    toll = fact_with(group_facts([a, b], analyse(a, b)), "Three people")
    assert sorted(r.text for r in toll.reports) == ["Three people", "three"]


def test_facts_one_sentence_setting_two_counts_against_each_other_joins_an_uncredited_pair_elsewhere():
    # the weekly sets the union's count against the operator's in one sentence, each credited beside it;
    # the daily states both counts far from any credit: the same two accounts, not two quantities
    a = art("a", "The dockers' union says fewer than 700 dockers were working on Monday, against the 1,400 claimed "
                 "by Harbour Lines.", dt.date(2026, 9, 8), "Weekly")
    b = art("b", "Repairs at the terminal had fallen weeks behind schedule by the spring and the operator had in "
                 "the end taken on 1,400 dockers for the season. Fewer than 700 dockers turned up for work on Monday.",
            dt.date(2026, 9, 8), "Daily")
    c = art("c", "Harbour Lines said it had hired 1,400 dockers for the season.", dt.date(2026, 9, 8), "Wire")
    facts = group_facts([a, b, c], analyse(a, b, c))
    dockers = fact_with(facts, "1,400 claimed")
    assert sorted(r.value for r in dockers.reports) == [700, 700, 1400, 1400, 1400]
    assert dockers.verdict == "conflict"


def test_facts_a_sentence_closing_on_its_source_credits_a_figure_far_from_it():
    # the regulator's count sits a dozen words before ", the regulator warned"; the clinic chain's count is
    # credited beside it: each outlet sets the two accounts of one count against each other
    a = art("a", "Hackers may have copied the files of up to FOUR MILLION customers of Tavola Clinics, among them "
                 "nearly half a million pensioners and carers, the privacy regulator warned. "
                 "Tavola Clinics says only 1.5 million customers were affected.", dt.date(2026, 3, 2), "Tabloid")
    b = art("b", "The privacy regulator said the files of about 4 million customers were copied. Tavola Clinics "
                 "said 1.5 million customers were affected.", dt.date(2026, 3, 2), "Wire")
    c = art("c", "Tavola Clinics put the figure at 1.5 million customers.", dt.date(2026, 3, 3), "Daily")
    facts = group_facts([a, b, c], analyse(a, b, c))
    customers = fact_with(facts, "1.5 million customers")
    assert sorted(r.value for r in customers.reports) == [1.5, 1.5, 1.5, 4, 4]
    assert customers.verdict == "conflict"


def test_facts_the_noun_before_a_count_of_people_is_theirs_not_what_is_counted():
    # "the records of as many as 3 million people": the people are counted, so a sentence crediting
    # "1.2 million people" to the firm is the other account of the same count
    a = art("a", "The watchdog said the records of as many as 3 million people may have been stolen. "
                 "Orvel Health gives a figure of 1.2 million people.", dt.date(2026, 5, 4), "Journal")
    b = art("b", "Orvel Health said the records of 1.2 million people were stolen. The watchdog said 3 million "
                 "people were affected.", dt.date(2026, 5, 4), "Wire")
    facts = group_facts([a, b], analyse(a, b))
    people = fact_with(facts, "1.2 million people")
    assert sorted(r.value for r in people.reports) == [1.2, 1.2, 3, 3]
    assert people.verdict == "conflict"


def test_facts_a_toll_never_joins_people_in_a_role_even_when_each_is_credited():
    # most reports of the toll carry no verb at the figure ("climbed to 26"); the crew count carries none
    # at all: the dead are no account of the crew, however close the values and each credited
    arts = [art("a", "At least 14 people were killed when the ferry sank, rescue officials said on Tuesday. The ferry "
                     "was carrying 300 passengers and 15 crew on its night crossing, according to the coastguard.",
                dt.date(2026, 6, 1), "Wire"),
            art("b", "The toll went up to 26, coastguard officials said on Thursday, once divers had searched the lower "
                     "deck. The boat had 300 passengers and 15 crew members aboard, according to the ferry company.",
                dt.date(2026, 6, 3), "Radio"),
            art("c", "Twenty-six people are now known to have died, according to the coastguard. Of the 300 passengers and "
                     "fifteen crew members listed, most lived near the harbour, according to the town council.",
                dt.date(2026, 6, 3), "Daily"),
            art("d", "SEVENTEEN people have died, the Post has learned, more than the official figure of 14.",
                dt.date(2026, 6, 2), "Post"),
            art("e", "The toll rose to 21 on Wednesday. The operator lists 300 passengers and 15 crew.",
                dt.date(2026, 6, 2), "Herald")]
    facts = group_facts(arts, analyse(*arts))
    crew = fact_with(facts, "15 crew members")
    assert sorted(r.value for r in crew.reports) == [15, 15, 15, 15]
    assert crew.verdict == "agree"
    assert sorted(r.value for r in fact_with(facts, "SEVENTEEN").reports) == [14, 14, 17, 21, 26, 26]


def test_facts_reported_speech_credits_a_figure_far_from_its_verb_and_names_a_disputed_time():
    # the mayor's 25 minutes sits 17 words after "says", inside her reported words; set against the
    # board's 40 minutes in the same article, the two times of warning are one disputed quantity
    # though no verb of their own is shared
    from crossread.analyse import analyse_article

    a = art("a", "The siren at the Tarrow weir sounded some 40 minutes before the weir gave way, the water board said. "
                 "Mayor Edda Lunn says families in the streets below the old mill, the brewery and the "
                 "school got no more than 25 minutes to climb to safety.", dt.date(2026, 4, 7), "Post")
    b = art("b", "People had 25 minutes of warning before the Tarrow weir burst, the mayor said.", dt.date(2026, 4, 7), "Wire")
    c = art("c", "The water board insists it gave 40 minutes of warning before the weir burst.", dt.date(2026, 4, 8), "Herald")
    facts = group_facts([a, b, c], [analyse_article(x) for x in (a, b, c)])
    warning = fact_with(facts, "some 40 minutes")
    assert sorted((r.article_id, r.value) for r in warning.reports) == [("a", 25), ("a", 40), ("b", 25), ("c", 40)]
    assert warning.verdict == "conflict"


def test_facts_a_share_under_a_verb_of_its_own_is_that_verb_s_count():
    # "Nine of the wounded are in a serious condition" counts the seriously injured: the other outlet's "6
    # remain in a serious condition" is the same count later, not a second quantity
    a = art("a", "A tram left the rails in Ostrava Nova on Friday and 40 people were injured, the city said. Nine of "
                 "the wounded are in a serious condition.", dt.date(2026, 3, 6), "Wire")
    b = art("b", "Forty people were hurt when the tram derailed in Ostrava Nova. The hospital says 6 remain in a serious "
                 "condition, down from 9.", dt.date(2026, 3, 8), "Courier")
    c = art("c", "Of the 40 people injured in the Ostrava Nova derailment, 6 are still in a serious condition.",
            dt.date(2026, 3, 8), "Herald")
    facts = group_facts([a, b, c], analyse(a, b, c))
    serious = fact_with(facts, "Nine")
    assert sorted((r.article_id, r.value) for r in serious.reports) == [("a", 9), ("b", 6), ("b", 9), ("c", 6)]
    assert serious.verdict == "conflict"
    assert sorted(r.value for r in fact_with(facts, "Forty people").reports) == [40, 40, 40]


def test_facts_a_credit_closing_the_first_clause_sets_no_dispute_with_the_figure_the_sentence_goes_on_to():
    # "..., the ministry said, and will rise to 6,500 korun": the credit closes the first figure's clause,
    # the second figure continues it (the grant now and the grant planned are two sums, each agreed)
    a = art("a", "Each family whose house was flooded will get an emergency grant of 4,000 korun, the premier said.",
            dt.date(2026, 5, 4), "Wire")
    b = art("b", "Cheques of 4,000 korun went to 2,100 families on Friday, the treasury said, and will grow to 6,500 "
                 "korun in June.", dt.date(2026, 5, 9), "Echo")
    c = art("c", "The 4,000 korun cheques went out on Friday, the treasury said, and will grow to 6,500 korun in June.",
            dt.date(2026, 5, 9), "Post")
    facts = group_facts([a, b, c], analyse(a, b, c))
    now, planned = fact_with(facts, "4,000 korun"), fact_with(facts, "6,500 korun")
    assert sorted(r.article_id for r in now.reports) == ["a", "b", "c"] and now.verdict == "agree"
    assert sorted(r.article_id for r in planned.reports) == ["b", "c"] and planned.verdict == "agree"


def test_facts_one_source_giving_two_figures_in_one_sentence_sets_no_dispute():
    # "according to Brenn Labs, which said fewer than 5,000": the firm gives both figures, the users and
    # those short of the drug are two counts, each agreed
    a = art("a", "Roughly 30,000 people in Tessary rely on the inhaler, according to Brenn Labs, which said fewer than 5,000 "
                 "patients could run short.", dt.date(2026, 2, 2), "Wire")
    b = art("b", "Brenn Labs says fewer than 5,000 patients could run short. Some 30,000 people in Tessary rely on the "
                 "inhaler.", dt.date(2026, 2, 3), "Journal")
    c = art("c", "The inhaler is used by roughly 30,000 people in Tessary.", dt.date(2026, 2, 3), "Post")
    facts = group_facts([a, b, c], analyse(a, b, c))
    users, short = fact_with(facts, "30,000 people"), fact_with(facts, "5,000 patients")
    assert users is not short
    assert sorted(r.value for r in users.reports) == [30000, 30000, 30000] and users.verdict == "agree"


def test_facts_a_currency_s_short_form_counts_what_the_story_s_written_out_sums_count():
    # "Kv150m" in two outlets, "150 million kovars" in a third: one sum, agreed
    a = art("a", "The cabinet approved Kv150m of relief for the flooded towns on Monday.", dt.date(2026, 4, 6), "Wire")
    b = art("b", "Relief worth 150 million kovars for the flooded towns was approved on Monday.",
            dt.date(2026, 4, 6), "Post")
    c = art("c", "Ministers signed off Kv150m in relief for the flooded towns. Some 2,300 villagers were moved out.",
            dt.date(2026, 4, 7), "Herald")
    package = fact_with(group_facts([a, b, c], analyse(a, b, c)), "150 million kovars")
    assert sorted((r.article_id, r.text) for r in package.reports) == [("a", "Kv150m"), ("b", "150 million kovars"),
                                                                       ("c", "Kv150m")]
    assert package.verdict == "agree"


def test_facts_the_missing_counted_fewer_day_by_day_are_one_count_over_time():
    # the missing are found: 40 and 35 on the first days, 15 and 9 later, one count, not two disputes
    arts = [art("a", "The river burst its banks at Velm on Monday and more than 40 people were missing.",
                dt.date(2026, 3, 2), "Wire"),
            art("b", "About 35 people are still missing in Velm after Monday's flood.", dt.date(2026, 3, 3), "Radio"),
            art("c", "Rescuers found more survivors in Velm; 15 people remain missing.", dt.date(2026, 3, 5), "Post"),
            art("d", "Nine people are still listed as missing after the Velm flood.", dt.date(2026, 3, 6), "Echo")]
    facts = group_facts(arts, analyse(*arts))
    missing = fact_with(facts, "more than 40 people")
    assert sorted(r.article_id for r in missing.reports) == ["a", "b", "c", "d"]
    assert (missing.verdict, missing.timing) == ("conflict", "evolving")


def test_facts_a_bare_figure_credited_to_a_named_count_joins_a_dispute_over_what_its_group_counts():
    # "The CDA count remains about 1,500" counts homes, as its group does; set in one article against the
    # governor's "more than 3,500 homes", the two are one disputed count
    a = art("a", "The civil defence agency (CDA) said 1,500 homes had been flooded in the Osk valley.",
            dt.date(2026, 5, 3), "Wire")
    b = art("b", "The civil defence agency puts the number of flooded homes at about 1,500.", dt.date(2026, 5, 4), "Post")
    c = art("c", "The governor, who insists that more than 3,500 homes took in water, wants more aid. The CDA count "
                 "stands at about 1,500.", dt.date(2026, 5, 5), "Echo")
    d = art("d", "More than 3,500 homes in the Osk valley were flooded, the governor said.", dt.date(2026, 5, 5), "Daily")
    homes = fact_with(group_facts([a, b, c, d], analyse(a, b, c, d)), "1,500 homes")
    assert sorted((r.article_id, r.value) for r in homes.reports) == [
        ("a", 1500), ("b", 1500), ("c", 1500), ("c", 3500), ("d", 3500)]
    assert homes.verdict == "conflict"


def test_facts_a_count_in_a_quotation_is_credited_to_its_speaker_however_far_the_verb():
    # the governor's count opens a quotation whose verb comes two sentences on; set against the agency's
    # figure in the same article, the two are one disputed count
    from crossread.analyse import analyse_article

    a = art("a", "The civil defence agency said 1,500 homes had been flooded in the Osk valley.", dt.date(2026, 5, 3), "Wire")
    b = art("b", "The civil defence agency puts the number of flooded homes at about 1,500. \u201cAt least 2,500 homes "
                 "along this river were swamped. Walk down any street and look,\u201d the governor, Mira Dahl, said.",
            dt.date(2026, 5, 4), "Post")
    d = art("d", "More than 2,500 homes in the Osk valley were flooded, the governor said.", dt.date(2026, 5, 5), "Daily")
    homes = fact_with(group_facts([a, b, d], [analyse_article(x) for x in (a, b, d)]), "1,500 homes")
    assert sorted((r.article_id, r.value) for r in homes.reports) == [("a", 1500), ("b", 1500), ("b", 2500), ("d", 2500)]
    assert homes.verdict == "conflict"
