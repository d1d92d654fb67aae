"""The web UI over the store: story list, story report, search, JSON endpoints, 404s, escaping, `serve`."""
from __future__ import annotations

import importlib
import json
import sys
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crossread import analyze
from crossread.cli import app as cli_app
from crossread.render.dossier import dossier_dict, dossier_json, validate
from crossread.store import Store
from crossread.web import create_app

# Invented reports: three outlets on one bridge collapse (12 or 15 injured), two on a library opening,
# and a one-article story whose title and text carry a script.
ARTICLES = {
    "bridge-courier": """Title: Footbridge collapses over the Elvane in Marrowford
Date: 2031-04-14
Outlet: Marrowford Courier

A footbridge over the river Elvane collapsed in Marrowford on Monday morning, injuring 12 people who were \
crossing it on their way to the market.

"The structure gave way without any warning," said Hester Pellow, the mayor of Marrowford. "We will find out why."

Engineers from the regional roads office closed both banks of the river on Monday afternoon. The bridge was \
built in 1974 and was last inspected in 2029.
""",
    "bridge-gazette": """Title: Fifteen hurt as Marrowford bridge falls into the Elvane
Date: 2031-04-14
Outlet: Elvane Valley Gazette

At least 15 people were injured when a footbridge in Marrowford collapsed into the river Elvane on Monday, \
according to the town's fire service.

Mayor Hester Pellow said the structure gave way without any warning and promised an inquiry into the \
footbridge collapse.

The footbridge, built in 1974, carried about 2,000 people a day across the Elvane to the Marrowford market.
""",
    "bridge-wire": """Title: Marrowford footbridge collapse injures a dozen
Date: 2031-04-15
Outlet: Northern Wire

Twelve people were injured when a footbridge collapsed into the river Elvane in Marrowford on Monday, the \
regional roads office said on Tuesday.

"The structure gave way without any warning," the mayor of Marrowford, Hester Pellow, told reporters at the \
Elvane. The roads office said inspectors would examine the footbridge collapse this week.
""",
    "library-courier": """Title: Quillhaven opens its new lending library
Date: 2031-05-02
Outlet: Marrowford Courier

The coastal town of Quillhaven opened a new lending library on Friday, with 40,000 books on its shelves and \
a reading room for 120 visitors.

"Every child in Quillhaven deserves a library card," said Orrin Gale, the head librarian, at the opening of \
the lending library.
""",
    "library-herald": """Title: Quillhaven lending library opens its doors
Date: 2031-05-02
Outlet: Quillhaven Herald

Quillhaven's new lending library opened on Friday with 40,000 books and a reading room that seats 120 visitors.

Head librarian Orrin Gale said every child in Quillhaven deserves a library card, and the library will stay \
open until nine on weekdays.
""",
    "zz-ferry": """Title: Brindle Point ferry timetable <script>alert('title')</script>
Date: 2031-06-09
Outlet: Harbour Notes

The Brindle Point ferry will sail every ninety minutes from Saturday. <script>alert('text')</script> \
Tickets bought before the change remain valid until the end of June.
""",
}
BRIDGE, LIBRARY, FERRY = "s-bridge-courier", "s-library-courier", "s-zz-ferry"


def _write(folder: Path, names: list[str]) -> Path:
    folder.mkdir()
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def stored(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A store holding one run of the pipeline over every invented article, and that run's dossier."""
    root = tmp_path_factory.mktemp("web")
    dossier = analyze([_write(root / "articles", list(ARTICLES))])
    with Store(root / "store.db") as store:
        store.save_run(["articles"], dossier)
    return root / "store.db", dossier


def _client(db: Path, **host):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():  # starlette 1.x would rather its TestClient ran on httpx2; httpx is installed
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient
    return TestClient(create_app(db, **host), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def client(stored):  # type: ignore[no-untyped-def]
    return _client(stored[0])


def test_web_dossier_has_the_stories_the_tests_expect(stored) -> None:
    _, dossier = stored
    stories = {s.id: s for s in dossier.stories}
    assert sorted(stories) == [BRIDGE, LIBRARY, FERRY]
    assert [f.verdict for f in stories[BRIDGE].facts].count("conflict") == 1


def test_web_index_lists_the_latest_runs_stories(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    # most articles first, then by id: the report's order
    positions = [html.index(f'href="/stories/{story_id}"') for story_id in (BRIDGE, LIBRARY, FERRY)]
    assert positions == sorted(positions)
    bridge_row = html[positions[0]:positions[1]]
    assert "Footbridge collapses over the Elvane in Marrowford" in bridge_row
    assert '<td class="n">3</td>' in bridge_row
    assert "Elvane Valley Gazette, Marrowford Courier, Northern Wire" in bridge_row
    assert '<td class="n conflict">1</td>' in bridge_row
    assert '<form action="/search" method="get"' in html and 'name="q"' in html
    assert client.get("/").text == html


def test_web_story_page_is_the_stories_report(client) -> None:
    page = client.get(f"/stories/{BRIDGE}")
    assert page.status_code == 200
    html = page.text
    assert "<title>Footbridge collapses over the Elvane in Marrowford</title>" in html
    assert 'href="/"' in html  # back to the list
    for outlet in ("Marrowford Courier", "Elvane Valley Gazette", "Northern Wire"):
        assert outlet in html
    assert "The structure gave way without any warning" in html
    assert "Quillhaven" not in html  # only this story's articles


def test_web_search_finds_stored_articles(client) -> None:
    page = client.get("/search", params={"q": "footbridge"})
    assert page.status_code == 200
    assert "3 results for “footbridge”" in page.text
    assert page.text.count(f'href="/stories/{BRIDGE}"') == 3
    assert "Quillhaven" not in page.text.split("<main>")[1]
    assert 'value="footbridge"' in page.text
    library = client.get("/search", params={"q": "librarian"}).text
    assert "Quillhaven lending library opens its doors" in library and f'href="/stories/{LIBRARY}"' in library
    assert client.get("/search", params={"q": "zeppelin"}).text.count("0 results") == 1
    assert client.get("/search").status_code == 200
    bad = client.get("/search", params={"q": '"unbalanced'})
    assert bad.status_code == 400 and "bad search query" in bad.text


def test_web_api_dossier_is_the_runs_dossier(client, stored) -> None:
    _, dossier = stored
    response = client.get("/api/dossier")
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    # the same data (the store keeps records with sorted keys, so free-form dicts such as framing come back sorted)
    assert response.json() == json.loads(dossier_json(dossier))
    assert validate(response.json()) == []


def test_web_api_story_is_the_story_as_in_the_dossier(client, stored) -> None:
    _, dossier = stored
    expected = {s["id"]: s for s in dossier_dict(dossier)["stories"]}
    for story_id in (BRIDGE, LIBRARY):
        response = client.get(f"/api/stories/{story_id}")
        assert response.status_code == 200
        assert response.json() == json.loads(json.dumps(expected[story_id]))


def test_web_unknown_ids_are_404(client) -> None:
    assert client.get("/stories/s-no-such-story").status_code == 404
    assert client.get("/api/stories/s-no-such-story").status_code == 404
    assert client.get("/api/stories/s-no-such-story").json()["detail"].startswith("no story")
    assert client.get("/no-such-page").status_code == 404


def test_web_script_in_article_title_and_text_comes_out_escaped(client) -> None:
    pages = {
        "index": client.get("/").text,
        "story": client.get(f"/stories/{FERRY}").text,
        "search": client.get("/search", params={"q": "alert"}).text,
    }
    assert "alert(&#39;title&#39;)" in pages["index"]
    assert "alert(&#39;title&#39;)" in pages["story"] and "alert(&#39;text&#39;)" in pages["story"]
    assert "(&#39;text&#39;)&lt;/script&gt;" in pages["search"]  # the snippet brackets the match: [alert]
    for name, html in pages.items():
        assert "<script" not in html.lower(), name
        assert "&lt;script&gt;" in html, name
    assert client.get("/").headers["content-security-policy"].startswith("default-src 'none'")


def test_web_follows_the_latest_run(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    Store(db).close()
    client = _client(db)
    assert "No run is stored yet" in client.get("/").text
    assert client.get("/api/dossier").status_code == 404
    with Store(db) as store:
        store.save_run(["library"], analyze([_write(tmp_path / "library", ["library-courier", "library-herald"])]))
    html = client.get("/").text
    assert f'href="/stories/{LIBRARY}"' in html and BRIDGE not in html
    assert [s["id"] for s in client.get("/api/dossier").json()["stories"]] == [LIBRARY]


def test_web_private_server_answers_only_loopback_names(stored) -> None:
    private = _client(stored[0])
    assert private.get("/", headers={"host": "localhost:8000"}).status_code == 200
    assert private.get("/", headers={"host": "attacker.example"}).status_code == 400
    public = _client(stored[0], allowed_hosts=None)
    assert public.get("/", headers={"host": "news.example"}).status_code == 200


def test_cli_serve_binds_loopback_unless_public(stored, monkeypatch: pytest.MonkeyPatch) -> None:
    import crossread.web

    calls: list[dict] = []
    monkeypatch.setattr(crossread.web.uvicorn, "run", lambda app, **kw: calls.append(kw))
    runner = CliRunner()
    db = str(stored[0])
    refused = runner.invoke(cli_app, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert refused.exit_code == 2 and "--public" in refused.output and calls == []
    assert runner.invoke(cli_app, ["serve", "--db", db]).exit_code == 0
    assert runner.invoke(cli_app, ["serve", "--db", db, "--host", "0.0.0.0", "--port", "8123", "--public"]).exit_code == 0
    assert calls == [{"host": "127.0.0.1", "port": 8000}, {"host": "0.0.0.0", "port": 8123}]
    missing = runner.invoke(cli_app, ["serve", "--db", str(Path(db).parent / "none.db")])
    assert missing.exit_code == 3 and "no store at" in missing.output
    assert not (Path(db).parent / "none.db").exists()


def test_cli_serve_without_the_web_extra_says_how_to_install_it(stored, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)  # as if FastAPI were not installed
    monkeypatch.delitem(sys.modules, "crossread.web")
    with pytest.raises(ImportError, match=r"pip install 'crossread\[web\]'"):
        importlib.import_module("crossread.web")
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(stored[0])])
    assert result.exit_code == 2 and "pip install 'crossread[web]'" in result.output
