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
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from ..model import Article, BriefSentence, Fact, FigureReport, Quote, Story
from ..options import ReportOptions
from .citations import check_sentence, fold, proper_vocabulary, source_labels
from .facts import counted_kind, readings as fact_readings
from .facts_verdict import intervals_agree

__all__ = ["build_brief", "sentence_index"]

_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_INNER_QUOTE = re.compile(r"[\"\u201c\u201d]")


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

    @cached_property
    def support_pairs(self) -> frozenset[tuple[str, int]]:
        """``support`` as (article id, sentence index) pairs; read once scoring has filled ``support``."""
        return frozenset(self.support.items())


class _Context:
    """What every part of the brief needs: articles, labels, known names, record positions."""

    def __init__(self, story: Story, articles: Sequence[Article]) -> None:
        wanted = set(story.article_ids)
        chosen = [a for a in articles if a.id in wanted] or list(articles)
        self.articles = chosen
        self.by_id = {a.id: a for a in chosen}
        self.position = {a.id: k for k, a in enumerate(chosen)}
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

    def cite_short(self, ids: Sequence[str]) -> str:
        """Like ``cite``, but past a few sources the rest are an ellipsis (the sentence's sources list them all)."""
        t = _settings()["templates"]
        ordered = self.order(ids)
        most = int(_settings().get("max_inline_sources", 4))
        if len(ordered) <= most:
            return self.cite(ordered)
        return t.get("sources_joiner", ", ").join(self.labels[i] for i in ordered[: most - 1]) + t.get("sources_more", ", …")


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


# A dateline opening a lead: "VELSBROOK, March 11 (Coastline Wire) - ", "KABUL — ", "Paris, May 2 (AFP) -- "
_DATELINE_LEAD = re.compile(
    r"^(?:[A-Z][A-Z.'’-]{2,}(?:[ -][A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?\s*(?:\([^()]{1,40}\))?"
    r"|[A-Z][a-z.'’-]+(?:[ -][A-Z][a-z.'’-]+){0,3}(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)?\s*\([^()]{1,40}\))"
    r"\s*(?:--|[-—–])\s+(?=[A-Z\"“‘'])")


def _candidates(ctx: _Context, conflict_spots: set[tuple[str, int]]) -> list[_Candidate]:
    cfg = _settings()
    out = []
    per_article = _per_article(ctx, cfg["max_candidates"])
    for a in ctx.articles:
        for i, s in enumerate(a.sentences[:per_article]):
            text = _SPACES.sub(" ", a.sentence_text(s)).strip()
            text = _DATELINE_LEAD.sub("", text, count=1)  # "VELSBROOK, March 11 (Wire) - The toll ...": the news only
            words = _words(text)
            if not (cfg["min_words"] <= len(words) <= cfg["max_words"]):
                continue
            if not _TERMINAL.search(text) or (a.id, i) in conflict_spots:
                continue
            out.append(_Candidate(article=a, index=i, text=text))
    return out


def _per_article(ctx: _Context, total: int) -> int:
    """Sentences read per article so a huge story stays within ``total`` (leads first: news front-loads)."""
    n = sum(len(a.sentences) for a in ctx.articles)
    if n <= total:
        return max((len(a.sentences) for a in ctx.articles), default=0)
    return max(3, total // max(1, len(ctx.articles)))


def _pool(ctx: _Context) -> list[tuple[str, int, str]]:
    """The sentences candidates are compared with, to find which outlets support them."""
    per_article = _per_article(ctx, _settings()["max_pool"])
    return [(a.id, i, a.sentence_text(s)) for a in ctx.articles for i, s in enumerate(a.sentences[:per_article])]


class _AccentlessTable(dict):  # type: ignore[type-arg]
    """``str.translate`` table: each character as NFKD minus combining marks, worked out on first sight.

    The same text as scikit-learn's ``strip_accents_unicode`` (NFKD decomposes character by
    character, and the reordering it also does moves only combining marks, which are dropped), at
    C speed once a character has been seen. Holds at most one entry per distinct character.
    """

    def __missing__(self, code: int) -> str:
        kept = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        self[code] = kept
        return kept


_ACCENTLESS = _AccentlessTable()


def _strip_accents(text: str) -> str:
    return text if text.isascii() else text.translate(_ACCENTLESS)


def _vectorise(texts: list[str]):  # type: ignore[no-untyped-def]
    """L2-normalised TF-IDF rows, or None when the texts have no vocabulary."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        return TfidfVectorizer(
            stop_words="english", sublinear_tf=True, strip_accents=_strip_accents, token_pattern=r"(?u)\b[^\W_][\w'-]*[^\W_]\b|\b\d+\b"
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
    sim_pool = (cand_m @ pool_m.T).toarray().astype(np.float32)
    # Candidates are pool sentences too (leads first, and the pool reads at least as far): their
    # similarities are columns of sim_pool, the same sums in the same order, so no second product.
    pool_index = {(aid, i): k for k, (aid, i, _) in enumerate(pool)}
    columns = [pool_index.get((c.article.id, c.index)) for c in cands]
    if all(k is not None for k in columns):
        sim_cand = sim_pool[:, columns]
    else:
        sim_cand = (cand_m @ cand_m.T).toarray().astype(np.float32)
    families = sorted(set(ctx.family.values()))
    dated = {(t.article_id, ctx.where(t.article_id, t)) for t in ctx.story.time_expressions if t.value}
    timeline = {tuple(x) for ev in ctx.story.timeline for x in ev.sentences}
    by_article: dict[str, list[int]] = {}
    for k, (aid, _, _) in enumerate(pool):
        by_article.setdefault(aid, []).append(k)
    centroid = np.asarray(pool_m.mean(axis=0)).ravel()
    centroid_norm = float(np.linalg.norm(centroid)) or 1.0

    # Each candidate's closest sentence in every article (ties: the earlier sentence), in one pass per
    # article: rows of `closest_k` / `closest_sim` are the articles (pool order), columns the candidates.
    pool_articles = list(by_article)
    article_row = {aid: r for r, aid in enumerate(pool_articles)}
    closest_k = np.zeros((len(pool_articles), n), dtype=np.int64)
    closest_sim = np.zeros((len(pool_articles), n), dtype=np.float32)
    for r, aid in enumerate(pool_articles):
        cols = np.asarray(by_article[aid])
        block = sim_pool[:, cols]
        pick = block.argmax(axis=1)
        closest_k[r] = cols[pick]
        closest_sim[r] = block[np.arange(n), pick]
    # Best similarity per outlet family (copies count once): the max over its articles.
    family_row = {f: r for r, f in enumerate(families)}
    family_best = np.zeros((len(families), n), dtype=np.float32)
    for r, aid in enumerate(pool_articles):
        f = family_row[ctx.family[aid]]
        np.maximum(family_best[f], closest_sim[r], out=family_best[f])
    # compared in float64, as the float32 similarities were compared one by one before
    supporting = closest_sim.astype(np.float64) >= cfg["support_similarity"]
    pool_numbers: dict[int, set[str]] = {}
    for row, c in enumerate(cands):
        own_numbers = _numbers(c.text)
        own_family = ctx.family[c.article.id]
        own_row = article_row.get(c.article.id)
        for r in np.flatnonzero(supporting[:, row]).tolist():
            if r == own_row:
                continue
            k = int(closest_k[r, row])
            if own_numbers:  # a sentence with figures is supported only by one sharing one, or stating none
                if k not in pool_numbers:
                    pool_numbers[k] = _numbers(pool[k][2])
                theirs = pool_numbers[k]
                if theirs and not own_numbers & theirs:
                    continue
            c.support[pool_articles[r]] = pool[k][1]
        for fact in agree_spots.get((c.article.id, c.index), []):
            c.facts.append(fact.id)
            for r in fact.reports:
                where = ctx.where(r.article_id, r)
                if where is not None and r.article_id != c.article.id:
                    c.support.setdefault(r.article_id, where)
        others = [f for f in families if f != own_family]
        if others:
            column = family_best[:, row].tolist()  # summed in family order, as Python floats
            own = family_row[own_family]
            centrality = sum(column[:own] + column[own + 1 :]) / len(others)
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


def _stems(text: str) -> set[str]:
    """Crude stems (first five letters) of a sentence's content words, to tell what it adds."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return {w[:5] for w in (x.casefold() for x in _words(text)) if len(w) > 2 and w not in ENGLISH_STOP_WORDS}


def _restates(a: _Candidate, b: _Candidate, pairs_a: frozenset, pairs_b: frozenset) -> bool:
    """The two sentences say the same thing: one is the other's closest match in its outlet, or both
    have the same closest match in a third one (``pairs_*``: each one's support as (article, sentence) pairs)."""
    if a.support.get(b.article.id) == b.index or b.support.get(a.article.id) == a.index:
        return True
    return any(aid != a.article.id and aid != b.article.id for aid, _ in pairs_a & pairs_b)


def _mmr(cands: list[_Candidate], sim, k: int, chosen: list[int]) -> list[int]:  # type: ignore[no-untyped-def]
    """Extend ``chosen`` (indices into cands) by maximal marginal relevance up to k picks."""
    cfg = _settings()
    lam, limit = cfg["mmr_lambda"], cfg["redundancy_similarity"]
    chosen = list(chosen)
    stems = [_stems(c.text) for c in cands]
    pairs = [c.support_pairs for c in cands]
    # Each candidate's redundancy (its max over the chosen ones) and the chosen words, kept up to date
    # pick by pick rather than recomputed over every chosen sentence on every round.
    redundancy = [0.0] * len(cands)
    said: set[str] = set()
    taken = [False] * len(cands)

    def take(j: int) -> None:
        taken[j] = True
        said.update(stems[j])
        column = sim[:, j].tolist()
        for i, c in enumerate(cands):
            if not taken[i] and redundancy[i] <= limit:  # past the limit it stays excluded: skip the work
                r = 1.0 if _restates(c, cands[j], pairs[i], pairs[j]) else column[i]
                if r > redundancy[i]:
                    redundancy[i] = r

    for j in chosen:
        take(j)
    while len(chosen) < k:
        best, best_value = None, None
        for i, c in enumerate(cands):
            if taken[i] or redundancy[i] > limit:
                continue
            covered = len(stems[i] & said) / len(stems[i]) if stems[i] else 1.0
            if covered >= cfg["covered_limit"]:
                continue
            value = lam * c.score - (1 - lam) * redundancy[i]
            if best_value is None or value > best_value + 1e-12:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        take(best)
    return chosen


# --------------------------------------------------------------------------- facts and quotes


def _families(ctx: _Context, fact: Fact) -> int:
    """Distinct outlets (copies count once) reporting a fact."""
    return len({ctx.family[r.article_id] for r in fact.reports if r.article_id in ctx.family})


def _interval(r: FigureReport) -> tuple[float, float]:
    """The values a report allows: "around 25" → (22.5, 27.5), "at least 30" → (30, inf), "700" → (700, 700)."""
    lo = r.low if r.low is not None else r.value
    hi = r.high if r.high is not None else (r.value if r.low is None else None)
    return (float(lo) if lo is not None else float("-inf"), float(hi) if hi is not None else float("inf"))


def _sides(reports: list[FigureReport]) -> list[list[FigureReport]]:
    """Split a conflict's reports into sides, one per stated value, the best-supported side first.

    "13 nautical miles" and "about 13 nautical miles" stand together against "12 nautical miles";
    "at least 30" and "more than 30" together against "around 25".  Vague readings ("dozens", no
    stated value) are left out when precise ones disagree.
    """
    precise = [r for r in reports if r.value is not None] or list(reports)
    by_value: dict[float | None, list[FigureReport]] = {}
    for r in sorted(precise, key=lambda r: (_interval(r), r.article_id, r.start)):
        by_value.setdefault(r.value, []).append(r)
    sides = list(by_value.values())
    sides.sort(key=lambda side: -len({r.article_id for r in side}))  # stable: ties keep value order
    return sides


def _disputed_core(fact: Fact) -> Fact | None:
    """The conflict told by the reports that measure what the fact measures, or None when only a stray
    makes it one.

    A fact may hold a report that names another thing ("three strong aftershocks" among counts of
    injured people) or another verb: a brief states a disagreement only when the reports naming the
    fact's own noun and verb (or naming none) still disagree, and it cites those alone.
    """
    def main(values: list[str]) -> str | None:
        return _most_common(values) or None  # type: ignore[arg-type]

    noun = main([counted_kind(r) for r in fact.reports if r.counted])
    verb = main([r.predicate for r in fact.reports if r.predicate])
    core = [r for r in fact.reports
            if (r.counted is None or noun is None or counted_kind(r) == noun)
            and (r.predicate is None or verb is None or r.predicate == verb)]
    if len(core) < 2 or intervals_agree(core):
        return None
    return fact if len(core) == len(fact.reports) else replace(fact, reports=tuple(core))


def _most_common(values: list[str | None]) -> str:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], -values.index(v)), default="")


def _fact_sentence(ctx: _Context, fact: Fact, kind: str) -> BriefSentence | None:
    """A template sentence stating an agreed or a conflicting fact, or None if none passes the checker."""
    t = _settings()["templates"]
    reports = [r for r in fact.reports if r.article_id in ctx.by_id]
    if not reports:
        return None

    def readings(rs: list[FigureReport]) -> list[str]:
        """'text (sources)' for each distinct reading, in article order (see ``facts.readings``)."""
        ordered = sorted(rs, key=lambda r: (ctx.position[r.article_id], r.start))
        return [t["report"].format(text=text, sources=ctx.cite_short([r.article_id for r in group]))
                for text, group in fact_readings(ordered)]

    stated = reports  # what the sentence states is what it cites
    if kind == "agree":
        text_reports = t["joiner_agree"].join(readings(reports))
    else:
        sides = _sides(reports)
        if kind == "evolving":
            def first_day(side: list[FigureReport]) -> str:
                days = [ctx.by_id[r.article_id].published for r in side]
                return min((d.isoformat() for d in days if d), default="9999")
            sides.sort(key=first_day)
        joiner = t.get("joiner_evolving", " → ") if kind == "evolving" else t["joiner_conflict"]
        text_reports = joiner.join(t.get("joiner_side", ", ").join(readings(side)) for side in sides)
        stated = [r for side in sides for r in side]
    evidence = []
    for r in stated:
        where = ctx.where(r.article_id, r)
        if where is not None and (r.article_id, where) not in evidence:
            evidence.append((r.article_id, where))
    fields = {
        "about": _SPACES.sub(" ", fact.about or "").strip(),
        "reports": text_reports,
        "counted": "",
        "predicate": "",
    }
    if all(r.unit is None for r in reports):
        predicate = _most_common([r.predicate for r in reports])
        carried = sum(r.predicate == predicate for r in reports)
        # "how many rifles were arrested": the verb must be most reports' own, not one stray clause's
        if predicate.endswith(("ed", "en")) and carried * 2 > len(reports):
            fields["counted"], fields["predicate"] = _most_common([r.counted for r in reports]), predicate
    for variant in t["conflict_evolving" if kind == "evolving" else kind]:
        if any("{" + k + "}" in variant and not v for k, v in fields.items()):
            continue
        text = variant.format(**fields)
        if ctx.passes(text, evidence):
            return BriefSentence(
                text=text,
                sources=ctx.order([r.article_id for r in stated]),
                kind={"agree": "fact", "evolving": "evolution"}.get(kind, "conflict"),
                evidence=tuple(evidence),
            )
    return None


def _quote_sentence(ctx: _Context) -> tuple[BriefSentence, set[tuple[str, int]]] | None:
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
        fitting = [q for q in group.quotes
                   if q.article_id in ctx.by_id and cfg["min_quote_words"] <= len(_words(q.text)) <= cfg["max_quote_words"]
                   and not _INNER_QUOTE.search(q.text.strip().strip("\"\u201c\u201d"))]  # one quotation, not two run together
        if not fitting:
            continue
        # the wording most outlets print word for word, then the longest
        chosen = max(fitting, key=lambda q: (len(_verbatim(q, group.quotes, ctx)), len(q.text), q.article_id))
        key = (len(fams), len(chosen.text))
        if best is None or key > best[0]:
            best = (key, group, arts, chosen)
    if best is None:
        return None
    _, group, arts, quote = best
    # quotation marks vouch for the words: only outlets that print them are cited for them; the
    # others carried the statement in other words and are named as such
    verbatim = _verbatim(quote, group.quotes, ctx)
    reworded = arts - verbatim
    evidence: list[tuple[str, int]] = []
    spots: set[tuple[str, int]] = set()
    name = fold(group.speaker or "")
    for q in group.quotes:
        where = ctx.where(q.article_id, q)
        if where is None:
            continue
        a = ctx.by_id[q.article_id]
        evidence.append((q.article_id, where))
        spots.add((q.article_id, where))
        if name and name not in fold(a.sentence_text(a.sentences[where])):
            # the speaker's full name stands elsewhere ("Castell said" here, "Mira Castell" earlier): cite it too
            named = [i for i, sent in enumerate(a.sentences) if name in fold(a.sentence_text(sent))]
            if named:
                evidence.append((q.article_id, min(named, key=lambda i: (abs(i - where), i))))
    text_q = _SPACES.sub(" ", quote.text).strip().strip("\"\u201c\u201d ")
    templates = _settings()["templates"]
    for variant in templates["quote_reworded"] if reworded else templates["quote"]:
        text = variant.format(speaker=group.speaker, quote=text_q, sources=ctx.cite(sorted(verbatim)),
                              others=ctx.cite(sorted(reworded)))
        if ctx.passes(text, evidence):
            return BriefSentence(text=text, sources=ctx.order(arts), kind="quote", evidence=tuple(dict.fromkeys(evidence))), spots
    return None


def _verbatim(quote: Quote, quotes: Sequence[Quote], ctx: _Context) -> set[str]:
    """The articles whose quotation holds ``quote``'s words (case, quotation marks and punctuation aside)."""
    words = " ".join(_words(quote.text.lower()))
    return {q.article_id for q in quotes if q.article_id in ctx.by_id and words in " ".join(_words(q.text.lower()))}


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
    disputes = [_disputed_core(f) for f in story.facts if f.verdict == "conflict"]
    for fact in sorted((f for f in disputes if f is not None), key=lambda f: -_families(ctx, f)):
        if _families(ctx, fact) < 2:
            continue
        if len(conflicts) >= min(cfg["max_conflicts"], max(1, budget // 2)):
            break
        s = _fact_sentence(ctx, fact, "evolving" if fact.timing == "evolving" else "conflict")
        if s is not None:
            conflicts.append(s)
    quoted = _quote_sentence(ctx) if budget - len(conflicts) >= 4 else None
    quote = quoted[0] if quoted else None

    # an agreement is worth a sentence when a good share of the outlets state it (a third, two at least)
    n_families = len(set(ctx.family.values()))
    enough = max(2, -(-n_families // 3))
    agreed = [f for f in story.facts if f.verdict == "agree" and _families(ctx, f) >= enough]
    agreed.sort(key=lambda f: -_families(ctx, f))
    room = budget - len(conflicts) - (quote is not None)
    if quoted is not None:
        conflict_spots |= quoted[1]  # the quotation is in the brief once already
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
        supporters = sorted(c.support.items(), key=lambda x: ctx.position[x[0]])
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
