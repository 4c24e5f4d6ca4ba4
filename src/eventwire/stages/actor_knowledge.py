"""What the knowledge bases say of the people and governments an article names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..model import ActorFact, ActorLookup, Document, Entity
from ..resources.kb import BundledKB, name_key
from .actor_draft import Draft as _Draft
from .actor_roles import KnownRole, find_facts, role_on, role_with

__all__ = ["PERSON_SECTORS_FROM_CONTEXT", "Knowledge"]

PERSON_SECTORS_FROM_CONTEXT = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"})
# A name the knowledge base may know, as spaCy missed it: up to this many tokens
# ("Kassym - Jomart Tokayev" is four).
_MAX_NAME_TOKENS = 6


class Knowledge:
    """The actors stage's lookups: the bundled KB, the registry, an import (first match wins).

    A mixin of the stage's builder, which holds the state below."""

    doc: Document
    lookups: Sequence[ActorLookup]
    day: Any
    sp: Any
    drafts: list[_Draft]
    by_key: dict[str, _Draft]
    ents_by_token: dict[int, Entity]
    sent_of: list[int]
    _facts: dict[str, list[ActorFact]]

    def _leader_country(self, span: Any) -> str | None:
        """ "the Bush administration", "the Maduro government": the known leader's country.
        Every person of that name from one country will do: "Bush" is either president, both
        American."""
        for countries in self._leader_countries(span):
            if len(countries) == 1:
                return next(iter(countries))
        return None

    def _led_by_someone(self, span: Any) -> bool:
        """ "the Johnson administration" where the KB knows several Johnsons in office in
        different countries: whose it is stays unknown rather than the story's country."""
        if span.root.lemma_.lower() not in ("administration", "government", "regime", "cabinet"):
            return False
        return any(len(countries) > 1 for countries in self._leader_countries(span))

    def _leader_countries(self, span: Any) -> list[set[str]]:
        """For each name before the head ("Bush", "Johnson"), the countries of the KB's heads
        of government of that name. spaCy often tags such a name as an ORG ("Trump")."""
        out = []
        for t in span.root.lefts:
            e = self.ents_by_token.get(t.i)
            if e is not None and e.label in ("PERSON", "ORG") and t.dep_ in ("compound", "poss"):
                last = e.text.split()[-1]
                facts = self.facts(e.text) or self.facts(last) or self.surname_facts(last)
                out.append({f.country for f in facts if f.sector == "GOV" and f.country})
        return out

    def surname_facts(self, surname: str) -> list[ActorFact]:
        """The offices of every bundled-KB person of that surname (one word only)."""
        if " " in surname.strip():
            return []
        kbs = [kb for kb in self.lookups if isinstance(kb, BundledKB)]
        return [f for kb in kbs for f in kb.surname_facts(surname)]

    def facts(self, name: str) -> list[ActorFact]:
        """What the first lookup that knows ``name`` says of it (cached per article)."""
        if name not in self._facts:
            self._facts[name] = find_facts(self.lookups, [name])
        return self._facts[name]

    def known_names(self) -> list[Entity]:
        """Names the knowledge base knows that spaCy did not mark ("Bazoum was detained"):
        runs of free proper nouns ("Among those …" opens a sentence, it names no one)."""
        from spacy.attrs import IDX, IS_ALPHA, IS_TITLE, LENGTH, POS
        from spacy.symbols import PROPN

        # One array for the whole text: Token objects cost more than the lookups.
        rows = self.sp.to_array([IS_TITLE, IS_ALPHA, POS, IDX, LENGTH]).tolist()
        title = [r[0] == 1 for r in rows]
        free = [
            i not in self.ents_by_token and (r[2] == PROPN or r[1] == 0) for i, r in enumerate(rows)
        ]
        text = self.doc.text
        found: list[Entity] = []
        i = 0
        while i < len(rows):
            if not (free[i] and title[i]):
                i += 1
                continue
            last = i
            limit = min(len(rows), i + _MAX_NAME_TOKENS)
            while last < limit and free[last] and self.sent_of[last] == self.sent_of[i]:
                last += 1
            start = rows[i][3]
            end = next(
                (
                    e
                    for e in range(last, i, -1)
                    if title[e - 1] and self.facts(text[start : rows[e - 1][3] + rows[e - 1][4]])
                ),
                None,
            )
            if end is None:
                i += 1
                continue
            stop = rows[end - 1][3] + rows[end - 1][4]
            ent = Entity(
                id=f"kb{len(found) + 1}",
                text=text[start:stop],
                label="PERSON",
                start=start,
                end=stop,
                source="gazetteer",
            )
            found.append(ent)
            for n in range(i, end):
                self.ents_by_token[n] = ent
            i = end
        return found

    def apply_knowledge(self) -> None:
        """Country and sector of the people the text leaves uncoded, from the lookups; the
        text's own evidence (a title, "former", a possessive country) always wins."""
        for d in self.drafts:
            if d.kind != "person":
                continue
            facts = self._person_facts(d)
            role = self._role_for(d, facts) if facts else None
            if role is not None:
                d.kb_id = d.kb_id or role.kb_id
            if not d.country and d.sector in PERSON_SECTORS_FROM_CONTEXT:
                d.country = d.context_country
                d.country_from_context = d.country is not None

    def _role_for(self, d: _Draft, facts: list[ActorFact]) -> KnownRole | None:
        if d.country and d.sector:
            return role_with(facts, self.day, country=d.country)
        if d.sector:
            role = role_with(facts, self.day, sector=d.sector)
            if role is not None:
                d.country = role.country  # "President Tinubu": Nigeria's, whatever the story
                return role
            # "the party's leader Mahmoud Abbas": the text's sector stands, the person's
            # country is known all the same.
            known = role_on(facts, self.day)
            d.country = known.country if known is not None else None
            return known
        role = (
            role_with(facts, self.day, country=d.country) if d.country else role_on(facts, self.day)
        )
        if role is not None:
            d.country = d.country or role.country
            d.sector = role.sector
            if role.active and not d.title:
                d.title = role.title
        return role

    def _person_facts(self, d: _Draft) -> list[ActorFact]:
        """The facts of the draft's full name ("King Fahd" with its title), else of a shorter
        mention of it, as long as the KB's person shares the first name ("Mary Tokayev" is
        not Kassym-Jomart Tokayev)."""
        names = [d.name] + ([f"{d.title} {d.name}"] if d.title else [])
        words = d.name.split()
        if len(words) == 1 and d.given_names:
            # "Otty Patiño" split by spaCy: not Ricardo Patiño.
            return _sharing_a_name(find_facts(self.lookups, names), d.given_names)
        facts = find_facts(self.lookups, names)
        if facts or len(words) < 2:
            return facts
        for text in sorted({m.text for m in d.mentions if m.text != d.name}, key=len)[::-1]:
            if text[:1].isupper():
                same = _sharing_a_name(self.facts(text), words[:1])
                if same:
                    return same
        return []

    def merge_known(self) -> None:
        """One actor per person the knowledge base knows: "Xi" and "Xi Jinping", "Hemedti"
        and "Mohamed Hamdan Dagalo". What the first-named draft says stands."""
        first: dict[str, _Draft] = {}
        for d in list(self.drafts):
            if d.kind != "person" or d.kb_id is None:
                continue
            keep = first.setdefault(d.kb_id, d)
            if keep is d:
                continue
            for m in d.mentions:
                keep.add(m.start, m.end, m.text)
            keep.country = keep.country or d.country
            keep.sector = keep.sector or d.sector
            keep.title = keep.title or d.title
            if len(d.name) > len(keep.name):
                keep.name = d.name
            self.drafts.remove(d)
            del self.by_key[d.key]


def _sharing_a_name(facts: list[ActorFact], names: Iterable[str]) -> list[ActorFact]:
    """The facts of people whose KB name holds one of ``names`` as a word."""
    keys = {name_key(n) for n in names}
    return [f for f in facts if keys & set(name_key(f.name).split())]
