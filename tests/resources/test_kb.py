"""Tests for the bundled actor KB: the packaged files load, names and surnames index, bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import LexiconError
from eventwire.model import ActorLookup
from eventwire.resources.kb import BundledKB, name_key, parse_kb

HEADER = (
    "# people_test.tsv: office holders written for this test.\n"
    "# Written for eventwire, CC0. Date reviewed: 2025-03-01 (facts as known to the writer).\n"
    "name\taliases\tcountry\tsector\toffice\tstart\tend\n"
)
# Our own people: two share a surname, one has a surname that is an English word.
PEOPLE = (
    "Aigerim Tulegenova\t\tKAZ\tGOV\tForeign Minister\t2021-03\t\n"
    "Aigerim Tulegenova\t\tKAZ\tLEG\tChairwoman of the Senate\t2015\t2021-02-28\n"
    "Kenji Sato\t\tJPN\tGOV\tDefence Minister\t2019-09-11\t2020-09-16\n"
    "Haruto Sato\t\tJPN\tMIL\tChief of Staff\t2020\t\n"
    "Peter Baker\tP. Baker\tGBR\tGOV\tHome Secretary\t2018-04-30\t2019-07-24\n"
    "Mele Tupou\tMele Tupou-Fifita\tTON\tGOV\tPrime Minister\t2014-12-30\t2019-09-12\n"
    "Ana Kauhalalalo\tKauhalalalo\tTON\tOPP\tOpposition leader\t2019\t\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small_kb(tmp_path: Path) -> BundledKB:
    _write(tmp_path, "people_test.tsv", HEADER + PEOPLE)
    return BundledKB([tmp_path], common_words={"baker", "brown"})


# ---------------------------------------------------------------- the packaged KB


def test_packaged_kb_loads_every_file() -> None:
    kb = BundledKB()
    assert isinstance(kb, ActorLookup)
    assert len(kb) >= 5000
    assert set(kb.reviewed_by_file) >= {
        "people_asia_oceania.tsv",
        "people_africa_mideast.tsv",
        "people_europe_americas.tsv",
    }
    assert kb.reviewed is not None and kb.reviewed == min(kb.reviewed_by_file.values())


def test_packaged_kb_is_read_once_per_process() -> None:
    assert BundledKB()._index is BundledKB()._index


@pytest.mark.parametrize(
    ("name", "person", "country"),
    [
        ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", "KAZ"),
        ("TOKAYEV", "Kassym-Jomart Tokayev", "KAZ"),  # any case
        ("Kassym-Jomart Tokaev", "Kassym-Jomart Tokayev", "KAZ"),  # an alias
        ("Erdogan", "Recep Tayyip Erdoğan", "TUR"),  # without the accent
        ("Ashimbayev", "Maulen Ashimbayev", "KAZ"),  # a unique surname the file does not list
    ],
)
def test_packaged_names_aliases_and_surnames(name: str, person: str, country: str) -> None:
    facts = BundledKB().facts(name)
    assert {f.name for f in facts} == {person}
    assert country in {f.country for f in facts}
    assert all(f.origin == "bundled" and f.source for f in facts)


@pytest.mark.parametrize("name", ["Brown", "May", "Jordan", "Georgia", "Niger", "Smith"])
def test_packaged_kb_does_not_know_words_and_countries(name: str) -> None:
    # Gordon Brown and Theresa May are in the KB; a bare "Brown" or "May" is not them.
    assert BundledKB().facts(name) == []


def test_spellings_of_one_person_across_files_are_one_person() -> None:
    assert {f.name for f in BundledKB().facts("Volkan Bozkir")} == {
        f.name for f in BundledKB().facts("Volkan Bozkır")
    }


# ---------------------------------------------------------------- indexing rules


def test_rows_become_facts(small_kb: BundledKB) -> None:
    facts = small_kb.facts("aigerim tulegenova")
    assert [(f.country, f.sector, f.title, f.start, f.end) for f in facts] == [
        ("KAZ", "GOV", "Foreign Minister", "2021-03", None),
        ("KAZ", "LEG", "Chairwoman of the Senate", "2015", "2021-02-28"),
    ]
    assert facts[0].source == "people_test.tsv:4"
    assert small_kb.reviewed == "2025-03-01"


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Tulegenova", "Aigerim Tulegenova"),  # unique surname
        ("Sato", None),  # two people share it
        ("Baker", None),  # an English word
        ("P. Baker", "Peter Baker"),  # an alias still works
        ("Tupou", "Mele Tupou"),  # unique surname of a name with a hyphenated alias
        ("Kauhalalalo", "Ana Kauhalalalo"),
    ],
)
def test_surnames_only_when_unique_and_not_a_word(
    small_kb: BundledKB, name: str, person: str | None
) -> None:
    assert {f.name for f in small_kb.facts(name)} == ({person} if person else set())


def test_every_tsv_in_the_folder_is_read(tmp_path: Path) -> None:
    _write(tmp_path, "people_a.tsv", HEADER + PEOPLE)
    _write(tmp_path, "people_b.tsv", HEADER + "Lucía Ferreyra\t\tARG\tGOV\tPresident\t2024\t\n")
    _write(tmp_path, "notes.txt", "not a KB file")
    kb = BundledKB([tmp_path], common_words=())
    assert kb.facts("Lucia Ferreyra")[0].source == "people_b.tsv:4"
    assert set(kb.reviewed_by_file) == {"people_a.tsv", "people_b.tsv"}


def test_name_key_folds_case_accents_and_typography() -> None:
    assert name_key("  Recep Tayyip  ERDOĞAN ") == "recep tayyip erdogan"
    assert name_key("Taufa’ahau Tupou IV") == name_key("Taufa'ahau Tupou IV")


# ---------------------------------------------------------------- bad rows


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("Kenji Sato\t\tJPX\tGOV\tDefence Minister\t2019\t", "country"),
        ("Kenji Sato\t\tJPN\tMINISTER\tDefence Minister\t2019\t", "sector"),
        ("Kenji Sato\t\tJPN\tGOV\t\t2019\t", "office"),
        ("Kenji Sato\t\tJPN\tGOV\tDefence Minister\t\t", "start"),
        ("Kenji Sato\t\tJPN\tGOV\tDefence Minister\t2019-13\t", "start"),
        ("Kenji Sato\t\tJPN\tGOV\tDefence Minister\t2019-02-30\t", "start"),
        ("Kenji Sato\t\tJPN\tGOV\tDefence Minister\t2019\tlast year", "end"),
        ("Kenji Sato\t\tJPN\tGOV\tDefence Minister\t2019-09\t2018", "end"),
        ("Kenji Sato\tSato||K. Sato\tJPN\tGOV\tDefence Minister\t2019\t", "aliases"),
        ("\t\tJPN\tGOV\tDefence Minister\t2019\t", "name"),
        ("Kenji Sato\t\tJPN\tGOV\tDefence Minister\t2019", "end"),  # a column short
        ("Kenji Sato \t\tJPN\tGOV\tDefence Minister\t2019\t", "name"),  # stray space
        ("Aigerim Tulegenova\t\tKAZ\tGOV\tForeign Minister\t2021-03\t", "name"),  # repeated
    ],
)
def test_bad_row_names_file_line_and_field(tmp_path: Path, row: str, field: str) -> None:
    path = _write(tmp_path, "people_bad.tsv", HEADER + PEOPLE + row + "\n")
    with pytest.raises(LexiconError) as err:
        BundledKB([path], common_words=())
    assert (err.value.source, err.value.line, err.value.field) == (str(path), 11, field)
    assert "people_bad.tsv: line 11" in str(err.value)


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        (HEADER.replace("Date reviewed: 2025-03-01 ", ""), 1, "Date reviewed"),
        (HEADER.replace("2025-03-01", "2025-02-31"), 2, "Date reviewed"),
        (HEADER.replace("office\t", "post\t"), 3, "header"),
    ],
)
def test_bad_header(tmp_path: Path, text: str, line: int, field: str) -> None:
    path = _write(tmp_path, "people_bad.tsv", text + PEOPLE)
    with pytest.raises(LexiconError) as err:
        parse_kb(path)
    assert (err.value.line, err.value.field) == (line, field)
