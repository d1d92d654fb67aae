"""Benchmark of crossread's time expressions: quality on TempEval-3 (with dateparser as a baseline) and speed.

Usage (from the project root)::

    .venv/bin/python bench/bench_dates.py [--corpus ../shared/corpus/tempeval3-train]
        [--speed-corpus ../shared/corpus/ecbplus-dev] [--no-dateparser] [--out DIR]

Quality: every article is cleaned (boilerplate kept, so the gold phrases stay in the text), its time
expressions are found with the record's ``published`` date as anchor, and a dossier of one story per
article is scored with ``../shared/eval/score.py``.  The baseline runs ``dateparser.search.search_dates``
on the same cleaned text with the same date as ``RELATIVE_BASE`` and scores the days it returns.
Speed: CPU milliseconds per article (``time.process_time``, so other processes on the machine do not
count) for ``find_time_expressions`` and articles per CPU second for the whole analyse stage.
Prints figures only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def load_articles(corpus: Path):
    from crossread.clean import clean_article, parse_published
    from crossread.model import RawArticle
    from crossread.options import CleanOptions

    fields = set(RawArticle.__dataclass_fields__)
    out = []
    for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        raw = RawArticle(**{k: v for k, v in rec.items() if k in fields})
        out.append((clean_article(raw, CleanOptions(keep_boilerplate=True)), parse_published(rec.get("published"))))
    return out


def scorer():
    spec = importlib.util.spec_from_file_location("crossread_eval_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def dossier(articles, times_of) -> dict:
    stories = []
    for art, _ in articles:
        stories.append(
            {
                "id": art.id,
                "article_ids": [art.id],
                "time_expressions": [{"article_id": art.id, "text": t, "value": v} for t, v in times_of[art.id]],
            }
        )
    return {"schema": "crossread.dossier/1", "articles": [{"id": a.id} for a, _ in articles], "stories": stories}


def run_crossread(articles):
    from crossread.analyse.dates import find_time_expressions

    find_time_expressions(articles[0][0], articles[0][1])  # compile the grammar outside the timing
    times, t0 = {}, time.process_time()
    for art, published in articles:
        times[art.id] = [(x.text, x.value) for x in find_time_expressions(art, published)]
    return times, time.process_time() - t0


def run_dateparser(articles):
    from dateparser.search import search_dates

    times, t0 = {}, time.process_time()
    for art, published in articles:
        base = dt.datetime.combine(published, dt.time()) if published else None
        settings = {"RELATIVE_BASE": base} if base else {}
        found = search_dates(art.text, languages=["en"], settings=settings) or []
        times[art.id] = [(text, value.date().isoformat()) for text, value in found]
    return times, time.process_time() - t0


def speed(corpus: Path) -> None:
    from crossread.analyse import analyse_article
    from crossread.analyse.dates import find_time_expressions

    articles = load_articles(corpus)
    find_time_expressions(articles[0][0], articles[0][1])  # compile the grammar outside the timing
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for art, published in articles:
            find_time_expressions(art, published)
        best = min(best, time.process_time() - t0)
    print(
        f"speed {corpus.name}: find_time_expressions {1000 * best / len(articles):.2f} CPU ms/article "
        f"({len(articles)} articles, best of 3)"
    )
    t0 = time.process_time()
    for art, _ in articles:
        analyse_article(art)
    total = time.process_time() - t0
    print(f"speed {corpus.name}: whole analyse stage {len(articles) / total:.0f} articles per CPU second")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "tempeval3-train")
    ap.add_argument("--speed-corpus", type=Path, default=SHARED / "corpus" / "ecbplus-dev")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the (slow) dateparser baseline")
    ap.add_argument("--out", type=Path, default=None, help="keep the dossiers in this folder")
    args = ap.parse_args(argv)
    if not (args.corpus / "articles.jsonl").exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="bench_dates_"))
    out.mkdir(parents=True, exist_ok=True)
    score = scorer()
    articles = load_articles(args.corpus)
    runs = [("crossread", run_crossread)] + ([] if args.no_dateparser else [("dateparser", run_dateparser)])
    for name, run in runs:
        times, seconds = run(articles)
        path = out / f"dossier-{name}.json"
        path.write_text(json.dumps(dossier(articles, times)), encoding="utf-8")
        m = score.score(args.corpus, json.loads(path.read_text(encoding="utf-8")))
        print(
            f"{name:10s} {args.corpus.name}: dates.accuracy {m['dates.accuracy']:.3f}  "
            f"dates.precision {m['dates.precision']:.3f}  dates.recall {m['dates.recall']:.3f}  "
            f"({1000 * seconds / len(articles):.1f} CPU ms/article)  dossier {path}"
        )
    if (args.speed_corpus / "articles.jsonl").exists():
        speed(args.speed_corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
