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
