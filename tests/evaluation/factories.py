"""Builds small model objects for the evaluation tests, with every required field filled in."""

from __future__ import annotations

from eventwire.model import (
    Actor,
    ArticleMeta,
    Document,
    Event,
    Evidence,
    Place,
    Quote,
    Span,
    Speaker,
    Timex,
    TimexType,
)


def doc(doc_id: str, **fields: object) -> Document:
    """A Document for article ``doc_id`` with the given annotation lists."""
    return Document.model_validate({"article": ArticleMeta(id=doc_id), **fields})


def event(
    event_id: str,
    event_type: str,
    *,
    actors: list[str] | None = None,
    recipients: list[str] | None = None,
    location: str | None = None,
    evidence: tuple[int, int] = (0, 10),
    trigger: tuple[int, int] | None = None,
) -> Event:
    return Event(
        id=event_id,
        event_type=event_type,
        actors=actors or [],
        recipients=recipients or [],
        location=location,
        quad_class=1,
        intensity=0.0,
        cameo="01",
        confidence=0.5,
        evidence=Evidence(sentence_index=0, start=evidence[0], end=evidence[1], text="x"),
        trigger=Span(start=trigger[0], end=trigger[1], text="x") if trigger else None,
    )


def actor(
    actor_id: str,
    country: str | None = None,
    sector: str | None = None,
    *,
    mentions: list[tuple[int, int]] | None = None,
) -> Actor:
    return Actor(
        id=actor_id,
        name=actor_id,
        country=country,
        sector=sector,
        mentions=[Span(start=s, end=e, text="x") for s, e in mentions or []],
    )


def place(
    place_id: str,
    mentions: list[tuple[int, int]],
    *,
    lat: float | None = None,
    lon: float | None = None,
    geonameid: int | None = None,
    country: str | None = None,
) -> Place:
    return Place(
        id=place_id,
        name=place_id,
        lat=lat,
        lon=lon,
        geonameid=geonameid,
        country=country,
        mentions=[Span(start=s, end=e, text="x") for s, e in mentions],
    )


def timex(start: int, end: int, value: str | None, kind: TimexType = "DATE") -> Timex:
    return Timex(text="x", start=start, end=end, type=kind, value=value)


def quote(
    quote_id: str,
    span: tuple[int, int],
    *,
    direct: bool = True,
    speaker: tuple[int, int] | None = None,
    actor_id: str | None = None,
) -> Quote:
    who = None
    if speaker is not None:
        who = Speaker(text="x", start=speaker[0], end=speaker[1], actor_id=actor_id)
    return Quote(id=quote_id, text="x", start=span[0], end=span[1], direct=direct, speaker=who)
