"""Pronouns and bare nouns ("he", "they", "it", "the group") to the actor named before."""

from __future__ import annotations

from typing import Any

from .actor_draft import Draft

__all__ = ["resolve_pronouns"]

_PRONOUNS = frozenset({"he", "she"})
_OBJECT_PRONOUNS = frozenset({"them", "him", "her"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
# "The group said …" after "Al-Shabaab claimed the attack": a body named just before.
_ORG_NOUNS = frozenset(
    "group organisation organization movement bloc alliance coalition agency body "
    "militia union party".split()
)


def resolve_pronouns(
    drafts: list[Draft], sp: Any, sents: list[Any], sent_of: list[int] | dict[int, int]
) -> None:
    """Subject pronouns and bare nouns for a body named before: "he"/"she" → the last
    person named before; "they" → the last group or organisation in this or the previous
    sentence; "it", "the group", "the bloc" → the last organisation (or, for "it", country)
    in this or the previous sentence. Object pronouns: see ``_resolve_object``."""
    taken = {m.start for d in drafts for m in d.mentions}
    for tok in sp:
        if tok.dep_ in _OBJECT_DEPS and tok.lower_ in _OBJECT_PRONOUNS and tok.idx not in taken:
            _resolve_object(drafts, sp, sents, sent_of, tok)
            continue
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.idx in taken:
            continue
        word = tok.lower_
        n = sent_of[tok.i]
        previous_sentence = sents[max(0, n - 1)].start_char
        if word in _PRONOUNS:
            kinds, since = {"person"}, 0
        elif word == "they":
            kinds, since = {"group", "org"}, previous_sentence
        elif word == "it":
            if _thing_in_view(drafts, tok):
                continue  # "rejected the proposal, saying it failed": the proposal may be "it"
            kinds, since = {"org", "country", "body"}, previous_sentence
        elif word in _ORG_NOUNS and any(c.lower_ == "the" for c in tok.children):
            kinds, since = {"org"}, previous_sentence
        else:
            continue
        draft = _reporting_subject(drafts, sp, tok, kinds) or _last_before(
            drafts, sp, tok.idx, kinds, since
        )
        if draft is not None:
            draft.add(tok.idx, tok.idx + len(tok.text), tok.text)


def _resolve_object(
    drafts: list[Draft], sp: Any, sents: list[Any], sent_of: list[int] | dict[int, int], tok: Any
) -> None:
    """ "expelled three diplomats, accusing them of spying": an object pronoun is the one group
    (for "them": plural or an organisation) or person (for "him", "her") named in this or the
    previous sentence other than the subjects of its clause; with two candidates or none it
    stays unresolved."""
    plural = tok.lower_ == "them"
    window = sents[max(0, sent_of[tok.i] - 1)]
    since = window.start_char
    subjects = {d.key for d in map(lambda t: _draft_at(drafts, t.idx), _clause_subjects(tok)) if d}
    candidates = [
        d
        for d in drafts
        if d.key not in subjects
        and any(since <= m.start < tok.idx for m in d.mentions)
        and (_plural_body(sp, d) if plural else d.kind == "person" or _is_body(sp, d))
    ]
    if len(candidates) != 1:
        return
    found = candidates[0]
    taken = {i for d in drafts for m in d.mentions for i in range(m.start, m.end)}
    if plural and any(
        t.tag_ in ("NNS", "NNPS") and t.idx not in taken for t in sp[window.start : tok.i]
    ):
        return  # "seized weapons from the rebels and destroyed them": the weapons, maybe
    found.add(tok.idx, tok.idx + len(tok.text), tok.text)


def _clause_subjects(tok: Any) -> list[Any]:
    """The subjects of the verb a pronoun hangs on and of the verbs it is joined to or
    controlled by ("accused the rebels … and vowed to punish them": the speaker's too)."""
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    found: list[Any] = []
    for _ in range(4):
        found += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            break
        verb = verb.head
    return found


def _plural_body(sp: Any, d: Draft) -> bool:
    if d.kind in ("org", "country"):
        return True
    if d.kind != "group" or not d.mentions:
        return False
    span = sp.char_span(d.mentions[0].start, d.mentions[0].end)
    return span is not None and span.root.tag_ in ("NNS", "NNPS")


def _reporting_subject(drafts: list[Draft], sp: Any, tok: Any, kinds: set[str]) -> Draft | None:
    """ "The officers announced that they had …": the pronoun is the reporter."""
    verb = tok.head
    if verb.dep_ not in ("ccomp", "conj", "advcl") or verb.head.i == verb.i:
        return None
    cur = verb.head
    for _ in range(3):  # "went on television to announce that they …": up to "went"
        subjects = [c for c in cur.children if c.dep_ == "nsubj"]
        if subjects:
            heads = [subjects[0], *(c for c in subjects[0].children if c.dep_ == "appos")]
            drafts = [d for d in (_draft_at(drafts, h.idx) for h in heads) if d]
            if drafts and (
                drafts[0].kind in kinds or ("body" in kinds and _is_body(sp, drafts[0]))
            ):
                return drafts[0]
            return None
        if cur.dep_ not in ("advcl", "xcomp", "conj", "ccomp") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _thing_in_view(drafts: list[Draft], tok: Any) -> bool:
    """Whether a verb above "it" has, before it, a singular object that is no actor ("the
    proposal", "the attack"): then "it" may be that thing rather than the speaker."""
    spans = [(m.start, m.end) for d in drafts for m in d.mentions]
    cur = tok.head
    for _ in range(3):
        for c in cur.children:
            unnamed = not any(start <= c.idx < end for start, end in spans)
            if c.dep_ == "dobj" and c.tag_ == "NN" and c.i < tok.i and unnamed:
                return True
        if cur.dep_ not in ("advcl", "ccomp", "xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _is_body(sp: Any, d: Draft) -> bool:
    """A group named by a singular noun ("the interim government", "the junta"): "it"."""
    if d.kind != "group" or not d.mentions:
        return False
    span = sp.char_span(d.mentions[0].start, d.mentions[0].end)
    return span is not None and span.root.tag_ == "NN"


def _draft_at(drafts: list[Draft], offset: int) -> Draft | None:
    for d in drafts:
        if any(m.start <= offset < m.end for m in d.mentions):
            return d
    return None


def _last_before(
    drafts: list[Draft], sp: Any, offset: int, kinds: set[str], since: int
) -> Draft | None:
    best: tuple[int, Draft] | None = None
    for d in drafts:
        if d.kind not in kinds and not ("body" in kinds and _is_body(sp, d)):
            continue
        starts = [m.start for m in d.mentions if since <= m.start < offset]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), d)
    return best[1] if best else None
