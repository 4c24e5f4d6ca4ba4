"""Reads TIMEX3 values as calendar ranges, for the relaxed timex value check."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

__all__ = ["day_of", "relaxed_match", "value_range"]

DayRange = tuple[date, date]

_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# A day, optionally with a time of day after it (2013-03-23T15:00, 2013-03-22TAF).
_DAY_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")


def day_of(value: str | None) -> date | None:
    """The day a TIMEX3 value names, when it is a day or a time on a day."""
    match = _DAY_TIME.fullmatch(value or "")
    if match is None:
        return None
    return _safe_date(*(int(g) for g in match.groups()[:3]))


def value_range(value: str | None) -> DayRange | None:
    """First and last day covered by YYYY, YYYY-MM, YYYY-Www, YYYY-Qn, YYYY-MM-DD or A/B."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        return _interval(value_range(first), value_range(last))
    try:
        return _single_range(value)
    except ValueError:  # month 13, week 54, day 30 of February …
        return None


def relaxed_match(gold: str | None, predicted: str | None) -> bool:
    """Exact equality, or the gold day lies inside the predicted period."""
    if gold is not None and gold == predicted:
        return True
    day, period = day_of(gold), value_range(predicted)
    return day is not None and period is not None and period[0] <= day <= period[1]


def _single_range(value: str) -> DayRange | None:
    if m := _YEAR.fullmatch(value):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31)
    if m := _MONTH.fullmatch(value):
        return _month_range(int(m[1]), int(m[2]), int(m[2]))
    if m := _QUARTER.fullmatch(value):
        first = 3 * int(m[2]) - 2
        return _month_range(int(m[1]), first, first + 2)
    if m := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6)
    if m := _DAY.fullmatch(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    return None


def _month_range(year: int, first: int, last: int) -> DayRange:
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _interval(first: DayRange | None, last: DayRange | None) -> DayRange | None:
    if first is None or last is None or first[0] > last[1]:
        return None
    return first[0], last[1]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
