"""Benchmark: the clean stage's steps on a JSON-lines corpus (default ../shared/corpus/ecbplus-dev).

    .venv/bin/python bench/bench_clean.py [CORPUS_DIR_OR_JSONL] [--repeat N]

Prints the best of N runs (CPU time of this process, so that other work on the machine does not
inflate it) for each step (normalise, metadata, boilerplate, sentences), the whole
``clean_article``, and ``remove_corpus_furniture`` over the cleaned corpus, in articles per second.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from crossread.clean import clean_article, remove_corpus_furniture
from crossread.clean.boilerplate import remove_boilerplate
from crossread.clean.metadata import metadata_from_text
from crossread.clean.text import normalise, split_sentences
from crossread.model import RawArticle

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ecbplus-dev"


def _best(fn, items, repeat):  # type: ignore[no-untyped-def]
    best = 1e9
    out = None
    for _ in range(repeat):
        t0 = time.process_time()
        out = [fn(x) for x in items]
        best = min(best, time.process_time() - t0)
    return best, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    path = args.corpus / "articles.jsonl" if args.corpus.is_dir() else args.corpus
    if not path.exists():
        print(f"corpus not found: {path}", file=sys.stderr)
        return 2
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    raws = [RawArticle(id=r["id"], text=r.get("text"), url=r.get("url"), outlet=r.get("outlet"),
                       published=r.get("published"), title=r.get("title")) for r in records]
    n = len(raws)
    clean_article(raws[0])  # warm up lazy loads (patterns, data files)
    t_norm, texts = _best(lambda r: normalise(r.text or ""), raws, args.repeat)
    t_meta, metas = _best(lambda t: metadata_from_text(t), texts, args.repeat)
    t_bp, cleaned = _best(lambda m: remove_boilerplate(m.body, title=m.title)[0], metas, args.repeat)
    t_sent, _ = _best(split_sentences, cleaned, args.repeat)
    t_all, articles = _best(clean_article, raws, args.repeat)
    t0 = time.process_time()
    remove_corpus_furniture(articles)
    t_corpus = time.process_time() - t0
    print(f"corpus: {path} ({n} articles), best of {args.repeat}")
    for name, secs in (("normalise", t_norm), ("metadata", t_meta), ("boilerplate", t_bp),
                       ("sentences", t_sent), ("clean_article", t_all), ("corpus furniture", t_corpus)):
        print(f"  {name:<17} {secs * 1000:8.1f} ms  {n / secs:9.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
