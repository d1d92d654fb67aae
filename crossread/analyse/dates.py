"""Time expressions resolved against an explicit anchor date (stub: to be built)."""
from __future__ import annotations

import datetime as dt

from ..model import Article, TimeExpression


def find_time_expressions(article: Article, anchor: dt.date | None = None) -> tuple[TimeExpression, ...]:
    """Every date phrase of the article resolved against ``anchor`` (default: its published date)."""
    return ()
