"""Who said it: the speaker of a quote from the parse, as a Speaker linked to an actor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Actor, Document, Speaker
from .quote_rules import CHANNEL_PREPS, CUE_VERBS, PERSON_PRONOUNS
from .syntax import LOCATIVE_PREPS

__all__ = [
    "SpeakerLinker",
    "according_source",
    "inverted_subject",
    "left_nominal",
    "noun_phrase",
    "speaker_head",
]

Token = Any  # spaCy Token

# How far up the parse tree to look for the verb governing a quote or a speaker.
MAX_HOPS = 4

# Punctuation that ends a speaker's noun phrase: an apposition or aside follows it.
_PHRASE_BREAKS = frozenset({",", "(", ")", "—", "–", ";", ":", '"', "“", "”", "'", "‘", "’"})
# Dependents that hang a clause on the speaker noun; they are not part of the name.
_CLAUSE_DEPS = frozenset({"relcl", "acl"})
_NOMINALS = frozenset({"NOUN", "PROPN", "PRON"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_CLOSING_MARKS = frozenset({'"', "”", "'", "’"})
# How the parser attaches a name it could not place ("…, Khim Thapa." as an adverbial).
_LOOSE_DEPS = frozenset({"npadvmod", "appos", "dep"})


class SpeakerLinker:
    """Turns a speaker's head token into a Speaker, linked to the actor it mentions."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.actors = doc.actors
        self.people = _people(doc)
        self.persons = {
            a.id
            for a in doc.actors
            if (a.title or self._named_person(a)) and _singular(doc.parse, a)
        }

    def _named_person(self, actor: Actor) -> bool:
        # A country-only actor (a country and no sector) is never a person.
        country_only = actor.country is not None and actor.sector is None
        return not country_only and any(self._named(m.start, m.end) for m in actor.mentions)

    def speaker(self, head: Token, before: int) -> Speaker:
        """``before``: where the quote starts; a pronoun looks for its person before this."""
        start, end = self._phrase(head)
        actor_id = self.overlapping(start, end)
        if actor_id is None and head.lower_ in PERSON_PRONOUNS:
            actor_id = self._last_person(min(start, before))
        return Speaker(text=self.text[start:end], start=start, end=end, actor_id=actor_id)

    def _phrase(self, head: Token) -> tuple[int, int]:
        """The name in "the spokesman, Ibrahim Musa,", unless only the title is an actor."""
        title = noun_phrase(head)
        name = _named_apposition(head)
        if name is head:
            return title
        named = noun_phrase(name)
        if self.overlapping(*named) is None and self.overlapping(*title) is not None:
            return title
        return named

    def is_person(self, head: Token) -> bool:
        """Whether a subject can be a quote's speaker with no cue: a pronoun or a person."""
        if head.lower_ in PERSON_PRONOUNS:
            return True
        return self.overlapping(*noun_phrase(head)) in self.persons

    def _named(self, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in self.people)

    def overlapping(self, start: int, end: int) -> str | None:
        best, best_id = 0, None
        for actor in self.actors:
            for m in actor.mentions:
                size = min(end, m.end) - max(start, m.start)
                if size > best:
                    best, best_id = size, actor.id
        return best_id

    def _last_person(self, before: int) -> str | None:
        best, best_id = -1, None
        for actor in self.actors:
            if actor.id not in self.persons:
                continue
            for m in actor.mentions:
                if best < m.end <= before:
                    best, best_id = m.end, actor.id
        return best_id


def _singular(sp: Any, actor: Actor) -> bool:
    """Whether an actor can be a "he" or "she": titled groups ("gunmen") cannot."""
    for m in actor.mentions:
        span = sp.char_span(m.start, m.end, alignment_mode="expand")
        plural = span is None or span.root.tag_ in _PLURAL_TAGS or span.root.lower_ == "they"
        if not plural:
            return True
    return False


def _people(doc: Document) -> list[tuple[int, int]]:
    """PERSON entity spans. A "he"/"she" stands for an actor that is titled or named by one.

    The mentions stage's entities are preferred to spaCy's, which it corrects (the small model
    tags some country names as PERSON); a country-only actor is never a person either way.
    """
    if doc.entities:
        return [(e.start, e.end) for e in doc.entities if e.label == "PERSON"]
    return [(e.start_char, e.end_char) for e in doc.parse.ents if e.label_ == "PERSON"]


def _named_apposition(head: Token) -> Token:
    """ "the spokesman, Ibrahim Musa," → the name: it says whose title it is. Not after a place
    ("an official in the capital, Bahir Dar,": the name is the capital's)."""
    if head.pos_ == "PROPN":
        return head
    for child in head.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.i < head.i:
            continue
        between = head.doc[head.i + 1 : child.left_edge.i]
        # "The aid group ANERA" is one name; only a comma sets a person's name apart.
        if any(t.text == "," for t in between) and not any(
            t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS for t in between
        ):
            return child
    return _trailing_name(head) or head


def _trailing_name(head: Token) -> Token | None:
    """ "according to the officer, Khim Thapa.": a name right after the phrase, which the
    parser hung on the clause instead, and which ends the sentence or the aside."""
    sp = head.doc
    comma = head.right_edge.i + 1
    if comma + 2 >= len(sp) or sp[comma].text != ",":
        return None
    end = comma + 1
    while end < len(sp) and sp[end].pos_ == "PROPN":
        end += 1
    name = sp[comma + 1 : end]
    if not name or not sp[end].is_punct or name.root.dep_ not in _LOOSE_DEPS:
        return None
    return name.root


def noun_phrase(head: Token) -> tuple[int, int]:
    """The speaker's name: the head's phrase without clauses, channels ("via …") or asides."""
    dropped: set[int] = set()
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "prep" and child.lower_ in CHANNEL_PREPS):
            dropped.update(t.i for t in child.subtree)
    kept = {t.i for t in head.subtree} - dropped
    sp = head.doc

    def joins(i: int) -> bool:
        # A date stuck to the name ("President X Saturday said") is when, not who.
        if i not in kept or sp[i].ent_type_ in ("DATE", "TIME") or sp[i].is_space:
            return False
        return not (sp[i].pos_ == "PUNCT" and sp[i].text in _PHRASE_BREAKS)

    lo = hi = head.i
    while joins(lo - 1):
        lo -= 1
    while joins(hi + 1):
        hi += 1
    return sp[lo].idx, sp[hi].idx + len(sp[hi].text)


def speaker_head(cue: Token) -> Token | None:
    """The cue verb's subject, climbing from "adding" or "went on to say" to the verb above."""
    node = _glossed_cue(cue)
    for _ in range(MAX_HOPS):
        if node.lower_ == "according":
            return according_source(node)
        for child in node.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "agent":  # "it was announced by the ministry"
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if node is cue and (inverted := inverted_subject(cue)) is not None:
            return inverted
        if node.dep_ == "acl" and node.head.dep_ in ("pobj", "dobj"):
            node = _medium_verb(node.head)  # "responded with a statement warning that …"
        elif node.dep_ in ("conj", "advcl", "xcomp") and node.head.i != node.i:
            node = node.head
        else:
            return None
    return None


def _medium_verb(noun: Token) -> Token:
    """The verb a statement or letter is the object of: its subject sent it."""
    return noun.head.head if noun.dep_ == "pobj" else noun.head


def _glossed_cue(cue: Token) -> Token:
    """ "denied that X had moved troops, calling the reports …": a participle the parser hung on
    the reported clause glosses the speech act, so its subject is the speaker's."""
    clause = cue.head
    glosses = cue.tag_ == "VBG" and cue.dep_ == "advcl" and clause.dep_ == "ccomp"
    if glosses and clause.head.pos_ == "VERB" and clause.head.lemma_.lower() in CUE_VERBS:
        return clause.head
    return cue


def according_source(according: Token) -> Token | None:
    for to in according.children:
        if to.lower_ == "to":
            return next((c for c in to.children if c.dep_ == "pobj"), None)
    return None


def inverted_subject(cue: Token) -> Token | None:
    """'…," said a doctor working for …': the parser reads the speaker as the subject of a clause
    after the cue; the cue, with no subject of its own, follows the closing mark."""
    before = [t.text for t in cue.doc[max(0, cue.i - 2) : cue.i]]
    if not before or not (before[-1] in _CLOSING_MARKS or before[0] in _CLOSING_MARKS):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    for comp in cue.children:
        if comp.dep_ != "ccomp" or comp.i < cue.i:
            continue
        subject = next((c for c in comp.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.left_edge.i == cue.i + 1:
            return subject
    return None


def left_nominal(cue: Token, inside: Callable[[Token], bool]) -> Token | None:
    """The noun just before a cue the parser gave no subject ("a shopkeeper, Mahmoud Fathy,
    said …" parsed as an apposition of the place before it)."""
    sp = cue.doc
    i = cue.i - 1
    while i >= 0 and sp[i].text == ",":
        i -= 1
    if i < 0 or sp[i].pos_ not in _NOMINALS or inside(sp[i]) or "\n" in sp[i : cue.i].text:
        return None
    if sp[i].i == cue.head.i:  # "a statement warning that …": the medium, not the speaker
        return None
    return sp[i]
