"""The web UI (``crossread serve``): a small read-only site over the latest run in the store.

Pages: ``/`` lists the latest run's stories with a search box; ``/stories/{id}`` is that story's HTML
report (``render.report.render_html``); ``/search?q=`` searches every stored article (FTS5). JSON:
``/api/dossier`` is the latest run's dossier, ``/api/stories/{id}`` one story as in the dossier.

Like the CLI it sits at the edge: it calls the store and the renderers, never the other way round, and
changes nothing stored (opening an older store migrates it, as every command does). Every article string
reaches a page through Jinja2 with autoescape on. The data is private by default: ``serve`` binds a loopback
address unless told the server is public, and a private server answers only requests addressed to a
loopback name, so a web page elsewhere cannot read the store through DNS rebinding.

Needs the ``web`` extra: ``pip install 'crossread[web]'``.
"""
from __future__ import annotations

import ipaddress
import json
import threading
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

try:
    import uvicorn
    from fastapi import FastAPI, Query, Request
    from fastapi.responses import HTMLResponse, Response
    from starlette.middleware.trustedhost import TrustedHostMiddleware
except ImportError as e:  # the extra is not installed
    raise ImportError(f"the web UI needs FastAPI and uvicorn ({e.name} is missing): "
                      "pip install 'crossread[web]'") from e

from .errors import OptionsError, StoreError
from .model import Article, Dossier, Story
from .render.dossier import dossier_dict, dossier_json
from .render.report import render_html
from .store import Store

__all__ = ["create_app", "serve", "is_loopback", "LOOPBACK_HOSTS"]

#: The Host header values a private server answers (IPv6 literals keep their brackets there).
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")

# Pages carry no script and load nothing; forms may only submit here.
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_SEARCH_LIMIT = 50


@lru_cache(maxsize=1)
def _environment():  # type: ignore[no-untyped-def]
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("crossread", "data/templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_environment().get_template(template).render(**context), status_code=status)


def _not_found(message: str) -> HTMLResponse:
    return _page("web_message.html.j2", 404, title="Not found", query="", message=message)


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False, indent=2) + "\n", status_code=status,
                    media_type="application/json")


class _LatestRun:
    """The latest run's dossier, read from the store again only when a newer run has been stored
    (reading a large run takes a while; checking for a newer one is one query)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._run: int | None = None
        self._dossier: Dossier | None = None

    def dossier(self) -> Dossier | None:
        with self._lock, Store(self.db) as store:
            run = store.latest_run()
            if run != self._run:
                self._dossier = store.run_dossier(run) if run is not None else None
                self._run = run
            return self._dossier


def _story(dossier: Dossier | None, story_id: str) -> Story | None:
    return next((s for s in dossier.stories if s.id == story_id), None) if dossier else None


def _story_title(story: Story, by_id: Mapping[str, Article]) -> str:
    """The heading the report gives a story: its title, else its first article's, else its id."""
    first = by_id.get(story.article_ids[0]) if story.article_ids else None
    return story.title or (first.title if first else None) or story.id


def _story_dossier(dossier: Dossier, story: Story) -> Dossier:
    """The part of a run one story needs: its articles and their analyses (the run's problems stay out)."""
    ids = set(story.article_ids)
    return Dossier(articles=tuple(a for a in dossier.articles if a.id in ids), stories=(story,),
                   analyses=tuple(x for x in dossier.analyses if x.article_id in ids))


def _story_rows(dossier: Dossier) -> list[dict[str, Any]]:
    """One row per story for the index, ordered like the report: most articles first, then by id."""
    by_id = {a.id: a for a in dossier.articles}
    rows = []
    for story in sorted(dossier.stories, key=lambda s: (-len(s.article_ids), s.id)):
        articles = [by_id[i] for i in story.article_ids if i in by_id]
        rows.append({
            "id": story.id,
            "title": _story_title(story, by_id),
            "articles": len(story.article_ids),
            "outlets": sorted({a.outlet for a in articles if a.outlet}),
            "conflicts": sum(1 for f in story.facts if f.verdict == "conflict"),
        })
    return rows


def is_loopback(host: str) -> bool:
    """Whether a listening address is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve anywhere
        return False


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, public: bool = False) -> None:
    """Serve the web app with uvicorn until interrupted; a non-loopback ``host`` needs ``public=True``."""
    if not public and not is_loopback(host):
        raise OptionsError(f"refusing to serve the store on {host}, where other machines can reach it "
                           "(--public allows it)")
    bound = f"[{host.strip('[]')}]" if ":" in host else host
    uvicorn.run(create_app(db, allowed_hosts=None if public else (*LOOPBACK_HOSTS, bound)), host=host, port=port)


def create_app(db: str | Path, *, allowed_hosts: Sequence[str] | None = LOOPBACK_HOSTS) -> FastAPI:
    """The web app over the store at ``db``, answering requests whose Host is one of ``allowed_hosts``
    (None: any host, for a public server)."""
    latest = _LatestRun(Path(db))
    # FastAPI's own docs pages load scripts from a CDN: off, like every other network fetch.
    app = FastAPI(title="crossread", docs_url=None, redoc_url=None, openapi_url=None)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.update(_HEADERS)
        return response

    @app.get("/", response_class=HTMLResponse)
    def index() -> HTMLResponse:
        dossier = latest.dossier()
        return _page("web_index.html.j2", title="crossread", query="", stored=dossier is not None,
                     stories=_story_rows(dossier) if dossier else [])

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse)
    def story_page(story_id: str) -> HTMLResponse:
        dossier = latest.dossier()
        story = _story(dossier, story_id)
        if dossier is None or story is None:
            return _not_found(f"No story {story_id!r} in the latest run.")
        part = _story_dossier(dossier, story)
        title = _story_title(story, {a.id: a for a in part.articles})
        return HTMLResponse(render_html(part, title=title, home="/"))

    @app.get("/search", response_class=HTMLResponse)
    def search(q: str = "", limit: int = Query(20, ge=1, le=_SEARCH_LIMIT)) -> HTMLResponse:
        if not q.strip():
            return _page("web_search.html.j2", title="Search", query=q, results=[], error=None)
        try:
            with Store(latest.db) as store:
                hits = store.search(q, limit)
                stored = store.articles_by_id(article_id for article_id, _ in hits)
        except StoreError as e:  # a malformed FTS5 query
            return _page("web_search.html.j2", 400, title="Search", query=q, results=[], error=str(e))
        dossier = latest.dossier()
        # an article links to its story when the latest run holds it (search covers every stored article)
        story_of = {i: s.id for s in dossier.stories for i in s.article_ids} if dossier else {}
        results = [{"article_id": article_id, "title": stored[article_id][0].title if article_id in stored else None,
                    "snippet": snippet, "story": story_of.get(article_id)} for article_id, snippet in hits]
        return _page("web_search.html.j2", title=f"Search: {q}", query=q, results=results, error=None)

    @app.get("/api/dossier")
    def api_dossier() -> Response:
        dossier = latest.dossier()
        if dossier is None:
            return _json({"detail": "no run stored"}, 404)
        return Response(dossier_json(dossier), media_type="application/json")

    @app.get("/api/stories/{story_id:path}")
    def api_story(story_id: str) -> Response:
        story = _story(latest.dossier(), story_id)
        if story is None:
            return _json({"detail": f"no story {story_id!r} in the latest run"}, 404)
        # the story exactly as the dossier contract writes it
        return _json(dossier_dict(Dossier(articles=(), stories=(story,)))["stories"][0])

    return app
