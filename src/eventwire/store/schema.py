"""The store's tables (SQLAlchemy Core): articles, their annotations, runs, near-duplicates."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = ["ANNOTATION_TABLES", "metadata"]

# Stable constraint names, so that Alembic migrations can refer to them on every backend.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    # running → finished; a run that never finished (killed) keeps 'running' with no end.
    Column("status", String(16), nullable=False),
    Column("pipeline_version", Text, nullable=False),
    Column("model_versions", JSON, nullable=False),
    Column("settings", JSON, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("new", Integer, nullable=False, default=0),
    Column("updated", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
    Column("duplicate", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("events", Integer, nullable=False, default=0),
)

run_failures = Table(
    "run_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, nullable=False, index=True),
    Column("article_id", Text),
    Column("stage", String(64), nullable=False),
    Column("message", Text, nullable=False),
    ForeignKeyConstraint(["run_id"], ["runs.id"], ondelete="CASCADE"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True),
    Column("url", Text, index=True),
    Column("title", Text),
    Column("published_at", String(40)),
    Column("published_date", Date, index=True),
    Column("language", String(16), nullable=False),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, index=True),
    # MinHash signature of the text's word shingles: finds syndicated near-copies.
    Column("minhash", LargeBinary),
    Column("duplicate_of", Text, index=True),
    Column("pipeline_version", Text),
    Column("coded_at", DateTime(timezone=True)),
    Column("run_id", Integer),
)

# One row per LSH band of an article's MinHash: equal bands make candidate near-duplicates.
article_bands = Table(
    "article_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("value", BigInteger, primary_key=True),
    Column("article_id", Text, primary_key=True),
    ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
)


def _annotation(name: str, key: str, *columns: Column[Any]) -> Table:
    return Table(
        name,
        metadata,
        Column("article_id", Text, primary_key=True),
        Column(key, Text, primary_key=True),
        # Order in the document, so that a stored document reads back as it was coded.
        Column("seq", Integer, nullable=False),
        *columns,
        Column("data", JSON, nullable=False),
        ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
    )


sentences = _annotation(
    "sentences", "sentence_id", Column("start", Integer), Column("end", Integer)
)
entities = _annotation(
    "entities",
    "entity_id",
    Column("text", Text),
    Column("label", String(32)),
    Column("country", String(8)),
    Column("sector", String(8)),
)
actors = _annotation(
    "actors",
    "actor_id",
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("title", Text),
    Column("kb_id", Text),
)
places = _annotation(
    "places",
    "place_id",
    Column("name", Text, nullable=False),
    Column("geonameid", BigInteger),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", String(16)),
)
timexes = _annotation(
    "timexes",
    "timex_id",
    Column("text", Text),
    Column("type", String(16)),
    Column("value", String(64)),
)
quotes = _annotation(
    "quotes",
    "quote_id",
    Column("text", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("speaker", Text),
    Column("speaker_actor_id", Text),
)
events = _annotation(
    "events",
    "event_id",
    Column("event_type", String(16), nullable=False),
    Column("mode", String(24)),
    Column("quad_class", Integer, nullable=False),
    Column("intensity", Float, nullable=False),
    Column("cameo", String(4), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("date_value", String(40)),
    Column("date_start", String(40)),
    Column("date_end", String(40)),
    # The first day the event may have happened: what date filters compare.
    Column("event_date", Date),
    Column("location_id", Text),
    Column("place_name", Text),
    Column("place_country", String(8)),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("future", Boolean, nullable=False),
    Column("historical", Boolean, nullable=False),
    Column("evidence", Text, nullable=False),
)
Index("ix_events_event_date", events.c.event_date)
Index("ix_events_type_date", events.c.event_type, events.c.event_date)
Index("ix_events_place_country", events.c.place_country)

# Who took part in each event, with their country and sector copied for fast filters.
event_actors = Table(
    "event_actors",
    metadata,
    Column("article_id", Text, primary_key=True),
    Column("event_id", Text, primary_key=True),
    Column("role", String(10), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("actor_id", Text, nullable=False),
    Column("name", Text),
    Column("country", String(8)),
    Column("sector", String(8)),
    ForeignKeyConstraint(
        ["article_id", "event_id"], ["events.article_id", "events.event_id"], ondelete="CASCADE"
    ),
)
Index("ix_event_actors_country", event_actors.c.country, event_actors.c.article_id)
Index("ix_event_actors_name", event_actors.c.name)

ANNOTATION_TABLES = (event_actors, events, quotes, timexes, places, actors, entities, sentences)

# What is known about names outside any one article: the user's edits, what articles taught
# (the registry), and imported knowledge bases (Wikidata). ``key`` is the casefolded name.
actor_facts = Table(
    "actor_facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("origin", String(10), nullable=False),  # user | registry | imported
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("title", Text),
    Column("start", String(10)),
    Column("end", String(10)),
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("seen", Integer, nullable=False, default=0),
    Column("source", Text),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_actor_facts_key_origin", actor_facts.c.key, actor_facts.c.origin)
