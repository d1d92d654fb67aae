"""Metadata read from the text itself when the record lacks it: headline, byline, dates, outlet.

Captured text often starts with the page's header lines (headline, a byline,
"Updated: 6/4/2023", "June 2, 2023 10:14 AM EDT") and may end with a sign-off.
This module finds them by shape: a *date line* is a line that holds nothing but
dates, times, weekday names and label words ("Published", "Updated", "Posted").
Dates are read with compiled regular expressions (no per-line dateparser call:
the clean stage must stay fast), written by hand because no library reads the
mixed header lines of captured pages; ``dateutil`` is not used here because it
happily turns any line with a number into a date.

Published and updated dates are kept apart: a date labelled "updated",
"modified", "edited" is ``updated``; the first other one is ``published``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..model import Removed

__all__ = ["TextMetadata", "metadata_from_text", "find_dates", "DateMatch", "outlet_from_url"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
# One alternation, tried left to right at each position; groups name the parts.
_DATE = re.compile(
    "|".join([
        r"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d))(?!\d)",
        r"(?P<mdy>" + _MONTH.format(g="am") + r"[\s-]*" + _DAY.format(g="ad") + r"(?!\d)(?:,|\s|-)+\s*(?P<ay>(?:19|20)\d\d)(?!\d))",
        r"(?P<dmy>" + _DAY.format(g="bd") + r"(?:\s+of)?[\s-]+" + _MONTH.format(g="bm") + r",?[\s-]+(?P<by>(?:19|20)\d\d)(?!\d))",
        r"(?P<num>(?<![\d/.])(?P<n1>[0-3]?\d)\s?(?P<sep>[/.])\s?(?P<n2>[0-3]?\d)\s?(?P=sep)\s?(?P<n3>(?:19|20)?\d\d)(?![\d/]))",
        r"(?P<ymd>(?P<yy>(?:19|20)\d\d)\s?(?P<ysep>[/.])\s?(?P<ym>[01]?\d)\s?(?P=ysep)\s?(?P<yd>[0-3]?\d))(?!\d)",
    ]),
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?:@\s*)?\b[0-2]?\d(?:[:.][0-5]\d){1,2}\s*(?:[ap]\.?\s?m\.?)?|\b[0-2]?\d\s*[ap]\.\s?m\.?|\b[01]?\d\s*[ap]m\b",
    re.IGNORECASE,
)
_ZONE = re.compile(r"\b(?:[A-Z]{1,4}T|UTC|UK|Z|hrs|GMT\s?[+-]\s?\d{1,2}(?::?\d\d)?)\b")
_LABEL_WORDS = re.compile(
    r"\b(?:first|last|originally|published|publish|posted|post|updated|update|modified|edited|revised|created|"
    r"date|dated|time|on|at|release|for|immediate|article|story|news|this|was|is|of|the|in|am|pm|hrs|"
    + _WEEKDAY + r")\b",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"\b(?:updated?|modified|edited|revised|last)\b", re.IGNORECASE)
_PUNCT = re.compile(r"[\s|,:;.•·/\-–—@()\[\]_*]+")
_BYLINE = re.compile(
    r"^(?:(?:written|posted|story|words|reported|text|compiled)\s+)?by[:\s]+"
    r"(?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|der|bin|al|la|le|del|di)){0,4}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*)"
    r"(?P<rest>.{0,80})$",
)
_NAME_LINE = re.compile(r"^[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|der|bin|al|la|le|del|di)){1,3}$")
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3}(?:,\s*[A-Z][\w.' ]{1,30})?\s*)?"
    r"\((?P<agency>[A-Z][\w.&' -]{0,30})\)\s*(?:[-—–_:]|--)",
)
_LABEL_ONLY = re.compile(r"^(?:first |last |originally )?(?:published|posted|updated|modified|edited|date|dated)(?: on| at)?\s*:?$",
                         re.IGNORECASE)
_INLINE_PREFIX = re.compile(
    r"^(?P<prefix>\s*(?:date|dated|published|posted|updated)\s*:?\s*(?P<date>\S+(?:\s+\S+){0,3}?)\s*(?:[-—–|:]\s*)?)(?=[A-Z\"“‘'])",
    re.IGNORECASE,
)
_TOP_LINES = 10
_SIGNOFF_STOP = {"the", "a", "an", "and", "of", "staff", "news", "agency", "wire", "service", "services", "writers",
                 "writer", "reporters", "reporter", "correspondent", "correspondents"}


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A full calendar date found in a line, with where it was."""

    date: dt.date
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TextMetadata:
    """What the text says about itself; ``body`` is the text with the header lines taken out."""

    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    outlet: str | None = None
    evidence: tuple[str, ...] = ()
    body: str = ""
    removed: tuple[Removed, ...] = ()
    credits: tuple[str, ...] = ()  # sources credited in a sign-off ("Reuters contributed to this report")


def _year(y: str) -> int:
    v = int(y)
    if v < 100:
        v += 2000 if v < 70 else 1900
    return v


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(line: str) -> list[DateMatch]:
    """Every full date (day, month and year) written in ``line``.

    Numeric dates are read month-first ("6/2/2023" is 2 June) unless the first number
    cannot be a month; dotted numeric dates ("08.07.2012") are read day-first.

    >>> [d.date.isoformat() for d in find_dates("Updated: June 2, 2023 10:14 AM EDT")]
    ['2023-06-02']
    """
    out: list[DateMatch] = []
    for m in _DATE.finditer(line):
        date = None
        if m.group("iso"):
            date = _make(int(m["iy"]), int(m["im"]), int(m["id"]))
        elif m.group("mdy"):
            date = _make(int(m["ay"]), _MONTHS[m["am"][:3].lower()], int(m["ad"]))
        elif m.group("dmy"):
            date = _make(int(m["by"]), _MONTHS[m["bm"][:3].lower()], int(m["bd"]))
        elif m.group("num"):
            a, b, y = int(m["n1"]), int(m["n2"]), _year(m["n3"])
            if m["sep"] == "." or a > 12:
                a, b = b, a
            date = _make(y, a, b)
        elif m.group("ymd"):
            date = _make(int(m["yy"]), int(m["ym"]), int(m["yd"]))
        if date is not None and 1900 <= date.year <= 2100:
            out.append(DateMatch(date, m.start(), m.end(), m.group(0)))
    return out


def _date_line(line: str) -> list[tuple[dt.date, str]] | None:
    """The dates of a line that holds only dates, times and label words, each as (date, 'published'|'updated')."""
    dates = find_dates(line)
    if not dates or len(line) > 160:
        return None
    rest = line
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    rest = _TIME.sub(" ", rest)
    rest = _ZONE.sub(" ", rest)
    rest = _LABEL_WORDS.sub(" ", rest)
    if _PUNCT.sub("", rest):
        return None
    out = []
    prev = 0
    for d in dates:
        label = line[prev : d.start]
        out.append((d.date, "updated" if _UPDATED.search(label) else "published"))
        prev = d.end
    return out


def outlet_from_url(url: str | None) -> str | None:
    """The site's host name without "www." ("https://www.example.com/x" → "example.com")."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    for prefix in ("www.", "www1.", "www2.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix):]
            break
    return host or None


def _byline(line: str) -> str | None:
    if len(line.split()) > 14:
        return None
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    rest = m["rest"].strip()
    if rest and not re.match(r"^(?:[,|•·—–-]|for\b|and\b|in\b|\()", rest):
        return None
    names = m["names"].strip().rstrip(",")
    return names or None


def _name_line(line: str) -> bool:
    from .boilerplate import _stopwords  # one stopword list for the whole stage

    s = line.strip()
    if not _NAME_LINE.match(s) or any(ch.isdigit() for ch in s):
        return False
    stop = _stopwords()
    return not any(w.lower().strip(".") in stop for w in s.split())


def metadata_from_text(text: str, *, url: str | None = None, strip: bool = True) -> TextMetadata:
    """Headline, byline, dates and outlet read from the text, and the text without its header lines.

    Args:
        text: normalised text.
        url: the record's URL, for the outlet (its host name).
        strip: take the date and byline lines out of the body (False keeps every line).

    Returns:
        A ``TextMetadata``; fields the text does not show are None.
    """
    lines = text.split("\n") if text else []
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    top = nonblank[:_TOP_LINES]
    drop: dict[int, str] = {}
    evidence: list[str] = []
    published: dt.date | None = None
    updated: dt.date | None = None
    author: str | None = None
    pending_label: str | None = None
    prefix_cut: tuple[int, int] | None = None

    for pos, i in enumerate(top):
        line = lines[i].strip()
        if _LABEL_ONLY.match(line):
            pending_label = "updated" if _UPDATED.search(line) else "published"
            drop[i] = "metadata"
            continue
        found = _date_line(line)
        if found:
            for date, kind in found:
                if pending_label == "updated" and kind == "published":
                    kind = "updated"
                if kind == "updated":
                    updated = updated or date
                elif published is None:
                    published = date
                    evidence.append(f"date line: {line!r}")
            drop[i] = "metadata"
            pending_label = None
            continue
        pending_label = None
        if pos == 0 and i == nonblank[0]:
            m = _INLINE_PREFIX.match(lines[i])
            if m:
                dates = find_dates(m["date"])
                if dates:
                    if published is None:
                        published = dates[0].date
                        evidence.append(f"date at the start of the text: {m['prefix'].strip()!r}")
                    prefix_cut = (i, m.end("prefix"))
                    continue
        name = _byline(line)
        if name and author is None:
            author = name
            drop[i] = "metadata"
            continue
        # A date on a headline line: evidence, but the line stays.
        if pos < 3 and published is None and len(line.split()) <= 30:
            dates = find_dates(line)
            if len(dates) == 1 and (dates[0].start <= 1 or dates[0].end >= len(line) - 1):
                published = dates[0].date
                evidence.append(f"date on a header line: {line!r}")

    # A name line next to a date line or right after the headline is a byline.
    if author is None:
        for pos, i in enumerate(top[:6]):
            if i in drop or not _name_line(lines[i]) or pos == 0:
                continue
            neighbours = top[max(0, pos - 1) : pos + 2]
            if pos == 1 or any(drop.get(j) == "metadata" and j != i for j in neighbours):
                author = lines[i].strip()
                drop[i] = "metadata"
                break

    title = None
    for i in nonblank[:3]:
        if i in drop:
            continue
        line = lines[i].strip()
        words = len(line.split())
        if 0 < words <= 25 and not re.search(r"[.;:,]$", line) and len(nonblank) > 1 and (prefix_cut is None or prefix_cut[0] != i):
            title = line
        break

    outlet = outlet_from_url(url)
    credits = tuple(_signoffs(lines, nonblank))
    if outlet is None and nonblank:
        first_body = next((lines[i] for i in nonblank if i not in drop and lines[i].strip() != title), "")
        m = _DATELINE.match(first_body)
        if m and len(m["agency"].split()) <= 4:
            outlet = m["agency"].strip()

    body = text
    removed: list[Removed] = []
    if strip and (drop or prefix_cut):
        new_lines = list(lines)
        if prefix_cut is not None:
            i, end = prefix_cut
            removed.append(Removed(text=lines[i][:end].strip(), reason="metadata"))
            new_lines[i] = lines[i][end:].lstrip()
        for i in sorted(drop):
            removed.append(Removed(text=lines[i], reason=drop[i]))
            new_lines[i] = ""
        body = re.sub(r"\n\s*\n+", "\n\n", "\n".join(new_lines)).strip()
        if not body:  # never lose the article to its own header
            body, removed = text, []
    return TextMetadata(
        title=title, author=author, published=published, updated=updated, outlet=outlet,
        evidence=tuple(evidence), body=body, removed=tuple(removed), credits=credits,
    )


_SIGNOFF = re.compile(r"^(?P<who>.{2,80}?)\s+(?:contributed|contributing)\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|reporting)",
                      re.IGNORECASE)


def _signoffs(lines: list[str], nonblank: list[int]) -> list[str]:
    """Sources a sign-off credits ("Reuters contributed to this report"): a credit, never the outlet."""
    out = []
    for i in nonblank[-4:]:
        m = _SIGNOFF.match(lines[i].strip())
        if m:
            who = [w for w in re.split(r",|\band\b", m["who"]) if w.strip()]
            out.extend(w.strip() for w in who if w.strip().lower() not in _SIGNOFF_STOP)
    return out
