"""Modality and reported speech, case by case: our own sentences in data/modality_cases.jsonl.

Each case lists the events the sentence must give (type, trigger, actor and recipient by substring,
the four modality flags) and the types that must not be coded as asserted events (with no modality
flag). A case marked "xfail" names a known shortcoming and must keep failing until it is fixed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.model import Document, Event

CASES_FILE = Path(__file__).resolve().parent.parent / "data" / "modality_cases.jsonl"
FLAGS = ("negated", "hypothetical", "future", "historical")
CATEGORIES = ("negation", "hypothetical", "future", "historical", "reported", "two events",
              "control", "historical control")


def _load() -> list[dict[str, Any]]:
    with CASES_FILE.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


CASES = _load()


def _params() -> list[Any]:
    return [
        pytest.param(
            case,
            id=case["note"],
            marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else [],
        )
        for case in CASES
    ]


def _names(doc: Document, ids: list[str]) -> list[str]:
    return [actor.name for actor in map(doc.actor, ids) if actor is not None]


def _describe(doc: Document, event: Event) -> str:
    flags = [f for f in FLAGS if getattr(event.modality, f)]
    trigger = event.trigger.text if event.trigger else None
    return (f"{event.event_type}({trigger!r}, actors={_names(doc, event.actors)}, "
            f"recipients={_names(doc, event.recipients)}, flags={flags})")


def _contains(names: list[str], part: str) -> bool:
    return any(part.lower() in name.lower() for name in names)


def _matches(doc: Document, event: Event, want: dict[str, Any]) -> bool:
    if event.event_type != want["type"] or event.trigger is None:
        return False
    if event.trigger.text.lower() not in want["trigger"].lower().split():
        return False
    if any(getattr(event.modality, flag) != want[flag] for flag in FLAGS):
        return False
    actors, recipients = _names(doc, event.actors), _names(doc, event.recipients)
    if want["actor"] is not None and not _contains(actors, want["actor"]):
        return False
    if want["recipient"] is not None and not _contains(recipients, want["recipient"]):
        return False
    return not (want.get("not_actor") and _contains(actors, want["not_actor"]))


def test_the_case_file_is_well_formed() -> None:
    assert len(CASES) >= 70
    assert len({c["note"] for c in CASES}) == len(CASES)
    assert sum("xfail" in c for c in CASES) <= 0.15 * len(CASES)
    for case in CASES:
        assert case["note"].split(":")[0] in CATEGORIES, case["note"]
        assert case["expect"] or case["absent"], case["note"]
        for want in case["expect"]:
            assert all(isinstance(want[flag], bool) for flag in FLAGS), case["note"]
            # the trigger, the actor and the recipient are words of the sentence
            for key in ("trigger", "actor", "recipient", "not_actor"):
                assert want.get(key) is None or want[key].lower() in case["text"].lower(), (
                    case["note"], key)


@pytest.mark.parametrize("case", _params())
def test_modality_case(code: Callable[..., Document], case: dict[str, Any]) -> None:
    doc = code(case["text"], published=case["published_at"])
    coded = [_describe(doc, e) for e in doc.events]
    for want in case["expect"]:
        assert any(_matches(doc, e, want) for e in doc.events), (
            f"expected {want} in {coded}")
    for event_type in case["absent"]:
        asserted = [e for e in doc.events if e.event_type == event_type
                    and not any(getattr(e.modality, flag) for flag in FLAGS)]
        assert not asserted, f"{event_type} coded as asserted: {coded}"
