"""Role phrases around names: "Kosovo Prime Minister X", "X, the foreign minister of Y", "Kremlin spokesman X".

Written by hand: no library here reads titles out of running text (nameparser parses a bare
name string). The role words themselves are data (``data/lexicons/titles.txt``). The parsing
works on word lists rather than one big regular expression: a regex alternation over every
role, searched backwards from each name, cost ~150 µs a name; this costs a few.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .entities_lexicon import fold, lexicon

__all__ = ["role_before", "role_after", "role_phrase", "normalise_role", "role_words", "role_matches",
           "affiliation_before"]

_WORD = re.compile(r"\S+")
_PREPS = frozenset({"of", "to", "for", "at", "in"})
_QUALIFIERS = frozenset({"former", "then", "acting", "deputy", "senior", "top", "new", "outgoing", "incoming", "interim",
                         "current", "longtime", "veteran", "lead", "assistant", "associate", "vice"})
_DETERMINERS = frozenset({"the", "a", "an"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,}$")
_POSSESSIVE = re.compile(r"['\u2019]s$")
# "a spokeswoman for X", "an analyst at X", "works for X", "employed by X": X is whom someone works for
_AFFILIATION = re.compile(r"\b([A-Za-z\-]+)\s+(for|at|with|by)\s+(?:the\s+)?$")
_WORKS = frozenset({"works", "work", "worked", "working", "speaks", "spoke", "speaking"})


@lru_cache(maxsize=1)
def _last_words() -> frozenset[str]:
    return frozenset(r.split()[-1] for r in lexicon().roles)


@lru_cache(maxsize=1)
def _max_role_len() -> int:
    return max((len(r.split()) for r in lexicon().roles), default=1)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _clean_cap(word: str) -> str | None:
    """A capitalised modifier word without its trailing possessive, or None when it cannot be one."""
    if not _is_cap(word):
        return None
    if word.endswith(".") and not _ACRONYM.match(word) and word.lower() not in ("st.", "jr.", "sr."):
        return None  # "Putin." ends a sentence
    if not word[-1].isalnum() and not word.endswith("."):
        return None  # "Serbia,”" ends a clause
    return word


def _longest_role_ending(words: list[str], end: int) -> int:
    """Start index of the longest role phrase ending at ``words[end]``, or -1."""
    roles = lexicon().roles
    for n in range(min(_max_role_len(), end + 1), 0, -1):
        phrase = " ".join(w.lower() for w in words[end - n + 1 : end + 1])
        if phrase in roles:
            return end - n + 1
    return -1


def _longest_role_starting(words: list[str], start: int) -> int:
    """End index (inclusive) of the longest role phrase starting at ``words[start]``, or -1."""
    roles = lexicon().roles
    for n in range(min(_max_role_len(), len(words) - start), 0, -1):
        phrase = " ".join(w.lower().rstrip(",;:.") for w in words[start : start + n])
        if phrase in roles:
            return start + n - 1
    return -1


def _modifier(words: list[str], before: int) -> tuple[str | None, int]:
    """Up to three capitalised words ending at ``words[before - 1]`` (with a possessive on the last)."""
    mod: list[str] = []
    i = before - 1
    while i >= 0 and len(mod) < 3:
        w = words[i]
        if mod and _POSSESSIVE.search(w):
            break  # "Kosovo's" may only end the modifier
        c = _clean_cap(w)
        if c is None:
            break
        mod.insert(0, c)
        i -= 1
    return (" ".join(mod) if mod else None), i + 1


def _country_of_mod(mod: str) -> str | None:
    lex = lexicon()
    words = mod.split()
    for n in range(len(words), 0, -1):  # longest country name ending the modifier: "United States", "U.S."
        tail = " ".join(words[-n:])
        code = lex.country_code(tail)
        if code:
            return lex.country_name.get(code, code)
        place = lex.places.get(fold(tail))
        if place and place[0] == "capital":  # "Moscow's ambassador" speaks for Russia
            return lex.country_name.get(place[1], place[1])
    return None


def normalise_role(mod: str | None, role: str, tail: str | None = None, pre: str | None = None) -> str:
    """One clean role phrase: "prime minister of Kosovo", "Kremlin spokesman", "ambassador of Russia to Serbia"."""
    lex = lexicon()
    role = " ".join(role.lower().split())
    pre = " ".join((pre or "").lower().split())
    tail_text = ""
    if tail:
        words = tail.split()
        prep, obj = words[0].lower(), [w for w in words[1:] if w.lower() != "the"]
        obj_text = " ".join(obj).rstrip(",;:.")
        code = lex.country_code(obj_text)
        if code:
            obj_text = lex.country_name.get(code, obj_text)
        tail_text = f" {prep} {obj_text}"
    mod_words = [_POSSESSIVE.sub("", w) for w in (mod or "").split()]
    mod_words = [w for w in mod_words if len(w) > 1 and w.isupper() or w.lower().rstrip(".") not in lex.non_names]
    # the modifier may hold the first word of a long title ("Prime" of "Prime Minister")
    while mod_words and f"{mod_words[-1].lower()} {role}" in lex.roles:
        role = f"{mod_words.pop().lower()} {role}"
    head = f"{pre} {role}".strip()
    mod = " ".join(mod_words)
    if mod:
        country = _country_of_mod(mod)
        if country:
            if tail_text.startswith(" of "):
                return f"{head}{tail_text} of {country}"
            return f"{head} of {country}{tail_text}"
        return f"{mod} {head}{tail_text}"
    return f"{head}{tail_text}"


def _parse_backwards(words: list[str]) -> tuple[str, int] | None:
    """Parse a role phrase that ends the word list; returns the normalised role and its first word's index."""
    if not words:
        return None
    last_words = _last_words()
    end = len(words) - 1
    tail = None
    if words[end].lower() not in last_words:
        # "... Ambassador to Serbia": a qualifier of capitalised words after the role word
        for p in range(end - 1, max(-1, end - 6), -1):
            w = words[p]
            if w.lower() in _PREPS and p > 0 and words[p - 1].lower() in last_words:
                rest = words[p + 1 :]
                if rest and all(_is_cap(x) or x.lower() == "the" for x in rest):
                    tail = " ".join(words[p:])
                    end = p - 1
                break
            if not (_is_cap(w) or w.lower() == "the"):
                return None
        if tail is None:
            return None
    start = _longest_role_ending(words, end)
    if start < 0:
        return None
    role = " ".join(words[start : end + 1])
    p = start
    while p > 0 and words[p - 1].lower() in _QUALIFIERS:
        p -= 1
    pre = " ".join(words[p:start])
    mod, first = _modifier(words, p)
    return normalise_role(mod, role, tail, pre), first


def role_before(text: str, start: int, *, window: int = 90) -> tuple[str, int] | None:
    """The role phrase ending right before ``start`` (a name), normalised, and where it begins."""
    # cheap test first: the word before the name must be a role word, or a capitalised qualifier ("of Kosovo")
    near = text[max(0, start - 30) : start].rstrip(" ,()")
    last = near.rsplit(None, 1)[-1] if near.strip() else ""
    if not last or last.lower() not in _last_words() and not last[:1].isupper():
        return None
    lo = max(0, start - window)
    chunk = text[lo:start]
    nl = chunk.rfind("\n")
    if nl >= 0:
        chunk, lo = chunk[nl + 1 :], lo + nl + 1
    stripped = chunk.rstrip(" ,()")
    if not stripped:
        return None
    if stripped.endswith(".") and stripped.rsplit(None, 1)[-1].lower() not in lexicon().roles:
        return None  # "… said the mayor. Chelsea …": the role ended the sentence before
    # only the words after the last clause break matter
    cut = max(stripped.rfind("; "), stripped.rfind(": "), stripped.rfind(", "),
              stripped.rfind("("), stripped.rfind("\u201c"), stripped.rfind('"'))
    base = cut + 1 if cut >= 0 else 0
    spans = [(m.start(), m.group()) for m in _WORD.finditer(stripped, base)]
    if not spans:
        return None
    parsed = _parse_backwards([w for _, w in spans])
    if parsed is None:
        return None
    role, first = parsed
    return role, lo + spans[first][0]


def affiliation_before(text: str, start: int) -> bool:
    """Whether the name at ``start`` is whom someone works or speaks for: "a spokeswoman for X",
    "an analyst with X", "who works at X", "employed by X"."""
    m = _AFFILIATION.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word, prep = m.group(1).lower(), m.group(2)
    if prep == "by":
        return word == "employed"
    return word in _last_words() or word in _WORKS


def role_after(text: str, end: int, *, window: int = 100) -> str | None:
    """The appositive role right after a name (", the prime minister of Kosovo,"), normalised."""
    if text[end : end + 1] != ",":
        return None
    s = text[end : end + window]
    words = s[1:].split()[:12]
    i = 0
    if i < len(words) and words[i].lower() in _DETERMINERS:
        i += 1
    mod: list[str] = []
    pre: list[str] = []
    # scan: [modifier words] [qualifiers] role [of|to X]
    for j in range(i, min(len(words), i + 5)):
        while j < len(words) and words[j].lower() in _QUALIFIERS and _longest_role_starting(words, j) < 0:
            pre.append(words[j])
            j += 1
        r_end = _longest_role_starting(words, j) if j < len(words) else -1
        if r_end >= 0:
            role = " ".join(w.rstrip(",;:.") for w in words[j : r_end + 1])
            after = words[r_end + 1 :]
            tail = None
            if words[r_end][-1:] not in ",;:." and after and after[0].lower() in _PREPS:
                obj = []
                for w in after[1:]:
                    if not (_is_cap(w) or w.lower() == "the"):
                        break
                    obj.append(w)
                    if w[-1:] in ",;:.)":
                        break
                if obj and _is_cap(obj[-1].rstrip(",;:.)")):
                    tail = " ".join([after[0], *obj])
            # an appositive closes with punctuation: "X, the mayor, said" (but "in X, the mayor said")
            last = (tail.split()[-1] if tail else words[r_end])
            closed = last[-1:] in ",;:.)\u2014" or r_end + 1 >= len(words) and not tail
            if not closed and tail is None and r_end + 1 < len(words) and words[r_end + 1] in ("\u2014", "-", "--"):
                closed = True
            if not closed:
                return None
            return normalise_role(" ".join(mod) or None, role, tail, " ".join(pre) or None)
        if j >= len(words) or pre:
            return None
        w = words[j]
        c = _clean_cap(w) if not _POSSESSIVE.search(w) else w
        if c is None:
            return None
        mod.append(c)
        if _POSSESSIVE.search(w):
            continue
    return None


def role_phrase(phrase: str) -> str | None:
    """Normalised role when a whole phrase is a role naming no one ("Kosovo's Prime Minister"), else None."""
    words = phrase.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    parsed = _parse_backwards(words)
    if parsed is None or parsed[1] != 0:
        return None
    return parsed[0]


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
