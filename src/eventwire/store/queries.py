"""Reading the store: events and actors with filters, one article back as a Document, exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, tuple_

from ..errors import NotFound
from ..model import ActorRef, ActorSummary, Document, Modality, StoredEvent
from . import schema as t
from .rows import document_from_rows
from .store import Store

__all__ = ["ActorFilter", "EventFilter", "actors", "article", "events", "iter_events"]

MODALITIES = ("negated", "hypothetical", "future", "historical")


@dataclass(frozen=True, kw_only=True)
class EventFilter:
    """Which events to read. Every field narrows; ``None`` leaves it open.

    ``modality``: ``asserted`` (none of the flags: it happened), ``any``, or one flag name.
    """

    country: str | None = None  # an actor's or recipient's country (ISO alpha-3 or IGO...)
    actor: str | None = None  # part of a participant's name, case-insensitive
    event_type: str | None = None
    mode: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None  # place name (part) or the place's country code
    modality: str = "any"
    text: str | None = None  # words in the evidence sentence
    article_id: str | None = None
    limit: int | None = None
    roles: tuple[str, ...] = field(default=("actor", "recipient"))


def _like(column: Any, needle: str) -> Any:
    # LOWER on both sides: ILIKE is not portable and SQLite's LIKE is ASCII-only for case.
    return func.lower(column).contains(needle.lower(), autoescape=True)


def _event_query(f: EventFilter) -> Select[Any]:
    e, a, ea = t.events, t.articles, t.event_actors
    query = (
        select(
            *(c for c in e.c if c.name != "data"),
            e.c.data["contexts"].label("contexts"),
            a.c.title,
            a.c.url,
            a.c.published_at,
            a.c.source,
        )
        .join(a, a.c.id == e.c.article_id)
        .order_by(e.c.event_date, e.c.article_id, e.c.seq)
    )
    same_event = and_(ea.c.article_id == e.c.article_id, ea.c.event_id == e.c.event_id)
    if f.country:
        # Driven by the country index: a country is rarer than a date range.
        query = query.where(
            tuple_(e.c.article_id, e.c.event_id).in_(
                select(ea.c.article_id, ea.c.event_id).where(
                    ea.c.country == f.country.upper(), ea.c.role.in_(f.roles)
                )
            )
        )
    if f.actor:
        query = query.where(
            exists().where(same_event, _like(ea.c.name, f.actor), ea.c.role.in_(f.roles))
        )
    if f.event_type:
        query = query.where(e.c.event_type == f.event_type.upper())
    if f.mode:
        query = query.where(e.c.mode == f.mode)
    if f.quad_class is not None:
        query = query.where(e.c.quad_class == f.quad_class)
    if f.since:
        query = query.where(e.c.event_date >= f.since)
    if f.until:
        query = query.where(e.c.event_date <= f.until)
    if f.place:
        query = query.where(
            or_(_like(e.c.place_name, f.place), e.c.place_country == f.place.upper())
        )
    if f.modality == "asserted":
        query = query.where(*(getattr(e.c, m).is_(False) for m in MODALITIES))
    elif f.modality in MODALITIES:
        query = query.where(getattr(e.c, f.modality).is_(True))
    if f.text:
        query = query.where(_like(e.c.evidence, f.text))
    if f.article_id:
        query = query.where(e.c.article_id == f.article_id)
    if f.limit is not None:
        query = query.limit(f.limit)
    return query


def iter_events(
    store: Store, f: EventFilter | None = None, *, batch: int = 2000
) -> Iterator[StoredEvent]:
    """Every matching event, streamed in batches (exports of millions of rows stay flat)."""
    f = f or EventFilter()
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(
            _event_query(f)
        )
        for chunk in result.mappings().partitions(batch):
            yield from _with_participants(conn, [dict(r) for r in chunk])


def events(store: Store, f: EventFilter | None = None) -> list[StoredEvent]:
    return list(iter_events(store, f))


def _with_participants(conn: Any, rows: list[dict[str, Any]]) -> Iterator[StoredEvent]:
    if not rows:
        return
    ea, p = t.event_actors, t.places
    # By article id (an index lookup each); a row-value IN list would scan the whole table.
    articles = sorted({r["article_id"] for r in rows})
    wanted = {(r["article_id"], r["event_id"]) for r in rows}
    people: dict[tuple[str, str], dict[str, list[ActorRef]]] = {}
    for part in conn.execute(
        select(ea.c.article_id, ea.c.event_id, ea.c.role, ea.c.actor_id, ea.c.name,
               ea.c.country, ea.c.sector)
        .where(ea.c.article_id.in_(articles))
        .order_by(ea.c.position)
    ):  # fmt: skip
        if (part.article_id, part.event_id) not in wanted:
            continue
        slot = people.setdefault((part.article_id, part.event_id), {})
        slot.setdefault(part.role, []).append(
            ActorRef(
                actor_id=part.actor_id, name=part.name, country=part.country, sector=part.sector
            )
        )
    places = {
        (r.article_id, r.place_id): r._mapping
        for r in conn.execute(
            select(p.c.article_id, p.c.place_id, p.c.lat, p.c.lon, p.c.geonameid).where(
                p.c.article_id.in_(articles)
            )
        )
    }
    for r in rows:
        key = (r["article_id"], r["event_id"])
        place = places.get((r["article_id"], r["location_id"])) if r["location_id"] else None
        yield StoredEvent(
            article_id=r["article_id"],
            event_id=r["event_id"],
            event_type=r["event_type"],
            mode=r["mode"],
            quad_class=r["quad_class"],
            intensity=r["intensity"],
            cameo=r["cameo"],
            confidence=r["confidence"],
            date=r["date_value"] or r["date_start"],
            date_end=r["date_end"],
            place=r["place_name"],
            place_country=r["place_country"],
            lat=place["lat"] if place else None,
            lon=place["lon"] if place else None,
            geonameid=place["geonameid"] if place else None,
            modality=Modality(**{m: bool(r[m]) for m in MODALITIES}),
            contexts=list(r["contexts"] or []),
            evidence=r["evidence"],
            actors=people.get(key, {}).get("actor", []),
            recipients=people.get(key, {}).get("recipient", []),
            title=r["title"],
            url=r["url"],
            published_at=r["published_at"],
            source=r["source"],
        )


@dataclass(frozen=True, kw_only=True)
class ActorFilter:
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    limit: int | None = None


def actors(store: Store, f: ActorFilter | None = None) -> list[ActorSummary]:
    """Actors across articles, grouped by name, country and sector, most frequent first."""
    f = f or ActorFilter()
    ac, a, ea = t.actors, t.articles, t.event_actors
    n_events = (
        select(func.count())
        .where(ea.c.article_id == ac.c.article_id, ea.c.actor_id == ac.c.actor_id)
        .scalar_subquery()
    )
    query = (
        select(
            ac.c.name,
            ac.c.country,
            ac.c.sector,
            func.max(ac.c.title).label("title"),
            func.count(func.distinct(ac.c.article_id)).label("articles"),
            func.sum(n_events).label("events"),
            func.min(a.c.published_at).label("first_seen"),
            func.max(a.c.published_at).label("last_seen"),
        )
        .join(a, a.c.id == ac.c.article_id)
        .group_by(ac.c.name, ac.c.country, ac.c.sector)
        .order_by(func.count(func.distinct(ac.c.article_id)).desc(), ac.c.name)
    )
    if f.name:
        query = query.where(_like(ac.c.name, f.name))
    if f.country:
        query = query.where(ac.c.country == f.country.upper())
    if f.sector:
        query = query.where(ac.c.sector == f.sector.upper())
    if f.limit is not None:
        query = query.limit(f.limit)
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [ActorSummary(**dict(row) | {"events": int(row["events"] or 0)}) for row in rows]


def article(store: Store, article_id: str) -> tuple[Document, str | None]:
    """The stored article as its coded Document, and the id of the story it copies (if any)."""
    with store.engine.connect() as conn:
        row = (
            conn.execute(select(t.articles).where(t.articles.c.id == article_id)).mappings().first()
        )
        if row is None:
            raise NotFound(
                f"no article {article_id!r} in {store.url}; list stored ids with "
                "`eventwire events --format csv` or check the id"
            )
        annotations = {
            name: [
                dict(r)
                for r in conn.execute(
                    select(table.c.seq, table.c.data).where(table.c.article_id == article_id)
                ).mappings()
            ]
            for name, table in (
                ("sentences", t.sentences),
                ("entities", t.entities),
                ("actors", t.actors),
                ("places", t.places),
                ("timexes", t.timexes),
                ("quotes", t.quotes),
                ("events", t.events),
            )
        }
    return document_from_rows(dict(row), annotations), row["duplicate_of"]
