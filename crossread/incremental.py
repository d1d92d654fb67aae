"""Add articles to a store's stories without recomputing everything.

New articles are cleaned and analysed; grouping starts from the stored state
(``group.stories.StoryState``): each new article joins a stored story or starts
one, and the stored stories it reaches are grouped again with it (they may
merge, or split when later reports tell two events apart; see
``group.stories``); only the stories whose membership changed are reconciled
again, and stories that no longer exist are dropped. Everything is written in one transaction at the end, so
a failed run leaves the store as it was.

This module sits at the edge with the store and the CLI: it calls the stages
and the store, never the other way round.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .clean import infer_dates
from .group.stories import StoryState, assign_to_stories
from .model import Article, ArticleAnalysis, Dossier, RawArticle, Story
from .pipeline import Pipeline
from .reconcile import reconcile_story
from .store import Store

__all__ = ["add_to_store"]


def add_to_store(
    inputs: Iterable[str | Path | RawArticle],
    store: Store,
    pipeline: Pipeline | None = None,
    *,
    progress: Callable[[str, int], None] | None = None,
) -> Dossier:
    """Ingest ``inputs`` into ``store`` incrementally and return the store's current stories.

    Articles already stored (same content) or whose id is already placed in a story
    are skipped. The returned dossier holds every current story and its articles.
    """
    pipeline = pipeline or Pipeline()
    blob = store.story_state()
    state = StoryState.from_bytes(blob) if blob else None
    placed = set(state.ids) if state is not None else set()
    fresh: list[Article] = []
    seen: set[str] = set()
    for article in pipeline.clean(pipeline.read(inputs)):
        if article.id in placed or article.id in seen or store.has(article.content_hash):
            continue
        seen.add(article.id)
        fresh.append(article)
    analyses = {x.article_id: x for x in pipeline._tick(pipeline.analyse(fresh), progress, "analyse")}

    before = {s.id: s for s in store.current_stories()}
    groups, new_state = assign_to_stories(fresh, state, pipeline.options.stories)
    changed = [g for g in groups if g.id not in before or tuple(before[g.id].article_ids) != tuple(g.article_ids)]
    dropped = sorted(set(before) - {g.id for g in groups})

    # Old members of changed stories come back from the store.
    fresh_ids = {a.id for a in fresh}
    need = sorted({i for g in changed for i in g.article_ids} - fresh_ids)
    stored = store.articles_by_id(need)
    articles: dict[str, Article] = {a.id: a for a in fresh}
    for article_id, (article, analysis) in stored.items():
        articles[article_id] = article
        analyses[article_id] = analysis or next(pipeline.analyse([article]))
    if pipeline.options.clean.infer_dates and fresh:
        members = [articles[i] for g in changed for i in g.article_ids if i in articles]
        dated = infer_dates(members, analyses, changed)
        for old, new in zip(members, dated):
            if old.published != new.published:
                articles[new.id] = new
                analyses[new.id] = next(pipeline.analyse([new]))

    reconciled: list[Story] = []
    for group in pipeline._tick(changed, progress, "reconcile"):
        group = group.replace(article_ids=tuple(i for i in group.article_ids if i in articles))
        try:
            reconciled.append(reconcile_story(group, articles, analyses, pipeline.options))
        except Exception as e:  # one story's failure must not lose the others
            pipeline._stage_failed("reconcile", group.id, e)
            reconciled.append(Story(id=group.id, title=group.title, article_ids=group.article_ids, copies=group.copies))

    new_articles = [articles[a.id] for a in fresh]
    store.save_increment(new_articles, [analyses[a.id] for a in fresh], new_state.to_bytes(), reconciled, dropped)

    current = {s.id: s for s in store.current_stories()}
    all_ids = sorted({i for s in current.values() for i in s.article_ids})
    everything = store.articles_by_id(all_ids)
    return Dossier(
        articles=tuple(everything[i][0] for i in all_ids if i in everything),
        stories=tuple(current[k] for k in sorted(current)),
        analyses=tuple(everything[i][1] for i in all_ids if i in everything and everything[i][1] is not None),
        problems=tuple(pipeline.problems),
    )
