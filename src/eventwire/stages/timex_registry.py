"""The timex rule registry, the match context and the context helpers that rules share."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "MOD",
    "PARTS",
    "WEEKDAY",
    "WEEKDAYS",
    "Ctx",
    "Handler",
    "Hit",
    "Kind",
    "Rule",
    "RuleSet",
    "at_sentence_start",
    "direction_of",
    "is_future",
    "next_text",
    "prev_word",
]

Kind = Literal["DATE", "TIME", "DURATION", "SET"]
Hit = tuple[Kind, str | None]

# ---------------------------------------------------------------- vocabulary

WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# Proper names are matched case-sensitively, as the month names are.
WEEKDAY = r"(?-i:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
MOD = (
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:(?:early|late|mid)[\s-]+|(?:end|beginning|start"
    r"|middle)\s+of\s+(?:the\s+)?))?"
)

_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|shall|going\s+to|(?:is|are)\s+due|due\s+(?:on|in|by|at)"
    r"|(?:expected|scheduled|set|slated|planned)\s+to"
    r"|plans?\s+to|planning\s+to|upcoming|next)\b|'ll\b|’ll\b",
    re.I,
)
# "until 15:00 GMT Saturday": the cue may sit a couple of tokens before the name.
_FUTURE_PREV = re.compile(r"\b(?:until|till|through)\s+(?:\S+\s+){0,2}$", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“])|\n")


@dataclass(frozen=True)
class Ctx:
    text: str
    anchor: dt.date | None


Handler = Callable[[re.Match[str], Ctx], Hit | None]


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    handler: Handler
    priority: int


class RuleSet:
    """Rules in registration order, filled by using the set as a decorator factory."""

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def __call__(self, pattern: str, priority: int = 5) -> Callable[[Handler], Handler]:
        """Register a handler for a pattern; a lower priority wins a tie between equal spans."""

        def register(fn: Handler) -> Handler:
            # Every expression starts a word (or a digit, or an apostrophe year like '90s); the
            # look-around lets the engine skip the inside of words and the gaps between them,
            # which more than halves the scan time.
            guarded = r"(?<![^\W\d_])(?=[\w'’])(?:" + pattern + ")"
            self.rules.append(Rule(re.compile(guarded, re.IGNORECASE), fn, priority))
            return fn

        return register


# ---------------------------------------------------------------- context helpers


def prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w'’.-]+)\W*$", text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def next_text(text: str, end: int) -> str:
    return text[end : end + 40]


def _sentence(text: str, start: int, end: int) -> str:
    left = max(0, start - 160)
    before = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    after = _SENTENCE_END.search(text, end, end + 120)
    return text[before[-1] if before else left : after.start() if after else end + 120]


# Where one clause ends and the next begins: "Talks began on Monday and will last …" has a
# past clause and a future one.
_CLAUSE_BREAK = re.compile(r"[,;:—]|\b(?:and|but|while|whereas|after|before|because)\b")


def _clause(text: str, start: int, end: int) -> str:
    sentence_start = max(0, start - 160)
    sentence = _sentence(text, start, end)
    offset = text.find(sentence, sentence_start)
    if offset < 0:
        return sentence
    breaks = [b.start() + offset for b in _CLAUSE_BREAK.finditer(sentence)]
    left = max((b for b in breaks if b < start), default=offset)
    right = min((b for b in breaks if b >= end), default=offset + len(sentence))
    return text[left:right]


def is_future(m: re.Match[str], ctx: Ctx) -> bool:
    """Whether the clause around the match talks about the future (tense cue words)."""
    if _FUTURE_PREV.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return True
    return bool(_FUTURE_CUE.search(_clause(ctx.text, m.start(), m.end())))


def direction_of(rel: str | None, m: re.Match[str], ctx: Ctx) -> str:
    rel = (rel or "").lower()
    if rel in ("last", "past", "previous"):
        return "last"
    if rel in ("next", "coming", "following"):
        return "next"
    if rel == "this":
        return "this"
    return "future" if is_future(m, ctx) else "past"


def at_sentence_start(text: str, start: int) -> bool:
    head = text[:start].rstrip()
    return not head or head[-1] in '.!?"“:\n'
