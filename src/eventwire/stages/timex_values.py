"""TIMEX3 value arithmetic: turning resolved calendar facts into values, and values into ranges."""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = [
    "NUMBER_WORDS",
    "SEASONS",
    "UNIT_CODES",
    "ago_value",
    "day_value",
    "duration_value",
    "month_value",
    "parse_quantity",
    "resolve_month",
    "resolve_month_day",
    "resolve_weekday",
    "season_value",
    "shift_months",
    "timex_range",
    "unit_value",
    "week_value",
]

Direction = str  # "past" (most recent, not after the anchor), "future", "last", "next", "this"

# Unit → (TIMEX3 duration letter, whether it belongs after the "T" of a period, multiplier).
UNIT_CODES: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1),
    "minute": ("M", True, 1),
    "hour": ("H", True, 1),
    "day": ("D", False, 1),
    "week": ("W", False, 1),
    "fortnight": ("W", False, 2),
    "month": ("M", False, 1),
    "quarter": ("M", False, 3),
    "year": ("Y", False, 1),
    "decade": ("Y", False, 10),
    "century": ("Y", False, 100),
}

# Meteorological (northern) seasons: code → first month. Winter "YYYY-WI" is the winter whose
# January falls in YYYY, so it runs from December of YYYY-1 to February of YYYY.
SEASONS: dict[str, tuple[str, int]] = {
    "spring": ("SP", 3),
    "summer": ("SU", 6),
    "autumn": ("FA", 9),
    "fall": ("FA", 9),
    "winter": ("WI", 12),
}

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        (
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        )
    )
}
_TENS = {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "twenty": 20,
    "hundred": 100,
}
# The number words a quantity may be spelt with (compounds such as "twenty-five" aside).
NUMBER_WORDS: tuple[str, ...] = (*list(_NUMBER_WORDS)[1:], *_TENS)
_VAGUE = {"few", "a few", "several", "many", "some", "couple", "a couple of", "the few"}


def parse_quantity(text: str) -> int | float | None:
    """A number word or numeral as a number; None for vague amounts such as "several"."""
    t = " ".join(text.lower().replace(",", "").split())
    if t in ("a", "an", "one", "a single"):
        return 1
    if t in ("a couple of", "a couple", "couple of"):
        return 2
    if t in _VAGUE or t.startswith(("a few", "several", "many")):
        return None
    if re.fullmatch(r"\d+", t):
        return int(t)
    if re.fullmatch(r"\d*\.\d+", t):
        return float(t)
    if t in _NUMBER_WORDS:
        return _NUMBER_WORDS[t]
    parts = re.split(r"[\s-]+", t)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _NUMBER_WORDS:
        return _TENS[parts[0]] + _NUMBER_WORDS[parts[1]]
    return _TENS.get(t)


def duration_value(qty: int | float | None, unit: str) -> str:
    """A TIMEX3 period: (3, "year") → "P3Y", (48, "hour") → "PT48H", (None, "month") → "PXM"."""
    letter, timed, mult = UNIT_CODES[unit]
    prefix = "PT" if timed else "P"
    if qty is None:
        # TimeML spells vague decades and centuries with their own units.
        letter = {"decade": "DE", "century": "CE"}.get(unit, letter)
        return f"{prefix}X{letter}"
    amount = qty * mult
    text = f"{amount:g}" if isinstance(amount, float) else str(amount)
    return f"{prefix}{text}{letter}"


def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift_months(d: dt.date, months: int) -> dt.date:
    """The same day `months` later (clamped to the month's end)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(d.day, last))


def resolve_month(anchor: dt.date, month: int, direction: Direction) -> str:
    """A month name without a year. Bare names look back (news reports what happened)."""
    year = anchor.year
    if direction == "last":
        year -= 1 if month >= anchor.month else 0
    elif direction == "next":
        year += 1 if month <= anchor.month else 0
    elif direction == "future":
        year += 1 if month < anchor.month else 0
    elif direction == "past":
        year -= 1 if month > anchor.month else 0
    return month_value(year, month)


def resolve_month_day(
    anchor: dt.date, month: int, day: int, weekday: int | None = None
) -> str | None:
    """A month and day without a year: the anchor's year, as news style omits the current year.

    Only when that reading lies more than half a year from the anchor does the nearest reading
    win ("Dec. 28" in a January article). A stated weekday ("Monday, Aug. 7") picks the year it
    fits.
    """
    readings = []
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if weekday is None or cand.weekday() == weekday:
            readings.append(cand)
    if not readings:
        return None
    if readings[0].year == anchor.year and abs((readings[0] - anchor).days) <= 183:
        return day_value(readings[0])
    return day_value(min(readings, key=lambda d: abs((d - anchor).days)))


def resolve_weekday(anchor: dt.date, weekday: int, direction: Direction) -> dt.date:
    """A weekday name: bare, the most recent one (the anchor's own weekday is the anchor)."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "last":
        return anchor - dt.timedelta(days=back or 7)
    if direction == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "future":
        return anchor + dt.timedelta(days=ahead)
    if direction == "this":
        return anchor + dt.timedelta(days=weekday - anchor.weekday())
    return anchor - dt.timedelta(days=back)


def season_value(anchor: dt.date, season: str, direction: Direction) -> str:
    """A season relative to the anchor: "this summer", "last winter", "next spring"."""
    code, first = SEASONS[season]

    # Label each occurrence by the year its value carries, then pick the one the words point to.
    def start(label_year: int) -> dt.date:
        return dt.date(label_year - 1, 12, 1) if code == "WI" else dt.date(label_year, first, 1)

    def end(label_year: int) -> dt.date:
        return shift_months(start(label_year), 3) - dt.timedelta(days=1)

    years = range(anchor.year - 1, anchor.year + 3)
    if direction in ("last", "past"):
        started = direction == "past"
        year = max(y for y in years if end(y) < anchor or (started and start(y) <= anchor))
    elif direction == "next":
        year = min(y for y in years if start(y) > anchor)
    elif code == "WI":
        # "This winter" in spring means the one just ended; from summer on, the coming one.
        year = anchor.year + (1 if anchor.month >= 6 else 0)
    else:
        year = anchor.year
    return f"{year:04d}-{code}"


def unit_value(anchor: dt.date, unit: str, delta: int) -> str:
    """The week, weekend, month, quarter, year, decade or century `delta` units from the anchor."""
    if unit in ("week", "weekend"):
        week = week_value(anchor + dt.timedelta(weeks=delta))
        return week + "-WE" if unit == "weekend" else week
    if unit in ("month", "quarter"):
        d = shift_months(anchor, delta * (3 if unit == "quarter" else 1))
        quarter = f"{d.year}-Q{(d.month + 2) // 3}"
        return month_value(d.year, d.month) if unit == "month" else quarter
    if unit == "decade":
        return f"{anchor.year // 10 + delta:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + delta:02d}"
    return f"{anchor.year + delta:04d}"


def ago_value(anchor: dt.date, qty: int | float, unit: str) -> str:
    """ "Three weeks ago" → the ISO week three weeks back, at the unit's own precision."""
    n = int(qty)
    if unit in ("second", "minute", "hour"):
        hours = {"second": n / 3600, "minute": n / 60, "hour": n}[unit]
        return day_value(anchor - dt.timedelta(days=int(hours // 24)))
    if unit == "day":
        return day_value(anchor - dt.timedelta(days=n))
    if unit in ("week", "fortnight"):
        return week_value(anchor - dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit in ("month", "quarter"):
        back = shift_months(anchor, -n * (3 if unit == "quarter" else 1))
        return month_value(back.year, back.month)
    if unit == "year":
        return f"{anchor.year - n:04d}"
    if unit == "decade":
        return f"{(anchor.year - 10 * n) // 10:03d}"
    return f"{(anchor.year - 100 * n) // 100:02d}"


def _quarter_range(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, 3 * quarter - 2, 1)
    return first, shift_months(first, 3) - dt.timedelta(days=1)


_RANGE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), name)
    for p, name in (
        (r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", "day"),
        (r"(\d{4})-W(\d\d)(?:-(WE|[1-7]))?(?:T.*)?", "week"),
        (r"(\d{4})-(\d\d)", "month"),
        (r"(\d{4})-Q([1-4])", "quarter"),
        (r"(\d{4})-H([12])", "half"),
        (r"(\d{4})-(SP|SU|FA|WI)", "season"),
        (r"(\d{4})", "year"),
        (r"(\d{3})", "decade"),
        (r"(\d{2})", "century"),
    )
)


def timex_range(value: str) -> tuple[dt.date, dt.date, str] | None:
    """A TIMEX3 date value as (first day, last day, precision); None for periods, refs, unknowns.

    Precision names the unit the range's edges are aligned to: a day (also a weekday inside an
    ISO week), a week (ISO week Monday..Sunday; the weekend "WE" is Saturday..Sunday, at day
    precision), a month (months, quarters, halves and seasons, which all span whole months) or
    a year (years, decades "199", centuries "19").
    """
    for pattern, name in _RANGE_PATTERNS:
        m = pattern.fullmatch(value)
        if m:
            try:
                return _range_of(name, m.groups())
            except (ValueError, OverflowError):
                return None
    return None


def _range_of(name: str, g: tuple[str | None, ...]) -> tuple[dt.date, dt.date, str]:
    year = int(g[0] or 0)
    if name == "day":
        d = dt.date(year, int(g[1] or 0), int(g[2] or 0))
        return d, d, "day"
    if name == "week":
        monday = dt.date.fromisocalendar(year, int(g[1] or 0), 1)
        if g[2] == "WE":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "day"
        if g[2]:
            d = monday + dt.timedelta(days=int(g[2]) - 1)
            return d, d, "day"
        return monday, monday + dt.timedelta(days=6), "week"
    if name == "month":
        first = dt.date(year, int(g[1] or 0), 1)
        return first, shift_months(first, 1) - dt.timedelta(days=1), "month"
    if name in ("quarter", "half"):
        size = 1 if name == "quarter" else 2
        first, _ = _quarter_range(year, (int(g[1] or 0) - 1) * size + 1)
        _, last = _quarter_range(year, int(g[1] or 0) * size)
        return first, last, "month"
    if name == "season":
        code = g[1]
        first_month = next(m for c, m in SEASONS.values() if c == code)
        first = dt.date(year - 1, 12, 1) if code == "WI" else dt.date(year, first_month, 1)
        return first, shift_months(first, 3) - dt.timedelta(days=1), "month"
    span = {"year": 1, "decade": 10, "century": 100}[name]
    first_year = year * span
    return dt.date(max(first_year, 1), 1, 1), dt.date(first_year + span - 1, 12, 31), "year"
