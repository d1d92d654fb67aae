"""Time expressions: every date phrase of an article, resolved to a day or a span.

Phrases are found with the grammar of ``data/dates/patterns.txt`` (compiled regular
expressions over word lists), then resolved in reading order by ``dates_resolve`` with our own
calendar arithmetic (``dates_calendar``):

* absolute phrases ("June 1, 2023", "in June 1999") need nothing else;
* deictic ones ("yesterday", "last Friday", "earlier this week", "in April") are resolved
  against the anchor, the article's date: the tense around the phrase decides whether a bare
  "Friday" or "April" points back (the default for news) or forward ("will meet on Friday");
* seasons ("last summer", "this winter") are meteorological spans around the anchor;
* anaphoric ones ("three days later", "the following day", "that year", "a year earlier")
  are resolved against the date the previous sentences were about: the latest date phrase
  of a fitting granularity (photo captions do not count), or the anchor when there is none;
  a month or season named in this or the previous sentence also anchors a count ("in
  February 2021 ... six weeks later");
* a count from an event ("two days after the disaster") is resolved only against the day
  the lead gives that event ("The bridge collapsed on Tuesday"), else dropped.

Hand-written because dateparser resolves a phrase on its own (it fills a day into "in March",
counts "three days later" from the base it is given and has no notion of the tense around it);
it is used nowhere here.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, TimeExpression
from .dates_grammar import Grammar, grammar
from .dates_resolve import RESOLVERS, Context, Reject

__all__ = ["find_time_expressions", "resolve_phrases"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_MAX_TEXT = 2_000_000  # longer texts are cut: dates past this point are not worth the time


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    rule: str
    match: re.Match[str]
    order: int
    modifier: str | None = None


# --------------------------------------------------------------------------- finding


_BEFORE, _AFTER = 30, 20  # how far a phrase may reach before its first keyword and after its last


_DIGIT = frozenset({"digit"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "every", "each"})


def _windows(low: str, g: Grammar) -> list[tuple[int, int, frozenset[str]]]:
    """Stretches of the text around date keywords, merged, with the keyword classes each holds;
    a rule is only tried in the windows holding one of its classes."""
    hits = []
    n = len(low)
    for end, (length, classes) in g.keywords.iter(low):
        start = end - length + 1
        if (start == 0 or not low[start - 1].isalnum()) and (end + 1 >= n or not low[end + 1].isalpha()):
            hits.append((start, end + 1, classes))
    hits.extend((m.start(), m.end(), _DIGIT) for m in g.digits.finditer(low))
    if not hits:
        return []
    hits.sort(key=lambda h: h[0])
    windows: list[tuple[int, int, frozenset[str]]] = []
    for s, e, classes in hits:
        lo, hi = max(0, s - _BEFORE), min(n, e + _AFTER)
        while hi < n and not low[hi].isspace():  # end at a space: no rule may see a word cut in two
            hi += 1
        if windows and lo <= windows[-1][1]:
            w = windows[-1]
            windows[-1] = (w[0], max(w[1], hi), w[2] | classes)
        else:
            windows.append((lo, hi, classes))
    return windows


def _candidates(low: str, g: Grammar) -> list[_Found]:
    found = []
    windows = _windows(low, g)
    for order, (name, needs, rx) in enumerate(g.rules):
        for lo, hi, classes in windows:
            if needs.isdisjoint(classes):
                continue
            for m in rx.finditer(low, lo, hi):
                if m.end() > m.start():
                    found.append(_Found(m.start(), m.end(), name, m, order))
    return found


def _select(found: list[_Found]) -> list[_Found]:
    """Non-overlapping matches, the longest first (ties: the earlier rule)."""
    found.sort(key=lambda f: (-(f.end - f.start), f.order, f.start))
    taken: set[int] = set()  # characters already inside a kept match (matches are short)
    keep = []
    for f in found:
        span = range(f.start, f.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        keep.append(f)
    keep.sort(key=lambda f: f.start)
    return keep


def _is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _previous_word(text: str, pos: int) -> tuple[str, int]:
    """The word ending just before ``pos`` (skipping spaces) and its start; an empty word if punctuation intervenes."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "-'’"):
        j -= 1
    return text[j:i], j


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"[ \t]*([\w%$'’-]+)", text[pos : pos + 40])
    return m.group(1) if m else ""


def _starts_sentence(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t\"'“‘(`":
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n:;—–-" or text[i - 1] == "\u201d"


def _plausible(f: _Found, text: str, g: Grammar, mixed_case: bool) -> bool:
    """Cheap checks that need the words around a match (capitals, counts, names)."""
    m, gd = f.match, f.match.groupdict()  # matched on the lower-cased text: take cased words from ``text``
    for name in ("month", "wd", "holiday", "hweek", "abbr"):
        if gd.get(name):
            gd[name] = text[m.start(name) : m.end(name)]
    month, wd = gd.get("month"), gd.get("wd")
    prev, prev_start = _previous_word(text, f.start)
    if mixed_case:
        for word in (month, wd, gd.get("holiday"), gd.get("hweek"), gd.get("abbr")):
            if word and not _is_capitalised(word):
                return False
    if f.rule in ("month", "month_rel") and month:
        # "may" and "march" are verbs too: standing alone they need a word that introduces a date
        if month.lower() in g.ambiguous_months and f.rule == "month":
            if prev.lower() not in g.month_cues and not re.search(
                r"(early|mid|late)[\s-]*$", text[max(0, f.start - 6) : f.start], re.I
            ):
                return False
    if f.rule == "month" and month and mixed_case:
        # "April Ryan", "June Carter": a month name followed by a capitalised word is a first name
        nxt = _next_word(text, f.end)
        if (
            nxt
            and _is_capitalised(nxt)
            and re.match(r"[ \t]+\S", text[f.end : f.end + 3])
            and nxt.lower().rstrip(".") not in g.months
            and nxt.lower() not in g.weekdays
        ):
            return False
    if f.rule == "holiday":
        # "Christmas shopping", "Easter eggs": a name used as an adjective is a date only after "on", "before", ...
        nxt = _next_word(text, f.end)
        if (
            nxt
            and nxt[0].islower()
            and re.match(r"[ \t]+\w", text[f.end : f.end + 3])
            and prev.lower() not in g.holiday_cues
            and not m.group("holiday").endswith(("day", "eve"))
        ):
            return False
    if f.rule in ("quarter", "quarter_rel") and not gd.get("year") and not gd.get("year2"):
        # "a late fourth-quarter sack", "the final quarter": a part of a game
        lo = max(text.rfind(". ", max(0, f.start - 300), f.start), text.rfind("\n", max(0, f.start - 300), f.start))
        hi = [i for i in (text.find(". ", f.end, f.end + 300), text.find("\n", f.end, f.end + 300)) if i >= 0]
        sentence = text[max(lo, 0) : min(hi) if hi else f.end + 300].lower()
        if any(cue in sentence for cue in g.sports_cues):
            return False
    if f.rule == "weekday" and re.match(r"\s+of\s+(?:every|each)\b", text[f.end : f.end + 15], re.I):
        return False  # "the second Tuesday of every month"
    if prev.lower() in g.set_words and f.rule in ("weekday", "month", "holiday", "month_day", "day_month"):
        return False  # a set ("every Monday"), not a date
    if (wd or gd.get("holiday")) and f.rule in ("weekday", "holiday") and mixed_case:
        # part of a name: "the Sunday Times", "Bloody Sunday", "Super Tuesday", "Chinese New Year"
        nxt = _next_word(text, f.end)
        if (
            nxt
            and _is_capitalised(nxt)
            and nxt.lower().rstrip(".") not in g.months
            and prev.lower() not in g.link_words - {"the"}
            and re.match(r"[ \t]+\w", text[f.end : f.end + 3])
        ):
            return False
        if prev.lower() in g.weekday_name_prefixes and _is_capitalised(prev):
            return False
        if (
            f.rule == "holiday"
            and prev
            and _is_capitalised(prev)
            and prev.lower() not in g.link_words
            and not _starts_sentence(text, prev_start)
        ):
            return False
    if f.rule in ("deictic", "rel_unit") and mixed_case:
        words = text[f.start : f.end].split()
        # "This Week" (a programme), "VOA Today": capitals inside a sentence make a name
        if all(_is_capitalised(w) for w in words) and not _starts_sentence(text, f.start):
            return False
        low = m.group(0).lower()
        if low.startswith(("today", "tomorrow")):
            if prev.lower() == "of":  # "the people of tomorrow"
                return False
            if gd.get("poss") and _next_word(text, f.end).lower() in g.generic_after_today:
                return False
    if f.rule == "year" and gd.get("year") and not gd.get("fy"):
        if int(gd["year"]) < 1900 and prev.lower() not in g.year_cues:
            return False  # "1600 Pennsylvania Avenue", "about 1500": an old year needs "in", "since", ...
        if (
            mixed_case
            and prev
            and _is_capitalised(prev)
            and prev.lower() not in g.year_cues
            and not prev.endswith(("'s", "’s", "s'"))
            and prev.lower().rstrip(".") not in g.months
            and not _starts_sentence(text, prev_start)
        ):
            return False  # "Hall 1999", "Windows 2000": a number in a name
        before = text[max(0, f.start - 3) : f.start]
        if re.search(r"[$€£#¥]\s*$|\d[.,]?$|No\.\s*$|[.,]$", before) and not re.search(r"[.,]\s$", before):
            return False
        if re.search(r"[$€£#¥]\s*$", before):
            return False
        nxt = _next_word(text, f.end).lower()
        if nxt in g.count_nouns or re.match(r"\s*(?:%|:\d|\.\d|-\d)", text[f.end : f.end + 3]):
            return False
        if prev.lower() in g.count_prefixes:
            return False  # a count: "about 2000", "more than 1990"
    if f.rule == "year_range":
        nxt = _next_word(text, f.end).lower()
        if nxt in g.count_nouns:
            return False
    if f.rule == "season" and gd.get("rel"):
        season = text[m.start("season") : m.end("season")]
        if mixed_case and _is_capitalised(season):
            return False  # seasons are written in lower case: "Last Summer" is a title
        if re.match(r"\s+of\s", text[f.end : f.end + 5]):
            return False  # "this fall of the dollar", "last summer of his life": a noun, not a date
        if prev.lower() in _DETERMINERS:
            return False  # "the last winter", "their next spring": not a date ("the past summer" is one)
    if f.rule in ("ago",):
        # "two days before the vote": counted from an event we cannot date; "a week on the route"
        if m.group("dir").lower() in ("before", "after", "on") and re.match(r"\s*[A-Za-z(]", text[f.end : f.end + 2]):
            return False
    return True


def _add_modifiers(found: list[_Found], text: str, g: Grammar) -> None:
    """Widen each match over a modifier before it ("early", "the end of", "earlier")."""
    for f in found:
        if f.rule in ("iso_date", "numeric_date"):
            continue
        m = g.modifier.search(text, max(0, f.start - 30), f.start)
        if not m:
            continue
        word = re.sub(r"\s+", " ", m.group("mod").lower())
        # "about two years ago" is approximate; "about May" is a topic, not a date
        if f.rule in ("ago", "ago_event"):
            kind = "approx" if word in g.count_modifiers else None
        else:
            kind = g.modifiers.get(word)
        if kind is None:
            continue
        f.start = m.start("mod")
        f.modifier = kind


# --------------------------------------------------------------------------- tense


def _cue(words: list[str], i: int, g: Grammar, left: bool = True) -> tuple[str, bool] | None:
    """The tense ``words[i]`` signals and whether the signal is strong, or None.

    ``left``: the word stands before the date; "planned to leave on Thursday" points ahead, but in
    "Thursday vowed to act" the date belongs to the vowing."""
    word = words[i].replace("’", "'")
    nxt = words[i + 1].replace("’", "'") if i + 1 < len(words) else ""
    prev = words[i - 1].replace("’", "'") if i > 0 else ""
    if word in g.modals and nxt == "have":  # "could have", "would have": a past seen from the past
        return "past", True
    if word in g.future_cues or word.endswith("'ll") or (word in ("going", "is", "are") and nxt == "to"):
        return "future", True
    if left and word in g.intent_verbs and nxt == "to":
        return "future", True
    if word in g.future_participles and (
        prev in g.present_be or (word in ("scheduled", "planned", "slated") and prev not in ("was", "were", "had"))
    ):
        return "future", True
    past = word in g.past_cues
    if past or (
        len(word) > 4 and word.endswith("ed") and word not in g.not_past_ed and word not in g.future_participles
    ):
        # a participle after "be"/"been"/a modal says nothing by itself ("will be held", "may be resolved")
        if prev in g.present_be or prev in g.modals or prev in ("been", "to"):
            return None
        return "past", past
    if word in g.weak_future_cues:
        return "future", False
    return None


def _tense(ctx: Context, start: int, end: int, g: Grammar) -> str:
    """'future' or 'past' from the tense cues nearest to [start, end) in its sentence; else 'none'.

    Before the phrase the nearest strong cue (an auxiliary, a modal, an irregular past) wins, failing
    one the nearest weak cue (a verb in -ed); with neither, the first cue after the phrase decides.
    """
    s0, s1 = ctx.sentence_span
    left = [w.group(0).lower() for w in _WORD.finditer(ctx.text, max(s0, start - 120), start)][-10:]
    right = [w.group(0).lower() for w in _WORD.finditer(ctx.text, end, min(s1, end + 80))][:7]
    weak = None
    for i in range(len(left) - 1, -1, -1):
        c = _cue(left, i, g)
        if c and c[1]:
            return c[0]
        weak = weak or (c[0] if c else None)
    if weak:
        return weak
    for i in range(len(right)):  # after the phrase the first verb is its verb, strong or not
        c = _cue(right, i, g, left=False)
        if c:
            return c[0]
    return "none"


# --------------------------------------------------------------------------- public


_ROUGH_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s+[\"“‘'(]?[A-Z0-9])|$)", re.MULTILINE)


def _rough_sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence, for texts that come without them."""
    out, para, last_end = [], 0, 0
    for m in _ROUGH_SENTENCE.finditer(text):
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        if start >= m.end():
            continue
        if "\n\n" in text[last_end:start]:
            para += 1
        out.append((start, m.end(), para))
        last_end = m.end()
    return out


def _captions(text: str, sentences: Sequence[tuple[int, int, int]], g: Grammar) -> frozenset[int]:
    """Sentences of short paragraphs that carry a photo credit: their dates do not anchor the story."""
    paragraphs: dict[int, tuple[int, int]] = {}
    for start, end, para in sentences:
        lo, hi = paragraphs.get(para, (start, end))
        paragraphs[para] = (min(lo, start), max(hi, end))
    marked = {
        p for p, (lo, hi) in paragraphs.items() if hi - lo < 600 and any(cue in text[lo:hi] for cue in g.caption_cues)
    }
    return frozenset(i for i, (_, _, para) in enumerate(sentences) if para in marked)


def resolve_phrases(
    text: str, anchor: dt.date | None, sentences: Sequence[tuple[int, int, int]] | None = None
) -> list[dict]:
    """Find and resolve every date phrase of ``text`` (the engine behind ``find_time_expressions``).

    Args:
        text: cleaned text.
        anchor: the date of writing, or None.
        sentences: (start, end, paragraph) of each sentence in order; found roughly when not given.

    Returns:
        One dict per phrase, in reading order: start, end, value, granularity, anchor, modifier.
    """
    g = grammar()
    text = text[:_MAX_TEXT]
    if not text:
        return []
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ"): keep offsets, fold ASCII only
        low = text.translate(_ASCII_LOWER)
    mixed_case = low != text and text.upper() != text
    found = [f for f in _candidates(low, g) if _plausible(f, text, g, mixed_case)]
    if not found:
        return []
    found = _select(found)
    _add_modifiers(found, text, g)
    sentences = list(sentences) if sentences else _rough_sentences(text)
    starts = [s[0] for s in sentences]
    ctx = Context(text=text, anchor=anchor)
    ctx.captions = _captions(text, sentences, g)
    ranks, n = [], 0
    for i in range(len(sentences)):
        ranks.append(n)
        n += i not in ctx.captions
    ctx.rank = tuple(ranks)
    out = []
    for f in found:
        i = bisect_right(starts, f.start) - 1
        sent = i if i >= 0 else None
        ctx.sentence = sent
        if sent is not None:
            ctx.sentence_span = (sentences[sent][0], max(sentences[sent][1], f.end))
        else:
            ctx.sentence_span = (text.rfind("\n", 0, f.start) + 1, f.end)
        ctx.tense = _tense(ctx, f.start, f.end, g)
        ctx.comparison = False
        ctx.modifier = None
        ctx.position = f.start
        try:
            span, kind = RESOLVERS[f.rule](f.match, ctx, g)
        except Reject:
            continue
        except (ValueError, OverflowError):  # off the calendar (an anchor in year 9999): no value
            span, kind = None, None
        if span is None:
            ctx.unresolved = f.start
        elif not ctx.comparison and sent not in ctx.captions:
            ctx.refs.append((span, sent, f.start, f.end, kind or ""))
        out.append(
            {
                "start": f.start,
                "end": f.end,
                "value": span.value if span else None,
                "granularity": span.public_granularity if span else None,
                "anchor": kind if span else None,
                "modifier": ctx.modifier or f.modifier,
            }
        )
    return out


def find_time_expressions(article: Article, anchor: dt.date | None = None) -> tuple[TimeExpression, ...]:
    """Every date phrase of the article resolved to a day or a span.

    Args:
        article: a cleaned article.
        anchor: the date relative phrases count from; defaults to ``article.published``. Without one,
            absolute phrases ("June 1, 2023", "in June 1999") still resolve and relative ones get
            ``value=None``.

    Returns:
        The phrases in reading order. ``value`` is ``YYYY-MM-DD`` for a day or ``YYYY-MM-DD/YYYY-MM-DD``
        (both ends included) for a week, month, quarter, year or other span; ``anchor`` says what it was
        resolved against ("published", "previous" — a date of the preceding text — or "absolute");
        ``modifier`` which part of the value the phrase means ("early May": "start").

    >>> from crossread.model import Article
    >>> art = Article(id="a", text="Talks began on Monday. Three days later they failed.")
    >>> [(t.text, t.value) for t in find_time_expressions(art, dt.date(2023, 6, 2))]
    [('Monday', '2023-05-29'), ('Three days later', '2023-06-01')]
    """
    if anchor is None:
        anchor = article.published
    text = article.text or ""
    sentences = [(s.start, s.end, s.paragraph) for s in article.sentences] or None
    return tuple(
        TimeExpression(
            article_id=article.id,
            start=p["start"],
            end=p["end"],
            text=text[p["start"] : p["end"]],
            value=p["value"],
            granularity=p["granularity"],
            anchor=p["anchor"],
            sentence=article.sentence_at(p["start"]),
            modifier=p["modifier"],
        )
        for p in resolve_phrases(text, anchor, sentences)
    )
