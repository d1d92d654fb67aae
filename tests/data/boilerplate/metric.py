"""Precision and recall of removed lines over the labelled boilerplate set (captures.jsonl).

A capture line counts as removed when the cleaned article no longer holds it as a
line of its own (the header lines the metadata step takes out count as removed too).
Lines are matched by text with multiplicity, so a caption printed twice and
removed once scores one hit and one miss.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from crossread.clean import clean_article
from crossread.model import RawArticle

HERE = Path(__file__).resolve().parent
CAPTURES = HERE / "captures.jsonl"


def load(path: Path = CAPTURES) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def capture_text(capture: dict) -> str:
    sep = "\n" if capture["separator"] == "single" else "\n\n"
    return sep.join(line["text"] for line in capture["lines"])


def score(captures: list[dict]) -> dict:
    """Counts and rates overall, per split and per furniture kind; also the lines got wrong."""
    tot: dict[str, Counter] = defaultdict(Counter)
    errors: list[tuple[str, str, str, str]] = []  # (capture id, "kept furniture"|"removed content", kind, line)
    for cap in captures:
        article = clean_article(RawArticle(id=cap["id"], text=capture_text(cap)))
        kept = Counter(line.strip() for line in article.text.split("\n") if line.strip())
        by_text: dict[str, list[dict]] = defaultdict(list)
        for line in cap["lines"]:
            by_text[line["text"].strip()].append(line)
        for text, group in by_text.items():
            n_removed = max(0, len(group) - kept.get(text, 0))
            furniture = [g for g in group if g["furniture"]]
            tp = min(n_removed, len(furniture))
            fp = max(0, n_removed - len(furniture))
            fn = len(furniture) - tp
            for key in ("all", cap["split"]):
                tot[key]["tp"] += tp
                tot[key]["fp"] += fp
                tot[key]["fn"] += fn
            kind = furniture[0]["kind"] if furniture else "content"
            tot["kind:" + kind]["tp"] += tp
            tot["kind:" + kind]["fn"] += fn
            tot["kind:" + kind]["fp"] += fp
            if fn:
                errors.append((cap["id"], "kept furniture", kind, text))
            if fp:
                errors.append((cap["id"], "removed content", kind, text))
    out = {}
    for key, c in tot.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        out[key] = {"precision": p, "recall": r, **c}
    out["errors"] = errors
    return out
