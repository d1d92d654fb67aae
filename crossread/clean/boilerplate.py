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
* **link-list shape** — runs of short headline-like lines;
* **vocabulary** — a short line made only of share words ("Post to Facebook") or of the words
  that head a list of links ("Also on our site"), word classes listed in
  ``crossread/data/boilerplate/vocabulary.txt``;
* **sentence shape** — a paragraph that points back to the text above ("She also …",
  "However, …") continues the article; a teaser opens another story with its own subject.

Names are compared by their identifying last word ("Chris Weitz" is *weitz*), sentence starts
included, so "Reid has starred …" names the Reid of the body but "Chris" alone names no one.

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

__all__ = ["remove_boilerplate", "remove_corpus_furniture", "classify_lines", "furniture_reason"]

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CAP_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[A-Za-z]")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»][.!?…]?$")
_TABLE_ROW = re.compile(r"(?:^[^:]{1,40}:\s*[-+$€£]?\d[\d,.%]*\s*$)|(?:\d[\d,.-]*%?\s*$)")
_BULLET = re.compile(r"^[-•·*▪►»›–—]\s+")
# "WASHINGTON (AP) --": a dateline, which names an agency like a credit does.
_DATELINE_END = re.compile(r"\)\s*(?:--|[-—–_:])\s*$")
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
_POSSESSIVE = re.compile(r"['’](s|re|ll|ve|d|m)$")

# A paragraph sharing less than this share of its words with the article is another story.
_OFF_TOPIC_WORDS = 0.15
_TEASER_MAX_WORDS = 32
# Inside a block of links, a sentence this short is a teaser unless it is plainly on topic.
_TEASER_SHORT_WORDS = 12
# Below this many body words, topicality cannot be judged: keep the line.
_MIN_BODY_WORDS = 12
_HEADLINE_MAX_WORDS = 20
# A sentence repeated as a line of its own is a capture glitch only when it is this long.
_REPEAT_MIN_WORDS = 8
_LINK_MAX_WORDS = 14


@dataclass(frozen=True, slots=True)
class _Section:
    reason: str
    role: str
    max_words: int
    anchored: re.Pattern[str] | None  # the patterns that start with "^", tried with match()
    floating: re.Pattern[str] | None  # the others, tried with search()

    def matches(self, line: str) -> bool:
        return bool(self.anchored and self.anchored.match(line) or self.floating and self.floating.search(line))


def _data_lines(name: str) -> list[str]:
    text = resources.files("crossread").joinpath("data", "boilerplate", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _sections() -> tuple[_Section, ...]:
    """The furniture patterns of furniture.txt, one compiled alternation per section."""
    out: list[_Section] = []
    header: dict[str, str] | None = None
    patterns: list[str] = []

    def compiled(group: list[str]) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in group), re.IGNORECASE) if group else None

    def flush() -> None:
        if header is not None and patterns:
            # Anchored patterns go into one match() so a line is not scanned position by position.
            anchored = [p[1:] for p in patterns if p.startswith("^")]
            floating = [p for p in patterns if not p.startswith("^")]
            out.append(_Section(header["reason"], header.get("role", "line"), int(header.get("max_words", "40")),
                                compiled(anchored), compiled(floating)))

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
def _vocabulary() -> dict[str, frozenset[str]]:
    """The word classes of vocabulary.txt, by section name."""
    out: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in _data_lines("vocabulary.txt"):
        stripped = line.split("#", 1)[0].strip() if not line.lstrip().startswith("[") else line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = out.setdefault(stripped[1:-1].strip(), set())
        elif current is not None:
            current.update(stripped.lower().split())
    return {k: frozenset(v) for k, v in out.items()}


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
    """A line's identity for repetition: letters and digits only, case-folded (long lines: case only)."""
    if len(line) > 400:
        return line.casefold()
    return _KEY_STRIP.sub(" ", line.casefold()).strip()


def _is_terminal(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()[-8:]))


def _stem(word: str) -> str:
    return word.lower()[:6]


@lru_cache(maxsize=4096)
def _content_words(line: str) -> frozenset[str]:
    stop = _stopwords()
    out = set()
    for w in _words(line):
        w = w.lower()
        if "'" in w or "’" in w:
            w = _POSSESSIVE.sub("", w)  # "it's" is "it", "Egypt's" is "egypt"
        if len(w) > 2 and w not in stop:
            out.add(_stem(w))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _names(line: str) -> frozenset[str]:
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
    return frozenset(out)


_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*[A-Za-z](?:\s+[A-Z][\w'’.-]*[A-Za-z])*")


@lru_cache(maxsize=4096)
def _name_heads(line: str) -> frozenset[str]:
    """The last word of each run of capitalised words, sentence starts included ("Reid has ..." -> reid,
    "Chris Weitz" -> weitz): the part of a name that identifies it, rather than a first name or title."""
    stop = _stopwords()
    out = set()
    for m in _NAME_RUN.finditer(line):
        words = [w.rstrip(".") for w in m.group(0).split()]
        words = [w for w in words if w.lower() not in stop and not (w.isupper() and len(w) <= 2)]
        if words:
            out.add(_stem(words[-1]))
    return frozenset(out)


def _has_credit_words(text: str) -> bool:
    words = _credit_words()
    low = text.lower()
    tokens = re.findall(r"[a-z][a-z-]*", low)
    if any(t in words for t in tokens):
        return True
    return any(" " in w and w in low for w in words)


def _is_credit_line(line: str) -> bool:
    """A photo credit standing alone: "REUTERS", "REUTERS/Name", "Photo: Name/Agency", "AFP via Getty Images"."""
    if len(line) > 120 or _DATELINE_END.search(line):
        return False
    words = _words(line)
    if line.endswith(".") and len(words) <= 4 and "/" in line:
        line = line[:-1]  # "Getty/Instagram."
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
    line = line[-200:]
    m = _PAREN_END.search(line)
    if m:
        inner = m.group(1)
        if ("/" in inner or re.search(r"\bvia\b|\bcourtesy\b|\bphoto\b", inner, re.IGNORECASE)) and _has_credit_words(inner):
            return True
    if len(_words(line)) > 4 and _CREDIT_TAIL.search(line):
        tail = _CREDIT_TAIL.search(line)
        return tail is not None and _has_credit_words(tail.group(0))
    return False


_VOCAB_TOKEN = re.compile(r"[^\s|/·•,]+")
_HEADER_NAME_AFTER = frozenset({"from", "on", "in", "at", "about", "by", "of"})


def _is_share_widget(line: str, n_words: int) -> bool:
    """A short unpunctuated line made only of share and social words ("Post to Facebook", "Tweet this",
    "Share 12 | Email | Print") with at least one action or network among them."""
    if n_words > 12 or _is_terminal(line) and not line.endswith(":"):
        return False
    vocab = _vocabulary()
    core, extra = vocab.get("share_core", frozenset()), vocab.get("share_vocab", frozenset())
    tokens = [t.strip(":;()[]!?.\"'“”‘’") .lower() for t in _VOCAB_TOKEN.findall(line)]
    tokens = [t for t in tokens if t]
    if not tokens or not any(t in core for t in tokens):
        return False
    return all(t in core or t in extra or t.isdigit() for t in tokens)


def _is_section_header(line: str, n_words: int) -> bool:
    """A short line made only of the words that head a block of links ("Also on our site", "Most shared
    this week", "More from The Gazette:"), names allowed only after a preposition; at least two words."""
    if not 2 <= n_words <= 8:
        return False
    body = line.rstrip(" :»›→>.…-–—")
    if not body or _is_terminal(body):
        return False
    vocab = _vocabulary()
    core, allowed = vocab.get("header_core", frozenset()), vocab.get("header_vocab", frozenset())
    words = body.split()
    has_core = False
    naming = False  # inside a name that follows a preposition
    for w in words:
        low = w.strip("\"'“”‘’()").lower()
        if not low:
            return False
        if low in core:
            has_core = True
        if low in allowed and not (naming and w[:1].isupper()):
            naming = low in _HEADER_NAME_AFTER
            continue
        if w[:1].isupper() and naming:
            continue  # a name: "More from The Valley Gazette"
        return False
    return has_core


def _continues(paragraph: str) -> bool:
    """The paragraph continues the text above it (opens with "However", has "she" or "also" among
    its first words): a teaser for another story introduces its own subject instead."""
    vocab = _vocabulary()
    first = [w.strip(",;:.!?\"'“”‘’()").lower().replace("’", "'") for w in paragraph.split(None, 3)[:3]]
    if not first:
        return False
    return first[0] in vocab.get("continuation_start", frozenset()) or any(
        w in vocab.get("continuation_near", frozenset()) for w in first)


def _match_section(line: str, n_words: int) -> _Section | None:
    for section in _sections():
        if n_words <= section.max_words and section.matches(line):
            return section
    return None


def furniture_reason(line: str) -> str | None:
    """Why a single line, seen alone, is page furniture (caption, share prompt, …); None if it is not."""
    line = line.strip()
    if not line:
        return None
    if _is_credit_line(line) or _ends_with_credit(line):
        return "caption"
    n_words = line.count(" ") + 1
    section = _match_section(line, n_words)
    if section is not None:
        return section.reason
    if _is_share_widget(line, n_words):
        return "share"
    return "related" if _is_section_header(line, n_words) else None


def _headline_shaped(line: str, n_words: int) -> bool:
    return 0 < n_words <= _HEADLINE_MAX_WORDS and not _is_terminal(line)


# --------------------------------------------------------------------------- the classifier


class _Topic:
    """The body's vocabulary, to tell whether a paragraph is on the article's own topic.

    Lines are only collected by ``add``; the vocabulary is built on the first question,
    since most articles never need it.
    """

    def __init__(self) -> None:
        self._pending: list[str] = []
        self._words: set[str] = set()
        self._names: set[str] = set()
        self._years: set[str] = set()
        self.size = 0

    def add(self, line: str) -> None:
        self._pending.append(line)
        self.size += line.count(" ") + 1

    def _flush(self) -> None:
        for line in self._pending:
            self._words |= _content_words(line)
            self._names |= _names(line)
            self._years.update(_YEAR.findall(line))
        self._pending.clear()

    @property
    def words(self) -> set[str]:
        self._flush()
        return self._words

    @property
    def names(self) -> set[str]:
        self._flush()
        return self._names

    @property
    def years(self) -> set[str]:
        self._flush()
        return self._years

    def merge(self, other: "_Topic") -> None:
        other._flush()
        self._words |= other._words
        self._names |= other._names
        self._years |= other._years
        self.size += other.size

    def shared_names(self, line: str) -> set[str]:
        """The line's names (by their identifying last word) that the article also names."""
        return set(_name_heads(line)) & self.names

    def related(self, line: str) -> bool:
        """Names something the article names, or a third of its words are the article's."""
        if self.shared_names(line):
            return True
        words = _content_words(line)
        return bool(words) and sum(1 for w in words if w in self.words) * 3 >= len(words)

    def off_topic(self, line: str) -> bool:
        """Shares (almost) none of the article's words: another story."""
        if not self.judgeable():
            return False
        words = _content_words(line)
        if not words:
            return False
        if self.shared_names(line):
            return False  # it names someone or something the article names
        share = sum(1 for w in words if w in self.words) / len(words)
        if share < _OFF_TOPIC_WORDS:
            return True
        names = _names(line)
        return share < 2 * _OFF_TOPIC_WORDS and len(names) >= 2

    def shares_nothing(self, line: str) -> bool:
        """Not one of the line's words or names is the article's."""
        if not self.judgeable():
            return False
        words = _content_words(line)
        return bool(words) and not words & self.words and not self.shared_names(line)

    def on_topic_strongly(self, line: str) -> bool:
        """Most of the line's words are the article's (for short lines, where shares are noisy)."""
        words = _content_words(line)
        return bool(words) and sum(1 for w in words if w in self.words) / len(words) >= 0.5

    def judgeable(self) -> bool:
        return self.size >= _MIN_BODY_WORDS

    def drifted(self, line: str) -> bool:
        """Strong evidence of another story: no shared name, few shared words, or a year the body never mentions."""
        if not self.judgeable():
            return False
        words = _content_words(line)
        names = _names(line)
        if len(words) < 4:
            return False
        word_share = sum(1 for w in words if w in self.words) / len(words)
        shared_names = len(self.shared_names(line))
        new_years = set(_YEAR.findall(line)) - self.years
        if shared_names or _continues(line) and word_share >= 0.1:
            return False  # it names the article's people or places, or points back to the text above
        if word_share == 0 and len(words) >= 5:
            return True  # not one word in common
        if names and word_share < (0.25 if len(names) >= 2 else _OFF_TOPIC_WORDS):
            return True
        return bool(new_years) and word_share < 0.2

    def drifted_far(self, line: str) -> bool:
        """Drifted, and shares almost none of the article's words: enough to go under inline furniture."""
        if not self.drifted(line):
            return False
        words = _content_words(line)
        return sum(1 for w in words if w in self.words) < _OFF_TOPIC_WORDS * len(words)


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
    # Normalised text has single spaces: counting them is a cheap word count.
    nwords = [line.count(" ") + 1 if line.strip() else 0 for line in lines]
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
        elif _is_share_widget(line, nwords[i]):
            reasons[i], roles[i] = "share", "line"
        elif i != first and _is_section_header(line, nwords[i]):
            reasons[i], roles[i] = "related", "zone"

    # 2. A credit line closes its caption: the short lines of its block just above it (or, across one
    #    blank line, one short unpunctuated line, as a caption copied without its picture).
    for i in nonblank:
        if roles[i] != "credit" or not _is_credit_line(lines[i]):
            continue
        j = i - 1
        taken = 0
        while j >= 0 and taken < 3:
            if not lines[j].strip():
                if taken or j - 1 < 0 or not lines[j - 1].strip():
                    break
                above = j - 1
                if reasons[above] is None and above != first and not _is_terminal(lines[above]) and nwords[above] <= _HEADLINE_MAX_WORDS:
                    reasons[above] = "caption"
                break
            if reasons[j] is not None:
                break
            if j == first and title is None and not _is_terminal(lines[j]):
                break  # the headline sits directly above a picture credit
            if nwords[j] > 60:
                break
            if taken and _is_terminal(lines[j]):
                break  # a sentence above a caption line is the article's
            reasons[j] = "caption"
            taken += 1
            j -= 1

    # 3. Repetition: a line printed twice is a caption, a teaser or a doubled headline.
    lead = [i for i in nonblank if reasons[i] is None][:2]
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
        if _is_terminal(lines[where[0]]) and nwords[where[0]] < _REPEAT_MIN_WORDS:
            continue  # "Thank you." may well be said twice
        keep_first = where[0] in lead or k == title_key or _is_terminal(lines[where[0]]) or nwords[where[0]] > _HEADLINE_MAX_WORDS
        for i in where[1:]:
            reasons[i] = reasons[i] or "repeated"
        if not keep_first:
            reasons[where[0]] = reasons[where[0]] or "repeated"
    _near_duplicate_captions(lines, nonblank, nwords, reasons)

    # 4. Blocks: a related/teaser header takes the block it introduces; a comments header runs to the end.
    topic = _Topic()
    if title:
        topic.add(title)
    zone_lines: set[int] = set()  # lines a block decided on (drift does not overrule it)
    i = 0
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if roles[i] == "tail" and _tail_can_start(nwords, i):
            for j in range(i, n):
                if lines[j].strip():
                    reasons[j] = reasons[j] or "comments"
            break
        if roles[i] == "zone" or (roles[i] == "line" and reasons[i] == "widget" and i > first and
                                   _zone_follows(lines, i, nwords, reasons)):
            end = _consume_zone(lines, i, nwords, reasons, roles, topic)
            zone_lines.update(range(i, end))
            i = end
            continue
        if reasons[i] is None or reasons[i] == "caption" and not _is_credit_line(line):
            topic.add(line)  # a caption describes the article's own picture: its names are the article's
        i += 1

    # 5. Link lists: three or more short headline-shaped lines in a row (navigation, teaser lists).
    run: list[int] = []
    for i in list(nonblank) + [n]:
        ok = i < n and reasons[i] is None and i != first and (
            _headline_shaped(lines[i], nwords[i]) and nwords[i] <= _LINK_MAX_WORDS or bool(_BULLET.match(lines[i])))
        if ok and (not run or all(not lines[j].strip() for j in range(run[-1] + 1, i)) and i - run[-1] <= 2):
            run.append(i)
            continue
        # Bullets right under the headline are the article's own summary, and rows that end in
        # figures ("Injured: 74", "Holmes 21-5") are a table of the article's: neither is links.
        summary = run and run[0] in nonblank[:4] and any(_BULLET.match(lines[j]) for j in run)
        # ... nor are bullets a sentence of the article's announces ("Here's what we know so far:")
        summary = summary or (run and any(_BULLET.match(lines[j]) for j in run) and _announced(run[0], lines, nwords, reasons))
        # Bullets under a heading of their own ("What we know so far") may close an article (a live
        # blog's oldest entry comes last): there, only short or off-topic items make them links.
        headed = bool(run) and not _BULLET.match(lines[run[0]]) and all(_BULLET.match(lines[j]) for j in run[1:])
        table = run and sum(bool(_TABLE_ROW.search(lines[j])) for j in run) * 2 >= len(run)
        if len(run) >= 3 and not summary and not table and _link_list(run, lines, nwords, reasons, nonblank, title,
                                                                      headed=headed):
            for j in run:
                reasons[j] = "links"
        run = [i] if ok else []

    # 6. Topical drift at the end: paragraphs for other stories after the article's furniture.
    #    Each candidate is compared with the body above the furniture that precedes it, so
    #    teasers never vouch for each other; the run must sit right under a furniture line.
    body = [i for i in nonblank if reasons[i] is None]
    if len(body) >= 3:
        run: list[int] = []
        far = True  # every paragraph of the run shares almost nothing with the article
        for i in reversed(body[1:]):
            limit = _last_removed_above(i, lines, reasons)
            rest = _Topic()
            if title:
                rest.add(title)
            for j in body:
                if j < (limit if limit is not None else i) and j not in run:
                    rest.add(lines[j])
            if rest.drifted(lines[i]):
                run.append(i)
                far = far and rest.drifted_far(lines[i])
                continue
            break
        while run and (not _after_furniture(run[-1], lines, reasons, inline=far) or _line_above(run[-1], lines) in zone_lines):
            run.pop()  # the earliest drifted paragraph is not under furniture: it is the article's
        if run and len(run) < len(body) // 2:
            for i in run:
                reasons[i] = "drift"

    # 7. Never lose the article: if nothing of substance is left, keep everything.
    if not any(reasons[i] is None and nwords[i] >= 5 for i in nonblank):
        return [None] * n
    return reasons


def _last_removed_above(i: int, lines: Sequence[str], reasons: Sequence[str | None]) -> int | None:
    """Index of the nearest line above i that was removed as furniture, or None."""
    for j in range(i - 1, -1, -1):
        if lines[j].strip() and reasons[j] is not None:
            return j
    return None


# Furniture that sits inside an article (a caption, a doubled line) says nothing about what follows.
_INLINE_REASONS = frozenset({"caption", "repeated", "advert", "teaser"})  # furniture that sits mid-article


def _announced(i: int, lines: Sequence[str], nwords: Sequence[int], reasons: Sequence[str | None]) -> bool:
    """The kept line above i is a sentence of prose that ends in a colon and so introduces a list:
    "Here's what we know so far:" (a bare "Related:" or "See also:" is too short to count)."""
    j = _line_above(i, lines)
    return j >= 0 and reasons[j] is None and nwords[j] >= 4 and lines[j].rstrip().endswith(":")


def _link_list(run: Sequence[int], lines: Sequence[str], nwords: Sequence[int], reasons: Sequence[str | None],
               nonblank: Sequence[int], title: str | None, *, headed: bool = False) -> bool:
    """A run of short lines is a menu or a list of links, not a list the article makes: its items are
    menu-short, or it stands after the article's last paragraph (unless ``headed``: bullets under a
    heading of their own), or most items are off its topic."""
    if sum(nwords[j] <= 3 for j in run) * 2 >= len(run):
        return True
    prose = [j for j in nonblank if reasons[j] is None and j not in run and not _headline_shaped(lines[j], nwords[j])]
    if not prose or run[0] > prose[-1] and not headed:
        return True
    body = _Topic()
    if title:
        body.add(title)
    for j in prose:
        body.add(lines[j])
    return sum(body.off_topic(lines[j]) for j in run) * 2 > len(run)


def _tail_can_start(nwords: Sequence[int], i: int) -> bool:
    """A comments section follows an article: some prose must come before its header."""
    before = sum(nwords[:i])
    return before >= _TAIL_MIN_WORDS or before * 2 >= sum(nwords)


def _line_above(i: int, lines: Sequence[str]) -> int:
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j


def _after_furniture(i: int, lines: Sequence[str], reasons: Sequence[str | None], *, inline: bool = False) -> bool:
    """The nearest non-blank line above i was removed as furniture that closes or frames an article
    (or, with ``inline``, any furniture: an advert or a caption)."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j >= 0 and reasons[j] is not None and (inline or reasons[j] not in _INLINE_REASONS)


def _zone_follows(lines: Sequence[str], i: int, nwords: Sequence[int], reasons: Sequence[str | None]) -> bool:
    """A widget line ("- YouTube") directly followed by an unpunctuated teaser or another widget heads a block."""
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j < len(lines) and (reasons[j] is not None or not _is_terminal(lines[j]))


def _consume_zone(lines: Sequence[str], start: int, nwords: Sequence[int], reasons: list[str | None],
                  roles: Sequence[str | None], topic: _Topic) -> int:
    """Mark the block a related header introduces; return the index where the article resumes.

    Inside the block, headline-shaped lines are teasers. A paragraph is a teaser's summary
    when it shares words with the teaser headline above it that the article never uses, or
    when it shares (almost) nothing with the article; the first other paragraph ends the block.
    The article, here, is the body before the block plus the paragraphs after it that follow
    a kept paragraph (a paragraph right under a teaser or a widget may itself be a teaser).
    """
    reason = reasons[start] or "related"
    after: list[int] = []
    prev_kept = False
    for j in range(start + 1, len(lines)):
        if not lines[j].strip():
            continue
        kept_shape = reasons[j] is None and not _teaser_shaped(lines[j], nwords[j])
        if kept_shape and prev_kept:
            after.append(j)
        prev_kept = kept_shape
    if topic.judgeable():
        # Only paragraphs that are on the article's topic vouch for a paragraph in the block: other
        # teasers below it (or a second copy of it) would otherwise make it look like the article's.
        after = [j for j in after if topic.related(lines[j])]
    teaser: str | None = None  # the teaser headline or bullet right above, if any
    # The lines the block has taken so far, and lines printed twice: a doubled line in a block is a teaser.
    zone_keys: set[str] = {_key(lines[j]) for j in range(start + 1, len(lines)) if reasons[j] == "repeated"}
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if roles[i] == "tail" and _tail_can_start(nwords, i):
            return i
        shaped = _teaser_shaped(line, nwords[i])
        if reasons[i] is not None or shaped:
            zone_keys.add(_key(line))
        if reasons[i] is not None:
            # A removed teaser headline (a doubled one) still heads its summary; a widget does not.
            teaser = line if shaped and reasons[i] in _TEASER_REASONS and roles[i] != "zone" else None
            i += 1
            continue
        if shaped:
            reasons[i] = reason
            teaser = line
            i += 1
            continue
        body = _Topic()
        body.merge(topic)
        for j in after:
            if j != i:
                body.add(lines[j])
        if _key(line) in zone_keys:
            reasons[i] = reason  # a second copy of a teaser removed above
            i += 1
            continue
        if _continues(line) and not (teaser is not None and _summarises(line, teaser, body)):
            if not body.shares_nothing(line):
                return i  # the article resumes: its paragraph points back to what came before
        prose_after = sum(nwords[j] for j in after if j > i)
        if teaser is not None and prose_after >= _RESUME_PROSE_WORDS:
            # Under a teaser headline with the article's prose still to come: the teaser's summary,
            # or the article resuming after a list of links (sharing at least something with it).
            gone = _summarises(line, teaser, body) or body.shares_nothing(line)
        elif teaser is not None:
            gone = _summarises(line, teaser, body) or body.off_topic(line)
        else:
            gone = body.off_topic(line)
        if gone or nwords[i] <= _TEASER_SHORT_WORDS and not body.on_topic_strongly(line):
            reasons[i] = reason
            teaser = None
            i += 1
            continue
        return i
    return i


# Prose that follows a paragraph under a teaser headline: this much means the article goes on there.
_RESUME_PROSE_WORDS = 15
# A comments header with less text than this above it (and less than half the text) is not one.
_TAIL_MIN_WORDS = 40
_TEASER_REASONS = frozenset({"related", "repeated", "links"})


def _teaser_shaped(line: str, n_words: int) -> bool:
    """Inside a block of links, an unpunctuated line is a teaser headline (they run long) or a bullet."""
    return 0 < n_words <= _TEASER_MAX_WORDS and not _is_terminal(line) or bool(_BULLET.match(line))


def _summarises(paragraph: str, headline: str, body: _Topic) -> bool:
    """The paragraph sums up the teaser headline above it: it shares words with the headline
    that the article itself never uses."""
    head = _content_words(headline)
    words = _content_words(paragraph)
    shared = head & words
    return len(shared) >= 2 and sum(1 for w in shared if w not in body.words) >= 2


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
    if not any(reasons):
        return text, ()
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
