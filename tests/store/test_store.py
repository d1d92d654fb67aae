"""The SQLite store: idempotent re-ingest, consistency after a failed run, search, migrations."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from crossread import analyze
from crossread.errors import StoreError
from crossread.model import Article
from crossread.options import Options
from crossread.store import MIGRATIONS, Store


def _article(i: int, text: str) -> Article:
    return Article(id=f"a{i}", text=text, content_hash=f"hash-{i}")


def test_store_same_articles_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.add_articles([_article(1, "one"), _article(2, "two")]) == 2
        assert store.add_articles([_article(1, "one"), _article(3, "three")]) == 1
        assert store.count_articles() == 3
        assert [a.id for a in store.articles()] == ["a1", "a2", "a3"]


def test_store_round_trips_article_records(tmp_path: Path, example_dir: Path) -> None:
    dossier = analyze([example_dir])
    with Store(tmp_path / "s.db") as store:
        store.save_run([str(example_dir)], dossier)
        stored = {a.id: a for a in store.articles()}
        assert stored == {a.id: a for a in dossier.articles}
        assert [s.id for s in store.latest_stories()] == [s.id for s in dossier.stories]
        # a second run of the same input stores no article twice
        store.save_run([str(example_dir)], dossier)
        assert store.count_articles() == len(dossier.articles)


def test_store_failed_batch_keeps_what_was_stored(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add_articles([_article(1, "kept")])

    def exploding():
        yield _article(2, "in the failed batch")
        raise RuntimeError("interrupted")

    with Store(path) as store:
        with pytest.raises(RuntimeError):
            store.add_articles(exploding())
    with Store(path) as store:
        assert [a.id for a in store.articles()] == ["a1"]
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_search_ignores_diacritics(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_articles([_article(1, "Clashes broke out in Zvečan on Monday."), _article(2, "Unrelated text.")])
        assert [r[0] for r in store.search("zvecan")] == ["a1"]
        with pytest.raises(StoreError):
            store.search('"unbalanced')


def test_store_migrations_are_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    with Store(path) as store:
        assert store.version == len(MIGRATIONS)


def test_store_unwritable_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        Store(blocker / "sub" / "s.db")


def test_store_is_sqlite_with_expected_tables(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    names = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "analyses", "runs", "stories", "story_articles", "articles_fts"} <= names


def test_store_old_database_is_migrated_forward(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript(MIGRATIONS[0])
    con.execute("PRAGMA user_version=1")
    con.execute("INSERT INTO articles(hash, id, text, record) VALUES ('h', 'kept', 'text', '{\"id\": \"kept\", \"text\": \"text\"}')")
    con.commit()
    con.close()
    with Store(path) as store:
        assert store.version == len(MIGRATIONS)
        assert [a.id for a in store.articles()] == ["kept"]
        assert store.story_state() is None and store.current_stories() == []


def test_store_gives_back_each_runs_whole_dossier(tmp_path: Path, example_dir: Path) -> None:
    first = analyze([example_dir, tmp_path / "missing.txt"])
    # the same inputs cleaned otherwise: same hashes, other records
    second = analyze([example_dir], options=Options.build(keep_boilerplate=True))
    assert first.problems and first.articles != second.articles
    with Store(tmp_path / "s.db") as store:
        assert store.latest_run() is None
        store.save_run(["first"], first)
        run = store.save_run(["second"], second)
        assert store.latest_run() == run
        assert store.run_dossier(run) == second
        assert store.run_dossier(run - 1) == first
        assert store.run_dossier(run + 1) is None


def test_store_runs_from_before_migration_3_keep_their_stories_articles(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    con = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        con.executescript(script)
    con.execute("PRAGMA user_version=2")
    for article_id, text in (("b", "Second."), ("a", "First.")):
        con.execute("INSERT INTO articles(hash, id, text, record) VALUES (?, ?, ?, ?)",
                    (f"h{article_id}", article_id, text, json.dumps({"id": article_id, "text": text})))
    con.execute("INSERT INTO runs(inputs, articles, stories) VALUES ('[]', 2, 1)")
    con.execute("INSERT INTO stories(run, id, record) VALUES (1, 's-a', ?)",
                (json.dumps({"id": "s-a", "title": None, "article_ids": ["a", "b"]}),))
    con.executemany("INSERT INTO story_articles(run, story, hash) VALUES (1, 's-a', ?)", [("hb",), ("ha",)])
    con.commit()
    con.close()
    with Store(path) as store:
        dossier = store.run_dossier(1)
    assert dossier is not None
    assert [a.id for a in dossier.articles] == ["a", "b"]
    assert [s.id for s in dossier.stories] == ["s-a"] and dossier.problems == ()
