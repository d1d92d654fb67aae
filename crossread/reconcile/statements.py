"""Speakers across a story and one statement in many wordings.

Three steps, called in this order by ``reconcile_story``:

1. ``canonical_entities`` merges the per-article entities into one record per real person,
   organisation or place: same full name, a bare surname that only one full name carries,
   an acronym ("EU" / "European Union"), a near-spelling of a name held by someone in the
   same role, and a role phrase standing for a name ("the President of X" / the person whose
   roles include "X's president").
2. ``resolve_speakers`` rewrites each quotation's speaker with the story's canonical name.
3. ``group_statements`` groups the quotations of one speaker that render one statement.

Merging is a union-find over the article-level records with a veto: two groups never merge
when they hold two full names that cannot be one person ("Ana Pardo" / "Luis Pardo").
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Article, ArticleAnalysis, Entity, Quote, StatementGroup
from .statements_names import (
    RoleKey,
    acronym_of,
    given_names_compatible,
    is_pronoun,
    name_parts,
    parse_mention,
    parse_role,
    roles_match,
)
from .statements_text import content_stems, fold, idf_weights, weighted_overlap, words

__all__ = ["canonical_entities", "resolve_speakers", "group_statements"]

# Thresholds, tuned on hand-built cases (tests/reconcile/test_statements.py) and the bundled example.
SURNAME_NEAR = 0.8  # Levenshtein similarity of two surnames for a near-spelling ("stolberg"/"stollberg")
SURNAME_NEAR_SAME_GIVEN = 0.85  # ... when nothing but an identical given name supports it
STATEMENT_LINK = 0.45  # score for two quotations to be one statement
STATEMENT_REPEAT = 0.9  # text overlap for a quotation repeated within one article
STATEMENT_NO_SPEAKER = 0.8  # text overlap for a quotation without a speaker to join one with

_TYPE_GROUP = {"person": "person", "organisation": "org", "place": "place", "country": "place", "other": "other"}
_TYPE_ORDER = {"person": 0, "organisation": 1, "country": 2, "place": 3, "other": 4}


# --------------------------------------------------------------------------- entities


@dataclass(slots=True)
class _Record:
    """One article-level entity, as seen by the merge."""

    order: int
    article_id: str
    entity: Entity
    tgroup: str
    role_named: bool  # its name is only a role phrase ("the President of X")
    mention_role: RoleKey | None
    full_names: tuple[tuple[str | None, str], ...]  # (given, surname) of every multiword person name
    surnames: tuple[str, ...]
    held_roles: tuple[RoleKey, ...]


@dataclass(slots=True)
class _Cluster:
    members: list[int]
    tgroups: Counter = field(default_factory=Counter)
    full_names: set[tuple[str | None, str]] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    roles: set[RoleKey] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    named: bool = False  # holds at least one real name (not only role phrases)


def _similar(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(a, b)


def _names_compatible(a: tuple[str | None, str], b: tuple[str | None, str]) -> bool:
    if a[1] != b[1] and _similar(a[1], b[1]) < SURNAME_NEAR:
        return False
    return given_names_compatible(a[0], b[0])


class _Merger:
    """Union-find over records, vetoing merges that would make one person of two."""

    def __init__(self, records: list[_Record]) -> None:
        self.records = records
        self.parent = list(range(len(records)))
        self.clusters: dict[int, _Cluster] = {}
        for i, r in enumerate(records):
            c = _Cluster(members=[i])
            c.tgroups[r.tgroup] += 1
            c.full_names.update(r.full_names)
            c.surnames.update(r.surnames)
            c.roles.update(r.held_roles)
            c.articles.add(r.article_id)
            c.named = not r.role_named
            self.clusters[i] = c

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_merge(self, a: int, b: int) -> bool:
        ca, cb = self.clusters[self.find(a)], self.clusters[self.find(b)]
        ga = {g for g in ca.tgroups if g != "other"}
        gb = {g for g in cb.tgroups if g != "other"}
        if ga and gb and not (ga & gb):
            return False
        return all(_names_compatible(x, y) for x in ca.full_names for y in cb.full_names)

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.can_merge(ra, rb):
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        ca, cb = self.clusters[ra], self.clusters.pop(rb)
        ca.members.extend(cb.members)
        ca.tgroups.update(cb.tgroups)
        ca.full_names |= cb.full_names
        ca.surnames |= cb.surnames
        ca.roles |= cb.roles
        ca.articles |= cb.articles
        ca.named = ca.named or cb.named
        return True

    def roots(self) -> list[int]:
        return sorted(self.clusters)


def _make_record(order: int, article_id: str, e: Entity) -> _Record:
    tgroup = _TYPE_GROUP.get(e.type, "other")
    mention_role, mention_name = parse_mention(e.name)
    role_named = mention_role is not None and mention_name is None
    full_names: list[tuple[str | None, str]] = []
    surnames: list[str] = []
    if tgroup in ("person", "other") and not role_named:
        for form in (e.name, *e.aliases):
            role, name = parse_mention(form)
            if role is not None and name is None:
                continue
            given, surname, toks = name_parts(name or form)
            if surname is None:
                continue
            if tgroup == "person" or len(toks) >= 2:
                surnames.append(surname)
            if len(toks) >= 2 and tgroup == "person":
                full_names.append((given, surname))
    held = [k for k in (parse_role(r) for r in e.roles) if k is not None]
    if role_named and mention_role is not None:
        held.append(mention_role)
    return _Record(order, article_id, e, tgroup, role_named, mention_role,
                   tuple(sorted(set(full_names), key=lambda x: (x[0] or "", x[1]))),
                   tuple(sorted(set(surnames))), tuple(sorted(set(held), key=lambda k: (k.head, k.qualifiers))))


def _strong_keys(r: _Record) -> list[str]:
    """Forms that identify an entity on their own: its name, and multiword (or non-person) aliases."""
    if r.role_named:
        return []
    keys = []
    for form in (r.entity.name, *r.entity.aliases):
        toks = words(form)
        if not toks:
            continue
        if r.tgroup == "person" or r.tgroup == "other":
            _, _, toks_t = name_parts(form)
            if form != r.entity.name and len(toks_t) < 2:
                continue  # a bare surname alias is weak: handled by the surname step
            toks = list(toks_t) or toks
        keys.append(" ".join(toks))
    return sorted(set(keys))


def canonical_entities(articles: Sequence[Article], analyses: Sequence[ArticleAnalysis]) -> tuple[Entity, ...]:
    """One entity per real person, organisation or place across the story.

    Args:
        articles: the story's articles (their order is the story order).
        analyses: what was read from each; ``analyses[i].entities`` are per-article entities.

    Returns:
        Story-level entities, most widely reported first. Each has the chosen canonical ``name``,
        every surface form in ``aliases``, every role in ``roles``, the articles naming it in
        ``article_ids``, and empty ``mentions`` (offsets mean nothing across articles).
    """
    position = {a.id: i for i, a in enumerate(articles)}
    ordered = sorted(analyses, key=lambda an: (position.get(an.article_id, len(position)), an.article_id))
    records: list[_Record] = []
    for an in ordered:
        for e in an.entities:
            if not (e.name or "").strip():
                continue
            records.append(_make_record(len(records), an.article_id, e))
    if not records:
        return ()
    m = _Merger(records)

    # 1. Same name, or a shared multiword alias.
    by_key: dict[str, list[int]] = defaultdict(list)
    for r in records:
        for k in _strong_keys(r):
            by_key[k].append(r.order)
    for k in sorted(by_key):
        first, *rest = by_key[k]
        for other in rest:
            m.union(first, other)

    # 2. A bare surname joins the one group whose full names carry it.
    _merge_surnames(m)
    # 3. Acronyms of organisations.
    _merge_acronyms(m)
    # 4. Near-spellings of a name held by someone in the same role (or with the same given name).
    _merge_near_spellings(m)
    # 5. A role phrase used as a name joins the one named holder of that role.
    _merge_role_phrases(m)

    out = [_build_entity(m, root, position) for root in m.roots()]
    out.sort(key=lambda e: (-len(e.article_ids), _TYPE_ORDER.get(e.type, 9), fold(e.name), e.name))
    return tuple(out)


def _merge_surnames(m: _Merger) -> None:
    holders: dict[str, set[int]] = defaultdict(set)
    for root in m.roots():
        for _, surname in m.clusters[root].full_names:
            holders[surname].add(root)
    for root in m.roots():
        if root not in m.clusters:
            continue
        c = m.clusters[root]
        if c.full_names or not c.named or "person" not in c.tgroups and "other" not in c.tgroups:
            continue
        for surname in sorted(c.surnames):
            cands = sorted({m.find(h) for h in holders.get(surname, ())} - {m.find(root)})
            if len(cands) == 1:
                m.union(cands[0], root)


def _merge_acronyms(m: _Merger) -> None:
    org_roots = [r for r in m.roots() if {"org", "other"} & set(m.clusters[r].tgroups)]
    names = {r: sorted({m.records[i].entity.name for i in m.clusters[r].members}) for r in org_roots}
    for a in org_roots:
        for short in names[a]:
            cands = sorted({m.find(b) for b in org_roots if m.find(b) != m.find(a)
                            and any(acronym_of(short, long_) for long_ in names[b])})
            if len(cands) == 1:
                m.union(cands[0], a)


def _merge_near_spellings(m: _Merger) -> None:
    person_roots = [r for r in m.roots() if "person" in m.clusters[r].tgroups and m.clusters[r].named]
    if len(person_roots) < 2:
        return
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    surnames = sorted({s for r in person_roots for s in m.clusters[r].surnames})
    if len(surnames) < 2:
        return
    owners: dict[str, list[int]] = defaultdict(list)
    for r in person_roots:
        for s in m.clusters[r].surnames:
            owners[s].append(r)
    scores = process.cdist(surnames, surnames, scorer=Levenshtein.normalized_similarity,
                           score_cutoff=SURNAME_NEAR, workers=1)
    pairs = []
    for i in range(len(surnames)):
        for j in range(i + 1, len(surnames)):
            s = float(scores[i][j])
            if s >= SURNAME_NEAR and min(len(surnames[i]), len(surnames[j])) >= 4:
                pairs.append((-s, surnames[i], surnames[j]))
    for neg, sa, sb in sorted(pairs):
        for ra in owners[sa]:
            for rb in owners[sb]:
                a, b = m.find(ra), m.find(rb)
                if a == b:
                    continue
                ca, cb = m.clusters[a], m.clusters[b]
                shared_role = any(roles_match(x, y) for x in ca.roles for y in cb.roles if x.qualifiers)
                givens_a = {g for g, s in ca.full_names if s == sa and g}
                givens_b = {g for g, s in cb.full_names if s == sb and g}
                same_given = bool(givens_a & givens_b) and -neg >= SURNAME_NEAR_SAME_GIVEN
                if shared_role or same_given:
                    m.union(a, b)


def _merge_role_phrases(m: _Merger) -> None:
    named = [r for r in m.roots() if m.clusters[r].named]
    for root in m.roots():
        if root not in m.clusters or m.clusters[root].named:
            continue
        c = m.clusters[root]
        mention_roles = [m.records[i].mention_role for i in c.members if m.records[i].mention_role is not None]
        cands: set[int] = set()
        for key in mention_roles:
            assert key is not None
            for n in named:
                cn = m.clusters.get(m.find(n))
                if cn is None or m.find(n) == m.find(root):
                    continue
                if key.qualifiers:
                    ok = any(roles_match(key, held) for held in cn.roles)
                else:  # a bare "the minister": only someone of the same article
                    ok = bool(cn.articles & c.articles) and any(
                        roles_match(key, held, allow_unqualified=True) for held in cn.roles)
                if ok:
                    cands.add(m.find(n))
        if len(cands) == 1:
            m.union(cands.pop(), root)


def _build_entity(m: _Merger, root: int, position: Mapping[str, int]) -> Entity:
    c = m.clusters[root]
    recs = [m.records[i] for i in sorted(c.members)]
    types = Counter(r.entity.type for r in recs)
    etype = min(types, key=lambda t: (-types[t], _TYPE_ORDER.get(t, 9)))
    name_counts: Counter[str] = Counter()
    for r in recs:
        if not r.role_named:
            name_counts[r.entity.name.strip()] += 1
    if not name_counts:  # only role phrases: the most used one
        for r in recs:
            name_counts[r.entity.name.strip()] += 1

    def name_rank(n: str) -> tuple:
        _, _, toks = name_parts(n)
        multi = len(toks) >= 2 if etype == "person" else True
        non_ascii = sum(1 for ch in n if ord(ch) > 127)
        # Full names first, then the most used spelling; a tie goes to the longer, accented
        # form, since typos and transliterations tend to drop letters.
        return (not multi, -name_counts[n], -non_ascii, -len(n), n)

    name = min(name_counts, key=name_rank)
    aliases: dict[str, None] = {}
    for r in recs:
        for form in (r.entity.name, *r.entity.aliases):
            form = form.strip()
            if form and form != name:
                aliases.setdefault(form, None)
    roles: dict[str, str] = {}
    for r in recs:
        for role in r.entity.roles:
            roles.setdefault(" ".join(words(role)), role)
    arts = sorted(c.articles, key=lambda a: (position.get(a, len(position)), a))
    return Entity(name=name, type=etype, aliases=tuple(sorted(aliases, key=lambda s: (fold(s), s))),
                  roles=tuple(roles[k] for k in sorted(roles)), mentions=(), article_ids=tuple(arts))


# --------------------------------------------------------------------------- speakers


@dataclass(slots=True)
class _SpeakerIndex:
    entities: Sequence[Entity]
    by_name: dict[tuple[str, ...], list[int]]
    by_surname: dict[str, list[int]]
    roles: list[tuple[RoleKey, ...]]
    articles: list[frozenset[str]]


def _speaker_index(entities: Sequence[Entity]) -> _SpeakerIndex:
    by_name: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_surname: dict[str, list[int]] = defaultdict(list)
    roles: list[tuple[RoleKey, ...]] = []
    for i, e in enumerate(entities):
        for form in dict.fromkeys((e.name, *e.aliases)):
            role, name = parse_mention(form)
            if role is not None and name is None:
                continue
            _, surname, toks = name_parts(form)
            if toks and i not in by_name[toks]:
                by_name[toks].append(i)
            if surname and e.type in ("person", "other") and i not in by_surname[surname]:
                by_surname[surname].append(i)
        held = [k for k in (parse_role(r) for r in e.roles) if k is not None]
        roles.append(tuple(held))
    return _SpeakerIndex(entities, by_name, by_surname, roles, [frozenset(e.article_ids) for e in entities])


def _pick(cands: Iterable[int], index: _SpeakerIndex, article_id: str) -> int | None:
    """The one candidate, preferring those named in the quotation's own article."""
    cands = sorted(set(cands))
    if len(cands) == 1:
        return cands[0]
    local = [c for c in cands if article_id in index.articles[c]]
    if len(local) == 1:
        return local[0]
    return None


def _resolve_one(text: str, article_id: str, index: _SpeakerIndex) -> int | None:
    if not text or not text.strip() or is_pronoun(text):
        return None
    role, name = parse_mention(text)
    for form in ([text, name] if name else [text]):
        _, surname, toks = name_parts(form)
        if toks in index.by_name:
            hit = _pick(index.by_name[toks], index, article_id)
            if hit is not None:
                return hit
        if surname and surname in index.by_surname and (len(toks) == 1 or form == name):
            hit = _pick(index.by_surname[surname], index, article_id)
            if hit is not None:
                _, _, cand_toks = name_parts(index.entities[hit].name)
                given = toks[0] if len(toks) >= 2 else None
                if given_names_compatible(given, cand_toks[0] if len(cand_toks) >= 2 else None):
                    return hit
    if role is not None and name is None:
        if role.qualifiers:
            cands = [i for i, held in enumerate(index.roles) if any(roles_match(role, h) for h in held)]
        else:
            cands = [i for i, held in enumerate(index.roles) if article_id in index.articles[i]
                     and any(roles_match(role, h, allow_unqualified=True) for h in held)]
            if len(cands) > 1:
                return None
        return _pick(cands, index, article_id)
    # A near-spelling of a known person ("Stolberg" for "Stollberg"), same given name if any.
    _, surname, toks = name_parts(name or text)
    if surname and len(surname) >= 5:
        best: list[int] = []
        for s, ids in index.by_surname.items():
            if s[0] == surname[0] and _similar(s, surname) >= SURNAME_NEAR_SAME_GIVEN:
                best.extend(ids)
        hit = _pick(best, index, article_id)
        if hit is not None:
            _, _, cand = name_parts(index.entities[hit].name)
            given = toks[0] if len(toks) >= 2 else None
            if given_names_compatible(given, cand[0] if len(cand) >= 2 else None, fuzzy_ratio=0.99):
                return hit
    return None


def resolve_speakers(quotes: Sequence[Quote], entities: Sequence[Entity]) -> tuple[Quote, ...]:
    """Quotes with speakers replaced by the story's canonical names.

    The speaker (a per-article name, or a role phrase such as "the country's foreign minister")
    and then ``speaker_text`` are looked up among the story's entities: by name or alias, by a
    surname only one of them carries, by a role one of them holds, or by a close spelling.
    Quotes whose speaker cannot be placed keep it unchanged.

    Args:
        quotes: the story's quotations.
        entities: the story's canonical entities (``canonical_entities``).

    Returns:
        The quotations in the same order, speakers rewritten where found.
    """
    if not entities:
        return tuple(quotes)
    index = _speaker_index(entities)
    out = []
    for q in quotes:
        hit = None
        for text in (q.speaker, q.speaker_text):
            if text:
                hit = _resolve_one(text, q.article_id, index)
                if hit is not None:
                    break
        if hit is not None and entities[hit].name != q.speaker:
            q = q.replace(speaker=entities[hit].name)
        out.append(q)
    return tuple(out)


# --------------------------------------------------------------------------- statements


def _quote_context(q: Quote, articles: Mapping[str, Article]) -> str:
    """The words around a quotation in its sentence (its reporting clause), quotation removed."""
    a = articles.get(q.article_id)
    if a is None or not a.text:
        return ""
    idx = q.sentence
    if idx is None or not 0 <= idx < len(a.sentences):
        idx = a.sentence_at(q.start) if a.sentences else None
    if idx is None:
        lo, hi = max(0, q.start - 200), min(len(a.text), q.end + 200)
    else:
        s = a.sentences[idx]
        lo, hi = s.start, s.end
    lo, hi = min(lo, q.start), max(hi, q.end)
    return a.text[lo : max(lo, q.start)] + " " + a.text[min(q.end, hi) : hi]


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
    if articles is None:
        arts: dict[str, Article] = {}
    elif isinstance(articles, Mapping):
        arts = dict(articles)
    else:
        arts = {a.id: a for a in articles}
    position = {aid: i for i, aid in enumerate(arts)}
    for q in quotes:
        position.setdefault(q.article_id, len(position))

    speaker_words = {fold(w) for q in quotes if q.speaker for w in words(q.speaker)}
    stems = [content_stems(q.text) for q in quotes]
    contexts = [content_stems(_quote_context(q, arts), drop_dates=True, extra_stop=speaker_words) if arts else []
                for q in quotes]
    idf = idf_weights(stems + [c for c in contexts if c])
    default_idf = max(idf.values(), default=1.0)

    n = len(quotes)
    speakers = [fold(q.speaker).strip() if q.speaker and not is_pronoun(q.speaker) else None for q in quotes]
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(speakers):
        if s:
            by_speaker[s].append(i)

    pairs: list[tuple[float, int, int, bool]] = []

    def consider(i: int, j: int, need: float) -> None:
        text = weighted_overlap(stems[i], stems[j], idf, default_idf=default_idf)
        same_article = quotes[i].article_id == quotes[j].article_id
        if same_article:
            if text >= STATEMENT_REPEAT:
                pairs.append((text, i, j, True))
            return
        score = text
        if contexts[i] and contexts[j] and text > 0:
            ctx = weighted_overlap(contexts[i], contexts[j], idf, default_idf=default_idf)
            score = max(text, 0.6 * text + 0.4 * ctx + 0.15 * min(text, ctx))
        if score >= need:
            pairs.append((score, i, j, False))

    for s in sorted(by_speaker):
        members = by_speaker[s]
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                consider(i, j, STATEMENT_LINK)
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

    parent = list(range(n))
    group_articles: dict[int, set[str]] = {i: {quotes[i].article_id} for i in range(n)}
    group_speakers: dict[int, set[str]] = {i: ({speakers[i]} if speakers[i] else set()) for i in range(n)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for score, i, j, repeat in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        a, b = find(i), find(j)
        if a == b:
            continue
        if not repeat and group_articles[a] & group_articles[b]:
            continue  # one article rarely gives one statement twice in different words
        if len(group_speakers[a] | group_speakers[b]) > 1:
            continue
        if b < a:
            a, b = b, a
        parent[b] = a
        group_articles[a] |= group_articles.pop(b)
        group_speakers[a] |= group_speakers.pop(b)

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
        fullest = max(enumerate(qs), key=lambda iq: (len(words(iq[1].text)), -iq[0]))[1]
        first = qs[0]
        digest = hashlib.sha1(f"{speaker or ''}|{first.article_id}|{first.start}|{first.end}".encode()).hexdigest()
        groups.append(StatementGroup(id="st-" + digest[:12], speaker=speaker, quotes=qs, text=fullest.text,
                                     article_ids=art_ids, outlets=outlets))
    groups.sort(key=lambda g: (-len(g.article_ids), -len(g.quotes), position[g.quotes[0].article_id],
                               g.quotes[0].start, g.id))
    return tuple(groups)
