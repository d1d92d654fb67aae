"""Boilerplate removal quality: precision and recall of removed lines on the labelled set.

    .venv/bin/python bench/bench_boilerplate.py [--errors]

``--errors`` lists the lines got wrong in the *tune* captures only: the held-out captures are the
check, and reading their failures would tune the rules on them.

The set (tests/data/boilerplate/captures.jsonl, built by build.py there) holds ECB+
articles laid out as web captures with our own furniture; "heldout" captures use a
furniture pool the rules were never tuned on. Target: >= 0.95 precision and recall.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "data" / "boilerplate"))

from metric import load, score  # noqa: E402


def main() -> int:
    captures = load()
    t0 = time.perf_counter()
    result = score(captures)
    secs = time.perf_counter() - t0
    n_lines = sum(len(c["lines"]) for c in captures)
    print(f"{len(captures)} captures, {n_lines} lines, scored in {secs:.2f} s")
    for key in ["all", "tune", "heldout"] + sorted(k for k in result if k.startswith("kind:")):
        if key not in result:
            continue
        r = result[key]
        print(f"  {key:<20} precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
              f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})")
    met = all(result[k]["precision"] >= 0.95 and result[k]["recall"] >= 0.95 for k in ("all", "heldout") if k in result)
    print(f"target (precision and recall >= 0.95 on all and on heldout): {'met' if met else 'NOT met'}")
    if "--errors" in sys.argv:
        tune = {c["id"] for c in captures if c["split"] == "tune"}
        for cid, what, kind, text in result["errors"]:
            if cid in tune:
                print(f"{cid:<22} {what:<16} {kind:<12} {text[:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
