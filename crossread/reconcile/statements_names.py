"""Names and role phrases: the small parsers the story-level entity merge rests on.

A *role key* is ``(head, qualifiers)``: "the President of Kosovo", "Kosovo's president" and
"Kosovan President" all become ``("president", ("kosov…",))``-compatible keys; "NATO chief" and
"NATO Secretary General" share the head "chief".  The word lists live in
``crossread/data/reconcile/roles.json`` and ``places.json``.  Hand-written: no library parses
English role phrases (nameparser parses a bare name, not "X's foreign minister").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..textsim import fold, load_lexicon

__all__ = ["RoleKey", "parse_role", "parse_mention", "roles_match", "qualifiers_match", "name_parts", "is_pronoun",
           "given_names_compatible", "acronym_of", "find_role_mentions", "strip_determiners"]

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class RoleKey:
    """A role reduced to what identifies its holder: head ("foreign minister") and qualifiers ("russia")."""

    head: str
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Roles:
    role_words: frozenset[str]
    role_heads: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # multiword role phrases, longest first
    synonyms: dict[str, str]
    classes: dict[str, frozenset[str]]
    ignore: frozenset[str]
    links: frozenset[str]
    honorifics: frozenset[str]
    suffixes: frozenset[str]
    pronouns: frozenset[str]
    places: dict[str, str]


@lru_cache(maxsize=1)
def _roles() -> _Roles:
    data = load_lexicon("roles")
    places = load_lexicon("places")["aliases"]
    phrases = sorted({tuple(p.split()) for p in data["role_phrases"]}, key=lambda p: (-len(p), p))
    classes = {k: frozenset(v) for k, v in data["role_classes"].items() if not k.startswith("_")}
    return _Roles(
        role_words=frozenset(data["role_words"]),
        role_heads=frozenset(data["role_heads"]),
        phrases=tuple(phrases),
        synonyms=dict(data["synonyms"]),
        classes=classes,
        ignore=frozenset(data["ignore_words"]),
        links=frozenset(data["link_words"]),
        honorifics=frozenset(data["honorifics"]),
        suffixes=frozenset(data["name_suffixes"]),
        pronouns=frozenset(data["pronouns"]),
        places={fold(k): v for k, v in places.items()},
    )


def _tokens(text: str) -> list[str]:
    out = []
    for t in _TOKEN_RE.findall(fold(text or "")):
        t = t.replace("’", "'")
        if t.endswith("'s") and len(t) > 2:
            t = t[:-2]
        elif t.endswith("'"):
            t = t[:-1]
        if not (t.endswith(".") and len(t.replace(".", "")) <= 3 and t.count(".") >= 1 and "." in t[:-1]):
            t = t.rstrip(".")  # keep dotted abbreviations such as "u.s." whole
        if t:
            out.append(t)
    return out


def is_pronoun(text: str | None) -> bool:
    """True when ``text`` is only a pronoun ("he", "She")."""
    toks = _tokens(text or "")
    return len(toks) == 1 and toks[0] in _roles().pronouns


def _place(phrase: str) -> str:
    r = _roles()
    return r.places.get(phrase, phrase)


def parse_role(text: str) -> RoleKey | None:
    """The role key of a role phrase, or None when ``text`` names no role.

    >>> parse_role("the Prime Minister of Freedonia")
    RoleKey(head='prime minister', qualifiers=('freedonia',))
    """
    return parse_mention(text)[0]


_SEGMENT_RE = re.compile(r"\s*[,;:()\[\]\u2013\u2014|]\s*|\s+-\s+")


@lru_cache(maxsize=8192)
def parse_mention(text: str) -> tuple[RoleKey | None, str | None]:
    """Split a mention into its role and the name that follows it, either may be None.

    Words before the role's head and after a link word ("of", "to") qualify it; words right
    after the head name its holder.

    >>> parse_mention("Freedonian Foreign Minister Ana Pardo")
    (RoleKey(head='foreign minister', qualifiers=('freedonian',)), 'ana pardo')
    """
    role: RoleKey | None = None
    name: str | None = None
    for segment in _SEGMENT_RE.split(text or ""):
        seg_role, seg_name = _parse_segment(segment)
        if seg_role is not None and role is None:
            role = seg_role
            name = seg_name or name
        elif seg_role is None and name is None and segment.strip():
            name = " ".join(_tokens(segment)) or None  # an apposition: "Ana Pardo, the minister"
    return role, name


def _parse_segment(text: str) -> tuple[RoleKey | None, str | None]:
    r = _roles()
    toks = _tokens(text)
    if not toks:
        return None, None
    # Join multiword role phrases first so the "of" in "secretary of state" is not read as a link.
    joined: list[str] = []
    i = 0
    while i < len(toks):
        for p in r.phrases:
            if tuple(toks[i : i + len(p)]) == p:
                joined.append(" ".join(p))
                i += len(p)
                break
        else:
            joined.append(toks[i])
            i += 1
    phrase_set = {" ".join(p) for p in r.phrases}

    def is_role_word(t: str) -> bool:
        return t in r.role_words or t in phrase_set or t in r.synonyms

    def is_head_word(t: str) -> bool:
        return t in r.role_heads or r.synonyms.get(t, "") in r.role_heads or t in phrase_set

    head: list[str] | None = None
    run: list[str] = []
    qualifiers: list[str] = []
    pending: list[str] = []  # a run of qualifier words, looked up as one place phrase

    def flush_pending() -> None:
        if pending:
            phrase = " ".join(pending)
            qualifiers.append(_place(phrase) if phrase in r.places else phrase)
            pending.clear()

    def flush_run() -> None:
        nonlocal head
        if run:
            if head is None and any(is_head_word(t) for t in run):
                head = list(run)
            else:  # a second role run ("director of intelligence agency") qualifies the first
                pending.extend(run)
                flush_pending()
            run.clear()

    name: list[str] = []
    after_link = False
    for t in joined:
        if t in r.ignore:
            flush_run()
            flush_pending()
            continue
        if t in r.links:
            flush_run()
            flush_pending()
            after_link = True
            continue
        if is_role_word(t) and not (head is None and not run and t in r.places) and not name:
            flush_pending()
            run.append(t)
            continue
        had_run = bool(run)
        flush_run()
        if not any(c.isalpha() for c in t):
            continue
        if head is not None and not after_link and (had_run or name) and not pending:
            name.append(t)  # "minister Ana Pardo": the holder's name
            continue
        pending.append(t)
    flush_run()
    flush_pending()
    name_text = " ".join(name) or None
    if head is None:
        return None, name_text
    head_text = " ".join(head)
    head_text = r.synonyms.get(head_text, head_text)
    head_words = [r.synonyms.get(w, w) for w in head_text.split()]
    # "former" and the like change who is meant, so they stay in the head; synonyms are applied per word.
    head_text = " ".join(head_words)
    head_text = r.synonyms.get(head_text, head_text)
    return RoleKey(head_text, tuple(sorted(set(qualifiers)))), name_text


def _compatible_word(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    n = 0
    for x, y in zip(short, long_):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= 0.75 * len(short)


def qualifiers_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Both sides qualified, and every qualifier of the smaller side matches one of the other.

    Adjective and name share a prefix ("serbian"/"serbia"); irregular pairs come from places.json.
    """
    if not a or not b:
        return False
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(_compatible_word(x, y) for y in big) for x in small)


def _head_matches(speaker_head: str, holder_head: str) -> bool:
    if speaker_head == holder_head:
        return True
    cls = _roles().classes.get(speaker_head)
    if cls is None:
        return False
    return holder_head in cls or holder_head.split()[-1] in cls


def roles_match(mention: RoleKey, held: RoleKey, *, allow_unqualified: bool = False) -> bool:
    """Whether a role phrase (``mention``) can refer to the holder of ``held``.

    Qualified phrases need compatible qualifiers ("president of X" is not "president of Y").
    A bare phrase ("the diplomat") matches only when ``allow_unqualified`` (the caller restricts
    it to one article) and then also by class (a diplomat may be an ambassador).
    """
    if mention.qualifiers:
        if mention.head != held.head:
            return False
        return qualifiers_match(mention.qualifiers, held.qualifiers)
    if not allow_unqualified:
        return False
    return _head_matches(mention.head, held.head)


@lru_cache(maxsize=8192)
def name_parts(name: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """``(given, surname, tokens)`` of a person's name, folded, honorifics and suffixes dropped.

    >>> name_parts("Dr. Ana María López-Díaz Jr.")
    ('ana', 'lopez-diaz', ('ana', 'maria', 'lopez-diaz'))
    """
    r = _roles()
    toks = [t for t in _tokens(name) if any(c.isalpha() for c in t)]
    while len(toks) > 1 and toks[0].rstrip(".") in r.honorifics:
        toks = toks[1:]
    while len(toks) > 1 and toks[-1].rstrip(".") in r.suffixes:
        toks = toks[:-1]
    if not toks:
        return None, None, ()
    toks_t = tuple(toks)
    if len(toks) == 1:
        return None, toks[0], toks_t
    return toks[0], toks[-1], toks_t


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, frozenset[str]]:
    names = load_lexicon("nicknames")["names"]
    return {fold(k): frozenset(fold(v) for v in vs) for k, vs in names.items()}


def strip_determiners(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Folded tokens without a leading article or possessive ("the", "its"), unless nothing is left."""
    ignore = _roles().ignore
    k = 0
    while k < len(tokens) - 1 and tokens[k] in ignore and tokens[k] in _DETERMINERS:
        k += 1
    return tokens[k:]


_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})


def given_names_compatible(a: str | None, b: str | None, *, fuzzy_ratio: float = 0.8) -> bool:
    """Missing on one side, equal, an initial of the other, a short form ("bill"/"william", from
    nicknames.json) or a near-spelling ("aleksandar"/"aleksandr")."""
    if not a or not b:
        return True
    a, b = a.rstrip("."), b.rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short_forms = _nicknames()
    if b in short_forms.get(a, ()) or a in short_forms.get(b, ()):
        return True
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(a, b) >= fuzzy_ratio and a[0] == b[0]


def acronym_of(short: str, long_: str) -> bool:
    """Whether ``short`` ("NATO") is the initials of ``long_`` ("North Atlantic Treaty Organization")."""
    s = re.sub(r"[^A-Za-z]", "", short)
    if not (2 <= len(s) <= 8) or not short.replace(".", "").isupper():
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", long_) if w[0].isupper()]
    return len(words) == len(s) and "".join(w[0] for w in words).upper() == s.upper()


_CAP_RE = re.compile(r"[A-Z\u00C0-\u024F]")
_WORD_SPAN_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*(?:['’]s)?", re.UNICODE)


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    r = _roles()
    heads = set(r.role_heads) | {k for k, v in r.synonyms.items() if v in r.role_heads or v.split()[-1] in r.role_heads}
    # Single words only, and no plurals ("officials" speaks of several people).
    return frozenset(h for h in heads if " " not in h and "-" not in h and (h in r.role_heads or not h.endswith("s")))


def find_role_mentions(text: str) -> list[tuple[int, int, RoleKey]]:
    """Qualified role phrases standing alone for a person ("the President of Freedonia said").

    A role followed by a name ("President Ana Pardo") is a named mention and is left out; so is a
    bare role ("the minister"), which only its own article can resolve.

    Returns:
        ``(start, end, role key)`` for each phrase, in text order.
    """
    if not text:
        return []
    out: list[tuple[int, int, RoleKey]] = []
    # Tokenise only around role words (found by one regex pass): most of a text holds none.
    windows: list[tuple[int, int]] = []
    lowered = text.lower()
    # A case-sensitive pass over the lower-cased text is several times faster than IGNORECASE;
    # it needs lower() to keep every offset (it does, but for a few letters such as "İ").
    found = _head_pattern().finditer(lowered) if len(lowered) == len(text) else _head_pattern(True).finditer(text)
    for m in found:
        lo, hi = max(0, m.start() - 120), min(len(text), m.end() + 120)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    for lo, hi in windows:
        out.extend(_role_mentions_in(text, lo, hi))
    return out


@lru_cache(maxsize=2)
def _head_pattern(ignore_case: bool = False) -> re.Pattern[str]:
    alternation = "|".join(sorted((re.escape(h) for h in _head_words()), key=lambda h: (-len(h), h)))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE if ignore_case else 0)


def _role_mentions_in(text: str, lo: int, hi: int) -> list[tuple[int, int, RoleKey]]:
    r = _roles()
    heads = _head_words()
    toks = [(m.start(), m.end(), m.group()) for m in _WORD_SPAN_RE.finditer(text, lo, hi)]
    if toks and toks[0][0] == lo and lo > 0:
        toks = toks[1:]  # may be cut in the middle of a word
    folded = [fold(t[2]).replace("\u2019", "'") for t in toks]
    out: list[tuple[int, int, RoleKey]] = []

    def adjacent(a: int, b: int) -> bool:  # nothing but spaces between token a and token b
        return not text[toks[a][1] : toks[b][0]].strip()

    last_end = -1
    for h, word in enumerate(folded):
        if word not in heads or toks[h][0] < last_end:
            continue
        # Walk left over role words, capitalised words and possessives ("Freedonia's prime").
        first = h
        k = h - 1
        while k >= 0 and h - k <= 8 and adjacent(k, k + 1):
            bare = folded[k][:-2] if folded[k].endswith("'s") else folded[k]
            if bare in r.ignore:
                first = k  # a determiner opens the phrase
                break
            if bare in r.role_words or _CAP_RE.match(toks[k][2]):
                first = k
                k -= 1
                continue
            break
        # Walk right: more role words, then "of/to/for" + capitalised words; a name right after the
        # role means a named mention ("President Ana Pardo").
        last = h
        named = False
        linked = False
        k = h + 1
        while k < len(toks) and k - h <= 8 and adjacent(k - 1, k):
            word_k, surface = folded[k], toks[k][2]
            if word_k in r.role_words and not linked:
                last = k
            elif word_k in ("of", "to", "for") and not linked:
                linked = True
            elif linked and (word_k == "the" or _CAP_RE.match(surface)):
                if _CAP_RE.match(surface):
                    last = k
            else:
                named = not linked and bool(_CAP_RE.match(surface)) and word_k not in r.role_words
                break
            k += 1
        start, end = toks[first][0], toks[last][1]
        last_end = end
        if named:
            continue
        role, name = parse_mention(text[start:end])
        if role is not None and role.qualifiers and name is None:
            out.append((start, end, role))
    return out
