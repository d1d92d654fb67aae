"""Date undated articles from their content and their story (stub: to be built)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Article, ArticleAnalysis, StoryGroup


def infer_dates(articles: Sequence[Article], analyses: Mapping[str, ArticleAnalysis],
                groups: Sequence[StoryGroup]) -> tuple[Article, ...]:
    """Articles with ``published`` inferred (``published_from='inferred'``) where it was unknown."""
    return tuple(articles)
