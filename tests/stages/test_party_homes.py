"""The party_homes reading: an actor's post ties it to the country of the place it is of."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Police arrested the mayor of Kirkuk on Monday.", "mayor", "IRQ"),
        ("Gunmen shot dead the deputy governor of the Tyumen region.", "deputy governor", "RUS"),
        ("Rebels killed the governor of Kandahar province.", "governor", "AFG"),
        ("The governor of the province of Kandahar resigned.", "governor", "AFG"),
        ("The Tyumen governor resigned on Friday.", "Tyumen governor", "RUS"),
        ("Police in Lahore arrested two men.", "Police", "PAK"),
        ("Kirkuk's governor condemned the bombing in a statement.", "Kirkuk's governor", "IRQ"),
        # a town qualified by its state is that town, not the capital of the name
        ("Police in Moscow, Idaho, arrested a student.", "Police", "USA"),
    ],
)
def test_a_post_takes_the_country_of_its_place(
    code: Callable[..., Document], text: str, mention: str, country: str
) -> None:
    actor = next(a for a in code(text).actors if a.name == mention)
    assert (actor.country, actor.country_basis) == (country, "place")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a hostage or a soldier "in" a place need not be its own
        (
            "Two Japanese journalists were seized. The militants beheaded the hostages in Raqqa.",
            "hostages",
        ),
        ("Refugees in Jordan protested outside the embassy.", "Refugees"),
        # "Ethnic Albanians" names a people, not the country the demonym resolves to
        ("Ethnic Albanians protested on Monday.", "Albanians"),
    ],
)
def test_a_place_does_not_home_who_is_merely_there(
    code: Callable[..., Document], text: str, mention: str
) -> None:
    actor = next(a for a in code(text).actors if a.name.endswith(mention))
    assert actor.country_basis != "place"


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # a city of the name that is much the largest, over the village the map chose
        ("The governor of Basra accused Kuwait of stealing oil.", "governor", "IRQ"),
        # the police of a body's seat are the country's, not the body's
        ("Police in Brussels arrested three terror suspects.", "Police", "BEL"),
    ],
)
def test_a_post_takes_the_likeliest_country_of_its_place(
    code: Callable[..., Document], text: str, mention: str, country: str
) -> None:
    actor = next(a for a in code(text).actors if a.name == mention)
    assert actor.country == country


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # where someone was held or struck from is not where they belong
        ("Hamas released four Gaza hostages on Saturday.", "Gaza hostages"),
        # a village of another spelling in a country the story never names
        ("The governor of Papua province asked Jakarta to withdraw troops.", "governor"),
    ],
)
def test_a_place_that_is_no_post_or_no_sure_reading_homes_no_one(
    code: Callable[..., Document], text: str, mention: str
) -> None:
    actor = next(a for a in code(text).actors if a.name == mention)
    assert actor.country_basis != "place"
