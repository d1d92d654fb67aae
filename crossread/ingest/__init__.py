"""Stage 1, ingest: every input (files, folders, JSON lines, '-', URLs, feeds) as ``RawArticle`` records."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import RawArticle
from .files import read_path, read_stdin

__all__ = ["read_inputs", "read_path", "read_stdin"]


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def read_inputs(
    inputs: Iterable[str | Path | RawArticle],
    *,
    on_problem: Callable[[InputError], None],
    allow_private: bool = False,
) -> Iterator[RawArticle]:
    """Yield a record per article from each input in order; each bad input is passed to ``on_problem``."""
    for item in inputs:
        if isinstance(item, RawArticle):
            yield item
            continue
        name = str(item)
        if name == "-":
            yield from read_stdin(on_problem=on_problem)
        elif _is_url(name):
            from .fetch import read_url

            yield from read_url(name, on_problem=on_problem, allow_private=allow_private)
        else:
            yield from read_path(Path(name), on_problem=on_problem)
