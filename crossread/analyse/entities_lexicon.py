"""The word lists the entity and quote readers use, loaded once from ``data/lexicons``.

Rules live as data (one file per list); this module only reads them and builds the
lookups and compiled patterns. Everything is cached: build once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..textsim import fold  # re-exported: the key names are compared by

__all__ = ["Lexicon", "lexicon", "fold"]

_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"



def _lines(name: str) -> list[str]:
    path = _DIR / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.rstrip("\n"))
    return out


def _sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _lines(name):
        s = line.strip()
        if s.startswith("[") and s.endswith("]"):
            current = s[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(s)
    return sections


def _alternation(phrases: list[str]) -> str:
    """A regex alternation, longest phrase first, spaces matching any run of whitespace."""
    uniq = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in uniq)


@dataclass(frozen=True)
class Lexicon:
    """Every lookup table, built from the data files."""

    speech_forms: dict[str, str]  # any form -> lemma ("told" -> "tell")
    act_forms: dict[str, str]  # speech-act verbs ("accused" -> "accuse")
    honorifics: frozenset[str]
    roles: frozenset[str]  # lower-case role phrases
    role_pattern: str  # regex alternation over roles (case-insensitive use)
    role_classes: dict[str, tuple[str, ...]]  # "diplomat" -> role words it may point to
    org_suffixes: frozenset[str]  # the [suffix] and [company] words
    company_suffixes: frozenset[str]  # the [company] words: a business, whose first word alone names it
    org_prefixes: tuple[str, ...]
    not_person_suffixes: frozenset[str]  # "War", "Summit": a capitalised run ending so names no person
    known_orgs: dict[str, str]  # folded -> as written
    non_names: frozenset[str]
    country_of: dict[str, str]  # folded name/alias -> ISO code
    country_name: dict[str, str]  # ISO code -> canonical short name
    demonym_of: dict[str, str]  # folded demonym -> ISO code
    places: dict[str, tuple[str, str]]  # folded name -> (kind, ISO code)
    first_names: dict[str, str]  # folded given name -> "m", "f" or "u"
    place_words: frozenset[str]  # "beach", "county": a name ending so is a place

    def country_code(self, text: str) -> str | None:
        """ISO code of a country name, alias or demonym ("U.S.", "Serbian"), else None."""
        key = fold(text).strip()
        return self.country_of.get(key) or self.demonym_of.get(key) or self.country_of.get(key.replace(".", ""))

    def is_speech_verb(self, word: str) -> bool:
        return word.lower() in self.speech_forms

    def is_act_verb(self, word: str) -> bool:
        return word.lower() in self.act_forms


def _verb_forms(rows: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in rows:
        forms = [f.strip() for f in row.split("|") if f.strip()]
        if forms:
            for f in forms:
                out.setdefault(f.lower(), forms[0].lower())
    return out


def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    country_of: dict[str, str] = {}
    country_name: dict[str, str] = {}
    demonym_of: dict[str, str] = {}
    for line in _lines("countries.tsv"):
        parts = line.split("\t")
        while len(parts) < 4:
            parts.append("")
        code, name, others, demonyms = (p.strip() for p in parts[:4])
        country_name[code] = name
        for alias in [name, *others.split("|")]:
            if alias:
                country_of.setdefault(fold(alias), code)
                if alias.lower().startswith("the "):
                    country_of.setdefault(fold(alias[4:]), code)
        for d in demonyms.split("|"):
            if d:
                demonym_of.setdefault(fold(d), code)
    try:  # every other country under its ISO names
        import pycountry

        for c in pycountry.countries:
            code = c.alpha_2
            names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
            names = [n for n in names if n]
            country_name.setdefault(code, names[0])
            for n in names:
                country_of.setdefault(fold(n), code)
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    return country_of, country_name, demonym_of


def _places() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    rank = {"capital": 0, "state": 1, "city": 2}
    for line in _lines("places.tsv"):
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        name, kind, code = parts[0], parts[1], parts[2]
        key = fold(name)
        old = out.get(key)
        if old is None or rank.get(kind, 9) < rank.get(old[0], 9):
            out[key] = (kind, code)
    for name in _lines("regions.txt"):
        out.setdefault(fold(name.strip()), ("region", ""))
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, built on first use and shared afterwards."""
    verbs = _sections("speech_verbs.txt")
    speech = _verb_forms(verbs.get("speech", []))
    acts = {k: v for k, v in _verb_forms(verbs.get("act", [])).items() if k not in speech}
    titles = _sections("titles.txt")
    roles = frozenset(r.lower() for r in titles.get("role", []))
    classes: dict[str, tuple[str, ...]] = {}
    for line in _lines("role_classes.txt"):
        head, _, words = line.partition("\t")
        classes[head.strip().lower()] = tuple(w.strip().lower() for w in words.split("|") if w.strip())
    orgs = _sections("organisations.txt")
    country_of, country_name, demonym_of = _countries()
    return Lexicon(
        speech_forms=speech,
        act_forms=acts,
        honorifics=frozenset(h.lower() for h in titles.get("honorific", [])),
        roles=roles,
        role_pattern=_alternation(sorted(roles)),
        role_classes=classes,
        org_suffixes=frozenset(s.lower() for s in orgs.get("suffix", []) + orgs.get("company", [])),
        company_suffixes=frozenset(s.lower() for s in orgs.get("company", [])),
        org_prefixes=tuple(p.lower() for p in orgs.get("prefix", [])),
        not_person_suffixes=frozenset(s.lower() for s in orgs.get("not_person", [])),
        known_orgs={fold(k): k for k in orgs.get("known", [])},
        non_names=frozenset(w.lower() for w in _lines("non_names.txt")),
        country_of=country_of,
        country_name=country_name,
        demonym_of=demonym_of,
        places=_places(),
        place_words=frozenset(w.strip().lower() for w in _lines("place_words.txt")),
        first_names={fold(n): g for n, _, g in (line.partition("\t") for line in _lines("first_names.tsv"))},
    )
