"""Loads the date grammar (``data/dates/patterns.txt``) and word lists (``data/dates/lexicon.json``).

The rules are data; this module only expands their placeholders into compiled
regular expressions, once per process.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Grammar", "grammar", "number_value"]


@dataclass(frozen=True)
class Grammar:
    """The compiled rules and the word tables their resolvers read."""

    rules: tuple[
        tuple[str, frozenset[str], re.Pattern[str]], ...
    ]  # (name, keyword classes, pattern for lower-cased text)
    keywords: Any  # ahocorasick.Automaton of the words every date phrase contains one of
    digits: re.Pattern[str]  # the digit shapes that can start a date phrase without a keyword
    lexicon: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    holidays: dict[str, dict]
    modifier: re.Pattern[str]
    modifiers: dict[str, str]
    count_modifiers: frozenset[str]
    future_cues: frozenset[str]
    future_participles: frozenset[str]
    weak_future_cues: frozenset[str]
    intent_verbs: frozenset[str]
    present_be: frozenset[str]
    weekday_name_prefixes: frozenset[str]
    generic_after_today: frozenset[str]
    past_cues: frozenset[str]
    not_past_ed: frozenset[str]
    month_cues: frozenset[str]
    ambiguous_months: frozenset[str]
    count_nouns: frozenset[str]
    caption_cues: tuple[str, ...]
    past_events: frozenset[str]
    year_cues: frozenset[str]
    link_words: frozenset[str]
    count_prefixes: frozenset[str]
    set_words: frozenset[str]
    modals: frozenset[str]
    sports_cues: frozenset[str]
    holiday_cues: frozenset[str]


def _alt(words: list[str]) -> str:
    """An alternation of literal words, longest first, spaces matching any whitespace."""
    parts = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+") for w in parts)


_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]


def _placeholders(lex: dict[str, Any]) -> dict[str, str]:
    month_words = list(lex["months"])
    abbr = [f"{a}\\." for a in lex["month_abbreviations"]] + [a for a in lex["month_abbreviations"] if len(a) >= 3]
    months_any = "|".join(sorted(abbr, key=len, reverse=True))
    tens_units = f"(?:{'|'.join(_TENS)})(?:[\\s-](?:{'|'.join(_UNITS)}))?"
    number_words = _alt([w for w in lex["numbers"]]) + "|" + tens_units
    spoken = (
        f"(?:nineteen|eighteen|twenty)[\\s-]+(?:hundred|{'|'.join(_TEENS)}|{tens_units}|o[\\s-]+(?:{'|'.join(_UNITS)}))"
        f"|two\\s+thousand(?:\\s+and)?(?:[\\s-]+(?:{'|'.join(_TEENS)}|{tens_units}|{'|'.join(_UNITS)}))?"
    )
    day_suffix = r"(?:st|nd|rd|th)?"
    day = r"3[01]|[12]\d|0?[1-9]"
    return {
        "MONTH": f"(?P<month>(?:{_alt(month_words)}|{months_any})(?![\\w]))",
        "MONTHFULL": f"(?P<month>(?:{_alt(month_words)})(?![\\w]))",
        "WD": f"(?P<wd>(?:{_alt(list(lex['weekdays']))}))(?![\\w])",
        "DAY": f"(?P<day>{day}){day_suffix}(?![\\d]|[:.]\\d)",  # not a clock time: "4 November 02:00"
        "DAY2": f"(?P<day2>{day}){day_suffix}(?![\\d]|[:.]\\d)",
        "DAYWORD": f"(?P<dayword>{_alt(list(lex['ordinals']))})(?![\\w-])",
        "YEAR": r"(?P<year>(?:1[5-9]|20)\d\d)(?![\d])",
        "YEAR2": r"(?P<year2>(?:1[5-9]|20)\d\d)(?![\d])",
        "SPOKENYEAR": f"(?P<spoken>{spoken})(?![\\w-])",
        "NUM": f"(?:\\d+(?:\\.\\d+)?|{number_words})",
        "UNIT": f"(?P<unit>{_alt(list(lex['units']))})",
        "QORD": f"(?P<q>{_alt(list(lex['quarter_ordinals']))})",
        "HORD": f"(?P<h>{_alt(list(lex['half_ordinals']))})",
        "POD": f"(?P<pod>{_alt(lex['parts_of_day'])})(?![\\w])",
        "HOLIDAY": f"(?P<holiday>{_alt(list(lex['holidays']))})(?![\\w])",
        "SEASON": f"(?P<season>{_alt(list(lex['seasons']))})(?![\\w-])",
        "EVENT": f"(?P<event>{_alt(list(lex['event_nouns']) + lex['generic_event_nouns'])})(?![\\w-])",
        "EVENTEND": f"(?=\\s*(?:[^\\w\\s]|$)|\\s+(?:{_alt(lex['event_followers'])})(?![\\w-]))",
        "POSS": r"(?P<poss>'s|’s)",
    }


def _load_rules(text: str, ph: dict[str, str]) -> tuple[tuple[str, frozenset[str], re.Pattern[str]], ...]:
    """Rules compiled for lower-cased text (matching without IGNORECASE is several times faster)."""
    rules = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, _, template = line.partition(" = ")
        name, _, classes = head.partition("[")
        body = re.sub(r"(?<!\?P)<([A-Z0-9]+)>", lambda m: ph[m.group(1)], template.strip())
        body = body.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
        rules.append((name.strip(), frozenset(classes.rstrip("] ").split()), re.compile(r"(?<![\w])(?:" + body + ")")))
    return tuple(rules)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The grammar, compiled on first use."""
    base = resources.files("crossread").joinpath("data/dates")
    lex = json.loads(base.joinpath("lexicon.json").read_text(encoding="utf-8"))
    ph = _placeholders(lex)
    rules = _load_rules(base.joinpath("patterns.txt").read_text(encoding="utf-8"), ph)
    # First pass: every date phrase holds one of these words (or a digit shape below); the rules then
    # run only in windows around them.
    import ahocorasick  # C automaton: finds all keywords in one pass over the text

    classes = {
        "month": list(lex["months"]) + list(lex["month_abbreviations"]),
        "weekday": list(lex["weekdays"]),
        "unit": list(lex["units"]) + ["weekend", "period", "half"],
        "deictic": ["today", "tonight", "yesterday", "tomorrow"] + lex["parts_of_day"],
        "holiday": [h.split()[0] for h in lex["holidays"]] + [h.split()[0] for h in lex["holiday_weeks"]],
        "spoken": ["nineteen", "eighteen", "twenty", "thousand"],
        "fy": ["fy"],
        "season": list(lex["seasons"]),
        "event": list(lex["event_nouns"]) + lex["generic_event_nouns"],
    }
    keywords = ahocorasick.Automaton()
    for cls, words in classes.items():
        for word in words:
            word = word.lower()
            old = keywords.get(word, None)
            keywords.add_word(word, (len(word), (old[1] if old else frozenset()) | {cls}))
    keywords.make_automaton()
    digits = re.compile(r"(?:1[5-9]|20)\d\d|\d{1,2}[/.]\d{1,2}[/.]\d\d|['’]\d0s|q[1-4]|h[12]")
    mods = lex["modifiers"]
    modifier = re.compile(
        r"(?:^|(?<=[^\w-]))(?P<mod>" + _alt(list(mods) + lex["count_modifiers"]) + r")(?:\s+|-|\s*-\s*)$", re.IGNORECASE
    )
    months = {**lex["months"], **lex["month_abbreviations"]}
    return Grammar(
        rules=rules,
        keywords=keywords,
        digits=digits,
        lexicon=lex,
        months=months,
        weekdays={**lex["weekdays"], **lex["weekday_abbreviations"]},
        numbers={k: float(v) for k, v in lex["numbers"].items()},
        ordinals=lex["ordinals"],
        holidays=lex["holidays"],
        modifier=modifier,
        modifiers=mods,
        count_modifiers=frozenset(lex["count_modifiers"]),
        future_cues=frozenset(lex["future_cues"]),
        future_participles=frozenset(lex["future_participles"]),
        weak_future_cues=frozenset(lex["weak_future_cues"]),
        intent_verbs=frozenset(lex["intent_verbs"]),
        present_be=frozenset(lex["present_be"]),
        weekday_name_prefixes=frozenset(lex["weekday_name_prefixes"]),
        generic_after_today=frozenset(lex["generic_after_today"]),
        past_cues=frozenset(lex["past_cues"]),
        not_past_ed=frozenset(lex["not_past_ed"]),
        month_cues=frozenset(lex["month_cues"]),
        ambiguous_months=frozenset(lex["ambiguous_months"]),
        count_nouns=frozenset(lex["count_nouns"]),
        caption_cues=tuple(lex["caption_cues"]),
        past_events=frozenset(lex["past_events"]),
        year_cues=frozenset(lex["year_cues"]),
        link_words=frozenset(lex["link_words"]),
        count_prefixes=frozenset(lex["count_prefixes"]),
        set_words=frozenset(lex["set_words"]),
        modals=frozenset(lex["modals"]),
        sports_cues=frozenset(lex["sports_cues"]),
        holiday_cues=frozenset(lex["holiday_cues"]),
    )


_NUM_WORD = (
    {w: i for i, w in enumerate(_UNITS, 1)}
    | {w: 10 + i for i, w in enumerate(_TEENS)}
    | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
)


def number_value(text: str, numbers: dict[str, float]) -> float | None:
    """The value of a count written in digits or words ("3", "three", "twenty-four", "a couple of")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    try:
        return float(t)
    except ValueError:
        pass
    if t in numbers:
        return numbers[t]
    parts = re.split(r"[\s-]+", t)
    if parts and all(p in _NUM_WORD for p in parts):
        return float(sum(_NUM_WORD[p] for p in parts))
    return None


def spoken_year(text: str) -> int | None:
    """'nineteen ninety-six' → 1996, 'two thousand and one' → 2001, 'nineteen o five' → 1905."""
    parts = [p for p in re.split(r"[\s-]+", text.strip().lower()) if p and p != "and"]
    if len(parts) >= 2 and parts[0] == "two" and parts[1] == "thousand":
        rest = parts[2:]
        return 2000 + (sum(_NUM_WORD.get(p, 0) for p in rest) if rest else 0)
    if not parts or parts[0] not in ("eighteen", "nineteen", "twenty"):
        return None
    century = _NUM_WORD[parts[0]] * 100
    rest = [p for p in parts[1:] if p != "o"]
    if rest == ["hundred"]:
        return century
    if not rest or any(p not in _NUM_WORD for p in rest):
        return None
    return century + sum(_NUM_WORD[p] for p in rest)
