"""The JSON Schema of the output Document, generated from the domain types."""

from __future__ import annotations

import json
from typing import Any

from .model import Document

__all__ = ["SCHEMA_ID", "document_schema", "document_schema_json"]

SCHEMA_ID = "https://eventwire.dev/schema/document-v1.json"


def document_schema() -> dict[str, Any]:
    schema = Document.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def document_schema_json() -> str:
    """The schema as committed under docs/: stable key order, two-space indent, final newline."""
    return json.dumps(document_schema(), indent=2, ensure_ascii=False) + "\n"
