"""Quotation spans: which stretches of text stand between quotation marks.

Written by hand (no library pairs quotation marks in running text): curly and straight double
marks, ``doubled apostrophes''``, low-9 and guillemets, single marks outside double ones
(headline style), and a paragraph's direct speech opened and closed by dashes, one paragraph (line)
at a time. A quotation still open at the end of a paragraph is closed there; when the next
paragraph opens with a mark, it continues the same quotation (the news convention for quotes
running over several paragraphs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .entities_lexicon import lexicon

__all__ = ["QuotedSpan", "find_quoted_spans"]

_MARK = re.compile(r"``|''|[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019']")
_OPENERS = "\u201c\u201e\u00ab"
_CLOSERS = "\u201d\u00bb"
_BEFORE_OPEN = set(" \t([{\u2014\u2013-/:;,\n")
_AFTER_CLOSE = set(" \t)]}.,;:!?\u2014\u2013-/\n\u2026")


@dataclass(slots=True)
class QuotedSpan:
    """Text between one pair of marks: ``start``/``end`` exclude the marks."""

    open_at: int  # offset of the opening mark
    start: int
    end: int
    close_at: int | None  # offset of the closing mark, None when the paragraph ended first
    close_len: int = 1  # length of the closing mark ('' is two characters)
    single: bool = False  # between single marks
    continues: bool = False  # carries on a quotation left open in the previous paragraph
    continued: bool = False  # left open here and carried on in the next paragraph


def _role_of_double(text: str, i: int, mark: str, is_open: bool) -> str:
    """'open', 'close' or 'toggle' for a straight or doubled mark, from the characters around it."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + len(mark)] if i + len(mark) < len(text) else "\n"
    if mark == "``":
        return "open"
    if prev in _BEFORE_OPEN and nxt not in _AFTER_CLOSE:
        return "open"
    if nxt in _AFTER_CLOSE and prev not in _BEFORE_OPEN:
        return "close"
    return "close" if is_open else "open"


def _line_spans(text: str, lo: int, hi: int) -> list[QuotedSpan]:
    out: list[QuotedSpan] = []
    open_at: int | None = None
    open_len = 0
    single_open: int | None = None
    nested = 0
    for m in _MARK.finditer(text, lo, hi):
        i, mark = m.start(), m.group()
        if mark in ("\u2018", "\u2019", "'"):
            if open_at is not None:
                continue  # nested marks inside a double quotation
            prev = text[i - 1] if i > lo else "\n"
            nxt = text[i + 1] if i + 1 < hi else "\n"
            if single_open is None:
                if mark != "\u2019" and prev in _BEFORE_OPEN and (nxt.isalnum() or nxt in "\u2026."):
                    single_open = i
            elif mark != "\u2018" and nxt in _AFTER_CLOSE and prev not in " \t":
                if i - single_open > 1:
                    out.append(QuotedSpan(single_open, single_open + 1, i, i, single=True))
                single_open = None
            continue
        if mark == "\u201c" and open_at is not None and text[open_at] == "\u201e":
            kind = "close"  # German style: „…“
        elif mark in _OPENERS:
            kind = "open"
        elif mark in _CLOSERS:
            prev = text[i - 1] if i > lo else "\n"
            nxt = text[i + 1] if i + 1 < hi else "\n"
            # a closing mark typed where an opening one belongs ("”Mr. X said …" at a paragraph's start)
            starts_line = not text[lo:i].strip()
            kind = "open" if open_at is None and (starts_line or prev in _BEFORE_OPEN and nxt.isalnum()) else "close"
        else:
            kind = _role_of_double(text, i, mark, open_at is not None)
        if kind == "open" and open_at is not None and mark in _OPENERS and _closers_after(text, i, hi) >= 2 + nested:
            nested += 1  # a quotation inside a quotation, typed with double marks
            continue
        if kind == "close" and nested and mark in _CLOSERS:
            nested -= 1
            continue
        if kind == "open":
            if open_at is not None:
                # a second opening mark: the first quotation was never closed
                out.append(QuotedSpan(open_at, open_at + open_len, _rstrip(text, open_at + open_len, i), None))
            open_at, open_len = i, len(mark)
            single_open = None
        elif open_at is not None:
            if i > open_at + open_len:
                out.append(QuotedSpan(open_at, open_at + open_len, i, i, close_len=len(mark)))
            open_at = None
    if open_at is not None:
        end = _rstrip(text, open_at + open_len, hi)
        if end > open_at + open_len:
            out.append(QuotedSpan(open_at, open_at + open_len, end, None))
    return out


# "– We are ready to talk, – said the prime minister.": a paragraph opening on a dash holds direct speech
# (the convention of several European languages, kept by some outlets writing in English); a second dash,
# then a speech verb within a few words, closes it
_DASH_OPEN = re.compile(r"[ \t]*([\u2013\u2014])[ \t]+(?=\S)")
_DASH_CLOSE = re.compile(r"(?<=[,.!?\u2026])[ \t]+([\u2013\u2014])[ \t]+((?:[\w'\u2019-]+[ \t]+){0,4}?)([a-z]+)\b")


def _dash_spans(text: str, lo: int, hi: int) -> list[QuotedSpan]:
    """The direct speech of a paragraph that opens on a dash, closed by a dash before its speech verb."""
    m = _DASH_OPEN.match(text, lo, hi)
    if m is None:
        return []
    for c in _DASH_CLOSE.finditer(text, m.end(), hi):
        if c.group(3) in lexicon().speech_forms:
            return [QuotedSpan(m.start(1), m.end(), c.start(), c.start(1))]
    return []


def _closers_after(text: str, i: int, hi: int) -> int:
    return sum(text.count(c, i, hi) for c in _CLOSERS)


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1] in " \t":
        hi -= 1
    return hi


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted stretch of ``text`` in order, one paragraph (line) at a time."""
    spans: list[QuotedSpan] = []
    pos = 0
    prev_open_at_end: QuotedSpan | None = None
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if not line.strip():
            continue
        found = _line_spans(text, lo, hi) or _dash_spans(text, lo, hi)
        first_char = lo + (len(line) - len(line.lstrip()))
        if prev_open_at_end is not None and found and found[0].open_at == first_char and not found[0].single:
            prev_open_at_end.continued = True
            found[0].continues = True
        prev_open_at_end = found[-1] if found and found[-1].close_at is None and not found[-1].single else None
        spans.extend(found)
    # drop spans that are only punctuation or space
    return [s for s in spans if any(c.isalnum() for c in text[s.start : s.end])]
