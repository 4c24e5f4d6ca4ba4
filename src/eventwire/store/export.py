"""Exports of stored events: PLOVER JSONL, CSV, POLECAT-style TSV and month-partitioned Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from ..model import ActorRef, StoredEvent

__all__ = ["FLAT_COLUMNS", "POLECAT_COLUMNS", "flat_row", "plover_record", "write_export"]

FORMATS = ("plover-jsonl", "csv", "parquet", "polecat-tsv")


def _actor(ref: ActorRef) -> dict[str, Any]:
    return {"name": ref.name, "country": ref.country, "sector": ref.sector, "id": ref.actor_id}


def plover_record(e: StoredEvent) -> dict[str, Any]:
    """One event in PLOVER's JSON form: nested actor, recipient and location objects."""
    return {
        "id": f"{e.article_id}#{e.event_id}",
        "date": e.date,
        "date_end": e.date_end,
        "event": e.event_type,
        "mode": e.mode,
        "context": e.contexts,
        "actor": _actor(e.actors[0]) if e.actors else None,
        "recipient": _actor(e.recipients[0]) if e.recipients else None,
        "actors": [_actor(a) for a in e.actors],
        "recipients": [_actor(r) for r in e.recipients],
        "location": None
        if e.place is None
        else {
            "name": e.place,
            "country": e.place_country,
            "lat": e.lat,
            "lon": e.lon,
            "geonameid": e.geonameid,
        },
        "quad_class": e.quad_class,
        "intensity": e.intensity,
        "cameo": e.cameo,
        "confidence": e.confidence,
        "modality": e.modality.model_dump(),
        "evidence": e.evidence,
        "source": {
            "article_id": e.article_id,
            "title": e.title,
            "url": e.url,
            "published_at": e.published_at,
            "source": e.source,
        },
    }


FLAT_COLUMNS = (
    "article_id", "event_id", "date", "date_end", "event_type", "mode", "quad_class",
    "intensity", "cameo", "confidence", "actor_name", "actor_country", "actor_sector",
    "recipient_name", "recipient_country", "recipient_sector", "place", "place_country", "lat",
    "lon", "geonameid", "negated", "hypothetical", "future", "historical", "contexts",
    "evidence", "title", "url", "published_at", "source",
)  # fmt: skip


def _names(refs: list[ActorRef], attr: str) -> str | None:
    values = [getattr(r, attr) or "" for r in refs]
    return ";".join(values) if any(values) else None


def flat_row(e: StoredEvent) -> dict[str, Any]:
    """One event as a flat row; several actors are joined with ';'."""
    m = e.modality
    return {
        "article_id": e.article_id,
        "event_id": e.event_id,
        "date": e.date,
        "date_end": e.date_end,
        "event_type": e.event_type,
        "mode": e.mode,
        "quad_class": e.quad_class,
        "intensity": e.intensity,
        "cameo": e.cameo,
        "confidence": e.confidence,
        "actor_name": _names(e.actors, "name"),
        "actor_country": _names(e.actors, "country"),
        "actor_sector": _names(e.actors, "sector"),
        "recipient_name": _names(e.recipients, "name"),
        "recipient_country": _names(e.recipients, "country"),
        "recipient_sector": _names(e.recipients, "sector"),
        "place": e.place,
        "place_country": e.place_country,
        "lat": e.lat,
        "lon": e.lon,
        "geonameid": e.geonameid,
        "negated": m.negated,
        "hypothetical": m.hypothetical,
        "future": m.future,
        "historical": m.historical,
        "contexts": ";".join(e.contexts) or None,
        "evidence": e.evidence,
        "title": e.title,
        "url": e.url,
        "published_at": e.published_at,
        "source": e.source,
    }


# The column names of POLECAT's weekly tab-separated files; the COW and Wikipedia columns stay
# empty (eventwire codes ISO countries and has no Wikipedia index).
POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country",
    "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title",
    "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City", "District", "Province",
    "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
    "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
    "Version",
)  # fmt: skip


def polecat_row(e: StoredEvent, version: str) -> dict[str, Any]:
    actor = e.actors[0] if e.actors else ActorRef(actor_id="")
    recipient = e.recipients[0] if e.recipients else ActorRef(actor_id="")
    return {
        "Event ID": f"{e.article_id}#{e.event_id}",
        "Event Date": e.date,
        "Event Type": e.event_type.lower(),
        "Event Mode": e.mode,
        "Intensity": e.intensity,
        "Quad Code": e.quad_class,
        "Contexts": ";".join(e.contexts),
        "Actor Name": actor.name,
        "Actor Country": actor.country,
        "Primary Actor Sector": actor.sector,
        "Actor Sectors": _names(e.actors, "sector"),
        "Actor Name Raw": actor.name,
        "Recipient Name": recipient.name,
        "Recipient Country": recipient.country,
        "Primary Recipient Sector": recipient.sector,
        "Recipient Sectors": _names(e.recipients, "sector"),
        "Recipient Name Raw": recipient.name,
        "Placename": e.place,
        "Country": e.place_country,
        "Latitude": e.lat,
        "Longitude": e.lon,
        "GeoNames ID": e.geonameid,
        "Raw Placename": e.place,
        "Source": e.source or e.url,
        "Publication Date": e.published_at,
        "Language": "en",
        "Version": version,
    }


def write_export(
    events: Iterable[StoredEvent], fmt: str, out: TextIO | Path, *, version: str = ""
) -> int:
    """Write ``events`` in ``fmt`` to a stream (or a folder, for parquet); returns the count."""
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ValueError("parquet is written to a folder, not a stream")
        return write_parquet(events, out)
    assert not isinstance(out, Path)
    if fmt == "plover-jsonl":
        n = 0
        for e in events:
            out.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        return _write_table(out, FLAT_COLUMNS, (flat_row(e) for e in events), ",")
    if fmt == "polecat-tsv":
        return _write_table(out, POLECAT_COLUMNS, (polecat_row(e, version) for e in events), "\t")
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def _write_table(
    out: TextIO, columns: tuple[str, ...], rows: Iterator[dict[str, Any]], delimiter: str
) -> int:
    writer = csv.DictWriter(out, columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def write_parquet(events: Iterable[StoredEvent], folder: Path, *, chunk: int = 50_000) -> int:
    """Parquet files under ``folder/month=YYYY-MM/`` (hive partitioning: DuckDB, pandas, Arrow
    read the month back as a column)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    schema = pa.schema(
        [
            (c, pa.bool_() if c in ("negated", "hypothetical", "future", "historical") else
             pa.float64() if c in ("intensity", "confidence", "lat", "lon") else
             pa.int64() if c in ("quad_class", "geonameid") else pa.string())
            for c in FLAT_COLUMNS
        ]
        + [("month", pa.string())]
    )  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    batch: list[dict[str, Any]] = []

    def flush(part: int) -> None:
        table = pa.Table.from_pylist(batch, schema=schema)
        ds.write_dataset(
            table,
            folder,
            format="parquet",
            partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
            basename_template=f"part-{part}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )

    part = 0
    for e in events:
        row = flat_row(e)
        row["month"] = (e.date or e.published_at or "unknown")[:7]
        batch.append(row)
        total += 1
        if len(batch) >= chunk:
            flush(part)
            part += 1
            batch = []
    if batch or total == 0:
        flush(part)
    return total
