"""Opening a store: URLs, automatic set-up of an empty database, schema versions."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from eventwire.errors import SchemaOutdated, StoreError
from eventwire.store.db import connect, current_revision, database_url, head_revision
from eventwire.store.store import Store


@pytest.mark.parametrize(
    ("db", "env", "expected"),
    [
        (None, {}, "sqlite:///eventwire.db"),
        (None, {"EVENTWIRE_DATABASE_URL": "x.db"}, "sqlite:///x.db"),
        ("my.db", {"EVENTWIRE_DATABASE_URL": "x.db"}, "sqlite:///my.db"),
        ("postgresql://u@h/db", {}, "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", {}, "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/a.db", {}, "sqlite:////tmp/a.db"),
    ],
)
def test_database_url_precedence(db: str | None, env: dict[str, str], expected: str):
    assert database_url(db, env=env) == expected


def test_an_empty_database_is_set_up_on_first_open(db_url: str):
    engine = connect(db_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_database_behind_the_code_names_the_upgrade_command(db_url: str):
    engine = connect(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    engine.dispose()
    with pytest.raises(SchemaOutdated, match=r"schema version 0000.*eventwire db upgrade"):
        connect(db_url)


def test_a_foreign_database_is_refused_not_altered(tmp_path: Path):
    path = tmp_path / "other.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE notes (x int)"))
    engine.dispose()
    with pytest.raises(StoreError, match="has tables but no eventwire schema version"):
        connect(f"sqlite:///{path}")
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("select name from sqlite_master"))}
    assert tables == {"notes"}


def test_reading_a_missing_store_says_how_to_fill_it_and_creates_nothing(tmp_path: Path):
    path = tmp_path / "empty.db"
    with pytest.raises(StoreError, match=r"holds no eventwire store yet.*eventwire run"):
        Store.open(str(path), create=False)
    assert not path.exists()


def test_unreachable_and_malformed_urls_say_so():
    with pytest.raises(StoreError, match="not a database URL"):
        connect("postgresql://::nope")
    with pytest.raises(StoreError, match="cannot open the database"):
        connect("postgresql+psycopg://postgres@127.0.0.1:1/test?connect_timeout=2")


def test_sqlite_runs_in_wal_mode(tmp_path: Path):
    store = Store.open(str(tmp_path / "w.db"))
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    store.close()


def test_an_older_schema_is_refused_then_upgraded_keeping_its_rows(db_url: str):
    from alembic import command
    from sqlalchemy import inspect

    from eventwire.store.db import _alembic_config, _engine, upgrade

    engine = _engine(db_url)
    command.upgrade(_alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, language, text, content_hash) "
                "VALUES ('kept', 'en', 'Some text.', 'h')"
            )
        )
    with pytest.raises(SchemaOutdated, match="schema version 0001 but this eventwire needs"):
        connect(db_url)
    assert upgrade(engine) == ("0001", head_revision())
    assert "actor_facts" in inspect(engine).get_table_names()
    with engine.connect() as conn:
        assert conn.execute(text("select id from articles")).scalar() == "kept"
    engine.dispose()
    connect(db_url).dispose()


def test_a_reader_reads_while_a_run_holds_a_write_transaction(tmp_path: Path):
    writer = Store.open(str(tmp_path / "c.db"))
    reader = Store.open(str(tmp_path / "c.db"), create=False)
    with writer.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, language, text, content_hash) "
                "VALUES ('pending', 'en', 'x', 'h')"
            )
        )
        # WAL: the reader is not blocked and sees the last committed state.
        with reader.engine.connect() as rconn:
            assert rconn.execute(text("select count(*) from articles")).scalar() == 0
    with reader.engine.connect() as rconn:
        assert rconn.execute(text("select count(*) from articles")).scalar() == 1
    writer.close()
    reader.close()
