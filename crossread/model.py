"""Every record that flows between crossread's stages, defined once.

Data flows one way::

    RawArticle ──clean──▶ Article ──analyse──▶ ArticleAnalysis
                                     │
                       group ◀───────┘──▶ StoryGroup ──reconcile──▶ Story ──render──▶ dossier / report

Records are frozen, slotted dataclasses: stages build new records instead of
editing old ones, so a record can be built by hand in a test or sent to a
Dask worker.  Every record that quotes an article carries ``(article_id,
start, end)`` character offsets into the *cleaned* text (``Article.text``);
its ``text`` is ``article.text[start:end]``.

``to_dict()`` gives the JSON shape used by the store and the dossier;
``from_dict()`` reverses it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "RawArticle",
    "Removed",
    "Sentence",
    "Article",
    "Entity",
    "Quote",
    "FigureReport",
    "TimeExpression",
    "ArticleAnalysis",
    "Copy",
    "StoryGroup",
    "Fact",
    "StatementGroup",
    "TimelineEvent",
    "BriefSentence",
    "Story",
    "Problem",
    "Dossier",
    "DOSSIER_SCHEMA",
]

DOSSIER_SCHEMA = "crossread.dossier/1"

PublishedFrom = Literal["metadata", "text", "inferred"]


def _encode(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value.to_dict()  # type: ignore[attr-defined]
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


class _Record:
    """Mixin: dict round-trip for frozen dataclasses (JSON-ready values)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _encode(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):  # type: ignore[no-untyped-def]
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name not in data:
                continue
            kwargs[f.name] = _decode(hints[f.name], data[f.name])
        return cls(**kwargs)

    def replace(self, **changes: Any):  # type: ignore[no-untyped-def]
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        non_none = [a for a in args if a is not type(None)]
        for a in non_none:
            try:
                return _decode(a, value)
            except (TypeError, ValueError):
                continue
        return value
    if origin is tuple:
        inner = args[0] if args else Any
        return tuple(_decode(inner, v) for v in value)
    if origin is dict:
        return dict(value)
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if hint is dt.date:
        if isinstance(value, str):
            return dt.date.fromisoformat(value[:10])
        return value
    if isinstance(hint, type) and issubclass(hint, _Record):
        return hint.from_dict(value)
    if hint is float and isinstance(value, int):
        return float(value)
    return value


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True)
class RawArticle(_Record):
    """One input record as read, before cleaning (the dossier spec's input record)."""

    id: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # as given: YYYY-MM-DD or ISO time
    title: str | None = None
    author: str | None = None
    source: str = ""  # file path (and ":line" for JSON lines) it came from


# --------------------------------------------------------------------------- clean


@dataclass(frozen=True, slots=True)
class Removed(_Record):
    """A span cut from the article as boilerplate, kept so a user can audit it."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence(_Record):
    """A sentence of the cleaned text: offsets into ``Article.text``."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Article(_Record):
    """A cleaned article: the body every later stage reads, with its metadata."""

    id: str
    text: str
    sentences: tuple[Sentence, ...] = ()
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom | None = None
    updated: dt.date | None = None
    published_evidence: tuple[str, ...] = ()  # why we believe ``published`` (for text/inferred)
    removed: tuple[Removed, ...] = ()
    credits: tuple[str, ...] = ()  # sources a sign-off credits ("Reuters contributed to this report")
    content_hash: str = ""
    source: str = ""

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence holding character ``offset``, or None."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None


# --------------------------------------------------------------------------- analyse


@dataclass(frozen=True, slots=True)
class Entity(_Record):
    """A person, organisation or place named in one article, with every mention."""

    name: str  # canonical name within the article ("Albin Kurti")
    type: Literal["person", "organisation", "place", "country", "other"]
    aliases: tuple[str, ...] = ()  # every surface form seen ("Kurti", "Albin Kurti")
    roles: tuple[str, ...] = ()  # "prime minister of Kosovo"
    mentions: tuple[tuple[int, int], ...] = ()  # (start, end) offsets
    # Story-level entities only (reconcile): the articles naming it; their ``mentions`` stay empty,
    # since offsets mean nothing across articles.
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    """A direct quotation (or, with kind='indirect', reported speech) in one article."""

    article_id: str
    start: int
    end: int
    text: str  # the words inside the quotation marks
    speaker: str | None = None  # canonical name when known
    speaker_text: str | None = None  # the words that name the speaker here ("the diplomat")
    kind: Literal["direct", "indirect"] = "direct"
    sentence: int | None = None


@dataclass(frozen=True, slots=True)
class FigureReport(_Record):
    """A number that counts or measures something, as one article reports it."""

    article_id: str
    start: int
    end: int
    text: str  # "at least 30 peacekeepers"
    value: float | None  # the number stated; None for "dozens"
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # "at least", "about", ... or None for exact
    unit: str | None = None  # "percent", "USD", "mile", ...
    counted: str | None = None  # head noun: "peacekeepers"
    predicate: str | None = None  # "injured"
    sentence: int | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression(_Record):
    """A date phrase resolved to a day (YYYY-MM-DD) or span (YYYY-MM-DD/YYYY-MM-DD)."""

    article_id: str
    start: int
    end: int
    text: str
    value: str | None  # None when it cannot be resolved
    granularity: Literal["day", "week", "month", "quarter", "year", "span"] | None = None
    anchor: str | None = None  # "published", "previous", ... what it was resolved against
    sentence: int | None = None
    # Which part of ``value`` the phrase means: "start" ("early May"), "mid", "end", "before"/"after"
    # ("earlier this week" when it cannot be narrowed), "approx" ("about two years ago"); None: all of it.
    modifier: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis(_Record):
    """Everything read out of one article."""

    article_id: str
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[FigureReport, ...] = ()
    times: tuple[TimeExpression, ...] = ()


# --------------------------------------------------------------------------- group


@dataclass(frozen=True, slots=True)
class Copy(_Record):
    """A syndicated copy: ``article_id`` reprints ``original_id``, sharing ``shared`` of its text."""

    article_id: str
    original_id: str
    shared: float


@dataclass(frozen=True, slots=True)
class StoryGroup(_Record):
    """The output of grouping: which articles cover one event (before reconciliation)."""

    id: str
    article_ids: tuple[str, ...]
    title: str | None = None
    copies: tuple[Copy, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    outlets: tuple[str, ...] = ()  # distinct outlet names of the articles, sorted
    reports: int | None = None  # distinct reports: articles minus syndicated copies


# --------------------------------------------------------------------------- reconcile


@dataclass(frozen=True, slots=True)
class Fact(_Record):
    """One quantity of the world with every report of it across the story."""

    id: str
    about: str
    verdict: Literal["agree", "conflict", "single"]
    reports: tuple[FigureReport, ...]
    timing: Literal["evolving", "contemporaneous"] | None = None  # for conflicts
    note: str | None = None


@dataclass(frozen=True, slots=True)
class StatementGroup(_Record):
    """One statement by one speaker, rendered in several wordings across articles."""

    id: str
    speaker: str | None
    quotes: tuple[Quote, ...]
    text: str | None = None  # the fullest wording, shown as the statement's headline
    article_ids: tuple[str, ...] = ()  # articles carrying a wording, in story order
    outlets: tuple[str, ...] = ()  # their outlets (unique, same order; unknown outlets left out)


@dataclass(frozen=True, slots=True)
class TimelineEvent(_Record):
    """Something that happened on a date, with the sentences that report it."""

    date: str  # YYYY-MM-DD or span
    text: str
    article_ids: tuple[str, ...]
    sentences: tuple[tuple[str, int], ...] = ()  # (article_id, sentence index)
    disputed: bool = False
    id: str | None = None  # stable within a story ("ev-" + hash of its first report)
    outlets: tuple[str, ...] = ()  # outlets of ``article_ids`` (unique; unknown outlets left out)
    times: tuple[TimeExpression, ...] = ()  # the phrases that date it, one per report: who says when
    background: bool = False  # long before the story (or only a vague year/month): context, not news


@dataclass(frozen=True, slots=True)
class BriefSentence(_Record):
    """A sentence of the brief and the articles it rests on."""

    text: str
    sources: tuple[str, ...]
    kind: Literal["extract", "fact", "conflict", "evolution", "quote"] = "extract"
    evidence: tuple[tuple[str, int], ...] = ()  # (article_id, sentence index) it was checked against
    rewritten: bool = False  # True when an LLM reworded it (then checked again against ``evidence``)


@dataclass(frozen=True, slots=True)
class Story(_Record):
    """A reconciled story: the grouping plus what its articles agree and disagree on."""

    id: str
    title: str | None
    article_ids: tuple[str, ...]
    copies: tuple[Copy, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    outlets: tuple[str, ...] = ()  # distinct outlets, sorted
    reports: int | None = None  # distinct reports: articles minus syndicated copies
    facts: tuple[Fact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements: tuple[StatementGroup, ...] = ()
    entities: tuple[Entity, ...] = ()  # canonical across the story
    time_expressions: tuple[TimeExpression, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    summary: tuple[BriefSentence, ...] = ()
    framing: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- run


@dataclass(frozen=True, slots=True)
class Problem(_Record):
    """Something that went wrong with one input; the run goes on without it."""

    code: str  # stable code, e.g. "E101"
    source: str  # file path, "path:line" or record id
    message: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Dossier(_Record):
    """The whole result of a run: what ``render.dossier`` turns into the JSON contract."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    analyses: tuple[ArticleAnalysis, ...] = ()
    problems: tuple[Problem, ...] = ()

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)
