from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from crossread.group.linkage import sparse_average_link


def _same(labels):
    labels = np.asarray(labels)
    return labels[:, None] == labels[None, :]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_linkage_matches_scipy_average_linkage(seed):
    rng = np.random.default_rng(seed)
    sim = rng.random((40, 40))
    sim = (sim + sim.T) / 2
    sim[sim < 0.55] = 0.0
    np.fill_diagonal(sim, 0.0)
    ours = sparse_average_link(sp.csr_matrix(sim), 0.3)
    dist = 1.0 - sim
    np.fill_diagonal(dist, 0.0)
    ref = fcluster(linkage(squareform(dist), "average"), 0.7, "distance")
    assert (_same(ours) == _same(ref)).all()


def test_linkage_keeps_initial_clusters_and_labels_by_lowest_index():
    sim = sp.csr_matrix((4, 4), dtype=np.float32)
    labels = sparse_average_link(sim, 0.5, initial=[7, 9, 7, 3])
    assert labels.tolist() == [0, 1, 0, 3]


def test_linkage_edge_average_ignores_missing_pairs():
    # 0-1 strong, 1-2 strong, 0-2 unknown: edge average joins all three, full average does not.
    sim = sp.csr_matrix(np.array([[0, 0.9, 0], [0.9, 0, 0.9], [0, 0.9, 0]], dtype=np.float32))
    assert len(set(sparse_average_link(sim, 0.7, edge_average=True).tolist())) == 1
    assert len(set(sparse_average_link(sim, 0.7).tolist())) == 2


def test_linkage_empty():
    assert sparse_average_link(sp.csr_matrix((0, 0)), 0.5).tolist() == []


def _weekday_case(days_of_week, similarity=0.5):
    """Items 0-2 and 3-5 tightly linked within, loosely (``similarity``) across."""
    sim = np.full((6, 6), similarity)
    sim[:3, :3] = sim[3:, 3:] = 0.9
    np.fill_diagonal(sim, 0.0)
    masks = np.array([sum(1 << d for d in days) for days in days_of_week])
    return sp.csr_matrix(sim), masks


def test_linkage_weekday_rule_keeps_apart_clusters_naming_different_days():
    sim, masks = _weekday_case([[6], [6], [6], [3], [3], [3]])  # Sunday x3, Thursday x3
    rule = dict(weekday_pairs=4, weekday_share=0.25, strong=0.7)
    assert len(set(sparse_average_link(sim, 0.3).tolist())) == 1
    assert sparse_average_link(sim, 0.3, weekdays=masks, **rule).tolist() == [0, 0, 0, 3, 3, 3]
    # A shared day, a strong link, or too few pairs that name days: merged.
    _, shared = _weekday_case([[6], [6], [6], [3, 6], [3], [3]])
    assert len(set(sparse_average_link(sim, 0.3, weekdays=shared, **rule).tolist())) == 1  # 3 of 9 pairs share
    strong, _ = _weekday_case([[6]] * 3 + [[3]] * 3, similarity=0.8)
    assert len(set(sparse_average_link(strong, 0.3, weekdays=masks, **rule).tolist())) == 1
    few = np.array([1 << 6, 0, 0, 1 << 3, 1 << 3, 0])  # 1 x 2 pairs name days
    assert len(set(sparse_average_link(sim, 0.3, weekdays=few, **rule).tolist())) == 1


def test_linkage_weekday_rule_ignores_sagas_and_dated_pairs():
    rule = dict(weekday_pairs=4, weekday_share=0.25, strong=0.7)
    # Reports of a days-long saga name many days: a cluster whose own members disagree is not told apart.
    sim, saga = _weekday_case([[6], [0], [2], [3], [3], [3]])
    assert len(set(sparse_average_link(sim, 0.3, weekdays=saga, **rule).tolist())) == 1
    # Two dated reports are compared by their dates (the time prior), not by the days they name.
    _, masks = _weekday_case([[6], [6], [6], [3], [3], [3]])
    dated = np.array([100, 101, 100, 102, 101, 100])
    assert len(set(sparse_average_link(sim, 0.3, weekdays=masks, days=dated, **rule).tolist())) == 1
    one_undated = dated.copy()
    one_undated[:3] = 0
    assert sparse_average_link(sim, 0.3, weekdays=masks, days=one_undated, **rule).tolist() == [0, 0, 0, 3, 3, 3]
