"""Boilerplate removal on plain text: page furniture out, the article's own reporting kept.

Plain text (feeds, APIs, copy-paste, trafilatura's output) has lost the page
structure HTML extractors rely on, so every decision here is made line by line
from general signals, written by hand because no library does this for text:

* **shape** — furniture lines are short, lack sentence punctuation, address the
  reader, or match a *kind* of furniture listed as data in
  ``crossread/data/boilerplate/furniture.txt`` (share prompts, subscription
  prompts, correction and disclaimer notices, widgets, navigation, comments);
* **captions and credits** — a line ending in a photo credit ("(Name/Agency)"),
  a credit line on its own ("REUTERS", "Photo: …") and the caption lines it closes;
* **repetition** — a line printed twice (captions, teaser headlines, the headline
  itself) within the article; across a corpus, a line recurring in many
  articles of one outlet (:func:`remove_corpus_furniture`);
* **position and topical drift** — a "related"/"more from" header and the block of
  teasers it introduces, up to the point where the text is back on the
  article's topic; teaser paragraphs at the end whose names and dates share
  nothing with the body;
* **link-list shape** — runs of short headline-like lines.

Every removed line is returned as a :class:`~crossread.model.Removed` with its reason.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Article, Removed

__all__ = ["remove_boilerplate", "remove_corpus_furniture", "classify_lines"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CAP_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[A-Za-z]")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»][.!?…]?$")
_BULLET = re.compile(r"^[-•·*▪►»›–—]\s+")
_PAREN_END = re.compile(r"\(([^()]{2,100})\)\s*$")
_CREDIT_TAIL = re.compile(
    r"(?:^|[|•·—–-]\s*|\.\s+|\s)(?:photo(?:graph)?s?|image|picture|credit|illustration|video|file photo)"
    r"(?:\s+(?:credit|by|courtesy(?: of)?))?\s*[:|]\s*[^.!?]{2,80}$",
    re.IGNORECASE,
)
_CREDIT_LEAD = re.compile(
    r"^(?:photo(?:graph)?s?|images?|pictures?|credit|file photo|illustration)"
    r"(?:\s+(?:credit|by|courtesy(?: of)?))?\s*(?:[:|]|by\b)\s*\S.{0,80}$",
    re.IGNORECASE,
)
_KEY_STRIP = re.compile(r"[\W_]+")

# How far a paragraph must share the body's vocabulary to count as the article's own topic.
_ON_TOPIC_WORDS = 0.34
_ON_TOPIC_NAMES = 0.5
# Below this many body words, topicality cannot be judged: keep the line.
_MIN_BODY_WORDS = 12
_HEADLINE_MAX_WORDS = 20
_LINK_MAX_WORDS = 14


@dataclass(frozen=True, slots=True)
class _Section:
    reason: str
    role: str
    max_words: int
    pattern: re.Pattern[str]


def _data_lines(name: str) -> list[str]:
    text = resources.files("crossread").joinpath("data", "boilerplate", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _sections() -> tuple[_Section, ...]:
    """The furniture patterns of furniture.txt, one compiled alternation per section."""
    out: list[_Section] = []
    header: dict[str, str] | None = None
    patterns: list[str] = []

    def flush() -> None:
        if header is not None and patterns:
            joined = "|".join(f"(?:{p})" for p in patterns)
            out.append(_Section(header["reason"], header.get("role", "line"), int(header.get("max_words", "40")),
                                re.compile(joined, re.IGNORECASE)))

    for line in _data_lines("furniture.txt"):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            flush()
            parts = stripped[1:-1].split()
            header = {"reason": parts[0]}
            header.update(p.split("=", 1) for p in parts[1:] if "=" in p)  # type: ignore[arg-type]
            patterns = []
        else:
            patterns.append(stripped)
    flush()
    return tuple(out)


@lru_cache(maxsize=1)
def _credit_words() -> frozenset[str]:
    return frozenset(w.strip().lower() for w in _data_lines("photo_credits.txt"))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(w for line in _data_lines("stopwords.txt") for w in line.lower().split())


# --------------------------------------------------------------------------- line features


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _key(line: str) -> str:
    """A line's identity for repetition: letters and digits only, case-folded."""
    return _KEY_STRIP.sub(" ", line.casefold()).strip()


def _is_terminal(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


def _stem(word: str) -> str:
    return word.lower()[:6]


def _content_words(line: str) -> set[str]:
    stop = _stopwords()
    return {_stem(w) for w in _words(line) if len(w) > 3 and w.lower() not in stop}


def _names(line: str) -> set[str]:
    """Capitalised words not at a sentence start: a cheap stand-in for the names a line mentions."""
    stop = _stopwords()
    out = set()
    for m in _CAP_WORD.finditer(line):
        before = line[: m.start()].rstrip()
        if not before or before[-1] in ".!?:\"“‘'(—–-":
            continue
        w = m.group(0)
        if w.lower() in stop or w.isupper() and len(w) <= 2:
            continue
        out.add(_stem(w))
    return out


def _has_credit_words(text: str) -> bool:
    words = _credit_words()
    low = text.lower()
    tokens = re.findall(r"[a-z][a-z-]*", low)
    if any(t in words for t in tokens):
        return True
    return any(" " in w and w in low for w in words)


def _is_credit_line(line: str) -> bool:
    """A photo credit standing alone: "REUTERS", "REUTERS/Name", "Photo: Name/Agency", "AFP via Getty Images"."""
    words = _words(line)
    if not words or len(words) > 10 or _is_terminal(line) and not line.endswith(")"):
        return False
    if _CREDIT_LEAD.match(line):
        return True
    bare = line.strip("()[] ")
    if "/" in bare and len(words) <= 8 and _has_credit_words(bare):
        return all(part.strip()[:1].isupper() for part in bare.split("/") if part.strip())
    if bare.isupper() and len(words) <= 4 and _has_credit_words(bare):
        return True
    if len(words) <= 5 and re.search(r"\bvia\b|\bgetty images\b", bare, re.IGNORECASE) and _has_credit_words(bare):
        return True
    return False


def _ends_with_credit(line: str) -> bool:
    """A caption: a line that ends in a photo credit, "(Name/Agency via Getty Images)", "Photo: …"."""
    m = _PAREN_END.search(line)
    if m:
        inner = m.group(1)
        if ("/" in inner or re.search(r"\bvia\b|\bcourtesy\b|\bphoto\b", inner, re.IGNORECASE)) and _has_credit_words(inner):
            return True
    if len(_words(line)) > 4 and _CREDIT_TAIL.search(line):
        tail = _CREDIT_TAIL.search(line)
        return tail is not None and _has_credit_words(tail.group(0))
    return False


def _match_section(line: str, n_words: int) -> _Section | None:
    for section in _sections():
        if n_words <= section.max_words and section.pattern.search(line):
            return section
    return None


def _headline_shaped(line: str, n_words: int) -> bool:
    return 0 < n_words <= _HEADLINE_MAX_WORDS and not _is_terminal(line)


# --------------------------------------------------------------------------- the classifier


class _Topic:
    """The body's vocabulary, to tell whether a paragraph is on the article's own topic."""

    def __init__(self) -> None:
        self.words: Counter[str] = Counter()
        self.names: Counter[str] = Counter()
        self.years: set[str] = set()
        self.size = 0

    def add(self, line: str) -> None:
        self.words.update(_content_words(line))
        self.names.update(_names(line))
        self.years.update(_YEAR.findall(line))
        self.size += len(_words(line))

    def judgeable(self) -> bool:
        return self.size >= _MIN_BODY_WORDS

    def on_topic(self, line: str) -> bool:
        """True when the line shares enough words and names with the body (or the body is too small to tell)."""
        if not self.judgeable():
            return True
        words = _content_words(line)
        if not words:
            return False
        word_share = sum(1 for w in words if w in self.words) / len(words)
        names = _names(line)
        name_share = sum(1 for n in names if n in self.names) / len(names) if names else None
        if name_share is None:
            return word_share >= _ON_TOPIC_WORDS
        return word_share >= _ON_TOPIC_WORDS and name_share >= _ON_TOPIC_NAMES * 0.5 or (
            name_share >= _ON_TOPIC_NAMES and word_share >= _ON_TOPIC_WORDS * 0.6)

    def drifted(self, line: str) -> bool:
        """Strong evidence of another story: no shared name, few shared words, or a year the body never mentions."""
        if not self.judgeable():
            return False
        words = _content_words(line)
        names = _names(line)
        if len(words) < 4:
            return False
        word_share = sum(1 for w in words if w in self.words) / len(words)
        shared_names = sum(1 for n in names if n in self.names)
        new_years = set(_YEAR.findall(line)) - self.years
        if len(names) >= 2 and shared_names == 0 and word_share < 0.25:
            return True
        return bool(new_years) and shared_names == 0 and word_share < 0.2


def classify_lines(lines: Sequence[str], *, title: str | None = None) -> list[str | None]:
    """The removal reason of each line (None: keep). Lines are those of normalised text; "" is a blank.

    Args:
        lines: the text's lines, in order.
        title: the known headline, if any (a copy of it in the text is kept once).

    Returns:
        One entry per line: a reason such as ``"caption"``, ``"related"``, ``"repeated"``, or None.
    """
    n = len(lines)
    reasons: list[str | None] = [None] * n
    nwords = [len(_words(line)) for line in lines]
    roles: list[str | None] = [None] * n
    nonblank = [i for i in range(n) if lines[i].strip()]
    if not nonblank:
        return reasons
    first = nonblank[0]

    # 1. Kinds of furniture recognised by shape.
    for i in nonblank:
        line = lines[i]
        if _is_credit_line(line) or _ends_with_credit(line):
            reasons[i] = "caption"
            roles[i] = "credit"
            continue
        section = _match_section(line, nwords[i])
        if section is not None:
            reasons[i] = section.reason
            roles[i] = section.role

    # 2. A credit line closes its caption: the short lines of its block just above it.
    for i in nonblank:
        if roles[i] != "credit" or not _is_credit_line(lines[i]):
            continue
        j = i - 1
        taken = 0
        while j >= 0 and lines[j].strip() and taken < 3 and reasons[j] is None:
            if j == first and title is None and not _is_terminal(lines[j]):
                break  # the headline sits directly above a picture credit
            if nwords[j] > 60:
                break
            if taken and _is_terminal(lines[j]) and nwords[j] > 25:
                break
            reasons[j] = "caption"
            taken += 1
            j -= 1

    # 3. Repetition: a line printed twice is a caption, a teaser or a doubled headline.
    seen: dict[str, list[int]] = defaultdict(list)
    for i in nonblank:
        k = _key(lines[i])
        if k:
            seen[k].append(i)
    title_key = _key(title) if title else None
    for k, where in seen.items():
        if len(where) < 2:
            continue
        if any(reasons[i] == "caption" for i in where):
            for i in where:
                reasons[i] = reasons[i] or "caption"
            continue
        keep_first = where[0] == first or k == title_key or _is_terminal(lines[where[0]]) or nwords[where[0]] > _HEADLINE_MAX_WORDS
        for i in where[1:]:
            reasons[i] = reasons[i] or "repeated"
        if not keep_first:
            reasons[where[0]] = reasons[where[0]] or "repeated"
    _near_duplicate_captions(lines, nonblank, nwords, reasons)

    # 4. Blocks: a related/teaser header takes the block it introduces; a comments header runs to the end.
    topic = _Topic()
    if title:
        topic.add(title)
    i = 0
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if roles[i] == "tail":
            for j in range(i, n):
                if lines[j].strip():
                    reasons[j] = reasons[j] or "comments"
            break
        if roles[i] == "zone" or (roles[i] == "line" and reasons[i] == "widget" and i > first and
                                   _zone_follows(lines, i, nwords, reasons)):
            i = _consume_zone(lines, i, nwords, reasons, topic)
            continue
        if reasons[i] is None:
            topic.add(line)
        i += 1

    # 5. Link lists: three or more short headline-shaped lines in a row (navigation, teaser lists).
    run: list[int] = []
    for i in list(nonblank) + [n]:
        ok = i < n and reasons[i] is None and i != first and (
            _headline_shaped(lines[i], nwords[i]) and nwords[i] <= _LINK_MAX_WORDS or bool(_BULLET.match(lines[i])))
        if ok and (not run or all(not lines[j].strip() for j in range(run[-1] + 1, i)) and i - run[-1] <= 2):
            run.append(i)
            continue
        if len(run) >= 3:
            for j in run:
                reasons[j] = "links"
        run = [i] if ok else []

    # 6. Topical drift at the end: teaser paragraphs for other stories after the article.
    body = [i for i in nonblank if reasons[i] is None]
    if len(body) >= 3:
        tail_topic = _Topic()
        if title:
            tail_topic.add(title)
        cut: list[int] = []
        for i in reversed(body[1:]):
            rest = _Topic()
            for j in body:
                if j < i and j not in cut:
                    rest.add(lines[j])
            if title:
                rest.add(title)
            if rest.drifted(lines[i]) and (cut or _after_furniture(i, lines, reasons) or i == body[-1] and _new_year(lines[i], rest)):
                cut.append(i)
                continue
            break
        if len(cut) < len(body) // 2:
            for i in cut:
                reasons[i] = "drift"

    # 7. Never lose the article: if nothing of substance is left, keep everything.
    if not any(reasons[i] is None and nwords[i] >= 5 for i in nonblank):
        return [None] * n
    return reasons


def _new_year(line: str, topic: _Topic) -> bool:
    return bool(set(_YEAR.findall(line)) - topic.years)


def _after_furniture(i: int, lines: Sequence[str], reasons: Sequence[str | None]) -> bool:
    """The nearest non-blank line above i was removed as furniture."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j >= 0 and reasons[j] is not None


def _zone_follows(lines: Sequence[str], i: int, nwords: Sequence[int], reasons: Sequence[str | None]) -> bool:
    """A widget line ("- YouTube") directly followed by an unpunctuated teaser or another widget heads a block."""
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j < len(lines) and (reasons[j] is not None or not _is_terminal(lines[j]))


def _consume_zone(lines: Sequence[str], start: int, nwords: Sequence[int], reasons: list[str | None],
                  topic: _Topic) -> int:
    """Mark the block a related header introduces; return the index where the article resumes."""
    reason = reasons[start] or "related"
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if reasons[i] is not None:
            i += 1
            continue
        if _headline_shaped(line, nwords[i]) or _BULLET.match(line):
            reasons[i] = reason
            i += 1
            continue
        if topic.on_topic(line):
            return i
        reasons[i] = reason
        i += 1
    return i


def _near_duplicate_captions(lines: Sequence[str], nonblank: Sequence[int], nwords: Sequence[int],
                             reasons: list[str | None]) -> None:
    """Two adjacent lines that say nearly the same short thing are a picture's alt text and caption."""
    from rapidfuzz import fuzz

    for a, b in zip(nonblank, nonblank[1:]):
        if b - a > 2 or reasons[a] is not None and reasons[b] is not None:
            continue
        if nwords[a] > 40 or nwords[b] > 40 or min(nwords[a], nwords[b]) < 3:
            continue
        if _key(lines[a]) == _key(lines[b]):
            continue
        if fuzz.ratio(_key(lines[a]), _key(lines[b])) >= 85:
            reasons[b] = reasons[b] or "repeated"


def remove_boilerplate(text: str, *, title: str | None = None) -> tuple[str, tuple[Removed, ...]]:
    """Return the text with page furniture removed, and every removed span with its reason.

    Args:
        text: normalised plain text (lines separated by "\\n", paragraphs by a blank line).
        title: the headline when known.

    Returns:
        The kept text (blank lines collapsed) and the removed lines, in text order.

    >>> remove_boilerplate("Storm hits coast.\\n\\nAdvertisement\\n\\nRoads closed on Monday.")[0]
    'Storm hits coast.\\n\\nRoads closed on Monday.'
    """
    if not text or not text.strip():
        return text, ()
    lines = text.split("\n")
    reasons = classify_lines(lines, title=title)
    kept: list[str] = []
    removed: list[Removed] = []
    for line, reason in zip(lines, reasons):
        if reason is None:
            kept.append(line)
        else:
            removed.append(Removed(text=line, reason=reason))
            if kept and kept[-1] != "":
                kept.append("")  # a removed line between two kept ones still separates paragraphs
    out = re.sub(r"\n\s*\n+", "\n\n", "\n".join(kept)).strip()
    return out, tuple(removed)


# --------------------------------------------------------------------------- across a corpus

# A line recurring in at least this many articles of one outlet is that outlet's furniture.
_CORPUS_MIN_ARTICLES = 3
_CORPUS_MAX_WORDS = 40


def remove_corpus_furniture(articles: Sequence[Article], *, min_articles: int = _CORPUS_MIN_ARTICLES) -> tuple[Article, ...]:
    """Remove lines that recur verbatim in many articles of one outlet (its page furniture).

    Articles without an outlet are left alone (unrelated sources would share nothing but
    wire copy). The first line (the headline) is never removed, nor a line so long it is
    reporting (syndicated paragraphs), nor the last substantial line of an article.

    Args:
        articles: cleaned articles (any order; order is kept).
        min_articles: how many articles of one outlet must share a line.

    Returns:
        The articles, with recomputed text, sentences and ``removed`` where a line went.
    """
    from .text import split_sentences

    by_outlet: dict[str, list[int]] = defaultdict(list)
    for idx, a in enumerate(articles):
        if a.outlet:
            by_outlet[a.outlet.casefold()].append(idx)
    drop: dict[int, set[str]] = defaultdict(set)
    for members in by_outlet.values():
        if len(members) < min_articles:
            continue
        counts: Counter[str] = Counter()
        for idx in members:
            lines = [ln for ln in articles[idx].text.split("\n") if ln.strip()]
            counts.update({_key(ln) for ln in lines[1:] if 0 < len(_words(ln)) <= _CORPUS_MAX_WORDS})
        common = {k for k, c in counts.items() if k and c >= min_articles}
        if common:
            for idx in members:
                drop[idx] = common
    out = []
    for idx, a in enumerate(articles):
        common = drop.get(idx)
        if not common:
            out.append(a)
            continue
        lines = a.text.split("\n")
        first = next((i for i, ln in enumerate(lines) if ln.strip()), -1)
        cut = [i for i, ln in enumerate(lines) if i != first and ln.strip() and _key(ln) in common]
        kept_words = sum(len(_words(ln)) for i, ln in enumerate(lines) if i not in cut)
        if not cut or kept_words < 5:
            out.append(a)
            continue
        cut_set = set(cut)
        text = "\n".join(ln for i, ln in enumerate(lines) if i not in cut_set)
        text = re.sub(r"\n\s*\n+", "\n\n", text).strip()
        removed = a.removed + tuple(Removed(text=lines[i], reason="outlet furniture") for i in cut)
        out.append(a.replace(text=text, sentences=split_sentences(text), removed=removed))
    return tuple(out)
