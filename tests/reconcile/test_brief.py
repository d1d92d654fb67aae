"""The brief: extractive, every sentence cites every supporting article, conflicts stated as conflicts,
numbers and names checked against the cited sentences; the optional LLM rewrite is checked too."""
from __future__ import annotations

import json
import random
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from crossread.clean.text import normalise, split_sentences
from crossread.model import (
    Article, Dossier, Fact, FigureReport, Quote, RawArticle, StatementGroup, Story,
)
from crossread.options import ReportOptions
from crossread.reconcile.brief import build_brief
from crossread.reconcile.citations import check_dossier, check_sentence, claims, source_labels
from tests.conftest import CORPORA, corpus_path

# Invented coverage of an invented event (no corpus text).
LEDGER = """The Varnholm dam on the Elsa river gave way on Tuesday night after three days of heavy rain, flooding the lower town.
Rescue teams pulled residents from rooftops until dawn, and the regional governor Mira Castell declared an emergency.
Around 12 workers were injured when the spillway collapsed, the operator Nordvatten said.
"We are doing everything we can to reach the families still cut off," Castell told reporters.
Engineers had warned in 2019 that the spillway needed repairs that were never funded."""

HERALD = """Floodwater swept through lower Varnholm on Tuesday night when the dam on the Elsa river gave way after days of rain.
Governor Mira Castell declared an emergency as rescue teams worked through the night to lift residents from rooftops.
More than 20 workers were injured in the spillway collapse, according to the hospital in Tolsby.
"We are doing everything we can to reach the families still cut off," Castell said.
Local farmers say the reservoir level had been kept unusually high all spring."""

WIRE = """Rescue crews in Varnholm lifted residents from rooftops overnight after the Elsa river dam gave way on Tuesday.
The governor, Mira Castell, declared an emergency for the whole valley.
More than 20 workers were hurt when the spillway collapsed, hospital staff in Tolsby said.
A spokesman for the operator Nordvatten declined to comment on the 2019 inspection report.
Bus services to the coast were suspended until further notice."""


def make_article(article_id: str, text: str, outlet: str | None) -> Article:
    body = normalise(text)
    return Article(id=article_id, text=body, sentences=split_sentences(body), outlet=outlet)


def report(article: Article, phrase: str, value: float, qualifier: str | None, low=None, high=None) -> FigureReport:
    start = article.text.index(phrase)
    return FigureReport(article_id=article.id, start=start, end=start + len(phrase), text=phrase, value=value,
                        low=low, high=high, qualifier=qualifier, counted="workers", predicate="injured",
                        sentence=article.sentence_at(start))


@pytest.fixture
def flood():
    a = make_article("ledger-1", LEDGER, "Daily Ledger")
    b = make_article("herald-7", HERALD, "Coast Herald")
    c = make_article("wire-3", WIRE, "Metro Wire")
    conflict = Fact(id="f1", about="how many workers were injured", verdict="conflict", reports=(
        report(a, "Around 12 workers", 12, "around", 10, 14),
        report(b, "More than 20 workers", 20, "more than", 20, None),
        report(c, "More than 20 workers", 20, "more than", 20, None),
    ))
    quotes = []
    for art in (a, b):
        start = art.text.index("We are doing")
        end = art.text.index("cut off") + len("cut off")
        quotes.append(Quote(article_id=art.id, start=start, end=end, text=art.text[start:end], speaker="Mira Castell",
                            sentence=art.sentence_at(start)))
    story = Story(id="s1", title="Varnholm dam", article_ids=(a.id, b.id, c.id), facts=(conflict,),
                  quotes=tuple(quotes), statements=(StatementGroup(id="st1", speaker="Mira Castell", quotes=tuple(quotes)),))
    return story, [a, b, c]



def test_brief_a_figure_that_changed_over_time_is_told_in_date_order(flood):
    import datetime as dt
    story, (a, b, c) = flood
    days = {a.id: dt.date(2026, 3, 12), b.id: dt.date(2026, 3, 10), c.id: dt.date(2026, 3, 11)}
    arts = [replace(x, published=days[x.id]) for x in (a, b, c)]
    story = replace(story, facts=(replace(story.facts[0], timing="evolving"),))
    evolution = [s for s in build_brief(story, arts) if s.kind == "evolution"]
    assert len(evolution) == 1 and "changed as the story developed" in evolution[0].text
    text = evolution[0].text
    # the earliest day's figure first, then the later ones, joined as steps
    assert text.index("More than 20 workers (Coast Herald") < text.index("Around 12 workers (Daily Ledger)")
    assert " → " in text and " vs " not in text

@pytest.mark.parametrize("budget", [5, 8])
def test_brief_every_sentence_cites_and_passes_checker(flood, budget):
    story, arts = flood
    brief = build_brief(story, arts, ReportOptions(brief_sentences=budget))
    assert 3 <= len(brief) <= budget
    dossier = Dossier(articles=tuple(arts), stories=(story.replace(summary=brief),))
    result = check_dossier(dossier)
    assert result.sentences == len(brief) and result.rate == 1.0, result.failures
    for s in brief:
        assert s.sources and s.evidence
        assert {a for a, _ in s.evidence} <= set(s.sources)


def test_brief_conflict_stated_as_conflict(flood):
    story, arts = flood
    brief = build_brief(story, arts)
    conflicts = [s for s in brief if s.kind == "conflict"]
    assert len(conflicts) == 1
    text = conflicts[0].text
    assert text.startswith("Outlets disagree on how many workers were injured")
    assert "Around 12 workers (Daily Ledger)" in text
    assert "More than 20 workers (Coast Herald, Metro Wire)" in text
    assert set(conflicts[0].sources) == {"ledger-1", "herald-7", "wire-3"}
    # the one-sided sentences are not stated as fact
    assert not any(s.kind == "extract" and ("Around 12" in s.text or "More than 20" in s.text) for s in brief)


def test_brief_cites_every_supporting_article_and_puts_corroborated_first(flood):
    story, arts = flood
    brief = build_brief(story, arts)
    assert len(brief[0].sources) >= 2
    emergency = [s for s in brief if s.kind == "extract" and "emergency" in s.text]
    assert emergency and set(emergency[0].sources) == {"ledger-1", "herald-7", "wire-3"}
    # single-source sentences, if any, come after every corroborated one
    sizes = [len(s.sources) for s in brief if s.kind == "extract"]
    assert sizes == sorted(sizes, reverse=True) or sizes.index(1) > 0


def test_brief_has_no_redundant_sentences(flood):
    story, arts = flood
    texts = [s.text for s in build_brief(story, arts)]
    assert len(texts) == len(set(texts))
    dam_leads = [t for t in texts if "gave way" in t]
    assert len(dam_leads) <= 1  # three outlets open on the same event: one of them is enough


def test_brief_quotes_the_statement_several_outlets_carry(flood):
    story, arts = flood
    quote = [s for s in build_brief(story, arts) if s.kind == "quote"]
    assert quote and quote[0].text.startswith("Mira Castell said:")
    assert set(quote[0].sources) == {"ledger-1", "herald-7"}


def test_brief_quote_credits_its_words_only_to_outlets_that_print_them(flood):
    story, arts = flood
    ledger, herald, wire = arts
    reworded = make_article("wire-3", WIRE + '\n"We are doing all we can for the families," Castell said.', "Metro Wire")
    start = reworded.text.index("We are doing all")
    quotes = (*story.quotes, Quote(article_id="wire-3", start=start, end=start + 43, text=reworded.text[start : start + 43],
                                   speaker="Mira Castell", sentence=reworded.sentence_at(start)))
    story = replace(story, quotes=quotes, statements=(StatementGroup(id="st1", speaker="Mira Castell", quotes=quotes),))
    quote = [s for s in build_brief(story, [ledger, herald, reworded]) if s.kind == "quote"][0]
    assert "reach the families still cut off" in quote.text
    assert "in other words: Metro Wire" in quote.text and quote.text.index("Metro Wire") > quote.text.index("Coast Herald")


def test_brief_is_deterministic(flood):
    story, arts = flood
    assert build_brief(story, arts) == build_brief(story, list(arts))


@pytest.mark.parametrize("texts", [
    [],
    [""],
    ["   \n\n  "],
    ["Short."],
    ["\u200b\u00ad Ünïcödé — “quoted” text with ☃ and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 only, nothing else here at all."],
    ["the the the the the of of of and and and.", "a a a a a a a a a a."],
])
def test_brief_degrades_gracefully(texts):
    arts = [make_article(f"x{i}", t, None) for i, t in enumerate(texts)]
    story = Story(id="s", title=None, article_ids=tuple(a.id for a in arts))
    brief = build_brief(story, arts)
    dossier = Dossier(articles=tuple(arts), stories=(story.replace(summary=brief),))
    assert check_dossier(dossier).rate == 1.0


# --------------------------------------------------------------------------- the checker


@pytest.mark.parametrize("sentence, cited, ok", [
    ("Ola Brandt said 40 boats sank.", ["Forty boats sank, Ola Brandt said."], True),
    ("Ola Brandt said 41 boats sank.", ["Forty boats sank, Ola Brandt said."], False),
    ("Ola Brandt said 40 boats sank.", ["Forty boats sank, a harbour official said."], False),
    ("Turnout was 3.5%.", ["Only 3.5 percent of voters took part."], True),
    ("Damage reached 10,000 euros.", ["The damage was put at 10000 euros."], True),
    ("Meanwhile, rescuers searched the Elsa.", ["Rescuers searched the Elsa river."], True),
    ("Meanwhile Jon Falk searched the river.", ["Rescuers searched the river."], False),
    ("The U.S. embassy closed.", ["The US embassy closed on Monday."], True),
    ("Officials met in Tolsby.", [], False),
])
def test_checker_numbers_and_names(sentence, cited, ok):
    assert check_sentence(sentence, cited).ok is ok


def test_checker_ignores_source_labels_but_not_claims():
    text = "Outlets disagree on the toll: 12 (Daily Ledger) vs 20 (Channel 4 News)."
    numbers, names = claims(text, ignore=["Daily Ledger", "Channel 4 News"])
    assert set(numbers) == {12.0, 20.0} and names == []
    assert not check_sentence(text, ["The toll was 12."], ignore=["Daily Ledger", "Channel 4 News"]).ok


def test_source_labels_are_unique():
    arts = [make_article("a", "x", "Ledger"), make_article("b", "y", "Ledger"), make_article("c", "z", None)]
    assert source_labels(arts) == {"a": "Ledger", "b": "Ledger (2)", "c": "article 3"}


@pytest.mark.parametrize("outlet, title, expected", [
    ("Daily Ledger", "Dam gives way", "Daily Ledger"),
    (None, "Dam gives way", "\u201cDam gives way\u201d"),
    (None, "Varnholm dam gives way after three days of heavy rain on the Elsa", "\u201cVarnholm dam gives way after\u2026\u201d"),
    (None, None, "article 2"),
    ("  ", "  ", "article 2"),
])
def test_source_labels_readable_without_outlet(outlet, title, expected):
    """An article with no outlet is named by its title (shortened) or its place, never by its file id."""
    arts = [make_article("001_9f3a77c2", "x", "Herald"), Article(id="002_b329a70a4704", text="y", outlet=outlet, title=title)]
    assert source_labels(arts)["002_b329a70a4704"] == expected


def test_brief_cites_articles_without_outlet_by_readable_label():
    """The brief's citation labels (in fact and quote sentences) come from the same helper as the reports."""
    a = make_article("001_9f3a77c2", LEDGER, None)
    b = make_article("002_b329a70a4704", HERALD, None)
    c = make_article("003_77aa01c3e2", WIRE, "Metro Wire")
    conflict = Fact(id="f1", about="how many workers were injured", verdict="conflict", reports=(
        report(a, "Around 12 workers", 12, "around", 10, 14),
        report(b, "More than 20 workers", 20, "more than", 20, None),
        report(c, "More than 20 workers", 20, "more than", 20, None),
    ))
    story = Story(id="s1", title="Varnholm dam", article_ids=(a.id, b.id, c.id), facts=(conflict,))
    brief = build_brief(story, [a, b, c])
    stated = [s.text for s in brief if s.kind == "conflict"]
    assert stated and "Around 12 workers (article 1)" in stated[0]
    assert "More than 20 workers (article 2, Metro Wire)" in stated[0]
    assert not any(x in s.text for s in brief for x in ("001_9f3a77c2", "002_b329a70a4704"))


# --------------------------------------------------------------------------- LLM mode, against a local fake


class _FakeLLM(BaseHTTPRequestHandler):
    reply = ""
    status = 200
    requests: list = []

    def do_POST(self):  # noqa: N802 (http.server API)
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        type(self).requests.append((self.path, body))
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": type(self).reply}}]}).encode()
        self.send_response(type(self).status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_llm():
    handler = type("Handler", (_FakeLLM,), {"requests": [], "reply": "", "status": 200})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()
    server.server_close()


def _source_number(request_body, phrase):
    user = request_body["messages"][-1]["content"]
    for line in user.splitlines():
        if line.startswith("[") and phrase in line:
            return int(line[1 : line.index("]")])
    raise AssertionError(f"{phrase!r} not offered to the model")


def test_llm_rewrite_keeps_only_supported_sentences(flood, fake_llm):
    handler, url = fake_llm
    story, arts = flood
    extractive = build_brief(story, arts)
    # first call: learn the numbering the brief offers, then answer with good and bad sentences
    handler.reply = "nothing useful"
    build_brief(story, arts, ReportOptions(llm_url=url))
    path, body = handler.requests[-1]
    assert path == "/v1/chat/completions" and body["messages"][0]["role"] == "system"
    n = _source_number(body, "declared an emergency")
    handler.reply = (
        f"Governor Mira Castell declared an emergency. [{n}]\n"
        f"- Governor Mira Castell declared an emergency after 40 deaths. [{n}]\n"
        f"Prime minister Ansel Grau declared an emergency. [{n}]\n"
        "The dam gave way on Tuesday night.\n"
        f"Castell declared an emergency [{n}, 999]."
    )
    rewritten = build_brief(story, arts, ReportOptions(llm_url=url))
    texts = [s.text for s in rewritten]
    assert texts == ["Governor Mira Castell declared an emergency.", "Castell declared an emergency."]
    assert all(s.rewritten and s.evidence and s.sources for s in rewritten)
    dossier = Dossier(articles=tuple(arts), stories=(story.replace(summary=rewritten),))
    assert check_dossier(dossier).rate == 1.0
    assert extractive != rewritten


@pytest.mark.parametrize("status, reply", [
    (500, "Governor Mira Castell declared an emergency. [1]"),
    (200, ""),
    (200, "No citations at all in this answer."),
    (200, "[[[ ]]] [0] [-1] \u0000 \ud7ff"),
])
def test_llm_failure_falls_back_to_extractive(flood, fake_llm, status, reply):
    handler, url = fake_llm
    story, arts = flood
    handler.status, handler.reply = status, reply
    assert build_brief(story, arts, ReportOptions(llm_url=url)) == build_brief(story, arts)


def test_llm_unreachable_endpoint_falls_back_to_extractive(flood):
    story, arts = flood
    # port 9 on the loopback address: nothing listens, the connection is refused at once
    assert build_brief(story, arts, ReportOptions(llm_url="http://127.0.0.1:9/v1")) == build_brief(story, arts)


# --------------------------------------------------------------------------- real inputs


def test_brief_on_the_example_passes_the_checker(example_dir):
    import crossread

    dossier = crossread.analyze([example_dir])
    result = check_dossier(dossier)
    assert result.sentences > 0 and result.rate == 1.0, result.failures
    for story in dossier.stories:
        if len(story.article_ids) >= 2 and any(a.sentences for a in dossier.articles if a.id in story.article_ids):
            assert 5 <= len(story.summary) <= 10
        stated = [s for s in story.summary if s.kind == "conflict"]
        expected = [f for f in story.facts if f.verdict == "conflict" and len({r.article_id for r in f.reports}) >= 2]
        assert len(stated) >= min(len(expected), 1)


def _corpora() -> list[str]:
    if not CORPORA.is_dir():
        return ["(absent)"]
    return sorted(p.name for p in CORPORA.iterdir() if (p / "articles.jsonl").exists() or any(p.glob("*.txt")))


@pytest.mark.parametrize("name", _corpora())
def test_brief_checker_passes_on_corpus_sample(name):
    """Every brief sentence of a sample of each corpus's stories passes the checker (kept small to stay fast)."""
    import crossread

    path = corpus_path(name)
    jsonl = path / "articles.jsonl"
    if not jsonl.exists():
        dossier = crossread.analyze([path])
    else:
        records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
        gold_path = path / "gold.json"
        by_id = {r["id"]: r for r in records}
        stories = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else []
        rng = random.Random(7)
        rng.shuffle(stories)
        chosen: list[str] = []
        for s in stories:
            ids = [i for i in s.get("article_ids", []) if i in by_id][:4]
            if ids and len(chosen) + len(ids) <= 10:
                chosen.extend(ids)
        if not chosen:
            chosen = [r["id"] for r in records[:6]]
        raws = [RawArticle(**{k: by_id[i].get(k) for k in ("id", "text", "url", "outlet", "published", "title")}) for i in chosen]
        dossier = crossread.analyze(raws)
    result = check_dossier(dossier)
    assert result.rate == 1.0, result.failures
    assert result.sentences > 0


def test_brief_conflict_groups_compatible_readings_into_sides():
    a = make_article("a", "Officials said around 25 guards were hurt in the riot at Kesh prison on Friday night.", "North Star")
    b = make_article("b", "At least 30 guards were hurt in the riot at Kesh prison, and dozens of guards were hurt overall.", "Valley News")
    c = make_article("c", "More than 30 guards were hurt in the Friday riot at Kesh prison, the union said.", "Kesh Courier")

    def rep(art, phrase, value, low, high, q):
        start = art.text.index(phrase)
        return FigureReport(article_id=art.id, start=start, end=start + len(phrase), text=phrase, value=value, low=low,
                            high=high, qualifier=q, counted="guards", predicate="hurt", sentence=art.sentence_at(start))

    fact = Fact(id="f", about="guards hurt", verdict="conflict", reports=(
        rep(a, "around 25 guards", 25, 22.5, 27.5, "about"),
        rep(b, "At least 30 guards", 30, 30, None, "at least"),
        rep(b, "dozens of guards", None, 24, None, "vague"),
        rep(c, "More than 30 guards", 30, 30, None, "more than"),
    ))
    story = Story(id="s", title=None, article_ids=("a", "b", "c"), facts=(fact,))
    conflict = [s for s in build_brief(story, [a, b, c]) if s.kind == "conflict"]
    # one side per stated value, the side more outlets give first
    assert [s.text for s in conflict] == [
        "Outlets disagree on guards hurt: At least 30 guards (Valley News), More than 30 guards (Kesh Courier) "
        "vs around 25 guards (North Star)."]


def test_brief_conflict_states_each_value_once_and_leaves_strays_out():
    texts = {
        "a": ("Seven rifles were seized from the raiders, the navy said on Friday.", "North Star"),
        "b": ("The navy seized seven rifles and a radio from the raiders on Friday.", "Valley News"),
        "c": ("Sailors seized 7 rifles from the raiders, the navy said.", "Kesh Courier"),
        "d": ("The navy said nine rifles were seized from the raiders.", "Harbour Times"),
        "e": ("Navy officials said three boats of raiders fled and nine men were held.", "Daily Quay"),
    }
    arts = {k: make_article(k, t, o) for k, (t, o) in texts.items()}

    def rep(k, phrase, value, counted):
        art = arts[k]
        start = art.text.index(phrase)
        return FigureReport(article_id=k, start=start, end=start + len(phrase), text=phrase, value=value, low=value,
                            high=value, counted=counted, predicate="seized", sentence=art.sentence_at(start))

    fact = Fact(id="f", about="rifles seized", verdict="conflict", reports=(
        rep("a", "Seven rifles", 7, "rifles"), rep("b", "seven rifles", 7, "rifles"), rep("c", "7 rifles", 7, "rifles"),
        rep("d", "nine rifles", 9, "rifles"), rep("e", "three boats", 3, "boats")))
    story = Story(id="s", title=None, article_ids=tuple(arts), facts=(fact,))
    conflict = [s.text for s in build_brief(story, list(arts.values())) if s.kind == "conflict"]
    assert conflict == ["Outlets disagree on how many rifles were seized: seven rifles (North Star, Valley News, Kesh Courier)"
                        " vs nine rifles (Harbour Times)."]
    # without the rifles' second value, the stray boats alone make no disagreement worth a sentence
    lone = Fact(id="g", about="rifles seized", verdict="conflict", reports=fact.reports[:3] + fact.reports[4:])
    assert not [s for s in build_brief(replace(story, facts=(lone,)), list(arts.values())) if s.kind == "conflict"]


@pytest.mark.parametrize("seed", range(15))
def test_checker_and_brief_never_crash_on_odd_text(seed):
    rng = random.Random(seed)
    pieces = ["Ana Berg", "12", "3.5%", "10,000", "twenty-five", "\u201c", "\u201d", "(", ")", "\u2014", "U.S.", ".", ",",
              "\u05e9\u05dc\u05d5\u05dd", "\U0001f600", "e\u0301", "\u00a0", "\n\n", "'s", "NATO", "Said", "the", "boats"]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(3)]
    arts = [make_article(f"x{i}", t, rng.choice([None, "Odd (Outlet) 2", "\u00c9cho"])) for i, t in enumerate(texts)]
    story = Story(id="s", title=None, article_ids=tuple(a.id for a in arts))
    brief = build_brief(story, arts)
    dossier = Dossier(articles=tuple(arts), stories=(story.replace(summary=brief),))
    assert check_dossier(dossier).rate == 1.0
    check_sentence(texts[0], texts[1:])


@pytest.mark.parametrize("text", [LEDGER, "Vu\u010di\u0107 met \uFB01nancial officials in \u00c5lesund; e\u0301 x\u0323\u0301 \u00bd \u33a2", ""])
def test_brief_accent_stripping_matches_scikit_learn(text):
    from sklearn.feature_extraction.text import strip_accents_unicode

    from crossread.reconcile.brief import _strip_accents

    assert _strip_accents(text) == strip_accents_unicode(text)
    assert _strip_accents(text.lower()) == strip_accents_unicode(text.lower())


@pytest.mark.parametrize("text", [
    LEDGER, HERALD, "x'Bar y''Baz _Qux foo_Bar 'Hello' \u00c9ric d'Estaing met O'Neil of the U.S. Army. \u01c5emal 3Com iPhone",
    "", "   ", "\u201cWe rebuild,\u201d said Mira Castell: Tolsby waits.",
])
def test_brief_proper_vocabulary_reads_capitals_as_the_checker_does(text):
    """The fast reading of names (``_proper_words``) keeps the checker's: mid-sentence capitals only."""
    from crossread.reconcile.citations import _proper_words, _words, fold, proper_vocabulary

    expected = frozenset(fold(w) for w, ambiguous in _words(text) if not ambiguous and w[:1].isupper())
    assert _proper_words(text) == expected == proper_vocabulary([text])


def test_brief_extracts_leave_out_the_dateline():
    texts = {
        "w1": "HALVERTON, March 11 (Metro Wire) - The Halverton dam gave way on Tuesday night after days of rain. "
              "Rescue teams worked until dawn.",
        "w2": "HALVERTON \u2014 The Halverton dam gave way on Tuesday night after days of heavy rain. "
              "Rescue teams worked until dawn on Wednesday.",
    }
    arts = [make_article(k, v, k) for k, v in texts.items()]
    story = Story(id="s1", title="dam", article_ids=tuple(texts))
    brief = build_brief(story, arts)
    assert brief and all(not s.text.startswith("HALVERTON") for s in brief), [s.text for s in brief]
    assert any(s.text.startswith("The Halverton dam gave way") for s in brief)
