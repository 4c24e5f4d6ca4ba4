"""Checks the toponym and event_location scorers against metrics worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.evaluation import haversine_km, score_event_location, score_toponym

from .factories import doc, event, place

# --- toponym -----------------------------------------------------------------------------

GEO_TEXT = "Flooding closed roads between Springfield and Shelbyville in Franklin County."
SPRINGFIELD, SHELBYVILLE, FRANKLIN = (30, 41), (46, 57), (61, 76)


def toponym(span: tuple[int, int], **gold: Any) -> dict[str, Any]:
    """A gold toponym in the geo format; coordinates and ids default to null."""
    fields = {"geonameid": None, "lat": None, "lon": None, "country": None}
    return {"start": span[0], "end": span[1], "text": GEO_TEXT[span[0] : span[1]]} | fields | gold


def geo(item_id: str, corpus: str, toponyms: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": item_id,
        "task": "toponym",
        "corpus": corpus,
        "text": GEO_TEXT,
        "toponyms": toponyms,
    }


def test_spans_in_text() -> None:
    spans = [SPRINGFIELD, SHELBYVILLE, FRANKLIN]
    assert [GEO_TEXT[s:e] for s, e in spans] == ["Springfield", "Shelbyville", "Franklin County"]


def test_haversine_one_degree_of_latitude() -> None:
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.195, abs=1e-3)
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0


@pytest.mark.parametrize(("lat", "right"), [(1.447, True), (1.449, False)])
def test_toponym_161_km_boundary(lat: float, right: bool) -> None:
    # 1.447° of latitude is 160.9 km, 1.449° is 161.1 km.
    record = geo("g", "lgl", [toponym(SPRINGFIELD, lat=0.0, lon=0.0)])
    prediction = doc("g", places=[place("p1", [SPRINGFIELD], lat=lat, lon=0.0)])
    result = score_toponym([record], {"g": prediction})
    assert result.metrics["accuracy_161km"] == (1.0 if right else 0.0)


def test_toponym_perfect_and_empty() -> None:
    record = geo(
        "g", "lgl", [toponym(SPRINGFIELD, lat=39.8, lon=-89.6, geonameid=4250542, country="USA")]
    )
    right = doc(
        "g",
        places=[place("p1", [SPRINGFIELD], lat=39.8, lon=-89.6, geonameid=4250542, country="USA")],
    )
    perfect = score_toponym([record], {"g": right})
    assert set(perfect.metrics.values()) == {1.0}
    empty = score_toponym([record], {"g": doc("g")})
    assert set(empty.metrics.values()) == {0.0}
    assert empty.counts["with_coordinates"] == 0


def test_toponym_partial_checks() -> None:
    record = geo(
        "g",
        "trnews",
        [
            toponym(SPRINGFIELD, lat=39.8, lon=-89.6, geonameid=1, country="USA"),
            toponym(SHELBYVILLE, lat=39.4, lon=-88.8, geonameid=2, country="USA"),
            toponym(FRANKLIN, country="USA"),  # no coordinates nor id in the gold
        ],
    )
    places = [
        # "Spring" overlaps Springfield by 6 characters, "Springfield" by 11: p2 is used.
        place("p1", [(30, 36)], lat=39.8, lon=-89.6, geonameid=1, country="USA"),
        place("p2", [(30, 41)], geonameid=9, country="CAN"),  # no coordinates: wrong
        place("p3", [(50, 60)], lat=39.4, lon=-88.8, country="USA"),  # no id: not compared
    ]
    result = score_toponym([record], {"g": doc("g", places=places)})
    assert result.metrics["recall"] == pytest.approx(2 / 3)
    assert result.metrics["accuracy_161km"] == 0.5
    assert result.counts["with_geonameids"] == 1
    assert result.metrics["geonameid_accuracy"] == 0.0
    assert result.metrics["country_accuracy"] == 0.5
    assert result.details == [f"g {'Franklin County'!r}: not found"]


def test_toponym_rows_per_corpus() -> None:
    records = [
        geo("a", "lgl", [toponym(SPRINGFIELD)]),
        geo("b", "trnews", [toponym(SPRINGFIELD), toponym(FRANKLIN)]),
    ]
    docs = {
        "a": doc("a", places=[place("p", [SPRINGFIELD])]),
        "b": doc("b", places=[place("p", [FRANKLIN])]),
    }
    result = score_toponym(records, docs)
    rows = {row.label: row for row in result.rows}
    assert rows["lgl"].values["recall"] == 1.0 and rows["lgl"].support == 1
    assert rows["trnews"].values["recall"] == 0.5 and rows["trnews"].counts["found"] == 1
    assert result.metrics["recall"] == pytest.approx(2 / 3)


# --- event_location ----------------------------------------------------------------------

LOC_TEXT = "Rebels attacked a convoy near Kidal, and the army fled to Gao."
ATTACKED, KIDAL, GAO = (7, 15), (30, 35), (58, 61)


def evloc(item_id: str, locations: list[tuple[int, int]]) -> dict[str, Any]:
    """A gold record in the event_location format."""
    return {
        "id": item_id,
        "task": "event_location",
        "text": LOC_TEXT,
        "verb": {"start": ATTACKED[0], "end": ATTACKED[1], "text": "attacked"},
        "locations": [{"start": s, "end": e, "text": LOC_TEXT[s:e]} for s, e in locations],
    }


def test_evloc_spans_in_text() -> None:
    assert [LOC_TEXT[s:e] for s, e in (ATTACKED, KIDAL, GAO)] == ["attacked", "Kidal", "Gao"]


def test_evloc_perfect_and_empty() -> None:
    located = doc(
        "x",
        places=[place("k", [KIDAL])],
        events=[event("e1", "ASSAULT", location="k", evidence=(0, 36))],
    )
    perfect = score_event_location([evloc("x", [KIDAL])], {"x": located})
    assert perfect.metrics["location_accuracy"] == perfect.metrics["place_recall"] == 1.0
    empty = score_event_location([evloc("x", [KIDAL])], {})
    assert empty.metrics["location_accuracy"] == empty.metrics["place_recall"] == 0.0
    assert empty.counts["no_event"] == 1 and empty.counts["no_document"] == 1


def test_evloc_uses_the_event_nearest_the_verb() -> None:
    places = [place("k", [KIDAL]), place("g", [GAO])]
    events = [
        event("far", "RETREAT", location="k", evidence=(40, 62)),  # 25 characters away
        event("near", "ASSAULT", location="g", evidence=(0, 36)),  # contains the verb
    ]
    result = score_event_location(
        [evloc("x", [KIDAL])], {"x": doc("x", places=places, events=events)}
    )
    assert result.metrics["location_accuracy"] == 0.0  # the nearest event is put in Gao
    assert result.metrics["place_recall"] == 1.0  # but Kidal was found as a place


def test_evloc_tie_on_evidence_goes_to_nearest_trigger() -> None:
    places = [place("k", [KIDAL]), place("g", [GAO])]
    events = [
        event("fled", "RETREAT", location="g", evidence=(0, 62), trigger=(50, 54)),
        event("attack", "ASSAULT", location="k", evidence=(0, 62), trigger=ATTACKED),
    ]
    result = score_event_location(
        [evloc("x", [KIDAL])], {"x": doc("x", places=places, events=events)}
    )
    assert result.metrics["location_accuracy"] == 1.0


def test_evloc_items_without_location_count_null_locations() -> None:
    records = [evloc("a", []), evloc("b", []), evloc("c", []), evloc("d", [GAO])]
    docs = {
        "a": doc("a", events=[event("e", "ASSAULT", evidence=(0, 36))]),  # null: right
        "b": doc("b"),  # no event at all: counted as null
        "c": doc(
            "c",
            places=[place("k", [KIDAL])],
            events=[event("e", "ASSAULT", location="k", evidence=(0, 36))],
        ),
        "d": doc("d", places=[place("g", [GAO])], events=[event("e", "ASSAULT", location="g")]),
    }
    result = score_event_location(records, docs)
    assert result.metrics["null_when_no_location"] == pytest.approx(2 / 3)
    assert result.metrics["location_accuracy"] == 1.0
    assert result.counts["with_location"] == 1 and result.counts["without_location"] == 3
