"""The Wikidata importer on a miniature dump in the dump's real format (tests/data)."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest

from eventwire.errors import IngestError
from eventwire.ingest.wikidata import ImportCounts, position_sector, read_wikidata

DUMP = Path(__file__).resolve().parents[1] / "data" / "wikidata_sample.json"


def _by_name(path: Path = DUMP) -> dict[str, list[tuple[object, ...]]]:
    out: dict[str, list[tuple[object, ...]]] = {}
    for f in read_wikidata(path):
        out.setdefault(f.name, []).append((f.country, f.sector, f.title, f.start, f.end, f.source))
    return out


def test_positions_held_become_dated_facts_with_the_positions_country():
    facts = _by_name()
    assert sorted(facts["Amara Okonkwo-Diallo"]) == [
        (
            "NER",
            "GOV",
            "Minister of Foreign Affairs of Niger",
            "2019-04-02",
            "2023-06-30",
            "Q900001",
        ),
        ("NER", "GOV", "Prime Minister of Niger", "2023-07-01", None, "Q900001"),
    ]
    # Aliases get the same facts.
    assert len(facts["A. Okonkwo-Diallo"]) == 2


def test_year_precision_and_deprecated_statements():
    [fact] = _by_name()["Teodor Vasilescu-Brandt"]
    assert fact == (
        "ROU",
        "MIL",
        "Chief of the General Staff of Romania",
        "2015",
        "2021",
        "Q900002",
    )


def test_organisations_by_type_and_people_without_office():
    facts = _by_name()
    assert facts["FLEH"] == [("NER", "REB", None, None, None, "Q600001")]
    assert facts["National Renewal Party"][0][:2] == ("ROU", "PTY")
    assert facts["Organisation of Coastal States"][0][:2] == ("IGO", "GOV")
    assert "Person Without Office" not in facts


@pytest.mark.parametrize("suffix", [".json.gz", ".json.bz2"])
def test_compressed_dumps_read_the_same(tmp_path: Path, suffix: str):
    path = tmp_path / f"dump{suffix}"
    opener = gzip.open if suffix.endswith("gz") else bz2.open
    with opener(path, "wb") as fh:
        fh.write(DUMP.read_bytes())
    assert _by_name(path) == _by_name()


def test_a_bad_line_is_counted_and_the_rest_kept(tmp_path: Path):
    lines = DUMP.read_text().splitlines()
    lines.insert(3, '{"type": "item", "id": "Q1", broken')
    path = tmp_path / "dump.json"
    path.write_text("\n".join(lines))
    counts = ImportCounts()
    facts = list(read_wikidata(path, counts=counts))
    assert counts.skipped_lines == [
        f"{path}:4: not JSON (Expecting property name enclosed in double quotes)"
    ]
    assert counts.people == 2 and len(facts) == len(list(read_wikidata(DUMP)))


def test_a_damaged_compressed_dump_names_the_file(tmp_path: Path):
    path = tmp_path / "dump.json.gz"
    path.write_bytes(b"\x1f\x8b not really gzip")
    with pytest.raises(IngestError, match=r"dump.json.gz: is damaged or not a dump file"):
        list(read_wikidata(path))


@pytest.mark.parametrize(
    ("label", "sector"),
    [
        ("President of Ghana", "GOV"),
        ("Minister of Defence of Chad", "GOV"),
        ("Chief of the General Staff of Romania", "MIL"),
        ("judge of the Supreme Court of Kenya", "JUD"),
        ("member of the National Assembly of Niger", "LEG"),
        ("Director of the National Intelligence Service", "SPY"),
        ("Inspector-General of Police", "COP"),
        ("honorary citizen", None),
    ],
)
def test_position_labels_map_to_sectors(label: str, sector: str | None):
    assert position_sector(label) == sector
