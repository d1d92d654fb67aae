"""Stage 4, group articles into stories and mark syndicated copies."""
from __future__ import annotations

from .stories import group_stories
from .syndication import find_copies

__all__ = ["group_stories", "find_copies"]
