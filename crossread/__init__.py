"""crossread: read many outlets' coverage of the same events and tell what is corroborated,
what is disputed and who said what — every line cited back to the sentence it came from.

>>> import crossread
>>> dossier = crossread.analyze(["examples/kosovo-2023"])     # doctest: +SKIP
"""
from __future__ import annotations

from .errors import CrossreadError, FetchError, InputError, OptionsError, StageError, StoreError
from .model import Article, ArticleAnalysis, Dossier, Problem, RawArticle, Story
from .options import Options
from .pipeline import Pipeline, analyze

__version__ = "0.1.0"

__all__ = [
    "analyze",
    "Pipeline",
    "Options",
    "Dossier",
    "Story",
    "Article",
    "ArticleAnalysis",
    "RawArticle",
    "Problem",
    "CrossreadError",
    "InputError",
    "OptionsError",
    "FetchError",
    "StoreError",
    "StageError",
    "__version__",
]
