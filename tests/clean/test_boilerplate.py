"""Boilerplate removal: the founding example (both sides listed by reading the files), our own
captures, the labelled set's metric, and removal of furniture that recurs across one outlet."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from crossread.clean import clean_article, remove_corpus_furniture
from crossread.clean.boilerplate import remove_boilerplate
from crossread.clean.text import normalise
from crossread.model import RawArticle
from crossread.options import CleanOptions

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kosovo-2023"

# Page furniture in the example, found by reading the five files: every line that starts with one
# of these must be gone from the cleaned text.
FURNITURE = {
    "001_748819ecd74a2e8e": [
        "NATO Kosovo Force soldiers clash with local Kosovo Serb protesters",  # picture alt text
        "NATO Kosovo Force (KFOR) soldiers clash",  # its caption
        "REUTERS",  # its credit
        "More from GZERO Media",
        "- YouTube",
        "Following a terrorist attack in Kashmir",  # teaser: India-Pakistan
        "A military confrontation between India and Pakistan",  # teaser
        "A combination picture shows Russian President",  # teaser picture caption (2025)
        "REUTERS/Leah Millis",
        "In negotiations, the most desperate party",  # teaser: 2025 summit
    ],
    "002_4af0742ee9159c1b": [
        "Kosovo Serbs hold a Serbian flag",  # captions, each printed twice
        "KFOR troops in riot gear stand by",
        "Russian President Vladimir Putin decorates",
        "Demonstrators march behind a banner",
        "Reuters contributed to this report.",  # a source credit, not reporting
    ],
    "004_1e6933370fb07214": [
        "Biden Mistakenly Calls Zelensky",  # teaser headline, printed twice
        "Other Topics of Interest",
        "Correcting himself, Biden said",  # the teaser's summary
        "The views expressed are the author",  # opinion disclaimer
        "To suggest a correction or clarification",
        "You can also highlight the text and press",
    ],
}
# Header lines the metadata step reads and takes out (their content goes to the record's fields).
METADATA = {
    "002_4af0742ee9159c1b": ["Adam Morrow", "6/2/2023", "Updated:", "6/4/2023"],
    "003_b329a70a470444bf": ["date 2023-06-05"],
}


def _example_articles():
    out = {}
    for path in sorted(EXAMPLE.glob("*.txt")):
        out[path.stem] = (path.read_text(encoding="utf-8"), clean_article(RawArticle(id=path.stem, text=path.read_text(encoding="utf-8"))))
    return out


@pytest.fixture(scope="module")
def example():
    return _example_articles()


def test_example_has_five_articles(example):
    assert len(example) == 5


def test_example_furniture_is_gone(example):
    for stem, prefixes in FURNITURE.items():
        article = example[stem][1]
        lines = [ln.strip() for ln in article.text.split("\n")]
        for prefix in prefixes:
            assert not any(ln.startswith(prefix) for ln in lines), (stem, prefix)
        removed = [r.text for r in article.removed]
        for prefix in prefixes:
            assert any(r.startswith(prefix) for r in removed), (stem, prefix, "not kept for audit")


def test_example_no_teaser_facts_remain(example):
    for stem, (_, article) in example.items():
        for marker in ("2025", "India", "Pakistan", "Alaska", "Kamala", "Getty Images", "AP Photo", "Ctrl + Enter"):
            assert marker not in article.text, (stem, marker)


def test_example_no_doubled_line(example):
    for stem, (_, article) in example.items():
        lines = [ln for ln in article.text.split("\n") if ln.strip()]
        assert len(lines) == len(set(lines)), stem


def test_example_own_reporting_is_all_kept(example):
    """Every line that is neither furniture nor a header line is still in the cleaned text."""
    for stem, (raw, article) in example.items():
        skip = FURNITURE.get(stem, []) + METADATA.get(stem, [])
        for line in normalise(raw).split("\n"):
            line = line.strip()
            if not line or any(line.startswith(p) for p in skip):
                continue
            if stem.startswith("003") and line.startswith("date 2023-06-05 "):
                line = line[len("date 2023-06-05 "):]
            assert line in article.text, (stem, line[:80])


def test_example_kept_reporting_spot_checks(example):
    kept = {
        "001_748819ecd74a2e8e": ["More protests are scheduled for Wednesday", "Kosovo flareups intensify"],
        "002_4af0742ee9159c1b": ["NATO Bolsters Kosovo Mission", "Mayors should go and work in their offices",
                                 "Moscow continues to view the abrupt transition"],
        "004_1e6933370fb07214": ["After the elections, protestors tried to stop the elected officials",
                                 "they must not allow their primary focus to stray from Ukraine"],
    }
    for stem, phrases in kept.items():
        for p in phrases:
            assert p in example[stem][1].text, (stem, p)


def test_keep_boilerplate_keeps_everything():
    path = EXAMPLE / "004_1e6933370fb07214.txt"
    raw = RawArticle(id="x", text=path.read_text(encoding="utf-8"))
    kept = clean_article(raw, CleanOptions(keep_boilerplate=True))
    assert "Other Topics of Interest" in kept.text
    assert "To suggest a correction" in kept.text
    assert kept.removed == ()


# --------------------------------------------------------------------------- our own captures


def _clean(text: str) -> tuple[str, list[tuple[str, str]]]:
    out, removed = remove_boilerplate(normalise(text))
    return out, [(r.reason, r.text) for r in removed]


def test_prompts_notices_and_widgets_go():
    text = (
        "Flood waters rose across the valley on Sunday, forcing hundreds of families from their homes.\n\n"
        "Share this story\n\n"
        "Rescue crews used boats to reach villages cut off by the river, officials said.\n\n"
        "Sign up for our morning newsletter and get the day's news in your inbox.\n\n"
        "The regional government said it would release emergency funds on Monday.\n\n"
        "Spotted an error? Report it to our corrections desk.\n\n"
        "© 2024 Valley Gazette. All rights reserved."
    )
    out, removed = _clean(text)
    assert "Rescue crews used boats" in out and "emergency funds" in out
    reasons = {r for r, _ in removed}
    assert {"share", "subscription", "correction", "copyright"} <= reasons
    assert "newsletter" not in out and "©" not in out


def test_caption_with_credit_and_repeated_caption():
    caption = "A rescuer carries a child through the water in Riverton on Sunday. (Jo Tan/Valley Photo via Getty Images)"
    text = (
        "Flood waters rose across the valley on Sunday.\n"
        f"{caption}\n{caption}\n"
        "Rescue crews used boats to reach villages cut off by the river.\n"
        "A boat on the flooded main street\n"
        "REUTERS/Sam Ode\n"
        "Officials said the water had begun to fall by the evening."
    )
    out, removed = _clean(text)
    assert "rescuer carries" not in out and "REUTERS" not in out and "flooded main street" not in out
    assert "Rescue crews used boats" in out and "begun to fall" in out
    assert [r for r, _ in removed] == ["caption"] * 4


def test_related_block_in_the_middle_ends_where_the_article_resumes():
    text = (
        "Flood waters rose across the Tamsin valley on Sunday, forcing hundreds of families from their homes.\n\n"
        "Rescue crews used boats to reach villages cut off by the Tamsin river, officials said.\n\n"
        "Related stories\n\n"
        "Chess champion retires after forty years at the board\n\n"
        "Central bank holds interest rates steady for a third month\n\n"
        "Families who left their homes in the valley are staying in schools, and rescue crews expect the river "
        "to stay high until Tuesday, officials said.\n\n"
        "The regional government said it would release emergency funds for the flooded villages."
    )
    out, removed = _clean(text)
    assert "Chess champion" not in out and "Central bank" not in out and "Related stories" not in out
    assert "Families who left their homes" in out and "emergency funds" in out


def test_teasers_after_a_more_from_header_go_to_the_end():
    text = (
        "Flood waters rose across the Tamsin valley on Sunday, forcing hundreds of families from their homes.\n\n"
        "Rescue crews used boats to reach villages cut off by the Tamsin river, officials said.\n\n"
        "More from The Valley Gazette\n\n"
        "A violinist from Oslo won the Kessler prize for young musicians at a ceremony in Vienna in 2019.\n\n"
        "Shares in Orbix Mining jumped after the company reported record copper output in Chile."
    )
    out, removed = _clean(text)
    assert "violinist" not in out and "Orbix" not in out
    assert "Rescue crews" in out


def test_comments_section_runs_to_the_end():
    article = ("Flood waters rose across the Tamsin valley on Sunday, forcing hundreds of families from their homes.\n\n"
               "Rescue crews used boats to reach villages cut off by the river, and the regional governor declared "
               "an emergency on Monday morning, officials said.")
    text = article + ("\n\n42 Comments\n\nThis is terrible, stay safe everyone.\n\n"
                      "The council should have built the wall years ago.")
    out, removed = _clean(text)
    assert out == article
    assert [r for r, _ in removed] == ["comments"] * 3


def test_a_comments_header_before_any_article_is_not_a_tail():
    text = ("Comments\n\nFlood waters rose across the Tamsin valley on Sunday, forcing hundreds of families from "
            "their homes.\n\nRescue crews used boats to reach villages cut off by the river.")
    out, _ = _clean(text)
    assert "Flood waters rose" in out and "Rescue crews" in out


def test_short_repeated_sentence_is_kept():
    text = "The mayor spoke first.\n\nThank you.\n\nThe crowd applauded the plan.\n\nThank you."
    out, _ = _clean(text)
    assert out.count("Thank you.") == 2


def test_dateline_is_not_a_credit():
    text = "RIVERTON (AP) --\n\nFlood waters rose across the valley on Sunday, officials said."
    out, removed = _clean(text)
    assert out.startswith("RIVERTON (AP)")


def test_never_loses_the_article():
    text = "Share this article\n\nAdvertisement\n\nSubscribe now"
    out, removed = _clean(text)
    assert out == normalise(text) and removed == []


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\u200b\u00a0", "Ωμέγα — ✓ 🚀\n\n😀", "x" * 5000, "(\n)\n[\n]"])
def test_odd_input_never_crashes(text):
    article = clean_article(RawArticle(id="odd", text=text))
    assert isinstance(article.text, str)


# --------------------------------------------------------------------------- labelled set


def test_labelled_set_precision_and_recall():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "boilerplate"))
    from metric import load, score

    captures = load()
    assert len(captures) >= 60
    result = score(captures)
    assert result["all"]["precision"] >= 0.95, result["all"]
    assert result["all"]["recall"] >= 0.95, result["all"]
    assert result["heldout"]["precision"] >= 0.95, result["heldout"]
    assert result["heldout"]["recall"] >= 0.95, result["heldout"]


# --------------------------------------------------------------------------- across a corpus


def test_outlet_furniture_removed_across_articles():
    footer = "The Riverton Ledger is an independent newsroom serving the valley since 1921"
    bodies = [
        "Flood waters rose across the valley on Sunday.",
        "The council approved a new budget for the schools on Monday.",
        "A local bakery won a national award for its rye bread.",
    ]
    articles = [clean_article(RawArticle(id=f"a{i}", text=f"{b}\n\n{footer}", outlet="Riverton Ledger")) for i, b in enumerate(bodies)]
    articles.append(clean_article(RawArticle(id="b", text=f"Another story from elsewhere.\n\n{footer}", outlet=None)))
    out = remove_corpus_furniture(articles)
    for a in out[:3]:
        assert footer not in a.text
        assert any(r.reason == "outlet furniture" for r in a.removed)
        assert a.sentences and a.text[a.sentences[-1].start : a.sentences[-1].end].endswith(".")
    assert footer in out[3].text  # no outlet: left alone
    assert [a.id for a in out] == ["a0", "a1", "a2", "b"]


def test_outlet_furniture_needs_enough_articles():
    footer = "The Riverton Ledger is an independent newsroom serving the valley since 1921"
    articles = [clean_article(RawArticle(id=f"a{i}", text=f"Story number {i} is about the valley.\n\n{footer}", outlet="Ledger"))
                for i in range(2)]
    out = remove_corpus_furniture(articles)
    assert all(footer in a.text for a in out)


def test_html_page_related_list_and_caption_out_of_trafilatura_text():
    html = """<html><head><title>Dam bursts in Tamsin valley</title></head><body><article>
    <h1>Dam bursts in Tamsin valley</h1>
    <p>A dam on the Tamsin river burst on Sunday night, flooding three villages and forcing hundreds of families to
    leave their homes, regional officials said.</p>
    <p>Rescue crews used boats to reach houses cut off by the water in Orvel and Marn, and the regional governor
    declared an emergency on Monday morning.</p>
    <p>Related coverage:</p>
    <ul><li><a href="/x">Chess champion retires after forty years at the board</a></li>
    <li><a href="/y">Central bank holds rates steady for a third month</a></li></ul>
    <p>Engineers had warned in March that the dam's spillway was cracked, according to a report seen by the
    Valley Gazette, and repairs had been scheduled for the summer.</p>
    <p>The governor said on Monday that the families from Orvel and Marn would be housed in schools until the
    water falls, and that the cause of the burst would be investigated.</p>
    <p>Share this article</p>
    </article></body></html>"""
    a = clean_article(RawArticle(id="page", html=html))
    assert "Chess champion" not in a.text and "Central bank" not in a.text and "Share this" not in a.text
    assert "Engineers had warned" in a.text and "housed in schools" in a.text
    assert {r.reason for r in a.removed} >= {"related", "share"}


def test_the_articles_own_list_is_kept_and_a_menu_goes():
    text = (
        "Home\nWorld\nPolitics\nSport\n\n"
        "The Tamsin valley council approved its flood plan on Monday after a long debate about the river.\n\n"
        "The flood plan sets out three measures for the valley:\n"
        "- a higher wall along the Tamsin river in Orvel\n"
        "- new pumps for the flood basins near Marn\n"
        "- an early warning service for the valley villages\n\n"
        "The council said work on the river wall would start in the spring."
    )
    out, removed = _clean(text)
    assert "higher wall along the Tamsin river" in out and "new pumps" in out and "early warning" in out
    assert not any(line in ("Home", "World", "Politics", "Sport") for line in out.split("\n"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Shares of Orbix Mining rose 3 percent on Monday.",
        "Customers who subscribe to the service will pay $10 a month from June.",
        "The report was published on Tuesday by the regional agency.",
        "The full report is available at https://example.org/report for anyone to read.",
        "What do you think happens next, the minister asked the committee.",
        "Related talks will resume in Geneva next week, the ministry said.",
    ],
)
def test_reporting_that_looks_like_furniture_is_kept(sentence):
    text = ("Flood waters rose across the Tamsin valley on Sunday, forcing hundreds of families from their homes.\n\n"
            f"{sentence}\n\nRescue crews used boats to reach villages cut off by the river, officials said.")
    out, removed = _clean(text)
    assert sentence in out, removed


# --------------------------------------------------------------------------- general signals (issue 3)

_FLOOD = ("Flood waters rose across the Tamsin valley on Sunday, forcing hundreds of families from their homes, "
          "Mayor Ada Brenn said.\n\n"
          "Rescue crews used boats to reach villages cut off by the Tamsin river, officials said.\n\n"
          "Brenn said the council would open schools in Orvel and Marn to families who had left their homes.\n\n")


@pytest.mark.parametrize("widget", ["Post to Facebook", "Tweet this", "Send to a friend", "Share 12 | Pin | Email",
                                    "Copy link to this article", "Save this story"])
def test_boilerplate_share_widget_by_its_vocabulary(widget):
    out, removed = _clean(_FLOOD + widget + "\n\nThe river was expected to fall by Tuesday, officials said.")
    assert widget not in out and [text for _, text in removed] == [widget]
    assert "fall by Tuesday" in out


@pytest.mark.parametrize("header", ["Also on our site", "Most shared this week", "Latest from The Valley Gazette:",
                                    "Popular right now"])
def test_boilerplate_section_header_by_its_vocabulary_takes_its_block(header):
    text = (_FLOOD + header + "\n\n"
            "A violinist from Oslo won the Kessler prize for young musicians at a ceremony in Vienna.\n\n"
            "Shares in Orbix Mining jumped after the company reported record copper output in Chile.")
    out, removed = _clean(text)
    assert header not in out and "violinist" not in out and "Orbix" not in out
    assert "Brenn said the council" in out


@pytest.mark.parametrize("line", ["More Protests Ahead in Tamsin", "Share prices fell on Monday.",
                                  "Most families stayed in Orvel", "Send help now, the mayor urged."])
def test_boilerplate_vocabulary_rules_keep_headlines_and_sentences(line):
    out, removed = _clean(_FLOOD + line + "\n\nThe river was expected to fall by Tuesday, officials said.")
    assert line in out, removed


def test_boilerplate_teasers_under_a_header_go_although_prose_follows():
    # The header is not a teaser headline: the paragraphs under it are judged on their own topic.
    text = (_FLOOD + "Recommended for you\n\n"
            "A violinist from Oslo won the Kessler prize for young musicians at a ceremony in Vienna.\n\n"
            "Shares in Orbix Mining jumped after the company reported record copper output in Chile.\n\n"
            "Chess champion retires after forty years at the board")
    out, removed = _clean(text)
    assert "violinist" not in out and "Orbix" not in out and "Chess" not in out


def test_boilerplate_article_resumes_after_teasers_with_a_name_or_a_pronoun():
    text = (_FLOOD + "You may also like\n\n"
            "Chess champion retires after forty years at the board\n\n"
            "Brenn has led the valley council since 2015 and grew up on a farm near the river.\n\n"
            "She also asked residents to stay away from the embankments until the water falls.")
    out, removed = _clean(text)
    assert "Chess champion" not in out
    assert "Brenn has led the valley council" in out and "She also asked residents" in out


def test_boilerplate_teaser_at_the_end_under_an_advert_goes():
    text = (_FLOOD + "Advertisement\n\n"
            "A Lisbon court today convicted a former bank clerk of fraud in a scheme that cost pensioners "
            "millions of euros in 2009.")
    out, removed = _clean(text)
    assert "Lisbon court" not in out and ("drift", removed[-1][1]) == removed[-1]
    assert "Brenn said the council" in out


def test_boilerplate_last_paragraph_under_an_advert_that_names_the_article_is_kept():
    last = "Brenn, a former engineer, was elected mayor in 2009 after a campaign about the dam in Lisbon."
    out, removed = _clean(_FLOOD + "Advertisement\n\n" + last)
    assert last in out, removed


def test_caption_and_teaser_lines_with_their_text_are_removed_alone():
    # a caption or a one-line teaser that carries its own text ("Photo: ...", "Read more: headline")
    # goes; the article's paragraphs around it stay
    text = normalise(
        "Flash floods tore through the hill town of Tarrowby on Tuesday night, killing at least nine people.\n\n"
        "Photo: Residents wade through a flooded street in Tarrowby on Wednesday.\n\n"
        "Rescue teams pulled 85 people from rooftops overnight, the interior ministry said.\n\n"
        "Read more: Town council votes to close the Lisk footbridge (published 3 May)\n\n"
        "PICTURED: Floodwater surrounds the Tarrowby town hall\n\n"
        "The ministry said 20 people were still missing in Tarrowby on Wednesday evening.")
    out, removed = remove_boilerplate(text)
    assert "Photo:" not in out and "Read more" not in out and "PICTURED" not in out
    assert {r.reason for r in removed} == {"caption", "teaser"}
    assert "85 people" in out and "20 people were still missing" in out


def test_a_bullet_list_a_sentence_announces_is_the_articles_own_even_at_the_end():
    # a live blog runs newest first: its summary of what is known sits at the bottom
    text = ("Live updates: the Varen valley floods\n\n"
            "16:55 The council says 800 residents can return home tomorrow morning after the river fell overnight.\n\n"
            "12:10 Rescue teams reached the last cut-off farms in the upper valley, the fire service said.\n\n"
            "08:05 Good morning and welcome to our coverage of the third day of the floods. Here's what we know so far:\n"
            "• 14 bridges have been closed, according to the roads agency\n"
            "• Around 2,500 people remain out of their homes\n"
            "• More than 300 soldiers have been deployed to help\n")
    out, removed = remove_boilerplate(normalise(text), title="Live updates: the Varen valley floods")
    assert "Around 2,500 people remain out of their homes" in out
    assert not [r for r in removed if r.reason == "links"]
    # the same list under a bare "Related:" header after the article is still a list of links
    teasers = text.replace(" Here's what we know so far:", "").replace("• 14 bridges", "Related:\n• 14 bridges")
    out, _ = remove_boilerplate(normalise(teasers), title="Live updates: the Varen valley floods")
    assert "Around 2,500 people" not in out


def test_bullets_under_a_heading_of_their_own_close_a_live_blog():
    # newest entry first: the oldest entry, a heading over a list of what is known, ends the page
    text = ("21:40 Water level falls at the Varen weir\n"
            "The river at the Varen weir has dropped by half a metre since noon, the flood agency says.\n\n"
            "14:15 Army arrives\n"
            "The first soldiers reached Tarrowby this afternoon and began filling sandbags by the bridge.\n\n"
            "07:30 The flooding so far\n"
            "- Four people have died in the Varen valley\n"
            "- Around 2,500 people are out of their homes\n"
            "- Fourteen bridges have been closed by the roads agency\n")
    out, removed = remove_boilerplate(normalise(text), title="Varen valley floods: live")
    assert "Around 2,500 people are out of their homes" in out and "Four people have died" in out
    assert not removed
    # teasers for other stories under a heading of their own are still links
    teasers = text.split("07:30")[0] + ("More from the region\n"
                                        "- Council approves the new ring road budget for next year\n"
                                        "- Local bakery wins the national bread award again\n"
                                        "- School choir to sing at the cathedral on Sunday\n")
    out, _ = remove_boilerplate(normalise(teasers), title="Varen valley floods: live")
    assert "bakery" not in out and "Army arrives" in out
