"""The README's Python example runs, and its commands are the Makefile's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_example_runs_and_prints_events(capsys: pytest.CaptureFixture[str]) -> None:
    [block] = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("COERCE restrict [\"Niger's junta\"] 2023-07-26")
    assert '"event_type": "COERCE", "mode": "arrest"' in out
    assert out.rstrip().endswith("[]")  # no failures


def test_make_targets_named_in_the_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"make (\w+)", README)):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_command_in_the_readme_exists() -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    shell = "\n".join(re.findall(r"```sh\n(.*?)```", README, flags=re.S))
    commands = set(re.findall(r"^eventwire ([a-z]+(?: [a-z][a-z-]*)?)", shell, flags=re.M))
    assert {"run", "events", "export", "kb", "registry"} <= {c.split()[0] for c in commands}
    for command in commands:
        words = command.split()
        result = CliRunner().invoke(main, [*words, "--help"])
        if result.exit_code != 0 and len(words) == 2:
            # "events --country": the second word is an argument, not a subcommand.
            result = CliRunner().invoke(main, [words[0], "--help"])
        assert result.exit_code == 0, (command, result.output)
