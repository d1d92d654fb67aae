"""Run crossread on each corpus and check every brief sentence with the citation checker.

Usage: .venv/bin/python bench/brief_citations.py [CORPUS_DIR ...]   (default: every corpus under ../shared/corpus)

Prints, per corpus: stories, brief sentences, the share passing the checker, mean sentences per story with
two articles or more, and the seconds the whole run took.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import crossread
from crossread.reconcile.citations import check_dossier

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpus"


def main(paths: list[str]) -> int:
    dirs = [Path(p) for p in paths] or sorted(p for p in CORPORA.iterdir() if p.is_dir())
    worst = 1.0
    for d in dirs:
        target = d / "articles.jsonl" if (d / "articles.jsonl").exists() else d
        t0 = time.perf_counter()
        dossier = crossread.analyze([target])
        seconds = time.perf_counter() - t0
        result = check_dossier(dossier)
        multi = [s for s in dossier.stories if len(s.article_ids) >= 2]
        mean = sum(len(s.summary) for s in multi) / len(multi) if multi else 0.0
        kinds: dict[str, int] = {}
        for s in dossier.stories:
            for b in s.summary:
                kinds[b.kind] = kinds.get(b.kind, 0) + 1
        print(f"{d.name}: stories={len(dossier.stories)} sentences={result.sentences} "
              f"pass={result.rate:.4f} mean_multi={mean:.1f} kinds={dict(sorted(kinds.items()))} seconds={seconds:.0f}")
        for f in result.failures[:5]:
            print(f"  FAIL {f.story_id}#{f.index}: {f.check.text[:120]!r} numbers={f.check.missing_numbers} "
                  f"names={f.check.missing_names} no_evidence={f.check.no_evidence}")
        worst = min(worst, result.rate)
    return 0 if worst == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
