"""The places stage: toponyms resolved to GeoNames offline, and where each event happened."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Protocol

from ..model import Document, Entity, Event, Place, Span
from ..pipeline import register_stage
from ..resources.geo import CountryInfo, PlaceCandidate, load_gazetteer
from .syntax import LOCATIVE_PREPS, country_context, phrase_chars

__all__ = ["Geocoder", "PlacesStage"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class Geocoder(Protocol):
    """What the stage needs from a gazetteer (``resources.geo.Gazetteer`` provides it)."""

    def resolve(self, name: str, *, context: Sequence[str] = ()) -> PlaceCandidate | None: ...
    def country(self, alpha3: str) -> CountryInfo | None: ...


@register_stage
class PlacesStage:
    """Resolve place names by the story's countries; locate each event in its clause."""

    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = ("entities", "events")
    assigns: ClassVar[tuple[str, ...]] = ("places", "events.location")
    version: ClassVar[str] = "1"

    def __init__(self, *, gazetteer: Geocoder | None = None) -> None:
        self.gaz: Geocoder = gazetteer or load_gazetteer()

    def __call__(self, doc: Document) -> Document:
        context = country_context(doc)
        places: dict[object, Place] = {}
        for ent in doc.entities:
            cand = self._candidate(doc, ent, context)
            if cand is None:
                continue
            key: object = cand.geonameid if cand.geonameid is not None else cand.name.lower()
            if key not in places:
                places[key] = Place(
                    id=f"p{len(places) + 1}",
                    name=cand.name,
                    geonameid=cand.geonameid,
                    country=cand.country,
                    lat=cand.lat,
                    lon=cand.lon,
                    feature=cand.feature,
                )
            places[key].mentions.append(Span(start=ent.start, end=ent.end, text=ent.text))
        doc.places = list(places.values())
        for event in doc.events:
            event.location = _event_location(doc, event)
        return doc

    def _candidate(self, doc: Document, ent: Entity, context: list[str]) -> PlaceCandidate | None:
        if ent.label == "NORP":
            # "Turkish" names a country as a place too, when it is a demonym we know.
            info = self.gaz.country(ent.country) if ent.country else None
            return _country_place(info) if info else None
        if ent.label not in _PLACE_LABELS:
            return None
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        qualifier = _qualifier(doc, ent)
        ctx = [qualifier, *context] if qualifier else context
        return self.gaz.resolve(name, context=ctx)


def _country_place(info: CountryInfo) -> PlaceCandidate:
    return PlaceCandidate(
        name=info.name,
        geonameid=info.geonameid,
        country=info.alpha3,
        lat=info.lat,
        lon=info.lon,
        feature="country",
        population=info.population,
    )


def _qualifier(doc: Document, ent: Entity) -> str | None:
    """ "Homs, Syria": the country named right after a comma qualifies the place."""
    follow = doc.text[ent.end : ent.end + 2]
    if follow != ", ":
        return None
    nxt = next((e for e in doc.entities if e.start == ent.end + 2), None)
    return nxt.country if nxt is not None and nxt.label == "GPE" else None


def _event_location(doc: Document, event: Event) -> str | None:
    """A place in the event's clause, else a place of the sentence; never the story's default."""
    sp: Any = doc.parse
    if event.trigger is None or sp is None:
        return None
    span = sp.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    clause = tok
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    ev = event.evidence
    located = [
        (p, m)
        for p in doc.places
        for m in p.mentions
        if ev.start <= m.start < ev.end and _is_locative(sp, m)
    ]
    if not located:
        return None
    c_start, c_end = phrase_chars(clause)
    in_clause = [(p, m) for p, m in located if c_start <= m.start < c_end]
    pool = in_clause or located
    best = min(pool, key=lambda pm: abs(pm[1].start - event.trigger.start))  # type: ignore[union-attr]
    return best[0].id


def _is_locative(sp: Any, mention: Span) -> bool:
    """A mention is where something happened when a place preposition governs it."""
    span = sp.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("compound", "conj", "appos") and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS
