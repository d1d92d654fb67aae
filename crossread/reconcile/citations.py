"""The citation checker: every number and name of a brief sentence must appear in the sentences it cites.

A brief sentence (``BriefSentence``) lists ``evidence``: the (article id, sentence
index) pairs it rests on.  The check is lexical, on purpose: it cannot tell
whether a claim is *true*, only whether each figure and each name the brief
states can be found in what it cites, which is what catches a summariser that
invents a number or a person.

- Numbers: digits ("30", "10,000", "3.5%") and number words ("dozens",
  "three") are compared as values, so "3.5%" is supported by "3.5 percent".
- Names: capitalised words.  A capitalised word where any word could be
  capitalised (sentence start, after a colon or an opening quote) counts as a
  name only when the story writes it capitalised mid-sentence, or when it
  starts a run of capitalised words ("Jane Doe said").
- Source labels (outlet names, article ids) written into a sentence to attribute
  figures are citations, not claims, and are left out; so are the template words
  of the brief (``data/templates/brief.json``).

Written by hand: no library checks summary faithfulness this way offline.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Article, BriefSentence, Dossier, Story
from ..textsim import fold

__all__ = [
    "CitationCheck",
    "CitationFailure",
    "DossierCitations",
    "claims",
    "check_sentence",
    "check_brief_sentence",
    "check_story",
    "check_dossier",
    "source_labels",
    "article_label",
    "proper_vocabulary",
    "fold",
]

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# The matches of _WORD that do not open on an ASCII lower-case letter or a digit (the lookbehinds say
# where _WORD's matches start: not inside a word, nor after a word's apostrophe).
_WORD_NOT_LOWER = re.compile(r"(?<![^\W_])(?<![^\W_]['\u2019])(?![a-z0-9])[^\W_]+(?:['\u2019][^\W_]+)*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_ACRONYM_DOT = re.compile(r"(?<=\b[A-Z])\.(?=[A-Z]\b)")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# Characters after which any word may be capitalised (sentence or quotation start).
_OPENERS = set(".!?:;\"\u201c\u201d\u2018\u2019'([{\u2014\u2013-\u2026*#>\n")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    data = json.loads(resources.files("crossread").joinpath("data/brief/checker.json").read_text(encoding="utf-8"))
    templates = json.loads(resources.files("crossread").joinpath("data/templates/brief.json").read_text(encoding="utf-8"))
    template_words: set[str] = set()
    for key, value in templates.items():
        if key.startswith("_"):
            continue
        for variant in value if isinstance(value, list) else [value]:
            literal = re.sub(r"\{[^}]*\}", " ", variant)
            template_words.update(w for w in _WORD.findall(literal) if w[0].isupper())
    return {
        "number_words": {k.casefold(): float(v) for k, v in data["number_words"].items()},
        "not_names": set(data["not_names"]) | template_words,
    }




def _number_value(token: str) -> float | None:
    t = token
    if "," in t:
        parts = t.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            t = "".join(parts)  # thousands separators
        else:
            t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


def _numbers(text: str) -> dict[float, str]:
    """Values of every number in text (digits and number words), with the form first seen."""
    out: dict[float, str] = {}
    for m in _NUMBER.finditer(text):
        v = _number_value(m.group())
        if v is not None:
            out.setdefault(v, m.group())
    words = _lexicon()["number_words"]
    for m in _WORD.finditer(text):
        for piece in m.group().split("-"):
            v = words.get(piece.casefold())
            if v is not None:
                out.setdefault(v, m.group())
    return out


def _words(text: str) -> list[tuple[str, bool]]:
    """Words of text (possessive stripped), each with whether it stands where capitals are ambiguous."""
    return [(w, amb) for w, amb, _ in _spaced_words(text)]


def _spaced_words(text: str) -> list[tuple[str, bool, bool]]:
    """Like ``_words``, plus whether only spaces separate the word from the next one."""
    text = _ACRONYM_DOT.sub("", text)
    matches = list(_WORD.finditer(text))
    out = []
    for i, m in enumerate(matches):
        # the last non-space character before the word (scanning back, not slicing: texts may be long)
        j = m.start() - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        ambiguous = j < 0 or text[j] in _OPENERS
        word = _POSSESSIVE.sub("", m.group()) or m.group()
        spaced = i + 1 < len(matches) and not text[m.end() : matches[i + 1].start()].strip()
        out.append((word, ambiguous, spaced))
    return out


def proper_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Folded words the texts write capitalised where capitals are not forced (mid-sentence)."""
    vocab: set[str] = set()
    for text in texts:
        vocab |= _proper_words(text)
    return frozenset(vocab)


@lru_cache(maxsize=1024)
def _proper_words(text: str) -> frozenset[str]:
    """``proper_vocabulary`` of one text; cached because the brief and the framing both read every article."""
    # The same reading as ``_spaced_words``, but only capitalised words are looked at closely: most are not.
    text = _ACRONYM_DOT.sub("", text)
    vocab = set()
    for m in _WORD_NOT_LOWER.finditer(text):
        word = m.group()
        if not word[:1].isupper():
            continue
        j = m.start() - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j >= 0 and text[j] not in _OPENERS:
            vocab.add(fold(_POSSESSIVE.sub("", word) or word))
    return frozenset(vocab)


def _strip_labels(text: str, ignore: Sequence[str]) -> str:
    for label in sorted({x for x in ignore if x}, key=len, reverse=True):
        text = text.replace(label, " ")
    return text


def claims(text: str, *, ignore: Sequence[str] = (), proper: frozenset[str] | None = None) -> tuple[dict[float, str], list[str]]:
    """The numbers (value → as written) and names a sentence states.

    Args:
        text: the sentence.
        ignore: source labels written into the sentence (outlet names, ids); not claims.
        proper: folded words known to be names (see ``proper_vocabulary``); decides
            capitalised words at a sentence or quotation start.
    """
    text = _strip_labels(text, ignore)
    not_names = _lexicon()["not_names"]
    words = _spaced_words(text)
    names: list[str] = []
    for i, (word, ambiguous, spaced) in enumerate(words):
        if not word[:1].isupper() or word in not_names or word.isdigit():
            continue
        if ambiguous:
            nxt = words[i + 1] if spaced else None
            starts_run = nxt is not None and nxt[0][:1].isupper() and nxt[0] not in not_names
            if not (word.isupper() and len(word) > 1) and fold(word) not in (proper or ()) and not starts_run:
                continue
        if word not in names:
            names.append(word)
    return _numbers(text), names


@dataclass(frozen=True, slots=True)
class CitationCheck:
    """The outcome of checking one sentence against what it cites."""

    text: str
    missing_numbers: tuple[str, ...] = ()
    missing_names: tuple[str, ...] = ()
    no_evidence: bool = False

    @property
    def ok(self) -> bool:
        return not (self.missing_numbers or self.missing_names or self.no_evidence)


def check_sentence(
    text: str,
    cited: Sequence[str],
    *,
    ignore: Sequence[str] = (),
    proper: frozenset[str] | None = None,
) -> CitationCheck:
    """Check that every number and name of ``text`` appears in the ``cited`` sentences.

    Args:
        text: a sentence of the brief.
        cited: the texts of the sentences it cites.
        ignore: source labels written into it (outlet names, article ids).
        proper: folded known names (default: those of the cited sentences).

    Returns:
        A ``CitationCheck``; ``ok`` is true when nothing is missing.

    >>> check_sentence("Jane Roe counted 12 boats.", ["Officials said 12 boats were counted by Jane Roe."]).ok
    True
    >>> check_sentence("Jane Roe counted 14 boats.", ["Jane Roe counted 12 boats."]).missing_numbers
    ('14',)
    """
    cited = [c for c in cited if c]
    if not cited:
        return CitationCheck(text=text, no_evidence=True)
    if proper is None:
        proper = proper_vocabulary(cited)
    numbers, names = claims(text, ignore=ignore, proper=proper)
    joined = "\n".join(cited)
    have_numbers = _numbers(joined)
    have_words = set()
    for word, _ in _words(joined):
        have_words.add(fold(word))
        have_words.update(fold(p) for p in word.split("-") if p)
    missing_numbers = tuple(shown for value, shown in numbers.items() if value not in have_numbers)
    missing_names = tuple(
        n for n in names if fold(n) not in have_words and not all(fold(p) in have_words for p in n.split("-") if p)
    )
    return CitationCheck(text=text, missing_numbers=missing_numbers, missing_names=missing_names)


_TITLE_LABEL_CHARS = 30


def article_label(article: Article, position: int) -> str:
    """How reports and the brief name one article: its outlet; else its title, shortened and quoted;
    else "article N" (N: its 1-based ``position`` in the story). Never the bare file id, which reads as noise.

    >>> article_label(Article(id="x", text="", title="Ferry service resumes after a week of storms"), 2)
    '“Ferry service resumes after…”'
    >>> article_label(Article(id="x", text=""), 3)
    'article 3'
    """
    outlet = " ".join((article.outlet or "").split())
    if outlet:
        return outlet
    title = " ".join((article.title or "").split()).strip("\"'\u201c\u201d\u2018\u2019 ")
    if title:
        if len(title) > _TITLE_LABEL_CHARS:
            cut = title[: _TITLE_LABEL_CHARS + 1]
            words = cut.split()[:-1] if " " in cut else [cut[:_TITLE_LABEL_CHARS]]
            while len(words) > 1 and len(words[-1]) <= 3 and words[-1].islower():
                words.pop()  # "… after a" reads as cut off mid-phrase: end on a content word
            title = " ".join(words).rstrip(",;:.\u2013\u2014- ") + "\u2026"
        return f"\u201c{title}\u201d"
    return f"article {position}"


def source_labels(articles: Sequence[Article]) -> dict[str, str]:
    """A short, unique label per article for citing it in text (see ``article_label``).

    The one place labels are chosen: the brief's citations, the framing and every report use it.
    Two articles of one outlet get "Outlet", "Outlet (2)".
    """
    labels: dict[str, str] = {}
    used: dict[str, int] = {}
    for position, a in enumerate(articles, 1):
        base = article_label(a, position)
        used[base] = used.get(base, 0) + 1
        labels[a.id] = base if used[base] == 1 else f"{base} ({used[base]})"
    return labels


def _evidence_texts(sentence: BriefSentence, by_id: Mapping[str, Article]) -> list[str]:
    out = []
    for article_id, index in sentence.evidence:
        a = by_id.get(article_id)
        if a is not None and 0 <= index < len(a.sentences):
            out.append(a.sentence_text(a.sentences[index]))
    return out


def check_brief_sentence(
    sentence: BriefSentence,
    by_id: Mapping[str, Article],
    *,
    labels: Sequence[str] = (),
    proper: frozenset[str] | None = None,
) -> CitationCheck:
    """Check one ``BriefSentence`` against the article sentences its ``evidence`` names."""
    if not sentence.sources:
        return CitationCheck(text=sentence.text, no_evidence=True)
    return check_sentence(sentence.text, _evidence_texts(sentence, by_id), ignore=labels, proper=proper)


@dataclass(frozen=True, slots=True)
class CitationFailure:
    """A brief sentence that fails the check, and why."""

    story_id: str
    index: int
    check: CitationCheck


@dataclass(frozen=True, slots=True)
class DossierCitations:
    """The checker's verdict on a whole dossier."""

    sentences: int
    failures: tuple[CitationFailure, ...]

    @property
    def passed(self) -> int:
        return self.sentences - len(self.failures)

    @property
    def rate(self) -> float:
        return 1.0 if self.sentences == 0 else self.passed / self.sentences


def check_story(story: Story, by_id: Mapping[str, Article]) -> list[CitationFailure]:
    """Failures of one story's brief (empty when every sentence passes)."""
    articles = [by_id[i] for i in story.article_ids if i in by_id]
    labels = sorted(set(source_labels(articles).values()) | {a.id for a in articles} | {a.outlet for a in articles if a.outlet})
    proper = proper_vocabulary(a.text for a in articles)
    out = []
    for i, s in enumerate(story.summary):
        check = check_brief_sentence(s, by_id, labels=labels, proper=proper)
        if not check.ok:
            out.append(CitationFailure(story_id=story.id, index=i, check=check))
    return out


def check_dossier(dossier: Dossier, stories: Sequence[Story] | None = None) -> DossierCitations:
    """Check every brief sentence of a dossier (or of the given stories of it).

    >>> # report = check_dossier(crossread.analyze(["examples/kosovo-2023"])); report.rate == 1.0
    """
    by_id = {a.id: a for a in dossier.articles}
    chosen = dossier.stories if stories is None else stories
    failures: list[CitationFailure] = []
    total = 0
    for story in chosen:
        total += len(story.summary)
        failures.extend(check_story(story, by_id))
    return DossierCitations(sentences=total, failures=tuple(failures))
