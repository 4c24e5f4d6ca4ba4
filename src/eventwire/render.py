"""Terminal rendering of coded Documents: the readable `--format table` summary (rich)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import Document, Event

__all__ = ["event_table", "print_documents"]

_EVIDENCE_WIDTH = 110


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


def _evidence(event: Event) -> Text:
    """The evidence sentence, cut to a window around the trigger, the trigger in bold."""
    text = event.evidence.text.replace("\n", " ")
    offset = event.trigger.start - event.evidence.start if event.trigger else 0
    first = max(0, min(offset - _EVIDENCE_WIDTH // 3, len(text) - _EVIDENCE_WIDTH))
    window = text[first : first + _EVIDENCE_WIDTH]
    prefix = "…" if first > 0 else ""
    suffix = "…" if first + _EVIDENCE_WIDTH < len(text) else ""
    rendered = Text(prefix + window + suffix)
    if event.trigger is not None and 0 <= offset - first < len(window):
        begin = len(prefix) + offset - first
        rendered.stylize("bold", begin, begin + len(event.trigger.text))
    return rendered


def event_table(doc: Document) -> Table:
    title = doc.article.title or doc.article.id
    table = Table(
        # Text, not markup: titles and ids are the user's and may hold "[brackets]".
        title=Text(f"{title}  [{doc.article.id}, {doc.article.published_at or 'no date'}]"),
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
            Text(kind),
            Text(f"{_actor_label(doc, event.actors)} → {_actor_label(doc, event.recipients)}"),
            Text(date),
            Text(place.name if place else "–"),
            _evidence(event),
        )
    return table


def print_documents(docs: Iterable[Document], console: Console) -> int:
    count = 0
    for doc in docs:
        count += 1
        if doc.events:
            console.print(event_table(doc))
        else:
            console.print(Text(f"{doc.article.id}: no events found", style="dim"))
        console.print(
            f"[dim]  {len(doc.actors)} actors, {len(doc.places)} places, "
            f"{len(doc.timexes)} time expressions, {len(doc.quotes)} quotes[/dim]\n"
        )
    return count
