"""`eventwire run`: ingest sources, code what is new, store it; idempotent, resumable, parallel."""

from __future__ import annotations

import functools
import hashlib
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from . import __version__
from .api import default_pipeline
from .classify.model import default_model_path
from .config import Settings
from .model import Article, Document, Failure, RunCounts, RunReport
from .pipeline import Pipeline, get_stage
from .stages.nlp import FALLBACK_MODEL
from .store.db import connect
from .store.dedup import SIMILAR, MinHash, minhash, similarity
from .store.registry import learn, lookups
from .store.store import Store, content_hash

__all__ = ["RunOptions", "RunResult", "pipeline_version", "run_articles"]

log = logging.getLogger(__name__)

Progress = Callable[[RunCounts], None]


@dataclass(frozen=True, kw_only=True)
class RunOptions:
    force: bool = False  # re-code articles already coded by this pipeline version
    workers: int = 1
    sources: tuple[str, ...] = ()


@dataclass
class RunResult:
    run_id: int
    counts: RunCounts
    failures: list[Failure] = field(default_factory=list)
    interrupted: bool = False


def store_pipeline(settings: Settings, store: Store) -> Pipeline:
    """The configured pipeline, its actors stage asking the store before the bundled KB:
    the user's edits, then the registry, then an imported KB."""
    from .resources.kb import BundledKB

    base = default_pipeline(settings)  # built once per process; only the actors stage differs
    stages = [
        get_stage("actors")(lookups=[*lookups(store), BundledKB()]) if s.name == "actors" else s
        for s in base.stages
    ]
    return Pipeline(stages)


def pipeline_version(settings: Settings) -> str:
    """What decides whether stored annotations are current: eventwire, its stages, the model."""
    stages = ",".join(f"{n}@{getattr(get_stage(n), 'version', '?')}" for n in settings.stages)
    models = ",".join(f"{k}={v}" for k, v in sorted(model_versions(settings).items()))
    return f"eventwire {__version__}; {stages}; {models}"


def model_versions(settings: Settings) -> dict[str, str]:
    """Installed versions of spaCy and the configured model (no model is loaded to find out)."""
    out = {"spacy": _installed("spacy") or "missing"}
    for package in (settings.model, FALLBACK_MODEL):
        found = _installed(package.replace("_", "-"))
        if found:
            out["model"] = f"{package}-{found}"
            break
    if "events" in settings.stages:
        out["event_model"] = _event_model_digest()
    return out


@functools.cache
def _event_model_digest() -> str:
    """A retrained classifier changes the events as surely as a new stage version."""
    try:
        data = default_model_path().read_bytes()
    except OSError:
        return "missing"
    return hashlib.sha256(data).hexdigest()[:12]


def _installed(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


@dataclass
class _Pending:
    article: Article
    signature: MinHash
    known: bool


class _Triage:
    """Decides per article: skip, store as a duplicate, or code (new or updated)."""

    def __init__(self, store: Store, version: str, force: bool, counts: RunCounts) -> None:
        self.store = store
        self.version = version
        self.force = force
        self.counts = counts
        # Copies inside this run, before their original is stored: exact hashes and LSH bands.
        self.run_hashes: dict[str, str] = {}
        self.run_bands: dict[tuple[int, int], tuple[str, MinHash]] = {}
        self.run_id = 0

    def __call__(self, article: Article) -> _Pending | None:
        text_hash = content_hash(article.text)
        known = self.store.known(article.id)
        unchanged = known is not None and known.content_hash == text_hash and not self.force
        if unchanged and known and (known.duplicate_of or known.pipeline_version == self.version):
            self.counts.skipped += 1
            return None
        signature = minhash(article.text)
        original = (
            self.run_hashes.get(text_hash)
            or self._near_copy_in_run(signature, article.id)
            or self.store.original_of(text_hash, signature, exclude=article.id)
        )
        if original is not None and original != article.id:
            self.store.save_duplicate(
                article, duplicate_of=original, signature=signature, run_id=self.run_id
            )
            self.counts.duplicate += 1
            return None
        self.run_hashes.setdefault(text_hash, article.id)
        for key in enumerate(signature.bands()):
            self.run_bands.setdefault(key, (article.id, signature))
        return _Pending(article, signature, known is not None)

    def _near_copy_in_run(self, signature: MinHash, article_id: str) -> str | None:
        for key in enumerate(signature.bands()):
            seen = self.run_bands.get(key)
            if seen and seen[0] != article_id and similarity(signature, seen[1]) >= SIMILAR:
                return seen[0]
        return None


def run_articles(
    store: Store,
    articles: Iterable[Article],
    *,
    settings: Settings,
    options: RunOptions = RunOptions(),
    on_progress: Progress | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> RunResult:
    """Code and store ``articles``. Each article is committed on its own, so an interrupted run
    keeps all it finished and the next run picks up the rest."""
    pipeline = store_pipeline(settings, store) if options.workers <= 1 else None
    version = pipeline_version(settings)
    counts = RunCounts()
    run_id = store.start_run(
        pipeline_version=version,
        model_versions=model_versions(settings),
        settings=settings.model_dump(mode="json"),
        sources=list(options.sources),
    )
    result = RunResult(run_id, counts)
    triage = _Triage(store, version, options.force, counts)
    triage.run_id = run_id

    def failed(failure: Failure) -> None:
        counts.failed += 1
        result.failures.append(failure)
        store.record_failure(run_id, failure.article_id, failure.stage, failure.message)
        if on_failure is not None:
            on_failure(failure)
        if on_progress is not None:
            on_progress(counts)

    def stored(pending: _Pending, doc: Document) -> None:
        store.save_document(
            doc,
            text=pending.article.text,
            signature=pending.signature,
            pipeline_version=version,
            run_id=run_id,
        )
        # What this article says about names helps the articles after it.
        learn(store, doc)
        if pending.known:
            counts.updated += 1
        else:
            counts.new += 1
        counts.events += len(doc.events)
        if on_progress is not None:
            on_progress(counts)

    def triaged() -> Iterator[_Pending]:
        for article in articles:
            pending = triage(article)
            if pending is not None:
                yield pending
            elif on_progress is not None:
                on_progress(counts)

    todo = triaged()
    try:
        if pipeline is not None:
            _code_here(pipeline, todo, settings.batch_size, stored, failed)
        else:
            url = store.engine.url.render_as_string(hide_password=False)
            _code_in_workers(settings, url, options.workers, todo, stored, failed)
    except KeyboardInterrupt:
        result.interrupted = True
        store.update_run(run_id, counts)
        raise
    store.update_run(run_id, counts, finished=True)
    return result


def _batches(items: Iterator[_Pending], size: int) -> Iterator[list[_Pending]]:
    batch: list[_Pending] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _code_here(
    pipeline: Pipeline,
    todo: Iterator[_Pending],
    batch_size: int,
    stored: Callable[[_Pending, Document], None],
    failed: Callable[[Failure], None],
) -> None:
    for batch in _batches(todo, batch_size):
        by_id = {p.article.id: p for p in batch}
        report = RunReport()
        for doc in pipeline.pipe(
            [p.article for p in batch], batch_size=batch_size, report=report, on_failure=failed
        ):
            stored(by_id[doc.article.id], doc)


# --- worker processes ---

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(settings_json: str, db_url: str) -> None:
    global _WORKER_PIPELINE
    store = Store(connect(db_url))
    _WORKER_PIPELINE = store_pipeline(Settings.model_validate_json(settings_json), store)


def _code_batch(articles: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Failure]]:
    assert _WORKER_PIPELINE is not None
    failures: list[Failure] = []
    docs = _WORKER_PIPELINE.pipe(
        [Article.model_validate(a) for a in articles],
        batch_size=len(articles),
        report=RunReport(),
        on_failure=failures.append,
    )
    return [d.to_dict() for d in docs], failures


def _code_in_workers(
    settings: Settings,
    db_url: str,
    workers: int,
    todo: Iterator[_Pending],
    stored: Callable[[_Pending, Document], None],
    failed: Callable[[Failure], None],
) -> None:
    # spawn: a forked child would inherit the parent's database connections.
    context = multiprocessing.get_context("spawn")
    size = max(1, min(settings.batch_size, 16))
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(settings.model_dump_json(), db_url),
    ) as pool:
        inflight: list[tuple[dict[str, _Pending], Future[Any]]] = []
        for batch in _batches(todo, size):
            by_id = {p.article.id: p for p in batch}
            payload = [p.article.model_dump(mode="json") for p in batch]
            inflight.append((by_id, pool.submit(_code_batch, payload)))
            # Bounded: keep the workers busy without reading the whole input ahead.
            while len(inflight) > workers * 2:
                _collect(inflight.pop(0), stored, failed)
        for item in inflight:
            _collect(item, stored, failed)


def _collect(
    item: tuple[dict[str, _Pending], Future[Any]],
    stored: Callable[[_Pending, Document], None],
    failed: Callable[[Failure], None],
) -> None:
    by_id, future = item
    docs, failures = future.result()
    for failure in failures:
        failed(failure)
    for data in docs:
        doc = Document.model_validate(data)
        pending = by_id[doc.article.id]
        doc._text = pending.article.text
        stored(pending, doc)
