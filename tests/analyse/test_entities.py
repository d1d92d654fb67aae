"""Entities: people, organisations, places and countries with canonical names, aliases and roles."""
from __future__ import annotations

from pathlib import Path

import pytest

from crossread.analyse.entities import find_entities
from crossread.analyse.entities_roles import role_after, role_before, role_matches, role_phrase
from crossread.clean import clean_article, split_sentences
from crossread.model import Article, RawArticle
from crossread.options import CleanOptions

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kosovo-2023"


def article(text: str, article_id: str = "t") -> Article:
    return Article(id=article_id, text=text, sentences=split_sentences(text))


def example(stem: str) -> Article:
    path = next(EXAMPLE.glob(stem + "*.txt"))
    raw = RawArticle(id=path.stem, text=path.read_text(encoding="utf-8"))
    return clean_article(raw, CleanOptions(keep_boilerplate=True))


def by_name(entities, name):
    hits = [e for e in entities if e.name == name]
    assert hits, [e.name for e in entities]
    return hits[0]


def test_entities_surname_joins_full_name_with_role():
    text = ("The following day, Moldova Prime Minister Elena Dravic defended the plan.\n\n"
            "\u201cWe will not retreat,\u201d Dravic told reporters in Chisinau.")
    ents = find_entities(article(text))
    dravic = by_name(ents, "Elena Dravic")
    assert dravic.type == "person"
    assert set(dravic.aliases) == {"Elena Dravic", "Dravic"}
    assert dravic.roles == ("prime minister of Moldova",)
    assert len(dravic.mentions) == 2
    assert all(text[s:e] in dravic.aliases for s, e in dravic.mentions)


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Tom Okafor, the foreign minister of Ghana, arrived on Monday.", "Tom Okafor", "foreign minister of Ghana"),
        ("Kremlin spokesman Ivan Petrenko declined to comment.", "Ivan Petrenko", "Kremlin spokesman"),
        ("Brazil's finance minister, Ana Souza, resigned.", "Ana Souza", "finance minister of Brazil"),
        ("German Chancellor Karl Weber flew in.", "Karl Weber", "chancellor of Germany"),
        ("U.S. Secretary of State Mary Lane met them.", "Mary Lane", "secretary of state of United States"),
        ("Paul Marsh, Moscow's ambassador to Serbia, spoke.", "Paul Marsh", "ambassador of Russia to Serbia"),
    ],
)
def test_entities_role_patterns(text, name, role):
    ent = by_name(find_entities(article(text)), name)
    assert ent.type == "person"
    assert role in ent.roles


@pytest.mark.parametrize(
    "text, name, type_",
    [
        ("Troops from NATO entered Kosovo near Pristina.", "NATO", "organisation"),
        ("Troops from NATO entered Kosovo near Pristina.", "Kosovo", "country"),
        ("Troops from NATO entered Kosovo near Pristina.", "Pristina", "place"),
        ("The deal angered the U.S. and the Bank of England.", "United States", "country"),
        ("The deal angered the U.S. and the Bank of England.", "Bank of England", "organisation"),
        ("Officials of the Green Valley Party met in Lagos.", "Green Valley Party", "organisation"),
    ],
)
def test_entities_types(text, name, type_):
    assert by_name(find_entities(article(text)), name).type == type_


def test_entities_acronym_joins_full_name():
    text = "The Northern Water Agency (NWA) raised prices. The NWA blamed the drought."
    ents = find_entities(article(text))
    nwa = [e for e in ents if "NWA" in e.aliases]
    assert len(nwa) == 1 and nwa[0].name == "Northern Water Agency"


def test_entities_skip_sentence_starts_and_demonyms():
    text = "Protesters gathered early. Clashes followed. Serbian officials said little. Dozens were hurt."
    names = {e.name for e in find_entities(article(text))}
    assert not names & {"Protesters", "Clashes", "Serbian", "Dozens"}


def test_entities_spelling_variants_of_a_first_name_are_one_person():
    text = "President Aleksandar Vucic spoke first. Later Aleksandr Vucic said more, and Vucic left."
    persons = [e for e in find_entities(article(text)) if e.type == "person"]
    assert len(persons) == 1
    assert len(persons[0].mentions) == 3


def test_entities_example_roles():
    ents = find_entities(example("002_"))
    assert "prime minister of Kosovo" in by_name(ents, "Albin Kurti").roles
    assert "Kurti" in by_name(ents, "Albin Kurti").aliases
    assert "ambassador of Russia to Serbia" in by_name(ents, "Alexander Botsan-Kharchenko").roles
    assert "president of Kosovo" in by_name(ents, "Vjosa Osmani").roles
    # headline-style lines yield no invented people
    assert not any(e.name.startswith("NATO Bolsters") for e in ents)


@pytest.mark.parametrize("text", ["", "   \n\n ", "\u201c\u201d \u2018", "ÉÉÉ \x00 \ufeff Ω", "A. B. C.", "Mr."])
def test_entities_odd_input_never_crashes(text):
    assert isinstance(find_entities(Article(id="x", text=text)), tuple)


@pytest.mark.parametrize(
    "phrase, role",
    [
        ("Kosovo\u2019s Prime Minister", "prime minister of Kosovo"),
        ("the US Ambassador", "ambassador of United States"),
        ("The Russian Ambassador", "ambassador of Russia"),
        ("the President of Kosovo", "president of Kosovo"),
        ("the diplomat", "diplomat"),
        ("a campaign spokesman", None),
        ("Albin Kurti", None),
    ],
)
def test_roles_role_phrase(phrase, role):
    assert role_phrase(phrase) == role


def test_roles_before_after_and_matching():
    text = "Kosovo Prime Minister Albin Kurti, the leader of Vetevendosje, spoke."
    role, start = role_before(text, text.index("Albin"))
    assert role == "prime minister of Kosovo" and start == 0
    assert role_after(text, text.index(",")) == "leader of Vetevendosje"
    assert role_matches("ambassador of Russia", "ambassador of Russia to Serbia")
    assert not role_matches("president of Kosovo", "president of Serbia")


@pytest.mark.parametrize(
    "text, name, type_, roles",
    [
        ("Shares of General Motors rose on Friday.", "General Motors", "organisation", ()),
        ("Fans of Major League Baseball cheered.", "Major League Baseball", "organisation", ()),
        ("Judge Ann Wu adjourned the hearing.", "Ann Wu", "person", ("judge",)),
        ("British Prime Minister Theresa May spoke.", "Theresa May", "person", ("prime minister of United Kingdom",)),
    ],
)
def test_entities_titles_that_begin_names_of_things(text, name, type_, roles):
    ent = by_name(find_entities(article(text)), name)
    assert ent.type == type_ and ent.roles == roles


def test_entities_given_name_beats_place_surname():
    ents = find_entities(article("Michael Jordan visited Newport Beach with Jack London."))
    assert by_name(ents, "Michael Jordan").type == "person"
    assert by_name(ents, "Jack London").type == "person"
    assert not [e for e in ents if e.name == "Newport Beach" and e.type == "person"]


def test_entities_honorific_picks_the_full_name_of_that_gender():
    text = "Hillary Clinton and Bill Clinton arrived. Mrs. Clinton spoke; Mr. Clinton waved."
    ents = find_entities(article(text))
    hillary, bill = by_name(ents, "Hillary Clinton"), by_name(ents, "Bill Clinton")
    assert text.index("Clinton spoke") in [s for s, _ in hillary.mentions]
    assert text.index("Clinton waved") in [s for s, _ in bill.mentions]


def test_entities_generational_suffix_stays_out_of_the_key_and_name():
    text = "Vice President Joseph R. Biden Jr. spoke. Later Mr. Biden left."
    biden = [e for e in find_entities(article(text)) if e.type == "person"]
    assert len(biden) == 1
    assert biden[0].name == "Joseph R. Biden"
    assert set(biden[0].aliases) == {"Joseph R. Biden Jr.", "Biden"}


@pytest.mark.parametrize(
    "text, name, type_",
    [
        # one body's name across a possessive or an "and"
        ("The Harbour Dockers' Union called a strike.", "Harbour Dockers' Union", "organisation"),
        ("She was taken to St Ebba's Hospital in Lowmoor.", "St Ebba's Hospital", "organisation"),
        ("Crews from the Upper Tarn Fire and Rescue Service arrived.", "Upper Tarn Fire and Rescue Service",
         "organisation"),
        # a trade word names a business; a compound modifier is no part of the name
        ("said Ines Vogt, chief executive of Brackley Mining.", "Brackley Mining", "organisation"),
        ("The plant belongs to the Swiss-listed Fennick Group.", "Fennick Group", "organisation"),
        # a capital-letter dateline city is a place, not an acronym
        ("OSLO (Wire) - Talks resumed.", "OSLO", "place"),
        ("said Vera Holt, who lives on Corbel Lane.", "Corbel Lane", "place"),
    ],
)
def test_entities_body_names_read_whole(text, name, type_):
    assert by_name(find_entities(article(text)), name).type == type_


def test_entities_a_possessive_or_and_does_not_glue_two_names():
    ents = find_entities(article("Norway's Foreign Ministry protested. Later Dag Lunde and Coastal Police met."))
    names = {e.name: e.type for e in ents}
    assert names.get("Foreign Ministry") == "organisation" and names.get("Norway") == "country"
    assert "Dag Lunde" in names and "Coastal Police" in names


def test_entities_not_names_role_plurals_acronyms_of_things_and_the_outlet():
    text = ("BRISTOL (Western Ledger) - Doctors said she was stable. Rescuers worked all night. "
            "GDP fell while VAT rose, Western Ledger reported.")
    ents = find_entities(Article(id="t", text=text, outlet="Western Ledger", sentences=split_sentences(text)))
    names = {e.name: e.type for e in ents}
    assert not {"Doctors", "Rescuers", "GDP", "VAT"} & set(names)
    assert names.get("Western Ledger") == "organisation"


def test_entities_a_titled_person_of_a_place_and_a_person_before_a_party():
    # the given names are not in the lexicon: the title and the possessive show a person
    ents = find_entities(article("Governor Ildra Vaskin of Morrel Province flew over the site. "
                                 "Prime Minister Oskun Talvar's Workers Alliance lost ten seats."))
    names = {e.name: e.type for e in ents}
    assert names.get("Ildra Vaskin") == "person" and names.get("Morrel Province") == "place"
    assert names.get("Oskun Talvar") == "person" and names.get("Workers Alliance") == "organisation"


def test_entities_the_first_word_of_a_company_alone_is_the_company_not_a_town():
    ents = find_entities(article("Brennock Holdings agreed to buy the rival on Monday. Brennock says the deal "
                                 "adds value. Staff at Ostrava General Hospital in Delvin and Delvin Freight "
                                 "stayed calm. Delvin was quiet."))
    brennock = by_name(ents, "Brennock Holdings")
    assert brennock.type == "organisation" and "Brennock" in brennock.aliases
    assert not any(e.name == "Brennock" for e in ents)
    # a company named after the town it stands in does not swallow the town
    assert by_name(ents, "Delvin").type != "organisation"
