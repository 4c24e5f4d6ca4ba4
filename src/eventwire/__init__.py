"""eventwire: news articles in, PLOVER political event data out."""

from __future__ import annotations

from .api import code_articles, code_text, default_pipeline
from .config import Settings, load_settings
from .errors import EventwireError
from .model import Article, Document, RunReport
from .pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Document",
    "EventwireError",
    "Pipeline",
    "RunReport",
    "Settings",
    "__version__",
    "code_articles",
    "code_text",
    "default_pipeline",
    "load_settings",
]
