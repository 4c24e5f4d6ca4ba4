"""Where an actor belongs by the place its post is of: "the mayor of Kirkuk", "police in Lahore"."""

from __future__ import annotations

from typing import Any

from ..model import Actor, Document, Place, Span
from ..ontology import COUNTRY_NONSTATE, POSTS_ABROAD
from ..resources.geo import fold, load_gazetteer
from .place_words import PLACE_NOUNS

__all__ = ["QUALIFIED_PLACES", "home_by_office"]

# Words for a place a name may qualify: "the Paris suburb", "the Gaza border".
QUALIFIED_PLACES = PLACE_NOUNS | frozenset({"border", "borders", "suburbs"})
# Sectors whose members are not of where they are: refugees fled there.
_NOT_LOCAL = frozenset({"REF"})
# A population no village reaches: a city of a name this large is the one meant.
_CITY = 100_000
# Sectors of posts a place's name may head: "the Tyumen governor", "Lahore police".
_POST_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG"})
# Sectors whose members "in" a place are its own: "police in Lahore", "officials in Kabul",
# "rebels in the east"; not civilians or troops, who may be visitors or invaders.
_SERVE_WHERE_THEY_ARE = frozenset({"COP", "GOV", "JUD", "LEG", "REB", "UAF", "OPP", "PTY"})


def home_by_office(doc: Document, sp: Any) -> None:
    """Give an actor of unknown or assumed country the country of the place it names or its
    post is of."""
    heads = _loose_heads(doc, sp)
    if not heads:
        return
    # "Ethnic Albanians" names a people, not the place a demonym resolves to; a name our
    # gazetteer knows as a country or capital is that country ("in Chad", "a court in Moscow"),
    # whatever same-named town the places stage chose for the map.
    peoples = {(e.start, e.end) for e in doc.entities if e.label == "NORP"}
    known = {
        (e.start, e.end): e.country
        for e in doc.entities
        if e.label == "GPE" and e.country and e.country not in COUNTRY_NONSTATE
    }  # "police in Brussels" are Belgian, though "Brussels" acting is the EU
    named_countries = {e.country for e in doc.entities if e.country}
    for place in doc.places:
        for m in place.mentions:
            named = sp.char_span(m.start, m.end, alignment_mode="expand")
            if named is None or (m.start, m.end) in peoples:
                continue
            # "police in Moscow, Idaho": the qualified reading, not the capital
            if doc.text[m.end : m.end + 1] == ",":
                country = place.country
            else:
                country = known.get((m.start, m.end)) or _home_country(place, m, named_countries)
            actor = _office_holder(named.root, heads)
            if actor is not None and country is not None:
                actor.country = country
                actor.country_basis = "place"


def _loose_heads(doc: Document, sp: Any) -> dict[int, Actor]:
    """The head tokens of actors whose country is unknown or only the story's."""
    heads: dict[int, Actor] = {}
    for actor in doc.actors:
        if actor.country_basis not in ("context", None) or actor.sector in _NOT_LOCAL:
            continue
        for m in actor.mentions:
            span = sp.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            heads[span.root.i] = actor
            if span.root.dep_ == "compound" and span.root.head.i >= span.end:
                heads.setdefault(span.root.head.i, actor)  # "the militia ally in Lebanon"
    return heads


def _home_country(place: Place, m: Span, named_countries: set[str]) -> str | None:
    """The country an actor's home place lies in. The places stage's reading stands when it
    lies in a country the article names, or is called what the text calls it; a city of the
    name elsewhere that no village reaches wins over it ("the governor of Basra" is Iraq's,
    not a Pakistani village's); a reading by another spelling in a country the article never
    names does not stand ("Papua" as a Tongan village)."""
    if place.country is None or place.country in named_countries:
        return place.country
    called = " ".join(w for w in m.text.split() if w.lower() not in QUALIFIED_PLACES)
    largest = max(load_gazetteer().candidates(called), key=lambda c: c.population, default=None)
    if largest is not None and largest.country != place.country and largest.population >= _CITY:
        return largest.country
    return place.country if fold(place.name) == fold(called) else None


def _office_holder(tok: Any, heads: dict[int, Actor]) -> Actor | None:
    """The loose actor the place at ``tok`` is the home of: one named by the place itself
    ("raided Jenin"), or one whose post is of it ("the mayor of Kirkuk", "police in Lahore")."""
    actor = heads.get(tok.i)
    if actor is not None:
        name = tok.doc[tok.left_edge.i : tok.i + 1].text
        return actor if fold(actor.name) == fold(name) else None
    found = _office_head(tok)
    if found is None or found[0] not in heads:
        return None
    head, prep = found
    actor = heads[head]
    if prep == "" and (
        actor.sector not in _POST_SECTORS or tok.doc[head].lemma_.lower() in POSTS_ABROAD
    ):
        # "the Tyumen governor" holds a post there; "Gaza hostages" were held there; "its
        # Kabul embassy" is another state's post
        return None
    if prep == "in" and (
        actor.sector not in _SERVE_WHERE_THEY_ARE
        or tok.doc[head].lemma_.lower() in POSTS_ABROAD
        or any(c.dep_ == "poss" for c in tok.doc[head].children)
    ):
        return None  # "hostages in Raqqa", "its embassy in Tehran" need not be the place's
    return actor


def _office_head(tok: Any) -> tuple[int, str] | None:
    """The token whose post ``tok`` names the place of, and the preposition between: "the
    mayor of Kirkuk", "the governor of the Tyumen region", "police in Lahore", "the Tyumen
    governor", "Kirkuk's governor"; else None."""
    cur = tok
    while True:
        if cur.dep_ == "compound" and cur.head.lemma_ in PLACE_NOUNS:
            cur = cur.head  # "the Tyumen region"
        elif cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lemma_ in PLACE_NOUNS:
            cur = cur.head.head  # "the city of Basra"
        else:
            break
    if cur.dep_ in ("compound", "poss") and cur.head.pos_ == "NOUN":
        return int(cur.head.i), ""  # "the Tyumen governor", "Kirkuk's governor"
    if cur.dep_ != "pobj" or cur.head.lower_ not in ("of", "in"):
        return None
    return int(cur.head.head.i), cur.head.lower_
