"""Options: one frozen value with a sub-object per stage, validated once.

Built in this order: packaged defaults, then keyword arguments or CLI flags
(the CLI and the API build it the same way, through ``Options.build``).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import OptionsError

__all__ = ["Options", "CleanOptions", "StoryOptions", "ReportOptions"]


@dataclass(frozen=True, slots=True)
class CleanOptions:
    keep_boilerplate: bool = False  # turn boilerplate removal off
    infer_dates: bool = True  # date undated articles from their content


@dataclass(frozen=True, slots=True)
class StoryOptions:
    threshold: float | None = None  # None: the tuned default shipped in the package
    detect_copies: bool = True


@dataclass(frozen=True, slots=True)
class ReportOptions:
    llm_url: str | None = None  # OpenAI-compatible endpoint that may rewrite the brief
    llm_model: str = "default"
    groups_file: Path | None = None  # outlet -> group mapping for the blindspot view
    brief_sentences: int = 8


@dataclass(frozen=True, slots=True)
class Options:
    clean: CleanOptions = field(default_factory=CleanOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    report: ReportOptions = field(default_factory=ReportOptions)
    strict: bool = False  # re-raise instead of recording a Problem
    allow_private_urls: bool = False  # the fetcher refuses private/loopback hosts unless set

    def __post_init__(self) -> None:
        t = self.stories.threshold
        if t is not None and not 0.0 < t < 1.0:
            raise OptionsError(f"stories.threshold must lie in (0, 1), got {t!r}")
        if self.report.brief_sentences < 1:
            raise OptionsError("report.brief_sentences must be at least 1")

    @classmethod
    def build(cls, **flat: Any) -> "Options":
        """Build from flat keyword names: ``keep_boilerplate=True``, ``llm_url=...``, ``strict=True``.

        Unknown names raise ``OptionsError`` naming them.
        """
        subs = {"clean": CleanOptions, "stories": StoryOptions, "report": ReportOptions}
        parts: dict[str, dict[str, Any]] = {k: {} for k in subs}
        top: dict[str, Any] = {}
        top_names = {f.name for f in dataclasses.fields(cls)} - set(subs)
        for name, value in flat.items():
            if value is None:
                continue
            if name in top_names:
                top[name] = value
                continue
            for sub, klass in subs.items():
                if name in {f.name for f in dataclasses.fields(klass)}:
                    parts[sub][name] = value
                    break
            else:
                raise OptionsError(f"unknown option {name!r}")
        return cls(**{k: subs[k](**v) for k, v in parts.items()}, **top)
