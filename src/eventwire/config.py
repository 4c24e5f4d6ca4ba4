"""Settings: built-in defaults, then eventwire.toml, then EVENTWIRE_* variables, then CLI flags."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError
from .pipeline import DEFAULT_STAGES

__all__ = ["Settings", "load_settings"]

CONFIG_FILE = "eventwire.toml"
ENV_PREFIX = "EVENTWIRE_"


class Settings(BaseModel):
    """Everything that can be set. Precedence: defaults < TOML file < environment < flags."""

    model_config = ConfigDict(extra="forbid")

    model: str = Field(default="en_core_web_sm", description="spaCy pipeline name")
    batch_size: int = Field(default=32, ge=1, description="articles per nlp.pipe batch")
    stages: list[str] = Field(default_factory=lambda: list(DEFAULT_STAGES))

    def stage_options(self) -> dict[str, dict[str, object]]:
        return {"nlp": {"model": self.model, "batch_size": self.batch_size}}


def load_settings(
    *,
    config_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Resolve settings from every layer; a ConfigError lists every invalid key at once."""
    values: dict[str, Any] = {}
    path = config_path or (Path(CONFIG_FILE) if Path(CONFIG_FILE).is_file() else None)
    if path is not None:
        values.update(_read_toml(path))
    env = os.environ if env is None else env
    for key in Settings.model_fields:
        raw = env.get(ENV_PREFIX + key.upper())
        if raw is not None:
            values[key] = raw.split(",") if key == "stages" else raw
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as exc:
        raise ConfigError(
            [f"[{'.'.join(str(p) for p in e['loc'])}] {e['msg']}" for e in exc.errors()]
        ) from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError([f"{path}: no such settings file"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{path}: not valid TOML ({exc})"]) from None
    section = data.get("eventwire", data)
    if not isinstance(section, dict):
        raise ConfigError([f"{path}: [eventwire] must be a table"])
    return section
