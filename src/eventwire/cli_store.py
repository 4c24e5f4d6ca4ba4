"""The store's commands: `run`, `events`, `actors`, `article`, `export`, `runs` and `db`."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .cli import _published, _run, _settings, _State, main
from .errors import IngestError, StoreError
from .model import Failure, RunCounts, StoredEvent
from .ontology import EVENT_TYPES
from .store import queries
from .store.db import ENV_DATABASE_URL
from .store.store import Store

__all__: list[str] = []

log = logging.getLogger("eventwire")

_db_option = click.option(
    "--db",
    default=None,
    metavar="PATH|URL",
    help=f"SQLite file or SQLAlchemy URL (default: ${ENV_DATABASE_URL}, else ./eventwire.db)",
)


def _format_option(*choices: str) -> Callable[[Any], Any]:
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True
    )


def _day(_: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


@main.command("run")
@click.argument("sources", nargs=-1, required=True)
@_db_option
@click.option("--force", is_flag=True, help="re-code articles already coded by this version")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True)
@click.option(
    "--published",
    callback=_published,
    metavar="YYYY-MM-DD",
    help="publication date for articles that give none",
)
@click.pass_context
def run_(
    ctx: click.Context,
    sources: tuple[str, ...],
    db: str | None,
    force: bool,
    workers: int,
    published: str | None,
) -> None:
    """Ingest SOURCES (files, folders, globs, .jsonl.gz, RSS/Atom feeds, WARC), code what is new
    and store it. Re-running adds nothing; an interrupted run resumes where it stopped."""
    from .ingest.sources import estimate_count, iter_sources
    from .render import run_summary
    from .run import RunOptions, run_articles

    state = _State()
    quiet = logging.getLogger().level >= logging.ERROR

    ingest_errors: list[IngestError] = []

    def on_ingest_error(exc: IngestError) -> None:
        ingest_errors.append(exc)
        state.error(str(exc))

    def on_failure(failure: Failure) -> None:
        state.failed = True
        state.err.print(
            Text(f"article {failure.article_id}: stage '{failure.stage}' failed: {failure.message}")
        )

    def go() -> None:
        settings = _settings(ctx)
        started = time.perf_counter()
        with Store.open(db) as store:
            articles = iter_sources(sources, on_error=on_ingest_error, published=published)
            progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=state.err,
                disable=quiet,
                transient=True,
            )
            # Known up front for local files; feeds and archives count as they come.
            total = estimate_count(sources)
            task = progress.add_task("articles", total=total, rate="")

            def on_progress(counts: RunCounts) -> None:
                done = counts.new + counts.updated + counts.skipped + counts.duplicate
                coded = counts.new + counts.updated
                rate = coded / max(1e-9, time.perf_counter() - started)
                progress.update(task, completed=done + counts.failed, rate=f"{rate:.2f} coded/s")

            options = RunOptions(force=force, workers=workers, sources=sources)
            try:
                with progress:
                    result = run_articles(
                        store,
                        articles,
                        settings=settings,
                        options=options,
                        on_progress=on_progress,
                        on_failure=on_failure,
                    )
            except KeyboardInterrupt:
                state.err.print("interrupted; what was stored is kept, run again to resume")
                sys.exit(130)
            # Inputs that could not be read are part of the run's record too.
            for exc in ingest_errors:
                store.record_failure(result.run_id, None, "ingest", str(exc))
            if ingest_errors:
                result.counts.failed += len(ingest_errors)
                store.update_run(result.run_id, result.counts, finished=True)
            summary = run_summary(result.counts, time.perf_counter() - started)
            if not quiet:
                state.err.print(Text(f"run {result.run_id} into {store.url}: {summary}"))

    _run(ctx, go)
    if state.failed:
        sys.exit(1)


def _event_filters(f: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--country", help="an actor's or recipient's country code (ISO alpha-3)"),
        click.option("--actor", help="part of an actor's or recipient's name"),
        click.option(
            "--type",
            "event_type",
            type=click.Choice(sorted(EVENT_TYPES), case_sensitive=False),
            help="PLOVER event type",
        ),
        click.option("--mode", help="PLOVER mode"),
        click.option("--quad", "quad_class", type=click.IntRange(1, 4), help="quad class 1–4"),
        click.option("--since", callback=_day, metavar="YYYY-MM-DD", help="event date from"),
        click.option("--until", callback=_day, metavar="YYYY-MM-DD", help="event date up to"),
        click.option("--place", help="place name (part) or the place's country code"),
        click.option(
            "--modality",
            type=click.Choice(["any", "asserted", *queries.MODALITIES]),
            default="any",
            show_default=True,
            help="asserted: only events that happened (no flag)",
        ),
        click.option("--text", help="words in the evidence sentence"),
        click.option("--article", "article_id", help="events of one article"),
        click.option("--limit", type=click.IntRange(min=1), default=None),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _filter(values: dict[str, Any]) -> queries.EventFilter:
    keys = queries.EventFilter.__dataclass_fields__
    return queries.EventFilter(**{k: v for k, v in values.items() if k in keys})


def _write_rows(events: Iterable[StoredEvent], fmt: str) -> None:
    from .store.export import write_export

    if fmt == "table":
        from .render import stored_event_table

        Console(width=max(120, Console().width)).print(stored_event_table(events))
    elif fmt == "jsonl":
        for e in events:
            sys.stdout.write(e.model_dump_json() + "\n")
    else:
        write_export(events, "csv", sys.stdout)


@main.command("events")
@_db_option
@_event_filters
@_format_option("table", "csv", "jsonl")
@click.pass_context
def events_(ctx: click.Context, /, db: str | None, fmt: str, **filters: Any) -> None:
    """Stored events matching the filters, oldest first."""

    def go() -> None:
        with Store.open(db, create=False) as store:
            _write_rows(queries.iter_events(store, _filter(filters)), fmt)

    _run(ctx, go)


@main.command("actors")
@_db_option
@click.option("--name", help="part of the name")
@click.option("--country", help="country code")
@click.option("--sector", help="PLOVER sector code")
@click.option("--limit", type=click.IntRange(min=1), default=None)
@_format_option("table", "csv", "jsonl")
@click.pass_context
def actors_(ctx: click.Context, /, db: str | None, fmt: str, **filters: Any) -> None:
    """Actors across stored articles, most frequent first."""

    def go() -> None:
        with Store.open(db, create=False) as store:
            rows = queries.actors(store, queries.ActorFilter(**filters))
        if fmt == "table":
            from .render import actor_summary_table

            Console(width=max(100, Console().width)).print(actor_summary_table(rows))
        elif fmt == "jsonl":
            for row in rows:
                sys.stdout.write(row.model_dump_json() + "\n")
        else:
            import csv

            writer = csv.DictWriter(
                sys.stdout,
                list(type(rows[0]).model_fields) if rows else ["name"],
                lineterminator="\n",
            )
            writer.writeheader()
            for row in rows:
                writer.writerow(row.model_dump())

    _run(ctx, go)


@main.command("article")
@click.argument("article_id")
@_db_option
@_format_option("table", "json")
@click.pass_context
def article_(ctx: click.Context, article_id: str, db: str | None, fmt: str) -> None:
    """One stored article with its annotations (highlighted in the terminal)."""

    def go() -> None:
        with Store.open(db, create=False) as store:
            doc, original = queries.article(store, article_id)
        if fmt == "json":
            click.echo(json.dumps(doc.to_dict() | {"duplicate_of": original}, ensure_ascii=False))
            return
        from .render import event_table, highlighted_text

        console = Console(width=max(100, Console().width))
        console.print(Text(doc.article.title or doc.article.id, style="bold"))
        if original:
            console.print(Text(f"a copy of {original}; its events are stored there", "yellow"))
        console.print(highlighted_text(doc))
        console.print()
        console.print(event_table(doc))

    _run(ctx, go)


@main.command("export")
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["plover-jsonl", "csv", "parquet", "polecat-tsv"]),
    required=True,
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="file (default stdout); for parquet a folder (default ./events.parquet)",
)
@_event_filters
@click.pass_context
def export_(
    ctx: click.Context, /, db: str | None, fmt: str, output: Path | None, **filters: Any
) -> None:
    """Export stored events for R, pandas, DuckDB or a GIS."""
    from . import __version__
    from .store.export import write_export

    def go() -> None:
        with Store.open(db, create=False) as store:
            events = queries.iter_events(store, _filter(filters))
            if fmt == "parquet":
                n = write_export(events, fmt, output or Path("events.parquet"))
            elif output is None:
                n = write_export(events, fmt, sys.stdout, version=__version__)
            else:
                with output.open("w", encoding="utf-8", newline="") as fh:
                    n = write_export(events, fmt, fh, version=__version__)
        log.info("%d events exported", n)

    _run(ctx, go)


@main.command("runs")
@_db_option
@_format_option("table", "jsonl")
@click.pass_context
def runs_(ctx: click.Context, db: str | None, fmt: str) -> None:
    """The runs that filled the store, with their counts and failures."""

    def go() -> None:
        with Store.open(db, create=False) as store:
            records = store.runs()
            for record in records:
                if fmt == "jsonl":
                    sys.stdout.write(record.model_dump_json() + "\n")
                    continue
                status = record.status if record.finished_at else "interrupted"
                click.echo(
                    f"run {record.id}  {record.started_at}  {status:<11} new {record.new}  "
                    f"updated {record.updated}  skipped {record.skipped}  duplicate "
                    f"{record.duplicate}  failed {record.failed}  events {record.events}"
                )
                for failure in store.failures(record.id):
                    click.echo(
                        f"    article {failure['article_id']}: stage '{failure['stage']}' "
                        f"failed: {failure['message']}"
                    )

    _run(ctx, go)


@main.group("db")
def db_group() -> None:
    """Manage the store's database schema."""


@db_group.command("upgrade")
@_db_option
@click.pass_context
def db_upgrade(ctx: click.Context, db: str | None) -> None:
    """Apply the schema migrations this eventwire needs."""
    from .store.db import _engine, database_url, upgrade

    def go() -> None:
        engine = _engine(database_url(db))
        try:
            before, after = upgrade(engine)
        except Exception as exc:  # a migration failing is reported, not a traceback
            raise StoreError(f"the upgrade of {engine.url} failed: {exc}") from None
        finally:
            engine.dispose()
        click.echo(
            f"schema {after} (was {before or 'empty'})"
            if before != after
            else f"schema {after}, already current"
        )

    _run(ctx, go)


@db_group.command("status")
@_db_option
@click.pass_context
def db_status(ctx: click.Context, db: str | None) -> None:
    """Say which schema version the database has and which this eventwire needs."""
    from .store.db import _engine, current_revision, database_url, head_revision

    def go() -> None:
        engine = _engine(database_url(db))
        try:
            current = current_revision(engine)
        finally:
            engine.dispose()
        head = head_revision()
        state = "current" if current == head else "behind: run `eventwire db upgrade`"
        click.echo(
            f"{engine.url.render_as_string(hide_password=True)}: schema "
            f"{current or 'none'}, code needs {head} ({state})"
        )

    _run(ctx, go)
