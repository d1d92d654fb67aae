"""Align figure reports across sources into facts with a verdict (stub: to be built)."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, ArticleAnalysis, Copy, Fact


def group_facts(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                copies: Sequence[Copy] = ()) -> tuple[Fact, ...]:
    """Group the story's figure reports into facts; verdict agree / conflict / single."""
    return ()
