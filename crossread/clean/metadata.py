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
from functools import lru_cache
from importlib import resources
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
    r"(?:@\s*)?\b[0-2]?\d(?:[:.]\s?[0-5]\d){1,2}\s*(?:[ap]\.?\s?m\.?)?|\b[0-2]?\d\s*[ap]\.\s?m\.?|\b[01]?\d\s*[ap]m\b",
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
_PUNCT = re.compile(r"[\s|,:;.•·/\-–—@()\[\]_*+]+")
_BYLINE = re.compile(
    r"^(?i:(?:(?:written|posted|story|words|reported|text|compiled)\s+)?by)[:\s]+"
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
_TOP_LINES = 10
_DIGIT = re.compile(r"\d")


def _nwords(line: str) -> int:
    """Word count of a normalised line (single spaces), without splitting it."""
    return line.count(" ") + 1 if line.strip() else 0
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
    url: str | None = None  # from a header field ("URL: ...")


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
    if len(line) > 160 or not _DIGIT.search(line):
        return None
    dates = find_dates(line)
    if not dates:
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
    if not host or "." not in host or " " in host:
        return None
    for prefix in ("www.", "www1.", "www2.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix):]
            break
    return host or None


def _only_labels(text: str) -> bool:
    """Nothing but times, time zones, label words and punctuation."""
    rest = _LABEL_WORDS.sub(" ", _ZONE.sub(" ", _TIME.sub(" ", text)))
    return not _PUNCT.sub("", rest)


def _date_prefix(line: str) -> tuple[dt.date, int] | None:
    """A date that opens a paragraph of text ("date 2023-06-05 When NATO…", "POSTED: 04/02/07 | A judge…").

    Returns the date and where the paragraph's own text starts, or None.
    """
    head = line[:80]
    if not _DIGIT.search(head):
        return None
    dates = find_dates(head)
    if not dates or not _only_labels(line[: dates[0].start]):
        return None
    m = re.match(r"(?:[\s,|:;.•·\-–—@]|" + _TIME.pattern + "|" + _ZONE.pattern + r")*", line[dates[0].end :])
    cut = dates[0].end + (m.end() if m else 0)
    rest = line[cut:]
    if len(rest.split()) < 6 or not rest[:1].isupper() and rest[:1] not in "\"“‘'":
        return None
    return dates[0].date, cut


def _edge_date(line: str) -> dt.date | None:
    """The one full date written at the very start or end of a line (the rest being time and labels)."""
    if not _DIGIT.search(line):
        return None
    dates = find_dates(line)
    if len(dates) != 1:
        return None
    d = dates[0]
    if _only_labels(line[: d.start]) or _only_labels(line[d.end :]):
        return d.date
    return None


def _byline(line: str) -> str | None:
    if _nwords(line) > 14:
        return None
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    rest = m["rest"].strip()
    if rest and not re.match(r"^(?:[,|•·—–-]|for\b|and\b|in\b|\()", rest):
        return None
    names = m["names"].strip().rstrip(",")
    return names or None


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Given names (the analyse stage's lexicon): a name line right under the headline is a byline
    only when it starts with one. Empty when the lexicon is absent."""
    try:
        text = resources.files("crossread").joinpath("data", "lexicons", "first_names.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return frozenset()
    return frozenset(line.split("\t")[0].strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


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
    fields, header = _header_fields(lines)
    nonblank = [i for i, ln in enumerate(lines) if ln.strip() and i not in header]
    top = nonblank[:_TOP_LINES]
    drop: dict[int, str] = {i: "metadata" for i in header}
    evidence: list[str] = []
    published: dt.date | None = None
    updated: dt.date | None = None
    author: str | None = fields.get("author")
    if "published" in fields:
        dates = find_dates(fields["published"])
        if dates:
            published = dates[0].date
            evidence.append(f"header field: {fields['published']!r}")
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
        name = _byline(line)
        if name and author is None:
            author = name
            drop[i] = "metadata"
            continue
        if pos < 3 and prefix_cut is None:
            split = _date_prefix(lines[i])
            if split is not None:
                date, cut = split
                if published is None:
                    published = date
                    evidence.append(f"date at the start of a paragraph: {lines[i][:cut].strip()!r}")
                prefix_cut = (i, cut)
                continue
        # A date at the start or end of a headline line: evidence, but the line stays.
        if pos < 3 and published is None and _nwords(line) <= 30:
            date = _edge_date(line)
            if date is not None:
                published = date
                evidence.append(f"date on a header line: {line!r}")

    # A name line next to a date line or right after the headline is a byline.
    if author is None:
        for pos, i in enumerate(top[:6]):
            if i in drop or not _name_line(lines[i]) or pos == 0:
                continue
            neighbours = top[max(0, pos - 1) : pos + 2]
            after_headline = pos == 1 and lines[i].split()[0] in _first_names()
            if after_headline or any(drop.get(j) == "metadata" and j != i for j in neighbours):
                author = lines[i].strip()
                drop[i] = "metadata"
                break

    from .boilerplate import furniture_reason  # the headline is never a line of page furniture

    title = fields.get("title")
    first_kept = None if title else next((j for j in nonblank if j not in drop and furniture_reason(lines[j]) is None), None)
    for i in [first_kept] if first_kept is not None else []:
        line = lines[i].strip()
        words = _nwords(line)
        if 0 < words <= 25 and not re.search(r"[.;:,]$", line) and len(nonblank) > 1 and (prefix_cut is None or prefix_cut[0] != i):
            title = line
        break

    outlet = fields.get("outlet") or outlet_from_url(url or fields.get("url")) or _outlet_named(lines, nonblank)
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
        # Header lines are deleted, not blanked: the lines around them keep their layout.
        body = "\n".join(ln for i, ln in enumerate(new_lines) if i not in drop)
        body = re.sub(r"\n\s*\n+", "\n\n", body).strip()
        if not body:  # never lose the article to its own header
            body, removed = text, []
    return TextMetadata(
        title=title, author=author, published=published, updated=updated, outlet=outlet,
        evidence=tuple(evidence), body=body, removed=tuple(removed), credits=credits, url=fields.get("url"),
    )


# The keys of a header block a hand-made text file or a Markdown page may start with, and the
# field each fills (front matter between "---" lines, or "Title: ..." lines before the first blank line).
_HEADER_KEYS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "pubdate": "published", "published_at": "published",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "publication": "outlet", "site": "outlet",
    "author": "author", "authors": "author", "by": "author", "byline": "author",
    "url": "url", "link": "url",
}
_HEADER_LINE = re.compile(r"^\s*(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*?)\s*$")


def _header_fields(lines: list[str]) -> tuple[dict[str, str], set[int]]:
    """Fields of a header block at the top of the text, and its line numbers.

    Either YAML-style front matter (a "---" line, "key: value" lines, a "---" line) or a run of
    "Key: value" lines ended by a blank line, every key one of ``_HEADER_KEYS`` (so an article that
    opens with "Update: ..." keeps its first line). Hand-written: the block is a few flat lines,
    and a YAML parser would turn the dates into objects and fail on the plain-header form.
    """
    start = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if start is None:
        return {}, set()
    fenced = lines[start].strip() == "---"
    end = start + 1 if fenced else start
    fields: dict[str, str] = {}
    block: set[int] = {start} if fenced else set()
    while end < len(lines):
        line = lines[end]
        if fenced and line.strip() == "---":
            block.add(end)
            break
        if not line.strip():
            if fenced:
                block.add(end)
                end += 1
                continue
            break
        m = _HEADER_LINE.match(line)
        key = m["key"].lower() if m else None
        if fenced and m:
            if key in _HEADER_KEYS and m["value"].strip("'\""):
                fields.setdefault(_HEADER_KEYS[key], m["value"].strip("'\""))
        elif fenced or not m or key not in _HEADER_KEYS or not m["value"]:
            return {}, set()  # not a header block: leave the text as it is
        else:
            fields.setdefault(_HEADER_KEYS[key], m["value"])
        block.add(end)
        end += 1
    else:
        if fenced:
            return {}, set()  # an opening "---" never closed: a rule line, not front matter
    if len(block) == len(lines) or not fields:
        return {}, set()  # never take the whole text for its header
    return fields, block


# Lines where a page names its own publication: a copyright line, an opinion disclaimer
# ("… not necessarily those of NAME"), the header of its own related block ("More from NAME").
_OWN_NAME = (
    re.compile(r"^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:the\s+)?"
               r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4})", re.IGNORECASE),
    re.compile(r"\b(?:views|opinions)\b.{0,80}\bnot necessarily (?:reflect |represent )?(?:those|the views?|the position) of\s+"
               r"(?:the\s+)?(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4})\s*\.?$"),
    re.compile(r"^more from\s+(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4})\s*:?$", re.IGNORECASE),
)
_NAME_STOP = {"all", "rights", "reserved", "inc", "inc.", "ltd", "ltd.", "llc", "the", "this", "our", "us"}


def _outlet_named(lines: list[str], nonblank: list[int]) -> str | None:
    """The publication a page names as itself near its end, or None."""
    for i in reversed(nonblank[-12:]):
        line = lines[i].strip()
        if _nwords(line) > 40:
            continue
        for pattern in _OWN_NAME:
            m = pattern.search(line)
            if not m:
                continue
            words = m["name"].rstrip(".").split()
            while words and words[-1].lower().strip(".,") in _NAME_STOP:
                words.pop()
            if words and words[0][:1].isupper():
                return " ".join(words).rstrip(".,")
    return None


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
