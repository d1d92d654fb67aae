"""Fit the story-grouping parameters on a gold-annotated corpus (the dev split only).

    python -m crossread.group.tuning ../shared/corpus/ecbplus-dev [--write] [--cv-topic-sep _]

Fits the logistic pair model (six similarities -> probability that two articles cover one
event) on every article pair of the corpus, prints B-cubed F1 of the resulting grouping over
a small grid of the stage-1 threshold, and with ``--write`` stores the weights in
``crossread/data/stories/params.json``.  The other constants (neighbours 10, candidates 30,
blend 0.75, stage-2 threshold 0.5 = "more likely than not", the time prior) are kept as they are: they were
chosen once on the dev split, and changing them per corpus would fit its noise.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..clean import clean_article
from ..model import Article, RawArticle, StoryGroup
from ..options import StoryOptions
from .features import DATA_DIR, extract_features
from .stories import FEATURE_NAMES, StoryParams, StoryState, _add_df, _weighted, assign_to_stories, load_params, \
    pair_features

__all__ = ["read_corpus", "bcubed", "fit_pair_model", "cross_validate", "main"]


def read_corpus(corpus: Path) -> tuple[list[Article], dict[str, str]]:
    """Cleaned articles of ``corpus/articles.jsonl`` and each article's gold story."""
    records = [json.loads(line) for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    articles = [clean_article(RawArticle(id=str(r["id"]), text=r.get("text"), url=r.get("url"),
                                         outlet=r.get("outlet"), published=r.get("published"),
                                         title=r.get("title"))) for r in records]
    gold_of = {a.id: "_single_" + a.id for a in articles}
    for story in json.loads((corpus / "gold.json").read_text(encoding="utf-8")):
        for aid in story["article_ids"]:
            gold_of[str(aid)] = story["story"]
    return articles, gold_of


def bcubed(gold_of: dict[str, str], groups: Sequence[StoryGroup]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``groups`` against gold labels (as in the shared scorer)."""
    sys_of = {aid: g.id for g in groups for aid in g.article_ids}
    gold_sets, sys_sets = defaultdict(set), defaultdict(set)
    for aid, g in gold_of.items():
        gold_sets[g].add(aid)
        sys_sets[sys_of.get(aid, "_missing_" + aid)].add(aid)
    p = r = 0.0
    for aid, g in gold_of.items():
        gs, ss = gold_sets[g], sys_sets[sys_of.get(aid, "_missing_" + aid)]
        both = len(gs & ss)
        p += both / len(ss)
        r += both / len(gs)
    n = max(len(gold_of), 1)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def fit_pair_model(articles: Sequence[Article], gold_of: dict[str, str], params: StoryParams) -> StoryParams:
    """``params`` with the logistic weights refitted on every pair of ``articles``."""
    from sklearn.linear_model import LogisticRegression

    ordered = sorted(articles, key=lambda a: a.id)
    features = extract_features(ordered)
    state = StoryState(ids=[a.id for a in ordered], features=features)
    for df, counts in ((state.df_words, features.words), (state.df_names, features.names),
                       (state.df_numbers, features.numbers)):
        binary = counts.copy()
        binary.data[:] = 1
        _add_df(df, binary)
    weighted = _weighted(features, state, params)
    x = pair_features(weighted, weighted, params)
    labels = np.array([gold_of[a.id] for a in ordered])
    upper = np.triu_indices(len(ordered), 1)
    same = (labels[:, None] == labels[None, :])[upper]
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x[upper], same)
    return StoryParams(**{**{f: getattr(params, f) for f in params.__slots__},  # type: ignore[attr-defined]
                          "weights": tuple(round(float(w), 4) for w in model.coef_[0]),
                          "intercept": round(float(model.intercept_[0]), 4)})


def cross_validate(articles: Sequence[Article], gold_of: dict[str, str], params: StoryParams,
                   topic_of: dict[str, str]) -> list[float]:
    """B-cubed F1 on each half of the topics, with the pair model fitted on the other half."""
    topics = sorted(set(topic_of.values()))
    halves = [set(topics[0::2]), set(topics[1::2])]
    scores = []
    for held_out in halves:
        train = [a for a in articles if topic_of[a.id] not in held_out]
        test = [a for a in articles if topic_of[a.id] in held_out]
        fitted = fit_pair_model(train, gold_of, params)
        groups, _ = assign_to_stories(test, None, params=fitted)
        scores.append(bcubed({a.id: gold_of[a.id] for a in test}, groups)[2])
    return scores


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--write", action="store_true", help="store the fitted weights in params.json")
    parser.add_argument("--cv-topic-sep", metavar="SEP",
                        help="also cross-validate over two halves of the topics, a topic being the id's "
                             "part before SEP (ECB+: '_')")
    args = parser.parse_args(argv)
    articles, gold_of = read_corpus(args.corpus)
    if args.cv_topic_sep:
        topic_of = {a.id: a.id.split(args.cv_topic_sep, 1)[0] for a in articles}
        scores = cross_validate(articles, gold_of, load_params(), topic_of)
        print("two-fold by topic, B-cubed F1 on the held-out half:", ", ".join(f"{x:.4f}" for x in scores))
    params = fit_pair_model(articles, gold_of, load_params())
    print("weights", dict(zip(FEATURE_NAMES, params.weights)), "intercept", params.intercept)
    for threshold in (0.12, 0.15, 0.17, 0.2, 0.25, 0.3, 0.35):
        groups, _ = assign_to_stories(articles, None, StoryOptions(threshold=threshold), params=params)
        p, r, f = bcubed(gold_of, groups)
        print(f"threshold {threshold:.2f}: B-cubed P {p:.4f} R {r:.4f} F1 {f:.4f} ({len(groups)} stories)")
    if args.write:
        path = DATA_DIR / "params.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["features"], data["weights"] = list(FEATURE_NAMES), list(params.weights)
        data["intercept"] = params.intercept
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print("wrote", path)


if __name__ == "__main__":
    main()
