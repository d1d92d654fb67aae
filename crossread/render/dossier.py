"""The JSON dossier: ``model.Dossier`` → the contract of docs/dossier.md, validated against the shipped schema."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import DOSSIER_SCHEMA, Article, ArticleAnalysis, Dossier, Story

__all__ = ["dossier_dict", "dossier_json", "load_schema", "validate"]


def _article_dict(article: Article, analysis: ArticleAnalysis | None) -> dict[str, Any]:
    d = {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_from": article.published_from,
        "text": article.text,
        "author": article.author,
        "updated": article.updated.isoformat() if article.updated else None,
        "published_evidence": list(article.published_evidence),
        "credits": list(article.credits),
        "source": article.source,
        "sentences": [[s.start, s.end] for s in article.sentences],
        "removed": [r.to_dict() for r in article.removed],
    }
    if analysis is not None:
        d["entities"] = [e.to_dict() for e in analysis.entities]
    return d


def _story_dict(story: Story) -> dict[str, Any]:
    d = story.to_dict()
    # The contract's ``quotes`` are direct quotations; reported speech goes in its own list.
    d["quotes"] = [q for q in d["quotes"] if q.get("kind", "direct") == "direct"]
    d["reported_speech"] = [q.to_dict() for q in story.quotes if q.kind == "indirect"]
    return d


def dossier_dict(dossier: Dossier) -> dict[str, Any]:
    """The dossier as JSON-ready data, in contract order."""
    analyses = {a.article_id: a for a in dossier.analyses}
    return {
        "schema": DOSSIER_SCHEMA,
        "articles": [_article_dict(a, analyses.get(a.id)) for a in dossier.articles],
        "stories": [_story_dict(s) for s in dossier.stories],
        "problems": [p.to_dict() for p in dossier.problems],
    }


def dossier_json(dossier: Dossier) -> str:
    """The dossier as JSON text: same input, same bytes."""
    return json.dumps(dossier_dict(dossier), ensure_ascii=False, indent=2) + "\n"


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Schema of the dossier shipped in the package."""
    text = resources.files("crossread").joinpath("data/dossier.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(data: dict[str, Any]) -> list[str]:
    """Schema violations of a dossier dict, as readable lines (empty when valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema())
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))]
