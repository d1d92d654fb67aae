"""Incremental additions: new articles join stored stories; stored data is never lost."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from crossread.incremental import add_to_store
from crossread.model import RawArticle
from crossread.store import Store

DAM = [
    "Engineers opened the gates of the new Kessel river dam on Tuesday, flooding the old valley road. "
    "The Kessel dam cost 1.2 billion euros and took six years to build, regional minister Anna Vogt said.",
    "The Kessel river dam opened on Tuesday after six years of construction. Minister Anna Vogt said the "
    "1.2 billion euro Kessel project would power 300,000 homes.",
    "Anna Vogt defended the cost of the Kessel dam on Wednesday, a day after its gates opened, saying the "
    "1.2 billion euros would be repaid within 20 years.",
]
QUAKE = ("A magnitude 6.1 earthquake struck the coastal town of Marlo on Sunday, killing at least 12 people "
         "and destroying the harbour, the Marlo fire service said.")


def _records(ids, texts, day):
    return [RawArticle(id=i, text=t, published=day, outlet=f"Outlet {i}") for i, t in zip(ids, texts)]


def test_incremental_new_article_joins_stored_story(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = add_to_store(_records(["d1", "d2"], DAM[:2], "2023-05-30") + _records(["q1"], [QUAKE], "2023-05-28"), store)
        dam_story = next(s for s in first.stories if "d1" in s.article_ids)
        assert sorted(dam_story.article_ids) == ["d1", "d2"]
        second = add_to_store(_records(["d3"], DAM[2:], "2023-05-31"), store)
        grown = next(s for s in second.stories if "d3" in s.article_ids)
        assert grown.id == dam_story.id and sorted(grown.article_ids) == ["d1", "d2", "d3"]
        assert sorted(i for s in second.stories for i in s.article_ids) == ["d1", "d2", "d3", "q1"]
        # the quake story was not touched, and nothing is stored twice on a repeat
        again = add_to_store(_records(["d3"], DAM[2:], "2023-05-31"), store)
        assert [s.to_dict() for s in again.stories] == [s.to_dict() for s in second.stories]
        assert store.count_articles() == 4


def test_incremental_cli_add(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": f"d{i}", "text": t, "published": "2023-05-30"})
                                for i, t in enumerate(DAM)) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    proc = subprocess.run([sys.executable, "-m", "crossread", "add", str(corpus), "--db", str(db), "-f", "json"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert sorted(a["id"] for a in data["articles"]) == ["d0", "d1", "d2"]
    assert len(data["stories"]) == 1
