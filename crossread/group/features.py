"""Cheap per-article features for story grouping, read from ``Article.title``/``text`` alone.

Nothing here needs the analysis stage: capitalised word runs stand in for named
entities and places, numbers are read with a regular expression, and an article's
reference date is its publication date or, failing that, the first full date in its
opening lines (a dateline).  The word lists live in ``crossread/data/stories/``.

Every vector is hashed (scikit-learn's ``HashingVectorizer``), so no vocabulary has to
be fitted: features of articles seen today and articles added next month live in the
same space, which is what the incremental mode needs.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from ..model import Article

__all__ = ["fold", "ArticleFeatures", "extract_features", "entity_terms", "number_terms", "text_dates",
           "reference_date", "recalled_periods", "MAX_PERIODS", "weekday_mask",
           "story_text", "without_outlet", "dateline_place"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "stories"

# Hash-space sizes: large enough that collisions between distinct terms are rare at 10^5 articles.
WORD_FEATURES = 2**21
SMALL_FEATURES = 2**18


@lru_cache(maxsize=1)
def _lexicon_data() -> dict[str, Any]:
    return json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    data = _lexicon_data()
    months = {name: number for number, names in enumerate(data["months"], 1) for name in names}
    return {"not_names": frozenset(data["not_names"]) | frozenset(months) | frozenset(data["weekdays"]),
            "months": months}


# ---------------------------------------------------------------------------- text views


def story_text(article: Article) -> str:
    """Headline and body as one text (the headline once, on its own line)."""
    title = (article.title or "").strip()
    body = article.text or ""
    if title and not body.startswith(title):
        return f"{title}\n{body}"
    return body


# ---------------------------------------------------------------------------- entities

# A run of capitalised words ("Kosovo Force", "Albin Kurti"), possibly joined by "of"/"de"/...
_CAP_WORD = r"[A-Z\u00C0-\u00DE][\w'\u2019&.-]*"
_CAP_RUN = re.compile(rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD})*")
_LOWER_WORD = re.compile(r"\b[a-z\u00DF-\u00FF][\w'\u2019-]*")
_SENTENCE_OPENERS = frozenset('.!?:;"\u201c\u201d(\u2014\u2013-|')
_POSSESSIVE = re.compile(r"['\u2019]s?$")


_HEADLINE_MAX = 300  # a Title Case line longer than this is not a headline


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Spans of short lines written in Title Case (headlines): capitals there say nothing about names."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if len(line) <= _HEADLINE_MAX:
            words = [w for w in line.split() if w[:1].isalpha()]
            if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
                spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def entity_terms(text: str) -> list[str]:
    """Lower-cased names (proxy for named entities and places), each word and each multi-word run.

    A capitalised word counts as a name unless it is a function word, a month or weekday, or
    it opens a sentence or sits in a Title Case headline *and* the text also uses it in lower
    case ("Police said" vs "the police").
    """
    if not text:
        return []
    not_names = _lexicon()["not_names"]
    lower_forms = set(_LOWER_WORD.findall(text))
    headline_spans = _title_case_lines(text)
    out: list[str] = []
    for run in _CAP_RUN.finditer(text):
        start = run.start()
        before = text[max(0, start - 4) : start].rstrip(" \t")
        opens_sentence = not before or before[-1] in _SENTENCE_OPENERS or before[-1] == "\n"
        in_headline = bool(headline_spans) and any(a <= start < b for a, b in headline_spans)
        names: list[str] = []
        for i, word in enumerate(run.group().split()):
            key = _POSSESSIVE.sub("", word.strip(".-&'\u2019")).lower().replace("\u2019", "'")
            # (a hyphenated number word, "NINE-year-old", names no one either)
            if len(key) < 2 or key in not_names or key.split("-")[0] in not_names or (
                (in_headline or (i == 0 and opens_sentence)) and key in lower_forms
            ):
                if len(names) > 1:
                    out.append(" ".join(names))
                names = []
                continue
            out.append(key)
            names.append(key)
        if len(names) > 1:
            out.append(" ".join(names))
    return out


# ---------------------------------------------------------------------------- numbers

_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w])")
def number_terms(text: str) -> list[str]:
    """Numbers written in digits (two digits or more: "7" is too common to tell stories apart)."""
    out = []
    for m in _NUMBER.finditer(text or ""):
        value = m.group().replace(",", "")
        if len(value) >= 2:
            out.append("n" + value)
    return out


# ---------------------------------------------------------------------------- dates

_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d\d)\b", re.I)
_DATE_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_DATE_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)?\d\d)\b")
_YEAR = re.compile(r"(?<![\w/-])(1[89]\d\d|20\d\d)(?![\w/-])")
# The dateline, when there is one, sits in the first lines.
DATELINE_CHARS = 400


def text_dates(text: str) -> list[tuple[int, dt.date]]:
    """Full calendar dates written in the text, as (offset, date), in text order."""
    months = _lexicon()["months"]
    found: list[tuple[int, int, int, int]] = []
    for m in _DATE_MDY.finditer(text):
        found.append((m.start(), int(m[3]), months.get(m[1].lower(), 0), int(m[2])))
    for m in _DATE_DMY.finditer(text):
        found.append((m.start(), int(m[3]), months.get(m[2].lower(), 0), int(m[1])))
    for m in _DATE_ISO.finditer(text):
        found.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    for m in _DATE_SLASH.finditer(text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        a, b = int(m[1]), int(m[2])
        month, day = (a, b) if a <= 12 else (b, a)  # month first unless it cannot be
        found.append((m.start(), year, month, day))
    out = []
    for pos, year, month, day in sorted(found):
        try:
            out.append((pos, dt.date(year, month, day)))
        except ValueError:
            continue
    return out


def reference_date(article: Article, text: str | None = None) -> dt.date | None:
    """When the article was written: its publication date, else a full date in its opening lines."""
    if article.published is not None:
        return article.published
    head = (text if text is not None else story_text(article))[:DATELINE_CHARS]
    dates = text_dates(head)
    return dates[0][1] if dates else None


# Dates as a report names them, read around each capitalised month word (one fast scan for
# those, then anchored matches): "June 2005", "June 24, 2005", "24 June 2005", "March 20",
# "20 March".  A lower-case "may" or "march" is a verb.
_MONTH_WORD = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?")
_AFTER_MONTH = re.compile(r"\s+(?:(\d{1,2})(?:st|nd|rd|th)?(?![\d:.]\d|\w)(?:,?\s+((?:19|20)\d\d)(?!\d))?"
                          r"|(?:of\s+)?((?:19|20)\d\d)(?!\d))")
_BEFORE_MONTH = re.compile(r"(?<![\d.,:])\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_YEAR_AFTER = re.compile(r",?\s+((?:19|20)\d\d)(?!\d)")
# At most this many periods are kept per article (the first ones named): a follow-up names
# the date of the event it follows early, and a fixed width keeps the feature block an array.
MAX_PERIODS = 8


def _named_days(text: str, reference: dt.date) -> list[tuple[int, int, int]]:
    """(offset, first, last) of every day or month named around a month word."""
    months = _lexicon()["months"]
    ref = reference.toordinal()
    found = []
    for m in _MONTH_WORD.finditer(text):
        month = months.get(m.group().rstrip(".").lower(), 0)
        if not month:
            continue
        day = year = None
        after = _AFTER_MONTH.match(text, m.end())
        before = _BEFORE_MONTH.search(text, max(0, m.start() - 12), m.start())
        if before:
            day = int(before[1])
            later = _YEAR_AFTER.match(text, m.end())
            year = int(later[1]) if later else None
        elif after and after[1]:
            day, year = int(after[1]), int(after[2]) if after[2] else None
        elif after and after[3]:
            first = dt.date(int(after[3]), month, 1)
            last = dt.date(int(after[3]) + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
            found.append((m.start(), first.toordinal(), last.toordinal()))
            continue
        if day is None:
            continue
        years = (year,) if year else (reference.year - 1, reference.year, reference.year + 1)
        options = []
        for y in years:
            try:
                options.append(dt.date(y, month, day).toordinal())
            except ValueError:
                continue
        if options:
            best = min(options, key=lambda d: (abs(d - ref), d))
            found.append((m.start(), best, best))
    return found


def recalled_periods(text: str, reference: dt.date | None) -> list[tuple[int, int]]:
    """Days and months the text names, other than its own date, as (first, last) day ordinals.

    A report on a trial or a sentencing names the date of the crime ("the shooting in April
    2007"): story grouping then waives its time prior between the report and the crime's
    reports.  Full dates and month-year pairs are read as written; a day named without a year
    ("on March 20") is the occurrence nearest the reference date.  Nothing is read from an
    undated report.  Periods containing the reference date itself are left out (they add nothing).
    """
    if not text or reference is None:
        return []
    ref = reference.toordinal()
    found = _named_days(text, reference)
    for pattern in (_DATE_ISO, _DATE_SLASH):
        for m in pattern.finditer(text):
            if pattern is _DATE_ISO:
                year, month, day = int(m[1]), int(m[2]), int(m[3])
            else:
                year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
                a, b = int(m[1]), int(m[2])
                month, day = (a, b) if a <= 12 else (b, a)
            try:
                ordinal = dt.date(year, month, day).toordinal()
            except ValueError:
                continue
            found.append((m.start(), ordinal, ordinal))
    out: list[tuple[int, int]] = []
    for _, first, last in sorted(found):
        if not first <= ref <= last and (first, last) not in out:
            out.append((first, last))
    return out[:MAX_PERIODS]


def year_terms(text: str) -> list[str]:
    return _YEAR.findall(text or "")


@lru_cache(maxsize=1)
def _weekday_pattern() -> re.Pattern[str]:
    # The lexicon lists the seven full names first, Monday first; abbreviations ("Sun", "Sat",
    # "Wed") are left out: capitalised, they are as often a newspaper or a word opening a sentence.
    names = _lexicon_data()["weekdays"][:7]
    # No leading \b (checked in ``weekday_mask``): a pattern that opens with the names themselves
    # runs five times faster (0.08 s against 0.4 s on 10,000 news texts).
    return re.compile("(" + "|".join(n.capitalize() for n in names) + r")\b")


def weekday_mask(text: str) -> int:
    """The weekdays a text names ("on Sunday", "Monday's vote"), as a bit mask (bit 0 Monday ... bit 6 Sunday).

    Reports of one event name the day it happened; two reports of like events in one place
    (two quakes on one island) usually name different days.  Read from undated text too,
    where the time prior cannot help.
    """
    order = {n.capitalize(): i for i, n in enumerate(_lexicon_data()["weekdays"][:7])}
    mask = 0
    text = text or ""
    for m in _weekday_pattern().finditer(text):
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            mask |= 1 << order[m[1]]
    return mask


# "MONTEBRINA, Ardessa, March 19 (MPA) -", "THE HAGUE (AP) --": the place a report was filed from,
# written in capitals at the head of its body
_DATELINE_PLACE = re.compile(r"\s*([A-Z][A-Z.'\u2019]+(?:[ -][A-Z][A-Z.'\u2019]+){0,3})(?=,|\s*\(|\s+[-\u2014\u2013])")


def dateline_place(text: str) -> str | None:
    """The place of a report's dateline ("MONTEBRINA, Ardessa, March 19 -" -> "montebrina"), or None.

    Where the reporter filed from is where the news happened: two reports of like events filed
    from two towns are two events, whatever dates they name.
    """
    m = _DATELINE_PLACE.match(text or "")
    return fold(m.group(1)) if m else None


def _place_code(place: str | None) -> int:
    if not place:
        return 0
    return zlib.crc32(place.encode("utf-8")) + 1  # stable across runs (``hash`` is salted)


# ---------------------------------------------------------------------------- the feature block


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """Raw (un-weighted) hashed term counts of a batch of articles, row ``i`` for article ``i``.

    Counts, not TF-IDF: the weighting needs document frequencies over every article seen,
    which the caller keeps (see ``stories.TermStats``).
    """

    words: sp.csr_matrix
    names: sp.csr_matrix
    numbers: sp.csr_matrix
    years: sp.csr_matrix
    day: np.ndarray  # reference date as an ordinal, 0 when unknown
    # Days and months the text names besides its own date (``recalled_periods``): shape
    # (n, MAX_PERIODS, 2) of (first, last) day ordinals, 0 where there are fewer.
    periods: np.ndarray | None = None
    # The weekdays each text names (``weekday_mask``), 0 when none.
    weekdays: np.ndarray | None = None
    # The place of each article's dateline (``dateline_place``), hashed; 0 when it has none.
    places: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.periods is None:  # a state stored before periods were read
            object.__setattr__(self, "periods", np.zeros((len(self.day), MAX_PERIODS, 2), dtype=np.int64))
        if self.weekdays is None:  # a state stored before weekdays were read
            object.__setattr__(self, "weekdays", np.zeros(len(self.day), dtype=np.int64))
        if self.places is None:  # a state stored before datelines were read
            object.__setattr__(self, "places", np.zeros(len(self.day), dtype=np.int64))

    def __len__(self) -> int:
        return int(self.day.shape[0])

    @staticmethod
    def stack(blocks: Sequence["ArticleFeatures"]) -> "ArticleFeatures":
        blocks = [b for b in blocks if len(b)]
        if not blocks:
            return extract_features(())
        if len(blocks) == 1:
            return blocks[0]
        return ArticleFeatures(
            words=sp.vstack([b.words for b in blocks], format="csr"),
            names=sp.vstack([b.names for b in blocks], format="csr"),
            numbers=sp.vstack([b.numbers for b in blocks], format="csr"),
            years=sp.vstack([b.years for b in blocks], format="csr"),
            day=np.concatenate([b.day for b in blocks]),
            periods=np.concatenate([b.periods for b in blocks]),
            weekdays=np.concatenate([b.weekdays for b in blocks]),
            places=np.concatenate([b.places for b in blocks]),
        )

    def take(self, rows: Sequence[int] | np.ndarray) -> "ArticleFeatures":
        rows = np.asarray(rows, dtype=np.int64)
        return ArticleFeatures(self.words[rows], self.names[rows], self.numbers[rows], self.years[rows],
                               self.day[rows], self.periods[rows], self.weekdays[rows], self.places[rows])


_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case without accents ("Vučić" -> "vucic"); non-Latin letters are kept.

    One regex pass in C: scikit-learn's ``strip_accents="unicode"`` tests every character in
    Python and was a third of the grouping time.
    """
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.lower()))


@lru_cache(maxsize=1)
def _vectorisers() -> tuple[Any, Any, Any, Any]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

    common = dict(alternate_sign=False, norm=None, dtype=np.float32)
    words = HashingVectorizer(n_features=WORD_FEATURES, ngram_range=(1, 2), stop_words=sorted(ENGLISH_STOP_WORDS),
                              preprocessor=fold, **common)
    names = HashingVectorizer(n_features=SMALL_FEATURES, analyzer=entity_terms, **common)
    numbers = HashingVectorizer(n_features=SMALL_FEATURES, analyzer=number_terms, **common)
    years = HashingVectorizer(n_features=SMALL_FEATURES, analyzer=year_terms, **common)
    return words, names, numbers, years


# An outlet's name may carry a note on the edition: "Lusovia Today (English service)".
_OUTLET_NOTE = re.compile(r"\s*\([^)]*\)\s*$")
_LEADING_THE = re.compile(r"^the\s+", re.I)


@lru_cache(maxsize=4096)
def _outlet_pattern(outlet: str) -> re.Pattern[str] | None:
    """How a text names its own outlet: the full name ("Daily Hornet") and, for a name of three
    or more capitalised words, its acronym ("MPA" for Meridian Press Agency)."""
    words = _LEADING_THE.sub("", _OUTLET_NOTE.sub("", outlet).strip()).split()
    if not words:
        return None
    forms = [r"\s+".join(re.escape(w) for w in words)]
    if len(words) >= 3 and all(w[:1].isupper() and not w.isupper() for w in words):
        forms.append("".join(w[0] for w in words))
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b")


def without_outlet(text: str, outlet: str | None) -> str:
    """``text`` with its own outlet's name blanked out (same length, so offsets hold).

    An agency's dateline credit ("(MPA)") or a paper's sign-up line names the outlet, not the
    event: left in, two articles of one outlet on unrelated events share a rare name.
    """
    pattern = _outlet_pattern(outlet) if outlet and text else None
    if pattern is None:
        return text
    return pattern.sub(lambda m: " " * len(m.group()), text)


def extract_features(articles: Sequence[Article]) -> ArticleFeatures:
    """Hashed term counts and reference dates of ``articles`` (any length, empty texts included)."""
    texts = [story_text(a) for a in articles]
    words, names, numbers, years = _vectorisers()
    if not texts:
        empty = sp.csr_matrix((0, SMALL_FEATURES), dtype=np.float32)
        return ArticleFeatures(sp.csr_matrix((0, WORD_FEATURES), dtype=np.float32), empty, empty.copy(),
                               empty.copy(), np.zeros(0, dtype=np.int64))
    days = [reference_date(a, t) for a, t in zip(articles, texts)]
    own = [without_outlet(t, a.outlet) for t, a in zip(texts, articles)]
    periods = np.zeros((len(texts), MAX_PERIODS, 2), dtype=np.int64)
    for i, (t, d) in enumerate(zip(texts, days)):
        found = recalled_periods(t, d)
        if found:
            periods[i, : len(found)] = found
    return ArticleFeatures(
        words=words.transform(own).tocsr(),
        names=names.transform(own).tocsr(),
        numbers=numbers.transform(texts).tocsr(),
        # The year of the reference date counts as a year the article mentions (a dateline
        # moved into ``published`` by the clean stage still says when the report was written).
        years=years.transform([f"{t}\n{d.year}" if d else t for t, d in zip(texts, days)]).tocsr(),
        day=np.array([d.toordinal() if d else 0 for d in days], dtype=np.int64),
        periods=periods,
        weekdays=np.array([weekday_mask(t) for t in texts], dtype=np.int64),
        places=np.array([_place_code(dateline_place(a.text)) for a in articles], dtype=np.int64),
    )
