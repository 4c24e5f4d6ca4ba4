"""Terminal rendering of coded Documents: the readable `--format table` summary (rich)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import Document, Event

__all__ = ["event_table", "print_documents"]

_EVIDENCE_WIDTH = 90


def _actor_label(doc: Document, ids: list[str]) -> str:
    labels = []
    for actor_id in ids:
        actor = doc.actor(actor_id)
        if actor is None:
            continue
        code = "/".join(c for c in (actor.country, actor.sector) if c)
        labels.append(f"{actor.name} ({code})" if code else actor.name)
    return ", ".join(labels) or "–"


def _modality(event: Event) -> str:
    m = event.modality
    flags = [n for n in ("negated", "hypothetical", "future", "historical") if getattr(m, n)]
    return ",".join(flags)


def _evidence(doc: Document, event: Event) -> Text:
    text = event.evidence.text.replace("\n", " ")
    if len(text) > _EVIDENCE_WIDTH:
        text = text[: _EVIDENCE_WIDTH - 1] + "…"
    rendered = Text(text)
    if event.trigger is not None:
        offset = event.trigger.start - event.evidence.start
        if 0 <= offset < len(text):
            rendered.stylize("bold", offset, min(len(text), offset + len(event.trigger.text)))
    return rendered


def event_table(doc: Document) -> Table:
    title = doc.article.title or doc.article.id
    table = Table(
        title=f"{title}  [{doc.article.id}, {doc.article.published_at or 'no date'}]",
        title_justify="left",
        show_lines=False,
        expand=True,
    )
    table.add_column("event", no_wrap=True)
    table.add_column("actor → recipient", ratio=2)
    table.add_column("date", no_wrap=True)
    table.add_column("place", ratio=1)
    table.add_column("evidence", ratio=4)
    for event in doc.events:
        kind = event.event_type + (f"/{event.mode}" if event.mode else "")
        flags = _modality(event)
        if flags:
            kind += f"\n[{flags}]"
        place = doc.place(event.location) if event.location else None
        date = event.date.value or "–"
        if event.date.basis in ("publication", "unknown"):
            date += f" ({event.date.basis})"
        table.add_row(
            kind,
            f"{_actor_label(doc, event.actors)} → {_actor_label(doc, event.recipients)}",
            date,
            place.name if place else "–",
            _evidence(doc, event),
        )
    return table


def print_documents(docs: Iterable[Document], console: Console) -> int:
    count = 0
    for doc in docs:
        count += 1
        if doc.events:
            console.print(event_table(doc))
        else:
            console.print(f"[dim]{doc.article.id}: no events found[/dim]")
        console.print(
            f"[dim]  {len(doc.actors)} actors, {len(doc.places)} places, "
            f"{len(doc.timexes)} time expressions, {len(doc.quotes)} quotes[/dim]\n"
        )
    return count
