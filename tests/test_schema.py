"""The committed JSON Schema is the one the domain types generate, and it describes the contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from eventwire.model import Document
from eventwire.schema import document_schema, document_schema_json

COMMITTED = Path(__file__).resolve().parent.parent / "docs" / "document.schema.json"

CONTRACT_FIELDS = {
    "": ["article", "sentences", "entities", "actors", "places", "timexes", "quotes", "events"],
    "ArticleMeta": ["id", "title", "url", "published_at", "language", "source"],
    "Sentence": ["index", "start", "end"],
    "Entity": ["id", "text", "label", "start", "end"],
    "Actor": ["id", "name", "country", "sector", "title", "kb_id", "mentions"],
    "Place": ["id", "name", "geonameid", "country", "lat", "lon", "feature", "mentions"],
    "Timex": ["text", "start", "end", "type", "value"],
    "Quote": ["id", "text", "start", "end", "direct", "cue", "speaker"],
    "Speaker": ["text", "start", "end", "actor_id"],
    "Event": [
        "id",
        "event_type",
        "mode",
        "contexts",
        "actors",
        "recipients",
        "date",
        "location",
        "modality",
        "quad_class",
        "intensity",
        "cameo",
        "confidence",
        "evidence",
    ],
    "EventDate": ["value", "start", "end", "precision", "basis", "text"],
    "Modality": ["negated", "hypothetical", "future", "historical"],
    "Evidence": ["sentence_index", "start", "end", "text"],
}


def test_committed_schema_is_up_to_date() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == document_schema_json(), (
        "docs/document.schema.json is stale; run `make schema` and commit it"
    )


def test_schema_has_every_contract_field() -> None:
    schema = document_schema()
    for name, fields in CONTRACT_FIELDS.items():
        props = schema["properties"] if not name else schema["$defs"][name]["properties"]
        assert set(fields) <= set(props), f"{name or 'Document'} lacks {set(fields) - set(props)}"


def test_an_empty_document_validates_and_a_broken_one_does_not() -> None:
    schema = document_schema()
    doc = Document.model_validate({"article": {"id": "x"}}).to_dict()
    jsonschema.validate(doc, schema)
    broken = json.loads(json.dumps(doc))
    broken["events"] = [{"id": "ev1"}]
    try:
        jsonschema.validate(broken, schema)
    except jsonschema.ValidationError as err:
        assert "required" in err.message
    else:
        raise AssertionError("an event without its fields validated")
