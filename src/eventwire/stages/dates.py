"""The dates stage: time expressions normalised against publication, and each event's date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar, cast

from ..model import DateBasis, Document, Event, EventDate, Precision, Timex
from ..pipeline import register_stage
from .syntax import phrase_chars
from .timex_rules import find_timexes, timex_range

__all__ = ["DatesStage"]

# A timex that names its year or month is explicit; "last week" or "on Tuesday" is relative.
_EXPLICIT = re.compile(
    r"\b(1[89]\d\d|20\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE
)
_HISTORICAL_AFTER = dt.timedelta(days=365)


@register_stage
class DatesStage:
    """Find and normalise time expressions; date each event from its clause, else publication."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "events")
    assigns: ClassVar[tuple[str, ...]] = ("timexes", "events.date", "events.modality")
    version: ClassVar[str] = "1"

    def __call__(self, doc: Document) -> Document:
        anchor = _anchor(doc.article.published_at)
        doc.timexes = find_timexes(doc.text, anchor)
        for event in doc.events:
            event.date = _event_date(doc, event, anchor)
            if anchor and event.date.end and event.date.basis != "publication":
                end = dt.date.fromisoformat(event.date.end)
                if anchor - end > _HISTORICAL_AFTER:
                    event.modality.historical = True
        return doc


def _anchor(published_at: str | None) -> dt.date | None:
    if not published_at:
        return None
    return dt.date.fromisoformat(published_at[:10])


def _event_date(doc: Document, event: Event, anchor: dt.date | None) -> EventDate:
    timex = _timex_for(doc, event)
    if timex is not None:
        span = timex_range(timex.value) if timex.value else None
        if span is None:
            # "recently", or "last week" with no publication date: said, but not placeable.
            return EventDate(basis="unknown", text=timex.text)
        first, last, precision = span
        basis: DateBasis = "explicit" if _EXPLICIT.search(timex.text) else "relative"
        return EventDate(
            value=first.isoformat(),
            start=first.isoformat(),
            end=last.isoformat(),
            precision=cast(Precision, precision),
            basis=basis,
            text=timex.text,
        )
    if anchor is not None:
        day = anchor.isoformat()
        return EventDate(value=day, start=day, end=day, precision="day", basis="publication")
    return EventDate(basis="unknown")


def _timex_for(doc: Document, event: Event) -> Timex | None:
    """The date expression of the event's clause, else of its sentence; nearest to the trigger."""
    ev = event.evidence
    in_sentence = [
        t
        for t in doc.timexes
        if ev.start <= t.start and t.end <= ev.end and t.type in ("DATE", "TIME")
    ]
    if not in_sentence or event.trigger is None:
        return in_sentence[0] if in_sentence else None
    anchor_at = event.trigger.start
    clause = _clause_chars(doc, anchor_at)
    if clause is not None:
        in_clause = [t for t in in_sentence if clause[0] <= t.start and t.end <= clause[1]]
        if in_clause:
            in_sentence = in_clause
    return min(in_sentence, key=lambda t: abs(t.start - anchor_at))


def _clause_chars(doc: Document, offset: int) -> tuple[int, int] | None:
    sp: Any = doc.parse
    if sp is None:
        return None
    span = sp.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return None
    tok = span[0]
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return phrase_chars(tok)
