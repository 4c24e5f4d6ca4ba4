"""Chooses the role a known name held on an article's date, from actor lookups in precedence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import ActorFact, ActorLookup

__all__ = ["KnownRole", "article_day", "find_facts", "role_on", "role_with"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Several offices at once: by sector (government first), then head of state or government,
# deputy, minister, other. A president who also chairs ECOWAS acts as Nigeria's president.
_SECTOR_RANK = {s: i for i, s in enumerate("GOV MIL SPY COP LEG JUD PTY OPP REB".split())}
_HEADS = frozenset(
    {
        "president",
        "prime minister",
        "king",
        "queen",
        "emir",
        "amir",
        "sultan",
        "monarch",
        "emperor",
        "chancellor",
        "premier",
        "taoiseach",
        "supreme leader",
        "head of state",
    }
)
_QUALIFIERS = ("acting ", "interim ", "transitional ")
_DEPUTIES = ("vice president", "deputy", "first vice", "crown prince", "vice-president")
_MINISTERS = ("minister", "secretary of state", "secretary")


@dataclass(frozen=True, slots=True)
class KnownRole:
    """What a lookup says a name was on a date. ``sector`` is None before the first term."""

    name: str
    country: str | None
    sector: str | None
    title: str | None
    kb_id: str
    active: bool  # the role was held on the date (or, without a date, is the latest)


def article_day(published_at: str | None) -> str | None:
    """The YYYY-MM-DD of ``published_at`` (a date or an ISO datetime); None without one."""
    if published_at and _DAY.match(published_at):
        return published_at[:10]
    return None


def find_facts(lookups: Sequence[ActorLookup], names: Iterable[str]) -> list[ActorFact]:
    """The facts of the first lookup that knows any of ``names`` (tried in the order given):
    a user's edit of a name hides everything the bundled KB says about it."""
    names = list(names)
    for lookup in lookups:
        for name in names:
            facts = lookup.facts(name)
            if facts:
                return facts
    return []


def role_on(facts: Sequence[ActorFact], day: str | None) -> KnownRole | None:
    """The role ``facts`` give on ``day``; None when they name people who disagree.

    Held that day → that office (the highest of several). Every term over → ELI, the country
    of the last one. Before the first term → the country of the first, sector unknown. No date
    → the latest role.
    """
    return _agreed([_person_role(own, day) for own in _by_person(facts).values()])


def role_with(
    facts: Sequence[ActorFact],
    day: str | None,
    *,
    sector: str | None = None,
    country: str | None = None,
) -> KnownRole | None:
    """The role consistent with what the text says: its sector (for the country) or its
    country (for the sector). ELI in the text matches any office the person has left."""
    roles = []
    for own in _by_person(facts).values():
        mine = [f for f in own if _consistent(f, sector, country)]
        if not mine:
            continue
        if sector == "ELI":
            ended = [f for f in mine if day is None or _last_day(f.end) < day]
            mine = ended or mine
        roles.append(_person_role(mine, day))
    return _agreed(roles)


def _consistent(fact: ActorFact, sector: str | None, country: str | None) -> bool:
    if sector is not None and sector != "ELI":
        return fact.sector == sector
    return country is None or fact.country == country


def _by_person(facts: Sequence[ActorFact]) -> dict[str, list[ActorFact]]:
    people: dict[str, list[ActorFact]] = {}
    for f in facts:
        people.setdefault(f.name, []).append(f)
    return people


def _agreed(roles: list[KnownRole]) -> KnownRole | None:
    """One person, or several where the text cannot tell them apart: only the one in office
    that day, or what they all agree on."""
    if len(roles) <= 1:
        return roles[0] if roles else None
    active = [r for r in roles if r.active]
    if len(active) == 1:
        return active[0]
    if len({(r.country, r.sector) for r in roles}) == 1:
        return roles[0]
    return None  # two people, two answers: never a guess


def _person_role(facts: Sequence[ActorFact], day: str | None) -> KnownRole:
    if day is None:
        latest = max(_last_day(f.end) for f in facts)
        fact = min((f for f in facts if _last_day(f.end) == latest), key=_rank)
        return _role(fact, fact.sector, fact.title, active=True)
    held = [f for f in facts if _first_day(f.start) <= day <= _last_day(f.end)]
    if held:
        fact = min(held, key=_rank)
        return _role(fact, fact.sector, fact.title, active=True)
    ended = [f for f in facts if _last_day(f.end) < day]
    if ended:
        last = max(ended, key=lambda f: (_last_day(f.end), [-n for n in _rank(f)]))
        return _role(last, "ELI", None, active=False)
    first = min(facts, key=lambda f: (_first_day(f.start), _rank(f)))
    return _role(first, None, None, active=False)


def _role(fact: ActorFact, sector: str | None, title: str | None, *, active: bool) -> KnownRole:
    return KnownRole(
        name=fact.name,
        country=fact.country,
        sector=sector,
        title=title,
        kb_id=f"kb:{fact.name}",
        active=active,
    )


def _rank(fact: ActorFact) -> tuple[int, int]:
    """Lower is higher: by sector, then head of state or government, deputy, minister, other."""
    office = (fact.title or "").casefold()
    for q in _QUALIFIERS:
        office = office.removeprefix(q)
    base = office.split(" of ")[0].strip()
    if base in _HEADS and (base == office or fact.sector == "GOV"):
        level = 0
    elif office.startswith(_DEPUTIES):
        level = 1
    elif any(m in office for m in _MINISTERS):
        level = 2
    else:
        level = 3
    return _SECTOR_RANK.get(fact.sector or "", len(_SECTOR_RANK)), level


def _first_day(value: str | None) -> str:
    """The earliest day a YYYY / YYYY-MM / YYYY-MM-DD start can mean; no start: always."""
    return (value + "-01-01")[:10] if value else "0000-00-00"


def _last_day(value: str | None) -> str:
    """The latest day an end can mean; no end: still in office."""
    if not value:
        return "9999-99-99"
    return (value + "-12-31")[:10] if len(value) == 4 else (value + "-31")[:10]
