"""The embedded SQLite store: articles keyed by content hash, their analyses, and each run's stories and dossier.

- WAL mode, one transaction per batch: an interrupted run leaves the database consistent.
- Articles are keyed by the SHA-256 of their input body, so analysing the same input
  twice stores nothing twice, and nothing stored is ever changed or deleted by a run.
- Numbered migrations in ``MIGRATIONS``; the applied version is ``PRAGMA user_version``.
- FTS5 full-text index over article text (``unicode61 remove_diacritics 2``, so "zvecan" finds "Zvečan").
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import StoreError
from .model import Article, ArticleAnalysis, Dossier, Problem, Story

__all__ = ["Store", "default_path", "MIGRATIONS"]

BATCH = 500

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, analyses, stories, runs, full-text index
    """
    CREATE TABLE articles (
        hash TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        source TEXT,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,
        text TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX articles_id ON articles(id);
    CREATE TABLE analyses (
        hash TEXT PRIMARY KEY REFERENCES articles(hash),
        record TEXT NOT NULL
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        inputs TEXT NOT NULL,
        articles INTEGER NOT NULL,
        stories INTEGER NOT NULL
    );
    CREATE TABLE stories (
        run INTEGER NOT NULL REFERENCES runs(id),
        id TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (run, id)
    );
    CREATE TABLE story_articles (
        run INTEGER NOT NULL,
        story TEXT NOT NULL,
        hash TEXT NOT NULL REFERENCES articles(hash),
        PRIMARY KEY (run, story, hash)
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # 2: incremental story assignment: the grouping state and the current stories
    """
    CREATE TABLE story_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        state BLOB NOT NULL
    );
    CREATE TABLE current_stories (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL
    );
    """,
    # 3: a run's whole dossier can be read back. The same input can be cleaned differently in another run
    #    (options, corpus-level furniture, dates inferred from its peers), and identical copies under two ids
    #    share one hash, so a run keeps its own article and analysis records where they differ from the
    #    ones stored first under that hash (NULL where they are the same). Runs stored before this keep the
    #    articles their stories list, in id order, with their first stored records and no problems.
    """
    CREATE TABLE run_articles (
        run INTEGER NOT NULL REFERENCES runs(id),
        position INTEGER NOT NULL,
        hash TEXT NOT NULL REFERENCES articles(hash),
        record TEXT,
        analysis TEXT,
        PRIMARY KEY (run, position)
    );
    ALTER TABLE runs ADD COLUMN problems TEXT NOT NULL DEFAULT '[]';
    INSERT INTO run_articles(run, position, hash)
        SELECT s.run, row_number() OVER (PARTITION BY s.run ORDER BY a.id, a.hash) - 1, a.hash
        FROM (SELECT DISTINCT run, hash FROM story_articles) s JOIN articles a ON a.hash = s.hash;
    """,
)


def default_path() -> Path:
    """The store's default place: ``crossread.db`` under the user's data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir("crossread", appauthor=False)) / "crossread.db"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Store:
    """An open SQLite store. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path), isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=5000")
            self._migrate()
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"cannot open store {self.path}: {e}") from e

    # ------------------------------------------------------------------ plumbing
    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS, 1):
            if number <= version:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(script):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={number}")
                self.db.execute("COMMIT")
            except sqlite3.Error:
                self.db.execute("ROLLBACK")
                raise

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _batched(self, rows: Iterable[tuple[Any, ...]], sql: str) -> int:
        """Insert rows one transaction per batch; returns how many were new."""
        added = 0
        batch: list[tuple[Any, ...]] = []

        def flush() -> int:
            if not batch:
                return 0
            before = self.db.total_changes
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.executemany(sql, batch)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            n = self.db.total_changes - before
            batch.clear()
            return n

        try:
            for row in rows:
                batch.append(row)
                if len(batch) >= BATCH:
                    added += flush()
            added += flush()
        except sqlite3.Error as e:
            raise StoreError(f"store {self.path}: {e}") from e
        return added

    # ------------------------------------------------------------------ writes
    def add_articles(self, articles: Iterable[Article]) -> int:
        """Store articles not stored yet (by content hash); returns how many were new."""
        # total_changes also counts FTS trigger rows: count new hashes instead
        sql = ("INSERT OR IGNORE INTO articles(hash, id, source, url, outlet, title, published, text, record) "
               "VALUES (?,?,?,?,?,?,?,?,?)")
        before = self.count_articles()
        self._batched(
            ((a.content_hash, a.id, a.source, a.url, a.outlet, a.title,
              a.published.isoformat() if a.published else None, a.text, _dumps(a.to_dict())) for a in articles),
            sql,
        )
        return self.count_articles() - before

    def add_analyses(self, pairs: Iterable[tuple[str, ArticleAnalysis]]) -> int:
        """Store (content hash, analysis) pairs not stored yet."""
        return self._batched(((h, _dumps(a.to_dict())) for h, a in pairs),
                             "INSERT OR IGNORE INTO analyses(hash, record) VALUES (?,?)")

    def save_run(self, inputs: Sequence[str], dossier: Dossier) -> int:
        """Store a whole run (its articles, analyses, stories and problems) and return the run's number."""
        self.add_articles(dossier.articles)
        hash_of = {a.id: a.content_hash for a in dossier.articles}
        self.add_analyses((hash_of[x.article_id], x) for x in dossier.analyses if x.article_id in hash_of)
        analysis_of = {x.article_id: _dumps(x.to_dict()) for x in dossier.analyses}
        try:
            self.db.execute("BEGIN IMMEDIATE")
            cur = self.db.execute("INSERT INTO runs(inputs, articles, stories, problems) VALUES (?,?,?,?)",
                                  (_dumps(list(inputs)), len(dossier.articles), len(dossier.stories),
                                   _dumps([p.to_dict() for p in dossier.problems])))
            run = int(cur.lastrowid or 0)
            # NULLIF keeps a record only where it differs from the one already stored under the hash
            self.db.executemany(
                "INSERT INTO run_articles(run, position, hash, record, analysis) VALUES (?, ?, ?, "
                "NULLIF(?, (SELECT record FROM articles WHERE hash=?)), "
                "NULLIF(?, (SELECT record FROM analyses WHERE hash=?)))",
                [(run, position, a.content_hash, _dumps(a.to_dict()), a.content_hash,
                  analysis_of.get(a.id), a.content_hash) for position, a in enumerate(dossier.articles)])
            self.db.executemany("INSERT INTO stories(run, id, record) VALUES (?,?,?)",
                                [(run, s.id, _dumps(s.to_dict())) for s in dossier.stories])
            self.db.executemany(
                "INSERT OR IGNORE INTO story_articles(run, story, hash) VALUES (?,?,?)",
                [(run, s.id, hash_of[aid]) for s in dossier.stories for aid in s.article_ids if aid in hash_of])
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            self.db.execute("ROLLBACK")
            raise StoreError(f"store {self.path}: {e}") from e
        return run

    def save_increment(self, articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                       state: bytes, stories: Sequence[Story], dropped: Sequence[str]) -> None:
        """Store an incremental addition in one transaction: new articles and analyses, the
        grouping state, the changed stories, and the removal of stories merged into others."""
        hash_of = {a.id: a.content_hash for a in articles}
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(
                "INSERT OR IGNORE INTO articles(hash, id, source, url, outlet, title, published, text, record) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                [(a.content_hash, a.id, a.source, a.url, a.outlet, a.title,
                  a.published.isoformat() if a.published else None, a.text, _dumps(a.to_dict())) for a in articles])
            self.db.executemany("INSERT OR IGNORE INTO analyses(hash, record) VALUES (?,?)",
                                [(hash_of[x.article_id], _dumps(x.to_dict())) for x in analyses if x.article_id in hash_of])
            self.db.execute("INSERT OR REPLACE INTO story_state(id, state) VALUES (1, ?)", (state,))
            self.db.executemany("DELETE FROM current_stories WHERE id=?", [(i,) for i in dropped])
            self.db.executemany("INSERT OR REPLACE INTO current_stories(id, record) VALUES (?,?)",
                                [(st.id, _dumps(st.to_dict())) for st in stories])
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            self.db.execute("ROLLBACK")
            raise StoreError(f"store {self.path}: {e}") from e

    # ------------------------------------------------------------------ reads
    def story_state(self) -> bytes | None:
        row = self.db.execute("SELECT state FROM story_state WHERE id=1").fetchone()
        return bytes(row[0]) if row else None

    def current_stories(self) -> list[Story]:
        """The stories of incremental additions, in a stable order (by id)."""
        return [Story.from_dict(json.loads(r)) for (r,) in
                self.db.execute("SELECT record FROM current_stories ORDER BY id")]

    def articles_by_id(self, ids: Iterable[str]) -> dict[str, tuple[Article, ArticleAnalysis | None]]:
        """The stored article (the latest stored under that id) and its analysis, per id."""
        out: dict[str, tuple[Article, ArticleAnalysis | None]] = {}
        for article_id in ids:
            row = self.db.execute(
                "SELECT a.record, n.record FROM articles a LEFT JOIN analyses n ON n.hash = a.hash "
                "WHERE a.id=? ORDER BY a.rowid DESC LIMIT 1", (article_id,)).fetchone()
            if row:
                out[article_id] = (Article.from_dict(json.loads(row[0])),
                                   ArticleAnalysis.from_dict(json.loads(row[1])) if row[1] else None)
        return out

    def count_articles(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def has(self, content_hash: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE hash=?", (content_hash,)).fetchone() is not None

    def articles(self) -> Iterator[Article]:
        for (record,) in self.db.execute("SELECT record FROM articles ORDER BY id, hash"):
            yield Article.from_dict(json.loads(record))

    def analysis(self, content_hash: str) -> ArticleAnalysis | None:
        row = self.db.execute("SELECT record FROM analyses WHERE hash=?", (content_hash,)).fetchone()
        return ArticleAnalysis.from_dict(json.loads(row[0])) if row else None

    def latest_run(self) -> int | None:
        """The number of the latest stored run, or None when no run is stored."""
        row = self.db.execute("SELECT max(id) FROM runs").fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def latest_stories(self) -> list[Story]:
        run = self.latest_run()
        return [] if run is None else self._run_stories(run)

    def _run_stories(self, run: int) -> list[Story]:
        return [Story.from_dict(json.loads(r)) for (r,) in
                self.db.execute("SELECT record FROM stories WHERE run=? ORDER BY rowid", (run,))]

    def run_dossier(self, run: int) -> Dossier | None:
        """The whole dossier of stored run ``run`` as that run made it, or None when there is no such run."""
        row = self.db.execute("SELECT problems FROM runs WHERE id=?", (run,)).fetchone()
        if row is None:
            return None
        records = self.db.execute(
            "SELECT coalesce(r.record, a.record), coalesce(r.analysis, n.record) FROM run_articles r "
            "JOIN articles a ON a.hash = r.hash LEFT JOIN analyses n ON n.hash = r.hash "
            "WHERE r.run=? ORDER BY r.position", (run,)).fetchall()
        return Dossier(
            articles=tuple(Article.from_dict(json.loads(article)) for article, _ in records),
            stories=tuple(self._run_stories(run)),
            analyses=tuple(ArticleAnalysis.from_dict(json.loads(analysis)) for _, analysis in records if analysis),
            problems=tuple(Problem.from_dict(p) for p in json.loads(row[0])),
        )

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Full-text search: (article id, snippet) pairs, best first."""
        try:
            rows = self.db.execute(
                "SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 12) FROM articles_fts "
                "JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit)).fetchall()
        except sqlite3.OperationalError as e:
            raise StoreError(f"bad search query {query!r}: {e}") from e
        return [(r[0], r[1]) for r in rows]


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (sqlite3.complete_statement keeps triggers whole)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
