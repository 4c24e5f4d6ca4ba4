"""The Store on SQLite and PostgreSQL: round trips, replacement, duplicates, runs."""

from __future__ import annotations

from eventwire.model import Document, RunCounts
from eventwire.store import queries
from eventwire.store.dedup import minhash
from eventwire.store.store import Store, content_hash

VERSION = "test-version"


def _save(store: Store, doc: Document) -> None:
    store.save_document(doc, text=doc.text, signature=minhash(doc.text), pipeline_version=VERSION)


def test_a_stored_document_reads_back_as_it_was_coded(store: Store, coded: dict[str, Document]):
    doc = coded["niger-coup-borders"]
    _save(store, doc)
    back, original = queries.article(store, doc.article.id)
    assert original is None
    assert back.to_dict() == doc.to_dict()
    assert back.text == doc.text


def test_saving_again_replaces_the_annotations(store: Store, coded: dict[str, Document]):
    doc = coded["libya-niger-border-talks"]
    _save(store, doc)
    first = store.counts()
    fewer = doc.model_copy(deep=True)
    fewer.events = fewer.events[:1]
    fewer._text = doc.text
    _save(store, fewer)
    after = store.counts()
    assert after["articles"] == first["articles"] == 1
    assert after["events"] == 1
    assert after["actors"] == first["actors"]
    assert store.known(doc.article.id) is not None


def test_known_reports_hash_and_version(store: Store, coded: dict[str, Document]):
    doc = coded["niger-coup-borders"]
    assert store.known(doc.article.id) is None
    _save(store, doc)
    known = store.known(doc.article.id)
    assert known is not None
    assert known.content_hash == content_hash(doc.text)
    assert known.pipeline_version == VERSION
    assert known.duplicate_of is None


def test_content_hash_ignores_whitespace_only():
    assert content_hash("a  b\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_an_exact_copy_under_another_id_is_found(store: Store, coded: dict[str, Document]):
    doc = coded["niger-coup-borders"]
    _save(store, doc)
    found = store.original_of(content_hash(doc.text), minhash(doc.text), exclude="copy-1")
    assert found == doc.article.id
    # The article itself is not its own duplicate.
    own = store.original_of(content_hash(doc.text), minhash(doc.text), exclude=doc.article.id)
    assert own is None


def test_a_syndicated_near_copy_is_found_and_a_different_story_is_not(
    store: Store, coded: dict[str, Document]
):
    doc = coded["niger-coup-borders"]
    _save(store, doc)
    copy = "By a staff reporter. " + doc.text.replace("Wednesday", "Wednesday night")
    copy += "\n\nReporting by the wire desk; editing by the night editor."
    assert store.original_of(content_hash(copy), minhash(copy), exclude="copy") == doc.article.id
    other = coded["ecowas-ultimatum-niger"].text
    assert store.original_of(content_hash(other), minhash(other), exclude="x") is None


def test_a_duplicate_is_stored_linked_and_uncoded(store: Store, coded: dict[str, Document]):
    doc = coded["niger-coup-borders"]
    _save(store, doc)
    from eventwire.model import Article

    copy = Article(id="copy", text=doc.text, published_at="2023-07-28")
    store.save_duplicate(copy, duplicate_of=doc.article.id, signature=minhash(copy.text))
    known = store.known("copy")
    assert known is not None and known.duplicate_of == doc.article.id
    back, original = queries.article(store, "copy")
    assert original == doc.article.id
    assert back.events == []
    assert store.counts()["events"] == len(doc.events)


def test_runs_record_counts_failures_and_status(store: Store):
    run_id = store.start_run(
        pipeline_version=VERSION, model_versions={"spacy": "x"}, settings={}, sources=["a"]
    )
    store.record_failure(run_id, "bad-1", "events", "ValueError: boom")
    [running] = store.runs()
    assert running.status == "running" and running.finished_at is None
    store.update_run(run_id, RunCounts(new=2, failed=1, events=7), finished=True)
    [done] = store.runs()
    assert (done.status, done.new, done.failed, done.events) == ("finished", 2, 1, 7)
    assert done.finished_at is not None
    assert store.failures(run_id) == [
        {"article_id": "bad-1", "stage": "events", "message": "ValueError: boom"}
    ]
