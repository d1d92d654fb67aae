"""The HTML report in a real browser (headless Chromium, no network): every section is there and hostile
article text stays text — no injected script runs, no injected element appears.  Skips without Chromium."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from crossread.model import Dossier
from crossread.render.report import render_html
from tests.render.test_report import PWN, SECTIONS, _tags, hostile_dossier

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless chromium not installed (/usr/bin/chromium)"),
]


def _chromium(page: Path, profile: Path, *extra: str) -> str:
    cmd = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        "--disable-dev-shm-usage", f"--user-data-dir={profile}", *extra, page.as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _dom(html: str, tmp_path: Path) -> str:
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    return _chromium(page, tmp_path / "profile", "--dump-dom", "--virtual-time-budget=3000")


def test_browser_hostile_text_never_runs(tmp_path):
    html = render_html(hostile_dossier())
    # Take the Content-Security-Policy away: escaping alone must keep the page safe.
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    dom = _dom(html, tmp_path)
    assert "<title>crossread report</title>" in dom  # an injected script would have renamed the page
    assert "<script" not in dom.lower() and "<img" not in dom.lower()
    for tag, attrs in _tags(dom):
        assert tag not in ("script", "img", "iframe", "object", "embed")
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)  # no event-handler attribute
        assert not (attrs.get("href") or "").lower().startswith("javascript:")
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom  # shown as text
    assert PWN in dom


def test_browser_shows_every_section(tmp_path):
    dom = _dom(render_html(hostile_dossier()), tmp_path)
    for title in SECTIONS:
        assert f">{title}</h3>" in dom
    assert "<svg" in dom and 'class="facts"' in dom and 'class="framing"' in dom


def test_browser_renders_empty_report(tmp_path):
    dom = _dom(render_html(Dossier(articles=(), stories=())), tmp_path)
    assert "No stories" in dom
