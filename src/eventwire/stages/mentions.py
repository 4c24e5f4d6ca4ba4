"""The mentions stage: spaCy's named entities corrected and extended by gazetteers and lexicons."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from ..model import Document, Entity
from ..pipeline import register_stage
from ..resources.countries import BODY_SEATS, US_STATES_NAMED_LIKE_COUNTRIES
from ..resources.geo import CountryInfo, PlaceCandidate, load_gazetteer
from ..resources.lexicons import Organisation, Role, load_roles, organisation_index

__all__ = ["CountryLookup", "MentionsStage", "NearNames"]

# spaCy labels that name something an actor or a place can be.
# Words after a state's name that only a US state has: "Georgia Governor", "Georgia Senate".
_STATE_WORDS = frozenset(
    "governor gov lt lieutenant senate senator legislature legislator statehouse "
    "county counties congressman congresswoman republicans democrats".split()
)
_NER_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT"})
# Country names that are also common personal names: a PERSON reading stands when a
# title or honorific precedes it.
_NAME_LIKE_COUNTRIES = frozenset({"Jordan", "Chad", "Georgia", "Israel", "Kenya", "Guinea"})
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lady"})


class CountryLookup(Protocol):
    """What the stage needs from the gazetteer (``resources.geo.Gazetteer`` provides it)."""

    def country_names(self) -> Iterable[tuple[str, str]]: ...
    def demonyms(self) -> Iterable[tuple[str, str]]: ...
    def capitals(self) -> Iterable[tuple[str, str]]: ...
    def region_names(self) -> Iterable[tuple[str, str | None]]: ...
    def country_for_name(self, text: str) -> CountryInfo | None: ...
    def country_for_demonym(self, text: str) -> CountryInfo | None: ...
    def country_for_capital(self, text: str) -> CountryInfo | None: ...
    def candidates(self, name: str) -> list[PlaceCandidate]: ...


@dataclass(frozen=True)
class _Hit:
    start: int  # token indices
    end: int
    label: str
    source: str
    country: str | None = None
    sector: str | None = None
    kb_id: str | None = None


class _Matchers:
    """Phrase matchers built once per spaCy vocabulary."""

    def __init__(
        self,
        vocab: Any,
        nlp_tokenizer: Any,
        gaz: CountryLookup,
        orgs: dict[str, Organisation],
        roles: dict[str, Role],
    ) -> None:
        from spacy.matcher import PhraseMatcher

        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.lower = PhraseMatcher(vocab, attr="LOWER")

        def docs(phrases: Iterable[str]) -> list[Any]:
            return list(nlp_tokenizer.pipe(sorted(set(phrases))))

        self.exact.add("COUNTRY", docs(n for n, _ in gaz.country_names()))
        self.exact.add("DEMONYM", docs(n for n, _ in gaz.demonyms()))
        self.exact.add("CAPITAL", docs(n for n, _ in gaz.capitals()))
        self.exact.add("REGION", docs(n for n, _ in gaz.region_names()))
        org_forms = {
            form for org in orgs.values() if not org.as_written for form in (org.name, *org.aliases)
        }
        written = {
            form for org in orgs.values() if org.as_written for form in (org.name, *org.aliases)
        }
        # Acronyms match case-sensitively ("WHO" is not "who"); names in any case
        # ("Al-Shabaab" opening a sentence is al-Shabaab).
        self.exact.add(
            "ORG", docs(f for f in org_forms | written if _is_acronym(f) or f in written)
        )
        self.lower.add("ORG", docs(f for f in org_forms if not _is_acronym(f)))
        # One-word "former" markers ("late", "ousted") only modify a role; the actors stage
        # reads them there. On their own they would turn "late Tuesday" into a title.
        role_phrases = [p for p, r in roles.items() if not (r.former and " " not in p)]
        # "Gen." is one token and "gen." two: abbreviations also in the case they are written.
        written_case = [p.title() for p in role_phrases if "." in p]
        self.lower.add("ROLE", docs([*role_phrases, *written_case]))


@register_stage
class MentionsStage:
    """Find every actor and place mention: NER, corrected by country and organisation lists."""

    name: ClassVar[str] = "mentions"
    requires: ClassVar[tuple[str, ...]] = ("parse",)
    assigns: ClassVar[tuple[str, ...]] = ("entities",)
    version: ClassVar[str] = "3"

    def __init__(self, *, gazetteer: CountryLookup | None = None) -> None:
        self.gaz: CountryLookup = gazetteer or load_gazetteer()
        self.orgs = organisation_index()
        self.roles = load_roles()
        self._matchers: dict[int, _Matchers] = {}
        self._near: NearNames | None = None

    def _matchers_for(self, sp: Any) -> _Matchers:
        key = id(sp.vocab)
        if key not in self._matchers:
            from spacy.tokenizer import Tokenizer

            tokenizer: Tokenizer = _tokenizer_for(sp)
            self._matchers[key] = _Matchers(sp.vocab, tokenizer, self.gaz, self.orgs, self.roles)
        return self._matchers[key]

    def __call__(self, doc: Document) -> Document:
        sp = doc.parse
        hits = self._gazetteer_hits(sp)
        ner = [_ner_hit(e) for e in sp.ents if e.label_ in _NER_LABELS]
        # A longer gazetteer phrase is surer than the names spaCy found inside it
        # ("UN Secretary-General" over "UN", "Democratic Republic of the Congo" over "Congo").
        starts = [h.start for h in hits]
        ner = [n for n in ner if not _inside_longer(n, hits, starts)]
        merged = _merge(sp, hits, ner)
        merged = _with_surnames(sp, merged)
        merged = [self._us_state(sp, h) for h in merged]
        merged = [self._misspelt_country(sp, h) for h in merged]
        merged = _qualified_capitals(sp, merged)
        doc.entities = [
            Entity(
                id=f"e{i}",
                text=sp[h.start : h.end].text,
                label=h.label,
                start=sp[h.start].idx,
                end=sp[h.start : h.end].end_char,
                source=h.source,  # type: ignore[arg-type]
                country=h.country,
                sector=h.sector,
                kb_id=h.kb_id,
            )
            for i, h in enumerate(merged, start=1)
        ]
        return doc

    def _us_state(self, sp: Any, h: _Hit) -> _Hit:
        """ "Georgia Governor Brian Kemp", "Columbus, Georgia": the US state, not the country."""
        state = US_STATES_NAMED_LIKE_COUNTRIES.get(sp[h.start : h.end].text)
        if h.label != "GPE" or state is None:
            return h
        after = sp[h.end].lower_.rstrip(".") if h.end < len(sp) else ""
        city = sp[h.start - 2] if h.start >= 2 and sp[h.start - 1].text == "," else None
        # "Columbus, Georgia": a city whose likeliest reading lies in the state ("In Rome,
        # Georgia's …" and "Albania, Georgia and Moldova" do not).
        best = (
            self.gaz.candidates(city.text)[:1] if city is not None and city.pos_ == "PROPN" else []
        )
        in_state = any(c.country == "USA" and c.admin1 == state for c in best)
        if after in _STATE_WORDS or in_state:
            return _Hit(h.start, h.end, "GPE", h.source, "USA")
        return h

    def _misspelt_country(self, sp: Any, h: _Hit) -> _Hit:
        """ "Afganistan", "Ethopia": a place spaCy found that no list knows, one slip of the
        keyboard from exactly one country's name, is that country."""
        if h.label not in ("GPE", "LOC") or h.country is not None or h.end - h.start != 1:
            return h
        if self._near is None:
            self._near = NearNames(
                (name, code) for name, code in self.gaz.country_names() if name.isalpha()
            )
        word = sp[h.start].text
        code = self._near.get(word)
        if code is None or self.gaz.candidates(word):
            return h  # "Prussia" is a place of its own, not a slip for "Russia"
        return _Hit(h.start, h.end, h.label, h.source, code)

    def _gazetteer_hits(self, sp: Any) -> list[_Hit]:
        m = self._matchers_for(sp)
        found: list[_Hit] = []
        for matcher in (m.exact, m.lower):
            for match_id, start, end in matcher(sp):
                hit = self._hit(sp.vocab.strings[match_id], sp[start:end].text, start, end)
                if hit is not None:
                    found.append(hit)
        return _longest_first(found)

    def _hit(self, kind: str, text: str, start: int, end: int) -> _Hit | None:
        if kind == "COUNTRY":
            info = self.gaz.country_for_name(text)
            return _Hit(start, end, "GPE", "gazetteer", info.alpha3 if info else None)
        if kind == "CAPITAL":
            # As an actor a capital is its government ("Tripoli rejected"); as a place, a city.
            info = self.gaz.country_for_capital(text)
            code = BODY_SEATS.get(text) or (info.alpha3 if info else None)
            return _Hit(start, end, "GPE", "gazetteer", code, "GOV")
        if kind == "DEMONYM":
            info = self.gaz.country_for_demonym(text)
            return _Hit(start, end, "NORP", "gazetteer", info.alpha3 if info else None)
        if kind == "REGION":
            return _Hit(start, end, "LOC", "gazetteer")
        if kind == "ORG":
            org = self.orgs.get(text.casefold())
            if org is None:
                return None
            return _Hit(start, end, "ORG", "gazetteer", org.country, org.sector, org.name)
        role = self.roles.get(text.lower())
        if role is None:
            return None
        sector = "ELI" if role.former else role.sector
        return _Hit(start, end, "TITLE", "gazetteer", self._owner(text), sector)

    def _owner(self, title: str) -> str | None:
        """The body a title belongs to when it names it ("UN envoy", "EU foreign policy chief")."""
        first = title.split()[0]
        org = self.orgs.get(first.casefold())
        if org is not None and first in (org.name, *org.aliases):
            return org.country
        info = self.gaz.country_for_name(first)
        return info.alpha3 if info else None


def _qualified_capitals(sp: Any, hits: list[_Hit]) -> list[_Hit]:
    """ "Tripoli, Lebanon": a capital's name followed by another country's is a town of that
    country, not the capital nor its government."""
    out = list(hits)
    for i, (h, nxt) in enumerate(itertools.pairwise(hits)):
        if (
            h.label == "GPE"
            and h.sector == "GOV"
            and nxt.start == h.end + 1
            and sp[h.end].text == ","
            and nxt.label == "GPE"
            and nxt.country not in (None, h.country)
            and nxt.sector is None
        ):
            out[i] = _Hit(h.start, h.end, h.label, h.source, nxt.country)
    return out


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) <= 3 or sum(c.isupper() for c in letters) > len(letters) / 2


def _tokenizer_for(sp: Any) -> Any:
    from spacy.lang.en import English

    return English(vocab=sp.vocab).tokenizer


def _with_surnames(sp: Any, hits: list[_Hit]) -> list[_Hit]:
    """ "Chollet" after "Derek Chollet": spaCy often misses the short form, or calls it an ORG."""
    names = {sp[h.end - 1].text for h in hits if h.label == "PERSON" and h.end - h.start > 1}
    if not names:
        return hits
    out = [
        _Hit(h.start, h.end, "PERSON", "document")
        if h.source == "ner"
        and h.label == "ORG"
        and h.end - h.start == 1
        and sp[h.start].text in names
        else h
        for h in hits
    ]
    taken = {i for h in hits for i in range(h.start, h.end)}
    out += [
        _Hit(tok.i, tok.i + 1, "PERSON", "document")
        for tok in sp
        if tok.text in names and tok.i not in taken and tok.pos_ == "PROPN"
    ]
    return sorted(out, key=lambda h: h.start)


def _hits_within(hits: list[_Hit], starts: list[int], outer: _Hit) -> list[_Hit]:
    """The hits inside ``outer``; ``hits`` are sorted by start (``starts``), none overlapping."""
    first = bisect.bisect_left(starts, outer.start)
    found = []
    for h in hits[first:]:
        if h.start >= outer.end:
            break
        if h.end <= outer.end:
            found.append(h)
    return found


def _inside_longer(inner: _Hit, hits: list[_Hit], starts: list[int]) -> bool:
    """Whether a longer gazetteer hit covers ``inner`` (at most one can: hits do not overlap)."""
    i = bisect.bisect_right(starts, inner.start) - 1
    return i >= 0 and _strictly_inside(inner, hits[i])


def _strictly_inside(inner: _Hit, outer: _Hit) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.end - outer.start) > (inner.end - inner.start)
    )


def _ner_hit(ent: Any) -> _Hit:
    return _Hit(ent.start, ent.end, ent.label_, "ner")


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """Non-overlapping hits, preferring longer ones ("Foreign Ministry" over "Ministry")."""
    chosen: list[_Hit] = []
    taken: set[int] = set()
    # Of two readings of one span, a capital wins over a region ("Washington" said …: the
    # government; as a place the places stage still weighs the state against the city).
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start, h.label == "LOC")):
        if taken.isdisjoint(range(h.start, h.end)):
            chosen.append(h)
            taken.update(range(h.start, h.end))
    return sorted(chosen, key=lambda h: h.start)


def _merge(sp: Any, gaz: list[_Hit], ner: list[_Hit]) -> list[_Hit]:
    """One entity list: NER spans, relabelled or replaced where a gazetteer is sure."""
    out: list[_Hit] = []
    used: set[int] = set()
    starts = [g.start for g in gaz]
    for n in ner:
        inside = _hits_within(gaz, starts, n)
        same = next((g for g in inside if (g.start, g.end) == (n.start, n.end)), None)
        if same is not None and _gazetteer_wins(sp, same, n):
            out.append(same)
            used.add(id(same))
            continue
        leading_role = next(
            (g for g in inside if g.label == "TITLE" and g.start == n.start and g.end < n.end), None
        )
        if leading_role is not None and n.label in ("PERSON", "ORG"):
            # "Foreign Minister Najla Al-Mangoush" tagged as one name: the title is not the name.
            out.append(leading_role)
            used.add(id(leading_role))
            n = _Hit(leading_role.end, n.end, "PERSON", "ner")
        elif len(inside) == 1 and inside[0].label == "ORG" and n.label in ("ORG", "PERSON"):
            # An organisation the lexicon knows, spelt with a little more around it.
            g = inside[0]
            out.append(_Hit(n.start, n.end, "ORG", "ner", g.country, g.sector, g.kb_id))
            used.add(id(g))
            continue
        demonyms = [g for g in inside if g.label == "NORP"]
        if n.label in ("PERSON", "ORG") and demonyms and _covers(demonyms, n):
            # "Bosnian Serbs", "Iraqi Kurds" read as a name: a people, placed by the first word.
            out.append(_Hit(n.start, n.end, "NORP", "ner", demonyms[0].country))
            used.update(id(g) for g in inside)
            continue
        if n.label in ("ORG", "GPE", "LOC", "NORP", "FAC") and inside:
            # "the Libyan Foreign Ministry", "the United States": the parts the gazetteers know
            # tell the whole's country and sector.
            country = next((g.country for g in inside if g.country), None)
            sector = next((g.sector for g in inside if g.sector), None)
            if n.label != "ORG":
                sector = None
            n = _Hit(n.start, n.end, n.label, "ner", country, sector)
        out.append(n)
        used.update(id(g) for g in inside)
    covered = {i for h in out for i in range(h.start, h.end)}
    for g in gaz:
        if id(g) not in used and covered.isdisjoint(range(g.start, g.end)):
            out.append(g)
    return sorted(out, key=lambda h: h.start)


def _covers(parts: list[_Hit], whole: _Hit) -> bool:
    return {i for p in parts for i in range(p.start, p.end)} == set(range(whole.start, whole.end))


def _gazetteer_wins(sp: Any, g: _Hit, n: _Hit) -> bool:
    """A country name is never a PERSON, except the name-like ones after an honorific."""
    if n.label != "PERSON" or sp[g.start : g.end].text not in _NAME_LIKE_COUNTRIES:
        return True
    prev = sp[g.start - 1].lower_ if g.start > 0 else ""
    return prev not in _HONORIFICS


class NearNames:
    """Names one edit away (a letter dropped, added, changed or two swapped) past the first
    letter, found through the names' one-letter deletions. Short names are left out: "Mali"
    and "Bali" are both real; so are edits of the first letter ("Prussia", "Olivia")."""

    MIN_LENGTH = 6

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self.exact: dict[str, str] = {}
        self.by_key: dict[str, set[tuple[str, str]]] = {}
        for name, code in names:
            if len(name) < self.MIN_LENGTH:
                continue
            low = name.lower()
            self.exact[low] = code
            for key in {low, *_deletions(low)}:
                self.by_key.setdefault(key, set()).add((low, code))

    def get(self, word: str) -> str | None:
        """The one code whose name ``word`` misspells, else None (none, several, or exact)."""
        low = word.lower()
        if len(low) < self.MIN_LENGTH or low in self.exact or not word[:1].isupper():
            return None
        found = {
            code
            for key in {low, *_deletions(low)}
            for name, code in self.by_key.get(key, ())
            if name[0] == low[0] and _one_edit(low, name)  # slips rarely hit the first letter
        }
        return found.pop() if len(found) == 1 else None


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one deletion, insertion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff if len(diff) == 2 else (0, 0)
        return j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
