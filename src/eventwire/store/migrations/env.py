"""Alembic environment for the eventwire store: migrations run on the engine eventwire opened."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from eventwire.store.schema import metadata

engine = context.config.attributes.get("engine")
if engine is None:
    # `alembic revision --autogenerate` from a shell, for developers writing a migration.
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "sqlite://")

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()
