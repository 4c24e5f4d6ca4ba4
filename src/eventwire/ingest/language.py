"""A cheap English-or-not check, so text in other languages is refused rather than mis-coded."""

from __future__ import annotations

import re

__all__ = ["looks_english"]

# Function words: frequent in any English prose, rare in other languages' prose.
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "at",
        "from",
        "it",
        "his",
        "her",
        "its",
        "their",
        "be",
        "are",
        "were",
        "has",
        "have",
        "had",
        "this",
        "which",
        "an",
        "or",
        "not",
        "but",
        "after",
        "said",
        "will",
        "would",
        "they",
        "he",
        "she",
        "who",
        "been",
        "also",
        "more",
        "than",
        "into",
        "over",
        "against",
        "about",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS = 12


def looks_english(text: str) -> bool:
    """True unless the text is long enough to judge and clearly not English.

    Short snippets (headlines, single sentences) pass: there is too little to judge, and a
    false refusal loses a good article.
    """
    words = _WORD.findall(text[:5000])
    if not words:
        return False
    latin = sum(1 for w in words if w.isascii())
    if len(words) >= 4 and latin / len(words) < 0.5:
        return False
    if len(words) < _MIN_WORDS:
        return True
    hits = sum(1 for w in words if w.lower() in _ENGLISH)
    return hits / len(words) >= 0.12
