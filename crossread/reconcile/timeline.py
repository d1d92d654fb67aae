"""The story's events in date order (stub: to be built)."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, ArticleAnalysis, TimelineEvent


def build_timeline(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis]) -> tuple[TimelineEvent, ...]:
    return ()
