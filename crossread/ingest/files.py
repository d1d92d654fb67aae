"""Files, folders, JSON-lines corpora and standard input → ``RawArticle``.

A file's id is its name without extension; ids in JSON lines are kept as given.
Bad inputs are reported through ``on_problem`` (an ``InputError`` with a stable
code naming the file and line) and skipped; the rest goes on.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import RawArticle

__all__ = ["read_path", "read_stdin", "decode_bytes", "TEXT_SUFFIXES", "HTML_SUFFIXES", "JSONL_SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

# Tried in order after UTF-8: the legacy encodings news pages and exports most often use.
# cp1252 before latin-1 because it maps 0x80-0x9f to real punctuation (curly quotes, dashes).
_LEGACY_ENCODINGS = ("utf-16", "cp1252", "latin-1")

Reporter = Callable[[InputError], None]


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOM: text
        return False
    if b"\x00" in head:
        return True
    # Many control bytes (other than tab/newline/CR/formfeed) mean not text.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(head) // 100)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode file bytes as UTF-8, else a BOM-marked UTF-16, else cp1252/latin-1; raises InputError."""
    if _looks_binary(data):
        raise InputError("E102", source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for enc in _LEGACY_ENCODINGS:
        if enc == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "latin-1" and sum(1 for c in text if "\x80" <= c <= "\x9f") > 0:
            continue  # C1 controls: it was not latin-1 either
        return text
    raise InputError("E103", source)


def _read_text_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError("E110", str(path), f"could not read file: {e.strerror or e}") from e
    if not data.strip():
        raise InputError("E101", str(path))
    text = decode_bytes(data, str(path))
    if not text.strip():
        raise InputError("E101", str(path))
    return text


def read_path(path: Path, *, on_problem: Reporter) -> Iterator[RawArticle]:
    """Records from a file or (recursively, sorted) a folder."""
    if not path.exists():
        on_problem(InputError("E100", str(path)))
        return
    if path.is_dir():
        files = sorted(
            (p for p in path.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)),
            key=lambda p: p.relative_to(path).as_posix(),
        )
        readable = [p for p in files if p.suffix.lower() in READABLE and not _is_project_file(p)]
        if not readable:
            on_problem(InputError("E107", str(path)))
            return
        for p in readable:
            yield from _read_file(p, on_problem)
        return
    yield from _read_file(path, on_problem, explicit=True)


# Files a corpus folder carries about itself, not articles (read when named explicitly).
_PROJECT_FILES = {"readme", "license", "licence", "changelog", "changes", "contributing", "authors", "notice", "copying"}


def _is_project_file(path: Path) -> bool:
    return path.stem.lower() in _PROJECT_FILES


def _read_file(path: Path, on_problem: Reporter, explicit: bool = False) -> Iterator[RawArticle]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(_read_text_file(path), str(path), on_problem=on_problem)
        elif suffix in FEED_SUFFIXES and not explicit:
            return  # inside folders, .xml files are usually not articles; feeds are read when named
        elif suffix in FEED_SUFFIXES:
            from .fetch import parse_feed

            yield from parse_feed(_read_text_file(path), str(path), on_problem=on_problem)
        elif suffix in HTML_SUFFIXES:
            yield RawArticle(id=path.stem, html=_read_text_file(path), source=str(path))
        else:
            # .txt/.md, or a file named explicitly whatever its suffix: read as text, sniffing HTML
            text = _read_text_file(path)
            if suffix not in TEXT_SUFFIXES and _sniff_html(text):
                yield RawArticle(id=path.stem, html=text, source=str(path))
            else:
                yield RawArticle(id=path.stem, text=text, source=str(path))
    except InputError as e:
        on_problem(e)


def _sniff_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _string_or_none(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return str(value)
    return None


def read_jsonl(text: str, source: str, *, on_problem: Reporter) -> Iterator[RawArticle]:
    """Records of a JSON-lines corpus; a bad line is reported with its line number and skipped."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            on_problem(InputError("E104", where, f"not valid JSON ({e.msg})"))
            continue
        if not isinstance(record, dict):
            on_problem(InputError("E108", where))
            continue
        body_text, body_html = record.get("text"), record.get("html")
        if not (isinstance(body_text, str) and body_text.strip()) and not (isinstance(body_html, str) and body_html.strip()):
            on_problem(InputError("E105", where))
            continue
        rid = _string_or_none(record.get("id")) or f"{Path(source).stem}-{lineno}"
        yield RawArticle(
            id=rid,
            text=body_text if isinstance(body_text, str) and body_text.strip() else None,
            html=body_html if not (isinstance(body_text, str) and body_text.strip()) else None,
            url=_string_or_none(record.get("url")),
            outlet=_string_or_none(record.get("outlet")),
            published=_string_or_none(record.get("published")),
            title=_string_or_none(record.get("title")),
            author=_string_or_none(record.get("author")),
            source=where,
        )


def read_stdin(*, on_problem: Reporter, stream=None) -> Iterator[RawArticle]:  # type: ignore[no-untyped-def]
    """Standard input: JSON lines when every non-blank line is a JSON object, HTML when it looks like a page, else one text."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data.strip():
        on_problem(InputError("E101", "<stdin>"))
        return
    try:
        text = decode_bytes(data, "<stdin>")
    except InputError as e:
        on_problem(e)
        return
    first = text.lstrip()[:1]
    if first == "{":
        yield from read_jsonl(text, "<stdin>", on_problem=on_problem)
    elif _sniff_html(text):
        yield RawArticle(id="stdin", html=text, source="<stdin>")
    else:
        yield RawArticle(id="stdin", text=text, source="<stdin>")
