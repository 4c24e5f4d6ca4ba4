"""Who acts and who is acted on: an event trigger's actor and recipient tokens from the parse."""

from __future__ import annotations

from typing import Any

from .syntax import ActorIndex, clause_verb

__all__ = ["event_arguments", "noun_arguments", "verb_arguments"]

_RECIPIENT_PREPS = frozenset(
    {"with", "to", "against", "on", "at", "into", "toward", "towards", "upon", "over"}
)

def _expand(toks: list[Any]) -> list[Any]:
    out = []
    for t in toks:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.i > t.i)
    return out


def verb_arguments(tok: Any) -> tuple[list[Any], list[Any]]:
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
    agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    preps = [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in _RECIPIENT_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    # A conjoined or controlled verb shares its head's subject ("deposed … and sealed").
    cur = tok
    while not subj and not passive and cur.dep_ in ("conj", "xcomp") and cur.head.i != cur.i:
        cur = cur.head
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
    return subj + agents, passive + objs + preps


def noun_arguments(tok: Any) -> tuple[list[Any], list[Any]]:
    actors = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod")]
    recipients = [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in _RECIPIENT_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    actors += [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "by"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    head = tok.head
    if tok.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        # "the junta imposed a curfew": the light verb's subject acts.
        subj, objs = verb_arguments(head)
        actors += subj
        recipients += [o for o in objs if o.i != tok.i]
    elif (
        tok.dep_ == "pobj"
        and head.lower_ in ("for", "in", "into", "at")
        and (head.head.pos_ == "VERB")
    ):
        # "converged for a rally", "took part in the protest": the verb's subject acts.
        actors += verb_arguments(head.head)[0]
    return actors, recipients


def event_arguments(
    index: ActorIndex, tok: Any, *, noun: bool, verbal: bool
) -> tuple[list[str], list[str]]:
    actor_toks, recipient_toks = noun_arguments(tok) if noun else verb_arguments(tok)
    recipients = _actor_ids(index, _expand(recipient_toks))
    if verbal and not recipients:
        # "offered to hand them over to Britain", "staged a strike to protest against Sweden's
        # decision": the one the statement is about is in what it announces or demands.
        holders = [tok, clause_verb(tok)] if noun else [tok]
        inner = [
            g
            for h in holders
            for c in h.children
            if c.dep_ in ("xcomp", "advcl")
            for g in verb_arguments(c)[1]
        ]
        recipients = _actor_ids(index, _expand(inner))
    if verbal and not recipients:
        # "demanded that the junta release him": the one addressed is the clause's subject.
        addressed = [
            g for c in tok.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"
        ]
        recipients = _actor_ids(index, _expand(addressed))
    actors = _actor_ids(index, _expand(actor_toks))
    return actors, [r for r in recipients if r not in actors]


def _actor_ids(index: ActorIndex, toks: list[Any]) -> list[str]:
    ids: list[str] = []
    for t in toks:
        actor = index.actor_at(t)
        if actor is not None and actor.id not in ids:
            ids.append(actor.id)
    return ids
