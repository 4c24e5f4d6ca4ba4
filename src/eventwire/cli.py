"""The `eventwire` command line: thin commands over the library."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.text import Text

from . import __version__
from .config import Settings, load_settings
from .errors import EventwireError, IngestError
from .ingest.files import read_inputs
from .ingest.records import parse_published
from .model import Document, Failure, RunReport
from .pipeline import Pipeline

__all__ = ["main"]


class _State:
    def __init__(self) -> None:
        self.failed = False
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)

    def error(self, message: str) -> None:
        self.failed = True
        self.err.print(Text.assemble(("Error:", "red"), " ", message))


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR
        if quiet
        else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    )
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="settings file (default: ./eventwire.toml when present)",
)
@click.option("--model", default=None, help="spaCy pipeline name (default en_core_web_sm)")
@click.option("-v", "--verbose", count=True, help="more messages on stderr (-vv: debug)")
@click.option("-q", "--quiet", is_flag=True, help="only errors on stderr")
@click.option("--debug", is_flag=True, help="show tracebacks for errors")
@click.pass_context
def main(
    ctx: click.Context,
    config_path: Path | None,
    model: str | None,
    verbose: int,
    quiet: bool,
    debug: bool,
) -> None:
    """eventwire: code news articles into PLOVER political event data."""
    _setup_logging(verbose, quiet)
    ctx.obj = {"config_path": config_path, "model": model, "debug": debug}


def _settings(ctx: click.Context) -> Settings:
    return load_settings(config_path=ctx.obj["config_path"], overrides={"model": ctx.obj["model"]})


def _run(ctx: click.Context, fn: Any) -> Any:
    """Turn eventwire's own errors into `Error: …` and exit 1; `--debug` keeps the traceback."""
    try:
        return fn()
    except EventwireError as exc:
        if ctx.obj.get("debug"):
            raise
        raise click.ClickException(str(exc)) from None


def _published(_: click.Context, __: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("inputs", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--published",
    callback=_published,
    metavar="YYYY-MM-DD",
    help="publication date for articles that give none (anchors 'last week')",
)
@click.pass_context
def code(ctx: click.Context, inputs: tuple[str, ...], fmt: str, published: str | None) -> None:
    """Code INPUT files (.jsonl, .txt, .html, or - for JSONL on stdin) into Documents."""
    state = _State()

    def on_ingest_error(exc: IngestError) -> None:
        state.error(str(exc))

    def on_failure(failure: Failure) -> None:
        # The contract's line: `article <id>: <message>` (no "Error:" prefix; scripts parse it).
        state.failed = True
        state.err.print(
            Text(f"article {failure.article_id}: stage '{failure.stage}' failed: "
                 f"{failure.message} (run with -vv to see the traceback)")
        )

    def go() -> None:
        settings = _settings(ctx)
        pipeline = Pipeline.from_names(settings.stages, options=settings.stage_options())
        articles = read_inputs(inputs or ("-",), on_error=on_ingest_error, published=published)
        report = RunReport()
        docs = pipeline.pipe(
            articles, batch_size=settings.batch_size, report=report, on_failure=on_failure
        )
        _write(docs, fmt)
        logging.getLogger("eventwire").info(
            "%d articles coded, %d failed",
            report.processed - len(report.failures),
            len(report.failures),
        )

    _run(ctx, go)
    if state.failed:
        sys.exit(1)


def _write(docs: Iterator[Document], fmt: str) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        for doc in docs:
            out.write(doc.to_json() + "\n")
            out.flush()
    elif fmt == "json":
        json.dump([d.to_dict() for d in docs], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        from .render import print_documents

        print_documents(docs, Console(file=out, width=max(100, Console().width)))


@main.command()
@click.pass_context
def stages(ctx: click.Context) -> None:
    """List the pipeline's stages in order, with what each requires and assigns."""

    def go() -> None:
        settings = _settings(ctx)
        pipeline = Pipeline.from_names(settings.stages, options=settings.stage_options())
        for info in pipeline.describe():
            click.echo(
                f"{info.name:<9} v{info.version}  requires {', '.join(info.requires):<22}"
                f" assigns {', '.join(info.assigns):<28} {info.doc}"
            )

    _run(ctx, go)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output Document."""
    from .schema import document_schema_json

    click.echo(document_schema_json(), nl=False)


@main.command("eval")
@click.argument(
    "gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="score only the first N items of each file",
)
@click.option("--details", is_flag=True, help="also list the missed items")
@click.pass_context
def eval_(
    ctx: click.Context, gold: tuple[Path, ...], fmt: str, limit: int | None, details: bool
) -> None:
    """Score the pipeline against gold files (plover_event, timex, toponym, event_location, quote
    suites)."""
    from .evaluation import evaluate, render, to_json

    def go() -> None:
        settings = _settings(ctx)
        pipeline = Pipeline.from_names(settings.stages, options=settings.stage_options())
        results = []
        console = Console(width=max(100, Console().width))
        for path in gold:
            result = evaluate(path, pipeline, limit=limit)
            results.append({"file": str(path), **to_json(result)})
            if fmt == "table":
                console.print(
                    f"[bold]{path}[/bold]  suite {result.suite}, {result.items} items"
                    + (f", {result.failures} failed" if result.failures else "")
                )
                console.print(render(result))
                if details:
                    for line in result.details:
                        console.print(f"  {line}", markup=False)
        if fmt == "json":
            click.echo(json.dumps(results, indent=2, ensure_ascii=False))

    _run(ctx, go)

from . import cli_registry as _cli_registry  # noqa: E402, F401
from . import cli_store as _cli_store  # noqa: E402, F401  (registers the store's commands)
