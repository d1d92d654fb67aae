"""How each outlet tells the story (stub: to be built)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Article, ArticleAnalysis, Story


def compare_framing(story: Story, articles: Sequence[Article], analyses: Sequence[ArticleAnalysis]) -> dict[str, Any]:
    return {}
