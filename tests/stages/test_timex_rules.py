"""Tests for the rule-based TIMEX3 finder; every sentence here is written for these tests."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from eventwire.stages.timex_rules import find_timexes, timex_range

WED = dt.date(2023, 7, 26)  # a Wednesday, in ISO week 30
MON = dt.date(2023, 7, 24)
JAN = dt.date(2024, 1, 3)

CASES = [
    # absolute dates
    ("Envoys met on July 26 in Doha.", WED, "July 26", "DATE", "2023-07-26"),
    ("The pact was signed on 26 July 2023 in Geneva.", WED, "26 July 2023", "DATE", "2023-07-26"),
    ("Talks resumed on July 26, 2023, after a pause.", WED, "July 26, 2023", "DATE", "2023-07-26"),
    ("The vote took place on Jul. 12 in the capital.", WED, "Jul. 12", "DATE", "2023-07-12"),
    ("The order is dated 2023-07-26.", WED, "2023-07-26", "DATE", "2023-07-26"),
    ("The truce of 26/07/2023 held.", WED, "26/07/2023", "DATE", "2023-07-26"),
    ("The truce of 07/26/2023 held.", WED, "07/26/2023", "DATE", "2023-07-26"),
    ("Riots spread in July 2023 across the north.", WED, "July 2023", "DATE", "2023-07"),
    ("The colony became independent in 1960.", WED, "1960", "DATE", "1960"),
    ("Unrest has simmered since 2011.", WED, "2011", "DATE", "2011"),
    ("The party lost the 2019 election badly.", WED, "2019", "DATE", "2019"),
    ("The feud goes back to the 1990s.", WED, "the 1990s", "DATE", "199"),
    ("Oil boomed in the early 2000s.", WED, "the early 2000s", "DATE", "200"),
    ("Reforms stalled in the mid-1980s.", WED, "the mid-1980s", "DATE", "198"),
    ("The treaty shaped the 20th century.", WED, "20th century", "DATE", "19"),
    ("The dam was built in 1957-58.", WED, "58", "DATE", "1958"),
    ("Shipping fell in the 2008-09 season.", WED, "09", "DATE", "2009"),
    ("A fair is held each year in late May.", WED, "late May", "DATE", "2023-05"),
    ("Prices spiked in mid-March.", WED, "mid-March", "DATE", "2023-03"),
    ("The court will rule on Monday, Aug. 7.", WED, "Monday, Aug. 7", "DATE", "2023-08-07"),
    ("Strikes hit the port on Dec. 28.", JAN, "Dec. 28", "DATE", "2023-12-28"),
    ("The mission ended in June of last year.", WED, "June of last year", "DATE", "2022-06"),
    # month names alone
    ("Rebels took the town in March.", WED, "March", "DATE", "2023-03"),
    ("Rebels took the town in October.", WED, "October", "DATE", "2022-10"),
    ("The summit will be held in October.", WED, "October", "DATE", "2023-10"),
    ("The trial runs until September.", WED, "September", "DATE", "2023-09"),
    ("He was arrested last June.", WED, "last June", "DATE", "2023-06"),  # the latest June gone
    ("He was arrested last September.", WED, "last September", "DATE", "2022-09"),
    ("He was arrested last July.", WED, "last July", "DATE", "2022-07"),
    ("Elections are due next April.", WED, "next April", "DATE", "2024-04"),
    ("Aid arrived in early February.", WED, "early February", "DATE", "2023-02"),
    # seasons, quarters, halves, fiscal years
    ("The army plans an offensive this summer.", WED, "this summer", "DATE", "2023-SU"),
    ("Floods struck last winter.", WED, "last winter", "DATE", "2023-WI"),
    ("Talks collapsed last autumn.", WED, "last autumn", "DATE", "2022-FA"),
    ("A vote is planned for next spring.", WED, "next spring", "DATE", "2024-SP"),
    ("The revolt began in the spring of 2011.", WED, "the spring of 2011", "DATE", "2011-SP"),
    ("Exports fell in the third quarter.", WED, "the third quarter", "DATE", "2023-Q3"),
    ("Growth slowed in the fourth quarter.", WED, "the fourth quarter", "DATE", "2022-Q4"),
    (
        "Profits rose in the first quarter of 2021.",
        WED,
        "the first quarter of 2021",
        "DATE",
        "2021-Q1",
    ),
    ("Output rose in Q2 2022.", WED, "Q2 2022", "DATE", "2022-Q2"),
    ("Debt grew in the first half of 2022.", WED, "the first half of 2022", "DATE", "2022-H1"),
    ("The ministry cut spending this fiscal year.", WED, "this fiscal year", "DATE", "2023"),
    # weekdays
    ("The minister spoke on Wednesday.", WED, "Wednesday", "DATE", "2023-07-26"),
    ("The minister spoke on Tuesday.", WED, "Tuesday", "DATE", "2023-07-25"),
    ("The minister spoke on Thursday.", WED, "Thursday", "DATE", "2023-07-20"),
    ("The minister will speak on Thursday.", WED, "Thursday", "DATE", "2023-07-27"),
    ("The envoys meet next Tuesday.", WED, "next Tuesday", "DATE", "2023-08-01"),
    ("Shelling resumed last Friday.", WED, "last Friday", "DATE", "2023-07-21"),
    ("Shelling resumed last Wednesday.", WED, "last Wednesday", "DATE", "2023-07-19"),
    ("Troops withdrew late Sunday.", WED, "late Sunday", "DATE", "2023-07-23"),
    (
        "The talks are postponed until 14:00 GMT Saturday.",
        WED,
        "14:00 GMT Saturday",
        "TIME",
        "2023-07-29T14:00",
    ),
    # deictic days and times of day
    ("The strike began today.", WED, "today", "DATE", "2023-07-26"),
    ("The strike was called yesterday.", WED, "yesterday", "DATE", "2023-07-25"),
    ("The strike ends tomorrow.", WED, "tomorrow", "DATE", "2023-07-27"),
    ("Rallies are planned tonight.", WED, "tonight", "TIME", "2023-07-26TNI"),
    ("Police cleared the square this morning.", WED, "this morning", "TIME", "2023-07-26TMO"),
    ("Gunfire was heard last night.", WED, "last night", "TIME", "2023-07-25TNI"),
    ("Clashes broke out on Tuesday evening.", WED, "Tuesday evening", "TIME", "2023-07-25TEV"),
    ("The polls open at 10 a.m. sharp.", WED, "10 a.m.", "TIME", "2023-07-26T10:00"),
    ("The blast came at 3:30 p.m. Tuesday.", WED, "3:30 p.m. Tuesday", "TIME", "2023-07-25T15:30"),
    ("The curfew starts at noon.", WED, "noon", "TIME", "2023-07-26T12:00"),
    ("The curfew ends at midnight.", WED, "midnight", "TIME", "2023-07-26T24:00"),
    # weeks, months and years around the anchor
    ("Prices rose last week.", WED, "last week", "DATE", "2023-W29"),
    ("Six people died in the last week.", WED, "the last week", "DATE", "2023-W29"),
    ("Prices rose this week.", WED, "this week", "DATE", "2023-W30"),
    ("Prices will rise next week.", WED, "next week", "DATE", "2023-W31"),
    ("Envoys met earlier this week.", WED, "earlier this week", "DATE", "2023-W30"),
    ("Sales dropped last month.", WED, "last month", "DATE", "2023-06"),
    ("Sales dropped earlier this month.", WED, "earlier this month", "DATE", "2023-07"),
    ("Sales will recover next month.", WED, "next month", "DATE", "2023-08"),
    ("Inflation peaked last year.", WED, "last year", "DATE", "2022"),
    ("Inflation eased this year.", WED, "this year", "DATE", "2023"),
    ("Inflation will ease next year.", WED, "next year", "DATE", "2024"),
    ("The bank failed late last year.", WED, "late last year", "DATE", "2022"),
    ("The plant will close by the end of the year.", WED, "the end of the year", "DATE", "2023"),
    ("Fans rallied over the weekend.", WED, "the weekend", "DATE", "2023-W29-WE"),
    ("A march is planned for this weekend.", WED, "this weekend", "DATE", "2023-W30-WE"),
    ("The ship sank two days ago.", WED, "two days ago", "DATE", "2023-07-24"),
    ("The deal collapsed three weeks ago.", WED, "three weeks ago", "DATE", "2023-W27"),
    ("The war began a year ago.", WED, "a year ago", "DATE", "2022"),
    ("The mine opened 15 years ago.", WED, "15 years ago", "DATE", "2008"),
    ("The mine opened six months ago.", WED, "six months ago", "DATE", "2023-01"),
    ("The town was founded decades ago.", WED, "decades ago", "DATE", "PAST_REF"),
    # references
    ("Clashes have increased recently.", WED, "recently", "DATE", "PAST_REF"),
    ("In the past, the valley was calm.", WED, "the past", "DATE", "PAST_REF"),
    ("The party is now divided.", WED, "now", "DATE", "PRESENT_REF"),
    ("The party is currently divided.", WED, "currently", "DATE", "PRESENT_REF"),
    ("The talks will resume soon.", WED, "soon", "DATE", "FUTURE_REF"),
    ("Talks may resume in the future.", WED, "the future", "DATE", "FUTURE_REF"),
    # durations
    ("Violence surged over the past week.", WED, "the past week", "DURATION", "P1W"),
    ("Ten died in the past three days.", WED, "the past three days", "DURATION", "P3D"),
    ("Prices will climb over the next few months.", WED, "the next few months", "DURATION", "PXM"),
    ("Hundreds fled in recent days.", WED, "recent days", "DURATION", "PXD"),
    ("He was jailed for three years.", WED, "three years", "DURATION", "P3Y"),
    ("The standoff lasted 48 hours.", WED, "48 hours", "DURATION", "PT48H"),
    ("The king ended a two-day visit.", WED, "two-day", "DURATION", "P2D"),
    ("The siege lasted twenty-one days.", WED, "twenty-one days", "DURATION", "P21D"),
    ("The talks will resume in two weeks.", WED, "two weeks", "DURATION", "P2W"),
    ("The feud has lasted decades.", WED, "decades", "DURATION", "PXDE"),
    ("The regime ruled for a decade.", WED, "a decade", "DURATION", "P10Y"),
    ("Nobody visited for years.", WED, "years", "DURATION", "PXY"),
    ("The case dragged on for several months.", WED, "several months", "DURATION", "PXM"),
    ("The vote came almost seven years later.", WED, "almost seven years", "DURATION", "P7Y"),
    ("The repairs take between 10 and 14 days.", WED, "10", "DURATION", "P10D"),
    ("They talked for half an hour.", WED, "half an hour", "DURATION", "PT30M"),
    ("She won the race in 2:41:07.", WED, "2:41:07", "DURATION", "PT2H41M7S"),
    # sets
    ("The festival is held every year.", WED, "every year", "SET", "P1Y"),
    ("The council meets annually.", WED, "annually", "SET", "P1Y"),
    ("The agency files weekly reports.", WED, "weekly", "SET", "P1W"),
    ("Guards are changed each Monday.", WED, "each Monday", "SET", "XXXX-WXX-1"),
    ("Protesters gather every morning.", WED, "every morning", "SET", "XXXX-XX-XXTMO"),
    ("Inspectors visit twice a year.", WED, "twice a year", "SET", "P1Y"),
    ("The mine yields 300 tonnes a day.", WED, "a day", "SET", "P1D"),
    ("Markets close on Fridays.", WED, "Fridays", "SET", "XXXX-WXX-5"),
]


def _by_text(sentence: str, anchor: dt.date | None, text: str) -> tuple[str, str | None]:
    found = find_timexes(sentence, anchor)
    matches = [t for t in found if t.text == text]
    assert matches, f"{text!r} not found; got {[t.text for t in found]}"
    return matches[0].type, matches[0].value


@pytest.mark.parametrize(("sentence", "anchor", "text", "kind", "value"), CASES)
def test_finds_and_normalises(
    sentence: str, anchor: dt.date, text: str, kind: str, value: str
) -> None:
    assert _by_text(sentence, anchor, text) == (kind, value)


NO_ANCHOR = [
    ("Envoys met on July 26 in Doha.", "July 26", "XXXX-07-26"),
    ("Rebels took the town in March.", "March", "XXXX-03"),
    ("The minister spoke on Tuesday.", "Tuesday", "XXXX-WXX-2"),
    ("The strike was called yesterday.", "yesterday", None),
    ("Prices rose last week.", "last week", None),
    ("The ship sank two days ago.", "two days ago", None),
    ("Shelling resumed last Friday.", "last Friday", None),
    ("Rallies are planned tonight.", "tonight", None),
    ("The pact was signed on 26 July 2023 in Geneva.", "26 July 2023", "2023-07-26"),
    ("The colony became independent in 1960.", "1960", "1960"),
    ("He was jailed for three years.", "three years", "P3Y"),
    ("The party is now divided.", "now", "PRESENT_REF"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), NO_ANCHOR)
def test_without_anchor_relative_values_stay_unresolved(
    sentence: str, text: str, value: str | None
) -> None:
    assert _by_text(sentence, None, text)[1] == value


NOT_TIMEXES = [
    ("The government may impose a curfew.", "may"),
    ("May the talks succeed, the envoy said.", "May"),
    ("Thousands joined a protest march to the palace.", "march"),
    ("Organisers of the March of Hope met police.", "March"),
    ("The army deployed 2,000 troops to the border.", "2,000"),
    ("Police said 1500 people fled the fighting.", "1500"),
    ("Rebels freed 2000 prisoners.", "2000"),
    ("Call 555-213-2010 for details.", "2010"),
    ("The Arab Spring toppled several rulers.", "Spring"),
    ("The fall of the capital shocked observers.", "fall"),
    ("Prices may fall sharply.", "fall"),
    ("A 35-year-old man was arrested.", "35-year-old"),
    ("Children 6 months and older were vaccinated.", "6 months"),
    ("The school opened a second campus.", "a second"),
    ("The Sunday Times published the letter.", "Sunday"),
    ("Output grew 3 percent year-on-year.", "year-on-year"),
    ("The now-defunct party was banned.", "now"),
    ("He left as soon as the shooting began.", "soon"),
    ("The winner finished in 3:07 flat.", "3:07"),
]


@pytest.mark.parametrize(("sentence", "word"), NOT_TIMEXES)
def test_false_positive_traps(sentence: str, word: str) -> None:
    start = sentence.index(word)
    end = start + len(word)
    overlapping = [t.text for t in find_timexes(sentence, WED) if t.start < end and start < t.end]
    assert overlapping == []


def test_spans_are_offsets_sorted_and_disjoint() -> None:
    text = (
        "On Monday, July 24, the envoy said talks held last week had failed. In 1999 the same "
        "talks ran for three years; now they will resume next month, and again every year."
    )
    found = find_timexes(text, WED)
    assert [t.text for t in found] == [
        "Monday, July 24",
        "last week",
        "1999",
        "three years",
        "now",
        "next month",
        "every year",
    ]
    for t in found:
        assert text[t.start : t.end] == t.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_weekday_in_monday_article_means_today() -> None:
    assert _by_text("The cabinet met on Monday.", MON, "Monday") == ("DATE", "2023-07-24")


def test_empty_text() -> None:
    assert find_timexes("", WED) == []


RANGES = [
    ("2023-07-26", (dt.date(2023, 7, 26), dt.date(2023, 7, 26), "day")),
    ("2023-07-26TMO", (dt.date(2023, 7, 26), dt.date(2023, 7, 26), "day")),
    ("2023-07-26T10:00", (dt.date(2023, 7, 26), dt.date(2023, 7, 26), "day")),
    ("2023-W30", (dt.date(2023, 7, 24), dt.date(2023, 7, 30), "week")),
    ("2023-W30-WE", (dt.date(2023, 7, 29), dt.date(2023, 7, 30), "day")),
    ("2023-07", (dt.date(2023, 7, 1), dt.date(2023, 7, 31), "month")),
    ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month")),
    ("2023-Q3", (dt.date(2023, 7, 1), dt.date(2023, 9, 30), "month")),
    ("2023-H2", (dt.date(2023, 7, 1), dt.date(2023, 12, 31), "month")),
    ("2023-SU", (dt.date(2023, 6, 1), dt.date(2023, 8, 31), "month")),
    ("2023-WI", (dt.date(2022, 12, 1), dt.date(2023, 2, 28), "month")),
    ("2011", (dt.date(2011, 1, 1), dt.date(2011, 12, 31), "year")),
    ("199", (dt.date(1990, 1, 1), dt.date(1999, 12, 31), "year")),
    ("19", (dt.date(1900, 1, 1), dt.date(1999, 12, 31), "year")),
]


@pytest.mark.parametrize(("value", "expected"), RANGES)
def test_timex_range(value: str, expected: tuple[dt.date, dt.date, str]) -> None:
    assert timex_range(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "P3D",
        "PT48H",
        "PAST_REF",
        "PRESENT_REF",
        "XXXX-07-26",
        "XXXX-WXX-2",
        "2023-13",
        "2023-02-30",
        "P1Y",
        "",
    ],
)
def test_timex_range_is_none_for_periods_refs_and_unknowns(value: str) -> None:
    assert timex_range(value) is None


def test_expressions_outside_the_calendar_get_no_value_instead_of_failing() -> None:
    found = find_timexes("It began 99999 months ago, or 9999999999 days ago.", dt.date(2023, 1, 1))
    assert [(t.text, t.value) for t in found] == [
        ("99999 months ago", None),
        ("9999999999 days ago", None),
    ]
    assert timex_range("9999-W52-WE") is None
