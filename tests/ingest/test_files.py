"""Input readers: every bad input gets a message naming file, line and field; the rest is kept."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from eventwire.errors import IngestError, UnsupportedLanguage
from eventwire.ingest.files import read_inputs
from eventwire.model import Article

GOOD = {
    "id": "ok1",
    "text": "Police arrested ten protesters in the capital on Monday.",
    "published_at": "2023-07-31",
}
GOOD2 = {
    "id": "ok2",
    "text": "The minister met the envoy in Tripoli.",
    "published_at": "2023-08-01",
}
FRENCH = (
    "Le ministre des Affaires étrangères a rencontré hier son homologue malien pour "
    "discuter de la situation sécuritaire dans le nord du pays, selon un communiqué."
)


def _read(
    *paths: Path | str, published: str | None = None, stdin: bytes | None = None
) -> tuple[list[Article], list[IngestError]]:
    errors: list[IngestError] = []
    articles = list(
        read_inputs(
            [str(p) for p in paths],
            on_error=errors.append,
            published=published,
            stdin=io.BytesIO(stdin) if stdin is not None else None,
        )
    )
    return articles, errors


def _jsonl(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("bad_line", "expected"),
    [
        (json.dumps({"id": "x", "title": "no body"}), "in.jsonl:2: field 'text': missing"),
        (
            json.dumps({"id": "x", "text": 42}),
            "in.jsonl:2: field 'text': must be a string, got int",
        ),
        (
            json.dumps({"id": "x", "text": "Troops moved.", "published_at": "last Tuesday"}),
            "in.jsonl:2: field 'published_at': 'last Tuesday' is not a date",
        ),
        (
            json.dumps({"id": "x", "text": "Troops moved.", "published_at": 20230801}),
            "in.jsonl:2: field 'published_at': must be a string",
        ),
        ('{"id": "x", "text": "unterminated', "in.jsonl:2: invalid JSON"),
        (json.dumps(["a", "list"]), "in.jsonl:2: expected a JSON object, got list"),
        (json.dumps({"id": "x", "text": "   "}), "in.jsonl:2: field 'text': is empty"),
        (
            json.dumps({"id": "fr", "text": FRENCH}),
            "in.jsonl:2: field 'text': article fr: the text does not look like English",
        ),
        (
            json.dumps({"id": "de", "text": "Die Regierung hat.", "language": "de"}),
            "in.jsonl:2: field 'language': article de: language 'de' is not supported",
        ),
    ],
)
def test_bad_record_is_named_and_the_others_are_kept(
    tmp_path: Path, bad_line: str, expected: str
) -> None:
    path = _jsonl(tmp_path, json.dumps(GOOD), bad_line, json.dumps(GOOD2))
    articles, errors = _read(path)
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert len(errors) == 1
    assert str(errors[0]).startswith(str(tmp_path / expected.split(":")[0]))
    assert expected in str(errors[0])


def test_language_errors_are_their_own_kind(tmp_path: Path) -> None:
    _, errors = _read(_jsonl(tmp_path, json.dumps({"id": "fr", "text": FRENCH})))
    assert isinstance(errors[0], UnsupportedLanguage)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.jsonl", b"", "is empty"),
        ("blank.txt", b"  \n\n", "is empty"),
        ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file"),
        ("latin1.txt", "Le général a été arrêté.".encode("latin-1"), "is not UTF-8 text"),
        ("page.html", b"<html><body><nav>Home | World</nav></body></html>", "has no article body"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
    ],
)
def test_bad_file_is_named_and_other_files_are_read(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = _jsonl(tmp_path, json.dumps(GOOD))
    articles, errors = _read(bad, good)
    assert [a.id for a in articles] == ["ok1"]
    assert len(errors) == 1 and str(errors[0]).startswith(str(bad))
    assert expected in str(errors[0])


def test_missing_file_is_reported(tmp_path: Path) -> None:
    articles, errors = _read(tmp_path / "nope.txt", _jsonl(tmp_path, json.dumps(GOOD)))
    assert [a.id for a in articles] == ["ok1"]
    assert "nope.txt: cannot be read" in str(errors[0])


def test_txt_file_takes_its_headline_and_the_published_flag(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(
        "Army deploys to border\n\nThe army deployed two battalions to the "
        "northern border on Friday, the defence ministry said.\n",
        encoding="utf-8",
    )
    [article], errors = _read(path, published="2024-03-09")
    assert not errors
    assert article.id == "brief" and article.title == "Army deploys to border"
    assert article.text.startswith("The army deployed")
    assert article.published_at == "2024-03-09"


def test_record_date_wins_over_the_published_flag(tmp_path: Path) -> None:
    [article], _ = _read(_jsonl(tmp_path, json.dumps(GOOD)), published="2024-01-01")
    assert article.published_at == "2023-07-31"


def test_default_id_is_the_text_hash(tmp_path: Path) -> None:
    [article], _ = _read(_jsonl(tmp_path, json.dumps({"text": GOOD["text"]})))
    assert article.id == hashlib.sha1(GOOD["text"].encode()).hexdigest()[:16]


def test_stdin_is_jsonl() -> None:
    data = (json.dumps(GOOD) + "\nnot json\n" + json.dumps(GOOD2) + "\n").encode()
    articles, errors = _read("-", stdin=data)
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert str(errors[0]).startswith("<stdin>:2: invalid JSON")


HTML = """<!doctype html><html><head><title>Border closed | Daily Wire Desk</title>
<meta property="article:published_time" content="2023-08-02"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Border closed after coup</h1>
<p>Niger's military rulers closed the country's land and air borders on Wednesday, two days
after soldiers of the presidential guard detained President Mohamed Bazoum in the capital.</p>
<p>The African Union gave the junta fifteen days to restore constitutional order, and the
regional bloc ECOWAS threatened to impose sanctions if the president was not released.</p>
<p>Residents of Niamey said shops had reopened but queues formed at fuel stations as traders
feared shortages, while a spokesman for the junta said the measures were temporary.</p>
</article><footer>© 2023 Daily Wire Desk. We use cookies. Accept all cookies.</footer>
</body></html>"""


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "coup.html"
    path.write_text(HTML, encoding="utf-8")
    [article], errors = _read(path)
    assert not errors
    assert article.id == "coup"
    assert "closed the country's land and air borders" in article.text
    assert "cookies" not in article.text and "Sport" not in article.text
    assert article.published_at == "2023-08-02"
