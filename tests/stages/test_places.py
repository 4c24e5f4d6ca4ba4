"""Tests of the places stage through the whole pipeline, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document, Event, Place

Code = Callable[..., Document]


def place_named(doc: Document, surface: str) -> Place:
    """The place one of whose mentions reads ``surface``."""
    found = [p for p in doc.places if any(m.text == surface for m in p.mentions)]
    assert found, f"no place mentioned as {surface!r} in {[p.name for p in doc.places]}"
    return found[0]


def event_at(doc: Document, trigger: str) -> Event:
    """The event whose trigger reads ``trigger``."""
    found = [e for e in doc.events if e.trigger is not None and e.trigger.text == trigger]
    assert found, f"no event triggered by {trigger!r} in {[e.trigger for e in doc.events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Libya's unity government said militias clashed in Tripoli on Monday. "
            "Libyan officials said the fighting in the capital had stopped.",
            "LBY",
        ),
        (
            "Lebanon's army deployed troops in Tripoli after clashes between rival groups. "
            "Lebanese officials in Beirut called for calm.",
            "LBN",
        ),
    ],
    ids=["libya-story", "lebanon-story"],
)
def test_tripoli_follows_the_story_country(code: Code, text: str, country: str) -> None:
    assert place_named(code(text), "Tripoli").country == country


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Fighting broke out in Homs, Syria, on Tuesday.", "Homs", "SYR"),
        # The qualifier outweighs a story that names Libya more often.
        (
            "Libya's government met on Monday. Libya said protesters marched in "
            "Tripoli, Lebanon, on Friday.",
            "Tripoli",
            "LBN",
        ),
    ],
    ids=["homs-syria", "tripoli-lebanon"],
)
def test_explicit_qualifier_decides(code: Code, text: str, surface: str, country: str) -> None:
    assert place_named(code(text), surface).country == country


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("Nigerien soldiers patrolled the border on Sunday.", "Nigerien", "NER"),
        ("Protests erupted in Niger on Friday.", "Niger", "NER"),
        ("Malian troops and Chadian forces met in Mali on Friday.", "Chadian", "TCD"),
        # a country's name alone: a village of the name elsewhere cannot outvote it
        ("The transitional authorities in Chad promised a national dialogue.", "Chad", "TCD"),
    ],
    ids=["demonym", "country-name", "second-demonym", "country-named-like-a-village"],
)
def test_demonyms_and_country_names_are_countries(
    code: Code, text: str, surface: str, country: str
) -> None:
    place = place_named(code(text), surface)
    assert (place.country, place.feature) == (country, "country")
    assert place.lat is not None and place.lon is not None


def test_unknown_toponym_does_not_stop_the_others(code: Code) -> None:
    doc = code(
        "Rebels attacked an army post in the village of Zorbatukka and in Kidal on Monday. "
        "Troops later shelled Gao."
    )
    unknown = place_named(doc, "Zorbatukka")
    assert (unknown.geonameid, unknown.lat, unknown.lon) == (None, None, None)
    assert place_named(doc, "Kidal").country == "MLI"
    assert place_named(doc, "Gao").country == "MLI"


@pytest.mark.parametrize(
    ("text", "trigger", "where"),
    [
        ("Clashes in Agadez killed three soldiers on Monday.", "killed", "Agadez"),
        ("Clashes in Tripoli killed five people on Monday.", "killed", "Tripoli"),
        ("Soldiers clashed with protesters in Zinder on Monday.", "clashed", "Zinder"),
        # The place in the event's own clause, not the one describing its actors.
        (
            "Farmers from Kenya marched on Friday in Kampala against the new tariffs.",
            "marched",
            "Kampala",
        ),
    ],
    ids=["clashes-in-agadez", "clashes-in-tripoli", "clashed-in-zinder", "own-clause"],
)
def test_event_is_placed_in_its_clause(code: Code, text: str, trigger: str, where: str) -> None:
    doc = code(text)
    assert event_at(doc, trigger).location == place_named(doc, where).id


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Rebels attacked an army post near Kidal on Monday. "
            "The government condemned the attack on Tuesday.",
            "condemned",
        ),
        # A dateline says where the story was filed, not where the event happened.
        ("NIAMEY, July 27 — The junta rejected the proposal.", "rejected"),
        # A capital acting is an actor, not a place.
        ("Tripoli rejected the proposal on Monday.", "rejected"),
    ],
    ids=["other-sentence", "dateline", "capital-as-actor"],
)
def test_event_without_a_place_has_no_location(code: Code, text: str, trigger: str) -> None:
    doc = code(text)
    assert doc.places, "the story names a place elsewhere"
    assert event_at(doc, trigger).location is None


@pytest.mark.parametrize(
    "text",
    ["NIAMEY, July 27 — The junta rejected the proposal.", "niamey, july 27 — talks failed."],
    ids=["capitals", "lower-case"],
)
def test_datelines_are_places(code: Code, text: str) -> None:
    place = place_named(code(text), text.split(",")[0])
    assert (place.name, place.country) == ("Niamey", "NER")


def test_mentions_match_the_text(code: Code) -> None:
    text = (
        "AGADEZ, Niger, July 27 — Soldiers clashed with rebels near Agadez on Monday.\n"
        "Nigerien officials in Niamey said the fighting spread to the Algerian border, and "
        "Mali's army moved troops to Gao, Mali."
    )
    doc = code(text)
    mentions = [m for p in doc.places for m in p.mentions]
    assert len(mentions) >= 6
    for m in mentions:
        assert text[m.start : m.end] == m.text
    starts = [m.start for m in mentions]
    assert len(starts) == len(set(starts)), "a stretch of text is one place's mention only"
    assert {"AGADEZ", "Agadez", "Niamey", "Gao"} <= {m.text for m in mentions}
