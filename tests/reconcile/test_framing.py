"""Framing per outlet: voices, exclusive and omitted facts, blame with subject and object, over-used terms,
and the blindspot across user-defined groups of outlets."""
from __future__ import annotations

import json

import pytest

from crossread.clean.text import normalise, split_sentences
from crossread.errors import OptionsError
from crossread.model import Article, ArticleAnalysis, Entity, Fact, FigureReport, Quote, Story
from crossread.options import ReportOptions
from crossread.reconcile.framing import compare_framing
from crossread.reconcile.framing_blame import find_blame, verb_forms
from crossread.reconcile.framing_blindspot import load_groups


def make_article(article_id: str, text: str, outlet: str | None = None) -> Article:
    body = normalise(text)
    return Article(id=article_id, text=body, sentences=split_sentences(body), outlet=outlet)


def triples(article: Article, quotes=()) -> set[tuple]:
    return {(b["subject"], b["verb"], b["object"]) for b in find_blame(article, quotes)}


@pytest.mark.parametrize("text, expected", [
    ("Hal Voss, the minister, condemned Ardenia for the closure of the border.", ("Hal Voss", "condemn", "Ardenia")),
    ("The council of Brenn accused Tavia of stalling the talks.", ("Brenn", "accuse", "Tavia")),
    ("Pell was blamed by Oskar Lind for the delay.", ("Oskar Lind", "blame", "Pell")),
    ("Garrow used the dispute to inflame tensions along the coast. Critics say Garrow wants a crisis.",
     ("Garrow", "inflame", "tensions")),
    ("The republic condemns the actions of the Tavian police.", ("republic", "condemn", "Tavian police")),
    ("Tavia and Ruskov continue to fuel the conflict in Brenn.", ("Tavia and Ruskov", "fuel", "Brenn")),
    ("Omar Feld, a longtime ally of Ardenia, has also criticized the Tavian government's decision.",
     ("Omar Feld", "criticize", "Tavian government")),
    ("The move drew a sharp rebuke from Valmont on Sunday.", ("Valmont", "rebuke", None)),
])
def test_framing_blame_subject_and_object(text, expected):
    assert expected in triples(make_article("x", text))


@pytest.mark.parametrize("text", [
    "Dozens of guards have been injured in the clashes.",
    "The blame for the delay is widely shared.",
    "Officials said a terrorist attack was not suspected.",
    "Pell promised to de-escalate the situation.",
    "Calls for restraint went unheard.",
    "Five pirate boats tried to attack the ship.",
    "The polar bear was listed as threatened because the ice is melting.",
    "He was placed on injured reserve on Monday.",
    "A bomb exploded at a bank late Friday killing a guard.",
    "Several guards sustained trauma wounds with burns after unprovoked attacks and a rare rebuke from nobody.",
    "",
])
def test_framing_blame_ignores_non_accusations(text):
    assert triples(make_article("x", text)) == set()


def test_framing_blame_quoted_accusation_is_voiced_by_speaker():
    art = make_article("x", "\u201cThe republic strongly condemns the actions of the Tavian police,\u201d Ines Marr said on Monday.")
    start = art.text.index("The republic")
    end = art.text.index("police") + len("police")
    quote = Quote(article_id="x", start=start, end=end, text=art.text[start:end], speaker="Ines Marr", sentence=0)
    blame = find_blame(art, [quote])
    assert [(b["subject"], b["verb"], b["object"], b["voiced_by"]) for b in blame] == [
        ("Ines Marr", "condemn", "Tavian police", "Ines Marr")]
    # without a quote record, the speaker is guessed from the attribution after the quotation
    assert find_blame(art)[0]["subject"] == "Ines Marr"


def test_framing_blame_culprit_named_in_quote():
    art = make_article("x", "Governor Ivo Renn stated: \u201cThe sole culprit is (Mayor) Ada Lusk.\u201d")
    assert ("Governor Ivo Renn", "culprit", "Ada Lusk") in triples(art)


@pytest.mark.parametrize("entry, forms", [
    ("condemn", ["condemn", "condemns", "condemned", "condemning"]),
    ("blame", ["blame", "blames", "blamed", "blaming"]),
    ("decry|decries|decried|decrying", ["decry", "decries", "decried", "decrying"]),
    ("criticize", ["criticize", "criticizes", "criticized", "criticizing"]),
])
def test_framing_verb_forms(entry, forms):
    assert verb_forms(entry) == forms


# --------------------------------------------------------------------------- the whole comparison

A = """Thugs stormed the Tavian customs post on Friday, and reckless thugs set two trucks alight.
"These thugs answer to Garrow," said Ines Marr, the border commissioner.
Ines Marr condemned Ruskov for arming the thugs.
About 40 guards were hurt, the commission said."""
B = """Protesters gathered at the Tavian customs post on Friday and two trucks caught fire.
About 40 guards were hurt, the commission said.
Ruskov said the protesters had every right to demonstrate.
The crossing stays closed until further notice."""
C = """The Tavian customs post closed on Friday after protesters gathered there and two trucks burned.
About 40 guards were hurt, according to the commission.
Police chief Dara Quill said the crossing would reopen next week."""


def _fact(fid, arts, phrase, value):
    reports = []
    for a in arts:
        start = a.text.index(phrase)
        reports.append(FigureReport(article_id=a.id, start=start, end=start + len(phrase), text=phrase, value=value,
                                    sentence=a.sentence_at(start)))
    return Fact(id=fid, about="guards hurt" if value == 40 else "trucks", verdict="agree" if len(reports) > 1 else "single",
                reports=tuple(reports))


@pytest.fixture
def border():
    a, b, c = make_article("a", A, "Valley Post"), make_article("b", B, "Tavia Today"), make_article("c", C, "Wire One")
    start = a.text.index("These thugs")
    end = a.text.index("Garrow,") + len("Garrow")
    q1 = Quote(article_id="a", start=start, end=end, text=a.text[start:end], speaker="Ines Marr", sentence=1)
    s2 = c.text.index("the crossing would")
    q2 = Quote(article_id="c", start=s2, end=len(c.text) - 1, text=c.text[s2:-1], speaker="Dara Quill", kind="indirect", sentence=2)
    facts = (_fact("guards", [a, b, c], "About 40 guards", 40), _fact("trucks", [a], "two trucks alight", 2))
    entities = (Entity(name="Ines Marr", type="person", aliases=("Ines Marr", "Marr")),)
    story = Story(id="s", title=None, article_ids=("a", "b", "c"), facts=facts, quotes=(q1, q2), entities=entities)
    analyses = [ArticleAnalysis(article_id="a", entities=(Entity(name="Garrow", type="person"),)),
                ArticleAnalysis(article_id="b"), ArticleAnalysis(article_id="c")]
    return story, [a, b, c], analyses


def test_framing_compares_each_outlet(border):
    story, arts, analyses = border
    framing = compare_framing(story, arts, analyses)
    json.dumps(framing)  # JSON-ready
    by = {o["article_id"]: o for o in framing["outlets"]}
    assert [o["label"] for o in framing["outlets"]] == ["Valley Post", "Tavia Today", "Wire One"]
    assert by["a"]["voices"] == [{"speaker": "Ines Marr", "quotes": 1, "words": 5}]
    assert by["c"]["voices"] == [{"speaker": "Dara Quill", "quotes": 1, "words": 0}]  # reported speech: no quoted words
    assert by["a"]["exclusive_voices"] == ["Ines Marr"]
    assert [f["fact"] for f in by["a"]["exclusive_facts"]] == ["trucks"]
    assert by["b"]["exclusive_facts"] == [] and by["b"]["omitted_facts"] == []
    assert by["a"]["exclusive_entities"] == ["Garrow"]
    assert ("Ines Marr", "condemn", "Ruskov") in {(x["subject"], x["verb"], x["object"]) for x in by["a"]["blame"]}
    loaded = {t["term"]: t for t in by["a"]["loaded_terms"]}
    assert "thugs" in loaded and loaded["thugs"]["evaluative"] and loaded["thugs"]["count"] == 4 and loaded["thugs"]["others"] == 0
    assert "reckless" in loaded
    assert "thugs" not in {t["term"] for t in by["b"]["loaded_terms"]}


def test_framing_omitted_fact(border):
    story, arts, analyses = border
    fact = story.facts[0]
    fewer = fact.replace(reports=tuple(r for r in fact.reports if r.article_id != "c"))
    framing = compare_framing(story.replace(facts=(fewer,)), arts, analyses)
    by = {o["article_id"]: o for o in framing["outlets"]}
    assert by["c"]["omitted_facts"] == [{"fact": "guards", "about": "guards hurt", "reported_by": 2}]
    assert by["a"]["omitted_facts"] == []


@pytest.mark.parametrize("content, suffix", [
    ('{"Valley Post": "north", "Tavia Today": "south", "Wire One": "north"}', ".json"),
    ('{"north": ["valley post", "Wire One"], "south": ["Tavia Today"]}', ".json"),
    ('[{"outlet": "Valley Post", "group": "north"}, {"outlet": "Tavia Today", "group": "south"}, {"outlet": "Wire One", "group": "north"}]', ".json"),
    ("outlet,group\nValley Post,north\nTavia Today,south\nWire One,north\n", ".csv"),
    ("Valley Post,north\nTavia Today,south\nWire One,north\n", ".csv"),
])
def test_framing_blindspot_from_groups_file(border, tmp_path, content, suffix):
    story, arts, analyses = border
    path = tmp_path / f"groups{suffix}"
    path.write_text(content, encoding="utf-8")
    framing = compare_framing(story, arts, analyses, ReportOptions(groups_file=path))
    blind = framing["blindspot"]
    assert blind["groups"] == {"a": "north", "b": "south", "c": "north"}
    assert [f["fact"] for f in blind["only_in"]["north"]["facts"]] == ["trucks"]
    assert blind["only_in"]["north"]["voices"] == ["Dara Quill", "Ines Marr"]
    assert blind["only_in"]["south"] == {"facts": [], "voices": [], "targets": []}
    assert "Ruskov" in blind["only_in"]["north"]["targets"]


@pytest.mark.parametrize("content", ["", "{}", "not json {", "[1, 2]", "just one column\n"])
def test_framing_bad_groups_file_is_an_options_error(tmp_path, content):
    path = tmp_path / "g.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OptionsError):
        load_groups(path)


@pytest.mark.parametrize("texts", [[], [""], ["\u200b\u00ad"], ["One lone sentence about nothing in particular."],
                                   ["Ünïcödé ☃ “quoted” 𝔘𝔫𝔦 words.", "Reckless, reckless words."]])
def test_framing_degrades_gracefully(texts):
    arts = [make_article(f"x{i}", t) for i, t in enumerate(texts)]
    story = Story(id="s", title=None, article_ids=tuple(a.id for a in arts))
    framing = compare_framing(story, arts, [])
    json.dumps(framing)
    if arts:
        assert [o["article_id"] for o in framing["outlets"]] == [a.id for a in arts]
    else:
        assert framing == {}


def test_framing_on_the_example_shows_blame(example_dir):
    """The opinion piece casts Russia and Vucic as responsible; Western capitals criticise Pristina's government."""
    import crossread

    dossier = crossread.analyze([example_dir])
    blame = []
    for story in dossier.stories:
        for o in story.framing.get("outlets", []):
            blame += [(o["article_id"], b) for b in o["blame"]]
    agents = {(aid, b["subject"]) for aid, b in blame if b["kind"] == "responsibility" and b["subject"]}
    opinion = "004_1e6933370fb07214"
    assert any(aid == opinion and ("Moscow" in s or "Putin" in s or "Russia" in s) for aid, s in agents)
    assert any(aid == opinion and "Vucic" in s for aid, s in agents)
    western = [b for _, b in blame if b["kind"] == "accusation" and b["object"]
               and any(t in b["object"] for t in ("Kosovo", "Pristina"))]
    assert len({b["subject"] for b in western}) >= 3


def _odd_texts(n: int) -> list[str]:
    import random

    rng = random.Random(11)
    pieces = ["Ana Berg", "condemned", "accused", "the", "Tavia's", "\u201c", "\u201d", '"', "(", ")", "\u2014", " \u2013 ",
              ",", ".", "blamed", "on", "by", "was", "to", "inflame", "culprit", "rebuke from", "\u05e9\u05dc\u05d5\u05dd",
              "\U0001f600", "\u0301", "O'Neil", "U.S.", "12", "-", "and", "\u00a0", "\n", "'s", "MAYOR", "attacks"]
    return [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(n)]


@pytest.mark.parametrize("text", _odd_texts(40))
def test_framing_never_crashes_on_odd_text(text):
    art = make_article("x", text)
    for b in find_blame(art):
        assert set(b) == {"subject", "verb", "object", "kind", "voiced_by", "sentence"}
        assert 0 <= b["sentence"] < len(art.sentences)
    story = Story(id="s", title=None, article_ids=("x", "y"))
    json.dumps(compare_framing(story, [art, make_article("y", text[::-1])], []))


# Invented text: the verb finder must match what one case-insensitive alternation of every form finds.
VERB_TEXT = ("Officials HELD RESPONSIBLE the operator; the mayor holds  responsible nobody. Critics condemned it, "
             "a counter-attack followed, the council Accused_ nobody, attacks2 were denied, rioters ATTACKED police "
             "and the union blamed the firm\u2019s board, which accuses the city of condemning it.")


def test_framing_blame_verb_hits_match_one_alternation():
    import re

    from crossread.reconcile.framing_blame import _lexicon, _verb_hits

    forms = sorted(_lexicon()["lemma_of"], key=len, reverse=True)
    reference = re.compile(rf"\b(?:{'|'.join(re.escape(f) for f in forms)})\b", re.IGNORECASE)
    for text in (VERB_TEXT, VERB_TEXT.lower(), "", "held responsible", "Held"):
        expected = [(m.start(), m.end()) for m in reference.finditer(text)]
        assert [(m.start(), m.end()) for m in _verb_hits(text)] == expected
    assert len(_verb_hits(VERB_TEXT)) >= 6
