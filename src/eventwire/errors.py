"""The one exception tree of eventwire; every message says what happened and what to do next.

::

    EventwireError
    ├── ConfigError             invalid settings (lists every problem)
    ├── PipelineError
    │   ├── StageNotFound       unknown stage name (lists the available ones)
    │   ├── StageOrderError     a stage's requirement is not met by an earlier stage
    │   └── StageFailed         a stage raised on one article (stage, article id, cause)
    ├── ModelNotAvailable       a model or resource is missing; names the install command
    ├── IngestError             an input file or record is unusable (file, line, field)
    │   └── UnsupportedLanguage the text is in a language the models do not cover
    ├── LexiconError            a bundled or user-edited lexicon row is unusable (file, line, field)
    ├── EvalError               a gold file is unusable (file, line)
    └── StoreError              the database cannot be opened, read or written
        ├── SchemaOutdated      the database's schema is behind the code (names the command)
        └── NotFound            a queried article or record is not in the store
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EvalError",
    "EventwireError",
    "IngestError",
    "LexiconError",
    "ModelNotAvailable",
    "NotFound",
    "PipelineError",
    "SchemaOutdated",
    "StageFailed",
    "StageNotFound",
    "StageOrderError",
    "StoreError",
    "UnsupportedLanguage",
]


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid settings:\n  " + "\n  ".join(problems))


class PipelineError(EventwireError):
    pass


class StageNotFound(PipelineError):
    def __init__(self, name: str, available: list[str]) -> None:
        self.name = name
        super().__init__(
            f"no stage named {name!r}; available stages: {', '.join(sorted(available))}"
        )


class StageOrderError(PipelineError):
    pass


class StageFailed(PipelineError):
    def __init__(self, stage: str, article_id: str, cause: BaseException) -> None:
        self.stage = stage
        self.article_id = article_id
        self.cause = cause
        super().__init__(
            f"stage {stage!r} failed on article {article_id!r}: {type(cause).__name__}: {cause}"
        )


class ModelNotAvailable(EventwireError):
    pass


class IngestError(EventwireError):
    """An input could not be read. ``where`` is ``file`` or ``file:line``."""

    def __init__(self, where: str, message: str, *, field: str | None = None) -> None:
        self.where = where
        self.field = field
        self.reason = message
        prefix = f"{where}: field '{field}'" if field else where
        super().__init__(f"{prefix}: {message}")


class UnsupportedLanguage(IngestError):
    pass


class EvalError(EventwireError):
    pass


class LexiconError(EventwireError, ValueError):
    """A lexicon row is unusable; the message names the file, the line and the field."""

    def __init__(self, source: str, line: int, field: str, message: str) -> None:
        self.source = source
        self.line = line
        self.field = field
        self.reason = message
        super().__init__(f"{source}: line {line}: field '{field}': {message}")


class StoreError(EventwireError):
    pass


class SchemaOutdated(StoreError):
    def __init__(self, url: str, current: str | None, head: str) -> None:
        self.current = current
        self.head = head
        super().__init__(
            f"the database {url} has schema version {current or 'none'} but this eventwire "
            f"needs {head}; run `eventwire db upgrade --db {url}` (back it up first)"
        )


class NotFound(StoreError):
    pass
