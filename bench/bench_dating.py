"""Dating quality: hide the date of every ecbplus-dev article that prints one, infer it back.

    .venv/bin/python bench/bench_dating.py [CORPUS_DIR]

For each article whose text gives a date (published_from='text'), the date is hidden and
``infer_date`` is asked for it twice: with the other dated articles of its gold story as peers,
and from its own text alone. Prints how many are dated, the share within 1 and 3 days, and how
many used a relative phrase ("last week", "yesterday") matched to an event a peer dates.
"""
from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from crossread.clean import clean_article
from crossread.clean.dating import infer_date
from crossread.model import RawArticle

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ecbplus-dev"


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not (corpus / "gold.json").exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2
    records = [json.loads(x) for x in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    arts = {r["id"]: clean_article(RawArticle(id=r["id"], text=r["text"], url=r.get("url"), outlet=r.get("outlet")))
            for r in records}
    for label, with_peers in (("with story peers", True), ("text alone", False)):
        errors, undated, n, by_event = [], 0, 0, 0
        for story in gold:
            for aid in story["article_ids"]:
                a = arts[aid]
                if a.published is None:
                    continue
                n += 1
                hidden = a.replace(published=None, published_from=None, updated=None)
                peers = [arts[x] for x in story["article_ids"] if x != aid and arts[x].published] if with_peers else []
                got = infer_date(hidden, peers)
                if got is None:
                    undated += 1
                else:
                    errors.append(abs((got[0] - a.published).days))
                    by_event += any("matches the event" in e for e in got[1])
        dated = len(errors)
        if not dated:
            print(f"{label}: {n} articles, none dated")
            continue
        print(f"{label:<17} {n} articles, {dated} dated, {undated} left undated; within 1 day "
              f"{sum(e <= 1 for e in errors) / dated:.3f}, within 3 days {sum(e <= 3 for e in errors) / dated:.3f}, "
              f"median error {statistics.median(errors)} days; {by_event} bounded by an event a peer dates")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
