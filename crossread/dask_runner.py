"""Run the same pipeline on a Dask cluster: clean and analyse in batches on the workers,
group and reconcile on the client.

Needs the ``dask`` extra (``pip install 'crossread[dask]'``). Articles travel in
batches of a few hundred (one task per article is two orders of magnitude slower:
see STACK.md), as plain dicts so any worker can rebuild the records.

    from dask.distributed import Client
    from crossread.dask_runner import analyze_on_dask
    dossier = analyze_on_dask(["corpus.jsonl"], client=Client("tcp://scheduler:8786"))
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .model import Article, ArticleAnalysis, Dossier, Problem, RawArticle
from .options import Options
from .pipeline import Pipeline

__all__ = ["analyze_on_dask", "clean_and_analyse_batch"]

BATCH_SIZE = 500


def clean_and_analyse_batch(records: list[dict[str, Any]], options: Options) -> list[dict[str, Any]]:
    """Worker side: clean and analyse a batch of raw records; returns dicts (article, analysis, problems)."""
    pipeline = Pipeline(options)
    out = []
    for article in pipeline.clean(RawArticle.from_dict(r) for r in records):
        analysis = next(pipeline.analyse([article]))
        out.append({"article": article.to_dict(), "analysis": analysis.to_dict()})
    out.append({"problems": [p.to_dict() for p in pipeline.problems]})
    return out


def analyze_on_dask(
    inputs: Iterable[str | Path | RawArticle],
    *,
    client: Any = None,
    options: Options | None = None,
    batch_size: int = BATCH_SIZE,
) -> Dossier:
    """Like ``crossread.analyze``, with cleaning and analysis spread over a Dask cluster.

    Args:
        inputs: paths, folders, URLs or records, as for ``crossread.analyze``.
        client: a ``dask.distributed.Client``; None uses Dask's default scheduler.
        options: the run's options.
        batch_size: articles per task.
    Returns:
        The same ``Dossier`` a local run gives.
    """
    try:
        import dask.bag as dask_bag
    except ImportError as e:  # the extra is not installed: say how to get it
        raise ImportError("the Dask runner needs the dask extra: pip install 'crossread[dask]'") from e
    options = options or Options()
    pipeline = Pipeline(options)
    raws = [r.to_dict() for r in pipeline.read(inputs)]
    batches = [raws[i : i + batch_size] for i in range(0, len(raws), batch_size)]
    if not batches:
        return pipeline.run_articles([])
    bag = dask_bag.from_sequence(batches, npartitions=len(batches)).map(clean_and_analyse_batch, options)
    results = client.compute(bag).result() if client is not None else bag.compute()
    articles: list[Article] = []
    analyses: dict[str, ArticleAnalysis] = {}
    for batch in results:
        for item in batch:
            if "problems" in item:
                for p in item["problems"]:
                    pipeline.report(Problem.from_dict(p))
                continue
            article = Article.from_dict(item["article"])
            articles.append(article)
            analyses[article.id] = ArticleAnalysis.from_dict(item["analysis"])
    return pipeline.run_articles(articles, analyses=analyses)
