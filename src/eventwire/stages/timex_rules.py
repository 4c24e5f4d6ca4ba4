"""Find temporal expressions in news text with regex rules and normalise them to TIMEX3 values."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from eventwire.model import Timex

from .timex_values import (
    NUMBER_WORDS,
    SEASONS,
    ago_value,
    day_value,
    duration_value,
    month_value,
    parse_quantity,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    season_value,
    timex_range,
    unit_value,
)

__all__ = ["find_timexes", "timex_range"]

Kind = Literal["DATE", "TIME", "DURATION", "SET"]
Hit = tuple[Kind, str | None]

# ---------------------------------------------------------------- vocabulary

_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# Proper names are matched case-sensitively so "may impose" and "a march" are never dates.
_MONTH = (
    r"(?-i:(?P<mon>(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)))"
)
_WEEKDAY = r"(?-i:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
_YEAR = r"\b(?P<y>(?:19|20)\d\d)\b"
_UNIT = (
    r"(?P<u>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?"
    r"|century|centuries)\b"
)
_PLURAL_UNIT = r"(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"
_NUMBER_WORDS = sorted(NUMBER_WORDS, key=len, reverse=True)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"


def _qty(name: str) -> str:
    return (
        rf"\b(?P<{name}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{_TENS})-(?:{_ONES})"
        rf"|{'|'.join(_NUMBER_WORDS)}|a\s+few|a\s+couple\s+of|a\s+couple|several|few|many|an?)"
    )


_QTY = _qty("q")
# TimeML keeps these modifiers inside the span (with a "mod" attribute we do not carry).
_APPROX = (
    r"(?:(?:almost|nearly|about|around|roughly|approximately|more\s+than|less\s+than"
    r"|fewer\s+than|at\s+least|at\s+most|up\s+to|a\s+mere|barely|well\s+over)\s+)?"
)
_MOD = (
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:(?:early|late|mid)[\s-]+|(?:end|beginning|start"
    r"|middle)\s+of\s+(?:the\s+)?))?"
)
_TZ_BODY = r"\s+(?:(?-i:GMT|UTC|[ECMP][SD]?T|BST|CES?T|IST|JST|MSK)\b|local\s+time\b)"
_TZ = rf"(?:{_TZ_BODY})?"

# Words before a bare year or a bare "May"/"March" that make a calendar reading safe.
_DATE_PREV = {
    "in",
    "since",
    "by",
    "until",
    "till",
    "of",
    "from",
    "during",
    "through",
    "before",
    "after",
    "between",
    "and",
    "or",
    "to",
    "early",
    "late",
    "mid",
    "circa",
    "end",
    "throughout",
    "beginning",
    "start",
    "middle",
    "on",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "year",
    "fiscal",
    "season",
}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that"}
_QUANTITY_PREV = {
    "about",
    "some",
    "nearly",
    "almost",
    "over",
    "than",
    "around",
    "approximately",
    "roughly",
    "least",
    "only",
    "just",
    "estimated",
    "additional",
    "another",
    "total",
    "no.",
    "no",
    "number",
    "nos.",
    "room",
    "suite",
    "route",
    "flight",
    "page",
}
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
class _Ctx:
    text: str
    anchor: dt.date | None


Handler = Callable[[re.Match[str], _Ctx], Hit | None]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: Handler
    priority: int


_RULES: list[_Rule] = []


def _rule(pattern: str, priority: int = 5) -> Callable[[Handler], Handler]:
    """Register a handler for a pattern; a lower priority wins a tie between equal spans."""

    def register(fn: Handler) -> Handler:
        # Every expression starts a word (or a digit, or an apostrophe year like '90s); the
        # look-around lets the engine skip the inside of words and the gaps between them, which
        # more than halves the scan time.
        guarded = r"(?<![^\W\d_])(?=[\w'’])(?:" + pattern + ")"
        _RULES.append(_Rule(re.compile(guarded, re.IGNORECASE), fn, priority))
        return fn

    return register


# ---------------------------------------------------------------- context helpers


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w'’.-]+)\W*$", text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def _next_text(text: str, end: int) -> str:
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


def _future(m: re.Match[str], ctx: _Ctx) -> bool:
    """Whether the clause around the match talks about the future (tense cue words)."""
    if _FUTURE_PREV.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return True
    return bool(_FUTURE_CUE.search(_clause(ctx.text, m.start(), m.end())))


def _direction(rel: str | None, m: re.Match[str], ctx: _Ctx) -> str:
    rel = (rel or "").lower()
    if rel in ("last", "past", "previous"):
        return "last"
    if rel in ("next", "coming", "following"):
        return "next"
    if rel == "this":
        return "this"
    return "future" if _future(m, ctx) else "past"


def _month_of(token: str) -> int:
    key = token.rstrip(".").lower()
    return _MONTHS.get(key) or _MONTH_ABBR[key]


def _unit(token: str) -> str:
    u = token.lower()
    return "century" if u.startswith("centur") else u.rstrip("s")


def _at_sentence_start(text: str, start: int) -> bool:
    head = text[:start].rstrip()
    return not head or head[-1] in '.!?"“:\n'


# ---------------------------------------------------------------- absolute dates


@_rule(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b", 1)
def _iso_date(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    try:
        return "DATE", day_value(dt.date(int(m["y"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return None


@_rule(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)\b", 1)
def _slash_date(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    # Only the readings that US (M/D) and European (D/M) order agree on, or that one rules out.
    if a > 12 >= b:
        a, b = b, a
    elif not (b > 12 >= a or a == b):
        return None
    try:
        return "DATE", day_value(dt.date(year, a, b))
    except ValueError:
        return None


def _month_day(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    month, day = _month_of(m["mon"]), int(m["d"])
    if m["y"]:
        try:
            return "DATE", day_value(dt.date(int(m["y"]), month, day))
        except ValueError:
            return None
    if not 1 <= day <= 31:
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    weekday = _WEEKDAYS[m["wd"].lower()] if m["wd"] else None
    return "DATE", resolve_month_day(ctx.anchor, month, day, weekday)


_rule(
    rf"(?:{_WEEKDAY},?\s+)?{_MOD}{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+{_YEAR})?",
    2,
)(_month_day)
_rule(
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTH}(?:,?\s+{_YEAR})?",
    2,
)(_month_day)


@_rule(rf"{_MOD}{_MONTH},?\s+(?:of\s+)?(?:{_YEAR}|(?P<rel>last|this|next)\s+year\b)", 2)
def _month_year(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    year = _year_for(m, ctx, m["rel"])
    return "DATE", None if year is None else month_value(year, _month_of(m["mon"]))


@_rule(rf"{_MOD}(?:(?P<rel>last|next|this|past|coming)\s+)?{_MONTH}", 3)
def _month_alone(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    token = m["mon"]
    if token.rstrip(".").lower() not in _MONTHS:
        return None  # a lone abbreviation is more often a name ("Jun", "Mar") than a month
    framed = bool(m["mod"] or m["rel"]) or _prev_word(ctx.text, m.start()) in _DATE_PREV
    if not framed and token in ("May", "March"):
        return None
    if not framed and re.match(r"\s+(?-i:[A-Z])", _next_text(ctx.text, m.end())):
        return None  # "April Smith", "August Rush": a name, not a month
    if re.match(r"\s+of\s+(?-i:[A-Z])", _next_text(ctx.text, m.end())):
        return None  # "the March of Dimes"
    month = _month_of(token)
    if ctx.anchor is None:
        return "DATE", None if m["rel"] else f"XXXX-{month:02d}"
    return "DATE", resolve_month(ctx.anchor, month, _direction(m["rel"], m, ctx))


@_rule(rf"{_MOD}(?:(?P<fy>fiscal(?:\s+year)?|(?-i:FY))\s*)?{_YEAR}(?![-–][a-z])", 4)
def _year(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    text, start, end = ctx.text, m.start("y"), m.end()
    prev = _prev_word(text, start)
    after = _next_text(text, end)
    if (start > 0 and text[start - 1] in "$£€#") or after.startswith("%"):
        return None
    if prev in _QUANTITY_PREV or re.match(r"\s*(?:percent|per\s+cent)\b", after):
        return None
    if re.search(r"\d[-–./]$", text[max(0, start - 2) : start]) and not re.search(
        r"(?:19|20)\d\d[-–]$", text[max(0, start - 5) : start]
    ):
        return None  # a phone number or code: "815-748-2060"
    framed = (
        bool(m["mod"] or m["fy"])
        or prev in _DATE_PREV
        or prev in _DETERMINERS
        or prev.endswith(("'s", "’s"))
        or re.match(r"\s*(?:[.,;:)!?\"”’]|$|[-–/]\d)", after)
        or re.search(r"(?:19|20)\d\d\s*[-–]\s*$", text[max(0, start - 8) : start])
    )
    return ("DATE", m["y"]) if framed else None


@_rule(r"(?<=\b(?:19|20)\d\d[-–/])(?P<y>\d\d)\b(?![-–/]\d)", 4)
def _year_range_end(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    first = int(ctx.text[m.start() - 5 : m.start() - 1])
    year = first // 100 * 100 + int(m["y"])
    year += 100 if year <= first else 0
    return ("DATE", str(year)) if year - first <= 10 else None


@_rule(
    r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<c>19|20)(?P<d>\d)0|['’](?P<d2>\d)0)['’]?s\b", 3
)
def _decade(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    if m["c"]:
        return "DATE", m["c"] + m["d"]
    # "the '20s" is the 2020s only once that decade has begun relative to the anchor.
    digit = int(m["d2"])
    year_now = ctx.anchor.year if ctx.anchor else 2000
    return "DATE", f"{20 if 2000 + digit * 10 <= year_now else 19}{digit}"


_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        (
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        )
    )
}


@_rule(
    rf"{_MOD}(?P<n>\d{{1,2}}(?:st|nd|rd|th)|(?:twenty-)?(?:{'|'.join(_ORDINALS)}))"
    r"[\s-]+century\b",
    3,
)
def _century(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    word = m["n"].lower()
    if word[0].isdigit():
        n = int(word[:-2])
    else:
        n = (20 if word.startswith("twenty-") else 0) + _ORDINALS[word.removeprefix("twenty-")]
    return "DATE", f"{n - 1:02d}"


# ---------------------------------------------------------------- seasons, quarters, halves


@_rule(
    rf"{_MOD}(?:(?P<rel>this|last|next|past|coming|the|every|each)\s+)?"
    rf"(?P<s>spring|summer|autumn|fall|winter)\b(?:,?\s*(?:of\s+)?{_YEAR})?",
    3,
)
def _season(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    word, rel = m["s"], (m["rel"] or "").lower()
    code = SEASONS[word.lower()][0]
    if rel in ("every", "each"):
        return "SET", f"XXXX-{code}"
    framed = bool(m["mod"] or rel or m["y"]) or _prev_word(ctx.text, m.start()) in _DATE_PREV
    if not framed or (word.lower() == "fall" and not (rel or m["y"] or m["mod"])):
        return None
    if word[0].isupper() and not _at_sentence_start(ctx.text, m.start("s")):
        return None  # "the Arab Spring", "the Winter Olympics"
    if not m["y"] and re.match(r"\s+of\b", _next_text(ctx.text, m.end())):
        return None  # "the fall of Baghdad"
    if m["y"]:
        return "DATE", f"{m['y']}-{code}"
    if ctx.anchor is None:
        return "DATE", None
    direction = "this" if rel == "this" else _direction(rel if rel != "the" else None, m, ctx)
    return "DATE", season_value(ctx.anchor, word.lower(), direction)


_QUARTER_ORD = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}


def _year_for(m: re.Match[str], ctx: _Ctx, rel: str | None) -> int | None:
    if m["y"]:
        return int(m["y"])
    if ctx.anchor is None:
        return None
    return ctx.anchor.year + {"last": -1, "next": 1}.get((rel or "").lower(), 0)


@_rule(
    r"(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
    r"(?:fiscal[\s-]+)?quarter\b(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?"
    + _YEAR
    + r"|(?:the\s+)?(?P<rel>this|last|next|current)\s+(?:fiscal\s+)?year\b))?",
    2,
)
def _quarter(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    quarter = _QUARTER_ORD[m["ord"].lower()]
    if m["ord"].lower() == "last" and not (m["y"] or m["rel"]):
        return None  # "the last quarter" is the previous quarter: see _relative_unit
    year = _year_for(m, ctx, m["rel"])
    if year is None:
        return "DATE", None
    if ctx.anchor and not (m["y"] or m["rel"]) and quarter > (ctx.anchor.month + 2) // 3:
        # A quarter still to come this year was last year's, unless the clause looks ahead.
        year -= 0 if _future(m, ctx) else 1
    return "DATE", f"{year}-Q{quarter}"


@_rule(r"\b(?-i:Q(?P<q>[1-4]))\b(?:\s+" + _YEAR + ")?", 2)
def _quarter_code(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    year = _year_for(m, ctx, None)
    return "DATE", None if year is None else f"{year}-Q{m['q']}"


@_rule(
    r"(?:the\s+)?(?P<ord>first|second|latter)\s+half\s+of\s+(?:(?:fiscal\s+)?"
    + _YEAR
    + r"|(?:the\s+)?(?P<rel>this|last|next|current|the)\s+(?:fiscal\s+)?year\b)",
    2,
)
def _half(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    year = _year_for(m, ctx, m["rel"])
    half = 1 if m["ord"].lower() == "first" else 2
    return "DATE", None if year is None else f"{year}-H{half}"


# ---------------------------------------------------------------- deictic days and weekdays


@_rule(
    r"(?:(?P<pre>earlier|later|early|late)\s+)?(?:the\s+day\s+(?P<da>before|after)\s+)?"
    r"\b(?P<w>today|yesterday|tomorrow|tonight|this|last)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    3,
)
def _deictic_day(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    word, part = m["w"].lower(), (m["part"] or "").lower()
    if word in ("this", "last") and not part:
        return None
    if word == "last" and part in ("morning", "afternoon"):
        return None  # "last morning" is not idiomatic; "last night" and "last evening" are
    if word == "today" and _prev_word(ctx.text, m.start()) == "usa":
        return None
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    offset += {"before": -1, "after": 1}.get((m["da"] or "").lower(), 0)
    code = "NI" if word == "tonight" else _PARTS.get(part)
    kind: Kind = "TIME" if code else "DATE"
    if ctx.anchor is None:
        return kind, None
    value = day_value(ctx.anchor + dt.timedelta(days=offset))
    return kind, f"{value}T{code}" if code else value


_NEWSPAPER = re.compile(
    r"\s+(?-i:Times|Telegraph|Mirror|Express|Herald|Post|Mail|Night\s+Football"
    r"|Bloody)\b"
)


@_rule(
    rf"(?:(?P<pre>early|late)\s+)?(?:(?P<rel>last|next|this|past|coming|following|previous)"
    rf"\s+)?{_WEEKDAY}(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    3,
)
def _weekday(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    if _NEWSPAPER.match(_next_text(ctx.text, m.end("wd"))):
        return None
    if _prev_word(ctx.text, m.start()) in (
        "super",
        "good",
        "easter",
        "black",
        "ash",
        "palm",
        "holy",
        "cyber",
        "bloody",
    ):
        return None
    weekday = _WEEKDAYS[m["wd"].lower()]
    code = _PARTS.get((m["part"] or "").lower())
    kind: Kind = "TIME" if code else "DATE"
    if ctx.anchor is None:
        value = None if m["rel"] else f"XXXX-WXX-{weekday + 1}"
    else:
        value = day_value(resolve_weekday(ctx.anchor, weekday, _direction(m["rel"], m, ctx)))
    return kind, f"{value}T{code}" if code and value else value


# ---------------------------------------------------------------- weeks, months, years around now


@_rule(
    rf"{_MOD}(?:(?P<pre>earlier|later)\s+)?(?:the\s+)?(?:(?P<rel>last|this|next|previous|past"
    r"|coming|current|following|same|the)\s+)?"
    r"(?P<u>week|weekend|month|quarter|year|decade|century)\b(?![-\s]+(?:old|long)\b)",
    3,
)
def _relative_unit(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    rel, unit = (m["rel"] or "the").lower(), m["u"].lower()
    starts_the = m.group(0).lower().startswith("the ")
    if rel == "the" and not (m["mod"] or (unit == "weekend" and starts_the)):
        return None  # a bare "the year" is anaphoric, "a weekend barbecue" no date
    spans_decades = rel in ("past", "last", "next", "coming", "previous", "following") and unit in (
        "decade",
        "century",
    )
    if (rel == "past" and starts_the and unit != "weekend") or (spans_decades and not m["mod"]):
        return "DURATION", duration_value(1, unit)
    if ctx.anchor is None or rel == "same":
        return "DATE", None
    delta = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}.get(
        rel, 0
    )
    # News says "the weekend" for the one just past until Friday comes round.
    if unit == "weekend" and rel == "the" and ctx.anchor.weekday() < 4:
        delta = -1
    return "DATE", unit_value(ctx.anchor, unit, delta)


@_rule(
    r"(?:(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+next|the\s+coming)\s+)"
    r"fiscal(?:\s+year)?\b",
    3,
)
def _fiscal(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    if ctx.anchor is None:
        return "DATE", None
    rel = m["rel"].lower().removeprefix("the ")
    return "DATE", str(
        ctx.anchor.year + {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    )


@_rule(rf"{_APPROX}(?:{_QTY}[\s-]+)?{_UNIT}\s+ago\b", 2)
def _ago(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    qty = parse_quantity(m["q"]) if m["q"] else None
    if ctx.anchor is None:
        return "DATE", None
    if qty is None:
        return "DATE", "PAST_REF"
    return "DATE", ago_value(ctx.anchor, qty, _unit(m["u"]))


@_rule(
    rf"(?:the\s+)?(?P<rel>past|last|next|previous|coming|first|final|following|ensuing"
    rf"|preceding)\s+(?:{_QTY}\s+)?{_UNIT}",
    3,
)
def _span_around_now(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    unit = m["u"].lower()
    if not m["q"] and (not unit.endswith("s") or m["rel"].lower() in ("first", "final")):
        return None  # "the past week" is _relative_unit's; "the final seconds" is no span
    if m["q"] and m["q"].lower() in ("a", "an"):
        return None  # "could last a decade": "last" is the verb
    return "DURATION", duration_value(parse_quantity(m["q"]) if m["q"] else None, _unit(unit))


@_rule(r"(?:(?:more|most|very)\s+)?recent\s+(?:(?P<u>days|weeks|months|years|decades)|times)\b", 3)
def _recent_units(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    if not m["u"]:
        return "DATE", "PAST_REF"
    return "DURATION", duration_value(None, _unit(m["u"]))


# ---------------------------------------------------------------- vague references


@_rule(
    r"\b(?P<w>recently|lately|now|nowadays|currently|presently|soon|at\s+present"
    r"|these\s+days|at\s+the\s+(?:time|moment)|at\s+that\s+time)\b",
    6,
)
def _reference(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    word = " ".join(m["w"].lower().split())
    after = _next_text(ctx.text, m.end())
    if word == "now" and after.startswith(("-", "‐")):
        return None  # "the now-defunct party"
    if word == "soon" and (
        _prev_word(ctx.text, m.start()) == "as"
        or re.match(r"\s+(?:after|afterwards?|before|thereafter)\b", after, re.I)
    ):
        return None
    if word in ("recently", "lately", "at the time", "at that time"):
        return "DATE", "PAST_REF"
    return "DATE", "FUTURE_REF" if word == "soon" else "PRESENT_REF"


@_rule(
    r"\bthe\s+(?:(?:recent|distant|near|not[\s-]+too[\s-]+distant|foreseeable|immediate)\s+)?"
    r"(?P<w>past|future)\b",
    6,
)
def _past_future(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    if _prev_word(ctx.text, m.start()) not in (
        "in",
        "into",
        "from",
        "for",
        "of",
        "than",
        "like",
        "to",
    ):
        return None
    return "DATE", "PAST_REF" if m["w"].lower() == "past" else "FUTURE_REF"


# ---------------------------------------------------------------- durations

# Ages ("a 35-year-old", "children 6 months and older") measure people, not time.
# "Year-on-year" and "year-end" are not spans of time either.
_AGE = (
    r"-old|\s+old\b|\s+of\s+age\b|\s+(?:and|or)\s+(?:older|younger|over|under|above|up)\b"
    r"|-(?:on|over|to)-|-end\b"
)


@_rule(rf"{_APPROX}{_QTY}(?P<sep>[\s-]+){_UNIT}(?!{_AGE})", 5)
def _duration(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    plural = m["u"].lower().endswith(("s", "centuries"))
    if plural and (m["sep"].strip() == "-" or m["q"].lower() in ("a", "an")):
        return None  # "an hours-long standoff"
    if (
        m["u"].lower() == "second"
        and m["q"].lower() in ("a", "an")
        and _prev_word(ctx.text, m.start()) not in ("for", "in", "within", "than", "half", "split")
    ):
        return None  # "a second campus": the ordinal
    return "DURATION", duration_value(parse_quantity(m["q"]), _unit(m["u"]))


_HALVES = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}


@_rule(r"\bhalf\s+an?\s+(?P<u>hour|day|year|decade|century)\b", 5)
def _half_unit(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    return "DURATION", _HALVES[m["u"].lower()]


@_rule(rf"{_QTY}(?=\s+(?:and|or|to)\s+{_qty('q2')}\s+{_UNIT})", 5)
def _shared_unit(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    # "between 12 and 18 months": the first number borrows the unit of the second.
    if parse_quantity(m["q"]) is None or m["q"].lower() in ("a", "an"):
        return None
    return "DURATION", duration_value(parse_quantity(m["q"]), _unit(m["u"]))


_BARE_PREV = {
    "for",
    "over",
    "within",
    "after",
    "in",
    "take",
    "takes",
    "took",
    "taken",
    "taking",
    "spent",
    "spend",
    "spends",
    "lasted",
    "lasting",
    "waited",
    "wait",
    "than",
}
_BARE_NEXT = re.compile(r"\s+(?:before|after|later|earlier|long|of)\b", re.I)


@_rule(rf"(?:(?P<vq>several|many|a\s+few|few|hundreds\s+of|dozens\s+of)\s+)?{_PLURAL_UNIT}", 6)
def _bare_units(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    framed = (
        m["vq"]
        or _prev_word(ctx.text, m.start()) in _BARE_PREV
        or _BARE_NEXT.match(_next_text(ctx.text, m.end()))
    )
    return ("DURATION", duration_value(None, _unit(m["u"]))) if framed else None


# ---------------------------------------------------------------- sets


@_rule(
    rf"\b(?:every|each)\s+(?:(?P<other>other)\s+|{_QTY}\s+)?(?:{_UNIT}|{_WEEKDAY}"
    r"|(?P<part>morning|afternoon|evening|night)\b|(?P<we>weekend)\b)",
    2,
)
def _every(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    if m["wd"]:
        return "SET", f"XXXX-WXX-{_WEEKDAYS[m['wd'].lower()] + 1}"
    if m["part"]:
        return "SET", f"XXXX-XX-XXT{_PARTS[m['part'].lower()]}"
    if m["we"]:
        return "SET", "XXXX-WXX-WE"
    qty = 2 if m["other"] else parse_quantity(m["q"]) if m["q"] else 1
    return "SET", duration_value(qty or 1, _unit(m["u"]))


_ADVERB_SETS = {
    "annually": "P1Y",
    "yearly": "P1Y",
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "hourly": "PT1H",
    "nightly": "XXXX-XX-XXTNI",
    "quarterly": "P3M",
    "biweekly": "P2W",
    "biannually": "P6M",
}


@_rule(rf"\b(?-i:(?P<w>{'|'.join(_ADVERB_SETS)}))\b", 4)
def _adverb_set(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    return "SET", _ADVERB_SETS[m["w"]]


@_rule(rf"\b(?:once|twice|thrice|{_QTY}\s+times)\s+(?:a|an|per|every|each)\s+{_UNIT}", 2)
def _frequency(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    return "SET", duration_value(1, _unit(m["u"]))


@_rule(rf"\b(?:per|an?)\s+(?P<u>hour|day|week|month|year)\b(?!{_AGE})", 4)
def _rate(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    # "$5 million a year": a rate, so a set; a lone "a year" stays a duration.
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    if m.group(0).lower().startswith("per") or re.search(
        r"(?:\d|%|million|billion|trillion|thousand|percent|cent)\s+(?:[\w-]+\s+){0,2}$",
        before,
        re.I,
    ):
        return "SET", duration_value(1, m["u"].lower())
    return None


@_rule(r"(?-i:\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s\b)", 4)
def _weekday_set(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    return "SET", f"XXXX-WXX-{_WEEKDAYS[m['wd'].lower()] + 1}"


# ---------------------------------------------------------------- clock times


def _clock(ctx: _Ctx, hour: int, minute: int) -> str:
    day = day_value(ctx.anchor) if ctx.anchor else "XXXX-XX-XX"
    return f"{day}T{hour:02d}:{minute:02d}"


@_rule(r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?" + _TZ, 2)
def _clock_12(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return "TIME", _clock(ctx, hour, int(m["mi"] or 0))


@_rule(rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![:.]?\d)(?P<tz>{_TZ_BODY})?", 2)
def _clock_24(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    if not m["tz"] and _prev_word(ctx.text, m.start()) not in (
        "at",
        "by",
        "until",
        "before",
        "after",
        "around",
        "from",
    ):
        return None  # "3:07" could be a score or a running time
    return "TIME", _clock(ctx, int(m["h"]), int(m["mi"]))


@_rule(r"\b(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?:\.\d+)?(?![:.]?\d)", 1)
def _elapsed(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    # News prints clock times to the minute; "3:07:35" is a race or running time.
    return "DURATION", f"PT{int(m['h'])}H{int(m['mi'])}M{int(m['s'])}S"


@_rule(r"\b(?P<w>noon|midday|midnight)\b", 4)
def _noon(m: re.Match[str], ctx: _Ctx) -> Hit | None:
    return "TIME", _clock(ctx, 24 if m["w"].lower() == "midnight" else 12, 0)


# ---------------------------------------------------------------- assembly


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: Kind
    value: str | None
    priority: int


def _candidates(ctx: _Ctx) -> list[_Candidate]:
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
    ctx = _Ctx(text, anchor)
    kept = _merge_clock_and_day(text, _select(_candidates(ctx)))
    return [
        Timex(text=text[c.start : c.end], start=c.start, end=c.end, type=c.kind, value=c.value)
        for c in kept
    ]
