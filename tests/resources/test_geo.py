"""Tests for the offline gazetteer: country names, demonyms, capitals, regions, toponyms."""

from __future__ import annotations

from importlib import resources

import pytest

from eventwire.resources.countries import SOVEREIGN
from eventwire.resources.geo import Gazetteer, fold, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _tsv_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("eventwire.resources").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header), line
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


# -- countries ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("the US", "USA"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("DRC", "COD"),
        ("DR Congo", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Congo-Brazzaville", "COG"),
        ("Russia", "RUS"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Burma", "MMR"),
        ("Myanmar", "MMR"),
        ("Czechia", "CZE"),
        ("Czech Republic", "CZE"),
        ("Kosovo", "KOS"),
        ("Palestine", "PSE"),
        ("Palestinian territories", "PSE"),
        ("Taiwan", "TWN"),
        ("Vatican", "VAT"),
        ("Georgia", "GEO"),
        ("The Gambia", "GMB"),
        ("IRAN", "IRN"),
    ],
)
def test_country_for_name(gaz: Gazetteer, text: str, alpha3: str) -> None:
    info = gaz.country_for_name(text)
    assert info is not None and info.alpha3 == alpha3


@pytest.mark.parametrize("text", ["us", "turkey", "chad", "Atlantis", "", "Libyan"])
def test_country_for_name_rejects_words_and_unknowns(gaz: Gazetteer, text: str) -> None:
    assert gaz.country_for_name(text) is None


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [
        ("Libyan", "LBY"),
        ("Libyans", "LBY"),
        ("Nigerien", "NER"),
        ("Nigeriens", "NER"),
        ("Nigerian", "NGA"),
        ("Nigerians", "NGA"),
        ("American", "USA"),
        ("British", "GBR"),
        ("French", "FRA"),
        ("Malian", "MLI"),
        ("Burkinabe", "BFA"),
        ("Burkinabè", "BFA"),
        ("Ivorian", "CIV"),
        ("Congolese", "COD"),
        ("Emirati", "ARE"),
        ("Saudi", "SAU"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Iranian", "IRN"),
        ("Afghan", "AFG"),
        ("Pakistani", "PAK"),
        ("Ukrainian", "UKR"),
        ("Russian", "RUS"),
        ("Chinese", "CHN"),
        ("Kosovar", "KOS"),
        ("Taiwanese", "TWN"),
    ],
)
def test_country_for_demonym(gaz: Gazetteer, text: str, alpha3: str) -> None:
    info = gaz.country_for_demonym(text)
    assert info is not None and info.alpha3 == alpha3


def test_demonym_is_not_a_name(gaz: Gazetteer) -> None:
    assert gaz.country_for_demonym("Libya") is None
    assert gaz.country_for_demonym("libyan") is None


def test_demonyms_cover_every_member_state() -> None:
    covered = {row["alpha3"] for row in _tsv_rows("demonyms.tsv")}
    # DMA and COG share their demonyms with DOM and COD (see the file's header).
    assert SOVEREIGN - {"VAT", "DMA", "COG"} <= covered
    assert covered <= SOVEREIGN


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [
        ("Tripoli", "LBY"),
        ("Washington", "USA"),
        ("Moscow", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Beijing", "CHN"),
        ("Niamey", "NER"),
        ("Abuja", "NGA"),
        ("Bogotá", "COL"),
        ("Pristina", "KOS"),
    ],
)
def test_country_for_capital(gaz: Gazetteer, text: str, alpha3: str) -> None:
    info = gaz.country_for_capital(text)
    assert info is not None and info.alpha3 == alpha3


@pytest.mark.parametrize("text", ["Male", "Victoria", "Paris, Texas", "moscow"])
def test_ambiguous_or_lowercase_capitals_are_not_countries(gaz: Gazetteer, text: str) -> None:
    assert gaz.country_for_capital(text) is None


def test_country_records(gaz: Gazetteer) -> None:
    kosovo = gaz.country("KOS")
    assert kosovo is not None and kosovo.alpha2 == "XK" and kosovo.capital == "Pristina"
    assert gaz.country("XKX") is None
    niger = gaz.country("NER")
    assert niger is not None and niger.geonameid is not None and niger.population > 0
    assert {"NGA", "LBY", "MLI"} <= gaz.neighbours("NER")
    assert "KOS" in gaz.neighbours("SRB")
    assert gaz.neighbours("ZZZ") == frozenset()


def test_listing_helpers(gaz: Gazetteer) -> None:
    assert ("U.S.", "USA") in gaz.country_names()
    assert ("Libyan", "LBY") in gaz.demonyms()
    assert ("Kyiv", "UKR") in gaz.capitals()
    assert ("Gaza Strip", "PSE") in gaz.region_names()
    assert ("Ohio", "USA") in gaz.region_names()
    assert all(len(a3) == 3 for _, a3 in gaz.country_names())


def test_load_gazetteer_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


# -- regions file ---------------------------------------------------------------------


def test_regions_file_rows_are_valid(gaz: Gazetteer) -> None:
    rows = _tsv_rows("regions.tsv")
    assert len(rows) >= 150
    for row in rows:
        assert row["name"], row
        assert row["feature"] in {"region", "admin1"}, row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
        if row["country"]:
            assert gaz.country(row["country"]) is not None, row
        if row["feature"] == "admin1":
            assert row["country"], row


def test_every_region_name_resolves_to_its_row(gaz: Gazetteer) -> None:
    for row in _tsv_rows("regions.tsv"):
        for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
            found = gaz.candidates(name)
            assert any(p.lat == float(row["lat"]) and p.lon == float(row["lon"]) for p in found), (
                name
            )


# -- toponyms -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "context", "country", "feature"),
    [
        ("Niger", (), "NER", "country"),
        ("Nigeria", (), "NGA", "country"),
        ("Congo", (), "COD", "country"),
        ("Republic of the Congo", (), "COG", "country"),
        ("Kosovo", (), "KOS", "country"),
        ("Georgia", (), "GEO", "country"),
        ("Georgia", ("USA",), "USA", "admin1"),
        ("Georgia", ("GEO", "USA"), "GEO", "country"),
        ("Georgia", ("USA", "RUS", "GEO"), "GEO", "country"),
        ("Tripoli", (), "LBY", "city"),
        ("Tripoli", ("LBY",), "LBY", "city"),
        ("Tripoli", ("LBN",), "LBN", "city"),
        ("Tripoli", ("SYR", "LBN"), "LBN", "city"),
        ("Homs", ("SYR",), "SYR", "city"),
        ("Homs, Syria", (), "SYR", "city"),
        ("Paris", (), "FRA", "city"),
        ("Paris", ("USA",), "USA", "city"),
        ("Libyan", (), "LBY", "country"),
        ("Gaza Strip", (), "PSE", "region"),
        ("the Sahel", (), None, "region"),
        ("Darfur", (), "SDN", "region"),
        ("Ky.", (), "USA", "admin1"),
        ("Europe", (), None, "region"),
    ],
)
def test_resolve(
    gaz: Gazetteer, name: str, context: tuple[str, ...], country: str | None, feature: str
) -> None:
    place = gaz.resolve(name, context=context)
    assert place is not None
    assert (place.country, place.feature) == (country, feature)


def test_resolve_tripoli_coordinates_follow_context(gaz: Gazetteer) -> None:
    libya = gaz.resolve("Tripoli", context=["LBY"])
    lebanon = gaz.resolve("Tripoli", context=["LBN"])
    assert libya is not None and 32 < libya.lat < 33.5 and 12.5 < libya.lon < 14
    assert lebanon is not None and 34 < lebanon.lat < 35 and 35.5 < lebanon.lon < 36.5


def test_qualifier_names_a_us_state(gaz: Gazetteer) -> None:
    georgia = gaz.resolve("Columbus, Ga.")
    ohio = gaz.resolve("Columbus", context=["USA", "Ohio"])
    assert georgia is not None and (georgia.country, georgia.admin1) == ("USA", "GA")
    assert ohio is not None and (ohio.country, ohio.admin1) == ("USA", "OH")


def test_us_county_lands_in_its_state(gaz: Gazetteer) -> None:
    fairfax = gaz.resolve("Fairfax County")
    assert fairfax is not None and (fairfax.country, fairfax.admin1) == ("USA", "VA")
    washington = gaz.resolve("Washington County", context=["USA", "Ore."])
    assert washington is not None and washington.admin1 == "OR"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Tillaberi", "Tillabéri"), ("Tillabéri", "Tillabéri"), ("Sao Paulo", "São Paulo")],
)
def test_ascii_folding(gaz: Gazetteer, query: str, expected: str) -> None:
    assert expected in {p.name for p in gaz.candidates(query)}


def test_fold() -> None:
    assert fold("Côte d’Ivoire") == fold("Cote d'Ivoire") == "cote divoire"
    assert fold("St. Louis") == fold("Saint Louis")
    assert fold("The Gambia") == "gambia"
    assert fold("  Guinea-Bissau ") == "guinea bissau"


def test_unknown_names(gaz: Gazetteer) -> None:
    assert gaz.resolve("Xyzzyquux") is None
    assert gaz.candidates("Xyzzyquux") == []
    assert gaz.resolve("") is None
    assert gaz.resolve("Xyzzyquux, Syria") is None


def test_candidates_rank_without_context(gaz: Gazetteer) -> None:
    tripolis = gaz.candidates("Tripoli")
    assert [p.country for p in tripolis[:2]] == ["LBY", "LBN"]
    assert all(p.name for p in tripolis)
    georgia = {(p.country, p.feature) for p in gaz.candidates("Georgia")}
    assert {("GEO", "country"), ("USA", "admin1")} <= georgia
