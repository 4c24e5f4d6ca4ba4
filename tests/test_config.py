"""Settings: defaults, then the TOML file, then the environment, then flags; all errors at once."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventwire
from eventwire.config import load_settings
from eventwire.errors import ConfigError


def test_layers_apply_in_order(tmp_path: Path) -> None:
    path = tmp_path / "eventwire.toml"
    path.write_text('[eventwire]\nmodel = "from_file"\nbatch_size = 8\n')
    assert load_settings(config_path=path, env={}).model == "from_file"
    env = {"EVENTWIRE_MODEL": "from_env"}
    settings = load_settings(config_path=path, env=env)
    assert (settings.model, settings.batch_size) == ("from_env", 8)
    assert load_settings(config_path=path, env=env, overrides={"model": "flag"}).model == "flag"


def test_every_invalid_key_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[eventwire]\nbatch_size = "many"\ncolour = "blue"\n')
    with pytest.raises(ConfigError) as err:
        load_settings(config_path=path, env={})
    assert "[batch_size]" in str(err.value) and "[colour]" in str(err.value)


@pytest.mark.parametrize(("content", "expected"), [("model = ", "not valid TOML")])
def test_unreadable_file_is_named(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "x.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=expected):
        load_settings(config_path=path, env={})


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such settings file"):
        load_settings(config_path=tmp_path / "nope.toml", env={})


def test_public_api_is_exactly_all() -> None:
    public = {n for n in dir(eventwire) if not n.startswith("_")}
    modules = {"api", "config", "errors", "model", "pipeline", "stages", "ontology", "resources",
               "ingest", "schema", "evaluation", "render", "cli", "annotations", "store", "run",
               "cli_store", "cli_registry", "classify"}
    assert public - modules == set(eventwire.__all__) - {"__version__"}


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"text": "Troops moved.", "published_at": "2023-02-30"}, "'published_at'"),
        ({"text": "   "}, "field 'text': is empty"),
        ({"text": "!!! ??? 🙂"}, "has no words to code"),
    ],
)
def test_code_text_refuses_what_the_cli_refuses(kwargs: dict[str, str], expected: str) -> None:
    from eventwire.errors import IngestError

    with pytest.raises(IngestError, match=expected):
        eventwire.code_text(**kwargs)
