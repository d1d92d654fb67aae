"""Blindspots: facts, voices and targets of blame that only one group of outlets carries.

The groups come from a user file (``ReportOptions.groups_file``) mapping outlets to
groups of any taxonomy (region, ownership, leaning, language...):

- JSON: ``{"Outlet A": "group 1", ...}``, or ``{"group 1": ["Outlet A", ...], ...}``,
  or ``[{"outlet": "Outlet A", "group": "group 1"}, ...]``;
- CSV: rows ``outlet,group`` (a header row naming ``outlet`` and ``group`` is allowed).

An article is matched by its outlet, its id, or its URL's host (case-insensitive).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import OptionsError
from ..model import Article

__all__ = ["load_groups", "assign_groups", "blindspot"]


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def load_groups(path: str | Path) -> dict[str, str]:
    """Read an outlet → group file (JSON or CSV); keys are folded for matching.

    Raises:
        OptionsError: the file cannot be read or has no usable mapping.
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise OptionsError(f"groups file {str(p)!r} cannot be read: {e}") from e
    mapping: dict[str, str] = {}
    stripped = raw.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            data: Any = json.loads(raw)
        except json.JSONDecodeError as e:
            raise OptionsError(f"groups file {str(p)!r} is not valid JSON: {e}") from e
        if isinstance(data, dict):
            for k, v in data.items():
                if isinstance(v, str):
                    mapping[_key(str(k))] = v.strip()
                elif isinstance(v, list):
                    for outlet in v:
                        if isinstance(outlet, str):
                            mapping[_key(outlet)] = str(k).strip()
        elif isinstance(data, list):
            for row in data:
                if isinstance(row, dict) and isinstance(row.get("outlet"), str) and row.get("group") is not None:
                    mapping[_key(row["outlet"])] = str(row["group"]).strip()
    else:
        rows = list(csv.reader(io.StringIO(raw)))
        if rows and [c.strip().casefold() for c in rows[0][:2]] == ["outlet", "group"]:
            rows = rows[1:]
        for row in rows:
            if len(row) >= 2 and row[0].strip() and row[1].strip():
                mapping[_key(row[0])] = row[1].strip()
    mapping = {k: v for k, v in mapping.items() if k and v}
    if not mapping:
        raise OptionsError(f"groups file {str(p)!r} maps no outlet to a group")
    return mapping


def assign_groups(articles: Sequence[Article], groups: Mapping[str, str]) -> dict[str, str]:
    """Article id → group, for the articles the mapping covers."""
    folded = {_key(k): v for k, v in groups.items()}
    out = {}
    for a in articles:
        host = (urlsplit(a.url).hostname or "") if a.url else ""
        for candidate in (a.outlet or "", a.id, host, host.removeprefix("www.")):
            if candidate and _key(candidate) in folded:
                out[a.id] = folded[_key(candidate)]
                break
    return out


def blindspot(outlets: Sequence[Mapping[str, Any]], facts: Sequence[Any], articles: Sequence[Article],
              groups: Mapping[str, str]) -> dict[str, Any]:
    """What only one group carries, from the per-outlet framing entries.

    Args:
        outlets: the ``outlets`` entries of ``compare_framing`` (voices, blame per article).
        facts: the story's ``Fact`` records.
        articles: the story's articles.
        groups: outlet (or id, or host) → group.

    Returns:
        ``{"groups": {article_id: group}, "ungrouped": [...], "only_in": {group: {"facts": [...],
        "voices": [...], "targets": [...]}}}``; ``only_in`` is empty unless two groups or more are present.
    """
    assigned = assign_groups(articles, groups)
    present = sorted(set(assigned.values()))
    result: dict[str, Any] = {
        "groups": dict(sorted(assigned.items())),
        "ungrouped": sorted(a.id for a in articles if a.id not in assigned),
        "only_in": {},
    }
    if len(present) < 2:
        return result
    only: dict[str, dict[str, list[Any]]] = {g: {"facts": [], "voices": [], "targets": []} for g in present}
    for fact in facts:
        gs = {assigned[r.article_id] for r in fact.reports if r.article_id in assigned}
        if len(gs) == 1:
            g = gs.pop()
            only[g]["facts"].append({"fact": fact.id, "about": fact.about, "text": fact.reports[0].text})
    voice_groups: dict[str, set[str]] = {}
    target_groups: dict[str, set[str]] = {}
    for entry in outlets:
        g = assigned.get(entry["article_id"])
        if g is None:
            continue
        for v in entry.get("voices", []):
            if v.get("speaker"):
                voice_groups.setdefault(v["speaker"], set()).add(g)
        for b in entry.get("blame", []):
            if b.get("kind") == "accusation" and b.get("object"):
                target_groups.setdefault(b["object"], set()).add(g)
    for name, gs in sorted(voice_groups.items()):
        if len(gs) == 1:
            only[next(iter(gs))]["voices"].append(name)
    for name, gs in sorted(target_groups.items()):
        if len(gs) == 1:
            only[next(iter(gs))]["targets"].append(name)
    result["only_in"] = only
    return result
