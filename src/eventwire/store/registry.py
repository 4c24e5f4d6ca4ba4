"""Actor facts in the store: the user's edits, the registry learned from articles, imports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, update

from ..model import ActorFact, Document, FactOrigin
from ..resources.kb import name_key as kb_name_key
from . import schema as t
from .store import Store

__all__ = [
    "StoreLookup",
    "facts",
    "learn",
    "lookups",
    "name_key",
    "put_facts",
    "registry_rows",
    "remove_facts",
    "remove_imported",
]

_STORED_ORIGINS: tuple[FactOrigin, ...] = ("user", "registry", "imported")


def name_key(name: str) -> str:
    """The bundled KB's key (case, spacing, accents and typography folded); a leading "the"
    is not part of the name."""
    return kb_name_key(name).removeprefix("the ")


def _fact(row: Any) -> ActorFact:
    return ActorFact(
        name=row.name,
        country=row.country,
        sector=row.sector,
        title=row.title,
        start=row.start,
        end=row.end,
        origin=row.origin,
        source=row.source,
    )


class StoreLookup:
    """An ActorLookup over one origin of the store's facts, cached for the life of a run.

    The registry grows while a run learns, so a name it does not know yet is asked again;
    user edits and imports do not change during a run, so misses are cached too.
    """

    def __init__(self, store: Store, origin: FactOrigin) -> None:
        self.store = store
        self.origin = origin
        self._cache: dict[str, list[ActorFact]] = {}
        self._static = origin != "registry"
        with store.engine.connect() as conn:
            count = conn.execute(
                select(func.count())
                .select_from(t.actor_facts)
                .where(t.actor_facts.c.origin == origin)
            ).scalar()
        self._empty = self._static and not count

    def facts(self, name: str) -> list[ActorFact]:
        if self._empty:
            return []
        key = name_key(name)
        hit = self._cache.get(key)
        if hit is None:
            hit = facts(self.store, name, origins=(self.origin,))
            if hit or self._static:
                self._cache[key] = hit
        return hit


def lookups(store: Store) -> list[StoreLookup]:
    """The store's lookups in precedence order: user edits, registry, imported KB."""
    return [StoreLookup(store, origin) for origin in _STORED_ORIGINS]


def facts(
    store: Store, name: str | None = None, *, origins: Sequence[FactOrigin] = _STORED_ORIGINS
) -> list[ActorFact]:
    """Stored facts (of one name, or all), user edits first, then the registry, then imports."""
    f = t.actor_facts
    query = select(f).where(f.c.origin.in_(origins)).order_by(f.c.key, f.c.id)
    if name is not None:
        query = query.where(f.c.key == name_key(name))
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    rank = {o: i for i, o in enumerate(_STORED_ORIGINS)}
    return [_fact(r) for r in sorted(rows, key=lambda r: rank[r.origin])]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def put_facts(store: Store, items: Iterable[ActorFact], *, replace: bool = False) -> int:
    """Add facts (user edits or an import). ``replace``: drop the same names' facts of the same
    origin first, so that an edited name says only what the user said."""
    rows: list[dict[str, Any]] = [
        {
            "key": name_key(a.name),
            "name": a.name,
            "origin": a.origin,
            "country": a.country,
            "sector": a.sector,
            "title": a.title,
            "start": a.start,
            "end": a.end,
            "source": a.source,
            "seen": 0,
            "updated_at": _now(),
        }
        for a in items
    ]
    if not rows:
        return 0
    f = t.actor_facts
    with store.engine.begin() as conn:
        if replace:
            for origin in {r["origin"] for r in rows}:
                keys = sorted({r["key"] for r in rows if r["origin"] == origin})
                for chunk in _chunks(keys, 500):
                    conn.execute(delete(f).where(f.c.origin == origin, f.c.key.in_(chunk)))
        for chunk in _chunks(rows, 1000):
            conn.execute(insert(f), chunk)
    return len(rows)


def remove_facts(store: Store, name: str, *, origin: FactOrigin | None = None) -> int:
    f = t.actor_facts
    query = delete(f).where(f.c.key == name_key(name))
    if origin is not None:
        query = query.where(f.c.origin == origin)
    with store.engine.begin() as conn:
        return int(conn.execute(query).rowcount or 0)


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _taught(doc: Document) -> Iterator[tuple[str, str | None, str | None, str]]:
    """Actors whose role the article itself states: a named person or body with a title, and a
    country or sector, not one that a knowledge base or the registry resolved."""
    for actor in doc.actors:
        if actor.kb_id or not actor.title or not (actor.country or actor.sector):
            continue
        if len(actor.name.split()) < 2 or actor.name.casefold() == actor.title.casefold():
            continue
        yield actor.name, actor.country, actor.sector, actor.title


def learn(store: Store, doc: Document) -> int:
    """Remember what ``doc`` taught about names. One registry row per name: a newer article
    (by date) replaces its role, an older one only widens first/last seen."""
    day = (doc.article.published_at or "")[:10] or None
    f = t.actor_facts
    learned = 0
    with store.engine.begin() as conn:
        for name, country, sector, title in _taught(doc):
            key = name_key(name)
            row = conn.execute(
                select(f).where(and_(f.c.key == key, f.c.origin == "registry"))
            ).first()
            if row is None:
                conn.execute(
                    insert(f).values(
                        key=key, name=name, origin="registry", country=country, sector=sector,
                        title=title, first_seen=day, last_seen=day, seen=1,
                        source=doc.article.id, updated_at=_now(),
                    )
                )  # fmt: skip
            else:
                newer = day is not None and (row.last_seen is None or day >= row.last_seen)
                values: dict[str, Any] = {"seen": row.seen + 1, "updated_at": _now()}
                if newer:
                    values |= {
                        "name": name, "country": country, "sector": sector, "title": title,
                        "last_seen": day, "source": doc.article.id,
                    }  # fmt: skip
                if day is not None and (row.first_seen is None or day < row.first_seen):
                    values["first_seen"] = day
                conn.execute(update(f).where(f.c.id == row.id).values(**values))
            learned += 1
    return learned


def registry_rows(store: Store) -> list[dict[str, Any]]:
    """The registry as rows for inspection and export (name, role, seen dates, source)."""
    f = t.actor_facts
    query = select(
        f.c.name, f.c.origin, f.c.country, f.c.sector, f.c.title, f.c.start, f.c.end,
        f.c.first_seen, f.c.last_seen, f.c.seen, f.c.source,
    ).where(f.c.origin.in_(("user", "registry"))).order_by(f.c.key, f.c.origin)  # fmt: skip
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def remove_imported(store: Store) -> int:
    """Drop an earlier import before a new one (an import replaces, it does not accumulate)."""
    with store.engine.begin() as conn:
        result = conn.execute(delete(t.actor_facts).where(t.actor_facts.c.origin == "imported"))
        return int(result.rowcount or 0)
