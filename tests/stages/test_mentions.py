"""The mentions stage: spaCy's entities, corrected and extended by gazetteers and lexicons."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document
from eventwire.stages.mentions import NearNames


def _ents(doc: Document) -> dict[str, tuple[str, str | None]]:
    return {e.text: (e.label, e.country) for e in doc.entities}


@pytest.mark.parametrize(
    ("text", "mention", "label", "country"),
    [
        ("Niger closed its borders after the coup.", "Niger", "GPE", "NER"),
        ("Nigeria and Benin reopened the crossing.", "Nigeria", "GPE", "NGA"),
        ("Nigerien soldiers guarded the palace.", "Nigerien", "NORP", "NER"),
        ("Nigerian police arrested the suspects.", "Nigerian", "NORP", "NGA"),
        ("Rebels advanced on Goma in the DRC.", "DRC", "GPE", "COD"),
        ("The Ivory Coast government protested.", "Ivory Coast", "GPE", "CIV"),
        ("Tripoli said the talks would resume.", "Tripoli", "GPE", "LBY"),
        ("The WHO warned of a cholera outbreak.", "WHO", "ORG", "UNO"),
        ("ECOWAS leaders met in Abuja on Sunday.", "ECOWAS", "ORG", "IGO"),
        ("The FDLR attacked a village in North Kivu.", "FDLR", "ORG", "RWA"),
    ],
)
def test_gazetteer_codes_the_mention(
    code: Callable[..., Document], text: str, mention: str, label: str, country: str
) -> None:
    assert _ents(code(text))[mention] == (label, country)


def test_who_the_pronoun_is_not_the_organisation(code: Callable[..., Document]) -> None:
    doc = code("The minister, who arrived on Monday, met the envoy.")
    assert "who" not in _ents(doc)


def test_a_title_before_a_name_is_its_own_mention(code: Callable[..., Document]) -> None:
    doc = code("Foreign Minister Najla Mangoush met the envoy in Tripoli.")
    ents = {e.text: e for e in doc.entities}
    assert ents["Foreign Minister"].label == "TITLE" and ents["Foreign Minister"].sector == "GOV"
    assert ents["Najla Mangoush"].label == "PERSON"


def test_jordan_the_person_keeps_his_name(code: Callable[..., Document]) -> None:
    doc = code("Mr. Jordan told reporters the plan was sound. Jordan closed its border with Syria.")
    labels = [(e.text, e.label, e.start) for e in doc.entities if e.text == "Jordan"]
    assert labels[0][1] == "PERSON"
    assert labels[1][1] == "GPE"


@pytest.mark.parametrize(
    ("text", "role", "sector"),
    [
        ("The junta dissolved parliament.", "junta", "MIL"),
        ("Gunmen stormed the hotel.", "Gunmen", "UAF"),
        ("Protesters blocked the highway.", "Protesters", "OPP"),
        ("Riot police fired tear gas.", "Riot police", "COP"),
        ("State television broadcast the statement.", "State television", "JRN"),
        ("The former president was arrested.", "former president", "ELI"),
    ],
)
def test_roles_carry_their_sector(
    code: Callable[..., Document], text: str, role: str, sector: str
) -> None:
    [ent] = [e for e in code(text).entities if e.text == role]
    assert (ent.label, ent.sector) == ("TITLE", sector)


def test_entities_have_unique_ids_and_true_offsets(code: Callable[..., Document]) -> None:
    text = "Libya's Foreign Minister, Najla Mangoush, met U.S. envoy Richard Norland in Tripoli."
    doc = code(text)
    assert len({e.id for e in doc.entities}) == len(doc.entities)
    for e in doc.entities:
        assert text[e.start : e.end] == e.text


def test_a_misspelt_country_spacy_found_is_that_country(code: Callable[..., Document]) -> None:
    doc = code("Pakistan rejected a fresh offer from Afganistan for direct talks.")
    found = [e for e in doc.entities if e.text == "Afganistan"]
    assert found and found[0].country == "AFG"


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Afganistan", "AFG"),  # a letter dropped
        ("Lebannon", "LBN"),  # a letter added
        ("Ukranie", "UKR"),  # two letters swapped
        ("Jordon", "JOR"),  # a letter changed
        ("Ethiopia", None),  # spelt right: the exact lists answer, not this
        ("Olivia", None),  # the first letter differs (Bolivia)
        ("Prussia", None),  # ... as here (Russia)
        ("Niger", None),  # too short to tell a slip from another name
    ],
)
def test_near_names_finds_one_slip(word: str, country: str | None) -> None:
    names = [
        ("Afghanistan", "AFG"), ("Lebanon", "LBN"), ("Ukraine", "UKR"), ("Jordan", "JOR"),
        ("Ethiopia", "ETH"), ("Bolivia", "BOL"), ("Russia", "RUS"), ("Nigeria", "NGA"),
    ]
    assert NearNames(names).get(word) == country


def test_near_names_gives_nothing_when_two_names_are_as_near() -> None:
    assert NearNames([("Austria", "AUT"), ("Austrie", "XXX")]).get("Austrin") is None


def test_a_capital_qualified_by_another_country_is_that_countrys_town(
    code: Callable[..., Document],
) -> None:
    doc = code("The mayor of Tripoli, Lebanon, resigned on Monday.")
    tripoli = next(e for e in doc.entities if e.text == "Tripoli")
    assert (tripoli.country, tripoli.sector) == ("LBN", None)
