"""Speakers across a story: each quotation's speaker rewritten with the story's canonical name."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Entity, Quote
from .statements_entities import SURNAME_NEAR, SURNAME_NEAR_SAME_GIVEN, similar
from .statements_names import (
    RoleKey,
    given_names_compatible,
    is_pronoun,
    name_parts,
    parse_mention,
    parse_role,
    roles_match,
    strip_determiners,
)

__all__ = ["resolve_speakers"]


@dataclass(slots=True)
class _SpeakerIndex:
    entities: Sequence[Entity]
    by_name: dict[tuple[str, ...], list[int]]
    by_surname: dict[str, list[int]]
    roles: list[tuple[RoleKey, ...]]
    articles: list[frozenset[str]]


def _speaker_index(entities: Sequence[Entity]) -> _SpeakerIndex:
    by_name: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_surname: dict[str, list[int]] = defaultdict(list)
    roles: list[tuple[RoleKey, ...]] = []
    for i, e in enumerate(entities):
        for form in dict.fromkeys((e.name, *e.aliases)):
            role, name = parse_mention(form)
            if role is not None and name is None:
                continue
            _, surname, toks = name_parts(form)
            toks = strip_determiners(toks)
            if toks and i not in by_name[toks]:
                by_name[toks].append(i)
            if surname and e.type in ("person", "other") and i not in by_surname[surname]:
                by_surname[surname].append(i)
        held = [k for k in (parse_role(r) for r in e.roles) if k is not None]
        roles.append(tuple(held))
    return _SpeakerIndex(entities, by_name, by_surname, roles, [frozenset(e.article_ids) for e in entities])


def _pick(cands: Iterable[int], index: _SpeakerIndex, article_id: str) -> int | None:
    """The one candidate, preferring those named in the quotation's own article."""
    cands = sorted(set(cands))
    if len(cands) == 1:
        return cands[0]
    local = [c for c in cands if article_id in index.articles[c]]
    if len(local) == 1:
        return local[0]
    return None


def _resolve_one(text: str, article_id: str, index: _SpeakerIndex) -> int | None:
    if not text or not text.strip() or is_pronoun(text):
        return None
    role, name = parse_mention(text)
    for form in ([text, name] if name else [text]):
        _, surname, toks = name_parts(form)
        toks = strip_determiners(toks)  # "the Kremlin" is "Kremlin"
        if toks in index.by_name:
            hit = _pick(index.by_name[toks], index, article_id)
            if hit is not None:
                return hit
        if surname and surname in index.by_surname and (len(toks) == 1 or form == name):
            hit = _pick(index.by_surname[surname], index, article_id)
            if hit is not None:
                _, _, cand_toks = name_parts(index.entities[hit].name)
                given = toks[0] if len(toks) >= 2 else None
                if given_names_compatible(given, cand_toks[0] if len(cand_toks) >= 2 else None):
                    return hit
    if role is not None and name is None:
        if role.qualifiers:
            cands = [i for i, held in enumerate(index.roles) if any(roles_match(role, h) for h in held)]
        else:
            holders = [i for i, held in enumerate(index.roles) if any(roles_match(role, h, allow_unqualified=True) for h in held)]
            cands = [i for i in holders if article_id in index.articles[i]]
            if len(cands) > 1:
                return None
            if not cands and len(holders) == 1:
                # "his lawyer" in one article, "his lawyer Kaspian Dorn" in another: the story's only lawyer
                cands = holders
        return _pick(cands, index, article_id)
    # A near-spelling of a known person ("Stolberg" for "Stollberg"): with the very same given name,
    # or, for a bare surname, a closer spelling.
    _, surname, toks = name_parts(name or text)
    if surname and len(surname) >= 5:
        given = toks[0] if len(toks) >= 2 else None
        bar = SURNAME_NEAR if given else SURNAME_NEAR_SAME_GIVEN
        best: list[int] = []
        for s, ids in index.by_surname.items():
            if s[0] == surname[0] and similar(s, surname) >= bar:
                best.extend(ids)
        hit = _pick(best, index, article_id)
        if hit is not None:
            _, _, cand = name_parts(index.entities[hit].name)
            if given is None or (len(cand) >= 2 and cand[0] == given):
                return hit
    return None


def resolve_speakers(quotes: Sequence[Quote], entities: Sequence[Entity]) -> tuple[Quote, ...]:
    """Quotes with speakers replaced by the story's canonical names.

    The speaker (a per-article name, or a role phrase such as "the country's foreign minister")
    and then ``speaker_text`` are looked up among the story's entities: by name or alias, by a
    surname only one of them carries, by a role one of them holds, or by a close spelling.
    Quotes whose speaker cannot be placed keep it unchanged.

    Args:
        quotes: the story's quotations.
        entities: the story's canonical entities (``canonical_entities``).

    Returns:
        The quotations in the same order, speakers rewritten where found.
    """
    if not entities:
        return tuple(quotes)
    index = _speaker_index(entities)
    out = []
    for q in quotes:
        hit = None
        for text in (q.speaker, q.speaker_text):
            if text:
                hit = _resolve_one(text, q.article_id, index)
                if hit is not None:
                    break
        if hit is not None and entities[hit].name != q.speaker:
            q = q.replace(speaker=entities[hit].name)
        out.append(q)
    return tuple(out)
