"""Syndicated copies: near-duplicate detection (stub: to be built)."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, Copy


def find_copies(articles: Sequence[Article]) -> tuple[Copy, ...]:
    """Every article that reprints an earlier one, with the share of text they share."""
    return ()
