"""Who an article holds to blame: accusation verbs with their subject and object, and agents of harmful acts.

Two kinds of claim are read out of each sentence:

- *accusation*: "X condemned Y", "X accused Y of ...", "Y was blamed by X",
  "the culprit is Y", "a rebuke from X"; when the verb stands inside a quotation
  the quotation's speaker voices it ("... condemns the actions of Y," X said →
  X condemned Y);
- *responsibility*: the subject of a harmful act in the article's own voice
  ("Moscow used ... to inflame tensions" → Moscow, inflame).

There is no parser here (no trained model is allowed): subject and object are
found with shallow rules over capitalised name chunks around the verb — the
nearest chunk before the verb in its clause (skipping auxiliaries, adverbs and
appositives; the clause's first chunk for an infinitive or a coordinated verb)
and the first chunk after it.  Written by hand for that reason; the word lists
live in ``data/framing/blame.json``.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Article, Quote
from .citations import fold, proper_vocabulary

__all__ = ["find_blame", "verb_forms"]

_CAP = r"(?:[A-Z][\w\u2019'.-]*[\w]|[A-Z])"
_CHUNK = re.compile(rf"(?<![\w\u2019'-]){_CAP}(?:\s+(?:of\s+(?:the\s+)?|de\s+|von\s+|al-)?{_CAP})*")
_BOUNDARY = re.compile(r"[;:]|,\s+(?:but|while|although|though|whereas|because|since|when|after)\s")
_DASH_ASIDE = re.compile(r"\u2014[^\u2014]*\u2014|\s[\u2013-]\s[^\u2013]*\s[\u2013-]\s")
_QUOTE_MARKS = re.compile(r"[\u201c\u201d\"]")
_POSSESSIVE = re.compile(r"[\u2019']s?$")
_WORD = re.compile(r"[^\W_][\w\u2019'-]*")
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_TOKEN = re.compile(r"\w+")
_QUOTED = re.compile(r"\u201c[^\u201c\u201d]*\u201d|\"[^\"]*\"")


def verb_forms(entry: str) -> list[str]:
    """Surface forms of a lexicon entry: "condemn" → condemn, condemns, condemned, condemning.

    An entry written "slam|slams|slammed|slamming" lists its forms itself.
    """
    if "|" in entry:
        return [f.strip() for f in entry.split("|") if f.strip()]
    w = entry.strip()
    if w.endswith("e"):
        return [w, w + "s", w + "d", w[:-1] + "ing"]
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return [w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return [w, w + "es", w + "ed", w + "ing"]
    return [w, w + "s", w + "ed", w + "ing"]


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    data = json.loads(resources.files("crossread").joinpath("data/framing/blame.json").read_text(encoding="utf-8"))
    lemma_of: dict[str, tuple[str, str]] = {}
    for kind in ("accusation", "responsibility"):
        for entry in data[kind]:
            forms = verb_forms(entry)
            lemma = forms[0]
            for f in forms:
                lemma_of.setdefault(f.casefold(), (lemma, kind))
    nouns = sorted(set(data["blame_nouns"]) | set(data["from_nouns"]), key=len, reverse=True)
    single = frozenset(f for f in lemma_of if _TOKEN.fullmatch(f))
    longer = sorted((f for f in lemma_of if f not in single), key=len, reverse=True)
    return {
        "verb_words": single,
        "verb_phrases": re.compile(rf"(?:{'|'.join(re.escape(f) for f in longer)})\b", re.IGNORECASE) if longer else None,
        "nouns": re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in nouns)})\b", re.IGNORECASE),
        "lemma_of": lemma_of,
        "blame_nouns": {n.casefold() for n in data["blame_nouns"]},
        "from_nouns": {n.casefold() for n in data["from_nouns"]},
        "skip": {w.casefold() for w in data["skip_words"]},
        "pronouns": {w.casefold() for w in data["pronouns"]},
        "not_names": set(data["not_names"]),
        "passive": {w.casefold() for w in data["passive_markers"]},
        "determiners": {w.casefold() for w in data["determiners"]},
        "prepositions": {w.casefold() for w in data["prepositions"]},
        "object_starts": {w.casefold() for w in data["object_starts"]},
        "adjective_markers": {w.casefold() for w in data["adjective_markers"]},
        "progressive_markers": {w.casefold() for w in data["progressive_markers"]},
    }


def _verb_hits(text: str) -> list[re.Match[str]]:
    """Where the accusation and harm verbs' forms stand in text, as matches.

    The same matches as one case-insensitive ``\\b(?:form|form|...)\\b`` alternation with the longest
    form first, found faster (that alternation of a few hundred forms is slow in ``re``): each word
    is looked up in the set of one-word forms, and where a longer form (a phrase such as "held
    responsible") matches at a word's start, the phrase wins.
    """
    lex = _lexicon()
    words, phrases = lex["verb_words"], lex["verb_phrases"]
    out = []
    end = 0
    for m in _TOKEN.finditer(text):
        if m.start() < end:
            continue
        hit = phrases.match(text, m.start()) if phrases is not None else None
        if hit is None and m.group().lower() in words:
            hit = m
        if hit is not None:
            out.append(hit)
            end = hit.end()
    return out


def _chunks(text: str) -> list[tuple[int, int, str]]:
    """Capitalised name chunks of text: (start, end, name without possessive or leading function words).

    Chunks joined by "and" ("Russia and Serbia"), or listed with commas before a final
    "and" ("the UK, France, Italy, and Germany"), become one compound chunk.
    """
    lex = _lexicon()
    out = []
    for m in _CHUNK.finditer(text):
        words = m.group().split()
        start = m.start()
        if start == 0 and words and words[0].endswith("ing") and len(words[0]) > 5:
            start += len(words[0]) + 1  # a sentence opening on a participle ("Speaking at ...")
            words = words[1:]
        while words and words[0] in lex["not_names"]:
            start += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        name = _POSSESSIVE.sub("", " ".join(words)).rstrip(".")
        if name and name not in lex["not_names"]:
            out.append((start, m.end(), name))
    merged: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        if not run:
            return
        gaps = [text[a[1] : b[0]] for a, b in zip(run, run[1:])]
        if gaps and re.search(r"\band\b", gaps[-1]):
            merged.append((run[0][0], run[-1][1], ", ".join(c[2] for c in run[:-1]) + " and " + run[-1][2]))
        else:
            merged.extend(run)
        run.clear()

    for c in out:
        if run:
            gap = text[run[-1][1] : c[0]]
            and_gap = re.fullmatch(r",?\s+and\s+(?:the\s+)?", gap)
            comma_gap = re.fullmatch(r",\s+(?:the\s+)?", gap) and _POSSESSIVE.search(text[run[-1][0] : run[-1][1]]) is None
            if and_gap or comma_gap:
                run.append(c)
                if and_gap:
                    flush()
                continue
            flush()
        run.append(c)
    flush()
    # a comma list that never met "and" is not a compound: split it back
    return sorted(merged)


def _is_possessive(text: str, chunk: tuple[int, int, str]) -> bool:
    return bool(_POSSESSIVE.search(text[chunk[0] : chunk[1]]))


def _after_preposition(text: str, chunk: tuple[int, int, str]) -> bool:
    """The chunk follows a preposition within two words ("in northern Kosovo")."""
    before = text[: chunk[0]].split()[-2:]
    return any(w.casefold().strip(",") in _lexicon()["prepositions"] for w in before)


def _strip_tail(left: str) -> str:
    """Drop auxiliaries and adverbs standing between a subject and its verb."""
    skip = _lexicon()["skip"]
    words = left.rstrip().split(" ")
    while words and (words[-1].casefold() in skip or (words[-1].endswith("ly") and words[-1].islower() and len(words[-1]) > 4)):
        words.pop()
    return " ".join(words).rstrip()


def _head_chunk(clause: str, np_tail: bool = True) -> str | None:
    """The chunk of a clause most likely to be its subject: the last one that is neither possessive
    nor inside a prepositional phrase (else the last chunk at all)."""
    chunks = _chunks(clause)
    if not chunks:
        return None
    eligible = [c for c in chunks if not _is_possessive(clause, c) and not _after_preposition(clause, c)]
    start, end, name = (eligible or chunks)[-1]
    rest = clause[end:].split()
    if np_tail and len(rest) >= 2 and rest[-2].casefold() in {"a", "an", "the"} and rest[-1].isalpha() and rest[-1].islower():
        return f"{rest[-2]} {rest[-1]}"  # "the Post says a crowd looted": the crowd did
    if len(rest) == 1 and _WORD.fullmatch(rest[0]) and rest[0].islower() and rest[0].casefold() not in _lexicon()["determiners"]:
        return f"{name} {rest[0]}"  # "Kosovo residents", "Serbian protesters"
    return name


def _subject(left: str, verb: str) -> str | None:
    """The subject of a verb, from the text of its sentence before it."""
    lex = _lexicon()
    inside_quote = len(_QUOTE_MARKS.findall(left)) % 2 == 1
    if inside_quote:
        left = _QUOTE_MARKS.split(left)[-1]
    left = _PARENS.sub(" ", _QUOTED.sub(" ", left))
    aside = None
    stripped = _strip_tail(left)
    m = list(_DASH_ASIDE.finditer(stripped))
    if m and not stripped[m[-1].end():].strip():  # "X—all supporters of Y—condemned": try the aside, then X
        aside = stripped[m[-1].start():]
        stripped = stripped[: m[-1].start()]
    pieces = _BOUNDARY.split(stripped)
    clause = _strip_tail(pieces[-1] if pieces else stripped)
    if aside is not None:
        inner = [c for c in _chunks(aside) if not _after_preposition(aside, c) and not _is_possessive(aside, c)]
        if inner:
            return inner[-1][2]
    if not clause.strip():
        return None
    words = clause.split()
    last_word = words[-1].casefold()
    if last_word == "and":  # coordinated verb: the clause's own subject
        chunks = [c for c in _chunks(clause) if not _after_preposition(clause, c)]
        return chunks[0][2] if chunks else None
    if last_word == "to":  # "X used the dispute to inflame", "X and Y continue to fuel": drop the main verb
        clause = clause.rsplit(",", 1)[-1]
        words = clause.split()[:-1]
        chunks = _chunks(" ".join(words))
        if chunks and len(" ".join(words)[chunks[-1][1]:].split()) == 1:
            words = words[:-1]
        return _head_chunk(" ".join(words), np_tail=False)
    if clause.endswith(","):
        if verb.endswith("ing"):  # "..., X warned ..., once again blaming Y": X is the one followed by a verb
            for start, end, name in reversed(_chunks(clause)):
                nxt = clause[end:].split()[:1]
                if nxt and nxt[0].islower() and (nxt[0].endswith("ed") or nxt[0].endswith("s")):
                    return name
            return None
        cut = clause[:-1].rfind(",")  # an appositive: ", normally a strong backer of Y,"
        clause = _strip_tail(clause[:cut]) if cut >= 0 else clause[:-1]
        words = clause.split()
        if not words:
            return None
    if words[-1] in lex["pronouns"]:
        return words[-1]
    head = _head_chunk(clause)
    if head is not None:
        return head
    tail = [w for w in words[-1:] if _WORD.fullmatch(w) and w.islower() and w.casefold() not in lex["skip"]]
    return " ".join(tail) if tail else None


def _object(right: str, lemma: str) -> str | None:
    """The object of a verb, from the text of its sentence after it."""
    window = re.split(r"[.;:!?]", _PARENS.sub(" ", right), maxsplit=1)[0]
    parts = [window]
    on = re.search(r"\son\s", window)
    if lemma == "blame" and on and not _chunks(window[: on.start()]):  # "blamed the unrest on Y"
        parts.insert(0, window[on.end():])
    for part in parts:
        chunks = [c for c in _chunks(part) if len(part[: c[0]].split()) <= 8]
        if chunks:
            start, end, name = chunks[0]
            nxt = part[end:].split()[:2]
            if nxt and re.fullmatch(r"[a-z]+[\u2019']s", nxt[0]):  # "the Kosovan government's decision"
                name = f"{name} {_POSSESSIVE.sub('', nxt[0])}"
            elif (nxt and not _is_possessive(part, chunks[0]) and re.fullmatch(r"[a-z]+[,\u201d\"]*", nxt[0])
                  and (len(nxt) == 1 or not nxt[0].isalpha() or nxt[1].casefold() in _lexicon()["prepositions"])):
                name = name + " " + nxt[0].rstrip(",\u201d\"")  # "the Tavian police, ..."
            return name
    phrase = []
    for w in window.split()[:5]:
        bare = w.strip(",\u201c\u201d\"")
        if not bare or bare.casefold() in _lexicon()["prepositions"] or bare.casefold() in {"as", "that", "and", "or", "but"}:
            break
        phrase.append(bare)
    return " ".join(phrase) or None


def _guess_speaker(text: str, offset: int) -> str | None:
    """Who speaks a quotation found by its marks alone: a name just before it ("X said: “...")
    or just after it ("“...,” X said")."""
    marks = [m.start() for m in _QUOTE_MARKS.finditer(text)]
    opening = max((p for p in marks if p < offset), default=None)
    closing = min((p for p in marks if p >= offset), default=None)
    if opening is not None:
        before = _chunks(text[:opening][-80:])
        if before:
            return before[-1][2]
    if closing is not None:
        after = text[closing + 1 : closing + 60]
        chunks = _chunks(after)
        if chunks and len(after[: chunks[0][0]].split()) <= 2:
            return chunks[0][2]
    return None


def _is_name(name: str, proper: frozenset[str]) -> bool:
    """A chunk names someone: two capitalised words or more, or one the article capitalises mid-sentence
    (so a sentence-opening "Five" or "Security" is not taken for a name)."""
    words = [w for w in name.replace(",", " ").split() if w[:1].isupper() and w != "and"]
    return len(words) >= 2 or any(fold(w) in proper for w in words)


def _quote_at(offset: int, quotes: Sequence[Quote]) -> Quote | None:
    for q in quotes:
        if q.start <= offset < q.end:
            return q
    return None


def find_blame(
    article: Article,
    quotes: Sequence[Quote] = (),
    canonical: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Accusations and agents of harmful acts in one article.

    Args:
        article: the cleaned article.
        quotes: this article's quotations (with resolved speakers), to know who voices an accusation.
        canonical: surface name → the story's canonical name ("Kurti" → "Albin Kurti").

    Returns:
        JSON-ready dicts: ``subject``, ``verb`` (lemma), ``object``, ``kind`` ("accusation" or
        "responsibility"), ``voiced_by`` (speaker of the quotation it stands in, or None) and
        ``sentence`` (index), in text order.
    """
    lex = _lexicon()
    canonical = canonical or {}
    proper = proper_vocabulary([article.text])

    def canon(name: str | None) -> str | None:
        if not name:
            return name
        return canonical.get(name, name)

    out: list[dict[str, Any]] = []
    sentence_chunks: dict[int, list[tuple[int, int, str]]] = {}

    def last_named(before: int) -> str | None:
        """The last name chunk of the nearest earlier sentence naming anyone (read only when a pronoun needs it)."""
        for k in range(before - 1, -1, -1):
            if k not in sentence_chunks:
                sentence_chunks[k] = _chunks(article.sentence_text(article.sentences[k]))
            if sentence_chunks[k]:
                return sentence_chunks[k][-1][2]
        return None

    for index, sent in enumerate(article.sentences):
        text = article.sentence_text(sent)
        hits = [(m, "verb") for m in _verb_hits(text)] + [(m, "noun") for m in lex["nouns"].finditer(text)]
        for m, what in sorted(hits, key=lambda h: h[0].start()):
            word = m.group()
            if what == "verb" and word[:1].isupper() and m.start() > 0:
                continue  # a capitalised form mid-sentence is a name or a title, not the verb
            left, right = text[: m.start()], text[m.end():]
            if left.endswith("-"):
                continue  # "de-escalate", "counter-attack"
            before = _strip_tail(left).split()[-1:] or [""]
            prev = before[0].casefold().strip("\u201c\u201d\"(")
            offset = sent.start + m.start()
            quote = _quote_at(offset, quotes)
            inside = quote is not None or len(_QUOTE_MARKS.findall(left)) % 2 == 1
            speaker = quote.speaker if quote is not None else None
            if inside and speaker is None:
                speaker = _guess_speaker(text, m.start())
            if what == "noun":
                noun = word.casefold()
                if noun in lex["from_nouns"]:
                    by = re.match(r"\s+from\s+(?:the\s+)?", right)
                    if not by:
                        continue
                    who = _chunks(right[by.end():])
                    if not who or len(right[by.end(): who[0][0]].split()) > 1:
                        continue
                    subject, obj, kind, lemma = who[0][2], None, "accusation", noun
                else:
                    window = re.split(r"[.;:!?]", right, maxsplit=1)[0]
                    obj = _object(right, noun) if _chunks(window) else None
                    if obj is None:
                        earlier = _chunks(_strip_tail(left))
                        obj = earlier[-1][2] if earlier else None
                    subject, kind, lemma = speaker, "accusation", noun
                    if obj is None:
                        continue
            else:
                lemma, kind = lex["lemma_of"][word.casefold()]
                form = word.casefold()
                bare = form == lemma or form == lemma + "s" or form == lemma + "es"
                if prev in lex["determiners"] and (form.endswith("ing") or prev not in {"of", "for", "by", "in", "from", "with", "on"}):
                    continue  # "the blame", "a terrorist attack", "of bombing": a noun or gerund
                if form.endswith("ing") and (prev in lex["determiners"] or _POSSESSIVE.search(prev)):
                    continue  # "Russia's meddling", "from attacking"
                raw_prev = [w.casefold().strip(",\u201c\u201d\"") for w in left.split()[-2:]]
                if not bare and not form.endswith("ing") and (
                    (raw_prev and (raw_prev[-1] in lex["adjective_markers"] or raw_prev[-1] in lex["prepositions"] and raw_prev[-1] != "to"))
                ):
                    continue  # "listed as threatened", "placed on injured reserve": an adjective
                after = right.split()[:1]
                if after and not bare and not form.endswith("ing") and after[0].casefold().strip(",") in {
                        "when", "while", "because", "if", "and", "or", "but", "as", "so", "after", "before", "since"}:
                    continue  # "50 injured when ...": an adjective, no object
                if after and after[0].casefold() in lex["skip"] and after[0].casefold() not in ("all", "both"):
                    continue  # "the woman accused had ...": no verb of its own
                if form.endswith("ing") and not (set(raw_prev) & lex["progressive_markers"]) and kind == "responsibility":
                    continue  # "... late Friday killing a police officer": a participle, its agent unclear
                if not bare and not form.endswith("ing") and not right.startswith(" by ") and (
                    not after or not after[0][:1].isalnum()
                    or (after[0].casefold() in lex["prepositions"] and not re.match(r"\s*\S+\s+\d", right))
                ):
                    continue  # "dozens injured on both sides", "were injured.": no object, no agent
                following = right.split()[:1]
                object_follows = bool(following) and (
                    following[0].casefold().strip("\u201c\"") in lex["object_starts"] or following[0][:1].isupper()
                )
                if bare and prev and prev not in lex["skip"] and prev not in lex["pronouns"] and prev != "to" \
                        and not object_follows:
                    continue  # "trauma wounds with ...", "a rare rebuke from ...": a noun, not a verb
                passive_by = re.match(r"\s+by\s+(?:the\s+)?", right)
                raw_before = [w.casefold() for w in left.split()[-2:]]
                passive = bool(raw_before) and (
                    raw_before[-1] in lex["passive"]
                    or (len(raw_before) == 2 and raw_before[0] in lex["passive"] and raw_before[1].endswith("ly"))
                )
                if passive or (passive_by and not bare):
                    if not passive_by:
                        continue  # "were injured": no agent named
                    who = _chunks(right[passive_by.end():])
                    if not who or len(right[passive_by.end(): who[0][0]].split()) > 1:
                        continue
                    subject, obj = who[0][2], _subject(left, word)
                else:
                    subject = _subject(left, word)
                    obj = _object(right, lemma)
                if subject in lex["pronouns"]:
                    if subject in {"we", "i"} and speaker:
                        subject = speaker
                    elif subject in {"he", "she", "they"}:
                        subject = speaker or last_named(index)
                    else:
                        subject = None
                if inside and speaker and kind == "accusation":
                    subject = speaker  # the speaker voices the accusation made in the quotation
                if kind == "responsibility" and not (
                    subject and subject[:1].isupper() and (subject in canonical or _is_name(subject, proper))
                ):
                    continue  # an agent only counts when it is named
            if obj and subject and obj == subject:
                continue
            out.append({
                "subject": canon(subject),
                "verb": lemma,
                "object": canon(obj),
                "kind": kind,
                "voiced_by": speaker if inside else None,
                "sentence": index,
            })
    return out
