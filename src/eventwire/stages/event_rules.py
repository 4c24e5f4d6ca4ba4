"""PLOVER rules over a coded event: statements of intent, demands in reported speech."""

from __future__ import annotations

from typing import Any

from ..ontology import EVENT_TYPES
from .quote_rules import CUE_VERBS
from .syntax import clause_verb

__all__ = ["DEMAND_MODALS", "is_reported_demand", "recode_by_actor", "statement_of_intent"]

# Adjectives and verbs that announce an act instead of doing it ("ready to contribute troops").
_INTENT_GOVERNORS = frozenset(
    "ready prepared willing plan intend decide aim vow pledge promise expect".split()
)
DEMAND_MODALS = frozenset({"must", "should"})
# Modals of a guess: "Beijing might blockade …", "Rebels may have executed …".
_HEDGES = frozenset({"could", "might", "may"})
_PERSONAL_PRONOUNS = frozenset({"it", "they", "we", "i", "he", "she"})
# PLOVER codes the threat of a conflictual act by what it threatens.
_THREAT_MODES: dict[tuple[str, str | None], str] = {
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "ban"): "ban",
    ("COERCE", "restrict"): "restrict",
    ("COERCE", "curfew"): "restrict",
    ("COERCE", "martial-law"): "restrict",
    ("COERCE", "seize"): "territory",
    ("COERCE", "deport"): "expel",
    ("SANCTION", "expel"): "expel",
}
_THREAT_TYPE_MODES = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations"}
# PLOVER REJECT modes by what is refused ("declined to meet": meet).
_REFUSAL_MODES = {
    "CONSULT": "meet",
    "AID": "assist",
    "COOPERATE": "assist",
    "RETREAT": "yield",
    "CONCEDE": "yield",
}


def _reported_or_intended(tok: Any) -> bool:
    """The act is announced: under a speech verb ("said it will …") or an intent word."""
    if any(  # "The UN will provide aid, the WFP said": the speech verb hangs below
        c.lemma_.lower() in CUE_VERBS
        and c.dep_ in ("parataxis", "ccomp", "advcl")
        and c.i > tok.i
        and any(g.dep_ == "nsubj" for g in c.children)
        for c in tok.children
    ):
        return True
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        head = cur.head
        lemma = head.lemma_.lower()
        if cur.dep_ in ("xcomp", "acomp") and lemma in _INTENT_GOVERNORS:
            # "is expected to travel" is others' forecast, "expects to sign" an intent.
            return lemma != "expect" or not any(c.dep_ == "auxpass" for c in head.children)
        if cur.dep_ == "ccomp" and lemma in CUE_VERBS:
            return True
        cur = head
    return False


def _speculation(tok: Any) -> bool:
    """A guess reported, not an act announced.

    "may have executed" is about the past; "Analysts said Beijing might blockade …" guesses at
    what someone else may do. "The junta said it could expel …" stays an announcement.
    """
    verb = clause_verb(tok)
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not aux & _HEDGES:
        return False
    if aux & {"have", "'ve"}:
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.lower_ not in _PERSONAL_PRONOUNS for s in subjects)


def statement_of_intent(
    tok: Any, event_type: str, mode: str | None, *, future: bool, negated: bool
) -> tuple[str, str | None] | None:
    """(type, mode) of the statement when an announced future act is the event, else None.

    PLOVER: willingness to cooperate is AGREE, a warning of a conflictual act is THREATEN,
    and refusing to cooperate in future ("will not accept refugees") is REJECT.
    """
    info = EVENT_TYPES[event_type]
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "decline":
        # "declined to meet the delegation": a refusal (the lexicon's "refuse" is a REJECT
        # trigger itself; "decline" alone is too often a fall in numbers to be one).
        return "REJECT", _REFUSAL_MODES.get(event_type)
    if event_type == "AGREE" and negated and future:
        return "REJECT", None
    if info.quad_class == 3 or event_type == "AGREE" or not future:
        return None
    if _speculation(tok) or not _reported_or_intended(tok):
        return None
    if info.quad_class in (1, 2):
        return ("REJECT", None) if negated else ("AGREE", None)
    threat = _THREAT_MODES.get((event_type, mode)) or _THREAT_TYPE_MODES.get(event_type)
    return "THREATEN", threat


def is_reported_demand(tok: Any) -> bool:
    """ "X said Y must drop its barriers": a demand on Y, coded as REQUEST by X."""
    if tok.lemma_.lower() not in CUE_VERBS | {"declare", "conclude", "insist"}:
        return False
    return any(
        c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in DEMAND_MODALS for a in c.children)
        for c in tok.children
    )


# Non-state actors whose blocking of roads or transport is a protest, not state coercion.
_CIVIL_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "SOC", "AGR", "REL", "REF"})


def recode_by_actor(
    event_type: str, mode: str | None, sectors: list[str | None]
) -> tuple[str, str | None]:
    """Types that depend on who acts: a blockade by the state coerces, by workers protests."""
    if (
        (event_type, mode) == ("COERCE", "restrict")
        and sectors
        and all(s in _CIVIL_SECTORS for s in sectors)
    ):
        return "PROTEST", "obstruct"
    return event_type, mode
