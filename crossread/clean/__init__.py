"""Stage 2, clean: HTML to text, normalisation, boilerplate out, metadata in, sentences with offsets."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

from ..errors import InputError
from ..model import Article, RawArticle
from ..options import CleanOptions
from .boilerplate import remove_boilerplate
from .dating import infer_dates
from .metadata import metadata_from_text
from .text import normalise, split_sentences

__all__ = ["clean_article", "extract_html", "parse_published", "infer_dates", "normalise", "split_sentences"]

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: str | None) -> dt.date | None:
    """A record's ``published`` (YYYY-MM-DD or full ISO time) as a date; None if absent or unreadable."""
    if not value:
        return None
    m = _ISO_DATE.match(str(value))
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        from dateutil import parser as dateutil_parser

        return dateutil_parser.parse(str(value)).date()
    except (ValueError, OverflowError):
        return None


def extract_html(html: str, *, url: str | None = None, source: str = "") -> dict[str, str | None]:
    """Main text and metadata of an HTML page with trafilatura; raises InputError E106 when there is none."""
    import trafilatura

    result = trafilatura.extract(
        html, url=url, output_format="json", with_metadata=True, include_comments=False,
        include_tables=False, favor_precision=False, deduplicate=False,
    )
    data = json.loads(result) if result else {}
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError("E106", source or url or "<html>")
    return {
        "text": text,
        "title": data.get("title") or None,
        "author": data.get("author") or None,
        "published": data.get("date") or None,
        "outlet": data.get("sitename") or data.get("hostname") or None,
    }


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_article(raw: RawArticle, options: CleanOptions | None = None) -> Article:
    """Turn an input record into a cleaned ``Article``.

    Record metadata wins over what the text says; what the text says fills the gaps
    (and is marked ``published_from='text'``).
    """
    options = options or CleanOptions()
    title, author, outlet, published_raw = raw.title, raw.author, raw.outlet, raw.published
    if raw.html is not None and raw.text is None:
        page = extract_html(raw.html, url=raw.url, source=raw.source)
        body = page["text"] or ""
        title = title or page["title"]
        author = author or page["author"]
        outlet = outlet or page["outlet"]
        published_raw = published_raw or page["published"]
    else:
        body = raw.text or ""
    body = normalise(body)
    published = parse_published(published_raw)
    published_from = "metadata" if published else None

    meta = metadata_from_text(body, url=raw.url)
    removed = list(meta.removed)
    body = meta.body if meta.body else body
    updated = meta.updated
    evidence: tuple[str, ...] = ()
    if published is None and meta.published is not None:
        published, published_from, evidence = meta.published, "text", meta.evidence
    title = title or meta.title
    author = author or meta.author
    outlet = outlet or meta.outlet

    if not options.keep_boilerplate:
        body, cut = remove_boilerplate(body, title=title)
        removed.extend(cut)
    body = normalise(body)
    return Article(
        id=raw.id,
        text=body,
        sentences=split_sentences(body),
        url=raw.url,
        outlet=outlet,
        title=title,
        author=author,
        published=published,
        published_from=published_from,  # type: ignore[arg-type]
        updated=updated,
        published_evidence=evidence,
        removed=tuple(removed),
        content_hash=content_hash(normalise((raw.text if raw.text is not None else raw.html) or "")),
        source=raw.source,
    )
