"""The store's commands end to end on a SQLite file: run, events, actors, article, export, runs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    source = folder / "in.jsonl"
    lines = (ROOT / "examples" / "articles.jsonl").read_text().splitlines()[:3]
    source.write_text("\n".join(lines) + "\n")
    path = folder / "store.db"
    result = CliRunner().invoke(main, ["run", str(source), "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "3 new, 0 updated, 0 skipped, 0 duplicate, 0 failed" in result.stderr
    return path


def _ok(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_run_again_skips_everything(db: Path):
    source = db.parent / "in.jsonl"
    result = CliRunner().invoke(main, ["run", str(source), "--db", str(db)])
    assert result.exit_code == 0
    assert "0 new, 0 updated, 3 skipped" in result.stderr


def test_run_reports_a_missing_source_and_still_stores_the_good_one(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(
        "Police arrest protesters\nPolice arrested ten protesters in Lagos on Monday after a "
        "march against fuel prices, officials said.\n"
    )
    db = tmp_path / "s.db"
    result = CliRunner().invoke(
        main, ["run", str(tmp_path / "nope.jsonl"), str(good), "--db", str(db)]
    )
    assert result.exit_code == 1
    assert "Error:" in result.stderr and "nope.jsonl" in result.stderr
    assert "1 new" in result.stderr and "1 failed" in result.stderr
    runs = _ok("runs", "--db", str(db))
    assert "stage 'ingest' failed" in runs and "nope.jsonl: does not exist" in runs
    assert json.loads(_ok("article", "good", "--db", str(db), "--format", "json"))["events"]


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl"])
def test_events_in_every_format(db: Path, fmt: str):
    out = _ok("events", "--db", str(db), "--country", "NER", "--format", fmt)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        assert rows and all(
            "NER" in {p["country"] for p in r["actors"] + r["recipients"]} for r in rows
        )
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and "event_type" in rows[0]
    else:
        assert "actor → recipient" in out


def test_events_filters_narrow(db: Path):
    every = _ok("events", "--db", str(db), "--format", "jsonl").splitlines()
    some = _ok(
        "events",
        "--db",
        str(db),
        "--format",
        "jsonl",
        "--type",
        "assault",
        "--since",
        "2023-07-01",
        "--modality",
        "asserted",
    ).splitlines()
    assert 0 < len(some) < len(every)
    assert all(json.loads(r)["event_type"] == "ASSAULT" for r in some)


def test_actors_and_runs(db: Path):
    rows = [json.loads(r) for r in _ok("actors", "--db", str(db), "--format", "jsonl").splitlines()]
    assert rows and {"name", "country", "sector", "articles", "events"} <= set(rows[0])
    runs = _ok("runs", "--db", str(db))
    assert "run 1" in runs and "finished" in runs


def test_article_is_shown_highlighted_or_as_json(db: Path):
    table = _ok("article", "niger-coup-borders", "--db", str(db))
    assert "NIAMEY" in table
    doc = json.loads(_ok("article", "niger-coup-borders", "--db", str(db), "--format", "json"))
    assert doc["article"]["id"] == "niger-coup-borders" and doc["duplicate_of"] is None


@pytest.mark.parametrize("fmt", ["plover-jsonl", "csv", "polecat-tsv"])
def test_export_to_a_file(db: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"events.{fmt}"
    _ok("export", "--db", str(db), "--format", fmt, "--output", str(out), "--country", "NER")
    assert len(out.read_text().splitlines()) > 1


def test_export_parquet_to_a_folder(db: Path, tmp_path: Path):
    out = tmp_path / "pq"
    _ok("export", "--db", str(db), "--format", "parquet", "--output", str(out))
    assert list(out.glob("month=*/*.parquet"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--db", "{missing}"], "holds no eventwire store yet"),
        (["article", "nope", "--db", "{db}"], "no article 'nope'"),
        (["events", "--db", "{db}", "--since", "July"], "'July' is not a date"),
        (["events", "--db", "postgresql://::bad"], "not a database URL"),
    ],
)
def test_errors_are_one_line_and_exit_1(db: Path, tmp_path: Path, args: list[str], message: str):
    args = [a.format(db=db, missing=tmp_path / "missing.db") for a in args]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_db_status_and_upgrade(db: Path, tmp_path: Path):
    assert "current" in _ok("db", "status", "--db", str(db))
    fresh = tmp_path / "fresh.db"
    assert "was empty" in _ok("db", "upgrade", "--db", str(fresh))
    assert "already current" in _ok("db", "upgrade", "--db", str(fresh))
