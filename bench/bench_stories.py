"""Benchmark: story grouping quality on ECB+ dev, against baselines, and its speed at scale.

    .venv/bin/python bench/bench_stories.py                  # quality + speed (5k, 10k, 20k)
    .venv/bin/python bench/bench_stories.py --quality        # quality only
    .venv/bin/python bench/bench_stories.py --speed 20000    # speed only, one size

Quality (``../shared/corpus/ecbplus-dev``, all 772 articles clustered together):
  - crossread's B-cubed precision / recall / F1;
  - baseline: TF-IDF cosine, average linkage, its threshold tuned on this very corpus (best of a grid);
  - all-MiniLM-L6-v2 embeddings alone: 0.85 (figure from issue 4; needs torch, not installed here);
  - order independence: F1 after shuffling the input (3 seeds);
  - the Kosovo example: how many stories its five articles form.

Speed: N articles built by repeating the dev corpora (ecbplus-dev, polnear-dev, tempeval3-train)
with perturbed ids and publication dates (copy k is dated k*20 days later); each size runs in a
fresh process, reporting wall time, CPU time, articles/s and peak resident memory.  The machine is
shared: CPU time is the steadier figure.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpus"
SPEED_CORPORA = ("ecbplus-dev", "polnear-dev", "tempeval3-train")


def _articles(name: str):  # type: ignore[no-untyped-def]
    from crossread.group.tuning import read_corpus

    return read_corpus(CORPORA / name)


def _tfidf_baseline(articles, gold_of) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Best B-cubed F1 of TF-IDF cosine + average linkage over a threshold grid, and its threshold."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    from crossread.group.tuning import bcubed
    from crossread.model import StoryGroup

    texts = [((a.title + "\n") if a.title else "") + a.text for a in articles]
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    distance = np.clip(1.0 - (x @ x.T).toarray(), 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), "average")
    best = (0.0, 0.0)
    for cut in np.arange(0.50, 0.96, 0.025):
        labels = fcluster(tree, cut, "distance")
        groups: dict[int, list[str]] = {}
        for a, lab in zip(articles, labels):
            groups.setdefault(int(lab), []).append(a.id)
        f1 = bcubed(gold_of, [StoryGroup(id=str(k), article_ids=tuple(v)) for k, v in groups.items()])[2]
        best = max(best, (f1, round(1.0 - float(cut), 3)))
    return best


def quality() -> None:
    from crossread.group import group_stories
    from crossread.group.tuning import bcubed

    articles, gold_of = _articles("ecbplus-dev")
    t0 = time.perf_counter()
    groups = group_stories(articles)
    took = time.perf_counter() - t0
    p, r, f1 = bcubed(gold_of, groups)
    print(f"ecbplus-dev ({len(articles)} articles, {len(set(gold_of.values()))} gold stories, all clustered together)")
    print(f"  crossread            B-cubed P {p:.4f} R {r:.4f} F1 {f1:.4f}  ({len(groups)} stories, {took:.1f} s)")
    base_f1, base_t = _tfidf_baseline(articles, gold_of)
    print(f"  TF-IDF avg-link      B-cubed F1 {base_f1:.4f}  (cosine threshold {base_t}, tuned on this corpus)")
    print("  MiniLM-L6-v2 alone   B-cubed F1 0.85    (issue 4's figure; torch is not installed here)")
    shuffled = []
    for seed in (1, 2, 3):
        order = list(articles)
        random.Random(seed).shuffle(order)
        shuffled.append(bcubed(gold_of, group_stories(order))[2])
    print(f"  shuffled input       F1 {', '.join(f'{x:.4f}' for x in shuffled)}  "
          f"(max change {max(abs(x - f1) for x in shuffled):.4f})")
    for name in ("polnear-dev", "tempeval3-train"):
        if (CORPORA / name).exists():
            arts, gold = _articles(name)
            gp, gr, gf = bcubed(gold, group_stories(arts))
            print(f"  {name:<20} B-cubed P {gp:.4f} (every gold story is one article: P shows over-merging)")
    example = ROOT / "examples" / "kosovo-2023"
    if example.exists():
        from crossread.clean import clean_article
        from crossread.ingest import read_inputs

        raws = list(read_inputs([example], on_problem=lambda e: None))
        kosovo = group_stories([clean_article(r) for r in raws])
        print(f"kosovo-2023: {len(raws)} articles -> {len(kosovo)} stories; "
              f"first: {len(kosovo[0].article_ids)} articles, {kosovo[0].title!r}")


def _speed_corpus(n: int):  # type: ignore[no-untyped-def]
    base = []
    for name in SPEED_CORPORA:
        if (CORPORA / name).exists():
            base.extend(_articles(name)[0])
    out = []
    copy = 0
    while len(out) < n:
        for a in base:
            if len(out) >= n:
                break
            published = (a.published or dt.date(2020, 1, 1)) + dt.timedelta(days=20 * copy)
            out.append(a.replace(id=f"{a.id}~{copy}", published=published))
        copy += 1
    return out


def speed_one(n: int) -> dict:
    from crossread.group import group_stories

    articles = _speed_corpus(n)
    random.Random(0).shuffle(articles)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    groups = group_stories(articles)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"articles": n, "stories": len(groups), "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "articles_per_s": round(n / wall), "articles_per_cpu_s": round(n / cpu),
            "peak_rss_mb": round(peak / 1024), "rss_before_mb": round(rss_before / 1024)}


def speed(sizes: list[int]) -> None:
    print("speed (group_stories incl. copy detection; each size in a fresh process)")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--speed-child", str(n)], capture_output=True, text=True,
                             check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"  {r['articles']:>6} articles -> {r['stories']:>5} stories: wall {r['wall_s']:>6} s "
              f"({r['articles_per_s']} art/s), CPU {r['cpu_s']:>6} s ({r['articles_per_cpu_s']} art/CPU-s), "
              f"peak RSS {r['peak_rss_mb']} MB (inputs loaded: {r['rss_before_mb']} MB)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quality", action="store_true", help="quality only")
    ap.add_argument("--speed", type=int, nargs="*", help="speed only, at these sizes (default 5000 10000 20000)")
    ap.add_argument("--speed-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.speed_child:
        print(json.dumps(speed_one(args.speed_child)))
        return 0
    if not (CORPORA / "ecbplus-dev").exists():
        print(f"corpus not found under {CORPORA}", file=sys.stderr)
        return 1
    if args.speed is None or args.quality:
        quality()
    if not args.quality:
        speed(args.speed or [5000, 10000, 20000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
