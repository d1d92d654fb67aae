"""Benchmark: figure finding per article and fact grouping for one 100-article story.

Usage (from the project root):

    .venv/bin/python bench/bench_facts.py [N_ARTICLES] [ARTICLES.jsonl]

Without a JSON-lines file the story is built from the bundled example (examples/kosovo-2023),
each article repeated under new ids with its numbers nudged, so the grouping sees agreeing and
conflicting reports.  With one (e.g. ../shared/corpus/ecbplus-dev/articles.jsonl) its first N
articles form one story: many more distinct figures, the harder case for the grouping.
Prints milliseconds per article for ``find_figures`` and seconds for ``group_facts``.
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from crossread.analyse.figures import find_figures
from crossread.clean import clean_article
from crossread.model import ArticleAnalysis, RawArticle
from crossread.reconcile.facts import group_facts

ROOT = Path(__file__).resolve().parent.parent


def _nudge(text: str, k: int) -> str:
    """Shift some two-digit numbers by k % 3 so copies disagree a little."""
    return re.sub(r"\b([1-9]\d)\b(?!\d)", lambda m: str(int(m.group(1)) + (k % 3) - 1), text)


def main(n: int = 100, jsonl: str | None = None) -> None:
    if jsonl:
        records = [json.loads(line) for line in Path(jsonl).read_text(encoding="utf-8").splitlines() if line.strip()]
        raws = [RawArticle(id=r["id"], text=r.get("text") or "") for r in records[:n]]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "kosovo-2023").glob("*.txt"))]
        raws = [RawArticle(id=f"a{i:03d}", text=_nudge(texts[i % len(texts)], i), published=f"2023-06-{1 + i % 5:02d}")
                for i in range(n)]
    articles = [clean_article(r) for r in raws]
    find_figures(articles[0])  # load the lexicon once
    t0 = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        analyses = [ArticleAnalysis(article_id=a.id, figures=find_figures(a)) for a in articles]
    t1 = time.perf_counter()
    per_article = (t1 - t0) / (rounds * len(articles)) * 1000
    n_reports = sum(len(a.figures) for a in analyses)
    group_facts(articles[:2], analyses[:2])  # warm the imports (numpy, scipy)
    t2 = time.perf_counter()
    facts = group_facts(articles, analyses)
    t3 = time.perf_counter()
    chars = sum(len(a.text) for a in articles) / len(articles)
    print(f"find_figures: {per_article:.2f} ms/article ({chars:.0f} chars/article, {n_reports} reports)")
    print(f"group_facts:  {t3 - t2:.2f} s for {len(articles)} articles -> {len(facts)} facts "
          f"({sum(f.verdict == 'conflict' for f in facts)} conflicts, {sum(f.verdict == 'agree' for f in facts)} agree)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100, sys.argv[2] if len(sys.argv) > 2 else None)
