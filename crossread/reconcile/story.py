"""Reconcile one story: the stage's front door, calling each reconciler in turn."""
from __future__ import annotations

from collections.abc import Mapping

from ..model import Article, ArticleAnalysis, Story, StoryGroup
from ..options import Options
from .brief import build_brief
from .facts import group_facts
from .framing import compare_framing
from .statements import canonical_entities, group_statements, resolve_speakers
from .timeline import build_timeline


def reconcile_story(
    group: StoryGroup,
    articles: Mapping[str, Article],
    analyses: Mapping[str, ArticleAnalysis],
    options: Options | None = None,
) -> Story:
    """Turn a group of articles and what was read from each into a reconciled ``Story``."""
    options = options or Options()
    arts = [articles[i] for i in group.article_ids]
    anas = [analyses[i] for i in group.article_ids if i in analyses]
    entities = canonical_entities(arts, anas)
    quotes = resolve_speakers([q for a in anas for q in a.quotes], entities)
    times = tuple(t for a in anas for t in a.times)
    dates = [a.published for a in arts if a.published is not None]  # after undated articles were dated
    story = Story(
        id=group.id,
        title=group.title,
        article_ids=group.article_ids,
        copies=group.copies,
        start=min(dates) if dates else group.start,
        end=max(dates) if dates else group.end,
        outlets=group.outlets,
        reports=group.reports,
        facts=group_facts(arts, anas, group.copies),
        quotes=quotes,
        statements=group_statements(quotes, arts),
        entities=entities,
        time_expressions=times,
        timeline=build_timeline(arts, anas),
    )
    story = story.replace(framing=compare_framing(story, arts, anas, options.report))
    return story.replace(summary=build_brief(story, arts, options.report))
