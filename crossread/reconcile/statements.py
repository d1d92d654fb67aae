"""Speakers across a story and one statement in many wordings.

Three steps, called in this order by ``reconcile_story``:

1. ``canonical_entities`` (statements_entities.py) merges the per-article entities into one record
   per real person, organisation or place.
2. ``resolve_speakers`` (statements_speakers.py) rewrites each quotation's speaker with the story's
   canonical name.
3. ``group_statements`` (here) groups the quotations of one speaker that render one statement.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from ..model import Article, Quote, StatementGroup
from .statements_entities import canonical_entities
from .statements_names import is_pronoun, strip_determiners
from .statements_speakers import resolve_speakers
from ..textsim import content_stems, idf_weights, reporting_words, weighted_overlap, words

__all__ = ["canonical_entities", "resolve_speakers", "group_statements"]

# Thresholds, tuned on hand-built cases (tests/reconcile/test_statements.py) and the bundled example.
STATEMENT_LINK = 0.3  # score for two quotations to be one statement
TEXT_SMOOTHING = 0.5  # idf units added to the shorter quotation's weight (one shared word is not a match)
STATEMENT_REPEAT = 0.9  # text overlap for a quotation repeated within one article
STATEMENT_NO_SPEAKER = 0.8  # text overlap for a quotation without a speaker to join one with
MIN_SHARED_WORDS = 2  # content words two wordings share, unless their sentences share more
KEY_LETTERS = 6  # quotation words are compared by their first letters (a cheap stand-in for a stemmer)


def _quote_contexts(quotes: Sequence[Quote], articles: Mapping[str, Article]) -> list[str]:
    """For each quotation, the rest of its sentence (its reporting clause), every quotation cut out."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for q in quotes:
        spans[q.article_id].append((q.start, q.end))
    out = []
    for q in quotes:
        a = articles.get(q.article_id)
        if a is None or not a.text or not 0 <= q.start <= q.end <= len(a.text):
            out.append("")
            continue
        idx = q.sentence if q.sentence is not None and 0 <= q.sentence < len(a.sentences) else None
        if idx is None and a.sentences:
            idx = a.sentence_at(q.start)
        if idx is None:
            lo, hi = max(0, q.start - 200), min(len(a.text), q.end + 200)
        else:
            lo, hi = min(a.sentences[idx].start, q.start), max(a.sentences[idx].end, q.end)
        pieces, cursor = [], lo
        for s, e in sorted(spans[q.article_id]):
            if e <= lo or s >= hi:
                continue
            if s > cursor:
                pieces.append(a.text[cursor:s])
            cursor = max(cursor, e)
        pieces.append(a.text[cursor:hi])
        out.append(" ".join(pieces))
    return out


def _speaker_pairs(members: Sequence[int], quotes: Sequence[Quote], stems: Sequence[Sequence[str]],
                   contexts: Sequence[Sequence[str]], idf: Mapping[str, float], default_idf: float):  # type: ignore[no-untyped-def]
    """Scored candidate pairs among one speaker's quotations: arrays ``(score, i, j, is_repeat)``.

    Vectorised (one sparse product per speaker) because a speaker may have hundreds of quotations
    in a large story; the score is the one ``group_statements`` documents.
    """
    import numpy as np
    from scipy import sparse

    m = len(members)
    vocab = sorted({t for i in members for t in stems[i]} | {t for i in members for t in contexts[i]})
    if m < 2 or not vocab:
        return np.zeros(0), np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, bool)
    col = {t: k for k, t in enumerate(vocab)}
    weights = np.array([idf.get(t, default_idf) for t in vocab])

    def matrix(bags: list[set[str]]):  # type: ignore[no-untyped-def]
        rows = [r for r, bag in enumerate(bags) for _ in bag]
        cols = [col[t] for bag in bags for t in sorted(bag)]
        present = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(m, len(vocab)))
        shared = (present.multiply(weights[None, :]).tocsr() @ present.T).toarray()
        count = (present @ present.T).toarray()
        totals = np.asarray(present @ weights).ravel()
        return shared, count, totals

    quote_bags = [set(stems[i]) for i in members]
    shared, n_shared, tot = matrix(quote_bags)
    smaller = np.minimum(tot[:, None], tot[None, :])
    text = shared / (smaller + TEXT_SMOOTHING)
    sym = shared / np.maximum(tot[:, None] + tot[None, :] - shared, 1e-9)
    score = 0.8 * text + 0.2 * sym
    # One shared word is a match only when the sentences around agree too (below).
    score = np.where(n_shared >= MIN_SHARED_WORDS, score, 0.0)
    has_ctx = np.array([bool(contexts[i]) for i in members])
    if has_ctx.any():
        # Quotation plus reporting clause on both sides: the same occasion told in other words.
        wshared, wn_shared, wtot = matrix([set(stems[i]) | set(contexts[i]) for i in members])
        whole = wshared / (np.minimum(wtot[:, None], wtot[None, :]) + 1.0)
        with_ctx = 0.5 * text + 0.2 * sym + 0.3 * whole + 0.1 * np.minimum(text, whole)
        both = has_ctx[:, None] & has_ctx[None, :] & (wn_shared >= MIN_SHARED_WORDS + 1)
        score = np.where(both, np.maximum(score, with_ctx), score)
    arts = np.array([quotes[i].article_id for i in members], dtype=object)
    same_article = arts[:, None] == arts[None, :]
    upper = np.triu(np.ones((m, m), dtype=bool), k=1)
    keep_link = upper & ~same_article & (text > 0) & (score >= STATEMENT_LINK)
    # A repeat within one article: nearly all of the shorter one (three words at least), or the very same words.
    covered = shared / np.maximum(smaller, 1e-9)
    wording = np.array([" ".join(words(quotes[i].text)) for i in members], dtype=object)
    identical = wording[:, None] == wording[None, :]
    keep_repeat = upper & same_article & (((covered >= STATEMENT_REPEAT) & (n_shared >= 3)) | identical)
    ids = np.asarray(members, dtype=np.int64)
    lx, ly = np.nonzero(keep_link)
    rx, ry = np.nonzero(keep_repeat)
    return (np.concatenate([score[lx, ly], covered[rx, ry]]), np.concatenate([ids[lx], ids[rx]]),
            np.concatenate([ids[ly], ids[ry]]), np.concatenate([np.zeros(len(lx), bool), np.ones(len(rx), bool)]))


def _speaker_key(speaker: str | None) -> str | None:
    """Who spoke, for comparison: folded words without a leading article; None for a pronoun or nobody."""
    if not speaker or is_pronoun(speaker):
        return None
    toks = strip_determiners(tuple(words(speaker)))
    return " ".join(toks) or None


def _mostly_linked(a: Sequence[int], b: Sequence[int], linked: set[int], quotes: Sequence[Quote]) -> bool:
    """At least half the cross pairs (between different articles) of two groups are linked pairs
    (``linked`` holds ``i * len(quotes) + j`` for each linked pair, i < j)."""
    n = len(quotes)
    total = hits = 0
    for i in a:
        for j in b:
            if quotes[i].article_id == quotes[j].article_id:
                continue
            total += 1
            hits += (i * n + j if i < j else j * n + i) in linked
    return total == 0 or hits * 2 >= total


def group_statements(quotes: Sequence[Quote], articles: Sequence[Article] | Mapping[str, Article] | None = None
                     ) -> tuple[StatementGroup, ...]:
    """Quotes by one speaker rendering the same statement, grouped.

    Two quotations of the same speaker are one statement when their content words overlap enough
    (idf-weighted over the story, so common words of the story count little; partial quotations
    are covered by measuring the overlap against the shorter one), helped by the words of the
    sentences around them when ``articles`` are given. Two quotations of one article stay apart
    unless one repeats the other. A quotation without a speaker joins a group only when its
    words nearly repeat one of the group's.

    Args:
        quotes: the story's quotations, speakers resolved (``resolve_speakers``).
        articles: the story's articles, for context and outlets (optional).

    Returns:
        Every statement, those with most articles first; a statement's quotations in story order.
    """
    if not quotes:
        return ()
    import numpy as np

    if articles is None:
        arts: dict[str, Article] = {}
    elif isinstance(articles, Mapping):
        arts = dict(articles)
    else:
        arts = {a.id: a for a in articles}
    position = {aid: i for i, aid in enumerate(arts)}
    for q in quotes:
        position.setdefault(q.article_id, len(position))

    # The reporting clause minus who spoke and how ("Ostrian spokesman X told reporters"): what is
    # left ("... the outbreak of violence", "on a visit abroad") tells one occasion from another.
    noise = set(reporting_words())
    noise |= {w for q in quotes for t in (q.speaker, q.speaker_text) if t for w in words(t)}
    # Stems cut to six letters: "unconditional(ly)", "supporter(s)" meet as one key.
    stems = [[t[:KEY_LETTERS] for t in content_stems(q.text)] for q in quotes]
    contexts = [[t[:KEY_LETTERS] for t in content_stems(c, drop_dates=True, extra_stop=noise)]
                for c in _quote_contexts(quotes, arts)] if arts else [[] for _ in quotes]
    idf = idf_weights(stems + [c for c in contexts if c])
    default_idf = max(idf.values(), default=1.0)

    n = len(quotes)
    keys: dict[str | None, str | None] = {}  # a story quotes a few dozen speakers thousands of times
    speakers = [keys[q.speaker] if q.speaker in keys else keys.setdefault(q.speaker, _speaker_key(q.speaker))
                for q in quotes]
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(speakers):
        if s:
            by_speaker[s].append(i)

    parts = [_speaker_pairs(by_speaker[s], quotes, stems, contexts, idf, default_idf) for s in sorted(by_speaker)]
    pairs: list[tuple[float, int, int, bool]] = []
    # Quotations with no speaker: only near-repeats, found through a shared rare word.
    unattributed = [i for i in range(n) if speakers[i] is None and len(set(stems[i])) >= 3]
    if unattributed:
        postings: dict[str, list[int]] = defaultdict(list)
        for i in range(n):
            for t in set(stems[i]):
                postings[t].append(i)
        for i in unattributed:
            rare = sorted(set(stems[i]), key=lambda t: (len(postings[t]), t))[:3]
            cands = sorted({j for t in rare for j in postings[t] if j != i})
            for j in cands:
                if speakers[j] is None and j < i:
                    continue  # pair seen from the other side
                text = weighted_overlap(stems[i], stems[j], idf, default_idf=default_idf, smoothing=0.0)
                if text >= STATEMENT_NO_SPEAKER:
                    pairs.append((text, min(i, j), max(i, j), quotes[i].article_id == quotes[j].article_id))

    if pairs:
        parts.append((np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs], dtype=np.int64),
                      np.array([p[2] for p in pairs], dtype=np.int64), np.array([p[3] for p in pairs], dtype=bool)))
    if parts:
        score = np.concatenate([p[0] for p in parts])
        first = np.concatenate([p[1] for p in parts])
        second = np.concatenate([p[2] for p in parts])
        repeats = np.concatenate([p[3] for p in parts])
    else:
        score, first, second, repeats = np.zeros(0), np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, bool)
    order = np.lexsort((second, first, -score))  # best pairs first; ties by position, for a stable result
    linked = set((first * n + second).tolist())

    parent = list(range(n))
    group_articles: dict[int, set[str]] = {i: {quotes[i].article_id} for i in range(n)}
    group_speakers: dict[int, set[str]] = {i: ({speakers[i]} if speakers[i] else set()) for i in range(n)}
    group_members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, repeat in zip(first[order].tolist(), second[order].tolist(), repeats[order].tolist()):
        a, b = find(i), find(j)
        if a == b:
            continue
        if not repeat and group_articles[a] & group_articles[b]:
            continue  # one article rarely gives one statement twice in different words
        if len(group_speakers[a] | group_speakers[b]) > 1:
            continue
        if not _mostly_linked(group_members[a], group_members[b], linked, quotes):
            continue  # a chain (A like B, B like C) is not enough: C must match most of the group
        if b < a:
            a, b = b, a
        parent[b] = a
        group_articles[a] |= group_articles.pop(b)
        group_speakers[a] |= group_speakers.pop(b)
        group_members[a].extend(group_members.pop(b))

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[find(i)].append(i)
    groups = []
    for root, idxs in members.items():
        idxs.sort(key=lambda i: (position[quotes[i].article_id], quotes[i].start, quotes[i].end, i))
        qs = tuple(quotes[i] for i in idxs)
        speaker_votes = Counter(q.speaker for q in qs if q.speaker and not is_pronoun(q.speaker))
        speaker = min(speaker_votes, key=lambda s: (-speaker_votes[s], s)) if speaker_votes else (
            next((q.speaker for q in qs if q.speaker), None))
        art_ids = tuple(dict.fromkeys(q.article_id for q in qs))
        outlets = tuple(dict.fromkeys(arts[a].outlet for a in art_ids if a in arts and arts[a].outlet))
        fullest = max(enumerate(qs), key=lambda iq: (len(words(iq[1].text)), len(iq[1].text.strip()), -iq[0]))[1]
        lead = qs[0]
        digest = hashlib.sha1(f"{speaker or ''}|{lead.article_id}|{lead.start}|{lead.end}".encode()).hexdigest()
        groups.append(StatementGroup(id="st-" + digest[:12], speaker=speaker, quotes=qs, text=fullest.text,
                                     article_ids=art_ids, outlets=outlets))
    groups.sort(key=lambda g: (-len(g.article_ids), -len(g.quotes), position[g.quotes[0].article_id],
                               g.quotes[0].start, g.id))
    seen: Counter[str] = Counter()
    for k, g in enumerate(groups):  # two readings of one span (a reader's duplicate) must not share an id
        seen[g.id] += 1
        if seen[g.id] > 1:
            groups[k] = g.replace(id=f"{g.id}-{seen[g.id]}")
    return tuple(groups)
