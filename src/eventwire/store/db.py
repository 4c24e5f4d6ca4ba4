"""Opening a store: the database URL, the engine's settings per backend, and the schema version."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from ..errors import SchemaOutdated, StoreError

__all__ = ["DEFAULT_DATABASE", "ENV_DATABASE_URL", "connect", "database_url", "upgrade"]

DEFAULT_DATABASE = "eventwire.db"
ENV_DATABASE_URL = "EVENTWIRE_DATABASE_URL"
_MIGRATIONS = Path(__file__).with_name("migrations")


def database_url(db: str | None = None, *, env: dict[str, str] | None = None) -> str:
    """``--db`` if given, else ``EVENTWIRE_DATABASE_URL``, else ``eventwire.db`` here.

    A bare path means SQLite; ``postgresql://`` gets the psycopg 3 driver we ship.
    """
    env = dict(os.environ) if env is None else env
    value = db or env.get(ENV_DATABASE_URL) or DEFAULT_DATABASE
    if "://" not in value:
        return f"sqlite:///{value}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise StoreError(
            f"{url!r} is not a database URL; give a file path for SQLite or a URL such as "
            "postgresql://user@host:5432/dbname"
        ) from None
    options: dict[str, Any] = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        options["connect_args"] = {"timeout": 30}
        engine = create_engine(parsed, **options)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    options["pool_pre_ping"] = True
    try:
        return create_engine(parsed, **options)
    except (ImportError, SQLAlchemyError) as exc:
        raise StoreError(f"cannot use the database {url}: {exc}") from None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers (API, dashboard) keep reading while a run writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(_MIGRATIONS)).get_current_head()
    assert head is not None, "the package ships its migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Apply every pending migration; returns (revision before, revision after)."""
    from alembic import command

    before = current_revision(engine)
    command.upgrade(_alembic_config(engine), "head")
    return before, head_revision()


def connect(url: str, *, create: bool = True) -> Engine:
    """An engine on ``url`` whose schema is current.

    A database with no tables at all is set up on the spot (``create``); one whose schema is
    older than the code raises SchemaOutdated, which names `eventwire db upgrade`.
    """
    engine = _engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    missing = StoreError(
        f"the database {shown} holds no eventwire store yet; "
        f"fill it first with `eventwire run SOURCE... --db {shown}`"
    )
    path = engine.url.database if engine.dialect.name == "sqlite" else None
    if not create and path and path != ":memory:" and not Path(path).exists():
        raise missing
    try:
        current = current_revision(engine)
        head = head_revision()
        if current == head:
            return engine
        empty = current is None and not inspect(engine).get_table_names()
        if empty and create:
            upgrade(engine)
            return engine
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the database {shown}: {exc.orig}") from None
    engine.dispose()
    if empty:
        raise missing
    if current is None:
        raise StoreError(
            f"the database {shown} has tables but no eventwire schema version; "
            "give an empty database or an eventwire store"
        )
    raise SchemaOutdated(shown, current, head)
