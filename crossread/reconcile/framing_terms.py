"""Terms one outlet over-uses compared with the story's other articles.

Scored with the weighted log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi and Quinn 2008, "Fightin' Words"): for each word, the
log-odds of this article's use against the rest of the story, smoothed by the
word's frequency across the whole story and divided by its standard error, so a
word used three times by one outlet and never by four others stands out while a
word everyone uses does not.  Names (words the story writes capitalised
mid-sentence) and stop words are left out: framing lives in the common words.
Words of the evaluative lexicon (``data/framing/evaluative.txt``) are flagged.

Written by hand (a few lines of arithmetic); scikit-learn's CountVectorizer does
the counting.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Article
from .citations import fold, proper_vocabulary

__all__ = ["overused_terms", "evaluative_words"]

_TOKEN = r"(?u)\b[^\W\d_][\w'\u2019-]*[^\W\d_]\b"
_Z_MIN = 1.64  # one-sided 95 %
_PRIOR_MASS = 50.0


@lru_cache(maxsize=1)
def evaluative_words() -> frozenset[str]:
    """The evaluative lexicon, lower case."""
    text = resources.files("crossread").joinpath("data/framing/evaluative.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _counts(articles: Sequence[Article]):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    names = proper_vocabulary(a.text for a in articles)
    texts = [re.sub(r"[\u2019]", "'", a.text) for a in articles]
    vectorizer = CountVectorizer(lowercase=True, token_pattern=_TOKEN, strip_accents=None)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no words at all
        return None, []
    vocab = vectorizer.get_feature_names_out()
    keep = [i for i, w in enumerate(vocab) if w not in ENGLISH_STOP_WORDS and len(w) > 2 and fold(w) not in names]
    return matrix[:, keep].toarray(), [str(vocab[i]) for i in keep]


def overused_terms(articles: Sequence[Article], limit: int = 10) -> dict[str, list[dict[str, Any]]]:
    """For each article id, the terms it over-uses relative to the other articles, best first.

    Each term: ``term``, ``count`` (in this article), ``others`` (in the rest of the story),
    ``z`` (the log-odds z-score; None when the story has one article) and ``evaluative``.
    With one article, only its evaluative words are listed (there is nothing to compare with).
    """
    out: dict[str, list[dict[str, Any]]] = {a.id: [] for a in articles}
    if not articles:
        return out
    counts, vocab = _counts(articles)
    if counts is None or not vocab:
        return out
    evaluative = evaluative_words()
    total = counts.sum(axis=0)
    grand = float(total.sum()) or 1.0
    for row, a in enumerate(articles):
        mine = counts[row]
        terms = []
        if len(articles) == 1:
            for j, w in enumerate(vocab):
                if mine[j] and w in evaluative:
                    terms.append({"term": w, "count": int(mine[j]), "others": 0, "z": None, "evaluative": True})
            terms.sort(key=lambda t: (-t["count"], t["term"]))
            out[a.id] = terms[:limit]
            continue
        rest = total - mine
        n_i, n_j = float(mine.sum()), float(rest.sum())
        if n_i == 0 or n_j == 0:
            continue
        for j, w in enumerate(vocab):
            y_i = float(mine[j])
            if y_i == 0:
                continue
            y_j = float(rest[j])
            alpha = _PRIOR_MASS * float(total[j]) / grand
            delta = math.log((y_i + alpha) / (n_i + _PRIOR_MASS - y_i - alpha)) - math.log(
                (y_j + alpha) / (n_j + _PRIOR_MASS - y_j - alpha)
            )
            z = delta / math.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
            is_evaluative = w in evaluative
            if (z >= _Z_MIN and y_i >= 2) or (is_evaluative and z > 0):
                terms.append({"term": w, "count": int(y_i), "others": int(y_j), "z": round(z, 2), "evaluative": is_evaluative})
        terms.sort(key=lambda t: (not t["evaluative"], -t["z"], t["term"]))
        out[a.id] = terms[:limit]
    return out
