"""Story-level speakers and statement groups, on hand-built articles (invented names and places)."""
from __future__ import annotations

import re

import pytest

from crossread.model import Article, ArticleAnalysis, Entity, Quote, Sentence
from crossread.reconcile.statements import canonical_entities, group_statements, resolve_speakers
from crossread.reconcile.statements_names import parse_mention, parse_role, roles_match


def make_article(aid: str, text: str, outlet: str | None = None) -> Article:
    sentences = tuple(Sentence(m.start(), m.end(), 0) for m in re.finditer(r"[^.!?]+[.!?]+[\"”’]?", text))
    return Article(id=aid, text=text, sentences=sentences, outlet=outlet)


def quote(article: Article, words: str, speaker: str | None, speaker_text: str | None = None) -> Quote:
    start = article.text.index(words)
    end = start + len(words)
    return Quote(article_id=article.id, start=start, end=end, text=words, speaker=speaker,
                 speaker_text=speaker_text or speaker, sentence=article.sentence_at(start))


def person(name: str, *roles: str, aliases: tuple[str, ...] = ()) -> Entity:
    surname = name.split()[-1]
    return Entity(name=name, type="person", aliases=aliases or tuple(dict.fromkeys((name, surname))), roles=roles)


A1_TEXT = (
    "Freedonian Prime Minister Teodor Brask told reporters on Monday that the protesters were a mob. "
    "\u201cWe are not facing peaceful protesters, we are facing a mob of extremists,\u201d Brask said. "
    "Alliance chief Henrik Stallmark said troops would stay."
)
A2_TEXT = (
    "Freedonia President Marta Kovale spoke at the summit. \u201cThe situation is tense,\u201d she said. "
    "\u201cWe will be there to ensure a safe environment and to calm down tensions,\u201d Alliance chief Henrik Stallmark told reporters. "
    "\u201cWe unconditionally support Sylvania,\u201d Ostrian spokesman Oleg Varin told reporters. "
    "\u201cWe believe that all legitimate rights of the minority must be respected and ensured,\u201d Varin said. "
    "Speaking on a visit abroad, Ostrian Foreign Minister Pavel Drozd warned the situation could lead to a "
    "\u201chuge explosion\u201d at the heart of the continent, once again blaming the alliance's 1999 intervention."
)
A3_TEXT = (
    "Freedonia's Prime Minister argued that the low turnout was due to \u201cthe threatening campaign orchestrated by the neighbours.\u201d "
    "The President of Freedonia said on Thursday that she is \u201cready to consider that possibility.\u201d "
    "Alliance chief Henrik Stalmark emphasized that \u201cthe capital must de-escalate and not take unilateral steps.\u201d "
    "Ostrian spokesperson Oleg Varin said that his country \u201cabsolutely, unconditionally supports Sylvania.\u201d "
    "\u201cWe support the Sylvanians,\u201d he added. "
    "Foreign Minister Pavel Drozd called the outbreak of violence \u201cworrisome\u201d and connected the blame to the alliance, "
    "stating, \u201cA big explosion is brewing in the centre of the continent, in the very place where, in 1999, "
    "the alliance carried out aggression.\u201d"
)


@pytest.fixture
def story():
    a1 = make_article("a1", A1_TEXT, "Daily One")
    a2 = make_article("a2", A2_TEXT, "Weekly Two")
    a3 = make_article("a3", A3_TEXT, "Post Three")
    analyses = [
        ArticleAnalysis("a1", entities=(
            person("Teodor Brask", "Freedonian Prime Minister"),
            person("Henrik Stallmark", "Alliance chief"),
        ), quotes=(
            quote(a1, "We are not facing peaceful protesters, we are facing a mob of extremists,", "Teodor Brask", "Brask"),
        )),
        ArticleAnalysis("a2", entities=(
            person("Marta Kovale", "Freedonia President"),
            person("Henrik Stallmark", "Alliance chief"),
            person("Oleg Varin", "Ostrian spokesman"),
            person("Pavel Drozd", "Ostrian Foreign Minister"),
            Entity(name="Sylvania", type="country", aliases=("Sylvania",)),
        ), quotes=(
            quote(a2, "The situation is tense,", "Marta Kovale", "she"),
            quote(a2, "We will be there to ensure a safe environment and to calm down tensions,", "Henrik Stallmark"),
            quote(a2, "We unconditionally support Sylvania,", "Oleg Varin", "Ostrian spokesman Oleg Varin"),
            quote(a2, "We believe that all legitimate rights of the minority must be respected and ensured,", "Oleg Varin", "Varin"),
            quote(a2, "huge explosion", "Pavel Drozd", "Ostrian Foreign Minister Pavel Drozd"),
        )),
        ArticleAnalysis("a3", entities=(
            Entity(name="Freedonia's Prime Minister", type="person", roles=("Freedonia's Prime Minister",)),
            Entity(name="the President of Freedonia", type="person", roles=("President of Freedonia",)),
            person("Henrik Stalmark", "Alliance chief"),
            person("Oleg Varin", "Ostrian spokesperson"),
            person("Pavel Drozd", "Foreign Minister"),
            Entity(name="Sylvania", type="place", aliases=("Sylvania",)),
        ), quotes=(
            quote(a3, "the threatening campaign orchestrated by the neighbours.", "Freedonia's Prime Minister"),
            quote(a3, "ready to consider that possibility.", "the President of Freedonia"),
            quote(a3, "the capital must de-escalate and not take unilateral steps.", "Henrik Stalmark"),
            quote(a3, "absolutely, unconditionally supports Sylvania.", "Oleg Varin"),
            quote(a3, "We support the Sylvanians,", "Oleg Varin", "he"),
            quote(a3, "worrisome", "Pavel Drozd"),
            quote(a3, "A big explosion is brewing in the centre of the continent, in the very place where, in 1999, "
                      "the alliance carried out aggression.", "Pavel Drozd"),
        )),
    ]
    return [a1, a2, a3], analyses


def by_name(entities):
    return {e.name: e for e in entities}


def test_statements_role_phrase_and_near_spelling_join_named_people(story):
    articles, analyses = story
    ents = by_name(canonical_entities(articles, analyses))
    assert set(ents["Teodor Brask"].article_ids) == {"a1", "a3"}  # "Freedonia's Prime Minister"
    assert set(ents["Marta Kovale"].article_ids) == {"a2", "a3"}  # "the President of Freedonia"
    assert set(ents["Henrik Stallmark"].article_ids) == {"a1", "a2", "a3"}  # "Stalmark" is a near-spelling
    assert "Henrik Stalmark" in ents["Henrik Stallmark"].aliases
    assert "Henrik Stalmark" not in ents
    assert set(ents["Sylvania"].article_ids) == {"a2", "a3"}  # country and place are one
    assert all(e.mentions == () for e in ents.values())


def test_statements_speakers_resolved_to_canonical_names(story):
    articles, analyses = story
    ents = canonical_entities(articles, analyses)
    quotes = resolve_speakers([q for a in analyses for q in a.quotes], ents)
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["the threatening campaign orchestrated by the neighbours."] == "Teodor Brask"
    assert speakers["ready to consider that possibility."] == "Marta Kovale"
    assert speakers["the capital must de-escalate and not take unilateral steps."] == "Henrik Stallmark"
    assert speakers["huge explosion"] == "Pavel Drozd"


def test_statements_same_statement_grouped_different_ones_apart(story):
    articles, analyses = story
    ents = canonical_entities(articles, analyses)
    quotes = resolve_speakers([q for a in analyses for q in a.quotes], ents)
    groups = group_statements(quotes, articles)
    texts = [sorted(q.text for q in g.quotes) for g in groups]
    assert sorted(["We unconditionally support Sylvania,", "absolutely, unconditionally supports Sylvania."]) in texts
    assert sorted(["huge explosion", "A big explosion is brewing in the centre of the continent, in the very place "
                   "where, in 1999, the alliance carried out aggression."]) in texts
    assert ["worrisome"] in texts
    assert ["We support the Sylvanians,"] in texts
    assert ["The situation is tense,"] in texts and ["ready to consider that possibility."] in texts
    # Every quotation is in exactly one group; multi-article statements come first, with outlets.
    assert sum(len(g.quotes) for g in groups) == len(quotes)
    assert len(groups[0].article_ids) == 2 and groups[0].outlets == ("Weekly Two", "Post Three")
    support = next(g for g in groups if "We unconditionally support Sylvania," in {q.text for q in g.quotes})
    assert support.speaker == "Oleg Varin"
    assert support.text == "absolutely, unconditionally supports Sylvania."


def test_statements_group_ids_are_stable(story):
    articles, analyses = story
    ents = canonical_entities(articles, analyses)
    quotes = resolve_speakers([q for a in analyses for q in a.quotes], ents)
    first = group_statements(quotes, articles)
    again = group_statements(list(reversed(quotes)), articles)
    assert [g.id for g in first] == [g.id for g in again]
    assert len({g.id for g in first}) == len(first)


@pytest.mark.parametrize("names", [("Ana Pardo", "Luis Pardo")])
def test_statements_different_given_names_stay_apart(names):
    articles = [make_article("x", "One."), make_article("y", "Two."), make_article("z", "Three.")]
    analyses = [
        ArticleAnalysis("x", entities=(person(names[0], "finance minister of Ruritania"),)),
        ArticleAnalysis("y", entities=(person(names[1], "mayor of Strelsau"),)),
        ArticleAnalysis("z", entities=(person("Pardo"),)),  # which one? ambiguous: stays on its own
    ]
    ents = by_name(canonical_entities(articles, analyses))
    assert set(ents) == {"Ana Pardo", "Luis Pardo", "Pardo"}


def test_statements_surname_and_accents_join_one_person():
    articles = [make_article("x", "One."), make_article("y", "Two.")]
    analyses = [
        ArticleAnalysis("x", entities=(person("Zoran Miletić", "Ruritanian president"),)),
        ArticleAnalysis("y", entities=(person("Miletic"), person("Zoran Miletic"))),
    ]
    ents = canonical_entities(articles, analyses)
    assert len(ents) == 1
    assert ents[0].name == "Zoran Miletić" and set(ents[0].article_ids) == {"x", "y"}


def test_statements_near_spelling_needs_a_shared_role():
    articles = [make_article("x", "One."), make_article("y", "Two.")]
    analyses = [
        ArticleAnalysis("x", entities=(person("Greta Holmberg", "Ruritanian trade minister"),)),
        ArticleAnalysis("y", entities=(person("Britt Holmborg", "chief executive of a shipyard"),)),
    ]
    assert len(canonical_entities(articles, analyses)) == 2


def test_statements_role_of_another_country_is_not_matched():
    articles = [make_article("x", "One."), make_article("y", "Two.")]
    analyses = [
        ArticleAnalysis("x", entities=(person("Marta Kovale", "President of Freedonia"),)),
        ArticleAnalysis("y", entities=(Entity(name="the Sylvanian president", type="person"),)),
    ]
    ents = by_name(canonical_entities(articles, analyses))
    assert ents["Marta Kovale"].article_ids == ("x",)
    q = Quote(article_id="y", start=0, end=3, text="No.", speaker="the Sylvanian president")
    assert resolve_speakers([q], list(ents.values()))[0].speaker == "the Sylvanian president"


def test_statements_acronym_joins_organisation():
    articles = [make_article("x", "One."), make_article("y", "Two.")]
    analyses = [
        ArticleAnalysis("x", entities=(Entity(name="Northern Defence Pact", type="organisation"),)),
        ArticleAnalysis("y", entities=(Entity(name="NDP", type="organisation"),)),
    ]
    ents = canonical_entities(articles, analyses)
    assert len(ents) == 1 and ents[0].name == "Northern Defence Pact" and "NDP" in ents[0].aliases


def test_statements_unqualified_role_resolves_within_its_article_else_to_the_storys_only_holder():
    text = "Ambassador Ivo Rask spoke. \u201cThis is a hybrid war,\u201d the diplomat told an agency."
    a = make_article("x", text)
    ents = canonical_entities([a], [ArticleAnalysis("x", entities=(person("Ivo Rask", "Ostrian ambassador"),))])
    q = quote(a, "This is a hybrid war,", None, "the diplomat")
    assert resolve_speakers([q], ents)[0].speaker == "Ivo Rask"
    # another article of the story says only "the diplomat": the story has one, so it is him
    other = Quote(article_id="elsewhere", start=0, end=3, text="Hm.", speaker=None, speaker_text="the diplomat")
    assert resolve_speakers([other], ents)[0].speaker == "Ivo Rask"
    # ... but with two diplomats in the story, neither
    b = make_article("y", "Ambassador Lena Voss spoke too.")
    ents = canonical_entities([a, b], [ArticleAnalysis("x", entities=(person("Ivo Rask", "Ostrian ambassador"),)),
                                       ArticleAnalysis("y", entities=(person("Lena Voss", "Ruvian ambassador"),))])
    assert resolve_speakers([other], ents)[0].speaker is None


def test_statements_unattributed_near_repeat_joins_the_statement():
    a = make_article("x", "\u201cWe will rebuild every bridge before winter,\u201d said Mayor Lina Ostrova.")
    b = make_article("y", "A notice read: \u201cwe will rebuild every bridge before winter.\u201d")
    qa = quote(a, "We will rebuild every bridge before winter,", "Lina Ostrova")
    qb = quote(b, "we will rebuild every bridge before winter.", None)
    groups = group_statements([qa, qb], [a, b])
    assert len(groups) == 1 and groups[0].speaker == "Lina Ostrova"


@pytest.mark.parametrize("text", ["", "   ", "\u200b", "“”", "he", "the", "Ω≈ç√"])
def test_statements_odd_input_never_crashes(text):
    a = make_article("x", text)
    ents = canonical_entities([a], [ArticleAnalysis("x", entities=(Entity(name=text, type="other"),))])
    q = Quote(article_id="x", start=0, end=len(text), text=text, speaker=text or None, speaker_text=text)
    quotes = resolve_speakers([q], ents)
    assert len(group_statements(quotes, [a])) == 1
    assert canonical_entities([], []) == () and group_statements([]) == ()


@pytest.mark.parametrize("phrase,head,qualified", [
    ("the President of Freedonia", "president", True),
    ("Freedonia's president", "president", True),
    ("Ostrian presidential spokesman", "spokesperson", True),
    ("the diplomat", "diplomat", False),
    ("Alliance Secretary General", "chief", True),
])
def test_statements_role_phrases_parse(phrase, head, qualified):
    key = parse_role(phrase)
    assert key is not None and key.head == head and bool(key.qualifiers) == qualified


def test_statements_role_match_respects_country():
    assert roles_match(parse_role("the President of Freedonia"), parse_role("Freedonian president"))
    assert not roles_match(parse_role("the President of Freedonia"), parse_role("Sylvanian president"))
    assert parse_mention("Freedonian Foreign Minister Ana Pardo")[1] == "ana pardo"
    assert parse_mention("Ana Pardo") == (None, "ana pardo")


def test_statements_unnamed_role_phrase_in_text_joins_its_holder():
    named = make_article("x", "Freedonian President Marta Kovale opened the session.")
    unnamed = make_article("y", "Later the President of Freedonia said she was ready. The Sylvanian president left.")
    analyses = [ArticleAnalysis("x", entities=(person("Marta Kovale", "president of Freedonia"),)),
                ArticleAnalysis("y", entities=())]
    ents = canonical_entities([named, unnamed], analyses)
    assert len(ents) == 1 and ents[0].article_ids == ("x", "y")
    assert "the President of Freedonia" in ents[0].aliases
    assert not any("Sylvanian" in a for a in ents[0].aliases)


@pytest.mark.parametrize("text,found", [
    ("Then the Prime Minister of Freedonia spoke.", ["the Prime Minister of Freedonia"]),
    ("Freedonia's foreign minister, in a statement, agreed.", ["Freedonia's foreign minister"]),
    ("Freedonian President Marta Kovale spoke.", []),  # a named mention
    ("The minister spoke.", []),  # unqualified: only its article can say who
    ("Freedonian officials spoke.", []),  # several people
])
def test_statements_role_mentions_found_in_text(text, found):
    from crossread.reconcile.statements_names import find_role_mentions

    assert [text[s:e] for s, e, _ in find_role_mentions(text)] == found


def test_statements_untyped_bare_surname_joins_the_full_name():
    articles = [make_article("x", "One."), make_article("y", "Two.")]
    analyses = [ArticleAnalysis("x", entities=(person("Oskar Lindqvist", "Ostrian president"),)),
                ArticleAnalysis("y", entities=(Entity(name="Lindqvist", type="other"),))]
    ents = canonical_entities(articles, analyses)
    assert len(ents) == 1 and ents[0].name == "Oskar Lindqvist" and ents[0].type == "person"


def test_statements_one_shared_word_without_shared_context_stays_apart():
    a = make_article("x", "\u201cWe believe the rights of the minority must be respected,\u201d Varin told reporters.")
    b = make_article("y", "\u201cWe stand with the minority,\u201d Varin added, but trust in the talks was gone.")
    qa = quote(a, "We believe the rights of the minority must be respected,", "Oleg Varin")
    qb = quote(b, "We stand with the minority,", "Oleg Varin")
    assert len(group_statements([qa, qb], [a, b])) == 2


@pytest.mark.parametrize("short,full,merged", [
    ("Ana Pardo", "Ana Maria Pardo", True),
    ("A. Pardo", "Ana Maria Pardo", True),
    ("Luis Pardo", "Ana Maria Pardo", False),
    ("Bill Pardo", "William Pardo", True),
    ("Constable Ana Pardo", "Ana Pardo", True),
])
def test_statements_fuller_name_forms_join(short, full, merged):
    articles = [make_article("x", "One."), make_article("y", "Two.")]
    analyses = [ArticleAnalysis("x", entities=(person(short),)), ArticleAnalysis("y", entities=(person(full),))]
    assert (len(canonical_entities(articles, analyses)) == 1) == merged


def test_statements_organisation_named_as_its_articles_print_it():
    text = "The Northern Defence Pact (NDP) met. The NDP said it would act. NDP officials left."
    a = make_article("x", text)
    spans = tuple((m.start(), m.end()) for m in re.finditer(r"Northern Defence Pact|NDP", text))
    org = Entity(name="Northern Defence Pact", type="organisation", aliases=("NDP",), mentions=spans)
    ents = canonical_entities([a], [ArticleAnalysis("x", entities=(org,))])
    assert ents[0].name == "NDP" and "Northern Defence Pact" in ents[0].aliases


@pytest.mark.parametrize("speaker,speaker_text,expected", [
    (None, "Ostrian spokesman Oleg Varin", "Oleg Varin"),
    ("Varin", "Varin", "Oleg Varin"),
    ("Oleg Varrin", "Oleg Varrin", "Oleg Varin"),  # a near-spelling with the same given name
    ("he", "he", "he"),  # a pronoun is the quote reader's to resolve
    (None, None, None),
])
def test_statements_speaker_forms_resolve(speaker, speaker_text, expected):
    a = make_article("x", "Ostrian spokesman Oleg Varin spoke to reporters.")
    ents = canonical_entities([a], [ArticleAnalysis("x", entities=(person("Oleg Varin", "Ostrian spokesman"),))])
    q = Quote(article_id="x", start=0, end=5, text="Hello", speaker=speaker, speaker_text=speaker_text)
    assert resolve_speakers([q], ents)[0].speaker == expected


def test_statements_grouping_works_without_articles():
    qs = [Quote("x", 0, 40, "We will rebuild every bridge before the winter", speaker="Lina Ostrova"),
          Quote("y", 0, 30, "rebuild every bridge before winter", speaker="Lina Ostrova"),
          Quote("y", 50, 80, "the budget is balanced and fair", speaker="Lina Ostrova")]
    groups = group_statements(qs)
    assert [len(g.quotes) for g in groups] == [2, 1] and groups[0].outlets == ()


def test_statements_plural_speaker_and_odd_entity_names():
    a = make_article("x", "Officials said the Ostrian president Oskar Lindqvist would not attend.")
    odd = Entity(name="Lindqvist Skips Summit As Talks Stall Again Over Border", type="person",
                 aliases=("Lindqvist", "Oskar Lindqvist"), roles=("Ostrian president",))
    ents = canonical_entities([a], [ArticleAnalysis("x", entities=(odd,))])
    assert ents[0].name == "Oskar Lindqvist"  # a headline swallowed by a reader is not the name
    q = Quote(article_id="x", start=0, end=5, text="Hello", speaker="officials", speaker_text="Officials")
    assert resolve_speakers([q], ents)[0].speaker == "officials"


def test_statements_two_misspellings_of_one_name_both_join_it():
    articles = [make_article(i, "Text.") for i in ("x", "y", "z", "w")]
    analyses = [ArticleAnalysis("x", entities=(person("Boris Halloran", "foreign minister of Freedonia"),)),
                ArticleAnalysis("y", entities=(person("Boris Halloran", "foreign minister of Freedonia"),)),
                ArticleAnalysis("z", entities=(person("Boris Halloan", "Freedonian foreign minister"),)),
                ArticleAnalysis("w", entities=(person("Boris Haloran", "Freedonian foreign minister"),))]
    ents = canonical_entities(articles, analyses)
    assert len(ents) == 1 and ents[0].name == "Boris Halloran" and len(ents[0].article_ids) == 4


def test_statements_a_repeated_short_quotation_is_one_statement():
    q = Quote("x", 0, 12, "Hello there!", speaker="Ivo Rask")
    r = Quote("x", 40, 52, "Hello there!", speaker="Ivo Rask")
    other = Quote("x", 60, 80, "Hello to the voters", speaker="Ivo Rask")
    groups = group_statements([q, r, other])
    assert sorted(len(g.quotes) for g in groups) == [1, 2]
    assert len({g.id for g in groups}) == len(groups)


def test_statements_speaker_with_article_is_the_same_speaker():
    a = make_article("x", "\u201cThe border will stay open to trade,\u201d the Northern Defence Pact said.")
    b = make_article("y", "Northern Defence Pact: \u201cthe border will stay open to all trade.\u201d")
    qa = quote(a, "The border will stay open to trade,", "the Northern Defence Pact")
    qb = quote(b, "the border will stay open to all trade.", "Northern Defence Pact")
    ents = canonical_entities([a, b], [ArticleAnalysis("x", entities=(Entity("Northern Defence Pact", "organisation"),)),
                                       ArticleAnalysis("y", entities=(Entity("Northern Defence Pact", "organisation"),))])
    quotes = resolve_speakers([qa, qb], ents)
    assert {q.speaker for q in quotes} == {"Northern Defence Pact"}
    assert len(group_statements(quotes, [a, b])) == 1
    assert len(group_statements([qa, qb], [a, b])) == 1  # even unresolved


# Invented names: the story's name for a person drops a title one article printed before it.
@pytest.mark.parametrize("forms, name", [
    (("Chairman Ahmed Farouk", "Ahmed Farouk"), "Ahmed Farouk"),
    (("Striker Leon Bakker", "Leon Bakker"), "Leon Bakker"),
    (("Boss Steve Raddle", "Steve Raddle"), "Steve Raddle"),
    (("Constable Ana Pardo", "Ana Pardo"), "Ana Pardo"),
    (("Chairman Ahmed Farouk",), "Ahmed Farouk"),
    (("Dean Holloway",), "Dean Holloway"),  # a given name that is also a title stays
    (("Dean Holloway Reed", "Holloway Reed"), "Dean Holloway Reed"),
])
def test_statements_canonical_speaker_drops_a_title(forms, name):
    articles = [make_article(f"a{i}", "One.") for i in range(len(forms))]
    analyses = [ArticleAnalysis(f"a{i}", entities=(person(f),)) for i, f in enumerate(forms)]
    ents = canonical_entities(articles, analyses)
    assert [e.name for e in ents] == [name]
    q = Quote(article_id="a0", start=0, end=3, text="One", speaker=forms[0], speaker_text=forms[0])
    assert resolve_speakers([q], ents)[0].speaker == name
