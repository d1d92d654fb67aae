"""The ``crossread`` command: thin commands over the Python API.

Exit codes:
    0  the run analysed at least one article (unreadable inputs were reported on stderr and skipped)
    1  ``--strict`` and at least one input or article had a problem
    2  usage error (bad flag, bad option value, ``serve`` on a non-loopback host without ``--public``,
       the ``web`` extra missing)
    3  nothing could be read: no article was analysed (``serve``: no store at the path)
    4  the store or the output file could not be written
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import CrossreadError, OptionsError, StoreError
from .model import Problem

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Read many outlets' coverage of the same events: what is corroborated, what is disputed, who said what.",
    rich_markup_mode=None,
)

EXIT_OK, EXIT_STRICT, EXIT_USAGE, EXIT_NOTHING, EXIT_STORE = 0, 1, 2, 3, 4


class Format(str, Enum):
    md = "md"
    html = "html"
    json = "json"


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _problem_line(problem: Problem) -> None:
    _err(f"crossread: {problem.source}: {problem.message} [{problem.code}]")


def _version(value: bool) -> None:
    if value:
        print(f"crossread {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """crossread: every line cited back to the sentence it came from."""


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt .md .html .jsonl .rss), folders, URLs, or - for standard input.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="md (default, to stdout), html or json.")] = Format.md,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of standard output.")] = None,
    db: Annotated[Optional[Path], typer.Option("--db", help="SQLite store (default: under the user's data directory).")] = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="Do not write to the store.")] = False,
    keep_boilerplate: Annotated[bool, typer.Option("--keep-boilerplate", help="Do not remove page furniture.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input or article had a problem.")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Let the fetcher reach private and loopback addresses.")] = False,
    llm: Annotated[Optional[str], typer.Option("--llm", help="OpenAI-compatible endpoint that may rewrite the brief (checked against its sources).")] = None,
    groups: Annotated[Optional[Path], typer.Option("--groups", help="JSON or CSV file mapping outlets to groups, for the blindspot view.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse articles into stories, facts, quotes, a timeline and a brief.

    Example: crossread analyze examples/kosovo-2023 --format html -o report.html
    """
    from .options import Options
    from .pipeline import Pipeline

    try:
        options = Options.build(keep_boilerplate=keep_boilerplate, allow_private_urls=allow_private,
                                llm_url=llm, groups_file=groups)
    except OptionsError as e:
        _err(f"crossread: {e}")
        raise typer.Exit(EXIT_USAGE)
    pipeline = Pipeline(options, on_problem=_problem_line)
    show_progress = not quiet and sys.stderr.isatty()
    try:
        articles = list(_with_progress(pipeline.clean(pipeline.read(inputs)), "reading", show_progress))
        if not articles:
            _err("crossread: nothing could be read")
            raise typer.Exit(EXIT_NOTHING)
        dossier = _run_with_progress(pipeline, articles, show_progress)
    except CrossreadError as e:  # only under --strict do stage errors propagate
        _err(f"crossread: {e}")
        raise typer.Exit(EXIT_STRICT)

    if not no_store:
        from .store import Store

        try:
            with Store(db) as store:
                store.save_run([str(i) for i in inputs], dossier)
        except StoreError as e:
            _err(f"crossread: {e}")
            raise typer.Exit(EXIT_STORE)

    _write_output(_render(dossier, format, groups), output)
    if strict and dossier.problems:
        raise typer.Exit(EXIT_STRICT)


def _write_output(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        _err(f"crossread: cannot write {output}: {e.strerror or e}")
        raise typer.Exit(EXIT_STORE)


@app.command()
def add(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for standard input.")],
    db: Annotated[Optional[Path], typer.Option("--db", help="SQLite store (default: under the user's data directory).")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="md (default), html or json: the store's current stories.")] = Format.md,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of standard output.")] = None,
    keep_boilerplate: Annotated[bool, typer.Option("--keep-boilerplate", help="Do not remove page furniture.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input or article had a problem.")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Let the fetcher reach private and loopback addresses.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Add articles to the store's stories incrementally (only changed stories are recomputed).

    Example: crossread add todays-feed.rss --db news.db --format json -o stories.json
    """
    from .incremental import add_to_store
    from .options import Options
    from .pipeline import Pipeline
    from .store import Store

    pipeline = Pipeline(Options.build(keep_boilerplate=keep_boilerplate, allow_private_urls=allow_private),
                        on_problem=_problem_line)
    try:
        with Store(db) as store:
            dossier = add_to_store(inputs, store, pipeline)
    except StoreError as e:
        _err(f"crossread: {e}")
        raise typer.Exit(EXIT_STORE)
    except CrossreadError as e:
        _err(f"crossread: {e}")
        raise typer.Exit(EXIT_STRICT)
    if not dossier.articles:
        _err("crossread: nothing could be read")
        raise typer.Exit(EXIT_NOTHING)
    _write_output(_render(dossier, format), output)
    if strict and dossier.problems:
        raise typer.Exit(EXIT_STRICT)


def _render(dossier, format: Format, groups: Path | None = None) -> str:  # type: ignore[no-untyped-def]
    if format is Format.json:
        from .render.dossier import dossier_json

        return dossier_json(dossier)
    from .render import report

    if format is Format.html:
        return report.render_html(dossier, groups_file=groups)
    return report.render_markdown(dossier, groups_file=groups)


def _with_progress(items, label: str, show: bool):  # type: ignore[no-untyped-def]
    if not show:
        yield from items
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed}"), TimeElapsedColumn(),
                  transient=True, console=_stderr_console()) as progress:
        task = progress.add_task(label)
        for item in items:
            progress.advance(task)
            yield item


def _run_with_progress(pipeline, articles, show: bool):  # type: ignore[no-untyped-def]
    if not show:
        return pipeline.run_articles(articles)
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), transient=True, console=_stderr_console()) as progress:
        tasks: dict[str, int] = {}

        def tick(label: str, n: int) -> None:
            if label not in tasks:
                tasks[label] = progress.add_task(label, total=len(articles) if label == "analyse" else None)
            progress.update(tasks[label], completed=n)

        return pipeline.run_articles(articles, progress=tick)


def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="FTS5 query, e.g. 'zvecan AND peacekeepers'.")],
    db: Annotated[Optional[Path], typer.Option("--db", help="SQLite store.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most results.")] = 20,
) -> None:
    """Full-text search over the stored articles.

    Example: crossread search "peacekeepers injured" --db crossread.db
    """
    from .store import Store

    try:
        with Store(db) as store:
            for article_id, snippet in store.search(query, limit):
                print(f"{article_id}\t{snippet}")
    except StoreError as e:
        _err(f"crossread: {e}")
        raise typer.Exit(EXIT_STORE)


@app.command()
def serve(
    db: Annotated[Optional[Path], typer.Option("--db", help="SQLite store (default: under the user's data directory).")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    public: Annotated[bool, typer.Option("--public", help="Allow a non-loopback --host: whoever reaches it reads the store.")] = False,
) -> None:
    """Serve a read-only web UI over the store: the latest run's stories, their reports, search and JSON.

    Example: crossread serve --db news.db   (then open http://127.0.0.1:8000/)
    """
    from .store import default_path

    try:
        from .web import serve as serve_web
    except ImportError as e:  # the web extra is not installed; the message says how to install it
        _err(f"crossread: {e}")
        raise typer.Exit(EXIT_USAGE)
    path = db or default_path()
    if not path.is_file():  # serving must not create an empty store
        _err(f"crossread: no store at {path}; crossread analyze INPUT... --db {path} makes one")
        raise typer.Exit(EXIT_NOTHING)
    try:
        serve_web(path, host=host, port=port, public=public)
    except OptionsError as e:
        _err(f"crossread: {e}")
        raise typer.Exit(EXIT_USAGE)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the dossier.

    Example: crossread schema > dossier.schema.json
    """
    import json

    from .render.dossier import load_schema

    print(json.dumps(load_schema(), indent=2, ensure_ascii=False))


@app.command()
def validate(
    dossier: Annotated[Path, typer.Argument(help="A dossier JSON file.")],
) -> None:
    """Check a dossier file against the schema; exit 1 when it does not conform.

    Example: crossread validate dossier.json
    """
    import json

    from .render.dossier import validate as validate_dict

    try:
        data = json.loads(dossier.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        _err(f"crossread: cannot read {dossier}: {e}")
        raise typer.Exit(EXIT_USAGE)
    errors = validate_dict(data)
    for line in errors:
        _err(f"crossread: {dossier}: {line}")
    if errors:
        raise typer.Exit(1)
    print(f"{dossier}: valid")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
