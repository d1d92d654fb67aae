"""The pipeline: ingest → clean → analyse → group → reconcile, with one error policy.

``Pipeline(options)`` keeps settings (and whatever the stages load lazily) for
repeated use; ``crossread.analyze()`` uses a default one.  By default a failing
input or article becomes a ``Problem`` (one line on stderr from the CLI) and the
run goes on; ``Options(strict=True)`` re-raises instead.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from .analyse import analyse_article
from .clean import clean_article, infer_dates, remove_corpus_furniture
from .errors import CrossreadError, InputError, StageError
from .group import group_stories
from .model import Article, ArticleAnalysis, Dossier, Problem, RawArticle
from .options import Options
from .reconcile import reconcile_story

__all__ = ["Pipeline", "analyze"]

ProblemHandler = Callable[[Problem], None]


class Pipeline:
    """Runs crossread's stages over inputs; see the module docstring."""

    def __init__(self, options: Options | None = None, *, on_problem: ProblemHandler | None = None) -> None:
        self.options = options or Options()
        self.on_problem = on_problem
        self.problems: list[Problem] = []

    # ---------------------------------------------------------------- error policy
    def report(self, problem: Problem) -> None:
        self.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)

    def _stage_failed(self, stage: str, article_id: str, exc: Exception) -> None:
        if self.options.strict:
            raise StageError(stage, article_id, exc) from exc
        self.report(Problem(code="E200", source=article_id, message=f"{stage} failed: {exc!r}", stage=stage))

    # ---------------------------------------------------------------- stages
    def read(self, inputs: Iterable[str | Path | RawArticle]) -> Iterator[RawArticle]:
        """Ingest: every input (paths, '-', URLs, records) as raw records; bad ones become problems."""
        from .ingest import read_inputs

        yield from read_inputs(inputs, on_problem=self._input_problem, allow_private=self.options.allow_private_urls)

    def _input_problem(self, error: InputError) -> None:
        if self.options.strict:
            raise error
        self.report(Problem(code=error.code, source=error.source, message=error.message, stage="ingest"))

    def clean(self, raws: Iterable[RawArticle]) -> Iterator[Article]:
        for raw in raws:
            try:
                yield clean_article(raw, self.options.clean)
            except InputError as e:
                self._input_problem(e)
            except Exception as e:  # a bug in one article must not sink the run
                self._stage_failed("clean", raw.id, e)

    def analyse(self, articles: Iterable[Article]) -> Iterator[ArticleAnalysis]:
        for article in articles:
            try:
                yield analyse_article(article)
            except Exception as e:
                self._stage_failed("analyse", article.id, e)
                yield ArticleAnalysis(article_id=article.id)

    def run_articles(
        self,
        articles: Sequence[Article],
        *,
        analyses: Mapping[str, ArticleAnalysis] | None = None,
        progress: Callable[[str, int], None] | None = None,
    ) -> Dossier:
        """Analyse, group and reconcile cleaned articles into a ``Dossier``.

        ``analyses`` already computed elsewhere (a Dask cluster, the store) are used as
        they are; only the articles without one are analysed here.
        """
        articles = _unique_ids(articles, self.report)
        known = dict(analyses or {})
        if not self.options.clean.keep_boilerplate:
            # Lines one outlet repeats across many articles are furniture: a corpus-level pass.
            trimmed = remove_corpus_furniture(articles)
            for before, after in zip(articles, trimmed):
                if before.text != after.text:
                    known.pop(after.id, None)  # offsets moved: analyse again
            articles = list(trimmed)
        todo = [a for a in articles if a.id not in known]
        fresh = {a.article_id: a for a in self._tick(self.analyse(todo), progress, "analyse")}
        analyses = {a.id: known.get(a.id) or fresh[a.id] for a in articles}
        groups = group_stories(articles, list(analyses.values()), self.options.stories)
        if self.options.clean.infer_dates:
            dated = infer_dates(articles, analyses, groups)
            changed = [b for a, b in zip(articles, dated) if a.published != b.published]
            if changed:
                articles = list(dated)
                analyses.update({x.article_id: x for x in self.analyse(changed)})
        by_id = {a.id: a for a in articles}
        stories = []
        for group in self._tick(groups, progress, "reconcile"):
            try:
                stories.append(reconcile_story(group, by_id, analyses, self.options))
            except Exception as e:
                self._stage_failed("reconcile", group.id, e)
                from .model import Story

                stories.append(Story(id=group.id, title=group.title, article_ids=group.article_ids, copies=group.copies))
        return Dossier(
            articles=tuple(sorted(articles, key=lambda a: a.id)),
            stories=tuple(stories),
            analyses=tuple(analyses[a.id] for a in sorted(articles, key=lambda a: a.id) if a.id in analyses),
            problems=tuple(self.problems),
        )

    def run(self, inputs: Iterable[str | Path | RawArticle]) -> Dossier:
        """The whole pipeline over inputs."""
        return self.run_articles(list(self.clean(self.read(inputs))))

    @staticmethod
    def _tick(items, progress, label):  # type: ignore[no-untyped-def]
        for i, item in enumerate(items, 1):
            if progress is not None:
                progress(label, i)
            yield item


def _unique_ids(articles: Sequence[Article], report: ProblemHandler) -> list[Article]:
    """Ids must be unique in a run: a second article with a taken id gets a '~N' suffix (and a problem line)."""
    seen: dict[str, int] = {}
    out = []
    for a in articles:
        if a.id in seen:
            seen[a.id] += 1
            new_id = f"{a.id}~{seen[a.id]}"
            report(Problem(code="E111", source=a.source or a.id, message=f"duplicate id {a.id!r}, renamed {new_id!r}"))
            a = a.replace(id=new_id)
        else:
            seen[a.id] = 1
        out.append(a)
    return out


_default: Pipeline | None = None


def analyze(inputs: Iterable[str | Path | RawArticle] | str | Path, *, options: Options | None = None) -> Dossier:
    """Analyse articles (paths, folders, '-', URLs or ``RawArticle`` records) into a ``Dossier``.

    >>> dossier = analyze(["examples/kosovo-2023"])          # doctest: +SKIP
    >>> [s.title for s in dossier.stories]                     # doctest: +SKIP
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    return Pipeline(options).run(inputs)
