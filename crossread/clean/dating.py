"""Date undated articles from their content and their story.

An article with no known date gets one only from evidence, never by default:

* the **days its text mentions** ("on May 31", "2023-06-05", "June 1"): the latest
  day it reports as past is a lower bound for when it was written (a day in a
  sentence about plans — "will", "scheduled for" — is not);
* its **weekday phrases** ("on Tuesday", "last Friday", "scheduled for Wednesday"):
  resolved against each candidate day, they must fit — a past weekday falls in
  the week before, a planned one in the week after;
* its **story**: the published dates of the other articles of its ``StoryGroup``
  and the days *their* texts mention. News reports what just happened, so the
  best day is the one where the article's own weekday events land on days the
  story is about, and the latest event is as recent as possible;
* **events its story dates**: a sentence with a relative phrase ("Last week, ...",
  "two days ago", "yesterday", "on Monday") that reports the same thing as a
  sentence of a dated peer (shared content words) places the writing relative to
  the peer's day for it: "last week" means the calendar week after that day's,
  "on Monday" a day within the six after that Monday (which must be a Monday).

The result is marked ``published_from='inferred'`` with the evidence in
``published_evidence``; with no evidence the date stays None. Date mentions are
read with compiled regular expressions written here (the analyse stage's
resolver needs an anchor, which is exactly what an undated article lacks).
"""
from __future__ import annotations

import datetime as dt
import re
import statistics
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Article, ArticleAnalysis, StoryGroup
from .metadata import find_dates

__all__ = ["infer_dates", "infer_date", "DateEvidence"]

_MONTH_NAMES = (r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|"
                r"APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)"
                # a whole word: "in Marlow" and "in Mayfield" name no month
                r"(?![A-Za-z])\.?")
_MONTH_INDEX = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
# "May 31", "June 1st", "31 May" without a year (a year right after makes it a full date, read elsewhere).
_MONTH_DAY = re.compile(
    r"\b(?:" + _MONTH_NAMES.format(g="m1") + r"\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    r"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAMES.format(g="m2") + r")"
    r"(?![\w-])(?!,?\s*(?:19|20)\d\d)(?!\s*[-–]\s*\d)"
)
# "in April", "in May 2023": a month named as the time of something.
_MONTH_ONLY = re.compile(
    r"\b(?:in|since|during|early|late|mid|mid-|last|this|of)\s+" + _MONTH_NAMES.format(g="m") +
    r"(?:\s*,?\s*(?P<y>(?:19|20)\d\d))?(?!\s*[0-3]?\d\b)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    r"(?:\b(?P<pre>[A-Za-z]+)\s+)?\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b"
    r"(?!,?\s*" + _MONTH_NAMES.format(g="wm") + r")"
)
_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


# How far after the story's latest dated article a day the text reports may still bound its date.
_PEER_SLACK_DAYS = 14


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """What the text says about time, before a publication day is chosen."""

    past_days: tuple[tuple[dt.date, str], ...] = ()  # days reported as past, with the phrase
    future_days: tuple[tuple[dt.date, str], ...] = ()
    month_floor: tuple[dt.date, str] | None = None  # start of the latest month named as past
    weekdays: tuple[tuple[int, str, str], ...] = ()  # (weekday index, "past"|"last"|"future", phrase)
    yesterday: bool = False
    written_years: frozenset[dt.date] = frozenset()  # past days written with their year ("May 2, 2013")


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    text = resources.files("crossread").joinpath("data", "boilerplate", "dating.txt").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("[") and s.endswith("]"):
            current = s[1:-1]
            sections[current] = []
        elif current is not None:
            sections[current].append(s)
    return {k: re.compile("|".join(f"(?:{p})" for p in v), re.IGNORECASE) for k, v in sections.items()}


def _sentence_around(text: str, start: int, end: int) -> str:
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        left = m.end()
    nl = text.rfind("\n", 0, start)
    left = max(left, nl + 1)
    m = _SENTENCE_END.search(text, end)
    right = m.start() + 1 if m else len(text)
    nl = text.find("\n", end)
    if nl >= 0:
        right = min(right, nl)
    return text[left:right]


def _is_future(text: str, start: int, end: int) -> bool:
    return bool(_rules()["future"].search(_sentence_around(text, start, end)))


def _month_day(m: re.Match[str]) -> tuple[int, int]:
    month = m["m1"] or m["m2"]
    day = m["d1"] or m["d2"]
    return _MONTH_INDEX[month[:3].lower()], int(day)


def _pick_year(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The year that puts month/day nearest the reference day (news rarely mentions days far off)."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - ref).days) < abs((best - ref).days):
            best = d
    return best


def read_evidence(text: str, ref: dt.date | None) -> DateEvidence:
    """The past and planned days, months and weekday phrases of a text.

    Args:
        text: the cleaned article text.
        ref: a day near the story (for the year of "May 31"); None reads only dates with a year.
    """
    past: list[tuple[dt.date, str]] = []
    future: list[tuple[dt.date, str]] = []
    taken: list[tuple[int, int]] = []
    written: set[dt.date] = set()
    for d in find_dates(text):
        taken.append((d.start, d.end))
        if _is_future(text, d.start, d.end):
            future.append((d.date, d.text))
        else:
            past.append((d.date, d.text))
            written.add(d.date)
    if ref is None and past:
        ref = max(day for day, _ in past)
    if ref is not None:
        for m in _MONTH_DAY.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            month, day = _month_day(m)
            date = _pick_year(month, day, ref)
            if date is None:
                continue
            (future if _is_future(text, m.start(), m.end()) else past).append((date, m.group(0)))
    month_floor = None
    if ref is not None:
        for m in _MONTH_ONLY.finditer(text):
            if _is_future(text, m.start(), m.end()):
                continue
            month = _MONTH_INDEX[m["m"][:3].lower()]
            year = int(m["y"]) if m["y"] else (ref.year if month <= ref.month else ref.year - 1)
            start = dt.date(year, month, 1)
            if start <= ref and (month_floor is None or start > month_floor[0]):
                month_floor = (start, m.group(0))
    weekdays = []
    last_words = _rules()["last"]
    for m in _WEEKDAY.finditer(text):
        idx = _WEEKDAYS.index(m["w"].lower())
        pre = (m["pre"] or "").lower()
        if _is_future(text, m.start("w"), m.end("w")):
            kind = "future"
        elif last_words.search(pre):
            kind = "last"
        else:
            kind = "past"
        weekdays.append((idx, kind, m.group(0).strip()))
    return DateEvidence(
        past_days=tuple(past), future_days=tuple(future), month_floor=month_floor,
        weekdays=tuple(weekdays), yesterday=bool(_YESTERDAY.search(text)), written_years=frozenset(written),
    )


def _resolve_weekday(idx: int, kind: str, day: dt.date) -> dt.date:
    """The day a weekday phrase means when written on ``day``."""
    if kind == "future":
        ahead = (idx - day.weekday()) % 7 or 7
        return day + dt.timedelta(days=ahead)
    back = (day.weekday() - idx) % 7
    if kind == "last" and back == 0:
        back = 7
    return day - dt.timedelta(days=back)


def _story_days(peers: Sequence[Article]) -> set[dt.date]:
    """Days the story is about: its dated articles' dates and the past days their texts mention."""
    days: set[dt.date] = set()
    for p in peers:
        if p.published is not None:
            days |= _days_reported(p.text, p.published)
    return days


@lru_cache(maxsize=2048)
def _days_reported(text: str, published: dt.date) -> frozenset[dt.date]:
    """A dated article's own day and the recent past days it reports (cached: every undated
    article of a story asks for the same peers)."""
    ev = read_evidence(text, published)
    days = {published}
    days.update(d for d, _ in ev.past_days if d <= published and (published - d).days <= 21)
    days.update(_resolve_weekday(i, k, published) for i, k, _ in ev.weekdays if k != "future")
    return frozenset(days)


def _recent_cluster(days: Sequence[dt.date]) -> bool:
    """At least two different days mentioned within two weeks of the latest one."""
    if not days:
        return False
    latest = max(days)
    return len({d for d in days if 0 <= (latest - d).days <= 14}) >= 2


def _weekday_on(ev: DateEvidence, day: dt.date) -> bool:
    """A past weekday phrase of the text names ``day`` when written within the week after it."""
    return any(i == day.weekday() and k != "future" for i, k, _ in ev.weekdays)



# --------------------------------------------------------------------------- events the story dates

# A sentence of the undated article and one of a peer report the same event when the peer's
# sentence covers this much of the smaller one's content words (idf-weighted over every sentence
# of the article and its peers, so words the whole story repeats count little) and shares at
# least _EVENT_MIN_SHARED content words. Set on ecbplus-dev (bench/bench_dating.py).
_EVENT_MIN_SCORE = 0.4
_EVENT_MIN_SHARED = 3
# ... of which this many are written in lower case: names alone (the story's protagonists) do not
# make two sentences report the same event, what happened must be shared too.
_EVENT_MIN_SHARED_COMMON = 2
# Another peer sentence that matches nearly as well (this share of the best score) but puts the
# event on a day giving a disjoint window makes the match ambiguous: no bound.
_EVENT_RIVAL_SHARE = 0.8
# A peer's day older than this before its publication is background, not the news event.
_EVENT_MAX_AGE_DAYS = 31


@dataclass(frozen=True, slots=True)
class EventBound:
    """A window for the publication day from one relative phrase matched to a peer's dated event."""

    lo: dt.date
    hi: dt.date
    event: dt.date  # the day the peer gives the event
    score: float
    note: str


def _relative_phrases(text: str) -> list[tuple[str, int, str, int, int]]:
    """The phrases of ``text`` that date the writing relative to an event: (kind, number, phrase, start, end).

    kind is "last_week", "this_week", "days_ago" (number = days), "weekday" or "last_weekday"
    (number = weekday index). Phrases in sentences about plans are left out.
    """
    from ..analyse.dates_grammar import grammar, number_value

    rules = _rules()
    out: list[tuple[str, int, str, int, int]] = []
    for section in ("last_week", "this_week", "days_ago", "yesterday"):
        pattern = rules.get(f"event_{section}")
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            if _is_future(text, m.start(), m.end()):
                continue
            kind, n = section, 0
            if section == "days_ago":
                value = number_value(m["n"] or "", grammar().numbers)
                if value is None or not 0 < value <= 14 or value != int(value):
                    continue
                n = int(value)
            elif section == "yesterday":
                kind, n = "days_ago", 1
            out.append((kind, n, m.group(0), m.start(), m.end()))
    last_words = rules["last"]
    for m in _WEEKDAY.finditer(text):
        if _is_future(text, m.start("w"), m.end("w")):
            continue
        idx = _WEEKDAYS.index(m["w"].lower())
        kind = "last_weekday" if last_words.search((m["pre"] or "").lower()) else "weekday"
        out.append((kind, idx, m.group(0).strip(), m.start("w"), m.end("w")))
    out.sort(key=lambda x: (x[3], x[4], x[0]))
    return out


def _window_after(kind: str, n: int, event: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days an article may be written on when it places ``event`` with this phrase; None when it
    does not fit (a weekday phrase naming another weekday)."""
    wd = event.weekday()
    if kind == "last_week":
        lo = event + dt.timedelta(days=7 - wd)
        return lo, lo + dt.timedelta(days=6)
    if kind == "this_week":
        return event, event + dt.timedelta(days=6 - wd)
    if kind == "days_ago":
        day = event + dt.timedelta(days=n)
        return day, day
    if kind in ("weekday", "last_weekday"):
        if n != wd:
            return None
        # "on Monday" names the latest Monday up to the day of writing; "last Monday" one before it.
        start = 1 if kind == "last_weekday" else 0
        return event + dt.timedelta(days=start), event + dt.timedelta(days=start + 6)
    return None


def _sentence_span(text: str, spans: Sequence[tuple[int, int, int]], start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence holding text[start:end]: from ``spans`` when given, else found roughly."""
    i = bisect_right([s[0] for s in spans], start) - 1 if spans else -1
    if i >= 0 and spans[i][0] <= start < max(spans[i][1], end):
        return spans[i][0], spans[i][1]
    sentence = _sentence_around(text, start, end)
    left = max(text.rfind(sentence, max(0, start - len(sentence)), end + len(sentence)), 0)
    return left, left + len(sentence)


@lru_cache(maxsize=1024)
def _phrases_by_sentence(text: str, anchor: dt.date | None,
                         spans: tuple[tuple[int, int, int], ...]) -> dict[tuple[int, int], tuple[dict, ...]]:
    """Every date phrase of ``text`` (the analyse stage's resolver, ``anchor`` as the day of writing),
    grouped by sentence span (cached: every undated article of a story asks for the same peers)."""
    from ..analyse.dates import resolve_phrases

    out: dict[tuple[int, int], list[dict]] = {}
    for p in resolve_phrases(text, anchor, spans or None):
        out.setdefault(_sentence_span(text, spans, p["start"], p["end"]), []).append(p)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1024)
def _dated_sentences(
    text: str, published: dt.date, spans: tuple[tuple[int, int, int], ...],
) -> tuple[tuple[str, dt.date, str, tuple[str, ...], frozenset[str]], ...]:
    """The sentences of a dated article that report one recent past day: (sentence, day, phrase,
    content stems, lower-case content stems); cached, every undated article of a story asks.

    The day is the one the analyse stage's resolver gives the sentence's date phrase with the
    article's date as anchor ("on Monday" in an article of Tuesday → the day before). A sentence
    with two date phrases ("fired last week, he shot three on Monday") is left out: which one the
    shared words belong to is unclear.
    """
    from ..textsim import content_stems

    out = []
    for (a, b), phrases in sorted(_phrases_by_sentence(text, published, spans).items()):
        if len(phrases) != 1:
            continue
        p = phrases[0]
        if p.get("granularity") != "day" or not p.get("value") or p.get("modifier"):
            continue
        try:
            day = dt.date.fromisoformat(p["value"])
        except ValueError:
            continue
        if 0 <= (published - day).days <= _EVENT_MAX_AGE_DAYS:
            sentence = text[a:b]
            out.append((sentence, day, text[p["start"]:p["end"]], tuple(content_stems(sentence, drop_dates=True)),
                        frozenset(_common_stems(sentence))))
    return tuple(out)


@lru_cache(maxsize=1024)
def _sentence_stems(text: str, spans: tuple[tuple[int, int, int], ...]) -> tuple[tuple[str, ...], ...]:
    """Content-word stems of each sentence (for the idf of a story's words)."""
    from ..textsim import content_stems

    cuts = [(a, b) for a, b, _ in spans] or [(0, len(text))]
    return tuple(tuple(content_stems(text[a:b], drop_dates=True)) for a, b in cuts)


def _common_stems(sentence: str) -> set[str]:
    """Stems of the sentence's content words written in lower case (not names)."""
    from ..textsim import content_stems

    return set(content_stems(" ".join(w for w in sentence.split() if w[:1].islower()), drop_dates=True))


def event_bounds(article: Article, peers: Sequence[Article]) -> tuple[EventBound, ...]:
    """Windows for the publication day of an undated article from the events its story dates.

    A sentence of the article with a relative phrase ("Last week, crowds stormed the depot";
    "two days ago"; "on Monday") is matched to the sentence of a dated peer that reports the same
    event on a known day D (shared content words, weighted by how rare they are in the story);
    the phrase then says when the article was written relative to D ("last week": in the
    calendar week after D's). Sentences with more than one date phrase are not used.

    Args:
        article: the undated article.
        peers: other articles of its story with a date (their own or inferred).

    Returns:
        One bound per phrase that matched, best match first.
    """
    from ..textsim import content_stems, idf_weights, weighted_overlap

    text = article.text or ""
    phrases = _relative_phrases(text)
    if not phrases:
        return ()
    own_spans = tuple((s.start, s.end, s.paragraph) for s in article.sentences)
    # (peer label, sentence, day, phrase, stems, lower-case stems)
    candidates: list[tuple[str, str, dt.date, str, tuple[str, ...], frozenset[str]]] = []
    usable = [p for p in sorted(peers, key=lambda x: x.id) if p.published is not None and p.id != article.id and p.text]
    for p in usable:
        spans = tuple((s.start, s.end, s.paragraph) for s in p.sentences)
        label = f"{p.id} (dated by inference)" if p.published_from == "inferred" else p.id
        candidates.extend((label, *c) for c in _dated_sentences(p.text, p.published, spans))
    if not candidates:
        return ()
    bags: list[tuple[str, ...]] = list(_sentence_stems(text, own_spans))
    for p in usable:
        bags.extend(_sentence_stems(p.text, tuple((s.start, s.end, s.paragraph) for s in p.sentences)))
    idf = idf_weights(bags)
    own_phrases = _phrases_by_sentence(text, None, own_spans)
    bounds: list[EventBound] = []
    for kind, n, phrase, start, end in phrases:
        key = _sentence_span(text, own_spans, start, end)
        if len(own_phrases.get(key, ())) > 1:
            continue
        stems = content_stems(text[key[0]:key[1]], drop_dates=True)
        common = _common_stems(text[key[0]:key[1]])
        if len(set(stems)) < _EVENT_MIN_SHARED or len(common) < _EVENT_MIN_SHARED_COMMON:
            continue
        matches: list[tuple[float, str, dt.date, str, tuple[dt.date, dt.date]]] = []
        for pid, sentence, day, peer_phrase, peer_stems, peer_common in candidates:
            window = _window_after(kind, n, day)
            if window is None:
                continue
            if (len(set(stems) & set(peer_stems)) < _EVENT_MIN_SHARED
                    or len(common & peer_common) < _EVENT_MIN_SHARED_COMMON):
                continue
            score = weighted_overlap(stems, peer_stems, idf)
            if score >= _EVENT_MIN_SCORE:
                matches.append((score, pid, day, peer_phrase, window))
        if not matches:
            continue
        # Candidates come in a fixed order and the sort is stable: ties keep the first.
        matches.sort(key=lambda m: -m[0])
        score, pid, day, peer_phrase, (lo, hi) = matches[0]
        if any(m[0] >= _EVENT_RIVAL_SHARE * score and (m[4][0] > hi or m[4][1] < lo) for m in matches[1:]):
            continue
        after = f"written on {lo.isoformat()}" if lo == hi else \
            f"written on or after {lo.isoformat()}, by {hi.isoformat()}"
        bounds.append(EventBound(lo, hi, day, score, f"{phrase!r} matches the event {pid} reports with "
                                                     f"{peer_phrase!r} ({day.isoformat()}) → {after}"))
    bounds.sort(key=lambda b: (-b.score, b.lo, b.hi, b.note))
    return tuple(bounds)


def _combine_event_bounds(
    bounds: Sequence[EventBound],
) -> tuple[dt.date, dt.date, list[str], list[dt.date]] | None:
    """The window all matched events allow, with the evidence lines and the event days; when they
    disagree, the best-matched bound and those that agree with it."""
    if not bounds:
        return None
    lo, hi = bounds[0].lo, bounds[0].hi
    notes, days = [bounds[0].note], [bounds[0].event]
    for b in bounds[1:]:
        if max(lo, b.lo) <= min(hi, b.hi):
            lo, hi = max(lo, b.lo), min(hi, b.hi)
            notes.append(b.note)
            days.append(b.event)
    return lo, hi, notes, days


def infer_date(article: Article, peers: Sequence[Article] = (),
               event_peers: Sequence[Article] | None = None,
               toll_floor: tuple[dt.date, str] | None = None) -> tuple[dt.date, tuple[str, ...]] | None:
    """The most likely publication day of an undated article, with the evidence; None without evidence.

    Args:
        article: the article (its ``text`` and ``updated`` are read).
        peers: the other articles of its story; only those with a known date count.
        event_peers: articles whose dated events the text's relative phrases ("last week",
            "on Monday") may refer to; defaults to ``peers``. May include articles whose date
            was itself inferred.
        toll_floor: the first day a dated peer reported a rising toll as high as this article's
            (``toll_floor``), with the evidence line: a lower bound like a day the text reports.

    Returns:
        (day, evidence lines) or None.
    """
    dated = sorted((p for p in peers if p.published is not None and p.id != article.id), key=lambda p: p.id)
    peer_days = sorted(p.published for p in dated if p.published is not None)
    ref = peer_days[len(peer_days) // 2] if peer_days else article.updated
    ev = read_evidence(article.text, ref)
    evidence: list[str] = []
    if peer_days and any(d > peer_days[-1] + dt.timedelta(days=_PEER_SLACK_DAYS) for d in ev.written_years):
        # The text reports a dated day (year written out) after the whole story: its "story" is
        # not the same one, so only the article's own words count.
        dated, peer_days = [], []
        ref = article.updated
        ev = read_evidence(article.text, ref)
        evidence.append("other articles of the story ignored: the text reports a later day")
        event_peers = ()
    events = _combine_event_bounds(event_bounds(article, dated if event_peers is None else event_peers))

    floor = None
    # A day far after every dated article of the story is a plan or another year, not a bound.
    latest_ok = peer_days[-1] + dt.timedelta(days=_PEER_SLACK_DAYS) if peer_days else None
    own_past = sorted(d for d, _ in ev.past_days if latest_ok is None or d <= latest_ok)
    if own_past:
        floor = own_past[-1]
        phrase = next(p for d, p in ev.past_days if d == floor)
        evidence.append(f"latest day the text reports: {phrase!r} ({floor.isoformat()})")
    if ev.month_floor and (floor is None or ev.month_floor[0] > floor):
        floor = ev.month_floor[0]
        evidence.append(f"latest month the text reports: {ev.month_floor[1]!r} (from {floor.isoformat()})")
    if toll_floor is not None and (floor is None or toll_floor[0] > floor):
        floor = toll_floor[0]
        evidence.append(toll_floor[1])
    ceiling = article.updated
    if ceiling is not None:
        evidence.append(f"updated on {ceiling.isoformat()} (published on or before)")

    if peer_days:
        lo = peer_days[0] - dt.timedelta(days=10)
        hi = peer_days[-1] + dt.timedelta(days=7)
        evidence.append("other articles of the story published " + ", ".join(d.isoformat() for d in peer_days))
    elif floor is not None and (_recent_cluster(own_past) or _weekday_on(ev, floor) or ceiling is not None):
        # Alone, the latest day a text mentions may be history (an obituary's dates): it counts
        # when it belongs to a run of recent days, or a weekday phrase names that very day.
        lo, hi = floor, floor + dt.timedelta(days=7)
    elif events is not None:
        lo, hi = events[0], events[1]
    elif ceiling is not None:
        lo, hi = ceiling - dt.timedelta(days=7), ceiling
    else:
        return None
    if events is not None:
        # A relative phrase matched to an event the story dates is more specific than the story's
        # spread; when the two disagree, the event wins.
        e_lo, e_hi, notes, _ = events
        lo, hi = (max(lo, e_lo), min(hi, e_hi)) if max(lo, e_lo) <= min(hi, e_hi) else (e_lo, e_hi)
        evidence.extend(notes)
    if floor is not None:
        lo = max(lo, floor)
    if ceiling is not None:
        hi = min(hi, ceiling)
    if lo > hi:
        if ceiling is not None:
            return ceiling, tuple(evidence)
        return (floor, tuple(evidence)) if floor is not None else None

    story = _story_days(dated)
    center = statistics.median_low([d.toordinal() for d in peer_days]) if peer_days else None
    best: tuple[float, int, int, dt.date] | None = None
    day = lo
    while day <= hi:
        resolved = [(_resolve_weekday(i, k, day), k) for i, k, _ in ev.weekdays]
        past = [d for d, k in resolved if k != "future"] + [d for d in own_past if d <= day]
        if ev.yesterday:
            past.append(day - dt.timedelta(days=1))
        if events is not None:
            past.extend(d for d in events[3] if d <= day)
        fit = 0.0
        for d, _ in resolved:
            if d in story:
                fit += 1.0
            elif d - dt.timedelta(days=1) in story or d + dt.timedelta(days=1) in story:
                fit += 0.5
        latest = max(past) if past else day  # a month named is a bound, not an event
        gap = (day - latest).days
        score = fit - 0.25 * gap
        key = (-score, abs(day.toordinal() - center) if center is not None else 0, day.toordinal(), day)
        if best is None or key[:3] < best[:3]:
            best = key  # type: ignore[assignment]
        day += dt.timedelta(days=1)
    if best is None:
        return None
    chosen = best[3]
    for i, k, phrase in ev.weekdays:
        d = _resolve_weekday(i, k, chosen)
        note = "a day the story mentions" if d in story else "no other article mentions it"
        planned = " (planned)" if k == "future" else ""
        evidence.append(f"{phrase!r}{planned} → {d.isoformat()} ({note})")
    if not ev.weekdays and not own_past and not peer_days and ceiling is None and events is None:
        return None
    return chosen, tuple(dict.fromkeys(evidence))


# An article reporting the toll a peer first reported on some day was written that day or later.
# Only the lead is read (its first sentences carry the current toll; background further down
# recalls other tolls).
_LEAD_SENTENCES = 3


def _lead_tolls(article: Article, analysis: ArticleAnalysis | None) -> dict[str, float]:
    """The highest lower bound of each count the article's lead reports that grows while a story
    develops (the figure lexicon's "evolving_predicates"): "more than 50 injured" -> 50."""
    if analysis is None:
        return {}
    from ..analyse.figures import lexicon

    growing = lexicon()["evolving_predicates"]
    lead_end = article.sentences[_LEAD_SENTENCES - 1].end if len(article.sentences) >= _LEAD_SENTENCES else len(article.text)
    out: dict[str, float] = {}
    for r in analysis.figures:
        if r.predicate not in growing or r.unit or r.start >= lead_end or \
                r.qualifier in ("previously", "additional", "up to", "less than"):
            continue
        low = r.low if r.low is not None else r.value  # the reader's bounds: "about 40" -> 36, "dozens" -> 24
        if low is not None:
            out[r.predicate] = max(out.get(r.predicate, 0.0), float(low))
    return out


def toll_floor(article: Article, analysis: ArticleAnalysis | None, peers: Sequence[Article],
               analyses: Mapping[str, ArticleAnalysis]) -> tuple[dt.date, str] | None:
    """The first day a dated peer's lead reported a rising toll as high as this article's lead does.

    Only where the peers' tolls, day by day, never fall and do rise: then "seven dead" was not
    written on the day the peers still counted three.  None when nothing bounds it.
    """
    own = _lead_tolls(article, analysis)
    if not own:
        return None
    dated = [(p.published, _lead_tolls(p, analyses.get(p.id))) for p in peers
             if p.published is not None and p.id != article.id]
    best: tuple[dt.date, str] | None = None
    for pred, value in sorted(own.items()):
        by_day: dict[dt.date, float] = {}
        for day_, tolls in dated:
            v = tolls.get(pred)
            if v is not None:
                by_day[day_] = max(by_day.get(day_, 0.0), v)
        days = sorted(by_day)
        series = [by_day[d] for d in days]
        if len(days) < 2 or any(b < a for a, b in zip(series, series[1:])) or series[0] == series[-1]:
            continue
        if value <= series[0]:
            continue
        day = next((d for d in days if by_day[d] >= value), days[-1])
        if best is None or day > best[0]:
            best = (day, f"its lead reports {pred} {value:g}, a toll the story's dated reports first reach on "
                         f"{day.isoformat()}")
    return best


def infer_dates(articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis],
                groups: Sequence[StoryGroup]) -> tuple[Article, ...]:
    """Articles with ``published`` inferred (``published_from='inferred'``) where it was unknown.

    A first pass counts only peers dated from metadata or their text; a second lets the
    events of peers dated by the first pass bound an article's relative phrases ("last
    week"). Neither pass depends on the order articles come in.

    Args:
        articles: the cleaned articles.
        analyses: their analyses by article id (the figures of each lead bound a rising toll's day).
        groups: the story groups; an article's peers are the other articles of its group.

    Returns:
        The articles in the same order, undated ones dated where evidence allows.
    """
    by_id = {a.id: a for a in articles}
    group_of: dict[str, StoryGroup] = {}
    for g in groups:
        for aid in g.article_ids:
            group_of.setdefault(aid, g)

    def story_of(a: Article) -> list[str]:
        g = group_of.get(a.id)
        return [x for x in (g.article_ids if g else ()) if x in by_id and x != a.id]

    def attempt(a: Article, peers: list[Article], event_peers: list[Article] | None) -> Article | None:
        try:
            result = infer_date(a, peers, event_peers, toll_floor(a, analyses.get(a.id), peers, analyses))
        except (ValueError, OverflowError):
            return None
        if result is None:
            return None
        day, evidence = result
        return a.replace(published=day, published_from="inferred", published_evidence=evidence)

    # First pass: peers dated from metadata or their own text only.
    first: dict[str, Article] = {}
    for a in articles:
        if a.published is None:
            peers = [by_id[x] for x in story_of(a) if by_id[x].published_from in ("metadata", "text")]
            got = attempt(a, peers, None)
            if got is not None:
                first[a.id] = got
    # Second pass: a relative phrase ("last week", "on Monday") may refer to an event only another
    # undated article of the story dates; those dates come from the first pass, which did not
    # depend on each other, so the order of the articles still does not matter.
    out = []
    for a in articles:
        if a.published is not None:
            out.append(a)
            continue
        ids = story_of(a)
        # Articles dated by inference in an earlier run (``crossread add``) count like the first pass's.
        inferred = [first.get(x) or by_id[x] for x in ids
                    if x in first or (by_id[x].published_from == "inferred" and by_id[x].published is not None)]
        result = first.get(a.id)
        if inferred and _relative_phrases(a.text or ""):
            peers = [by_id[x] for x in ids if by_id[x].published_from in ("metadata", "text")]
            result = attempt(a, peers, peers + inferred) or result
        out.append(result or a)
    return tuple(out)
