"""Stage 2, clean: HTML to text, normalisation, boilerplate out, metadata in, sentences with offsets."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re

from ..errors import InputError
from ..model import Article, RawArticle
from ..options import CleanOptions
from .boilerplate import remove_boilerplate, remove_corpus_furniture
from .dating import infer_dates
from .metadata import metadata_from_text
from .text import normalise, split_sentences

__all__ = [
    "clean_article", "extract_html", "parse_published", "infer_dates", "normalise", "split_sentences",
    "remove_corpus_furniture",
]

_MIN_WORDS = 5
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
    if len(text.split()) < _MIN_WORDS:  # a menu or a cookie notice is not an article
        raise InputError("E106", source or url or "<html>")
    return {
        "text": text,
        "title": data.get("title") or None,
        "author": data.get("author") or None,
        "published": data.get("date") or None,
        "outlet": data.get("source-hostname") or data.get("sitename") or data.get("hostname") or None,
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
    # The hash is of the input as given (normalised), so re-ingesting the same record finds it again.
    hashed = content_hash(body if raw.text is not None else normalise(raw.html or ""))
    published = parse_published(published_raw)
    published_from = "metadata" if published else None
    evidence: tuple[str, ...] = ()

    # The header lines (date, byline) are read always, and taken out unless boilerplate is kept.
    meta = metadata_from_text(body, url=raw.url, strip=not options.keep_boilerplate)
    removed = list(meta.removed)
    body = meta.body
    updated = meta.updated
    if published is None and meta.published is not None:
        published, evidence = meta.published, meta.evidence
        # a labelled field ("Date: ...", front matter) is metadata the file carries, not a date the prose states
        published_from = "metadata" if evidence and evidence[0].startswith("header field") else "text"
    title = title or meta.title
    author = author or meta.author
    outlet = outlet or meta.outlet

    if not options.keep_boilerplate:
        body, cut = remove_boilerplate(body, title=title)
        removed.extend(cut)
    # Both removal steps keep the text normalised (lines trimmed, one blank line between paragraphs).
    return Article(
        id=raw.id,
        text=body,
        sentences=split_sentences(body),
        url=raw.url or meta.url,
        outlet=outlet,
        title=title,
        author=author,
        published=published,
        published_from=published_from,  # type: ignore[arg-type]
        updated=updated,
        published_evidence=evidence,
        removed=tuple(removed),
        credits=meta.credits,
        content_hash=hashed,
        source=raw.source,
    )
