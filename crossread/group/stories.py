"""Story clustering: one story per real-world event, in batch or as articles arrive.

How two articles are compared (all features from the text; see ``features``):

1. **Pair probability** ``P``: a logistic model over six similarities, the cosine of TF-IDF
   word vectors (words and word pairs), of names (capitalised word runs), of numbers, of
   the years mentioned (how far apart, when both mention years), and closeness of their
   reference dates (``exp(-days/7)``) times the word and name similarities.  Its weights
   were fitted on the ECB+ dev topics (``crossread/data/stories/params.json``;
   ``python -m crossread.group.tuning``).  A **time prior** then takes log-odds off pairs of
   dated reports written far apart (one unit per ``gap_scale_days`` beyond
   ``gap_grace_days``): one event is reported within days, so two earthquakes a week apart
   are two stories unless the texts share overwhelming detail.  It is set by reasoning, not
   fitted, because the fitting corpus is mostly undated.  A follow-up is the exception
   (``recalled_dates``): a pair that already matches closely (``recall_link``) pays no prior
   when one article is dated within a day or month the other names ("the shooting in April
   2007"), so a trial or sentencing joins the story of its crime; a lookup of those dates lets
   such pairs be compared beyond ``window_days``.  Two reports whose datelines name two places
   ("MONTEBRINA, March 19 -") get no waiver: a like event elsewhere names the first one's date too.
2. **Neighbourhood similarity** ``P2``: the cosine between two articles' rows of ``P``
   restricted to each article's ``neighbours`` best matches, counting shared *third*
   neighbours only (``shared_only``).  A short article whose raw similarities are all low
   still finds its story, because it has the same nearest neighbours as the story's other
   articles (shared-nearest-neighbour similarity); a lone pair gets nothing beyond its ``P``.

Clustering is average linkage in two stages over a sparse graph (every article keeps
its ``candidates`` best matches only, so memory grows linearly):

- stage 1 merges on ``blend * P2 + (1 - blend) * P`` down to ``threshold`` (a pair whose own
  ``P`` is below ``floor`` gets nothing from its neighbourhood: shared neighbours alone must
  not link two articles that say little in common);
- stage 2 merges the stage-1 clusters while the mean ``P`` over the pairs compared between
  them reaches ``merge_threshold`` (0.5: "more likely the same story than not").  Stage 2
  keeps a big story whole when its articles' neighbourhoods do not all overlap.

Both stages refuse a merge that would make a story span more than ``max_span_days`` between
its first and last dated report unless the link reaches ``strong_link``: day-to-day
neighbours must not chain into a months-long saga of distinct events.  They also refuse
(below ``strong_link``) to join two clusters whose reports name different weekdays
(``weekday_pairs``, ``weekday_share``): reports of one event name the day it happened, and
this holds for undated reports, where the time prior cannot tell two like events apart.

Syndicated copies (``syndication``) start as one cluster.  Batch grouping is the
incremental mode started from an empty ``StoryState``: ``assign_to_stories`` compares new
articles with stored ones (and each other) and groups their neighbourhood again: the new
articles, the stored ones they link to (pair probability >= ``floor``) and every member of
those articles' stories, with the stored rows compared again and every pair weighed as a
batch run would.  Stored stories are provisional: a story formed from an event's first
reports can hold two like events that later reports tell apart, so the neighbourhood starts
from single articles (and copy sets), and a story may grow, merge with another, or split;
the part holding most of a stored story keeps its id.  Stories listed in
``StoryState.settled`` are kept whole.  Stories the new articles do not reach are not looked
at, so the cost follows the neighbourhood, not the size of the store.
"""
from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import scipy.sparse as sp

from ..model import Article, ArticleAnalysis, Copy, StoryGroup
from ..options import StoryOptions
from .features import DATA_DIR, SMALL_FEATURES, WORD_FEATURES, ArticleFeatures, extract_features
from .linkage import sparse_average_link
from .syndication import copy_components

__all__ = ["group_stories", "assign_to_stories", "StoryState", "StoryParams", "load_params", "pair_features",
           "FEATURE_NAMES"]

FEATURE_NAMES = ("words", "names", "numbers", "years_differ", "days_near_words", "days_near_names")
_CHUNK = 128
# A report of a named day is dated that day or the next (or, with time zones, the day before).
RECALL_SLACK_DAYS = 1  # rows compared at once: bounds the dense blocks to _CHUNK x n floats
_MIN_DF_FROM = 200  # collections smaller than this keep words seen in one article
_IDF_FULL_FROM = 100  # collections smaller than this weigh terms with a shrunk IDF (see ``_weigh``)
_IDF_LEAST_SHARE = 0.25  # ... never below this share of it: a small folder's frequencies still part two like events


@dataclass(frozen=True, slots=True)
class StoryParams:
    """The tuned constants of story grouping (``crossread/data/stories/params.json``)."""

    weights: tuple[float, ...]
    intercept: float
    neighbours: int = 10
    candidates: int = 30
    blend: float = 0.75
    threshold: float = 0.3
    merge_threshold: float = 0.5
    near_days: float = 7.0
    min_df: int = 2
    floor: float = 0.0
    window_days: int = 0
    # Time prior (not fitted: ECB+ has few dates): two dated reports more than ``gap_grace_days``
    # apart lose one unit of log-odds per ``gap_scale_days`` beyond it.
    gap_grace_days: float = 0.0
    gap_scale_days: float = 0.0
    # A story spans at most ``max_span_days`` between its first and last dated article unless
    # the clusters joined are linked by at least ``strong_link`` (see ``linkage``).
    max_span_days: int = 0
    strong_link: float = 1.0
    # Neighbourhood similarity counts shared third neighbours only: the pair's own link is
    # already in ``P``, and counted again it makes any two articles that are each other's
    # only neighbour look alike (P2 ~ 2P/(1+P^2)), so a pair with P 0.2 would merge.
    shared_only: bool = False
    # The time prior measures the gap to the nearest of a report's own date and the dates it
    # names (``features.recalled_periods``): a sentencing that names the month of the crime
    # is as near to the crime's reports as a next-day report.
    recalled_dates: bool = False
    recall_link: float = 0.9  # the pair probability, before the prior, that earns it
    # Reports of one event name the weekday it happened on: a merge is refused (unless its link
    # reaches ``strong_link``) when at least ``weekday_pairs`` article pairs across the two
    # clusters both name weekdays, at most ``weekday_share`` of them name a common one, and each
    # cluster agrees within itself.  It separates like events in one place whose reports carry
    # no date (pairs of two dated reports are left to the time prior; see ``linkage``).
    weekday_pairs: int = 0
    weekday_share: float = 0.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "StoryParams":
        names = tuple(data["features"])
        if names != FEATURE_NAMES:
            raise ValueError(f"params.json features {names} do not match {FEATURE_NAMES}")
        keys = {"neighbours", "candidates", "blend", "threshold", "merge_threshold", "near_days", "min_df", "floor",
                "window_days", "gap_grace_days", "gap_scale_days", "max_span_days", "strong_link",
                "shared_only", "recalled_dates", "recall_link", "weekday_pairs", "weekday_share"}
        return cls(weights=tuple(float(w) for w in data["weights"]), intercept=float(data["intercept"]),
                   **{k: data[k] for k in keys if k in data})


@lru_cache(maxsize=1)
def load_params() -> StoryParams:
    """The packaged parameters."""
    return StoryParams.from_dict(json.loads((DATA_DIR / "params.json").read_text(encoding="utf-8")))


# ---------------------------------------------------------------------------- weighting


def _weigh(counts: sp.csr_matrix, df: np.ndarray, n_docs: int, min_df: int) -> sp.csr_matrix:
    """Sublinear TF-IDF rows, L2-normalised; terms seen in fewer than ``min_df`` articles dropped.

    In a small collection the document frequencies say little about how telling a word is: in
    a folder of five reports of one flood, "Sorrel" is in all five and gets the least weight,
    while each report's own asides get the most, so the reports look unrelated.  Below
    ``_IDF_FULL_FROM`` articles the IDF's excess over 1 is scaled by the collection's size (the full
    IDF from ``_IDF_FULL_FROM`` on, as in the collections the weights were fitted on), but never below
    ``_IDF_LEAST_SHARE`` of it: with plain term weights, two quakes a week apart in one region merged,
    since the frequencies are what tell them apart in a small mixed folder.  Measured on small
    collections drawn from ecbplus-dev gold stories (``bench/small_collections.py``, B-cubed): one
    story's 2-6 reports 0.82 -> 0.92, two like events of one topic 0.83 -> 0.86, three unrelated
    stories 0.90 -> 0.94; the dev corpora (84 articles and more) are unchanged.
    """
    from sklearn.preprocessing import normalize

    m = counts.tocsr(copy=True)
    m.data = 1.0 + np.log(np.maximum(m.data, 1.0))
    term_df = df[m.indices]
    shrink = max(_IDF_LEAST_SHARE, min(1.0, n_docs / _IDF_FULL_FROM)) if _IDF_FULL_FROM > 0 else 1.0
    idf = 1.0 + np.log((1.0 + n_docs) / (1.0 + term_df)) * shrink
    m.data = (m.data * np.where(term_df >= min_df, idf, 0.0)).astype(np.float32)
    m.eliminate_zeros()
    return normalize(m, copy=False)


@dataclass(slots=True)
class _Weighted:
    words: sp.csr_matrix
    names: sp.csr_matrix
    numbers: sp.csr_matrix
    years: sp.csr_matrix
    day: np.ndarray
    periods: np.ndarray
    places: np.ndarray


def _weighted(features: ArticleFeatures, state: "StoryState", params: StoryParams) -> _Weighted:
    from sklearn.preprocessing import normalize

    n = state.n_docs
    return _Weighted(
        # Dropping words seen once removes typos and one-off phrases from a large collection;
        # in a small one (five articles) those words are most of what tells stories apart.
        words=_weigh(features.words, state.df_words, n, params.min_df if n >= _MIN_DF_FROM else 1),
        names=_weigh(features.names, state.df_names, n, 1),
        numbers=_weigh(features.numbers, state.df_numbers, n, 1),
        years=normalize(features.years.astype(np.float32)),
        day=features.day,
        periods=features.periods,
        places=features.places,
    )


def _take(w: _Weighted, rows: np.ndarray) -> _Weighted:
    return _Weighted(w.words[rows], w.names[rows], w.numbers[rows], w.years[rows], w.day[rows], w.periods[rows],
                     w.places[rows])


@dataclass(slots=True)
class _Columns:
    """The articles compared against, with their vectors transposed once (csr of the transpose)."""

    words: sp.csr_matrix
    names: sp.csr_matrix
    numbers: sp.csr_matrix
    years: sp.csr_matrix
    day: np.ndarray
    has_years: np.ndarray
    periods: np.ndarray
    places: np.ndarray

    @classmethod
    def of(cls, w: _Weighted) -> "_Columns":
        return cls(w.words.T.tocsr(), w.names.T.tocsr(), w.numbers.T.tocsr(), w.years.T.tocsr(), w.day,
                   np.diff(w.years.indptr) > 0, w.periods, w.places)


def _pair_terms(a: _Weighted, b: _Weighted | _Columns, params: StoryParams):  # type: ignore[no-untyped-def]
    """The six similarities of every (row of ``a``, row of ``b``) pair, one (len a, len b) array each."""
    cols = b if isinstance(b, _Columns) else _Columns.of(b)

    def cos(x: sp.csr_matrix, y_t: sp.csr_matrix) -> np.ndarray:
        return (x @ y_t).toarray()

    words = cos(a.words, cols.words)
    yield words
    names = cos(a.names, cols.names)
    yield names
    yield cos(a.numbers, cols.numbers)
    both_years = (np.diff(a.years.indptr) > 0)[:, None] & cols.has_years[None, :]
    yield np.where(both_years, 1.0 - cos(a.years, cols.years), 0.0)
    # Closeness in time only strengthens what the texts share: on any day, many unrelated
    # events are reported, so "same day" alone must never link two articles.
    days_a, days_b = a.day[:, None], b.day[None, :]
    near = np.where((days_a > 0) & (days_b > 0),
                    np.exp(-np.abs(days_a - days_b).astype(np.float32) / np.float32(params.near_days)), 0.0)
    yield near * words
    yield near * names


def pair_features(a: _Weighted, b: _Weighted, params: StoryParams) -> np.ndarray:
    """The six similarities (``FEATURE_NAMES``) of every pair: shape (len a, len b, 6)."""
    return np.stack(list(_pair_terms(a, b, params)), axis=-1).astype(np.float32)


def _pair_probability(a: _Weighted, b: _Weighted | _Columns, params: StoryParams) -> np.ndarray:
    """Probability that each (row of ``a``, row of ``b``) pair reports one event."""
    z = np.full((a.day.shape[0], b.day.shape[0]), params.intercept, dtype=np.float32)
    for weight, term in zip(params.weights, _pair_terms(a, b, params)):
        z += np.float32(weight) * term.astype(np.float32, copy=False)
    if params.gap_scale_days > 0:
        penalty = _gap_penalty(a.day, b.day, params)
        if params.recalled_dates:
            # A pair dated within a period either article names pays no prior (``_recalled``),
            # but only if the texts already match closely: many reports of a long saga name
            # its first day, and they are not all one story.
            ri, ci = np.nonzero((penalty > 0) & (z >= np.float32(_logit(params.recall_link))))
            hit = _recalled(a.day[ri], b.day[ci], a.periods[ri], b.periods[ci])
            # ... nor when the two were filed from two places: a like event in another town ("the
            # quake at Montebrina ... 300 km north of Belcaro, where a quake killed 64 on March 3")
            hit &= ~((a.places[ri] > 0) & (b.places[ci] > 0) & (a.places[ri] != b.places[ci]))
            penalty[ri[hit], ci[hit]] = 0.0
        z -= penalty
    np.clip(z, -30, 30, out=z)
    return 1.0 / (1.0 + np.exp(-z))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))


def _gap_penalty(days_a: np.ndarray, days_b: np.ndarray, params: StoryParams) -> np.ndarray:
    """Log-odds taken off each pair for the days between their reference dates (0 when one is undated).

    A prior, not a fitted weight: reports of one event cluster within days of it, so the odds
    that two reports written weeks apart describe the same event fall with the gap.  The
    fitted model could not learn this (its training corpus is mostly undated); the linear
    decay in log-odds (exponential in odds) lets very strong textual evidence still win.
    """
    da, db = days_a[:, None], days_b[None, :]
    gap = np.abs(da - db).astype(np.float32)
    beyond = np.maximum(gap - np.float32(params.gap_grace_days), np.float32(0.0))
    return np.where((da > 0) & (db > 0), beyond / np.float32(params.gap_scale_days), np.float32(0.0))


def _recalled(days_a: np.ndarray, days_b: np.ndarray, periods_a: np.ndarray, periods_b: np.ndarray) -> np.ndarray:
    """For pairs (``days_a[k]``, ``days_b[k]``): is either article dated within a period the other names?

    Within ``RECALL_SLACK_DAYS``, all or nothing: a sentencing that names the month of the
    crime is as near to the crime's reports as a next-day report, but a report dated a few
    days off a named day is about another day.  Element-wise over the pairs given (the
    callers pass the few pairs where it matters, not every pair).
    """
    out = np.zeros(len(days_a), dtype=bool)
    for days, periods in ((days_a, periods_b), (days_b, periods_a)):
        first, last = periods[:, :, 0], periods[:, :, 1]
        near = (first > 0) & (first - RECALL_SLACK_DAYS <= days[:, None]) & (days[:, None] <= last + RECALL_SLACK_DAYS)
        out |= near.any(axis=1) & (days > 0)
    return out


# ---------------------------------------------------------------------------- state


@dataclass
class StoryState:
    """Everything needed to add articles to stored stories without recomputing the rest.

    Serialisable with ``to_bytes``/``from_bytes`` (a compressed NumPy archive; about
    1-2 KB per article plus ~3 MB of term statistics).  Article ``i`` of the state is
    ``ids[i]``; its story is ``story_ids[i]``.
    """

    ids: list[str] = field(default_factory=list)
    story_ids: list[str] = field(default_factory=list)
    features: ArticleFeatures = field(default_factory=lambda: extract_features(()))
    df_words: np.ndarray = field(default_factory=lambda: np.zeros(WORD_FEATURES, dtype=np.int32))
    df_names: np.ndarray = field(default_factory=lambda: np.zeros(SMALL_FEATURES, dtype=np.int32))
    df_numbers: np.ndarray = field(default_factory=lambda: np.zeros(SMALL_FEATURES, dtype=np.int32))
    # Pair probabilities kept for each article's best candidates (symmetric), and each
    # article's nearest-neighbour row (the input of the neighbourhood similarity).
    edges: sp.csr_matrix = field(default_factory=lambda: sp.csr_matrix((0, 0), dtype=np.float32))
    knn: sp.csr_matrix = field(default_factory=lambda: sp.csr_matrix((0, 0), dtype=np.float32))
    # What a StoryGroup is rebuilt from: headline (or opening line), outlet, copy marks.
    headlines: list[str] = field(default_factory=list)
    titled: list[bool] = field(default_factory=list)  # headline is the article's title (not its first line)
    outlets: list[str] = field(default_factory=list)
    copies: list[Copy] = field(default_factory=list)
    # Stories kept whole when new articles arrive.  Every other stored story is provisional:
    # when new articles touch it, its articles are grouped again with theirs (see
    # ``assign_to_stories``).  States stored before re-grouping existed load with all their
    # stories settled, so they behave as they did.
    settled: list[str] = field(default_factory=list)

    @property
    def n_docs(self) -> int:
        return len(self.ids)

    def to_bytes(self) -> bytes:
        """The state as bytes (NumPy ``savez_compressed``), for a BLOB in the store."""
        meta = {"ids": self.ids, "story_ids": self.story_ids, "headlines": self.headlines,
                "titled": self.titled, "outlets": self.outlets, "copies": [c.to_dict() for c in self.copies],
                "settled": self.settled}
        arrays: dict[str, np.ndarray] = {"meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
                                         "day": self.features.day, "periods": self.features.periods,
                                         "weekdays": self.features.weekdays, "places": self.features.places}
        for name in ("words", "names", "numbers", "years"):
            _put_sparse(arrays, "f_" + name, getattr(self.features, name))
        _put_sparse(arrays, "edges", self.edges)
        _put_sparse(arrays, "knn", self.knn)
        for name in ("df_words", "df_names", "df_numbers"):
            df = getattr(self, name)
            nz = np.flatnonzero(df)
            arrays[name + "_i"], arrays[name + "_v"] = nz.astype(np.int32), df[nz]
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "StoryState":
        """Rebuild a state written by ``to_bytes``."""
        arrays = np.load(io.BytesIO(data), allow_pickle=False)
        meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
        features = ArticleFeatures(*(_get_sparse(arrays, "f_" + n) for n in ("words", "names", "numbers", "years")),
                                   day=arrays["day"].astype(np.int64),
                                   periods=arrays["periods"].astype(np.int64) if "periods" in arrays else None,
                                   weekdays=arrays["weekdays"].astype(np.int64) if "weekdays" in arrays else None,
                                   places=arrays["places"].astype(np.int64) if "places" in arrays else None)
        dfs = {}
        for name, size in (("df_words", WORD_FEATURES), ("df_names", SMALL_FEATURES), ("df_numbers", SMALL_FEATURES)):
            df = np.zeros(size, dtype=np.int32)
            df[arrays[name + "_i"]] = arrays[name + "_v"]
            dfs[name] = df
        return cls(ids=list(meta["ids"]), story_ids=list(meta["story_ids"]), features=features,
                   edges=_get_sparse(arrays, "edges"), knn=_get_sparse(arrays, "knn"),
                   headlines=list(meta["headlines"]), titled=[bool(x) for x in meta["titled"]],
                   outlets=list(meta["outlets"]),
                   copies=[Copy.from_dict(c) for c in meta["copies"]],
                   settled=list(meta["settled"]) if "settled" in meta else sorted(set(meta["story_ids"])), **dfs)


def _put_sparse(arrays: dict[str, np.ndarray], name: str, m: sp.csr_matrix) -> None:
    m = m.tocsr()
    arrays[name + "_data"], arrays[name + "_indices"] = m.data, m.indices
    arrays[name + "_indptr"], arrays[name + "_shape"] = m.indptr, np.asarray(m.shape, dtype=np.int64)


def _get_sparse(arrays: Any, name: str) -> sp.csr_matrix:
    shape = tuple(int(x) for x in arrays[name + "_shape"])
    return sp.csr_matrix((arrays[name + "_data"], arrays[name + "_indices"], arrays[name + "_indptr"]), shape=shape)


def _add_df(df: np.ndarray, counts: sp.csr_matrix) -> None:
    """Add one to the document frequency of every term present in each row of ``counts`` (in place)."""
    np.add.at(df, counts.indices, 1)


# ---------------------------------------------------------------------------- comparing


def _compare(new_rows: np.ndarray, weighted: _Weighted, params: StoryParams) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Best candidates (pair probabilities) and nearest-neighbour rows for ``new_rows`` against all rows.

    Two dated articles more than ``window_days`` apart are not compared (their probability
    counts as 0): it keeps the work near-linear on a long stream; undated articles are
    compared with everything.
    """
    n = weighted.day.shape[0]
    k_cand = max(1, min(params.candidates, n - 1))
    k_near = max(0, min(params.neighbours - 1, n - 1))  # the article itself fills one place
    cand_r, cand_c, cand_v = [], [], []
    near_r, near_c, near_v = [], [], []
    if n < 2:
        empty = sp.csr_matrix((n, n), dtype=np.float32)
        near = sp.csr_matrix((np.ones(len(new_rows), dtype=np.float32), (new_rows, new_rows)), shape=(n, n))
        return empty, near
    # Rows in date order (undated first), so a chunk's dated rows span a short period.
    days = weighted.day
    by_date = np.lexsort((np.arange(n), days))
    sorted_days = days[by_date]
    undated = by_date[sorted_days == 0]
    new_rows = new_rows[np.lexsort((new_rows, days[new_rows]))]
    window = params.window_days
    recalls = _RecallIndex(weighted, sorted_days, by_date, len(undated)) if window and params.recalled_dates else None
    everything: _Columns | None = None
    for lo in range(0, len(new_rows), _CHUNK):
        rows = new_rows[lo : lo + _CHUNK]
        row_days = days[rows]
        if window and (row_days > 0).all():
            a = np.searchsorted(sorted_days, row_days.min() - window, side="left")
            b = np.searchsorted(sorted_days, row_days.max() + window, side="right")
            parts = [undated, by_date[max(a, len(undated)) : b]]
            if recalls is not None:
                parts.append(recalls.linked(rows))
            cols = np.unique(np.concatenate(parts))
            compared: _Weighted | _Columns = _take(weighted, cols)
        else:
            cols = np.arange(n)
            everything = everything or _Columns.of(weighted)
            compared = everything
        prob = _pair_probability(_take(weighted, rows), compared, params)
        if window:
            both = (row_days[:, None] > 0) & (days[cols][None, :] > 0)
            far = both & (np.abs(row_days[:, None] - days[cols][None, :]) > window)
            if recalls is not None and far.any():
                ri, ci = np.nonzero(far)
                hit = _recalled(row_days[ri], days[cols[ci]], weighted.periods[rows[ri]], weighted.periods[cols[ci]])
                far[ri[hit], ci[hit]] = False
            prob[far] = -1.0
        position = np.searchsorted(cols, rows)
        prob[np.arange(len(rows)), position] = -1.0  # never one's own candidate
        k = min(k_cand, len(cols) - 1)
        if k < 1:
            top = np.zeros((len(rows), 0), dtype=np.int64)
        elif k < len(cols):
            top = np.argpartition(-prob, k - 1, axis=1)[:, :k]
        else:
            top = np.argsort(-prob, axis=1)
        if top.shape[1]:
            vals = np.take_along_axis(prob, top, axis=1)
            global_cols = cols[top]
            # By probability, ties by index: deterministic whatever argpartition returned.
            order = np.lexsort((global_cols, -vals), axis=1)
            vals = np.take_along_axis(vals, order, axis=1)
            global_cols = np.take_along_axis(global_cols, order, axis=1)
            row_ids = np.repeat(rows[:, None], top.shape[1], axis=1)
            keep = vals >= 0
            cand_r.append(row_ids[keep]), cand_c.append(global_cols[keep]), cand_v.append(vals[keep])
            first = keep & (np.arange(top.shape[1])[None, :] < k_near)
            near_r.append(row_ids[first]), near_c.append(global_cols[first]), near_v.append(vals[first])
        near_r.append(rows), near_c.append(rows), near_v.append(np.ones(len(rows), dtype=np.float32))
    cand = _from_parts(cand_r, cand_c, cand_v, n)
    near = _from_parts(near_r, near_c, near_v, n)
    return cand, near


class _RecallIndex:
    """Which articles a dated article must be compared with beyond ``window_days``: those dated
    within a period it names, and those naming a period around its date (see ``_recalled``).

    Both lookups are binary searches over sorted arrays, so a long stream stays near-linear.
    """

    _LONGEST = 31  # days in the longest period named (a month)

    def __init__(self, weighted: _Weighted, sorted_days: np.ndarray, by_date: np.ndarray, n_undated: int) -> None:
        self.sorted_days, self.by_date, self.n_undated = sorted_days, by_date, n_undated
        self.periods, self.days = weighted.periods, weighted.day
        first = self.periods[:, :, 0].ravel()
        named = np.flatnonzero(first > 0)
        order = named[np.argsort(first[named], kind="stable")]
        self.first = first[order]
        self.last = self.periods[:, :, 1].ravel()[order]
        self.owner = order // self.periods.shape[1]

    def linked(self, rows: np.ndarray) -> np.ndarray:
        """Indices of the articles linked to ``rows`` by a named date (may repeat)."""
        found = []
        for first, last in self.periods[rows].reshape(-1, 2).tolist():
            if first > 0:
                a = np.searchsorted(self.sorted_days, first - RECALL_SLACK_DAYS, side="left")
                b = int(np.searchsorted(self.sorted_days, last + RECALL_SLACK_DAYS, side="right"))
                a = max(int(a), self.n_undated)
                found.append(self.by_date[a:b])
        if len(self.first):
            for day in np.unique(self.days[rows]).tolist():
                a = np.searchsorted(self.first, day - self._LONGEST - RECALL_SLACK_DAYS, side="left")
                b = np.searchsorted(self.first, day + RECALL_SLACK_DAYS, side="right")
                found.append(self.owner[a:b][self.last[a:b] >= day - RECALL_SLACK_DAYS])
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def _from_parts(rows: list[np.ndarray], cols: list[np.ndarray], vals: list[np.ndarray], n: int) -> sp.csr_matrix:
    if not rows:
        return sp.csr_matrix((n, n), dtype=np.float32)
    return sp.csr_matrix((np.concatenate(vals).astype(np.float32), (np.concatenate(rows), np.concatenate(cols))),
                         shape=(n, n))


def _symmetric_max(m: sp.csr_matrix) -> sp.csr_matrix:
    return m.maximum(m.T).tocsr()


# ---------------------------------------------------------------------------- the API


def assign_to_stories(
    new_articles: Sequence[Article],
    state: StoryState | None = None,
    options: StoryOptions | None = None,
    *,
    params: StoryParams | None = None,
) -> tuple[tuple[StoryGroup, ...], StoryState]:
    """Add articles to stored stories, grouping the stories they reach again (see the module docstring).

    Args:
        new_articles: articles not yet in ``state`` (ids already there are ignored).
        state: what an earlier call returned (``StoryState.from_bytes`` of the stored BLOB);
            None or an empty state groups ``new_articles`` from scratch.
        options: ``threshold`` overrides the stage-1 threshold; ``detect_copies`` switches
            copy detection (among the new articles) on or off.
        params: tuned constants; the packaged ones by default.

    Returns:
        (groups, new_state): every story after the addition (stored stories keep their id;
        when two merge, the one with the earlier first article keeps its id; when a provisional
        story splits, the part holding most of its articles keeps it), and the state to store.
        The input ``state`` is not changed.
    """
    options = options or StoryOptions()
    params = params or load_params()
    state = state or StoryState()
    threshold = options.threshold if options.threshold is not None else params.threshold
    known = set(state.ids)
    fresh: dict[str, Article] = {}
    for a in new_articles:
        if a.id not in known:
            fresh.setdefault(a.id, a)
    articles = [fresh[k] for k in sorted(fresh)]  # canonical order: input order never matters
    old_n, n = state.n_docs, state.n_docs + len(articles)

    features_new = extract_features(articles)
    df_words, df_names, df_numbers = state.df_words.copy(), state.df_names.copy(), state.df_numbers.copy()
    for df, counts in ((df_words, features_new.words), (df_names, features_new.names),
                       (df_numbers, features_new.numbers)):
        binary = counts.copy()
        binary.data[:] = 1
        _add_df(df, binary)
    features = ArticleFeatures.stack([state.features, features_new])
    new_state = StoryState(ids=state.ids + [a.id for a in articles], story_ids=list(state.story_ids),
                           features=features, df_words=df_words, df_names=df_names, df_numbers=df_numbers,
                           headlines=state.headlines + [_headline(a) for a in articles],
                           titled=state.titled + [bool(a.title and a.title.strip()) for a in articles],
                           outlets=state.outlets + [a.outlet or "" for a in articles], copies=list(state.copies),
                           edges=state.edges, knn=state.knn, settled=list(state.settled))

    if articles:
        weighted = _weighted(features, new_state, params)
        new_rows = np.arange(old_n, n)
        cand, near = _compare(new_rows, weighted, params)
        knn = _update_knn(_resize(state.knn, n), near, cand, params)
        # The neighbourhood re-linked below: the new articles, the stored articles they link
        # to, and every member of those articles' stories.  A small collection is weighed
        # differently (``_weighted`` keeps words seen once), so while it is small everything
        # stored is compared and grouped again (cheap then).
        if old_n < _MIN_DF_FROM:
            linked = np.arange(old_n, dtype=np.int64)
        else:
            linked = _linked_rows(new_rows, cand, old_n, params.floor)
        members = _story_members(linked, state)
        if len(members):
            # Stored articles of the neighbourhood are compared again, with everything now
            # stored: their best candidates and neighbours may be among the new articles, and
            # the term weights have moved.  Those linked to a new article always; the other
            # members while the work stays within ``candidates`` rows per new article (beyond
            # that they keep the rows they were given: a long saga is not compared again whole
            # for every report added to it).
            budget = max(params.candidates * len(new_rows), len(linked))
            others = np.setdiff1d(members, linked)[: budget - len(linked)]
            again = np.union1d(linked, others)
            cand_old, near_old = _compare(again, weighted, params)
            keep = np.ones(n, dtype=np.float32)
            keep[again] = 0.0
            knn = (sp.diags(keep) @ knn + near_old).tocsr()
            cand = (cand + cand_old).tocsr()
        local = np.concatenate([members, new_rows])
        edges_new = _symmetric_max(cand)
        # Stored pair probabilities, with those of the pairs compared again replaced (a pair of
        # two articles compared again is kept only if it is still among their candidates).
        stale = _resize(state.edges, n)
        if len(members):
            fresh_rows = sp.diags((1.0 - keep).astype(np.float32))
            stale = (stale - fresh_rows @ stale @ fresh_rows).tocsr()
            stale.eliminate_zeros()
        refreshed = edges_new.copy()
        refreshed.data[:] = 1.0
        all_edges = (stale - stale.multiply(refreshed) + edges_new).tocsr()
        all_edges.eliminate_zeros()
        # Re-link the whole neighbourhood, not only the new rows: its pairs (old with old too)
        # are weighed as a batch run would weigh them, with the neighbour rows as they are now,
        # so a stored story is judged against a new one by all the pairs between them, not just
        # those through new articles, and two stored stories a new article bridges can merge.
        # Untouched stories are not looked at: the cost follows the neighbourhood, not the state.
        from sklearn.preprocessing import normalize

        unit = normalize(knn)
        p2 = (unit[local] @ unit.T).tocsr()
        if params.shared_only:
            p2 = _without_own_link(p2, unit, local)
        p2 = p2[:, local].tocsr()
        p2 = p2.maximum(p2.T).tocsr()
        p2.setdiag(0)
        edges_local = all_edges[local][:, local].tocsr()
        stage1 = (params.blend * p2 + (1 - params.blend) * edges_local).tocsr()
        if params.floor > 0:
            gate = edges_local.copy()
            gate.data = (gate.data >= params.floor).astype(np.float32)
            stage1 = stage1.multiply(gate).tocsr()
        stage1.eliminate_zeros()

        # Starting clusters: settled stories, syndicated copies, and every other article alone:
        # the provisional stories of the neighbourhood are grouped again as a batch run would
        # group them.  A story formed from the first few reports of an event can hold two like
        # events that later reports tell apart; kept whole, it would never be undone.
        stored = np.arange(n, dtype=np.int64)  # each stored article's story, by its first member
        story_first: dict[str, int] = {}
        for i, sid in enumerate(state.story_ids):
            stored[i] = story_first.setdefault(sid, i)
        settled = set(state.settled)
        initial = np.arange(n, dtype=np.int64)
        for i, sid in enumerate(state.story_ids):
            if sid in settled:
                initial[i] = stored[i]
        # Stored copies start with their original, as they did when they were found.
        index = {aid: i for i, aid in enumerate(state.ids)}
        for c in sorted(state.copies, key=lambda c: (c.original_id, c.article_id)):
            i, j = index.get(c.article_id), index.get(c.original_id)
            if i is not None and j is not None and state.story_ids[i] not in settled \
                    and state.story_ids[j] not in settled:
                root_i, root_j = _root(initial, i), _root(initial, j)
                initial[max(root_i, root_j)] = min(root_i, root_j)
        for i in range(old_n):
            initial[i] = _root(initial, i)
        if options.detect_copies:
            copy_labels, copies = copy_components(articles)
            initial[old_n:] = np.where(copy_labels == np.arange(len(articles)), initial[old_n:],
                                       copy_labels + old_n)
            new_state.copies.extend(copies)
        span = dict(days=features.day[local], max_span=params.max_span_days, strong=params.strong_link,
                    weekdays=features.weekdays[local], weekday_pairs=params.weekday_pairs,
                    weekday_share=params.weekday_share)
        local_labels = sparse_average_link(stage1, threshold, initial=initial[local], **span)
        local_labels = sparse_average_link(edges_local, params.merge_threshold, initial=local_labels,
                                           edge_average=True, **span)
        labels = stored.copy()  # stories outside the neighbourhood stay as stored
        labels[local] = local[local_labels]
        new_state.edges = all_edges
        new_state.knn = knn
        new_state.story_ids = _name_stories(labels, new_state, state)
        survived = set(new_state.story_ids)
        new_state.settled = sorted({new_state.story_ids[i] for i, sid in enumerate(state.story_ids)
                                    if sid in settled} & survived)
    return _groups(new_state), new_state


def group_stories(
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis] = (),
    options: StoryOptions | None = None,
) -> tuple[StoryGroup, ...]:
    """Group articles into stories: one per real-world event.

    Every article lands in exactly one group; syndicated copies land with their original
    and are listed in the group's ``copies``.  The result does not depend on input order.

    Args:
        articles: cleaned articles (ids unique).
        analyses: accepted for the pipeline's sake; grouping reads its own features from the
            text, so it works whether or not the analysis stage ran.
        options: ``threshold`` (stage-1 merge threshold, default tuned) and ``detect_copies``.

    Returns:
        Groups ordered by size (largest first), then by id.  A group's id is ``s-`` plus the
        id of its first article (earliest reference date, then lowest id).
    """
    del analyses  # see the docstring
    groups, _ = assign_to_stories(articles, None, options)
    return groups


# ---------------------------------------------------------------------------- helpers


def _resize(m: sp.csr_matrix, n: int, *, row_offset: int = 0) -> sp.csr_matrix:
    """``m`` placed in an n x n matrix (its rows shifted down by ``row_offset``)."""
    coo = m.tocoo()
    return sp.csr_matrix((coo.data, (coo.row + row_offset, coo.col)), shape=(n, n), dtype=np.float32)


def _root(parent: np.ndarray, i: int) -> int:
    """The root of ``i`` in a union-find forest kept in ``parent`` (roots point to themselves)."""
    while parent[i] != i:
        i = int(parent[i])
    return i


def _linked_rows(rows: np.ndarray, cand: sp.csr_matrix, old_n: int, floor: float) -> np.ndarray:
    """The stored rows (below ``old_n``) among the candidates of ``rows`` whose probability reaches ``floor``.

    A weaker pair gets nothing in stage 1 and only lowers a stage-2 mean: it cannot join two clusters.
    """
    if not len(rows):
        return np.zeros(0, dtype=np.int64)
    sub = cand[rows]
    cols = sub.indices[sub.data >= floor]
    return np.unique(cols[cols < old_n]).astype(np.int64)


def _story_members(rows: np.ndarray, state: StoryState) -> np.ndarray:
    """Every stored row whose story holds one of ``rows`` (sorted)."""
    hit = {state.story_ids[i] for i in rows.tolist()}
    return np.asarray([i for i, sid in enumerate(state.story_ids) if sid in hit], dtype=np.int64)


def _update_knn(old: sp.csr_matrix, near_new: sp.csr_matrix, cand: sp.csr_matrix, params: StoryParams) -> sp.csr_matrix:
    """Nearest-neighbour rows after adding articles: the new rows, and stored rows a new article beats."""
    if old.nnz == 0:
        return near_new.tocsr()
    old = old.tocsr()
    rows: dict[int, dict[int, float]] = {}
    coo = cand.tocoo()
    for i, j, v in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist()):
        if old.indptr[j] == old.indptr[j + 1]:
            continue  # j is new: its row was built whole
        row = rows.get(j)
        if row is None:
            cols = old.indices[old.indptr[j] : old.indptr[j + 1]].tolist()
            vals = old.data[old.indptr[j] : old.indptr[j + 1]].tolist()
            row = rows[j] = dict(zip(cols, vals))
        others = [(val, col) for col, val in row.items() if col != j]
        if len(others) < params.neighbours - 1:
            row[i] = v
            continue
        weakest_val, weakest_col = min(others, key=lambda t: (t[0], -t[1]))
        if v > weakest_val:
            del row[weakest_col]
            row[i] = v
    kept = old.tolil()
    for j, row in rows.items():
        cols = sorted(row)
        kept.rows[j] = cols
        kept.data[j] = [row[c] for c in cols]
    return (kept.tocsr() + near_new).tocsr()


def _without_own_link(p2: sp.csr_matrix, unit: sp.csr_matrix, rows: np.ndarray) -> sp.csr_matrix:
    """``p2`` (rows ``rows`` of ``unit @ unit.T``) minus the terms where a neighbour row meets the other article.

    Entry (i, j) of ``unit @ unit.T`` sums ``unit[i, k] * unit[j, k]`` over k; the terms k = i
    and k = j are the pair's own link weighted by each article's self entry.  What remains
    is the similarity of the two articles' *other* neighbours.
    """
    self_entry = unit.diagonal().astype(np.float32)
    coo = p2.tocoo()
    i, j = rows[coo.row], coo.col
    unit_t = unit.T.tocsr()
    own = (self_entry[i] * _lookup(unit_t, i, j)) + (_lookup(unit, i, j) * self_entry[j])
    out = sp.csr_matrix((np.maximum(coo.data - own, 0.0).astype(np.float32), (coo.row, coo.col)), shape=p2.shape)
    out.eliminate_zeros()
    return out


def _lookup(m: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``m[rows[k], cols[k]]`` for every k, as a flat array (0 where absent)."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float32)
    return np.asarray(m[rows, cols], dtype=np.float32).ravel()


def _headline(article: Article) -> str:
    if article.title and article.title.strip():
        return article.title.strip()
    if article.sentences:
        first = article.sentence_text(article.sentences[0]).strip()
    else:
        first = (article.text or "").strip()
    first = first.split("\n", 1)[0]
    return first[:200].rstrip()


def _first_key(state: StoryState, i: int) -> tuple[int, str]:
    day = int(state.features.day[i])
    return (day if day > 0 else 10**9, state.ids[i])


def _name_stories(labels: np.ndarray, new_state: StoryState, old: StoryState) -> list[str]:
    """A story id per article: stored stories keep theirs, new stories are named after their first article.

    When two stored stories merge, the one with the earlier first article keeps its id.  When a
    provisional story is split, the part holding most of its articles keeps its id (ties: the
    part holding its first article); the other parts are named as new stories.
    """
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(labels.tolist()):
        members.setdefault(lab, []).append(i)
    groups = sorted(members.values(), key=lambda g: min(_first_key(new_state, i) for i in g))
    # Each stored id goes to the group holding most of its articles (then its earliest one).
    claims: dict[str, tuple[tuple[int, tuple[int, str]], int]] = {}
    for k, group in enumerate(groups):
        by_story: dict[str, list[int]] = {}
        for i in group:
            if i < old.n_docs:
                by_story.setdefault(old.story_ids[i], []).append(i)
        for sid, rows in by_story.items():
            first = min(_first_key(new_state, i) for i in rows)
            key = (-len(rows), first)
            if sid not in claims or key < claims[sid][0]:
                claims[sid] = (key, k)
    won: dict[int, list[str]] = {}
    for sid, (_, k) in claims.items():
        won.setdefault(k, []).append(sid)
    taken: set[str] = set(claims)
    out = [""] * len(labels)
    for k, group in enumerate(groups):
        if k in won:
            first_of: dict[str, tuple[int, str]] = {}
            for i in group:
                if i < old.n_docs:
                    sid_i, key_i = old.story_ids[i], _first_key(new_state, i)
                    first_of[sid_i] = min(first_of.get(sid_i, key_i), key_i)
            sid = min(won[k], key=lambda x: (first_of[x], x))
        else:
            sid = ""
            for i in sorted(group, key=lambda i: _first_key(new_state, i)):
                if "s-" + new_state.ids[i] not in taken:
                    sid = "s-" + new_state.ids[i]
                    break
            if not sid:  # every member's name is taken by a story that kept it
                base = "s-" + new_state.ids[min(group, key=lambda i: _first_key(new_state, i))]
                sid = next(f"{base}~{m}" for m in range(2, len(labels) + 3) if f"{base}~{m}" not in taken)
            taken.add(sid)
        for i in group:
            out[i] = sid
    return out


def _groups(state: StoryState) -> tuple[StoryGroup, ...]:
    members: dict[str, list[int]] = {}
    for i, sid in enumerate(state.story_ids):
        members.setdefault(sid, []).append(i)
    copy_of = {c.article_id: c for c in state.copies}
    edges = state.edges.tocsr() if state.edges.shape[0] == state.n_docs else None
    groups = []
    for sid, rows in members.items():
        rows.sort(key=lambda i: state.ids[i])
        ids = tuple(state.ids[i] for i in rows)
        in_group = set(ids)
        copies = tuple(sorted((c for c in (copy_of.get(x) for x in ids) if c and c.original_id in in_group),
                              key=lambda c: c.article_id))
        days = [int(state.features.day[i]) for i in rows if state.features.day[i] > 0]
        outlets = tuple(sorted({state.outlets[i] for i in rows if state.outlets[i]}))
        groups.append(StoryGroup(
            id=sid,
            article_ids=ids,
            title=_central_headline(rows, state, edges, {c.article_id for c in copies}),
            copies=copies,
            start=dt.date.fromordinal(min(days)) if days else None,
            end=dt.date.fromordinal(max(days)) if days else None,
            outlets=outlets,
            reports=len(ids) - len(copies),
        ))
    groups.sort(key=lambda g: (-len(g.article_ids), g.id))
    return tuple(groups)


def _central_headline(rows: list[int], state: StoryState, edges: sp.csr_matrix | None, copies: set[str]) -> str | None:
    """The headline of the member most similar to the rest (its summed pair probability)."""
    # Prefer real headlines; an article's first line stands in only when no member has one.
    with_headline = [i for i in rows if state.headlines[i] and state.titled[i]] or [
        i for i in rows if state.headlines[i]]
    if not with_headline:
        return None
    if edges is None or len(rows) < 3:
        best = min(with_headline, key=lambda i: (state.ids[i] in copies, _first_key(state, i)))
        return state.headlines[best]
    idx = np.asarray(rows)
    sub = edges[idx][:, idx]
    centrality = np.asarray(sub.sum(axis=1)).ravel()
    score = {i: float(c) for i, c in zip(rows, centrality)}
    best = min(with_headline, key=lambda i: (-round(score[i], 6), state.ids[i]))
    return state.headlines[best]
