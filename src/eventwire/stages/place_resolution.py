"""Resolving toponyms: each name to one gazetteer place by the story's countries and states."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from ..model import Place, Span
from ..resources.geo import CountryInfo, PlaceCandidate, fold
from .place_words import DIRECTION_WORDS, PLACE_NOUNS, word_set

if TYPE_CHECKING:
    from .places import Geocoder
    from .toponyms import Toponym

__all__ = ["PlaceResolver", "abbreviation", "build_places", "lookup"]

_K = TypeVar("_K")

# Trailing words that say what kind of place a name is ("the Markab area").
_GENERIC_TAILS = PLACE_NOUNS - word_set("county parish borough state island islands")
# Adjectives of regions: "Ossetian" -> Ossetia, "Ohioans" -> Ohio, "Dagestani" -> Dagestan.
_ADJECTIVE_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("ans", "a"), ("ans", ""), ("i", ""))


def _variants(name: str, *, reshape: bool = True) -> list[tuple[str, bool]]:
    """The name, then shorter forms, each saying whether a town may answer to it.

    "the Markab area" may be the town of Markab, "Northeast Georgia" lies in Georgia; but
    "Romani" is not Roman: adjectives find areas only.
    """
    words = name.split()
    out = [(name, True)]
    if not reshape:
        return out
    if len(words) > 1 and words[-1].lower() in _GENERIC_TAILS:
        out.append((" ".join(words[:-1]), True))
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in DIRECTION_WORDS:
        lead += 1
    if lead:
        out.append((" ".join(words[lead:]), True))  # "South Los Angeles" is in Los Angeles
    for suffix, repl in _ADJECTIVE_ENDINGS:
        if len(words) == 1 and name.endswith(suffix) and len(name) > len(suffix) + 3:
            out.append((name[: -len(suffix)] + repl, False))
    return out


def lookup(
    gaz: Geocoder, name: str, context: Sequence[str], *, strict: bool
) -> PlaceCandidate | None:
    """The first variant of the name that resolves; strictly, a town must bear that name."""
    for variant, towns in _variants(name, reshape=not strict):
        cand = gaz.resolve(variant, context=context)
        if cand is None or (cand.feature in ("city", "other") and not towns):
            continue
        if cand.feature == "city" and abbreviation(variant) and fold(cand.name) == fold(variant):
            continue  # "UN", "D.A.": a town's name in capitals is a coincidence, not a place
        if not strict or cand.feature != "city" or fold(cand.name) == fold(variant):
            return cand
    return None


def abbreviation(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= 4 and (text.isupper() or "." in text)


class PlaceResolver:
    """Resolve each name once per story, by the countries and states the story names."""

    def __init__(
        self, gaz: Geocoder, tops: list[Toponym], admin1_names: dict[tuple[str, str], str]
    ) -> None:
        self.gaz, self.admin1_names = gaz, admin1_names
        self.tops = _share_qualifiers(tops)
        self.counts: Counter[str] = Counter()
        self.own: dict[str, Counter[str]] = {}
        for top in self.tops:
            item = self._context_item(top)
            if item is not None:
                self.counts[item] += 1
                self.own.setdefault(fold(top.text), Counter())[item] += 1
        self.extra: list[str] = []

    def _context_item(self, top: Toponym) -> str | None:
        """What a mention adds to the story's context: a country's code or a state's name."""
        if top.country:
            return top.country
        cand = lookup(self.gaz, top.text, (), strict=top.strict)
        if cand is None or cand.feature not in ("country", "admin1"):
            return None
        if cand.feature == "admin1":
            return cand.name
        # "Georgia" is a country and a state: the name keeps both readings in the context.
        dual = any(c.feature == "admin1" for c in self.gaz.candidates(top.text))
        return top.text if dual else cand.country

    def context_for(self, top: Toponym) -> list[str]:
        """Countries and states, most mentioned first, leaving out the name's own mentions."""
        counts = self.counts - self.own.get(fold(top.text), Counter())
        items = [item for item, _ in counts.most_common()]
        items.extend(x for x in self.extra if x not in items)
        return [top.qualifier, *items] if top.qualifier else items

    def resolve(self) -> list[tuple[Toponym, PlaceCandidate | None]]:
        # Local news names its towns, not its state: the state most of them may lie in
        # settles the others ("Columbus" among Ohio towns), and so does a country.
        states, countries = _votes(self.gaz, self.tops)
        state = _leader(states)
        country = _leader(countries)
        if state is not None and state in self.admin1_names:
            self.extra.append(self.admin1_names[state])
        if country is not None:
            self.extra.append(country)
        return self._pass()

    def _pass(self) -> list[tuple[Toponym, PlaceCandidate | None]]:
        cache: dict[tuple[str, str | None, str | None], PlaceCandidate | None] = {}
        out: list[tuple[Toponym, PlaceCandidate | None]] = []
        for top in self.tops:
            key = (fold(top.text), top.country, top.qualifier)
            if key not in cache:
                cache[key] = self._one(top)
            out.append((top, cache[key]))
        return out

    def _one(self, top: Toponym) -> PlaceCandidate | None:
        if top.country:
            info = self.gaz.country(top.country)
            return _country_place(info) if info else None
        if top.qualifier:
            # "Tripoli, Lebanon" is Lebanon's Tripoli however much the story speaks of Libya.
            cand = lookup(self.gaz, top.text, [top.qualifier], strict=top.strict)
            area = lookup(self.gaz, top.qualifier, (), strict=False)
            if cand is not None and area is not None and _lies_in(cand, area):
                return cand
        return lookup(self.gaz, top.text, self.context_for(top), strict=top.strict)


def _lies_in(place: PlaceCandidate, area: PlaceCandidate) -> bool:
    if place.country != area.country:
        return False
    return area.feature != "admin1" or place.admin1 == area.admin1


def _share_qualifiers(tops: list[Toponym]) -> list[Toponym]:
    """One sense per story: "Lexington, Ky." also qualifies a later bare "Lexington"."""
    qualifiers = {fold(t.text): t.qualifier for t in tops if t.qualifier}
    return [
        replace(t, qualifier=qualifiers[fold(t.text)])
        if t.qualifier is None and fold(t.text) in qualifiers
        else t
        for t in tops
    ]


def _votes(
    gaz: Geocoder, tops: list[Toponym]
) -> tuple[dict[tuple[str, str], float], dict[str, float]]:
    """Each distinct name votes for the states and countries it may lie in, by likelihood."""
    states: defaultdict[tuple[str, str], float] = defaultdict(float)
    countries: defaultdict[str, float] = defaultdict(float)
    names = {fold(t.text): t.text for t in tops if t.kind not in ("street", "facility")}
    for key, name in names.items():
        every = gaz.candidates(name)
        cands = [c for c in every if c.country and c.feature != "country"]
        cands = [c for c in cands if c.feature != "city" or fold(c.name) == key]
        weights = _weights(cands)
        named_country = any(c.feature == "country" and fold(c.name) == key for c in every)
        if named_country and not any(c.feature == "admin1" for c in cands):
            # "Chad" is likelier the country than a Russian village of the name: its towns
            # alone cannot settle the story's country ("Lebanon" among Ohio towns still helps;
            # a state of the name, as "Georgia", is a reading of its own).
            weights = [w / 2 for w in weights]
        for cand, weight in zip(cands, weights, strict=True):
            if cand.admin1:
                states[(cand.country or "", cand.admin1)] += weight
            countries[cand.country or ""] += weight
    return states, countries


def _weights(cands: list[PlaceCandidate]) -> list[float]:
    """How likely each reading is: a state's name means the state; towns by their size."""
    if any(c.feature == "admin1" for c in cands):
        return [1.0 if c.feature == "admin1" else 0.0 for c in cands]
    sizes = [math.sqrt(c.population) + 1 for c in cands]
    total = sum(sizes)
    return [size / total for size in sizes] if total else []


def _leader(votes: Mapping[_K, float]) -> _K | None:
    """The clear leader of a vote (at least one whole vote, half again the runner-up's)."""
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:2]
    if not ranked or ranked[0][1] < 1:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]


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


def build_places(resolved: list[tuple[Toponym, PlaceCandidate | None]]) -> list[Place]:
    places: dict[object, Place] = {}
    for top, cand in resolved:
        key: object = (cand.geonameid or cand.name.lower()) if cand else fold(top.text)
        if key not in places:
            places[key] = _place(f"p{len(places) + 1}", top, cand)
        places[key].mentions.append(Span(start=top.start, end=top.end, text=top.text))
    return list(places.values())


def _place(pid: str, top: Toponym, cand: PlaceCandidate | None) -> Place:
    if cand is None:
        # Named as a place but not in the gazetteer: kept, without coordinates.
        return Place(id=pid, name=top.text, feature="other")
    return Place(
        id=pid,
        name=cand.name,
        geonameid=cand.geonameid,
        country=cand.country,
        lat=cand.lat,
        lon=cand.lon,
        feature=cand.feature,
    )
