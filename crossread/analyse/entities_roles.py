"""Role phrases around names: "Kosovo Prime Minister X", "X, the foreign minister of Y", "Kremlin spokesman X".

Written by hand: no library here reads titles out of running text (nameparser parses a bare
name string). The role words themselves are data (``data/lexicons/titles.txt``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .entities_lexicon import fold, lexicon

__all__ = ["role_before", "role_after", "role_phrase", "normalise_role", "role_words", "role_matches"]

_PRE = r"(?P<pre>(?:(?i:former|then|acting|deputy|senior|top|new|outgoing|incoming|interim|current|longtime|veteran|chief|lead)\s+)*)"
_CAP = r"[A-Z\u00C0-\u00DE][\w.'\u2019\-]*"
_TAIL = rf"(?P<tail>\s+(?:of|to|for|at|in)\s+(?:the\s+)?(?:{_CAP}\s+){{0,3}}?{_CAP})?"


_TAIL_PREPS = frozenset({"of", "to", "for", "at", "in"})


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    roles = lexicon().role_pattern
    before = re.compile(
        rf"(?:(?P<det>(?i:the|a|an)\s+)?(?<![\w\-'\u2019])(?P<mod>(?:{_CAP}\s+){{0,2}}{_CAP}?)(?P<poss>['\u2019]s)?\s+)?"
        rf"{_PRE}(?P<role>(?i:{roles})){_TAIL}\s*[,(]?\s*$"
    )
    after = re.compile(
        rf"^\s*,\s*(?:(?i:the|a|an)\s+)?(?:(?P<mod>(?:{_CAP}\s+){{0,2}}{_CAP}?)(?P<poss>['\u2019]s)?\s+)?"
        rf"{_PRE}(?P<role>(?i:{roles})){_TAIL}(?=\s*[,.;:)\u2014]|\s+(?:said|says|told|who|and)\b)"
    )
    # A whole role phrase, as a speaker without a name ("Kosovo's Prime Minister", "the US Ambassador").
    whole = re.compile(
        rf"^\s*(?:(?i:the|a|an)\s+)?(?:(?P<mod>(?:{_CAP}\s+){{0,2}}{_CAP}?)(?P<poss>['\u2019]s)?\s+)?"
        rf"{_PRE}(?P<role>(?i:{roles})){_TAIL}\s*$"
    )
    last_words = frozenset(r.split()[-1] for r in lexicon().roles)
    return before, after, whole, last_words


def _country_of_mod(mod: str) -> str | None:
    lex = lexicon()
    words = mod.split()
    for n in range(len(words), 0, -1):  # longest country name ending the modifier: "United States", "U.S."
        code = lex.country_code(" ".join(words[-n:]))
        if code:
            return lex.country_name.get(code, code)
        place = lex.places.get(fold(" ".join(words[-n:])))
        if place and place[0] == "capital":  # "Moscow's ambassador" speaks for Russia
            return lex.country_name.get(place[1], place[1])
    return None


def normalise_role(mod: str | None, role: str, tail: str | None = None, pre: str | None = None) -> str:
    """One clean role phrase: "prime minister of Kosovo", "Kremlin spokesman", "ambassador of Russia to Serbia"."""
    lex = lexicon()
    role = " ".join(role.lower().split())
    pre = " ".join((pre or "").lower().split())
    head = f"{pre} {role}".strip()
    tail_text = ""
    if tail:
        words = tail.split()
        prep, obj = words[0].lower(), [w for w in words[1:] if w.lower() != "the"]
        obj_text = " ".join(obj)
        code = lex.country_code(obj_text)
        if code:
            obj_text = lex.country_name.get(code, obj_text)
        tail_text = f" {prep} {obj_text}"
    mod_words = [re.sub(r"['\u2019]s$", "", w) for w in (mod or "").split()]
    mod_words = [w for w in mod_words if w.isupper() or w.lower().rstrip(".") not in lex.non_names]
    # the leftmost match may leave part of a long title in the modifier ("Prime" of "Prime Minister")
    while mod_words and f"{mod_words[-1].lower()} {role}" in lex.roles:
        role = f"{mod_words.pop().lower()} {role}"
        head = f"{pre} {role}".strip()
    mod = " ".join(mod_words)
    if mod:
        country = _country_of_mod(mod)
        if country:
            return f"{head} of {country}{tail_text}"
        return f"{mod} {head}{tail_text}"
    return f"{head}{tail_text}"


def role_before(text: str, start: int, *, window: int = 90) -> tuple[str, int] | None:
    """The role phrase ending right before ``start`` (a name), normalised, and where it begins."""
    before, _after, _whole, last_words = _patterns()
    lo = max(0, start - window)
    chunk = text[lo:start]
    nl = chunk.rfind("\n")
    if nl >= 0:
        chunk, lo = chunk[nl + 1 :], lo + nl + 1
    words = chunk.rstrip(" ,(").split()[-7:]
    if not words:
        return None
    # cheap test first: the text must end in a role word, or in a role word and its qualifier ("of Kosovo")
    if words[-1].lower() not in last_words and not any(
        w in _TAIL_PREPS and words[i - 1].lower() in last_words for i, w in enumerate(words) if i > 0
    ):
        return None
    m = before.search(chunk)
    if not m:
        return None
    return normalise_role(m["mod"], m["role"], m["tail"], m["pre"]), lo + m.start()


def role_after(text: str, end: int, *, window: int = 100) -> str | None:
    """The appositive role right after a name (", the prime minister of Kosovo,"), normalised."""
    if not text.startswith(",", end) and not text[end : end + 2].lstrip().startswith(","):
        return None
    _before, after, _whole, _lw = _patterns()
    m = after.match(text[end : end + window])
    if not m:
        return None
    return normalise_role(m["mod"], m["role"], m["tail"], m["pre"])


def role_phrase(phrase: str) -> str | None:
    """Normalised role when a whole phrase is a role naming no one ("Kosovo's Prime Minister"), else None."""
    _before, _after, whole, _lw = _patterns()
    m = whole.match(phrase)
    if not m:
        return None
    return normalise_role(m["mod"], m["role"], m["tail"], m["pre"])


def role_words(role: str) -> str:
    """The role word(s) of a normalised role, without qualifiers: "ambassador of Russia to Serbia" -> "ambassador"."""
    lex = lexicon()
    words = role.lower().split(" of ")[0].split(" to ")[0].split()
    for n in range(len(words), 0, -1):
        cand = " ".join(words[-n:])
        if cand in lex.roles:
            return cand
    return words[-1] if words else ""


def role_matches(wanted: str, have: str) -> bool:
    """Whether a person holding role ``have`` fits the role phrase ``wanted`` (same role word, no clash of country)."""
    w_head, h_head = role_words(wanted), role_words(have)
    if not w_head or w_head != h_head and not h_head.endswith(" " + w_head):
        return False
    w_rest = set(fold(wanted).replace(w_head, " ").split()) - {"of", "to", "the", "former"}
    h_rest = set(fold(have).replace(h_head, " ").split()) - {"of", "to", "the", "former"}
    return not w_rest or bool(w_rest & h_rest) and w_rest <= h_rest
