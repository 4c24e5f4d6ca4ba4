"""The dates stage: time expressions normalised against publication, and each event's date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar, cast

from ..model import DateBasis, Document, Event, EventDate, Precision, Timex
from ..pipeline import register_stage
from .syntax import clause_verb, phrase_chars
from .timex_rules import find_timexes, timex_range

__all__ = ["DatesStage"]

# A timex that names its year or month is explicit; "last week" or "on Tuesday" is relative.
_RELATIVE = re.compile(
    r"\b(ago|last|next|this|coming|past|previous|earlier|later|yesterday|today|tomorrow|"
    r"tonight|recent|recently)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\d,])(1[89]\d\d|20\d\d)(?![\d,])")
_MONTH = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?)\b\.?",
    re.IGNORECASE,
)
_HISTORICAL_AFTER = dt.timedelta(days=365)
# Too vague to place on a calendar ("decades ago" is PAST_REF), but long past all the same.
_LONG_AGO = re.compile(r"\b(years|decades|centuries|generations)\s+ago\b", re.IGNORECASE)


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
        _share_dates(doc.events)
        for event in doc.events:
            if anchor and event.date.end and event.date.basis not in ("publication", "unknown"):
                end = dt.date.fromisoformat(event.date.end)
                if anchor - end > _HISTORICAL_AFTER:
                    event.modality.historical = True
                # Dated after publication ("meet in Jakarta next week"): still to come.
                if event.date.start and dt.date.fromisoformat(event.date.start) > anchor:
                    event.modality.future = True
            if event.date.text and _LONG_AGO.search(event.date.text):
                event.modality.historical = True
        return doc


def _basis(text: str) -> DateBasis:
    """Explicit when the text names the date itself ("July 26", "in 2011"); relative when it
    needs the publication date ("last July", "on Tuesday", "2000 days ago")."""
    if _RELATIVE.search(text):
        return "relative"
    if _YEAR.search(text) or (_MONTH.search(text) and re.search(r"\b\d{1,2}\b", text)):
        return "explicit"
    return "relative"


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
        basis = _basis(timex.text)
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


def _share_dates(events: list[Event]) -> None:
    """An event told again without a date takes the date the story gave it elsewhere
    ("… detained Bazoum on July 26" then "the detention of Bazoum …")."""
    dated: dict[tuple[object, ...], EventDate] = {}
    for event in events:
        if event.date.basis in ("explicit", "relative") and event.actors:
            dated.setdefault(_same_event(event), event.date)
    for event in events:
        if event.date.basis in ("publication", "unknown") and event.actors:
            known = dated.get(_same_event(event))
            if known is not None:
                event.date = known.model_copy()


def _same_event(event: Event) -> tuple[object, ...]:
    return (event.event_type, tuple(sorted(event.actors)), tuple(sorted(event.recipients)))


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
    return phrase_chars(clause_verb(span[0]))
