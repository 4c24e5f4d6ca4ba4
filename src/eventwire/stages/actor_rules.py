"""Small readings of the parse for the actors stage: datelines, determiners, and where a
country name is a party to an event rather than a place."""

from __future__ import annotations

from typing import Any

from ..model import Entity
from ..ontology import (
    ARRIVALS,
    BETWEEN_PARTIES,
    EMBASSY_NOUNS,
    FORCE_MOVES,
    RECEIPTS,
    RELATION_NOUNS,
    SENT_NOUNS,
    SEPARATION_NOUNS,
)
from ..resources.lexicons import load_roles
from .place_words import PLACE_NOUNS
from .syntax import LOCATIVE_PREPS, clause_verb

__all__ = [
    "acted_on",
    "after_ethnic",
    "in_place_phrase",
    "is_dateline",
    "is_place_noun",
    "party_not_place",
    "related",
    "relation_tokens",
    "sector_of_name",
    "stance",
    "stance_on",
    "strip_det",
    "where_forces_move",
]

# Words that make a name part of a place phrase: "the town of Samarra", "a sector of Beirut"
# (not "the island of Taiwan" or "the state of Israel", which are the country itself).
_PLACE_HEADS = (PLACE_NOUNS - {"state", "island"}) | frozenset(
    "sector quarter part streets centre center heart north south east west".split()
)
_STANCES = frozenset({"anti", "pro"})
# Prepositions by which a verb names what it is aimed at ("fired at a US base"), not where.
_AIMED_AT = frozenset({"at", "against", "on", "upon", "to", "toward", "towards", "into", "with"})
# Last words that say what kind of body a name is, beyond the roles lexicon's single words.
_BODY_HEADS = {"assembly": "LEG", "army": "MIL", "police": "COP", "government": "GOV"}


def is_dateline(text: str, ent: Entity) -> bool:
    """ "NIAMEY, July 27 —" or "TRIPOLI —" opening a paragraph: where the story was filed."""
    at_line_start = ent.start == 0 or text[ent.start - 1] == "\n"
    follows = text[ent.end : ent.end + 3]
    return (
        at_line_start
        and ent.text.isupper()
        and (follows.startswith(",") or follows.lstrip().startswith(("—", "–", "-")))
    )


def strip_det(text: str) -> str:
    for det in ("the ", "The "):
        if text.startswith(det):
            return text[len(det) :]
    return text


def where_forces_move(root: Any) -> bool:
    """ "(withdrew) … from Lebanon", "(deployed) … in Mali" with the verb's object in between."""
    prep = root.head
    verbs = FORCE_MOVES.get(prep.lower_, frozenset())
    verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head
    return verb.lemma_.lower() in verbs and any(c.dep_ == "dobj" for c in verb.children)


def after_ethnic(span: Any) -> bool:
    return bool(span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic")


def stance_on(tok: Any) -> bool:
    """ "anti-Syria", "pro-Russian": a stance towards the country, not its nationality."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in _STANCES:
        return True
    if tok.lower_ in _STANCES and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-":
        return True  # the NER's "anti-Russian" starts at "anti"
    lower = tok.lower_
    return any(lower.startswith(f"{s}-") for s in _STANCES)


def is_place_noun(tok: Any) -> bool:
    """ "city", "town", "outskirts": a word for a place, never for an actor."""
    return bool(tok.lemma_.lower() in _PLACE_HEADS or tok.lower_ in _PLACE_HEADS)


def in_place_phrase(root: Any) -> bool:
    """ "a residential sector of eastern Beirut", "the outskirts of Tripoli": a name under
    "of" that hangs from a place noun, or from a noun that is itself where something is."""
    prep = root.head
    seen = 0
    while prep.lower_ == "of" and prep.dep_ == "prep" and seen < 4:
        noun = prep.head
        if is_place_noun(noun):
            return True
        if noun.dep_ == "pobj" and noun.head.lower_ in LOCATIVE_PREPS:
            return True
        prep = noun.head
        seen += 1
    return False


def party_not_place(root: Any) -> bool:
    """ "arrived in Beijing", "weapons from Iran", "criticism from Brussels", "independence
    from Iraq", "talks between
    Guyana and Venezuela": the country or capital is the host, the sender or a party."""
    prep = root.head
    head = prep.head
    if prep.lower_ == "between":
        return bool(head.pos_ == "NOUN" and head.lemma_.lower() in BETWEEN_PARTIES)
    if prep.lower_ == "in":
        return bool(head.lemma_.lower() in ARRIVALS)
    if prep.lower_ != "from":
        return False
    if head.pos_ == "NOUN" and head.lemma_.lower() in SENT_NOUNS | SEPARATION_NOUNS:
        return True  # "criticism from Brussels", "independence from Iraq"
    verb = head.head if head.dep_ == "dobj" else head
    return bool(verb.lemma_.lower() in RECEIPTS)


def acted_on(tok: Any, span: Any) -> bool:
    """Whether ``tok`` is itself what the actor's verb acts on ("Maj. Gen. Kirby criticised
    Russia", "protested to China"): that country is the other party, not the actor's.
    A country deeper in the object ("investigations against Chilean officials") still
    tells the story's country."""
    if tok.i < span.end:
        return False
    if tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in EMBASSY_NOUNS:
        return True  # "rallied outside the US embassy": another state's post
    verb = clause_verb(span.root)
    if tok.dep_ in ("dobj", "dative"):
        return bool(tok.head.i == verb.i)
    return bool(tok.dep_ == "pobj" and tok.head.lower_ in _AIMED_AT and tok.head.head.i == verb.i)


def sector_of_name(name: str) -> str | None:
    """ "the Montenegro Assembly", "the Haitian Army": a body named by its kind."""
    words = name.lower().split()
    if len(words) < 2:
        return None
    last = words[-1]
    if last in _BODY_HEADS:
        return _BODY_HEADS[last]
    role = load_roles().get(last)
    return role.sector if role is not None and role.kind == "org" else None


def stance(tok: Any, e: Entity) -> bool:
    return stance_on(tok) or e.text.lower().startswith(("anti-", "pro-", "anti ", "pro "))


def related(root: Any) -> bool:
    """ "Israel's militia ally", "an ally of Iran", "Tehran's proxies": a party named by its tie
    to another, which the possessor or the "of" names."""
    return any(t.lemma_.lower() in RELATION_NOUNS for t in _tie_nouns(root, appos=False))


def relation_tokens(root: Any) -> set[int]:
    """The tokens that name the other party of a tie: the possessor and the "of" phrase of the
    relation noun (``root``, the noun it is a compound of, or its apposition: "the militia,
    an ally of Iran"). The possessor's own words stay its own ("the Iranian government's
    proxies": "Iranian" is the government's)."""
    ties = [
        c
        for t in _tie_nouns(root, appos=True)
        if t.lemma_.lower() in RELATION_NOUNS
        for c in t.children
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
    ]
    return {t.i for c in ties if c.i != root.i for t in c.subtree}


def _tie_nouns(root: Any, *, appos: bool) -> list[Any]:
    """The nouns that may name ``root``'s tie: itself, the noun it is part of ("militia ally"),
    and, when asked, its apposition."""
    nouns = [root]
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    if appos:
        nouns += [c for c in root.children if c.dep_ == "appos"]
    return [t for t in nouns if t.pos_ == "NOUN"]
