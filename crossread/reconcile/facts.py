"""Align figure reports across sources into facts, each with a verdict: agree, conflict or single.

Two reports belong to one fact when they count the same kind of thing (the counted noun, through
the classes of ``data/figures/lexicon.json``: peacekeepers = troops = soldiers), under the same
predicate (injured = wounded = hurt), in similar words (TF-IDF cosine of the words around the
number, names weighted up), with compatible units.  A matching value is supporting evidence only:
it does not join reports whose nouns differ, and reports in one sentence with different values are
always different quantities, as are counts of people under different fates ("12 arrested" /
"12 injured", the verb read right at the figure), and "420 passengers and crew" counts another
thing than "246 passengers".  Reports are clustered by average linkage over that similarity
(scipy), so a fact is a group whose members are similar on average, not a chain; a second pass
joins groups that read alike but state different values, the shape of a disputed figure.  A third
pass works on the structure of a story instead of wording: a story is one event, so groups that
measure the same dimension (same counted kind and predicate, or the same unit), from different
articles, about no different named subject, with values within a factor of two, are one quantity
reported differently: "5.9" from three outlets and "6.1" from two is one disputed magnitude (on a
logarithmic scale, values more than a point apart are two events: a 3.8 tremor is no disputed 6.4
quake).  An article with reports in both groups usually means two quantities, except when it
gives both sides itself: close values in two sentences ("an $82 million deal" ... "the $80
million offer"), or one sentence naming a source between them ("no injuries (the Post says three
people were injured)"); "none" against a small count of the same thing is a dispute too.  An
article that gives a count's earlier and current value ("41 in custody, up from 23") joins the
group of the earlier value, when another outlet gave it as current, to the group of the current
one: one count at two moments.
Two last passes tidy the groups: a report left alone joins the group it reads most like, when no
member names another thing and none comes from its article (a stricter bar when its value would
turn agreement into a dispute); and a group in which one article states two values that it does
not itself set against each other is two quantities mixed, split by value ("13 homers" for one
team, "33 homers" for the season).

The verdict comes from the interval each report allows (``facts_verdict``); a syndicated copy
counts once, unless another outlet ran it.  A conflict is "evolving" when the articles' dates
order the values and the count is one that grows while a story develops (a toll, arrests) or
three dated steps move one way; otherwise "contemporaneous".
"""
from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

from ..analyse.entities_lexicon import lexicon as speech_lexicon
from ..analyse.figures import abbreviates, currency_codes, lexicon, nested_in_another
from ..model import Article, ArticleAnalysis, Copy, Fact, FigureReport
from .facts_verdict import intervals_agree, physical_dimension, report_interval, unit_parts

if TYPE_CHECKING:
    import numpy as np  # imported where used, so the module loads fast

__all__ = ["group_facts", "FactWeights", "counted_kind", "readings"]


@dataclass(frozen=True, slots=True)
class FactWeights:
    """How the cues that two reports are one fact are weighed (tuned on ecbplus-dev, rounded).

    First pass: a pair's probability is ``sigmoid(bias + sum(weight * cue))`` (weights first fitted by
    logistic regression on gold pairs); reports cluster by average linkage while the average
    probability between two groups stays above ``threshold``.  Second pass: groups whose context
    centroids are close (cosine plus the ``merge_*`` bonuses above ``merge_threshold``) join even
    though their values differ: that is how a disputed count comes together.
    """

    # first pass: pairs of reports
    bias: float = -4.8
    context: float = 5.0  # tf-idf cosine of the words around the two numbers
    same_value: float = 5.4
    close_value: float = 1.5  # different but within a third of each other (a conflict looks like this)
    compatible: float = 0.85  # one value can satisfy both
    same_article: float = -3.9  # an article rarely states one quantity twice with different words
    other_counted: float = -2.5  # both nouns known and different (after the synonym classes)
    other_class: float = -1.75  # both nouns in known classes that differ (people / weapons)
    no_counted: float = 0.7  # neither names what it counts
    noun_in_context: float = 0.75  # one's counted noun appears near the other
    same_predicate: float = 0.7
    other_predicate: float = -0.15
    same_dimension: float = 0.65
    missing_dimension: float = -0.2  # one has a unit, the other none
    other_rate: float = -1.0  # "$23 million per season" against "$184 million" (or per month)
    same_subject: float = 0.0  # the nearest name is the same ("Orozco, 27" / "Orozco, 29")
    other_subject: float = -0.6
    other_subject_personal: float = -2.0  # ages and records of two different names
    class_clash: bool = False  # two known kinds of thing (people / weapons) never one fact (tried: +precision, -recall)
    exclusive_predicates: bool = True  # "12 arrested" and "12 injured" are never one fact
    record_clash: bool = True  # parts of two different sports records ("45-7-2", "14-13-2") never join
    threshold: float = 0.5
    window: int = 80  # characters of context each side of the figure
    prefix: int = 6  # context words are cut to this many letters (a cheap stemmer)
    # second pass: groups of reports
    merge_threshold: float = 0.7
    merge_window: int = 80  # characters of context each side for the groups' centroids
    merge_same_counted: float = 0.1
    merge_same_predicate: float = 0.1
    merge_same_dimension: float = 0.1  # both carry the same unit (years, km, USD, age...)
    merge_same_value: float = 0.15  # the first pass kept them apart on context only
    merge_close: float = 0.1  # the two groups' values lie within a third of each other
    merge_far: float = 0.0  # values far apart (kept neutral: tuning found no gain)
    merge_all_three: float = 0.1  # same noun class, same predicate and close values
    merge_outlier: float = 0.1  # a small group from other articles joining a large one (one odd outlet)
    merge_shared_articles: float = 0.5  # at most this share of the smaller group's articles in common
    # third pass: one dimension of the story (same counted thing, predicate and unit) is one fact
    dimension_merge: bool = True
    dimension_ratio: float = 2.0  # the two groups' values within this factor of each other
    dimension_shared: float = 0.0  # at most this share of the smaller group's articles in common
    # ... not counting an article that states both values in different sentences when the values
    # are close (within this share): "an $82 million deal" ... "the $80 million offer"; nor one
    # that gives both in one sentence with a source named between them ("X said 5.9, but Y said 6.1")
    shared_close: float = 0.05
    subjects_shared_name: bool = True  # two subjects named, but the same name around both: one quantity
    shared_typical: bool = True  # an article in common counts only when typical of both groups
    dimension_middle: bool = True  # compare the groups' middle values, not their extremes (one stray value)
    zero_dispute: float = 10.0  # "no one was hurt" and a count of hurt up to this many: one disputed count
    attach_threshold: float = 0.15  # a lone report joins the group it is most like on average above this
    attach_conflict_threshold: float = 0.2  # ... above this when its value contradicts one of the group's
    # last pass: a fact in which one article states two different values is two quantities, split by value,
    # unless the article sets them against each other (a source named between them in one sentence)
    split_mixed: bool = True
    split_close: float = 0.05  # values within this share of each other are one value said twice
    vague_threshold: float = 0.0  # least first-pass probability for vague amounts to join a counted quantity
    log_scale_gap: float = 1.0  # a magnitude disputed by more than this is another quake, whatever the ratio


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PEOPLE_CLASSES = frozenset({"people", "troops"})  # classes of the lexicon's counted_classes that count people
_HARD = 10.0
_BARE_SHARE_CONTEXT = 0.1  # least context likeness of two percentages that name nothing they measure
_TRACE: list | None = None  # set to a list to record why groups stay apart (diagnostics)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    lx = lexicon()
    counted_class: dict[str, str] = {}
    for cls, words in lx["counted_classes"].items():
        for w in words:
            counted_class.setdefault(w, cls)
    stop = frozenset(lx["stop_words"]) | frozenset(lx["units_words"]) | frozenset(lx["tens_words"]) | {
        "hundred", "thousand", "million", "billion", "dozen", "dozens", "percent", "cent"}
    return counted_class, stop


def _stem(word: str) -> str:
    w = word.lower().strip("'’-")
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 2 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _counted_key(report: FigureReport, article: Article | None = None) -> tuple[str | None, bool]:
    """(class or stem of the counted noun, whether it is a known class); a capitalised head
    ("12 Somali", "11 Yemenis") counts people."""
    if report.counted is None:
        return None, False
    counted_class, _ = _tables()
    c = report.counted.lower()
    if c == "times":
        # "shot three times" is three shots; "arrested three times" three arrests, no shots
        occurrence = lexicon()["occurrence_classes"].get(report.predicate or "")
        return (occurrence, True) if occurrence else ("times", False)
    known = counted_class.get(c) or counted_class.get(c + "s")
    if known and article is not None and report.text.lower().endswith(c):
        # "420 passengers and crew" counts both kinds together, another quantity than "246 passengers"
        m = re.match(r" and ([a-z]+)\b", article.text[report.end : report.end + 30])
        also = m.group(1) if m else None
        modifiers = _word_set("noun_modifiers")
        if also and also not in modifiers and also[:-1] not in modifiers and also not in _exclusive() \
                and (counted_class.get(also) or counted_class.get(also + "s")):
            return f"{_stem(c)} and {_stem(also)}", True
    if known:
        return known, True
    if article is not None:
        at = article.text.find(report.counted[:1].upper() + report.counted[1:], report.start, report.end + 1)
        if at >= 0:
            return "people", True
    return _stem(c), False


def _short_forms(reports: list[FigureReport], keys: list[tuple[str | None, bool]]) -> list[tuple[str | None, bool]]:
    """A currency's short form glued to an amount ("Fl55m", counted "Fl") counts what the story's noun it
    abbreviates counts ("55 million florens"), not people (as a capitalised head would)."""
    glued = [k for k, r in enumerate(reports) if r.counted and r.counted[:1].isupper() and len(r.counted) <= 2
             and r.text.startswith(r.counted) and r.text[len(r.counted):len(r.counted) + 1].isdigit()]
    if not glued:
        return keys
    # what sums count, written out ("55 million florens"; those after a scale first; not "12 lorries")
    written = [r for k, r in enumerate(reports) if k not in glued and r.counted and len(r.counted) > 2
               and r.value is not None and r.value * unit_parts(r.unit)[0] >= 1000]
    nouns = [n for scaled in (True, False)
             for n in sorted({r.counted.lower() for r in written if (unit_parts(r.unit)[0] >= 1e6) == scaled})]
    out = list(keys)
    for k in glued:
        short = reports[k].counted
        noun = next((n for n in nouns if abbreviates(short, n)), None)
        out[k] = (_stem(noun), False) if noun else (short.lower(), False)
    return out


@lru_cache(maxsize=1)
def _people_roles() -> dict[str, str]:
    return {noun: role for role, nouns in lexicon()["people_roles"].items() for noun in nouns}


def _people_role(counted: str | None, text: str = "") -> str | None:
    """The role of the counted people ("workers", "rescuers"), or None for a generic noun ("people");
    a compound the report ends on names it first ("300 emergency workers" are rescuers)."""
    if not counted:
        return None
    roles = _people_roles()
    c = counted.lower()
    words = text.lower().split()
    if len(words) >= 2 and words[-1] == c and f"{words[-2]} {c}" in roles:
        return roles[f"{words[-2]} {c}"]
    return roles.get(c) or roles.get(c + "s")


def counted_kind(report: FigureReport) -> str | None:
    """What a report counts, as one key for synonyms: "troops" and "peacekeepers" share their class
    in the lexicon; other nouns compare by a crude singular ("rifles" = "rifle"); None when unnamed."""
    return _counted_key(report)[0]


def readings(reports: Sequence[FigureReport]) -> list[tuple[str, list[FigureReport]]]:
    """The distinct readings among reports (value, bounds, qualifier, unit), in first-seen order,
    each with its reports and one wording: the commonest, spelled as printed mid-sentence ("seven
    rifles", not a sentence's opening "Seven rifles"), so ten outlets' "seven AK-47s" / "seven
    AK-47 rifles" read as one figure (the brief and the reports show facts this way)."""
    groups: dict[tuple, list[FigureReport]] = {}
    for r in reports:
        key = (r.value, r.low, r.high, (r.qualifier or "").casefold(), (r.unit or "").casefold())
        groups.setdefault(key, []).append(r)
    out = []
    for group in groups.values():
        wordings = [" ".join(r.text.split()) for r in group]
        folded = Counter(w.casefold() for w in wordings)
        common = max(folded, key=folded.__getitem__)  # ties: the first seen
        spelled = sorted((w for w in wordings if w.casefold() == common), key=lambda w: w[:1].isupper())[0]
        out.append((spelled, group))
    return out


def _dimension(report: FigureReport) -> str | None:
    if report.counted == "age":
        # "who will turn 31 in May" is the age to come, another quantity than "Ferreira, 30"
        coming = _word_set("age_coming_words")
        return "age to come" if any(m.group().lower() in coming for m in _WORD.finditer(report.text)) else "age"
    if report.counted in ("wins", "losses", "draws", "winning score", "losing score", "score"):
        return "record"
    if report.unit == "times":
        return None
    dim = unit_parts(report.unit)[1]
    if dim and " per " in dim:
        dim = dim.split(" per ")[0]  # a rate and a total of one currency may be one figure said two ways
    return None if dim == "count" else dim


_NAME = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)?")


def _subject(article: Article | None, report: FigureReport, protagonist: str | None = None) -> str | None:
    """The name closest to the figure in its clause ("Orozco, 27", "the 16-year-old Kimani Gray");
    for an age with no name there, the person a "she" or "he" of the sentence stands for: the
    article's ``protagonist``."""
    if article is None:
        return None
    text = article.text
    lo, hi = max(0, report.start - 45), min(len(text), report.end + 30)
    if report.sentence is not None and 0 <= report.sentence < len(article.sentences):
        s = article.sentences[report.sentence]
        lo, hi = max(lo, s.start), min(hi, s.end)
    _, stop = _tables()
    if report.counted == "age" and report.text.lower().endswith("old"):
        # "the 16-year-old Kimani Gray": the person follows; "the 35-year-old deputy" names no one
        m = re.match(r"\s+(?:[A-Z][\w'’-]*\s+){0,2}?([A-Z][a-z]+(?:[-'’][A-Za-z]+)?)(?=[\s,.;)]|$)",
                     text[report.end : min(hi, report.end + 40)])
        first = re.match(r"\s+([a-z]+)", text[report.end : report.end + 20])
        return m.group(1) if m and not first else None
    best: tuple[int, str] | None = None
    for m in _NAME.finditer(text, lo, hi):
        if report.start <= m.start() < report.end:
            continue
        if (m.end() < len(text) and text[m.end()].isalpha()) or (m.start() > 0 and text[m.start() - 1].isalnum()):
            continue  # a piece of a word ("Su" of "Sunday" cut by the window, "Os" of "KOs") is no name
        w = m.group()
        if w.lower() in stop or w.lower() in _months():
            continue
        if _initial(text, m.start(), lo) and not re.match(r"(?:,|'s|’s|\s[A-Z(])", text[m.end() : m.end() + 3]):
            continue  # "The", "Officials" open sentences; "Orozco, 27" and "Varga (31-2)" still name someone
        gap = report.start - m.end() if m.end() <= report.start else m.start() - report.end
        if any(c in text[min(m.end(), report.end) : max(m.start(), report.start)] for c in ";:"):
            continue
        after = _WORD.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        if after and after.group().lower() in _word_set("attribution_words"):
            continue  # "the Post says", "Reuters reported": the source, not what the figure is about
        if best is None or gap < best[0]:
            best = (gap, w)
    if best is None and protagonist and report.counted == "age" and _PRONOUN.search(text, *_sentence_span(article, report)) \
            and not re.search(r"\bages\b", text[max(0, report.start - 20) : report.end]):
        return protagonist  # "two sons, ages 5 and 14" are several people, none of them "he"
    return best[1] if best else None


# a subject pronoun: "at 41, she quit" is her age; "his sons, ages 5 and 14" are not his
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def _protagonists(analyses: Sequence[ArticleAnalysis]) -> dict[str, str]:
    """Per article, the surname of the person it names most often: whom a "she" or "he" stands for
    when the figure's clause names no one (the simplest coreference that serves here; the nearest
    name before the pronoun is as often a spokesman quoted about the person)."""
    out: dict[str, str] = {}
    for an in analyses:
        people = [(-len(e.mentions), min(e.mentions, default=(0, 0)), e.name) for e in an.entities if e.type == "person"]
        if people:
            out[an.article_id] = min(people)[2].split()[-1]
    return out


_LIST_NOUN_BEFORE = re.compile(r"([a-z]+s)\W{1,3}(?:(?:aged?|ages)\s+)?$")
_LIST_NOUN_AFTER = re.compile(r"[\s-]+([a-z]+s)\b")


# young people by sex: "two boys, ages 5 and 14" are the "two sons, 5 and 14" of another outlet
_KIN = {"boys": "male", "sons": "male", "brothers": "male", "girls": "female", "daughters": "female", "sisters": "female"}


def _kin(noun: str) -> str:
    return _KIN.get(noun, noun)


def _age_lists(reports: list[FigureReport], articles: dict[str, Article]) -> dict[int, tuple[str, int, int]]:
    """Ages given as a list of several people ("two sons, ages 5 and 14", "7- and 11-year-old girls"):
    report index -> (the plural noun naming them, rank by age, length of the list).  Written by
    hand: what a list of ages stands for is a convention of news style no library reads."""
    out: dict[int, tuple[str, int, int]] = {}
    i, n = 0, len(reports)
    while i < n:
        j = i
        while j + 1 < n and reports[j + 1].counted == "age" == reports[i].counted \
                and reports[j + 1].article_id == reports[i].article_id and reports[j + 1].sentence == reports[i].sentence \
                and reports[j + 1].start - reports[j].end <= 3:
            j += 1
        article = articles.get(reports[i].article_id)
        if j > i and article is not None:
            text = article.text
            before = _LIST_NOUN_BEFORE.search(text, max(0, reports[i].start - 30), reports[i].start)
            after = _LIST_NOUN_AFTER.match(text, reports[j].end) if reports[j].text.endswith("old") else None
            noun = (after or before).group(1) if (after or before) else None
            if noun:
                members = sorted(range(i, j + 1), key=lambda k: (reports[k].value or 0, k))
                for rank, k in enumerate(members):
                    out[k] = (noun, rank, j - i + 1)
        i = j + 1
    return out


def _initial(text: str, pos: int, sentence_start: int) -> bool:
    """Whether the word at ``pos`` opens a sentence or a quotation (so its capital says nothing)."""
    if pos <= sentence_start:
        return True
    if text[pos - 1] in "\"“‘'(":
        return True
    i = pos
    while i > 0 and text[i - 1] == " ":
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n"


@lru_cache(maxsize=1)
def _exclusive() -> dict[str, str]:
    """Word -> class of the predicates that never share a count (killed / injured / arrested...)."""
    lx = lexicon()
    classes = set(lx.get("exclusive_predicates", ()))
    out: dict[str, str] = {}
    for cls, words in lx["predicates"].items():
        if cls in classes:
            for word in words:
                if " " not in word:
                    out.setdefault(word, cls)
    return out


_AUX = frozenset({"were", "was", "been", "had", "have", "has", "are", "is", "be", "being", "people", "others",
                  "more", "other", "also", "still", "and", "reportedly", "seriously", "critically", "slightly"})


# what ends a clause: punctuation, a dash, a line break ("Seven are dead\n- 60 injured": a list's items)
_CLAUSE_BREAK = re.compile(r"[,.;:()\"“”–—\n]|\s-\s")


def _near_predicate(article: Article | None, report: FigureReport) -> str | None:
    """The class of a killed / injured / arrested... word inside the figure or within a few words
    after it ("12 people were injured"), else None."""
    words = _exclusive()
    for m in _WORD.finditer(report.text):
        cls = words.get(m.group().lower())
        if cls:
            return cls
    if article is None:
        return None
    head = article.text[max(0, report.start - 30) : report.start]
    before, across_and = None, False
    for k, m in enumerate(reversed(list(_WORD.finditer(head)))):
        if k >= 2 or _CLAUSE_BREAK.search(head[m.end():]):
            break
        w = m.group().lower()
        if w in words:
            before = words[w]
            break
        if w not in _AUX:
            break
        across_and = across_and or w == "and"
    if before is not None and not across_and:
        return before
    # "nine persons died and 40 persons were wounded": a verb of its own after the figure wins
    # over the last clause's verb before "and"
    tail = article.text[report.end : report.end + 40]
    for k, m in enumerate(_WORD.finditer(tail)):
        if k >= 3 or _CLAUSE_BREAK.search(tail[: m.start()]):
            break
        w = m.group().lower()
        cls = words.get(w)
        if cls:
            return cls
        if w not in _AUX:
            break
    return before


@lru_cache(maxsize=None)
def _word_set(key: str) -> frozenset[str]:
    """A word list of ``data/figures/lexicon.json`` as a set: "attribution_words" (said, according...),
    "evolving_predicates" (counts that grow as a story develops), "determiners", "age_coming_words",
    "noun_modifiers", "log_scale_units"; the lexicon's own notes say what each is for."""
    return frozenset(lexicon().get(key, ()))


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    return frozenset(lexicon()["months"]) | frozenset(lexicon()["weekdays"])


def _context(article: Article | None, report: FigureReport, window: int, w_prefix: int = 64) -> list[tuple[str, float]]:
    """Weighted words around the figure in its sentence (names count double)."""
    if article is None:
        return []
    text = article.text
    lo, hi = max(0, report.start - window), min(len(text), report.end + window)
    if report.sentence is not None and 0 <= report.sentence < len(article.sentences):
        s = article.sentences[report.sentence]
        lo, hi = max(lo, s.start), min(hi, s.end)
    _, stop = _tables()
    out = []
    for m in _WORD.finditer(text, lo, hi):
        w = m.group()
        wl = w.lower()
        if wl in stop or len(wl) < 2:
            continue
        weight = 2.0 if (w[0].isupper() and not _initial(text, m.start(), lo)) else 1.0
        out.append((_stem(wl)[: w_prefix], weight))
    return out


def group_facts(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis],
                copies: Sequence[Copy] = (), *, weights: FactWeights | None = None) -> tuple[Fact, ...]:
    """Group the story's figure reports into facts; verdict agree / conflict / single.

    Args:
        articles: the story's cleaned articles.
        analyses: what was read from each (their ``figures`` are grouped).
        copies: syndicated copies in the story; a copy's reports do not count as a second source.
        weights: the similarity weights (defaults are tuned).

    Returns:
        Facts with ids "1", "2", ... in order of first report (article id, then offset).
    """
    w = weights or FactWeights()
    by_id = {a.id: a for a in articles}
    reports = sorted((r for an in analyses for r in an.figures), key=lambda r: (r.article_id, r.start, r.end))
    if not reports:
        return ()
    labels = _cluster(reports, by_id, w, _protagonists(analyses), _reported_speech(reports, analyses))
    groups: dict[int, list[FigureReport]] = {}
    for r, lab in zip(reports, labels):
        groups.setdefault(lab, []).append(r)
    original = _originals(copies)
    names = _named_subjects(analyses)
    facts = []
    for members in sorted(groups.values(), key=lambda g: (g[0].article_id, g[0].start)):
        facts.append(_make_fact(str(len(facts) + 1), _one_per_sentence(members), by_id, original, names))
    return tuple(facts)


def _reported_speech(reports: Sequence[FigureReport], analyses: Sequence[ArticleAnalysis]) -> list[int | None]:
    """Per report, where the reported speech it sits in starts, or None: a figure in someone's reported
    words ("the warden says the inmates had no more than ten minutes") is credited to them however far the
    verb of saying; so is one in a direct quotation when it counts something (not "ten, maybe 15 years down
    the road" in a manager's musings)."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for an in analyses:
        spans[an.article_id] = [(q.start, q.end, q.kind) for q in an.quotes if q.speaker]
    return [next((start for start, end, kind in spans.get(r.article_id, ()) if start <= r.start and r.end <= end
                  and (kind == "indirect" or r.counted is not None)), None)
            for r in reports]


def _named_subjects(analyses: Sequence[ArticleAnalysis]) -> dict[str, dict[str, str]]:
    """Per article, each word of a person's or organisation's name -> that entity's name, so a
    subject found next to a figure ("Orozco, 27") is labelled only when it is a name the article
    reads as one ("age of Jose Luis Orozco"), not a headline word ("Dies at 95")."""
    out: dict[str, dict[str, str]] = {}
    for an in analyses:
        words: dict[str, str] = {}
        for e in an.entities:
            if e.type in ("person", "organisation"):
                for alias in (e.name, *e.aliases):
                    for word in alias.split():
                        words.setdefault(word, e.name)
        out[an.article_id] = words
    return out


def _cluster(reports: list[FigureReport], articles: dict[str, Article], w: FactWeights,
             protagonists: dict[str, str] | None = None, reported_speech: list[int | None] | None = None) -> list[int]:
    """Cluster labels (one per report) by average linkage over the pairwise similarity."""
    n = len(reports)
    if n == 1:
        return [0]
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    f = _pair_features(reports, articles, w, protagonists or {})
    f["reported_speech"] = reported_speech or [None] * n
    logit = (w.bias + w.context * f["ctx"] + w.same_value * f["same_v"] + w.close_value * f["close"]
             + w.compatible * f["compat"] + w.same_article * f["same_art"] + w.other_counted * f["other_c"]
             + w.no_counted * f["none_c"] + w.noun_in_context * f["noun_in"] + w.same_predicate * f["same_p"]
             + w.other_predicate * f["other_p"] + w.same_dimension * f["same_d"]
             + w.missing_dimension * f["one_dim"] + w.other_class * f["other_class"]
             + w.same_subject * f["same_s"] + w.other_subject * f["other_s"] + w.other_rate * f["other_rate"])
    dist = 1.0 / (1.0 + np.exp(np.clip(logit, -50, 50)))
    dist[f["other_d"] | f["unit_vs_noun"]] = _HARD
    if w.exclusive_predicates:
        dist[f["pred_clash"]] = _HARD
    if w.class_clash:
        dist[f["other_class"]] = _HARD  # people are not weapons, ships are not buildings
    # one sentence or one article naming two different things: two quantities, whatever the numbers
    dist[f["same_art"] & f["other_c"]] = _HARD
    dist[f["record_clash"]] = _HARD if w.record_clash else dist[f["record_clash"]]
    # two people's ages or records are two quantities
    logit_personal = f["other_s"] & f["same_d"] & f["personal"][:, None]
    dist[logit_personal] = np.maximum(dist[logit_personal], 1.0 / (1.0 + np.exp(np.clip(
        logit[logit_personal] + w.other_subject_personal, -50, 50))))
    dist[f["same_sent"] & ~f["same_v"]] = _HARD
    dist[f["part_clash"] | f["role_clash"] | f["list_clash"]] = _HARD
    np.fill_diagonal(dist, 0.0)
    dist = (dist + dist.T) / 2
    f["dist"] = dist
    iu = np.triu_indices(n, 1)
    tree = linkage(dist[iu], method="average")
    labels = fcluster(tree, t=1.0 - w.threshold, criterion="distance")
    # what the second pass must respect: units and sports records (not "one sentence, two values":
    # an article may give both sides of a dispute in one sentence)
    f["cannot"] = f["other_d"] | f["unit_vs_noun"] | f["record_clash"] | f["part_clash"] | f["role_clash"] | f["list_clash"]
    if w.exclusive_predicates:
        f["cannot"] = f["cannot"] | f["pred_clash"]
    if w.class_clash:
        f["cannot"] = f["cannot"] | f["other_class"]
    f["evolution"] = _evolution_links(f)
    f["conversion"] = _conversion_links(reports, articles)
    f["conversion_pairs"] = {p for i, j in f["conversion"] for p in ((i, j), (j, i))}
    f["evolution_pairs"] = {p for i, j in f["evolution"] for p in ((i, j), (j, i))}
    f["evolution_of"] = dict(f["evolution"])  # earlier state -> the current value it led to
    # the second pass may join a sentence's two values only when it credits each to a source ("the
    # centre said 5.9, but the survey said 6.1"); "19 goals in 31 appearances, and 22 in all
    # competitions" gives three quantities
    two_values = f["same_sent"] & ~f["same_v"]
    for i, j in zip(*np.nonzero(np.triu(two_values, 1))):
        if _credited_between(f, int(i), int(j)):
            two_values[i, j] = two_values[j, i] = False
    f["two_values"] = two_values
    labels = _merge_conflicts([int(x) for x in labels], f, w)
    if w.dimension_merge:
        labels = _merge_dimensions(labels, f, w)
    if w.attach_threshold < 1.0:
        labels = _attach_singles(labels, f, w)
        labels = _attach_vague(labels, f, w)
    return _split_mixed(labels, f, w) if w.split_mixed else labels


def _merge_conflicts(labels: list[int], f: dict, w: FactWeights) -> list[int]:
    """Second pass: join groups that read alike but state different values (a conflict).

    Two groups merge when their context centroids are close, their units and nouns do not
    clash and they come from different articles: one article giving both values usually
    means two quantities (a 9-14 record has wins and losses), several disagreeing articles a conflict.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    order = sorted(set(labels))
    index = {lab: k for k, lab in enumerate(order)}
    members: list[list[int]] = [[] for _ in order]
    for i, lab in enumerate(labels):
        members[index[lab]].append(i)
    x = f["vectors"]
    m = len(members)
    rows = np.array([index[lab] for lab in labels])
    agg = csr_matrix((np.ones(len(labels)), (rows, np.arange(len(labels)))), shape=(m, len(labels))) @ x
    agg = agg.toarray() if hasattr(agg, "toarray") else np.asarray(agg)

    def norm(v: np.ndarray) -> np.ndarray:
        d = np.linalg.norm(v, axis=-1, keepdims=True)
        d[d == 0] = 1.0
        return v / d

    cent = norm(agg)
    base = f["base"]

    def middle(ix: list[int]) -> float:
        vals = sorted(v for v in base[ix].tolist() if v == v)
        return vals[len(vals) // 2] if vals else math.nan

    mids = [middle(ix) for ix in members]
    sets = [dict(articles=set(f["article"][ix].tolist()), dims=set(f["dim"][ix].tolist()) - {-1},
                 counted=set(f["counted"][ix].tolist()) - {-1},
                 subjects=set(f["subject"][ix].tolist()) - {-1},
                 personal=bool(f["personal"][ix].any()),
                 classes={c for c, k in zip(f["counted"][ix].tolist(), f["known"][ix].tolist()) if k and c >= 0}, preds=set(f["predicate"][ix].tolist()) - {-1},
                 idle_role=bool(f["idle_role"][ix].all()), fated=bool(f["fated"][ix].all()))
            for ix in members]
    alive = [True] * m
    # group-level "cannot": some pair across the two groups was ruled out by the first pass
    onehot = csr_matrix((np.ones(len(labels)), (rows, np.arange(len(labels)))), shape=(m, len(labels)))
    cannot = np.asarray((onehot @ csr_matrix((f["cannot"] | f["two_values"]).astype(np.float32)) @ onehot.T).todense()) > 0
    sim = cent @ cent.T
    np.fill_diagonal(sim, -1.0)

    def score(a: int, b: int) -> float:
        sa, sb = sets[a], sets[b]
        if sa["dims"] and sb["dims"] and not (sa["dims"] & sb["dims"]):
            return -1.0
        if not sa["dims"] or not sb["dims"]:
            if sa["dims"] or sb["dims"]:
                return -1.0
        if cannot[a, b]:
            return -1.0  # a pair the first pass ruled out (one sentence, two nouns, two records...)
        if (sa["personal"] or sb["personal"]) and not (sa["subjects"] & sb["subjects"]):
            return -1.0  # two ages or records join only when they name the same person
        if (sa["idle_role"] and sb["fated"]) or (sa["fated"] and sb["idle_role"]):
            return -1.0  # "NINE people are dead" is no account of "12 crew"
        shared = len(sa["articles"] & sb["articles"]) / min(len(sa["articles"]), len(sb["articles"]))
        if shared > w.merge_shared_articles:
            return -1.0
        s = float(sim[a, b])
        ma, mb = mids[a], mids[b]
        close = ma == ma and mb == mb and max(abs(ma), abs(mb)) > 0 and abs(ma - mb) / max(abs(ma), abs(mb)) < 0.35
        if ma == mb:
            s += w.merge_same_value
        elif close:
            s += w.merge_close
        elif ma == ma and mb == mb:
            s += w.merge_far  # far apart values are more often two quantities than a dispute
        if sa["dims"] and sb["dims"]:
            s += w.merge_same_dimension
        if sa["counted"] and sb["counted"]:
            s += w.merge_same_counted if sa["counted"] & sb["counted"] else -w.merge_same_counted
        if sa["preds"] and sb["preds"]:
            s += w.merge_same_predicate if sa["preds"] & sb["preds"] else -w.merge_same_predicate
        small, large = sorted((sa, sb), key=lambda x: len(x["articles"]))
        if close and len(small["articles"]) <= 2 and len(large["articles"]) >= 3 and not shared \
                and (sa["counted"] & sb["counted"] or not (sa["counted"] and sb["counted"])) \
                and (sa["preds"] & sb["preds"] or not (sa["preds"] and sb["preds"])):
            s += w.merge_outlier  # one outlet's odd number for a quantity the others agree on
        if (sa["classes"] & sb["classes"]) and (sa["preds"] & sb["preds"]) and close:
            s += w.merge_all_three  # same kind of thing, same predicate, near values: one disputed count
        return s

    floor = (w.merge_threshold - w.merge_same_counted - w.merge_same_predicate - w.merge_close
             - w.merge_same_dimension - w.merge_all_three - w.merge_same_value - w.merge_outlier)
    # best-first merging with a heap; a merge only changes the scores of pairs with the merged group
    version = [0] * m
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        sc = score(a, b)
        if sc > w.merge_threshold:
            heapq.heappush(heap, (-sc, a, b, version[a], version[b]))

    for a, b in np.argwhere(np.triu(sim > floor, 1)):
        push(int(a), int(b))
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != va or version[b] != vb:
            continue
        members[a].extend(members[b])
        alive[b] = False
        version[a] += 1
        sets[a]["personal"] = sets[a]["personal"] or sets[b]["personal"]
        for key in ("articles", "dims", "counted", "preds", "classes", "subjects"):
            sets[a][key] |= sets[b][key]
        sets[a]["idle_role"] = sets[a]["idle_role"] and sets[b]["idle_role"]
        sets[a]["fated"] = sets[a]["fated"] and sets[b]["fated"]
        cannot[a] |= cannot[b]
        cannot[:, a] = cannot[a]
        agg[a] += agg[b]
        mids[a] = middle(members[a])
        cent[a] = norm(agg[a:a + 1])[0]
        row = cent @ cent[a]
        sim[a, :] = row
        sim[:, a] = row
        sim[a, a] = -1.0
        sim[b, :] = -1.0
        sim[:, b] = -1.0
        for c in np.flatnonzero(sim[a] > floor):
            if alive[int(c)]:
                push(a, int(c))
    out = [0] * len(labels)
    for k, ix in enumerate(members):
        if alive[k]:
            for i in ix:
                out[i] = k
    return out


def _merge_dimensions(labels: list[int], f: dict, w: FactWeights) -> list[int]:
    """Third pass: within one story, groups measuring the same dimension are one fact.

    A story is one real-world event, so "people injured", "magnitude" or "USD paid" names one
    quantity whatever the values the outlets give: two groups join when they count the same thing
    under the same predicate (or carry the same unit), from different articles, with no different
    subject named, no pair ruled out by the first pass, and values within ``dimension_ratio`` of
    each other (a dispute rarely doubles a figure).
    """
    import numpy as np

    members = _members(labels)
    info = {lab: _group_summary(ix, f) for lab, ix in members.items()}
    cannot = f["cannot"]

    def apart(a: int, b: int) -> str | None:
        # names by two credited values are their sources ("port officials" / "the operator"), not subjects
        # (within the tenfold a crowd's two counts may differ by)
        ma, mb = set(members[a]), set(members[b])
        sourced = any(((i in ma and j in mb) or (i in mb and j in ma))
                      and _within(float(f["base"][i]), float(f["base"][j]), _CREDITED_RATIO) for i, j in credited)
        why = _dimension_apart(info[a], info[b], w, f, sourced=sourced)
        if why is None and (cannot[np.ix_(members[a], members[b])] & ~settled_state(a, b)).any():
            why = "ruled out by the first pass"
        return why

    evolution = f["evolution_of"]

    def settled_state(a: int, b: int) -> np.ndarray:
        # "about 5,600 have now joined, up from 5,100": an earlier state in one group with the current
        # value it led to is that count's past; it rules out no rival account of the count
        # (the union's "more than 8,400") in another group
        ma, mb = members[a], members[b]
        settled = np.zeros((len(ma), len(mb)), dtype=bool)
        for x, i in enumerate(ma):
            if evolution.get(i) in ma:
                settled[x, :] = f["state_clash"][i, mb]
        for y, j in enumerate(mb):
            if evolution.get(j) in mb:
                settled[:, y] |= f["state_clash"][ma, j]
        return settled & ~(f["cannot"][np.ix_(ma, mb)] & ~f["state_clash"][np.ix_(ma, mb)])

    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i in range(len(labels)):
        by_sentence.setdefault((int(f["article"][i]), int(f["sentence"][i])), []).append(i)
    credited = [(i, j) for ix in by_sentence.values() if len(ix) > 1 for i, j in combinations(ix, 2)
                if labels[i] != labels[j] and _credited_between(f, i, j)]
    # or two sentences, each crediting its value to its source ("the union said more than 4,000 ...
    # the operator spoke of about 1,500"), when they count the same thing (or measure in one unit and
    # count nothing: "police say 112 km/h ... the operator insists about 60 km/h"; not money or time, which
    # say little alone) under no other verb
    lab, pred, generic = np.array(labels), f["predicate"], f["generic"]
    measured = f["none_c"] & f["same_d"] & ~generic[:, None] & ~generic[None, :]
    # (a bare figure counts what its group counts: "The agency's count remains about 1,400" among "1,400 homes")
    counted = f["counted"].copy()
    for ix in _members(labels).values():
        main = _main(Counter(c for c in f["counted"][ix].tolist() if c >= 0))
        counted[[i for i in ix if counted[i] < 0]] = main
    same_c = (counted[:, None] == counted[None, :]) & (counted[:, None] >= 0)
    candidates = (f["same_art"] & ~f["same_sent"] & (same_c | measured) & ~f["pred_clash"]
                  & (lab[:, None] != lab[None, :])
                  & ((pred[:, None] == pred[None, :]) | (pred[:, None] < 0) | (pred[None, :] < 0)))
    credited += [(int(i), int(j)) for i, j in zip(*np.nonzero(np.triu(candidates, 1)))
                 if _credited_each(f, int(i), int(j), near=True)]
    changed = True
    while changed:
        changed = False
        live = sorted(members, key=lambda lab: (-len(members[lab]), lab))
        # cheap filter first (same units, values within the ratio); after any merge the filter runs
        # again on the new groups, so the loop stops only when no pair left can join
        key = "mid_" if w.dimension_middle else ""
        lo = np.array([info[lab][key + "lo"] for lab in live])
        hi = np.array([info[lab][key + "hi"] for lab in live])
        full_lo = np.array([info[lab]["lo"] for lab in live])
        full_hi = np.array([info[lab]["hi"] for lab in live])
        dims = {d: k for k, d in enumerate(sorted({info[lab]["dims"] for lab in live}, key=sorted))}
        dim = np.array([dims[info[lab]["dims"]] for lab in live])
        with np.errstate(invalid="ignore", divide="ignore"):
            near = (dim[:, None] == dim[None, :]) & (lo[:, None] >= 0) & (lo[None, :] >= 0) & (
                (np.maximum(hi[:, None], hi[None, :]) <= w.dimension_ratio * np.minimum(lo[:, None], lo[None, :]))
                | ((np.minimum(lo[:, None], lo[None, :]) == 0) & (np.maximum(hi[:, None], hi[None, :]) <= w.zero_dispute))
                # one group's values inside the other's range (a third account of a dispute)
                | ((full_lo[:, None] <= full_lo[None, :]) & (full_hi[None, :] <= full_hi[:, None]))
                | ((full_lo[None, :] <= full_lo[:, None]) & (full_hi[:, None] <= full_hi[None, :])))
        # one sentence crediting two values to two sources is a dispute whatever their ratio
        where = {lab: k for k, lab in enumerate(live)}
        lab_of = {i: lab for lab, ix in members.items() for i in ix}
        for i, j in credited:
            a, b = sorted((where[lab_of[i]], where[lab_of[j]]))
            if a != b:
                near[a, b] = True
        # a toll that rises day by day ("three killed" on Tuesday, "seven" on Thursday) whatever the ratio
        tolls = [k for k, lab in enumerate(live) if info[lab]["remaining"] or (info[lab]["main_pred"] >= 0
                 and f["predicate_names"][info[lab]["main_pred"]] in _word_set("evolving_predicates"))]
        for a, b in combinations(tolls, 2):
            if _rising_toll(info[live[a]], info[live[b]], f):
                near[a, b] = True
        for i, j in zip(*np.nonzero(np.triu(near, 1))):
            a, b = live[int(i)], live[int(j)]
            if a in members and b in members and apart(a, b) is None:
                members[a].extend(members.pop(b))
                info[a] = _group_summary(members[a], f)
                changed = True
        # "41 people were in custody, up from 23": one article states a count's earlier and current
        # value, and another outlet reported the earlier one as current: one count at two moments
        lab_of = {i: lab for lab, ix in members.items() for i in ix}
        for i, j in f["evolution"]:
            a, b = lab_of.get(i), lab_of.get(j)
            if a is None or b is None or a == b or a not in members or b not in members:
                continue
            if _evolution_apart(members[a], members[b], i, f, w) is None:
                members[a].extend(members.pop(b))
                info[a] = _group_summary(members[a], f)
                lab_of.update({k: a for k in members[a]})
                changed = True
        # "20,000 feet (about 6,100 metres)": the article converts one figure, and the groups holding the
        # two units are one quantity, unless a pair across them was ruled out for a reason other than units
        for i, j in f["conversion"]:
            a, b = lab_of.get(i), lab_of.get(j)
            if a is None or b is None or a == b or a not in members or b not in members:
                continue
            across = np.ix_(members[a], members[b])
            if not (cannot[across] & ~f["other_d"][across] & ~f["unit_vs_noun"][across]).any():
                members[a].extend(members.pop(b))
                info[a] = _group_summary(members[a], f)
                lab_of.update({k: a for k in members[a]})
                changed = True
    if _TRACE is not None:  # diagnostics only: why the final groups stay apart
        for a in members:
            for b in members:
                if a < b:
                    _TRACE.append((frozenset(members[a]), frozenset(members[b]), apart(a, b)))
    out = [0] * len(labels)
    for lab, ix in members.items():
        for i in ix:
            out[i] = lab
    return out


def _members(labels: list[int]) -> dict[int, list[int]]:
    """Each label's report indices, in order."""
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        members.setdefault(lab, []).append(i)
    return members


def _attach_singles(labels: list[int], f: dict, w: FactWeights) -> list[int]:
    """A report left alone joins the group whose members it is most like on average (first-pass
    probability above ``attach_threshold``), when nothing rules the pair out, no member names another
    counted noun and the group has no report from its article: a lone "$82 million deal" or "some 13 miles away" is usually one more
    outlet's account of a quantity the others report, worded differently."""
    import numpy as np

    members = _members(labels)
    singles = sorted(ix[0] for ix in members.values() if len(ix) == 1)
    targets = sorted(lab for lab, ix in members.items() if len(ix) > 1)
    out = list(labels)
    if not singles or not targets:
        return out
    # one matrix product per cue instead of a loop over (report, group) pairs: stories run to thousands of reports
    n = len(labels)
    col = {lab: k for k, lab in enumerate(targets)}
    onehot = np.zeros((n, len(targets)))
    for lab in targets:
        onehot[members[lab], col[lab]] = 1.0
    # an earlier state whose current value is in its group is the count's past: it rules out no other
    # account of the count ("7.3%" against "rose to 7.1% from 6.5%"), nor does the likeness go by it
    cannot = f["cannot"].copy()
    past = np.zeros(n, dtype=bool)
    for i, j in f["evolution"]:
        if labels[i] == labels[j]:
            past[i] = True
            cannot[i, :] &= ~f["state_clash"][i, :]
            cannot[:, i] &= ~f["state_clash"][:, i]
    present = onehot * ~past[:, None]
    sizes = np.maximum(present.sum(axis=0), 1.0)
    prob = np.where(f["dist"] >= 1.0, -1.0, 1.0 - f["dist"])[singles]
    mean = (prob @ present) / sizes
    # ... nor a group counting another thing ("two countries" is not one more "two mass shootings")
    ruled_out = ((cannot[singles] | f["other_c"][singles]).astype(float) @ onehot) > 0
    # ... nor a group holding a report of its article, unless one says its value again ("nearly 200 knots"
    # where the article's "197 knots" sits)
    base = f["base"]
    with np.errstate(invalid="ignore", divide="ignore"):
        one_value = np.abs(base[singles][:, None] - base[None, :]) <= w.split_close * np.maximum(
            np.abs(base[singles][:, None]), np.abs(base[None, :]))
    own = f["article"][singles][:, None] == f["article"][None, :]
    # (or sets its own account against a figure of record: "at least 60 homes" where "officials admit to just 38")
    of_record = f["of_record"]
    contrasted = (of_record[singles][:, None] != of_record[None, :]) & (base[singles][:, None] > 0) & (base[None, :] > 0) & (
        np.maximum(base[singles][:, None], base[None, :]) <= _CREDITED_RATIO * np.minimum(base[singles][:, None], base[None, :]))
    repeats = ((own & one_value & f["compat"][singles]).astype(float) @ onehot) > 0
    same_article = ((own.astype(float) @ onehot) > 0) & ~repeats & (((own & contrasted).astype(float) @ onehot) == 0)
    mean[ruled_out | same_article] = -1.0
    best = mean.argmax(axis=1)  # ties: the first group in label order
    # a lone report that contradicts the group would turn agreeing sources into a dispute: that takes
    # more likeness than one more account of the same value (a lone "$43 million" near two "$40
    # million" is more often another sum than a disputed one)
    # (the dispute is there already when the lone report says again a value its article put in the group)
    contradicts = (((~f["compat"][singles]).astype(float) @ onehot) > 0) & ~repeats
    for row, i in enumerate(singles):
        col = int(best[row])
        if mean[row, col] > (w.attach_conflict_threshold if contradicts[row, col] else w.attach_threshold):
            out[i] = targets[col]
    return out


def _attach_vague(labels: list[int], f: dict, w: FactWeights) -> list[int]:
    """A group of vague amounts only ("dozens injured", "hundreds arrested") joins the counted
    quantity they are a loose account of: the group with a value whose reports share their verb,
    name no other kind of thing, allow a value inside every vague range, and that they are most like
    (mean first-pass probability above ``vague_threshold``). Vague amounts have no value for the
    passes above to compare; readers see "dozens of peacekeepers injured" as one more account of
    "30 injured"."""
    import numpy as np

    members = _members(labels)
    base, vague = f["base"], f["vague"]
    valued = {lab: ix for lab, ix in members.items() if any(base[i] == base[i] for i in ix)}
    out = list(labels)
    for lab, ix in sorted(members.items()):
        if lab in valued or not all(vague[i] for i in ix):
            continue
        preds = {int(f["predicate"][i]) for i in ix} - {-1}
        if not preds:
            continue  # "dozens" with no verb says nothing of what it counts
        best, best_p = None, w.vague_threshold
        for other, jx in sorted(valued.items()):
            sub = np.ix_(ix, jx)
            if (f["dist"][sub] >= 1.0).any() or f["other_class"][sub].any() or not f["compat"][sub].all():
                continue
            if not preds & {int(f["predicate"][j]) for j in jx}:
                continue
            p = float(1.0 - f["dist"][sub].mean())
            if p > best_p:
                best, best_p = other, p
        if best is not None:
            for i in ix:
                out[i] = best
    return out


def _split_mixed(labels: list[int], f: dict, w: FactWeights) -> list[int]:
    """Last pass: a fact where one article gives two different values is split by value.

    Outlets rarely state one quantity twice with different numbers; a group holding such an article
    has usually mixed quantities that read alike (a player's home runs for one team and for the
    season: "13 homers" and "33 homers", both in one article and in others).  On ecbplus-dev 6 of
    239 gold facts have an article giving two values, all of them disputes the article itself sets
    out ("the centre said 5.9, but the survey said 6.1").  So values stay linked when one article
    sets them against each other (each credited to a source) or they are one value said twice
    (within ``split_close``); the linked values most articles give keep the fact, each other set
    of linked values becomes a fact of its own.
    """
    members = _members(labels)
    base, article, counted = f["base"], f["article"], f["counted"]
    out = list(labels)
    fresh = max(labels) + 1
    for lab, ix in sorted(members.items()):
        valued = [i for i in ix if base[i] == base[i]]
        # only reports that count what the group counts (or name nothing) speak for it: "two
        # grenades" among rifles is a stray there, not the article's second value for the rifles
        main = _main(Counter(int(counted[i]) for i in valued if counted[i] >= 0))
        typical = [i for i in valued if counted[i] < 0 or counted[i] == main]
        linked, mixed = _value_links(typical, f, w)
        if not mixed:
            continue
        root = _value_roots(linked)
        parts: dict[float, list[int]] = {}
        for i in valued:
            parts.setdefault(root(float(base[i])), []).append(i)
        # the part most articles give keeps the fact (and the reports without a value)
        keep = max(sorted(parts), key=lambda v: len({int(article[i]) for i in parts[v]}))
        for v in sorted(parts):
            if v != keep:
                for i in parts[v]:
                    out[i] = fresh
                fresh += 1
    return out


def _value_links(ix: list[int], f: dict, w: FactWeights) -> tuple[list[tuple[float, float]], bool]:
    """Pairs of values one article gives together as one figure (within ``split_close``: "$2.6
    million" and "$2.5 million") or as two sides of a dispute (each credited to a source), and
    whether some article gives two values in neither way."""
    base = f["base"]
    per_article: dict[int, list[int]] = {}
    for i in ix:
        per_article.setdefault(int(f["article"][i]), []).append(i)
    linked: list[tuple[float, float]] = []
    unlinked: list[tuple[float, float]] = []
    evolution = set(f.get("evolution", ()))
    # near values an article of the story gives to two things ("a $2.5 million necklace" in "a $2.6
    # million heist") are two figures there and elsewhere, not one said twice
    named_apart = f["named_apart"]
    for reps in per_article.values():
        for k, i in enumerate(reps):
            for j in reps[k + 1:]:
                a, b = float(base[i]), float(base[j])
                if a == b:
                    continue
                lo, hi = sorted((abs(a), abs(b)))
                same = f["sentence"][i] == f["sentence"][j]
                one_said_twice = hi and (hi - lo) / hi <= w.split_close and frozenset((a, b)) not in named_apart
                # (two entries of a live blog give the count at two times of day)
                if one_said_twice or (same and _credited_between(f, i, j)) \
                        or (not same and _credited_each(f, i, j, tail=True)) \
                        or (i, j) in evolution or (j, i) in evolution \
                        or (i, j) in f["conversion_pairs"] \
                        or _contrasted(f, i, j) or f["entry"][i] != f["entry"][j]:
                    linked.append((a, b))
                else:
                    unlinked.append((a, b))
    # a pair is mixed only when nothing else links its values: a live blog's headline repeats the
    # value its entry links to the morning's
    root = _value_roots(linked)
    return linked, any(root(a) != root(b) for a, b in unlinked)


def _named_apart(reports: list[FigureReport], counted: np.ndarray, base: np.ndarray) -> set[frozenset[float]]:
    """Pairs of values one article of the story gives to two different counted things."""
    by_article: dict[str, list[int]] = {}
    for i, r in enumerate(reports):
        if counted[i] >= 0 and base[i] == base[i]:
            by_article.setdefault(r.article_id, []).append(i)
    return {frozenset((float(base[i]), float(base[j]))) for ix in by_article.values() for k, i in enumerate(ix)
            for j in ix[k + 1:] if counted[i] != counted[j] and base[i] != base[j]}


def _value_roots(linked: list[tuple[float, float]]) -> Callable[[float], float]:
    """Union-find over values: each value -> the smallest value linked to it, directly or not."""
    parent: dict[float, float] = {}

    def root(v: float) -> float:
        parent.setdefault(v, v)
        while parent[v] != v:
            v = parent[v]
        return v

    for a, b in linked:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return root


def _main(counts: Counter) -> int:
    """The commonest code (ties: the smallest), or -1."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counts else -1


def _group_summary(ix: list[int], f: dict) -> dict:
    """What a group of reports measures: its articles, units, nouns, predicates, subjects and values."""
    vals = sorted(v for v in f["base"][ix].tolist() if v == v)
    counted = Counter(c for c in f["counted"][ix].tolist() if c >= 0)
    main_pred = _main(Counter(p for p in f["predicate"][ix].tolist() if p >= 0))
    # what the group counts, read from the reports under its verb ("50 schools rendered unsafe" among
    # counts of the injured names no noun of theirs)
    main_counted = _main(Counter(c for c, p in zip(f["counted"][ix].tolist(), f["predicate"][ix].tolist())
                                 if c >= 0 and (p < 0 or main_pred < 0 or p == main_pred)))
    return dict(
        ix=list(ix),
        articles=set(f["article"][ix].tolist()),
        dims=frozenset(f["dim"][ix].tolist()) - {-1},
        counted=counted,
        main_counted=main_counted,
        known={c for c, k in zip(f["counted"][ix].tolist(), f["known"][ix].tolist()) if c >= 0 and k},
        preds=set(f["predicate"][ix].tolist()) - {-1},
        main_pred=main_pred,
        subjects=set(f["subject"][ix].tolist()) - {-1},
        subject_stems={f["subject_stem"][i] for i in ix} - {None},
        log=bool(f["log_scale"][ix].any()),
        words=set().union(*(f["context_words"][i] for i in ix)),
        names=Counter(n for i in ix for n in f["context_names"][i]),
        personal=bool(f["personal"][ix].any()),
        generic=bool(f["generic"][ix].any()),
        # every report counts people in a role ("15 crew", "220 passengers") and none says what befell them
        idle_role=bool(f["idle_role"][ix].all()), fated=bool(f["fated"][ix].all()),
        # what befell people nobody casts in a role ("31 people are now known to have died"), read at the figure or
        # from the group's verb
        befallen=bool(f["fated"][ix].any() or (main_pred >= 0 and (f["role"][ix] < 0).all()
                                               and f["predicate_names"][main_pred] in _word_set("people_fates"))),
        remaining=bool(f["remaining"][ix].all()),
        days=[int(d) for d in f["day"][ix].tolist()],
        lo=vals[0] if vals else math.nan, hi=vals[-1] if vals else math.nan,
        mid_lo=vals[(len(vals) - 1) // 2] if vals else math.nan, mid_hi=vals[len(vals) // 2] if vals else math.nan,
    )


def _both_sides(article: int, sa: dict, sb: dict, f: dict, w: FactWeights) -> bool:
    """Whether one article's reports in two groups read as two accounts of one quantity, not two
    quantities: its report in one group is a stray there (another noun than the group counts); or
    one sentence gives both values with a source named between them; or two sentences give values
    within ``shared_close`` of each other (also when one sentence also gives the two values side by
    side: its report in the one group is then another quantity, its report in a third sentence the
    second wording)."""
    ia = [i for i in sa["ix"] if f["article"][i] == article]
    ib = [i for i in sb["ix"] if f["article"][i] == article]
    if w.shared_typical and (not any(_typical(i, sa, f) for i in ia) or not any(_typical(j, sb, f) for j in ib)):
        return True  # the article's report in one group is a stray there (another noun or verb)
    same = [f["sentence"][i] == f["sentence"][j] for i in ia for j in ib]
    if f["entry"][ia[0]] >= 0 and all(f["entry"][i] != f["entry"][j] or _within(f["base"][i], f["base"][j], 1.0 + w.shared_close)
                                      for i in ia for j in ib):
        return True  # two entries of a live blog give the count at two times of day (one entry, one value)
    if all((i, j) in f["evolution_pairs"] for i in ia for j in ib):
        return True  # a change's two states ("widened from nine to 14 batches"): one count at two moments
    if all(_contrasted(f, i, j) for i in ia for j in ib):
        return True  # its own account set against a figure of record: "higher than the official figure of 14"
    if not any(same) and all(_credited_each(f, i, j, near=True, tail=True) and not _names_differ(f, i, j) for i in ia for j in ib):
        return True  # each value credited to its source in a sentence of its own: "organisers said 120,000 ... police put it at 38,000"
    if all(same):
        # one sentence giving both values: a dispute only when a source is named between them
        return all(_credited_between(f, i, j) for i in ia for j in ib)
    if any(same):
        if all(_credited_between(f, i, j) for i in ia for j in ib if f["sentence"][i] == f["sentence"][j]):
            return True  # the sentence sets the two values against each other, each credited
        # one sentence sets the values side by side as two quantities, yet the article's report in
        # another sentence may be a second wording of the other group's figure ("signed X to a $62
        # million deal and kept two others for $60 million" ... "X chose the $60 million offer")
        ia_apart = [i for i in ia if all(f["sentence"][i] != f["sentence"][j] for j in ib)]
        ib_apart = [j for j in ib if all(f["sentence"][i] != f["sentence"][j] for i in ia)]
        if not (ia_apart or ib_apart):
            return False
        ia, ib = (ia_apart, ib) if ia_apart else (ia, ib_apart)
    vals = [v for v in f["base"][ia + ib].tolist() if v == v]
    if len(vals) < 2 or min(vals) <= 0:
        return False
    return max(vals) / min(vals) - 1.0 <= w.shared_close


def _disputed_in_one_sentence(article: int, sa: dict, sb: dict, f: dict) -> bool:
    """Whether the article sets its two values against each other in one sentence, a source named
    between them ("the union says fewer than 600 ..., against the 1,100 the company claims")."""
    ia = [i for i in sa["ix"] if f["article"][i] == article]
    ib = [j for j in sb["ix"] if f["article"][j] == article]
    return all(f["sentence"][i] == f["sentence"][j] and _credited_beside(f, i, j) for i in ia for j in ib)


_CREDIT_BESIDE = 4  # words next to the second figure that credit it to its source


def _credited_beside(f: dict, i: int, j: int) -> bool:
    """Whether the later of two figures of one sentence is credited right beside it, in the words
    just before it or in its own clause just after it ("..., against the 1,100 claimed by the club",
    "police put it at 3,000; organisers said 10,000")."""
    (text, a_start, a_end), (_, b_start, b_end) = sorted((f["span"][i], f["span"][j]), key=lambda x: x[1])
    digit = re.search(r"\d", text[b_start:b_end])
    before = [m.start() for m in _WORD.finditer(text, a_end, b_start + (digit.start() if digit else 0))][-_CREDIT_BESIDE:]
    if before and _credits_source(text, before[0], b_start + (digit.start() if digit else 0)):
        return True
    return _credited_after(text, b_start, b_end)


def _credit_reaches(text: str, start: int, end: int) -> bool:
    """Whether the words between two figures credit the second: the last credit among them bears on it, not
    on a clause the second merely continues ("grants of 900 florens reached 40 villages, the treasury said,
    and will grow to 1,500 florens")."""
    cues = _word_set("attribution_words")
    last_word = max((m for m in _WORD.finditer(text, start, end) if m.group().lower() in cues),
                    key=lambda m: m.end(), default=None)
    if last_word is None:
        return False
    which = re.search(r"\b(?:which|who)\s+(?:also\s+)?$", text[max(start, last_word.start() - 12):last_word.start()])
    if which and _credits_source(text, start, last_word.start() - len(which.group())):
        # "according to the board, which said fewer than 300": one source gives both figures (not
        # "criticised by the auditors, who put the loss at nine million": a source of its own)
        return False
    last = last_word.end()
    return not re.match(r"(?:\s+[\w'’-]+){0,3}?\s*,\s*and\s+(?!the\b|a\b|an\b|[A-Z])", text[last:end])


def _credited_after(text: str, start: int, end: int) -> bool:
    """Whether the figure at [start, end) is credited in its own short clause right after its number
    ("the €320 million quoted by the mayor", "the 1,100 claimed by the promoter"; the report's span
    may hold the credit verb)."""
    number_end = start + max((m.end() for m in re.finditer(r"\d", text[start:end])), default=end - start)
    after = re.split(r"[,;:.!?]", text[number_end : end + 40], maxsplit=1)[0]
    return len(after.split()) <= 5 and _credits_source(after, 0, len(after))


def _credited_dispute(article: int, sa: dict, sb: dict, f: dict) -> bool:
    """Whether the article sets its two values against each other, each credited: in one sentence
    ("police put the crowd at 3,000; organisers said 10,000") or each in a sentence of its own with
    its source beside it ("the union said more than 4,000 joined" ... "the operator spoke of about
    1,500"): a dispute even when no other article reports it."""
    ia = [i for i in sa["ix"] if f["article"][i] == article]
    ib = [j for j in sb["ix"] if f["article"][j] == article]
    return all(_credited_between(f, i, j) if f["sentence"][i] == f["sentence"][j]
               else _credited_each(f, i, j, near=True, tail=True) and _within(f["base"][i], f["base"][j], _CREDITED_RATIO)
               and not _named_otherwise(f, i, j) and not _named_otherwise(f, j, i) and not _names_differ(f, i, j)
               for i in ia for j in ib)


def _span_names(f: dict, i: int) -> set[str]:
    """The capitalised words inside a figure's span after its first word ("15 Vesk soldiers" -> Vesk)."""
    text, start, end = f["span"][i]
    return _names_in_span(text[start:end])


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    lx = lexicon()
    return frozenset({*lx["units_words"], *lx["tens_words"], *lx["multiplier_words"], *lx["scale_words"]})


def _names_in_span(span: str) -> set[str]:
    """The capitalised words of a figure's text after its first word (not a number shouted in capitals:
    "as many as TWELVE people")."""
    return {m.group() for m in _WORD.finditer(span) if m.start() > 0 and m.group()[:1].isupper()
            and m.group().lower() not in _number_words()}


def _names_differ(f: dict, i: int, j: int) -> bool:
    """Whether one figure names in its own words a body the other's sentence never names: "15 Vesk
    soldiers" against "20 Norran soldiers", or against "Norra said three of its soldiers had died", are two
    armies' dead, however credited, no dispute over one count."""
    for a, b in ((i, j), (j, i)):
        names = _span_names(f, a)
        lo, hi = f["sentence_span"][b]
        if names and not any(re.search(rf"\b{re.escape(name)}\b", f["span"][b][0][lo:hi]) for name in names):
            return True
    return False


# "a deficit of 38 million thalers", "a crowd of 60,000": the noun before "of" names what the figure
# measures (after a determiner: "spoke of about 1,500" names nothing)
_HEAD_OF = re.compile(r"\b(?:an?|the|its|their|his|her|our|this|that)\s+(?:[a-z]+\s+)?([a-z]{4,})\s+of\s+"
                      r"(?:about\s+|some\s+|nearly\s+|almost\s+|around\s+|over\s+)?$")


def _named_otherwise(f: dict, i: int, j: int) -> bool:
    """Whether figure ``i`` names what it measures ("its deficit of 38 million") and the sentence of
    figure ``j`` never mentions it: two credited sentences about two things, no dispute."""
    if f["people"][i]:
        return False  # "the homes of 2,000 people": the people are counted, the noun is something of theirs
    text, start, _ = f["span"][i]
    m = _HEAD_OF.search(text, max(0, start - 50), start)
    if not m or m.group(1) in _word_set("determiners") or m.group(1) in _word_set("figure_nouns"):
        return False  # "its count of 1.2 million" names the figure, not another thing it measures
    lo, hi = f["sentence_span"][j]
    return re.search(rf"\b{re.escape(m.group(1))}", f["span"][j][0][lo:hi], re.IGNORECASE) is None


_CREDITED_RATIO = 10.0  # police and organisers may differ tenfold on a crowd; two women are no crowd of 30,000


def _within(a: float, b: float, ratio: float) -> bool:
    return a > 0 and b > 0 and max(a, b) <= ratio * min(a, b)


def _contrasted(f: dict, i: int, j: int) -> bool:
    """Whether one of two figures is a figure of record and the other an account set against it
    (``_of_record``, ``_corrective``)."""
    return bool(f["of_record"][i] != f["of_record"][j]) and _within(float(f["base"][i]), float(f["base"][j]), _CREDITED_RATIO)


def _common_name(sa: dict, sb: dict) -> bool:
    """Whether a name is around most reports of both groups (the place both figures are measured from)."""
    na, nb = len(sa["ix"]), len(sb["ix"])
    return any(c * 2 > na and sb["names"][name] * 2 > nb for name, c in sa["names"].items())


def _typical(i: int, summary: dict, f: dict) -> bool:
    """Whether report ``i`` counts what its group counts (or names no noun)."""
    c = int(f["counted"][i])
    p = int(f["predicate"][i])
    return (c < 0 or summary["main_counted"] < 0 or c == summary["main_counted"]) and \
        (p < 0 or summary["main_pred"] < 0 or p == summary["main_pred"])


def _credited_between(f: dict, i: int, j: int) -> bool:
    """Whether the words between two figures of one sentence credit the second to a source: "the
    centre said 5.9, but the survey said 6.1" gives both sides of a dispute, not two quantities."""
    (text, a_start, a_end), (_, b_start, b_end) = sorted((f["span"][i], f["span"][j]), key=lambda x: x[1])
    digit = re.search(r"\d", text[b_start:b_end])
    b_number = b_start + (digit.start() if digit else 0)
    if _credit_reaches(text, a_end, b_number):
        return True  # (the second report's span may open on the credit: "organisers claim 25,000")
    if _GAPPED_CREDIT.fullmatch(text, a_end, b_start) and _credits_source(text, max(0, a_start - 50), a_start):
        return True  # one credit verb for both: "police estimated at 6,000 and the organisers at 25,000"
    # "put the damage at €180 million, well below the €320 million quoted by the mayor": the credit
    # right after the second figure, in its own clause
    # (the report's span may hold the credit verb: "against the 1,100 claimed by the promoter")
    if _credited_after(text, b_start, b_end):
        return True
    # "estimates range from the ministry's €180 million to the mayor's €320 million": each figure
    # someone's, in a sentence about estimates
    owners = [_OWNED.search(text, max(0, s - 40), s) for s in (a_start, b_start)]
    if all(o and o.group(1) for o in owners) and owners[0].group(1).lower() != owners[1].group(1).lower():
        lo, hi = f["sentence_span"][i]
        return bool(_ESTIMATE_WORDS.search(text, lo, hi))
    return False


_GAPPED_CREDIT = re.compile(r"(?:\s+[a-z]+){0,2}?\s*,?\s*(?:and|but|while|whereas)\s+(?:the\s+)?[\w'’ -]{1,40}?\s+at\s+",
                            re.IGNORECASE)
_ESTIMATE_WORDS = re.compile(r"\b(?:estimates?|estimated|figures?|counts?|range[sd]?|ranging|put|puts)\b", re.IGNORECASE)


def _credits_source(text: str, start: int, end: int) -> bool:
    """Whether the words of ``text[start:end]`` credit a figure to a source ("said", "according to")."""
    cues = _word_set("attribution_words")
    return any(m.group().lower() in cues for m in _WORD.finditer(text, start, max(start, end)))


def _sentence_span(article: Article | None, report: FigureReport) -> tuple[int, int]:
    if article is None or report.sentence is None or not 0 <= report.sentence < len(article.sentences):
        return report.start, report.end
    s = article.sentences[report.sentence]
    return s.start, s.end


_CREDIT_BEFORE, _CREDIT_AFTER = 12, 10  # words around a figure that credit it: "police put the number of marchers at 38,000"


def _credited_each(f: dict, i: int, j: int, near: bool = False, tail: bool = False) -> bool:
    """Whether two figures of one article, in two sentences, are each credited to a source ("the
    survey put it at 6.1" ... "the centre said 5.9"): the article reports a dispute. ``near``: the
    credit must sit by the figure (``_CREDIT_BEFORE`` words before it or ``_CREDIT_AFTER`` after it),
    not anywhere in a sentence that quotes someone about something else. ``tail``: a short closing clause
    that credits the sentence (``_credited_at_end``) or the reported speech the figure sits in credits it too."""
    cues = _word_set("attribution_words")
    for k in (i, j):
        text = f["span"][k][0]
        lo, hi = f["sentence_span"][k]
        _, start, end = f["span"][k]
        said_from = f["reported_speech"][k]
        if tail and (_credited_at_end(text, end, hi)
                     or (said_from is not None and not _OWN_WORDS.search(text, said_from, end))):
            continue  # (not a source's own count: "two more of its soldiers had died")
        if near:
            that = _REPORTED_THAT.search(text, lo, start)
            if that and not _OWN_WORDS.search(that.group()):
                # "the mayor told a crowded meeting in the old market that the mudslide had buried seven farms"
                # (not a source's own count: "Norra said that two more of its soldiers had died, bringing its losses to five")
                continue
            before = [m.start() for m in _WORD.finditer(text, lo, start)][-_CREDIT_BEFORE:]
            after = [m.end() for m in _WORD.finditer(text, end, hi)][:_CREDIT_AFTER]
            lo, hi = (before[0] if before else start), (after[-1] if after else end)
        words = [m.group().lower() for m in _WORD.finditer(text, lo, hi)]
        # "the reported $90 million bid" describes a figure, it credits no one
        if not any(word in cues and (n == 0 or words[n - 1] not in _word_set("determiners")) for n, word in enumerate(words)) \
                and not _BY_COUNT.search(text, lo, hi):
            return False
    return True


_TAIL_CLAUSE_WORDS = 8  # words of a sentence's last clause that may credit the whole sentence


def _credited_at_end(text: str, end: int, sentence_end: int) -> bool:
    """Whether the sentence closes on a short clause of its own that credits all of it ("..., including
    many children, the regulator warned."), however far that clause lies from the figure."""
    tail = text[end:sentence_end]
    comma = max(tail.rfind(","), tail.rfind("—"))
    if comma < 0:
        return False
    words = [m.group().lower() for m in _WORD.finditer(tail, comma + 1)]
    verbs = speech_lexicon().speech_forms
    return 0 < len(words) <= _TAIL_CLAUSE_WORDS and any(word in verbs or word == "according" for word in words)


# a figure in the that-clause of a verb of saying is credited, however long the words between
_REPORTED_THAT = re.compile(r"\b(?:told|tells|said|says|announced|insisted|insists|claimed|claims)\b"
                            r"[^.;:!?\"“”]{0,80}?\bthat\b[^.;:!?\"“”]*$", re.IGNORECASE)


_OWN_WORDS = re.compile(r"\b(?:its|their|our)\b", re.IGNORECASE)
# "about 300 people, by the police's count", "by one estimate", "in the organisers' tally": a credit
# ("by my count", and a count someone owns: "the relief agency's count ... stands at four")
_BY_COUNT = re.compile(r"\b(?:by|in)\s+(?:the\s+|one\s+|its\s+|their\s+|his\s+|her\s+|my\s+|our\s+)?(?:[\w'’]+\s+){0,2}?"
                       r"(?:count|estimate|tally|reckoning)\b"
                       r"|\b[A-Za-z]+['’]s?\s+(?:own\s+|latest\s+|official\s+)?(?:count|estimate|tally|reckoning)\b"
                       r"|\b[Tt]he\s+(?-i:(?:[A-Z][\w.-]*\s+){1,3})(?:count|estimate|tally|reckoning)\b", re.IGNORECASE)


def _dimension_apart(sa: dict, sb: dict, w: FactWeights, f: dict | None = None, sourced: bool = False) -> str | None:
    """Why two groups of one story are not one dimension (None when they are); ``sourced``: an article
    credits the two groups' values to two sources, so the names around them are no subjects."""
    if sa["dims"] != sb["dims"]:
        return "units"
    # an article giving both values may be two accounts of one figure, when other articles back the join
    lone = sa["articles"] == sb["articles"]
    common = sorted(sa["articles"] & sb["articles"])
    unexplained = [art for art in common
                   if f is None or (lone and not _credited_dispute(art, sa, sb, f)) or not _both_sides(art, sa, sb, f, w)]
    # another article setting the same two values against each other, each credited, says they are two
    # accounts of one quantity: an article that states both with no credit states the two accounts too
    if unexplained and f is not None and len(unexplained) < len(common) and any(
            _disputed_in_one_sentence(art, sa, sb, f) for art in common if art not in unexplained):
        unexplained = []
    shared = len(unexplained)
    if shared and shared / min(len(sa["articles"]), len(sb["articles"])) > w.dimension_shared:
        return "shared article"  # one article stating both values usually means two quantities
    ca, cb = sa["main_counted"], sb["main_counted"]
    preds_clash = bool(sa["preds"] and sb["preds"] and not (sa["preds"] & sb["preds"]))
    if (sa["idle_role"] and sb["befallen"]) or (sa["befallen"] and sb["idle_role"]):
        return "a fate against people in a role"  # "NINE people are dead", "rose to 12": no account of "12 crew"
    if sa["dims"]:
        # a unit names the dimension; a stray word after it ("5.9 earthquake", "1,500 km south")
        # does not, unless both name known and different kinds of thing
        if preds_clash:
            return "predicates"
        # (an article setting the two groups' values against each other, each credited, names the quantity,
        # when another article reports them too: one article's two credited sums may be two sums)
        if sa["generic"] and (sa["main_pred"] < 0 or sa["main_pred"] != sb["main_pred"]) and not (
                f is not None and len(sa["articles"] | sb["articles"]) > 1
                and any(_credited_dispute(art, sa, sb, f) for art in common)) and not (
                f is not None and sa["dims"] <= f["time_dims"] and (
                    ((ca >= 0 or cb >= 0) and any(f["noun_in"][i, j] for i in sa["ix"] for j in sb["ix"]))
                    or any(f["same_art"][i, j] and f["same_v"][i, j] for i in sa["ix"] for j in sb["ix"]))):
            # "$40 billion" or "a week" alone says little; "the 14-hour siege" names what lasted, and a
            # siege "that had lasted nearly 15 hours" is the same; so is the "fourteen hours" the
            # article that names the 14-hour siege gives elsewhere
            return "money or time, not the same predicate"
        if ca >= 0 and cb >= 0 and ca != cb and ca in sa["known"] and cb in sb["known"]:
            return "nouns"
        if f is not None and (ca >= 0) != (cb >= 0) and (sa["dims"] & f["share_dims"]):
            # "2.5 percent of GDP" against a bare "3.42 percent" whose context never names GDP: a share of
            # one whole is no account of a percentage of something unnamed
            named, bare = (sa, sb) if ca >= 0 else (sb, sa)
            if not any(f["noun_in"][i, j] for i in named["ix"] for j in bare["ix"]):
                return "a share of a named whole against a bare percentage"
        if f is not None and ca < 0 and cb < 0 and (sa["dims"] & f["share_dims"]) and \
                not (sa["main_pred"] >= 0 and sa["main_pred"] == sb["main_pred"]) and \
                f["ctx"][sa["ix"]][:, sb["ix"]].max() < _BARE_SHARE_CONTEXT:
            return "two bare percentages in unlike sentences"  # "rose by 6 percent" / "the yield stood at 3.42 percent"
    elif ca >= 0 and cb >= 0:
        if ca != cb:
            return "nouns"
        if preds_clash:
            return "predicates"
        if (sa["idle_role"] and sb["fated"]) or (sa["fated"] and sb["idle_role"]):
            return "a fate against people in a role"  # "NINE people are dead" is no account of "12 crew"
    elif ca >= 0 or cb >= 0:
        if sa["main_pred"] < 0 or sb["main_pred"] < 0 or preds_clash:
            return "one noun, no shared predicate"
    elif sa["main_pred"] < 0 or sa["main_pred"] != sb["main_pred"] or preds_clash:
        return "no noun, no unit"  # a bare number says what it counts only through its verb ("80 injured")
    if (sa["personal"] or sb["personal"]) and not (sa["subjects"] & sb["subjects"]):
        return "personal, other subject"
    if not sourced and sa["subjects"] and sb["subjects"] and not (sa["subjects"] & sb["subjects"]) \
            and not (sa["subject_stems"] & sb["words"]) and not (sb["subject_stems"] & sa["words"]) \
            and not (w.subjects_shared_name and _common_name(sa, sb)):
        return "subjects"  # another named person, place or body, not mentioned around the other
    if sa["lo"] != sa["lo"] or sb["lo"] != sb["lo"]:
        return "no value"
    key = "mid_" if w.dimension_middle else ""
    lo, hi = min(sa[key + "lo"], sb[key + "lo"]), max(sa[key + "hi"], sb[key + "hi"])
    if lo == 0 and w.zero_dispute and 0 < hi <= w.zero_dispute and not sa["dims"] and sa["main_pred"] >= 0 \
            and sa["main_pred"] == sb["main_pred"] and sa["main_counted"] == sb["main_counted"] >= 0:
        return None  # "no injuries were reported" against "three people were injured": a dispute
    # a value inside a group's own range widens nothing: "more than 100,000" joins "38,000 / 120,000"
    inside = sb["lo"] <= sa["lo"] <= sa["hi"] <= sb["hi"] or sa["lo"] <= sb["lo"] <= sb["hi"] <= sa["hi"]
    if lo <= 0 or (hi / lo > w.dimension_ratio and not inside
                   and not (f is not None and any(_credited_dispute(art, sa, sb, f) for art in sa["articles"] & sb["articles"]))
                   and not _rising_toll(sa, sb, f)):
        return "values far apart"  # unless one sentence credits each value to a source (crowd estimates)
    if (sa.get("log") or sb.get("log")) and hi - lo > w.log_scale_gap:
        return "values far apart on a log scale"  # magnitude 3.8 is a tremor a thousand times weaker than 6.4
    return None


@lru_cache(maxsize=1)
def _in_year() -> re.Pattern[str]:
    """ "in 2011", "in December 2003", "since 2017": a year a figure may be dated to (the lexicon's months)."""
    months = "|".join(sorted(lexicon()["months"], key=len, reverse=True))
    return re.compile(rf"\b(?:[Ii]n|since|during|of)\s+(?:(?:early|late|mid-?)\s*)?(?:(?i:{months})\.?\s+)?((?:1[89]|20)\d\d)\b")


@lru_cache(maxsize=1)
def _other_year() -> re.Pattern[str]:
    """A year (or "last year", "a year ago") after an earlier state: "up from 54.6 percent in 2021"."""
    return re.compile(_in_year().pattern + r"|\b(?:last|previous)\s+(?:year|election|season)|\ba\s+year\s+(?:ago|earlier)",
                      re.IGNORECASE)


def _evolution_links(f: dict) -> list[tuple[int, int]]:
    """(earlier state, current value) pairs of reports one article gives as a count's change: "41,
    up from 23", "rose to 12 ... the toll had stood at 9".  The current value is the nearest report
    of the sentence in the same state and unit, else the article's last report under the same verb
    before it (the news gives the current value first), or its one report under that verb after it;
    an earlier state dated to another year ("up from 54.6 percent in 2021") is another quantity.
    Written by hand: no library reads a figure's change over time."""
    state, article, sentence, dim, pred = f["state"], f["article"], f["sentence"], f["dim"], f["predicate"]
    links = []
    for i in map(int, (state == 1).nonzero()[0]):
        text, _, end = f["span"][i]
        s_end = f["sentence_span"][i][1]
        if _other_year().search(text, end, min(s_end, end + 40)):
            continue
        same_art = [j for j in range(len(state)) if article[j] == article[i] and state[j] == 0 and dim[j] == dim[i]
                    and f["base"][j] == f["base"][j] and f["base"][j] != f["base"][i]]
        in_sentence = [j for j in same_art if sentence[j] == sentence[i] and not f["nested"][j]]
        if in_sentence:
            # (the nearest under the same verb: "recaptured 20, up from 12, and shot dead one" links 12 to 20)
            links.append((i, min(in_sentence, key=lambda j: (pred[i] >= 0 and pred[j] != pred[i], abs(j - i), j > i))))
            continue
        # the news gives the current value first: the nearest report under the verb before the earlier state
        by_verb = [j for j in same_art if pred[i] >= 0 and pred[j] == pred[i]]
        before = [j for j in by_verb if j < i]
        if before:
            links.append((i, before[-1]))
        elif len({float(f["base"][j]) for j in by_verb}) == 1:
            links.append((i, by_verb[0]))
    return links


_CONVERSION_GAP = re.compile(r"\s*\(\s*")


def _conversion_links(reports: list[FigureReport], articles: dict[str, Article]) -> list[tuple[int, int]]:
    """Pairs (figure, its conversion in brackets right after it in another unit of one physical dimension
    whose value it matches): "20,000 feet (about 6,100 metres)", "60 km (37 miles)"."""
    out = []
    for k in range(1, len(reports)):
        a, b = reports[k - 1], reports[k]
        article = articles.get(a.article_id)
        if article is None or b.article_id != a.article_id or a.unit == b.unit:
            continue
        dim = physical_dimension(a.unit)
        if dim and dim == physical_dimension(b.unit) and _CONVERSION_GAP.fullmatch(article.text, a.end, b.start) \
                and intervals_agree([a, b]):
            out.append((k - 1, k))
    return out


def _evolution_apart(earlier: list[int], current: list[int], i: int, f: dict, w: FactWeights) -> str | None:
    """Why the group holding an earlier state (report ``i``) and the group holding the current value
    are not one count at two moments, or None.  Another outlet must give the earlier value as its
    current one (else a lone "up from 23" stays with nothing to join); apart from their states no pair
    across the groups may be ruled out, and they must measure one dimension (their shared article
    aside, whatever the ratio of the values)."""
    import numpy as np

    if (f["cannot"] & ~f["state_clash"])[np.ix_(earlier, current)].any():
        return "ruled out by the first pass"
    if len(earlier) == 1 and any(f["state"][k] == 0 and f["base"][k] == f["base"][i] for k in current):
        return None  # the count's group already gives the earlier value as current (a live blog's first entry)
    if not any(f["article"][k] != f["article"][i] and f["state"][k] == 0 and f["base"][k] == f["base"][i]
               for k in earlier):
        if all(f["evolution_of"].get(k) in current and not _planned(f, k) for k in earlier):
            return None  # "raised its rate to 6.25% from 5.75%": the count's past, told only as its past
        return "no other outlet gives the earlier value"
    sa, sb = _group_summary(earlier, f), _group_summary(current, f)
    art = int(f["article"][i])
    sa_other = dict(sa, articles=sa["articles"] - {art})
    if not sa_other["articles"]:
        return "no other outlet gives the earlier value"
    # (the article ties the two values to one count: names around them are sources or places, no subjects)
    return _dimension_apart(sa_other, sb, replace(w, dimension_ratio=math.inf), f, sourced=True)


# "wants to raise the age from 62 to 64", "would take the fare to 3.05 from 2.50": a change still to come
# leaves the earlier value the current one, another quantity than the value planned
# (no "may": the month)
_PLANNED = re.compile(r"\b(?:will|would|wants?\s+to|plans?\s+to|planned|propos(?:es|ed|al)|intends?\s+to|aims?\s+to|"
                      r"set\s+to|is\s+to|are\s+to|could|might|shall|if)\b", re.IGNORECASE)


def _planned(f: dict, i: int) -> bool:
    """Whether the change that report ``i`` is the earlier state of is still to come (its clause before it
    names a plan or a condition)."""
    text, start, _ = f["span"][i]
    lo = f["sentence_span"][i][0]
    return bool(_PLANNED.search(text, max(lo, start - 80), start))


_EVOLVING_RATIO = 5.0
# a toll may rise from five dead to 300 as a disaster unfolds; "five pits" on strike and "6,000" strikers
# the next day are two counts
_TOLL_RATIO = 100.0


# "23,000 households remained without electricity", "40 people are still missing": what is left of a
# count, which falls as a story develops
_REMAINING = re.compile(r"\b(?:still|remain|remains|remained|remaining)\b", re.IGNORECASE)


def _remaining(article: Article | None, report: FigureReport) -> bool:
    """Whether the report's clause counts what is still left ("still without power", "remain missing")."""
    if article is None:
        return False
    lo, hi = _sentence_span(article, report)
    text = article.text
    before = text[max(lo, report.start - 30) : report.start]
    after = re.split(r"[,;:]", text[report.end : min(hi, report.end + 40)], maxsplit=1)[0]
    return bool(_REMAINING.search(after) or _REMAINING.search(before.rsplit(",", 1)[-1]))


def _in_turn(sa: dict, sb: dict) -> tuple[dict, dict] | None:
    """The two groups as (earlier, later) when every report of one is dated before every report of the
    other; None when a report is undated or the days overlap."""
    if not sa["days"] or not sb["days"] or min(sa["days"] + sb["days"]) < 0:
        return None
    early, late = (sa, sb) if max(sa["days"]) < min(sb["days"]) else (sb, sa)
    return (early, late) if max(early["days"]) < min(late["days"]) else None


def _falling_remainder(sa: dict, sb: dict) -> bool:
    """Whether two groups read as what was left of one count on two days: they count the same thing,
    every report of one group dated before every report of the other, the later values the lower
    ("23,000 households remained without power" on Monday, "around 6,500 were still" on Wednesday),
    within a factor of five."""
    if sa["dims"] != sb["dims"] or sa["main_counted"] < 0 or sa["main_counted"] != sb["main_counted"]:
        return False
    order = _in_turn(sa, sb)
    if order is None:
        return False
    early, late = order
    return late["hi"] < early["lo"] and 0 < early["hi"] <= _EVOLVING_RATIO * late["lo"]


def _rising_toll(sa: dict, sb: dict, f: dict | None) -> bool:
    """Whether two groups read as one toll on two days: the same predicate of a count that grows while a
    story develops (killed, injured, arrested, burned...), every report of one group dated before every
    report of the other, and the later group's values the higher ("three killed" on Tuesday, "seven" on
    Thursday); or, for counts and areas alike, the two groups' reports agree within each day and the
    days rise, within a factor of five."""
    if f is not None and sa["remaining"] and sb["remaining"]:
        return _falling_remainder(sa, sb)
    if f is None or sa["main_pred"] < 0 or sa["main_pred"] != sb["main_pred"] or sa["dims"] != sb["dims"]:
        return False
    if not sa["days"] or not sb["days"] or min(sa["days"] + sb["days"]) < 0:
        return False
    if f["predicate_names"][sa["main_pred"]] not in _word_set("evolving_predicates"):
        return False
    order = _in_turn(sa, sb)
    if not sa["dims"] and order and order[0]["hi"] < order[1]["lo"] and order[1]["hi"] <= _TOLL_RATIO * max(order[0]["lo"], 1.0):
        return True
    if order and f["predicate_names"][sa["main_pred"]] in _word_set("dwindling_predicates"):
        # "more than 30 missing" on Monday, "eight still missing" on Thursday: the missing are found
        early, late = order
        if late["hi"] < early["lo"] and 0 < early["hi"] <= _EVOLVING_RATIO * late["lo"]:
            return True
    # days that each agree and rise one after the other: "3,200 hectares" on Tuesday, "7,450" on
    # Wednesday, "more than 7,000" / "nearly 12,000" / "11,860" on Thursday
    import numpy as np

    by_day: dict[int, list[int]] = {}
    for i in sa["ix"] + sb["ix"]:
        if f["state"][i] == 0 and f["base"][i] == f["base"][i]:
            by_day.setdefault(int(f["day"][i]), []).append(i)
    if len(by_day) < 2:
        return False
    points = []
    for day in sorted(by_day):
        ix = by_day[day]
        if not f["compat"][np.ix_(ix, ix)].all():
            return False
        values = sorted(float(f["base"][i]) for i in ix)
        points.append(values[len(values) // 2])
    # a count that grows more than fivefold while a story runs is rare; 10 dead and 26,000 are two disasters
    stated = [float(f["base"][i]) for ix in by_day.values() for i in ix]
    return all(b > a for a, b in zip(points, points[1:])) and 0 < max(stated) <= _EVOLVING_RATIO * min(stated)


def _tfidf(contexts: list[list[tuple[str, float]]], n: int):  # type: ignore[no-untyped-def]
    """L2-normalised tf-idf rows (scipy CSR) of the weighted context words."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, context in enumerate(contexts):
        bag: dict[int, float] = {}
        for word, weight in context:
            j = vocab.setdefault(word, len(vocab))
            bag[j] = bag.get(j, 0.0) + weight
        for j, v in bag.items():
            rows.append(i)
            cols.append(j)
            vals.append(v)
    if not vocab:
        return csr_matrix((n, 1))
    x = csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float64)
    df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocab))
    idf = np.log((1 + n) / (1 + df)) + 1.0
    x = x.multiply(idf[np.newaxis, :]).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(x.multiply(1.0 / norms[:, np.newaxis]))


def _fates_alternation() -> str:
    """The lexicon's nouns for what befell people ("injured", "victims"), as a regex alternation."""
    return "|".join(sorted(_word_set("fate_nouns"), key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=1)
def _part_of() -> re.Pattern[str]:
    """What follows the share in "30 of the 80 wounded", "two of its three ships", "17 of the injured",
    "41 of them", "three of them children" (with no verb of its own: "46 of them were taken to hospital" counts the hospitalised):
    the whole, counted (or named by what befell it, or by a pronoun)."""
    lx = lexicon()
    numbers = "|".join(sorted({*lx["units_words"], *lx["tens_words"], *lx["multiplier_words"]}, key=len, reverse=True))
    fates = _fates_alternation()
    them = r"(?:them|whom)\b(?!\s+(?:were|was|are|is|had|have|has|will|would|could|did|do|\w+ed)\b)"
    return re.compile(r"\s+of\s+(?:" + them + r"|(?:the|its|their|his|her|those|these)\s+(?:(?:\d|(?:" + numbers
                      + r")\b)|(?:" + fates + r")\b))", re.IGNORECASE)


# the words that may stand between a determiner and its figure ("its some 5,200 staff", "the just 38 homes")
_ROUGHLY = r"(?:(?:some|about|around|nearly|almost|roughly|over|more\s+than|just|only)\s+)?"

# (also whose figure it is: "the ministry's €180 million", "the mayor's "more than €320 million"")
_OWNED = re.compile(r"\b(?:its|their|([A-Za-z]+)['’]s)\s+[\"“]?" + _ROUGHLY + "$",
                    re.IGNORECASE)
_NOT_OWNERS = frozenset({"it", "that", "there", "here", "what", "who", "he", "she", "let", "where"})  # "it's 20"


def _owned(text: str, start: int) -> bool:
    """Whether a body or person owns the count: "Norvik's 5,200 employees", "its 5,200 staff"."""
    m = _OWNED.search(text, max(0, start - 30), start)
    return bool(m) and (m.group(1) or "").lower() not in _NOT_OWNERS

_CONCEDES = r"(?:admits?|admitted|concedes?|conceded|acknowledges?|acknowledged|claims?|claimed|insists?|insisted)"
# "the official figure of 14", "the government's count of 3,000": a figure of record the article names
# to set its own account against ("the true toll is already higher"): one quantity, two accounts
_OF_RECORD = re.compile(
    r"\b(?:official(?:ly)?|government(?:['’]s)?|police|authorities['’]?|previous|earlier|initial|original)\s+"
    r"(?:death\s+|casualty\s+|confirmed\s+)?(?:figure|toll|count|tally|estimate|number|total)s?\s+"
    r"(?:(?:[\w'’-]+\s+){0,12}?(?:stands|stood|has\s+risen|rose|has\s+climbed|climbed)\s+(?:at|to)|"
    r"of|at|was|is|stood\s+at|had\s+stood\s+at|put\s+at)\s+(?:just\s+|only\s+)?$"
    # "officials admit to just 38": a source's figure the article holds too low (or high)
    rf"|\b{_CONCEDES}\s+(?:to\s+)?(?:just|only|a\s+mere)\s+$", re.IGNORECASE)


# "the 165 knots the airline claims": a definite figure credited right after it, set against the article's own
_THE_BEFORE = re.compile(r"\bthe\s+" + _ROUGHLY + "$", re.IGNORECASE)
_CLAIMED_AFTER = re.compile(rf"(?:[\w'’-]+\s+){{1,4}}?{_CONCEDES}\b")


# "the gang's real price, relayed by a dealer, was 5 million", "the true toll is nearer 40": the
# article's (or a source's) account set against the figure the others give
_CORRECTIVE = re.compile(
    r"\b(?:real|true|actual)\s+(?:[\w'’-]+\s+)?(?:figure|toll|count|tally|number|total|demand|amount|sum|cost|"
    r"price|size|value|scale)s?\b[^.;:!?]{0,60}?\s(?:was|is|were|are|stands\s+at|stood\s+at|at|of|nearer|closer\s+to)"
    r"\s+(?:just\s+|only\s+|about\s+|some\s+|nearer\s+|closer\s+to\s+)?$", re.IGNORECASE)


def _corrective(text: str, start: int) -> bool:
    """Whether the figure is named the real one, against another account of it."""
    return bool(_CORRECTIVE.search(text, max(0, start - 100), start))


def _of_record(text: str, start: int, end: int) -> bool:
    """Whether the article names the figure as another's account of record, to set its own against it."""
    if _OF_RECORD.search(text, max(0, start - 120), start):
        return True
    return bool(_THE_BEFORE.search(text, max(0, start - 30), start)) and bool(_CLAIMED_AFTER.match(text, end + 1)) \
        and text[end:end + 1] == " "


def _of_another_year(article: Article | None, report: FigureReport) -> bool:
    """Whether the report's sentence dates it to a year other than the article's (undated articles: never)."""
    if article is None or article.published is None:
        return False
    lo, hi = _sentence_span(article, report)
    text, year = article.text, article.published.year
    # the year in the figure's own clause after it ("killed 16 miners at the pit in 2011"), just before
    # it ("the flood in March 1998, in which 4,000 died") or opening the sentence ("In 2019, a fire ...")
    clause_end = min([hi, report.end + 60] + [k for k in (text.find(c, report.end, hi) for c in ",;—()") if k >= 0])
    after = list(_in_year().finditer(text, report.end, clause_end))
    before = [m for m in _in_year().finditer(text, max(lo, report.start - 60), report.start)
              if m.group().lower().startswith(("in", "during"))]  # "in power since 2017, slumped to 27.9%" is now
    opening = _in_year().match(text, lo) if lo < report.start else None
    # "since the 2016 riots, when more than 200 were arrested": the event of that year the clause is about
    before += list(_YEAR_EVENT_WHEN.finditer(text, max(lo, report.start - 60), report.start))
    return any(int(m.group(1)) != year for m in after + before + ([opening] if opening else []))


_YEAR_EVENT_WHEN = re.compile(r"\b((?:1[89]|20)\d\d)(?:\s+[a-z]+){1,2},?\s+(?:when|in\s+which|during\s+which)\s")


# "Turnout was 52.3 percent at 6 p.m.", "at 18:00 ... a turnout of 52.3 per cent": a share read at an hour
# of the day is a snapshot, another quantity than the day's final share
_CLOCK = re.compile(r"\b(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\d{1,2}:\d\d\b|noon\b|midday\b)", re.IGNORECASE)


# "licensed to carry 220 passengers", "a capacity of 40,000", "room for 300": what a ship, hall or stadium can
# hold, another quantity than how many it held
_CAPACITY_BEFORE = re.compile(
    r"\b(?:(?:licen[cs]ed|certified|built|designed|approved|permitted|allowed|rated|able|authori[sz]ed|equipped)\s+"
    r"(?:it\s+)?(?:to\s+(?:carry|hold|seat|take|accommodate|house)|for)|capacity\s+(?:of|for)|room\s+for|"
    r"(?:can|could)\s+(?:carry|hold|seat|accommodate|house))\s+(?:up\s+to\s+|just\s+|only\s+|about\s+|some\s+)?$",
    re.IGNORECASE)


def _capacity(text: str, start: int) -> bool:
    return bool(_CAPACITY_BEFORE.search(text, max(0, start - 50), start))


# "of whom eight gravely": a part of the count given just before ("including seven rifles" is not marked:
# it is as often the only count of a cache whose whole is not counted)
# "beating the record of 4.40m set in 1987", "the previous flood record of 4.4 m": the mark
# a figure beat is another quantity than the figure
_BEATEN_RECORD = re.compile(
    r"(?:\b(?:previous|old|former|earlier|existing|last)\s+(?:[\w-]+\s+){0,2}?record\s+(?:of|was|stood\s+at|had\s+been)"
    r"|\b(?:beat|beating|beats|broke|breaking|breaks|smash\w*|surpass\w*|top(?:s|ped|ping)|exceed\w*|eclips\w*)\s+"
    r"(?:the|a|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?record\s+(?:of\s+)?)\s+(?:just\s+|only\s+)?$", re.IGNORECASE)
# a live blog's entry opens on a line of its own with the time of day ("17:45 Death toll rises")
# (a time of day, then a capitalised heading or the line's end: no "3.50 euros" opening a paragraph)
_ENTRY_TIME = re.compile(r"^[ \t]*(?:[01]?\d|2[0-3])[:.][0-5]\d(?=[ \t]+[A-Z'\"‘“(]|[ \t]*$)", re.MULTILINE)


def _entry(article: Article | None, at: int) -> int:
    """Which entry of a live blog the offset falls in (0 before the first), or -1 when the article
    is no live blog (fewer than two timed entries)."""
    if article is None:
        return -1
    starts = _entry_starts(article.text)
    return bisect.bisect_right(starts, at) if len(starts) >= 2 else -1


@lru_cache(maxsize=64)
def _entry_starts(text: str) -> list[int]:
    return [m.start() for m in _ENTRY_TIME.finditer(text)]


_REST_BEFORE = re.compile(r"\b(?:the|its|their|his|her)\s+(?:other|remaining)\s+$", re.IGNORECASE)
_PART_BEFORE = re.compile(r"\bof\s+(?:whom|which)\s+(?:at\s+least\s+|some\s+|about\s+)?$", re.IGNORECASE)
# "the dead include 14 children", "including two crew members", "three teenagers were among the dead":
# people named within a count of people (of things, "including seven rifles" lists the contents of a
# cache, not a share of a count)
_INCLUDED_BEFORE = re.compile(r"\b(?:include[sd]?|including|among\s+(?:them|whom|those))\s+"
                              r"(?:at\s+least\s+|some\s+|about\s+|around\s+|nearly\s+)?$", re.IGNORECASE)
_KIN_OWNER = re.compile(r"\b(?:his|her|their|my|our|your)\b", re.IGNORECASE)  # "three of his eight children": kin
_AMONG_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:were|are|was|is)\s+(?:also\s+)?among\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _part_after_whole() -> re.Pattern[str]:
    """A share after its whole, named by what befell it: "Of the 48 injured, 24 are still in hospital"
    ("Of the 170 people on board, 23 were taken to hospital" counts the injured: no fate, no share)."""
    fates = _fates_alternation()
    return re.compile(r"\bOf\s+(?:the|those|these|its|their)\s+\d[\d,.]*\s+(?:[\w'’-]+\s+){0,2}?(?:" + fates
                      + r"),\s+(?:at\s+least\s+|some\s+|about\s+)?$")


def _whole_fate(text: str, report: FigureReport) -> str | None:
    """The predicate class of what befell a share's whole ("17 of the injured", "Of the 48 wounded, 24"):
    "injured"; None when the whole names no fate ("of whom", "of the 80 passengers")."""
    m = _part_of().match(text, report.end) or _part_after_whole().search(text, max(0, report.start - 50), report.start)
    if not m:
        return None
    words = {w.lower() for w in _WORD.findall(m.group())}
    return next((cls for cls, forms in lexicon()["predicates"].items() if words & set(forms)), None)


_OF_THE_BEFORE = re.compile(r"\bOf\s+(?:the|those|these|its|their)\s+$")
_WHOLE_TO_SHARE = re.compile(r"(?:\s+[\w'’-]+){0,5}?,\s+(?:at\s+least\s+|some\s+|about\s+)?")


def _shares_after_a_fated_whole(reports: list[FigureReport], articles: dict[str, Article]) -> np.ndarray:
    """Which reports are shares of a whole counted just before them under another verb: "Of the 40 people
    taken to hospital, 9 remain in critical condition" ("Of the 170 people on board, 23 were taken to
    hospital": a whole under no verb is the setting, and 23 the count of the hurt)."""
    import numpy as np

    out = np.zeros(len(reports), dtype=bool)
    by_article: dict[str, list[FigureReport]] = {}
    for r in reports:
        by_article.setdefault(r.article_id, []).append(r)
    for k, r in enumerate(reports):
        article = articles.get(r.article_id)
        if article is None or r.predicate is None:
            continue
        out[k] = any(q.end <= r.start < q.end + 60 and q.predicate and q.predicate != r.predicate
                     and _WHOLE_TO_SHARE.fullmatch(article.text, q.end, r.start)
                     and _OF_THE_BEFORE.search(article.text, max(0, q.start - 12), q.start)
                     for q in by_article[r.article_id])
    return out


def _pair_features(reports: list[FigureReport], articles: dict[str, Article], w: FactWeights,
                   protagonists: dict[str, str]) -> dict:
    """Pairwise cue matrices (n x n numpy arrays) for the reports."""
    import numpy as np

    n = len(reports)

    # context vectors: tf-idf over the words around each figure
    contexts = [_context(articles.get(r.article_id), r, w.window, w.prefix) for r in reports]
    names = [{word for word, weight in c if weight > 1.0} for c in contexts]
    words = [{word for word, _ in c} for c in contexts]
    x = _tfidf(contexts, n)
    ctx = (x @ x.T).toarray()
    if w.merge_window != w.window:
        near = _tfidf([_context(articles.get(r.article_id), r, w.merge_window, w.prefix) for r in reports], n)
    else:
        near = x

    def codes(keys: list[str | None], table: dict[str, int] | None = None) -> np.ndarray:
        table = {} if table is None else table
        return np.array([-1 if k is None else table.setdefault(k, len(table)) for k in keys])

    dim_table: dict[str, int] = {}

    keys = _short_forms(reports, [_counted_key(r, articles.get(r.article_id)) for r in reports])
    counted = codes([k for k, _ in keys])
    known_class = np.array([known for _, known in keys])
    subject_words = [_subject(articles.get(r.article_id), r, protagonists.get(r.article_id)) for r in reports]
    age_lists = _age_lists(reports, articles)
    for i, (noun, _, _) in age_lists.items():
        subject_words[i] = subject_words[i] or noun  # "two girls, ages 5 and 9": the girls
    subject = codes(subject_words)
    pred_table: dict[str, int] = {}
    predicate = codes([r.predicate for r in reports], pred_table)
    dim = codes([_dimension(r) for r in reports], dim_table)
    rate = codes([(r.unit or "").partition(" per ")[2] or None for r in reports])
    article = codes([r.article_id for r in reports])
    sentence = codes([f"{r.article_id}#{r.sentence}" if r.sentence is not None else f"{r.article_id}@{r.start}"
                      for r in reports])
    lo = np.empty(n)
    hi = np.empty(n)
    base = np.full(n, np.nan)
    for i, r in enumerate(reports):
        iv = report_interval(r)
        lo[i], hi[i] = iv if iv is not None else (-math.inf, math.inf)
        if r.value is not None:
            base[i] = r.value * unit_parts(r.unit)[0]

    def both(c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        known = (c[:, None] >= 0) & (c[None, :] >= 0)
        same = known & (c[:, None] == c[None, :])
        return same, known & ~same

    same_c, other_c = both(counted)
    # parts of two different sports records ("45-7-2" and "14-13-2" share their draws by chance)
    sigs = [tuple(re.findall(r"\d+", r.text)) if _dimension(r) == "record" else () for r in reports]
    record_clash = np.zeros((n, n), dtype=bool)
    rec = [i for i, sg in enumerate(sigs) if len(sg) >= 2]
    for a_i in rec:
        for b_i in rec:
            sa, sb = sigs[a_i], sigs[b_i]
            differ = sum(x != y for x, y in zip(sa, sb))
            # one part may be disputed ("52-3" / "53-3"); a record of another length that differs
            # in a shared part ("45-1" / "45-7-2") belongs to someone else
            if differ >= 2 or (len(sa) != len(sb) and differ >= 1):
                record_clash[a_i, b_i] = True
    # "two girls, ages 5 and 9" / "7- and 11-year-old girls": the younger girl's age is the first of
    # each list, the older one's the second; the sons' ages are no account of the girls'
    list_clash = np.zeros((n, n), dtype=bool)
    for i, (noun_i, rank_i, len_i) in age_lists.items():
        for j, (noun_j, rank_j, len_j) in age_lists.items():
            list_clash[i, j] = _kin(noun_i) != _kin(noun_j) or (len_i == len_j and rank_i != rank_j)
    other_class = other_c & known_class[:, None] & known_class[None, :]
    # "Twelve of the injured were in critical condition" counts people, whatever its noun-less wording:
    # no account of "12 breaches", a count of things under no verb of its own
    people_fates = _word_set("people_fates")
    fate_bare = np.array([r.counted is None and r.unit is None and bool(r.predicate)
                          and bool(people_fates & set(r.predicate.split())) for r in reports])
    thing_bare = np.array([k is not None and r.unit is None and r.predicate is None and not (known and k in _PEOPLE_CLASSES)
                           and r.counted is not None and r.counted.islower() for (k, known), r in zip(keys, reports)])
    other_class |= (fate_bare[:, None] & thing_bare[None, :]) | (thing_bare[:, None] & fate_bare[None, :])
    # two roles within one class are two groups of people: "120 workers on shift", "80 firefighters"
    role = codes([_people_role(r.counted, r.text) for r in reports])
    role_clash = (role[:, None] >= 0) & (role[None, :] >= 0) & (role[:, None] != role[None, :])
    same_s, other_s = both(subject)
    # a unit against a counted noun ("three years" / "three people") are two quantities
    unit_vs_noun = ((dim[:, None] >= 0) & (dim[None, :] < 0) & (counted[None, :] >= 0) & ~known_class[None, :]) | (
        (dim[None, :] >= 0) & (dim[:, None] < 0) & (counted[:, None] >= 0) & ~known_class[:, None])
    unit_vs_noun |= ((dim[:, None] >= 0) & (dim[None, :] < 0) & known_class[None, :]) | (
        (dim[None, :] >= 0) & (dim[:, None] < 0) & known_class[:, None])
    same_p, other_p = both(predicate)
    # what befell the counted people, when the verb sits right at the figure ("12 arrested",
    # "18 people had been injured"); a verb further away is often another clause's
    verb = codes([_near_predicate(articles.get(r.article_id), r) for r in reports])
    # "NINE people are dead" against "12 crew": a fate read right at the figure, against people
    # in a role that nothing befell; the group passes keep such groups apart (the first pass does not
    # need to: "15 crew" may be the dead)
    fated = (verb >= 0) & (role < 0)
    idle_role = (role >= 0) & (predicate < 0)
    counts = (verb >= 0) & (dim < 0)  # counts of people (no unit) with what befell them
    pred_clash = counts[:, None] & counts[None, :] & (verb[:, None] != verb[None, :])
    # a count of people killed, injured, arrested... has no unit: "70 wounded" is not "70 percent"
    pred_clash |= (counts[:, None] & (dim[None, :] >= 0)) | ((dim[:, None] >= 0) & counts[None, :])
    # ... whichever verb of the clause names the fate: "the number killed rose to five" is no "5 km"
    fates = _word_set("exclusive_predicates")
    fate = np.where([r.predicate in fates for r in reports], predicate, -1)  # what befell the counted, or -1
    fate_count = (fate >= 0) & np.array([r.unit is None and r.counted is None for r in reports]) & (dim < 0)
    pred_clash |= (fate_count[:, None] & (dim[None, :] >= 0)) | ((dim[:, None] >= 0) & fate_count[None, :])
    # two fates of bare counts, wherever the clause names them: the toll "rose to eleven" is not the
    # eleven "still in a serious condition"
    pred_clash |= fate_count[:, None] & fate_count[None, :] & (fate[:, None] != fate[None, :])
    # what befalls people befalls no thing: "five hurt" is no count of "five villages damaged" or of boats
    people_kinds = {code for (key, known), code in zip(keys, counted) if known and key in _PEOPLE_CLASSES}
    of_people = counts & ((counted < 0) | np.isin(counted, sorted(people_kinds)))
    occasions = np.array([r.unit == "times" or (r.counted or "").lower() == "times" for r in reports])
    thing = np.array([r.predicate == "destroyed" for r in reports]) | (
        known_class & ~np.isin(counted, sorted(people_kinds)) & ~occasions)  # "arrested four times" counts arrests
    pred_clash |= (of_people[:, None] & thing[None, :]) | (thing[:, None] & of_people[None, :])
    # "N times" counts occasions of its own verb: "arrested three times" is no count of shots fired
    occasion = occasions & (predicate >= 0)
    other_verb = (predicate[:, None] >= 0) & (predicate[None, :] >= 0) & (predicate[:, None] != predicate[None, :])
    pred_clash |= (occasion[:, None] | occasion[None, :]) & other_verb
    # shots fired against shots that hit, a term against the time served: rival readings of one event
    for a, b in lexicon().get("rival_predicates", ()):
        is_a, is_b = predicate == pred_table.get(a, -2), predicate == pred_table.get(b, -2)
        pred_clash |= np.outer(is_a, is_b) | np.outer(is_b, is_a)
    same_d, other_d = both(dim)
    one_dim = (dim[:, None] >= 0) != (dim[None, :] >= 0)
    other_rate = (rate[:, None] != rate[None, :]) & (dim[:, None] >= 0)
    with np.errstate(invalid="ignore"):
        same_v = np.isclose(base[:, None], base[None, :], rtol=1e-9, atol=1e-12)
    # the same vague amount ("dozens injured" in two outlets) is one value said twice
    vague = np.array([r.value is None and r.qualifier == "vague" and r.low is not None for r in reports])
    vague_low = np.array([r.low if v else math.nan for r, v in zip(reports, vague)], dtype=float)
    same_v |= vague[:, None] & vague[None, :] & (vague_low[:, None] == vague_low[None, :])
    compat = (lo[:, None] <= hi[None, :]) & (lo[None, :] <= hi[:, None])
    stems = [_stem(r.counted) if r.counted else None for r in reports]
    noun_in = np.zeros((n, n), dtype=bool)
    by_word: dict[str, list[int]] = {}
    for j, ws in enumerate(words):
        for word in ws:
            by_word.setdefault(word, []).append(j)
    for i, st in enumerate(stems):
        if st:
            noun_in[i, by_word.get(st, [])] = True
    noun_in = noun_in | noun_in.T
    by_name: dict[str, list[int]] = {}
    for j, ns in enumerate(names):
        for word in ns:
            by_name.setdefault(word, []).append(j)
    shared = np.zeros((n, n))
    for js in by_name.values():
        if len(js) > 1:
            ix = np.array(js)
            shared[np.ix_(ix, ix)] += 1
    sizes = np.array([len(x) for x in names], dtype=float)
    union = sizes[:, None] + sizes[None, :] - shared
    with np.errstate(invalid="ignore", divide="ignore"):
        name_overlap = np.where(union > 0, shared / union, 0.0)
        rel = np.abs(base[:, None] - base[None, :]) / np.maximum(np.abs(base[:, None]), np.abs(base[None, :]))
    close = (rel < 0.35) & ~same_v
    # "30 of the 80 wounded", "including two crew members": a share of a count is no account of
    # another value of that count
    part = np.array([r.article_id in articles and (
        bool(_part_of().match(articles[r.article_id].text, r.end))
        or bool(_PART_BEFORE.search(articles[r.article_id].text, max(0, r.start - 30), r.start))
        or bool(_part_after_whole().search(articles[r.article_id].text, max(0, r.start - 50), r.start))
        or (keys[i][0] in _PEOPLE_CLASSES and r.unit is None and (
            bool(_INCLUDED_BEFORE.search(articles[r.article_id].text, max(0, r.start - 30), r.start))
            or bool(_AMONG_AFTER.match(articles[r.article_id].text, r.end))))) for i, r in enumerate(reports)])
    part |= _shares_after_a_fated_whole(reports, articles)
    # "Six of the wounded are gravely hurt" counts the seriously injured: a share under a verb of its
    # own, other than what befell its whole, is that verb's count (an account of "the number in a serious
    # condition has fallen to 11"), not another value of the whole
    own_verb = np.array([bool(part[i]) and r.predicate is not None and r.article_id in articles
                         and _whole_fate(articles[r.article_id].text, r) not in (None, r.predicate)
                         for i, r in enumerate(reports)])
    # "7.1%, up from 6.5%": the earlier state of a change is no rival account of the current value;
    # nor is a number added to a count ("two more died") an account of the count ("seven dead")
    state = np.array([{"previously": 1, "additional": 2}.get(r.qualifier or "", 0) for r in reports])
    state_clash = (state[:, None] != state[None, :]) & ~same_v
    # "the other two victims", "the remaining 40 miners": the rest of a count, no account of the count
    # itself whatever its value (a toll of two the day before is no match for it)
    rest = np.array([r.article_id in articles and bool(_REST_BEFORE.search(articles[r.article_id].text, max(0, r.start - 20), r.start))
                     for r in reports])
    state_clash |= rest[:, None] != rest[None, :]
    # "15,000 marched in the capital ... a further 15,000 joined in the port": within one article an added
    # number is another count than the one it adds to, whatever the values
    added_apart = (article[:, None] == article[None, :]) & ((state[:, None] == 2) != (state[None, :] == 2))
    state_clash |= added_apart
    # "Norvik's 5,200 employees", "its 5,200 staff": what a body has, no account of how many of them
    # did something ("more than 4,800 workers joined the strike")
    # (not what befell people: "the storm's four victims" is the toll)
    fate_nouns = _word_set("fate_nouns")
    owned = np.array([r.article_id in articles and r.unit is None and (r.counted or "").lower() not in fate_nouns
                      and _owned(articles[r.article_id].text, r.start) for r in reports])
    owned_clash = (owned[:, None] != owned[None, :]) & ~same_v
    # "a gas blast killed 16 miners at the pit in 2011": a figure of another year than the article's is
    # another event's, no account of this one's count
    past = np.array([_of_another_year(articles.get(r.article_id), r) for r in reports])
    beaten = np.array([r.article_id in articles and bool(_BEATEN_RECORD.search(articles[r.article_id].text, max(0, r.start - 60), r.start))
                       for r in reports])
    capacity = np.array([r.counted == "capacity" or (r.article_id in articles and _capacity(articles[r.article_id].text, r.start))
                         for r in reports])
    # "the dead include 14 children", "17 of the dead were children": a share named by age, sex or kin
    # is a part of the count, whatever its value (the first day's toll may have been 17), and the
    # children are not the women
    subgroups = _word_set("subgroup_nouns")
    subgroup = codes([_stem(r.counted.lower()) if r.counted and r.counted.lower() in subgroups
                      and not _KIN_OWNER.search(r.text) and (
        part[i] or _part_of().search(r.text)) else None
        for i, r in enumerate(reports)])
    named = subgroup >= 0
    share = part | named
    subgroup_clash = (named[:, None] & ~share[None, :]) | (~share[:, None] & named[None, :]) \
        | (named[:, None] & named[None, :] & (subgroup[:, None] != subgroup[None, :]))
    # (two shares of one whole, counting the same under the same verb, are one share told twice or
    # at two moments: "17 of the injured were critical", "11 remain critical, down from 17")
    one_share = share[:, None] & share[None, :] & (predicate[:, None] == predicate[None, :]) & (predicate[:, None] >= 0) \
        & ((counted[:, None] == counted[None, :]) | (named[:, None] & (subgroup[:, None] == subgroup[None, :])))
    own_count = ((own_verb[:, None] & ~share[None, :]) | (~share[:, None] & own_verb[None, :])) \
        & (predicate[:, None] == predicate[None, :]) & (predicate[:, None] >= 0)
    part_clash = ((share[:, None] | share[None, :]) & ~same_v & ~one_share & ~own_count) | subgroup_clash | state_clash | owned_clash | (capacity[:, None] != capacity[None, :]) \
        | ((past[:, None] != past[None, :]) & (~same_v | other_p)) | ((beaten[:, None] != beaten[None, :]) & ~same_v)
    share_dims = {c for k, c in dim_table.items() if k in _SHARE_UNITS}
    clock = np.array([int(dim[i]) in share_dims and r.article_id in articles and bool(_CLOCK.search(
        articles[r.article_id].text, *_sentence_span(articles[r.article_id], r))) for i, r in enumerate(reports)])
    part_clash |= (clock[:, None] != clock[None, :]) & ~same_v
    # "nine of the injured are children" is no count of the dead, whatever its value
    part_clash |= (part[:, None] | part[None, :]) & (fate[:, None] >= 0) & (fate[None, :] >= 0) & (fate[:, None] != fate[None, :])
    # "20 Norran soldiers" and "15 Vesk soldiers" in one article: each names its body in its own words, and
    # not the same one (across articles names vary too much: "AK-47s", "AK47 rifles")
    body = [{n[:4].lower() for n in _names_in_span(r.text)} for r in reports]
    with_body = [k for k, b in enumerate(body) if b]
    for x, k in enumerate(with_body):
        for m in with_body[x + 1:]:
            if reports[k].article_id == reports[m].article_id and not (body[k] & body[m]):
                part_clash[k, m] = part_clash[m, k] = True
    # 1: a figure of record the article names; 2: the account it sets against one ("the real price was 5
    # million"); 0: neither. Two figures of one article in two of these roles are two accounts of one quantity
    of_record = np.array([0 if r.article_id not in articles else 1 if _of_record(articles[r.article_id].text, r.start, r.end)
                          else 2 if _corrective(articles[r.article_id].text, r.start) else 0 for r in reports])
    return {
        "of_record": of_record, "part_clash": part_clash, "list_clash": list_clash, "state_clash": state_clash, "state": state, "role": role, "role_clash": role_clash, "fated": fated, "idle_role": idle_role, "noun_in": noun_in, "names": name_overlap, "close": close,
        "named_apart": _named_apart(reports, counted, base),
        "people": np.array([key in _PEOPLE_CLASSES for key, _ in keys]),
        "none_c": (counted[:, None] < 0) & (counted[None, :] < 0),
        "personal": np.isin(dim, [c for k, c in dim_table.items() if k in ("age", "age to come", "record")]),
        "generic": np.isin(dim, [c for k, c in dim_table.items() if k == "time" or k in currency_codes()]),
        "vague": vague, "record_clash": record_clash, "other_rate": other_rate, "other_class": other_class, "same_s": same_s, "other_s": other_s, "unit_vs_noun": unit_vs_noun,
        "context_words": words, "context_names": names, "subject_stem": [_stem(x)[: w.prefix] if x else None for x in subject_words],
        "vectors": near, "base": base, "known": known_class, "subject": subject, "counted": counted, "predicate": predicate, "dim": dim, "article": article,
        "ctx": ctx, "same_c": same_c, "other_c": other_c, "same_p": same_p, "other_p": other_p,
        "same_d": same_d, "other_d": other_d, "one_dim": one_dim, "same_v": same_v, "compat": compat,
        "share_dims": share_dims,
        "time_dims": {c for k, c in dim_table.items() if k == "time"}, "pred_clash": pred_clash, "predicate_names": {c: k for k, c in pred_table.items()},
        "same_art": article[:, None] == article[None, :], "same_sent": sentence[:, None] == sentence[None, :],
        "sentence": sentence,
        "span": [(articles[r.article_id].text if r.article_id in articles else "", r.start, r.end) for r in reports],
        "nested": nested_in_another(reports),
        "entry": np.array([_entry(articles.get(r.article_id), r.start) for r in reports]),
        "sentence_span": [_sentence_span(articles.get(r.article_id), r) for r in reports],
        "log_scale": np.array([_dimension(r) in _word_set("log_scale_units") for r in reports], dtype=bool),
        "remaining": np.array([_remaining(articles.get(r.article_id), r) for r in reports], dtype=bool),
        # the day each report's article was published (ordinal; -1 undated): a toll that rises day by day
        "day": np.array([articles[r.article_id].published.toordinal()
                         if r.article_id in articles and articles[r.article_id].published else -1 for r in reports]),
    }


def _originals(copies: Sequence[Copy]) -> dict[str, str]:
    """Each copy's first original, following chains (a copy of a copy); cycles stop where they close."""
    direct = {c.article_id: c.original_id for c in sorted(copies, key=lambda c: (c.article_id, c.original_id))}
    out = {}
    for start in direct:
        seen, cur = {start}, direct[start]
        while cur in direct and cur not in seen:
            seen.add(cur)
            cur = direct[cur]
        out[start] = cur
    return out


def _source(article_id: str, articles: dict[str, Article], original: dict[str, str]) -> str:
    """Who vouches for a report: a copy counts as its original, unless another outlet published it
    (an outlet that runs a wire story stands behind its figures)."""
    first = original.get(article_id)
    if first is None:
        return article_id
    mine, theirs = articles.get(article_id), articles.get(first)
    if mine is not None and theirs is not None and mine.outlet and theirs.outlet and mine.outlet != theirs.outlet:
        return article_id
    return first


def _one_per_sentence(members: list[FigureReport]) -> list[FigureReport]:
    """A fact keeps one report per source sentence and value (the first): a sentence that gives both
    sides of a dispute ("the centre said 5.9, the survey 6.1") keeps both."""
    # (a cardinal before an ordinal: "a third victim died, bringing the toll to three" keeps "three")
    best: dict[tuple, FigureReport] = {}
    for r in members:
        if r.sentence is not None:
            key = (r.article_id, r.sentence, r.value)
            if key not in best or best[key].qualifier == "ordinal" and r.qualifier != "ordinal":
                best[key] = r
    out = []
    for r in members:
        if r.sentence is not None and best[(r.article_id, r.sentence, r.value)] is not r:
            continue
        out.append(r)
    return out


def _make_fact(fact_id: str, members: list[FigureReport], articles: dict[str, Article],
               original: dict[str, str], names: dict[str, dict[str, str]] | None = None) -> Fact:
    sources = {_source(r.article_id, articles, original) for r in members}
    if len(sources) < 2:
        verdict, timing, note = "single", None, None
        disputed = _credited_values(members, articles)
        if disputed:
            # one outlet setting two sources' values against each other ("police put the crowd at
            # 3,000; organisers said 10,000") reports a dispute
            verdict, timing, note = "conflict", "contemporaneous", disputed
    elif intervals_agree(members):
        verdict, timing, note = "agree", None, None
    else:
        verdict = "conflict"
        timing, note = _timing(members, articles)
    about = _about(members)
    if about == "age" and all(_dimension(r) == "age to come" for r in members):
        about = "age to come"  # "will turn 31 in May"
    if about in ("age", "age to come", "wins", "losses", "draws", "record"):
        # whose age or record: the name most reports sit next to ("age of Orozco")
        names = names or {}
        who = _commonest(Counter(filter(None, (names.get(r.article_id, {}).get(_subject(articles.get(r.article_id), r) or "")
                                                for r in members))))
        if who:
            about = f"{about} of {who}"
    return Fact(id=fact_id, about=about, verdict=verdict, reports=tuple(members),  # type: ignore[arg-type]
                timing=timing, note=note)  # type: ignore[arg-type]


def _credited_values(members: list[FigureReport], articles: dict[str, Article]) -> str | None:
    """"3,000 against 10,000, in one sentence": two values one sentence credits to two sources
    that no single value satisfies, or None."""
    for a, b in combinations(sorted(members, key=lambda r: (r.article_id, r.start)), 2):
        article = articles.get(a.article_id)
        if article is None or a.article_id != b.article_id or a.sentence is None or a.sentence != b.sentence \
                or b.start < a.end or intervals_agree([a, b]):
            continue
        if _credits_source(article.text, a.end, b.start):
            return f"{a.text} against {b.text}, in one sentence of {article.outlet or a.article_id}"
    return None


def _about(members: list[FigureReport]) -> str:
    """A short readable label: "peacekeepers injured", "turnout", "campaign (days)", "number injured".

    The verb joins the label only when most reports carry it, and never for a share
    ("3.5 percent voter turnout" is a turnout, not a count of voters).
    """
    nouns = Counter(r.counted for r in members if r.counted)
    preds = Counter(r.predicate for r in members if r.predicate)
    units = Counter(r.unit.split()[-1] for r in members if r.unit)
    dims = Counter(unit_parts(r.unit)[1] for r in members if r.unit)
    first = {r.counted: i for i, r in reversed(list(enumerate(members)))}
    noun = _commonest(nouns, first)
    pred = _commonest(preds)
    unit = _commonest(units)
    if noun == "age":
        return "age"
    if pred and (preds[pred] * 2 <= len(members) or pred == noun or pred == "aged" or unit in _SHARE_UNITS):
        pred = None
    if noun is None:
        if _commonest(dims) == "time" and unit:
            return f"duration ({_unit_label(unit)})"
        if unit and unit not in _SHARE_UNITS and not pred:
            return _unit_label(unit)
        if pred and unit and unit.isupper():
            return f"amount {pred} ({unit})"  # "$80 million" paid: a sum of money, not a number of things
        return f"number {pred}" if pred else (unit or "figure")
    if pred:
        return f"{noun} {pred}"
    if unit and _commonest(dims) not in (None, "count") and unit not in _SHARE_UNITS and unit != noun:
        return f"{noun} ({_unit_label(unit)})"
    return noun


def _unit_label(unit: str) -> str:
    """'day' -> 'days', 'mile' -> 'miles', 'foot' -> 'feet'; a currency code or a symbol ('km', 'mph') stays."""
    if unit.isupper() or unit.endswith("s") or unit in _UNIT_SYMBOLS:
        return unit
    return _UNIT_PLURALS.get(unit, unit + "s")


_UNIT_PLURALS = {"foot": "feet", "inch": "inches", "square foot": "square feet", "square inch": "square inches"}
_UNIT_SYMBOLS = frozenset({"km", "m", "kg", "g", "mph", "km/h", "km2", "m2", "mm", "cm", "mw", "gw", "kw", "mb", "gb", "tb"})


# Units that make a figure a share of something, not a count.
_SHARE_UNITS = frozenset({"percent", "%", "percentage", "points"})


def _commonest(counter: Counter[str], first: dict | None = None) -> str | None:
    """The most frequent key; ties go to the one seen first (else alphabetical)."""
    if not counter:
        return None
    first = first or {}
    return sorted(counter.items(), key=lambda kv: (-kv[1], first.get(kv[0], 1 << 30), kv[0]))[0][0]


def _timing(members: list[FigureReport], articles: dict[str, Article]) -> tuple[str, str | None]:
    """'evolving' when the reports, ordered by their articles' dates, agree within each date and move one
    way; or when they disagree only with the earlier states the articles give ("to 6.25% from 5.75%")."""
    now = [r for r in members if r.qualifier != "previously"]
    only_past = len(now) < len(members) and intervals_agree(now)
    if only_past and any(articles.get(r.article_id) is None or articles[r.article_id].published is None for r in members):
        def outlets(rs: list[FigureReport]) -> str:
            return ", ".join(sorted({(articles[r.article_id].outlet if r.article_id in articles else None) or r.article_id
                                     for r in rs}))
        past = [r for r in members if r.qualifier == "previously"]
        return "evolving", f"{past[0].text} (before; {outlets(past)}) → {now[0].text} ({outlets(now)})"
    dated = []
    for r in members:
        a = articles.get(r.article_id)
        if a is None or a.published is None:
            return "contemporaneous", None
        # an earlier state ("up from 23") stands just before its article's date
        dated.append(((a.published, 0 if r.qualifier == "previously" else 1), r))
    days = sorted({d for d, _ in dated})
    if len(days) < 2:
        return "contemporaneous", None
    per_day = []
    for day in days:
        rs = [r for d, r in dated if d == day]
        if not intervals_agree(rs):
            return "contemporaneous", None
        # one point per day, the middle of the numbers stated ("at least 23" and "23" both say 23: an
        # open bound or a rounding band says nothing of the direction)
        vals = sorted(r.value * unit_parts(r.unit)[0] for r in rs if r.value is not None)
        if not vals:
            continue
        per_day.append((day, vals[len(vals) // 2], rs))
    rising = all(b[1] >= a[1] for a, b in zip(per_day, per_day[1:]))
    falling = all(b[1] <= a[1] for a, b in zip(per_day, per_day[1:]))
    if not (rising or falling):
        return "contemporaneous", None
    # two outlets on two days always "move one way": that reads as an evolution only for counts that
    # grow while a story develops (a toll, arrests); anything else needs three dated steps
    verb = _commonest(Counter(r.predicate for r in members if r.predicate))
    if len(per_day) < 3 and verb not in _word_set("evolving_predicates") and not only_past:
        return "contemporaneous", None
    # consecutive days that give one value are one step: "23 (A, 2026-03-10; B, 2026-03-11) → 41 (C, 2026-03-12)"
    steps: list[tuple[float, str, list[str]]] = []
    for (day, stage), point, rs in per_day:
        outlets = ", ".join(sorted({(articles[r.article_id].outlet or r.article_id) for r in rs}))
        when = f"{outlets}, {'before ' if stage == 0 else ''}{day.isoformat()}"
        if steps and steps[-1][0] == point:
            steps[-1][2].append(when)
        else:
            steps.append((point, rs[0].text, [when]))
    return "evolving", " → ".join(f"{text} ({'; '.join(whens)})" for _, text, whens in steps)
