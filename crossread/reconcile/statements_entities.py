"""Story-level entities: one record per real person, organisation or place across a story's articles.

Per-article entities are merged by a union-find with a veto (two groups never merge when they hold
two full names that cannot be one person: "Ana Pardo" / "Luis Pardo"), in this order:

1. the same name, or a shared multiword alias;
2. fuller and shorter forms of one name ("Ana Pardo" / "Ana María Pardo", "A. Pardo", "Bill"/"William");
   then a bare surname that only one full name carries;
3. an acronym of an organisation ("EU" / "European Union");
4. a near-spelling of a surname, when both are held in the same role (or share the given name);
5. a role phrase used as a name ("the President of X") and the one named holder of that role;
6. unnamed role phrases in the text ("the President of X said") count the article as a mention.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..analyse.entities_lexicon import lexicon as entity_lexicon
from ..model import Article, ArticleAnalysis, Entity
from .statements_names import (
    RoleKey,
    acronym_of,
    find_role_mentions,
    given_names_compatible,
    name_parts,
    parse_mention,
    parse_role,
    roles_match,
)
from ..textsim import fold, load_lexicon, words

__all__ = ["canonical_entities", "similar"]

# Thresholds, tuned on hand-built cases (tests/reconcile/test_statements.py) and the bundled example.
SURNAME_NEAR = 0.8  # Levenshtein similarity of two surnames for a near-spelling ("stolberg"/"stollberg")
SURNAME_NEAR_SAME_GIVEN = 0.85  # ... when nothing but an identical given name supports it
SURNAME_VETO = 0.5  # below this, two full names in one group are two people, whatever else matched

_TYPE_GROUP = {"person": "person", "organisation": "org", "place": "place", "country": "place", "other": "other"}
_TYPE_ORDER = {"person": 0, "organisation": 1, "country": 2, "place": 3, "other": 4}


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
    role_mentions: list[str] = field(default_factory=list)  # role phrases found for it in the text


def similar(a: str, b: str) -> float:
    """Levenshtein similarity of two strings in [0, 1]."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(a, b)


def _names_compatible(a: tuple[str | None, str], b: tuple[str | None, str]) -> bool:
    """The veto: could these two full names be one person? Lenient on surnames, since two
    misspellings of one name ("Halloan", "Haloran") may each be close to it and far from each other;
    the merges themselves ask for more."""
    if a[1] != b[1] and similar(a[1], b[1]) < SURNAME_VETO:
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
            if tgroup == "person" or len(toks) >= 2 or form == e.name:
                surnames.append(surname)  # an untyped bare name ("other") may be a surname too
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

    # 2. Fuller and shorter forms of one name; then a bare surname joins the one group whose full names carry it.
    _merge_fuller_names(m)
    _merge_surnames(m)
    # 3. Acronyms of organisations.
    _merge_acronyms(m)
    # 4. Near-spellings of a name held by someone in the same role (or with the same given name).
    _merge_near_spellings(m)
    # 5. A role phrase used as a name joins the one named holder of that role.
    _merge_role_phrases(m)
    # 6. Role phrases in the text the readers left unnamed ("the President of X said") count as mentions.
    _attach_role_mentions(m, articles)

    texts = {a.id: a.text for a in articles}
    out = [_build_entity(m, root, position, texts) for root in m.roots()]
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


def _merge_fuller_names(m: _Merger) -> None:
    """"Ana Pardo" and "Ana María Pardo", "A. Pardo" and "Ana Pardo": one surname, compatible given names.

    Same or near-same given names merge; an initial merges only when one group can take it.
    """
    holders: dict[str, list[int]] = defaultdict(list)
    for root in m.roots():
        for _, surname in sorted(m.clusters[root].full_names, key=lambda x: (x[0] or "", x[1])):
            if root not in holders[surname]:
                holders[surname].append(root)
    for surname in sorted(holders):
        roots = holders[surname]
        for x, a in enumerate(roots):
            initials_only: list[int] = []
            for b in roots[x + 1 :]:
                ra, rb = m.find(a), m.find(b)
                if ra == rb or not m.can_merge(ra, rb):
                    continue
                ga = {g for g, s in m.clusters[ra].full_names if s == surname and g}
                gb = {g for g, s in m.clusters[rb].full_names if s == surname and g}
                if any(len(p) > 1 and len(q) > 1 and given_names_compatible(p, q) for p in ga for q in gb):
                    m.union(ra, rb)
                else:
                    initials_only.append(rb)
            if len({m.find(r) for r in initials_only}) == 1:
                m.union(m.find(a), initials_only[0])


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
                           score_cutoff=SURNAME_NEAR - 0.01, workers=1)  # cdist drops scores equal to the cutoff
    pairs = []
    for i in range(len(surnames)):
        for j in range(i + 1, len(surnames)):
            s = float(scores[i][j])
            if s >= SURNAME_NEAR - 1e-9 and min(len(surnames[i]), len(surnames[j])) >= 4:
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


def _attach_role_mentions(m: _Merger, articles: Sequence[Article]) -> None:
    holders: dict[str, list[tuple[int, RoleKey]]] = defaultdict(list)
    for root in m.roots():
        c = m.clusters[root]
        if c.named and "person" in c.tgroups:
            for key in sorted(c.roles, key=lambda k: (k.head, k.qualifiers)):
                if key.qualifiers:
                    holders[key.head].append((root, key))
    if not holders:
        return
    for article in articles:
        for start, end, key in find_role_mentions(article.text):
            cands = sorted({root for root, held in holders.get(key.head, ()) if roles_match(key, held)})
            if len(cands) == 1:
                c = m.clusters[cands[0]]
                c.articles.add(article.id)
                phrase = " ".join(article.text[start:end].split())
                if phrase not in c.role_mentions:
                    c.role_mentions.append(phrase)


def _looks_like_person_name(name: str) -> bool:
    """Two to five words, each capitalised or a known particle ("de", "van", "bin")."""
    toks = name.split()
    if not 1 <= len(toks) <= 5:
        return False
    particles = _particles()
    return all(t[:1].isupper() or t.lower() in particles for t in toks)


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(load_lexicon("roles").get("name_particles", ()))


def _titled(name: str) -> bool:
    """"Chairman Ahmed Farouk", "Police Chief Tom Reyes": the first word is a title ``name_parts`` drops
    (but "Dean" in "Dean Holloway Reed" is a given name)."""
    first, *rest = name.split() or [""]
    if not rest or fold(first).rstrip(".") in entity_lexicon().first_names:
        return False
    return name_parts(" ".join(rest))[2] == name_parts(name)[2]


def _build_entity(m: _Merger, root: int, position: Mapping[str, int], texts: Mapping[str, str]) -> Entity:
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
    if etype == "person":
        # Aliases may hold the best full name when a reader named the entity oddly.
        for r in recs:
            for form in r.entity.aliases:
                role, named = parse_mention(form)
                if form.strip() and (role is None or named is not None) and form.strip() not in name_counts:
                    name_counts.setdefault(form.strip(), 0)
        # "Chairman Ahmed Farouk" alone: the name without its title is a candidate too
        for form in list(name_counts):
            bare = form
            while len(bare.split()) > 2 and _titled(bare):
                bare = " ".join(bare.split()[1:])
            name_counts.setdefault(bare, 0)
    # How often each name form is printed: an organisation goes by the form its articles use most
    # ("the IMF" rather than the full name they spell out once).
    printed: Counter[str] = Counter()
    if etype == "organisation":
        for r in recs:
            text = texts.get(r.article_id, "")
            for start, end in r.entity.mentions:
                if 0 <= start < end <= len(text):
                    printed[" ".join(text[start:end].split())] += 1
        forms = {f.strip() for r in recs if not r.role_named for f in (r.entity.name, *r.entity.aliases) if f.strip()}
        for form in sorted(forms):
            if printed[form] > 0:
                name_counts.setdefault(form, 0)  # a candidate too

    def name_rank(n: str) -> tuple:
        _, _, toks = name_parts(n)
        multi = len(toks) >= 2 if etype == "person" else True
        odd = etype == "person" and not _looks_like_person_name(n)
        # "Chairman Ahmed Farouk": a full name still stands once the title is dropped, so the bare name is better
        titled = etype == "person" and multi and _titled(n)
        non_ascii = sum(1 for ch in n if ord(ch) > 127)
        # A plausible full name first, then the most printed and most used spelling; a tie goes to
        # the longer, accented form, since typos and transliterations tend to drop letters.
        return (odd, not multi, titled, -printed[n], -name_counts[n], -non_ascii, -len(n), n)

    name = min(name_counts, key=name_rank)
    aliases: dict[str, None] = {}
    for r in recs:
        for form in (r.entity.name, *r.entity.aliases):
            form = form.strip()
            if form and form != name:
                aliases.setdefault(form, None)
    for phrase in c.role_mentions:
        if phrase != name:
            aliases.setdefault(phrase, None)
    roles: dict[str, str] = {}
    for r in recs:
        for role in r.entity.roles:
            roles.setdefault(" ".join(words(role)), role)
    arts = sorted(c.articles, key=lambda a: (position.get(a, len(position)), a))
    return Entity(name=name, type=etype, aliases=tuple(sorted(aliases, key=lambda s: (fold(s), s))),
                  roles=tuple(roles[k] for k in sorted(roles)), mentions=(), article_ids=tuple(arts))
