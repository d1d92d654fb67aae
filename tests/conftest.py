"""Shared fixtures. Tests that read ../shared (the corpora) skip cleanly when it is absent."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kosovo-2023"
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpus"


def corpus_path(name: str) -> Path:
    """Path of a corpus under ../shared/corpus, or skip the test when it is not there."""
    path = CORPORA / name
    if not (path / "articles.jsonl").exists() and not path.is_dir():
        pytest.skip(f"corpus {name} not available (../shared absent)")
    return path


def corpus_records(name: str) -> list[dict]:
    path = corpus_path(name) / "articles.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE
