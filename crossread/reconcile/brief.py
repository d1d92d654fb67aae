"""The brief: a few sentences per story, each citing every article that supports it.

Extractive by default.  Sentences are taken from the articles and ranked by

- *centrality across outlets*: TF-IDF cosine to the closest sentence of each
  other outlet (LexRank's idea, measured across sources rather than within one);
- *support*: how many other outlets carry a close sentence (those become its
  citations too);
- *coverage*: the sentence carries a figure of the story's facts, a dated
  phrase, a timeline event;
- a small lead bias, and penalties for sentences that lean on their neighbours
  ("He added ...") or are mostly quotation;

then picked with maximal marginal relevance (MMR) so no two say the same.
Reconciled facts become sentences from templates (``data/templates/brief.json``):
agreements cite every outlet that reports them, conflicts are stated as
conflicts ("Outlets disagree on ...: around 25 (A) vs more than 30 (B, C)").
Sentences taken from an article that state one side of a conflict are left out:
the conflict sentence says it better.

Order: corroborated sentences first, then conflicts, then the most repeated
statement, then what one outlet alone reports.  Every sentence passes the
citation checker (``citations.py``) before it is kept.

With ``ReportOptions.llm_url`` the extractive brief is rewritten by an
OpenAI-compatible endpoint (``brief_llm.py``), and every rewritten sentence is
checked again.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Article, BriefSentence, Fact, FigureReport, Story
from ..options import ReportOptions
from .citations import check_sentence, proper_vocabulary, source_labels

__all__ = ["build_brief", "sentence_index"]

_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    root = resources.files("crossread").joinpath("data")
    settings = json.loads(root.joinpath("brief/extract.json").read_text(encoding="utf-8"))
    settings["context_openers"] = frozenset(settings["context_openers"])
    settings["templates"] = json.loads(root.joinpath("templates/brief.json").read_text(encoding="utf-8"))
    return settings


def sentence_index(article: Article, record: Any) -> int | None:
    """Index of the article sentence holding a record (its ``sentence`` field, else its start offset)."""
    index = getattr(record, "sentence", None)
    if isinstance(index, int) and 0 <= index < len(article.sentences):
        return index
    start = getattr(record, "start", None)
    return article.sentence_at(start) if isinstance(start, int) else None


@dataclass
class _Candidate:
    article: Article
    index: int
    text: str
    score: float = 0.0
    support: dict[str, int] = field(default_factory=dict)  # supporting article id -> its sentence index
    families: int = 1  # distinct outlets (copies count once) carrying it
    facts: list[str] = field(default_factory=list)  # ids of agreed facts it states


class _Context:
    """What every part of the brief needs: articles, labels, known names, record positions."""

    def __init__(self, story: Story, articles: Sequence[Article]) -> None:
        wanted = set(story.article_ids)
        chosen = [a for a in articles if a.id in wanted] or list(articles)
        self.articles = chosen
        self.by_id = {a.id: a for a in chosen}
        self.story = story
        self.labels = source_labels(chosen)
        self.ignore = sorted(set(self.labels.values()) | set(self.by_id) | {a.outlet for a in chosen if a.outlet})
        self.proper = proper_vocabulary(a.text for a in chosen)
        original = {c.article_id: c.original_id for c in story.copies}
        self.family = {a.id: original.get(a.id, a.id) for a in chosen}

    def where(self, article_id: str, record: Any) -> int | None:
        a = self.by_id.get(article_id)
        return None if a is None else sentence_index(a, record)

    def passes(self, text: str, evidence: Sequence[tuple[str, int]]) -> bool:
        cited = [self.by_id[a].sentence_text(self.by_id[a].sentences[i]) for a, i in evidence if a in self.by_id]
        return check_sentence(text, cited, ignore=self.ignore, proper=self.proper).ok

    def order(self, ids: set[str] | Sequence[str]) -> tuple[str, ...]:
        wanted = set(ids)
        return tuple(a.id for a in self.articles if a.id in wanted)

    def cite(self, ids: Sequence[str]) -> str:
        joiner = _settings()["templates"].get("sources_joiner", ", ")
        return joiner.join(self.labels[i] for i in self.order(ids))


def build_brief(story: Story, articles: Sequence[Article], options: ReportOptions | None = None) -> tuple[BriefSentence, ...]:
    """The story's brief: ``options.brief_sentences`` sentences at most, every one citing its articles.

    Args:
        story: the reconciled story (facts, quotes, statements, timeline already filled).
        articles: the story's articles (others are ignored).
        options: report options; ``llm_url`` turns on the checked LLM rewrite.

    Returns:
        Brief sentences in reading order; empty when the story has no usable sentence.
    """
    options = options or ReportOptions()
    ctx = _Context(story, articles)
    brief = _extractive(ctx, max(1, options.brief_sentences))
    if options.llm_url and brief:
        from .brief_llm import rewrite_brief

        brief = rewrite_brief(brief, ctx.articles, options, ignore=ctx.ignore, proper=ctx.proper)
    return brief


# --------------------------------------------------------------------------- candidates


def _words(text: str) -> list[str]:
    return _FIRST_WORD.findall(text)


def _candidates(ctx: _Context, conflict_spots: set[tuple[str, int]]) -> list[_Candidate]:
    cfg = _settings()
    out = []
    for a in ctx.articles:
        for i, s in enumerate(a.sentences):
            text = _SPACES.sub(" ", a.sentence_text(s)).strip()
            words = _words(text)
            if not (cfg["min_words"] <= len(words) <= cfg["max_words"]):
                continue
            if not _TERMINAL.search(text) or (a.id, i) in conflict_spots:
                continue
            out.append(_Candidate(article=a, index=i, text=text))
    return out


def _pool(ctx: _Context) -> list[tuple[str, int, str]]:
    return [(a.id, i, a.sentence_text(s)) for a in ctx.articles for i, s in enumerate(a.sentences)]


def _vectorise(texts: list[str]):  # type: ignore[no-untyped-def]
    """L2-normalised TF-IDF rows, or None when the texts have no vocabulary."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        return TfidfVectorizer(
            stop_words="english", sublinear_tf=True, strip_accents="unicode", token_pattern=r"(?u)\b[^\W_][\w'-]*[^\W_]\b|\b\d+\b"
        ).fit_transform(texts)
    except ValueError:  # empty vocabulary: only stop words or no text
        return None


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _DIGITS.findall(text)}


def _score(ctx: _Context, cands: list[_Candidate], agree_spots: dict[tuple[str, int], list[Fact]]):  # type: ignore[no-untyped-def]
    """Fill each candidate's score and support; return the candidate × candidate similarity matrix."""
    import numpy as np

    cfg = _settings()
    pool = _pool(ctx)
    matrix = _vectorise([c.text for c in cands] + [p[2] for p in pool])
    n = len(cands)
    if matrix is None:
        for c in cands:
            c.score = 1.0 / (1 + c.index)
        return np.eye(n)
    cand_m, pool_m = matrix[:n], matrix[n:]
    sim_pool = (cand_m @ pool_m.T).toarray()
    sim_cand = (cand_m @ cand_m.T).toarray()
    families = sorted(set(ctx.family.values()))
    dated = {(t.article_id, ctx.where(t.article_id, t)) for t in ctx.story.time_expressions if t.value}
    timeline = {tuple(x) for ev in ctx.story.timeline for x in ev.sentences}
    by_article: dict[str, list[int]] = {}
    for k, (aid, _, _) in enumerate(pool):
        by_article.setdefault(aid, []).append(k)
    centroid = np.asarray(pool_m.mean(axis=0)).ravel()
    centroid_norm = float(np.linalg.norm(centroid)) or 1.0

    for row, c in enumerate(cands):
        own_numbers = _numbers(c.text)
        best_per_family: dict[str, float] = {}
        for aid, ks in by_article.items():
            if aid == c.article.id:
                continue
            k = max(ks, key=lambda j: (sim_pool[row, j], -j))
            sim = float(sim_pool[row, k])
            fam = ctx.family[aid]
            if fam != ctx.family[c.article.id]:
                best_per_family[fam] = max(best_per_family.get(fam, 0.0), sim)
            theirs = _numbers(pool[k][2])
            if sim >= cfg["support_similarity"] and not (own_numbers and theirs and not own_numbers & theirs):
                c.support[aid] = pool[k][1]
        for fact in agree_spots.get((c.article.id, c.index), []):
            c.facts.append(fact.id)
            for r in fact.reports:
                where = ctx.where(r.article_id, r)
                if where is not None and r.article_id != c.article.id:
                    c.support.setdefault(r.article_id, where)
        others = [f for f in families if f != ctx.family[c.article.id]]
        if others:
            centrality = sum(best_per_family.get(f, 0.0) for f in others) / len(others)
        else:
            centrality = float(cand_m[row].toarray().ravel() @ centroid) / centroid_norm
        c.families = len({ctx.family[a] for a in c.support} | {ctx.family[c.article.id]})
        support_share = (c.families - 1) / len(others) if others else 0.0
        coverage = 0.0
        if c.facts or (c.article.id, c.index) in agree_spots:
            coverage += 0.5
        if (c.article.id, c.index) in dated:
            coverage += 0.25
        if (c.article.id, c.index) in timeline:
            coverage += 0.25
        position = 1.0 / (1.0 + c.index / 3.0)
        score = 0.45 * centrality + 0.25 * support_share + 0.15 * min(coverage, 1.0) + 0.15 * position
        first = _words(c.text)[:1]
        if first and first[0].casefold() in cfg["context_openers"]:
            score *= 0.6
        quoted = sum(len(m.group()) for m in _QUOTED.finditer(c.text))
        if quoted > 0.5 * len(c.text):
            score *= 0.5
        c.score = score
    return sim_cand


def _mmr(cands: list[_Candidate], sim, k: int, chosen: list[int]) -> list[int]:  # type: ignore[no-untyped-def]
    """Extend ``chosen`` (indices into cands) by maximal marginal relevance up to k picks."""
    cfg = _settings()
    lam, limit = cfg["mmr_lambda"], cfg["redundancy_similarity"]
    chosen = list(chosen)
    while len(chosen) < k:
        best, best_value = None, None
        for i, c in enumerate(cands):
            if i in chosen:
                continue
            redundancy = max((float(sim[i, j]) for j in chosen), default=0.0)
            if redundancy > limit:
                continue
            value = lam * c.score - (1 - lam) * redundancy
            if best_value is None or value > best_value + 1e-12:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
    return chosen


# --------------------------------------------------------------------------- facts and quotes


def _reading(r: FigureReport) -> tuple:
    return (r.value, r.low, r.high, (r.qualifier or "").casefold(), (r.unit or "").casefold())


def _fact_sentence(ctx: _Context, fact: Fact, kind: str) -> BriefSentence | None:
    """A template sentence stating an agreed or a conflicting fact, or None if none passes the checker."""
    t = _settings()["templates"]
    groups: dict[tuple, list[FigureReport]] = {}
    for r in fact.reports:
        if r.article_id in ctx.by_id:
            groups.setdefault(_reading(r), []).append(r)
    if not groups:
        return None

    def first_seen(rs: list[FigureReport]) -> tuple:
        a = ctx.by_id[rs[0].article_id]
        return (a.published.isoformat() if (kind == "evolving" and a.published) else "", ctx.articles.index(a))

    ordered = sorted(groups.values(), key=first_seen)
    parts = []
    for rs in ordered:
        text = _SPACES.sub(" ", rs[0].text).strip()
        parts.append(t["report"].format(text=text, sources=ctx.cite([r.article_id for r in rs])))
    joiner = t["joiner_agree"] if kind == "agree" else t["joiner_conflict"]
    reports = joiner.join(parts)
    evidence = []
    for r in fact.reports:
        where = ctx.where(r.article_id, r)
        if where is not None and (r.article_id, where) not in evidence:
            evidence.append((r.article_id, where))
    about = _SPACES.sub(" ", fact.about or "").strip()
    for variant in t["conflict_evolving" if kind == "evolving" else kind]:
        if "{about}" in variant and not about:
            continue
        text = variant.format(about=about, reports=reports)
        if ctx.passes(text, evidence):
            return BriefSentence(
                text=text,
                sources=ctx.order([r.article_id for r in fact.reports]),
                kind="fact" if kind == "agree" else "conflict",
                evidence=tuple(evidence),
            )
    return None


def _quote_sentence(ctx: _Context) -> BriefSentence | None:
    """The statement most outlets carry (two at least), as a quote sentence."""
    cfg = _settings()
    best = None
    for group in ctx.story.statements:
        if not group.speaker:
            continue
        arts = {q.article_id for q in group.quotes if q.article_id in ctx.by_id}
        fams = {ctx.family[a] for a in arts}
        if len(fams) < 2:
            continue
        short = [q for q in group.quotes if q.article_id in ctx.by_id and len(_words(q.text)) <= cfg["max_quote_words"]]
        if not short:
            continue
        key = (len(fams), -min(len(q.text) for q in short))
        if best is None or key > best[0]:
            best = (key, group, arts, min(short, key=lambda q: (len(q.text), q.article_id)))
    if best is None:
        return None
    _, group, arts, quote = best
    evidence: list[tuple[str, int]] = []
    last = (group.speaker or "").split()[-1:] or [""]
    for q in group.quotes:
        where = ctx.where(q.article_id, q)
        if where is None:
            continue
        a = ctx.by_id[q.article_id]
        evidence.append((q.article_id, where))
        for near in (where - 1, where + 1):  # the speaker is often named in the next or previous sentence
            if 0 <= near < len(a.sentences) and last[0] and last[0] in a.sentence_text(a.sentences[near]):
                evidence.append((q.article_id, near))
    text_q = _SPACES.sub(" ", quote.text).strip().strip("\"\u201c\u201d ")
    for variant in _settings()["templates"]["quote"]:
        text = variant.format(speaker=group.speaker, quote=text_q, sources=ctx.cite(sorted(arts)))
        if ctx.passes(text, evidence):
            return BriefSentence(text=text, sources=ctx.order(arts), kind="quote", evidence=tuple(dict.fromkeys(evidence)))
    return None


# --------------------------------------------------------------------------- assembly


def _extractive(ctx: _Context, budget: int) -> tuple[BriefSentence, ...]:
    cfg = _settings()
    story = ctx.story
    conflict_spots: set[tuple[str, int]] = set()
    agree_spots: dict[tuple[str, int], list[Fact]] = {}
    for fact in story.facts:
        for r in fact.reports:
            where = ctx.where(r.article_id, r)
            if where is None:
                continue
            if fact.verdict == "conflict":
                conflict_spots.add((r.article_id, where))
            elif fact.verdict == "agree":
                agree_spots.setdefault((r.article_id, where), []).append(fact)

    conflicts = []
    for fact in story.facts:
        if fact.verdict != "conflict" or len(conflicts) >= min(cfg["max_conflicts"], max(1, budget // 2)):
            continue
        s = _fact_sentence(ctx, fact, "evolving" if fact.timing == "evolving" else "conflict")
        if s is not None:
            conflicts.append(s)
    quote = _quote_sentence(ctx) if budget - len(conflicts) >= 4 else None

    agreed = [f for f in story.facts if f.verdict == "agree" and len({ctx.family.get(r.article_id, r.article_id) for r in f.reports}) >= 2]
    room = budget - len(conflicts) - (quote is not None)
    cands = _candidates(ctx, conflict_spots)
    extracts: list[_Candidate] = []
    if cands and room > 0:
        sim = _score(ctx, cands, agree_spots)
        planned_agree = min(len(agreed), cfg["max_agreements"], max(0, room - 3))
        picks = _mmr(cands, sim, room - planned_agree, [])
        covered = {fid for i in picks for fid in cands[i].facts}
        agreed = [f for f in agreed if f.id not in covered]
        free = room - len(picks) - min(len(agreed), planned_agree)
        if free > 0:
            picks = _mmr(cands, sim, len(picks) + free, picks)
        extracts = [cands[i] for i in picks]
    room_agree = max(0, room - len(extracts))
    fact_sentences = [s for s in (_fact_sentence(ctx, f, "agree") for f in agreed[:room_agree]) if s is not None]

    out_extracts = []
    for c in extracts:
        supporters = sorted(c.support.items(), key=lambda x: ctx.articles.index(ctx.by_id[x[0]]))
        evidence = [(c.article.id, c.index)] + supporters
        if not ctx.passes(c.text, evidence):
            continue
        out_extracts.append(
            (c, BriefSentence(text=c.text, sources=(c.article.id,) + tuple(a for a in ctx.order(c.support) if a != c.article.id),
                              kind="extract", evidence=tuple(evidence)))
        )
    corroborated = sorted((x for x in out_extracts if x[0].families >= 2), key=lambda x: (-x[0].families, -x[0].score))
    single = sorted((x for x in out_extracts if x[0].families < 2), key=lambda x: -x[0].score)
    ordered = [s for _, s in corroborated] + fact_sentences + conflicts + ([quote] if quote else []) + [s for _, s in single]
    return tuple(ordered[:budget])
