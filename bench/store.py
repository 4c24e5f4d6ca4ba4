"""The store's cost: its share of an `eventwire run`, and query latency on 100,000 events.

Run with `make bench`. Both are ratios or absolute times on this machine; results also go to
bench/out/store.json.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.ingest.sources import iter_sources
from eventwire.model import Actor, Document, Event, EventDate, Evidence, Modality
from eventwire.ontology import EVENT_TYPES
from eventwire.run import run_articles
from eventwire.store import queries
from eventwire.store.dedup import minhash
from eventwire.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "store.json"
_TIMED = ("known", "original_of", "save_document", "save_duplicate", "start_run", "update_run")


class _TimedStore(Store):
    """A Store that adds up the seconds spent in its methods."""

    seconds = 0.0

    def __getattribute__(self, name: str) -> Any:
        attr = super().__getattribute__(name)
        if name not in _TIMED:
            return attr

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                _TimedStore.seconds += time.perf_counter() - start

        return timed


def store_share(db: Path) -> dict[str, float]:
    errors: list[Exception] = []
    articles = list(iter_sources([str(ROOT / "examples")], on_error=errors.append))
    store = _TimedStore(Store.open(str(db)).engine)
    start = time.perf_counter()
    result = run_articles(store, articles, settings=load_settings())
    total = time.perf_counter() - start
    store.close()
    return {
        "articles": result.counts.new,
        "run_seconds": round(total, 2),
        "store_seconds": round(_TimedStore.seconds, 3),
        "store_share": round(_TimedStore.seconds / total, 4),
    }


COUNTRIES = [
    "NER", "NGA", "MLI", "BFA", "TCD", "SDN", "SSD", "ETH", "SOM", "KEN", "COD", "RWA", "UGA",
    "LBY", "EGY", "TUN", "DZA", "MAR", "SYR", "IRQ", "IRN", "ISR", "PSE", "LBN", "YEM", "SAU",
    "UKR", "RUS", "USA", "FRA", "GBR", "DEU", "CHN", "IND", "PAK", "AFG", "MMR", "COL", "VEN",
    "MEX", "HTI", "BRA",
]  # fmt: skip
SECTORS = ["GOV", "MIL", "REB", "COP", "OPP", "CVL", "JUD", "LEG"]


def synthetic_document(i: int, rng: random.Random, events: int) -> Document:
    text = f"Synthetic article {i} for the store benchmark. " * 4
    actors = [
        Actor(id=f"a{k}", name=f"Actor {rng.randrange(3000)}", country=rng.choice(COUNTRIES),
              sector=rng.choice(SECTORS))
        for k in range(6)
    ]  # fmt: skip
    day = f"20{rng.randint(22, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    doc = Document.model_validate(
        {"article": {"id": f"synthetic-{i}", "published_at": day, "title": f"Synthetic {i}"}}
    )
    doc._text = text
    doc.actors = actors
    for k in range(events):
        kind = rng.choice(sorted(EVENT_TYPES))
        info = EVENT_TYPES[kind]
        doc.events.append(
            Event(
                id=f"ev{k}",
                event_type=kind,
                actors=[rng.choice(actors).id],
                recipients=[rng.choice(actors).id],
                date=EventDate(value=day, basis="publication"),
                modality=Modality(negated=rng.random() < 0.05),
                quad_class=info.quad_class,
                intensity=info.base_score,
                cameo=info.cameo,
                confidence=0.8,
                evidence=Evidence(sentence_index=0, start=0, end=40, text=text[:40]),
            )
        )
    return doc


def query_latency(db: Path, total_events: int, per_article: int = 20) -> dict[str, Any]:
    rng = random.Random(7)
    store = Store.open(str(db))
    start = time.perf_counter()
    for i in range(total_events // per_article):
        doc = synthetic_document(i, rng, per_article)
        store.save_document(doc, text=doc.text, signature=minhash(doc.text), pipeline_version="b")
    fill = time.perf_counter() - start
    timings, rows = [], 0
    import datetime as dt

    for country in ("NER", "UKR", "COL", "MMR", "SDN"):
        f = queries.EventFilter(country=country, since=dt.date(2025, 6, 1))
        t0 = time.perf_counter()
        rows = len(queries.events(store, f))
        timings.append(time.perf_counter() - t0)
    store.close()
    return {
        "events": total_events,
        "fill_seconds": round(fill, 1),
        "query_ms_median": round(statistics.median(timings) * 1000, 1),
        "query_ms_max": round(max(timings) * 1000, 1),
        "rows_last_query": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        share = store_share(Path(tmp) / "run.db")
        print(
            f"store share of a run: {share['store_share']:.1%} "
            f"({share['store_seconds']} s of {share['run_seconds']} s, "
            f"{share['articles']} articles, SQLite)"
        )
        latency = query_latency(Path(tmp) / "query.db", args.events)
        print(
            f"`events --country X --since D` on {latency['events']:,} events: median "
            f"{latency['query_ms_median']} ms, max {latency['query_ms_max']} ms "
            f"({latency['rows_last_query']} rows; store filled in {latency['fill_seconds']} s)"
        )
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps({"store_share": share, "query": latency}, indent=2) + "\n")


if __name__ == "__main__":
    main()
