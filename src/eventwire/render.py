"""Terminal rendering of coded Documents: the readable `--format table` summary (rich)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import ActorRef, ActorSummary, Document, Event, RunCounts, StoredEvent

__all__ = [
    "actor_summary_table",
    "event_table",
    "highlighted_text",
    "print_documents",
    "run_summary",
    "stored_event_table",
]

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


def _refs(refs: list[ActorRef]) -> str:
    out = []
    for ref in refs:
        code = "/".join(c for c in (ref.country, ref.sector) if c)
        out.append(f"{ref.name} ({code})" if code else ref.name or ref.actor_id)
    return ", ".join(out) or "–"


def stored_event_table(events: Iterable[StoredEvent]) -> Table:
    """Events read from the store, one row each, with their article id for `eventwire article`."""
    table = Table(expand=True, show_lines=False)
    for name, opts in (
        ("date", {"no_wrap": True}),
        ("event", {"no_wrap": True}),
        ("actor → recipient", {"ratio": 2}),
        ("place", {"ratio": 1}),
        ("evidence", {"ratio": 4}),
        ("article", {"ratio": 1}),
    ):
        table.add_column(name, **opts)
    for e in events:
        kind = e.event_type + (f"/{e.mode}" if e.mode else "")
        flags = [n for n, v in e.modality.model_dump().items() if v]
        if flags:
            kind += f"\n[{','.join(flags)}]"
        table.add_row(
            Text(e.date or "–"),
            Text(kind),
            Text(f"{_refs(e.actors)} → {_refs(e.recipients)}"),
            Text(e.place or "–"),
            Text(e.evidence.replace("\n", " ")),
            Text(f"{e.article_id} {e.event_id}"),
        )
    return table


def actor_summary_table(actors: Iterable[ActorSummary]) -> Table:
    table = Table(expand=True)
    for name in ("name", "country", "sector", "title", "articles", "events", "first", "last"):
        table.add_column(name, justify="right" if name in ("articles", "events") else "left")
    for a in actors:
        table.add_row(
            Text(a.name),
            a.country or "–",
            a.sector or "–",
            Text(a.title or "–"),
            str(a.articles),
            str(a.events),
            a.first_seen or "–",
            a.last_seen or "–",
        )
    return table


def highlighted_text(doc: Document) -> Text:
    """The article's text with actors (cyan), places (green), quotes (italic) and event
    triggers (bold red) marked, so that a reader sees what was coded where."""
    text = Text(doc.text)
    for quote in doc.quotes:
        text.stylize("italic", quote.start, quote.end)
    for place in doc.places:
        for span in place.mentions:
            text.stylize("green", span.start, span.end)
    for actor in doc.actors:
        for span in actor.mentions:
            text.stylize("cyan", span.start, span.end)
    for event in doc.events:
        if event.trigger is not None:
            text.stylize("bold red", event.trigger.start, event.trigger.end)
    return text


def run_summary(counts: RunCounts, seconds: float) -> str:
    rate = (counts.new + counts.updated) / seconds if seconds > 0 else 0.0
    return (
        f"{counts.new} new, {counts.updated} updated, {counts.skipped} skipped, "
        f"{counts.duplicate} duplicate, {counts.failed} failed; {counts.events} events coded "
        f"in {seconds:.1f} s ({rate:.2f} articles/s)"
    )
