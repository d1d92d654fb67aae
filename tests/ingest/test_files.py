"""Ingest: every input form, and every kind of bad input reported and skipped."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossread.errors import InputError
from crossread.ingest import read_inputs
from crossread.ingest.files import decode_bytes, read_stdin


def _read(*paths):
    problems: list[InputError] = []
    records = list(read_inputs([str(p) for p in paths], on_problem=problems.append))
    return records, problems


def test_files_txt_md_html_ids_are_stems(tmp_path: Path) -> None:
    (tmp_path / "b-story.txt").write_text("Flood waters rose in the valley on Monday.\n", encoding="utf-8")
    (tmp_path / "a-notes.md").write_text("# Heading\n\nA second article about the flood.\n", encoding="utf-8")
    (tmp_path / "c-page.html").write_text("<html><body><p>Page</p></body></html>", encoding="utf-8")
    records, problems = _read(tmp_path)
    assert problems == []
    assert [r.id for r in records] == ["a-notes", "b-story", "c-page"]
    assert records[1].text.startswith("Flood waters")
    assert records[2].html is not None and records[2].text is None


def test_files_folder_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "inner.txt").write_text("Inner article text here.", encoding="utf-8")
    (tmp_path / "m.txt").write_text("Top article text here.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden file.", encoding="utf-8")
    records, _ = _read(tmp_path)
    assert [r.id for r in records] == ["m", "inner"]


def test_files_jsonl_keeps_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "x-17", "text": "Body one.", "outlet": "Daily", "published": "2023-06-01", "title": "T"}),
        "{not json",
        json.dumps({"id": "no-body", "title": "only a title"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": 42, "html": "<html><body><p>Body two in HTML.</p></body></html>"}),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records, problems = _read(path)
    assert [r.id for r in records] == ["x-17", "42"]
    assert records[0].outlet == "Daily" and records[0].published == "2023-06-01"
    assert records[1].html and records[1].text is None
    assert [(p.code, p.source) for p in problems] == [
        ("E104", f"{path}:2"), ("E105", f"{path}:3"), ("E108", f"{path}:5")]


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("empty.txt", b"", "E101"),
        ("blank.txt", b"  \n\n \t", "E101"),
        ("binary.txt", bytes(range(256)) * 8, "E102"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "E102"),
    ],
)
def test_files_bad_file_is_reported_and_skipped(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text("A good article that must still be read.", encoding="utf-8")
    records, problems = _read(tmp_path / name, tmp_path / "good.txt")
    assert [r.id for r in records] == ["good"]
    assert [p.code for p in problems] == [code]
    assert name in problems[0].source


def test_files_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "picture.png").write_bytes(b"\x89PNG")
    records, problems = _read(tmp_path / "nope.txt", tmp_path / "empty")
    assert records == []
    assert [p.code for p in problems] == ["E100", "E107"]


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("cp1252", "The minister said \u201cno\u201d \u2013 in Zürich."),
        ("latin-1", "Caf\u00e9 owners in Montr\u00e9al protested."),
        ("utf-16", "Ein Bericht \u00fcber Stra\u00dfen."),
    ],
)
def test_files_legacy_encodings_are_decoded(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    records, problems = _read(path)
    assert problems == []
    assert records[0].text == text


def test_decode_bytes_utf8_with_bom() -> None:
    assert decode_bytes("\ufeffHello".encode("utf-8"), "x") == "Hello"


def test_stdin_text_and_jsonl() -> None:
    import io

    problems: list[InputError] = []
    text = list(read_stdin(on_problem=problems.append, stream=io.BytesIO(b"One article from a pipe.\n")))
    assert [(r.id, r.text) for r in text] == [("stdin", "One article from a pipe.\n")]
    jl = list(read_stdin(on_problem=problems.append,
                         stream=io.BytesIO(b'{"id": "p1", "text": "first"}\n{"id": "p2", "text": "second"}\n')))
    assert [r.id for r in jl] == ["p1", "p2"]
    assert problems == []


def test_files_named_feed_is_read(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Herald</title>'
        "<item><title>Dam opens</title><link>https://valley.example/dam</link>"
        "<pubDate>Tue, 30 May 2023 10:00:00 GMT</pubDate>"
        "<description>&lt;p&gt;The dam opened its gates.&lt;/p&gt;&lt;p&gt;Farmers cheered.&lt;/p&gt;</description></item>"
        "<item><title>Empty</title><link>https://valley.example/empty</link><description></description></item>"
        "</channel></rss>", encoding="utf-8")
    records, problems = _read(feed)
    assert len(records) == 1
    r = records[0]
    assert r.outlet == "Valley Herald" and r.published == "2023-05-30" and r.url == "https://valley.example/dam"
    assert "The dam opened its gates." in r.text and "Farmers cheered." in r.text
    assert [p.code for p in problems] == ["E105"]


def test_files_folder_skips_readme_and_licence(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About this corpus\n\nFive articles.", encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text("Some licence.", encoding="utf-8")
    (tmp_path / "story.txt").write_text("An article.", encoding="utf-8")
    records, problems = _read(tmp_path)
    assert [r.id for r in records] == ["story"] and problems == []
    named, _ = _read(tmp_path / "README.md")
    assert [r.id for r in named] == ["README"]
