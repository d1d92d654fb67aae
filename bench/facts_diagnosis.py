"""Where each gold fact of a corpus landed in a dossier: the tool for working on fact grouping (issue 6).

    .venv/bin/python bench/quality.py ecbplus-dev                     # writes /tmp/crossread-quality/ecbplus-dev.json
    .venv/bin/python bench/facts_diagnosis.py [DOSSIER] [--corpus DIR] [--about TEXT] [--bad]

For every gold fact with two or more reports: OK or BAD (found whole, in one system fact, with the gold
verdict — the scorer's verdict_accuracy), the gold verdict, what the dossier says, and with --about (a part of
the gold label) each gold report's system story/fact plus that fact's reports. Uses the scorer's own matching.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dossier", nargs="?", type=Path, default=Path("/tmp/crossread-quality/ecbplus-dev.json"))
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "ecbplus-dev")
    ap.add_argument("--about", help="show the reports of gold facts whose label contains this")
    ap.add_argument("--bad", action="store_true", help="list only the facts that are wrong")
    args = ap.parse_args()
    sys.path.insert(0, str(SHARED / "eval"))
    from score import collect, load_corpus, same_value, span_match  # the scorer's own matching

    dossier = json.loads(args.dossier.read_text(encoding="utf-8"))
    _, gold = load_corpus(args.corpus)
    story_of, sys_reports, _, _ = collect(dossier)
    verdict_of = {fid: v for reps in sys_reports.values() for fid, v, _ in reps}
    facts = {f"{s['id']}/{f['id']}": f for s in dossier["stories"] for f in s.get("facts", [])}
    tally: Counter[str] = Counter()
    for story in gold:
        for fact in story.get("facts", []):
            if len(fact["reports"]) < 2:
                continue
            hits = []
            for rep in fact["reports"]:
                hits.append(next((fid for fid, _, sr in sys_reports.get(str(rep["article"]), [])
                                  if span_match(rep["text"], sr.get("text", ""), 0.5, either_way=True)
                                  and (rep.get("value") is None or same_value(rep.get("value"), sr.get("value")))), None))
            found = [h for h in hits if h is not None]
            if len(found) < len(hits):
                got = "missing"
            elif len(set(found)) > 1:
                stories = {h.rsplit("/", 1)[0] for h in found}
                got = "split-story" if len(stories) > 1 else "split"
            else:
                got = verdict_of[found[0]]
            ok = got == fact["verdict"]
            tally[("ok " if ok else "bad ") + fact["verdict"] + (" " if ok else f" ({got})")] += 1
            if args.bad and ok:
                continue
            print(f"{'OK ' if ok else 'BAD'} gold={fact['verdict']:8} got={got:11} {story['story']}: {fact['about'][:70]}")
            if args.about is not None and args.about in fact["about"]:
                for rep, hit in zip(fact["reports"], hits):
                    print(f"    {rep['article']:14} {rep['text']!r:45} -> {hit}")
                for fid in sorted({h for h in hits if h}):
                    f = facts.get(fid)
                    print(f"    SYS {fid} [{f and f.get('verdict')}] {f and f.get('about')}")
                    for r in (f or {}).get("reports", []):
                        print(f"        {r.get('article_id'):14} {r.get('text')!r} = {r.get('value')}")
    print()
    for key, n in sorted(tally.items()):
        print(f"{n:4d}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
