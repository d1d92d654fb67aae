"""Speed of the entity and quote readers: CPU ms per article and articles per second on one core.

Usage: .venv/bin/python bench/bench_quotes.py [CORPUS_DIR ...] [--repeat N]

Reads the bundled example (and each given JSON-lines corpus, e.g. ../shared/corpus/polnear-dev),
cleans every article once, then times find_entities and find_quotes over all of them.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(corpora: list[Path]):
    from crossread.clean import clean_article
    from crossread.model import RawArticle

    raws = [RawArticle(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples" / "kosovo-2023").glob("*.txt"))]
    for corpus in corpora:
        for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                raws.append(RawArticle(id=r["id"], text=r.get("text"), title=r.get("title")))
    return [clean_article(r) for r in raws]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    from crossread.analyse.entities import find_entities
    from crossread.analyse.quotes import find_quotes

    articles = load(args.corpora)
    t0 = time.process_time()
    find_entities(articles[0])  # builds the lexicons once
    warm = time.process_time() - t0
    best_e = best_q = float("inf")
    n_quotes = 0
    for _ in range(args.repeat):
        te = tq = 0.0
        n_quotes = 0
        for a in articles:
            t1 = time.process_time()
            ents = find_entities(a)
            t2 = time.process_time()
            n_quotes += len(find_quotes(a, ents))
            t3 = time.process_time()
            te += t2 - t1
            tq += t3 - t2
        best_e, best_q = min(best_e, te), min(best_q, tq)
    n = len(articles)
    chars = sum(len(a.text) for a in articles) / max(n, 1)
    print(f"articles: {n} (mean {chars:.0f} chars), quotes found: {n_quotes}, lexicon load: {warm * 1000:.0f} ms")
    print(f"entities: {best_e / n * 1000:.2f} ms/article")
    print(f"quotes:   {best_q / n * 1000:.2f} ms/article")
    print(f"both:     {(best_e + best_q) / n * 1000:.2f} ms/article = {n / (best_e + best_q):.0f} articles/s (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
