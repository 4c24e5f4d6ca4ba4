"""The quotes stage: who said what (direct and reported speech), speakers linked to actors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, ClassVar

from ..errors import StageOrderError
from ..model import Document, Quote, Speaker
from ..pipeline import register_stage
from .quote_rules import (
    CHANNEL_PREPS,
    COMMISSIVE_CUES,
    CUE_VERBS,
    DIRECT_CUES,
    NON_SOURCES,
    PERSON_PRONOUNS,
    QuotedSpan,
    find_quoted_spans,
    paragraphs,
    sentence_break_within,
)

__all__ = ["QuotesStage"]

Token = Any  # spaCy Token
SpacyDoc = Any  # spaCy Doc

# A quoted phrase needs this many words (and a verb) to be a statement rather than a scare quote.
MIN_WORDS = 3
# Two quoted segments separated by at most this many words, one of them a cue verb, are one
# quote split by its attribution.
MAX_ATTRIBUTION_WORDS = 12
# How many tokens before / after the marks an attribution may sit when the parse does not link
# it to the quote ("He said:" before; "he said" after a quote that spaCy made its own sentence).
WINDOW_BEFORE = 8
WINDOW_AFTER = 6
# How far up the parse tree to look for the verb governing a quote or a speaker.
MAX_HOPS = 4

_VERB_POS = frozenset({"VERB", "AUX"})
# A participle used as an adjective ("self-driving cars") does not make a phrase a statement.
_MODIFIER_DEPS = frozenset({"amod", "compound"})
# Punctuation that ends a speaker's noun phrase: an apposition or aside follows it.
_PHRASE_BREAKS = frozenset({",", "(", ")", "—", "–", ";", ":", '"', "“", "”", "'", "‘", "’"})
# Dependents that hang a clause on the speaker noun; they are not part of the name.
_CLAUSE_DEPS = frozenset({"relcl", "acl"})


@dataclass
class _Found:
    """A quote before ids are given; outer_* include the quotation marks (== start/end if none)."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    direct: bool
    cue: str | None = None
    speaker: Speaker | None = None


@register_stage
class QuotesStage:
    """Find direct quotes and reported speech, with their cue and speaker (linked to an actor).

    Choices a reader of the output should know:

    * A quote split by its attribution ("We will not yield," he said, "whatever happens.") is one
      Quote: its span runs from the first segment's content to the last segment's content, so its
      text contains the attribution between them. A quote continued over paragraphs is one Quote
      in the same way.
    * ``cue`` is the lemma of the cue verb ("say", "tell", "warn") or "according to"; None for a
      quote-only paragraph, which takes the speaker of the nearest preceding quote.
    * A quoted phrase of fewer than three words, or one without a verb, is a scare quote or a
      name and is not reported.
    * Reported speech whose content overlaps a direct quote is dropped: the direct quote is the
      record of that statement (direct=True), even when it quotes only part of it.
    * Directives and charges (urge, demand, accuse, threaten) are not cues: their complement is
      a request or a charge, which the events stage codes as an event (see ``CUE_VERBS``).
    * A pronoun speaker ("he", "she") with no actor mention of its own is linked to the last
      person-like actor mentioned before the quote: an actor with a title, or one that is not
      country-only (a country and no sector) with a mention that overlaps a PERSON entity.
    """

    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ("actors",)
    assigns: ClassVar[tuple[str, ...]] = ("quotes",)
    version: ClassVar[str] = "1"

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            raise StageOrderError(
                "the quotes stage needs the spaCy parse; run the 'nlp' stage before it"
            )
        linker = _SpeakerLinker(doc)
        direct = _direct_quotes(doc.parse, doc.text, linker)
        reported = _reported_quotes(doc.parse, linker)
        reported = [r for r in reported if not any(_overlap(r, d) for d in direct)]
        found = sorted(direct + reported, key=lambda f: (f.start, f.end))
        _inherit_speakers(found, doc.text)
        doc.quotes = [
            Quote(
                id=f"q{n}",
                text=doc.text[f.start : f.end],
                start=f.start,
                end=f.end,
                direct=f.direct,
                cue=f.cue,
                speaker=f.speaker,
            )
            for n, f in enumerate(found, 1)
        ]
        return doc


# --- speakers ---------------------------------------------------------------------------------


class _SpeakerLinker:
    """Turns a speaker's head token into a Speaker, linked to the actor it mentions."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.actors = doc.actors
        self.persons = _person_like_actors(doc)

    def speaker(self, head: Token, before: int) -> Speaker:
        """``before``: where the quote starts; a pronoun looks for its person before this."""
        start, end = _noun_phrase(head)
        actor_id = self._overlapping(start, end)
        if actor_id is None and head.lower_ in PERSON_PRONOUNS:
            actor_id = self._last_person(min(start, before))
        return Speaker(text=self.text[start:end], start=start, end=end, actor_id=actor_id)

    def _overlapping(self, start: int, end: int) -> str | None:
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


def _person_like_actors(doc: Document) -> set[str]:
    """Actors that a "he"/"she" can stand for: titled, or named by a PERSON entity.

    The mentions stage's entities are preferred to spaCy's, which it corrects (the small model
    tags some country names as PERSON); a country-only actor is never a person either way.
    """
    if doc.entities:
        people = [(e.start, e.end) for e in doc.entities if e.label == "PERSON"]
    else:
        people = [(e.start_char, e.end_char) for e in doc.parse.ents if e.label_ == "PERSON"]
    return {
        a.id
        for a in doc.actors
        if a.title
        or (
            not (a.country and a.sector is None)
            and any(m.start < e and s < m.end for m in a.mentions for s, e in people)
        )
    }


def _noun_phrase(head: Token) -> tuple[int, int]:
    """The speaker's name: the head's phrase without clauses, channels ("via …") or asides."""
    dropped: set[int] = set()
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "prep" and child.lower_ in CHANNEL_PREPS):
            dropped.update(t.i for t in child.subtree)
    kept = {t.i for t in head.subtree} - dropped
    sp = head.doc

    def joins(i: int) -> bool:
        # A date stuck to the name ("President X Saturday said") is when, not who.
        if i not in kept or sp[i].ent_type_ in ("DATE", "TIME"):
            return False
        return not (sp[i].pos_ == "PUNCT" and sp[i].text in _PHRASE_BREAKS)

    lo = hi = head.i
    while joins(lo - 1):
        lo -= 1
    while joins(hi + 1):
        hi += 1
    return sp[lo].idx, sp[hi].idx + len(sp[hi].text)


def _speaker_head(cue: Token) -> Token | None:
    """The cue verb's subject, climbing from "adding" or "went on to say" to the verb above."""
    node = cue
    for _ in range(MAX_HOPS):
        if node.lower_ == "according":
            return _according_source(node)
        for child in node.children:
            if child.dep_ == "nsubj":
                return child
            if child.dep_ == "agent":  # "it was announced by the ministry"
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _according_source(according: Token) -> Token | None:
    for to in according.children:
        if to.lower_ == "to":
            return next((c for c in to.children if c.dep_ == "pobj"), None)
    return None


def _is_cue(tok: Token, verbs: frozenset[str]) -> bool:
    if tok.lower_ == "according":
        source = _according_source(tok)
        return source is not None and source.lemma_.lower() not in NON_SOURCES
    return bool(tok.pos_ == "VERB" and tok.lemma_.lower() in verbs)


def _cue_name(tok: Token) -> str:
    return "according to" if tok.lower_ == "according" else str(tok.lemma_.lower())


# --- direct quotes ----------------------------------------------------------------------------


def _direct_quotes(sp: SpacyDoc, text: str, linker: _SpeakerLinker) -> list[_Found]:
    groups = _merge_split(sp, text, find_quoted_spans(text))
    # Each segment's marks: a cue between the segments of a split quote is outside all of them.
    marks = [(s.outer_start, s.outer_end) for g in groups for s in g]
    found = []
    for group in groups:
        contents = [(s.start, s.end) for s in group]
        if not _is_statement(sp, contents):
            continue
        first, last = group[0], group[-1]
        quote = _Found(first.start, last.end, first.outer_start, last.outer_end, direct=True)
        cue = _attribution(sp, text, group, marks)
        if cue is not None:
            quote.cue = _cue_name(cue)
            head = _speaker_head(cue)
            # A subject inside the marks is the parser reading the quote as the sentence.
            if head is not None and not any(s <= head.idx < e for s, e in marks):
                quote.speaker = linker.speaker(head, quote.outer_start)
        found.append(quote)
    return found


def _merge_split(sp: SpacyDoc, text: str, spans: list[QuotedSpan]) -> list[list[QuotedSpan]]:
    """Group each quoted segment with the next one when only an attribution stands between them."""
    groups: list[list[QuotedSpan]] = []
    for span in spans:
        previous = groups[-1] if groups else None
        # One attribution per quote: a group of two already has its own.
        if previous and len(previous) == 1 and _only_attribution(sp, text, previous[0], span):
            previous.append(span)
        else:
            groups.append([span])
    return groups


def _only_attribution(sp: SpacyDoc, text: str, a: QuotedSpan, b: QuotedSpan) -> bool:
    """'"…," he said, "…"' or '"…," he said. "…"': the first segment breaks off at a comma and
    the words between are one short attribution, not a sentence of their own."""
    between = text[a.outer_end : b.outer_start]
    broken_off = text[a.start : a.end].endswith(",") or between.lstrip().startswith(",")
    if "\n" in between or not broken_off or sentence_break_within(between):
        return False
    gap = _tokens(sp, a.outer_end, b.outer_start)
    words = [t for t in gap if not (t.is_punct or t.is_space)]
    return len(words) <= MAX_ATTRIBUTION_WORDS and any(_is_cue(t, DIRECT_CUES) for t in gap)


def _attribution(
    sp: SpacyDoc, text: str, group: list[QuotedSpan], marks: list[tuple[int, int]]
) -> Token | None:
    """The cue that introduces the quote, nearest first (one between split segments is nearest)."""
    start, end = group[0].outer_start, group[-1].outer_end

    def distance(tok: Token) -> int:
        idx: int = tok.idx
        return max(start - (idx + len(tok.text)), idx - end, 0)

    candidates = [
        t
        for t in _cue_candidates(sp, text, group)
        if _is_cue(t, DIRECT_CUES)
        and not any(s <= t.idx < e for s, e in marks)
        and not _reports_elsewhere(t, start, end)
    ]
    return min(candidates, key=distance, default=None)


def _reports_elsewhere(cue: Token, start: int, end: int) -> bool:
    """A cue whose own "that"-clause lies outside the quote introduces that, not the quote."""
    content = _reported_content(cue)
    return content is not None and (content[1] <= start or end <= content[0])


def _cue_candidates(sp: SpacyDoc, text: str, group: list[QuotedSpan]) -> Iterable[Token]:
    start, end = group[0].outer_start, group[-1].outer_end
    inside = _within([(s.start, s.end) for s in group])
    content = [t for s in group for t in _tokens(sp, s.start, s.end)]
    yield from _tokens(sp, start, end)  # the words between split segments
    for tok in content:
        if not inside(tok.head):
            yield from _governing(tok, inside)
        # A parse that made the attribution hang on the quote ("he said" as its dependent).
        yield from (c for c in tok.children if not inside(c))
    # A quote that the parser embedded in an outside clause ("called it “…”") belongs to that
    # clause; only a quote parsed as a sentence of its own looks for a nearby cue.
    independent = any(t.head.i == t.i for t in content)
    around = sp.char_span(start, end, alignment_mode="expand")
    if around is not None and independent:
        before = sp[max(0, around.start - WINDOW_BEFORE) : around.start]
        after = sp[around.end : around.end + WINDOW_AFTER]
        # Only within the quote's paragraph, and in no other sentence than the attribution's.
        yield from (t for t in before if _same_sentence(text[t.idx : start]))
        yield from (t for t in after if _same_sentence(text[end : t.idx]))


def _same_sentence(between: str) -> bool:
    return "\n" not in between and not sentence_break_within(between)


def _governing(root: Token, inside: Callable[[Token], bool]) -> Iterable[Token]:
    """Verbs above a quote's root, up to the first clause coordinated with another ("and")."""
    node = root
    for _ in range(MAX_HOPS):
        if node.head.i == node.i or node.dep_ == "conj":
            return
        node = node.head
        if not inside(node):
            yield node


def _within(ranges: list[tuple[int, int]]) -> Callable[[Token], bool]:
    def inside(tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in ranges)

    return inside


# --- reported speech --------------------------------------------------------------------------


def _reported_quotes(sp: SpacyDoc, linker: _SpeakerLinker) -> list[_Found]:
    found = []
    for tok in sp:
        content = _reported_content(tok)
        if content is None or not _is_statement(sp, [content]):
            continue
        quote = _Found(content[0], content[1], content[0], content[1], direct=False)
        quote.cue = _cue_name(tok)
        head = _speaker_head(tok)
        quote.speaker = linker.speaker(head, quote.start) if head is not None else None
        found.append(quote)
    return found


def _reported_content(cue: Token) -> tuple[int, int] | None:
    """What the cue reports: its "that"-clause, or the clause that "according to" hangs on."""
    if cue.lower_ == "according":
        if not _is_cue(cue, CUE_VERBS) or cue.head.i == cue.i:
            return None
        skip = {t.i for t in cue.subtree}
        return _trimmed([t for t in cue.head.subtree if t.i not in skip])
    if not _is_cue(cue, CUE_VERBS) or any(c.dep_ == "neg" for c in cue.children):
        return None
    comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if comp is None:
        comp = _misattached_clause(cue)
    if comp is None and cue.lemma_.lower() in COMMISSIVE_CUES:
        comp = next((c for c in cue.children if c.dep_ == "xcomp"), None)
    return None if comp is None else _trimmed(list(comp.subtree))


def _misattached_clause(cue: Token) -> Token | None:
    """A "that"-clause the parser hung on the noun before it ("said in a statement that …")."""
    nouns = [c for c in cue.children if c.dep_ == "dobj"]
    nouns += [o for p in cue.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    for noun in nouns:
        for clause in noun.children:
            # "that" as a marker, not as a relative clause's subject ("a statement that was …").
            if clause.dep_ in ("acl", "relcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
            ):
                return clause
    return None


def _trimmed(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of the tokens without "that", "to", a dangling "and" or edge punctuation."""
    while tokens and (_edge(tokens[0]) or tokens[0].lower_ in ("that", "to")):
        tokens = tokens[1:]
    while tokens and (_edge(tokens[-1]) or tokens[-1].dep_ == "cc"):  # "…, and"
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _edge(tok: Token) -> bool:
    return bool(tok.is_punct or tok.is_space)


# --- shared -----------------------------------------------------------------------------------


def _tokens(sp: SpacyDoc, start: int, end: int) -> list[Token]:
    span = sp.char_span(start, end, alignment_mode="contract") if start < end else None
    return list(span) if span is not None else []


def _is_statement(sp: SpacyDoc, ranges: list[tuple[int, int]]) -> bool:
    words = [t for s, e in ranges for t in _tokens(sp, s, e) if not (t.is_punct or t.is_space)]
    return len(words) >= MIN_WORDS and any(
        t.pos_ in _VERB_POS and t.dep_ not in _MODIFIER_DEPS for t in words
    )


def _overlap(a: _Found, b: _Found) -> bool:
    return a.start < b.outer_end and b.outer_start < a.end


def _inherit_speakers(found: list[_Found], text: str) -> None:
    """A direct quote alone in its paragraph(s), with no cue, continues the previous speaker."""
    paras = paragraphs(text)
    for previous, quote in pairwise(found):
        if quote.direct and quote.speaker is None and _alone(quote, paras, text):
            quote.speaker = previous.speaker


def _alone(quote: _Found, paras: list[tuple[int, int]], text: str) -> bool:
    around = [(s, e) for s, e in paras if s < quote.outer_end and quote.outer_start < e]
    rest = text[around[0][0] : quote.outer_start] + text[quote.outer_end : around[-1][1]]
    return not any(ch.isalnum() for ch in rest)
