"""Lexicons and quotation-mark scanning for the quotes stage (plain text, no parse)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "CHANNEL_PREPS",
    "COMMISSIVE_CUES",
    "CUE_VERBS",
    "DIRECT_CUES",
    "NAMING_CUES",
    "NON_SOURCES",
    "PERSON_PRONOUNS",
    "QuotedSpan",
    "find_quoted_spans",
    "is_title",
    "paragraphs",
    "sentence_break_within",
]

# Verbs whose clausal complement is what the subject said. Left out on purpose: directives and
# charges (urge, call on, demand, accuse, threaten, condemn). Their complement is a request or an
# accusation, not a statement, and the events stage codes them as REQUEST/ACCUSE/THREATEN events;
# recording them here too would count one act twice.
CUE_VERBS = frozenset(
    {
        "say",
        "tell",
        "announce",
        "warn",
        "affirm",
        "state",
        "claim",
        "deny",
        "insist",
        "add",
        "note",
        "stress",
        "argue",
        "report",
        "confirm",
        "declare",
        "explain",
        "write",
        "tweet",
        "post",
        "vow",
        "pledge",
        "promise",
        "reiterate",
        "assert",
        "acknowledge",
        "admit",
        "maintain",
        "emphasise",
        "emphasize",
        "underline",
        "reveal",
        "disclose",
        "mention",
        "remark",
        "comment",
        "observe",
        "indicate",
        "reply",
        "respond",
        "allege",
        "predict",
        "concede",
        "contend",
        "caution",
        "recall",
        "inform",
    }
)

# Verbs that introduce a direct quote but whose "that"-clause would not be a statement
# ("she asked that the talks resume" is a request) — used only next to quotation marks.
DIRECT_CUES = CUE_VERBS | frozenset(
    {
        "ask",
        "continue",
        "conclude",
        "shout",
        "exclaim",
        "quip",
        "joke",
        "whisper",
        "cry",
        "chant",
        "read",
        "answer",
        "sigh",
    }
)

# Verbs that give a quoted phrase as the subject's words without introducing a statement:
# "called the alliance “terrorists backed by foreign powers”", "described it as “…”".
NAMING_CUES = frozenset({"call", "describe", "dub", "label", "brand", "term"})

# Commitments are speech too: "vowed to restore order" reports what was promised, so the
# infinitive complement of these verbs is the content when there is no "that"-clause.
COMMISSIVE_CUES = frozenset({"vow", "pledge", "promise"})

# "according to the plan" cites a document's content, not a speaker.
NON_SOURCES = frozenset(
    {
        "plan",
        "law",
        "constitution",
        "schedule",
        "timetable",
        "agreement",
        "treaty",
        "deal",
        "rule",
        "tradition",
        "custom",
        "procedure",
        "protocol",
        "estimate",
        "standard",
        "ordinance",
        "regulation",
        "policy",
        "statute",
        "budget",
        "calendar",
        "map",
    }
)

# "said via the UN Security Council": the channel a message travelled through, not its author.
CHANNEL_PREPS = frozenset({"via", "through"})

# Pronouns that stand for one person; resolved to the last person-like actor before them.
PERSON_PRONOUNS = frozenset({"he", "she"})


# Words a title leaves in lower case ("The Men Who Sold the Revolution").
_MINOR_WORDS = frozenset(
    {"a", "an", "the", "and", "but", "or", "nor", "of", "in", "on", "at", "to", "for", "by", "with"}
    | {"from", "as", "into", "upon"}
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True, order=True)
class QuotedSpan:
    """Quoted text: the content is text[start:end], with its marks text[outer_start:outer_end]."""

    outer_start: int
    start: int
    end: int
    outer_end: int
    kind: str  # "double" or "single"


@dataclass(frozen=True)
class _Marks:
    kind: str
    pattern: re.Pattern[str]
    opening: str  # marks that can only open
    closing: str  # marks that can only close


_DOUBLE = _Marks("double", re.compile('["“”]'), "“", "”")
_SINGLE = _Marks("single", re.compile("['‘’]"), "‘", "’")
# '90s, '08: an apostrophe for dropped digits, not an opening mark.
_ELIDED_YEAR = re.compile(r"\d\d(?:s\b|\b)")
_OPEN_AFTER = "([{—–-/:\"“”'‘"
_SENTENCE_END = re.compile(r"(\w*)([.!?])(?=\s+\S)")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; one or more newlines separate paragraphs."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def sentence_break_within(text: str) -> bool:
    """Whether a sentence ends inside ``text`` (not at its end); "Lt. Col." does not end one."""
    for m in _SENTENCE_END.finditer(text.rstrip()):
        word, mark = m.groups()
        if mark != "." or not (word[:1].isupper() and len(word) <= 4):
            return True
    return False


def is_title(content: str) -> bool:
    """Quoted words in title case, with no closing stop, name a song, book or film: not speech.

    All capitals is not title case: a shouted slogan is still speech.
    """
    words = _WORD.findall(content)
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return (
        len(words) >= 2
        and bool(major)
        and all(w[0].isupper() for w in major)
        and any(c.islower() for c in content)
        and not content.rstrip().endswith((".", "!", "?", ","))
    )


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every closed double- or single-quoted span, outermost only, in text order.

    A paragraph that opens a quote without closing it continues into the next paragraph when
    that one opens with a mark of the same kind (news convention); otherwise the open mark is
    dropped, because an unclosed mark is as likely an inch sign or an apostrophe as a quote.
    """
    paras = paragraphs(text)
    doubles = _scan(text, paras, _DOUBLE)
    singles = _scan(text, paras, _SINGLE)
    spans = _outermost(doubles + singles)
    # Where a single-quoted span crosses a double-quoted one, the single marks were apostrophes.
    kept_doubles = [s for s in spans if s.kind == "double"]
    return sorted(
        s for s in spans if s.kind == "double" or not any(_overlap(s, d) for d in kept_doubles)
    )


def _scan(text: str, paras: list[tuple[int, int]], marks: _Marks) -> list[QuotedSpan]:
    found: list[QuotedSpan] = []
    opened: int | None = None
    continuation: int | None = None  # the next paragraph's opening mark that continues a quote
    for index, (start, end) in enumerate(paras):
        for m in marks.pattern.finditer(text, start, end):
            i = m.start()
            if i == continuation:
                continue
            if opened is not None and _can_close(text, i, marks):
                found.append(QuotedSpan(opened, opened + 1, i, i + 1, marks.kind))
                opened = None
            elif _can_open(text, i, marks):
                opened = i  # an opening mark inside an open quote: the earlier one never closed
        continuation = _continuation(text, paras, index + 1, marks) if opened is not None else None
        if continuation is None:
            opened = None
    return [_strip(text, s) for s in found]


def _continuation(text: str, paras: list[tuple[int, int]], index: int, marks: _Marks) -> int | None:
    if index >= len(paras):
        return None
    start, end = paras[index]
    first = start + len(text[start:end]) - len(text[start:end].lstrip())
    if marks.pattern.match(text, first) and _can_open(text, first, marks):
        return first
    return None


def _can_open(text: str, i: int, marks: _Marks) -> bool:
    mark = text[i]
    if mark in marks.closing:
        return False
    if marks.kind == "double" and mark in marks.opening:
        return True  # a curly double mark says what it is, even with a stray space after it
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    if marks.kind == "double":
        return not after.isspace() and not before.isalnum()  # 5" is an inch sign
    # A single mark opens only before a word and after a space or bracket: "Niger's" never does.
    opens_word = after.isalnum() and not _ELIDED_YEAR.match(text, i + 1)
    return opens_word and (before.isspace() or before in _OPEN_AFTER)


def _can_close(text: str, i: int, marks: _Marks) -> bool:
    mark = text[i]
    if mark in marks.opening:
        return False
    if marks.kind == "double" and mark in marks.closing:
        return True
    before = text[i - 1] if i > 0 else " "
    if before.isspace():
        return False
    if marks.kind == "double":
        return True
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isalnum():
        return False  # an apostrophe inside a word: don't, Niger's
    # "the generals' plan": a plural possessive, followed by the word it qualifies.
    return not (before == "s" and after == " " and text[i + 2 : i + 3].isalpha())


def _strip(text: str, span: QuotedSpan) -> QuotedSpan:
    content = text[span.start : span.end]
    start = span.start + len(content) - len(content.lstrip())
    end = span.start + len(content.rstrip())
    return QuotedSpan(span.outer_start, start, max(start, end), span.outer_end, span.kind)


def _outermost(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    def inside(a: QuotedSpan, b: QuotedSpan) -> bool:
        return a != b and b.outer_start <= a.outer_start and a.outer_end <= b.outer_end

    return [s for s in spans if not any(inside(s, other) for other in spans)]


def _overlap(a: QuotedSpan, b: QuotedSpan) -> bool:
    return a.outer_start < b.outer_end and b.outer_start < a.outer_end
