"""Timex rules for spans and references: relative units, durations, sets, clock times, "now"."""

from __future__ import annotations

import re

from .timex_registry import (
    MOD,
    PARTS,
    WEEKDAY,
    WEEKDAYS,
    Ctx,
    Hit,
    RuleSet,
    next_text,
    prev_word,
)
from .timex_values import (
    NUMBER_WORDS,
    ago_value,
    day_value,
    duration_value,
    parse_quantity,
    unit_value,
)

__all__ = ["RULES"]

_rule = RuleSet()
RULES = _rule.rules

# ---------------------------------------------------------------- vocabulary

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
_TZ_BODY = r"\s+(?:(?-i:GMT|UTC|[ECMP][SD]?T|BST|CES?T|IST|JST|MSK)\b|local\s+time\b)"
_TZ = rf"(?:{_TZ_BODY})?"


def _unit(token: str) -> str:
    u = token.lower()
    return "century" if u.startswith("centur") else u.rstrip("s")


# ---------------------------------------------------------------- weeks, months, years around now


@_rule(
    rf"{MOD}(?:(?P<pre>earlier|later)\s+)?(?:the\s+)?(?:(?P<rel>last|this|next|previous|past"
    r"|coming|current|following|same|the)\s+)?"
    r"(?P<u>week|weekend|month|quarter|year|decade|century)\b(?![-\s]+(?:old|long)\b)",
    3,
)
def _relative_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
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
def _fiscal(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if ctx.anchor is None:
        return "DATE", None
    rel = m["rel"].lower().removeprefix("the ")
    return "DATE", str(
        ctx.anchor.year + {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    )


@_rule(rf"{_APPROX}(?:{_QTY}[\s-]+)?{_UNIT}\s+ago\b", 2)
def _ago(m: re.Match[str], ctx: Ctx) -> Hit | None:
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
def _span_around_now(m: re.Match[str], ctx: Ctx) -> Hit | None:
    unit = m["u"].lower()
    if not m["q"] and (not unit.endswith("s") or m["rel"].lower() in ("first", "final")):
        return None  # "the past week" is _relative_unit's; "the final seconds" is no span
    if m["q"] and m["q"].lower() in ("a", "an"):
        return None  # "could last a decade": "last" is the verb
    return "DURATION", duration_value(parse_quantity(m["q"]) if m["q"] else None, _unit(unit))


@_rule(r"(?:(?:more|most|very)\s+)?recent\s+(?:(?P<u>days|weeks|months|years|decades)|times)\b", 3)
def _recent_units(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if not m["u"]:
        return "DATE", "PAST_REF"
    return "DURATION", duration_value(None, _unit(m["u"]))


# ---------------------------------------------------------------- vague references


@_rule(
    r"\b(?P<w>recently|lately|now|nowadays|currently|presently|soon|at\s+present"
    r"|these\s+days|at\s+the\s+(?:time|moment)|at\s+that\s+time)\b",
    6,
)
def _reference(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = " ".join(m["w"].lower().split())
    after = next_text(ctx.text, m.end())
    if word == "now" and after.startswith(("-", "‐")):
        return None  # "the now-defunct party"
    if word == "soon" and (
        prev_word(ctx.text, m.start()) == "as"
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
def _past_future(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if prev_word(ctx.text, m.start()) not in (
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
def _duration(m: re.Match[str], ctx: Ctx) -> Hit | None:
    plural = m["u"].lower().endswith(("s", "centuries"))
    if plural and (m["sep"].strip() == "-" or m["q"].lower() in ("a", "an")):
        return None  # "an hours-long standoff"
    if (
        m["u"].lower() == "second"
        and m["q"].lower() in ("a", "an")
        and prev_word(ctx.text, m.start()) not in ("for", "in", "within", "than", "half", "split")
    ):
        return None  # "a second campus": the ordinal
    return "DURATION", duration_value(parse_quantity(m["q"]), _unit(m["u"]))


_HALVES = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}


@_rule(r"\bhalf\s+an?\s+(?P<u>hour|day|year|decade|century)\b", 5)
def _half_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return "DURATION", _HALVES[m["u"].lower()]


@_rule(rf"{_QTY}(?=\s+(?:and|or|to)\s+{_qty('q2')}\s+{_UNIT})", 5)
def _shared_unit(m: re.Match[str], ctx: Ctx) -> Hit | None:
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
def _bare_units(m: re.Match[str], ctx: Ctx) -> Hit | None:
    framed = (
        m["vq"]
        or prev_word(ctx.text, m.start()) in _BARE_PREV
        or _BARE_NEXT.match(next_text(ctx.text, m.end()))
    )
    return ("DURATION", duration_value(None, _unit(m["u"]))) if framed else None


# ---------------------------------------------------------------- sets


@_rule(
    rf"\b(?:every|each)\s+(?:(?P<other>other)\s+|{_QTY}\s+)?(?:{_UNIT}|{WEEKDAY}"
    r"|(?P<part>morning|afternoon|evening|night)\b|(?P<we>weekend)\b)",
    2,
)
def _every(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m["wd"]:
        return "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}"
    if m["part"]:
        return "SET", f"XXXX-XX-XXT{PARTS[m['part'].lower()]}"
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
def _adverb_set(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return "SET", _ADVERB_SETS[m["w"]]


@_rule(rf"\b(?:once|twice|thrice|{_QTY}\s+times)\s+(?:a|an|per|every|each)\s+{_UNIT}", 2)
def _frequency(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return "SET", duration_value(1, _unit(m["u"]))


@_rule(rf"\b(?:per|an?)\s+(?P<u>hour|day|week|month|year)\b(?!{_AGE})", 4)
def _rate(m: re.Match[str], ctx: Ctx) -> Hit | None:
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
def _weekday_set(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}"


# ---------------------------------------------------------------- clock times


def _clock(ctx: Ctx, hour: int, minute: int) -> str:
    day = day_value(ctx.anchor) if ctx.anchor else "XXXX-XX-XX"
    return f"{day}T{hour:02d}:{minute:02d}"


@_rule(r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?" + _TZ, 2)
def _clock_12(m: re.Match[str], ctx: Ctx) -> Hit | None:
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return "TIME", _clock(ctx, hour, int(m["mi"] or 0))


@_rule(rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![:.]?\d)(?P<tz>{_TZ_BODY})?", 2)
def _clock_24(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if not m["tz"] and prev_word(ctx.text, m.start()) not in (
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
def _elapsed(m: re.Match[str], ctx: Ctx) -> Hit | None:
    # News prints clock times to the minute; "3:07:35" is a race or running time.
    return "DURATION", f"PT{int(m['h'])}H{int(m['mi'])}M{int(m['s'])}S"


@_rule(r"\b(?P<w>noon|midday|midnight)\b", 4)
def _noon(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return "TIME", _clock(ctx, 24 if m["w"].lower() == "midnight" else 12, 0)
