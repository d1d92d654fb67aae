"""The pipeline: error policy, determinism, every article in exactly one story."""
from __future__ import annotations

import pytest

import crossread
from crossread import Options, Pipeline, RawArticle
from crossread.errors import StageError
from crossread.render.dossier import dossier_json

RECORDS = [
    RawArticle(id="dam-1", text="The new dam on the Tana river opened on Tuesday, officials said. It cost $1.2 billion.",
               outlet="Valley Herald", published="2023-05-30"),
    RawArticle(id="dam-2", text="Officials opened the Tana river dam on Tuesday. The project cost about $1.2 billion.",
               outlet="River Times", published="2023-05-31"),
    RawArticle(id="quake", text="A magnitude 6.1 earthquake struck the coast on Sunday, killing at least 12 people.",
               outlet="Coast Daily", published="2023-05-28"),
]


def test_pipeline_every_article_in_exactly_one_story() -> None:
    dossier = crossread.analyze(RECORDS)
    placed = sorted(aid for s in dossier.stories for aid in s.article_ids)
    assert placed == ["dam-1", "dam-2", "quake"]
    assert [a.id for a in dossier.articles] == ["dam-1", "dam-2", "quake"]


def test_pipeline_same_input_same_bytes_whatever_the_order() -> None:
    first = dossier_json(crossread.analyze(RECORDS))
    assert dossier_json(crossread.analyze(RECORDS)) == first
    assert dossier_json(crossread.analyze(list(reversed(RECORDS)))) == first


def test_pipeline_failing_article_becomes_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    import crossread.pipeline as pipeline_module

    real = pipeline_module.analyse_article

    def flaky(article):
        if article.id == "quake":
            raise ValueError("reader bug")
        return real(article)

    monkeypatch.setattr(pipeline_module, "analyse_article", flaky)
    dossier = Pipeline().run(RECORDS)
    assert [p.code for p in dossier.problems] == ["E200"]
    assert dossier.problems[0].source == "quake" and "reader bug" in dossier.problems[0].message
    assert sorted(aid for s in dossier.stories for aid in s.article_ids) == ["dam-1", "dam-2", "quake"]
    with pytest.raises(StageError):
        Pipeline(Options(strict=True)).run(RECORDS)


def test_pipeline_duplicate_ids_are_renamed_not_lost() -> None:
    twin = RawArticle(id="dam-1", text="A different article that reuses an id.")
    dossier = crossread.analyze([*RECORDS, twin])
    assert sorted(a.id for a in dossier.articles) == ["dam-1", "dam-1~2", "dam-2", "quake"]
    assert [p.code for p in dossier.problems] == ["E111"]


def test_pipeline_metadata_published_kept() -> None:
    dossier = crossread.analyze(RECORDS[:1])
    article = dossier.articles[0]
    assert str(article.published) == "2023-05-30" and article.published_from == "metadata"
    assert article.outlet == "Valley Herald"


def test_pipeline_removes_lines_one_outlet_repeats_across_articles() -> None:
    footer = "Follow the Valley Herald on every platform for live updates from our newsroom"
    bodies = [
        "The council approved the new budget on Monday after a long debate.",
        "Flooding closed the northern road for the third day running.",
        "The school board elected a new chair by a narrow vote.",
        "A local bakery won the regional prize for its rye bread.",
    ]
    records = [RawArticle(id=f"vh-{i}", text=f"{body}\n{footer}\nMore reporting on the matter followed in the evening edition.",
                          outlet="Valley Herald") for i, body in enumerate(bodies)]
    dossier = crossread.analyze(records)
    assert all(footer not in a.text for a in dossier.articles)
    assert all(any(r.text == footer for r in a.removed) for a in dossier.articles)
    kept = crossread.analyze(records, options=Options.build(keep_boilerplate=True))
    assert all(footer in a.text for a in kept.articles)
