"""The Store: one database holding articles, their coded annotations and the runs that made them."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, tuple_, update

from ..model import Article, Document, RunCounts, RunRecord
from . import schema as t
from .db import connect, database_url
from .dedup import SIMILAR, MinHash, similarity
from .rows import annotation_rows, article_row

__all__ = ["Known", "Store", "content_hash"]

_TABLES = {
    "sentences": t.sentences,
    "entities": t.entities,
    "actors": t.actors,
    "places": t.places,
    "timexes": t.timexes,
    "quotes": t.quotes,
    "events": t.events,
    "event_actors": t.event_actors,
}
# Parents before children when inserting; children first when deleting.
_INSERT_ORDER = (
    "sentences",
    "entities",
    "actors",
    "places",
    "timexes",
    "quotes",
    "events",
    "event_actors",
)


def content_hash(text: str) -> str:
    """The identity of an article's body: whitespace differences do not make a new article."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


@dataclass(frozen=True)
class Known:
    """What the store already holds under an article id."""

    content_hash: str
    pipeline_version: str | None
    duplicate_of: str | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Store:
    """A database of coded articles. Open with :meth:`open`; every write is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, db: str | None = None, *, create: bool = True) -> Store:
        """Open ``db`` (a path or URL; default: EVENTWIRE_DATABASE_URL, else eventwire.db)."""
        return cls(connect(database_url(db), create=create))

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- runs ---

    def start_run(
        self,
        *,
        pipeline_version: str,
        model_versions: dict[str, str],
        settings: dict[str, Any],
        sources: list[str],
    ) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(t.runs).values(
                    started_at=_now(),
                    status="running",
                    pipeline_version=pipeline_version,
                    model_versions=model_versions,
                    settings=settings,
                    sources=sources,
                    **RunCounts().model_dump(),
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def record_failure(self, run_id: int, article_id: str | None, stage: str, message: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(t.run_failures).values(
                    run_id=run_id, article_id=article_id, stage=stage, message=message
                )
            )

    def update_run(self, run_id: int, counts: RunCounts, *, finished: bool = False) -> None:
        values: dict[str, Any] = counts.model_dump()
        if finished:
            values |= {"status": "finished", "finished_at": _now()}
        with self.engine.begin() as conn:
            conn.execute(update(t.runs).where(t.runs.c.id == run_id).values(**values))

    def runs(self) -> list[RunRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.runs).order_by(t.runs.c.id)).mappings().all()
        return [
            RunRecord(
                **{k: row[k] for k in RunCounts.model_fields},
                id=row["id"],
                started_at=_iso(row["started_at"]) or "",
                finished_at=_iso(row["finished_at"]),
                status=row["status"],
                pipeline_version=row["pipeline_version"],
            )
            for row in rows
        ]

    def failures(self, run_id: int) -> list[dict[str, Any]]:
        query = (
            select(t.run_failures.c.article_id, t.run_failures.c.stage, t.run_failures.c.message)
            .where(t.run_failures.c.run_id == run_id)
            .order_by(t.run_failures.c.id)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    # --- articles ---

    def known(self, article_id: str) -> Known | None:
        query = select(
            t.articles.c.content_hash, t.articles.c.pipeline_version, t.articles.c.duplicate_of
        ).where(t.articles.c.id == article_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else Known(row[0], row[1], row[2])

    def original_of(self, text_hash: str, signature: MinHash, *, exclude: str) -> str | None:
        """The first stored article with the same body, or a near-copy of it (syndication)."""
        with self.engine.connect() as conn:
            same = conn.execute(
                select(t.articles.c.id)
                .where(t.articles.c.content_hash == text_hash, t.articles.c.id != exclude)
                .where(t.articles.c.duplicate_of.is_(None))
                .order_by(t.articles.c.coded_at)
                .limit(1)
            ).scalar()
            if same is not None:
                return str(same)
            bands = signature.bands()
            candidates = conn.execute(
                select(t.articles.c.id, t.articles.c.minhash)
                .join(t.article_bands, t.article_bands.c.article_id == t.articles.c.id)
                .where(
                    tuple_(t.article_bands.c.band, t.article_bands.c.value).in_(
                        list(enumerate(bands))
                    ),
                    t.articles.c.id != exclude,
                )
                .where(t.articles.c.duplicate_of.is_(None))
                .distinct()
            ).all()
        best: tuple[float, str] | None = None
        for cid, blob in candidates:
            if blob is None:
                continue
            score = similarity(signature, MinHash.from_bytes(blob))
            if score >= SIMILAR and (best is None or score > best[0]):
                best = (score, str(cid))
        return None if best is None else best[1]

    def save_document(
        self,
        doc: Document,
        *,
        text: str,
        signature: MinHash,
        pipeline_version: str,
        run_id: int | None = None,
    ) -> None:
        """Store a coded article, replacing what was stored under its id, in one transaction."""
        row = article_row(doc, text) | {
            "content_hash": content_hash(text),
            "minhash": signature.to_bytes(),
            "duplicate_of": None,
            "pipeline_version": pipeline_version,
            "coded_at": _now(),
            "run_id": run_id,
        }
        article_id = doc.article.id
        with self.engine.begin() as conn:
            self._replace_article(conn, row, signature)
            for name, rows in annotation_rows(doc).items():
                if rows:
                    conn.execute(
                        insert(_TABLES[name]), [r | {"article_id": article_id} for r in rows]
                    )

    def save_duplicate(
        self, article: Article, *, duplicate_of: str, signature: MinHash, run_id: int | None = None
    ) -> None:
        """Store a copy of an already stored story, linked to it and not coded again."""
        row = article_row(article, article.text) | {
            "content_hash": content_hash(article.text),
            "minhash": signature.to_bytes(),
            "duplicate_of": duplicate_of,
            "pipeline_version": None,
            "coded_at": _now(),
            "run_id": run_id,
        }
        with self.engine.begin() as conn:
            self._replace_article(conn, row, None)

    def _replace_article(self, conn: Any, row: dict[str, Any], signature: MinHash | None) -> None:
        article_id = row["id"]
        for name in reversed(_INSERT_ORDER):
            table = _TABLES[name]
            conn.execute(delete(table).where(table.c.article_id == article_id))
        conn.execute(delete(t.article_bands).where(t.article_bands.c.article_id == article_id))
        exists = conn.execute(
            select(func.count()).select_from(t.articles).where(t.articles.c.id == article_id)
        ).scalar()
        if exists:
            conn.execute(update(t.articles).where(t.articles.c.id == article_id).values(**row))
        else:
            conn.execute(insert(t.articles).values(**row))
        if signature is not None:
            conn.execute(
                insert(t.article_bands),
                [
                    {"band": i, "value": value, "article_id": article_id}
                    for i, value in enumerate(signature.bands())
                ],
            )

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and tests."""
        out = {}
        with self.engine.connect() as conn:
            for table in (t.articles, t.runs, *_TABLES.values()):
                out[table.name] = int(
                    conn.execute(select(func.count()).select_from(table)).scalar() or 0
                )
        return out


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")
