"""Reports for people: Markdown for the terminal and one self-contained HTML page per run.

Per story both show the brief (each sentence with its citations), the facts
table (source × figure, conflicts marked), the timeline, the quotes grouped by
speaker, the framing comparison (voices, exclusive and omitted facts, blame,
over-used terms), the blindspot when outlets are grouped, and what was cut from
each article as boilerplate.  The HTML page also carries every article's text
with one anchor per sentence (``a{n}-s{i}``) so a citation opens the exact
sentence, and draws the timeline as an inline SVG chart (matplotlib).

Safety: the HTML is built by Jinja2 with autoescape on, so every article string
is text, never markup; links are made only from ``http``/``https`` URLs; the page
has no script and a Content-Security-Policy that forbids scripts and any network
fetch.  Markdown output escapes the characters that would turn article text into
HTML or links in a Markdown viewer.

Every section says so when its data is empty instead of failing.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Article, Dossier, Quote, Story

__all__ = ["render_markdown", "render_html", "story_view"]

_SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)
_MD_SPECIAL = re.compile(r"([\\`\[\]<>|])")
_MAX_REMOVED_CHARS = 300
_MAX_LABEL_CHARS = 70


# --------------------------------------------------------------------------- view model


def _safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address, else None (no javascript:, data:, ...)."""
    if url and _SAFE_URL.match(url.strip()):
        return url.strip()
    return None


def _sentence_text(article: Article, index: int) -> str:
    if 0 <= index < len(article.sentences):
        return " ".join(article.sentence_text(article.sentences[index]).split())
    return ""


def _record_sentence(article: Article | None, record: Any) -> int | None:
    if article is None:
        return None
    index = getattr(record, "sentence", None)
    if isinstance(index, int) and 0 <= index < len(article.sentences):
        return index
    start = getattr(record, "start", None)
    return article.sentence_at(start) if isinstance(start, int) else None


class _Run:
    """Run-wide lookups: articles by id, their anchor numbers and labels."""

    def __init__(self, dossier: Dossier) -> None:
        from ..reconcile.citations import source_labels

        self.dossier = dossier
        self.by_id = {a.id: a for a in dossier.articles}
        self.number = {a.id: n for n, a in enumerate(dossier.articles, 1)}
        self.analyses = {x.article_id: x for x in dossier.analyses}
        self.story_labels: dict[str, dict[str, str]] = {}
        for s in dossier.stories:
            self.story_labels[s.id] = source_labels([self.by_id[i] for i in s.article_ids if i in self.by_id])

    def anchor(self, article_id: str, index: int | None = None) -> str:
        n = self.number.get(article_id, 0)
        return f"a{n}" if index is None else f"a{n}-s{index}"

    def label(self, story: Story, article_id: str) -> str:
        return self.story_labels.get(story.id, {}).get(article_id, article_id)

    def cite(self, story: Story, article_id: str, index: int | None) -> dict[str, Any]:
        a = self.by_id.get(article_id)
        return {
            "article_id": article_id,
            "label": self.label(story, article_id),
            "sentence": index,
            "anchor": self.anchor(article_id, index),
            "text": _sentence_text(a, index) if (a is not None and index is not None) else "",
        }


def _story_quotes(run: _Run, story: Story) -> list[Quote]:
    if story.quotes:
        return list(story.quotes)
    return [q for i in story.article_ids for q in (run.analyses[i].quotes if i in run.analyses else ())]


def _parse_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


# Past this many outlets a figure-by-outlet table is too wide to read: each figure lists its values instead.
WIDE_STORY = 6


def _readings(run: _Run, fact: Any, labels: Mapping[str, str]) -> list[dict[str, Any]]:
    """A fact's readings (``facts.readings``), the one most outlets give first, each with the outlets
    giving it ("90-day stay": A, B, C), for stories too wide for one column per outlet."""
    from ..reconcile.facts import readings

    out = []
    for text, reports in sorted(readings(fact.reports), key=lambda tr: -len({r.article_id for r in tr[1]})):
        seen: dict[str, dict[str, Any]] = {}
        for r in reports:
            if r.article_id not in seen and r.article_id in labels:
                idx = _record_sentence(run.by_id.get(r.article_id), r)
                seen[r.article_id] = {"label": labels[r.article_id], "anchor": run.anchor(r.article_id, idx)}
        out.append({"text": text, "sources": list(seen.values())})
    return out


def story_view(run: _Run, story: Story, groups: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Everything a report shows about one story, as plain data (strings are raw, escaped by the renderer)."""
    arts = [run.by_id[i] for i in story.article_ids if i in run.by_id]
    labels = {a.id: run.label(story, a.id) for a in arts}

    brief = []
    for s in story.summary:
        cites = [run.cite(story, aid, idx) for aid, idx in s.evidence]
        cited_articles = {c["article_id"] for c in cites}
        cites += [run.cite(story, aid, None) for aid in s.sources if aid not in cited_articles]
        brief.append({"text": s.text, "kind": s.kind, "rewritten": bool(getattr(s, "rewritten", False)), "cites": cites,
                      "sources": [labels.get(a, a) for a in s.sources]})

    fact_rows = []
    order = {"conflict": 0, "agree": 1, "single": 2}
    for f in sorted(story.facts, key=lambda f: order.get(f.verdict, 3)):  # stable: conflicts, then agreements
        cells: dict[str, list[dict[str, Any]]] = {}
        for r in f.reports:
            idx = _record_sentence(run.by_id.get(r.article_id), r)
            cells.setdefault(r.article_id, []).append({"text": r.text, "anchor": run.anchor(r.article_id, idx)})
        fact_rows.append({"id": f.id, "about": f.about, "verdict": f.verdict, "timing": f.timing, "note": f.note,
                          "cells": [cells.get(a.id, []) for a in arts], "readings": _readings(run, f, labels)})

    events: list[dict[str, Any]] = []
    background: list[dict[str, Any]] = []  # context (a war decades back, a bare year): listed apart, after the story's own
    for ev in sorted(story.timeline, key=lambda e: (e.date, e.text)):
        cites = [run.cite(story, aid, idx) for aid, idx in ev.sentences]
        if not cites:
            cites = [run.cite(story, aid, None) for aid in ev.article_ids]
        (background if ev.background else events).append(
            {"date": ev.date, "text": ev.text, "disputed": ev.disputed, "background": ev.background, "cites": cites,
             "sources": [labels.get(a, a) for a in ev.article_ids]})

    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for q in sorted(_story_quotes(run, story), key=lambda q: (q.article_id, q.start)):
        idx = _record_sentence(run.by_id.get(q.article_id), q)
        by_speaker.setdefault(q.speaker or "", []).append(
            {"text": q.text, "kind": q.kind, "label": labels.get(q.article_id, q.article_id), "article_id": q.article_id,
             "anchor": run.anchor(q.article_id, idx), "speaker_text": q.speaker_text})
    speakers = sorted(by_speaker.items(), key=lambda kv: (kv[0] == "", -len(kv[1]), kv[0]))
    story_order = {a.id: k for k, a in enumerate(arts)}
    quotes = [{"speaker": name or None, "quotes": qs,  # outlets in story order, like every other list of sources
               "outlets": [labels[aid] for aid in sorted({q["article_id"] for q in qs if q["article_id"] in labels},
                                                         key=story_order.__getitem__)]}
              for name, qs in speakers]

    framing = dict(story.framing or {})
    if groups:
        from ..reconcile.framing import add_blindspot

        framing = add_blindspot(framing, story, arts, dict(groups))
    outlets = []
    for entry in framing.get("outlets", []):
        aid = entry.get("article_id", "")
        a = run.by_id.get(aid)
        blame = []
        for b in entry.get("blame", []):
            idx = b.get("sentence")
            blame.append({**b, "anchor": run.anchor(aid, idx if isinstance(idx, int) else None),
                          "text": _sentence_text(a, idx) if (a is not None and isinstance(idx, int)) else ""})
        outlets.append({**entry, "label": labels.get(aid, entry.get("label", aid)), "blame": blame, "anchor": run.anchor(aid)})
    blind = framing.get("blindspot")

    removed = []
    for a in arts:
        items = [{"text": r.text if len(r.text) <= _MAX_REMOVED_CHARS else r.text[:_MAX_REMOVED_CHARS] + "\u2026",
                  "reason": r.reason} for r in a.removed]
        removed.append({"label": labels[a.id], "anchor": run.anchor(a.id), "cuts": items})

    articles = []
    for a in arts:
        paragraphs: list[list[dict[str, Any]]] = []
        last_paragraph = None
        for i, s in enumerate(a.sentences):
            if s.paragraph != last_paragraph:
                paragraphs.append([])
                last_paragraph = s.paragraph
            paragraphs[-1].append({"anchor": run.anchor(a.id, i), "index": i, "text": a.sentence_text(s)})
        if not paragraphs and a.text.strip():
            paragraphs = [[{"anchor": run.anchor(a.id, 0), "index": 0, "text": a.text}]]
        articles.append({
            "id": a.id, "label": labels[a.id], "anchor": run.anchor(a.id), "title": a.title, "outlet": a.outlet,
            "url": a.url, "safe_url": _safe_url(a.url), "author": a.author,
            "published": a.published.isoformat() if a.published else None, "published_from": a.published_from,
            "paragraphs": paragraphs,
        })
    cited = {c["anchor"] for b in brief for c in b["cites"]}

    return {
        "id": story.id,
        "title": story.title or (arts[0].title if arts and arts[0].title else None),
        "start": story.start.isoformat() if story.start else None,
        "end": story.end.isoformat() if story.end else None,
        "sources": [{"id": a.id, "label": labels[a.id], "anchor": run.anchor(a.id)} for a in arts],
        "copies": [{"copy": labels.get(c.article_id, c.article_id), "original": labels.get(c.original_id, c.original_id),
                    "shared": c.shared} for c in story.copies],
        "brief": brief,
        "facts": fact_rows,
        "conflicts": sum(1 for f in story.facts if f.verdict == "conflict"),
        "timeline": events,
        "background": background,
        "quotes": quotes,
        "outlets": outlets,
        "blindspot": blind,
        "removed": removed,
        "articles": articles,
        "cited": cited,
    }


# --------------------------------------------------------------------------- timeline chart

_FOCUS_DAYS = 60


def _focus(rows: list[tuple[dt.date, dt.date, str, bool]]) -> list[tuple[dt.date, dt.date, str, bool]]:
    """The events near the story's own days: background dates (a war decades ago) would squash the chart.

    Keeps the events within ``_FOCUS_DAYS`` of the median event day; all of them when that keeps fewer than two.
    """
    days = sorted(r[0] for r in rows)
    median = days[len(days) // 2]
    near = [r for r in rows if abs((r[0] - median).days) <= _FOCUS_DAYS and (r[1] - median).days <= _FOCUS_DAYS]
    return near if len(near) >= 2 else rows


def timeline_svg(events: Sequence[Mapping[str, Any]]) -> str:
    """The timeline as an inline SVG chart (matplotlib), or "" when no event has a readable date.

    Each event is a dot on its day (a bar for a span), disputed events in red; labels are the
    event texts, shortened.  Text in the SVG is XML-escaped by matplotlib.
    """
    rows = []
    for ev in events:
        start_s, _, end_s = str(ev.get("date", "")).partition("/")
        start = _parse_day(start_s)
        end = _parse_day(end_s) if end_s else start
        if start is None or end is None:
            continue
        text = " ".join(str(ev.get("text", "")).split())
        if len(text) > _MAX_LABEL_CHARS:
            text = text[: _MAX_LABEL_CHARS - 1] + "\u2026"
        rows.append((start, end, text.replace("$", r"\$"), bool(ev.get("disputed"))))
    if not rows:
        return ""
    rows = _focus(rows)
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"svg.hashsalt": "crossread", "svg.fonttype": "none", "font.size": 9,
                                "text.usetex": False}):
        height = 0.9 + 0.32 * len(rows)
        fig = Figure(figsize=(9.5, height))
        ax = fig.add_axes((0.42, 0.7 / height + 0.02, 0.55, 1 - 1.0 / height))
        for y, (start, end, _text, disputed) in enumerate(rows):
            color = "#c0392b" if disputed else "#2c6fbb"
            if end > start:
                ax.plot([start, end], [y, y], color=color, linewidth=5, solid_capstyle="round")
            else:
                ax.plot([start], [y], "o", color=color, markersize=7)
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels([r[2] for r in rows])
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        for label in ax.get_xticklabels():
            label.set_rotation(30)
            label.set_horizontalalignment("right")
        first, last = min(r[0] for r in rows), max(r[1] for r in rows)
        pad = max(dt.timedelta(days=1), (last - first) / 20)
        ax.set_xlim(first - pad, last + pad)
        ax.grid(axis="x", color="#dddddd")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    svg = buf.getvalue()
    svg = svg[svg.find("<svg"):]  # drop the XML declaration and DOCTYPE: the SVG is inlined in HTML
    return svg


# --------------------------------------------------------------------------- HTML


@lru_cache(maxsize=1)
def _environment():  # type: ignore[no-untyped-def]
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("crossread", "data/templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2", "jinja"), default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def _groups(groups_file: str | Path | None) -> dict[str, str] | None:
    if not groups_file:
        return None
    from ..reconcile.framing_blindspot import load_groups

    return load_groups(groups_file)


def render_html(dossier: Dossier, *, groups_file: str | Path | None = None, title: str | None = None,
                home: str | None = None) -> str:
    """One self-contained HTML page for a run: no script, no external resource, every article string escaped.

    Args:
        dossier: the run's result.
        groups_file: optional outlet → group file (JSON or CSV) for the blindspot section.
        title: page title (default "crossread report").
        home: a link back above the title (the web UI's list of stories); none by default.
    """
    from markupsafe import Markup

    run = _Run(dossier)
    groups = _groups(groups_file)
    stories = []
    for story in dossier.stories:
        view = story_view(run, story, groups)
        # matplotlib writes the SVG and escapes its text; it holds no article markup
        view["timeline_svg"] = Markup(timeline_svg(view["timeline"] or view["background"]))
        stories.append(view)
    stories.sort(key=lambda v: (-len(v["sources"]), v["id"]))
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=title or "crossread report",
        stories=stories,
        n_articles=len(dossier.articles),
        problems=[p.to_dict() for p in dossier.problems],
        wide_story=WIDE_STORY,
        home=home,
    )


# --------------------------------------------------------------------------- Markdown


def _md(text: Any) -> str:
    """Article text made inert for Markdown: no HTML, links, code or table breaks; one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _md_cites(cites: Sequence[Mapping[str, Any]]) -> str:
    parts = []
    for c in cites:
        where = f" s{c['sentence']}" if c.get("sentence") is not None else ""
        parts.append(f"{_md(c['label'])}{where}")
    # our own brackets stay plain: article text is escaped, so no link definition can match them
    return f" [{'; '.join(parts)}]" if parts else ""


def render_markdown(dossier: Dossier, *, groups_file: str | Path | None = None) -> str:
    """The run as Markdown, readable in a terminal: per story brief, facts, timeline, quotes, framing, removed text.

    Citations read ``[Outlet s12]``: sentence 12 (from 0) of that outlet's article.
    """
    run = _Run(dossier)
    groups = _groups(groups_file)
    views = sorted((story_view(run, s, groups) for s in dossier.stories), key=lambda v: (-len(v["sources"]), v["id"]))
    n_art, n_sto = len(dossier.articles), len(views)
    out = ["# crossread report", "",
           f"{n_art} article{'' if n_art == 1 else 's'}, {n_sto} stor{'y' if n_sto == 1 else 'ies'}. "
           "Citations read [source sN]: sentence N (from 0) of that source's article."]
    if dossier.problems:
        out.append(f"{len(dossier.problems)} inputs had problems:")
        out += [f"- {_md(p.code)} {_md(p.source)}: {_md(p.message)}" for p in dossier.problems]
    for n, v in enumerate(views, 1):
        out += ["", f"## {n}. {_md(v['title'] or v['id'])}", ""]
        span = f" · {v['start']} to {v['end']}" if v["start"] else ""
        n_sources = len(v['sources'])
        out.append(f"{n_sources} article{'' if n_sources == 1 else 's'}: {', '.join(_md(s['label']) for s in v['sources'])}{span}")
        for c in v["copies"]:
            out.append(f"- {_md(c['copy'])} reprints {_md(c['original'])} ({c['shared']:.0%} shared)")

        out += ["", "### Brief", ""]
        if v["brief"]:
            for k, b in enumerate(v["brief"], 1):
                tag = {"conflict": " **(conflict)**", "evolution": " **(changed over time)**", "fact": " (agreed figure)",
                        "quote": " (quote)"}.get(b["kind"], "")
                out.append(f"{k}. {_md(b['text'])}{tag}{_md_cites(b['cites'])}")
        else:
            out.append("_No brief: no sentence of this story could be cited._")

        out += ["", "### Facts", ""]
        shared = [f for f in v["facts"] if f["verdict"] != "single"]
        lone = [f for f in v["facts"] if f["verdict"] == "single"]
        if shared and len(v["sources"]) > WIDE_STORY:
            # too many outlets for a column each: every figure lists its values and who gives them
            out.append("| figure | verdict | what the outlets report |")
            out.append("|---|---|---|")
            for f in shared:
                verdict = f["verdict"].upper() if f["verdict"] == "conflict" else f["verdict"]
                if f["timing"]:
                    verdict += f" ({f['timing']})"
                said = "; ".join(f"{_md(g['text'])} ({', '.join(_md(x['label']) for x in g['sources'])})"
                                 for g in f["readings"])
                out.append(f"| {_md(f['about'] or f['id'])} | {verdict} | {said} |")
        elif shared:
            heads = [s["label"] for s in v["sources"]]
            out.append("| figure | verdict | " + " | ".join(_md(h) for h in heads) + " |")
            out.append("|---|---|" + "---|" * len(heads))
            for f in shared:
                verdict = f["verdict"].upper() if f["verdict"] == "conflict" else f["verdict"]
                if f["timing"]:
                    verdict += f" ({f['timing']})"
                cells = ["; ".join(_md(r["text"]) for r in cell) or "\u2013" for cell in f["cells"]]
                out.append(f"| {_md(f['about'] or f['id'])} | {verdict} | " + " | ".join(cells) + " |")
        if lone:
            labels = [s["label"] for s in v["sources"]]
            items = [f"{_md(r['text'])} ({_md(labels[k])})" for f in lone for k, cell in enumerate(f["cells"]) for r in cell]
            out += ["" if shared else "", f"Reported by one outlet only: {'; '.join(items)}"]
        if not v["facts"]:
            out.append("_No figures found in this story._")

        out += ["", "### Timeline", ""]

        def event_lines(events: Sequence[Mapping[str, Any]]) -> list[str]:
            return [f"- {_md(ev['date'])}: {_md(ev['text'])}{' **(disputed)**' if ev['disputed'] else ''}"
                    f" ({', '.join(_md(s) for s in ev['sources'])})" for ev in events]

        if v["timeline"]:
            out += event_lines(v["timeline"])
        else:
            out.append("_No dated events._" if not v["background"] else "_No dated events of the story itself._")
        if v["background"]:
            out += ["", "Background (earlier events the articles recall, not part of the story):", ""]
            out += event_lines(v["background"])

        out += ["", "### Quotes by speaker", ""]
        if v["quotes"]:
            for group in v["quotes"]:
                out.append(f"- **{_md(group['speaker'] or 'Unattributed')}** ({', '.join(_md(o) for o in group['outlets'])})")
                for q in group["quotes"]:
                    out.append(f"  - \u201c{_md(q['text'])}\u201d ({_md(q['label'])})")
        else:
            out.append("_No quotations found._")

        out += ["", "### Framing by outlet", ""]
        if v["outlets"]:
            for o in v["outlets"]:
                out.append(f"- **{_md(o['label'])}**")
                voices = ", ".join(f"{_md(x['speaker'] or 'unattributed')} ({_voice_tally(x)})" for x in o.get("voices", []))
                out.append(f"  - Voices: {voices or 'none quoted'}")
                if o.get("exclusive_voices"):
                    out.append(f"  - Only here: {', '.join(_md(x) for x in o['exclusive_voices'])}")
                if o.get("omitted_voices"):
                    out.append(f"  - Not quoted here (most others do): {', '.join(_md(x) for x in o['omitted_voices'])}")
                if o.get("exclusive_facts"):
                    out.append("  - Figures only here: " + "; ".join(_md(x.get("text") or x.get("about")) for x in o["exclusive_facts"]))
                if o.get("omitted_facts"):
                    out.append("  - Omits (most others report): " + "; ".join(
                        f"{_md(x.get('about') or x.get('fact'))} ({x['reported_by']} outlets)" for x in o["omitted_facts"]))
                if o.get("exclusive_entities"):
                    out.append(f"  - Names only here: {', '.join(_md(x) for x in o['exclusive_entities'])}")
                blame = [b for b in o.get("blame", [])]
                if blame:
                    out.append("  - Blame and responsibility: " + "; ".join(
                        f"{_md(b.get('subject') or '(the article)')} \u2192 {_md(b['verb'])}" + (f" \u2192 {_md(b['object'])}" if b.get("object") else "")
                        + (f" (in a quote by {_md(b['voiced_by'])})" if b.get("voiced_by") else "")
                        for b in blame))
                terms = o.get("loaded_terms", [])
                if terms:
                    out.append("  - Over-used terms: " + ", ".join(
                        (f"*{_md(t['term'])}*" if t.get("evaluative") else _md(t["term"])) + f" ({t['count']}\u00d7)" for t in terms)
                        + "  (*italic*: evaluative)")
        else:
            out.append("_No framing comparison for this story._")

        if v["blindspot"]:
            out += ["", "### Blindspot", ""]
            b = v["blindspot"]
            if b.get("only_in"):
                for group, items in sorted(b["only_in"].items()):
                    bits = []
                    if items["facts"]:
                        bits.append("figures: " + "; ".join(_md(x["text"] or x["about"]) for x in items["facts"]))
                    if items["voices"]:
                        bits.append("voices: " + ", ".join(_md(x) for x in items["voices"]))
                    if items["targets"]:
                        bits.append("blamed: " + ", ".join(_md(x) for x in items["targets"]))
                    out.append(f"- Only in **{_md(group)}**: " + (" · ".join(bits) if bits else "nothing"))
            else:
                out.append("_Fewer than two groups of outlets cover this story._")
            if b.get("ungrouped"):
                out.append(f"- Not in any group: {', '.join(_md(run.label(next(s for s in dossier.stories if s.id == v['id']), x)) for x in b['ungrouped'])}")

        out += ["", "### Removed as boilerplate", ""]
        any_removed = False
        for r in v["removed"]:
            for item in r["cuts"]:
                any_removed = True
                out.append(f"- {_md(r['label'])} ({_md(item['reason'])}): {_md(item['text'])}")
        if not any_removed:
            out.append("_Nothing was removed._")
    return "\n".join(out) + "\n"


def _voice_tally(voice: dict) -> str:
    """"2 quotes, 31 words quoted" ("1 quote, reported speech" when none of it is in quotation marks)."""
    n, words = voice["quotes"], voice["words"]
    said = f"{n} quote" + ("s" if n != 1 else "")
    return f"{said}, {words} words quoted" if words else f"{said}, reported speech"
