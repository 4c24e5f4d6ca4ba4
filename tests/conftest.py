"""Shared fixtures: the real pipeline (loaded once per session) and a helper to code text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.model import Article, Document
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.from_names()


@pytest.fixture(scope="session")
def code(pipeline: Pipeline) -> Callable[..., Document]:
    def run(text: str, published: str | None = "2023-08-03", article_id: str = "t") -> Document:
        return pipeline(Article(id=article_id, text=text, published_at=published))

    return run
