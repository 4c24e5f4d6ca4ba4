"""Find temporal expressions in news text with regex rules and normalise them to TIMEX3 values."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from eventwire.model import Timex

from . import timex_dates, timex_spans
from .timex_registry import Ctx, Kind, Rule
from .timex_values import timex_range

__all__ = ["find_timexes", "timex_range"]

# Rule order breaks ties between equal spans of equal priority, so it is fixed here, not left
# to the order in which the rule modules happen to be imported.
_RULES: tuple[Rule, ...] = (*timex_dates.RULES, *timex_spans.RULES)


# ---------------------------------------------------------------- assembly


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: Kind
    value: str | None
    priority: int


def _candidates(ctx: Ctx) -> list[_Candidate]:
    found = []
    for rule in _RULES:
        for m in rule.pattern.finditer(ctx.text):
            try:
                hit = rule.handler(m, ctx)
            except (ValueError, OverflowError):
                # "99999 months ago" lies outside the calendar: still a time expression,
                # with no value, rather than a failed article.
                hit = ("DURATION" if "ago" not in m.group(0).lower() else "DATE", None)
            if hit is not None and m.end() > m.start():
                found.append(_Candidate(m.start(), m.end(), hit[0], hit[1], rule.priority))
    return found


def _select(found: list[_Candidate]) -> list[_Candidate]:
    """Longest spans first, then rule priority; drop anything overlapping a kept span."""
    kept: list[_Candidate] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


_DAY_VALUE = re.compile(r"(?:\d{4}-\d\d-\d\d|XXXX-WXX-\d|XXXX-\d\d-\d\d)$")
_CLOCK_VALUE = re.compile(r"^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)(T\d\d:\d\d)$")


def _merge_clock_and_day(text: str, kept: list[_Candidate]) -> list[_Candidate]:
    """ "10 a.m. Tuesday" / "Tuesday, 10 a.m." become one TIME carrying the day's date."""
    out: list[_Candidate] = []
    for c in kept:
        prev = out[-1] if out else None
        if prev and re.fullmatch(r",?\s+", text[prev.end : c.start]):
            pair = (prev, c) if prev.kind == "TIME" else (c, prev)
            clock = _CLOCK_VALUE.match(pair[0].value or "") if pair[0].kind == "TIME" else None
            day = pair[1].value or ""
            if clock and pair[1].kind == "DATE" and _DAY_VALUE.match(day):
                out[-1] = _Candidate(prev.start, c.end, "TIME", day + clock.group(1), 0)
                continue
        out.append(c)
    return out


def find_timexes(text: str, anchor: dt.date | None) -> list[Timex]:
    """Every temporal expression in `text`, resolved against `anchor` (the publication date).

    Relative expressions ("yesterday", "last week", "two years ago") get a value only when an
    anchor is given; names without a year ("July 26", "Friday") fall back to "XXXX-07-26" and
    "XXXX-WXX-5". Spans follow TimeML: modifiers such as "the past", "last", "early" are inside,
    prepositions ("on", "in", "for") are outside.

    Resolution conventions, news first: a bare weekday or month name is the most recent one not
    after the anchor (the anchor's own weekday or month is the anchor's), unless the sentence
    has a future cue ("will", "scheduled to", "until" ...); "last"/"next" step strictly back or
    forward. A month and day without a year take the anchor's year unless that lands more than
    half a year away. "In two weeks" and "the past week" are durations, as TimeML annotates them.
    """
    ctx = Ctx(text, anchor)
    kept = _merge_clock_and_day(text, _select(_candidates(ctx)))
    return [
        Timex(text=text[c.start : c.end], start=c.start, end=c.end, type=c.kind, value=c.value)
        for c in kept
    ]
