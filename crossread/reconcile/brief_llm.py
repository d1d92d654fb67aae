"""Optional rewrite of the brief by an LLM behind an OpenAI-compatible endpoint, checked sentence by sentence.

The endpoint gets the extractive brief and the numbered sentences it cites; it
answers with sentences ending in citations like ``[2][5]``.  A rewritten sentence
is kept only when it cites at least one of the numbered sentences and every
number and name it states appears in them (``citations.check_sentence``);
the rest are dropped.  If the endpoint fails, or nothing survives, the
extractive brief stands.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Article, BriefSentence
from ..options import ReportOptions
from .citations import check_sentence

__all__ = ["rewrite_brief", "parse_reply", "request_messages"]

_CITES = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
_LEADING_CITES = re.compile(r"^\s*((?:\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]\s*)+)")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+", re.MULTILINE)
_TIMEOUT = 120.0


@lru_cache(maxsize=1)
def _prompt() -> dict[str, str]:
    return json.loads(resources.files("crossread").joinpath("data/templates/llm.json").read_text(encoding="utf-8"))


def request_messages(
    brief: Sequence[BriefSentence], by_id: dict[str, Article], labels: dict[str, str], count: int
) -> tuple[list[dict[str, str]], list[tuple[str, int]]]:
    """The chat messages for the endpoint, and the (article id, sentence index) behind each source number."""
    numbered: list[tuple[str, int]] = []
    draft = []
    for s in brief:
        marks = []
        for pair in s.evidence:
            if pair[0] not in by_id or not 0 <= pair[1] < len(by_id[pair[0]].sentences):
                continue
            if pair not in numbered:
                numbered.append(pair)
            marks.append(f"[{numbered.index(pair) + 1}]")
        draft.append(f"- {s.text} {''.join(marks)}")
    sources = []
    for n, (aid, i) in enumerate(numbered, 1):
        a = by_id[aid]
        sources.append(f"[{n}] ({labels.get(aid, aid)}) {' '.join(a.sentence_text(a.sentences[i]).split())}")
    p = _prompt()
    user = p["user"].format(sources="\n".join(sources), draft="\n".join(draft), count=count)
    return [{"role": "system", "content": p["system"]}, {"role": "user", "content": user}], numbered


def parse_reply(content: str) -> list[tuple[str, list[int]]]:
    """Sentences of the reply, each with the source numbers it cites (citations removed from the text)."""
    import pysbd

    text = _BULLET.sub("", content or "").replace("\n", " ")
    segments = [s.strip() for s in pysbd.Segmenter(language="en", clean=False).segment(text) if s.strip()]
    out: list[tuple[str, list[int]]] = []
    for seg in segments:
        lead = _LEADING_CITES.match(seg)
        if lead and out:  # "... injured. [1][2]" split after the full stop: the numbers belong before
            out[-1][1].extend(int(n) for g in _CITES.findall(lead.group(1)) for n in re.split(r"[,;]", g))
            seg = seg[lead.end():].strip()
        if not seg:
            continue
        numbers = [int(n) for g in _CITES.findall(seg) for n in re.split(r"[,;]", g)]
        clean = " ".join(_CITES.sub(" ", seg).split())
        clean = re.sub(r"\s+([.,;:!?])", r"\1", clean)
        if clean:
            out.append((clean, numbers))
    return out


def _ask(url: str, model: str, messages: list[dict[str, str]]) -> str | None:
    import httpx

    endpoint = url.rstrip("/") + "/chat/completions"
    try:
        response = httpx.post(endpoint, json={"model": model, "messages": messages, "temperature": 0}, timeout=_TIMEOUT)
        response.raise_for_status()
        data: Any = response.json()
        return str(data["choices"][0]["message"]["content"])
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError):
        return None


def rewrite_brief(
    brief: Sequence[BriefSentence],
    articles: Sequence[Article],
    options: ReportOptions,
    *,
    ignore: Sequence[str] = (),
    proper: frozenset[str] | None = None,
) -> tuple[BriefSentence, ...]:
    """Rewrite the brief with the endpoint at ``options.llm_url``; keep only sentences the checker accepts.

    Args:
        brief: the extractive brief (its ``evidence`` are the sentences offered to the model).
        articles: the story's articles.
        options: ``llm_url``, ``llm_model`` and ``brief_sentences``.
        ignore: source labels that may appear in sentences without being claims.
        proper: folded known names of the story (see ``citations.proper_vocabulary``).

    Returns:
        The checked rewritten sentences (``rewritten=True``), or the extractive brief when the
        endpoint fails or none of its sentences passes.
    """
    from .citations import source_labels

    if not options.llm_url:
        return tuple(brief)
    by_id = {a.id: a for a in articles}
    labels = source_labels(articles)
    messages, numbered = request_messages(brief, by_id, labels, options.brief_sentences)
    if not numbered:
        return tuple(brief)
    content = _ask(options.llm_url, options.llm_model, messages)
    if content is None:
        return tuple(brief)
    order = {a.id: k for k, a in enumerate(articles)}
    kept: list[BriefSentence] = []
    for text, numbers in parse_reply(content):
        pairs = list(dict.fromkeys(numbered[n - 1] for n in numbers if 1 <= n <= len(numbered)))
        if not pairs:
            continue
        cited = [by_id[a].sentence_text(by_id[a].sentences[i]) for a, i in pairs]
        if not check_sentence(text, cited, ignore=ignore, proper=proper).ok:
            continue
        kinds = {s.kind for s in brief if set(pairs) <= set(s.evidence)}
        kind = kinds.pop() if len(kinds) == 1 else "extract"
        sources = tuple(sorted({a for a, _ in pairs}, key=lambda x: order.get(x, 0)))
        kept.append(BriefSentence(text=text, sources=sources, kind=kind, evidence=tuple(pairs), rewritten=True))  # type: ignore[arg-type]
        if len(kept) >= options.brief_sentences:
            break
    return tuple(kept) if kept else tuple(brief)
