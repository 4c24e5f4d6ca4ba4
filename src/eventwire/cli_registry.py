"""The actor-knowledge commands: `registry` (inspect and edit) and `kb import-wikidata`."""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path
from typing import Any

import click

from .cli import _run, _State, main
from .cli_store import _db_option, _format_option
from .errors import IngestError
from .model import ActorFact
from .store.store import Store

__all__: list[str] = []

log = logging.getLogger("eventwire")


@main.group("registry")
def registry_group() -> None:
    """Inspect and edit what eventwire knows about names: your edits and what articles taught."""


@registry_group.command("list")
@_db_option
@click.option("--name", help="only this name")
@_format_option("table", "jsonl", "csv")
@click.pass_context
def registry_list(ctx: click.Context, /, db: str | None, name: str | None, fmt: str) -> None:
    """The registry: each name's role, where it came from (user or registry) and when seen."""
    from .store.registry import name_key, registry_rows

    def go() -> None:
        with Store.open(db, create=False) as store:
            rows = registry_rows(store)
        if name:
            rows = [r for r in rows if name_key(r["name"]) == name_key(name)]
        if fmt == "jsonl":
            for row in rows:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            import csv

            columns = list(rows[0]) if rows else ["name", "origin", "country", "sector"]
            writer = csv.DictWriter(sys.stdout, columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        else:
            for r in rows:
                role = "/".join(x for x in (r["country"], r["sector"]) if x) or "–"
                seen = f"seen {r['seen']}× {r['first_seen']}…{r['last_seen']}" if r["seen"] else ""
                click.echo(f"{r['name']:<32} {role:<9} {r['origin']:<8} {r['title'] or ''}  {seen}")

    _run(ctx, go)


@registry_group.command("set")
@click.argument("name")
@_db_option
@click.option("--country", help="ISO alpha-3 or a PLOVER code (IGO, UNO, ...)")
@click.option("--sector", help="PLOVER sector (GOV, MIL, REB, ...)")
@click.option("--title", help="office or role")
@click.option("--start", metavar="YYYY[-MM[-DD]]", help="start of the role")
@click.option("--end", metavar="YYYY[-MM[-DD]]", help="end of the role (ELI after it)")
@click.pass_context
def registry_set(ctx: click.Context, /, name: str, db: str | None, **role: str | None) -> None:
    """Say who NAME is; your edit wins over the registry and every knowledge base."""
    from .store.registry import put_facts

    def go() -> None:
        fact = _user_fact({"name": name, **role}, "command line")
        with Store.open(db) as store:
            put_facts(store, [fact], replace=True)
        click.echo(f"{fact.name}: {fact.country or '–'}/{fact.sector or '–'} (your edit)")

    _run(ctx, go)


@registry_group.command("remove")
@click.argument("name")
@_db_option
@click.option(
    "--origin", type=click.Choice(["user", "registry", "imported"]), default=None,
    help="only facts of this origin (default: all)",
)  # fmt: skip
@click.pass_context
def registry_remove(ctx: click.Context, /, name: str, db: str | None, origin: Any) -> None:
    """Forget what is stored about NAME."""
    from .store.registry import remove_facts

    def go() -> None:
        with Store.open(db, create=False) as store:
            n = remove_facts(store, name, origin=origin)
        click.echo(f"{n} facts removed for {name!r}")

    _run(ctx, go)


@registry_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_db_option
@click.pass_context
def registry_import(ctx: click.Context, /, path: Path, db: str | None) -> None:
    """Load your edits from a JSONL file: one {"name", "country", "sector", "title", "start",
    "end"} per line (the format `registry list --format jsonl` writes)."""
    from .store.registry import put_facts

    state = _State()

    def go() -> None:
        facts = []
        for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                state.error(f"{where}: not valid JSON ({exc.msg}); the line is skipped")
                continue
            try:
                facts.append(_user_fact(record, where))
            except IngestError as exc:
                state.error(str(exc))
        with Store.open(db) as store:
            n = put_facts(store, facts, replace=True)
        click.echo(f"{n} edits loaded from {path}")

    _run(ctx, go)
    if state.failed:
        sys.exit(1)


def _user_fact(record: Any, where: str) -> ActorFact:
    from pydantic import ValidationError

    from .ontology import SECTORS

    if not isinstance(record, dict) or not isinstance(record.get("name"), str):
        raise IngestError(where, "needs a JSON object with a string 'name'", field="name")
    sector = (record.get("sector") or "").upper() or None
    if sector is not None and sector not in SECTORS:
        raise IngestError(
            where, f"{sector!r} is not a PLOVER sector ({', '.join(sorted(SECTORS))})",
            field="sector",
        )  # fmt: skip
    for key in ("start", "end"):
        value = record.get(key)
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(value)):
            raise IngestError(where, f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD", field=key)
    keep = ("name", "country", "title", "start", "end")
    try:
        return ActorFact.model_validate(
            {k: record.get(k) for k in keep}
            | {"sector": sector, "origin": "user", "source": str(record.get("source") or where)}
        )
    except ValidationError as exc:
        raise IngestError(where, exc.errors()[0]["msg"]) from None


@main.group("kb")
def kb_group() -> None:
    """Knowledge bases of actors: import a larger one than the bundled KB."""


@kb_group.command("import-wikidata")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_db_option
@click.pass_context
def kb_import_wikidata(ctx: click.Context, /, dump: Path, db: str | None) -> None:
    """Build the imported KB from a Wikidata JSON dump (.json, .json.gz, .json.bz2): people with
    the positions they held, with dates, and organisations by type. Replaces an earlier import."""
    from .ingest.wikidata import ImportCounts, read_wikidata
    from .store.registry import put_facts, remove_imported

    def go() -> None:
        counts = ImportCounts()
        with Store.open(db) as store:
            remove_imported(store)
            batch = []
            for fact in read_wikidata(
                dump, counts=counts, progress=lambda n: log.info("%d entities read", n)
            ):
                batch.append(fact)
                if len(batch) >= 5000:
                    put_facts(store, batch)
                    batch = []
            put_facts(store, batch)
        for skipped in counts.skipped_lines[:20]:
            click.echo(f"skipped {skipped}", err=True)
        click.echo(
            f"{counts.facts} facts imported from {dump}: {counts.people} people, "
            f"{counts.organisations} organisations ({counts.entities} entities read)"
        )

    _run(ctx, go)
