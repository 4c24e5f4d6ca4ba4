"""The places stage: toponyms found, resolved to GeoNames offline, and each event's location."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Protocol

from ..model import Document
from ..pipeline import register_stage
from ..resources.geo import CountryInfo, PlaceCandidate, load_gazetteer
from .event_location import locate_event
from .place_resolution import PlaceResolver, build_places
from .toponyms import ToponymFinder, unplaced_ok

__all__ = ["Geocoder", "PlacesStage"]


class Geocoder(Protocol):
    """What the stage needs from a gazetteer (``resources.geo.Gazetteer`` provides it)."""

    def resolve(self, name: str, *, context: Sequence[str] = ()) -> PlaceCandidate | None: ...
    def country(self, alpha3: str) -> CountryInfo | None: ...
    def region_names(self) -> Iterable[tuple[str, str | None]]: ...
    def candidates(self, name: str) -> list[PlaceCandidate]: ...
    def country_for_demonym(self, text: str) -> CountryInfo | None: ...


@register_stage
class PlacesStage:
    """Find toponyms, resolve them by the story's countries and states, and locate events."""

    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = ("entities", "events")
    assigns: ClassVar[tuple[str, ...]] = ("places", "events.location")
    version: ClassVar[str] = "3"

    def __init__(self, *, gazetteer: Geocoder | None = None) -> None:
        self.gaz: Geocoder = gazetteer or load_gazetteer()
        self._admin1_names: dict[tuple[str, str], str] | None = None

    def __call__(self, doc: Document) -> Document:
        sp: Any = doc.parse
        found = ToponymFinder(doc, sp, self.gaz).toponyms()
        resolved = PlaceResolver(self.gaz, found, self.admin1_names()).resolve()
        doc.places = build_places([(t, c) for t, c in resolved if c is not None or unplaced_ok(t)])
        for event in doc.events:
            event.location = locate_event(doc, sp, event, self.gaz)
        return doc

    def admin1_names(self) -> dict[tuple[str, str], str]:
        """A name for each state or province the gazetteer knows, by (country, admin1 code)."""
        if self._admin1_names is None:
            names: dict[tuple[str, str], str] = {}
            for name, a3 in self.gaz.region_names():
                cand = self.gaz.resolve(name, context=[a3] if a3 else ())
                if cand is not None and cand.feature == "admin1" and cand.country and cand.admin1:
                    names.setdefault((cand.country, cand.admin1), name)
            self._admin1_names = names
        return self._admin1_names
