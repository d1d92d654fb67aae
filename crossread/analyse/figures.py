"""Numbers that count or measure something: value, bounds, qualifier, unit, counted noun, predicate.

Written by hand (quantulum3 drops "at least" and the counted noun, and reads "May 26" as
26; see STACK.md): a scanner finds number candidates (digits and number words), then
small anchored patterns read around each one: currency and qualifier to the left;
fraction, scale ("million", "bn"), percent, unit, "-year-old", range partner and the
counted noun to the right.  Years, dates, times of day, ordinals, list numbering and
numbers that are part of a name ("Flight 370", "AK-47", "No. 10") are skipped.

Text tokenised word by word (as in the ECB+ corpus) splits decimal points off: "6. 1", "a. 919".  Each
article is checked once for how it writes decimals (``_decimal_style``); only where it plainly splits
them is "6. 1" read as 6.1, so that in ordinary text "in 2005. 3 people died" stays two sentences.

The word lists live in ``crossread/data/figures/lexicon.json``.

``value`` is the number as stated: for "$80 million" it is 80 with unit "million USD"
(the scale lives in the unit, so "£1.2m" and "£1.2 million" read alike); "two dozen"
is 24; vague counts ("dozens") have ``value=None`` and a lower bound.
"""
from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Article, FigureReport

__all__ = ["currency_codes", "find_figures", "lexicon", "nested_in_another", "qualifier_bounds"]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The figure word lists (loaded once from the package data)."""
    path = resources.files("crossread") / "data" / "figures" / "lexicon.json"
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """The currency codes figures carry as units ("USD", "EUR")."""
    lx = lexicon()
    return frozenset({*lx["currency_words"].values(), *lx["currency_prefixes"].values()})


_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})


def _alt(words: list[str] | dict[str, Any]) -> str:
    """A regex alternation of literal words, longest first (so "per cent" wins over "per")."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _counted_words() -> frozenset[str]:
    """Every word of the lexicon's counted-noun classes."""
    return frozenset(w for words in lexicon()["counted_classes"].values() for w in words)


@dataclass(frozen=True)
class _Rules:
    """The lexicon compiled into patterns (built once)."""

    candidate: re.Pattern[str]
    digits: re.Pattern[str]
    words_token: re.Pattern[str]
    units_words: dict[str, int]
    tens_words: dict[str, int]
    multipliers: dict[str, int]
    vague: re.Pattern[str]
    vague_values: dict[str, int]
    adverbial: dict[str, int]
    currency_left: re.Pattern[str]
    currency_prefixes: dict[str, str]
    qualifier_left: re.Pattern[str]
    qualifiers: dict[str, str]
    between_left: re.Pattern[str]
    scale_right: re.Pattern[str]
    scales: dict[str, float]
    percent_right: re.Pattern[str]
    currency_right: re.Pattern[str]
    currency_words: dict[str, str]
    age_right: re.Pattern[str]
    age_left: re.Pattern[str]
    apposition_left: re.Pattern[str]
    apposition_right: re.Pattern[str]
    compound_right: re.Pattern[str]
    unit_right: re.Pattern[str]
    measure_units: dict[str, str]
    unit_suffix: re.Pattern[str]
    prefix_unit_left: re.Pattern[str]
    range_right: re.Pattern[str]
    word: re.Pattern[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    time_right: re.Pattern[str]
    name_prefixes: frozenset[str]
    stop: frozenset[str]
    record_words: frozenset[str]
    score_words: frozenset[str]
    predicate_of: dict[str, str]
    qualifier_words: frozenset[str]
    verbs: frozenset[str]
    zero: re.Pattern[str]
    noun_modifiers: frozenset[str]
    partitive: frozenset[str]
    non_heads: frozenset[str]
    ly_nouns: frozenset[str]
    intensifiers: frozenset[str]


_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen"
)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    lx = lexicon()
    vague = lx["vague_counts"]
    quals = lx["qualifiers"]
    counts_units = _alt(lx["article_counts_units"])
    candidate = re.compile(
        r"\d|(?<![\w.])\.\d"
        rf"|\b(?:{_NUMBER_WORDS})\b"
        rf"|\b(?:{_alt(vague)})\b"
        rf"|\b(?:{_alt(lx['adverbial_counts'])})\b"
        rf"|\ban?\s(?=(?:{counts_units}|million|billion)\b)",
        re.IGNORECASE,
    )
    predicate_of = {}
    for cls, words in lx["predicates"].items():
        for w in words:
            predicate_of.setdefault(w, cls)
    measure = lx["measure_units"]
    return _Rules(
        candidate=candidate,
        # tokenised thousands ("15, 000", "4, 051") only where a list cannot be meant: a group ending or opening in 0
        digits=re.compile(
            # thousands set apart by a space ("15 000 crowns", "12\u00a0500")
            r"(?P<int>\d{1,3}(?:(?:,\d{3})+|(?:,\s(?:\d\d0|0\d\d))+|(?:[ \u00a0\u202f\u2009]\d{3})+)(?!\d)|\d+)"
            # a decimal comma ("41,3 degrees", "12,50 euros"): one or two digits after it, never a thousands group
            r"(?:(?P<dec>\.\d+|,\d{1,2}(?![\d,]))|(?P<art>\.\s\d{1,3}(?!\d)))?"
            r"(?:(?P<fsep>\s|-)?(?P<fnum>\d)/(?P<fden>\d{1,2})(?!\d)|(?P<vf>[½¼¾\ufffd]))?"
        ),
        words_token=re.compile(r"[A-Za-z]+"),
        units_words=lx["units_words"],
        tens_words=lx["tens_words"],
        multipliers=lx["multiplier_words"],
        vague=re.compile(rf"(?:{_alt(vague)})\b", re.IGNORECASE),
        vague_values=vague,
        adverbial=lx["adverbial_counts"],
        currency_left=re.compile(rf"(?:{_alt(lx['currency_prefixes'])})\s?$"),
        currency_prefixes=lx["currency_prefixes"],
        qualifier_left=re.compile(rf"(?:^|[\s(\"'“])({_alt(quals)})\s+$", re.IGNORECASE),
        qualifiers=quals,
        between_left=re.compile(r"(?:^|\s)(?:between|from)\s+$", re.IGNORECASE),
        scale_right=re.compile(
            r"(?:\s?-?\s?)((?i:million|billion|trillion|millions|billions|trillions))\b|(bn|mn|mln|bln|tn|MM|m|M|b|k)(?![\w])"
        ),
        scales={k.lower(): v for k, v in lx["scale_words"].items()},
        percent_right=re.compile(r"(?:pc\b|\s?(?:%|per\s?cents?\b|percents?\b|percentage points?\b|pct\b))", re.IGNORECASE),
        currency_right=re.compile(rf"\s?-?\s?({_alt(lx['currency_words'])})\b", re.IGNORECASE),
        currency_words=lx["currency_words"],
        age_right=re.compile(r"(?:-|\s)years?(?:-|\s)old\b|-yr-old\b", re.IGNORECASE),
        age_left=re.compile(
            r"(?:\b(?:he|she)\s+(?:was|is|is now|would have been|would be|had been|turns|turned)"
            r"|\b(?:aged|ages|age|age of|turns|turned|turn|will be|died at|dies at|dead at|death at)"
            r"|\b(?:aged|ages|age)\s+\d{1,3}(?:\s*,)?\s+(?:and|&)"
            # "a woman of 71": a person of so many years ("a mother of two" counts children: no kin here)
            r"|\b(?:a|an|the)\s+(?:man|woman|boy|girl|person|pensioner|widow|widower)\s+of"
            # "the youngest was seven", "the oldest victim is 92"
            r"|\bthe\s+(?:youngest|oldest)(?:\s+(?:of\s+(?:them|the\s+[a-z]+)|[a-z]+))?\s+(?:was|is|being))\s+$",
            re.IGNORECASE,
        ),
        apposition_left=re.compile(r"[A-Z][\w'’.-]*\)?,\s$"),
        # "Ana Vell, 59, said", "Ana Vell, 59 — who earns ... —" (a dash closes the apposition too)
        apposition_right=re.compile(r"(?:\s*[,;)—–]|\s+-\s|\s*\.(?:\s|$)|\s*$|\s+(?:and|was|is|who|of|from|had|has)\b)"),
        compound_right=re.compile(r"-([A-Za-z]+(?:-[A-Za-z]+)*)"),
        # a one-letter unit in lower case only: "5.2 m" is metres, "14 M 16 rifles" a model name
        unit_right=re.compile(rf"\s({_alt([u for u in measure if len(u) > 1])}|"
                              rf"(?-i:{_alt([u for u in measure if len(u) == 1])}))\b", re.IGNORECASE),
        measure_units={k.lower(): v for k, v in measure.items()},
        unit_suffix=re.compile(rf"({_alt(lx['unit_suffixes'])})(?![A-Za-z])", re.IGNORECASE),
        prefix_unit_left=re.compile(rf"\b({_alt(lx['prefix_units'])})[-\s]$", re.IGNORECASE),
        range_right=re.compile(r"\s?(?:-|–|—)\s?(?=[$£€\d])|\s(?:to|or|and)\s(?=[$£€\d]|[a-z])"),
        word=re.compile(r"[A-Za-z][\w'’]*(?:-[\w'’]+)*"),
        months=frozenset(lx["months"]),
        weekdays=frozenset(lx["weekdays"]),
        time_right=re.compile(
            r"(?::\d\d)|\s?(?:" + _alt(lx["time_suffixes"]) + r")(?![\w])|/\d", re.IGNORECASE
        ),
        name_prefixes=frozenset(lx["name_prefixes"]),
        stop=frozenset(lx["stop_words"]),
        record_words=frozenset(lx["record_words"]),
        score_words=frozenset(lx["score_words"]),
        predicate_of=predicate_of,
        qualifier_words=frozenset(w for q in quals for w in q.split()),
        verbs=frozenset(lx["irregular_verbs"]),
        zero=re.compile(rf"\b(?:{_alt(lx['zero_phrases'])})\b", re.IGNORECASE),
        noun_modifiers=frozenset(lx["noun_modifiers"]),
        partitive=frozenset(lx["partitive_nouns"]),
        non_heads=frozenset(lx["non_heads"]) | frozenset(lx["compass_words"]),
        ly_nouns=frozenset(lx["ly_nouns"]),
        intensifiers=frozenset(lx["intensifiers"]),
    )


def _is_verb(word: str, rules: _Rules) -> bool:
    """A cheap verb test without a tagger: -ed / -ing forms and a list of irregular forms."""
    return word.endswith(("ed", "ing")) or word in rules.verbs


def qualifier_bounds(value: float | None, qualifier: str | None) -> tuple[float | None, float | None]:
    """The (low, high) bounds a qualifier allows around a stated value.

    >>> qualifier_bounds(30, "at least")
    (30, None)
    >>> qualifier_bounds(25, "about")
    (22.5, 27.5)
    """
    if value is None:
        return None, None
    if qualifier in ("at least", "more than"):
        return value, None
    if qualifier in ("up to", "less than"):
        return None, value
    if qualifier == "nearly":
        low, high = _tidy(value * 0.9), value
    elif qualifier == "about":
        low, high = _tidy(value * 0.9), _tidy(value * 1.1)
    else:
        return value, value
    return (low, high) if low <= high else (high, low)  # "nearly -10C": a negative value's bounds turn round


def _tidy(x: float) -> float:
    return float(round(x, 6))


@dataclass
class _Num:
    """A parsed number: where it is and what it says."""

    start: int
    end: int
    value: float
    is_words: bool = False
    vague: bool = False


# a decimal split by tokenisation ("5. 9") is read as one number only in these contexts
_ART_AFTER = re.compile(r"\s?-?\s?(?:per\s?cent|percent|%|million|billion|trillion|bn|m\b|magnitude|strength|degree|"
                        r"on the richter|points|per)", re.IGNORECASE)
_ART_BEFORE = re.compile(r"(?:magnitude|registering|measuring|measured)(?:\s|-|\sof\s|\sat\s)(?:at least\s)?$", re.IGNORECASE)


# Tokenised text (ECB+ and similar) splits every decimal point off: "6. 1", ". 308".  Such an article has no
# unsplit decimal anywhere and shows the split in a context where nothing else can be meant (a currency or
# percent, "a. m.", "of. 09"); only there is any "6. 1" read as a decimal (in running text "in 2005. 3 people
# died" is two sentences).
_UNSPLIT_DECIMAL = re.compile(r"\d\.\d")
_SPLIT_MARKS = re.compile(
    r"\b[ap]\. m\.|[$£€]\d{1,3}\. \d|\d\. \d{1,2}\s?-?\s?(?:%|per\s?cent\b|percent\b|million\b|billion\b|bn\b|m\b|magnitude\b)"
    r"|\bmagnitude[- ](?:of |at )?\d\. \d|(?:\b(?:an?|of|including)|[(,:;])\. \d", re.IGNORECASE)


@lru_cache(maxsize=1)
def _split_not_after() -> re.Pattern[str]:
    """What never follows a split decimal: a date chain ("08. 07. 2012"), a time ("05. 51") or a month
    ("Aged 91. 07 June 2013": a headline, then a dateline)."""
    return re.compile(rf"\.\s?\d|\s?[-/:]\s?\d|\s(?:{_alt(lexicon()['months'])})\b\.?", re.IGNORECASE)


@lru_cache(maxsize=4)
def _writes_point_decimals(text: str) -> bool:
    return _UNSPLIT_DECIMAL.search(text) is not None


def _decimal_style(text: str) -> str:
    """How the text writes decimals: "whole" ("22.4bn"), "split" by tokenisation ("22. 4bn", "a. 919";
    see ``_SPLIT_MARKS``) or "unknown" (no decimal seen)."""
    if _UNSPLIT_DECIMAL.search(text):
        return "whole"
    return "split" if _SPLIT_MARKS.search(text) else "unknown"


def _split_decimal_ok(text: str, m: re.Match[str]) -> bool:
    """Whether "6. 1" (``m`` a ``digits`` match with an ``art`` group) reads as 6.1 in tokenised text."""
    whole = m.group("int")
    frac = m.group("art")[2:]
    if len(whole) > 3 or "," in whole or (len(whole) == 2 and whole[0] == "0") or len(frac) > 2:
        return False  # "2005. 3" is a year; "05. 51" a time of day
    return _split_not_after().match(text, m.end("art")) is None


def _leading_dot_decimal(text: str, pos: int, end: int, rules: _Rules, *, style: str) -> bool:
    """Whether the digits at ``pos``..``end`` right after ". " are a decimal whose point tokenisation split
    off (". 308 with 33 homers", "a. 919 OPS", "(. 535)") rather than a number opening a sentence."""
    if pos < 3 or text[pos - 2 : pos] != ". " or text[pos - 3].isdigit():
        return False
    digits = text[pos:end]
    if not digits.isdigit() or len(digits) > 3:
        return False
    if end < len(text) and (text[end].isalnum() or text[end] in "-:/.'’") and not (
            text[end] == "." and (end + 1 >= len(text) or text[end + 1] in " \n")):
        return False
    if style == "whole":
        return False  # the article writes decimals whole: ". 308" is a sentence end and a new number
    before = text[pos - 3]
    if before in "(,:;":
        return True
    pw = re.search(r"([A-Za-z]+)$", text[max(0, pos - 16) : pos - 2])
    if pw is None or not pw.group(1).islower():
        return False
    if pw.group(1) in _decimal_lead_words():
        return True
    if not (len(digits) == 3 or digits[0] == "0"):
        return False
    # after another word ("hit. 308"): only where a count opening a sentence cannot be meant
    nxt = re.match(r"\s*([,;)]|$)|\s([A-Za-z]+)", text[end : end + 24])
    if nxt is None:
        return False
    word = nxt.group(2)
    if word is None:
        return True
    wl = word.lower()
    if wl in ("with", "and", "in", "for", "at", "on", "against", "as"):
        return True
    plural = wl.endswith("s") or (wl in _counted_words() and wl + "s" not in _counted_words())  # "people"
    return (word.islower() and not plural and wl not in rules.stop and not _is_verb(wl, rules)
            and (style == "split" or wl not in rules.predicate_of))


@lru_cache(maxsize=1)
def _decimal_lead_words() -> frozenset[str]:
    return frozenset(lexicon().get("decimal_lead_words", ()))


@lru_cache(maxsize=1)
def _noun_verbs() -> dict[str, frozenset[str]]:
    return {w: frozenset(after) for w, after in lexicon().get("noun_verbs", {}).items()}


@lru_cache(maxsize=1)
def _by_heads() -> frozenset[str]:
    return frozenset(lexicon().get("by_heads", ()))


_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s(?:of|at)\s|\s|-)(?:at least\s)?$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"\s?(?:on the richter|-?strength\b|\s?degree quake)", re.IGNORECASE)
# "a day" is a rate, "a day earlier" or "an hour before the polls closed" a time
_RATE = re.compile(r"\s(?:per|a|an|each)\s(year|season|month|week|day|game|hour|minute|person|capita)\b"
                   r"(?!\s+(?:before|after|ago|later|earlier|into|left|of)\b)"
                   r"|\s(annually|yearly|monthly|weekly|daily)\b", re.IGNORECASE)
_CALIBRE = re.compile(r"[- ]?calib(?:er|re)\b", re.IGNORECASE)
# "15°C", "15 °F", "a 15° angle" (a degree sign; "45°N" is a bearing), or a bare scale letter glued on ("8C", "46F")
_TEMPERATURE = re.compile(r"\s?(?:[°˚]|º(?=\s?[CF]))\s?(?P<scale>[CF])?(?![A-Za-z\d])|(?P<bare>[CF])(?![A-Za-z\d])")
_DEGREES_AFTER = re.compile(r"\s(?:degrees?)\b", re.IGNORECASE)
# a minus sign set off before a number ("of -3C", "−3", "minus 3 degrees"), not a dash joining words ("AK-47")
_MINUS = re.compile(r"(?:(?<![^\s(\"“])[-−]|\bminus\s)$", re.IGNORECASE)


def _parse_words(text: str, pos: int, rules: _Rules) -> _Num | None:
    """Number words at ``pos`` ("twenty-five", "two hundred and fifty", "four and a half", "a dozen")."""
    total = 0.0
    current = 0.0
    seen = False
    end = pos
    i = pos
    n = len(text)
    while i < n:
        m = rules.words_token.match(text, i)
        if not m:
            break
        w = m.group().lower()
        nxt = m.end()
        if w in rules.units_words:
            if seen and current % 100 and current % 10:  # "one two" is not a number
                break
            current += rules.units_words[w]
        elif w in rules.tens_words:
            if seen and current % 100:
                break
            current += rules.tens_words[w]
        elif w in ("hundred", "thousand", "dozen"):
            mult = rules.multipliers[w]
            if w == "thousand":
                total += (current or 1) * mult
                current = 0
            else:
                current = (current or 1) * mult
        elif w == "a" and not seen:
            nm = re.match(r"a\s(hundred|thousand|dozen)\b", text[i : i + 12], re.IGNORECASE)
            if not nm:
                break
            current = rules.multipliers[nm.group(1).lower()]
            seen = True
            end = i + nm.end()
            i = end
            sep = re.match(r"[ -](?=[A-Za-z])", text[i : i + 2])
            if not sep:
                break
            i += 1
            continue
        elif w == "and" and seen:
            half = re.match(r"and[\s-](?:a[\s-])?half\b", text[i : i + 16], re.IGNORECASE)  # "five-and-a-half-year"
            if half:
                current += 0.5
                end = i + half.end()
                break
            # "two hundred and fifty": only continue into a number word
            rest = rules.words_token.match(text, nxt + 1) if nxt + 1 < n else None
            if not (rest and (rest.group().lower() in rules.units_words or rest.group().lower() in rules.tens_words)
                    and current >= 100):
                break
            i = nxt + 1
            continue
        else:
            break
        seen = True
        end = nxt
        i = nxt
        if i < n and text[i] in " -" and i + 1 < n and text[i + 1].isalpha():
            i += 1
        else:
            break
    if not seen:
        return None
    return _Num(pos, end, total + current, is_words=True)


# the digits alone, with the groups of ``digits`` empty: a number read without its space-set thousands
_PLAIN_DIGITS = re.compile(r"(?P<int>\d+)(?P<dec>)(?P<art>)(?P<fsep>)(?P<fnum>)(?P<fden>)(?P<vf>)")


# a negation governing a bound: "would not accept less than", "won't go below", "never more than"
_NEGATED_BOUND = re.compile(r"\b(?:not|never|n['’]t|refuses?\s+to|refused\s+to)\s+(?:[a-z]+\s+){0,2}?$", re.IGNORECASE)


def _parse_number(text: str, pos: int, rules: _Rules, *, allow_art: bool) -> _Num | None:
    """The number starting at ``pos`` (digits or words)."""
    ch = text[pos]
    if ch == "." and pos + 1 < len(text) and text[pos + 1].isdigit():
        m = re.compile(r"\.\d+").match(text, pos)
        assert m is not None
        return _Num(pos, m.end(), float(m.group()))
    if ch.isdigit():
        m = rules.digits.match(text, pos)
        if not m:
            return None
        if re.search(r"\d[ \u00a0\u202f\u2009]\d", m.group("int")) and \
                (month := _prev_word(text, pos)[0])[:1].isupper() and month.lower().rstrip(".") in rules.months:
            # "May 5 500 people": a day, then a count, not 5,500
            m = _PLAIN_DIGITS.match(text, pos)
            assert m is not None
        whole = re.sub(r"[,\s]", "", m.group("int"))
        value = float(whole)
        end = m.end("int")
        if m.group("dec") and m.group("dec")[0] == "," and _writes_point_decimals(text):
            pass  # "3,4 and 5" in a text that writes "22.4": a list, not a decimal comma
        elif m.group("dec"):
            value = float(whole + m.group("dec").replace(",", "."))
            end = m.end("dec")
        elif m.group("art") and allow_art:
            value = float(whole + "." + m.group("art")[2:])
            end = m.end("art")
        if m.group("fnum") and end == m.start("fsep" if m.group("fsep") else "fnum") and int(m.group("fden")) > int(m.group("fnum")) and not m.group("dec"):
            # "4 1/2", "4-1/2": a whole and a fraction; a bare "41/2" stays a date-like pair and is skipped later
            if m.group("fsep"):
                value += int(m.group("fnum")) / int(m.group("fden"))
                end = m.end("fden")
        elif (not m.group("dec") and not m.group("fnum") and end == m.end("int")
              and (glued := _GLUED_FRACTION.match(text, m.start("int")))
              and int(glued.group(2)) < int(glued.group(3))
              and (rules.unit_right.match(text, glued.end()) or _compound_unit(text, glued.end(), rules))):
            # "41/2 months": "4 1/2" whose space tokenisation lost; only before a unit, where no date can be meant
            value = float(glued.group(1)) + int(glued.group(2)) / int(glued.group(3))
            end = glued.end()
        elif m.group("vf") == "\ufffd" and end == m.start("vf"):
            # "4\ufffd months": a vulgar fraction lost to a wrong decoding (cp1252 "½" read as UTF-8);
            # read as the half it nearly always is, and only before a unit ("4\ufffd" alone stays 4)
            if rules.unit_right.match(text, m.end("vf")) or _compound_unit(text, m.end("vf"), rules):
                value += 0.5
                end = m.end("vf")
        elif m.group("vf") and end == m.start("vf"):
            value += {"½": 0.5, "¼": 0.25, "¾": 0.75}[m.group("vf")]
            end = m.end("vf")
        return _Num(pos, end, value)
    vm = rules.vague.match(text, pos)
    if vm and (pos == 0 or not text[pos - 1].isalpha()):
        key = vm.group().lower()
        if key == "scores" and not re.match(r"\s+of\b", text[vm.end() : vm.end() + 4]):
            return None  # "he scores every kind of goal": the verb; "scores of people" is the amount
        if key in rules.vague_values:
            return _Num(pos, vm.end(), float(rules.vague_values[key]), is_words=True, vague=True)
    return _parse_words(text, pos, rules)


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word just before ``pos`` (skipping spaces) and where it starts; ("", pos) if punctuation intervenes."""
    i = pos
    while i > 0 and text[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in ".'’-"):
        j -= 1
    return text[j:i], j


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \"'“‘(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n"


# the whole after "N of": "(its) next 23", "the last 10", "25" (a number in digits, not a year)
_OF_WHOLE = re.compile(r"\s+(?:(?:next|last|first|final|past|previous|remaining|opening|[a-z]+-(?:high|best|low))\s+)?"
                       r"(?!\d{4}\b)\d{1,3}(?:,\d{3})*(?![\d.,:/-]|\s*(?:%|per\s?cent\b|percent\b))")
_GLUED_DASH = re.compile(r"([a-z]{3,})-\d+-[a-z][\w'’-]*")
_GLUED_NAME_DASH = re.compile(r"([a-z]{3,})-[A-Z][a-z][\w'’-]*")  # "scientists-The": a dash glued to a name
_ABBREVIATION = re.compile(r"(?:[A-Z]\.\s?){2,}")  # "U.S.", "U. N." (tokenised)
_DIGIT = re.compile(r"(?=[\d.])(?:\d+|(?<![\w.])\.\d)")
_CURRENCY_SIGN = re.compile(r"(?:US|A|C|NZ|HK)?[$£€¥]\s?")


@lru_cache(maxsize=1)
def _trigger_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that may start a number ("twelve", "dozens", "twice") and units after "a" ("a week")."""
    lx = lexicon()
    starts = set(_NUMBER_WORDS.split("|")) | {v.split()[0] for v in lx["vague_counts"]} | set(lx["adverbial_counts"])
    starts -= {"a", "an"}
    a_units = set(lx["article_counts_units"]) | {"million", "billion", "hundred", "thousand", "dozen"}
    # "a few hundred", "a handful of", "a couple of": vague amounts that open with the article
    a_units |= {v.split()[1] for v in lx["vague_counts"] if v.split()[0] in ("a", "an") and len(v.split()) > 1}
    return frozenset(starts), frozenset(a_units)


@lru_cache(maxsize=1)
def _word_automaton():  # type: ignore[no-untyped-def]
    """An Aho-Corasick automaton (pyahocorasick) over number, unit and predicate words, or None."""
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - the dependency is declared; fall back to a Python loop
        return None
    rules = _rules()
    starts, a_units = _trigger_words()
    roles: dict[str, list[tuple[str, Any]]] = {}
    for w in starts:
        roles.setdefault(w, []).append(("start", None))
    for w in a_units:
        roles.setdefault(w, []).append(("a-unit", None))
    for w, cls in rules.predicate_of.items():
        if w.replace(" ", "").isalpha():  # "in hospital", "took to the streets" as well as single words
            roles.setdefault(w, []).append(("predicate", (cls, _is_verb(w, rules))))
    for w in ("no", "nobody"):
        roles.setdefault(w, []).append(("zero", None))
    automaton = ahocorasick.Automaton()
    for w, r in roles.items():
        automaton.add_word(w, (len(w), tuple(r)))
    automaton.make_automaton()
    return automaton


def _candidates(text: str, rules: _Rules) -> tuple[list[int], list[tuple[int, int, str, bool]], bool]:
    """Offsets where a number may start (in order), the predicate words of the text, and whether
    a "no ..." phrase may occur.

    Number words ("twelve", "dozens", "a week") and predicate words are found in one pass of an
    Aho-Corasick automaton over the lower-cased text; a single regex over every number word is
    several times slower on long articles.
    """
    out = [m.start() for m in _DIGIT.finditer(text)]
    lower = text.lower()
    predicates: list[tuple[int, int, str, bool]] = []
    automaton = _word_automaton()
    if len(lower) != len(text) or automaton is None:  # odd Unicode whose lower case changes length
        out.extend(m.start() for m in rules.candidate.finditer(text) if not text[m.start()].isdigit())
        for m in rules.word.finditer(text):
            cls = rules.predicate_of.get(m.group().lower())
            if cls and not _inside_name(text, m.start()) and not _place_noun(text, m.start(), m.end()):
                predicates.append((m.start(), m.end(), cls, _is_verb(m.group().lower(), rules)))
        return sorted(set(out)), predicates, True
    n = len(lower)
    maybe_zero = False
    for last, (length, roles) in automaton.iter(lower):
        begin = last - length + 1
        if (begin > 0 and lower[begin - 1].isalpha()) or (last + 1 < n and lower[last + 1].isalpha()):
            continue
        for role, data in roles:
            if role == "start":
                out.append(begin)
            elif role == "a-unit":
                if begin >= 2 and lower[begin - 2 : begin] == "a " and (begin == 2 or not lower[begin - 3].isalpha()):
                    out.append(begin - 2)
                elif begin >= 3 and lower[begin - 3 : begin] == "an " and (begin == 3 or not lower[begin - 4].isalpha()):
                    out.append(begin - 3)
            elif role == "predicate":
                if not _inside_name(text, begin) and not _place_noun(text, begin, last + 1):
                    predicates.append((begin, last + 1, data[0], data[1]))
            else:
                maybe_zero = True
    out.sort()
    predicates.sort()
    return out, _longest(predicates), maybe_zero


_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s$")


def _inside_name(text: str, at: int) -> bool:
    """A capitalised word after another one is part of a name ("Harlow Prison", "Lake Toll"), no predicate."""
    return text[at : at + 1].isupper() and bool(_NAME_BEFORE.search(text, max(0, at - 30), at))


_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    return frozenset(lexicon()["place_nouns"])


def _place_noun(text: str, begin: int, end: int) -> bool:
    """"Guards on duty at the prison": with "the" before it a prison is a place, no sentence ("20 years in prison" is)."""
    return text[begin:end].lower() in _place_nouns() and bool(_DEFINITE_BEFORE.search(text, max(0, begin - 6), begin))


def _longest(predicates: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Drop predicate words inside a longer one ("hurt" in "seriously hurt"): the phrase says more."""
    out: list[tuple[int, int, str, bool]] = []
    for p in predicates:  # sorted by start: a phrase comes before any word that starts inside it
        if out and out[-1][0] <= p[0] and p[1] <= out[-1][1] and (p[0], p[1]) != (out[-1][0], out[-1][1]):
            continue
        if out and p[0] == out[-1][0] and p[1] > out[-1][1]:
            out[-1] = p  # same start, longer phrase
            continue
        out.append(p)
    return out


# "Fl55m", "Tr3 million", "Dc900,000": a currency's short form glued to an amount
_GLUED_AMOUNT = re.compile(r"(?<![\w$€£.])([A-Z][a-z]?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:(bn|m|k)\b|\s+(million|billion)\b|(?![\w.]))")
# the noun after an amount ("55 million florens", "900,000 ducats"): what a short form may stand for
# (a sum: after a scale, else after a number in the thousands; "12 servers" is no currency)
_NOUN_AFTER_SCALE = re.compile(r"\b\d[\d,.]*\s+(?:million|billion)\s+([a-z]{3,})\b")
_NOUN_AFTER_THOUSANDS = re.compile(r"\b(?:\d{1,3}(?:,\d{3})+|\d{4,})\s+([a-z]{3,})\b")


def abbreviates(short: str, word: str) -> bool:
    """Whether ``short`` ("Fl") spells the start of ``word`` ("florens") and then letters of it in order."""
    short, word = short.lower(), word.lower()
    if not word.startswith(short[0]):
        return False
    rest = iter(word[1:])
    return all(ch in rest for ch in short[1:])


@lru_cache(maxsize=1)
def _no_currency_nouns() -> frozenset[str]:
    """Nouns the lexicon knows as units, counted things or verbs: no currency a short form may stand for."""
    lx = lexicon()
    return frozenset({*lx["measure_units"], *(w for words in lx["counted_classes"].values() for w in words),
                      *_rules().predicate_of})


def _glued_currencies(article: Article, text: str, rules: _Rules, predicates: list[tuple[int, int, str, bool]],
                      found: list[FigureReport]) -> list[FigureReport]:
    """Amounts written with a currency's short form glued on ("Fl55m"): counting what the article's full
    name after an amount counts ("55 million florens"), else the short form itself (reconcile matches it).
    (Known signs, "$150m", "Rs 500", are read with the figure; an unknown prefix would be a code: "MH17".)
    Written by hand: no library reads an unknown currency's short form."""
    # (nouns after a scale first: "3,000 drums" is no match for "Dr4m" beside "4 million drachins")
    nouns = [n for pattern in (_NOUN_AFTER_SCALE, _NOUN_AFTER_THOUSANDS)
             for n in sorted({m.group(1) for m in pattern.finditer(text)} - _no_currency_nouns())]
    taken = [(r.start, r.end) for r in found]
    out = []
    for m in _GLUED_AMOUNT.finditer(text):
        word = next((n for n in nouns if abbreviates(m.group(1), n)), None)
        if word is None and (m.group(3) or m.group(4) or "," in m.group(2)):
            word = m.group(1)  # "Fl55m" alone: an amount all the same (a code has no scale: "MH17")
        if word is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        value = float(m.group(2).replace(",", ""))
        scale = _scale_name((m.group(3) or m.group(4)).lower()) if m.group(3) or m.group(4) else None
        out.append(_to_report(article, text, _Found(m.start(), m.end(), m.start(2), m.end(2), value, value, value,
                                                    None, scale, word), rules, predicates))
    return out


def find_figures(article: Article) -> tuple[FigureReport, ...]:
    """Every figure of the article with value, bounds, qualifier, counted noun and predicate.

    Args:
        article: a cleaned article.

    Returns:
        The figures in text order; a range ("18,000-20,000") is one report, a sports
        record ("9-14") one report per number.

    >>> from crossread.model import Article, Sentence
    >>> t = "Clashes injured at least 30 peacekeepers."
    >>> f = find_figures(Article(id="a", text=t, sentences=(Sentence(0, len(t), 0),)))[0]
    >>> (f.text, f.value, f.low, f.high, f.qualifier, f.counted, f.predicate)
    ('at least 30 peacekeepers', 30.0, 30.0, None, 'at least', 'peacekeepers', 'injured')
    """
    text = article.text or ""
    if not text:
        return ()
    rules = _rules()
    out: list[FigureReport] = []
    consumed = 0
    positions, predicates, maybe_zero = _candidates(text, rules)
    style = _decimal_style(text)
    for pos in positions:
        if pos < consumed:
            continue
        try:
            found, stop = _read_figure(text, pos, rules, decimals=style)
        except (ValueError, IndexError, OverflowError):  # odd input must not sink the article
            found, stop = [], pos + 1
        consumed = max(consumed, stop)
        if found and out and found[0].value is None and found[0].num_start < out[-1].end and \
                out[-1].start <= found[0].num_start:
            continue  # "four scores", "hundreds of millions": a vague word already read as the noun of a figure
        for item in found:
            out.append(_to_report(article, text, item, rules, predicates))
    out.extend(_ordinals(article, text, rules, predicates, {(r.start, r.end) for r in out}))
    if "both" in text:
        for bm in _both_pattern().finditer(text):
            # "wounding both.", "killed both of them": "both" as the verb's object is a count of two
            if any(r.start < bm.end() and bm.start() < r.end for r in out):
                continue
            out.append(_to_report(article, text, _Found(bm.start(), bm.end(), bm.start(2), bm.end(2), 2.0, 2.0, 2.0,
                                                        None, None, None), rules, predicates))
    for zm in rules.zero.finditer(text) if maybe_zero else ():
        noun = zm.group().split()[-1].lower() if not zm.group().lower().startswith(("no one", "nobody")) else "people"
        out.append(_to_report(article, text, _Found(zm.start(), zm.end(), zm.start(), zm.end(), 0.0, 0.0, 0.0, None,
                                                    None, noun), rules, predicates))
    out = [r for r in out if not _code_or_address(text, r) and not (r.unit is None and _RATIO_TIMES.match(text, r.end))]
    if " and " in text:
        out.extend(_elliptical_counts(article, text, rules, predicates, out))
    if re.search(r"half|third|quarter|fifth", text, re.IGNORECASE):
        out = _fractions(article, text, rules, predicates, out)
    if _GLUED_AMOUNT.search(text):
        out.extend(_glued_currencies(article, text, rules, predicates, out))
    out.sort(key=lambda r: (r.start, r.end))
    out = [_named_around(text, _in_years(r) if r.unit == "decade" else r) for r in out]
    return tuple(_changes(text, _conversions(text, _compound_durations(text, out))))


def _named_around(text: str, r: FigureReport) -> FigureReport:
    """What the words around a figure say it counts, where its own noun says nothing or too much: "a crowd
    of 41,312" counts a crowd; "nine games below .500" is a margin, no count of games."""
    if r.counted is None and r.unit is None and r.value is not None and \
            (m := _WHOLE_OF.search(text, max(0, r.start - 40), r.start)):
        return replace(r, counted=m.group(1).lower())
    if r.counted in _MARGIN_NOUNS and (m := _MARGIN_AFTER.match(text, r.end)):
        return replace(r, counted=f"{r.counted} {m.group(1).lower()}")
    return r


def _in_years(report: FigureReport) -> FigureReport:
    """"a decade" is 10 years, "two decades" 20: the unit other outlets give the same span in."""
    def times_ten(x: float | None) -> float | None:
        return None if x is None else x * 10

    return replace(report, value=times_ten(report.value), low=times_ten(report.low), high=times_ten(report.high),
                   unit="year")


# "... won 14 seats and the Regional Union 10.": a bare number after a name that closes a list
_ELLIPSIS = re.compile(r"\band\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}(\d{1,4})(?=\s*(?:[.;,)]|$))")


def _elliptical_counts(article: Article, text: str, rules: _Rules, predicates: list[tuple[int, int, str, bool]],
                       reports: list[FigureReport]) -> list[FigureReport]:
    """"The Greens won 14 seats and the Regional Union 10": the last member of a list of names, each with a
    number, leaves the noun out; it counts what the first member's figure counts (read where a name
    before a number would otherwise make it part of the name)."""
    out = []
    taken = [(r.start, r.end) for r in reports]
    for m in _ELLIPSIS.finditer(text):
        at = m.start(1)
        if any(a <= at < b for a, b in taken):
            continue
        lead = [r for r in reports if r.end <= m.start() and r.value is not None and r.unit is None and r.counted
                and r.qualifier in (None, "about", "at least", "more than")]
        if not lead:
            continue
        first = max(lead, key=lambda r: r.end)
        between = text[first.end : m.start()]
        noun = first.counted
        plural = noun in lexicon()["unmarked_plurals"] or (noun.endswith("s") and not noun.endswith("ss"))
        if not plural or not noun.islower() or re.search(r"[.;:!?\n]|\d", between) or len(between) > 40 \
                or not first.text.lower().endswith(noun):
            continue  # another sentence, another number between, or no plain "N nouns" to share its noun
        # the first member is a name with its verb ("the Greens won 14 seats"), as the last is a name with
        # its number; the two numbers are of a size ("and the Boeing 737" after "12 protesters" is a model)
        subject = re.search(r"(?:^|\s)[A-Z][\w'’-]*\s+([a-z]+)\s+$", text[max(0, first.start - 40) : first.start])
        value = float(m.group(1))
        if 1900 <= value <= 2100 and len(m.group(1)) == 4:
            continue  # "and London 2012": a year names an occasion
        if subject is None or not (_is_verb(subject.group(1), rules) or subject.group(1) in rules.predicate_of) \
                or not 0 < value <= 10 * first.value or first.value > 10 * value \
                or _prev_word(text, at)[0].lower() in rules.name_prefixes:
            continue
        out.append(_to_report(article, text, _Found(at, m.end(1), at, m.end(1), value, value, value, None, None, noun),
                              rules, predicates))
    return out


# "12 years and six months": the smaller unit's share of the larger
_TIME_PARTS = {("year", "month"): 1 / 12, ("hour", "minute"): 1 / 60, ("minute", "second"): 1 / 60,
               ("week", "day"): 1 / 7, ("day", "hour"): 1 / 24}


def _compound_durations(text: str, reports: list[FigureReport]) -> list[FigureReport]:
    """"Jailed for 12 years and six months" is one term of 12.5 years, not a term of 12 years and
    another of six months."""
    out: list[FigureReport] = []
    for r in reports:
        prev = out[-1] if out else None
        if prev is not None and prev.value is not None and r.value is not None and prev.qualifier is None \
                and (prev.unit, r.unit) in _TIME_PARTS and re.fullmatch(r",?\s+and\s+", text[prev.end : r.start]) \
                and r.qualifier is None and r.value < 1 / _TIME_PARTS[(prev.unit, r.unit)]:
            value = round(prev.value + r.value * _TIME_PARTS[(prev.unit, r.unit)], 3)
            out[-1] = replace(prev, end=r.end, text=text[prev.start : r.end], value=value, low=value, high=value,
                              counted=prev.counted or r.counted, predicate=prev.predicate or r.predicate)
            continue
        out.append(r)
    return out


_FRACTION = re.compile(
    r"\b(?:(?P<n>one|two|three|four|a|an)[\s-](?P<d>half|thirds?|quarters?|fifths?)|(?P<half>half))\s+of\s+"
    r"(?:(?:the|its|their|his|her|all|those|these)\s+)?(?P<noun>[a-z]+)", re.IGNORECASE)
_FRACTION_SHARE = {"half": 2, "third": 3, "quarter": 4, "fifth": 5}
_FRACTION_OF_SCALE = re.compile(r"\b(?P<n>an?|one|two|three|four)[\s-](?P<d>thirds?|quarters?|fifths?)\s+of\s+$", re.IGNORECASE)
_FRACTION_QUALIFIERS = ((r"\b(?:nearly|almost)", "nearly"), (r"\b(?:more than|over)", "more than"),
                        (r"\b(?:less than|under)", "less than"), (r"\bat least", "at least"))


def _fractions(article: Article, text: str, rules: _Rules, predicates: list[tuple[int, int, str, bool]],
               reports: list[FigureReport]) -> list[FigureReport]:
    """"Two-thirds of voters", "a quarter of the homes": a share, read as about that percentage (67,
    25) so that it meets an outlet's "67 percent"; the bare numerator the reader saw ("two") goes."""
    out = list(reports)
    for m in _FRACTION.finditer(text):
        if m["half"]:
            numerator, d = 1, 2
        else:
            numerator = {"a": 1, "an": 1}.get(m["n"].lower(), rules.units_words.get(m["n"].lower(), 0))
            d = _FRACTION_SHARE[m["d"].lower().rstrip("s")]
            if not numerator or numerator >= d or (m["d"].lower().endswith("s")) != (numerator > 1):
                continue  # "two third" or "one thirds" is no fraction
        if m["noun"].lower() in ("a", "an") and re.match(r"\s+(?:million|billion|trillion)\b", text[m.end() : m.end() + 10],
                                                                 re.IGNORECASE):
            # "a quarter of a million" is a number, read as one; its numerator read alone ("Three quarters") goes
            whole = [r for r in out if r.start <= m.start() and r.end > m.end()]
            out = [r for r in out if not (whole and m.start() <= r.start and r.end <= m.end("d"))]
            continue
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"\b(?:the|first|second|other|latter|former|top|bottom|back|front)\s+$", before):
            continue  # "the second half of the game" is a part of a time, not a share
        qualifier, start = "about", m.start()
        for pattern, name in _FRACTION_QUALIFIERS:
            if qm := re.search(pattern + r"\s+$", before):
                qualifier, start = name, m.start() - (len(before) - qm.start())
                break
        share = round(100.0 * numerator / d, 1)
        share_end = m.end("d") if m["d"] else m.end("half")
        low, high = qualifier_bounds(share, qualifier)
        out = [r for r in out if not (r.start < share_end and start < r.end)]
        out.append(_to_report(article, text, _Found(start, m.end(), m.start(), share_end, share, low, high,
                                                    qualifier, "percent", m["noun"].lower()), rules, predicates))
    return out



def _conversions(text: str, reports: list[FigureReport]) -> list[FigureReport]:
    """A figure in brackets right after one in another unit ("60 km (36 miles)") is a converted,
    rounded figure: read it as "about".  Not money: a sum in another currency is a figure of its own
    (the rate of the day is a choice, and outlets differ on it)."""
    money = currency_codes()
    out = list(reports)
    for k in range(1, len(out)):
        r, prev = out[k], out[k - 1]
        if r.qualifier is not None or r.value is None or not r.unit or not prev.unit or prev.unit == r.unit:
            continue
        if money & set(r.unit.split()):
            continue
        if re.fullmatch(r"\s*\(\s*", text[prev.end : r.start]):
            low, high = qualifier_bounds(r.value, "about")
            out[k] = replace(r, qualifier="about", low=low, high=high)
    return out


# A figure stated as the earlier state of a change: "rose to 7.1% from 6.5%", "7.1%, up from 6.5%",
# "fell from 120 to 95", "climbed from 62 to 65 percent".  The earlier value is no account of the
# current one: it gets the qualifier "previously", so that fact grouping keeps it apart.
_FROM_GAP = re.compile(r"(?:\s+(?:in|on|at|for|during|by|last|this)(?:\s+[A-Za-z0-9]+){1,3}?)?"
                       r"\s*,?\s*(?:(?:up|down|rising|falling|increasing|decreasing|higher|lower|a\s+(?:rise|fall|drop|jump|"
                       r"decline)|an\s+(?:increase|decrease))\s+)?(?:from|compared\s+(?:with|to))\s+(?:the\s+)?", re.IGNORECASE)
# "41 people were now in custody, up from 23 on Thursday": a clause, a comma, then "up/down from"
# (a source may sit between: "7,450 hectares by Wednesday evening, according to the agency, up from 3,200")
_UP_FROM_GAP = re.compile(r"(?:\s+[\w'\u2019-]+|,){0,14}?\s*,\s*(?:up|down)\s+from\s+(?:the\s+)?", re.IGNORECASE)
# (a rate may sit between: "from about 2.4 million bottles a month to 900,000")
_TO_GAP = re.compile(r"\s*(?:(?:a|an|per|each)\s+(?:hour|day|week|month|quarter|year|season)\s*)?,?\s*to\s+", re.IGNORECASE)
# "On Tuesday the official toll had stood at 14", "an earlier toll of 12": a figure named as a count's
# earlier state even when the current value sits in another sentence
_EARLIER_BEFORE = re.compile(
    r"\b(?:had\s+(?:previously\s+)?stood\s+at|had\s+(?:previously\s+)?been\s+put\s+at|previously\s+(?:put|given|reported)\s+"
    r"(?:at|as)|(?:an?|the)\s+(?:earlier|previous|initial|first)\s+(?:official\s+)?(?:toll|figure|count|tally|estimate)\s+(?:of|was|had\s+been)"
    # "the evacuation, which began with about 900 people": where a count started
    r"|\b(?:began|begun|started)\s+with)\s+$",
    re.IGNORECASE)


@lru_cache(maxsize=1)
def _change_from() -> re.Pattern[str]:
    """A change verb, then "from" right before a figure: "rose from", "has fallen sharply from",
    "raised its rate by half a point, from"."""
    verbs = [w for k in _change_classes() for w in lexicon()["predicates"][k]] + lexicon()["change_verbs"]
    return re.compile(rf"\b(?:{_alt(verbs)})\s+(?:[\w'’-]+,?\s+){{0,8}}?from\s+(?:the\s+)?$", re.IGNORECASE)


# "two more died", "700 additional troops", "another 20,000 people", "a further 300 homes": a number
# added to a count, not the count itself (a toll of seven is no rival of "two more")
_ADDED_AFTER = re.compile(r"\s+(?:more|additional|extra|further)\s+[a-z]", re.IGNORECASE)
_ADDED_BEFORE = re.compile(r"\b(?:another|an\s+additional|an\s+extra|a\s+further|some\s+further)\s+$", re.IGNORECASE)


def _others_of_another_fate(report: FigureReport, reports: list[FigureReport]) -> bool:
    """Whether "another N" means N others: "three people died and another 12 were injured" counts the
    injured, adding nothing to the dead (an earlier figure of the sentence, or of the sentence before,
    under another fate: "The toll rose to nine. Another 40 were hurt.")."""
    fates = _exclusive_classes()
    if report.predicate not in fates or report.sentence is None:
        return False
    return any(r.sentence is not None and 0 <= report.sentence - r.sentence <= 1 and r.end <= report.start
               and r.predicate in fates and r.predicate != report.predicate for r in reports)


def _changes(text: str, reports: list[FigureReport]) -> list[FigureReport]:
    """Mark an added number ("additional"), the earlier value of a change ("previously"), and split
    "rose from 62 to 65 percent" in two."""
    reports = [replace(r, qualifier="additional") if r.qualifier is None and r.value is not None and r.text and (
        _ADDED_BEFORE.search(text, max(0, r.start - 16), r.start)
        or _ADDED_AFTER.match(text, r.start + len(r.text.split(maxsplit=1)[0])))  # after the number's own word
        and not _others_of_another_fate(r, reports)
        else r for r in reports]
    # (an earlier state "about" a number keeps its bounds: "began with about 900 people")
    reports = [replace(r, qualifier="previously", low=r.value if r.qualifier is None else r.low,
                       high=r.value if r.qualifier is None else r.high)
               if r.qualifier in (None, "about") and r.value is not None and _EARLIER_BEFORE.search(text, max(0, r.start - 40), r.start)
               else r for r in reports]
    reports = _running_totals(text, reports)
    if "from" not in text and "compared" not in text:
        return reports
    out: list[FigureReport] = []
    for r in reports:
        # "climbed from 62 to 65 percent" was read as one range: the change's two states
        if r.qualifier == "between" and r.low is not None and r.high is not None and \
                (_change_from().search(text, max(0, r.start - 90), r.start) or _age_from(text, r)):
            m = re.match(r"(.+?)\s*(?:to|-|–)\s*", r.text)
            if m:
                out.append(replace(r, end=r.start + len(m.group(1)), text=m.group(1), value=r.low, high=r.low,
                                   qualifier="previously"))
                out.append(replace(r, start=r.start + m.end(), text=r.text[m.end():], value=r.high, low=r.high,
                                   qualifier=None))
                continue
        out.append(r)
    nested = nested_in_another(out)  # (the loop below changes qualifiers and verbs, never spans)
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if a.sentence != b.sentence or a.qualifier == "previously" or b.qualifier == "previously":
            continue
        if a.value is None or b.value is None:
            continue
        gap = text[a.end : b.start]
        # the earlier state often carries no unit or noun of its own: "7.1%, up from 6.5", "from 120 to 95 units"
        if b.unit in (None, a.unit) and b.counted in (None, a.counted) and \
                (_FROM_GAP.fullmatch(gap) or _UP_FROM_GAP.fullmatch(gap)):
            # the earlier state counts what the changed figure counts, under its verb ("recaptured 20 of the
            # 43 inmates who escaped, up from 12": 12 recaptured, not 12 escaped); a whole inside the
            # figure's own span ("of the 43 inmates") is not the figure that changed
            changed = next((out[x] for x in reversed(range(k)) if out[x].sentence == b.sentence and not nested[x]), a)
            out[k] = replace(b, qualifier="previously", low=b.value, high=b.value,  # "7.1%, up from 6.5%"
                             predicate=changed.predicate or b.predicate)
        elif (a.unit in (None, b.unit) or b.unit is None) and (a.counted in (None, b.counted) or b.counted is None) \
                and _TO_GAP.fullmatch(gap) and \
                (_change_from().search(text, max(0, a.start - 90), a.start) or _age_from(text, a)):
            out[k - 1] = replace(a, qualifier="previously", low=a.value, high=a.value)  # "fell from 120 to 95"
    return out


# "a crowd of 41,312", "a capacity of 42,000", "a population of 510,000": the noun before "of" names what is counted
_WHOLE_OF = re.compile(r"\b(crowd|attendance|audience|capacity|population|workforce)\s+of\s+(?:(?:about|around|some|nearly|"
                       r"almost|roughly|more\s+than|over|at\s+least|just|only|up\s+to)\s+)?$", re.IGNORECASE)


# "opened two more treatment centres, bringing the total to four": the total counts what was added
_TOTAL_BEFORE = re.compile(r"\b(?:bringing|taking|raising|pushing|putting|lifting|brings|takes|raises|pushes|puts|lifts)\s+"
                           r"(?:the|its|their)\s+(?:total|tally|number|count|toll)\s+(?:of\s+[a-z]+\s+)?(?:to|at)\s+"
                           r"(?:(?:about|around|nearly|almost|some|over|more\s+than|at\s+least)\s+)?$", re.IGNORECASE)


# "nine games below .500", "three points behind", "two games back": a margin between two sides, not a count of
# the games or points themselves
_MARGIN_NOUNS = frozenset({"games", "points", "matches", "wins", "strokes", "runs", "goals", "lengths", "places", "seats", "votes"})
_MARGIN_AFTER = re.compile(r"\s+(behind|ahead|back|clear|adrift|(?:below|above|under|over)(?=\s+\.500\b))\b", re.IGNORECASE)


def _running_totals(text: str, reports: list[FigureReport]) -> list[FigureReport]:
    """A bare total after an added number in its sentence counts what was added, under the same verb."""
    out = list(reports)
    for k, r in enumerate(out):
        if r.counted is not None or r.value is None or not _TOTAL_BEFORE.search(text, max(0, r.start - 60), r.start):
            continue
        added = [a for a in out[:k] if a.sentence == r.sentence and a.qualifier == "additional" and a.counted
                 and a.unit == r.unit]
        if added:
            out[k] = replace(r, counted=added[-1].counted, predicate=r.predicate or added[-1].predicate)
    return out


def nested_in_another(reports: Sequence[FigureReport]) -> list[bool]:
    """Whether each report lies inside another report of its article: the whole "43 inmates" of "20 of
    the 43 inmates", which is not the figure the sentence is about."""
    by_article: dict[str, list[FigureReport]] = {}
    for r in reports:
        by_article.setdefault(r.article_id, []).append(r)
    return [any(o.start <= r.start and r.end <= o.end and (o.start, o.end) != (r.start, r.end)
                for o in by_article[r.article_id]) for r in reports]


def _age_from(text: str, r: FigureReport) -> bool:
    """"Raising the retirement age from 62 to 64": an age an "X age" noun names, after "from", is the
    earlier state of a change (the noun names one age at a time, never a span of ages)."""
    return r.unit == "year" and re.search(r"\bfrom\s+$", text[max(0, r.start - 6) : r.start]) is not None and \
        r.counted is not None and _age_noun_before(text, r.start, _rules()) == r.counted


@dataclass
class _Found:
    start: int
    end: int
    num_start: int
    num_end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    counted: str | None


_SPAN_OR_TWO = re.compile(r"\b(?:second|minute|hour|day|week|month|year)\s+or\s+$", re.IGNORECASE)


def _read_figure(text: str, pos: int, rules: _Rules, *, decimals: str = "unknown") -> tuple[list[_Found], int]:
    """Read the figure whose number starts at ``pos``; returns what was found and where reading stopped.

    ``decimals``: how the text writes decimals (see ``_decimal_style``); "split" reads "6. 1" as 6.1.
    """
    n = len(text)
    leading_dot = split_decimal = False
    low_text = text[pos : pos + 12].lower()
    # "a week", "a million": the article as the number one
    if low_text.startswith(("a ", "an ")) and not rules.vague.match(text, pos):  # "a few hundred" is vague
        am = re.match(r"an?\s", text[pos : pos + 3], re.IGNORECASE)
        assert am is not None
        after = pos + am.end()
        if re.match(r"(?:few|handful|couple)\b", text[after : after + 9], re.IGNORECASE):
            return [], after  # "a few days": no amount (the vague ones, "a few hundred", were read above)
        if re.match(r"(?:hundred|thousand|dozen)\b", text[after : after + 9], re.IGNORECASE):
            num = _parse_words(text, pos, rules)
            if num is None:
                return [], pos + 1
        else:
            # "a week" is a figure as a span of time ("a week later", "for a week"), not as a rate ("twice a week")
            prev, _ = _prev_word(text, pos)
            unit_m = rules.word.match(text, after)
            next_m = rules.word.match(text, unit_m.end() + 1) if unit_m and text[unit_m.end() : unit_m.end() + 1] == " " else None
            lx = lexicon()
            scaled = unit_m is not None and unit_m.group().lower() in ("million", "billion", "trillion")
            if not scaled and prev.lower() not in lx["a_unit_before"] and not (next_m and next_m.group().lower() in lx["a_unit_after"]):
                return [], after
            num = _Num(pos, pos + am.end() - 1, 1.0, is_words=True)
            if scaled and prev.lower() == "half" and pos >= 5:
                num = _Num(pos - 5, pos + am.end() - 1, 0.5, is_words=True)  # "half a million"
            elif scaled and prev.lower() == "of" and (fm := _FRACTION_OF_SCALE.search(text, max(0, pos - 24), pos)):
                # "a quarter of a million", "three quarters of a billion"
                numerator = {"a": 1, "an": 1, "one": 1}.get(fm["n"].lower(), rules.units_words.get(fm["n"].lower(), 1))
                num = _Num(fm.start(), pos + am.end() - 1, numerator / _FRACTION_SHARE[fm["d"].lower().rstrip("s")],
                           is_words=True)
    elif (adv := re.match(r"[A-Za-z]+", text[pos : pos + 8])) and adv.group().lower() in rules.adverbial:
        num = _Num(pos, pos + adv.end(), float(rules.adverbial[adv.group().lower()]), is_words=True)
    else:
        left_art = bool(rules.currency_left.search(text, max(0, pos - 4), pos))
        num = _parse_number(text, pos, rules, allow_art=True)
        if num is None:
            return [], pos + 1
        if text[pos].isdigit() and not left_art:
            # "5. 4 per cent" (a decimal split by tokenisation) only before a scale, percent or magnitude
            m = rules.digits.match(text, pos)
            if m and m.group("art") and num.end == m.end("art"):
                tail = text[num.end : num.end + 14]
                if not (_ART_AFTER.match(tail) or rules.unit_right.match(tail) or _ART_BEFORE.search(text, max(0, pos - 30), pos)
                        or (decimals == "split" and _split_decimal_ok(text, m))):
                    num = _parse_number(text, pos, rules, allow_art=False)
                    assert num is not None
                else:
                    split_decimal = True
        if not num.is_words and _leading_dot_decimal(text, pos, num.end, rules, style=decimals):
            num = _Num(num.start, num.end, float("0." + text[num.start : num.end]))
            leading_dot = True
    if num.end <= num.start:
        return [], pos + 1
    if _SPAN_OR_TWO.search(text, max(0, num.start - 20), num.start) and _counted_noun(text, num.end, rules)[0] is None:
        return [], num.end  # "within a minute or two,": a loose span of time, not a count of two
    if not num.is_words and _CALIBRE.match(text, num.end) and text[max(0, pos - 2) : pos] in (". ", " ."):
        # ". 38-caliber": a calibre whose decimal point was split off by tokenisation
        digits = text[num.start : num.end]
        if digits.isdigit():
            num = _Num(num.start, num.end, float("0." + digits))
    word = text[num.start : num.end].lower()
    if word in rules.adverbial or word == "once":
        if word == "once":
            verb_start = _once_counted(text, num.start, num.end, rules)
            if verb_start is None:
                return [], num.end  # "once a thriving port", "once the talks end": not a count
            return [_Found(verb_start, num.end, num.start, num.end, 1.0, 1.0, 1.0, None, "times", "times")], num.end
        return [_Found(num.start, num.end, num.start, num.end, num.value, num.value, num.value, None, "times", "times")], num.end

    # ---------------------------------------------------------------- left context
    start = num.start
    suspended = _suspended_pair(text, num, rules)
    unit: str | None = None
    currency: str | None = None
    cm = rules.currency_left.search(text, max(0, start - 4), start)
    if cm and not num.is_words:
        currency = rules.currency_prefixes.get(cm.group().strip().rstrip(".").strip(), "USD")
        start = cm.start()
    # "of -3C", "minus 3 degrees": a minus sign, read only before a temperature (elsewhere a dash may join words)
    minus = None
    if not currency and not num.is_words and (mm := _MINUS.search(text, max(0, start - 6), start)) and \
            (_TEMPERATURE.match(text, num.end) or _DEGREES_AFTER.match(text, num.end)):
        minus = mm.start()
        num = _Num(num.start, num.end, -num.value)
    before = text[start - 1] if start > 0 else " "
    if (before.isalpha() or before.isdigit() or before in "_/×") and not (num.is_words and before == "-"):
        if not (currency == "EUR"):  # "euro110" already taken as a prefix
            return [], _skip_word(text, num.end)
    parent = None if currency else _parent_of(text, start)  # "a father of three", "mum-of-two": the children
    if parent is None and text[max(0, start - 4) : start].lower() == "-of-":
        return [], _skip_word(text, num.end)  # "1-of-16", "best-of-seven": a part of a name or a ratio, no count
    if minus is not None:
        start = minus  # the sign belongs to the figure, and the words before it are read before the sign
    elif before == "-" and not currency and not num.is_words and parent is None:
        pw, _ = _prev_word(text, start - 1)
        pm = rules.prefix_unit_left.search(text, max(0, start - 12), start)
        if pm:
            unit = pm.group(1).lower()
        elif pw and pw[-1:].isalpha() and suspended is None:
            return [], _skip_word(text, num.end)
    if before == "." and start >= 2 and text[start - 2].isalnum() and not text[pos].isdigit():
        return [], num.end
    prev, prev_start = _prev_word(text, start)
    prev_l = prev.lower().rstrip(".")
    if prev_l in rules.months or prev_l.rstrip(",") in rules.months:
        return [], _skip_word(text, num.end)
    if (prev_l in rules.name_prefixes or prev.lower() in rules.name_prefixes) and not num.is_words:
        return [], _skip_word(text, num.end)
    qm = rules.qualifier_left.search(text, max(0, start - 24), start)
    qualifier = rules.qualifiers[qm.group(1).lower()] if qm else None
    if qm and qm.group(1).lower() == "some" and (num.is_words and num.value < 10):
        qualifier = None  # "some two" is odd; "some three dozen" keeps
    if qualifier in ("less than", "more than") and _NEGATED_BOUND.search(text, max(0, qm.start(1) - 30), qm.start(1)):
        # "would not accept less than 12%": at least 12; "will not pay more than 5%": up to 5
        qualifier = "at least" if qualifier == "less than" else "up to"
    # "Flight 370", "Windows 7", "Europe 23": a number right after a capitalised word names something,
    # unless a unit follows ("Serbs 24 years later"); decided once the right context is read
    name_like = (qualifier is None and bool(prev) and prev[0].isupper() and prev_l not in rules.qualifier_words
                 and not (prev.endswith(".") and len(prev) > 4 and prev[:-1].isalpha())  # "Monday. 325 homes"
                 and not _sentence_initial(text, prev_start) and text[prev_start + len(prev): start].strip() == ""
                 and not num.is_words and parent is None)
    span_start = qm.start(1) if qm else start
    if leading_dot:
        span_start = min(span_start, num.start - 2)  # the split-off point belongs to the number
    if suspended is not None:
        # "8- and 10-year-old girls": the first number shares the second's unit; the second is read next
        s_end, s_unit, s_counted = suspended
        low, high = qualifier_bounds(num.value, qualifier)
        return [_Found(span_start, s_end, num.start, num.end, num.value, low, high, qualifier, s_unit, s_counted)], num.end
    between = bool(rules.between_left.search(text, max(0, span_start - 9), span_start))

    # ---------------------------------------------------------------- right context
    end = num.end
    rest = text[end : end + 40]
    # dates, times, ordinals, decades, list numbering, numbers glued to letters
    if not num.is_words:
        if re.match(r"(?:st|nd|rd|th)\b", rest, re.IGNORECASE):
            return [], end + 2
        if re.match(r"'?s\b", rest) and num.value >= 10:
            return [], end + 1
        if (clock := _game_clock().match(text, end)) and qualifier is None and not currency and \
                re.fullmatch(r"\d{1,2}", text[num.start : num.end]) and \
                (clock.group(2).lower() == "mark" or prev_l not in _CLOCK_TIME_OF_DAY):
            # "at the 2:15 mark", "with 4:43 left": minutes and seconds on a game clock, read as seconds
            secs = num.value * 60 + int(clock.group(1))
            return [_Found(num.start, clock.end(), num.start, clock.end(), secs, secs, secs, None, "second", None)], clock.end()
        if rules.time_right.match(rest) and not currency:
            return [], _skip_word(text, end)
        nm_ = re.match(r"\s?([A-Za-z]+)\.?", rest)
        if nm_ and nm_.group(1).lower() in rules.months:
            return [], end
        if rest[:1] == "×":
            return [], _skip_word(text, end + 1)
        if rest[:1].isalpha():
            um = rules.unit_suffix.match(rest)
            if not um and not _temperature(text, end, start, name_like=name_like, cue=qm is not None or minus is not None):
                return [], _skip_word(text, end)
        if (start == 0 or text[start - 1] == "\n") and re.match(r"[.)]\s", rest):
            return [], end + 1  # list numbering
    is_year = (not num.is_words and re.fullmatch(r"\d{4}", text[num.start : num.end]) is not None
               and 1000 <= num.value <= 2100 and not currency and qualifier is None)
    # ranges and records: "18,000-20,000", "9-14", "between 165 and 180", "40 or 50"
    partner: _Num | None = None
    rm = rules.range_right.match(text, end)
    if rm:
        nxt = rm.end()
        if nxt < n:
            cur2 = rules.currency_left.match(text, nxt)
            p2 = cur2.end() if cur2 and text[nxt] in "$£€" else nxt
            sep = rm.group().strip()
            if p2 < n and (text[p2].isdigit() == (not num.is_words)) and (sep not in ("and",) or between):
                if text[p2].isdigit() or text[p2].isalpha():
                    partner = _parse_number(text, p2, rules, allow_art=bool(currency) or split_decimal)
                    if partner is not None and (partner.end <= partner.start or
                                                (partner.is_words and partner.value == 0)):
                        partner = None
                if partner is not None and sep in ("to", "or") and partner.value <= num.value:
                    partner = None
    if is_year and partner is None and prev_l not in _YEAR_BEFORE and re.fullmatch(r"\d{4}", text[num.start : num.end]):
        # "close 1200 workplaces": a four-digit number before a plural noun counts it (a year follows "in", "since"...)
        noun = re.match(r"\s([a-z]{4,})\b", text[end : end + 24])
        if noun and noun.group(1).endswith("s") and not noun.group(1).endswith("ss") and noun.group(1) not in rules.stop \
                and not _is_verb(noun.group(1), rules):
            is_year = False
    if is_year:
        if partner is not None or rules.unit_right.match(text, end) is None:
            return [], (partner.end if partner else end)
    if partner is not None and _sep_is_hyphen(text, end, partner.start):
        three = re.match(r"\s?-\s?(\d+)(?!\d|\.\d)", text[partner.end : partner.end + 6])
        nxt_words = [w.lower() for w in rules.word.findall(text[partner.end : partner.end + 30])[:2]]
        prev_words = [w.lower() for w in rules.word.findall(text[max(0, start - 40) : start])[-3:]]
        unitish = bool(rules.unit_right.match(text, partner.end) or rules.percent_right.match(text, partner.end)
                       or rules.scale_right.match(text, partner.end) or rules.compound_right.match(text, partner.end)
                       or _TEMPERATURE.match(text, partner.end))
        recordish = (three is not None or any(w in rules.record_words for w in nxt_words[:2])
                     or any(w in rules.record_words for w in prev_words)
                     or (start > 0 and text[start - 1] == "(") or not nxt_words
                     or (nxt_words and nxt_words[0] in rules.stop)
                     # in apposition to a name: "Riddick Bowe, 43-1, 33 KOs, returned"
                     or (rules.apposition_left.search(text, max(0, start - 40), start) is not None
                         and re.match(r"\s*[,;)]", text[partner.end : partner.end + 3]) is not None))
        if not currency and qualifier is None and not between and not unitish and recordish and \
                float(num.value).is_integer() and float(partner.value).is_integer():
            return _read_record(text, num, partner, three, span_start, rules)
    # the figure proper
    scale_word: str | None = None
    sm = rules.scale_right.match(text, partner.end if partner else end)
    if sm and (sm.group(1) or currency or _glued(text, partner.end if partner else end)):
        word_ = (sm.group(1) or sm.group(2))
        if sm.group(2) and word_ in ("m", "M", "b", "k") and not currency:
            follow = text[sm.end() : sm.end() + 24]
            nxt = re.match(r"\s([a-z]+)", follow)
            # "1.2m people", "3bn users": a letter before a plural of a counted noun is a scale, not metres
            word_after = nxt.group(1) if nxt else ""
            plural = word_after in lexicon()["unmarked_plurals"] or (
                len(word_after) > 3 and word_after.endswith("s") and not word_after.endswith("ss")
                and word_after not in rules.stop and not _is_verb(word_after, rules))
            if not (plural or re.match(r"\s?-?\s?(?:euros?|dollars?|pounds?)", follow, re.IGNORECASE)):
                sm = None
        if sm is not None:
            scale_word = word_.lower()
            end = sm.end()
    if scale_word is None and not num.is_words and (sp := _spaced_scale().match(text, partner.end if partner else end)):
        # "110 b. Euro", "5 m euros": a scale letter set apart, read as a scale only before a currency word
        sm, scale_word, end = sp, sp.group(1).lower(), sp.end()
    if partner is not None:
        end = max(end, partner.end)
        if scale_word:
            end = max(end, sm.end()) if sm else end
        elif (not scale_word) and (sm2 := rules.scale_right.match(text, partner.end)) and (sm2.group(1) or currency):
            scale_word = (sm2.group(1) or sm2.group(2)).lower()
            end = sm2.end()
    # "$165 million and $180 million": a scale after the first number, then the partner
    if partner is None:
        rm2 = re.match(r"\s?(?:-|–|to|and|or)\s?", text[end : end + 6])
        if rm2 and (between or rm2.group().strip() in ("-", "–", "to")):
            p2 = end + rm2.end()
            cur2 = _CURRENCY_SIGN.match(text, p2)  # "... and $180 million": the sign again before the partner
            p3 = cur2.end() if cur2 else p2
            if p3 < n and text[p3].isdigit() and scale_word:
                cand = _parse_number(text, p3, rules, allow_art=True)
                sm3 = rules.scale_right.match(text, cand.end) if cand else None
                if cand and sm3 and (sm3.group(1) or sm3.group(2) or "").lower() == scale_word and cand.value > num.value:
                    partner = cand
                    end = sm3.end()
    if partner is not None and partner.value <= num.value:
        partner = None
        end = max(num.end, end if scale_word else num.end)
    if not currency and not scale_word and partner is None and not num.is_words and end == num.end and \
            re.match(r"p(?![A-Za-z])", text[end : end + 2]) and _PENCE_CONTEXT.search(text):
        currency, scale_word, end = "GBP", "pence", end + 1  # "412p a share": pence, a hundredth of a pound
    percent = False
    pm = rules.percent_right.match(text, end)
    if pm:
        percent = True
        end = pm.end()
    cw = None if percent else rules.currency_right.match(text, end)
    if cw and not currency:
        currency = rules.currency_words.get(cw.group(1).lower())
        end = cw.end()
    elif cw and currency:
        end = cw.end()
    if not currency and not percent and (pw := _POUNDS.match(text, end)) and \
            (scale_word or _money_before(text, num.start, rules)):
        currency, end = "GBP", pw.end()  # "45 million pounds", "a fine of 30,000 pounds"; but "weighs 200 pounds"
    counted: str | None = None
    age = False
    temperature = None
    am = rules.age_right.match(text, end)
    if am:
        age = True
        end = am.end()
        unit = "year"
        counted = "age"
    elif not percent and not currency and not scale_word and \
            (temperature := _temperature(text, end, start, name_like=name_like, cue=qm is not None or minus is not None)):
        # "15°C", "around 8C": degrees, the scale as what they count (as in "8 degrees Celsius")
        end, unit, counted = temperature[0], "degree", temperature[1]
    elif not percent and not currency and not scale_word and (tm := _TIMES.match(text, end)):
        # "married three times", "fired five times": how often, as "twice" reads ("three times the size" is a ratio)
        unit, counted, end = "times", "times", tm.end()
    elif not percent and not currency:
        cm2 = rules.compound_right.match(text, end)
        if cm2 and not (end < n and text[end] == "-" and end + 1 < n and text[end + 1] == "-"):
            parts = cm2.group(1).split("-")
            first = parts[0].lower()
            compound = f"{text[num.start : num.end].lower()}-{first}"
            if compound in _kind_compounds() or compound.removesuffix("s") in _kind_compounds():
                return [], _skip_word(text, end)  # "a three-point play", "a two-way race": a kind, not an amount
            if len(parts) > 1 and f"{first} {parts[1].lower()}" in rules.measure_units:
                # "a 40-square-mile area", "a 480-nautical-mile corridor": a two-word unit
                unit = rules.measure_units[f"{first} {parts[1].lower()}"]
                end = end + 2 + len(parts[0]) + len(parts[1])
            elif first.endswith("ed") and len(first) > 4 and first not in rules.measure_units and \
                    first not in _counted_words():
                return [], _skip_word(text, end)  # "one-sided", "a two-handed dunk": an adjective, no amount
            elif first in rules.measure_units:
                unit = rules.measure_units[first]
                end = end + 1 + len(first)
            elif first == "strong":
                end = end + len("-strong")
            elif first in ("and", "to", "or"):
                pass
            elif first in rules.stop:
                return [], _skip_word(text, end)  # "four-by-four", "one-on-one": a name, not a count
            else:
                counted = first
                end = end + 1 + len(first)
                if first in ("point",):
                    unit = "point"
        else:
            um = rules.unit_right.match(text, end)
            if um is None:
                # "three more years", "two additional weeks": the unit after a word of increment
                more = re.match(r"\s(?:more|additional|further|extra|other)(?=\s)", text[end : end + 12], re.IGNORECASE)
                um = rules.unit_right.match(text, end + more.end()) if more else None
            if um:
                unit = rules.measure_units[um.group(1).lower()]
                end = um.end()
                if unit in _TIME_UNITS and \
                        re.match(r"(?:-|\s)old\b", text[end : end + 5], re.IGNORECASE):
                    end += 4
                    age = True
                    counted = "age"
            else:
                um = rules.unit_suffix.match(text, end)
                if um and num.end == end:
                    suffix = um.group(1).lower()
                    if suffix == "p":
                        return [], um.end()  # "4p" where the text deals in no pounds: a page, a grade, a time
                    if suffix in _counted_words():
                        counted = suffix  # "12KOs" counts like "12 KOs"
                    else:
                        unit = rules.measure_units.get(suffix, suffix)
                    end = um.end()
    if unit is None and counted is None and not percent and not currency and \
            (ab := _stat_abbreviations()[0].match(text, end)):
        # "5.8 ppg" reads as its words, "5.8 points per game"; "7 rpg" as "7 rebounds" (a counted noun keeps no rate)
        noun, _, per = _stat_abbreviations()[1][ab.group(1).lower()].partition(" per ")
        if noun in rules.measure_units:
            unit = rules.measure_units[noun] + (f" per {per}" if per else "")
        else:
            counted = noun
        end = ab.end()
    # counted noun: the head of the words that follow
    noun_end = end
    if (counted is None or counted not in ("age",)) and not (temperature and counted):
        head, noun_end2 = _counted_noun(text, end, rules)
        if head and not age:
            if counted is None:
                counted = head
            noun_end = noun_end2
    if counted in lexicon()["part_fate_adjectives"] and re.match(r"\s+of\s+(?:them|which|those|these)\s", text[end : end + 14]):
        counted = lexicon()["part_fate_adjectives"][counted]  # "210 cases, seven of them fatal": seven deaths
    if percent and counted is None:
        counted = _measured_before(text, span_start, rules)  # "Turnout was 61.4 percent", "a turnout of 52.3 per cent"
    if unit == "degree" and counted:
        counted = lexicon()["temperature_scales"].get(counted, counted)  # "8 degrees C" reads as "8 degrees Celsius"
    if parent is not None and unit is None and not age and not percent and not currency and partner is None:
        # "a father of three", "Mum-of-two Kelly", "father-of-three driver": the number counts children; a name or
        # a singular noun after it describes the parent, a child noun ("father of two sons") says the same; another
        # plural ("the parent of three airlines") is what is counted
        head_at = text.lower().find(counted, end, noun_end) if counted else -1
        plural = bool(counted) and (counted in lexicon()["unmarked_plurals"]
                                    or (counted.endswith("s") and not counted.endswith("ss")))
        if counted is None or head_at < 0 or text[head_at].isupper() or not plural:
            counted, noun_end = ("grandchildren" if parent[1] else "children"), end
        if counted in _child_nouns():
            span_start = parent[0]
    if minus is not None and unit != "degree":
        return [], _skip_word(text, num.end)  # "of -3C" where no temperature is meant: a dash, as before
    if unit is None and not percent and not currency and counted is None and num.value is not None and \
            0 < num.value < 120 and float(num.value).is_integer() and (age_noun := _age_noun_before(text, span_start, rules)):
        # "raise the pension age to 64 from 62": years of the age the noun names, not a person's age
        unit, counted = "year", age_noun
    if unit == "year" and counted is None and num.value is not None and 0 < num.value < 120 and \
            float(num.value).is_integer() and _person_of().search(text, max(0, start - 40), start) and \
            re.match(r"\s*years?\b(?!\s+(?:old|ago|later|earlier|before|after|in|of|for|on)\b)", text[num.end : num.end + 30]):
        counted = "age"  # "a girl of 9 years", "the driver of 58 years": a person's age, said the long way
    if unit is None and not percent and not currency and not scale_word and counted is None and num.value is not None:
        # ages by apposition ("Orozco, 27,") or by verb ("She was 85", "aged 85")
        cue = rules.age_left.search(text, max(0, start - 24), start)
        at_cue = None if cue or qm is not None or num.is_words else (
            _age_at(text, start, end, num.value) if text[max(0, start - 3) : start].lower() == "at " else
            _name_was_age(text, start, end, num.value, rules))
        if (cue or at_cue is not None) and 0 < num.value < 120 or \
                (((rules.apposition_left.search(text, max(0, start - 40), start)
                   and not _PLACE_APPOSED.search(text, max(0, start - 60), start))
                  or _person_apposition().search(text, max(0, start - 40), start)) and
                 rules.apposition_right.match(text, end) and 0 < num.value < 120 and float(num.value).is_integer()):
            age, unit, counted = True, "year", "age"
            if qm is None and (cue or at_cue is not None):
                # the words that make it an age belong to the figure ("She was 85", "aged 17 and 25", "at 77")
                span_start = at_cue if cue is None else (
                    cue.start() if not any(c.isdigit() for c in cue.group()) else _prev_word(text, start)[1])
    if num.is_words and num.value == 1 and not num.vague and text[num.start : num.end].lower() == "one":
        ap = _ONE_APPOSED.match(text, num.end)
        if ap and text[max(0, num.start - 3) : num.start].rstrip()[-1:] in ("(", ","):
            # "three workers (one a pregnant woman)", ", one of them a child,": one of the whole, named
            head, head_end = _counted_noun(text, ap.end(), rules)
            if head:
                return [_Found(num.start, head_end, num.start, num.end, 1.0, 1.0, 1.0, None, None, head)], head_end
        if re.match(r"\s(?:of|another|or|another|side|hand|way|thing|day|time)\b", text[num.end : num.end + 9]) or \
                (counted is None and unit is None and not re.match(r"\s*(?:[.;,]|$)", text[end : end + 3])):
            return [], end  # "one of", "one another": a pronoun, not a count
        if counted is None and unit is None and re.search(r"\b(?:as|like|the|this|that|every|any|each|which)\s+$",
                                                          text[max(0, num.start - 8) : num.start], re.IGNORECASE):
            return [], end  # "it will be treated as one", "the one": a pronoun
    if unit == "degree" and re.match(rf"\s*(?:{_alt(lexicon()['quake_words'])})\b", text[end : end + 14], re.IGNORECASE):
        unit = "magnitude"  # "a 6.7 degree quake"
    if unit is None and not percent and not currency and (
            _MAGNITUDE_BEFORE.search(text, max(0, span_start - 16), span_start) or _MAGNITUDE_AFTER.match(text, end)):
        unit = "magnitude"  # "a magnitude of 5.9", "6.1 on the Richter scale"
    rate = _RATE.match(text, end) or (_RATE.match(text, noun_end) if noun_end > end else None)
    if rate and (unit or percent or currency):
        if rate.start() == end and counted is not None and noun_end > end:
            counted, noun_end = None, end  # the "noun" was the rate word ("annually")
        per = (rate.group(1) or {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
                                 "daily": "day"}[rate.group(2).lower()]).lower()
        rate_unit = f" per {per}"
        end = max(end, rate.end())
        noun_end = max(noun_end, rate.end())
    else:
        rate_unit = ""
    if name_like and unit is None and not percent and not currency and not scale_word and partner is None \
            and not (counted and counted.islower() and num.value >= 2 and _name_object(text, prev_start, prev, rules)) \
            and not (prev_l in rules.weekdays and counted and counted.islower()):  # "On Monday 27 people were"
        return [], end  # ... but "gave Labour 70 seats", "Labour's 68 seats": a count after a name
    if percent:
        # a change of a share ("up 7.2 percentage points") is another dimension than the share
        unit = "percentage points" if "point" in text[end - 7 : end].lower() else "percent"
    if currency:
        unit = currency
    if scale_word:
        unit = f"{_scale_name(scale_word)} {unit}" if unit else _scale_name(scale_word)
    if rate_unit and unit:
        unit += rate_unit  # "$23 million per season" is a rate, not a total

    if qualifier == "more than" and qm is not None and qm.group(1).lower() == "over" and unit in _TIME_UNITS:
        qualifier, span_start = None, start  # "loans over three years": a span of time, not a bound
    noun_end = max(noun_end, end)
    if counted is None and unit is None and not percent and not currency and not scale_word and partner is None:
        # a bare number says little alone: show the verb next to it ("killing one", "Three die")
        nxt_m = rules.word.match(text, end + 1) if text[end : end + 1] == " " else None
        if nxt_m and _is_verb(nxt_m.group().lower(), rules) and nxt_m.group().lower() not in rules.stop:
            noun_end = nxt_m.end()
        elif qm is None:
            pw, pstart = _prev_word(text, span_start)
            if pw and pw[-1:].isalpha() and pw.lower() not in rules.stop and text[pstart + len(pw) : span_start].strip() == "":
                span_start = pstart
    value: float | None = num.value
    low: float | None
    high: float | None
    if num.vague:
        value, low, high = None, num.value, None
        qualifier = qualifier or "vague"
        if qualifier not in ("vague", "at least", "more than"):
            qualifier = "vague"
    elif partner is not None:
        low, high = num.value, partner.value
        qualifier = "between"
    else:
        low, high = qualifier_bounds(num.value, qualifier)
    return [_Found(span_start, max(noun_end, end), num.start, end, value, low, high, qualifier, unit, counted)], end


_GLUED_FRACTION = re.compile(r"(\d{1,2})([1-7])/([2-8])(?![\d/])")
# "pounds" as money, not weight: not "pounds of beef", not "pounds heavier"
_POUNDS = re.compile(r"\s?pounds?\b(?!\s+(?:of|heavier|lighter|overweight)\b)", re.IGNORECASE)
_WEIGHT_WORDS = frozenset({"weigh", "weighs", "weighed", "weighing", "weight", "heavy", "lost", "gained", "lifted"})


def _money_before(text: str, start: int, rules: _Rules) -> bool:
    """Whether the words just before a figure speak of money ("paid", "a fine of", "worth") and not weight."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text[max(0, start - 60) : start])][-6:]
    return any(rules.predicate_of.get(w) == "paid" for w in words) and not _WEIGHT_WORDS.intersection(words)


# "412p" is pence only where the text deals in pounds (elsewhere "4p" may be a page or a grade)
_PENCE_CONTEXT = re.compile(r"£|\bpence\b|\bpounds?\b|\bsterling\b|\bGBP\b|\ba share\b|\bper share\b", re.IGNORECASE)
# words after which a four-digit number is a year, not a count
_YEAR_BEFORE = frozenset({"in", "since", "from", "by", "until", "till", "of", "before", "after", "during", "year",
                          "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "and", "to", "or",
                          "between", "circa", "c", "around", "the", "its", "their", "his", "her"})
# "three times as many", "three times the size", "four times higher": a ratio between two figures, no count;
# "shot six times as he ran" is how often
_RATIO_AFTER = (r"\s+(?:as\s+(?:many|much|\w+\s+as)|the|that|what|his|her|its|their|our|your|my|this|those|these|more|"
                r"less|fewer|over|faster|slower|higher|lower|larger|bigger|greater|smaller|longer|stronger|worse|better)\b")
_TIMES = re.compile(r"\s(?:more\s|other\s)?times\b(?!" + _RATIO_AFTER + r")(?!\s*(?:-|the\b))")
_RATIO_TIMES = re.compile(r"\s(?:more\s)?times" + _RATIO_AFTER)


@lru_cache(maxsize=1)
def _spaced_scale() -> re.Pattern[str]:
    return re.compile(rf"\s(bn|mn|mln|bln|b|m)\.?(?=\s?-?\s?(?:{_alt(lexicon()['currency_words'])})\b)", re.IGNORECASE)


_CLOCK_TIME_OF_DAY = frozenset(("at", "by", "until", "till", "around", "before", "after", "from"))  # "at 11:45 left"


@lru_cache(maxsize=1)
def _game_clock() -> re.Pattern[str]:
    """":15 mark" after minutes: a time on a game clock, told by the word after it."""
    words = lexicon().get("game_clock_words", [])
    return re.compile(rf":([0-5]\d)\s({_alt(words)})\b" if words else r"(?!)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _kind_compounds() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().get("kind_compounds", ()))


@lru_cache(maxsize=1)
def _stat_abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    """Abbreviated averages ("ppg") and the words they stand for ("points per game")."""
    table = {k.lower(): v for k, v in lexicon().get("stat_abbreviations", {}).items()}
    if not table:
        return re.compile(r"(?!)"), table
    return re.compile(rf"\s?({_alt(table)})\b", re.IGNORECASE), table


_AT_LEFT = re.compile(r"(?:^|(?<=[\s(\"“]))at\s$", re.IGNORECASE)
_AT_CLAUSE_END = re.compile(r"\s*(?:[,;.:)!?\n]|$)|\s+(?:and|but|in|on|of|after|from|when|while|following|before)\b")


@lru_cache(maxsize=1)
def _age_at_verbs() -> frozenset[str]:
    return frozenset(lexicon().get("age_at_verbs", ()))


_NAME_WAS = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:[A-Z][a-z]+)?)\s+(was|is|turned|turns)\s$")
_AGE_CLAUSE_END = re.compile(r"\s*(?:[,;.)]|$)|\s+(?:when|at\s+the\s+time)\b")


def _name_was_age(text: str, start: int, end: int, value: float, rules: _Rules) -> int | None:
    """Where "was" starts when "LaRue was 75." states an age, else None: a name (a word the article also
    capitalises mid-sentence), a copula, a whole number under 120 that ends the clause."""
    if not (0 < value < 120 and float(value).is_integer()) or not _AGE_CLAUSE_END.match(text, end):
        return None
    nm = _NAME_WAS.search(text, max(0, start - 30), start)
    if nm is None or nm.group(1).lower() in rules.stop or nm.group(1).lower() in rules.months:
        return None
    if _sentence_initial(text, nm.start(1)) and not re.search(rf"[a-z,]\s+{re.escape(nm.group(1))}\b", text):
        return None  # "Attendance was 75.": a capital that only opens sentences names no one
    return nm.start(2)


def _age_at(text: str, start: int, end: int, value: float) -> int | None:
    """Where "at" starts when a bare "at N" is an age, else None: after a life event in its clause ("died in
    prison at 77", "retired at 65"), or set off by commas ("that, at 34, her days were over"; "At 34, she quit")."""
    if not (0 < value < 120 and float(value).is_integer()):
        return None
    am = _AT_LEFT.search(text, max(0, start - 3), start)
    if am is None or not _AT_CLAUSE_END.match(text, end):
        return None
    before = text[max(0, am.start() - 2) : am.start()]
    if (before.endswith(", ") or _sentence_initial(text, am.start())) and text[end : end + 1] == ",":
        return am.start()
    clause = re.split(r"[,;:.!?()\n]", text[max(0, am.start() - 70) : am.start()])[-1]
    if _figure_named().search(clause):
        return None  # "the death toll stood at 22": a count, whatever life event its clause names
    return am.start() if any(w.lower() in _age_at_verbs() for w in re.findall(r"[A-Za-z]+", clause)) else None


@lru_cache(maxsize=1)
def _figure_named() -> re.Pattern[str]:
    """A figure named as such after a determiner: "the death toll", "its count" (a "mob figure" is a person)."""
    return re.compile(rf"\b(?:the|its|their|his|her|an?|this|that)\s+(?:[a-z]+\s+)?(?:{_alt(lexicon()['figure_nouns'])})\b",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _parent_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:great-)?({_alt(lexicon()['parent_nouns'])})(?:\s+of\s+|-of-)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _child_nouns() -> frozenset[str]:
    return frozenset(lexicon()["child_nouns"])


def _parent_of(text: str, pos: int) -> tuple[int, bool] | None:
    """Where "father of " / "mum-of-" right before ``pos`` starts and whether it is a grandparent, or None."""
    m = _parent_pattern().search(text, max(0, pos - 24), pos)
    return (m.start(), m.group(1).lower().startswith("gran")) if m else None


@lru_cache(maxsize=1)
def _age_noun() -> re.Pattern[str]:
    """An "X age" noun ("the retirement age") and the words after it up to a number's start."""
    return re.compile(rf"\b({_alt(lexicon()['age_noun_modifiers'])})[\s-]age\b(?P<gap>[^.;:!?\n]{{0,50}})$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _age_noun_gap_words() -> frozenset[str]:
    return frozenset(lexicon().get("age_noun_gap_words", ()))


def _age_noun_before(text: str, start: int, rules: _Rules) -> str | None:
    """The counted noun of an "X age" noun that governs the number at ``start`` (the lexicon's
    ``age_noun_modifiers``: "retirement age"), or None.  Governs: only verbs, function words, adverbs, other
    numbers and a "for ..." of whose age it is lie between ("raise the pension age to 64 from 62", "the
    retirement age for women will rise to 65"); a noun between ("the average age of the victims was 34",
    "the retirement age, and police arrested 23") is another subject."""
    m = _age_noun().search(text, max(0, start - 70), start)
    if m is None:
        return None
    words = re.findall(r"[A-Za-z][\w'’-]*|\d[\d.,]*", m.group("gap"))
    k = 0
    while k < len(words):
        w = words[k].lower()
        if w == "for" and k + 1 < len(words):
            k += 2  # "the retirement age for women": whose age it is
            continue
        if not (w[0].isdigit() or w in rules.stop or w in _age_noun_gap_words() or _is_verb(w, rules)
                or w in rules.units_words or w in rules.measure_units  # "would rise by two years to 64"
                or _is_adverb(w, rules) or rules.predicate_of.get(w) in _change_classes()):
            return None
        k += 1
    return lexicon()["age_noun_modifiers"][m.group(1).lower()]


@lru_cache(maxsize=1)
def _measured_link() -> re.Pattern[str]:
    """The noun a percentage measures and the words that link it to the figure, up to the figure's start:
    "turnout was (only)", "support stood at", "inflation rose to", "a turnout of"."""
    lx = lexicon()
    states = _alt(lx["percent_subject_verbs"])
    changes = _alt([w for k in _change_classes() for w in lx["predicates"][k]])
    return re.compile(
        r"(?P<noun>[A-Za-z][\w'’-]*)\s+(?:(?P<of>of)"
        r"|(?:(?:has|have|had|will|would|could|may|might|has been|had been|will be)\s+)?"
        rf"(?:(?:{states})(?:\s+(?:at|around|in\s+at|to))?|(?:{changes})\s+to))"
        r"\s+(?:(?:only|just|barely|still|now|currently|officially|already|a\s+mere|a\s+record)\s+)?$",
        re.IGNORECASE)


def _measured_before(text: str, start: int, rules: _Rules) -> str | None:
    """The noun a percentage measures when it is named before the figure: the subject of a linking verb
    ("Turnout was 61.4 percent", "unemployment hit 10 percent") or a noun with "of" ("a turnout of 52.3 per
    cent"); not a name ("Obama was at 52 percent"), a function word or a verb.  Only a noun of the lexicon's
    share classes is read ("turnout", "unemployment"; "the unemployment rate" by its modifier): two
    percentages named by unknown nouns ("the yield stood at 3.42 percent", "2.5 percent of GDP") would read
    as one measure to the fact grouper, which tells nouns apart by their classes; unread, a bare
    percentage keeps to its own context."""
    m = _measured_link().search(text, max(0, start - 60), start)
    if m is None:
        return None
    noun, at = m.group("noun"), m.start("noun")
    # "the unemployment rate for young people is 51 percent", "turnout in the northern district reached 66.8
    # percent": the noun before the prepositional phrase is what is measured
    pp = None if m.group("of") else _MEASURED_PP.search(text, max(0, at - 60), at)
    if pp is not None and not any(_is_verb(w.lower(), rules) for w in pp.group(2).split()):
        noun, at = pp.group(1), pp.start(1)
    nl = noun.lower()
    if nl not in _share_words():
        # "the unemployment rate is 33 percent", "the turnout figure of 61.4%": the measure is the noun's
        # modifier; a noun that names no measure ("the official figure of 61.4%") leaves the figure unnamed
        mod = re.search(r"(?:^|\s)([A-Za-z]+)\s+$", text[max(0, at - 30) : at])
        if mod is None or mod.group(1).lower() not in _share_words():
            return None  # only a measure the lexicon knows: facts keep known kinds apart ("turnout" / "vote")
        noun, at, nl = mod.group(1), mod.start(1), mod.group(1).lower()
    if noun[:1].isupper() and not (_sentence_initial(text, at)
                                   and re.search(rf"[a-z,]\s+{re.escape(noun)}\b", text) is None):
        return None  # a capital that opens a sentence may be a common noun ("Turnout was"); elsewhere a name
    return nl.strip("'’")


_MEASURED_PP = re.compile(r"([A-Za-z][\w'’-]*)\s+(?:for|among|in|of|on|at)\s+((?:(?:\$?\d[\d.,]*|[^\s.,;:!?]+)\s+){0,4})$")


@lru_cache(maxsize=1)
def _share_words() -> frozenset[str]:
    """The nouns of the lexicon's share classes, what a percentage named before it measures."""
    lx = lexicon()
    words = {w for cls in lx.get("share_classes", ()) for w in lx["counted_classes"].get(cls, ())}
    return frozenset(words | {w[:-1] for w in words if w.endswith("s")})  # "the vote" as "votes"


def _temperature(text: str, pos: int, start: int, *, name_like: bool, cue: bool) -> tuple[int, str | None] | None:
    """A temperature written right after the number ending at ``pos``: where it ends and its scale
    ("15°C", "15°", "46F").  A bare C or F glued on ("8C") is a temperature only after no name ("Flat 3C",
    "Route 8C" are names) and with a cue: a qualifier or minus sign (``cue``: "around 8C", "-3C") or a
    temperature word in its clause ("water of 8C", "highs of 30C"); "seat 12F" stays unread."""
    m = _TEMPERATURE.match(text, pos)
    if m is None:
        return None
    letter = m.group("scale") or m.group("bare")
    if m.group("bare"):
        if name_like:
            return None
        if not cue:
            before = re.split(r"[.!?;:\n]\s", text[max(0, start - 60) : start])[-1]
            after = re.split(r"[.!?;:\n](?:\s|$)", text[m.end() : m.end() + 40])[0]
            if not {w.lower() for w in re.findall(r"[A-Za-z]+", f"{before} {after}")} & _temperature_words() \
                    and not _about_temperatures(text):
                return None
    return m.end(), lexicon()["temperature_scales"][letter.lower()] if letter else None


@lru_cache(maxsize=4)
def _about_temperatures(text: str) -> bool:
    """Whether the article is about the weather: three or more different temperature words in it ("heatwave",
    "hottest", "temperatures"), so that "it was already 34C in town" needs no cue of its own."""
    return len({w.lower() for w in re.findall(r"[A-Za-z]+", text)} & _temperature_words()) >= 3


@lru_cache(maxsize=1)
def _temperature_words() -> frozenset[str]:
    return frozenset(lexicon().get("temperature_words", ()))


def _compound_unit(text: str, pos: int, rules: _Rules) -> bool:
    """Whether a measure unit is hyphenated on at ``pos`` ("-month", "-mile")."""
    cm = rules.compound_right.match(text, pos)
    return bool(cm) and cm.group(1).split("-")[0].lower() in rules.measure_units


_ONE_APPOSED = re.compile(r"\s(?:of them\s)?an?(?=\s[a-z])")
_SUSPENDED = re.compile(r"-\s?(?:and|or|to)\s(?=[\dA-Za-z])")
_ONCE_BEFORE = re.compile(r"(?:^|[\s(])([a-z]+)(?:\s+(?:him|her|them|it|[A-Z][a-z]+))?\s+$")
_ONCE_AFTER = re.compile(r"\s*(?:[,.;:)]|$|\s(?:in|on|at|and|during|with|from|through|into|before|after)\s(?!(?:again|more|a|an)\b))")


def _suspended_pair(text: str, num: _Num, rules: _Rules) -> tuple[int, str | None, str | None] | None:
    """For "8- and 10-year-old" (a hyphen left hanging): where the second number's unit ends, the unit
    and the counted noun the first number shares; None when no such pair starts at ``num``."""
    sm = _SUSPENDED.match(text, num.end)
    if sm is None:
        return None
    partner = _parse_number(text, sm.end(), rules, allow_art=False)
    if partner is None or partner.end <= partner.start or partner.vague:
        return None
    am = rules.age_right.match(text, partner.end)
    if am:
        return am.end(), "year", "age"
    cm = rules.compound_right.match(text, partner.end)
    if cm:
        first = cm.group(1).split("-")[0]
        if first.lower() in rules.measure_units:
            return partner.end + 1 + len(first), rules.measure_units[first.lower()], None
    return None


def _once_counted(text: str, start: int, end: int, rules: _Rules) -> int | None:
    """Where the verb starts when "once" counts how often it was done ("shot him once in the head",
    "fired once."), else None ("once a port", "he once said", "once again")."""
    bm = _ONCE_BEFORE.search(text, max(0, start - 30), start)
    if bm is None or not _ONCE_AFTER.match(text, end):
        return None
    verb = bm.group(1)
    if verb in rules.stop or not _is_verb(verb, rules):
        return None
    return bm.start(1)


def _sep_is_hyphen(text: str, a: int, b: int) -> bool:
    """Whether the gap between two numbers is a bare hyphen ("9-14", "18,000 - 20,000")."""
    return text[a:b].strip() in ("-", "–")


def _glued(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isalpha()


def _name_object(text: str, prev_start: int, prev: str, rules: _Rules) -> bool:
    """Whether the capitalised word before a number is a name in its own right, not the start of a
    model name: a possessive ("Labour's 68 seats") or the object of a verb ("gave Labour 70 seats",
    "told Reuters 40 people"), where "Flight 370" and "the Boeing 737 jets" are names."""
    if prev.endswith(("'s", "’s")):
        return True
    before, _ = _prev_word(text, prev_start)
    word = before.lower()
    return bool(word) and before[:1].islower() and (word in rules.verbs or _is_verb(word, rules) or word.endswith("ed"))


def _scale_name(word: str) -> str:
    return {"bn": "billion", "b": "billion", "bln": "billion", "mn": "million", "m": "million", "mm": "million",
            "mln": "million", "millions": "million", "billions": "billion", "trillions": "trillion", "tn": "trillion",
            "k": "thousand"}.get(word, word)


def _skip_word(text: str, pos: int) -> int:
    """Position after the rest of the token at ``pos`` (so "AK-47s" is skipped whole)."""
    n = len(text)
    while pos < n and (text[pos].isalnum() or text[pos] in "-/.,:") and not (
            text[pos] in ".,:" and (pos + 1 >= n or not text[pos + 1].isalnum())):
        pos += 1
    return pos


def _read_record(text: str, a: _Num, b: _Num, three: re.Match[str] | None, span_start: int,
                 rules: _Rules) -> tuple[list[_Found], int]:
    """A sports record or score ("9-14", "45-7-2", "an 88-72 loss"): one report per number."""
    end = b.end + (three.end() if three else 0)
    values = [a.value, b.value] + ([float(three.group(1))] if three else [])
    nxt = [w.lower() for w in rules.word.findall(text[end : end + 30])[:2]]
    before = [w.lower() for w in rules.word.findall(text[max(0, a.start - 30) : a.start])[-2:]]
    # "won 3-1", "beat Leeds 2-0": a result verb before the numbers (up to one word apart) makes a score
    scored = any(w in lexicon()["score_verbs"] for w in before)
    if three is None and (scored or any(w in rules.score_words for w in nxt)):
        hi, lo = max(values), min(values)
        names = ["winning score" if v == hi and (i == 0 or hi != lo) else "losing score" for i, v in enumerate(values)]
        if hi == lo:
            names = ["score", "score"]
    else:
        names = ["wins", "losses", "draws"][: len(values)]
    start = min(span_start, a.start)
    return [_Found(start, end, a.start, end, v, v, v, None, None, name) for v, name in zip(values, names)], end


_NAME_RUN_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?(?![\w.,/:-])")  # "AK 47", "F 16", "Boeing 737"


def _noun_like(word: str, rules: _Rules) -> bool:
    """A lower-case word that may be the head noun of a figure (not a function word, verb, adverb or month)."""
    wl = word.lower()
    return not (wl in rules.stop or wl in rules.non_heads or wl in rules.months or wl in rules.weekdays
                or wl in rules.units_words or wl in rules.tens_words or _is_verb(wl, rules)
                or _is_adverb(wl, rules))


_PLURAL_HEAD = re.compile(r"[a-z]{2,}[^su]s")  # "depots", "schools": a plural noun (not "-ss", "-us")
_CLAUSE_GOES_ON = re.compile(r"\s+(?:to|the|a|an|his|her|its|their|this|that|these|those|were|was|are|is|has|have|had)\b|[.,;]")


def _name_run_end(text: str, pos: int, rules: _Rules) -> int | None:
    """Where the noun after a run of capitalised words starting at ``pos`` begins, or None.

    "two Brooklyn South Anti Crime plainclothes officers", "12 AK 47 guns": a name (or a model name written
    with a space) modifying the noun after it; the run is bounded and must be followed, in the same clause,
    by a lower-case noun (or by a capitalised word the lexicon counts, as in "14 AK 47 Rifles")."""
    lx = lexicon()
    k = pos
    run = 0
    prev = ""
    while run < lx.get("name_run_max", 5):
        m = rules.word.match(text, k)
        if m:
            w = m.group()
            if not w[:1].isupper():
                return k if run and _noun_like(w, rules) else None
            if w.endswith(("'s", "’s", "'", "’")):
                return None  # "Egypt's largest providers": a possessor, not a modifier
            if run and w.lower() in _counted_words():
                return k  # "14 AK 47 Rifles": a title-cased noun the lexicon counts
            if w.lower() in rules.stop or w.lower() in rules.months or w.lower() in rules.weekdays:
                return None
        else:
            m = _NAME_RUN_NUMBER.match(text, k)
            if not (m and prev.isalpha() and prev.isupper() and len(prev) <= 4):
                return None  # only a short upper-case name takes a number ("AK 47"), not "Obama 52 percent"
        prev = m.group()
        run += 1
        k = m.end()
        if not text.startswith(" ", k):
            return None
        k += 1
    return None


def _names_start(prev: str, rules: _Rules) -> bool:
    """After the lower-case word ``prev``, does a capitalised word start a name of its own?
    "third baseman Alex Rodriguez" (yes), "the 81st annual Oscars", "two former Yankees" (no)."""
    lx = lexicon()
    pl = prev.lower()
    return not (pl in lx.get("name_modifiers", ()) or pl.endswith(tuple(lx.get("name_modifier_suffixes", ()))))


def _is_adverb(word: str, rules: _Rules) -> bool:
    """An -ly adverb ("badly", "mostly"), not a noun that ends so ("family", "rally")."""
    return len(word) > 4 and word.endswith("ly") and word not in rules.ly_nouns


def _next_word(text: str, end: int, rules: _Rules) -> re.Match[str] | None:
    """The word after the one ending at ``end``, when one space separates them."""
    return rules.word.match(text, end + 1) if text[end : end + 1] == " " else None


_PREPOSITION_NEXT = re.compile(r"\s+(?:on|upon|in|at|to|from|with|for|into|across|around|near)\b")


def _counted_noun(text: str, pos: int, rules: _Rules) -> tuple[str | None, int]:
    """The head noun of the words after a number: "700 additional troops" -> "troops"."""
    words: list[tuple[str, int, int]] = []
    i = pos
    n = len(text)
    limit = min(n, pos + 60)
    of_taken = False
    after_adverb = False
    while i < limit and len(words) < 4:
        j = i
        while j < n and text[j] == " ":
            j += 1
        if j == i and words:
            break
        m = rules.word.match(text, j)
        if not m:
            break
        w = m.group()
        wl = w.lower()
        if w[:1].isupper() and (not words or words[-1][0][:1].islower()) and \
                (run_end := _name_run_end(text, j, rules)) is not None:
            # "two Brooklyn South Anti Crime plainclothes officers", "three prior DUI convictions": a name
            # before a lower-case noun modifies that noun
            nm = _next_word(text, run_end - 1, rules)
            if nm and nm.group().lower() in _attribution_words():
                break  # "the 165 knots Norvale Air claims": the name is the source, the verb credits it
            if words and _PLURAL_HEAD.fullmatch(words[-1][0]) and nm and nm.group().islower() and \
                    _CLAUSE_GOES_ON.match(text, nm.end()):
                break  # "the 14 depots Norvale plans to shut": a clause after the noun, the name its subject
            if w.endswith("s") and run_end - 1 - j == len(w) and nm and nm.group().islower() and (
                    _is_verb(nm.group().lower(), rules) or _DETERMINER_NEXT.match(text, nm.end())):
                words.append((w, j, m.end()))  # "58 percent of Ulmerians oppose the rise": the people counted
                break
            i = run_end - 1  # at the space before the noun
            limit = min(n, run_end + 60)
            continue
        if w[:1].isupper() and words and words[-1][0][:1].islower() and _names_start(words[-1][0], rules):
            break  # "third baseman Alex Rodriguez": a name after the noun is no part of it
        abbr = _ABBREVIATION.match(text, j)
        if abbr:
            # "159 U.S. troops": a dotted abbreviation modifies the noun after it; it names nothing counted
            k = abbr.end() + (text[abbr.end() - 1] != " " and text[abbr.end() : abbr.end() + 1] == " ")
            nm = rules.word.match(text, k) if text[k - 1] == " " else None
            if nm is None or not (nm.group()[:1].islower() or nm.group().lower() in _counted_words()):
                break
            i = nm.start()
            continue
        if wl == "of" and not words and not of_taken:
            # "80 percent of the haul", "eight of 10 games": look past "of (the|his|its)"
            k = m.end()
            dm = re.match(r"\s+(?:the|his|her|its|their|our|them|those|these|all)\b", text[k : k + 8], re.IGNORECASE)
            if dm:
                k += dm.end()
            # "18 of its next 23 games": the part counts what the whole counts
            wm = _OF_WHOLE.match(text, k)
            if wm:
                k = wm.end()
            of_taken = True
            i = k
            continue
        adverb = _is_adverb(wl, rules)
        if not words and w.islower() and (wl in rules.intensifiers or (adverb and wl not in rules.non_heads)):
            # "three dozen mostly young people", "two very young girls", "two badly damaged homes": right
            # after the number an adverb modifies the adjective before the noun
            nm = _next_word(text, m.end(), rules)
            if nm and nm.group().islower() and nm.group() not in rules.stop and nm.group() not in rules.non_heads:
                i = m.end()
                after_adverb = True
                continue
        if after_adverb and _is_verb(wl, rules) and wl not in rules.stop:
            # "four badly burned passengers": the participle the adverb modifies, when a noun follows
            nm = _next_word(text, m.end(), rules)
            if nm and nm.group().islower() and nm.group() not in rules.stop and not _is_verb(nm.group(), rules):
                i = m.end()
                after_adverb = False
                continue
        after_adverb = False
        if not words and wl in rules.noun_modifiers:
            i = m.end()
            continue
        if words and len(words[-1][0]) > 3 and words[-1][0].endswith("s") and w.islower() and (
                _is_verb(wl, rules) or _DETERMINER_NEXT.match(text, m.end())
                or (not wl.endswith("s") and _PREPOSITION_NEXT.match(text, m.end()))):
            # "58 percent of voters oppose the rise", "5,000 jobs depend on exports": a plural noun, then
            # its verb and the verb's object
            break
        if not words and wl in _noun_verbs():
            # "just one shot.", "one shot at him": the noun, where a verb reading ("two shot dead") cannot follow
            follow = re.match(r"\s*(?:[.,;:!?)]|$)|\s([A-Za-z]+)", text[m.end() : m.end() + 16])
            if follow and (follow.group(1) is None or follow.group(1).lower() in _noun_verbs()[wl]):
                words.append((w, j, m.end()))
                break
        if wl in rules.stop or (wl in rules.predicate_of and _is_verb(wl, rules)):
            if wl == "and" and words and all(x[0][:1].isupper() for x in words):
                nm = rules.word.match(text, m.end() + 1) if m.end() + 1 < n else None
                if nm and nm.group()[:1].isupper() and nm.group().lower() not in rules.stop:
                    i = m.end()
                    continue
            break
        if wl in rules.months or wl in rules.weekdays:
            break
        if (wl in rules.units_words or wl in rules.tens_words) and (words or not of_taken):
            break  # "two hours one afternoon": another number opens another figure ("five of the six shots" goes on)
        if words and wl in rules.verbs and not w[:1].isupper():
            break  # "the 200 person crowd became angry": a verb after the noun ends the noun phrase
        if _is_verb(wl, rules):
            # a participle may modify the noun ("loaded magazines"); otherwise the noun phrase is over. A
            # verb of telling never does: "for 14 years told inspectors" (its object is no noun counted)
            nm = _next_word(text, m.end(), rules)
            if nm is None or nm.group().lower() in rules.stop or _is_verb(nm.group().lower(), rules) or \
                    wl in _telling_verbs():
                break
        if w[:1].isupper() and wl in rules.qualifier_words:
            break
        if wl in _compass_words() and all(x[0].lower() in rules.units_words or x[0].lower() in rules.tens_words
                                          for x in words):  # right after the number ("of the eight north gates")
            nm = _next_word(text, m.end(), rules)
            if nm and nm.group().islower() and nm.group() not in rules.stop and nm.group() not in rules.non_heads \
                    and not _is_verb(nm.group(), rules):
                i = m.end()
                continue  # "the eight north gates": the direction modifies the noun after it
        if wl in rules.non_heads or adverb:
            break  # "1,500 km south", "two officers fatally": the noun came before
        glued = _GLUED_DASH.fullmatch(w) or _GLUED_NAME_DASH.fullmatch(w)
        first_part, _, after_dash = wl.partition("-")
        after_dash = after_dash.split("-")[0]
        if not glued and len(first_part) > 3 and (first_part.endswith("s") or first_part in _counted_words()) and \
                first_part not in rules.units_words and first_part not in rules.tens_words and \
                after_dash not in lexicon().get("dash_compound_particles", ()) and (
                    after_dash in rules.units_words or after_dash in rules.tens_words or after_dash in rules.stop
                    or after_dash in _counted_words() or _is_verb(after_dash, rules) or after_dash in rules.verbs):
            # "three bank workers-two women", "two children-girls of 6 and 8", "five deputies-many of them":
            # a dash that tokenisation glued between words ends the noun ("sisters-in-law", "passers-by" stay)
            glued = re.match(r"([^-]+)", w)
        if glued:
            # "sisters-8-and": a dash that tokenisation glued on ends the noun ("AK-47" stays whole)
            words.append((glued.group(1), j, j + glued.end(1)))
            break
        words.append((w, j, m.end()))
        i = m.end()
        if i < n and text[i] in ",;:.!?)(\"“”":
            break
    if not words:
        return None, pos
    head, _, end = words[-1]
    if len(words) > 1 and f"{words[-2][0]} {head}".lower() in _counted_words():
        head = f"{words[-2][0]} {head}"  # "crew members" counts what "crewmen" counts
    if head.lower() in _by_heads():
        # "46 wins by knockout": the manner names what is counted
        bm = re.match(r"\s+by\s+(?:an?\s+)?([A-Za-z][\w'’]*)", text[end : end + 30])
        if bm and bm.group(1).lower() in _counted_words():
            return bm.group(1).lower().strip("'’"), end + bm.end()
    if head.lower() in rules.partitive and len(words) == 1:
        # "25 members of NATO's peacekeeping forces": the head of the of-phrase says what is counted
        om = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w.]*(?:'s|’s)\s+)?", text[end : end + 40])
        if om:
            inner, inner_end = _counted_noun(text, end + om.end() - 1, rules)
            if inner:
                return inner, inner_end
    if of_taken and (words[0][0][:1].isdigit() or (len(words) == 1 and words[0][0].lower() in rules.units_words)):
        return None, pos  # "two of six": the whole names no noun either
    return head.lower().strip("'’"), end


# Digits that name, not count: a phone number ("0800 555 0199", "+44 20 7946 0958"), a code with a
# leading zero ("01632"), written with spaces, dots or dashes between groups
_PHONE = re.compile(r"(?<![\d,.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)\s?|\d{2,5}[\s.-])\d{3,4}[\s.-]\d{3,4}(?![\d,])"
                    r"|(?<![\d,.])(?<![\d][,.]\s)(?<!\d[\s\u00a0\u202f\u2009])0\d{2,}(?![\d,.])")  # not the "000" of "20, 000" or "20 000"


def _code_or_address(text: str, r: FigureReport) -> bool:
    """Whether a report is a phone number or code, or the house number of an address ("14 Mill Street")."""
    if r.unit and r.unit.split()[-1] in currency_codes():
        return False
    lo, hi = max(0, r.start - 20), min(len(text), r.end + 20)
    if any(m.start() < r.end and r.start < m.end() for m in _PHONE.finditer(text, lo, hi)):
        return True
    digit = re.search(r"\d", r.text)
    return bool(digit and r.counted and r.counted.lower() in _address_words()
                and _address().match(text, r.start + digit.start()))


@lru_cache(maxsize=1)
def _address() -> re.Pattern[str]:
    """A house number, capitalised street name words and the kind of street: "14 Mill Street"."""
    kinds = "|".join(sorted(_address_words(), key=len, reverse=True))
    return re.compile(r"\d+[a-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:" + kinds + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _sentence_words() -> frozenset[str]:
    return frozenset(lexicon()["predicates"]["sentenced"])


# "In Leeds, 40 were arrested": a place after a preposition, not a person whose age follows
_PLACE_APPOSED = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Aa]cross|[Oo]utside|[Ii]nside|[Aa]round|[Tt]hroughout)\s+"
                            r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\)?,\s$")


@lru_cache(maxsize=1)
def _shot_nouns() -> frozenset[str]:
    # "hitting him six times" counts shots too: "times" is of the shots class under a shooting verb
    return frozenset(lexicon()["counted_classes"]["shots"]) | {"times"}


@lru_cache(maxsize=1)
def _people_fates() -> frozenset[str]:
    return frozenset(lexicon()["people_fates"])


@lru_cache(maxsize=1)
def _thing_nouns() -> frozenset[str]:
    lx = lexicon()
    # "times" counts occasions of anything ("tried to kill a man ... twice")
    return frozenset(w for cls in lx["thing_classes"] for w in lx["counted_classes"][cls]) - {"times"}


@lru_cache(maxsize=1)
def _telling_verbs() -> frozenset[str]:
    return frozenset(lexicon()["telling_verbs"])


@lru_cache(maxsize=1)
def _attribution_words() -> frozenset[str]:
    return frozenset(lexicon()["attribution_words"])


# "Seventeen of the dead were children", "about 250,000 of those affected are children", "three of the
# seven people who died were young children": the share's people are named after the whole, by the
# verb's complement
_PART_NAMED_AFTER = re.compile(r"(\s+of\s+(?:the|those|these|them|whom))?(?:\s+[\w,'’-]+){0,3}?\s+(?:were|are|was|is)"
                               r"\s+(?:also\s+|all\s+)?([a-z]+)(?:\s+([a-z]+))?")


@lru_cache(maxsize=1)
def _compass_words() -> frozenset[str]:
    return frozenset(lexicon()["compass_words"])


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    return frozenset(lexicon()["counted_classes"]["people"])


_DOORS_AWAY = re.compile(r"\s+(?:away|down|up|along|from)\b", re.IGNORECASE)
# "60,000 homes were without power", "power was restored to 8,000 properties": the supply counts
# households, whatever the word for them
_SUPPLY_HOMES = frozenset({"homes", "houses", "properties", "customers", "dwellings"})
_OFF_SUPPLY_AFTER = re.compile(
    r"(?:\s+[\w,-]+){0,5}?\s+(?:without|lost|losing|lose|off|cut\s+off\s+from|no|had\s+no|have\s+no)\s+"
    r"(?:power|electricity|heating|gas|water|running\s+water|mains)\b", re.IGNORECASE)
_OFF_SUPPLY_BEFORE = re.compile(
    r"\b(?:power|electricity|heating|supply|supplies)\s+(?:[\w-]+\s+){0,3}?(?:to|for|in|at)\s+"
    r"(?:(?:some|about|around|nearly|almost|more\s+than|over)\s+)?$", re.IGNORECASE)
# a determiner opening a verb's object; not the lexicon's "determiners", whose "that" / "these" open
# relative clauses and noun phrases as often ("two mass shootings that occurred")
_DETERMINER_NEXT = re.compile(r"\s+(?:the|a|an|any|its|their|his|her)\s", re.IGNORECASE)


# "was shot", "had been shot", "shot him", "shot the teenager": a person hit, before "N times"
_SHOT_PERSON = re.compile(r"\b(?:(?:was|were|been|being|is|are|got|get)\s+shot|shot\s+(?:him|her|them|the\s+\w+))\s+$",
                          re.IGNORECASE)


@lru_cache(maxsize=1)
def _exclusive_classes() -> frozenset[str]:
    return frozenset(lexicon().get("exclusive_predicates", ()))


@lru_cache(maxsize=1)
def _address_words() -> frozenset[str]:
    return frozenset(lexicon()["ordinal_address_words"])


@lru_cache(maxsize=1)
def _ordinal_pattern() -> re.Pattern[str]:
    words = list(lexicon()["ordinal_words"]) + ["first"]
    return re.compile(rf"\b(?:(\d{{1,3}})(?:st|nd|rd|th)|({_alt(words)}))(?=[-\s][a-z])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _first_nouns() -> frozenset[str]:
    return frozenset(lexicon().get("first_ordinal_nouns", ()))


def _ordinals(article: Article, text: str, rules: _Rules, predicates: list[tuple[int, int, str, bool]],
              taken: set[tuple[int, int]]) -> list[FigureReport]:
    """Ordinals followed by a noun: "his 19th season" (19 seasons), "the second floor", "an eighth-round
    decision".  Dates ("June 19th", "the 19th of May") and ordinals naming no noun are skipped."""
    out = []
    words = lexicon()["ordinal_words"]
    for m in _ordinal_pattern().finditer(text):
        prev = re.search(r"([A-Za-z]+)\.?\s*$", text[max(0, m.start() - 12) : m.start()])
        if prev and (prev.group(1).lower() in rules.months or prev.group(1).lower() in rules.weekdays):
            continue
        if not text[m.end() + 1].islower():
            continue  # "117th Street", "Second World War": part of a name
        if m.group(2) and prev and text.startswith(" of ", m.end()) and (
                prev.group(1).lower() in ("a", "an") or prev.group(1).lower() in rules.units_words):
            continue  # "a third of the year", "one fifth of the vote": a share, not a rank
        value = float(m.group(1)) if m.group(1) else float(words.get(m.group(2).lower(), 1))
        if value >= 2 and (om := _ordinal_occasion().match(text, m.end())):
            # "the third time since 1996": the third of its occasions, a count like "three times";
            # "the team's eighth in 10 games", "his third this year": one more of a count the sentence names
            span = (m.start(), m.end()) if om.group("time") else (m.start(), om.end())
            if not any(a < span[1] and span[0] < b for a, b in taken if (a, b) != (om.start("whole"), om.end())):
                unit = counted = "times" if om.group("time") else None
                if om.group("noun"):
                    counted = om.group("noun").lower()
                end = m.end() + len(om.group("time") or "") + (1 if om.group("time") else 0)
                found = _Found(m.start(), max(end, span[1]), m.start(), m.end(), value, value, value, "ordinal", unit,
                               counted)
                out.append(_to_report(article, text, found, rules, predicates))
            continue
        head, end = _counted_noun(text, m.end() + (1 if text[m.end()] == "-" else 0), rules)
        if head is None or head.lower() in rules.months or head.lower() in _address_words():
            continue
        nxt = rules.word.match(text, m.end() + 1)
        if value < 2:
            # "first" counts nothing ("first time", "first half") except a rank among places ("first floor")
            if nxt is None or nxt.group().lower().split("-")[0] not in _first_nouns():
                continue
            head, end = nxt.group().split("-")[0], nxt.end()
        if text[m.end()] == "-" and nxt is not None and nxt.group().lower().split("-")[0] in _first_nouns():
            head = nxt.group().split("-")[0]  # "the second-floor office" ranks a floor, as "the second floor" does
        # the ordinal is part of a figure read already ("the 2nd-and-10"), or ranks within one ("second of six
        # children"); a figure inside its noun phrase ("his second one-year contract") is no obstacle
        ranked = text.startswith(" of ", m.end())
        if any(a < (end if ranked else m.end()) and m.start() < b for a, b in taken):
            continue
        found = _Found(m.start(), end, m.start(), m.end(), value, value, value, "ordinal", None, head.lower())
        out.append(_to_report(article, text, found, rules, predicates))
    return out


@lru_cache(maxsize=1)
def _ordinal_occasion() -> re.Pattern[str]:
    """What may follow an ordinal that counts within a span: "time since 1996" / "time in five years" (an
    occasion; a bare "the second time" counts nothing), "in 10 games" / "in a decade", "this year"."""
    lx = lexicon()
    spans = _alt(lx["ordinal_span_nouns"])
    numbers = _alt([w for w in lx["units_words"] if w != "zero"] + ["a"])
    return re.compile(
        r"\s(?P<time>time)(?=\s(?:since\s(?:\d{4}\b|the\b)"
        rf"|in\s(?:\d{{1,3}}|the\s(?:last|past)|{numbers})\s|this\s|(?:in\s)?(?:his|her|their|its)\s(?:career|life)\b))"
        rf"|\s(?:in|of)\s(?:(?:the|its|their|his|her)\s)?(?:(?:last|past|next|first)\s)?(?P<whole>\d{{1,3}}|{numbers})"
        rf"\s(?P<noun>{spans})\b"
        r"|\s(?:this|that|last|of\sthe)\s(?:year|season|month|week)\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _both_pattern() -> re.Pattern[str]:
    """A verb of what befalls people ("killing", "wounded") with "both" as its whole object."""
    rules = _rules()
    exclusive = _exclusive_classes()
    verbs = [w for w, cls in rules.predicate_of.items() if cls in exclusive and w.isalpha() and _is_verb(w, rules)]
    return re.compile(rf"\b({_alt(verbs)})\s+(both)(?:\s+of\s+them)?(?=\s*(?:[,.;:)]|$)|\s+(?:and|in|at|on|before|after|as)\b)",
                      re.IGNORECASE)


_PERCENT_CHANGE = re.compile(r"\s*(?:(?:%|pc\b|per\s*cent\b|percent\b)\s*)?(higher|lower|more|less|greater|fewer|bigger|smaller|"
                             r"cheaper|dearer|faster|slower)\b", re.IGNORECASE)
_LESS = frozenset({"lower", "less", "fewer", "smaller", "cheaper", "slower"})


def _to_report(article: Article, text: str, f: _Found, rules: _Rules,
               predicates: list[tuple[int, int, str, bool]]) -> FigureReport:
    sentence = article.sentence_at(f.num_start) if article.sentences else None
    noun = (f.counted or "").lower()
    befell = rules.predicate_of.get(noun) if noun and not _is_verb(noun, rules) else None
    before = re.search(r"([A-Za-z]+)\s+$", text[max(0, f.start - 25) : f.start])
    if f.counted == "age":
        predicate = "aged"
    elif befell in _exclusive_classes() and not (before and before.group(1).lower() in rules.predicate_of
                                                  and _is_verb(before.group(1).lower(), rules)):
        predicate = befell  # the noun says what befell ("no injuries", "46 arrests"), unless a verb governs it
    else:
        predicate = _predicate(text, f, article, sentence, predicates)
    if predicate in _exclusive_classes() and f.unit:
        # what befalls people is counted in people: "jailed for 12 years" is a term, "released $250
        # million" no rescue
        if f.unit.split()[-1] in _TIME_UNITS and any(
                w.lower() in _sentence_words() for w in re.findall(r"[A-Za-z]+", text[max(0, f.start - 40) : f.start])):
            predicate = "sentenced"
        elif f.unit.split()[-1] in currency_codes():
            predicate = None
    if predicate == "fired" and (f.counted or "").lower() == "times" and _SHOT_PERSON.search(
            text, max(0, f.start - 30), f.start):
        predicate = "struck"  # "he was shot 11 times", "shot him eleven times": the hits, not the shots fired
    elif predicate == "served" and any(w.lower() in _sentence_words() for w in re.findall(
            r"[A-Za-z]+", text[max(f.start - 12, 0) : f.end])) and not re.search(
            r"\bof\s+(?:his|her|their|its|the|a)\s", text[f.num_end : f.end]):  # "five years of his sentence"
        # "is serving a ten-year sentence": the term, of which little may be served yet; "served a
        # five-year sentence" is the term and the time served alike
        serving = re.search(r"\bserving\b", text[max(0, f.start - 30) : f.start], re.IGNORECASE)
        predicate = "sentenced" if serving else None
    if predicate in _people_fates() and (f.counted or "").lower() in _thing_nouns():
        predicate = None  # "which of the six bullets proved fatal": the bullets did not die
    if f.counted in _child_nouns() and _parent_of(text, f.num_start):
        predicate = None  # "a mother of two died": the parent died, not the children
    if re.search(r"\bhome\s+to\s+$", text[max(0, f.start - 12) : f.start]):
        predicate = None  # "the town, home to some 18,000 people": who lives there, whatever the next clause says
    if predicate in _exclusive_classes() and re.match(r"[\s\w-]{0,12}?\baway\b", text[f.end : f.end + 16]):
        predicate = None  # "fled into a house three doors away": a distance, not a count of the displaced
    if predicate == "paid" and f.unit and f.unit.split()[-1] in _TIME_UNITS and before \
            and before.group(1).lower() in _spend_words():
        predicate = None  # "spent ten days in hospital" is a stay, not a payment
    start, end = f.start, f.end
    counted = "houses" if (f.counted or "").lower() in ("doors", "door") and _DOORS_AWAY.match(text, f.end) else f.counted
    if (counted or "").lower() in _SUPPLY_HOMES and (
            _OFF_SUPPLY_AFTER.match(text, f.end) or _OFF_SUPPLY_BEFORE.search(text, max(0, f.num_start - 60), f.num_start)):
        counted = "households"
    if f.unit is None and (counted is None or " of " in text[f.num_end : f.end]):
        # a bare share ("Seventeen") needs its of-phrase next; a span that holds it ("Three of the seven
        # people") goes on to the verb ("who died were young children")
        named = _PART_NAMED_AFTER.match(text, f.end)
        if named and (named.group(1) is not None) == (counted is None):
            counted = next((w for w in named.group(2, 3) if w in _people_nouns()), counted)
    change = _PERCENT_CHANGE.match(text, f.num_end) if f.unit == "percent" else None
    if change:
        # "2.3pc higher than this year", "one per cent more": a change by a share, not a share of something
        counted, end = None, change.end()
        predicate = "fell" if change.group(1).lower() in _LESS else "rose"
    while end > start and text[end - 1] in " ,;:-":
        end -= 1
    return FigureReport(
        article_id=article.id,
        start=start,
        end=end,
        text=text[start:end],
        value=f.value,
        low=f.low,
        high=f.high,
        qualifier=f.qualifier,
        unit=f.unit,
        # "three doors away", "two doors down": houses counted as a distance along a street
        counted=counted,
        predicate=predicate,
        sentence=sentence,
    )


def _predicate(text: str, f: _Found, article: Article, sentence: int | None,
               predicates: list[tuple[int, int, str, bool]]) -> str | None:
    """The nearest verb-like word of a known class in the figure's clause ("injured", "killed", "deployed")."""
    if sentence is not None:
        s = article.sentences[sentence]
        lo, hi = s.start, s.end
    else:
        lo, hi = 0, len(text)
    lo = max(lo, f.start - 90)
    hi = min(hi, f.end + 70)
    best: tuple[int, str, int, int] | None = None  # (distance, class, verb start, verb end)
    found: list[tuple[int, int, int, str]] = []
    k = bisect.bisect_left(predicates, (lo, -1, "", False))
    while k < len(predicates) and predicates[k][0] < hi:
        ws, we, cls, verb = predicates[k]
        k += 1
        if we > hi or (cls == "aged" and f.counted != "age"):
            continue  # "aged" belongs to ages only: "an 18-year-old war ... 100 vessels" says no vessel's age
        if cls == "struck" and (f.counted or "").lower() not in _shot_nouns():
            continue  # "hit" counts shots that hit someone, not "the storm hit 3 towns"
        if re.search(r"\b(?:their|his|her|our|my|your)\s+$", text[max(0, ws - 8) : ws]) and \
                text[ws:we].lower() in ("lives", "life"):
            continue  # "ran for their lives", "fear for his life": no one died
        if f.start <= ws and we <= f.num_start:
            dist = -100  # the figure's own verb ("killing one", "injuring 80") is its predicate
        elif f.start <= ws < f.num_end:
            continue
        elif we <= f.start:
            between = text[we : f.start]
            dist = len(between) + 8
            if verb and not between.strip():
                dist = -50  # the verb right before the number governs it ("killing 10 people and injuring 80")
            if ";" in between or " but " in between:
                dist += 60
            if _clause_verb(between, _rules()):
                continue  # "42 were killed, and rescuers pulled 37 people out": another clause, another verb
            if between.strip() and _OWN_CLAUSE.match(text, f.end):
                continue  # "... were held there, and that 31 officers were on duty": the figure opens its own clause
        else:
            between = text[f.end : ws] if ws >= f.end else ""
            dist = len(between)
            if ";" in between or "," in between:
                dist += 40
            elif _SUBJECT_OF.match(between) or _WITH_STATE.match(between):
                # the figure is the subject of its own clause: "another 25 are still listed as missing";
                # or its state follows it: "four (of them) with serious injuries", "two in critical condition"
                dist = -40
        dist += 0 if verb else 30
        found.append((dist, ws, we, cls))
        if best is None or dist < best[0]:
            best = (dist, cls, ws, we)
    if best and best[1] in _change_classes():
        # "the death toll has risen to 15": a change verb before "to N" says how a count moved; what
        # it counts is named before the verb (the toll, the number of dead)
        _, _, verb_at, verb_end = best
        if re.fullmatch(r"\s+(?:to|at)\s+", text[verb_end : f.start]):
            subject = [(cls in _exclusive_classes(), we, cls) for dist, ws, we, cls in found
                       if we <= verb_at and cls not in _change_classes()]
            if subject:
                return max(subject)[2]  # what befell people first ("the death toll from the quake")
    return best[1] if best else None


# a figure followed by its own finite verb is the subject of its own clause: "31 officers were on duty"
_OWN_CLAUSE = re.compile(r"\s+(?:were|are|was|is|remain|remained|remains|had|have|has)\b")
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|as|whereas)\s+")
# a figure followed by its clause's verb: "25 are still listed as", "12 were later", "40 remain"
_WITH_STATE = re.compile(r"(?:\s+of\s+(?:them|those|whom))?\s+(?:with|in)\s+(?:an?\s+)?$")
# (after a part of a count too: "14 of the injured are seriously hurt" are the seriously hurt)
# (and after a modal: "201 votes would have been necessary" are the votes needed)
_SUBJECT_OF = re.compile(r"(?:\s+of\s+(?:the|those|them)(?:\s+[a-z]+)?)?(?:\s+(?:would|will|could|might|should|must))?"
                         r"\s+(?:are|were|is|was|have|has|had|remain|remained|be)\b(?:\s+[a-z]+){0,3}?\s*$")


def _clause_verb(between: str, rules: _Rules) -> bool:
    """Whether a new clause opens in ``between`` (", and", ", while" ...) with a verb of its own."""
    parts = _CLAUSE_BREAK.split(between)
    return len(parts) > 1 and any(w in rules.verbs or (_is_verb(w, rules) and w not in rules.predicate_of)
               for w in re.findall(r"[a-z]+", parts[-1].lower()))


@lru_cache(maxsize=1)
def _person_of() -> re.Pattern[str]:
    """Before an age given as "a girl of 9 years", "the driver of 58 years": a person noun, then "of"."""
    nouns = _alt(lexicon()["person_nouns"])
    return re.compile(rf"\b(?:an?|the)\s+(?:[a-z]+\s+)?(?:{nouns})\s+of\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _person_apposition() -> re.Pattern[str]:
    """Before an age set off by commas after a person named by a noun: "a woman, 71,", "the driver, 58,";
    or shared by two people: "Gary and Linda Moss, both 64,"."""
    nouns = _alt(lexicon()["person_nouns"])
    return re.compile(rf"\b(?:an?|the|one|another)\s+(?:[a-z]+\s+)?(?:{nouns}),\s$|,\s+both\s$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _spend_words() -> frozenset[str]:
    return frozenset(lexicon().get("spend_words", ()))


@lru_cache(maxsize=1)
def _change_classes() -> frozenset[str]:
    return frozenset(lexicon().get("change_predicates", ()))
