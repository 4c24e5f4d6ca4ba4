"""Finding toponyms: every stretch of a story's text that may name a place, without overlaps."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..model import Document, Entity
from ..resources.geo import fold
from .place_resolution import abbreviation, lookup
from .place_words import DIRECTION_WORDS, EVENT_PREPS, PLACE_NOUNS, word_set

if TYPE_CHECKING:
    from .places import Geocoder

__all__ = ["Toponym", "ToponymFinder", "unplaced_ok"]

# Entities that small NER models often give to places ("clashes in Homs" as ORG, "Knin" as
# PERSON) or that hold one ("the Laurel County Sheriff's Office"): kept only on evidence.
_NAME_LABELS = word_set("ORG PERSON EVENT NORP FAC WORK_OF_ART PRODUCT")
# Places that are areas: the name alone says it is a place, wherever it stands.
_AREA_FEATURES = word_set("country admin1 region")
_AREA_SUFFIXES = word_set("county parish borough province governorate")

# Prepositions that take places and hardly anything else ("near Tikrit", "north of Homs").
_FIRM_PREPS = word_set("in near outside inside around across throughout into towards toward within")
# Last words that make a name a geographic feature's ("the Baliem Valley", "Hongze Lake").
_FEATURE_WORDS = PLACE_NOUNS | word_set(
    """river lake mountain mount hill bay gulf sea ocean desert plain peninsula strait
    coast canyon forest square airport airbase harbour harbor crossing border bridge
    quarter palace castle fort fortress"""
)
# Verbs whose object is ground taken or struck: "captured Jaffna", "shelled Khanasir".
_TERRITORIAL_VERBS = word_set(
    """capture seize occupy retake recapture liberate overrun storm besiege encircle
    shell bomb bombard invade annex enter patrol"""
)
_PLACE_FOLLOWERS = PLACE_NOUNS | word_set(
    """resident residents native natives police council councillor councilman mayor
    officials schools school hospital airport library fire sheriff man woman boy girl"""
)
# Words after a town's name in the names of its institutions: "the Hopkinton Police Department".
_INSTITUTIONS = _PLACE_FOLLOWERS | word_set(
    """board commission commissioners clerk coroner court courthouse department office
    public high elementary middle senior community regional municipal volunteer parks
    chamber historical planning zoning health housing water transit superintendent
    library museum church cathedral hall center centre"""
)
# Capitalised words that open organisations' names and are also some small town's name.
_GENERIC_NAMES = _INSTITUTIONS | word_set(
    """federal national international metro metropolitan central united general royal
    great grand big first new old golden mission liberty olympic union university
    college bank gulf pacific atlantic northern southern eastern western
    far north south east west"""
)
_ORG_WORDS = _INSTITUTIONS | word_set(
    """inc inc. corp corp. co co. company ltd ltd. llc group party front army brigade
    brigades forces force movement ministry agency association union university
    college institute foundation society bank news times post club team committee"""
)
_NUMERIC_ENTS = word_set("DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL")
_HONORIFICS = word_set("mr mr. mrs mrs. ms ms. dr dr. sir lady miss")

_STREET_WORDS = (
    r"Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.|Boulevard|Blvd\.?|Drive|Highway|Hwy\.?"
    r"|Parkway|Pkwy\.?|Turnpike|Pike|Expressway|Freeway|Circle|Terrace|Trail|Square"
)
_STREET = re.compile(
    rf"\b(?:[NSEW]\.\s|North\s|South\s|East\s|West\s)?(?:[A-Z][\w'’.-]*\s){{1,3}}"
    rf"(?:{_STREET_WORDS})(?![\w-])"
    r"|\b(?:Interstate|Highway|Route|U\.S\. Route|State Route|County Road|I-|US-?)\s?\d+\b"
)
# "NIAMEY, July 27 —", "HURRICANE, W.Va. -", "BEIRUT:": where the story was filed. In
# capitals anywhere a story or paragraph may start; in any case only at a line's start,
# and then with the comma and the dash.
_DATELINE_END = r"\s*(?:\([A-Za-z ]{2,20}\)\s*)?(?:—|–|--|\s-\s|\x97)"
_DATELINE = re.compile(
    r"(?:^|\n|(?<=[.!?\"”]\s)|(?<=\d{4}\s))"
    r"(?P<caps>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,3})"
    rf"(?=(?:,\s[^\n—–]{{1,30}}?)?(?:{_DATELINE_END}|:\s))"
    r"|(?:^|\n)(?P<any>[A-Za-z][\w'’.-]*(?:\s[A-Za-z][\w'’.-]*){0,2})"
    rf"(?=,\s[^\n—–]{{1,30}}?{_DATELINE_END})"
)
# "Sen. Tony Strickland, R-Moorpark": a US legislator's home town.
_PARTY_HOME = re.compile(r"\b[RDI]-(?P<place>[A-Z][a-z]+(?:[ .][A-Z][a-z]+){0,2})(?=[,);.]| and)")


@dataclass(frozen=True)
class Toponym:
    """A stretch of text that may name a place, and how it was found."""

    start: int
    end: int
    text: str
    kind: str  # tagged, facility, street, dateline, party, whole, part, untagged
    placed: bool = False  # stands where places stand ("in X", "X residents")
    firm: bool = False  # named as a place by its neighbours ("the town of X", "X district")
    governed: bool = False  # the object of a place preposition ("in X", "near X")
    country: str | None = None  # the country a demonym names
    qualifier: str | None = None  # "Syria" in "Homs, Syria"
    shell: bool = False  # a tagged name the gazetteer lacks: the places inside it come first
    person: bool = False  # tagged as a person's name: only a place's position makes it one

    @property
    def rank(self) -> int:
        """Which reading wins where two overlap: "[Sligo] Town Hall", a dateline over NER."""
        return _RANKS["facility"] if self.shell else _RANKS[self.kind]

    @property
    def strict(self) -> bool:
        """Found by shape alone: a town must bear the name itself, not as an alternate."""
        return self.kind not in ("tagged", "facility", "street")


_RANKS = {
    "dateline": 5,
    "tagged": 4,
    "street": 4,
    "party": 3,
    "whole": 2,
    "part": 2,
    "facility": 1,
    "untagged": 0,
}


def unplaced_ok(top: Toponym) -> bool:
    """A place the gazetteer lacks is kept when its shape or its position says it is one."""
    if top.kind in ("street", "facility"):
        return True
    if top.kind == "tagged":
        return top.placed or " " in top.text
    if top.kind == "whole":
        if abbreviation(top.text) or top.text.isupper():
            return False  # "NCAA", "MVA": acronyms name organisations and units
        return top.firm or (top.governed and " " not in top.text)
    return top.kind == "untagged" and top.firm


class ToponymFinder:
    """Every stretch of the text that names a place, without overlaps."""

    def __init__(self, doc: Document, sp: Any, gaz: Geocoder) -> None:
        self.doc, self.sp, self.gaz = doc, sp, gaz
        self.text = doc.text
        self.persons = _person_names(doc.entities)

    def toponyms(self) -> list[Toponym]:
        strong = [*self._datelines(), *self._streets(), *self._party_homes()]
        strong.extend(t for ent in self.doc.entities for t in self._tagged(ent))
        names = {fold(t.text) for t in strong}
        weak = [t for ent in self.doc.entities for t in self._inside(ent)]
        weak.extend(self._untagged([*strong, *weak]))
        kept = [t for t in weak if self._supported(t, names) or unplaced_ok(t)]
        # One sense per story: "Knin" taken as a place once is a place wherever it stands.
        names.update(fold(t.text) for t in kept if t.kind == "whole")
        kept.extend(t for t in weak if t not in kept and self._supported(t, names))
        chosen = [t for t in _without_overlaps([*strong, *kept]) if self._not_person(t)]
        return _with_qualifiers(self.text, chosen, self.gaz)

    def _make(self, start: int, end: int, kind: str) -> Toponym | None:
        start, end = _trim(self.text, start, end)
        if end <= start or not any(ch.isalpha() for ch in self.text[start:end]):
            return None
        span = self.sp.char_span(start, end, alignment_mode="expand") if self.sp else None
        if span is None:
            return Toponym(start, end, self.text[start:end], kind)
        firm = _firm_position(span, self.gaz)
        prep = _governing_prep(span.root)
        governed = (prep is not None and prep.lower_ in _FIRM_PREPS) or _taken(span.root)
        placed = firm or governed or _place_position(span)
        return Toponym(start, end, self.text[start:end], kind, placed, firm, governed)

    def _datelines(self) -> Iterator[Toponym]:
        for m in _DATELINE.finditer(self.text):
            group = "caps" if m.group("caps") else "any"
            top = self._make(m.start(group), m.end(group), "dateline")
            if top is not None and lookup(self.gaz, top.text, (), strict=True):
                yield top

    def _streets(self) -> Iterator[Toponym]:
        for m in _STREET.finditer(self.text):
            top = self._make(m.start(), m.end(), "street")
            if top is not None:
                yield self._road_of(top) or top

    def _road_of(self, street: Toponym) -> Toponym | None:
        """ "Florida Highway", "Ohio Turnpike": the state a road is named for."""
        words = street.text.split()
        for n in (2, 1):
            name = " ".join(words[:n])
            cand = lookup(self.gaz, name, (), strict=True) if n < len(words) else None
            if cand is not None and cand.feature in _AREA_FEATURES:
                return self._make(street.start, street.start + len(name), "tagged")
        return None

    def _party_homes(self) -> Iterator[Toponym]:
        for m in _PARTY_HOME.finditer(self.text):
            top = self._make(m.start("place"), m.end("place"), "party")
            if top is not None and lookup(self.gaz, top.text, (), strict=True):
                yield top

    def _tagged(self, ent: Entity) -> Iterator[Toponym]:
        """Entities tagged as places, and demonyms of known countries ("Turkish")."""
        if ent.label in ("GPE", "LOC", "FAC") or (ent.label == "NORP" and ent.country):
            top = self._make(ent.start, ent.end, "facility" if ent.label == "FAC" else "tagged")
            if top is None:
                return
            if ent.label == "NORP":
                yield replace(top, country=ent.country)
            else:
                yield replace(top, shell=lookup(self.gaz, top.text, (), strict=False) is None)

    def _inside(self, ent: Entity) -> Iterator[Toponym]:
        """Places an entity is, or holds: "Homs" tagged ORG, "the Laurel County Sheriff"."""
        # A tagged place the gazetteer lacks may hold one: "Florida Highway", "Fargo-Moorhead".
        shell = ent.label in ("GPE", "LOC") and not self._resolves(ent)
        if not shell and (ent.label not in _NAME_LABELS or (ent.label == "NORP" and ent.country)):
            return
        span = self.sp.char_span(ent.start, ent.end, alignment_mode="expand") if self.sp else None
        if span is None or (ent.label == "PERSON" and _after_honorific(span)):
            return
        whole = _trim(self.text, ent.start, ent.end)
        for sub in _name_grams(span):
            kind = "whole" if (sub.start_char, sub.end_char) == whole else "part"
            top = self._make(sub.start_char, sub.end_char, kind)
            if top is None:
                continue
            if kind == "part":
                top = replace(top, placed=_names_part(sub, span))
            elif ent.label not in ("ORG", "PERSON") or _organisation(ent):
                top = replace(top, firm=False, governed=False)
            yield replace(top, person=ent.label == "PERSON" and kind == "whole")

    def _resolves(self, ent: Entity) -> bool:
        start, end = _trim(self.text, ent.start, ent.end)
        return lookup(self.gaz, self.text[start:end], (), strict=False) is not None

    def _untagged(self, found: list[Toponym]) -> Iterator[Toponym]:
        """Capitalised names the tagger left out ("a few miles from Chattanooga")."""
        taken = {i for e in self.doc.entities for i in range(e.start, e.end)}
        taken.update(i for t in found for i in range(t.start, t.end))
        run: list[Any] = []
        for tok in [*self.sp, None] if self.sp is not None else ():
            if tok is not None and _name_token(tok) and tok.idx not in taken:
                run.append(tok)
                continue
            if run:
                top = self._make(run[0].idx, run[-1].idx + len(run[-1]), "untagged")
                if top is not None:
                    yield top
            run = []

    def _supported(self, top: Toponym, strong: set[str]) -> bool:
        """A name not tagged as a place is one when the text or the gazetteer says so."""
        if " " not in top.text and top.text.lower() in _GENERIC_NAMES:
            return False
        cand = lookup(self.gaz, top.text, (), strict=True)
        if cand is None:
            return False
        if top.person:
            # "stabbed Welch", "between Bell and Eggers": a surname that is also a town.
            return top.firm or top.governed
        if cand.feature in _AREA_FEATURES or _area_name(top.text) or fold(top.text) in strong:
            return True
        return top.placed

    def _not_person(self, top: Toponym) -> bool:
        """ "Hamilton" after "Lee Hamilton" is the man, unless it stands where a place does."""
        return top.kind in ("street", "dateline") or top.placed or top.text not in self.persons


def _person_names(entities: Iterable[Entity]) -> frozenset[str]:
    names: set[str] = set()
    for e in entities:
        parts = e.text.split()
        if e.label == "PERSON" and len(parts) > 1:
            names.update(parts)
    return frozenset(names)


def _organisation(ent: Entity) -> bool:
    """An organisation we know, or one named like one ("the Bardo Museum", "Nusra Front")."""
    if ent.label != "ORG":
        return False
    last = ent.text.split()[-1].lower()
    return bool(ent.kb_id or ent.sector or ent.country) or last in _ORG_WORDS


def _after_honorific(span: Any) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in _HONORIFICS


def _name_token(tok: Any) -> bool:
    """A capitalised proper noun that is not part of a date, time or number."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in _NUMERIC_ENTS or not tok.text.isalpha():
        return False
    # Short capitals are acronyms ("SUV", "PTA"), not places.
    return tok.text[:1].isupper() and not (tok.text.isupper() and len(tok.text) <= 3)


def _name_grams(span: Any) -> Iterator[Any]:
    """Capitalised runs inside a name, longest first from each start: where a place may be."""
    toks = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    for i, first in enumerate(toks):
        if not first.text[:1].isupper() or not first.is_alpha:
            continue
        for j in range(min(len(toks), i + 4), i, -1):
            last = toks[j - 1]
            if last.text[:1].isupper() and last.i - first.i == j - 1 - i:
                yield span.doc[first.i : last.i + 1]


def _names_part(sub: Any, name: Any) -> bool:
    """A place inside a longer name: "[Laurel] Police Department", "University of [Toronto]".

    Only at the name's start or after "of": in "Sam Houston State University" no Houston.
    """
    doc = sub.doc
    before = doc[sub.start - 1].lower_ if sub.start > 0 else ""
    if sub.start > name.start and before in ("of", "in"):
        return True
    opens = sub.start == name.start or (sub.start == name.start + 1 and before == "the")
    after = doc[sub.end] if sub.end < name.end else None
    return opens and after is not None and after.lower_ in _INSTITUTIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive or punctuation."""
    for det in ("the ", "The ", "THE "):
        if text.startswith(det, start):
            start += len(det)
    for tail in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(tail):
            end -= len(tail)
    while end > start and text[end - 1] in " ,;:-–—(":
        end -= 1
    head, _, last = text[start:end].rpartition(" ")
    if head and last in ("of", "and", "to", "in", "at"):
        return _trim(text, start, start + len(head))  # "City of" cut short by the tagger
    return start, end


def _without_overlaps(found: list[Toponym]) -> list[Toponym]:
    chosen: list[Toponym] = []
    for top in sorted(found, key=lambda t: (-t.rank, t.start - t.end, t.start)):
        if all(top.end <= c.start or c.end <= top.start for c in chosen):
            chosen.append(top)
    return sorted(chosen, key=lambda t: t.start)


def _area_name(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and words[-1].lower() in _AREA_SUFFIXES


def _place_position(span: Any) -> bool:
    """Where places stand: "in X", "near X", "X residents", "X police"."""
    if _governing_prep(span.root) is not None:
        return True
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.lower_ in _PLACE_FOLLOWERS


def _firm_position(span: Any, gaz: Geocoder) -> bool:
    """Where nothing but a place stands: "the towns of X and Y", "X district", "X, Syria"."""
    doc = span.doc
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    opening = min(first.left_edge.i, span.start)
    before = doc[max(opening - 2, 0) : opening]
    if len(before) == 2 and before[1].lower_ == "of" and _lemma(before[0]) in PLACE_NOUNS:
        return True
    if len(span) > 1 and _lemma(span[-1]) in _FEATURE_WORDS:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN") and _lemma(after) in PLACE_NOUNS:
        return True
    if after is not None and after.text == "," and _qualified(doc, span.end + 1, gaz):
        return True
    return len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in DIRECTION_WORDS


def _lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def _taken(tok: Any) -> bool:
    """The object of a verb of conquest or bombardment ("captured Knin")."""
    return bool(tok.dep_ == "dobj" and _lemma(tok.head) in _TERRITORIAL_VERBS)


def _qualified(doc: Any, i: int, gaz: Geocoder) -> bool:
    """ "Roswell, N.M." or "Knin, Croatia": a state's or country's name after the comma."""
    for n in (2, 1):
        words = doc[i : i + n]
        if len(words) < n or not words.text[:1].isupper():
            continue
        cand = lookup(gaz, words.text, (), strict=True)
        if cand is not None and cand.feature in ("country", "admin1"):
            return True
    return False


def _with_qualifiers(text: str, tops: list[Toponym], gaz: Geocoder) -> list[Toponym]:
    """ "Homs, Syria", "Lexington, Ky.": the country or state named after a comma."""
    out: list[Toponym] = []
    for i, top in enumerate(tops):
        nxt = tops[i + 1] if i + 1 < len(tops) else None
        if nxt is not None and text[top.end : nxt.start] in (", ", ","):
            cand = lookup(gaz, nxt.text, (), strict=nxt.strict)
            if cand is not None and cand.feature in ("country", "admin1"):
                top = replace(top, qualifier=nxt.text)
        out.append(top)
    return out


def _governing_prep(tok: Any) -> Any:
    """The place preposition whose object tok is ("in X", "in Lamitan town"), or None."""
    for _ in range(8):
        if tok.dep_ in ("conj", "appos") or (
            tok.dep_ == "compound" and _lemma(tok.head) in PLACE_NOUNS
        ):
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ in EVENT_PREPS:
            return tok.head
        else:
            return None
    return None
