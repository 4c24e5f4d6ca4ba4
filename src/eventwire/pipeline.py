"""The stage pipeline: the Stage protocol, the stage registry, order checking and batch runs."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import ClassVar, Protocol, TypeVar, runtime_checkable

from .errors import StageFailed, StageNotFound, StageOrderError
from .model import Article, Document, Failure, RunReport

__all__ = [
    "DEFAULT_STAGES",
    "STAGES",
    "Pipeline",
    "Stage",
    "StageInfo",
    "get_stage",
    "register_stage",
]

log = logging.getLogger(__name__)

# What every document has before any stage runs.
_GIVEN = frozenset({"article"})

DEFAULT_STAGES: tuple[str, ...] = (
    "nlp",
    "mentions",
    "actors",
    "quotes",
    "events",
    "places",
    "parties",
    "dates",
)


@runtime_checkable
class Stage(Protocol):
    """One step: a Document in, the same Document out with the fields in ``assigns`` filled."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]
    version: ClassVar[str]

    def __call__(self, doc: Document) -> Document: ...


@runtime_checkable
class BatchStage(Stage, Protocol):
    """A stage that is faster on batches (the ``nlp`` stage, through ``nlp.pipe``)."""

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]: ...


S = TypeVar("S", bound=type)

STAGES: dict[str, type] = {}


def register_stage(cls: S) -> S:
    """Class decorator: make a stage available by its ``name``."""
    STAGES[cls.name] = cls  # type: ignore[attr-defined]
    return cls


def _load_plugins() -> None:
    for ep in entry_points(group="eventwire.stages"):
        if ep.name not in STAGES:
            STAGES[ep.name] = ep.load()


def get_stage(name: str) -> type:
    from . import stages  # noqa: F401  (registers the built-in stages)

    if name not in STAGES:
        _load_plugins()
    if name not in STAGES:
        raise StageNotFound(name, list(STAGES))
    return STAGES[name]


@dataclass(frozen=True)
class StageInfo:
    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str


def _check_order(stages: Sequence[Stage]) -> None:
    have = set(_GIVEN)
    for stage in stages:
        for req in stage.requires:
            if req not in have:
                raise StageOrderError(
                    f"stage {stage.name!r} requires {req!r}, which no earlier stage assigns; "
                    f"add {_provider(req)!r} before {stage.name!r}"
                )
        for field in stage.assigns:
            have.add(field)


def _provider(field: str) -> str:
    from . import stages  # noqa: F401

    for name, cls in STAGES.items():
        if field in getattr(cls, "assigns", ()):
            return name
    return field


class Pipeline:
    """Stages in a checked order. ``pipe`` runs batches and isolates failing articles."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        _check_order(stages)
        self.stages: tuple[Stage, ...] = tuple(stages)

    @classmethod
    def from_names(
        cls,
        names: Sequence[str] = DEFAULT_STAGES,
        *,
        options: dict[str, dict[str, object]] | None = None,
    ) -> Pipeline:
        """Build stages by name; ``options[name]`` are keyword arguments for that stage."""
        options = options or {}
        return cls([get_stage(n)(**options.get(n, {})) for n in names])

    def describe(self) -> list[StageInfo]:
        return [
            StageInfo(
                s.name,
                s.version,
                s.requires,
                s.assigns,
                (type(s).__doc__ or "").strip().splitlines()[0] if type(s).__doc__ else "",
            )
            for s in self.stages
        ]

    def __call__(self, article: Article) -> Document:
        """Code one article; a failing stage raises ``StageFailed``."""
        doc = Document.from_article(article)
        for stage in self.stages:
            try:
                doc = stage(doc)
            except Exception as exc:  # the runner, not the stage, decides what a failure means
                raise StageFailed(stage.name, doc.article.id, exc) from exc
        return doc

    def pipe(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = 32,
        report: RunReport | None = None,
        on_failure: Callable[[Failure], None] | None = None,
    ) -> Iterator[Document]:
        """Code articles in input order; yields a Document for each one that did not fail.

        A failure is added to ``report`` (and passed to ``on_failure``) and the run goes on.
        """
        report = report if report is not None else RunReport()
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, report, on_failure)
                batch = []
        if batch:
            yield from self._run_batch(batch, report, on_failure)

    def _run_batch(
        self,
        batch: list[Article],
        report: RunReport,
        on_failure: Callable[[Failure], None] | None,
    ) -> Iterator[Document]:
        docs: list[Document | None] = [Document.from_article(a) for a in batch]
        for stage in self.stages:
            live = [d for d in docs if d is not None]
            if isinstance(stage, BatchStage):
                try:
                    done = iter(stage.pipe(live))
                    results: dict[int, Document] = {
                        id(d): r for d, r in zip(live, done, strict=True)
                    }
                except Exception:
                    log.debug("batch failed in stage %s; retrying one by one", stage.name)
                    results = {}
                docs = [
                    None
                    if d is None
                    else results.get(id(d)) or self._one(stage, d, report, on_failure)
                    for d in docs
                ]
            else:
                docs = [
                    None if d is None else self._one(stage, d, report, on_failure) for d in docs
                ]
        report.processed += len(batch)
        yield from (d for d in docs if d is not None)

    @staticmethod
    def _one(
        stage: Stage,
        doc: Document,
        report: RunReport,
        on_failure: Callable[[Failure], None] | None,
    ) -> Document | None:
        try:
            return stage(doc)
        except Exception as exc:  # isolate the article; the run goes on
            failure = Failure(
                article_id=doc.article.id, stage=stage.name, message=f"{type(exc).__name__}: {exc}"
            )
            log.debug("article %s failed in %s", doc.article.id, stage.name, exc_info=True)
            report.failures.append(failure)
            if on_failure is not None:
                on_failure(failure)
            return None
