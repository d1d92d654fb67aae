"""Calendar arithmetic for time expressions: periods (day … decade) as closed date spans.

Hand-written because no library here models "the week of", "the quarter a year
earlier" or "the most recent Friday" as spans: dateutil gives the month
arithmetic (``relativedelta``) and Easter, the rest is a few lines of arithmetic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

__all__ = [
    "Span",
    "day",
    "week",
    "weekend",
    "month",
    "quarter",
    "season",
    "half",
    "year",
    "decade",
    "shift",
    "holiday",
    "resolve_weekday",
    "resolve_month",
    "resolve_day_of_year",
    "resolve_bare_month",
    "choose_near",
    "safe_date",
]

MIN_YEAR, MAX_YEAR = 1, 9998

# Granularity order: a finer period can sit inside a coarser one.
ORDER = {
    "day": 0,
    "week": 1,
    "weekend": 1,
    "month": 2,
    "season": 3,
    "quarter": 3,
    "half": 4,
    "year": 5,
    "decade": 6,
    "span": 7,
}


@dataclass(frozen=True, slots=True)
class Span:
    """A closed date span with the period it names (``granularity``)."""

    start: dt.date
    end: dt.date
    granularity: str

    @property
    def value(self) -> str:
        """``YYYY-MM-DD`` for one day, else ``YYYY-MM-DD/YYYY-MM-DD`` (both ends included)."""
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def public_granularity(self) -> str:
        """The granularity as ``TimeExpression`` names it (a weekend, half or decade is a 'span')."""
        return self.granularity if self.granularity in ("day", "week", "month", "quarter", "year") else "span"

    def finer_or_equal(self, granularity: str) -> bool:
        return ORDER.get(self.granularity, 7) <= ORDER.get(granularity, 7)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


def day(d: dt.date) -> Span:
    return Span(d, d, "day")


def week(d: dt.date) -> Span:
    """The ISO week (Monday to Sunday) holding ``d``."""
    start = d - dt.timedelta(days=d.weekday())
    return Span(start, start + dt.timedelta(days=6), "week")


def weekend(d: dt.date) -> Span:
    """Saturday and Sunday of the ISO week holding ``d``."""
    sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return Span(sat, sat + dt.timedelta(days=1), "weekend")


def month(y: int, m: int) -> Span:
    start = dt.date(y, m, 1)
    return Span(start, start + relativedelta(months=1) - dt.timedelta(days=1), "month")


def quarter(y: int, q: int) -> Span:
    start = dt.date(y, 3 * (q - 1) + 1, 1)
    return Span(start, start + relativedelta(months=3) - dt.timedelta(days=1), "quarter")


def season(y: int, first_month: int) -> Span:
    """The three-month season starting in ``first_month`` of ``y`` (meteorological: winter is
    December of ``y`` to the end of February of ``y + 1``)."""
    start = dt.date(y, first_month, 1)
    return Span(start, start + relativedelta(months=3) - dt.timedelta(days=1), "season")


def half(y: int, h: int) -> Span:
    return (
        Span(dt.date(y, 1, 1), dt.date(y, 6, 30), "half")
        if h == 1
        else Span(dt.date(y, 7, 1), dt.date(y, 12, 31), "half")
    )


def year(y: int) -> Span:
    return Span(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def decade(first_year: int) -> Span:
    return Span(dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), "decade")


def period_of(d: dt.date, granularity: str) -> Span:
    """The period of the given granularity that holds ``d``."""
    if granularity == "day":
        return day(d)
    if granularity == "week":
        return week(d)
    if granularity == "weekend":
        return weekend(d)
    if granularity == "month":
        return month(d.year, d.month)
    if granularity == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if granularity == "half":
        return half(d.year, 1 if d.month <= 6 else 2)
    if granularity == "season":  # December opens the winter of its own year; January and February end it
        first = 12 if d.month in (12, 1, 2) else (d.month // 3) * 3
        return season(d.year - (d.month < 3), first)
    if granularity == "decade":
        return decade(d.year - d.year % 10)
    return year(d.year)


_STEP = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "fortnight": relativedelta(weeks=2),
    "weekend": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "half": relativedelta(months=6),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
}


def shift(span: Span, n: float, unit: str) -> Span | None:
    """``span`` moved by ``n`` units (negative: back), keeping its granularity; None off the calendar."""
    step = _STEP.get(unit)
    if step is None:
        return None
    whole = int(n)
    try:
        if whole != n:  # "a year and a half", "half a year": move by months/days
            if unit in ("year", "decade", "half", "quarter", "month"):
                months = n * {"year": 12, "decade": 120, "half": 6, "quarter": 3, "month": 1}[unit]
                # whole months, the rest in days: "two and a half months" is 2 months and 15 days, not 2 (round())
                rest = round((months - int(months)) * 30.44)
                delta, whole = relativedelta(months=int(months), days=rest), 1
            else:
                delta, whole = (
                    relativedelta(days=round(n * {"day": 1, "week": 7, "fortnight": 14, "weekend": 7}[unit])),
                    1,
                )
        else:
            delta = step
        start = span.start + delta * whole
        if span.granularity in ("day",):
            return Span(start, start, "day")
        return (
            period_of(start, span.granularity)
            if span.granularity != "span"
            else Span(start, span.end + delta * whole, "span")
        )
    except (ValueError, OverflowError):
        return None


def resolve_weekday(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """The day named ``weekday`` (0 = Monday) near ``anchor``.

    direction: 'past' (most recent, today included), 'future' (next, today included),
    'before' / 'after' (strictly), 'same_week' (the one in the anchor's ISO week).
    """
    diff = (anchor.weekday() - weekday) % 7
    if direction == "past":
        return anchor - dt.timedelta(days=diff)
    if direction == "before":
        return anchor - dt.timedelta(days=diff or 7)
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "future":
        return anchor + dt.timedelta(days=ahead)
    if direction == "after":
        return anchor + dt.timedelta(days=ahead or 7)
    return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=weekday)


def resolve_month(anchor: dt.date, m: int, direction: str) -> Span:
    """The month ``m`` near ``anchor``: 'past' (most recent, this month included), 'future' (next,
    this month included), 'before'/'after' (strictly), 'same_year'."""
    y = anchor.year
    if direction == "same_year":
        return month(y, m)
    if direction in ("past", "before"):
        if m > anchor.month or (direction == "before" and m == anchor.month):
            y -= 1
        return month(y, m)
    if m < anchor.month or (direction == "after" and m == anchor.month):
        y += 1
    return month(y, m)


def choose_near(cands: list[Span], anchor: dt.date, tense: str, slack_days: int) -> Span | None:
    """The candidate (one per year, say) a writer on ``anchor`` most likely means.

    The nearest one, unless the tense contradicts it by more than ``slack_days``: a past-tense
    sentence then takes the latest candidate not beyond the slack, a future one the earliest.
    (A date a few weeks ahead in a past-tense sentence is usually a deadline: "extended to Nov. 16".)
    """
    if not cands:
        return None

    def distance(s: Span) -> int:
        if s.start <= anchor <= s.end:
            return 0
        return (s.start - anchor).days if s.start > anchor else (anchor - s.end).days

    best = min(cands, key=lambda s: (distance(s), s.start))
    slack = dt.timedelta(days=slack_days)
    if tense == "past" and best.start > anchor + slack:
        ok = [s for s in cands if s.start <= anchor + slack]
        return max(ok, key=lambda s: s.start) if ok else best
    if tense == "future" and best.end < anchor - slack:
        ok = [s for s in cands if s.end >= anchor - slack]
        return min(ok, key=lambda s: s.start) if ok else best
    return best


def resolve_day_of_year(anchor: dt.date, m: int, d: int, tense: str, slack_days: int = 30) -> dt.date | None:
    """The year for a day given without one ("May 26"), chosen near ``anchor`` (see ``choose_near``)."""
    cands = [day(c) for c in (safe_date(anchor.year + k, m, d) for k in (-1, 0, 1)) if c is not None]
    best = choose_near(cands, anchor, tense, slack_days)
    return best.start if best else None


def resolve_bare_month(anchor: dt.date, m: int, tense: str, slack_days: int = 45) -> Span:
    """The year for a month named alone ("in April"), chosen near ``anchor`` (see ``choose_near``)."""
    return choose_near([month(anchor.year + k, m) for k in (-1, 0, 1)], anchor, tense, slack_days)  # type: ignore[return-value]


def _nth_weekday(y: int, m: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(y, m, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(y, m, 1) + relativedelta(months=1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


def holiday(rule: dict, y: int) -> Span | None:
    """The holiday described by a lexicon rule in year ``y``."""
    try:
        if "fixed" in rule:
            return day(dt.date(y, *rule["fixed"]))
        if "nth" in rule:
            m, wd, n = rule["nth"]
            return day(_nth_weekday(y, m, wd, n))
        if "nth_after" in rule:
            m, wd, n, after = rule["nth_after"]
            return day(_nth_weekday(y, m, wd, n) + dt.timedelta(days=after))
        if "easter" in rule:
            return day(easter(y) + dt.timedelta(days=rule["easter"]))
        if "easter_week" in rule:  # the week that ends on Easter Sunday
            return week(easter(y))
        if "us_election" in rule:
            return day(_nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1))
    except (ValueError, OverflowError):
        return None
    return None
