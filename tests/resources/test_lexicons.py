"""Tests for the lexicon loaders: packaged files load, key lookups hold, bad rows are named."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from eventwire.ontology import EVENT_TYPES, MODES, SECTORS
from eventwire.resources.lexicons import (
    LexiconError,
    load_organisations,
    load_roles,
    load_triggers,
    organisation_index,
    parse_organisations,
    parse_roles,
    parse_triggers,
)

ROLE_HEADER = "phrase\tsector\tkind\tformer\n"
ORG_HEADER = "name\taliases\tcountry\tsector\n"
TRIGGER_HEADER = "lemma\tpos\tevent_type\tmode\tcue\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- packaged files


def test_packaged_lexicons_load_with_enough_rows() -> None:
    assert len(load_roles()) >= 300
    assert len(load_organisations()) >= 250
    assert sum(len(v) for v in load_triggers().values()) >= 400


def test_loaders_are_cached() -> None:
    assert load_roles() is load_roles()
    assert organisation_index() is organisation_index()
    assert load_triggers() is load_triggers()


def test_every_event_type_is_covered() -> None:
    counts = {t: 0 for t in EVENT_TYPES}
    for triggers in load_triggers().values():
        for trigger in triggers:
            counts[trigger.event_type] += 1
    big = {
        "ASSAULT",
        "COERCE",
        "ACCUSE",
        "REQUEST",
        "REJECT",
        "THREATEN",
        "AGREE",
        "CONSULT",
        "SUPPORT",
    }
    for event_type, count in counts.items():
        assert count >= (25 if event_type in big else 12), event_type


def test_trigger_modes_and_role_sectors_are_valid() -> None:
    for triggers in load_triggers().values():
        for trigger in triggers:
            assert trigger.mode is None or trigger.mode in MODES[trigger.event_type]
    for role in load_roles().values():
        assert role.sector in SECTORS
        assert not role.former or role.sector == "ELI"


@pytest.mark.parametrize(
    ("phrase", "sector", "kind", "former"),
    [
        ("foreign minister", "GOV", "title", False),
        ("minister of foreign affairs", "GOV", "title", False),
        ("foreign ministry", "GOV", "org", False),
        ("junta", "MIL", "group", False),
        ("presidential guard", "MIL", "group", False),
        ("riot police", "COP", "group", False),
        ("gunmen", "UAF", "group", False),
        ("rebels", "REB", "group", False),
        ("state television", "JRN", "org", False),
        ("supreme court", "JUD", "org", False),
        ("opposition leader", "OPP", "title", False),
        ("refugees", "REF", "group", False),
        ("traffickers", "CRM", "group", False),
        ("former president", "ELI", "title", True),
        ("ousted", "ELI", "title", True),
    ],
)
def test_role_lookup(phrase: str, sector: str, kind: str, former: bool) -> None:
    role = load_roles()[phrase]
    assert (role.sector, role.kind, role.former) == (sector, kind, former)


@pytest.mark.parametrize(
    ("key", "country", "sector"),
    [
        ("FDLR", "RWA", "REB"),
        ("WHO", "UNO", "MED"),
        ("Hamas", "PSE", "REB"),
        ("Hezbollah", "LBN", "REB"),
        ("Ansar Allah", "YEM", "REB"),
        ("Daesh", "IMG", "REB"),
        ("M23", "COD", "REB"),
        ("CJNG", "MEX", "CRM"),
        ("Tatmadaw", "MMR", "MIL"),
        ("CNSP", "NER", "MIL"),
        ("MONUSCO", "UNO", "MIL"),
        ("ECOWAS", "IGO", "GOV"),
        ("European Commission", "EUR", "GOV"),
        ("u.n.", "UNO", "GOV"),
        ("Doctors Without Borders", "NGO", "MED"),
        ("FSB", "RUS", "SPY"),
    ],
)
def test_organisation_lookup(key: str, country: str, sector: str) -> None:
    org = organisation_index()[key.casefold()]
    assert (org.country, org.sector) == (country, sector)


def test_organisation_index_covers_names_and_aliases() -> None:
    index = organisation_index()
    un = index["united nations"]
    assert un.name == "United Nations"
    assert "UN" in un.aliases
    assert index["un"] is un


@pytest.mark.parametrize(
    ("lemma", "pos", "cue", "event_type", "mode"),
    [
        ("airstrike", "NOUN", None, "ASSAULT", "aerial"),
        ("call", "VERB", "for", "REQUEST", None),
        ("call", "NOUN", None, "CONSULT", "phone"),
        ("sanction", "NOUN", "impose", "SANCTION", None),
        ("open fire", "VERB", None, "ASSAULT", "firearms"),
        ("talk", "NOUN", None, "CONSULT", None),
        ("curfew", "NOUN", None, "COERCE", "curfew"),
        ("coup", "NOUN", None, "COERCE", "seize"),
        ("kidnapping", "NOUN", None, "ASSAULT", "abduct"),
        ("ceasefire", "NOUN", "declare", "CONCEDE", None),
        ("condemnation", "NOUN", None, "ACCUSE", "disapprove"),
        ("ultimatum", "NOUN", None, "THREATEN", None),
    ],
)
def test_trigger_lookup(
    lemma: str, pos: str, cue: str | None, event_type: str, mode: str | None
) -> None:
    matches = [t for t in load_triggers()[(lemma, pos)] if t.cue == cue]
    assert [(t.event_type, t.mode) for t in matches] == [(event_type, mode)]


# ---------------------------------------------------------------- validation errors


def test_bad_role_sector_names_file_line_and_field(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "roles.tsv",
        "# comment\n" + ROLE_HEADER + "junta\tMIL\tgroup\t0\npresident\tXYZ\ttitle\t0\n",
    )
    with pytest.raises(LexiconError) as info:
        parse_roles(path)
    message = str(info.value)
    assert "roles.tsv" in message and "line 4" in message and "'sector'" in message
    assert (info.value.line, info.value.field) == (4, "sector")
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("President\tGOV\ttitle\t0", "phrase"),
        ("president\tGOV\tperson\t0", "kind"),
        ("president\tGOV\ttitle\tyes", "former"),
        ("former president\tGOV\ttitle\t1", "sector"),
        ("president\tGOV\ttitle", "former"),
        ("junta\tMIL\tgroup\t0", "phrase"),
    ],
)
def test_bad_role_rows(tmp_path: Path, row: str, field: str) -> None:
    path = _write(tmp_path, "roles.tsv", ROLE_HEADER + "junta\tMIL\tgroup\t0\n" + row + "\n")
    with pytest.raises(LexiconError) as info:
        parse_roles(path)
    assert (info.value.line, info.value.field) == (3, field)


def test_bad_header_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "roles.tsv", "phrase\tsector\n")
    with pytest.raises(LexiconError, match=r"roles\.tsv: line 1: field 'header'"):
        parse_roles(path)


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("Hamas\t\tXX\tREB", "country"),
        ("Hamas\t\tPSE\tTERROR", "sector"),
        ("Hamas\tHAMAS|\tPSE\tREB", "aliases"),
        ("Hezbollah\tUN\tLBN\tREB", "aliases"),
        ("united nations\t\tUNO\tGOV", "name"),
    ],
)
def test_bad_organisation_rows(tmp_path: Path, row: str, field: str) -> None:
    path = _write(tmp_path, "orgs.tsv", ORG_HEADER + "United Nations\tUN|U.N.\tUNO\tGOV\n" + row)
    with pytest.raises(LexiconError) as info:
        parse_organisations(path)
    assert "orgs.tsv" in str(info.value)
    assert (info.value.line, info.value.field) == (3, field)


def test_a_name_is_unique_across_organisation_files(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.tsv", ORG_HEADER + "United Nations\tUN\tUNO\tGOV\n")
    (tmp_path / "b").mkdir()
    second = _write(tmp_path / "b", "b.tsv", ORG_HEADER + "Union Nationale\tUN\tFRA\tPTY\n")
    owners: dict[str, tuple[str, int]] = {}
    assert [o.name for o in parse_organisations(first, owners=owners)] == ["United Nations"]
    with pytest.raises(LexiconError) as info:
        parse_organisations(second, owners=owners)
    assert "b.tsv" in str(info.value) and "United Nations (a.tsv)" in str(info.value)
    assert (info.value.line, info.value.field) == (2, "aliases")


def test_packaged_organisations_include_the_orgs_folder() -> None:
    organisations = load_organisations()
    by_sector = Counter(o.sector for o in organisations if o.as_written)
    # parties, armed forces, security services and police of the orgs/ folder
    assert by_sector["PTY"] >= 500 and by_sector["MIL"] >= 300
    assert by_sector["SPY"] >= 50 and by_sector["COP"] >= 100
    assert not any(o.as_written for o in organisations if o.name == "United Nations")


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("attack\tADJ\tASSAULT\t\t", "pos"),
        ("attack\tVERB\tFIGHT\t\t", "event_type"),
        ("attack\tVERB\tASSAULT\tphone\t", "mode"),
        ("call\tVERB\tREQUEST\t\tfor the", "cue"),
        ("call\tVERB\tREQUEST\t\tfor", "cue"),
        ("Attack\tVERB\tASSAULT\t\t", "lemma"),
    ],
)
def test_bad_trigger_rows(tmp_path: Path, row: str, field: str) -> None:
    good = "call\tVERB\tREQUEST\t\tfor\n"
    path = _write(tmp_path, "triggers.tsv", TRIGGER_HEADER + good + row + "\n")
    with pytest.raises(LexiconError) as info:
        parse_triggers(path)
    message = str(info.value)
    assert "triggers.tsv" in message and "line 3" in message and f"'{field}'" in message


def test_parse_triggers_groups_by_lemma_and_pos(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "triggers.tsv",
        "# header comment\n\n" + TRIGGER_HEADER + "call\tVERB\tREQUEST\t\tfor\n"
        "call\tNOUN\tCONSULT\tphone\t\ncall\tNOUN\tREQUEST\t\tfor\n",
    )
    triggers = parse_triggers(path)
    assert [t.event_type for t in triggers[("call", "NOUN")]] == ["CONSULT", "REQUEST"]
    assert triggers[("call", "NOUN")][0].mode == "phone"
    assert triggers[("call", "NOUN")][0].cue is None
