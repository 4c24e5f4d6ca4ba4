"""The parties stage: who an event's place stands for when the text names no one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Actor, Document, Event

# The names this stage gives the parties it makes.
_MADE = (
    "people of",
    "unidentified attackers in",
    "authorities in",
    "government in",
    "government of",
)


def _event(doc: Document, event_type: str) -> Event:
    found = [e for e in doc.events if e.event_type == event_type]
    assert found, f"no {event_type} event: {[e.event_type for e in doc.events]}"
    return found[0]


def _actors(doc: Document, ids: list[str]) -> list[Actor]:
    return [a for a in (doc.actor(i) for i in ids) if a is not None]


@pytest.mark.parametrize(
    ("text", "country", "place"),
    [
        ("A car bomb exploded near a market in Mosul, killing nine shoppers.", "IRQ", "Mosul"),
        ("Two policemen were shot dead outside the town of Kidal on Tuesday.", "MLI", "Kidal"),
        ("A roadside bomb near the city of Kandahar killed three soldiers.", "AFG", "Kandahar"),
    ],
)
def test_an_attack_no_one_is_named_for_is_by_unidentified_attackers(
    code: Callable[..., Document], text: str, country: str, place: str
) -> None:
    doc = code(text)
    (attacker,) = _actors(doc, _event(doc, "ASSAULT").actors)
    assert (attacker.country, attacker.sector, attacker.country_basis) == (country, "UAF", "place")
    assert [m.text for m in attacker.mentions] == [place]
    assert attacker.title is None  # nothing for the registry to learn


def test_a_named_attacker_is_kept(code: Callable[..., Document]) -> None:
    doc = code("Rebels ambushed a convoy near Kidal, killing four soldiers.")
    attackers = _actors(doc, _event(doc, "ASSAULT").actors)
    assert [a.sector for a in attackers] == ["REB"]
    assert all(a.country_basis != "place" for a in attackers)


@pytest.mark.parametrize(
    ("text", "event_type", "country", "place"),
    [
        (
            "The governor extended the night-time curfew in Kano until Friday.",
            "COERCE",
            "NGA",
            "Kano",
        ),
        (
            "The aid agency suspended food deliveries in Mogadishu after the looting.",
            "SANCTION",
            "SOM",
            "Mogadishu",
        ),
        (
            "Israeli troops remained on alert in the occupied West Bank.",
            "MOBILIZE",
            "PSE",
            "West Bank",
        ),
    ],
)
def test_an_event_without_recipient_falls_on_the_people_of_its_place(
    code: Callable[..., Document], text: str, event_type: str, country: str, place: str
) -> None:
    doc = code(text)
    (people,) = _actors(doc, _event(doc, event_type).recipients)
    assert (people.country, people.sector, people.country_basis) == (country, "CVL", "place")
    assert people.name == f"people of {place}"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # the place is where the speaker was, not what the threat is about
        ("Putin, speaking in Moscow, threatened to cut gas supplies.", "THREATEN"),
        # the place is the actor's own, in its title
        ("The governor of Lagos threatened to impose a curfew.", "THREATEN"),
        # troops on alert at home fall on no one
        ("Russian troops were put on high alert in Belgorod.", "MOBILIZE"),
        # talks and clashes are between parties, not on a place's people
        ("Clashes broke out in Tripoli on Monday.", "ASSAULT"),
        # the place says where the actor is from or serves, not where the event fell
        ("Police in Istanbul sealed off the square to prevent May Day gatherings.", "COERCE"),
        ("Medical teams from Cuba have been treating patients in Calabria.", "AID"),
        # a sea is no country's
        ("Iranian commandos seized an oil tanker in the Gulf of Oman.", "COERCE"),
    ],
)
def test_no_people_where_the_place_is_not_the_events(
    code: Callable[..., Document], text: str, event_type: str
) -> None:
    doc = code(text)
    event = _event(doc, event_type)
    assert all(a.country_basis != "place" for a in _actors(doc, event.recipients))
    assert not [a for a in doc.actors if a.name.startswith(_MADE)]


def test_a_bystander_takes_the_country_of_the_place_over_the_story(
    code: Callable[..., Document],
) -> None:
    doc = code("Palestinian gunmen killed four people in a cafe in the Israeli city of Haifa.")
    victims = _actors(doc, _event(doc, "ASSAULT").recipients)
    assert [(a.name, a.country, a.country_basis) for a in victims] == [("people", "ISR", "place")]


def test_one_actor_per_place_however_many_events(code: Callable[..., Document]) -> None:
    doc = code("A bomb killed two soldiers and wounded five others near the town of Samarra.")
    attackers = {i for e in doc.events if e.event_type == "ASSAULT" for i in e.actors}
    assert len(attackers) == 1
    assert len({a.id for a in doc.actors}) == len(doc.actors)


def test_a_name_describing_a_thing_is_no_place(code: Callable[..., Document]) -> None:
    doc = code("Hackers spread fabricated stories about a US-funded laboratory.")
    assert all(a.country_basis != "place" for a in doc.actors)


def test_a_bystander_of_no_known_country_takes_the_place(code: Callable[..., Document]) -> None:
    doc = code("Fighting between the army and Tuareg rebels killed 12 people near Kidal.")
    killed = next(e for e in doc.events if e.trigger and e.trigger.text == "killed")
    victims = _actors(doc, killed.recipients)
    assert [(a.name, a.country, a.country_basis) for a in victims] == [("people", "MLI", "place")]
    # those who fought are not bystanders: their country is not taken from the place
    fighters = _actors(doc, killed.actors)
    assert len(fighters) == 2
    assert all(a.country_basis != "place" for a in fighters)


@pytest.mark.parametrize(
    "text",
    [
        # a disaster, or a doer the lists do not know, is no unidentified attacker
        "Floods killed 100 people in Pakistan.",
        "A Palestinian stabbed two Israelis in Jerusalem, police said.",
        # where the rockets came from is not where they fell
        "Hezbollah fired rockets from Lebanon into northern Israel.",
    ],
)
def test_no_attackers_made_up(code: Callable[..., Document], text: str) -> None:
    doc = code(text)
    made = [a for a in doc.actors if a.country_basis == "place"]
    assert all(a.sector != "UAF" for a in made)
    assert all(a.country != "LBN" for a in made)


def test_a_person_arrested_is_not_the_people_of_the_place(
    code: Callable[..., Document],
) -> None:
    doc = code("Police arrested him in Lahore on Friday.")
    assert all(a.country_basis != "place" for a in doc.actors)


def test_a_known_nationality_is_kept(code: Callable[..., Document]) -> None:
    doc = code(
        "Two Japanese journalists were seized by Islamic State in 2014. "
        "The militants beheaded the hostages in Raqqa."
    )
    hostages = [a for a in doc.actors if a.name == "hostages"]
    assert hostages and all(a.country != "SYR" for a in hostages)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("About 200 supporters of the former president blocked roads in Algiers.", "DZA"),
        ("Contract teachers marched through Rabat carrying empty chalk boxes.", "MAR"),
    ],
)
def test_a_protest_aimed_at_no_one_named_is_aimed_at_the_government_there(
    code: Callable[..., Document], text: str, country: str
) -> None:
    doc = code(text)
    event = _event(doc, "PROTEST")
    assert [(a.country, a.sector, a.country_basis) for a in _actors(doc, event.recipients)] == [
        (country, "GOV", "place")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a protest that names whom it is against keeps it
        "Students protested in Paris against the Israeli ambassador.",
        # armed men, or no one named, making havoc of property press no claim on a government
        "The militia looted the central market in Kirkuk.",
        "The WFP said its warehouses in Khartoum had been looted.",
    ],
)
def test_no_government_is_made_for_a_named_or_armed_protest(
    code: Callable[..., Document], text: str
) -> None:
    doc = code(text)
    _event(doc, "PROTEST")
    assert not [a for a in doc.actors if a.name.startswith(_MADE)]


def test_protesters_of_unknown_country_are_of_the_place(code: Callable[..., Document]) -> None:
    doc = code("Workers went on strike in Lagos on Monday.")
    workers = next(a for a in doc.actors if a.name == "Workers")
    assert (workers.country, workers.country_basis) == ("NGA", "place")


@pytest.mark.parametrize(
    ("text", "event_type", "country"),
    [
        (
            "Iraq's interim government said it is prepared to impose martial law.",
            "THREATEN",
            "IRQ",
        ),
        ("The Thai government declared martial law on Tuesday.", "COERCE", "THA"),
    ],
)
def test_a_measure_with_no_place_falls_on_the_states_own_people(
    code: Callable[..., Document], text: str, event_type: str, country: str
) -> None:
    doc = code(text)
    event = _event(doc, event_type)
    assert [(a.country, a.sector) for a in _actors(doc, event.recipients)] == [(country, "CVL")]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Britain reopened its embassy in Damascus.", "SYR"),
        ("Italy recalled its ambassador in Paris.", "FRA"),
        (
            "Sri Lanka has established diplomatic ties with and opened an embassy in Tehran, the "
            "foreign ministry said.",
            "IRN",
        ),
    ],
)
def test_a_states_own_post_abroad_stands_for_the_host(
    code: Callable[..., Document], text: str, host: str
) -> None:
    doc = code(text)
    event = doc.events[0]
    assert [(a.country, a.sector) for a in _actors(doc, event.recipients)] == [(host, "GOV")]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # an attack on a post is on the post's country, not the host
        ("Gunmen attacked the French embassy in Niamey.", "French embassy"),
        # another state's envoy expelled from the host is that state's
        ("Russia expelled the British ambassador in Moscow.", "British ambassador"),
    ],
)
def test_a_post_acted_on_by_others_stays_the_post(
    code: Callable[..., Document], text: str, kept: str
) -> None:
    doc = code(text)
    names = [a.name for e in doc.events for a in _actors(doc, e.recipients)]
    assert kept in names


def test_others_diplomats_met_abroad_stay_the_recipients(code: Callable[..., Document]) -> None:
    doc = code("Representatives of Sudan's civilian coalition met US diplomats in Jeddah.")
    event = _event(doc, "CONSULT")
    assert [a.country for a in _actors(doc, event.recipients)] == ["USA"]


@pytest.mark.parametrize(
    ("text", "target", "protesters"),
    [
        ("Protesters rallied outside the US embassy in Baghdad.", "USA", "IRQ"),
        (
            "Hundreds of students demonstrated in front of the French embassy in Niamey.",
            "FRA",
            "NER",
        ),
    ],
)
def test_a_protest_at_an_embassy_is_aimed_at_its_state(
    code: Callable[..., Document], text: str, target: str, protesters: str
) -> None:
    doc = code(text)
    event = _event(doc, "PROTEST")
    assert [a.country for a in _actors(doc, event.recipients)] == [target]
    assert [a.country for a in _actors(doc, event.actors)] == [protesters]


@pytest.mark.parametrize(
    "text",
    [
        # an arrest with no place falls on no one made up
        "Thai police arrested a man on Tuesday and seized weapons.",
        # troops may impose a curfew abroad; a place no list resolved is still a place
        "Israeli forces imposed a curfew and raided homes.",
        "Russia imposed martial law in four annexed Ukrainian regions.",
        # protesters from abroad, or a protest about another state, aim at no government here
        "Tibetan exiles protested in Delhi ahead of the Chinese president's visit.",
        "British tourists protested in Cancun after their flights were cancelled.",
        "Pakistanis rallied in Karachi to protest the burning of a Koran in Sweden.",
        # no protest at all
        "No protests were reported in Tehran.",
    ],
)
def test_no_party_is_made_up(code: Callable[..., Document], text: str) -> None:
    doc = code(text)
    assert not [a for a in doc.actors if a.name.startswith(_MADE)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a country's government is "of" it, a city's "in" it
        ("Lorry drivers in Pakistan ended a week-long stoppage.", "government of Pakistan"),
        (
            "Contract teachers marched through Rabat carrying empty chalk boxes.",
            "government in Rabat",
        ),
    ],
)
def test_a_made_government_is_named_for_its_place(
    code: Callable[..., Document], text: str, name: str
) -> None:
    doc = code(text)
    event = _event(doc, "PROTEST")
    assert [a.name for a in _actors(doc, event.recipients)] == [name]
