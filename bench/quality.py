"""Score crossread on every gold corpus under ../shared/corpus and print the table for docs/quality.md.

    .venv/bin/python bench/quality.py [CORPUS ...] [--out DIR]
    .venv/bin/python bench/quality.py bench/corpora/invented-a bench/corpora/invented-b bench/corpora/invented-c

For each corpus: runs the pipeline on articles.jsonl (as `crossread analyze ... --format json --no-store`
does), writes the dossier to DIR/CORPUS.json, and runs ../shared/eval/score.py on it.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
METRICS = [
    "stories.bcubed_f1", "facts.report_recall", "facts.pair_precision", "facts.pair_recall",
    "facts.verdict_accuracy", "facts.conflict_recall", "quotes.precision", "quotes.recall",
    "quotes.speaker_accuracy", "dates.precision", "dates.recall", "dates.accuracy",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpora", nargs="*")
    ap.add_argument("--out", type=Path, default=Path("/tmp/crossread-quality"))
    args = ap.parse_args()
    corpora = args.corpora or sorted(p.name for p in (SHARED / "corpus").iterdir() if (p / "gold.json").exists())
    args.out.mkdir(parents=True, exist_ok=True)
    rows = {}
    for name in corpora:
        # a name under ../shared/corpus, or the path of a corpus folder (bench/corpora/invented-*)
        corpus = Path(name) if Path(name).is_dir() else SHARED / "corpus" / name
        name = corpus.name
        out = args.out / f"{name}.json"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "crossread", "analyze", str(corpus / "articles.jsonl"),
                               "--format", "json", "--no-store", "-q", "-o", str(out)], capture_output=True, text=True)
        secs = time.perf_counter() - t0
        if proc.returncode != 0:
            print(f"{name}: crossread failed ({proc.returncode}): {proc.stderr[-2000:]}", file=sys.stderr)
            continue
        scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(corpus), str(out), "--json"],
                                capture_output=True, text=True, check=True)
        rows[name] = (json.loads(scored.stdout), secs)
    print("| metric | " + " | ".join(rows) + " |")
    print("| --- |" + " --- |" * len(rows))
    for metric in METRICS:
        cells = []
        for m, _ in rows.values():
            v = m.get(metric)
            cells.append("n/a" if v is None else f"{v:.3f}")
        print(f"| {metric} | " + " | ".join(cells) + " |")
    print("| run time (s) | " + " | ".join(f"{s:.0f}" for _, s in rows.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
