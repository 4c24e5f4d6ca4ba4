"""The dates stage: each event dated from its own clause, else the publication date, said so."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document


@pytest.mark.parametrize(
    ("text", "published", "value", "precision", "basis"),
    [
        ("Police arrested ten protesters on Tuesday.", "2023-08-03", "2023-08-01", "day",
         "relative"),
        ("Police arrested ten protesters on July 26, 2023.", "2023-08-03", "2023-07-26", "day",
         "explicit"),
        ("Police arrested ten protesters last week.", "2023-08-03", "2023-07-24", "week",
         "relative"),
        ("Police arrested ten protesters.", "2023-08-03", "2023-08-03", "day", "publication"),
        ("Police arrested ten protesters.", None, None, None, "unknown"),
        ("Police arrested ten protesters on Tuesday.", None, None, None, "unknown"),
    ],
)
def test_event_date_value_precision_and_basis(
    code: Callable[..., Document], text: str, published: str | None, value: str | None,
    precision: str | None, basis: str,
) -> None:
    [event] = code(text, published=published).events
    assert (event.date.value, event.date.precision, event.date.basis) == (value, precision, basis)


def test_each_event_takes_the_date_of_its_own_clause(code: Callable[..., Document]) -> None:
    doc = code("Soldiers detained the president on Wednesday, and the junta closed the borders "
               "on Friday.", published="2023-07-30")
    dates = {e.trigger.text: e.date.value for e in doc.events if e.trigger}
    assert dates == {"detained": "2023-07-26", "closed": "2023-07-28"}


def test_a_week_has_a_range(code: Callable[..., Document]) -> None:
    [event] = code("Rebels attacked the town last week.", published="2023-08-03").events
    assert (event.date.start, event.date.end) == ("2023-07-24", "2023-07-30")


def test_background_is_historical(code: Callable[..., Document]) -> None:
    doc = code("Rebels seized the town in 2011, after the fall of the government.",
               published="2023-08-03")
    event = next(e for e in doc.events if e.trigger and e.trigger.text == "seized")
    assert event.modality.historical is True
    assert event.date.value == "2011-01-01" and event.date.precision == "year"


def test_timexes_are_listed_with_values(code: Callable[..., Document]) -> None:
    doc = code("Talks began on Monday and will last for three days.", published="2023-08-03")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Monday", "DATE", "2023-07-31"), ("three days", "DURATION", "P3D")]


def test_an_event_told_again_keeps_the_date_given_first(code: Callable[..., Document]) -> None:
    doc = code("Soldiers detained President Mohamed Bazoum on July 26. Soldiers detained "
               "Bazoum at his residence, witnesses said.", published="2023-07-30")
    assert [e.date.value for e in doc.events] == ["2023-07-26"]


@pytest.mark.parametrize(
    ("text", "basis"),
    [("on July 26", "explicit"), ("in 2011", "explicit"), ("last July", "relative"),
     ("2000 days ago", "relative"), ("a decade ago", "relative")],
)
def test_basis_says_whether_the_publication_date_was_needed(
    code: Callable[..., Document], text: str, basis: str
) -> None:
    [event] = code(f"Rebels attacked the town {text}.", published="2023-08-03").events
    assert event.date.basis == basis
