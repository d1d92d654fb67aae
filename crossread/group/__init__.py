"""Stage 4, group articles into stories and mark syndicated copies.

``group_stories`` groups a batch; ``assign_to_stories`` adds articles to stories kept in a
``StoryState`` (the store's incremental mode); ``find_copies`` lists syndicated reprints.
"""
from __future__ import annotations

from .stories import StoryState, assign_to_stories, group_stories
from .syndication import find_copies

__all__ = ["group_stories", "assign_to_stories", "StoryState", "find_copies"]
