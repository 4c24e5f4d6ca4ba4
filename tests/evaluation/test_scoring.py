"""Checks the plover_event and timex scorers against metrics worked out by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from eventwire.evaluation import relaxed_match, score_plover_event, score_timex, value_range
from eventwire.evaluation.spans import greedy_match

from .factories import actor, doc, event, timex

# --- plover_event -----------------------------------------------------------------------


def gsr(
    item_id: str,
    event_type: str,
    source: list[dict[str, Any]] | None = None,
    target: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A gold record in the plover_gsr format (invented sentence)."""
    return {
        "id": item_id,
        "task": "plover_event",
        "text": "Ruritania and Freedonia agreed.",
        "event_type": event_type,
        "event_raw": event_type,
        "mode": None,
        "context": "diplomatic",
        "event_text": "agreed",
        "source": source or [],
        "target": target or [],
        "location": None,
    }


def party(country: str | None, sector: str | None = None) -> dict[str, Any]:
    return {
        "text": "x",
        "country": country,
        "sector": sector,
        "country_raw": country,
        "sector_raw": sector,
    }


def test_plover_perfect_prediction_scores_one() -> None:
    records = [gsr("a", "AGREE"), gsr("b", "ASSAULT")]
    docs = {
        "a": doc("a", events=[event("e1", "AGREE")]),
        "b": doc("b", events=[event("e1", "ASSAULT"), event("e2", "ASSAULT")]),
    }
    result = score_plover_event(records, docs)
    assert result.metrics["precision"] == result.metrics["recall"] == 1.0
    assert result.metrics["f1"] == result.metrics["accuracy_any"] == 1.0
    assert result.counts["with_prediction"] == 2 and result.counts["no_event"] == 0


def test_plover_empty_and_missing_documents_score_zero() -> None:
    records = [gsr("a", "AGREE"), gsr("b", "ASSAULT")]
    result = score_plover_event(records, {"a": doc("a")})
    assert result.metrics["f1"] == result.metrics["accuracy_any"] == 0.0
    assert result.counts["no_event"] == 2 and result.counts["no_document"] == 1
    assert result.items == 2 and len(result.details) == 2


def test_plover_partial_micro_scores_and_type_table() -> None:
    records = [gsr("a", "AGREE"), gsr("b", "ASSAULT"), gsr("c", "REQUEST")]
    docs = {
        "a": doc("a", events=[event("e1", "AGREE"), event("e2", "CONSULT")]),
        "b": doc("b", events=[event("e1", "PROTEST")]),
        "c": doc("c"),
    }
    result = score_plover_event(records, docs)
    # 1 right pair of 3 predicted pairs (AGREE, CONSULT, PROTEST) and 3 gold pairs.
    assert result.metrics["precision"] == pytest.approx(1 / 3)
    assert result.metrics["recall"] == pytest.approx(1 / 3)
    assert result.metrics["f1"] == pytest.approx(1 / 3)
    assert result.metrics["accuracy_any"] == pytest.approx(1 / 3)
    rows = {row.label: row for row in result.rows}
    assert list(rows) == ["AGREE", "CONSULT", "REQUEST", "PROTEST", "ASSAULT"]
    assert rows["AGREE"].values == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert rows["CONSULT"].support == 0 and rows["CONSULT"].counts["predicted"] == 1
    assert rows["CONSULT"].values["precision"] == 0.0
    assert rows["ASSAULT"].support == 1 and rows["ASSAULT"].values["recall"] == 0.0


def test_plover_actor_country_any_equals_any() -> None:
    record = gsr("a", "AGREE", source=[party("USA"), party("JOR")], target=[party("GBR", "GOV")])
    prediction = doc(
        "a",
        actors=[actor("a1", "JOR"), actor("a2"), actor("a3", "LBY", "GOV")],
        events=[event("e1", "AGREE", actors=["a1", "a2", "ghost"], recipients=["a3"])],
    )
    result = score_plover_event([record], {"a": prediction})
    assert result.metrics["source_country_accuracy"] == 1.0  # JOR is among both
    assert result.metrics["target_country_accuracy"] == 0.0  # GBR vs LBY
    assert result.metrics["target_sector_accuracy"] == 1.0
    # No gold source has a sector, so the item is not counted for source sector.
    assert result.counts["source_sector_counted"] == 0
    assert result.counts["source_country_counted"] == 1


def test_plover_coarse_country_counts_the_un_and_the_eu_as_igo() -> None:
    records = [
        gsr("a", "AGREE", source=[party("IGO")], target=[party("IGO")]),
        gsr("b", "AGREE", source=[party("IGO")], target=[party("NGO")]),
    ]
    docs = {
        name: doc(
            name,
            actors=[actor("u", "UNO"), actor("e", "EUR")],
            events=[event("e1", "AGREE", actors=["u"], recipients=["e"])],
        )
        for name in ("a", "b")
    }
    result = score_plover_event(records, docs)
    # Strictly, UNO is not IGO; coarsely both are.
    assert result.metrics["source_country_accuracy"] == 0.0
    assert result.metrics["source_country_accuracy_igo_as_one"] == 1.0
    # EUR counts as IGO, never as NGO.
    assert result.metrics["target_country_accuracy_igo_as_one"] == 0.5


def test_plover_actors_only_from_events_of_the_gold_type() -> None:
    records = [
        gsr("a", "AGREE", source=[party("LBY")]),
        gsr("b", "ASSAULT", source=[party("NER")]),  # type missed: actors not counted
        gsr("c", "AGREE", source=[party(None)]),  # gold role without a country
    ]
    docs = {
        "a": doc(
            "a",
            actors=[actor("x", "NER"), actor("y", "LBY")],
            events=[event("e1", "AGREE", actors=["x"]), event("e2", "CONSULT", actors=["y"])],
        ),
        "b": doc("b", actors=[actor("x", "NER")], events=[event("e1", "PROTEST", actors=["x"])]),
        "c": doc("c", actors=[actor("x", "NER")], events=[event("e1", "AGREE", actors=["x"])]),
    }
    result = score_plover_event(records, docs)
    assert result.counts["source_country_counted"] == 1
    assert result.metrics["source_country_accuracy"] == 0.0


# --- timex -------------------------------------------------------------------------------

TE_TEXT = "On Friday, March 22, 2013, officials met for three hours last week."


def te3(item_id: str, timexes: list[dict[str, Any]]) -> dict[str, Any]:
    """A gold record in the timex_te3 format (invented text)."""
    return {
        "id": item_id,
        "task": "timex",
        "text": TE_TEXT,
        "dct": "2013-03-22",
        "timexes": timexes,
    }


def gold_timex(start: int, end: int, value: str, kind: str = "DATE") -> dict[str, Any]:
    return {"start": start, "end": end, "text": TE_TEXT[start:end], "type": kind, "value": value}


FRIDAY = gold_timex(3, 25, "2013-03-22")  # "Friday, March 22, 2013"
HOURS = gold_timex(45, 56, "PT3H", "DURATION")  # "three hours"


def test_timex_perfect_prediction_scores_one() -> None:
    docs = {"t": doc("t", timexes=[timex(3, 25, "2013-03-22"), timex(45, 56, "PT3H", "DURATION")])}
    result = score_timex([te3("t", [FRIDAY, HOURS])], docs)
    for name in (
        "precision",
        "recall",
        "f1",
        "strict_f1",
        "value_accuracy",
        "relaxed_value_accuracy",
    ):
        assert result.metrics[name] == 1.0, name


def test_timex_empty_prediction_scores_zero() -> None:
    result = score_timex([te3("t", [FRIDAY, HOURS])], {"t": doc("t")})
    assert result.metrics["f1"] == result.metrics["strict_f1"] == 0.0
    assert result.counts["gold"] == 2 and result.counts["matched"] == 0


def test_timex_overlap_strict_and_values() -> None:
    # "March 22, 2013" overlaps FRIDAY; "three hours" is exact; a third span is spurious.
    predicted = [timex(11, 25, "2013-W12"), timex(45, 56, None, "DURATION"), timex(57, 66, "X")]
    result = score_timex([te3("t", [FRIDAY, HOURS])], {"t": doc("t", timexes=predicted)})
    assert result.metrics["precision"] == pytest.approx(2 / 3)
    assert result.metrics["recall"] == 1.0
    assert result.metrics["strict_precision"] == pytest.approx(1 / 3)
    assert result.metrics["strict_recall"] == 0.5
    assert result.metrics["strict_f1"] == pytest.approx(0.4)
    assert result.metrics["value_accuracy"] == 0.0  # W12 is not the day; None is never right
    assert result.metrics["relaxed_value_accuracy"] == 0.5  # 2013-03-22 lies in 2013-W12


def test_greedy_match_takes_largest_overlap_first() -> None:
    # Gold A=[0,6) and B=[6,12). P=[4,12) overlaps A by 2 and B by 6; Q=[0,5) overlaps A by 5.
    # Taking gold in order would give A to P and leave B unmatched.
    assert sorted(greedy_match([(0, 6), (6, 12)], [(4, 12), (0, 5)])) == [(0, 1), (1, 0)]


def test_greedy_match_is_one_to_one() -> None:
    # One prediction spanning two gold spans matches only the one it overlaps most.
    assert greedy_match([(0, 4), (5, 12)], [(0, 12)]) == [(1, 0)]
    two_gold = [gold_timex(3, 9, "2013-03-22"), gold_timex(11, 25, "2013-03-22")]
    result = score_timex([te3("t", two_gold)], {"t": doc("t", timexes=[timex(3, 25, "x")])})
    assert result.metrics["precision"] == 1.0 and result.metrics["recall"] == 0.5


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2013", date(2013, 1, 1), date(2013, 12, 31)),
        ("2012-02", date(2012, 2, 1), date(2012, 2, 29)),
        ("2013-W01", date(2012, 12, 31), date(2013, 1, 6)),
        ("2013-Q2", date(2013, 4, 1), date(2013, 6, 30)),
        ("2013-03-20", date(2013, 3, 20), date(2013, 3, 20)),
        ("2013-03/2013-W15", date(2013, 3, 1), date(2013, 4, 14)),
    ],
)
def test_value_range(value: str, first: date, last: date) -> None:
    assert value_range(value) == (first, last)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "PAST_REF",
        "2013-13",
        "2013-W54",
        "2013-Q5",
        "2013-02-30",
        "2014/2013",
        "P3D",
        "2013-03-20T10:00",
    ],
)
def test_value_range_rejects_non_ranges(value: str | None) -> None:
    assert value_range(value) is None


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        ("2013-03-20", "2013-W12", True),  # week of 18 to 24 March
        ("2013-03-23T15:00", "2013-03", True),  # a time on a day inside the month
        ("2013-03-20", "2013-Q1", True),
        ("2013-03-20", "2013-Q2", False),
        ("2013-03-20", "2013-03-01/2013-03-15", False),
        ("2013-03-20", "2013-03-15/2013-04", True),
        ("2013-W12", "2013", False),  # gold is not a day
        ("PRESENT_REF", "PRESENT_REF", True),  # exact equality always counts
        ("2013-03-20", None, False),
    ],
)
def test_relaxed_match(gold: str, predicted: str | None, right: bool) -> None:
    assert relaxed_match(gold, predicted) is right


def test_timex_rows_by_gold_type() -> None:
    docs = {"t": doc("t", timexes=[timex(3, 25, "2013-03-22")])}
    result = score_timex([te3("t", [FRIDAY, HOURS])], docs)
    rows = {row.label: row for row in result.rows}
    assert rows["DATE"].values == {"recall": 1.0, "value_accuracy": 1.0}
    assert rows["DURATION"].values["recall"] == 0.0 and rows["DURATION"].support == 1
