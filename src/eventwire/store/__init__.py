"""The event store: SQLite by default, PostgreSQL for a team; schema migrations with Alembic."""

from __future__ import annotations

from .queries import ActorFilter, EventFilter, actors, article, events, iter_events
from .store import Store

__all__ = ["ActorFilter", "EventFilter", "Store", "actors", "article", "events", "iter_events"]
