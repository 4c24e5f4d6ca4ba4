"""Store fixtures: every store test runs on a real SQLite file and on the real PostgreSQL server.

PostgreSQL: ``EVENTWIRE_TEST_POSTGRES`` (default postgresql://postgres@localhost:5432/test).
Each test gets its own schema there, dropped afterwards. When the server cannot be reached
the PostgreSQL tests are skipped, unless ``EVENTWIRE_REQUIRE_POSTGRES=1`` (set by .ci/run),
where they fail.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from eventwire.model import Article, Document
from eventwire.pipeline import Pipeline
from eventwire.store.db import connect
from eventwire.store.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"
PG_URL = os.environ.get(
    "EVENTWIRE_TEST_POSTGRES", "postgresql+psycopg://postgres@localhost:5432/test"
)
REQUIRE_PG = os.environ.get("EVENTWIRE_REQUIRE_POSTGRES") == "1"


def _pg_reachable() -> str | None:
    try:
        engine = create_engine(PG_URL)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:
        return str(exc).splitlines()[0]
    return None


@pytest.fixture(scope="session")
def pg_problem() -> str | None:
    return _pg_reachable()


def pg_schema_url(schema: str) -> str:
    # options=-csearch_path: every table, the alembic_version table included, lives in it.
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url(pg_problem: str | None) -> Iterator[str]:
    if pg_problem is not None:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL is required here but unreachable at {PG_URL}: {pg_problem}")
        pytest.skip(f"PostgreSQL unreachable at {PG_URL}: {pg_problem}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield pg_schema_url(schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(connect(db_url))
    yield s
    s.close()


def example_articles() -> list[Article]:
    return [Article.model_validate(json.loads(line)) for line in EXAMPLES.open() if line.strip()]


@pytest.fixture(scope="session")
def coded(pipeline: Pipeline) -> dict[str, Document]:
    """Four sample articles coded once per session: the store tests only store and read."""
    return {a.id: pipeline(a) for a in example_articles()[:4]}


@pytest.fixture(scope="session")
def articles() -> Callable[[], list[Article]]:
    return example_articles
