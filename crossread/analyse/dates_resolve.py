"""Resolvers of crossread's date phrases: one per grammar rule, each turning a match into a span.

Each ``_r_<rule>`` reads the match of the rule of the same name (``data/dates/patterns.txt``) and
the reading context (the anchor, the tense around the phrase, the dates spoken of so far) and
returns ``(span or None, anchor kind)``; raising ``Reject`` drops the match.  Hand-written calendar
logic (see ``dates_calendar``): no library resolves "the quarter a year earlier" or "three days
later" against the date the story is at.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import dates_calendar as cal
from .dates_calendar import Span
from .dates_grammar import Grammar, number_value, spoken_year

__all__ = ["Context", "Reject", "RESOLVERS", "Resolution"]

_YEAR_GAP = 12  # characters between "in 2019," and "on March 3" for the day to take that year
_MAX_REFS = 200  # how many earlier dates a phrase may look back through
_REF_WINDOW = 4  # sentences back that "three days later" may count from; beyond, it counts from the anchor
# How far (days) a date without a year may lie on the "wrong" side of the anchor for its tense and
# still be read as the nearest one: (past, future, no cue).  A past-tense sentence often names a
# deadline a few weeks ahead ("extended to Nov. 16"); a sentence with no tense cue leans to the past.
_DAY_SLACK = (90, 30, 150)
_MONTH_SLACK = (60, 30, 120)


class Reject(Exception):
    """The match is not a date phrase after all."""


@dataclass(slots=True)
class Context:
    """What a resolver knows besides its match: the anchor, the sentence, its tense and the dates so far."""

    text: str
    anchor: dt.date | None
    # (span, sentence, start offset, end offset, anchor kind) of every phrase resolved so far, in reading order
    refs: list[tuple[Span, int | None, int, int, str]] = field(default_factory=list)
    position: int = 0  # start of the phrase being resolved
    unresolved: int = -1  # start of the latest phrase left without a value
    sentence: int | None = None
    sentence_span: tuple[int, int] = (0, 0)
    tense: str = "none"
    comparison: bool = False  # the phrase names a period only to compare with it ("a year earlier"): not a new topic
    modifier: str | None = None  # set by a resolver when the phrase itself narrows its period ("later in the day")
    captions: frozenset[int] = frozenset()  # sentences that are photo captions or credits
    rank: tuple[int, ...] = ()  # per sentence: how many non-caption sentences precede it


# --------------------------------------------------------------------------- resolving helpers


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        v = m.group(name)
    except IndexError:
        return None
    return v


def _month_number(word: str, g: Grammar) -> int:
    return g.months[word.lower().rstrip(".")]


def _day_number(m: re.Match[str], g: Grammar) -> int:
    if _g(m, "dayword"):
        return g.ordinals[re.sub(r"\s+", "-", m.group("dayword").lower())]
    return int(m.group("day"))


def _explicit_year(m: re.Match[str]) -> int | None:
    y = _g(m, "year")
    if y:
        return int(y)
    sp = _g(m, "spoken")
    if sp:
        return spoken_year(sp)
    return None


def _ref(
    ctx: Context,
    finest: str | None = None,
    only: tuple[str, ...] | None = None,
    same_sentence: bool = False,
    window: int | None = None,
    max_gap: int | None = None,
) -> Span | None:
    """The latest date spoken of before this phrase, optionally no coarser than ``finest``, of one of the
    granularities ``only``, in this sentence or at most ``window`` sentences back (captions not counted)."""
    for span, sent, _start, end, _kind in reversed(ctx.refs[-_MAX_REFS:]):
        if max_gap is not None and ctx.position - end > max_gap:
            return None
        if same_sentence and sent != ctx.sentence:
            return None
        if (
            window is not None
            and sent is not None
            and ctx.sentence is not None
            and ctx.rank
            and ctx.rank[ctx.sentence] - ctx.rank[sent] > window
        ):
            return None
        if only is not None and span.granularity not in only:
            continue
        if finest is not None and not span.finer_or_equal(finest):
            continue
        return span
    return None


def _sentence_year(ctx: Context) -> int | None:
    """The year a date without one takes from its sentence: a year named just before it ("in 2019,
    on March 3") or the year of an earlier dated day of the sentence ("on March 3, 2019 ... by March 10")."""
    for span, sent, _start, end, kind in reversed(ctx.refs[-_MAX_REFS:]):
        if sent != ctx.sentence or ctx.unresolved > end:
            return None
        if span.granularity == "year":
            return span.start.year if ctx.position - end <= _YEAR_GAP else None
        if span.granularity in ("day", "week", "month") and kind in ("absolute", "previous"):
            # not across a clause break: "born March 29, 1928, in the Bronx; died December 19"
            return None if re.search(r"[;—]", ctx.text[end : ctx.position]) else span.start.year
        return None
    return None


def _direction(ctx: Context) -> str:
    return "future" if ctx.tense == "future" else "past"


def _slack(ctx: Context, slack: tuple[int, int, int]) -> tuple[str, int]:
    if ctx.tense == "future":
        return "future", slack[1]
    return "past", slack[0] if ctx.tense == "past" else slack[2]


def _quarter_year(anchor: dt.date, q: int, tense: str) -> int:
    """The year of "the third quarter" said on ``anchor``: this year's unless it lies ahead and the
    sentence looks back."""
    span = cal.quarter(anchor.year, q)
    if span.start > anchor and tense != "future":
        return anchor.year - 1
    return anchor.year


def _last_completed_quarter(anchor: dt.date) -> Span:
    q = (anchor.month - 1) // 3 + 1
    return cal.quarter(anchor.year, q - 1) if q > 1 else cal.quarter(anchor.year - 1, 4)


# --------------------------------------------------------------------------- resolvers
# Each takes the match and the context and returns (span or None, anchor kind); Reject drops the match.

Resolution = tuple[Span | None, str | None]


def _r_iso_date(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    d = cal.safe_date(int(m.group("year")), int(m.group("mon")), int(m.group("dom")))
    if d is None:
        raise Reject
    return cal.day(d), "absolute"


def _r_numeric_date(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    a, b, ny = int(m.group("a")), int(m.group("b")), m.group("ny")
    if len(ny) == 2:
        y = 2000 + int(ny)
        ref_year = ctx.anchor.year if ctx.anchor else 2000
        if y > ref_year + 20:
            y -= 100
    else:
        y = int(ny)
    if not 1500 <= y <= 2099:
        raise Reject
    # month first with slashes (6/2/2023), day first with dots (2.6.2023); when both readings are real
    # days and the anchor is known, the one nearer to it wins
    first, second = (cal.safe_date(y, a, b), cal.safe_date(y, b, a))
    if "/" not in m.group(0):
        first, second = second, first
    day = first or second
    if first and second and ctx.anchor is not None:
        day = min((first, second), key=lambda d: abs((d - ctx.anchor).days))
    if day is None:
        raise Reject
    return cal.day(day), "absolute"


def _days_of(m: re.Match[str], ctx: Context, g: Grammar, mo: int) -> Resolution:
    d = _day_number(m, g)
    d2 = int(m.group("day2")) if _g(m, "day2") else None
    y = _explicit_year(m)
    if y is None and _g(m, "year2"):
        y = int(m.group("year2"))
    wd = g.weekdays.get((_g(m, "wd") or "").lower())
    kind = "absolute"
    if y is None:
        y = _sentence_year(ctx)
        if y is not None:
            kind = "previous"
    if y is None:
        if ctx.anchor is None:
            if cal.safe_date(2000, mo, d) is None:
                raise Reject
            return None, None
        kind = "published"
        cands = [c for c in (cal.safe_date(ctx.anchor.year + k, mo, d) for k in (-1, 0, 1)) if c]
        if wd is not None and sum(c.weekday() == wd for c in cands) == 1:
            first = next(c for c in cands if c.weekday() == wd)
        else:
            first = cal.resolve_day_of_year(ctx.anchor, mo, d, *_slack(ctx, _DAY_SLACK))
        if first is None:
            raise Reject
        y = first.year
    start = cal.safe_date(y, mo, d)
    if start is None:
        raise Reject
    if d2 is not None and d2 > d:
        end = cal.safe_date(y, mo, d2)
        if end is None:
            raise Reject
        return Span(start, end, "span"), kind
    return cal.day(start), kind


def _r_month_day(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    return _days_of(m, ctx, g, _month_number(m.group("month"), g))


_r_day_month = _r_month_day


def _r_week_of(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    span, kind = _days_of(m, ctx, g, _month_number(m.group("month"), g))
    return (cal.week(span.start) if span else None), kind


def _r_month_year(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    y = _explicit_year(m)
    if y is None:
        raise Reject
    return cal.month(y, _month_number(m.group("month"), g)), "absolute"


def _r_month_rel(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    if ctx.anchor is None:
        return None, None
    mo = _month_number(m.group("month"), g)
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    text = m.group(0).lower()
    if text.endswith("year"):  # "June last year"
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
        return cal.month(y, mo), "published"
    direction = "same_year" if rel == "this" else _WEEKDAY_DIRECTION[rel]
    return cal.resolve_month(ctx.anchor, mo, direction), "published"


def _r_month(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    word = _g(m, "month") or _g(m, "abbr")
    # a month named right after a dated phrase of the same sentence shares its year ("in 1999, in June")
    y = _sentence_year(ctx)
    mo = _month_number(word, g)
    if y is not None:
        return cal.month(y, mo), "previous"
    if ctx.anchor is None:
        return None, None
    return cal.resolve_bare_month(ctx.anchor, mo, *_slack(ctx, _MONTH_SLACK)), "published"


def _r_year(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    y = _explicit_year(m)
    if y is None and _g(m, "yy"):
        yy = int(m.group("yy"))
        base = ctx.anchor.year if ctx.anchor else 2000
        y = 2000 + yy if 2000 + yy <= base + 20 else 1900 + yy
    if y is None or not 1500 <= y <= 2099:
        raise Reject
    return cal.year(y), "absolute"


def _r_year_range(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    y1, y2s = int(m.group("year")), m.group("y2")
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if len(y2s) == 2 and y2 < y1:
        y2 += 100
    if not y1 < y2 <= y1 + 100:
        raise Reject
    return Span(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "span"), "absolute"


def _r_decade(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    if _g(m, "dec"):
        return cal.decade(int(m.group("dec"))), "absolute"
    d2 = int(m.group("dec2"))
    base = ctx.anchor.year if ctx.anchor else 2000
    first = 2000 + d2 if 2000 + d2 <= base else 1900 + d2
    return cal.decade(first), ("published" if ctx.anchor else "absolute")


def _r_quarter(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    text = m.group(0).lower()
    if _g(m, "h"):
        n, make = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "last": 2, "latter": 2}[m.group("h").lower()], cal.half
    elif _g(m, "hn"):
        n, make = int(m.group("hn")), cal.half
    elif _g(m, "qn"):
        n, make = int(m.group("qn")), cal.quarter
    else:
        n, make = g.lexicon["quarter_ordinals"][m.group("q").lower()], cal.quarter
    y = _explicit_year(m) or (int(m.group("year2")) if _g(m, "year2") else None)
    if y is None and _g(m, "yy"):
        y = 2000 + int(m.group("yy")) if int(m.group("yy")) < 50 else 1900 + int(m.group("yy"))
    if y is not None:
        return make(y, n), "absolute"
    if ctx.anchor is None:
        return None, None
    rel = (_g(m, "yrel") or _g(m, "yrel2") or "").lower()
    if rel:
        return make(ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel], n), "published"
    if _g(m, "yrel3"):
        ref = _ref(ctx, only=("year",))
        base = ref.start.year if ref else ctx.anchor.year
        shift = -1 if m.group("yrel3").lower() in ("previous", "prior") else 0
        return make(base + shift, n), ("previous" if ref else "published")
    if "half" in text and make is cal.half:
        return make(ctx.anchor.year, n), "published"
    # a quarter without a year takes the year of the quarter or year discussed in this sentence, else of the anchor
    ref = _ref(ctx, only=("quarter", "half", "year"), same_sentence=True)
    if ref is not None and ref.granularity == "year":
        return make(ref.start.year, n), "previous"
    return make(_quarter_year(ctx.anchor, n, ctx.tense), n), "published"


def _r_quarter_rel(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    noun = m.group("noun").lower()
    ref_q = _ref(ctx, only=("quarter", "half"))
    if noun == "period":
        if rel in ("the same", "that", "the latest", "the most recent"):
            ref = _ref(ctx, only=("quarter", "half", "month", "span"))
            if ref is not None:
                return ref, "previous"
            if rel in ("the same", "that"):
                raise Reject
        elif rel not in ("the previous", "the prior", "the preceding"):
            raise Reject  # "the current period drama": not a date
    if ctx.anchor is None and rel not in ("the same", "that", "the"):
        return None, None
    if rel in ("this", "the current", "the present"):
        return cal.period_of(ctx.anchor, "quarter"), "published"
    if rel == "last":
        return _last_completed_quarter(ctx.anchor), "published"
    if rel in ("next", "the coming"):
        return cal.shift(cal.period_of(ctx.anchor, "quarter"), 1, "quarter"), "published"
    if rel in ("the latest", "the most recent"):
        return _last_completed_quarter(ctx.anchor), "published"
    if rel in ("the previous", "the prior", "the preceding"):
        if ref_q is not None:
            return cal.shift(ref_q, -1, "quarter"), "previous"
        return _last_completed_quarter(ctx.anchor), "published"
    if rel in ("the next", "the following"):
        if ref_q is not None:
            return cal.shift(ref_q, 1, "quarter"), "previous"
        return cal.shift(cal.period_of(ctx.anchor, "quarter"), 1, "quarter"), "published"
    # "the quarter", "that quarter", "the same quarter": the one being discussed
    if ref_q is not None:
        return ref_q, "previous"
    if rel == "the" and ctx.anchor is not None:
        return _last_completed_quarter(ctx.anchor), "published"
    raise Reject


def _r_deictic(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    word = re.sub(r"\s+", " ", m.group("word").lower())
    pod = (_g(m, "pod") or "").lower()
    if word in ("this", "last"):
        if not pod or (word == "last" and pod != "night") or (word == "this" and pod in ("night", "overnight")):
            raise Reject
    if ctx.anchor is None:
        return None, None
    offset = {
        "today": 0,
        "tonight": 0,
        "this": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "last": -1,
        "before yesterday": -2,
        "after tomorrow": 2,
    }[word]
    return cal.day(ctx.anchor + dt.timedelta(days=offset)), "published"


# "last/next/this Monday"; months use the same words ("this" meaning the same year there).
_WEEKDAY_DIRECTION = {
    "last": "before",
    "past": "before",
    "this past": "before",
    "next": "after",
    "coming": "after",
    "this coming": "after",
    "this": "same_week",
}


def _r_weekday(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    wd = g.weekdays[m.group("wd").lower()]
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower())
    if rel in ("the previous", "the following", "the next", "the same", "that"):
        ref = _ref(ctx, finest="week")
        if ref is not None:
            if rel in ("the same", "that"):
                return cal.day(cal.resolve_weekday(ref.start, wd, "same_week")), "previous"
            direction = "before" if rel == "the previous" else "after"
            base = ref.start if direction == "before" else ref.end
            return cal.day(cal.resolve_weekday(base, wd, direction)), "previous"
        if rel in ("the same", "that"):
            raise Reject
    if ctx.anchor is None:
        return None, None
    direction = (
        _WEEKDAY_DIRECTION.get(rel)
        or {"the previous": "before", "the following": "after", "the next": "after"}.get(rel)
        or (_happened(m, ctx, g) and "before")  # "Sunday's attack" has happened, whatever the tense around it
        or _direction(ctx)
    )
    return cal.day(cal.resolve_weekday(ctx.anchor, wd, direction)), "published"


_POSSESSIVE_NOUN = re.compile(r"['’]s\s+([a-z-]+)(?:\s+([a-z]+))?")


def _happened(m: re.Match[str], ctx: Context, g: Grammar) -> bool:
    """"Sunday's attack", "Saturday's deadly bombing": a weekday naming an unplanned event that has happened."""
    at = m.end() - 2 if ctx.text[m.end() - 2 : m.end()] in ("'s", "’s") else m.end()
    pm = _POSSESSIVE_NOUN.match(ctx.text, at)
    return bool(pm and (pm.group(1) in g.past_events or pm.group(2) in g.past_events))


_UNIT_GRAN = {
    "week": "week",
    "weekend": "weekend",
    "month": "month",
    "year": "year",
    "fiscal year": "year",
    "decade": "decade",
    "day": "day",
    "quarter": "quarter",
    "fortnight": "week",
    "half": "half",
}


def _r_rel_unit(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = re.sub(r"\s+", " ", m.group("unit").lower())
    if unit == "century":
        raise Reject
    gran = _UNIT_GRAN[unit]
    if rel in ("over the",):
        rel = "the"
    if unit == "day":
        if rel in ("the next", "the following", "the ensuing", "the subsequent"):
            step = 1
        elif rel in ("the previous", "the prior", "the preceding"):
            step = -1
        elif rel in ("the same", "that", "that same"):
            step = 0
        else:
            raise Reject  # "this day", "the last day", "the past day": not a date
        ref = _ref(ctx, only=("day",), window=_REF_WINDOW)
        if ref is not None:
            return cal.day(ref.start + dt.timedelta(days=step)), "previous"
        if step == 0 or ctx.anchor is None:
            raise Reject if step == 0 else Reject
        return cal.day(ctx.anchor + dt.timedelta(days=step)), "published"
    if rel in (
        "the next",
        "the following",
        "the ensuing",
        "the subsequent",
        "the previous",
        "the prior",
        "the preceding",
        "the same",
        "that",
        "that same",
    ):
        step = (
            1
            if rel in ("the next", "the following", "the ensuing", "the subsequent")
            else -1
            if rel in ("the previous", "the prior", "the preceding")
            else 0
        )
        ref = _ref(ctx, finest=gran if gran != "weekend" else "week", window=2 * _REF_WINDOW)
        if ref is not None:
            base = cal.period_of(ref.start, gran)
            return (cal.shift(base, step, gran if gran != "weekend" else "week") if step else base), "previous"
        if step == 0:
            raise Reject
        if ctx.anchor is None:
            return None, None
        return cal.shift(cal.period_of(ctx.anchor, gran), step, gran if gran != "weekend" else "week"), "published"
    if ctx.anchor is None:
        return None, None
    here = cal.period_of(ctx.anchor, gran)
    if gran == "weekend":
        if rel in ("last", "the past", "the last", "past", "this past"):
            return cal.weekend(ctx.anchor - dt.timedelta(days=7)), "published"
        if rel in ("next", "coming", "this coming", "the coming"):
            return (cal.weekend(ctx.anchor + dt.timedelta(days=7)) if ctx.anchor.weekday() >= 5 else here), "published"
        if rel == "the":
            if ctx.tense == "future":
                return (
                    here if ctx.anchor.weekday() < 6 else cal.weekend(ctx.anchor + dt.timedelta(days=7))
                ), "published"
            return (here if ctx.anchor.weekday() >= 5 else cal.weekend(ctx.anchor - dt.timedelta(days=7))), "published"
        return here, "published"
    if rel in ("this", "current", "the current", "the present", "the full"):
        if rel == "the full" and gran != "year":
            raise Reject
        return here, "published"
    if rel == "the latest":
        if gran != "year":
            raise Reject
        return cal.shift(here, -1, gran), "published"
    if rel in ("last", "past", "the past", "the last", "this past"):
        return cal.shift(here, -1, gran), "published"
    if rel in ("next", "coming", "the coming", "this coming"):
        return cal.shift(here, 1, gran), "published"
    raise Reject


def _shift_from(base: Span, n: float, unit: str) -> Span | None:
    """``base`` moved by ``n`` units: a period keeps its own granularity ("the quarter a year earlier"),
    a day becomes the period of the unit ("two weeks later" → that week)."""
    out = cal.shift(base, n, unit)
    if out is None:
        return None
    gran = {"fortnight": "week"}.get(unit, unit)
    if base.granularity == "day" and gran in ("week", "month", "year", "decade"):
        return cal.period_of(out.start, "year" if gran == "decade" else gran)
    if base.granularity == "year" and gran in ("decade",):
        return out
    if not base.finer_or_equal(gran) or base.granularity == gran:
        return out
    if gran == "year":
        return out  # a month/quarter a year earlier stays a month/quarter
    return cal.period_of(out.start, gran)


# Periods a count "later"/"earlier" may start from although they are coarser than its unit
# ("in February 2021 ... six weeks later"); a year is too long for "six weeks" to say anything.
_COARSE_ANCHORS = ("month", "season")
_NAMED_KINDS = ("absolute", "previous")  # a date the text spells out, not one counted from the anchor


def _named_coarse_ref(ctx: Context, gran: str, g: Grammar) -> Span | None:
    """The date just spoken of when it is a named month or season coarser than ``gran``, told in this
    sentence or the one before: "six weeks later" then counts from it, not from the date of writing
    (the finer-or-equal search of ``_ref`` skips it and would fall back to the anchor)."""
    if not ctx.refs:
        return None
    span, sent, _start, end, kind = ctx.refs[-1]
    if span.granularity not in _COARSE_ANCHORS or span.finer_or_equal(gran):
        return None
    if kind not in _NAMED_KINDS:
        # a month or season named without a year ("in February", "last summer") is spelled out too;
        # "last month" is only counted from the anchor: too loose a start
        word = re.search(r"([a-z]+)(?:['’]s)?$", ctx.text[max(0, end - 30) : end].lower())
        if not word or (word.group(1) not in g.lexicon["months"] and word.group(1) not in g.lexicon["seasons"]):
            return None
    if sent is None or ctx.sentence is None or not ctx.rank or ctx.rank[ctx.sentence] - ctx.rank[sent] > 1:
        return None
    return span


_AND_A_HALF = re.compile(r"\band[\s-]+a[\s-]+half\b")


def _count(m: re.Match[str], g: Grammar) -> tuple[float, str]:
    """The count and unit of "three and a half years", "two-and-a-half months", "a year and a half"
    ("the day after": one day)."""
    num = _g(m, "num")
    n = number_value(num, g.numbers) if num else 1.0
    if n is None or n <= 0 or n > 3000:
        raise Reject
    if _AND_A_HALF.search(m.group(0).lower()):
        n += 0.5
    return n, g.lexicon["units"][m.group("unit").lower()]


def _r_ago(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    n, unit = _count(m, g)
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    back = direction in ("ago", "earlier", "before", "back", "prior", "previously")
    if direction in ("ago", "back", "from now", "hence"):
        if ctx.anchor is None:
            return None, None
        # "a year ago" next to a quarter (or a month of the same sentence) compares that period with
        # the same period a year before: "third-quarter sales fell from $2 billion a year ago"
        if unit == "year" and back and n == 1:
            ref = _ref(ctx, only=("quarter", "half"), window=2) or _ref(ctx, only=("month",), same_sentence=True)
            if ref is not None:
                ctx.comparison = True
                return cal.shift(ref, -n, "year"), "previous"
        return _shift_from(cal.day(ctx.anchor), -n if back else n, unit), "published"
    gran = {"fortnight": "week", "decade": "year"}.get(unit, unit)
    named = _named_coarse_ref(ctx, gran, g)
    if named is not None:
        # "in February 2021 ... six weeks later": the whole month moved, not a week picked inside it
        ctx.comparison = back
        return cal.shift(Span(named.start, named.end, "span"), -n if back else n, unit), "previous"
    ref = _ref(ctx, finest=gran, window=_REF_WINDOW)
    if ref is not None:
        ctx.comparison = back  # a look back does not move the story's time: "from $2 billion a year earlier"
        return _shift_from(ref, -n if back else n, unit), "previous"
    if ctx.anchor is None:
        return None, None
    return _shift_from(cal.day(ctx.anchor), -n if back else n, unit), "published"


_LEAD = 2  # sentences (captions not counted) after the first that may still tell the story's event
_TIE_REACH = 80  # characters between a day and the word naming the event it dates
_TIE_WORDS = 8  # ... and words: "collapsed on Tuesday", "attacked a market in the old town on Monday"
_CLAUSE_END = re.compile(r"[.;!?\n]")


def _event_day(ctx: Context, words: list[str], g: Grammar) -> Span | None:
    """The day the lead says the story's event happened ("The bridge collapsed on Tuesday"): a day of
    the first sentences, before the phrase's own, with one of ``words`` near it and nothing between that
    would make it another day or another clause ("said", "after", "as": "police said on Thursday the
    attack ...", "on Monday, two days after the quake", "aftershocks hit on Monday as the toll from the
    quake rose").  None when no day or two different days qualify."""
    tie = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    stop = re.compile(
        r"\b(?:after|before|since|following|ago|later|earlier|as|when|while|from|because|amid|"
        + "|".join(g.lexicon["report_verbs"])
        + r")\b"
    )
    found: set[Span] = set()
    for span, sent, start, end, _kind in ctx.refs[:_MAX_REFS]:
        if sent is None or ctx.sentence is None or not ctx.rank or sent >= ctx.sentence:
            break
        if ctx.rank[sent] > _LEAD:
            break
        if span.granularity != "day" or (ctx.anchor is not None and span.start > ctx.anchor):
            continue  # a span, or a day still ahead: not when the story's event happened
        low = ctx.text[max(0, start - _TIE_REACH) : end + _TIE_REACH].lower()
        at, at_end = start - max(0, start - _TIE_REACH), end - max(0, start - _TIE_REACH)
        cut = [c.end() for c in _CLAUSE_END.finditer(low, 0, at)]
        lo = cut[-1] if cut else 0
        nxt = _CLAUSE_END.search(low, at_end)
        hi = nxt.start() if nxt else len(low)
        near = low[lo:at].split()[-3:] + low[at_end:hi].split()[:2]
        if any(w.strip(",") in g.lexicon["report_verbs"] for w in near):
            continue  # "police said on Thursday ...", "officials on Friday confirmed": the day of the telling
        for w in tie.finditer(low, lo, hi):
            between = low[w.end() : at] if w.start() < at else low[at_end : w.start()]
            if len(between.split()) <= _TIE_WORDS and not stop.search(between):
                found.add(span)
                break
    return found.pop() if len(found) == 1 else None


def _r_ago_event(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    """ "two days after the disaster": counted from the day the story's event happened, when the lead
    states it; with no such day the phrase is dropped rather than counted from the date of writing."""
    n, unit = _count(m, g)
    noun = m.group("event").lower()
    words = g.lexicon["event_nouns"].get(noun)
    if words is None:  # "the disaster": whatever event the lead told
        words = sorted({w for forms in g.lexicon["event_nouns"].values() for w in forms})
    day = _event_day(ctx, words, g)
    if day is None:
        raise Reject
    back = m.group("dir").lower() == "before"
    ctx.comparison = back  # "a week before the attack, police had warned": the story stays at the attack
    return _shift_from(day, -n if back else n, unit), "previous"


def _r_ref_day(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    unit = m.group("unit").lower()
    gran = unit if unit in ("week", "month", "year") else "day"
    direction = (_g(m, "dir") or "").lower()
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower())
    step = -1 if direction == "before" else 1 if direction == "after" or rel in ("next", "following") else 0
    in_the = " in the " in re.sub(r"\s+", " ", m.group(0).lower())
    if direction in ("earlier", "later"):
        ctx.modifier = "before" if direction == "earlier" else "after"
    ref = _ref(ctx, finest=gran, window=_REF_WINDOW)
    if ref is not None:
        base = cal.period_of(ref.start, gran)
        return (cal.shift(base, step, gran) if step else base), "previous"
    if ctx.anchor is None:
        return (None, None) if in_the else _raise()
    if step == 0:
        if in_the:  # "earlier in the week" with nothing before it: the week of writing
            return cal.period_of(ctx.anchor, gran), "published"
        raise Reject
    return cal.shift(cal.period_of(ctx.anchor, gran), step, gran), "published"


def _raise() -> Resolution:
    raise Reject


def _r_week_of_month(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    """ "the first week of June": days 1-7 (the last week: the month's last seven days)."""
    mo = _month_number(m.group("month"), g)
    y = _explicit_year(m)
    kind = "absolute"
    if y is None:
        if ctx.anchor is None:
            return None, None
        y, kind = cal.resolve_bare_month(ctx.anchor, mo, *_slack(ctx, _MONTH_SLACK)).start.year, "published"
    whole = cal.month(y, mo)
    which = m.group("wk").lower()
    if which in ("last", "final"):
        return Span(whole.end - dt.timedelta(days=6), whole.end, "span"), kind
    first = whole.start + dt.timedelta(days=7 * ({"first": 1, "second": 2, "third": 3, "fourth": 4}[which] - 1))
    return Span(first, first + dt.timedelta(days=6), "span"), kind


def _r_year_ago(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    noun = re.sub(r"\s+", " ", (_g(m, "noun") or "").lower())
    if noun in ("nine months", "six months"):
        raise Reject
    ctx.comparison = True
    q = _g(m, "q")
    if q:
        qn = g.lexicon["quarter_ordinals"][q.lower()]
        ref = _ref(ctx, only=("quarter", "year"))
        if ref is not None:
            return cal.quarter(ref.start.year - 1, qn), "previous"
        if ctx.anchor is None:
            return None, None
        return cal.quarter(_quarter_year(ctx.anchor, qn, ctx.tense) - 1, qn), "published"
    only = {
        "quarter": ("quarter",),
        "month": ("month",),
        "week": ("week",),
        "half": ("half",),
        "year": ("year",),
        "day": ("day",),
        "": ("quarter", "half", "month", "year"),
        "period": ("quarter", "half", "month", "year"),
        "time": ("quarter", "half", "month", "day", "year"),
    }[noun]
    ref = _ref(ctx, only=only)
    if ref is not None:
        return cal.shift(ref, -1, "year"), "previous"
    if ctx.anchor is None:
        return None, None
    if noun == "quarter":
        return cal.shift(_last_completed_quarter(ctx.anchor), -1, "year"), "published"
    gran = {"month": "month", "week": "week", "half": "half", "day": "day"}.get(noun, "year")
    return cal.shift(cal.period_of(ctx.anchor, gran), -1, "year"), "published"


def _r_year_period(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    """ "the 1988 period", "last year's quarter": the quarter being discussed, in that year."""
    y = _explicit_year(m)
    rel = (_g(m, "yrel") or "").lower()
    if y is None:
        if ctx.anchor is None:
            return None, None
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    ref = _ref(ctx, only=("quarter", "half"))
    if ref is None:
        return cal.year(y), ("absolute" if not rel else "published")
    ctx.comparison = y != ref.start.year
    return cal.shift(ref, y - ref.start.year, "year"), "previous"


def _r_year_end(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    ref = _ref(ctx, only=("year",), same_sentence=True)
    if ref is not None:
        return cal.day(dt.date(ref.start.year, 12, 31)), "previous"
    if ctx.anchor is None:
        return None, None
    y = ctx.anchor.year - 1 if ctx.tense == "past" else ctx.anchor.year
    return cal.day(dt.date(y, 12, 31)), "published"


def _r_season(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    """ "last summer", "this winter", "next spring", "the summer of 2019": a meteorological season
    (northern hemisphere; the text rarely says which hemisphere it means).  Hand-written: neither
    dateutil nor dateparser reads season names."""
    seasons = g.lexicon["seasons"]
    named = _g(m, "named")
    if named:
        return cal.season(int(m.group("year")), seasons[named.lower()]), "absolute"
    if ctx.anchor is None:
        return None, None
    first = seasons[m.group("season").lower()]
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    y = ctx.anchor.year
    cands = [cal.season(y + k, first) for k in (-2, -1, 0, 1)]
    if rel in ("last", "past", "this past", "the past"):  # the latest one over ("last fall" said in February)
        return [c for c in cands if c.end < ctx.anchor][-1], "published"
    if rel in ("next", "coming", "this coming", "the coming"):
        return next(c for c in cands if c.start > ctx.anchor), "published"
    # "this summer": the one under way, else the one of this year; a winter touches two years, so
    # outside it the tense picks the one just over or the one ahead
    here = [c for c in cands if c.start <= ctx.anchor <= c.end]
    if here:
        return here[0], "published"
    this_year = [c for c in cands if y in (c.start.year, c.end.year)]
    if len(this_year) == 1:
        return this_year[0], "published"
    return (this_year[0] if ctx.tense == "past" else this_year[-1]), "published"


def _holiday_near(rule: dict, ctx: Context) -> Span | None:
    cands = [s for s in (cal.holiday(rule, ctx.anchor.year + k) for k in (-1, 0, 1)) if s is not None]
    return cal.choose_near(cands, ctx.anchor, *_slack(ctx, _DAY_SLACK))


def _r_holiday(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    name = re.sub(r"\s+", " ", m.group("holiday").lower()).replace("’", "'")
    rule = g.holidays.get(name)
    if rule is None:
        raise Reject
    y = _explicit_year(m)
    if y is not None:
        return cal.holiday(rule, y), "absolute"
    y = _sentence_year(ctx)
    if y is not None:
        return cal.holiday(rule, y), "previous"
    if ctx.anchor is None:
        return None, None
    return _holiday_near(rule, ctx), "published"


def _r_holiday_week(m: re.Match[str], ctx: Context, g: Grammar) -> Resolution:
    name = re.sub(r"\s+", " ", m.group("hweek").lower())
    rule = g.lexicon["holiday_weeks"].get(name)
    if rule is None:
        raise Reject
    y = _explicit_year(m)
    if y is not None:
        return cal.holiday(rule, y), "absolute"
    if ctx.anchor is None:
        return None, None
    return _holiday_near(rule, ctx), "published"


RESOLVERS = {name[3:]: fn for name, fn in list(globals().items()) if name.startswith("_r_") and callable(fn)}
