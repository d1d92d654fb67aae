from __future__ import annotations

import datetime as dt

from group.story_articles import REPRINT, WIRE, all_articles, make

from crossread.group import find_copies
from crossread.model import Article


def test_syndication_marks_reprint_with_original_and_share():
    copies = find_copies(all_articles())
    assert [(c.article_id, c.original_id) for c in copies] == [("wire1-reprint", "wire1")]
    assert 0.7 < copies[0].shared <= 1.0


def test_syndication_original_is_earliest_published():
    early = make(REPRINT).replace(published=dt.date(2024, 3, 1))
    copies = find_copies([make(WIRE), early])
    assert [(c.article_id, c.original_id) for c in copies] == [("wire1", "wire1-reprint")]


def test_syndication_order_does_not_matter():
    articles = all_articles()
    assert find_copies(articles) == find_copies(list(reversed(articles)))


def test_syndication_same_event_different_wording_is_not_a_copy():
    articles = [a for a in all_articles() if a.id.startswith("qa")]
    assert find_copies(articles) == ()


def test_syndication_copies_of_a_copy_point_at_one_original():
    base = make(WIRE)
    second = base.replace(id="wire1-b", published=dt.date(2024, 3, 6), text=base.text + " More later.")
    third = base.replace(id="wire1-c", published=dt.date(2024, 3, 7), text="Updated. " + base.text)
    copies = find_copies([third, second, base])
    assert {c.original_id for c in copies} == {"wire1"}
    assert {c.article_id for c in copies} == {"wire1-b", "wire1-c"}


def test_syndication_copes_with_empty_and_short_texts():
    articles = [Article(id="e1", text=""), Article(id="e2", text=""), Article(id="s1", text="Short."),
                Article(id="s2", text="Short.")]
    assert find_copies(articles) == ()
    assert find_copies([]) == ()


def test_syndication_same_text_weeks_apart_is_not_a_reprint():
    base = make(WIRE)
    soon = base.replace(id="wire1-soon", published=base.published + dt.timedelta(days=3))
    months = base.replace(id="wire1-months", published=base.published + dt.timedelta(days=60))
    copies = find_copies([base, soon, months])
    assert [(c.article_id, c.original_id) for c in copies] == [("wire1-soon", "wire1")]


def test_syndication_a_set_of_copies_does_not_chain_across_weeks():
    # A stock text reused every ten days: each is within two weeks of the next, but the set
    # must not grow past two weeks.
    base = make(WIRE)
    reused = [base.replace(id=f"wire1-{k}", published=base.published + dt.timedelta(days=10 * k)) for k in range(6)]
    copies = find_copies(reused)
    days = {a.id: a.published for a in reused}
    assert copies  # neighbours ten days apart are still reprints
    assert all(abs((days[c.article_id] - days[c.original_id]).days) <= 14 for c in copies)
    originals = {c.original_id for c in copies}
    assert len(originals) >= 2
