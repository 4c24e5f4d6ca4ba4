"""Timex rules for calendar dates: days, months, years, decades, seasons, quarters, weekdays."""

from __future__ import annotations

import datetime as dt
import re

from .timex_registry import (
    MOD,
    PARTS,
    WEEKDAY,
    WEEKDAYS,
    Ctx,
    Hit,
    Kind,
    RuleSet,
    at_sentence_start,
    direction_of,
    is_future,
    next_text,
    prev_word,
)
from .timex_values import (
    SEASONS,
    day_value,
    month_value,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    season_value,
)

__all__ = ["RULES"]

_rule = RuleSet()
RULES = _rule.rules

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
# Proper names are matched case-sensitively so "may impose" and "a march" are never dates.
_MONTH = (
    r"(?-i:(?P<mon>(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)))"
)
_YEAR = r"\b(?P<y>(?:19|20)\d\d)\b"

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


def _month_of(token: str) -> int:
    key = token.rstrip(".").lower()
    return _MONTHS.get(key) or _MONTH_ABBR[key]


# ---------------------------------------------------------------- absolute dates


@_rule(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b", 1)
def _iso_date(m: re.Match[str], ctx: Ctx) -> Hit | None:
    try:
        return "DATE", day_value(dt.date(int(m["y"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return None


@_rule(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)\b", 1)
def _slash_date(m: re.Match[str], ctx: Ctx) -> Hit | None:
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


def _month_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
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
    weekday = WEEKDAYS[m["wd"].lower()] if m["wd"] else None
    return "DATE", resolve_month_day(ctx.anchor, month, day, weekday)


_rule(
    rf"(?:{WEEKDAY},?\s+)?{MOD}{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+{_YEAR})?",
    2,
)(_month_day)
_rule(
    rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTH}(?:,?\s+{_YEAR})?",
    2,
)(_month_day)


@_rule(rf"{MOD}{_MONTH},?\s+(?:of\s+)?(?:{_YEAR}|(?P<rel>last|this|next)\s+year\b)", 2)
def _month_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    year = _year_for(m, ctx, m["rel"])
    return "DATE", None if year is None else month_value(year, _month_of(m["mon"]))


@_rule(rf"{MOD}(?:(?P<rel>last|next|this|past|coming)\s+)?{_MONTH}", 3)
def _month_alone(m: re.Match[str], ctx: Ctx) -> Hit | None:
    token = m["mon"]
    if token.rstrip(".").lower() not in _MONTHS:
        return None  # a lone abbreviation is more often a name ("Jun", "Mar") than a month
    framed = bool(m["mod"] or m["rel"]) or prev_word(ctx.text, m.start()) in _DATE_PREV
    if not framed and token in ("May", "March"):
        return None
    if not framed and re.match(r"\s+(?-i:[A-Z])", next_text(ctx.text, m.end())):
        return None  # "April Smith", "August Rush": a name, not a month
    if re.match(r"\s+of\s+(?-i:[A-Z])", next_text(ctx.text, m.end())):
        return None  # "the March of Dimes"
    month = _month_of(token)
    if ctx.anchor is None:
        return "DATE", None if m["rel"] else f"XXXX-{month:02d}"
    return "DATE", resolve_month(ctx.anchor, month, direction_of(m["rel"], m, ctx))


@_rule(rf"{MOD}(?:(?P<fy>fiscal(?:\s+year)?|(?-i:FY))\s*)?{_YEAR}(?![-–][a-z])", 4)
def _year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    text, start, end = ctx.text, m.start("y"), m.end()
    prev = prev_word(text, start)
    after = next_text(text, end)
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
def _year_range_end(m: re.Match[str], ctx: Ctx) -> Hit | None:
    first = int(ctx.text[m.start() - 5 : m.start() - 1])
    year = first // 100 * 100 + int(m["y"])
    year += 100 if year <= first else 0
    return ("DATE", str(year)) if year - first <= 10 else None


@_rule(
    r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<c>19|20)(?P<d>\d)0|['’](?P<d2>\d)0)['’]?s\b", 3
)
def _decade(m: re.Match[str], ctx: Ctx) -> Hit | None:
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
    rf"{MOD}(?P<n>\d{{1,2}}(?:st|nd|rd|th)|(?:twenty-)?(?:{'|'.join(_ORDINALS)}))"
    r"[\s-]+century\b",
    3,
)
def _century(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word = m["n"].lower()
    if word[0].isdigit():
        n = int(word[:-2])
    else:
        n = (20 if word.startswith("twenty-") else 0) + _ORDINALS[word.removeprefix("twenty-")]
    return "DATE", f"{n - 1:02d}"


# ---------------------------------------------------------------- seasons, quarters, halves


@_rule(
    rf"{MOD}(?:(?P<rel>this|last|next|past|coming|the|every|each)\s+)?"
    rf"(?P<s>spring|summer|autumn|fall|winter)\b(?:,?\s*(?:of\s+)?{_YEAR})?",
    3,
)
def _season(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word, rel = m["s"], (m["rel"] or "").lower()
    code = SEASONS[word.lower()][0]
    if rel in ("every", "each"):
        return "SET", f"XXXX-{code}"
    framed = bool(m["mod"] or rel or m["y"]) or prev_word(ctx.text, m.start()) in _DATE_PREV
    if not framed or (word.lower() == "fall" and not (rel or m["y"] or m["mod"])):
        return None
    if word[0].isupper() and not at_sentence_start(ctx.text, m.start("s")):
        return None  # "the Arab Spring", "the Winter Olympics"
    if not m["y"] and re.match(r"\s+of\b", next_text(ctx.text, m.end())):
        return None  # "the fall of Baghdad"
    if m["y"]:
        return "DATE", f"{m['y']}-{code}"
    if ctx.anchor is None:
        return "DATE", None
    direction = "this" if rel == "this" else direction_of(rel if rel != "the" else None, m, ctx)
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


def _year_for(m: re.Match[str], ctx: Ctx, rel: str | None) -> int | None:
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
def _quarter(m: re.Match[str], ctx: Ctx) -> Hit | None:
    quarter = _QUARTER_ORD[m["ord"].lower()]
    if m["ord"].lower() == "last" and not (m["y"] or m["rel"]):
        return None  # "the last quarter" is the previous quarter: see _relative_unit
    year = _year_for(m, ctx, m["rel"])
    if year is None:
        return "DATE", None
    if ctx.anchor and not (m["y"] or m["rel"]) and quarter > (ctx.anchor.month + 2) // 3:
        # A quarter still to come this year was last year's, unless the clause looks ahead.
        year -= 0 if is_future(m, ctx) else 1
    return "DATE", f"{year}-Q{quarter}"


@_rule(r"\b(?-i:Q(?P<q>[1-4]))\b(?:\s+" + _YEAR + ")?", 2)
def _quarter_code(m: re.Match[str], ctx: Ctx) -> Hit | None:
    year = _year_for(m, ctx, None)
    return "DATE", None if year is None else f"{year}-Q{m['q']}"


@_rule(
    r"(?:the\s+)?(?P<ord>first|second|latter)\s+half\s+of\s+(?:(?:fiscal\s+)?"
    + _YEAR
    + r"|(?:the\s+)?(?P<rel>this|last|next|current|the)\s+(?:fiscal\s+)?year\b)",
    2,
)
def _half(m: re.Match[str], ctx: Ctx) -> Hit | None:
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
def _deictic_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    word, part = m["w"].lower(), (m["part"] or "").lower()
    if word in ("this", "last") and not part:
        return None
    if word == "last" and part in ("morning", "afternoon"):
        return None  # "last morning" is not idiomatic; "last night" and "last evening" are
    if word == "today" and prev_word(ctx.text, m.start()) == "usa":
        return None
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    offset += {"before": -1, "after": 1}.get((m["da"] or "").lower(), 0)
    code = "NI" if word == "tonight" else PARTS.get(part)
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
    rf"\s+)?{WEEKDAY}(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    3,
)
def _weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if _NEWSPAPER.match(next_text(ctx.text, m.end("wd"))):
        return None
    if prev_word(ctx.text, m.start()) in (
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
    weekday = WEEKDAYS[m["wd"].lower()]
    code = PARTS.get((m["part"] or "").lower())
    kind: Kind = "TIME" if code else "DATE"
    if ctx.anchor is None:
        value = None if m["rel"] else f"XXXX-WXX-{weekday + 1}"
    else:
        value = day_value(resolve_weekday(ctx.anchor, weekday, direction_of(m["rel"], m, ctx)))
    return kind, f"{value}T{code}" if code and value else value
