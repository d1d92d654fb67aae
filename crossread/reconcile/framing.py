"""How each outlet tells the story, compared with the story's other articles.

No fixed left/right axis: each article is described by what it does differently.
``compare_framing`` returns a JSON-ready dict (``Story.framing``)::

    {"outlets": [{
        "article_id", "label", "outlet",
        "voices": [{"speaker", "quotes", "words"}],        # whom it quotes, how much
        "exclusive_voices": [...], "omitted_voices": [...],   # quoted here only / by most others, not here
        "exclusive_facts": [{"fact", "about", "text"}],       # figures only it reports
        "omitted_facts": [{"fact", "about", "reported_by"}],  # figures most others report, not it
        "exclusive_entities": [...],                          # people/bodies only it names
        "blame": [{"subject", "verb", "object", "kind", "voiced_by", "sentence"}],
        "loaded_terms": [{"term", "count", "others", "z", "evaluative"}]}],
     "blindspot": {...}}                                      # only with a groups file

Blame is read by ``framing_blame``, over-used terms by ``framing_terms``, the
blindspot by ``framing_blindspot``.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Article, ArticleAnalysis, Quote, Story
from ..options import ReportOptions
from .citations import source_labels
from .framing_blame import find_blame
from .framing_blindspot import blindspot, load_groups
from .framing_terms import overused_terms

__all__ = ["compare_framing", "add_blindspot"]

_UNATTRIBUTED = "unattributed"
_MAX_ENTITIES = 10


def _word_count(text: str) -> int:
    return len(text.split())


def _quotes_by_article(story: Story, analyses: Sequence[ArticleAnalysis]) -> dict[str, list[Quote]]:
    quotes = list(story.quotes) or [q for a in analyses for q in a.quotes]
    out: dict[str, list[Quote]] = {}
    for q in quotes:
        out.setdefault(q.article_id, []).append(q)
    return out


def _canonical_names(story: Story) -> dict[str, str]:
    names: dict[str, str] = {}
    for e in story.entities:
        for alias in (e.name, *e.aliases):
            names.setdefault(alias, e.name)
    return names


def _voices(quotes: Sequence[Quote]) -> list[dict[str, Any]]:
    tally: dict[str, list[int]] = {}
    for q in quotes:
        speaker = q.speaker or _UNATTRIBUTED
        t = tally.setdefault(speaker, [0, 0])
        t[0] += 1
        t[1] += _word_count(q.text) if q.kind == "direct" else 0
    rows = [{"speaker": None if s == _UNATTRIBUTED else s, "quotes": n, "words": w} for s, (n, w) in tally.items()]
    rows.sort(key=lambda r: (-r["words"], -r["quotes"], r["speaker"] or "~"))
    return rows


def _majority(count: int, others: int) -> bool:
    """Reported by most of the other articles (two at least)."""
    return count >= 2 and count * 2 >= others


def compare_framing(
    story: Story,
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    options: ReportOptions | None = None,
) -> dict[str, Any]:
    """Per-outlet framing of one story: voices, exclusive and omitted facts, blame, over-used terms.

    Args:
        story: the story with facts, quotes, statements and entities filled.
        articles: its articles.
        analyses: their analyses (entities, and quotes when the story has none).
        options: report options; with ``groups_file`` a ``blindspot`` section is added.

    Returns:
        A JSON-ready dict (see the module docstring); ``{}`` for a story without articles.
    """
    wanted = set(story.article_ids)
    arts = [a for a in articles if a.id in wanted] or list(articles)
    if not arts:
        return {}
    labels = source_labels(arts)
    canonical = _canonical_names(story)
    quotes = _quotes_by_article(story, analyses)
    terms = overused_terms(arts)
    ids = [a.id for a in arts]
    n_others = len(arts) - 1

    fact_articles = {f.id: {r.article_id for r in f.reports if r.article_id in wanted} for f in story.facts}
    voice_articles: dict[str, set[str]] = {}
    for aid, qs in quotes.items():
        for q in qs:
            if q.speaker:
                voice_articles.setdefault(q.speaker, set()).add(aid)
    entity_articles: dict[str, set[str]] = {}
    entity_type: dict[str, str] = {}
    for ana in analyses:
        if ana.article_id not in wanted:
            continue
        for e in ana.entities:
            if e.type in ("person", "organisation"):
                name = canonical.get(e.name, e.name)
                entity_articles.setdefault(name, set()).add(ana.article_id)
                entity_type[name] = e.type

    outlets = []
    for a in arts:
        own_quotes = sorted(quotes.get(a.id, []), key=lambda q: (q.start, q.end))
        entry: dict[str, Any] = {
            "article_id": a.id,
            "label": labels[a.id],
            "outlet": a.outlet,
            "voices": _voices(own_quotes),
            "exclusive_voices": [],
            "omitted_voices": [],
            "exclusive_facts": [],
            "omitted_facts": [],
            "exclusive_entities": [],
            "blame": find_blame(a, own_quotes, canonical),
            "loaded_terms": terms.get(a.id, []),
        }
        if n_others >= 1:
            for f in story.facts:
                holders = fact_articles[f.id]
                if holders == {a.id}:
                    text = next((r.text for r in f.reports if r.article_id == a.id), "")
                    entry["exclusive_facts"].append({"fact": f.id, "about": f.about, "text": text})
                elif a.id not in holders and _majority(len(holders), n_others):
                    entry["omitted_facts"].append({"fact": f.id, "about": f.about, "reported_by": len(holders)})
            for speaker, holders in sorted(voice_articles.items()):
                if holders == {a.id}:
                    entry["exclusive_voices"].append(speaker)
                elif a.id not in holders and _majority(len(holders), n_others):
                    entry["omitted_voices"].append(speaker)
            exclusive = [n for n, h in entity_articles.items() if h == {a.id}]
            exclusive.sort(key=lambda n: (entity_type.get(n) != "person", n))
            entry["exclusive_entities"] = exclusive[:_MAX_ENTITIES]
        outlets.append(entry)

    result: dict[str, Any] = {"outlets": outlets, "articles": ids}
    if options is not None and options.groups_file:
        result = add_blindspot(result, story, arts, load_groups(options.groups_file))
    return result


def add_blindspot(framing: dict[str, Any], story: Story, articles: Sequence[Article], groups: dict[str, str]) -> dict[str, Any]:
    """A copy of ``framing`` with its ``blindspot`` section computed for the given outlet → group map."""
    wanted = set(story.article_ids)
    arts = [a for a in articles if a.id in wanted]
    out = dict(framing)
    out["blindspot"] = blindspot(framing.get("outlets", []), story.facts, arts, groups)
    return out
