"""Sparse string features of a candidate event trigger, from the spaCy parse and the lexicon."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from ..resources.lexicons import Trigger, load_triggers

__all__ = [
    "ALL_GROUPS",
    "DEFAULT_GROUPS",
    "LexiconTypes",
    "cued_lemmas",
    "is_instance",
    "lexicon_types",
    "sentence_features",
    "token_features",
]

# Feature groups, switched on and off to measure what each one is worth (see `make model`).
ALL_GROUPS = ("lemma", "lexicon", "syntax", "modality", "sentence")
DEFAULT_GROUPS = ALL_GROUPS

LexiconTypes = Mapping[tuple[str, str], tuple[str, ...]]

# Dependents that say what the event is about: "imposed a curfew", "called for talks".
_ARG_DEPS = frozenset(
    {"dobj", "prt", "prep", "agent", "dative", "nsubj", "nsubjpass", "compound", "amod", "xcomp"}
)
_MODAL_WORDS = frozenset("will shall 'll would could might may should must can".split())
_NEG_WORDS = frozenset("not n't never no".split())
# Entity labels that make a subject a political actor ("Kenya agreed" vs "economists agree").
_ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})


@cache
def lexicon_types() -> LexiconTypes:
    """{(lemma, pos): event types} of the packaged lexicon; a phrase also counts for its words."""
    found: dict[tuple[str, str], set[str]] = {}
    for (lemma, pos), rows in load_triggers().items():
        for word in {lemma, *lemma.split(" ")}:
            found.setdefault((word, pos), set()).update(t.event_type for t in rows)
    return {key: tuple(sorted(types)) for key, types in found.items()}


@cache
def cued_lemmas() -> frozenset[tuple[str, str]]:
    """(lemma, pos) pairs with at least one lexicon row that needs a cue ("strike" + "air")."""
    return frozenset(key for key, rows in load_triggers().items() if any(t.cue for t in rows))


def _pos(tok: Any) -> str | None:
    if tok.pos_ == "VERB":
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def is_instance(tok: Any, lexicon: LexiconTypes) -> bool:
    """Words a trigger classifier learns from: every verb, and the nouns the lexicon knows."""
    pos = _pos(tok)
    if pos == "VERB":
        return True
    return pos == "NOUN" and (tok.lemma_.lower(), "NOUN") in lexicon


def sentence_features(sent: Any) -> list[str]:
    """The sentence's content lemmas: shared by every candidate of the sentence."""
    return sorted({f"s={t.lemma_.lower()}" for t in sent if t.pos_ in _CONTENT_POS})


def _clause_verb(tok: Any) -> Any:
    cur = tok
    while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
        cur = cur.head
    return cur


def token_features(
    tok: Any,
    rule: Trigger | None,
    kind: str | None,
    lexicon: LexiconTypes,
    groups: Iterable[str] = DEFAULT_GROUPS,
    sentence: list[str] | None = None,
) -> list[str]:
    """Feature names for one token; ``rule`` is the lexicon's pick for it, when it has one."""
    on = set(groups)
    lemma = tok.lemma_.lower()
    pos = _pos(tok) or tok.pos_
    out = [f"l={lemma}", f"lp={lemma}|{pos}", f"p={pos}"]
    if "lexicon" in on:
        types = lexicon.get((lemma, pos), ())
        out += [f"lx={t}" for t in types] or ["lx=NONE"]
        out.append(f"lxn={min(len(types), 3)}")
        if rule is not None:
            # The rule's own pick, with its mode and how it matched (a satisfied cue is strong).
            out += [
                f"r={rule.event_type}",
                f"rm={rule.event_type}:{rule.mode or ''}",
                f"rk={kind}",
                f"rl={lemma}|{rule.event_type}",
            ]
        else:
            out.append("r=NONE")
    if "syntax" in on:
        out += _syntax(tok, lemma)
    if "modality" in on:
        out += _modality(tok, lemma)
    if "sentence" in on and sentence is not None:
        out += sentence
    return out


def _syntax(tok: Any, lemma: str) -> list[str]:
    head = tok.head
    hl = head.lemma_.lower()
    out = [f"t={tok.tag_}", f"d={tok.dep_}", f"ld={lemma}|{tok.dep_}", f"hd={hl}|{tok.dep_}"]
    if head.i != tok.i:
        out.append(f"lh={lemma}|{hl}")
    for c in tok.children:
        if c.dep_ not in _ARG_DEPS:
            continue
        cl = c.lemma_.lower()
        out += [f"c={c.dep_}|{cl}", f"lc={lemma}|{c.dep_}|{cl}"]
        if c.dep_ in ("prep", "agent", "dative"):
            for g in c.children:
                if g.dep_ == "pobj":
                    gl = g.lemma_.lower()
                    out += [f"pp={cl}|{gl}", f"lpp={lemma}|{cl}|{gl}"]
                    if g.ent_type_:
                        out.append(f"pe={cl}|{g.ent_type_}")
        elif c.dep_ in ("nsubj", "nsubjpass", "dobj"):
            # The head or a direct dependent ("Kenya's *government*"); not the whole subtree,
            # which would cost a walk over long phrases for little gain.
            ent = c.ent_type_ or next((g.ent_type_ for g in c.children if g.ent_type_), "")
            out.append(f"ce={c.dep_}|{ent if ent in _ACTOR_LABELS else 'O'}")
            for g in c.children:  # "sent 50 tonnes of food aid"
                if g.dep_ == "prep" and g.lower_ == "of":
                    out += [f"of={p.lemma_.lower()}" for p in g.children if p.dep_ == "pobj"]
    doc = tok.doc
    if tok.i > 0:
        out.append(f"prev={doc[tok.i - 1].lemma_.lower()}")
    if tok.i + 1 < len(doc):
        out.append(f"next={doc[tok.i + 1].lemma_.lower()}")
    # The path up to the root, two steps: "relcl<ROOT", "xcomp<ccomp".
    path = [tok.dep_]
    cur = tok
    for _ in range(2):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        path.append(cur.dep_)
    out.append("path=" + "<".join(path))
    return out


def _modality(tok: Any, lemma: str) -> list[str]:
    verb = _clause_verb(tok)
    kids = list(verb.children) + (list(tok.children) if tok.i != verb.i else [])
    out: list[str] = []
    words = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass", "neg", "det", "advmod")}
    out += [f"m={w}" for w in sorted(words & _MODAL_WORDS)]
    if words & _NEG_WORDS:
        out.append("neg")
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "pcomp") and verb.head.i != verb.i:
        gl = verb.head.lemma_.lower()
        out += [f"gov={verb.dep_}|{gl}", f"gl={gl}|{lemma}"]
        if any(c.dep_ == "neg" for c in verb.head.children):
            out.append("govneg")
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        out.append("if")
    return out
