"""The actors stage: who the political actors are, with country, sector, title and every mention."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any, ClassVar

from ..model import Actor, ActorFact, ActorLookup, Document, Entity, Span
from ..ontology import (
    COUNTRY_NONSTATE,
    MEMBER_NOUNS,
    MULTINATIONAL_FORCES,
    POSTS_ABROAD,
    SEVERAL_STATES,
)
from ..pipeline import register_stage
from ..resources.kb import BundledKB
from .actor_draft import Draft as _Draft
from .actor_knowledge import PERSON_SECTORS_FROM_CONTEXT, Knowledge
from .actor_pronouns import resolve_pronouns
from .actor_roles import article_day
from .actor_rules import (
    acted_on,
    after_ethnic,
    in_place_phrase,
    is_dateline,
    is_place_noun,
    party_not_place,
    related,
    relation_tokens,
    sector_of_name,
    stance,
    strip_det,
    where_forces_move,
)
from .syntax import LOCATIVE_PREPS, country_context

__all__ = ["ActorsStage"]

# Dependency labels of a word that modifies a noun phrase's head (its country, its title).
_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "nn"})
# Argument positions in which a country or capital name acts ("Tripoli rejected …").
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent", "appos", "attr", "poss"})
_ACTING_PREPS = frozenset({"with", "against", "to", "by", "on", "for", "toward", "towards", "of"})
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"})
_FORMER_WORDS = frozenset({"former", "ex", "late", "ousted", "deposed", "toppled", "exiled"})
# Role words whose adjective means something else: "official contact" is formal contact.
_ADJECTIVE_SENSES = frozenset({"official", "civil", "royal", "national", "resident"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lady", "lord"})
# Where a noun phrase takes part in an event: subject, object, or object of a preposition.
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "attr", "agent"}
)
# Plain words for people: "Palestinian detainees", "Kurdish families" are civilians.
_PEOPLE_NOUNS = frozenset(
    "people person man woman child family civilian resident villager worker student "
    "detainee prisoner refugee migrant youth farmer fisherman pilgrim passenger".split()
)
_NONSTATE = frozenset({None, *COUNTRY_NONSTATE})
# Labels spaCy gives people's names by mistake ("Blinken" as a GPE, "Tokayev" as an ORG);
# the knowledge base turns them back into people when it knows the name and nothing else did.
_MISLABELLED_PERSON = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})


@register_stage
class ActorsStage:
    """Group mentions into actors; code country and sector from apposition, possessives, titles,
    and for named people the text leaves uncoded, from the actor lookups (the bundled KB)."""

    name: ClassVar[str] = "actors"
    requires: ClassVar[tuple[str, ...]] = ("entities",)
    assigns: ClassVar[tuple[str, ...]] = ("actors",)
    version: ClassVar[str] = "4"

    def __init__(self, *, lookups: Sequence[ActorLookup] | None = None) -> None:
        """``lookups``: where names are looked up, first match wins (the store passes the
        user's edits, its registry and an imported KB before the bundled one)."""
        self.lookups: list[ActorLookup] = list(lookups) if lookups is not None else [BundledKB()]

    def __call__(self, doc: Document) -> Document:
        builder = _Builder(doc, self.lookups)
        entities = doc.entities + builder.known_names()
        # Named and titled actors first: they absorb the countries that modify them
        # ("Niger's junta"), and what is left of the country names acts on its own.
        for ent in sorted(entities, key=lambda e: (e.label in ("GPE", "NORP"), e.start)):
            builder.take(ent)
        builder.apply_knowledge()
        builder.merge_known()
        resolve_pronouns(builder.drafts, builder.sp, builder.sents, builder.sent_of)
        doc.actors = builder.actors()
        return doc


class _Builder(Knowledge):
    def __init__(self, doc: Document, lookups: Sequence[ActorLookup]) -> None:
        self.doc = doc
        self.lookups = lookups
        self.day = article_day(doc.article.published_at)
        self._facts: dict[str, list[ActorFact]] = {}
        self.sp = doc.parse
        self.context = country_context(doc)
        self.drafts: list[_Draft] = []
        self.by_key: dict[str, _Draft] = {}
        # Token indices already part of another actor's phrase (its country, its title).
        self.absorbed: set[int] = set()
        self.ents_by_token: dict[int, Entity] = {}
        for e in doc.entities:
            for tok in self._span(e):
                self.ents_by_token[tok.i] = e
        # spaCy's Token.sent walks every sentence on each call: look sentences up once.
        self.sents = list(self.sp.sents)
        self.sent_of = [0] * len(self.sp)
        for n, s in enumerate(self.sents):
            self.sent_of[s.start : s.end] = [n] * (s.end - s.start)

    def _span(self, e: Entity | Span) -> Any:
        return self.sp.char_span(e.start, e.end, alignment_mode="expand")

    def _draft(self, key: str, name: str, kind: str) -> _Draft:
        if key not in self.by_key:
            self.by_key[key] = _Draft(key=key, name=name, kind=kind)
            self.drafts.append(self.by_key[key])
        return self.by_key[key]

    def take(self, ent: Entity) -> None:
        span = self._span(ent)
        if span is None or any(t.i in self.absorbed for t in span):
            return
        if is_dateline(self.doc.text, ent):
            return  # "NIAMEY, July 27 —": where the story was filed, not who acted
        if ent.label == "PERSON":
            self._person(ent, span)
        elif ent.label == "ORG":
            self._org(ent, span)
        elif ent.label == "GPE" and ent.country:
            self._country(ent, span)
        elif ent.label == "TITLE":
            self._titled_group(ent, span)
        elif ent.label == "NORP" and ent.country:
            self._demonym(ent, span)
        elif ent.label in _MISLABELLED_PERSON and not ent.country and self.facts(ent.text):
            self._person(ent, span)  # "Blinken" read as a place

    # --- the kinds of actor -------------------------------------------------------------

    def _person(self, ent: Entity, span: Any) -> None:
        draft = self._person_draft(ent.text)
        draft.add(ent.start, ent.end, ent.text)
        before = self.sp[span.start - 1] if span.start > 0 else None
        if (
            before is not None
            and len(span) == 1
            and before.pos_ == "PROPN"
            and before.is_title
            and before.i not in self.ents_by_token
            and before.lower_.rstrip(".") not in _HONORIFICS
        ):
            draft.given_names.add(before.text)
        if len(ent.text) > len(draft.name):
            draft.name = ent.text
        country, title_tokens, former = self._np_modifiers(span)
        if title_tokens:
            title = _words(title_tokens)
            draft.title = draft.title or title
            role = self._role_of(title_tokens)
            if role and not draft.sector:
                draft.sector = role
        if former:
            draft.sector = "ELI"
        if country:
            draft.country = draft.country or country
        elif draft.sector in PERSON_SECTORS_FROM_CONTEXT and not draft.context_country:
            # "President Mohamed Bazoum" in a story about Niger: the story's country, unless
            # the knowledge base knows better (apply_knowledge).
            draft.context_country = self._context_country(span)

    def _context_country(self, span: Any) -> str | None:
        """The country the sentence names first, else the one the story names most; never
        one the actor acts on ("Maj. Gen. Kirby criticised Russia" is not Russia's)."""
        skipped: set[str | None] = set()
        for tok in self.sents[self.sent_of[span.start]]:
            e = self.ents_by_token.get(tok.i)
            if e is None or e.label not in ("GPE", "NORP") or e.country in _NONSTATE:
                continue
            if stance(tok, e) or acted_on(tok, span) or tok.i in relation_tokens(span.root):
                skipped.add(e.country)
                continue
            return e.country
        return next((c for c in self.context if c not in skipped), None)

    def _spoken_for(self, span: Any) -> tuple[str, str | None] | None:
        root = span.root
        if root.lemma_.lower() not in _SPOKES:
            return None
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            ents = [e for t in prep.subtree if (e := self.ents_by_token.get(t.i)) is not None]
            country = next(
                (e.country for e in ents if e.label in ("ORG", "GPE", "NORP") and e.country), None
            )
            sector = next(
                (e.sector for e in ents if e.label in ("ORG", "TITLE") and e.sector), None
            )
            if country is not None:
                return country, sector
        return None

    def _members_of(self, span: Any) -> tuple[str | None, str | None] | None:
        """ "Hamas officials", "Red Cross leaders": the body's people, its country and sector."""
        root = span.root
        if root.lemma_.lower() not in MEMBER_NOUNS:
            return None
        near = [t for t in root.lefts if t.dep_ in ("compound", "poss", "amod")]
        near += [t for c in root.rights if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        own = self.ents_by_token.get(root.i)
        for t in near:
            e = self.ents_by_token.get(t.i)
            if e is None or e is own:
                continue  # "world leaders" is one role
            if e.label == "ORG" and e.country:
                return e.country, e.sector
            if e.label == "TITLE" and e.sector and t.dep_ != "pobj":
                # "separatist leaders", "army leadership": the role word says whose people.
                return e.country, e.sector
            if e is not None and e.label == "TITLE" and e.sector and t.dep_ == "pobj":
                # "leaders of the opposition coalition": the group's sector and country.
                return e.country or self._np_modifiers(self._span(e))[0], e.sector
        return None

    def _ethnic_home(self, ent: Entity, span: Any) -> str | None:
        """ "ethnic Albanians in Serbia": a people of that origin living in another country,
        the one the phrase puts them in, else the one the sentence (else the story) names;
        unknown when it names no other."""
        root = span.root
        people = root.head if root.dep_ in ("amod", "compound") else root
        home = self._home_named(people, ent.country)
        if home is not None:
            return home  # "ethnic Albanian unrest in Montenegro"
        for tok in self.sents[self.sent_of[span.start]]:
            e = self.ents_by_token.get(tok.i)
            if (
                e is not None
                and e.label in ("GPE", "NORP")
                and e.country not in _NONSTATE
                and e.country != ent.country
            ):
                return e.country
        return next((c for c in self.context if c != ent.country), None)

    def _known_person(self, text: str) -> _Draft | None:
        return next(
            (d for d in self.drafts if d.kind == "person" and d.name.split()[-1] == text), None
        )

    def _person_draft(self, name: str) -> _Draft:
        parts = name.split()
        for d in self.drafts:
            if d.kind != "person":
                continue
            dparts = d.name.split()
            # "Chollet" after "Derek Chollet"; "Derek Chollet" after "Chollet".
            if parts[-1] == dparts[-1] and (len(parts) == 1 or len(dparts) == 1 or parts == dparts):
                return d
        return self._draft(f"person:{name}", name, "person")

    def _org(self, ent: Entity, span: Any) -> None:
        person = self._known_person(ent.text)
        if person is not None:
            person.add(ent.start, ent.end, ent.text)  # spaCy's "Bazoum supporters" is no ORG
            return
        if ent.kb_id is None and self.facts(ent.text):
            self._person(ent, span)  # spaCy's "Kassym-Jomart Tokayev" is no ORG either
            return
        key = f"org:{(ent.kb_id or ent.text).casefold().removeprefix('the ')}"
        draft = self._draft(key, ent.kb_id or strip_det(ent.text), "org")
        draft.add(ent.start, ent.end, ent.text)
        draft.kb_id = ent.kb_id
        country, _, former = self._np_modifiers(span)
        draft.country = draft.country or ent.country or country
        draft.sector = "ELI" if former else draft.sector or ent.sector or sector_of_name(ent.text)

    def _country(self, ent: Entity, span: Any) -> None:
        root = span.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "Libya and Niger": the second plays the first one's part
        if root.dep_ in _MODIFIER_DEPS - {"poss"} and root.head.i not in {t.i for t in span}:
            # "US mediation", "the Niger crisis": not the country itself, but what is the
            # country's, as "the Indian proposal" is ("Serbia's crackdown" is the country).
            self._country_thing(ent, span)
            return
        # A capital a force enters is a place ("deployed troops in Tripoli"); one it leaves
        # stands for its country ("recalled its ambassador from Rome").
        moved = root.dep_ == "pobj" and (
            ((ent.sector is None or root.head.lower_ == "from") and where_forces_move(root))
            or party_not_place(root)
        )
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS and not moved:
            return  # "clashes in Tripoli": a place
        if root.dep_ == "pobj" and in_place_phrase(root):
            return  # "a sector of eastern Beirut", "the town of Samarra": a place too
        above = self.ents_by_token.get(root.head.i)
        if root.dep_ == "appos" and above is not None and above.label in ("GPE", "LOC"):
            return  # "Columbus, Georgia", "Tbilisi, Georgia": where the city is
        if (
            root.dep_ not in _ACTING_DEPS
            and not moved
            and not (root.dep_ == "pobj" and root.head.lower_ in _ACTING_PREPS)
        ):
            return
        draft = self._draft(f"country:{ent.country}", strip_det(ent.text), "country")
        draft.add(ent.start, ent.end, ent.text)
        draft.country = ent.country
        draft.sector = draft.sector or ent.sector  # a capital that acts is its government
        if draft.name != ent.text and len(ent.text) > len(draft.name):
            draft.name = strip_det(ent.text)

    def _country_thing(self, ent: Entity, span: Any) -> None:
        head = span.root.head
        if (
            ent.sector is None
            and span.root.dep_ == "compound"
            and head.pos_ == "NOUN"
            and head.i not in self.ents_by_token
            and head.dep_ in _ARGUMENT_DEPS
            and not is_place_noun(head)  # "the Iraqi city of Basra" is a place
        ):
            phrase = self.sp[span.start : head.i + 1]
            draft = self._draft(f"group:{head.lemma_.lower()}:{ent.country}", phrase.text, "group")
            draft.add(phrase.start_char, phrase.end_char, phrase.text)
            draft.country = ent.country

    def _demonym(self, ent: Entity, span: Any) -> None:
        """ "Nigeriens protested", "Palestinian detainees": people named by their country."""
        root = span.root
        country = self._ethnic_home(ent, span) if after_ethnic(span) else ent.country
        if root.tag_ in ("NNPS", "NNS") and root.dep_ in _ARGUMENT_DEPS:
            # "the Albanians of southern Serbia": a people living in another country
            # ("Americans in Israel" are still Americans).
            country = self._home_named(root, ent.country, ("of",)) or country
            # "Palestinians", "ethnic Turks": people named by nationality are civilians.
            draft = self._draft(f"people:{ent.country}:{country}", ent.text, "group")
            draft.add(ent.start, ent.end, ent.text)
            draft.country = country
            draft.sector = draft.sector or "CVL"
            return
        head = root.head
        if (
            root.dep_ in ("amod", "compound")
            and head.pos_ == "NOUN"
            and head.i not in self.ents_by_token
            and head.dep_ in _ARGUMENT_DEPS
            and not is_place_noun(head)  # "the Iraqi city of Basra" is a place
        ):
            phrase = self.sp[span.start : head.i + 1]
            key = f"group:{head.lemma_.lower()}:{ent.country}:{country}"
            draft = self._draft(key, phrase.text, "group")
            draft.add(phrase.start_char, phrase.end_char, phrase.text)
            draft.country = country
            # "Afghan rebel leaders": a role word inside the phrase gives the sector.
            roles = [self.ents_by_token.get(t.i) for t in phrase]
            sector = next((e.sector for e in roles if e and e.label == "TITLE" and e.sector), None)
            draft.sector = (
                draft.sector
                or sector
                or ("CVL" if head.tag_ == "NNS" and head.lemma_.lower() in _PEOPLE_NOUNS else None)
            )

    def _home_named(
        self, root: Any, origin: str | None, preps: tuple[str, ...] = ("of", "in")
    ) -> str | None:
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for t in prep.subtree:
                    e = self.ents_by_token.get(t.i)
                    if e is not None and e.label == "GPE" and e.country not in _NONSTATE:
                        return e.country if e.country != origin else None
        return None

    def _titled_group(self, ent: Entity, span: Any) -> None:
        """A role without a name: "the junta", "Nigerien soldiers", "the minister"."""
        root = span.root
        if self._names_person(root):
            return  # the title of a named person, taken by _person
        if ent.sector is None or ent.text.endswith("."):
            return  # "Capt.", "Brig. Gen." only ever title a name
        above = self.ents_by_token.get(root.head.i)
        if root.dep_ in ("compound", "amod") and above is not None and above.label == "TITLE":
            return  # "separatist leaders", "army leadership": one group, named by its head
        if len(span) == 1 and root.dep_ == "amod" and root.lower_ in _ADJECTIVE_SENSES:
            return  # "official contact": formal contact, no official in it
        country, _, former = self._np_modifiers(span)
        ethnic = next(
            (
                e
                for t in span.root.lefts
                if (e := self.ents_by_token.get(t.i)) is not None
                and e.label == "NORP"
                and after_ethnic(self.sp[t.i : t.i + 1])
            ),
            None,
        )
        if ethnic is not None and country == ethnic.country:
            # "ethnic Albanian guerrillas in Macedonia": Macedonia's.
            country = self._ethnic_home(ethnic, span)
        country = country or self._leader_country(span)
        body = self._spoken_for(span) or self._members_of(span)
        if body is not None:
            # "a spokesman for the Houthis": the body's voice, its country and sector.
            country, sector_of_body = body
        else:
            sector_of_body = None
        phrase = strip_det(ent.text).lower()
        earlier = self._titled_person(phrase, country)
        if earlier is not None:
            earlier.add(ent.start, ent.end, ent.text)
            return
        key = f"group:{phrase}:{country or ''}"
        if key not in self.by_key and country is None:
            # "the junta" after "Niger's junta": the same group.
            key = next((k for k in self.by_key if k.startswith(f"group:{phrase}:")), key)
        start, end, text = self._np_chars(span)
        draft = self._draft(key, text, "group")
        draft.add(start, end, text)
        draft.sector = "ELI" if former else sector_of_body or ent.sector
        draft.title = draft.title or ent.text
        draft.country = draft.country or country or ent.country
        # "the Johnson administration": someone's government; if not known whose, unknown.
        several = self._led_by_someone(span) or (
            body is None and span.root.tag_ == "NNS" and span.root.lemma_.lower() in SEVERAL_STATES
        )
        if not draft.country and phrase in MULTINATIONAL_FORCES:
            draft.country = "IGO"  # "a regional peacekeeping force": no one state's
        elif not draft.country and not several:
            # "the junta", "police" in a story about Niger: Niger's, as a reader takes it
            # (the country the sentence names first, else the one the story names most).
            draft.country = self._context_country(span)
            draft.country_from_context = draft.country is not None

    def _titled_person(self, phrase: str, country: str | None) -> _Draft | None:
        """ "the minister" → the last named person whose title holds that word."""
        head = phrase.split()[-1]
        for d in reversed(self.drafts):
            if (
                d.kind == "person"
                and d.title
                and head in d.title.lower().split()
                and (country is None or d.country in (None, country))
            ):
                return d
        return None

    # --- reading the noun phrase ------------------------------------------------------------

    def _names_person(self, tok: Any) -> bool:
        """True when a title word is part of a named person's phrase."""
        cur = tok
        for _ in range(4):
            e = self.ents_by_token.get(cur.head.i)
            if e is not None and e.label == "PERSON":
                return True
            if any(
                self.ents_by_token.get(c.i) is not None
                and self.ents_by_token[c.i].label == "PERSON"
                for c in cur.children
                if c.dep_ == "appos"
            ):
                return True
            if (cur.dep_ not in _MODIFIER_DEPS and cur.dep_ != "appos") or cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def _np_modifiers(self, span: Any) -> tuple[str | None, list[Any], bool]:
        """The country, title words and former-role marker around a name."""
        root = span.root
        own = {t.i for t in span}
        candidates = [t for t in root.subtree if t.i not in own and t.i < span.start]
        if root.dep_ == "compound" and not candidates:
            # "Kampuchean guerrilla camps": the word before the role may modify the whole.
            candidates = [
                t
                for s in root.head.lefts
                if s.i < span.start and s.dep_ in _MODIFIER_DEPS
                for t in s.subtree
            ]
        if related(root):
            # "Israel's militia ally", "an ally of Iran": the other party is not theirs.
            tied = relation_tokens(root)
            candidates = [t for t in candidates if t.i not in tied]
        if root.dep_ == "appos":
            candidates += [
                t
                for t in root.head.subtree
                if t.i not in own and t.i not in {x.i for x in root.subtree}
            ]
        of_phrase: list[Any] = []
        # "its ambassador from Tripoli": the possessor's envoy, sent from elsewhere.
        owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in root.children)
        posted = owned and root.lemma_.lower() in POSTS_ABROAD
        for child in root.children:
            if child.dep_ == "appos":
                # "the militia, an ally of Iran": the ally's other side is not its own
                tied = relation_tokens(child)
                candidates += [t for t in child.subtree if t.i not in tied]
            elif (
                child.dep_ == "prep"
                and child.lower_ in ("of", "from")
                and not owned
                and not related(root)
            ):
                of_phrase += list(child.subtree)  # "the president of Niger": country only
        country = None
        title: list[Any] = []
        former = False
        for tok in sorted(candidates, key=lambda t: t.i):
            e = self.ents_by_token.get(tok.i)
            if tok.lower_.rstrip("-") in _FORMER_WORDS:
                former = True
            if e is not None and e.label in ("GPE", "NORP", "ORG") and e.country:
                # "an anti-Syria journalist" is nobody's citizen; "its Kabul embassy" is not
                # Afghanistan's
                if not stance(tok, e) and not (posted and e.label == "GPE"):
                    country = country or e.country
                self.absorbed.add(tok.i)
            elif e is not None and e.label == "TITLE":
                title.append(tok)
                country = country or e.country
                self.absorbed.add(tok.i)
            elif (title and tok.pos_ in ("PROPN", "NOUN") and tok.i == title[-1].i + 1) or (
                tok.is_title
                and tok.pos_ in ("PROPN", "NOUN", "ADJ")
                and e is None
                and (tok.dep_ == "compound" or tok.dep_ == "amod")
            ):
                title.append(tok)
        for tok in of_phrase:
            e = self.ents_by_token.get(tok.i)
            if country is None and e is not None and e.label in ("GPE", "NORP") and e.country:
                country = e.country
                self.absorbed.add(tok.i)
        for tok in of_phrase:
            e = self.ents_by_token.get(tok.i)
            if country is None and e is not None and e.label == "ORG" and e.country:
                # "activists from the Fatah party", "fighters of the PKK": the body's country;
                # the body stays an actor of its own.
                country = e.country
        return country, title, former

    def _role_of(self, tokens: list[Any]) -> str | None:
        for tok in tokens:
            e = self.ents_by_token.get(tok.i)
            if e is not None and e.label == "TITLE" and e.sector:
                return e.sector
        return None

    def _np_chars(self, span: Any) -> tuple[int, int, str]:
        """The group's phrase without leading determiners ("the Nigerien military")."""
        root = span.root
        left = [t for t in root.lefts if t.dep_ in ("amod", "compound", "poss", "nmod")]
        first = min([span.start, *[t.left_edge.i for t in left]])
        while first < span.end - 1 and self.sp[first].dep_ in ("det", "case", "punct"):
            first += 1
        phrase = self.sp[first : span.end]
        return phrase.start_char, phrase.end_char, phrase.text

    # --- what the knowledge base knows -------------------------------------------------------

    def actors(self) -> list[Actor]:
        out = []
        ordered = sorted(self.drafts, key=lambda d: min(m.start for m in d.mentions))
        for i, d in enumerate(ordered, start=1):
            out.append(
                Actor(
                    id=f"a{i}",
                    name=d.name,
                    country=d.country,
                    sector=d.sector,
                    title=d.title,
                    kb_id=d.kb_id,
                    mentions=sorted(d.mentions, key=lambda m: m.start),
                    country_basis=d.basis(),
                )
            )
        return out


def _words(tokens: list[Any]) -> str:
    """Tokens as written: "Lt. Gen." rather than "Lt . Gen."."""
    ordered = sorted(tokens, key=lambda t: t.i)
    out: str = ordered[0].text
    for prev, tok in itertools.pairwise(ordered):
        out += (prev.whitespace_ if tok.i == prev.i + 1 else " ") + tok.text
    return out
