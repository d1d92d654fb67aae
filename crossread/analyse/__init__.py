"""Stage 3, analyse each article: entities, quotes, figures, time expressions.

``analyse_article`` is the stage's front door; each reader lives in its own module.
"""
from __future__ import annotations

from ..model import Article, ArticleAnalysis
from .dates import find_time_expressions
from .entities import find_entities
from .figures import find_figures
from .quotes import find_quotes

__all__ = ["analyse_article", "find_entities", "find_quotes", "find_figures", "find_time_expressions"]


def analyse_article(article: Article) -> ArticleAnalysis:
    """Read everything crossread needs out of one cleaned article."""
    entities = find_entities(article)
    return ArticleAnalysis(
        article_id=article.id,
        entities=entities,
        quotes=find_quotes(article, entities),
        figures=find_figures(article),
        times=find_time_expressions(article),
    )
