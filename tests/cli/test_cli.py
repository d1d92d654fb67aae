"""The command line: formats, exit codes, bad input lines on stderr, store behaviour."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crossread.render.dossier import validate

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crossread", *args], input=stdin, capture_output=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def example_json(tmp_path_factory) -> tuple[bytes, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("cli") / "d.json"
    proc = run("analyze", "examples/kosovo-2023", "--format", "json", "--no-store", "-o", str(out))
    return out.read_bytes(), proc


def test_cli_example_json_valid_and_complete(example_json) -> None:
    data_bytes, proc = example_json
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(data_bytes)
    assert validate(data) == []
    ids = [a["id"] for a in data["articles"]]
    assert ids == sorted(p.stem for p in (ROOT / "examples" / "kosovo-2023").glob("*.txt"))
    placed = [aid for s in data["stories"] for aid in s["article_ids"]]
    assert sorted(placed) == sorted(ids)  # every article in exactly one story


def test_cli_example_json_is_byte_identical_on_rerun(example_json, tmp_path: Path) -> None:
    first, _ = example_json
    out = tmp_path / "again.json"
    proc = run("analyze", "examples/kosovo-2023", "--format", "json", "--no-store", "-o", str(out))
    assert proc.returncode == 0
    assert out.read_bytes() == first


def test_cli_bad_inputs_reported_and_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c.jsonl").write_text('{"id": "ok", "text": "A fine article about a dam."}\nnot json\n', encoding="utf-8")
    proc = run("analyze", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "json", "--no-store")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert [a["id"] for a in data["articles"]] == ["ok"]
    err = proc.stderr.decode()
    assert f"{tmp_path / 'empty.txt'}: empty file [E101]" in err
    assert "bin.txt: binary file [E102]" in err
    assert f"{tmp_path / 'c.jsonl'}:2: not valid JSON" in err
    assert "missing.txt: path does not exist [E100]" in err
    assert {p["code"] for p in data["problems"]} == {"E100", "E101", "E102", "E104"}


def test_cli_strict_exits_1_on_any_problem(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("A fine article about a dam.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run("analyze", str(tmp_path), "--format", "json", "--no-store", "--strict")
    assert proc.returncode == 1


def test_cli_nothing_readable_exits_3(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run("analyze", str(tmp_path / "empty.txt"), "--no-store")
    assert proc.returncode == 3
    assert b"nothing could be read" in proc.stderr


def test_cli_stdin_and_store_dedup(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    body = b"Flood waters rose in the valley on Monday, officials said.\n"
    for _ in range(2):
        proc = run("analyze", "-", "--format", "json", "--db", str(db), stdin=body)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["articles"][0]["id"] == "stdin"
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 2
    found = run("search", "flood", "--db", str(db))
    assert found.returncode == 0 and found.stdout.startswith(b"stdin\t")


def test_cli_failed_run_does_not_touch_store(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    good = tmp_path / "good.txt"
    good.write_text("A fine article about a dam.", encoding="utf-8")
    assert run("analyze", str(good), "--db", str(db), "--format", "json").returncode == 0
    before = sqlite3.connect(db).execute("SELECT hash, record FROM articles").fetchall()
    assert run("analyze", str(tmp_path / "nothing.txt"), "--db", str(db)).returncode == 3
    after = sqlite3.connect(db).execute("SELECT hash, record FROM articles").fetchall()
    assert after == before


def test_cli_validate_and_schema(tmp_path: Path, example_json) -> None:
    good = tmp_path / "d.json"
    good.write_bytes(example_json[0])
    assert run("validate", str(good)).returncode == 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "crossread.dossier/1", "articles": [{"id": "x"}], "stories": []}))
    proc = run("validate", str(bad))
    assert proc.returncode == 1 and b"articles/0" in proc.stderr
    schema = json.loads(run("schema").stdout)
    assert schema["properties"]["schema"]["const"] == "crossread.dossier/1"


def test_cli_usage_error_exits_2() -> None:
    assert run("analyze", "examples/kosovo-2023", "--format", "pdf").returncode == 2
