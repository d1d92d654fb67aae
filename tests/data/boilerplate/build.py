"""Build the labelled boilerplate set (captures.jsonl) from ecbplus-dev article text plus our own furniture.

    .venv/bin/python tests/data/boilerplate/build.py [../shared/corpus/ecbplus-dev/articles.jsonl]

Each capture is one ECB+ article (CC BY 3.0, see README.md) laid out as a web capture:
its headline and body paragraphs (labelled content) with page furniture from
``furniture_pools.py`` placed where pages put it (navigation on top, byline and date
under the headline, captions and adverts between paragraphs, related-story blocks in
the middle or at the end, teasers for other stories, comments, notices). Teasers are
headlines and opening sentences of *other* ECB+ topics, as on a real page.

Topics 1-24 use the TUNE pool (split "tune"); topics 25-35 the HELDOUT pool (split
"heldout"). The build is deterministic (fixed seed).
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from crossread.clean.text import split_sentences  # noqa: E402
from furniture_pools import AUTHORS, AUTHORS_HELDOUT, HELDOUT, SITES, SITES_HELDOUT, TUNE  # noqa: E402

DEFAULT = HERE.parents[2].parent / "shared" / "corpus" / "ecbplus-dev" / "articles.jsonl"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def split_article(text: str) -> tuple[str | None, list[str]]:
    """Headline (first line without sentence punctuation) and the body's sentences, without repeats."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    headline = None
    first_is_date = bool(re.search(r"\d", lines[0])) and len(lines[0].split()) <= 8 if lines else False
    if len(lines) > 1 and not re.search(r"[.!?\"”]$", lines[0]) and len(lines[0].split()) <= 25 and not first_is_date:
        headline = lines[0]
    body_lines = [ln for ln in lines[1 if headline else 0 :] if len(ln.split()) >= 8 and re.search(r"[.!?\"”]$", ln)]
    sentences: list[str] = []
    seen = set()
    for ln in body_lines:
        for sent in split_sentences(ln):
            s = ln[sent.start : sent.end].strip()
            if len(s.split()) >= 4 and s not in seen:
                seen.add(s)
                sentences.append(s)
    return headline, sentences


def fill(template: str, rng: random.Random, ctx: dict[str, str], authors: list[str], sites: list[str]) -> str:
    day = rng.randint(1, 28)
    month = rng.randint(1, 12)
    year = rng.choice([2009, 2011, 2012, 2013])
    date = rng.choice([f"{MONTHS[month - 1]} {day}, {year}", f"{day} {MONTHS[month - 1]} {year}",
                       f"{month}/{day}/{year}", f"{year}-{month:02d}-{day:02d}", f"{MONTHS[month - 1][:3]}. {day}, {year}"])
    time = rng.choice([f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(['AM', 'PM', 'a.m.', 'p.m.'])}",
                       f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"])
    site = rng.choice(sites)
    values = {
        "name": ctx["name"], "place": ctx["place"], "date": date, "time": time, "n": str(rng.randint(2, 480)),
        "site": site, "site_handle": re.sub(r"\W", "", site).lower(), "author": rng.choice(authors),
        "author2": rng.choice(authors),
    }
    return template.format(**values)


def build(records: list[dict], *, seed: int = 13) -> list[dict]:
    rng = random.Random(seed)
    parsed = []
    for r in records:
        headline, sentences = split_article(r["text"])
        if len(sentences) >= 5:
            parsed.append((r["id"], int(r["id"].split("_")[0]), headline, sentences))
    parsed.sort(key=lambda x: (x[1], x[0]))
    tune = [p for p in parsed if p[1] <= 24][::4][:80]
    held = [p for p in parsed if p[1] >= 25][::3][:40]
    captures = []
    for split, chosen, pool, authors, sites in (("tune", tune, TUNE, AUTHORS, SITES),
                                                  ("heldout", held, HELDOUT, AUTHORS_HELDOUT, SITES_HELDOUT)):
        for art_id, topic, headline, sentences in chosen:
            others = [p for p in parsed if p[1] != topic]
            captures.append(_capture(art_id, split, headline, sentences, others, pool, authors, sites, rng))
    return captures


def _capture(art_id, split, headline, sentences, others, pool, authors, sites, rng) -> dict:  # type: ignore[no-untyped-def]
    text = " ".join(sentences)
    caps = re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b", text)
    ctx = {"name": caps[0] if caps else "The mayor", "place": caps[1] if len(caps) > 1 else "the city centre"}

    def f(kind: str) -> str:
        return fill(rng.choice(pool[kind]), rng, ctx, authors, sites)

    # Body paragraphs of one to three sentences.
    paragraphs: list[str] = []
    i = 0
    while i < len(sentences):
        k = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i : i + k]))
        i += k
    lines: list[tuple[str, str | None]] = []  # (text, furniture kind or None)

    def add(t: str, kind: str | None) -> None:
        lines.append((t, kind))

    def teaser_headlines(n: int) -> list[str]:
        picks = rng.sample(others, n)
        return [p[2] or p[3][0] for p in picks]

    if rng.random() < 0.3:
        for t in rng.sample(pool["nav_top"], rng.randint(1, 2)):
            add(t, "navigation")
    if headline:
        add(headline, None)
        if rng.random() < 0.15:
            add(headline, "repeated")
    if rng.random() < 0.5:
        add(f("byline"), "metadata")
    if rng.random() < 0.6:
        add(f("dateline"), "metadata")
    if rng.random() < 0.2:
        add(f("share"), "share")
    mid_related = rng.random() < 0.3 and len(paragraphs) >= 4
    related_at = rng.randint(2, len(paragraphs) - 2) if mid_related else -1
    caption_at = rng.randint(0, min(2, len(paragraphs) - 1)) if rng.random() < 0.6 else -1
    advert_at = rng.randint(1, len(paragraphs) - 1) if rng.random() < 0.4 and len(paragraphs) > 1 else -1
    for n, para in enumerate(paragraphs):
        add(para, None)
        if n == caption_at:
            if rng.random() < 0.35:
                a, b = rng.choice(pool["caption_pair"])
                add(fill(a, rng, ctx, authors, sites), "caption")
                add(fill(b, rng, ctx, authors, sites), "caption")
            else:
                cap = f("caption")
                add(cap, "caption")
                if rng.random() < 0.4:
                    add(cap, "caption")
        if n == advert_at:
            add(f("advert"), "advert")
        if n == related_at:
            add(f("related_header"), "related")
            for t in teaser_headlines(rng.randint(2, 3)):
                add(t, "related")
    tail: list[list[tuple[str, str]]] = []
    if rng.random() < 0.3:
        tail.append([(f("credit"), "credit")])
    if rng.random() < 0.25:
        tail.append([(f("correction"), "correction")])
    if rng.random() < 0.2:
        tail.append([(f("disclaimer"), "disclaimer")])
    if rng.random() < 0.25:
        tail.append([(f("tags"), "navigation")])
    if rng.random() < 0.3:
        tail.append([(f("share"), "share")] + ([(f("social"), "social")] if rng.random() < 0.5 else []))
    if rng.random() < 0.3:
        tail.append([(f("subscription"), "subscription")])
    rng.shuffle(tail)
    for block in tail:
        for t, kind in block:
            add(t, kind)
    if rng.random() < 0.5:
        add(f("related_header"), "related")
        for p in rng.sample(others, rng.randint(2, 4)):
            add(p[2] or p[3][0], "related")
            if rng.random() < 0.4:
                add(p[3][0], "related")
    elif rng.random() < 0.35:
        for p in rng.sample(others, rng.randint(1, 2)):
            add(" ".join(p[3][:2]), "teaser")
    if rng.random() < 0.25:
        add(f("comments_header"), "comments")
        for c in rng.sample(pool["comment"], 2):
            add(c, "comments")
    if rng.random() < 0.3:
        add(f("copyright"), "copyright")
    sep = "\n" if rng.random() < 0.3 else "\n\n"
    return {
        "id": f"bp-{art_id}",
        "source_id": art_id,
        "split": split,
        "separator": "single" if sep == "\n" else "blank",
        "lines": [{"text": t, "furniture": kind is not None, "kind": kind} for t, kind in lines],
    }


def capture_text(capture: dict) -> str:
    """The capture as plain text, as a reader of the page would copy it."""
    sep = "\n" if capture["separator"] == "single" else "\n\n"
    return sep.join(line["text"] for line in capture["lines"])


def main() -> int:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    records = [json.loads(x) for x in src.read_text(encoding="utf-8").splitlines() if x.strip()]
    captures = build(records)
    out = HERE / "captures.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for c in captures:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    n_lines = sum(len(c["lines"]) for c in captures)
    n_furn = sum(line["furniture"] for c in captures for line in c["lines"])
    print(f"wrote {len(captures)} captures ({n_lines} lines, {n_furn} furniture) to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
