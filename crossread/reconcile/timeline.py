"""The story's events in date order, each with the sentences that report it and the sources' dates.

An *event candidate* is a sentence holding a resolved time expression. Candidates from different
articles are one event when their dates are near (overlapping, or a few days apart) and their
sentences share enough content words (idf-weighted over the story; date words left out, since
the dates are compared on their own). When the reports of one event put it on dates that cannot
both be true (two different days, a day outside another source's span), the event is *disputed*.

Dates long before the story (or as vague as a year) are background: kept only when two or more
sources mention the same one, marked ``background`` and listed after the story's own events. Written by hand: no library clusters
dated sentences across sources.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, ArticleAnalysis, TimeExpression, TimelineEvent
from ..textsim import content_stems, idf_weights, load_lexicon, words

__all__ = ["build_timeline", "parse_value"]

STORY_WINDOW_DAYS = 42  # how far before the first (or after the last) publication an event still belongs to the story
MAX_EVENT_SPAN_DAYS = 31  # a date vaguer than a month ("in 2023") only sets the scene
MAX_LONE_SPAN_DAYS = 7  # in a story of several sources, a date vaguer than a week needs two sources
DISPUTE_MAX_SPAN_DAYS = 7  # only dates this precise (a day, a week) can dispute each other
NEAR_DAYS = 7  # two reports this far apart may still be one event told with different dates
SAME_VALUE_LINK = 0.2  # sentence similarity for two reports with the very same date to be one event
SAME_DATE_LINK = 0.3  # ... with compatible dates (a day within a week)
OTHER_DATE_LINK = 0.5  # ... with incompatible dates (a dispute needs a stronger match)
MIN_CONTENT_WORDS = 3  # a "sentence" with fewer content words (a byline, a bare date) reports no event
COMMON_WORD_SHARE = 0.3  # in very large stories, words in more than this share of candidates are not compared
LARGE_STORY_CANDIDATES = 3000
MAX_SENTENCE_CHARS = 600  # longer "sentences" (unsplit text) are cut around the date


def parse_value(value: str | None) -> tuple[dt.date, dt.date] | None:
    """``"YYYY-MM-DD"`` or ``"A/B"`` (also ``"YYYY-MM"``, ``"YYYY"``) as inclusive (start, end) dates, or None.

    >>> parse_value("2021-03-01/2021-03-07")
    (datetime.date(2021, 3, 1), datetime.date(2021, 3, 7))
    """
    if not value or not isinstance(value, str):
        return None
    parts = value.strip().split("/")
    if len(parts) > 2:
        return None
    try:
        ends = [_parse_one(p.strip()) for p in parts]
    except ValueError:
        return None
    start = ends[0][0]
    end = ends[-1][1]
    if end < start:
        start, end = end, start
    return start, end


def _parse_one(text: str) -> tuple[dt.date, dt.date]:
    if len(text) == 4 and text.isdigit():
        y = int(text)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if len(text) == 7 and text[4] == "-":
        y, m = int(text[:4]), int(text[5:7])
        first = dt.date(y, m, 1)
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    d = dt.date.fromisoformat(text[:10])
    return d, d


@dataclass(slots=True)
class _Candidate:
    order: int
    article_id: str
    sentence: int | None
    text: str
    time: TimeExpression
    start: dt.date
    end: dt.date
    stems: list[str]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _sentence_of(article: Article, t: TimeExpression) -> tuple[int | None, str]:
    idx = t.sentence if t.sentence is not None and 0 <= t.sentence < len(article.sentences) else None
    if idx is None and article.sentences and 0 <= t.start < len(article.text):
        idx = article.sentence_at(t.start)
    if idx is not None:
        s = article.sentences[idx]
        text = article.text[s.start : s.end]
        if len(text) <= MAX_SENTENCE_CHARS:
            return idx, text.strip()
        lo = max(s.start, t.start - MAX_SENTENCE_CHARS // 2)
        return idx, article.text[lo : min(s.end, lo + MAX_SENTENCE_CHARS)].strip()
    if not article.text or not 0 <= t.start <= len(article.text):
        return None, ""
    lo = max(0, t.start - MAX_SENTENCE_CHARS // 2)
    return None, article.text[lo : lo + MAX_SENTENCE_CHARS].strip()


def _overlap(a: _Candidate, b: _Candidate) -> bool:
    return a.start <= b.end and b.start <= a.end


def build_timeline(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis]) -> tuple[TimelineEvent, ...]:
    """The story's events in date order.

    Args:
        articles: the story's articles (their order is the story order).
        analyses: what was read from each; ``times`` are the resolved time expressions.

    Returns:
        One ``TimelineEvent`` per event: its date (what most sources say, the most precise form),
        a sentence reporting it, every reporting sentence and outlet, each source's dating phrase in
        ``times``, ``disputed`` when sources put it on incompatible dates and ``background`` for
        context far from the story's dates. The story's own events in date order, then the background
        events in date order.
    """
    arts = {a.id: a for a in articles}
    position = {a.id: i for i, a in enumerate(articles)}
    ordered = sorted((an for an in analyses if an.article_id in arts),
                     key=lambda an: (position[an.article_id], an.article_id))
    candidates: list[_Candidate] = []
    seen: set[tuple[str, int | None, str, int]] = set()
    for an in ordered:
        article = arts[an.article_id]
        for t in sorted(an.times, key=lambda t: (t.start, t.end)):
            span = parse_value(t.value)
            if span is None:
                continue
            idx, text = _sentence_of(article, t)
            stems = content_stems(text, drop_dates=True)
            if len(set(stems)) < MIN_CONTENT_WORDS:
                continue
            key = (an.article_id, idx, f"{span[0]}/{span[1]}", t.start if idx is None else -1)
            if key in seen:
                continue
            seen.add(key)
            candidates.append(_Candidate(len(candidates), an.article_id, idx, text, t, span[0], span[1], stems))
    candidates = _most_precise_per_sentence(candidates)
    if not candidates:
        return ()

    lo, hi = _story_period(articles, candidates)
    window_lo = _shift(lo, -STORY_WINDOW_DAYS)
    window_hi = _shift(hi, STORY_WINDOW_DAYS)
    background = [not (c.end >= window_lo and c.start <= window_hi and c.days <= MAX_EVENT_SPAN_DAYS)
                  for c in candidates]

    clusters = _cluster(candidates, background)
    events = []
    for members in clusters:
        cs = [candidates[i] for i in members]
        is_background = background[members[0]]
        sources = len({c.article_id for c in cs})
        if is_background and sources < 2:
            continue
        if sources < 2 and len(arts) > 1 and min(c.days for c in cs) > MAX_LONE_SPAN_DAYS:
            continue  # "in June", from one source of many: too vague to place in the story
        events.append(_event(cs, arts, position, is_background))
    # The story's own events first, in date order; background (context years or decades back) after them,
    # so a reader meets the news before the history lesson.
    events.sort(key=lambda e: (e[1].background, e[0], -len(e[1].article_ids), e[1].text, e[1].id or ""))
    return tuple(e for _, e in events)


def _shift(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held at the calendar's ends (year 1, year 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min if days < 0 else dt.date.max


def _most_precise_per_sentence(candidates: list[_Candidate]) -> list[_Candidate]:
    """One sentence dating one thing twice ("this week (June 13)"): keep the narrower date only."""
    by_sentence: dict[tuple[str, int], list[_Candidate]] = {}
    for c in candidates:
        if c.sentence is not None:
            by_sentence.setdefault((c.article_id, c.sentence), []).append(c)
    out = []
    for c in candidates:
        peers = by_sentence.get((c.article_id, c.sentence), []) if c.sentence is not None else []
        if any(o is not c and o.start >= c.start and o.end <= c.end and (o.days < c.days or o.order < c.order)
               for o in peers):
            continue
        out.append(c)
    for k, c in enumerate(out):
        c.order = k
    return out


def _story_period(articles: Sequence[Article], candidates: Sequence[_Candidate]) -> tuple[dt.date, dt.date]:
    published = sorted(a.published for a in articles if a.published is not None)
    if published:
        return published[0], published[-1]
    # No publication dates: centre on the median precise date the articles mention.
    days = sorted(c.start for c in candidates if c.days <= MAX_EVENT_SPAN_DAYS) or sorted(c.start for c in candidates)
    mid = days[len(days) // 2]
    return mid, mid


def _cluster(candidates: Sequence[_Candidate], background: Sequence[bool]) -> list[list[int]]:
    """Union the candidates that report one event (best pairs first; see the module docstring)."""
    import numpy as np
    from scipy import sparse

    n = len(candidates)
    bags = [sorted(set(c.stems)) for c in candidates]
    idf = idf_weights(bags)
    # Common words weigh little through their idf; only in very large stories are they cut, to keep the product sparse.
    df_cap = max(2, int(COMMON_WORD_SHARE * n)) if n >= LARGE_STORY_CANDIDATES else n + 1
    df: dict[str, int] = {}
    for bag in bags:
        for t in bag:
            df[t] = df.get(t, 0) + 1
    vocab = {t: k for k, t in enumerate(sorted(t for t, c in df.items() if c <= df_cap))}
    rows, cols, vals = [], [], []
    totals = np.zeros(n)
    for i, bag in enumerate(bags):
        for t in bag:
            w = idf[t]
            totals[i] += w  # common words still count in the denominator: they are part of the sentence
            k = vocab.get(t)
            if k is not None:
                rows.append(i)
                cols.append(k)
                vals.append(w)
    x = sparse.csr_matrix((np.array(vals), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
                          shape=(n, max(1, len(vocab))))
    present = x.copy()
    present.data[:] = 1.0
    # idf-weighted rows times 0/1 rows: for each pair, the summed idf of the words both sentences use.
    shared = sparse.triu(x @ present.T, k=1).tocoo()
    i_idx, j_idx, common = shared.row, shared.col, shared.data
    starts = np.array([c.start.toordinal() for c in candidates])
    ends = np.array([c.end.toordinal() for c in candidates])
    small = np.minimum(totals[i_idx], totals[j_idx])
    overlap = common / (small + 1.0)
    jaccard = common / np.maximum(totals[i_idx] + totals[j_idx] - common, 1e-9)
    sim = 0.7 * overlap + 0.3 * jaccard
    gap = np.maximum(starts[i_idx], starts[j_idx]) - np.minimum(ends[i_idx], ends[j_idx])
    compatible = gap <= 0
    same_value = (starts[i_idx] == starts[j_idx]) & (ends[i_idx] == ends[j_idx])
    bg = np.array(background, dtype=bool)
    keep = (bg[i_idx] == bg[j_idx]) & (
        (same_value & (sim >= SAME_VALUE_LINK))
        | (compatible & (sim >= SAME_DATE_LINK))
        | (~compatible & (gap <= NEAR_DAYS) & (sim >= OTHER_DATE_LINK)))
    ki, kj, ks = i_idx[keep], j_idx[keep], sim[keep]
    order = np.lexsort((kj, ki, -ks))  # best pairs first; ties by position, for a stable result
    pairs = zip(ks[order].tolist(), ki[order].tolist(), kj[order].tolist())

    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # Per group: each article's distinct date intervals, for the one-article-one-date rule.
    dated: dict[int, dict[str, set[tuple[dt.date, dt.date]]]] = {
        i: {c.article_id: {(c.start, c.end)}} for i, c in enumerate(candidates)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in pairs:
        a, b = find(i), find(j)
        if a == b:
            continue
        ci, cj = candidates[i], candidates[j]
        if ci.article_id == cj.article_id and ci.sentence == cj.sentence and ci.sentence is not None:
            continue  # two dates in one sentence: two events ("from May 2 until May 9")
        if not _mergeable(dated[a], dated[b]):
            continue
        if b < a:
            a, b = b, a
        parent[b] = a
        members[a].extend(members.pop(b))
        for art, spans in dated.pop(b).items():
            dated[a].setdefault(art, set()).update(spans)
    return [sorted(m) for _, m in sorted(members.items())]


def _mergeable(a: dict[str, set[tuple[dt.date, dt.date]]], b: dict[str, set[tuple[dt.date, dt.date]]]) -> bool:
    """An article does not report one event on two incompatible dates: such reports are two events."""
    for art in a.keys() & b.keys():
        for x in a[art]:
            for y in b[art]:
                if not (x[0] <= y[1] and y[0] <= x[1]):
                    return False
    return True


def _phrase_key(text: str) -> str:
    """What a date phrase says, minus words that do not change the day ("Monday morning" -> "monday")."""
    noise = frozenset(load_lexicon("words").get("phrase_noise", ()))
    toks = (w[:-2] if w.endswith("'s") else w for w in words(text))
    return " ".join(sorted({w for w in toks if w not in noise}))


def _disputed(cs: Sequence[_Candidate]) -> bool:
    """Two sources give dates that cannot both hold, each precise to a week or better.

    A month against a day says little ("in May" may be loose). The same words resolved to two days
    ("Saturday" in a copy printed a week later) are not a dispute between sources either: only their
    publication dates differ; nor is "today" or "this morning", only as right as the article's date.
    """
    deictic = frozenset(load_lexicon("words").get("deictic_words", ()))
    by_interval: dict[tuple[dt.date, dt.date], set[tuple[str, str]]] = {}
    for c in cs:
        key = _phrase_key(c.time.text)
        if c.days > DISPUTE_MAX_SPAN_DAYS or not key or deictic & set(key.split()):
            continue  # too vague, or counted from a publication date that may itself be off
        by_interval.setdefault((c.start, c.end), set()).add((c.article_id, key))
    intervals = sorted(by_interval)
    for k, d in enumerate(intervals):
        for e in intervals[k + 1 :]:
            if d[0] <= e[1] and e[0] <= d[1]:
                continue
            if any(a != b and p != q for a, p in by_interval[d] for b, q in by_interval[e]):
                return True
    return False


def _event(cs: list[_Candidate], arts: dict[str, Article], position: dict[str, int],
           is_background: bool) -> tuple[dt.date, TimelineEvent]:
    cs = sorted(cs, key=lambda c: (position[c.article_id], c.time.start, c.order))
    # The date: the one most sources' dates agree with, the most precise on a tie, then the earliest.
    distinct = sorted({(c.start, c.end) for c in cs})
    articles_of = {d: {c.article_id for c in cs if c.start <= d[1] and d[0] <= c.end} for d in distinct}
    best = min(distinct, key=lambda d: (-len(articles_of[d]), (d[1] - d[0]).days, d[0]))
    value = best[0].isoformat() if best[0] == best[1] else f"{best[0].isoformat()}/{best[1].isoformat()}"
    disputed = _disputed(cs)
    # The sentence shown: the one sharing most words with the others, from a source giving the chosen date.
    bags = [sorted(set(c.stems)) for c in cs]  # sorted: a float sum's order must not follow string hashing
    idf = idf_weights(bags)
    bag_count: dict[str, int] = {}
    for bag in bags:
        for t in bag:
            bag_count[t] = bag_count.get(t, 0) + 1

    def centrality(k: int) -> float:  # summed idf of the words shared with each other report
        return sum(idf[t] * (bag_count[t] - 1) for t in bags[k])

    agreeing = [k for k, c in enumerate(cs) if c.start <= best[1] and best[0] <= c.end] or list(range(len(cs)))
    shown = min(agreeing, key=lambda k: (-centrality(k), cs[k].days, k))
    art_ids = tuple(dict.fromkeys(c.article_id for c in cs))
    sentences = tuple(dict.fromkeys((c.article_id, c.sentence) for c in cs if c.sentence is not None))
    times = tuple(dict.fromkeys(c.time for c in cs))
    outlets = tuple(dict.fromkeys(arts[a].outlet for a in art_ids if arts[a].outlet))
    first = cs[0]
    digest = hashlib.sha1(f"{first.article_id}|{first.time.start}|{first.time.end}|{first.time.value}".encode())
    event = TimelineEvent(date=value, text=cs[shown].text, article_ids=art_ids, sentences=sentences,
                          disputed=disputed, id="ev-" + digest.hexdigest()[:12], outlets=outlets, times=times,
                          background=is_background)
    return best[0], event
