"""The bundled example's dossier, byte for byte.

Any change in what crossread reads, groups or reconciles shows up here as a diff to review.
When the change is intended, regenerate and commit the file:

    CROSSREAD_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import crossread
from crossread.render.dossier import dossier_json, validate

GOLDEN = Path(__file__).parent / "golden" / "kosovo-2023.json"


def test_golden_example_dossier(example_dir: Path) -> None:
    dossier = crossread.analyze([example_dir])
    # ids and sources are relative to the project, so the file does not depend on where it is checked out
    text = dossier_json(dossier).replace(str(example_dir.parent.parent) + os.sep, "")
    if os.environ.get("CROSSREAD_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    import json

    assert validate(json.loads(text)) == []
    expected = GOLDEN.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), "golden", "now"))[:80])
        raise AssertionError("the example's dossier changed; if intended, regenerate (see module docstring):\n" + diff)
