"""Actor facts from a Wikidata JSON dump: people with the positions they held, and organisations.

The dump is Wikidata's `latest-all.json[.gz|.bz2]`: a JSON array with one entity per line. It is
read twice, streaming: the first pass keeps the people who held positions (and every country's
ISO code); the second reads the positions they held (label and country). Organisations whose
type maps to a PLOVER sector are taken in the first pass.
"""

from __future__ import annotations

import bz2
import gzip
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import IngestError
from ..model import ActorFact

__all__ = ["ImportCounts", "read_wikidata"]

HUMAN = "Q5"
# Organisation types (P31) → PLOVER sector.
ORG_SECTORS = {
    "Q7278": "PTY",  # political party
    "Q17149090": "REB",  # armed organisation
    "Q2672648": "REB",  # insurgent/paramilitary organisation ("rebel group")
    "Q17127659": "REB",  # terrorist organisation
    "Q1345691": "MIL",  # military branch
    "Q8473": "MIL",  # military
    "Q1684600": "SPY",  # intelligence agency
    "Q732717": "COP",  # law enforcement agency
    "Q1320047": "JRN",  # news agency
    "Q11032": "JRN",  # newspaper
    "Q327333": "GOV",  # government agency
    "Q192350": "GOV",  # ministry
    "Q79913": "NGO",  # non-governmental organisation
    "Q484652": "GOV",  # international organisation (country IGO)
}
INTERNATIONAL = "Q484652"
# Words of a position's English label → PLOVER sector (first match wins; order matters).
_POSITION_SECTORS = (
    (re.compile(r"\b(judge|justice|prosecutor|court)\b", re.I), "JUD"),
    (re.compile(r"\b(police|constabulary|gendarmerie)\b", re.I), "COP"),
    (re.compile(r"\b(intelligence|security service|spy)\b", re.I), "SPY"),
    (re.compile(r"\b(general staff|chief of staff of the|commander|army|navy|air force|"
                r"armed forces|military)\b", re.I), "MIL"),
    (re.compile(r"\b(member of|senator|speaker|parliament|deputy of|representative)\b", re.I),
     "LEG"),
    (re.compile(r"\b(party|chairman of the .* party)\b", re.I), "PTY"),
    (re.compile(r"\b(president|prime minister|minister|secretary|chancellor|governor|mayor|"
                r"premier|king|queen|emir|sultan|ambassador|head of state|head of government|"
                r"envoy)\b", re.I), "GOV"),
)  # fmt: skip


@dataclass
class ImportCounts:
    entities: int = 0
    people: int = 0
    organisations: int = 0
    facts: int = 0
    skipped_lines: list[str] = field(default_factory=list)


@dataclass
class _Person:
    qid: str
    name: str
    aliases: list[str]
    citizenship: list[str]
    held: list[tuple[str, str | None, str | None]]  # (position QID, start, end)


def _open(path: Path) -> IO[bytes]:
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if name.endswith(".bz2"):
        return bz2.open(path, "rb")
    return path.open("rb")


def _entities(path: Path, counts: ImportCounts | None) -> Iterator[dict[str, Any]]:
    try:
        fh = _open(path)
    except OSError as exc:
        raise IngestError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    with fh:
        try:
            for lineno, raw in enumerate(fh, start=1):
                line = raw.strip().rstrip(b",")
                if line in (b"", b"[", b"]"):
                    continue
                try:
                    entity = json.loads(line)
                except json.JSONDecodeError as exc:
                    if counts is not None:
                        counts.skipped_lines.append(f"{path}:{lineno}: not JSON ({exc.msg})")
                    continue
                if isinstance(entity, dict) and entity.get("type") == "item":
                    yield entity
        except (OSError, EOFError) as exc:
            raise IngestError(str(path), f"is damaged or not a dump file ({exc})") from None


def _label(entity: dict[str, Any]) -> str | None:
    value = (entity.get("labels") or {}).get("en", {}).get("value")
    return value if isinstance(value, str) and value.strip() else None


def _aliases(entity: dict[str, Any]) -> list[str]:
    return [a["value"] for a in (entity.get("aliases") or {}).get("en", []) if a.get("value")]


def _claims(entity: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    return [c for c in (entity.get("claims") or {}).get(prop, []) if c.get("rank") != "deprecated"]


def _item(snak: dict[str, Any]) -> str | None:
    value = (snak.get("datavalue") or {}).get("value")
    return value.get("id") if isinstance(value, dict) else None


def _items(entity: dict[str, Any], prop: str) -> list[str]:
    return [i for c in _claims(entity, prop) if (i := _item(c.get("mainsnak", {})))]


def _string(entity: dict[str, Any], prop: str) -> str | None:
    for c in _claims(entity, prop):
        value = (c.get("mainsnak", {}).get("datavalue") or {}).get("value")
        if isinstance(value, str):
            return value
    return None


def _time(claim: dict[str, Any], prop: str) -> str | None:
    """A qualifier's date, as precise as Wikidata gives it (year 9, month 10, day 11)."""
    for snak in (claim.get("qualifiers") or {}).get(prop, []):
        value = (snak.get("datavalue") or {}).get("value")
        if not isinstance(value, dict) or not isinstance(value.get("time"), str):
            continue
        m = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value["time"])
        if not m:
            continue
        precision = int(value.get("precision", 11))
        if precision <= 9 or m[2] == "00":
            return m[1]
        if precision == 10 or m[3] == "00":
            return f"{m[1]}-{m[2]}"
        return f"{m[1]}-{m[2]}-{m[3]}"
    return None


def position_sector(label: str) -> str | None:
    for pattern, sector in _POSITION_SECTORS:
        if pattern.search(label):
            return sector
    return None


def read_wikidata(
    path: Path, *, counts: ImportCounts | None = None, progress: Callable[[int], None] | None = None
) -> Iterator[ActorFact]:
    """Every actor fact the dump holds: one per position held, one per organisation."""
    counts = counts if counts is not None else ImportCounts()
    people: list[_Person] = []
    iso: dict[str, str] = {}
    orgs: list[tuple[dict[str, Any], str, list[str]]] = []
    for entity in _entities(path, counts):
        counts.entities += 1
        if progress is not None and counts.entities % 100_000 == 0:
            progress(counts.entities)
        code = _string(entity, "P298")
        if code:
            iso[entity["id"]] = code.upper()
        types = set(_items(entity, "P31"))
        name = _label(entity)
        if name is None:
            continue
        if HUMAN in types:
            held = [
                (pos, _time(c, "P580"), _time(c, "P582"))
                for c in _claims(entity, "P39")
                if (pos := _item(c.get("mainsnak", {})))
            ]
            if held:
                people.append(
                    _Person(entity["id"], name, _aliases(entity), _items(entity, "P27"), held)
                )
        elif sectors := [ORG_SECTORS[t] for t in types if t in ORG_SECTORS]:
            country = "IGO" if INTERNATIONAL in types else None
            orgs.append((entity, country or "", sectors))
    for entity, country, sectors in orgs:
        places = _items(entity, "P17")
        resolved = country or next((iso[p] for p in places if p in iso), None)
        counts.organisations += 1
        for alias in [_label(entity) or entity["id"], *_aliases(entity)]:
            counts.facts += 1
            yield ActorFact(
                name=alias, country=resolved, sector=sectors[0], origin="imported",
                source=entity["id"],
            )  # fmt: skip
    wanted = {pos for p in people for pos, _, _ in p.held}
    positions: dict[str, tuple[str, str | None]] = {}
    for entity in _entities(path, None):
        if entity["id"] in wanted:
            label = _label(entity) or entity["id"]
            where = [*_items(entity, "P17"), *_items(entity, "P1001")]
            positions[entity["id"]] = (label, next((iso[w] for w in where if w in iso), None))
    for person in people:
        counts.people += 1
        citizen = next((iso[c] for c in person.citizenship if c in iso), None)
        for pos, start, end in person.held:
            label, country = positions.get(pos, (pos, None))
            for alias in [person.name, *person.aliases]:
                counts.facts += 1
                yield ActorFact(
                    name=alias, country=country or citizen, sector=position_sector(label),
                    title=label, start=start, end=end, origin="imported", source=person.qid,
                )  # fmt: skip
