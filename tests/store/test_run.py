"""`run_articles`: idempotent, incremental, duplicate-aware, failure-isolating, resumable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest

from eventwire.config import Settings
from eventwire.model import Article, Document
from eventwire.pipeline import DEFAULT_STAGES, register_stage
from eventwire.run import RunOptions, pipeline_version, run_articles
from eventwire.store import queries
from eventwire.store.store import Store

Articles = Callable[[], list[Article]]


def test_a_second_run_adds_nothing(store: Store, articles: Articles):
    batch = articles()[:3]
    first = run_articles(store, batch, settings=Settings())
    assert (first.counts.new, first.counts.skipped) == (3, 0)
    events = store.counts()["events"]
    assert first.counts.events == events > 0
    again = run_articles(store, batch, settings=Settings())
    assert (again.counts.new, again.counts.updated, again.counts.skipped) == (0, 0, 3)
    assert store.counts()["events"] == events
    assert [r.status for r in store.runs()] == ["finished", "finished"]


def test_force_recodes_and_changed_text_updates(store: Store, articles: Articles):
    batch = articles()[:2]
    run_articles(store, batch, settings=Settings())
    forced = run_articles(store, batch[:1], settings=Settings(), options=RunOptions(force=True))
    assert (forced.counts.updated, forced.counts.new) == (1, 0)
    edited = batch[1].model_copy(update={"text": batch[1].text + "\n\nTalks resumed on Friday."})
    changed = run_articles(store, [edited], settings=Settings())
    assert changed.counts.updated == 1
    doc, _ = queries.article(store, edited.id)
    assert doc.text.endswith("Talks resumed on Friday.")
    assert store.counts()["articles"] == 2


def test_copies_are_linked_not_coded(store: Store, articles: Articles):
    original = articles()[0]
    exact = original.model_copy(update={"id": "exact-copy"})
    syndicated = original.model_copy(
        update={"id": "wire-copy", "text": "By our correspondent.\n\n" + original.text}
    )
    result = run_articles(store, [original, exact, syndicated], settings=Settings())
    assert (result.counts.new, result.counts.duplicate) == (1, 2)
    for copy in ("exact-copy", "wire-copy"):
        known = store.known(copy)
        assert known is not None and known.duplicate_of == original.id
    assert {e.article_id for e in queries.events(store)} == {original.id}


@register_stage
class _Explode:
    """Fails on articles that contain the word EXPLODE (for the failure tests)."""

    name: ClassVar[str] = "explode"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ()
    version: ClassVar[str] = "1"

    def __call__(self, doc: Document) -> Document:
        if "EXPLODE" in doc.text:
            raise ValueError("the marker word was found")
        return doc


def test_a_failing_article_is_recorded_and_the_rest_stored(store: Store, articles: Articles):
    good = articles()[:2]
    bad = Article(id="bad-one", text="EXPLODE " + good[0].text[:400])
    settings = Settings(stages=[*DEFAULT_STAGES, "explode"])
    result = run_articles(store, [good[0], bad, good[1]], settings=settings)
    assert (result.counts.new, result.counts.failed) == (2, 1)
    assert [f.article_id for f in result.failures] == ["bad-one"]
    [failure] = store.failures(result.run_id)
    assert failure["article_id"] == "bad-one" and failure["stage"] == "explode"
    assert "marker word" in failure["message"]
    assert store.known("bad-one") is None
    # The next run tries the failed article again and skips the stored ones.
    again = run_articles(store, [good[0], bad], settings=settings)
    assert (again.counts.skipped, again.counts.failed) == (1, 1)


def test_the_pipeline_version_names_stages_and_model():
    version = pipeline_version(Settings())
    assert version.startswith("eventwire ")
    assert all(f"{name}@" in version for name in DEFAULT_STAGES)
    assert "model=" in version


def test_the_pipeline_version_changes_with_the_event_model(monkeypatch, tmp_path):
    import eventwire.run as run_module

    before = pipeline_version(Settings())
    assert "event_model=" in before
    retrained = tmp_path / "event_model.npz"
    retrained.write_bytes(b"another artefact")
    monkeypatch.setattr(run_module, "default_model_path", lambda: retrained)
    run_module._event_model_digest.cache_clear()
    try:
        assert pipeline_version(Settings()) != before
    finally:
        run_module._event_model_digest.cache_clear()


def test_worker_processes_store_the_same_as_one_process(store: Store, articles: Articles):
    batch = articles()[4:7]
    result = run_articles(store, batch, settings=Settings(), options=RunOptions(workers=2))
    assert result.counts.new == 3
    solo = {a.id: d for a, d in zip(batch, [None] * 3, strict=True)}
    for article in batch:
        doc, _ = queries.article(store, article.id)
        assert doc.text == article.text
        solo[article.id] = doc
    assert sum(len(d.events) for d in solo.values() if d) == result.counts.events


def _rows(db: Path) -> tuple[int, int]:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        articles = con.execute("select count(*) from articles").fetchone()[0]
        dupes = con.execute(
            "select count(*) from (select article_id, event_id from events "
            "group by article_id, event_id having count(*) > 1)"
        ).fetchone()[0]
    except sqlite3.OperationalError:
        return 0, 0
    finally:
        con.close()
    return int(articles), int(dupes)


def test_a_killed_run_loses_nothing_and_the_next_run_finishes(tmp_path: Path, articles: Articles):
    source = tmp_path / "in.jsonl"
    batch = articles()[:12]
    source.write_text("".join(a.model_dump_json() + "\n" for a in batch))
    db = tmp_path / "kill.db"
    env = os.environ | {"EVENTWIRE_BATCH_SIZE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "-q", "run", str(source), "--db", str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _rows(db)[0] < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored, _ = _rows(db)
    assert 2 <= stored < len(batch), "the run should be killed part-way"
    store = Store.open(str(db))
    result = run_articles(store, batch, settings=Settings())
    assert result.counts.skipped == stored
    assert result.counts.new == len(batch) - stored
    assert _rows(db) == (len(batch), 0)
    runs = store.runs()
    assert runs[0].finished_at is None and runs[-1].status == "finished"
    store.close()
    assert json.loads(source.read_text().splitlines()[0])["id"] == batch[0].id


def test_run_options_are_keyword_only():
    with pytest.raises(TypeError):
        RunOptions(True)  # type: ignore[misc]


def _actor_named(store: Store, article_id: str, name: str) -> tuple[str | None, str | None]:
    doc, _ = queries.article(store, article_id)
    actor = next(a for a in doc.actors if name in a.name)
    return actor.country, actor.sector


def test_what_one_article_teaches_codes_the_next(store: Store):
    first = Article(
        id="first",
        published_at="2024-03-04",
        text="Defence Minister Abakar Mahamat Tolbo of Chad visited troops in Abeche on Monday.",
    )
    later = Article(
        id="later",
        published_at="2024-03-09",
        text="Abakar Mahamat Tolbo said on Friday that the army would stay in the east.",
    )
    run_articles(store, [first], settings=Settings())
    assert _actor_named(store, "first", "Tolbo") == ("TCD", "GOV")
    run_articles(store, [later], settings=Settings())
    assert _actor_named(store, "later", "Tolbo") == ("TCD", "GOV")


def test_a_user_edit_beats_what_articles_taught(store: Store):
    from eventwire.model import ActorFact
    from eventwire.store.registry import put_facts

    put_facts(
        store,
        [ActorFact(name="Abakar Mahamat Tolbo", country="TCD", sector="MIL", origin="user")],
    )
    article = Article(
        id="edited",
        published_at="2024-03-09",
        text="Abakar Mahamat Tolbo said on Friday that the army would stay in the east.",
    )
    run_articles(store, [article], settings=Settings())
    assert _actor_named(store, "edited", "Tolbo") == ("TCD", "MIL")
