"""Benchmark: ingest + clean + store of a JSON-lines corpus (default ../shared/corpus/ecbplus-dev).

    .venv/bin/python bench/bench_ingest.py [CORPUS_DIR_OR_JSONL] [--repeat N]

Prints articles per second for each step on one core, and for the whole
ingest+clean+store stage (the figure quoted in the README).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from crossread.clean import clean_article  # noqa: E402
from crossread.ingest import read_inputs  # noqa: E402
from crossread.store import Store  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ecbplus-dev"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    path = args.corpus / "articles.jsonl" if args.corpus.is_dir() else args.corpus
    if not path.exists():
        print(f"corpus not found: {path}", file=sys.stderr)
        return 2
    # Warm up lazy imports (pysbd, trafilatura) so they are not charged to the first article.
    clean_article(next(read_inputs([path], on_problem=print)))
    best = {"ingest": 1e9, "clean": 1e9, "store": 1e9}
    n = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        raws = list(read_inputs([path], on_problem=print))
        t1 = time.perf_counter()
        articles = [clean_article(r) for r in raws]
        t2 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
            store.add_articles(articles)
            t3 = time.perf_counter()
        n = len(raws)
        best["ingest"] = min(best["ingest"], t1 - t0)
        best["clean"] = min(best["clean"], t2 - t1)
        best["store"] = min(best["store"], t3 - t2)
    total = sum(best.values())
    print(f"corpus: {path} ({n} articles), best of {args.repeat}")
    for step, secs in best.items():
        print(f"  {step:<7} {secs * 1000:8.1f} ms  {n / secs:9.0f} articles/s")
    print(f"  ingest+clean+store: {total:.2f} s = {n / total:.0f} articles/s")
    print(f"  clean adds {100 * best['clean'] / (best['ingest'] + best['store']):.0f} % to ingest+store")
    return 0


if __name__ == "__main__":
    sys.exit(main())
