"""Word lists the places modules share: place nouns, directions, locative prepositions."""

from __future__ import annotations

from .syntax import LOCATIVE_PREPS

__all__ = ["DIRECTION_WORDS", "EVENT_PREPS", "PLACE_NOUNS", "word_set"]


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Prepositions that put an event at a place, beyond the shared list: "shelling on Khanasir",
# "off the coast of Aden".
EVENT_PREPS = LOCATIVE_PREPS | word_set("on off outside past underneath beneath")
# Words next to a name that make it a place: "the city of X", "X residents", "X police".
PLACE_NOUNS = word_set(
    """city town village township county province district region area state suburb
    neighbourhood neighborhood capital outskirts countryside municipality governorate
    prefecture hamlet borough parish camp port island valley vicinity environs
    surroundings settlement outpost"""
)
# Words that qualify a region's name without being part of it: "Northeast Georgia".
DIRECTION_WORDS = word_set(
    """north south east west northern southern eastern western northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern central
    upper lower greater metro downtown far mid"""
)
