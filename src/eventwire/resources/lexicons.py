"""Typed, validated loaders for the roles, organisations and triggers lexicons (TSV files here)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Literal

import pycountry

from eventwire.errors import LexiconError
from eventwire.ontology import COUNTRY_NONSTATE, EVENT_TYPES, MODES, SECTORS
from eventwire.resources.countries import KOSOVO

__all__ = [
    "LexiconError",
    "Organisation",
    "Role",
    "RoleKind",
    "Trigger",
    "TriggerPos",
    "check_country",
    "check_sector",
    "load_organisations",
    "load_roles",
    "load_triggers",
    "organisation_index",
    "parse_organisations",
    "parse_roles",
    "parse_triggers",
    "read_rows",
    "split_aliases",
]

RoleKind = Literal["title", "group", "org"]
TriggerPos = Literal["VERB", "NOUN"]

_ROLE_KINDS: dict[str, RoleKind] = {"title": "title", "group": "group", "org": "org"}
_TRIGGER_POS: dict[str, TriggerPos] = {"VERB": "VERB", "NOUN": "NOUN"}
_FORMER: dict[str, bool] = {"0": False, "1": True}

_ROLE_COLUMNS = ("phrase", "sector", "kind", "former")
_ORGANISATION_COLUMNS = ("name", "aliases", "country", "sector")
_TRIGGER_COLUMNS = ("lemma", "pos", "event_type", "mode", "cue")

# Lowercase words separated by single spaces; letters, digits, hyphens, apostrophes, periods.
_PHRASE = re.compile(r"[^\sA-Z]+(?: [^\sA-Z]+)*")
_CUE = re.compile(r"[^\sA-Z]+")


@dataclass(frozen=True, slots=True)
class Role:
    """A title or role phrase and the PLOVER sector it gives an actor.

    ``former`` marks a former holder (coded ELI); a one-word former row ("former", "ex-",
    "late", "ousted") is a modifier that makes the role phrase after it a former one.
    """

    phrase: str
    sector: str
    kind: RoleKind
    former: bool


@dataclass(frozen=True, slots=True)
class Organisation:
    """A named organisation with its aliases, PLOVER country code and sector."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    # Proper names only as written ("National Rally", never "a national rally"); the names of
    # organisations.tsv also match in lower case ("al-Shabaab" opening a sentence).
    as_written: bool = False

    def index_keys(self) -> tuple[str, ...]:
        """The casefolded name and aliases under which the organisation is indexed."""
        return tuple(dict.fromkeys(s.casefold() for s in (self.name, *self.aliases)))


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lemma that signals a PLOVER event type (and mode), optionally only with a cue lemma."""

    lemma: str
    pos: TriggerPos
    event_type: str
    mode: str | None
    cue: str | None


# ---------------------------------------------------------------- parsing


def read_rows(path: Traversable, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each data row, after the comments and the header row."""
    source = str(path)
    expected = "\t".join(columns)
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != columns:
                raise LexiconError(
                    source, number, "header", f"expected columns {expected!r}, got {line!r}"
                )
            header_seen = True
            continue
        if len(fields) != len(columns):
            field = columns[len(fields)] if len(fields) < len(columns) else columns[-1]
            raise LexiconError(
                source,
                number,
                field,
                f"expected {len(columns)} tab-separated fields ({expected!r}), got {len(fields)}",
            )
        for name, value in zip(columns, fields, strict=True):
            if value != value.strip():
                raise LexiconError(source, number, name, f"stray whitespace in {value!r}")
        yield number, fields
    if not header_seen:
        raise LexiconError(source, 1, "header", f"no header row {expected!r}")


def check_sector(source: str, number: int, value: str) -> str:
    """``value`` when it is a PLOVER sector code, else LexiconError for the row's field."""
    if value not in SECTORS:
        raise LexiconError(source, number, "sector", f"unknown PLOVER sector {value!r}")
    return value


def check_country(source: str, number: int, value: str) -> str:
    """``value`` when it is a PLOVER non-state code or an ISO 3166-1 alpha-3 code."""
    if value not in COUNTRY_NONSTATE and value not in _iso_alpha3():
        raise LexiconError(
            source,
            number,
            "country",
            f"{value!r} is neither a PLOVER non-state code nor an ISO 3166-1 alpha-3 code",
        )
    return value


def split_aliases(source: str, number: int, value: str) -> tuple[str, ...]:
    """The '|'-separated aliases of a row; an empty or padded alias is a LexiconError."""
    aliases = tuple(value.split("|")) if value else ()
    if any(not a or a != a.strip() for a in aliases):
        raise LexiconError(source, number, "aliases", f"empty or padded alias in {value!r}")
    return aliases


@cache
def _iso_alpha3() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | {KOSOVO}


def parse_roles(path: Traversable) -> dict[str, Role]:
    """Read a roles TSV file into {phrase: Role}; raises LexiconError on a bad row."""
    source = str(path)
    roles: dict[str, Role] = {}
    lines: dict[str, int] = {}
    for number, (phrase, sector, kind, former) in read_rows(path, _ROLE_COLUMNS):
        if not _PHRASE.fullmatch(phrase):
            raise LexiconError(
                source,
                number,
                "phrase",
                f"{phrase!r} is not a lowercase phrase with single spaces",
            )
        if phrase in roles:
            raise LexiconError(
                source, number, "phrase", f"{phrase!r} already on line {lines[phrase]}"
            )
        if kind not in _ROLE_KINDS:
            raise LexiconError(
                source, number, "kind", f"{kind!r} is not one of {', '.join(_ROLE_KINDS)}"
            )
        if former not in _FORMER:
            raise LexiconError(source, number, "former", f"{former!r} is not 0 or 1")
        if _FORMER[former] and sector != "ELI":
            raise LexiconError(
                source, number, "sector", f"a former role is coded ELI, not {sector!r}"
            )
        roles[phrase] = Role(
            phrase=phrase,
            sector=check_sector(source, number, sector),
            kind=_ROLE_KINDS[kind],
            former=_FORMER[former],
        )
        lines[phrase] = number
    return roles


def parse_organisations(
    path: Traversable,
    *,
    owners: dict[str, tuple[str, int]] | None = None,
    as_written: bool = False,
) -> list[Organisation]:
    """Read an organisations TSV file; every casefolded name and alias must be unique.

    ``owners`` carries the names already taken by files read before this one (name → the
    organisation and "file:line" that holds it), so that uniqueness holds across files.
    """
    source = str(path)
    organisations: list[Organisation] = []
    owners = {} if owners is None else owners
    for number, (name, aliases_field, country, sector) in read_rows(path, _ORGANISATION_COLUMNS):
        if not name:
            raise LexiconError(source, number, "name", "empty name")
        aliases = split_aliases(source, number, aliases_field)
        organisation = Organisation(
            name=name,
            aliases=aliases,
            country=check_country(source, number, country),
            sector=check_sector(source, number, sector),
            as_written=as_written,
        )
        seen_here: set[str] = set()
        for field, surface in [("name", name)] + [("aliases", a) for a in aliases]:
            key = surface.casefold()
            if key in seen_here:
                raise LexiconError(source, number, field, f"{surface!r} repeats on its own row")
            seen_here.add(key)
            if key in owners:
                other, line = owners[key]
                raise LexiconError(
                    source,
                    number,
                    field,
                    f"{surface!r} already names {other!r} on line {line}",
                )
        for key in seen_here:
            owners[key] = (f"{name} ({path.name})", number)
        organisations.append(organisation)
    return organisations


def parse_triggers(path: Traversable) -> dict[tuple[str, str], list[Trigger]]:
    """Read a triggers TSV file into {(lemma, pos): [Trigger, ...]} in file order."""
    source = str(path)
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    lines: dict[tuple[str, str, str], int] = {}
    for number, (lemma, pos, event_type, mode, cue) in read_rows(path, _TRIGGER_COLUMNS):
        if not _PHRASE.fullmatch(lemma):
            raise LexiconError(
                source,
                number,
                "lemma",
                f"{lemma!r} is not a lowercase lemma sequence with single spaces",
            )
        if pos not in _TRIGGER_POS:
            raise LexiconError(source, number, "pos", f"{pos!r} is not VERB or NOUN")
        if event_type not in EVENT_TYPES:
            raise LexiconError(
                source, number, "event_type", f"unknown PLOVER event type {event_type!r}"
            )
        if mode and mode not in MODES[event_type]:
            allowed = ", ".join(EVENT_TYPES[event_type].modes) or "none"
            raise LexiconError(
                source,
                number,
                "mode",
                f"{mode!r} is not a mode of {event_type} (allowed: {allowed})",
            )
        if cue and not _CUE.fullmatch(cue):
            raise LexiconError(source, number, "cue", f"{cue!r} is not one lowercase lemma")
        identity = (lemma, pos, cue)
        if identity in lines:
            raise LexiconError(
                source,
                number,
                "cue",
                f"{lemma!r} {pos} with cue {cue or '(none)'!r} already on line {lines[identity]}",
            )
        lines[identity] = number
        triggers.setdefault((lemma, pos), []).append(
            Trigger(
                lemma=lemma,
                pos=_TRIGGER_POS[pos],
                event_type=event_type,
                mode=mode or None,
                cue=cue or None,
            )
        )
    return triggers


# ---------------------------------------------------------------- packaged lexicons


def _resource(name: str) -> Traversable:
    return files("eventwire.resources") / name


# The loaders are cached and share their result between callers: treat it as read-only.


@cache
def load_roles() -> dict[str, Role]:
    """The packaged roles lexicon, keyed by lowercase phrase."""
    return parse_roles(_resource("roles.tsv"))


@cache
def load_organisations() -> list[Organisation]:
    """The packaged organisations lexicon: organisations.tsv, then every orgs/*.tsv (parties,
    armed forces and security services) in name order; a name or alias is unique across all.
    The orgs/ names are matched as written."""
    owners: dict[str, tuple[str, int]] = {}
    found = parse_organisations(_resource("organisations.tsv"), owners=owners)
    folder = _resource("orgs")
    tables = folder.iterdir() if folder.is_dir() else iter(())
    extra = sorted((p for p in tables if p.name.endswith(".tsv")), key=lambda p: p.name)
    for path in extra:
        found += parse_organisations(path, owners=owners, as_written=True)
    return found


@cache
def organisation_index() -> dict[str, Organisation]:
    """The packaged organisations keyed by casefolded name and by every casefolded alias."""
    return {key: org for org in load_organisations() for key in org.index_keys()}


@cache
def load_triggers() -> dict[tuple[str, str], list[Trigger]]:
    """The packaged trigger lexicon, keyed by (lemma, pos)."""
    return parse_triggers(_resource("triggers.tsv"))
