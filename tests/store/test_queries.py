"""Queries over stored events and actors, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.errors import NotFound
from eventwire.model import Document
from eventwire.store import queries
from eventwire.store.dedup import minhash
from eventwire.store.queries import ActorFilter, EventFilter
from eventwire.store.store import Store


@pytest.fixture
def filled(store: Store, coded: dict[str, Document]) -> Store:
    for doc in coded.values():
        store.save_document(doc, text=doc.text, signature=minhash(doc.text), pipeline_version="v")
    return store


def _all_events(coded: dict[str, Document]) -> list[tuple[Document, object]]:
    return [(doc, e) for doc in coded.values() for e in doc.events]


def test_unfiltered_query_returns_every_event(filled: Store, coded: dict[str, Document]):
    assert len(queries.events(filled)) == sum(len(d.events) for d in coded.values())


def test_country_filter_matches_actor_or_recipient(filled: Store, coded: dict[str, Document]):
    expected = set()
    for doc, e in _all_events(coded):
        countries = {doc.actor(a).country for a in e.actors + e.recipients if doc.actor(a)}
        if "NER" in countries:
            expected.add((doc.article.id, e.id))
    got = {(e.article_id, e.event_id) for e in queries.events(filled, EventFilter(country="ner"))}
    assert expected and got == expected


def test_date_type_and_modality_filters(filled: Store, coded: dict[str, Document]):
    since = dt.date(2023, 7, 28)
    got = queries.events(filled, EventFilter(since=since, event_type="consult"))
    assert all(e.event_type == "CONSULT" for e in got)
    assert all(e.date is not None and e.date[:10] >= "2023-07-28" for e in got)
    asserted = queries.events(filled, EventFilter(modality="asserted"))
    assert asserted and not any(any(e.modality.model_dump().values()) for e in asserted)
    negated = queries.events(filled, EventFilter(modality="negated"))
    assert all(e.modality.negated for e in negated)
    assert len(asserted) < len(queries.events(filled))


def test_text_actor_and_place_filters(filled: Store):
    bazoum = queries.events(filled, EventFilter(actor="bazoum"))
    assert bazoum
    assert all(
        any("bazoum" in (r.name or "").lower() for r in e.actors + e.recipients) for e in bazoum
    )
    worded = queries.events(filled, EventFilter(text="BORDER"))
    assert worded and all("border" in e.evidence.lower() for e in worded)
    placed = queries.events(filled, EventFilter(place="NER"))
    assert all(e.place_country == "NER" or "ner" in (e.place or "").lower() for e in placed)


def test_a_stored_event_carries_article_and_participants(filled: Store, coded: dict[str, Document]):
    doc = coded["niger-coup-borders"]
    source = next(e for e in doc.events if e.actors)
    rows = queries.events(filled, EventFilter(article_id=doc.article.id))
    [stored] = [e for e in rows if e.event_id == source.id]
    assert stored.title == doc.article.title
    assert stored.published_at == doc.article.published_at
    assert [a.actor_id for a in stored.actors] == source.actors
    assert stored.evidence == source.evidence.text


def test_limit_and_like_wildcards_are_literal(filled: Store):
    assert len(queries.events(filled, EventFilter(limit=3))) == 3
    assert queries.events(filled, EventFilter(text="%")) == []


def test_actor_summary_counts_articles(filled: Store, coded: dict[str, Document]):
    rows = queries.actors(filled, ActorFilter(country="NER"))
    assert rows and all(r.country == "NER" for r in rows)
    assert rows == sorted(rows, key=lambda r: (-r.articles, r.name))
    niger_articles = sum(
        1
        for d in coded.values()
        if any(
            (a.name, a.country, a.sector) == (rows[0].name, "NER", rows[0].sector)
            for a in d.actors
        )
    )
    assert rows[0].articles == niger_articles


def test_a_missing_article_names_the_id_and_what_to_do(store: Store):
    with pytest.raises(NotFound, match=r"no article 'nope'.*eventwire events"):
        queries.article(store, "nope")
