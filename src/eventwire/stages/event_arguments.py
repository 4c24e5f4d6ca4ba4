"""Who acts and who is acted on: an event trigger's actor and recipient tokens from the parse."""

from __future__ import annotations

from typing import Any

from ..ontology import (
    ARRIVALS,
    BETWEEN_PARTIES,
    FORCE_MOVES,
    GOODS,
    OBJECT_CONTROL,
    RECEIPTS,
    SENT_NOUNS,
    SEPARATION_NOUNS,
)
from .syntax import ActorIndex, clause_verb

__all__ = ["event_arguments", "noun_arguments", "verb_arguments"]

_RECIPIENT_PREPS = frozenset(
    {"with", "to", "against", "on", "at", "into", "toward", "towards", "upon", "over"}
)
# Where a force is sent or pulled: "withdrew its troops from Lebanon", "deployed its forces in".
_LEAVING_PREPS = frozenset({"from", "out", "of"})
_ENTERING_PREPS = frozenset("in into inside to toward towards near along around at on".split())
_RELATIVE = frozenset({"who", "which", "that"})
# Verbs of receipt whose "from" names the giver, who acts.
_GIVEN_TO = frozenset({"receive", "obtain", "get"})
_IF = frozenset({"if", "unless"})
_ALONGSIDE = frozenset({"join", "accompany", "follow", "lead"})
_AFTER = frozenset({"after", "following", "during", "in"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})


def _expand(toks: list[Any]) -> list[Any]:
    out = []
    for t in toks:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.i > t.i)
    return out


def _prep_objects(tok: Any, preps: frozenset[str]) -> list[Any]:
    out = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        objects = [g for g in c.children if g.dep_ == "pobj"]
        out += objects or _stranded_object(tok, c)
    return out


def _stranded_object(tok: Any, prep: Any) -> list[Any]:
    """ "granted asylum to five officers holed up in …": the parser made the object of "to"
    the subject of the clause after it; the noun right after the preposition is its object."""
    return [
        g
        for clause in tok.children
        if clause.dep_ in ("advcl", "ccomp", "acl", "relcl") and clause.i > prep.i
        for g in clause.children
        if g.dep_ == "nsubj" and g.left_edge.i == prep.i + 1
    ]


def _subjects(tok: Any) -> list[Any]:
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    # "the rebels, who attacked the town": the relative pronoun stands for the noun.
    return [tok.head if s.lower_ in _RELATIVE and tok.dep_ == "relcl" else s for s in subj]


def _shared_subject(tok: Any) -> list[Any]:
    """The actor of a verb without a subject of its own, taken from the clause it hangs on.

    "deposed … and sealed" (conjunction), "was ready to lift" (control through an adjective),
    "opened fire, killing" and "fired to disperse" (adverbial clauses), "issued a statement
    demanding" (a statement's content), "urged Israel to withdraw" (the object controls).
    """
    cur = tok
    while cur.head.i != cur.i:
        dep, head = cur.dep_, cur.head
        if dep == "acl" and _non_finite(cur) and head.pos_ in ("NOUN", "PROPN"):
            if cur.tag_ == "VBG" and head.tag_ in ("NNS", "NNPS", "NNP"):
                return [head]  # "(arrested) protesters demanding his release": they demand
            if head.dep_ != "dobj" or head.head.pos_ not in ("VERB", "AUX"):
                return []  # "an attempt to kill the governor" names no one
            head = head.head  # "issued a statement demanding": the one who issued it
        elif dep == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            # "urged Israel to withdraw", "Israel was urged to withdraw" (but "used drones to
            # attack" is the user's attack)
            controller = [
                c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < cur.i
            ]
            if controller:
                return controller
        elif dep == "xcomp":
            pass  # "used drones to attack", "agreed to withdraw": the subject above acts
        elif dep == "acomp" and cur.pos_ == "ADJ":
            pass
        elif dep == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
            head = head.head  # "handed them over after rescuing them"
        elif dep == "conj":
            patient = [c for c in head.children if c.dep_ == "nsubjpass"]
            if patient:
                # "was indicted … and will resign": an active verb's actor is the patient above;
                # "was arrested and jailed" shares the passive and has no actor there.
                return patient if _active(cur) else []
        elif dep != "advcl" or _subjects(cur):
            return []
        subj = _subjects(head)
        if subj:
            return subj
        cur = head
    return []


def _non_finite(verb: Any) -> bool:
    """ "a statement demanding …", "plans to station …" """
    return bool(
        verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _active(verb: Any) -> bool:
    own_aux = {c.dep_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return "auxpass" not in own_aux and (verb.tag_ != "VBN" or "aux" in own_aux)


def verb_arguments(tok: Any) -> tuple[list[Any], list[Any]]:
    subj = _subjects(tok)
    passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
    agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    if not objs:
        # "denounced as an ugly crime Serbia's suppression of …": the object comes after the
        # "as" phrase, read as its apposition.
        objs = [
            a
            for g in _prep_objects(tok, frozenset({"as"}))
            for a in g.children
            if a.dep_ == "appos"
        ]
    # "granted asylum to five officers", "imposed sanctions on Iran": the partner hangs on the
    # object.
    preps = _prep_objects(tok, _RECIPIENT_PREPS) + [
        g for o in objs if o.dep_ == "dobj" for g in _prep_objects(o, _RECIPIENT_PREPS)
    ]
    # "host a meeting between an Israeli group and the PLO": both parties are met.
    preps += [
        g
        for o in objs
        if o.lemma_.lower() in BETWEEN_PARTIES
        for g in _prep_objects(o, frozenset({"between"}))
    ]
    # "calling for independence from Iraq", "demanding autonomy from Belgrade": the one
    # parted from is the one the demand is on.
    parted = [o for o in objs + _prep_objects(tok, frozenset({"for"})) if _separation(o)]
    preps += [g for o in parted for g in _prep_objects(o, frozenset({"from"}))]
    if not subj and not passive and not agents:
        subj = _shared_subject(tok)
    lemma = tok.lemma_.lower()
    if lemma in ARRIVALS:
        preps += _prep_objects(tok, frozenset({"in"}))  # "arrived in Beijing": the host
    if lemma in RECEIPTS:
        senders = _prep_objects(tok, frozenset({"from"})) + [
            g for o in objs for g in _prep_objects(o, frozenset({"from"}))
        ]
        goods = any(o.lemma_.lower() in GOODS for o in objs)
        if lemma in _GIVEN_TO and senders and goods:
            # "Hezbollah received weapons from Iran": Iran gives, Hezbollah is given to.
            return senders, subj + agents + passive
        preps += senders  # "requested a loan from Beijing": asked of Beijing
    return subj + agents, passive + objs + preps


def noun_arguments(tok: Any) -> tuple[list[Any], list[Any]]:
    actors = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod")]
    recipients = _prep_objects(tok, _RECIPIENT_PREPS)
    actors += _prep_objects(tok, frozenset({"by"}))
    # "talks between Guyana and Venezuela": both take part.
    actors += _prep_objects(tok, frozenset({"between"}))
    if tok.lemma_.lower() in SENT_NOUNS:
        actors += _prep_objects(tok, frozenset({"from"}))  # "criticism from Brussels"
    # "launched artillery, mortar and rocket fire": a listed noun stands where the first does;
    # "carried out a wave of airstrikes": the noun stands where its measure does.
    first = tok
    while first.head.i != first.i and (
        (first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"))
        or (
            first.dep_ == "pobj"
            and first.head.lower_ == "of"
            and first.head.head.pos_ == "NOUN"
            and first.head.head.i != first.head.i
        )
    ):
        first = first.head if first.dep_ == "conj" else first.head.head
    head = first.head
    if first.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        # "the junta imposed a curfew": the light verb's subject acts.
        subj, objs = verb_arguments(head)
        actors += subj
        recipients += [o for o in objs if o.i not in (tok.i, first.i)]
    elif (
        first.dep_ == "pobj"
        and head.lower_ in ("for", "in", "into", "at", "on", "under")
        and (head.head.pos_ == "VERB")
    ):
        # "converged for a rally", "took part in the protest", "remained on alert": the verb's
        # subject acts; "placed a journalist in detention", "(was) put under investigation":
        # its object is acted on.
        subj, objs = verb_arguments(head.head)
        actors += subj
        recipients += [o for o in objs if o.dep_ in ("dobj", "nsubjpass")]
    return actors, recipients


def event_arguments(
    index: ActorIndex,
    tok: Any,
    *,
    noun: bool,
    verbal: bool,
    object_preps: frozenset[str] = frozenset(),
    demand: bool = False,
) -> tuple[list[str], list[str]]:
    """Actor ids and recipient ids of the event whose trigger is ``tok``."""
    # "Fighting between the army and rebels killed …": a gerund standing as a noun.
    noun = noun or (
        tok.tag_ == "VBG"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and not any(c.dep_ == "dobj" for c in tok.children)
    )
    actor_toks, recipient_toks = noun_arguments(tok) if noun else verb_arguments(tok)
    # "Clashes between troops and the RSF killed …": both sides of the fight act.
    actor_toks = [p for t in actor_toks for p in _sides(t)]
    if noun and object_preps:
        # "the arrest of twelve activists", "support for Estonia": the one it is done to.
        recipient_toks += _prep_objects(tok, object_preps)
    actors = _actor_ids(index, _expand(actor_toks))
    recipients = _partners(index, tok, recipient_toks, actors)
    if verbal and not recipients:
        recipients = _addressed(index, tok, actors, noun=noun, demand=demand)
    return actors, [r for r in recipients if r not in actors]


def _partners(index: ActorIndex, tok: Any, toks: list[Any], actors: list[str]) -> list[str]:
    recipients = _actor_ids(index, _expand(toks))
    if recipients and (_moves_forces(tok) or _all_own(toks, actors)):
        # "withdrew its troops from Lebanon": the actor's own forces are moved; the one the
        # move is about is where they go or leave.
        objects = [t for t in toks if t.dep_ == "dobj"]
        where = _actor_ids(index, _expand(_where(tok, objects)))
        if where:
            moved = set(_actor_ids(index, _expand(objects)))
            recipients = list(dict.fromkeys([r for r in recipients if r not in moved] + where))
    return recipients


def _addressed(
    index: ActorIndex, tok: Any, actors: list[str], *, noun: bool, demand: bool
) -> list[str]:
    """The one a statement is about when no object names it."""
    # "offered to hand them over to Britain", "staged a strike to protest against Sweden's
    # decision", "refused to deploy peacekeepers in Iraq": the one the statement is about is
    # in what it announces or demands.
    holders = [tok, clause_verb(tok)] if noun else [tok]
    recipients: list[str] = []
    clauses = [c for h in holders for c in h.children if c.dep_ in ("xcomp", "advcl")]
    # "rioted …, joining thousands of demonstrators": those joined act alongside.
    for clause in (c for c in clauses if c.lemma_.lower() not in _ALONGSIDE):
        for r in _partners(index, clause, verb_arguments(clause)[1], actors):
            if r not in recipients:
                recipients.append(r)
    if not recipients:
        # "threatened to quit the talks if the United States deploys": the one whose move the
        # threat or offer hangs on.
        recipients = _actor_ids(index, _expand(_conditioned(holders)))
    if not recipients:
        # "called off the strike after deliberations with the government": the counterpart.
        talks = [
            g
            for h in holders
            for g in _prep_objects(h, _AFTER)
            if g.lemma_.lower() in BETWEEN_PARTIES or g.lemma_.lower() == "deliberation"
        ]
        recipients = _actor_ids(
            index, _expand([o for t in talks for o in _prep_objects(t, frozenset({"with"}))])
        )
    if not recipients:
        # "a hunger strike in protest of the government's refusal"
        protest = [
            g
            for h in [*holders, tok.head]
            for g in _prep_objects(h, frozenset({"in"}))
            if g.lower_ == "protest" and g.i != tok.i
        ]
        against = [o for p in protest for o in _prep_objects(p, frozenset({"of", "at", "against"}))]
        recipients = _actor_ids(index, _expand(against))
    if not recipients:
        # "demanded that the junta release him", "its demand that Israel ease", "asked Baghdad
        # to resume" (read as the clause's subject): the one addressed is the clause's subject.
        clauses = [c for c in tok.children if c.dep_ in ("ccomp", "acl", "xcomp")]
        if noun:
            clauses += [c for c in clause_verb(tok).children if c.dep_ == "ccomp"]
        addressed = [g for c in clauses for g in c.children if g.dep_ == "nsubj"]
        if not demand:
            # What is denied or admitted may be the speaker's own doing ("denied that its
            # troops had entered"): its own forces are not its addressee.
            addressed = [g for g in addressed if not _all_own([g], actors)]
        recipients = _actor_ids(index, _expand(addressed))
    return recipients


def _sides(tok: Any) -> list[Any]:
    """The parties of a fight or a meeting that stands as a subject, else the word itself."""
    if tok.lemma_.lower() in BETWEEN_PARTIES:
        parties = _prep_objects(tok, frozenset({"between"}))
        if parties:
            return parties
    return [tok]


def _conditioned(holders: list[Any]) -> list[Any]:
    """Subjects of the "if"/"unless" clauses on the trigger or the clause it controls."""
    heads = holders + [c for h in holders for c in h.children if c.dep_ == "xcomp"]
    conditions = [
        c
        for h in heads
        for c in h.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _IF for m in c.children)
    ]
    # "… if it received guarantees": a pronoun there is most often the speaker itself.
    return [
        g
        for c in conditions
        for g in c.children
        if g.dep_ in ("nsubj", "nsubjpass") and g.tag_ != "PRP"
    ]


def _separation(tok: Any) -> bool:
    return bool(tok.lemma_.lower() in SEPARATION_NOUNS)


def _moves_forces(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    return any(lemma in verbs for verbs in FORCE_MOVES.values())


def _all_own(toks: list[Any], actors: list[str]) -> bool:
    """True when every recipient phrase is the actor's own ("its troops", "their forces")."""
    return bool(actors) and all(
        any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in t.children) for t in toks
    )


def _where(tok: Any, objects: list[Any]) -> list[Any]:
    """Places and parties in the phrases that say where a force goes ("deployed … in Mali",
    "massed … near Ukraine's borders") or what it leaves ("withdrew … from Lebanon", "out of
    Sudan"), as the verb moves forces in or out; both for other verbs."""
    lemma = tok.lemma_.lower()
    leaving = lemma in FORCE_MOVES["from"]
    entering = any(lemma in verbs for p, verbs in FORCE_MOVES.items() if p != "from")
    preps = (_LEAVING_PREPS if leaving or not entering else frozenset()) | (
        _ENTERING_PREPS if entering or not leaving else frozenset()
    )
    out: list[Any] = []
    frontier = [tok, *objects]
    while frontier:
        cur = frontier.pop()
        for c in cur.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                out += [g for g in c.children if g.dep_ == "pobj"]
                frontier.append(c)  # "out of Sudan": the preposition chains
    return out


def _actor_ids(index: ActorIndex, toks: list[Any]) -> list[str]:
    ids: list[str] = []
    for t in toks:
        actor = index.actor_at(t)
        if actor is not None and actor.id not in ids:
            ids.append(actor.id)
    return ids
