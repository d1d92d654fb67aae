from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest
from group.story_articles import QUAKE_A, all_articles, make
from conftest import corpus_path

from crossread.group import group_stories
from crossread.group.features import dateline_place
from crossread.group.stories import StoryState, assign_to_stories, load_params
from crossread.model import Article, StoryGroup
from crossread.options import StoryOptions


def _partition(groups):
    return sorted(tuple(sorted(g.article_ids)) for g in groups)


def _check_exactly_once(articles, groups):
    ids = [aid for g in groups for aid in g.article_ids]
    assert sorted(ids) == sorted(a.id for a in articles)


@pytest.mark.parametrize("with_date", [True, False])
def test_stories_two_quakes_in_one_week_are_two_stories(with_date):
    articles = all_articles(with_date=with_date)
    groups = group_stories(articles)
    _check_exactly_once(articles, groups)
    assert _partition(groups) == [("fe1",), ("qa1", "qa2", "qa3", "wire1", "wire1-reprint"), ("qb1", "qb2")]


def test_stories_group_fields():
    groups = group_stories(all_articles())
    big = groups[0]  # largest first
    assert big.id == "s-qa1"  # named after its first article (earliest date, then id)
    assert big.start == dt.date(2024, 3, 4) and big.end == dt.date(2024, 3, 5)
    assert "Valdoria" in (big.title or "")
    assert big.outlets == ("Daily Ledger", "Evening Standard Post", "Hilltop Gazette", "Northern Courier",
                           "Wire Service")
    assert [(c.article_id, c.original_id) for c in big.copies] == [("wire1-reprint", "wire1")]
    assert big.reports == 4  # five articles, one of them a reprint
    assert StoryGroup.from_dict(big.to_dict()) == big


def test_stories_order_and_unrelated_articles_do_not_change_ids():
    articles = all_articles()
    base = group_stories(articles)
    shuffled = list(articles)
    random.Random(4).shuffle(shuffled)
    assert group_stories(shuffled) == base
    extra = Article(id="zz-other", text="The Fenwick rowing club elected a new captain, Ada Lorne, on Friday.",
                    title="Rowing club elects captain", published=dt.date(2024, 4, 20))
    with_extra = group_stories(articles + [extra])
    assert {g.id for g in base} <= {g.id for g in with_extra}


@pytest.mark.parametrize(
    "articles",
    [
        [],
        [Article(id="only", text="")],
        [Article(id="a", text=""), Article(id="b", text="   "), Article(id="c", text="\u200b🙂")],
        [Article(id="x", text="Word " * 5000)],
    ],
)
def test_stories_copes_with_degenerate_input(articles):
    groups = group_stories(articles)
    _check_exactly_once(articles, groups)


def test_stories_threshold_option_controls_granularity():
    import dataclasses

    articles = all_articles()
    # No floor and no weekday rule: the stage-1 threshold alone decides how far neighbourhoods reach.
    params = dataclasses.replace(load_params(), floor=0.0, weekday_pairs=0)
    strict, _ = assign_to_stories(articles, options=StoryOptions(threshold=0.99, detect_copies=False), params=params)
    loose, _ = assign_to_stories(articles, options=StoryOptions(threshold=0.01), params=params)
    assert len(strict) > len(loose)


def test_stories_incremental_joins_stored_stories_and_keeps_ids():
    articles = all_articles()
    first = [a for a in articles if a.id in {"qa1", "qa2", "qb1", "fe1"}]
    later = [a for a in articles if a not in first]
    groups1, state = assign_to_stories(first)
    restored = StoryState.from_bytes(state.to_bytes())
    groups2, state2 = assign_to_stories(later, restored)
    _check_exactly_once(articles, groups2)
    assert _partition(groups2) == _partition(group_stories(articles))
    assert {g.id for g in groups1} <= {g.id for g in groups2}  # stored stories keep their ids
    again, _ = assign_to_stories(later, state)  # the original state was not changed
    assert again == groups2
    # Ids already stored are ignored.
    same, _ = assign_to_stories(first, state2)
    assert same == groups2


def test_stories_kosovo_example_is_one_story(example_dir):
    from crossread.clean import clean_article
    from crossread.ingest import read_inputs

    raws = list(read_inputs([example_dir], on_problem=lambda e: None))
    assert len(raws) == 5
    groups = group_stories([clean_article(r) for r in raws])
    assert len(groups) == 1
    assert groups[0].title


def test_stories_packaged_params_load():
    params = load_params()
    assert 0 < params.threshold < 1 and 0 < params.merge_threshold < 1
    assert len(params.weights) == 6


@pytest.mark.slow
def test_stories_ecbplus_dev_bcubed():
    from crossread.group.tuning import bcubed, read_corpus

    articles, gold_of = read_corpus(corpus_path("ecbplus-dev"))
    groups = group_stories(articles)
    _check_exactly_once(articles, groups)
    f1 = bcubed(gold_of, groups)[2]
    assert f1 >= 0.93
    # Incremental: the first half as a batch, then the rest in two steps.
    ordered = sorted(articles, key=lambda a: a.id)
    random.Random(0).shuffle(ordered)
    half = len(ordered) // 2
    _, state = assign_to_stories(ordered[:half])
    _, state = assign_to_stories(ordered[half : half + 100], state)
    incremental, _ = assign_to_stories(ordered[half + 100 :], state)
    _check_exactly_once(articles, incremental)
    assert bcubed(gold_of, incremental)[2] >= f1 - 0.01  # 0.913 before provisional stories were re-linked
    # Eight steps in file order (whole topics arrive together, most undated).
    state, step = None, -(-len(articles) // 8)
    for lo in range(0, len(articles), step):
        incremental, state = assign_to_stories(articles[lo : lo + step], state)
    _check_exactly_once(articles, incremental)
    assert bcubed(gold_of, incremental)[2] >= f1 - 0.01  # 0.923 before


def test_stories_window_days_stops_comparing_distant_articles():
    import dataclasses

    qa1, qa2 = make(QUAKE_A[0]), make(QUAKE_A[1])
    later = qa2.replace(published=qa1.published + dt.timedelta(days=100))
    params = dataclasses.replace(load_params(), gap_scale_days=0.0)  # the window alone, without the time prior
    together, _ = assign_to_stories([qa1, later], params=dataclasses.replace(params, window_days=0))
    apart, _ = assign_to_stories([qa1, later], params=dataclasses.replace(params, window_days=30))
    assert len(together) == 1
    assert len(apart) == 2


@pytest.mark.parametrize("days_later, stories", [(1, 1), (2, 1), (30, 2), (120, 2)])
def test_stories_reports_far_apart_in_time_are_different_events(days_later, stories):
    # The same wording weeks later is a new event in the same place (an anniversary, a trial),
    # not the second day of the first one.
    qa1, qa2, qa3 = (make(x) for x in QUAKE_A)
    later = [a.replace(id=a.id + "-later", published=a.published + dt.timedelta(days=days_later))
             for a in (qa2, qa3)]
    groups = group_stories([qa1, *later])
    assert len(groups) == stories
    if stories == 2:
        assert _partition(groups) == [("qa1",), ("qa2-later", "qa3-later")]


def test_stories_time_prior_is_a_penalty_on_dated_pairs_only():
    import dataclasses

    from crossread.group.stories import _gap_penalty

    params = dataclasses.replace(load_params(), gap_grace_days=3.0, gap_scale_days=2.0)
    day = dt.date(2024, 3, 4).toordinal()
    a = np.array([day, day, 0])
    b = np.array([day + 2, day + 13, day + 400])
    penalty = _gap_penalty(a, b, params)
    assert penalty[0, 0] == 0.0  # within the grace period
    assert penalty[1, 1] == pytest.approx(5.0)  # ten days beyond it, one unit per two days
    assert (penalty[2] == 0.0).all()  # an undated article carries no time evidence


def test_stories_a_chain_of_weekly_reports_does_not_grow_into_a_months_long_story():
    # One report a week for three months, in three wordings that share every name: each week
    # looks like the last, but the first and last reports are months apart.
    wordings = [make(x) for x in QUAKE_A]
    weekly = [wordings[k % 3].replace(id=f"w{k:02d}", published=wordings[0].published + dt.timedelta(days=7 * k))
              for k in range(13)]
    groups = group_stories(weekly)
    _check_exactly_once(weekly, groups)
    assert len(groups) >= 3
    assert max((g.end - g.start).days for g in groups) <= 31


def test_stories_span_limit_refuses_merges_of_distant_clusters():
    import dataclasses

    wordings = [make(x) for x in QUAKE_A]
    every_third_day = [wordings[k % 3].replace(id=f"d{k:02d}", published=wordings[0].published
                                               + dt.timedelta(days=3 * k)) for k in range(13)]
    params = dataclasses.replace(load_params(), max_span_days=20, strong_link=1.01)
    free, _ = assign_to_stories(every_third_day, params=dataclasses.replace(params, max_span_days=0))
    limited, _ = assign_to_stories(every_third_day, params=params)
    assert max((g.end - g.start).days for g in free) > 20
    assert max((g.end - g.start).days for g in limited) <= 20


def test_stories_neighbourhood_similarity_counts_shared_neighbours_only():
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    from crossread.group.stories import _without_own_link

    # Articles 0 and 1 are each other's only neighbour; 2, 3 and 4 all neighbour each other.
    knn = np.array([[1.0, 0.3, 0, 0, 0],
                    [0.3, 1.0, 0, 0, 0],
                    [0, 0, 1.0, 0.6, 0.5],
                    [0, 0, 0.6, 1.0, 0.7],
                    [0, 0, 0.5, 0.7, 1.0]], dtype=np.float32)
    unit = normalize(sp.csr_matrix(knn))
    rows = np.arange(5)
    shared = _without_own_link((unit @ unit.T).tocsr(), unit, rows).toarray()
    dense = unit.toarray()
    expected = np.array([[sum(dense[i, k] * dense[j, k] for k in range(5) if k not in (i, j)) for j in range(5)]
                         for i in range(5)])
    assert shared[0, 1] == pytest.approx(0.0, abs=1e-6)  # a lone pair shares no neighbour
    assert shared[2, 3] > 0.15  # 2 and 3 share neighbour 4
    off_diagonal = ~np.eye(5, dtype=bool)
    assert np.allclose(shared[off_diagonal], expected[off_diagonal], atol=1e-5)


# A follow-up eleven months after QUAKE_A (fictional, like the rest): same names and figures.
_FOLLOW_UP = ("qf", "Daily Ledger", "2025-02-10", "Valdoria inquiry blames builders for quake deaths",
              "An inquiry into the magnitude 6.4 earthquake that struck Valdoria in March 2024, killing 31 people "
              "and injuring 212, found that the collapsed apartment blocks in the old quarter broke the building "
              "code. Governor Maren Oskivo said the report of the Kestrel Seismic Institute would go to "
              "prosecutors. Rescue teams from Port Elsby had searched the rubble for days after the quake, and "
              "1,400 people spent weeks in tents on the football ground.")


def test_stories_follow_up_naming_the_events_month_joins_despite_the_gap():
    quake = [make(x) for x in QUAKE_A]
    follow_up = make(_FOLLOW_UP)
    assert _partition(group_stories([*quake, follow_up])) == [("qa1", "qa2", "qa3", "qf")]
    # The same text without the date it names is a new event eleven months on.
    vague = follow_up.replace(text=follow_up.text.replace("in March 2024", "last year"))
    assert _partition(group_stories([*quake, vague])) == [("qa1", "qa2", "qa3"), ("qf",)]


def test_stories_follow_up_filed_from_another_place_is_another_event():
    # The follow-up waiver is for a report of the event's aftermath, filed from where it happened;
    # a report filed from another town that names the event's date tells of a like event there.
    quake = [make(x) for x in QUAKE_A]
    quake[0] = quake[0].replace(text="VALDORIA, March 4 (Daily Ledger) - " + quake[0].text)
    follow_up = make(_FOLLOW_UP)
    here = follow_up.replace(text="VALDORIA, Feb 10 - " + follow_up.text)
    assert _partition(group_stories([*quake, here])) == [("qa1", "qa2", "qa3", "qf")]
    elsewhere = follow_up.replace(text="PORT ELSBY, Feb 10 - " + follow_up.text)
    assert _partition(group_stories([*quake, elsewhere])) == [("qa1", "qa2", "qa3"), ("qf",)]


@pytest.mark.parametrize(
    ("text", "place"),
    [("MONTEBRINA, Ardessa, March 19 (MPA) - A quake shook the town.", "montebrina"),
     ("THE HAGUE (Wire) -- Judges ruled on Monday.", "the hague"),
     ("SAINT-LOUVAIN \u2014 Floods rose.", "saint-louvain"),
     ("A NINE-year-old girl was pulled alive from the ruins.", None),
     ("CYBER crooks stole the data of three million patients.", None),
     ("Rescuers in Valdoria pulled survivors from the rubble.", None)],
)
def test_stories_dateline_place(text, place):
    assert dateline_place(text) == place


def test_stories_follow_up_is_found_incrementally_in_either_order():
    quake = [make(x) for x in QUAKE_A]
    follow_up = make(_FOLLOW_UP)
    batch = _partition(group_stories([*quake, follow_up]))
    _, state = assign_to_stories(quake)
    later, _ = assign_to_stories([follow_up], StoryState.from_bytes(state.to_bytes()))
    assert _partition(later) == batch
    _, state = assign_to_stories([follow_up])
    earlier, _ = assign_to_stories(quake, StoryState.from_bytes(state.to_bytes()))
    assert _partition(earlier) == batch


def test_stories_state_stored_before_periods_existed_still_loads():
    import io

    _, state = assign_to_stories([make(x) for x in QUAKE_A])
    arrays = dict(np.load(io.BytesIO(state.to_bytes()), allow_pickle=False))
    del arrays["periods"]
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    old = StoryState.from_bytes(buffer.getvalue())
    assert old.features.periods.shape == (3, state.features.periods.shape[1], 2)
    assert not old.features.periods.any()
    groups, _ = assign_to_stories([make(_FOLLOW_UP)], old)
    _check_exactly_once([make(x) for x in (*QUAKE_A, _FOLLOW_UP)], groups)


def test_stories_state_keeps_weekdays_and_loads_states_stored_without_them():
    import io

    articles = [make(x) for x in QUAKE_A]  # name Monday (and Tuesday)
    _, state = assign_to_stories(articles)
    assert state.features.weekdays.tolist() == [0b1, 0b1, 0b11]
    again = StoryState.from_bytes(state.to_bytes())
    assert again.features.weekdays.tolist() == state.features.weekdays.tolist()
    arrays = dict(np.load(io.BytesIO(state.to_bytes()), allow_pickle=False))
    del arrays["weekdays"]
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    old = StoryState.from_bytes(buffer.getvalue())
    assert old.features.weekdays.tolist() == [0, 0, 0]
    groups, new_state = assign_to_stories([make(_FOLLOW_UP)], old)
    _check_exactly_once([*articles, make(_FOLLOW_UP)], groups)
    assert new_state.features.weekdays.shape == (4,)


def test_stories_weekday_rule_is_read_from_params_and_can_be_switched_off():
    import dataclasses

    params = load_params()
    assert params.weekday_pairs > 0 and 0 <= params.weekday_share < 0.5
    articles = all_articles(with_date=False)
    off, _ = assign_to_stories(articles, params=dataclasses.replace(params, weekday_pairs=0, threshold=0.01, floor=0.0))
    on, _ = assign_to_stories(articles, params=dataclasses.replace(params, threshold=0.01, floor=0.0))
    # Undated, the two quakes (one named Monday, one Saturday) join at a loose threshold, unless
    # the weekdays they name keep them apart.
    assert ("qa1", "qa2", "qa3", "qb1", "qb2") in [tuple(sorted(set(g.article_ids) - {"wire1", "wire1-reprint"}))
                                                   for g in off]
    assert all(not ({"qa1", "qb1"} <= set(g.article_ids)) for g in on)


# Four outlets' reports of one flood, each in its own style: they share the town and the river, and
# little else word for word (a wire report, a local paper, a tabloid, a broadcaster's follow-up).
FLOOD = [
    ("fl-wire", "Global Wire", "2025-06-11", "Flash floods kill at least 9 in Tarrowby",
     "TARROWBY, Essland (GW) - At least nine people were killed and 20 were missing after flash floods tore "
     "through the hill town of Tarrowby on Tuesday night, the interior ministry said on Wednesday. More than 120 "
     "millimetres of rain fell in five hours, turning the Lisk river into a torrent that swept away cars."),
    ("fl-local", "Tarrowby Courier", "2025-06-11", "Nine dead as the Lisk bursts its banks in Tarrowby",
     "Nine people have died in the floods that hit our town last night, Mayor Orla Fenn said this morning, and "
     "twenty neighbours are still unaccounted for. Volunteers handed out blankets at the town hall. \"We have lost "
     "whole families,\" she said."),
    ("fl-tabloid", "Daily Beacon", "2025-06-12", "HORROR IN TARROWBY",
     "Heartbroken locals in Tarrowby told of their terror as a wall of water smashed through their homes. Brit "
     "tourist Jan Hollis, 52, said: \"It came out of nowhere.\" Rescuers are still searching the Lisk for the "
     "missing."),
    ("fl-broadcast", "Channel 4 Essland", "2025-06-12", "Tarrowby flood toll rises to 11",
     "The death toll from the Tarrowby floods rose to 11 on Thursday, two days after the Lisk river broke its "
     "banks. Mayor Orla Fenn said 16 people were still missing."),
]


def test_stories_a_small_folder_of_one_event_in_four_styles_is_one_story():
    # In a folder of a few reports, the place names they share are in every report, so a plain IDF
    # weighs them least and each report's own asides most: the IDF is shrunk for small collections.
    groups = group_stories([make(x) for x in FLOOD])
    assert len(groups) == 1, [g.article_ids for g in groups]
