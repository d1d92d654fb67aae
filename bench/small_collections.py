"""Story grouping on small collections: what a user's folder of a few reports looks like.

    .venv/bin/python bench/small_collections.py [--corpus DIR] [--trials N] [--seed S]

The dev corpora are scored whole (hundreds of articles), but a reader usually points crossread at a
folder of a handful of reports. This draws small collections from a gold corpus's stories (default
../shared/corpus/ecbplus-dev) and prints the mean B-cubed F1 of ``group_stories`` per kind:

- single:     2-6 reports of one story (the commonest use: everything is one story);
- same-topic: 2-6 reports of each story of one topic (two like events: two earthquakes, two shootings);
- mixed:      2-6 reports of each of three random stories;
- big:        2-6 reports of each of twelve random stories (about 50 articles);
- topics:     every story of four random topics.

Deterministic for a given seed. Reads the corpus through the pipeline's own ingest and clean stages.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from crossread.clean.boilerplate import remove_corpus_furniture
from crossread.group import group_stories
from crossread.group.tuning import bcubed
from crossread.options import StoryOptions
from crossread.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("single", "same-topic", "mixed", "big", "topics")


def draw(kind: str, stories: list[list[str]], rng: random.Random) -> dict[str, str]:
    """One small collection of ``kind``: article id -> gold story index."""
    topic = lambda s: s[0].split("_")[0]  # noqa: E731 (ECB+ ids: topic_document)
    topics = sorted({topic(s) for s in stories})
    if kind == "single":
        picks = [rng.choice(stories)]
    elif kind == "same-topic":
        t = rng.choice(topics)
        picks = [s for s in stories if topic(s) == t]
        if len(picks) == 1:
            picks.append(rng.choice(stories))
    elif kind == "mixed":
        picks = rng.sample(stories, 3)
    elif kind == "big":
        picks = rng.sample(stories, 12)
    else:
        chosen = set(rng.sample(topics, 4))
        picks = [s for s in stories if topic(s) in chosen]
    gold: dict[str, str] = {}
    for k, story in enumerate(picks):
        size = len(story) if kind == "topics" else min(len(story), rng.randint(2, 6))
        for a in rng.sample(story, size):
            gold[a] = str(k)
    return gold


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "ecbplus-dev")
    ap.add_argument("--trials", type=int, default=150, help="collections per kind (a fifth for big and topics)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not (args.corpus / "gold.json").exists():
        print(f"no gold corpus at {args.corpus}", file=sys.stderr)
        return 2
    pipeline = Pipeline()
    articles = list(remove_corpus_furniture(list(pipeline.clean(pipeline.read([str(args.corpus / "articles.jsonl")])))))
    by_id = {a.id: a for a in articles}
    analyses = {an.article_id: an for an in pipeline.analyse(articles)}
    gold_stories = json.loads((args.corpus / "gold.json").read_text(encoding="utf-8"))
    stories = [[a for a in s["article_ids"] if a in by_id] for s in gold_stories]
    stories = [s for s in stories if len(s) >= 2]
    rng = random.Random(args.seed)
    print("| kind | collections | mean articles | B-cubed F1 |\n| --- | --- | --- | --- |")
    for kind in KINDS:
        n = args.trials if kind in ("single", "same-topic", "mixed") else max(1, args.trials // 5)
        scores, sizes = [], []
        for _ in range(n):
            gold = draw(kind, stories, rng)
            ids = sorted(gold)
            groups = group_stories([by_id[a] for a in ids], [analyses[a] for a in ids], StoryOptions())
            scores.append(bcubed(gold, groups)[2])
            sizes.append(len(ids))
        print(f"| {kind} | {n} | {sum(sizes) / n:.1f} | {sum(scores) / n:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
