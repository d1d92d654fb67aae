"""Benchmark: story grouping added in steps (``crossread add``) against grouping all at once.

    .venv/bin/python bench/bench_incremental.py                 # quality on the dev corpora
    .venv/bin/python bench/bench_incremental.py --cost 20000    # cost of adding 100 articles to a big state

Quality: for ecbplus-dev, tempeval3-train and polnear-dev (``../shared/corpus``), B-cubed F1
(``crossread.group.tuning.bcubed``, the same measure as ``../shared/eval/score.py``) of
(a) one batch, (b) the articles added in k = 2, 4, 8 equal steps, in file order, in a random
order (seed 0) and, where the corpus is dated, in date order (undated last, ties in file order).
Deterministic.

Cost: a state of N articles (the dev corpora repeated with shifted dates, as in
``bench_stories.py --speed``), then 100 more added; prints the time of the addition alone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpus"
NAMES = ("ecbplus-dev", "tempeval3-train", "polnear-dev")


def _steps(articles, k):  # type: ignore[no-untyped-def]
    size = -(-len(articles) // k)
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def _incremental(articles, k):  # type: ignore[no-untyped-def]
    from crossread.group.stories import assign_to_stories

    state, groups = None, ()
    for step in _steps(articles, k):
        groups, state = assign_to_stories(step, state)
    return groups


def quality(names, ks) -> None:  # type: ignore[no-untyped-def]
    from crossread.group import group_stories
    from crossread.group.tuning import bcubed, read_corpus

    for name in names:
        if not (CORPORA / name).exists():
            continue
        articles, gold_of = read_corpus(CORPORA / name)
        t0 = time.perf_counter()
        f1 = bcubed(gold_of, group_stories(articles))[2]
        print(f"{name} ({len(articles)} articles)")
        print(f"  batch                  F1 {f1:.4f}  ({time.perf_counter() - t0:5.1f} s)")
        shuffled = sorted(articles, key=lambda a: a.id)
        random.Random(0).shuffle(shuffled)
        orders = {"file order": list(articles), "random": shuffled}
        if any(a.published for a in articles):
            undated = dt.date.max
            orders["date order"] = sorted(articles, key=lambda a: a.published or undated)  # stable: file order ties
        for label, ordered in orders.items():
            for k in ks:
                t0 = time.perf_counter()
                groups = _incremental(ordered, k)
                took = time.perf_counter() - t0
                print(f"  {k} steps, {label:<11}  F1 {bcubed(gold_of, groups)[2]:.4f}  ({took:5.1f} s)")


def cost(n: int, added: int = 100) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_stories import _speed_corpus

    from crossread.group.stories import StoryState, assign_to_stories

    articles = _speed_corpus(n + added)
    random.Random(0).shuffle(articles)
    base, extra = articles[:n], articles[n:]
    t0 = time.perf_counter()
    _, state = assign_to_stories(base)
    print(f"state of {n} articles built in {time.perf_counter() - t0:.1f} s")
    state = StoryState.from_bytes(state.to_bytes())
    wall, cpu = time.perf_counter(), time.process_time()
    groups, _ = assign_to_stories(extra, state)
    print(f"  +{added} articles: wall {time.perf_counter() - wall:.2f} s, CPU {time.process_time() - cpu:.2f} s "
          f"({len(groups)} stories)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="*", default=list(NAMES))
    ap.add_argument("--steps", type=int, nargs="*", default=[2, 4, 8])
    ap.add_argument("--cost", type=int, help="size of the stored state for the cost figure (skips quality)")
    args = ap.parse_args()
    if args.cost:
        cost(args.cost)
    else:
        quality(args.corpora, args.steps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
