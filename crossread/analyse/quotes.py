"""Direct quotations and their speakers (stub: to be built)."""
from __future__ import annotations

from ..model import Article, Entity, Quote


def find_quotes(article: Article, entities: tuple[Entity, ...] = ()) -> tuple[Quote, ...]:
    """Every direct quotation (and, as kind='indirect', reported speech) with its speaker."""
    return ()
