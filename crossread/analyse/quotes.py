"""Direct quotations and their speakers; reported (indirect) speech as a second kind.

Written by hand: no library available offline attributes quotations (the trained parsers
need model downloads). The method follows news style:

1. ``quotes_marks`` pairs the quotation marks, paragraph by paragraph.
2. Each quoted span looks for its attribution: after the closing mark (``"…," X said``,
   ``said X``, ``X told CNN``, ``according to X``), before the opening mark (``X said:``,
   ``X told reporters that "…"``, a partial quote inside ``X accused Y of "…"``), or, for a
   paragraph that is all quotation, the speaker of the quotation it carries on or the one
   named in the sentence before.
3. The speaker phrase becomes a canonical name: a name the entity reader found; a pronoun
   (he, she) resolves to the last person named before whose gender does not clash (honorifics,
   given names, pronouns after the name); a description ("the diplomat",
   "Kosovo's Prime Minister") to the person whose role fits, else the description itself.
4. Short quoted words with no speech around them (scare quotes, titles, slogans) are not quotes.

Reported speech without marks ("X said that …", "X warned …") comes out with ``kind='indirect'``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article, Entity, Quote
from .entities_lexicon import fold, lexicon
from .entities_roles import affiliation_before, role_matches, role_phrase, role_words
from .quotes_marks import QuotedSpan, find_quoted_spans
from .quotes_speakers import is_speaker, speaker_phrase, unnamed_people

__all__ = ["find_quotes"]

_WORD = re.compile(r"\d+(?:[/.,:\-]\d+)+|(?:[A-Z]\.){2,}|[A-Z]\.(?=\s)|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr)\.|\w(?:[\w'\u2019\-]*\w)?(?:\.\w+)*|[^\w\s]")
_PRONOUNS = {"he": "m", "she": "f", "i": "self", "we": "plural", "they": "plural", "it": "thing", "him": "m", "her": "f"}
_DETERMINERS = frozenset({"the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "your", "some", "two", "three",
                          "several", "many", "most", "other", "both", "this", "that", "these", "those"})
_AUXILIARIES = frozenset({"has", "had", "have", "was", "were", "is", "are", "will", "would", "did", "does", "do", "can",
                          "could", "may", "might", "should", "shall", "must", "also", "later", "then", "once", "again",
                          "previously", "recently", "further", "earlier", "first", "still", "reportedly", "had", "not",
                          "never", "just", "simply", "only", "even", "already", "has", "been", "being", "now",
                          "soon", "often", "always", "usually", "sometimes", "too", "all", "each", "quickly"})
_NP_STOP = frozenset({"on", "in", "at", "during", "after", "before", "while", "when", "as", "to", "from", "last", "this",
                      "that", "yesterday", "today", "tonight", "earlier", "later", "recently", "monday", "tuesday",
                      "wednesday", "thursday", "friday", "saturday", "sunday", "via", "by", "with", "about", "and",
                      "but", "because", "since", "who", "which", "where", "if", "adding", "noting", "saying", "of",
                      "outside", "inside", "near", "around", "across", "behind", "amid", "among", "under", "into"})
_CLAUSE_BREAK = frozenset({",", ";", ":", "(", ")", "\u2014", "\u2013", "-", "that", "and", "but", "or", "which", "who",
                           "because", "while", "when", "as", "if", "than", "so", "where", "after", "before", "since"})
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"\u201d\u2019']*(?:\s+[\"\u201c\u2018]?[A-Z]|$))")
_ABBREVIATED = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Rev|No|vs|Inc|Corp|Co)|\b[A-Z]|(?:[A-Z]\.)+[A-Z])$")
_NAMING = frozenset({"called", "titled", "entitled", "dubbed", "named", "nicknamed", "slogan", "hashtag", "so-called",
                     "term", "word", "words", "phrase", "known", "label", "labeled", "labelled", "branded", "song",
                     "book", "film", "movie", "show", "program", "headline", "banner", "reading", "sign"})
_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your"})
_BUSINESS_HEADS = frozenset({"company", "firm", "manufacturer", "retailer", "carrier", "airline", "bank"})
_PUBLIC_BODIES = frozenset({"police", "council", "ministry", "department", "government", "army", "hospital", "court",
                            "service", "agency", "authority", "directorate", "commission", "union", "party",
                            "university", "office", "board", "assembly", "parliament", "senate"})
_ORG_HEADS = frozenset({"company", "firm", "group", "organization", "organisation", "network", "outlet", "paper",
                        "newspaper", "broadcaster", "agency", "carrier", "airline", "bank", "manufacturer", "retailer"})
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night",
                         "morning", "afternoon", "evening", "week", "weekend", "month", "year", "today", "yesterday",
                         "tonight", "time", "day"})
# words that open a time phrase ("on Tuesday", "late Monday", "last night")
_TIME_OPENERS = frozenset({"on", "at", "in", "during", "late", "early", "last", "this"})
_GENDERED = re.compile(r"\b(?:[Hh]e|[Hh]is|him|himself|[Ss]he|[Hh]er|hers|herself)\b")
_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "-"})
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I\u2019m|I've|I\u2019ve|we|We|my|My|our|Our|me|us)\b")


@dataclass(slots=True)
class _Attribution:
    phrase: str  # speaker words as printed
    start: int  # offset of the phrase
    end: int
    where: str  # "after", "before", "partial", "context", "continues"
    subject_of: int | None = None  # offset of the speech verb


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    entity: Entity


class _Context:
    """What the attribution rules need about the article: text, entity mentions, quote spans."""

    def __init__(self, article: Article, entities: tuple[Entity, ...], spans: list[QuotedSpan]) -> None:
        self.article = article
        self.text = article.text or ""
        self.entities = entities
        self.names = frozenset(n for ent in entities for n in (ent.name, *ent.aliases) if n)
        mentions = sorted(((s, e, ent) for ent in entities for s, e in ent.mentions), key=lambda x: (x[0], x[1]))
        self.mentions = [_Mention(s, e, ent) for s, e, ent in mentions]
        self.mention_starts = [m.start for m in self.mentions]
        self.spans = spans
        self.inside = [(s.start, s.end) for s in spans]
        self.inside_starts = [s.start for s in spans]
        self._genders: dict[int, str | None] = {}

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.inside_starts, offset) - 1
        return i >= 0 and self.inside[i][0] <= offset < self.inside[i][1]

    def mentions_in(self, lo: int, hi: int) -> list[_Mention]:
        i = bisect.bisect_left(self.mention_starts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            if self.mentions[i].end <= hi:
                out.append(self.mentions[i])
            i += 1
        return out

    def last_mention_before(self, offset: int, types: tuple[str, ...], *, limit: int = 3000,
                            gender: str | None = None) -> _Mention | None:
        i = bisect.bisect_left(self.mention_starts, offset) - 1
        while i >= 0 and self.mentions[i].start >= offset - limit:
            m = self.mentions[i]
            if m.entity.type in types and not self.in_quote(m.start):
                if gender is None or self.gender(m.entity) in (None, gender):
                    return m
            i -= 1
        return None

    def gender(self, entity: Entity) -> str | None:
        """'m', 'f' or None, from honorifics (Mr., Mrs.) and the first pronoun after each mention."""
        key = id(entity)
        if key in self._genders:
            return self._genders[key]
        titles = {"m": 0, "f": 0}
        votes = {"m": 0, "f": 0}
        for s, e in entity.mentions:
            pre = self.text[max(0, s - 5) : s]
            if "Mr." in pre:
                titles["m"] += 1
            elif "Mrs." in pre or "Ms." in pre:
                titles["f"] += 1
            nl = self.text.find("\n", e, e + 200)
            m = _GENDERED.search(self.text, e, nl if nl >= 0 else e + 200)
            if m and re.fullmatch(r"\s*,\s*", self.text[e : m.start()]):
                m = None  # "Velk, she said, had ...": the speaker's pronoun, not this name's
            if m:
                votes["m" if m.group().lower() in ("he", "his", "him", "himself") else "f"] += 1
        # only clear evidence counts: honorifics of one kind, else a given name known to mark one,
        # else pronouns of one kind at least twice
        given = lexicon().first_names.get(fold(entity.name.split()[0])) if len(entity.name.split()) > 1 else None
        if bool(titles["m"]) != bool(titles["f"]):
            g: str | None = "m" if titles["m"] else "f"
        elif given in ("m", "f"):
            g = given
        else:
            g = "m" if votes["m"] >= 2 and not votes["f"] else "f" if votes["f"] >= 2 and not votes["m"] else None
        self._genders[key] = g
        return g


@lru_cache(maxsize=1)
def _speech_lookup() -> tuple[frozenset[str], frozenset[str]]:
    lex = lexicon()
    return frozenset(lex.speech_forms), frozenset(lex.act_forms)


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, lo, hi)]


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    return lo, (len(text) if hi < 0 else hi)


def _is_speech(word: str, *, acts: bool = False) -> bool:
    speech, act = _speech_lookup()
    w = word.lower()
    return w in speech or acts and w in act


# --------------------------------------------------------------------------- noun phrases


def _np_after(toks: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
    """The speaker phrase starting at token ``i`` ("said Smith", "said the diplomat"): token range [i, j)."""
    n = len(toks)
    if i + 2 < n and toks[i][2].lower() in ("for", "to") and toks[i][2][:1].islower():
        # "said for our radio the spokesman": the phrase naming the outlet comes before the speaker
        the = next((x for x in range(i + 2, min(n, i + 5)) if toks[x][2].lower() == "the"), None)
        if the is not None:
            i = the
    j = i
    while j < n and j - i < 8:
        w = toks[j][2]
        lw = w.lower()
        if not w[0].isalnum() and not (w in ("'", "\u2019") and j > i):
            break
        if j > i and (lw in _NP_STOP or lw in _AUXILIARIES and w[0].islower()):
            break
        if j == i and (lw in _NP_STOP or lw in ("it", "that", "this")):
            return None
        j += 1
    if j > i and toks[j - 1][2][:1].islower() and j + 2 < n and toks[j][2].lower() == "of":
        # "said the minister of interior Milan Orsat": the name after the role's "of" phrase speaks
        k = j + 1
        while k < n and k - j <= 3 and toks[k][2][:1].islower() and toks[k][2][0].isalpha():
            k += 1
        run = _capitalised_run_end(toks, k)
        if k > j + 1 and run - k >= 2 and (run == n or toks[run][2] in _CLAUSE_ENDS):
            return (k, run)
        # "said the consul of Dravonia in Vessgard, Jana Pollak": the name after the comma speaks
        comma = next((x for x in range(j + 1, min(n, j + 9)) if toks[x][2] == ","), None)
        if comma is not None and all(toks[x][2][0].isalpha() for x in range(j + 1, comma)):
            run = _capitalised_run_end(toks, comma + 1)
            if run - comma - 1 >= 2 and (run == n or toks[run][2] in _CLAUSE_ENDS):
                return (comma + 1, run)
    if j > i and toks[j - 1][2][:1].islower() and j + 1 < n and toks[j][2] == ",":
        # "said her neighbour, Oskar Lindqvist.": the name in apposition to the role is the speaker
        k = j + 1
        while k < n and k - j <= 4 and toks[k][2][:1].isupper() and toks[k][2][0].isalpha():
            k += 1
        if k > j + 1 and (k == n or toks[k][2] in (".", ",", ";", "!", "?")):
            j = k
    return (i, j) if j > i else None


_CLAUSE_ENDS = frozenset({".", ",", ";", "!", "?"})


def _capitalised_run_end(toks: list[tuple[int, int, str]], k: int) -> int:
    """Where the run of capitalised words starting at token ``k`` ends (``k`` when there is none)."""
    while k < len(toks) and toks[k][2][:1].isupper() and toks[k][2][0].isalpha():
        k += 1
    return k


def _np_before(toks: list[tuple[int, int, str]], v: int) -> tuple[int, int] | None:
    """The subject phrase ending right before the verb at token ``v``: token range [i, j)."""
    j = v
    while j > 0 and (toks[j - 1][2].lower() in _AUXILIARIES or toks[j - 1][2].lower().endswith("ly") and
                     toks[j - 1][2][0].islower()):
        j -= 1
    # a parenthesis after the name: "Rep. Jane Doe (D-Ohio) said"
    if j > 0 and toks[j - 1][2] == ")":
        k = j - 1
        while k >= 0 and toks[k][2] != "(" and j - k < 12:
            k -= 1
        if k > 0 and toks[k][2] == "(":
            j = k
    # an appositive between subject and verb: "Kurti, the prime minister of Kosovo, said"
    if j > 0 and toks[j - 1][2] == ",":
        k = j - 2
        while k >= 0 and toks[k][2] not in (",", ";", ":", "(", "\u201c", '"', "\u201d") and j - k < 14:
            k -= 1
        if k >= 0 and toks[k][2] == "," and k > 0:
            inner = _np_before(toks, k)
            between = (k + 1, j - 1)
            # "the prime minister, Albin Kurti, said": the name between the commas speaks
            def named(t: str) -> bool:  # a capitalised word that is no determiner ("A lawyer" is a description)
                return t[:1].isupper() and t.lower() not in _DETERMINERS

            if between[1] > between[0] and toks[between[0]][2][:1].isupper() and inner is not None \
                    and (not named(toks[inner[0]][2]) or toks[inner[1] - 1][2][:1].islower()
                         and all(toks[x][2][:1].isupper() for x in range(*between))):
                return between  # (also "Hearthstone's country director, Cornelius Abara, said": a role, then its holder)
            if inner is not None and toks[inner[0]][2][:1].isupper():
                return inner
        return None
    i = j
    lowers = 0
    while i > 0:
        w = toks[i - 1][2]
        lw = w.lower()
        if w == "&" and i - 2 >= 0 and toks[i - 2][2][:1].isupper() and i < j and toks[i][2][:1].isupper():
            i -= 1  # "Procter & Gamble said": one firm's name
            continue
        if not w[0].isalnum() and w not in ("'", "\u2019"):
            break
        if lw == "and" and i - 2 >= 0 and toks[i - 2][2][:1].isupper() and toks[i][2][:1].isupper() and i < j:
            i -= 1  # "Obama and Clinton said"
            continue
        if lw in _CLAUSE_BREAK and lw not in ("as",):
            break
        if w[0].isupper() or w[0].isdigit() or lw in _PRONOUNS or w.endswith(("'s", "\u2019s")):
            i -= 1
            if lw in _PRONOUNS and i < j - 1:
                i += 1
                break
            if lw in _PRONOUNS:
                break
            continue
        if lw in _DETERMINERS:
            i -= 1
            break
        if lw in lexicon().speech_forms or lw in lexicon().act_forms:
            break
        lowers += 1
        if lowers > 4:
            return None
        i -= 1
    # "Sanders on Tuesday said": a time phrase between subject and verb is no part of the subject
    for x in range(i + 1, j - 1):
        if toks[x][2].lower() in _TIME_OPENERS and \
                toks[x + 1][2].lower() in _TIME_WORDS:
            j = x
            break
    if i >= j or toks[j - 1][2].lower() in ("to", "not", "the", "a", "an", "of"):
        return None
    last = toks[j - 1][2]
    if j - i == 1 and last.lower() in _DETERMINERS or last.endswith(("'s", "\u2019s", "s'", "s\u2019")) \
            or last.lower() in _POSSESSIVES:
        return None  # "his remarks", "Trump's claims": the "verb" is a noun
    # a bare lower-case phrase must start with a determiner or be one plural noun ("officials said")
    first = toks[i][2]
    if first[0].islower() and first.lower() not in _DETERMINERS and first.lower() not in _PRONOUNS:
        if j - i > 1 or not first.endswith("s"):
            # keep only the capitalised tail, if any ("protesters blamed" -> fine; "the war ended" -> none)
            k = i
            while k < j and not toks[k][2][0].isupper():
                k += 1
            if k == j:
                return (i, j) if j - i == 1 and first.endswith("s") else None
            i = k
    # "the head of the agency said", "protesters marching through the streets chanted": the phrase
    # found is the object of a preposition; the subject is the head before it
    return _head_before_preposition(toks, i, j)


def _head_before_preposition(toks: list[tuple[int, int, str]], i: int, j: int) -> tuple[int, int]:
    """The subject's span when the phrase [i, j) is a preposition's object ("the valley" in "Serbs in
    the valley said"): the head before the preposition, skipping one participle ("marching").

    After an affiliation preposition (of, for, at, from, with) the whole span speaks ("the head of
    the agency", "a spokesman for the ministry"); after a place preposition (in, through, near, ...)
    the head alone does ("Serbs"). Anything else: [i, j) unchanged.
    """
    if i < 2 or toks[i][2].lower() not in _DETERMINERS:
        return i, j
    prep = toks[i - 1][2].lower()
    if prep.endswith("ing") and toks[i - 1][2][:1].islower():
        # "a masked man reading a statement says": the phrase is the participle's object; the subject
        # is the phrase before the participle, from its determiner
        k = i - 2
        while k >= 0 and i - 1 - k <= 3 and toks[k][2][:1].isalpha() and toks[k][2].lower() not in _DETERMINERS \
                and toks[k][2].lower() not in _NP_STOP:
            k -= 1
        if k >= 0 and k < i - 2 and toks[k][2].lower() in _DETERMINERS:
            return k, i - 1
        return i, j
    if prep not in _AFFILIATION and prep not in _PLACE_PREPOSITIONS:
        return i, j
    h = i - 2
    if toks[h][2].lower().endswith("ing") and toks[h][2][:1].islower() and h > 0:
        h -= 1  # "protesters marching through the streets"
    head = toks[h][2]
    lh = head.lower()
    if not head[:1].isalpha() or lh in _DETERMINERS or lh in _PRONOUNS or lh in _NP_STOP or lh in _AUXILIARIES:
        return i, j
    noun_like = head[:1].isupper() or lh in lexicon().roles or (lh.endswith("s") and not lh.endswith("ss"))
    if not noun_like or _is_speech(head):
        return i, j
    # the head's own phrase: determiners and capitalised words right before it ("a spokesman", "Kosovo Serbs")
    k = h
    while k > 0 and (toks[k - 1][2][:1].isupper() or toks[k - 1][2].lower() in _DETERMINERS) \
            and toks[k - 1][2] not in _CLAUSE_BREAK:
        k -= 1
        if toks[k][2].lower() in _DETERMINERS:
            break
    return (k, j) if prep in _AFFILIATION else (k, h + 1)


_AFFILIATION = frozenset({"of", "for", "at", "from", "with"})
_PLACE_PREPOSITIONS = frozenset({"in", "through", "near", "across", "around", "outside", "inside", "along", "behind",
                                 "under", "on", "throughout"})


# --------------------------------------------------------------------------- attribution


def _attribution_after(ctx: _Context, span: QuotedSpan, quote_text: str) -> _Attribution | None:
    """'"…," X said' / '"…," said X' / '"…," according to X' right after the closing mark."""
    text = ctx.text
    if span.close_at is None:
        return None
    lo = span.close_at + span.close_len
    _line_lo, line_hi = _line_bounds(text, lo)
    hi = min(line_hi, lo + 220)
    nxt = text.find("\u201c", lo, hi)
    if nxt < 0:
        nxt = _next_open_straight(text, lo, hi)
    if nxt >= 0:
        hi = nxt
    toks = _words(text, lo, hi)
    if not toks:
        return None
    k = 0
    ended = quote_text.rstrip()[-1:] in ".!?" if quote_text.strip() else False
    if toks[0][2] in _DASHES and len(toks) > 1 and toks[1][2][:1].isupper() and not _is_speech(toks[1][2]):
        # a byline-style attribution: '"…" ― Jane Doe, of Ohio'
        j = 1
        while j < len(toks) and (toks[j][2][:1].isupper() or toks[j][2].lower() in ("de", "van", "von", "da", "del")) \
                and j < 7:
            j += 1
        nxt_tok = toks[j][2] if j < len(toks) else ""
        if nxt_tok in ("", ",", ".", "(", ";") or _is_speech(nxt_tok):
            return _attr(toks, (1, j), "after")
    if toks[0][2] in (",", "\u2014", "\u2013", "-", "\u2015"):
        k = 1
        ended = False
    if k >= len(toks):
        return None
    first = toks[k][2]
    if ended:
        # the quotation ended its sentence ("… ." or "…?"): what follows attributes it only when it is a
        # short "X said." / "she asked." clause, not the next sentence of the story
        stop = next((x for x in range(k, len(toks)) if toks[x][2] in (".", "!", "?", ";")), len(toks))
        if not any(_is_speech(toks[x][2]) and toks[x][2][0].islower() for x in range(k, min(stop, k + 6))):
            return None
    if first.lower() == "according" and k + 1 < len(toks) and toks[k + 1][2].lower() == "to":
        np_ = _np_after(toks, k + 2)
        if np_:
            return _attr(toks, np_, "after")
    if _is_speech(first) and not first.lower().endswith("ing"):
        np_ = _np_after(toks, k + 1 + _time_phrase(toks, k + 1))
        if np_ and _plausible_speaker(toks[np_[0] : np_[1]]):
            return _attr(toks, np_, "after", verb=toks[k][0])
        return None
    # "Jane Doe, the attorney general of Ohio, one of the states suing, said": a name, a long
    # appositive, then the verb
    run = k
    while run < len(toks) and (toks[run][2][:1].isupper() or toks[run][2] in ("'", "\u2019")) and run - k < 6:
        run += 1
    if run > k and run < len(toks) and toks[run][2] in (",", "(") and toks[k][2].lower() not in _PRONOUNS:
        depth = 0
        for v in range(run, min(len(toks), run + 30)):
            w = toks[v][2]
            depth += (w == "(") - (w == ")")
            if depth == 0 and (w in ("!", "?", ";", "\u201c") or w == "." and v + 1 < len(toks) and toks[v + 1][2][:1].isupper()):
                break
            if depth == 0 and w[0].islower() and _is_speech(w) and not w.endswith("ing") and toks[v - 1][2] in (",", ")"):
                return _attr(toks, (k, run), "after", verb=toks[v][0])
    # "X said", "X, the minister, said", "he told CNN": a speech verb within the first words
    limit = min(len(toks), k + 16)
    depth = 0
    for v in range(k + 1, limit):
        w = toks[v][2]
        depth += (w == "(") - (w == ")")
        if depth > 0 or w == ")":
            continue
        if w in (".", "!", "?", ";") or w.lower() in ("that", "which", "because"):
            break
        if _is_speech(w):
            np_ = _np_before(toks, v)
            if np_ and np_[0] == k:
                return _attr(toks, np_, "after", verb=toks[v][0])
            if np_ and np_[0] > k and all(toks[x][2] == "," or toks[x][2][0].isalpha() and toks[x][2].lower() not in
                                          ("which", "who", "that", "and", "but", "as") for x in range(k, np_[0])):
                return _attr(toks, np_, "after", verb=toks[v][0])  # "panel Chairman Rep. X said"
            break
    return None


def _time_phrase(toks: list[tuple[int, int, str]], i: int) -> int:
    """How many tokens at ``i`` make a time phrase between a speech verb and its subject ("said on
    Wednesday the minister", "said yesterday the mayor"): 0 when there is none, or nothing after it."""
    words = [t[2].lower() for t in toks[i : i + 4]]
    n = 0
    if words[:1] and words[0] in ("yesterday", "today", "tonight"):
        n = 1
    elif len(words) >= 2 and words[0] in _TIME_OPENERS and words[1] in _TIME_WORDS:
        n = 2 + (len(words) >= 3 and words[2] in _TIME_WORDS)  # "on Monday evening"
    return n if n and i + n < len(toks) and toks[i + n][2][:1].isalpha() else 0


def _plausible_speaker(toks: list[tuple[int, int, str]]) -> bool:
    """A name, a pronoun, or a noun phrase with a determiner or a plural head ("said officials")."""
    first, last = toks[0][2], toks[-1][2]
    lf = first.lower()
    return (any(t[2][:1].isupper() for t in toks) or lf in _PRONOUNS or lf in _DETERMINERS or last.endswith("s")
            or first.endswith("s") or last.lower() in lexicon().roles)


def _next_open_straight(text: str, lo: int, hi: int) -> int:
    i = text.find('"', lo, hi)
    while i >= 0:
        if i == 0 or text[i - 1] in " (\u2014":
            return i
        i = text.find('"', i + 1, hi)
    return -1


def _attr(toks: list[tuple[int, int, str]], np_: tuple[int, int], where: str, verb: int | None = None) -> _Attribution:
    i, j = np_
    start, end = toks[i][0], toks[j - 1][1]
    phrase = " ".join(t[2] for t in toks[i:j])
    return _Attribution(phrase=phrase, start=start, end=end, where=where, subject_of=verb)


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Start of the sentence holding offset ``hi`` (searching back no further than ``lo``)."""
    best = lo
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if _ABBREVIATED.search(text, max(lo, m.start() - 6), m.start()):
            continue
        best = m.end()
    return best


def _attribution_before(ctx: _Context, span: QuotedSpan, prev_close: int) -> _Attribution | None:
    """'X said: "…"', 'X said "…"', 'X accused Y of "…"', 'according to X, "…"' before the opening mark."""
    text = ctx.text
    line_lo, _ = _line_bounds(text, span.open_at)
    lo = max(line_lo, prev_close)
    lo = _clause_start(text, lo, span.open_at)
    toks = _words(text, lo, span.open_at)
    if not toks:
        return None
    # "According to X, "…""
    for a in range(len(toks) - 1):
        if toks[a][2].lower() == "according" and toks[a + 1][2].lower() == "to":
            np_ = _np_after(toks, a + 2)
            if np_:
                return _attr(toks, np_, "before")
    # the last speech verb of the clause
    for v in range(len(toks) - 1, -1, -1):
        w = toks[v][2]
        if not w[0].islower() or not _is_speech(w, acts=True):
            continue  # "the United States" is no verb
        lw = w.lower()
        nxt = toks[v + 1][2] if v + 1 < len(toks) else ""
        if lw in ("read", "post", "report", "reports", "call", "calls", "point", "points") and len(toks) - v > 3:
            continue  # nouns as often as verbs, unless right before the quotation ("call them "…"")
        if lexicon().speech_forms.get(lw) == "continue" and nxt not in (":", ","):
            continue  # "continues to view …" is no speech; "he continued: …" is
        if lw.endswith("ing"):
            # "…, stating that", "emphasizing that": the clause's subject speaks
            subj = _sentence_subject(ctx, lo, toks[v][0])
            if subj is None:
                continue
            where = "before" if len(toks) - v <= 8 and toks[-1][2] in (":", ",", "that") or v == len(toks) - 1 else "partial"
            return _Attribution(text[subj.start : subj.end], subj.start, subj.end, where, subject_of=toks[v][0])
        where = "before" if len(toks) - v <= 8 and toks[-1][2] in (":", ",", "that") or v == len(toks) - 1 else "partial"
        np_ = _np_before(toks, v)
        if np_ and toks[np_[0]][2].lower() not in ("who", "which"):
            return _attr(toks, np_, where, verb=toks[v][0])
        # "…, stating that", "who used the occasion to urge", "was quoted as saying": the clause's subject
        subj = _sentence_subject(ctx, lo, toks[v][0])
        if subj is not None:
            return _Attribution(text[subj.start : subj.end], subj.start, subj.end, where, subject_of=toks[v][0])
        return None
    # 'exemplified by this finding: "…"': a colon introduces the quotation, the phrase before it speaks
    if toks[-1][2] == ":" and len(toks) >= 2:
        subj = _sentence_subject(ctx, lo, toks[-1][0])
        if subj is not None:
            return _Attribution(text[subj.start : subj.end], subj.start, subj.end, "before")
        np_ = _np_before(toks, len(toks) - 1)
        if np_:
            return _attr(toks, np_, "before")
    # "as X put it, "…""
    for v in range(len(toks) - 2, 0, -1):
        if toks[v][2].lower() == "put" and toks[v + 1][2].lower() == "it":
            np_ = _np_before(toks, v)
            if np_:
                return _attr(toks, np_, "before", verb=toks[v][0])
    return None


def _sentence_subject(ctx: _Context, lo: int, hi: int) -> _Mention | None:
    """The first person or organisation named in [lo, hi) outside quotation marks; after 'who', the nearest one."""
    text = ctx.text
    who = max(text.rfind(" who ", lo, hi), text.rfind(", who", lo, hi))
    ms = [m for m in ctx.mentions_in(lo, hi) if m.entity.type in ("person", "organisation") and not ctx.in_quote(m.start)]
    if not ms:
        return None
    if who >= 0:
        before = [m for m in ms if m.end <= who + 1]
        if before:
            return before[-1]
    persons = [m for m in ms if m.entity.type == "person"]
    return (persons or ms)[0]


# --------------------------------------------------------------------------- speakers


def _resolve(ctx: _Context, attr: _Attribution, at: int) -> tuple[str | None, str | None]:
    """Canonical speaker and the speaker words for an attribution phrase; (None, None) when it names nobody.

    The phrase loses the words that open it without naming anyone ("As", "Here's what"); a speaker
    that is still no name, role or organisation (a contraction, a lone adjective such as "European")
    is dropped (``quotes_speakers``).
    """
    raw = attr.phrase.strip(" ,")
    phrase = speaker_phrase(raw, names=ctx.names)
    if not phrase:
        return None, None
    if phrase != raw:
        start = ctx.text.find(phrase.split()[0], attr.start, attr.end)
        attr = _Attribution(phrase, start if start >= 0 else attr.start, attr.end, attr.where, attr.subject_of)
    speaker, words = _resolve_phrase(ctx, attr, at)
    if speaker is not None and not is_speaker(speaker, names=ctx.names):
        return None, None
    return speaker, words


def _resolve_phrase(ctx: _Context, attr: _Attribution, at: int) -> tuple[str | None, str]:
    """Canonical speaker and the speaker words for an attribution phrase (already trimmed)."""
    phrase = attr.phrase.strip(" ,")
    words = phrase.split()
    if not words:
        return None, phrase
    lw = [w.lower() for w in words]
    # a pronoun
    if len(words) == 1 and lw[0] in _PRONOUNS:
        kind = _PRONOUNS[lw[0]]
        if kind in ("m", "f"):
            m = _pronoun_referent(ctx, attr.start, kind)
            unnamed = _unnamed_person(ctx.text, m.end if m else max(0, attr.start - 600), attr.start)
            if unnamed is not None:
                return unnamed, phrase  # "A police officer who asked not to be named ... he said"
            subject = _role_subject(ctx, _sentence_start(ctx, m.start) if m else max(0, attr.start - 600), attr.start)
            if subject is not None:
                # "His lawyer was furious. '...,' he said": the role opening the sentence before,
                # not the last name, is who speaks
                speaker, _ = _resolve_phrase(ctx, subject, at)
                if speaker is not None:
                    return speaker, phrase
            return (m.entity.name if m else None), phrase
        if kind == "thing":
            m = ctx.last_mention_before(attr.start, ("organisation", "country"), limit=600)
            return (m.entity.name if m else None), phrase
        return None, phrase
    # a name the entity reader knows (the person in "Kremlin spokesman Dmitry Peskov")
    ms = ctx.mentions_in(attr.start, attr.end)
    # "Jane Doe for Acme Polls", "Mr. Smith of the Sierra Club": only what precedes the preposition names the speaker
    prep = re.search(r" (?:for|of|at|from|with) ", phrase)
    if prep and any(m.start < attr.start + prep.start() for m in ms):
        ms = [m for m in ms if m.start < attr.start + prep.start()]
    persons = [m for m in ms if m.entity.type == "person"]
    if persons and words[-1][:1].islower() and persons[-1].end < attr.start + len(phrase.rstrip(" ,")) - len(words[-1]):
        # "the Clinton campaign", "Pagliano's lawyer": the name qualifies someone else
        return _description(words), phrase
    if persons:
        if len(persons) > 1 and " and " in phrase:  # "Obama and Clinton said"
            names: list[str] = []
            for m in persons:
                if m.entity.name not in names:
                    names.append(m.entity.name)
            return " and ".join(names), phrase
        return persons[-1].entity.name, phrase
    # "Jane Doe for Acme Polls", "Mr. Smith of the Sierra Club": the name before the preposition
    for cut, w in enumerate(lw):
        if w in ("for", "of", "at", "from", "with") and cut >= 2 and all(x[:1].isupper() for x in words[:cut]):
            head_end = attr.start + len(" ".join(words[:cut]))
            if not any(m.start < head_end and m.entity.type in ("organisation", "country", "place") for m in ms):
                return " ".join(words[:cut]).strip(" ,"), phrase
            break
    # a role: "Kosovo's Prime Minister", "the US Ambassador", "the diplomat"
    role = role_phrase(phrase)
    if ms and role is None:
        if _describes_group(words, ms[-1]):
            return _description(words), phrase
        return ms[-1].entity.name, phrase
    if role is not None and lw[0] in ("the", "this", "that"):
        # "A senior military official, speaking on condition of anonymity ... the official said"
        m = ctx.last_mention_before(attr.start, ("person",))
        unnamed = _unnamed_person(ctx.text, m.end if m else max(0, attr.start - 600), attr.start, head=lw[-1])
        if unnamed is not None:
            return unnamed, phrase
    if role is not None:
        person = _person_with_role(ctx, role, attr.start)
        head = role_words(role)
        if person is None and lw[0] in ("the", "this", "that") and head in lexicon().role_classes:
            # "the diplomat" -> the person described as an ambassador or envoy before; "the Vermont
            # senator" -> a senator, preferably one the article ties to Vermont
            qualifier = [w for w in words[1:] if w[:1].isupper() and w.lower() not in head.split()]
            if not any(lexicon().country_code(q) for q in qualifier):  # a country was matched above already
                person = _person_with_role(ctx, head, attr.start, classes=lexicon().role_classes[head],
                                           prefer=qualifier, strict=role != head)
        if person is not None:
            return person, phrase
        definite = lw[0] in ("the", "this", "that")
        if definite or words[0][:1].isupper():
            return _description(words), phrase
    head = lw[-1]
    if lw[0] in ("the", "this", "that") and len(words) <= 3 and head in _ORG_HEADS | lexicon().org_suffixes:
        # "the company", "the ministry": the organisation named last before
        org = _org_before(ctx, head, attr.start)
        if org is not None:
            return org, phrase
    if lw[0] in ("the", "this", "that") and head in lexicon().role_classes:
        person = _person_with_role(ctx, head, attr.start, classes=lexicon().role_classes[head])
        if person is not None:
            return person, phrase
    return _description(words), phrase


def _pronoun_referent(ctx: _Context, before: int, gender: str) -> _Mention | None:
    """The person "he" / "she" at ``before`` points back to: the last one named whose gender does not clash.

    Only people count (an organisation is never "she"). Within the sentence that names that person, the
    subject wins over a name that only says whom someone works for ("Ann Lee, a spokeswoman for Tom
    Hart, said ...") or whose someone is ("Mr. Tribe's client"), and a person known to be of the
    pronoun's gender over one whose gender is unknown.
    """
    m = ctx.last_mention_before(before, ("person",), gender=gender)
    if m is not None and re.fullmatch(r"['’]?s?\s*,\s*", ctx.text[m.end : before]):
        # "Velk, she said, had run the ministry": who is spoken about, not who speaks
        about = m.entity
        while m is not None and m.entity is about:
            m = ctx.last_mention_before(m.start, ("person",), gender=gender)
    if m is None:
        return None
    affiliated = affiliation_before(ctx.text, m.start)
    weak = affiliated or _possessive(ctx, m)
    if not weak and (ctx.gender(m.entity) is not None or _speaks(ctx, m)):
        return m  # ("will appeal, his lawyer Kaspian Dorn said. '...,' he told reporters": the one who spoke)
    sentence = ctx.article.sentence_at(m.start)
    if sentence is None:
        return m
    lo = ctx.article.sentences[sentence].start
    for other in reversed(ctx.mentions_in(lo, m.start)):
        if other.entity.type != "person" or other.entity is m.entity or ctx.in_quote(other.start) \
                or affiliation_before(ctx.text, other.start) or _possessive(ctx, other):
            continue
        g = ctx.gender(other.entity)
        # whom a spokesperson speaks for is hardly the speaker; a possessive ("Trump's microphone")
        # gives way only to someone known to fit, or known as a person by a role
        if g == gender or g is None and (affiliated or weak and other.entity.roles):
            return other
    return m


def _speaks(ctx: _Context, m: _Mention) -> bool:
    """Whether the mention is the subject of a speech verb right beside it ("Dorn said", "said Dorn")."""
    after = re.match(r"\s+([A-Za-z]+)", ctx.text[m.end : m.end + 20])
    before = re.search(r"([A-Za-z]+)\s+$", ctx.text[max(0, m.start - 20) : m.start])
    return bool(after and _is_speech(after.group(1)) or before and _is_speech(before.group(1)))


def _possessive(ctx: _Context, m: _Mention) -> bool:
    return ctx.text[m.end : m.end + 2] in ("'s", "\u2019s")


def _org_before(ctx: _Context, head: str, before: int) -> str | None:
    """The organisation a definite description points back to: same head noun, else any for "company"/"firm"."""
    generic = head in _ORG_HEADS
    i = bisect.bisect_left(ctx.mention_starts, before) - 1
    while i >= 0 and ctx.mentions[i].start >= before - 3000:
        ent = ctx.mentions[i].entity
        # "the company said" points back past the police or the council to a business
        public = head in _BUSINESS_HEADS and ent.name.lower().rsplit(" ", 1)[-1] in _PUBLIC_BODIES
        if ent.type == "organisation" and not ctx.in_quote(ctx.mentions[i].start) and not public:
            if ent.name.lower().endswith(" " + head) or generic:
                return ent.name
        i -= 1
    return None


def _describes_group(words: list[str], m: _Mention) -> bool:
    """'the Trump campaign', 'Clinton aides': a name used as a modifier of a lower-case head noun."""
    return words[-1][:1].islower()


@lru_cache(maxsize=1)
def _person_nouns() -> str:
    """A regex alternation of the one-word nouns that describe a person: "officer", "lawyer", "witness"."""
    nouns = unnamed_people() | {r for r in lexicon().roles if " " not in r}
    return "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))


@lru_cache(maxsize=1)
def _unnamed_pattern() -> re.Pattern[str]:
    alt = _person_nouns()
    # sentence-initial only: "a soldier" as an object ("Pell met a soldier") introduces no speaker
    return re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\n))(?:An?|One|Another)\s+"
                      r"(?P<np>(?:[a-z][\w-]*\s+){0,3}?(?P<head>" + alt + r"))\b(?!\s+(?:of|for)\s+[A-Z])")


def _unnamed_person(text: str, lo: int, hi: int, head: str | None = None) -> str | None:
    """The last person the text brings in without a name between ``lo`` and ``hi`` ("A police
    officer who asked not to be named"), as a description ("police officer"), or None. With
    ``head``, only one described by that noun ("the official said")."""
    found = None
    for m in _unnamed_pattern().finditer(text, lo, hi):
        if head is None or m["head"] == head:
            found = m["np"]
    return found


@lru_cache(maxsize=1)
def _role_subject_pattern() -> re.Pattern[str]:
    alt = _person_nouns()
    # "The head of the regional prosecutor's office", "His lawyer", "Velk's lawyer" opening a sentence,
    # with no name after the role ("His lawyer Kaspian Dorn said" names him)
    return re.compile(r"(?:The|His|Her|Their|[A-Z][\w-]*['’]s)\s+(?:[a-z][\w-]*\s+){0,3}?(?:" + alt
                      + r")\b(?:\s+of\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,3}?[a-z][\w-]*)?(?![\w'’-])(?!,?\s+[A-Z])")


def _sentence_start(ctx: _Context, offset: int) -> int:
    k = ctx.article.sentence_at(offset)
    return ctx.article.sentences[k].start if k is not None else offset


def _role_subject(ctx: _Context, lo: int, hi: int) -> _Attribution | None:
    """The last sentence in [lo, hi) that opens with a person described by a role and not named, as an
    attribution phrase ("His lawyer"), or None."""
    found = None
    pattern = _role_subject_pattern()
    for sent in ctx.article.sentences:
        if sent.start < lo or sent.start >= hi:
            continue
        m = pattern.match(ctx.text, sent.start)
        if m and not any(p.entity.type == "person" and not m.start() <= p.start < m.end()
                         for p in ctx.mentions_in(sent.start, sent.end)):
            # (a sentence that also names someone, "The director, Mr. Piet Larsen, said", is left to the names)
            found = _Attribution(m.group(), m.start(), m.end(), "context")
    return found


def _description(words: list[str]) -> str:
    while words and words[0].lower() in ("the", "a", "an", "one"):
        words = words[1:]
    return " ".join(words).strip(" ,") or None  # type: ignore[return-value]


def _person_with_role(ctx: _Context, role: str, before: int, classes: tuple[str, ...] = (),
                      prefer: list[str] | None = None, strict: bool = False) -> str | None:
    """The person whose role fits, most recently mentioned before ``before`` (else the first after).

    With ``prefer`` (qualifier words such as "Vermont"), people whose roles or the text near their
    mentions carry one of them come first; with ``strict``, only they count.
    """
    fits = []
    for e in ctx.entities:
        if e.type != "person" or not e.roles:
            continue
        if classes:
            ok = any(role_words(r) in classes or any(c in r.split() for c in classes) for r in e.roles)
        else:
            ok = any(role_matches(role, r) for r in e.roles)
        if ok:
            fits.append(e)
    if prefer:
        near = [e for e in fits if any(any(p in r for p in prefer) for r in e.roles) or
                any(any(p in ctx.text[max(0, s - 60) : s_end + 60] for p in prefer) for s, s_end in e.mentions)]
        if near or strict:
            fits = near
    if not fits:
        return None
    if len(fits) == 1:
        return fits[0].name

    def last_before(e: Entity) -> int:
        starts = [s for s, _ in e.mentions if s < before]
        return max(starts) if starts else -1

    return max(fits, key=last_before).name


# --------------------------------------------------------------------------- filters


def _is_title_like(q: str) -> bool:
    words = [w for w in re.findall(r"[\w'\u2019\-]+", q)]
    if not words or len(words) > 8:
        return False
    content = [w for w in words if w.lower() not in ("of", "the", "a", "an", "and", "for", "in", "on", "to", "at", "with")]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _looks_like_speech(q: str) -> bool:
    """A quotation that reads as something said: several words, a clause, first person, or an end mark."""
    words = q.split()
    if _is_title_like(q) and len(words) <= 6 and not _FIRST_PERSON.search(q):
        return False  # "Defender Europe 23." : the period belongs to the sentence around it
    if len(words) >= 8:
        return True
    if q.rstrip()[-1:] in ".!?," and len(words) >= 3:
        return True
    return bool(_FIRST_PERSON.search(q)) and len(words) >= 3


# --------------------------------------------------------------------------- the reader


def find_quotes(article: Article, entities: tuple[Entity, ...] = ()) -> tuple[Quote, ...]:
    """Every direct quotation (and, as kind='indirect', reported speech) with its speaker.

    Args:
        article: a cleaned article.
        entities: what ``find_entities`` found in it; speakers are resolved to their names.

    Returns:
        Quotes in text order: direct ones (``text`` = the words inside the marks, offsets
        without the marks) and indirect ones (``text`` = the reported clause).
    """
    text = article.text or ""
    if not text.strip():
        return ()
    spans = find_quoted_spans(text)
    ctx = _Context(article, entities, spans)
    out: list[Quote] = []
    prev: tuple[QuotedSpan, str | None, str | None] | None = None
    prev_close = 0
    for span in spans:
        q = text[span.start : span.end]
        quote = _read_span(ctx, span, q, prev, prev_close)
        if quote is not None:
            out.append(quote)
            prev = (span, quote.speaker, quote.speaker_text)
        # the next quotation's attribution is looked for after this one only
        prev_close = (span.close_at + span.close_len) if span.close_at is not None else span.end
    out.extend(_indirect(ctx))
    out.sort(key=lambda x: (x.start, x.end, x.kind))
    return tuple(out)


def _read_span(ctx: _Context, span: QuotedSpan, q: str, prev: tuple[QuotedSpan, str | None, str | None] | None,
               prev_close: int) -> Quote | None:
    text = ctx.text
    stripped = q.strip()
    if not stripped:
        return None
    attr = None
    # 1. a quotation carried on from the previous paragraph keeps its speaker
    if span.continues and prev is not None and prev[0].continued:
        return _make(ctx, span, prev[1], prev[2])
    before = _attribution_before(ctx, span, prev_close)
    after = _attribution_after(ctx, span, q)
    if before is not None and before.where == "before":
        attr = before
    elif after is not None:
        attr = after
    elif before is not None:
        attr = before
    whole_paragraph = _fills_paragraph(text, span)
    naming = _named_thing(text, span)
    if attr is not None:
        if naming or attr.where == "partial" and _is_title_like(stripped) and not _looks_like_speech(stripped):
            return None
        if attr.where == "after" and _is_title_like(stripped) and not _starts_sentence(text, span):
            return None  # 'a broadcast of "Meet the Press," Smith said': a title inside the sentence
        if attr.where == "partial" and len(stripped.split()) == 1 and attr.subject_of is not None \
                and len(_after_that(text[attr.subject_of : span.open_at]).split()) > 6:
            return None  # one quoted word far from the verb (or its "that") is a scare quote
        if attr.where == "after" and _is_title_like(stripped) and stripped[-1:] not in ",.!?" \
                and not _looks_like_speech(stripped) and len(stripped.split()) < 3:
            return None
        speaker, speaker_text = _resolve(ctx, attr, span.start)
        return _make(ctx, span, speaker, speaker_text)
    # 2. no attribution around it
    if naming or _is_title_like(stripped) and not _looks_like_speech(stripped):
        return None
    if whole_paragraph or _starts_sentence(text, span) and _looks_like_speech(stripped):
        # the speaker of the quotation just before (same or previous paragraph), else the one the
        # previous sentence names
        if prev is not None and _near(text, prev[0], span):
            return _make(ctx, span, prev[1], prev[2])
        who = _previous_sentence_speaker(ctx, span)
        if who is not None:
            speaker, speaker_text = _resolve(ctx, who, span.start)
            return _make(ctx, span, speaker, speaker_text)
        return _make(ctx, span, None, None) if _looks_like_speech(stripped) else None
    if len(stripped.split()) >= 8 and _looks_like_speech(stripped):
        who = _previous_sentence_speaker(ctx, span)
        if who is not None:
            speaker, speaker_text = _resolve(ctx, who, span.start)
            return _make(ctx, span, speaker, speaker_text)
    return None


def _after_that(clause: str) -> str:
    """The words after the last "that" or "as" of a clause ("wrote on X that the vote was")."""
    cut = max(clause.rfind(" that "), clause.rfind(" as "))
    return clause[cut + 1 :] if cut >= 0 else clause


def _make(ctx: _Context, span: QuotedSpan, speaker: str | None, speaker_text: str | None) -> Quote:
    start, end = span.start, span.end
    text = ctx.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(
        article_id=ctx.article.id,
        start=start,
        end=end,
        text=text[start:end],
        speaker=speaker,
        speaker_text=speaker_text.replace(" , ", ", ") if speaker_text else speaker_text,  # tokens joined back
        kind="direct",
        sentence=ctx.article.sentence_at(start),
    )


def _fills_paragraph(text: str, span: QuotedSpan) -> bool:
    lo, hi = _line_bounds(text, span.open_at)
    before = text[lo : span.open_at].strip()
    after = text[(span.close_at + span.close_len if span.close_at is not None else span.end) : hi].strip()
    return not before and not after.strip(".,;:!?\u201d\"'")


def _starts_sentence(text: str, span: QuotedSpan) -> bool:
    i = span.open_at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?\n:"


def _named_thing(text: str, span: QuotedSpan) -> bool:
    """'so-called "…"', 'the slogan "…"', 'a book titled "…"': a name in quotation marks, not speech."""
    words = text[max(0, span.open_at - 40) : span.open_at].lower().split()
    return bool(words) and (words[-1].strip(",:") in _NAMING or len(words) > 1 and words[-2] in ("so-called", "dubbed"))


def _near(text: str, prev: QuotedSpan, span: QuotedSpan) -> bool:
    """The previous quotation is in the same paragraph or the one right before."""
    between = text[prev.end : span.open_at]
    return between.count("\n") <= 2 and len(between) < 600


def _previous_sentence_speaker(ctx: _Context, span: QuotedSpan) -> _Attribution | None:
    """For a quotation standing alone: who the sentence before names as speaking (or its subject)."""
    text = ctx.text
    hi = span.open_at
    lo = max(0, hi - 400)
    start = _clause_start(text, lo, hi)
    if text[start:hi].strip() == "":
        # the quote opens its sentence: look at the sentence before
        hi2 = start
        start = _clause_start(text, lo, max(lo, hi2 - 2))
        hi = hi2
    toks = _words(text, start, hi)
    if toks and toks[-1][2] == ":":
        # "X made the following remarks:" then the quotation: the sentence's subject speaks
        subj = _sentence_subject(ctx, start, hi)
        if subj is not None:
            return _Attribution(text[subj.start : subj.end], subj.start, subj.end, "context")
    for v in range(len(toks) - 1, -1, -1):
        if toks[v][2][0].isupper() or v > 0 and toks[v - 1][2].lower() in _DETERMINERS:
            continue  # "the following remarks": a noun, not a verb
        if _is_speech(toks[v][2]):
            np_ = _np_before(toks, v)
            if np_:
                return _attr(toks, np_, "context", verb=toks[v][0])
            np_ = _np_after(toks, v + 1)
            if np_ and toks[np_[0]][2][:1].isupper():
                return _attr(toks, np_, "context", verb=toks[v][0])
    subj = _sentence_subject(ctx, start, hi)
    if subj is not None and subj.entity.type == "person":
        return _Attribution(text[subj.start : subj.end], subj.start, subj.end, "context")
    return None


# --------------------------------------------------------------------------- indirect speech

_INDIRECT_VERBS = re.compile(r"\b(said|says|told|tells|warned|warns|argued|argues|claimed|claims|insisted|insists|"
                             r"added|adds|stated|states|noted|notes|explained|explains|announced|announces|"
                             r"acknowledged|admitted|predicted|suggested|stressed|emphasized|emphasised|alleged|"
                             r"asserted|contended|maintained|confirmed|denied)\b")
_SAY_TELL = frozenset({"said", "says", "told", "tells"})


def _indirect(ctx: _Context) -> list[Quote]:
    """Reported speech without quotation marks: 'X said (that) …', 'according to X, …'."""
    text = ctx.text
    out: list[Quote] = []
    sentences = ctx.article.sentences
    for idx, s in enumerate(sentences):
        st, en = s.start, s.end
        seg = text[st:en]
        if any(c in seg for c in "\"\u201c\u201d") or len(seg) < 20:
            continue
        m = _INDIRECT_VERBS.search(seg)
        if not m:
            continue
        # the subject sits just before the verb: no need to read the whole of a long sentence
        wlo = st if m.start() < 160 else text.find(" ", st + m.start() - 160) + 1
        toks = _words(text, wlo, en)
        v = next((k for k, t in enumerate(toks) if t[0] == st + m.start()), None)
        if v is None:
            continue
        np_ = _np_before(toks, v)
        if np_ is None:
            continue
        # the reported clause: after "that" or after the verb (and an object: "told reporters")
        k = v + 1
        if m.group(1) in ("told", "tells") and k < len(toks):
            while k < len(toks) and toks[k][2].lower() not in ("that",) and k - v <= 3 and toks[k][2] != ",":
                k += 1
        if k < len(toks) and toks[k][2].lower() == "that":
            k += 1
        elif m.group(1) not in _SAY_TELL:
            continue  # "warned that …" reports speech; "claimed 10,000 lives" does not
        if k >= len(toks) or len(toks) - k < 4 or not toks[k][2][0].isalnum():
            continue
        cstart = toks[k][0]
        cend = en
        while cend > cstart and text[cend - 1] in " .\n":
            cend -= 1
        attr = _attr(toks, np_, "indirect", verb=toks[v][0])
        head = attr.phrase.lower().replace("\u2019", "'")
        if head in ("it", "it's", "that", "this", "which", "what", "there", "one", "who") or not any(
                c.isupper() for c in attr.phrase) and len(attr.phrase.split()) == 1 and not head.endswith("s"):
            continue
        speaker, speaker_text = _resolve(ctx, attr, attr.start)
        out.append(Quote(article_id=ctx.article.id, start=cstart, end=cend, text=text[cstart:cend], speaker=speaker,
                         speaker_text=speaker_text, kind="indirect", sentence=idx))
    return out
