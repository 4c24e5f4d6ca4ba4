"""Exports: PLOVER JSONL with nested actors, CSV, POLECAT-style TSV, Parquet read by DuckDB."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventwire.model import Document
from eventwire.store import queries
from eventwire.store.dedup import minhash
from eventwire.store.export import FLAT_COLUMNS, POLECAT_COLUMNS, write_export
from eventwire.store.store import Store


@pytest.fixture
def filled(store: Store, coded: dict[str, Document]) -> Store:
    for doc in coded.values():
        store.save_document(doc, text=doc.text, signature=minhash(doc.text), pipeline_version="v")
    return store


def test_plover_jsonl_nests_actor_recipient_and_location(filled: Store):
    out = io.StringIO()
    n = write_export(queries.iter_events(filled), "plover-jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == n == len(queries.events(filled))
    with_both = [r for r in records if r["actor"] and r["recipient"]]
    assert with_both
    assert set(with_both[0]["actor"]) == {"name", "country", "sector", "id"}
    located = [r for r in records if r["location"]]
    assert located and {"name", "country", "lat", "lon", "geonameid"} <= set(located[0]["location"])
    assert all(r["source"]["article_id"] and "#" in r["id"] for r in records)


@pytest.mark.parametrize(
    ("fmt", "delimiter", "columns"),
    [("csv", ",", FLAT_COLUMNS), ("polecat-tsv", "\t", POLECAT_COLUMNS)],
)
def test_tables_have_their_header_and_one_row_per_event(
    filled: Store, fmt: str, delimiter: str, columns: tuple[str, ...]
):
    out = io.StringIO()
    n = write_export(queries.iter_events(filled), fmt, out, version="0.1.0")
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=delimiter))
    assert tuple(rows[0].keys()) == columns
    assert len(rows) == n > 0


def test_parquet_is_partitioned_by_month_and_read_back_by_duckdb(filled: Store, tmp_path: Path):
    duckdb = pytest.importorskip("duckdb")
    folder = tmp_path / "events.parquet"
    events = queries.events(filled)
    n = write_export(iter(events), "parquet", folder)
    months = sorted(p.name for p in folder.iterdir())
    assert months and all(m.startswith("month=") for m in months)
    con = duckdb.connect()
    pattern = str(folder / "**" / "*.parquet")
    total, types = con.execute(
        f"select count(*), count(distinct event_type) from read_parquet('{pattern}', "
        "hive_partitioning=true)"
    ).fetchone()
    assert total == n == len(events)
    assert types == len({e.event_type for e in events})
    per_month = dict(
        con.execute(
            f"select month, count(*) from read_parquet('{pattern}', hive_partitioning=true) "
            "group by month"
        ).fetchall()
    )
    expected: dict[str, int] = {}
    for e in events:
        month = (e.date or e.published_at or "unknown")[:7]
        expected[month] = expected.get(month, 0) + 1
    assert per_month == expected


def test_an_unknown_format_lists_the_known_ones(filled: Store):
    with pytest.raises(ValueError, match="plover-jsonl, csv, parquet, polecat-tsv"):
        write_export([], "xml", io.StringIO())
