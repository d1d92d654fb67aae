"""Agglomerative clustering over a sparse similarity graph.

scikit-learn and SciPy implement average linkage over a dense distance matrix only
(O(n^2) memory: 3 GB at 20,000 articles).  Story grouping compares each article with its
nearest neighbours alone, so this module merges clusters over the sparse graph by hand:
a heap of cluster pairs keyed by their linkage score, with stale entries skipped.
"""
from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

__all__ = ["sparse_average_link"]


def sparse_average_link(
    similarity: sp.spmatrix,
    threshold: float,
    *,
    initial: Sequence[int] | np.ndarray | None = None,
    edge_average: bool = False,
    days: np.ndarray | None = None,
    max_span: int = 0,
    strong: float = 1.0,
    weekdays: np.ndarray | None = None,
    weekday_pairs: int = 0,
    weekday_share: float = 0.0,
) -> np.ndarray:
    """Cluster labels from greedy average-linkage merging while the best link is >= ``threshold``.

    Args:
        similarity: symmetric n x n sparse matrix of pair similarities in [0, 1]; a missing
            entry counts as similarity 0 (or, with ``edge_average``, as no evidence at all).
        threshold: merge two clusters while their linkage score reaches it.
        initial: optional starting labels (n ints); items sharing a label start as one cluster
            (e.g. syndicated copies, or stories already stored).
        edge_average: score a cluster pair by the mean over the pairs *present* in the graph
            instead of over all ``|A|*|B|`` pairs.
        days: optional item dates (day ordinals, 0 when unknown), read with ``max_span``.
        max_span: when > 0, refuse a merge whose cluster would span more than this many days
            between its earliest and latest dated item, unless its score reaches ``strong``
            (chains of day-to-day neighbours must not grow into a months-long cluster).
        strong: the score above which a merge ignores ``max_span`` (and ``weekdays``).
        weekdays: optional bit mask per item of the weekdays its text names (0: none).  With
            ``weekday_pairs`` > 0, a merge is refused when at least that many pairs across the two
            clusters both name weekdays and at most ``weekday_share`` of them name a common one,
            while within each cluster more than ``1 - weekday_share`` of such pairs do: reports of
            one event name the day it happened (two like events in one place seldom fall on one
            weekday), but the reports of a days-long saga name many days and are not told apart
            by them.  Pairs of two dated items (``days``) are not counted: their dates say more.
        weekday_pairs: see ``weekdays``.
        weekday_share: see ``weekdays``.

    Returns:
        n labels; each cluster is labelled with its lowest member index, so the result does not
        depend on merge order ties (ties break on the lower indices).
    """
    n = similarity.shape[0]
    if initial is None:
        labels = np.arange(n, dtype=np.int64)
    else:
        initial = np.asarray(initial)
        # Label each starting cluster by its lowest member index.
        first: dict[int, int] = {}
        labels = np.empty(n, dtype=np.int64)
        for i, lab in enumerate(initial.tolist()):
            labels[i] = first.setdefault(lab, i)
    if n == 0:
        return labels
    coo = sp.triu(similarity, k=1).tocoo()
    size = np.bincount(labels, minlength=n).astype(np.int64)
    sums: dict[int, dict[int, float]] = {}
    counts: dict[int, dict[int, int]] = {}
    for a, b, v in zip(labels[coo.row].tolist(), labels[coo.col].tolist(), coo.data.tolist()):
        if a == b or v <= 0:
            continue
        if a > b:
            a, b = b, a
        row = sums.setdefault(a, {})
        row[b] = row.get(b, 0.0) + v
        sums.setdefault(b, {})[a] = row[b]
        if edge_average:  # the pair counts are needed only here: skip their memory otherwise
            crow = counts.setdefault(a, {})
            crow[b] = crow.get(b, 0) + 1
            counts.setdefault(b, {})[a] = crow[b]

    def score(a: int, b: int) -> float:
        if edge_average:
            return sums[a][b] / counts[a][b]
        return sums[a][b] / (size[a] * size[b])

    span_limited = days is not None and max_span > 0
    if span_limited:
        dated = np.asarray(days) > 0
        # Earliest and latest dated member of each starting cluster (+inf/-inf when none is dated).
        first_day = np.full(n, np.inf)
        last_day = np.full(n, -np.inf)
        np.minimum.at(first_day, labels[dated], np.asarray(days)[dated].astype(float))
        np.maximum.at(last_day, labels[dated], np.asarray(days)[dated].astype(float))

    by_weekday = weekdays is not None and weekday_pairs > 0
    if by_weekday:
        # Per cluster: how many members name each combination of weekdays (a bit mask), dated or not.
        masks: list[dict[tuple[int, bool], int]] = [{} for _ in range(n)]
        has_day = np.asarray(days) > 0 if days is not None else np.zeros(n, dtype=bool)
        for lab, mask, dated_item in zip(labels.tolist(), np.asarray(weekdays).tolist(), has_day.tolist()):
            if mask:
                key = (mask, dated_item)
                masks[lab][key] = masks[lab].get(key, 0) + 1

        # Per cluster: pairs of its members that both name weekdays, and how many name a common one.
        inner_pairs = np.zeros(n, dtype=np.int64)
        inner_common = np.zeros(n, dtype=np.int64)
        for lab in np.unique(labels).tolist():
            if sum(masks[lab].values()) > 1:
                inner_pairs[lab], inner_common[lab] = _weekday_pairs(masks[lab], masks[lab], same=True)

    def consistent(c: int) -> bool:
        return inner_common[c] > (1 - weekday_share) * inner_pairs[c]

    def weekdays_differ(a: int, b: int) -> bool:
        pairs, common = _weekday_pairs(masks[a], masks[b])
        return (pairs >= weekday_pairs and common <= weekday_share * pairs
                and (inner_pairs[a] == 0 or consistent(a)) and (inner_pairs[b] == 0 or consistent(b)))

    heap = [(-score(a, b), a, b) for a, row in sums.items() for b in row if a < b]
    heapq.heapify(heap)
    parent = list(range(n))
    alive = np.zeros(n, dtype=bool)
    alive[np.unique(labels)] = True
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < threshold:
            break
        if not (alive[a] and alive[b]) or b not in sums.get(a, {}) or -neg != score(a, b):
            continue  # stale entry: one side merged since, or its score changed
        if span_limited and -neg < strong:
            lo_day, hi_day = min(first_day[a], first_day[b]), max(last_day[a], last_day[b])
            if hi_day - lo_day > max_span:
                continue  # spans only grow: this pair stays refused
        if by_weekday and -neg < strong and weekdays_differ(a, b):
            continue  # stays refused until one side grows (a new heap entry is pushed then)
        if span_limited:
            first_day[a], last_day[a] = min(first_day[a], first_day[b]), max(last_day[a], last_day[b])
        if by_weekday:
            pairs, common = _weekday_pairs(masks[a], masks[b])
            inner_pairs[a] += inner_pairs[b] + pairs
            inner_common[a] += inner_common[b] + common
            for key, k in masks[b].items():
                masks[a][key] = masks[a].get(key, 0) + k
            masks[b] = {}
        # Merge b into a (a < b): the survivor keeps the lower index.
        alive[b] = False
        size[a] += size[b]
        row_a, row_b = sums[a], sums.pop(b)
        del row_a[b], row_b[a]
        for c, v in row_b.items():
            row_a[c] = row_a.get(c, 0.0) + v
            del sums[c][b]
        if edge_average:
            crow_a, crow_b = counts[a], counts.pop(b)
            del crow_a[b], crow_b[a]
            for c, k in crow_b.items():
                crow_a[c] = crow_a.get(c, 0) + k
                del counts[c][b]
        for c in row_a:
            sums[c][a] = row_a[c]
            if edge_average:
                counts[c][a] = counts[a][c]
            lo, hi = (a, c) if a < c else (c, a)
            heapq.heappush(heap, (-score(lo, hi), lo, hi))
        parent[b] = a
    # Follow each starting cluster to the cluster it ended in.
    out = np.empty(n, dtype=np.int64)
    final: dict[int, int] = {}
    for i, lab in enumerate(labels.tolist()):
        root = final.get(lab)
        if root is None:
            root = lab
            while parent[root] != root:
                root = parent[root]
            final[lab] = root
        out[i] = root
    return out


def _weekday_pairs(a: dict[tuple[int, bool], int], b: dict[tuple[int, bool], int], *,
                   same: bool = False) -> tuple[int, int]:
    """(pairs, pairs naming a common weekday) between two clusters' weekday counts, leaving out
    pairs of two dated items; with ``same``, the distinct pairs within one cluster."""
    pairs = common = 0
    for (ma, da), ka in a.items():
        for (mb, db), kb in b.items():
            if da and db:
                continue
            k = ka * kb
            if same:
                k = ka * (ka - 1) if (ma, da) == (mb, db) else k
            pairs += k
            if ma & mb:
                common += k
    if same:
        pairs, common = pairs // 2, common // 2
    return pairs, common
