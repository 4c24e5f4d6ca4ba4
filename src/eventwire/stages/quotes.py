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
    COMMISSIVE_CUES,
    CUE_VERBS,
    DIRECT_CUES,
    NAMING_CUES,
    NON_SOURCES,
    PERSON_PRONOUNS,
    QuotedSpan,
    find_quoted_spans,
    is_title,
    paragraphs,
    sentence_break_within,
)
from .quote_speakers import (
    MAX_HOPS,
    SpeakerLinker,
    according_source,
    inverted_subject,
    left_nominal,
    speaker_head,
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
# A quoted phrase without a verb is a statement only when a naming verb attributes it ("called
# the vote “a farce from start to finish”") and it has this many words; shorter, it is a label.
MIN_NAMED_WORDS = 4

# A dateline ("NEW DELHI, May 7 —") is at most this many tokens before its dash.
MAX_DATELINE = 8
_DASHES = frozenset({"—", "–", "-", "--"})
_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})

_VERB_POS = frozenset({"VERB", "AUX"})
# A participle used as an adjective ("self-driving cars") does not make a phrase a statement.
_MODIFIER_DEPS = frozenset({"amod", "compound"})


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
    * ``cue`` is the lemma of the cue verb ("say", "tell", "warn"), of a naming verb that gives
      the quoted phrase as the subject's words ("called it “…”", "described as “…”"), or
      "according to". It is None for a quote-only paragraph. Such a paragraph takes the person
      the paragraph before it is about when that paragraph quotes nobody ("X, a farmer,
      described the night."), otherwise the speaker of the nearest preceding quote.
    * A quoted phrase of fewer than three words, or one without a verb, is a scare quote or a
      name and is not reported. The exception is a phrase of four or more words given by a
      naming verb. Quoted words in title case name a song, book or film and are not reported
      either.
    * Reported speech whose content overlaps a direct quote is dropped: the direct quote is the
      record of that statement (direct=True), even when it quotes only part of it.
    * Reported speech inside reported speech is one Quote, the outer one. The exception is
      "according to X" around a clause with its own speaker ("According to the ministry,
      Mangoush told the envoy that …"): that speaker's Quote is kept, and X is only its source.
      The attribution is never part of the content: an "according to", a dateline or a gloss
      such as ", calling it …" is cut from the clause.
    * The speaker is the cue's subject as a noun phrase. With a title set off by commas before
      a name ("the spokesman, Ibrahim Musa, said") it is the name, unless only the title is an
      actor. A channel ("via the UN Security Council", "through a spokesman") is not the
      speaker.
    * Directives and charges (urge, demand, accuse, threaten) are not cues: their complement is
      a request or a charge, which the events stage codes as an event (see ``CUE_VERBS``).
    * A pronoun speaker ("he", "she") with no actor mention of its own is linked to the last
      person-like actor mentioned before the quote: an actor with a title, or one that is not
      country-only (a country and no sector) with a mention that overlaps a PERSON entity. The
      actor must also have a singular mention, because "gunmen" is never a "he".
    """

    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ("actors",)
    assigns: ClassVar[tuple[str, ...]] = ("quotes",)
    version: ClassVar[str] = "2"

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            raise StageOrderError(
                "the quotes stage needs the spaCy parse; run the 'nlp' stage before it"
            )
        linker = SpeakerLinker(doc)
        direct = _direct_quotes(doc.parse, doc.text, linker)
        reported = _reported_quotes(doc.parse, linker)
        reported = [r for r in reported if not any(_overlap(r, d) for d in direct)]
        found = sorted(direct + reported, key=lambda f: (f.start, f.end))
        _inherit_speakers(found, doc.parse, linker)
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


# --- cues -------------------------------------------------------------------------------------


def _is_cue(tok: Token, verbs: frozenset[str]) -> bool:
    if tok.lower_ == "according":
        source = according_source(tok)
        return source is not None and source.lemma_.lower() not in NON_SOURCES
    return bool(tok.pos_ == "VERB" and tok.lemma_.lower() in verbs)


def _cue_name(tok: Token) -> str:
    return "according to" if tok.lower_ == "according" else str(tok.lemma_.lower())


# --- direct quotes ----------------------------------------------------------------------------


def _direct_quotes(sp: SpacyDoc, text: str, linker: SpeakerLinker) -> list[_Found]:
    groups = _merge_split(sp, text, find_quoted_spans(text))
    # Each segment's marks: a cue between the segments of a split quote is outside all of them.
    marks = _within([(s.outer_start, s.outer_end) for g in groups for s in g])
    found = []
    for group in groups:
        contents = [(s.start, s.end) for s in group]
        naming = _naming_verb(sp, group)
        if is_title(text[group[0].start : group[-1].end]) or not _is_statement(
            sp, contents, named=naming is not None
        ):
            continue
        first, last = group[0], group[-1]
        quote = _Found(first.start, last.end, first.outer_start, last.outer_end, direct=True)
        cue = _attribution(sp, text, group, marks) or naming
        if cue is not None:
            quote.cue = _cue_name(cue)
            quote.speaker = _cue_speaker(cue, linker, marks, quote.outer_start)
        found.append(quote)
    return found


def _cue_speaker(
    cue: Token, linker: SpeakerLinker, marks: Callable[[Token], bool], before: int
) -> Speaker | None:
    head = speaker_head(cue)
    # A subject inside the marks is the parser reading the quote as the sentence; no subject at
    # all is a parse that hung the speaker's name on something else. Either way, the noun just
    # before the cue is the speaker ("…,” the lawyer, Samia Trabelsi, told reporters).
    if (head is None or marks(head)) and cue.lower_ != "according":
        head = left_nominal(cue, marks)
    return linker.speaker(head, before) if head is not None else None


def _naming_verb(sp: SpacyDoc, group: list[QuotedSpan]) -> Token | None:
    """The verb that gives the quoted phrase as someone's words: called it “…”, described as “…”."""
    inside = _within([(s.start, s.end) for s in group])
    for tok in (t for s in group for t in _tokens(sp, s.start, s.end)):
        node = tok.head
        if inside(node) or _edge(tok):  # a closing stop hangs on the sentence's verb
            continue
        if node.dep_ == "prep" and node.lower_ == "as":
            node = node.head
        # "a group that calls itself “…”" gives a name, not a characterisation.
        reflexive = any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in node.children)
        if node.pos_ == "VERB" and node.lemma_.lower() in NAMING_CUES and not reflexive:
            return node
    return None


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
    sp: SpacyDoc, text: str, group: list[QuotedSpan], marks: Callable[[Token], bool]
) -> Token | None:
    """The cue that introduces the quote, nearest first (one between split segments is nearest)."""
    start, end = group[0].outer_start, group[-1].outer_end

    def distance(tok: Token) -> int:
        idx: int = tok.idx
        return max(start - (idx + len(tok.text)), idx - end, 0)

    candidates = [
        t
        for t in _cue_candidates(sp, text, group)
        if _is_cue(t, DIRECT_CUES) and not marks(t) and not _reports_elsewhere(t, start, end)
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


def _reported_quotes(sp: SpacyDoc, linker: SpeakerLinker) -> list[_Found]:
    found = []
    for tok in sp:
        content = _reported_content(tok)
        if content is None or not _is_statement(sp, [content]):
            continue
        quote = _Found(content[0], content[1], content[0], content[1], direct=False)
        quote.cue = _cue_name(tok)
        quote.speaker = _cue_speaker(tok, linker, lambda _: False, quote.start)
        found.append(quote)
    return _unnested(found)


def _unnested(found: list[_Found]) -> list[_Found]:
    """Speech reported inside reported speech. An inner report by no one in particular ("said
    the speech confirmed their fears that …") is part of the outer statement; one by an actor
    inside "according to X" is that actor's statement, and X only its source."""
    dropped: set[int] = set()
    for outer in found:
        for inner in found:
            if _same_span(outer, inner) and inner.cue == "according to" != outer.cue:
                dropped.add(id(inner))  # "X said Y, according to Z": Z is the source, X spoke
            if not _contains(outer, inner):
                continue
            if not _someone(inner.speaker):
                dropped.add(id(inner))
            elif outer.cue == "according to":
                dropped.add(id(outer))
    return [f for f in found if id(f) not in dropped]


def _someone(speaker: Speaker | None) -> bool:
    return speaker is not None and (
        speaker.actor_id is not None or speaker.text.lower() in PERSON_PRONOUNS
    )


def _same_span(a: _Found, b: _Found) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def _contains(outer: _Found, inner: _Found) -> bool:
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.start, outer.end) != (inner.start, inner.end)
    )


def _reported_content(cue: Token) -> tuple[int, int] | None:
    """What the cue reports: its "that"-clause, or the clause that "according to" or an aside
    ("The convoy, the sources said, had …") hangs on."""
    if not _is_cue(cue, CUE_VERBS) or any(c.dep_ == "neg" for c in cue.children):
        return None
    if cue.lower_ == "according" or _is_aside(cue):
        return None if cue.head.i == cue.i else _host_clause(cue)
    comp = _complement(cue)
    if comp is None:
        comp = _misattached_clause(cue)
    if comp is None and cue.lemma_.lower() in COMMISSIVE_CUES:
        comp = next((c for c in cue.children if c.dep_ == "xcomp"), None)
    if comp is None:
        return None
    asides = _asides(comp)
    return _trimmed([t for t in comp.subtree if t.i not in asides])


def _is_aside(cue: Token) -> bool:
    """ "The convoy, the sources said, had …": a cue set off by commas, with no object or clause
    of its own ("…; the minister said nothing" is not one)."""
    sp, first = cue.doc, cue.left_edge.i
    set_off = sp[first].text == "," or (first > 0 and sp[first - 1].text == ",")
    return (
        cue.dep_ == "parataxis"
        and set_off
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in cue.children)
    )


def _host_clause(cue: Token) -> tuple[int, int] | None:
    """The clause an attribution is inserted in, without the attribution. Only what lies on
    one side of an "according to" at either end: a name the parser hung on the clause after it
    ("…, according to the officer, Khim Thapa.") is the source's."""
    own = {t.i for t in cue.subtree}
    tokens = [t for t in cue.head.subtree if t.i not in own]
    if cue.lower_ == "according":
        # "A, according to X, and B": the source is A's, so the clause before it comes first.
        before = [t for t in tokens if t.i < cue.left_edge.i]
        after = [t for t in tokens if t.i > cue.right_edge.i]
        tokens = before if sum(not _edge(t) for t in before) >= MIN_WORDS else after
    return _trimmed(tokens)


def _complement(cue: Token) -> Token | None:
    """The cue's clause in the cue's own paragraph, one after the cue first: the parser can hang
    the previous paragraph's quote on it too, or read an inverted speaker as a clause."""
    inverted = inverted_subject(cue)
    clauses = [
        c
        for c in cue.children
        if c.dep_ == "ccomp"
        # A Span's text, not Doc.text: spaCy rebuilds the whole text on every Doc.text.
        and "\n" not in cue.doc[min(c.i, cue.i) : max(c.i, cue.i)].text_with_ws
        and (inverted is None or inverted.head.i != c.i)
    ]
    return min(clauses, key=lambda c: (c.i < cue.i, abs(c.i - cue.i)), default=None)


def _asides(clause: Token) -> set[int]:
    """Words in the clause that are about the statement, not in it: a gloss after it ("…,
    calling it …") and an "according to" the parser put inside it."""
    glosses = [
        c
        for c in clause.children
        if c.dep_ == "advcl"
        and c.tag_ == "VBG"
        and c.i > clause.i
        and c.lemma_.lower() in CUE_VERBS | NAMING_CUES
    ]
    sources = [t for t in clause.subtree if t.lower_ == "according" and t.i != clause.i]
    return {t.i for aside in glosses + sources for t in aside.subtree}


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
    """Character span of the tokens without "that", "to", a dangling "and", edge punctuation
    or the dateline of a story's first paragraph ("KHARTOUM — …")."""
    tokens = _without_dateline(tokens)
    while tokens and (_edge(tokens[0]) or tokens[0].lower_ in ("that", "to")):
        tokens = tokens[1:]
    while tokens and (_edge(tokens[-1]) or tokens[-1].dep_ == "cc"):  # "…, and"
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _without_dateline(tokens: list[Token]) -> list[Token]:
    for n, tok in enumerate(tokens[:MAX_DATELINE]):
        # A dash set off by spaces: the one in "DEIR AL-BALAH" is part of the name.
        if tok.text in _DASHES and tok.whitespace_ and n and tokens[n - 1].whitespace_:
            return tokens[n + 1 :] if _is_dateline(tokens[:n]) else tokens
    return tokens


def _is_dateline(tokens: list[Token]) -> bool:
    """ "KHARTOUM", "NEW DELHI, May 7": a place in capitals, then perhaps a date."""
    words = [t.text for t in tokens if not _edge(t)]
    return (
        bool(words)
        and len(words[0]) > 1
        and words[0].isupper()
        and not any(w[0].islower() for w in words)
    )


def _edge(tok: Token) -> bool:
    return bool(tok.is_punct or tok.is_space)


# --- shared -----------------------------------------------------------------------------------


def _tokens(sp: SpacyDoc, start: int, end: int) -> list[Token]:
    span = sp.char_span(start, end, alignment_mode="contract") if start < end else None
    return list(span) if span is not None else []


def _is_statement(sp: SpacyDoc, ranges: list[tuple[int, int]], *, named: bool = False) -> bool:
    words = [t for s, e in ranges for t in _tokens(sp, s, e) if not (t.is_punct or t.is_space)]
    if named and len(words) >= MIN_NAMED_WORDS:
        return True
    return len(words) >= MIN_WORDS and any(
        t.pos_ in _VERB_POS and t.dep_ not in _MODIFIER_DEPS for t in words
    )


def _overlap(a: _Found, b: _Found) -> bool:
    return a.start < b.outer_end and b.outer_start < a.end


def _inherit_speakers(found: list[_Found], sp: SpacyDoc, linker: SpeakerLinker) -> None:
    """A direct quote alone in its paragraph(s), with no cue, continues the speaker introduced
    before it: the person the paragraph before is about, when that paragraph quotes nobody
    ("X, a farmer, described the night."), else the previous quote's speaker."""
    text = sp.text  # built once: spaCy rebuilds it on every access
    paras = paragraphs(text)
    for previous, quote in pairwise([None, *found]):
        if quote is None or not quote.direct or quote.speaker is not None:
            continue
        if _alone(quote, paras, text):
            introduced = _introduced(quote, found, paras, sp, linker)
            quote.speaker = introduced or (previous.speaker if previous else None)


def _introduced(
    quote: _Found,
    found: list[_Found],
    paras: list[tuple[int, int]],
    sp: SpacyDoc,
    linker: SpeakerLinker,
) -> Speaker | None:
    """The person subject of the last sentence of the paragraph before ``quote``, if it has no
    quote of its own."""
    before = [(s, e) for s, e in paras if e <= quote.outer_start]
    if not before or any(before[-1][0] <= f.outer_start < before[-1][1] for f in found):
        return None
    start, end = before[-1]
    tokens = _tokens(sp, start, end)
    if not tokens:
        return None
    verb = tokens[-1]
    while verb.head.i != verb.i and start <= verb.head.idx < end:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not linker.is_person(subject):
        return None
    return linker.speaker(subject, quote.outer_start)


def _alone(quote: _Found, paras: list[tuple[int, int]], text: str) -> bool:
    around = [(s, e) for s, e in paras if s < quote.outer_end and quote.outer_start < e]
    rest = text[around[0][0] : quote.outer_start] + text[quote.outer_end : around[-1][1]]
    return not any(ch.isalnum() for ch in rest)
