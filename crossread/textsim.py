"""Text comparison shared across stages: accent folding, tokens, stems, idf-weighted overlap.

Used by the reconcilers (speakers, statements, timeline, citations), by the entity reader's lexicon
and by the dating of undated articles, so it lives outside any one stage.

Written by hand because what is needed is small and specific: accent-folded tokens, a light suffix
stripper (no stemmer library ships without downloaded data here) and an idf-weighted overlap that
tolerates partial quotations ("unconditionally support" inside a longer wording).
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "load_lexicon",
    "fold",
    "words",
    "stem",
    "content_stems",
    "idf_weights",
    "weighted_overlap",
    "weighted_jaccard",
    "reporting_words",
]

_WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*", re.UNICODE)
_QUOTE_MAP = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})


@lru_cache(maxsize=8)
def load_lexicon(name: str) -> dict[str, Any]:
    """A JSON word list from ``crossread/data/reconcile/`` (keys starting with '_' are comments)."""
    text = resources.files("crossread").joinpath("data", "reconcile", f"{name}.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _words_data() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    data = load_lexicon("words")
    suffixes = tuple(sorted(set(data["suffixes"]), key=lambda s: (-len(s), s)))
    return frozenset(data["stopwords"]), suffixes, frozenset(data["date_words"])


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Casefolded, accents removed, curly quotes made straight: 'Vučić’s' -> "vucic's"."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_QUOTE_MAP))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """Folded word tokens (keeping inner apostrophes, dots and hyphens: "u.s.", "botsan-kharchenko")."""
    return _WORD_RE.findall(fold(text or ""))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: possessive and one common suffix stripped, keeping at least four letters."""
    if word.endswith("'s"):
        word = word[:-2]
    _, suffixes, _ = _words_data()
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str, *, drop_dates: bool = False, extra_stop: Iterable[str] = ()) -> list[str]:
    """Stems of the content words of ``text`` (function words, and with ``drop_dates`` date words, dropped)."""
    stop, _, date_words = _words_data()
    extra = set(extra_stop)
    out = []
    for token in words(text):
        # Hyphenated compounds count by their parts: "minority-led" shares "minority" with other wordings.
        for w in token.split("-") if "-" in token else (token,):
            w = w.strip(".'")
            if len(w) < 2 or w in stop or w in extra:
                continue
            if drop_dates and (w in date_words or w.isdigit() or w.rstrip("stndrh").isdigit()):
                continue
            out.append(stem(w))
    return out


def idf_weights(bags: Sequence[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each stem over ``bags`` (one bag per text)."""
    df: dict[str, int] = {}
    for bag in bags:
        for token in set(bag):
            df[token] = df.get(token, 0) + 1
    n = len(bags)
    return {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}


def _matches(a: str, b: str) -> bool:
    """Same stem, or one a long prefix of the other ("serb"/"serbia", "support"/"supporter")."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long_.startswith(short) and len(short) / len(long_) >= 0.6


def weighted_overlap(a: Iterable[str], b: Iterable[str], idf: Mapping[str, float], *, default_idf: float = 1.0,
                     smoothing: float = 1.0) -> float:
    """How much of the smaller bag the other covers, weighted by idf, in [0, 1].

    ``smoothing`` is added (in idf units) to the smaller side's weight so that one shared word
    between two one-word texts does not score a full 1.0.
    """
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    if len(sa) > len(sb):
        sa, sb = sb, sa
    shared = 0.0
    total = 0.0
    for t in sorted(sa):
        w = idf.get(t, default_idf)
        total += w
        if t in sb or any(_matches(t, u) for u in sb if u[:3] == t[:3]):
            shared += w
    return shared / (total + smoothing) if total > 0 else 0.0


def weighted_jaccard(a: Iterable[str], b: Iterable[str], idf: Mapping[str, float], *, default_idf: float = 1.0) -> float:
    """Shared weight over the weight of the union (exact stems), in [0, 1]: symmetric, unlike the overlap."""
    sa, sb = set(a), set(b)
    union = sa | sb
    if not union:
        return 0.0
    total = sum(idf.get(t, default_idf) for t in union)
    shared = sum(idf.get(t, default_idf) for t in sa & sb)
    return shared / total if total > 0 else 0.0


@lru_cache(maxsize=1)
def reporting_words() -> frozenset[str]:
    """Words of a reporting clause that say nothing of its content: speech verbs and role words."""
    verbs = load_lexicon("words").get("speech_verbs", [])
    roles = load_lexicon("roles").get("role_words", [])
    return frozenset(fold(w) for w in (*verbs, *roles))
