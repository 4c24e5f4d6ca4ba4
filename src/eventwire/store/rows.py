"""Conversions between domain types and table rows (no SQL here; the SQL is in write/read)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import Article, Document, Event

__all__ = ["annotation_rows", "article_row", "day_of", "document_from_rows"]

_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def day_of(value: str | None) -> dt.date | None:
    """The first day a date value can mean: 2023-07 → 2023-07-01, 2023 → 2023-01-01."""
    if not value:
        return None
    m = _DAY.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def article_row(article: Article | Document, text: str) -> dict[str, Any]:
    meta = article.article if isinstance(article, Document) else article
    return {
        "id": meta.id,
        "url": meta.url,
        "title": meta.title,
        "published_at": meta.published_at,
        "published_date": day_of(meta.published_at),
        "language": meta.language,
        "source": meta.source,
        "text": text,
    }


def _event_row(doc: Document, event: Event) -> dict[str, Any]:
    place = doc.place(event.location) if event.location else None
    return {
        "event_id": event.id,
        "event_type": event.event_type,
        "mode": event.mode,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "cameo": event.cameo,
        "confidence": event.confidence,
        "date_value": event.date.value,
        "date_start": event.date.start,
        "date_end": event.date.end,
        "event_date": day_of(event.date.start or event.date.value),
        "location_id": event.location,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "negated": event.modality.negated,
        "hypothetical": event.modality.hypothetical,
        "future": event.modality.future,
        "historical": event.modality.historical,
        "evidence": event.evidence.text,
    }


def _event_actor_rows(doc: Document, event: Event) -> list[dict[str, Any]]:
    rows = []
    for role, ids in (("actor", event.actors), ("recipient", event.recipients)):
        for position, actor_id in enumerate(ids):
            actor = doc.actor(actor_id)
            rows.append(
                {
                    "event_id": event.id,
                    "role": role,
                    "position": position,
                    "actor_id": actor_id,
                    "name": actor.name if actor else None,
                    "country": actor.country if actor else None,
                    "sector": actor.sector if actor else None,
                }
            )
    return rows


def annotation_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """Rows per annotation table (without ``article_id``), in document order."""
    out: dict[str, list[dict[str, Any]]] = {
        "sentences": [
            {"sentence_id": str(s.index), "start": s.start, "end": s.end} | _data(s)
            for s in doc.sentences
        ],
        "entities": [
            {
                "entity_id": e.id,
                "text": e.text,
                "label": e.label,
                "country": e.country,
                "sector": e.sector,
            }
            | _data(e)
            for e in doc.entities
        ],
        "actors": [
            {
                "actor_id": a.id,
                "name": a.name,
                "country": a.country,
                "sector": a.sector,
                "title": a.title,
                "kb_id": a.kb_id,
            }
            | _data(a)
            for a in doc.actors
        ],
        "places": [
            {
                "place_id": p.id,
                "name": p.name,
                "geonameid": p.geonameid,
                "country": p.country,
                "lat": p.lat,
                "lon": p.lon,
                "feature": p.feature,
            }
            | _data(p)
            for p in doc.places
        ],
        "timexes": [
            {"timex_id": str(i), "text": t.text, "type": t.type, "value": t.value} | _data(t)
            for i, t in enumerate(doc.timexes)
        ],
        "quotes": [
            {
                "quote_id": q.id,
                "text": q.text,
                "direct": q.direct,
                "speaker": q.speaker.text if q.speaker else None,
                "speaker_actor_id": q.speaker.actor_id if q.speaker else None,
            }
            | _data(q)
            for q in doc.quotes
        ],
        "events": [_event_row(doc, e) | _data(e) for e in doc.events],
    }
    for rows in out.values():
        for seq, row in enumerate(rows):
            row["seq"] = seq
    out["event_actors"] = [r for e in doc.events for r in _event_actor_rows(doc, e)]
    return out


def _data(item: Any) -> dict[str, Any]:
    return {"data": item.model_dump(mode="json")}


def document_from_rows(
    article: dict[str, Any], annotations: dict[str, list[dict[str, Any]]]
) -> Document:
    """Rebuild the coded Document from its article row and its annotation rows' ``data``."""
    meta = {k: article[k] for k in ("id", "title", "url", "published_at", "language", "source")}
    payload: dict[str, Any] = {"article": meta}
    for table in ("sentences", "entities", "actors", "places", "timexes", "quotes", "events"):
        payload[table] = [r["data"] for r in sorted(annotations.get(table, []), key=_seq)]
    doc = Document.model_validate(payload)
    doc._text = article["text"]
    return doc


def _seq(row: dict[str, Any]) -> int:
    return int(row["seq"])
