"""Stage 5, reconcile each story across its sources: facts, statements, speakers, timeline, brief, framing."""
from __future__ import annotations

from .story import reconcile_story

__all__ = ["reconcile_story"]
