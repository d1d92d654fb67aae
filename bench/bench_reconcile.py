"""Benchmark: reconcile one 100-article story (speakers, statements, timeline, and the whole stage).

The story is synthetic (invented people, places and events, seeded, so every run builds the same
one): each article names a dozen people in varied forms (full name, surname, role phrase, the odd
misspelling), quotes several statements in reworded forms and dates several events, some on
disputed days. The per-article analyses are built by hand, so the figures measure the reconcile
stage alone.

    .venv/bin/python bench/bench_reconcile.py [--articles 100] [--repeat 5]

Prints CPU seconds per step (one core; numpy/scipy threads limited to one): the first (cold: imports,
word lists) run and the median of the warm runs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, as the target says

from crossread.model import Article, ArticleAnalysis, Entity, Quote, Sentence, StoryGroup, TimeExpression

COUNTRIES = ["Freedonia", "Sylvania", "Ostria", "Ruritania", "Borduria", "Syldavia", "Elbonia", "Latveria"]
ADJ = {"Freedonia": "Freedonian", "Sylvania": "Sylvanian", "Ostria": "Ostrian", "Ruritania": "Ruritanian",
       "Borduria": "Bordurian", "Syldavia": "Syldavian", "Elbonia": "Elbonian", "Latveria": "Latverian"}
ROLES = ["president", "prime minister", "foreign minister", "defense minister", "spokesman", "ambassador"]
GIVEN = ["Ana", "Luka", "Mira", "Teodor", "Ivo", "Greta", "Pavel", "Lina", "Oskar", "Vera", "Henrik", "Zora",
         "Milan", "Dora", "Emil", "Nika", "Boris", "Alma", "Kiril", "Rada"]
FAMILY = ["Pardo", "Kovale", "Brask", "Stallmark", "Varin", "Drozd", "Holmberg", "Ostrova", "Rask", "Miletic",
          "Novak", "Tessaro", "Lindqvist", "Abramov", "Castellan", "Dufresne", "Halloran", "Jovanic", "Kessler", "Moretti"]
WORDS = ("security situation border troops talks agreement sanctions election protest police mayor council "
         "ceasefire convoy bridge village capital region summit alliance mission negotiators observers").split()
VERBS = "warned insisted demanded promised rejected welcomed condemned proposed announced confirmed".split()


def _typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1 :]


def build_story(n_articles: int, seed: int = 7) -> tuple[list[Article], list[ArticleAnalysis]]:
    rng = random.Random(seed)
    people = []
    for i in range(20):
        country = COUNTRIES[i % len(COUNTRIES)]
        role = ROLES[(i // len(COUNTRIES)) % len(ROLES)]
        people.append((f"{GIVEN[i]} {FAMILY[i]}", role, country))
    statements = []
    for i in range(60):
        speaker = people[i % len(people)]
        statements.append((speaker, [rng.choice(WORDS) for _ in range(rng.randint(6, 14))]))
    base = dt.date(2024, 5, 1)
    events = [(base + dt.timedelta(days=rng.randint(0, 30)), [rng.choice(WORDS) for _ in range(8)]) for _ in range(25)]
    background = [(dt.date(rng.randint(1950, 2010), 1, 1), [rng.choice(WORDS) for _ in range(8)]) for _ in range(8)]

    articles, analyses = [], []
    for a in range(n_articles):
        aid = f"art{a:03d}"
        parts: list[str] = []
        entities: list[Entity] = []
        quotes: list[Quote] = []
        times: list[TimeExpression] = []
        offset = 0
        sentences: list[Sentence] = []

        def add(sentence: str) -> int:
            nonlocal offset
            start = offset
            parts.append(sentence)
            sentences.append(Sentence(start, start + len(sentence), len(sentences) // 4))
            offset += len(sentence) + 1
            return start

        for person, role, country in rng.sample(people, 12):
            given, family = person.split()
            form = rng.random()
            if form < 0.1:
                shown = f"the {role} of {country}"
                ent = Entity(name=shown, type="person", roles=(f"{role} of {country}",))
            elif form < 0.15:
                shown = f"{given} {_typo(family, rng)}"
                ent = Entity(name=shown, type="person", aliases=(shown,), roles=(f"{ADJ[country]} {role}",))
            else:
                shown = person
                ent = Entity(name=person, type="person", aliases=(person, family), roles=(f"{role} of {country}",))
            entities.append(ent)
            for (sp, words_) in rng.sample([s for s in statements if s[0][0] == person], 2):
                kept = [w for w in words_ if rng.random() > 0.2] or words_
                text = " ".join(kept)
                s = f"\u201c{text.capitalize()},\u201d {shown} {rng.choice(VERBS)} on Tuesday."
                start = add(s) + 1
                quotes.append(Quote(aid, start, start + len(text) + 1, text.capitalize() + ",", speaker=ent.name,
                                    speaker_text=shown, sentence=len(sentences) - 1))
        for day, words_ in rng.sample(events, 10):
            if rng.random() < 0.1:
                day = day + dt.timedelta(days=1)
            phrase = day.strftime("%B %d").replace(" 0", " ")
            s = f"On {phrase}, {' '.join(rng.sample(words_, 6))} in {rng.choice(COUNTRIES)}."
            start = add(s) + 3
            times.append(TimeExpression(aid, start, start + len(phrase), phrase, day.isoformat(), "day",
                                        sentence=len(sentences) - 1))
        for year, words_ in rng.sample(background, 3):
            s = f"In {year.year}, {' '.join(rng.sample(words_, 6))}."
            start = add(s) + 3
            times.append(TimeExpression(aid, start, start + 4, str(year.year), f"{year.year}-01-01/{year.year}-12-31",
                                        "year", sentence=len(sentences) - 1))
        for _ in range(10):
            add(" ".join(rng.choice(WORDS) for _ in range(15)).capitalize() + ".")
        text = " ".join(parts)
        articles.append(Article(id=aid, text=text, sentences=tuple(sentences), outlet=f"Outlet {a % 37}",
                                published=base + dt.timedelta(days=30 + a % 5)))
        analyses.append(ArticleAnalysis(aid, entities=tuple(entities), quotes=tuple(quotes), times=tuple(times)))
    return articles, analyses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    articles, analyses = build_story(args.articles)
    n_quotes = sum(len(a.quotes) for a in analyses)
    n_times = sum(len(a.times) for a in analyses)
    n_ents = sum(len(a.entities) for a in analyses)
    print(f"story: {len(articles)} articles, {n_ents} entities, {n_quotes} quotes, {n_times} time expressions")

    from crossread.reconcile.statements import canonical_entities, group_statements, resolve_speakers
    from crossread.reconcile.timeline import build_timeline

    # CPU seconds of this process (time.process_time): on a shared machine wall time mostly measures the neighbours.
    clock = time.process_time

    def run_steps() -> dict[str, float]:
        out = {}
        t0 = clock()
        ents = canonical_entities(articles, analyses)
        t1 = clock()
        quotes = resolve_speakers([q for a in analyses for q in a.quotes], ents)
        t2 = clock()
        groups = group_statements(quotes, articles)
        t3 = clock()
        events = build_timeline(articles, analyses)
        t4 = clock()
        out.update(canonical_entities=t1 - t0, resolve_speakers=t2 - t1, group_statements=t3 - t2,
                   build_timeline=t4 - t3, speakers_statements_timeline=t4 - t0)
        out["_sizes"] = (len(ents), len(groups), sum(len(g.quotes) > 1 for g in groups), len(events),  # type: ignore[assignment]
                         sum(e.disputed for e in events))
        return out

    def run_stage() -> float:
        from crossread.reconcile import reconcile_story

        group = StoryGroup(id="bench", article_ids=tuple(a.id for a in articles))
        t0 = clock()
        reconcile_story(group, {a.id: a for a in articles}, {a.article_id: a for a in analyses})
        return clock() - t0

    cold = run_steps()
    sizes = cold.pop("_sizes")
    warm_runs = []
    for _ in range(args.repeat):
        r = run_steps()
        r.pop("_sizes")
        warm_runs.append(r)
    print(f"result: {sizes[0]} story entities, {sizes[1]} statements ({sizes[2]} in several wordings), "
          f"{sizes[3]} timeline events ({sizes[4]} disputed)")
    print(f"{'step (CPU seconds)':32} {'cold':>8} {'warm':>8}")
    for key in cold:
        warm = statistics.median(r[key] for r in warm_runs)
        print(f"{key:32} {cold[key]:8.3f} {warm:8.3f}")
    try:
        stage_cold = run_stage()
        stage_warm = statistics.median(run_stage() for _ in range(max(1, args.repeat // 2)))
        print(f"{'reconcile_story (whole stage)':32} {stage_cold:8.3f} {stage_warm:8.3f}")
    except Exception as e:  # other reconcilers may be mid-build; the steps above still stand
        print(f"reconcile_story failed: {e!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
