"""Adding articles in steps (``assign_to_stories`` with a stored state) groups them as one batch would."""
from __future__ import annotations

import io
import json
import random

import numpy as np
import pytest
from group.story_articles import FESTIVAL, QUAKE_A, QUAKE_B, all_articles, make

import crossread.group.stories as stories
from crossread.group import group_stories
from crossread.group.stories import StoryState, assign_to_stories


def _partition(groups):
    return sorted(tuple(sorted(g.article_ids)) for g in groups)


def _by_article(groups):
    return {aid: g.id for g in groups for aid in g.article_ids}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_incremental_one_article_at_a_time_matches_batch(seed):
    articles = all_articles()
    random.Random(seed).shuffle(articles)
    state = None
    for article in articles:
        groups, state = assign_to_stories([article], StoryState.from_bytes(state.to_bytes()) if state else None)
    assert _partition(groups) == _partition(group_stories(articles))


def _wrongly_merged_state():
    """A stored state whose one provisional story holds two different earthquakes (qa1-qa3 and qb1)."""
    _, state = assign_to_stories([make(x) for x in (*QUAKE_A, QUAKE_B[0], *FESTIVAL)])
    state.story_ids = ["s-qa1" if i.startswith("q") else sid for i, sid in zip(state.ids, state.story_ids)]
    return state


@pytest.fixture
def neighbourhood_only(monkeypatch):
    """Treat the small test collections as large: only the neighbourhood of new articles is grouped again."""
    monkeypatch.setattr(stories, "_MIN_DF_FROM", 0)
    monkeypatch.setattr(stories, "_IDF_FULL_FROM", 0)


def test_incremental_provisional_story_is_split_when_new_reports_tell_its_events_apart(neighbourhood_only):
    groups, new_state = assign_to_stories([make(QUAKE_B[1])], _wrongly_merged_state())
    story = _by_article(groups)
    # The part holding most of the stored story keeps its id; the other is named after its first article.
    assert {a for a, s in story.items() if s == "s-qa1"} == {"qa1", "qa2", "qa3"}
    assert story["qb1"] == story["qb2"] == "s-qb1"
    assert new_state.settled == []


def test_incremental_settled_story_is_never_split(neighbourhood_only):
    state = _wrongly_merged_state()
    state.settled = ["s-qa1"]
    groups, new_state = assign_to_stories([make(QUAKE_B[1])], state)
    story = _by_article(groups)
    assert story["qa1"] == story["qa2"] == story["qa3"] == story["qb1"] == "s-qa1"
    assert "s-qa1" in new_state.settled


def test_incremental_stories_the_new_articles_do_not_touch_are_left_as_stored(neighbourhood_only):
    festival = ("fe2", "Arts Weekly", "2024-03-07", "Brellon lantern festival draws 85,000 on its first day",
                "Organiser Ilse Varnaby said 85,000 visitors came to the Brellon lantern festival on Wednesday, where "
                "6,000 paper lanterns from artists of 19 countries hang along the Fenwick canal until Sunday.")
    groups, _ = assign_to_stories([make(festival)], _wrongly_merged_state())
    story = _by_article(groups)
    assert story["fe1"] == story["fe2"]
    # The wrongly merged quake story is not in the new article's neighbourhood: it stays as stored.
    assert story["qa1"] == story["qb1"] == "s-qa1"


def test_incremental_state_stored_before_settled_existed_keeps_its_stories_whole(neighbourhood_only):
    arrays = dict(np.load(io.BytesIO(_wrongly_merged_state().to_bytes()), allow_pickle=False))
    meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
    del meta["settled"]
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    old = StoryState.from_bytes(buffer.getvalue())
    assert old.settled == ["s-fe1", "s-qa1"]
    groups, _ = assign_to_stories([make(QUAKE_B[1])], old)
    story = _by_article(groups)
    assert story["qa1"] == story["qb1"] == "s-qa1"


def test_incremental_same_input_same_ids_and_state():
    first, later = all_articles()[:4], all_articles()[4:]
    runs = []
    for _ in range(2):
        _, state = assign_to_stories(first)
        groups, state = assign_to_stories(list(reversed(later)), state)
        runs.append((groups, state.story_ids, state.settled))
    assert runs[0] == runs[1]


def test_incremental_stored_copies_stay_with_their_original_when_regrouped():
    import dataclasses

    from group.story_articles import REPRINT, WIRE

    from crossread.group.stories import load_params

    second = (WIRE[0] + "-second", "Valley Times", *REPRINT[2:])
    wire = [make(x) for x in (WIRE, REPRINT, second)]
    _, state = assign_to_stories(wire)
    assert len(state.copies) == 2 and len(set(state.story_ids)) == 1
    # Nothing may merge by similarity: only the stored copy sets start as one cluster.
    never = dataclasses.replace(load_params(), threshold=1.01, merge_threshold=1.01)
    groups, new_state = assign_to_stories([make(QUAKE_A[0])], state, params=never)
    story = _by_article(groups)
    assert story["wire1"] == story["wire1-reprint"] == story["wire1-second"] == state.story_ids[0]
    assert story["qa1"] != story["wire1"]
    assert len(next(g for g in groups if "wire1" in g.article_ids).copies) == 2
