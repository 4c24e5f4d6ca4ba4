"""Whether an event trigger tells of something that did not, may or will happen."""

from __future__ import annotations

from typing import Any

from ..model import Modality
from .syntax import clause_verb

__all__ = ["event_modality"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "must", "ought"})
_FUTURE_GOVERNORS = frozenset(
    {
        "plan",
        "intend",
        "prepare",
        "aim",
        "expect",
        "schedule",
        "seek",
        "want",
        "hope",
        "vow",
        "pledge",
        "promise",
        "decide",
        "agree",
        "set",
        "ready",
        "prepared",
        "willing",
        "be",
        "go",
        "offer",
        "due",
    }
)
_HYPOTHETICAL_GOVERNORS = frozenset(
    {
        "consider",
        "propose",
        "threaten",
        "urge",
        "ask",
        "demand",
        "call",
        "warn",
        "try",
        "attempt",
        "refuse",
    }
)
_NEGATING_GOVERNORS = frozenset({"deny", "refuse", "fail", "decline", "avoid"})
# Verbs whose object is an option under discussion, not an act done ("considering a ban").
_DELIBERATING_VERBS = frozenset(
    "consider weigh mull contemplate debate discuss study explore propose".split()
)
# Subjects that deny the clause: "No country has …", "Neither Kyiv nor Moscow has …".
_NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "nothing", "neither", "noone"})


def event_modality(tok: Any) -> Modality:
    verb = clause_verb(tok) if tok.pos_ != "VERB" else tok
    kids = list(verb.children) + (list(tok.children) if tok.i != verb.i else [])
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    negated = any(c.dep_ == "neg" or c.lower_ in ("never",) for c in kids) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children
    )
    if tok.i == verb.i or tok.dep_ == "dobj":
        # The subject denies the verb and what it does, not a scene noun ("no one was hurt
        # in the blast" still reports the blast).
        negated = negated or any(
            c.dep_ in ("nsubj", "nsubjpass") and _negative_phrase(c) for c in verb.children
        )
    # "withdrew without firing a shot", "opened fire without warning"
    negated = negated or (verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "without")
    future = bool(aux & _FUTURE_AUX)
    hypothetical = bool(aux & _HYPOTHETICAL_AUX) or any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
    )
    # "Lawmakers are considering a ban": the ban is an option, not an act.
    hypothetical = hypothetical or (
        tok.i != verb.i and tok.dep_ == "dobj" and verb.lemma_.lower() in _DELIBERATING_VERBS
    )
    governor = verb.head if verb.dep_ in ("xcomp", "ccomp", "pcomp") else None
    if governor is not None and governor.i != verb.i:
        lemma = governor.lemma_.lower()
        future = future or lemma in _FUTURE_GOVERNORS
        hypothetical = hypothetical or lemma in _HYPOTHETICAL_GOVERNORS
        negated = (
            negated
            or lemma in _NEGATING_GOVERNORS
            or any(c.dep_ == "neg" for c in governor.children)
            # "has yet to release", "is yet to be signed"
            or (lemma in ("have", "be") and any(c.lower_ == "yet" for c in governor.children))
        )
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "about", "regarding", "concerning"):
        # "declined to comment on the arrests", "did not speak about the attack": what is
        # denied is the comment; the arrests it is about are not.
        negated = any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
    return Modality(negated=negated, hypothetical=hypothetical, future=future)


def _negative_phrase(tok: Any) -> bool:
    """ "no country", "neither Kyiv nor Moscow", "none of the rebels", "nobody" """
    return tok.lower_ in _NEGATIVE_SUBJECTS or any(
        c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in tok.children
    )
