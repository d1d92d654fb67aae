"""People, organisations, places and countries named in one article.

No trained NER model can be installed here, so this reader combines cheap evidence
(written by hand; the word lists are data under ``data/lexicons``):

* runs of capitalised words ("Albin Kurti", "Bank of America", "U.S.");
* title and role patterns around them ("Kosovo Prime Minister X", "X, the foreign minister
  of Y", "Kremlin spokesman X") — these make a person and give the role;
* gazetteers: countries and demonyms (own list plus pycountry), cities and US states
  (a small table derived from GeoNames), organisation suffixes, acronyms and known bodies,
  last words of place names, common given names (a person, and which honorific fits);
* the article itself: a surname alone ("Kurti") joins the full name seen elsewhere.

``find_entities`` returns one ``Entity`` per thing, its canonical name the fullest form the
article uses, every surface form as an alias and every name mention's offsets.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Article, Entity
from .entities_lexicon import fold, lexicon
from .entities_roles import affiliation_before, role_after, role_before

__all__ = ["find_entities", "NameMention", "find_name_mentions"]

_ABBR = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Maj|Brig|Adm|St|Jr|Sr|Prof|Rev|Inc|Corp|Co|Ltd|Ft|Mt|Pres|Sens|Reps)\."
# One capitalised word: an abbreviation, an acronym with dots, an initial, or a word ("Botsan-Kharchenko",
# "O'Brien"); a possessive "'s" is left outside. [^\W\d_a-z] is "a letter, not ASCII lower case": Python's re
# has no \p{Lu}, so non-ASCII lower case letters are filtered out afterwards.
_CAPWORD = (
    rf"(?:{_ABBR}|(?:[A-Z]\.){{2,}}|[A-Z]\.(?=\s+[A-Z])"
    r"|[^\W\d_a-z]\w*(?:-\w+|['\u2019](?![sS]\b)\w+)*)"
)
_CONNECTORS = "of|de|da|del|della|di|du|van|von|der|den|bin|ibn|al|el|le|la"
_RUN = re.compile(rf"(?<![\w'\u2019\-.])(?:{_CAPWORD})(?:(?: (?:{_CONNECTORS}))? (?:{_CAPWORD}))*")
_WORD_IN_RUN = re.compile(rf"{_CAPWORD}|\b(?:{_CONNECTORS})\b")
_LOWER_START = re.compile(r"(?:^|(?<=\s))[a-z]")
_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]*\b")
# lower-case words that may join capitalised ones inside a name ("Bank of America", "Ludwig van Beethoven")
_CONNECT = frozenset(_CONNECTORS.split("|"))
_DIRECTIONS = frozenset({"north", "northern", "south", "southern", "east", "eastern", "west", "western", "central",
                         "upper", "lower", "greater", "new"})
# title words that also begin or end names of things ("General Motors", "Major League", "Head Start")
_AMBIGUOUS_TITLES = frozenset({"general", "major", "head", "member", "owner", "host", "anchor", "officer",
                               "manager", "chief", "leader", "official", "chair", "founder", "candidate",
                               # surnames ("Hugo Boss", "Bryan Singer") or first words of things ("Defender Europe")
                               "boss", "forward", "defender", "skipper", "entrepreneur", "investor", "singer",
                               "author", "detective", "pastor", "imam"})
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                       "oct", "nov", "dec"})
_PLACE_PREPS = frozenset({"in", "at", "from", "near", "to", "into", "across", "outside", "inside", "toward", "towards", "around"})
_SENTENCE_OPENERS = frozenset(".!?:;\n\"\u201c\u2018'([\u2014\u2013-")
_SPEECH_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(\w+)")
# past forms and "says"-type forms only: "states", "reports" and the like are nouns as often as verbs
_SPEAKS = frozenset({"said", "says", "told", "tells", "added", "adds", "asked", "wrote", "writes", "argued", "warned",
                     "insisted", "explained", "stated", "declared", "noted", "replied", "responded", "tweeted",
                     "acknowledged", "admitted", "announced", "claimed", "complained", "recalled", "spoke"})


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class NameMention:
    """One name found in the text, before mentions are merged into entities."""

    start: int
    end: int
    text: str
    type: str  # person / organisation / place / country / other
    role: str | None = None
    key: str = ""  # what mentions of the same thing share
    honorific: str | None = None
    country: str | None = None
    evidence: set[str] = field(default_factory=set)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    dash = False
    while i >= 0 and text[i] in " \t\"\u201c\u2018'(\u2014\u2013-":
        if text[i] in "\"\u201c\u2018(":
            return True
        dash = dash or text[i] in "\u2014\u2013-"
        i -= 1
    # ... or the end of a dateline: "OSLO (Wire) - Doctors said"
    return i < 0 or text[i] in _SENTENCE_OPENERS or dash and text[i] == ")"


@lru_cache(maxsize=1)
def _skip_words() -> frozenset[str]:
    """Capitalised words that alone are never a name ("The", "He", "Monday")."""
    return frozenset(w[:1].upper() + w[1:] for w in lexicon().non_names if len(w) > 1 or w == "a")


def _runs(text: str) -> list[list[_Token]]:
    """Runs of capitalised words (with name connectors) on one line, each a candidate name."""
    out = []
    skip = _skip_words()
    for m in _RUN.finditer(text):
        base = m.start()
        word = m.group()
        if " " not in word:
            if word not in skip:
                out.append([_Token(base, m.end(), word)])
            continue
        toks = [_Token(base + w.start(), base + w.end(), w.group()) for w in _WORD_IN_RUN.finditer(m.group())]
        # a word starting with a non-ASCII lower-case letter slipped through the character class: split there
        run: list[_Token] = []
        for t in toks:
            if t.text[:1].islower() and t.text not in _CONNECT:
                if run:
                    out.append(run)
                run = []
            else:
                run.append(t)
        if run:
            out.append(run)
    return _join_compound_bodies(text, out)


# between two runs of one body's name: a possessive ("General Workers' Union", "St Aldhelm's Hospital")
# or "and"/"&" ("Lower Wend Fire and Rescue Service")
_BODY_JOIN = re.compile(r"(?:['\u2019]s?|\s+(?:and|&))\s+")
# words that end a body's name only after a possessive ("St Mary's Cathedral"; "hospital" and "church" are
# body words anywhere: the lexicon's organisation suffixes)
_INSTITUTION_WORDS = frozenset({"cathedral", "chapel", "abbey", "hall"})


def _join_compound_bodies(text: str, runs: list[list[_Token]]) -> list[list[_Token]]:
    """Join runs that are one organisation's name split by a possessive or an "and".

    The later run must end in a body's word (union, service, hospital) and the earlier one must not be a
    name of its own (a country, a known body, a person with a given name): "Kosovo's Foreign Ministry" and
    "Kurti and Serbian Police" stay two names.
    """
    lex = lexicon()
    out: list[list[_Token]] = []
    for run in runs:
        prev = out[-1] if out else None
        gap = _BODY_JOIN.fullmatch(text, prev[-1].end, run[0].start) if prev is not None else None
        if gap:
            joiner = gap.group().strip()
            possessive = joiner not in ("and", "&")
            last = run[-1].text.lower()
            # "Procter & Gamble", "Hollis & Marr": an ampersand between names makes one firm's name
            firm = joiner == "&" and len(prev) <= 3 and len(run) <= 3
            if firm or (last in lex.org_suffixes or possessive and last in _INSTITUTION_WORDS) \
                    and _may_open_body(text, prev, possessive):
                if possessive:  # the possessive stays on the word before it: "Workers'", "Aldhelm's"
                    prev[-1] = _Token(prev[-1].start, prev[-1].end + len(joiner), prev[-1].text + joiner)
                else:
                    at = text.index(joiner, prev[-1].end)
                    prev.append(_Token(at, at + len(joiner), joiner))
                prev.extend(run)
                continue
        out.append(run)
    return out


def _may_open_body(text: str, run: list[_Token], possessive: bool) -> bool:
    """Whether a run can be the first part of a longer body's name rather than a name of its own."""
    lex = lexicon()
    words = tuple(t.text for t in run)
    if fold(words[0]) in lex.first_names or _classify(words) in ("organisation", "country", "place"):
        return False
    if len(words) >= 3 and (any(fold(w) in lex.first_names for w in words[1:-1]) or _titled_person(words)):
        return False  # "Prime Minister Oskun Talvar's Workers Alliance": a person's party ("St Mary's" stays)
    if not possessive:  # "the Fire and Rescue Service", but "Dag Lunde and Coastal Police"
        return text[max(0, run[0].start - 4) : run[0].start].lower() == "the "
    # "St Aldhelm's Hospital", "Workers' Union"; one word before "'s" is a name of its own ("Trump's Party")
    return len(words) >= 2 or text[run[-1].end + 1 : run[-1].end + 2] != "s"


def _is_acronym(word: str) -> bool:
    core = word.replace(".", "")
    return 2 <= len(core) <= 6 and core.isupper() and core.isalpha()


def _org_like(words: list[str]) -> bool:
    lex = lexicon()
    key = fold(" ".join(words))
    if key in lex.known_orgs or "&" in words:
        return True
    last = words[-1].lower()
    if last in lex.org_suffixes and len(words) > 1:
        return True
    if "of" in words:  # "Government of Kosovo", "Ministry of Defence"
        head = words[words.index("of") - 1].lower() if words.index("of") > 0 else ""
        if head in lex.org_suffixes:
            return True
    return any(key.startswith(p + " ") for p in lex.org_prefixes)


# After a name, what only a business or a body has: "the Norrich Polymers chemical plant", "Acme shares"
_BUSINESS_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:plant|factory|site|headquarters|spokes(?:wo)?man|spokesperson|"
                             r"shares|shareholders|employees|staff|workforce|chief\s+executive|subsidiary|facility|"
                             r"refinery|warehouse|mine|brand|products)\b")


@lru_cache(maxsize=8192)
def _classify(words: tuple[str, ...]) -> str | None:
    """Type of a capitalised run, or None when it is not a name (depends on the words only: cached)."""
    lex = lexicon()
    joined = " ".join(words)
    key = fold(joined)
    if lex.country_code(joined) and key not in lex.demonym_of:
        return "country"
    if key in lex.demonym_of or fold(words[-1]) in lex.demonym_of and len(words) > 1:
        return None  # "Serbian", "Serbs": an adjective or a group of people, not an entity
    if _org_like(words):
        return "organisation"
    if key in lex.places:
        return "place"  # before acronyms: a dateline's "LONDON" is the city
    if len(words) == 1 and _is_acronym(words[0]):
        return None if key in lex.non_names else "organisation"  # "NATO", but not "GDP"
    if words[0].lower() in _DIRECTIONS and len(words) > 1:
        rest = fold(" ".join(words[1:]))
        if rest in lex.places or lex.country_code(" ".join(words[1:])):
            return "place"
    if len(words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in words if w not in _CONNECT):
        first, last = words[0], words[-1]
        given = fold(first) in lex.first_names
        if last.lower() in lex.place_words and not given:
            return "place"
        if last.lower() in lex.not_person_suffixes and not given:
            return "other"
        if (fold(last) in lex.places or lex.country_code(last)) and fold(first) not in lex.first_names:
            return "other"  # "Newport Beach", "Ukraine War"; but "Michael Jordan"
        if lex.country_code(first) or fold(first) in lex.known_orgs:
            return "other"  # "Ukraine War", "Kremlin Watchers"; a title or a verb after it still makes a person
        return "person"
    return "other"


def find_name_mentions(article: Article) -> list[NameMention]:
    """Every name mention of the article, typed, with its role where the text gives one."""
    text = article.text or ""
    if not text.strip():
        return []
    lex = lexicon()
    lower_words: set[str] | None = None
    title_lines = _title_case_lines(text)
    mentions: list[NameMention] = []
    for toks in (part for run in _runs(text) for part in _person_of_body(run)):
        in_title_line = bool(title_lines) and _in_spans(toks[0].start, title_lines)
        idx = list(range(len(toks)))
        honorific = None
        # drop leading words that never begin a name ("The", "But", "Monday") and honorifics ("Mr.")
        while idx:
            w = toks[idx[0]].text
            wl = w.lower()
            if wl.rstrip(".") in lex.non_names and not (w.isupper() and len(w) > 1) or wl in _CONNECT:
                idx.pop(0)
            elif wl in lex.honorifics or wl + "." in lex.honorifics:
                honorific = w
                idx.pop(0)
            else:
                break
        while idx and (toks[idx[-1]].text.lower() in _CONNECT or _calendar_word(text, toks[idx[-1]])):
            idx.pop()
        if not idx:
            continue
        if len(idx) >= 3 and toks[idx[1]].text == "of" and _sentence_initial(text, toks[idx[0]].start):
            # "Shares of General Motors", "Residents of Kosovo": a common noun opens the sentence
            if lower_words is None:
                lower_words = set(_LOWER_WORD.findall(text))
            first = toks[idx[0]].text.lower()
            if first in lower_words or first.endswith("s"):
                idx = idx[2:]
        # a title inside the run ("Prime Minister Albin Kurti"): the name is what follows it
        idx = _strip_title(text, toks, idx)
        idx = _strip_modifiers(text, toks, idx)
        if not idx:
            continue
        start, end = toks[idx[0]].start, toks[idx[-1]].end
        initial = _sentence_initial(text, start)
        words = [toks[i].text for i in idx]
        if initial and honorific is None and len(words) == 1:
            if lower_words is None:
                lower_words = set(_LOWER_WORD.findall(text))
            w = words[0]
            wl = w.lower()
            known = fold(w) in lex.places or lex.country_code(w) or fold(w) in lex.known_orgs or _is_acronym(w)
            plural_of = wl[:-1] if wl.endswith("s") and not wl.endswith("ss") else None
            if not known and (wl in lower_words or wl.endswith(("ly", "ing", "ed")) or
                              plural_of is not None and (plural_of in lower_words or plural_of in lex.roles)):
                # a common word opening a sentence: "Officials", "Doctors said", "Rescuers"
                continue
        if len(words) == 1 and len(words[0].rstrip(".")) < 2:
            continue
        typ = _classify(tuple(words))
        if typ is None or in_title_line and typ in ("person", "other"):
            continue  # headline-style line: every word is capitalised, only known names count there
        if article.outlet and fold(" ".join(words)) == fold(article.outlet):
            typ = "organisation"  # the article's own outlet in its dateline or credit line
        mention = NameMention(start, end, text[start:end], typ, honorific=honorific)
        if typ in ("person", "other"):
            rb = role_before(text, start)
            after_place = text[max(0, start - 4) : start] in (" in ", " at ") or text[max(0, start - 5) : start] == "from "
            role = rb[0] if rb else (None if after_place else role_after(text, end))
            if role:
                mention.role = role
                mention.type = "person"
                mention.evidence.add("role")
            if honorific:
                mention.type = "person"
                mention.evidence.add("honorific")
        if mention.type == "person" and not mention.evidence and fold(words[0]) not in lex.first_names \
                and (affiliation_before(text, start) or _BUSINESS_AFTER.match(text, end)):
            # ... and so is a name that owns a plant, shares or a spokeswoman ("the Norrich Polymers plant")
            # "a spokeswoman for Northwind Air": what someone speaks for, with no given name, is a body
            mention.type = "organisation"
        if mention.type == "other":
            follow = _SPEECH_AFTER.match(text, end)
            if follow and follow.group(1) in _SPEAKS:
                mention.type = "person"
                mention.evidence.add("speaks")
            else:
                prev = text[max(0, start - 12) : start].split()
                if prev and prev[-1].lower() in _PLACE_PREPS:
                    mention.evidence.add("after-preposition")
        mentions.append(mention)
    return mentions


def _person_of_body(toks: list[_Token]) -> list[list[_Token]]:
    """"Anna Berg of Northwind Airlines": a person's name and the body after "of" are two names, when
    the words before "of" hold a known given name and the words after name an organisation or place."""
    words = [t.text for t in toks]
    if "of" not in words:
        return [toks]
    p = words.index("of")
    left, right = tuple(words[:p]), tuple(words[p + 1 :])
    lex = lexicon()
    given = lex.first_names
    if not right or _classify(right) not in ("organisation", "country", "place"):
        return [toks]
    if len(left) >= 2 and any(fold(w) in given for w in left[:-1]) and _classify(left) == "person":
        return [toks[:p], toks[p + 1 :]]
    if _titled_person(left):
        return [toks[:p], toks[p + 1 :]]
    return [toks]


def _titled_person(words: tuple[str, ...]) -> bool:
    """"Governor Ildra Vaskin": a title before two capitalised words marks a person even when the given
    name is not a known one."""
    lex = lexicon()
    lowered = [w.lower() for w in words]
    for n in (3, 2, 1):
        title = " ".join(lowered[:n])
        if len(words) - n >= 2 and (title in lex.roles or title in lex.honorifics) and title not in _AMBIGUOUS_TITLES \
                and _classify(words[n:]) == "person":
            return True
    return False


def _calendar_word(text: str, tok: _Token) -> bool:
    """A weekday, or a month followed by a day number ("May 26"; "Theresa May" stays a name)."""
    w = tok.text.lower().rstrip(".")
    if w not in _CALENDAR:
        return False
    if w.endswith("day"):
        return True
    return text[tok.end : tok.end + 3].strip()[:1].isdigit()


def _strip_modifiers(text: str, toks: list[_Token], idx: list[int]) -> list[int]:
    """Drop leading place, demonym or compound words that qualify a name: "Italian NATO", "Serbia Alexander X",
    "Dutch-listed Haverkamp Group"."""
    lex = lexicon()
    while len(idx) >= 2:
        first = toks[idx[0]].text
        parts = [fold(p) for p in first.split("-")]
        adjectival = any(p in lex.demonym_of for p in parts)
        rest = [toks[i].text for i in idx[1:]]
        rest_key = fold(" ".join(rest))
        rest_known = bool(lex.country_code(" ".join(rest))) or rest_key in lex.known_orgs or rest_key in lex.places
        if adjectival and rest_known or "-" in first and first.rsplit("-", 1)[1].islower():
            idx = idx[1:]  # ... or a compound modifier: "Dutch-listed Haverkamp Group", "London-based Acme"
        elif len(idx) >= 3 and (lex.country_code(first) or fold(first) in lex.places) and not _org_like(rest) \
                and text[max(0, toks[idx[0]].start - 4) : toks[idx[0]].start] in (" to ", " of ", " in "):
            idx = idx[1:]  # "... Ambassador to Serbia Alexander Botsan-Kharchenko" (but "Warren E. Buffett")
        else:
            break
    return idx


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in headline style (most words capitalised): names cannot be told from the rest there."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = line.split()
        # the first words decide for most lines (a paragraph of prose fails at once)
        if len(words) >= 4 and not line.rstrip().endswith(".") and len(_LOWER_START.findall(" ".join(words[:12]))) <= 0.25 * min(12, len(words)):
            lowers = len(_LOWER_START.findall(line))
            if lowers <= 0.25 * len(words):
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _strip_title(text: str, toks: list[_Token], idx: list[int]) -> list[int]:
    """Drop the leading title words of a capitalised run, keeping the name after them."""
    lex = lexicon()
    lowered = [toks[i].text.lower() for i in idx]
    if " ".join(lowered) in lex.known_orgs:
        return idx
    for n in (4, 3, 2, 1):  # the run ends in a title: a role naming no one ("Kosovo Prime Minister")
        if n <= len(idx) and " ".join(lowered[-n:]) in lex.roles and " ".join(lowered[-n:]) not in _AMBIGUOUS_TITLES:
            return []
    if len(idx) < 2:
        return idx
    cut = -1
    for i in range(len(idx) - 1):
        for n in (4, 3, 2, 1):
            if i + n > len(idx) - 1:
                continue
            phrase = " ".join(lowered[i : i + n])
            if phrase in _AMBIGUOUS_TITLES and (len(idx) - (i + n) < 2 or _org_like(tuple(lowered[i + n :]))):
                continue  # "General Motors", "Major League Baseball"; but "Army Chief Sam Lee"
            if phrase in lex.roles or phrase in lex.honorifics:
                cut = max(cut, i + n - 1)
                break
    if cut < 0:
        return idx
    rest = idx[cut + 1 :]
    # "Ambassador to Serbia X", "Director of Intelligence Agency X": the qualifier belongs to the title
    if rest and toks[rest[0]].text.lower() in _CONNECT:
        j = 1
        while j < len(rest) - 1:
            words = [toks[k].text for k in rest[1 : j + 1]]
            if lex.country_code(" ".join(words)) or _org_like(words) or fold(" ".join(words)) in lex.places:
                return rest[j + 1 :]
            j += 1
        return []
    return rest


_NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def _person_key(words: list[str]) -> str:
    """Surname key of a person's name: its last word, generational suffixes aside ("Biden Jr." -> "biden")."""
    words = [w for w in words if fold(w).rstrip(",") not in _NAME_SUFFIXES] or words
    return fold(words[-1]) if words else ""


def find_entities(article: Article) -> tuple[Entity, ...]:
    """Every entity of the article with its canonical name, type, aliases, roles and mentions.

    Args:
        article: a cleaned article.

    Returns:
        Entities in order of first mention. A person's name is the fullest form the article
        uses ("Albin Kurti" for "Kurti" too); ``roles`` holds normalised role phrases
        ("prime minister of Kosovo").
    """
    mentions = find_name_mentions(article)
    if not mentions:
        return ()
    lex = lexicon()
    _drop_title_before_surname(mentions)
    # a name the article once shows to be a body ("a spokeswoman for X", "the X plant") is one everywhere
    # in it, unless a mention carries a person's evidence (a title, a role, an honorific)
    bodies = {fold(m.text) for m in mentions if m.type == "organisation"}
    for m in mentions:
        if m.type == "person" and not m.evidence and fold(m.text) in bodies:
            m.type = "organisation"
    # "Brennock Holdings" ... "Brennock says": the first word of a body's name, alone, is that body, unless
    # the article names a person by it or a mention shows a person (a title) or a place ("in Delvin")
    heads = _body_heads(mentions)
    surnames = {_person_key(m.text.split()) for m in mentions if m.type == "person" and len(m.text.split()) >= 2}
    for m in mentions:
        key = fold(m.text)
        if key in heads and key not in surnames and m.type in ("person", "other") and m.evidence <= {"speaks"}:
            m.type = "organisation"
    # people, by surname; full names that differ only by spelling of the first name are one person
    full_by_surname: dict[str, list[NameMention]] = {}
    single_persons: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.type == "person" and len(words) >= 2:
            full_by_surname.setdefault(_person_key(words), []).append(m)
        elif m.type == "person":
            single_persons.add(_person_key(words))
    canonical_full = {fold(m.text): _same_person_key(m, cands) for cands in full_by_surname.values() for m in cands}
    acronyms = _acronym_links(article.text, mentions)

    groups: dict[str, list[NameMention]] = {}
    order: list[str] = []
    for m in mentions:
        words = m.text.split()
        if m.type == "person" or m.type == "other" and len(words) == 1:
            key = _person_key(words)
            if len(words) >= 2 and m.type == "person":
                gid = "p:" + canonical_full[fold(m.text)]
            elif key in full_by_surname and len(words) == 1:
                m.type = "person"
                gid = "p:" + canonical_full[fold(_closest_full(full_by_surname[key], m.start, m.honorific).text)]
            elif len(words) == 1 and key in single_persons:
                m.type = "person"
                gid = "p:" + key
            elif m.type == "person":
                gid = "p:" + fold(m.text)
            else:
                gid = _other_gid(m)
        elif m.type == "country":
            gid = "c:" + (lex.country_code(m.text) or fold(m.text))
        elif m.type == "organisation":
            gid = "o:" + acronyms.get(fold(m.text), heads.get(fold(m.text), fold(m.text)))
        else:
            gid = _other_gid(m)
        if gid not in groups:
            groups[gid] = []
            order.append(gid)
        groups[gid].append(m)

    out: list[Entity] = []
    for gid in order:
        ms = groups[gid]
        types = [m.type for m in ms]
        typ = _vote(types)
        if typ == "other" and len(ms) == 1 and not ms[0].evidence:
            # an unexplained capitalised word seen once: too weak to report
            if len(ms[0].text.split()) == 1:
                continue
        if typ == "other" and any("after-preposition" in m.evidence for m in ms):
            typ = "place"
        aliases: list[str] = []
        for m in ms:
            if m.text not in aliases:
                aliases.append(m.text)
        if typ == "country":
            code = lex.country_code(ms[0].text)
            name = lex.country_name.get(code or "", max(aliases, key=len))
        elif typ == "organisation" and gid[2:] in {fold(a) for a in aliases} and len(aliases) > 1:
            name = max(aliases, key=lambda a: (len(a.split()), len(a)))
        else:
            name = max(aliases, key=lambda a: (len(a.split()), len(a)))
            if typ == "person":  # "Joseph R. Biden Jr." -> "Joseph R. Biden": suffixes stay in the aliases
                kept = [w for w in name.split() if fold(w).rstrip(",") not in _NAME_SUFFIXES]
                name = " ".join(kept).rstrip(",") if len(kept) >= 2 else name
        roles: list[str] = []
        for m in ms:
            if m.role and m.role not in roles:
                roles.append(m.role)
        out.append(Entity(
            name=name,
            type=typ,  # type: ignore[arg-type]
            aliases=tuple(aliases),
            roles=tuple(roles),
            mentions=tuple((m.start, m.end) for m in ms),
        ))
    return tuple(out)


def _body_heads(mentions: list[NameMention]) -> dict[str, str]:
    """First word -> folded full name of the bodies named by two or more words ("brennock" -> "brennock
    holdings"), when that word is no known place, country or given name and no mention of it alone is a place."""
    lex = lexicon()
    heads: dict[str, str] = {}
    for m in mentions:
        words = m.text.split()
        if m.type != "organisation" or len(words) < 2 or words[1].lower() in _CONNECT or not words[0][:1].isupper() \
                or words[-1].lower() not in lex.company_suffixes:
            continue  # "Delvin General Hospital" is named after its town: "Delvin" alone is the town
        first = fold(words[0])
        if first in lex.places or lex.country_code(words[0]) or first in lex.first_names or first in lex.non_names \
                or _is_acronym(words[0]):
            continue
        heads.setdefault(first, fold(m.text))
    placed = {fold(m.text) for m in mentions if m.type in ("place", "country") or "after-preposition" in m.evidence}
    return {k: v for k, v in heads.items() if k not in placed}


def _drop_title_before_surname(mentions: list[NameMention]) -> None:
    """"Boss Raddle" after "Steve Raddle": a title word kept because it may be a given name ("Major
    Garrett") is a title when the article names someone else in full by that surname."""
    lex = lexicon()
    given_of: dict[str, set[str]] = {}
    for m in mentions:
        words = m.text.split()
        if m.type == "person" and len(words) >= 2:
            given_of.setdefault(_person_key(words), set()).add(fold(words[0]))
    for m in mentions:
        words = m.text.split()
        if m.type != "person" or len(words) != 2 or words[0].lower() not in lex.roles \
                or fold(words[0]) in lex.first_names:
            continue
        if given_of.get(_person_key(words), set()) - {fold(words[0])}:
            cut = m.text.index(words[1])
            m.role = m.role or words[0].lower()
            m.start, m.text = m.start + cut, words[1]


def _same_person_key(m: NameMention, candidates: list[NameMention]) -> str:
    """Group key of a full name: the first full name with the same surname and a like first name."""
    from rapidfuzz.distance.JaroWinkler import similarity as _jaro  # spelling variants: Aleksandr/Aleksandar

    first = fold(m.text.split()[0])
    for c in candidates:
        cf = fold(c.text.split()[0])
        if c is m or cf == first or _jaro(cf, first) >= 0.88 or cf.rstrip(".") == first[:1] or first.rstrip(".") == cf[:1]:
            return fold(c.text)
    return fold(m.text)


def _closest_full(candidates: list[NameMention], offset: int, honorific: str | None = None) -> NameMention:
    """The full name a bare surname at ``offset`` refers to: the last one before it, else the first after.

    "Mr. Clinton" and "Mrs. Clinton" keep to the full names whose given name fits the honorific.
    """
    if honorific and len({fold(c.text) for c in candidates}) > 1:
        want = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}.get(honorific.lower())
        names = lexicon().first_names
        fitting = [c for c in candidates if names.get(fold(c.text.split()[0])) == want]
        if want and fitting:
            candidates = fitting
    before = [c for c in candidates if c.start <= offset]
    return before[-1] if before else candidates[0]


def _other_gid(m: NameMention) -> str:
    return ("x:" if m.type == "other" else m.type[:1] + ":") + fold(m.text)


def _vote(types: list[str]) -> str:
    for t in ("person", "organisation", "country", "place"):
        if t in types:
            return t
    return "other"


_PAREN_ACRONYM = re.compile(r"([A-Z][\w.\-]*(?:\s+(?:of|for|and|the|[A-Z][\w.\-]*))*)\s+\(([A-Z]{2,8})\)")


def _acronym_links(text: str, mentions: list[NameMention]) -> dict[str, str]:
    """"Kosovo Force (KFOR)": the acronym and the full name are one organisation."""
    out: dict[str, str] = {}
    for m in _PAREN_ACRONYM.finditer(text):
        full, acr = m.group(1), m.group(2)
        initials = "".join(w[0] for w in full.split() if w[:1].isupper())
        if acr[0] == full[:1] or acr[0] in initials:
            out[fold(acr)] = fold(_trim_to_initials(full, acr))
    return out


def _trim_to_initials(full: str, acr: str) -> str:
    """Drop leading words of ``full`` until it starts with the acronym's first letter ("NATO Kosovo Force" -> ...)."""
    words = full.split()
    while len(words) > 1 and words[0][0] != acr[0]:
        words.pop(0)
    return " ".join(words)
