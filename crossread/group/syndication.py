"""Syndicated copies: one wire report printed under several mastheads.

Each article is cut into overlapping five-word shingles, hashed (scikit-learn's
``HashingVectorizer``, MurmurHash3 in C) into a sparse 0/1 matrix; one sparse product
then gives, for every pair of articles sharing any shingle, the exact number they share.
This is exact where MinHash/LSH (datasketch) estimates, and faster here: hashing
shingles in C beats datasketch's per-shingle Python hashing by an order of magnitude,
and five-word shingles are rare enough that the product stays sparse.

A copy shares at least ``MIN_SHARED`` of its shingles with its original, and runs within
``MAX_DAYS_APART`` days of it (when both are dated): the same wording weeks apart is a
template reused for another event (a weekly column, a stock background paragraph), not a
reprint.  Within a set of
copies of one text, the first is the earliest published (then the longest, then the lowest
id); every other member is marked as a copy of the earlier member it shares most text with.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from ..model import Article, Copy
from .features import fold, reference_date, story_text

__all__ = ["find_copies", "copy_components", "SHINGLE", "MIN_SHARED", "MIN_SHINGLES", "MAX_DAYS_APART"]

SHINGLE = 5  # words per shingle
MIN_SHARED = 0.6  # share of the copy's shingles found in the original
MIN_SHINGLES = 15  # shorter texts (a headline, a teaser) are too short to call copies
MAX_DAYS_APART = 14  # a reprint runs within two weeks of its original
# A shingle found in more articles than this (or in 5% of a large collection) is stock
# phrasing ("contributed to this report"); dropping it keeps the product sparse, since a
# shingle in d articles adds d*d pairs.
_COMMON_SHINGLE_DOCS = 500


@lru_cache(maxsize=1)
def _shingler():  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(n_features=2**24, ngram_range=(SHINGLE, SHINGLE), preprocessor=fold,
                             token_pattern=r"(?u)\b\w+\b", alternate_sign=False,
                             norm=None, binary=True, dtype=np.float32)


def _shared_counts(articles: Sequence[Article]) -> tuple[sp.csr_matrix, np.ndarray]:
    """Pairwise counts of shared shingles (upper triangle) and each article's shingle count."""
    matrix = _shingler().transform([story_text(a) for a in articles]).tocsr()
    totals = np.diff(matrix.indptr).astype(np.float64)  # binary: one entry per distinct shingle
    # Renumber the shingles present (memory grows with the text, not with the hash space),
    # keeping those in at least two articles and not in too many.
    present, column, df = np.unique(matrix.indices, return_inverse=True, return_counts=True)
    keep = (df >= 2) & (df <= max(_COMMON_SHINGLE_DOCS, len(articles) // 20))
    entries = keep[column]
    rows = np.repeat(np.arange(len(articles)), np.diff(matrix.indptr))[entries]
    renumber = np.cumsum(keep) - 1
    shared_only = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, renumber[column[entries]])),
                                shape=(len(articles), int(keep.sum())))
    product = sp.triu(shared_only @ shared_only.T, k=1).tocsr()
    return product, totals


def _original_key(article: Article, length: float) -> tuple:
    published = article.published or dt.date.max
    return (published, -length, article.id)


def copy_components(articles: Sequence[Article]) -> tuple[np.ndarray, tuple[Copy, ...]]:
    """Label each article with its copy set (articles that are copies of one text share a label).

    Returns:
        (labels, copies): ``labels[i]`` is the index of the first article of article ``i``'s
        set (``i`` itself when it copies nothing), and the ``Copy`` records.
    """
    n = len(articles)
    labels = np.arange(n, dtype=np.int64)
    if n < 2:
        return labels, ()
    product, totals = _shared_counts(articles)
    coo = product.tocoo()
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    days = [d.toordinal() if d else 0 for d in (reference_date(a) for a in articles)]
    # Each set's earliest and latest dated member: a set of copies spans MAX_DAYS_APART at
    # most, so day-after-day reprints of a template cannot chain into a months-long set.
    first = [d if d else None for d in days]
    last = list(first)
    candidates = []
    for i, j, shared in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist()):
        smaller = min(totals[i], totals[j])
        if smaller < MIN_SHINGLES or shared / smaller < MIN_SHARED:
            continue
        candidates.append((-shared / smaller, i, j, float(shared)))
    candidates.sort()  # closest copies first; ties by index, so the result is deterministic
    pairs: dict[tuple[int, int], float] = {}
    for _, i, j, shared in candidates:
        ri, rj = find(i), find(j)
        if ri != rj:
            dated = [d for d in (first[ri], first[rj], last[ri], last[rj]) if d is not None]
            if dated and max(dated) - min(dated) > MAX_DAYS_APART:
                continue
            keep, gone = min(ri, rj), max(ri, rj)
            parent[gone] = keep
            if dated:
                first[keep], last[keep] = min(dated), max(dated)
        pairs[(i, j)] = shared
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    copies = []
    for group in members.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda i: _original_key(articles[i], totals[i]))
        for i in group:
            labels[i] = group[0]
        for rank, i in enumerate(group[1:], 1):
            # The source of a copy: the earlier member it shares most of its text with.
            best, best_shared = group[0], -1.0
            for j in group[:rank]:
                pair = (min(i, j), max(i, j))
                shared = pairs.get(pair)
                if shared is None:
                    shared = float(product[pair])
                if shared > best_shared:
                    best, best_shared = j, shared
            share = best_shared / totals[i] if totals[i] else 0.0
            copies.append(Copy(article_id=articles[i].id, original_id=articles[best].id,
                               shared=round(min(max(share, 0.0), 1.0), 3)))
    copies.sort(key=lambda c: (c.original_id, c.article_id))
    return labels, tuple(copies)


def find_copies(articles: Sequence[Article]) -> tuple[Copy, ...]:
    """Every article that reprints another, with the share of its text found in the original.

    Args:
        articles: cleaned articles, in any order (the result does not depend on it).

    Returns:
        One ``Copy`` per reprint, sorted by original then copy id; originals and articles
        without copies are not listed.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    return copy_components(ordered)[1]
