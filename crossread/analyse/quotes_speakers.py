"""What may stand as a quotation's speaker: a name, a role phrase or an organisation.

The quote reader finds its speaker phrase by position (the words before "said", after "according
to"), so on some sentences it picks up words that name nobody: a contraction ("They've argued
that "…""), a lead-in ("As Jane Doe put it"), a lone adjective or demonym ("European said", "the
final", "Republican claims as "…""). ``speaker_phrase`` trims such a phrase before it is resolved;
``is_speaker`` rejects what still names nobody. Word lists live in ``data/lexicons/speakers.json``;
singular demonyms come from the country list. Written by hand: no offline library decides this.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from .entities_lexicon import fold, lexicon

__all__ = ["speaker_phrase", "is_speaker", "is_contraction", "unnamed_people"]

_APOSTROPHE = re.compile(r"['\u2019]")
_NUMBER = re.compile(r"[\d.,:/%\-]+")


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    data = json.loads(resources.files("crossread").joinpath("data/lexicons/speakers.json").read_text(encoding="utf-8"))
    return {
        "lead_in": frozenset(w.casefold() for w in data["lead_in"]),
        "endings": frozenset(w.casefold() for w in data["contraction_endings"]),
        "pronouns": frozenset(w.casefold() for w in data["speaking_pronouns"]),
        "never_alone": frozenset(w.casefold() for w in data["never_alone"]),
        "nouns": frozenset(w.casefold() for w in data["speaking_nouns"]),
        "unnamed": frozenset(w.casefold() for w in data["unnamed_people"]),
    }


def unnamed_people() -> frozenset[str]:
    """Nouns for people an article brings in without a name ("a police officer", "one border guard")."""
    return _rules()["unnamed"]


def _contraction(word: str) -> tuple[str, str] | None:
    """(base, ending) of a contraction ("They've" → ("they", "ve"), "don't" → ("do", "t")), else None.

    A name with an apostrophe ("O'Connor", "D'Alema") or a possessive name ("McDonald's") is no
    contraction: its base must be a closed-class word (a pronoun, a function word) or end in "n".
    """
    parts = _APOSTROPHE.split(word)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return None
    base, ending = parts[0].casefold(), parts[1].casefold()
    if ending not in _rules()["endings"]:
        return None
    if ending == "t" and base.endswith("n"):
        return base[:-1], "n't"  # "don't", "isn't", "won't"
    if ending == "t":
        return None
    closed = _rules()["pronouns"] | _rules()["lead_in"] | lexicon().non_names
    return (base, ending) if base in closed else None


def is_contraction(word: str) -> bool:
    """True for "It's", "They've", "we're", "don't"; False for "O'Connor", "McDonald's"."""
    return _contraction(word) is not None


def speaker_phrase(phrase: str, *, names: frozenset[str] = frozenset()) -> str:
    """The attribution phrase without the words that open it but name nobody.

    "As Jane Doe" → "Jane Doe"; "Here's what officials" → "officials"; "They've" → "They" (a
    pronoun still resolves); "It's" → "" (nobody). A word that starts one of ``names`` (the
    article's entity names: "Even Pellerud") is kept.
    """
    words = phrase.split()
    rules = _rules()
    while words:
        first = words[0]
        if len(words) > 1 and any(n == first or n.startswith(first + " ") for n in names):
            break
        split = _contraction(first)
        if split is not None:
            base = split[0]
            if base in rules["pronouns"] and len(words) == 1:
                return _APOSTROPHE.split(first)[0]
            words = words[1:]
            continue
        if first.casefold() in rules["lead_in"] and len(words) > 1:
            words = words[1:]
            continue
        if first.casefold() in rules["lead_in"] and first.casefold() not in rules["pronouns"]:
            return ""
        break
    return " ".join(words)


def _adjective_only(word: str, names: frozenset[str]) -> bool:
    """A word that cannot name a speaker alone: a function word, an adjective, a singular demonym, a number."""
    lex = lexicon()
    key = fold(word).strip(".,;:")
    if not key or _NUMBER.fullmatch(key):
        return True
    if is_contraction(word):
        return True
    if key in _rules()["never_alone"]:
        return True
    if key in lex.non_names and key not in lex.roles and key not in _rules()["pronouns"] \
            and key not in _rules()["nouns"] and word not in names:
        return True  # "as", "few", "next"; but a surname the article names ("May") stays
    if key in lex.demonym_of and not key.endswith("s"):
        return True  # "Serbian", "European": an adjective; "Serbs", "Albanians" are people
    return False


def is_speaker(speaker: str | None, *, names: frozenset[str] = frozenset()) -> bool:
    """Whether a resolved speaker names someone: a name, a role phrase or an organisation.

    Args:
        speaker: the resolved speaker (a canonical name or a description such as "officials").
        names: names the entity reader found in the article (a lone "Manning" is a name there).

    Returns:
        False for a contraction, a number, or words that are all adjectives, demonyms or function
        words ("European", "the final", "Eastern European"); True otherwise.
    """
    if not speaker or not speaker.strip():
        return False
    words = speaker.split()
    if is_contraction(words[0]):
        return False
    return not all(_adjective_only(w, names) for w in words)
