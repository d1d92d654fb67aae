"""Story clustering (stub: every article a story of its own until the real clustering lands)."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, ArticleAnalysis, StoryGroup
from ..options import StoryOptions
from .syndication import find_copies


def group_stories(
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis] = (),
    options: StoryOptions | None = None,
) -> tuple[StoryGroup, ...]:
    """Group articles into stories: every article lands in exactly one group, ordered deterministically."""
    options = options or StoryOptions()
    copies = find_copies(articles) if options.detect_copies else ()
    groups = []
    for a in sorted(articles, key=lambda a: a.id):
        groups.append(StoryGroup(id=f"s-{a.id}", article_ids=(a.id,), title=a.title,
                                 copies=tuple(c for c in copies if c.article_id == a.id),
                                 start=a.published, end=a.published))
    return tuple(groups)
