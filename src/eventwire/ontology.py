"""The PLOVER vocabulary: event types, modes, contexts, sectors, scores and CAMEO roots."""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "ARRIVALS",
    "ATTACK_MEANS",
    "AUTHORITY_TYPES",
    "BETWEEN_PARTIES",
    "CONTENT_NOUNS",
    "CONTEXTS",
    "COUNTRY_NONSTATE",
    "DOMESTIC_MEASURES",
    "EMBASSY_NOUNS",
    "EVENT_TYPES",
    "FORCE_MOVES",
    "GOODS",
    "GOVERNMENT_AIMED_TYPES",
    "LEGACY_TYPES",
    "MEMBER_NOUNS",
    "MODES",
    "MULTINATIONAL_FORCES",
    "OBJECT_CONTROL",
    "PLACE_AFFECTED_TYPES",
    "POSTS_ABROAD",
    "RECEIPTS",
    "RELATION_NOUNS",
    "SECTORS",
    "SENT_NOUNS",
    "SEPARATION_NOUNS",
    "SEVERAL_STATES",
    "UNATTRIBUTED_ATTACK_TYPES",
    "TypeInfo",
    "cameo_root",
    "intensity",
    "normalise_type",
    "quad_class",
]


class TypeInfo(NamedTuple):
    quad_class: int
    base_score: float
    cameo: str
    recipient_required: bool
    modes: tuple[str, ...]


EVENT_TYPES: dict[str, TypeInfo] = {
    "AGREE": TypeInfo(1, 2.5, "03", False, ()),
    "CONSULT": TypeInfo(1, 2.5, "04", False, ("visit", "third-party", "multilateral", "phone")),
    "SUPPORT": TypeInfo(1, 5.0, "05", False, ()),
    "CONCEDE": TypeInfo(1, 4.5, "03", False, ()),
    "COOPERATE": TypeInfo(2, 9.5, "06", True, ()),
    "AID": TypeInfo(2, 10.0, "07", True, ()),
    "RETREAT": TypeInfo(
        2,
        6.5,
        "08",
        False,
        ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    ),
    "REQUEST": TypeInfo(3, 0.0, "10", False, ("assist", "change", "yield", "meet")),
    "ACCUSE": TypeInfo(3, -3.0, "11", False, ("disapprove", "investigate", "allege")),
    "REJECT": TypeInfo(3, -2.0, "12", False, ("assist", "change", "yield", "meet")),
    "THREATEN": TypeInfo(
        3,
        -3.5,
        "13",
        False,
        ("restrict", "ban", "arrest", "relations", "rights", "expel", "territory", "violence"),
    ),
    "PROTEST": TypeInfo(
        4,
        -5.0,
        "14",
        False,
        ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    ),
    "SANCTION": TypeInfo(4, -6.0, "16", True, ("convict", "expel", "withdraw", "discontinue")),
    "MOBILIZE": TypeInfo(4, -5.5, "15", False, ("troops", "weapons", "police", "militia")),
    "COERCE": TypeInfo(
        4,
        -7.0,
        "17",
        False,
        (
            "seize",
            "restrict",
            "ban",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        ),
    ),
    "ASSAULT": TypeInfo(
        4,
        -9.0,
        "18",
        False,
        (
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        ),
    ),
}

MODES: dict[str, frozenset[str]] = {t: frozenset(info.modes) for t, info in EVENT_TYPES.items()}

# Scores that differ from the type's base score (plover.md).
_MODE_SCORES: dict[tuple[str, str], float] = {
    ("CONSULT", "visit"): 4.0,
    ("CONSULT", "multilateral"): 4.0,
    ("CONSULT", "phone"): 1.5,
    ("CONSULT", "third-party"): 1.0,
    ("ACCUSE", "disapprove"): -2.0,
    ("ACCUSE", "investigate"): -2.0,
    ("ACCUSE", "allege"): -3.5,
    ("PROTEST", "riot"): -7.0,
}

# CAMEO roots that depend on the mode: investigation is CAMEO 09, armed fighting 19.
_MODE_CAMEO: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "firearms"): "19",
    ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "aerial"): "19",
    ("ASSAULT", "drone"): "19",
    ("ASSAULT", "unconventional"): "20",
}

# Names met in CAMEO-era data, mapped to the current types.
LEGACY_TYPES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

CONTEXTS: frozenset[str] = frozenset(
    [
        "military",
        "intelligence",
        "executive",
        "legislative",
        "election",
        "political_institutions",
        "pro_democracy",
        "pro_autocracy",
        "economic",
        "legal",
        "reparations",
        "human_rights",
        "rights_freedoms",
        "repression",
        "human_security",
        "gender",
        "lgbt",
        "religion_ethnicity",
        "inequality",
        "diplomatic",
        "territory",
        "peacekeeping",
        "health",
        "asylum",
        "migration",
        "disasters",
        "natural_resource",
        "environment",
        "technology",
        "terrorism",
        "cbrn",
        "cyber",
        "misinformation",
        "crime",
        "corruption",
        "illegal_drugs",
        "trafficking",
    ]
)

SECTORS: dict[str, str] = {
    "GOV": "government and executive",
    "MIL": "military",
    "REB": "rebels and insurgents",
    "OPP": "opposition",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "PTY": "political party",
    "SPY": "intelligence",
    "UAF": "unidentified armed forces",
    "CVL": "civilians",
    "BUS": "business",
    "JRN": "journalists and media",
    "MED": "health",
    "REF": "refugees",
    "ELI": "former officials and elites",
    "LAB": "labour",
    "EDU": "education",
    "REL": "religious",
    "AGR": "agriculture",
    "CRM": "criminals",
    "SOC": "social",
    "PRE": "partially recognised entities",
    "PRM": "paramilitary",
    "UNK": "unknown",
}

COUNTRY_NONSTATE: dict[str, str] = {
    "IGO": "intergovernmental organisation",
    "UNO": "United Nations and its agencies",
    "EUR": "European Union bodies",
    "NGO": "non-governmental organisation",
    "ISM": "international social movement",
    "IMG": "transnational armed group",
    "MNC": "multinational company",
}


def normalise_type(name: str) -> str:
    """A PLOVER type name from a current or CAMEO-era name; raises KeyError when unknown."""
    upper = name.strip().upper()
    upper = LEGACY_TYPES.get(upper, upper)
    if upper not in EVENT_TYPES:
        raise KeyError(f"unknown PLOVER event type {name!r}")
    return upper


def quad_class(event_type: str) -> int:
    return EVENT_TYPES[event_type].quad_class


def intensity(event_type: str, mode: str | None = None) -> float:
    if mode is not None and (event_type, mode) in _MODE_SCORES:
        return _MODE_SCORES[(event_type, mode)]
    return EVENT_TYPES[event_type].base_score


def cameo_root(event_type: str, mode: str | None = None) -> str:
    if mode is not None and (event_type, mode) in _MODE_CAMEO:
        return _MODE_CAMEO[(event_type, mode)]
    return EVENT_TYPES[event_type].cameo


# Words that put a story in a PLOVER context (lemmas, lowercase). A first, transparent
# story-level tagger; the events issue replaces it with a trained one.
CONTEXT_CUES: dict[str, frozenset[str]] = {
    "military": frozenset(
        [
            "army",
            "troops",
            "soldier",
            "military",
            "airstrike",
            "shelling",
            "artillery",
            "drone",
            "missile",
            "tank",
            "battalion",
            "brigade",
            "militia",
            "offensive",
        ]
    ),
    "diplomatic": frozenset(
        [
            "embassy",
            "ambassador",
            "envoy",
            "diplomat",
            "diplomatic",
            "summit",
            "talks",
            "minister",
            "visit",
            "foreign",
        ]
    ),
    "executive": frozenset(["president", "government", "cabinet", "decree", "junta", "coup"]),
    "legislative": frozenset(
        ["parliament", "lawmaker", "senate", "congress", "legislature", "bill"]
    ),
    "election": frozenset(["election", "vote", "ballot", "poll", "candidate", "campaign"]),
    "pro_autocracy": frozenset(["coup", "junta", "decree"]),
    "pro_democracy": frozenset(["democracy", "democratic", "constitutional"]),
    "economic": frozenset(
        [
            "trade",
            "economy",
            "economic",
            "tariff",
            "investment",
            "oil",
            "export",
            "import",
            "sanction",
            "bank",
            "currency",
        ]
    ),
    "legal": frozenset(["court", "judge", "trial", "prosecutor", "verdict", "sentence", "lawsuit"]),
    "human_rights": frozenset(["rights", "abuse", "torture", "detainee"]),
    "repression": frozenset(
        ["crackdown", "tear", "gas", "detention", "arrest", "curfew", "censorship"]
    ),
    "terrorism": frozenset(["terrorist", "terrorism", "jihadist", "militant", "suicide", "bomb"]),
    "peacekeeping": frozenset(["peacekeeper", "peacekeeping"]),
    "migration": frozenset(["migrant", "migration", "border"]),
    "asylum": frozenset(["asylum", "refugee"]),
    "health": frozenset(["hospital", "health", "disease", "epidemic", "vaccine", "cholera"]),
    "disasters": frozenset(["earthquake", "flood", "drought", "hurricane", "cyclone", "famine"]),
    "territory": frozenset(["territory", "annex", "annexation", "sovereignty"]),
    "crime": frozenset(["gang", "criminal", "smuggler", "trafficker"]),
    "corruption": frozenset(["corruption", "bribe", "embezzlement"]),
    "cyber": frozenset(["cyberattack", "hacker", "hack", "ransomware"]),
    "natural_resource": frozenset(["mine", "mining", "gold", "uranium", "oilfield"]),
}



# Verbs that move a force, by the preposition naming the country it leaves or enters:
# "withdrew its troops from Lebanon", "deployed its forces in Mali". That country is the party
# the move is about (the event's recipient), not only where it happens.
FORCE_MOVES: dict[str, frozenset[str]] = {
    "from": frozenset({"withdraw", "pull", "retreat", "recall", "redeploy"}),
    "in": frozenset({"deploy", "station", "reinforce", "strengthen", "base", "mass", "send"}),
    "into": frozenset({"deploy", "send", "move", "dispatch"}),
}
# Verbs of arriving: the country or capital arrived in is the host ("landed in Beijing").
ARRIVALS: frozenset[str] = frozenset({"arrive", "land"})
# Verbs of getting something from a party: "received weapons from Iran", "requested a loan
# from Beijing". The one it comes from is an actor, not a place.
RECEIPTS: frozenset[str] = frozenset(
    "receive obtain accept request seek buy purchase import borrow get take".split()
)
# Goods a party gives: "received weapons from Iran" (Iran gives) — unlike "received refugees
# from Syria", where the receiver still acts.
GOODS: frozenset[str] = frozenset(
    """weapon arm ammunition missile drone tank jet aircraft equipment aid money loan fund
    funding grant assistance support supply shipment delivery vaccine food fuel oil gas
    grain credit payment donation intelligence training""".split()
)
# Verbs whose object does what the infinitive says: "urged Israel to withdraw" (Israel
# withdraws); "used drones to attack" is Russia's attack.
OBJECT_CONTROL: frozenset[str] = frozenset(
    """urge ask force order call persuade allow invite tell press encourage compel instruct
    authorise authorize permit request require pressure push help enable advise lead prompt
    get want expect beg implore""".split()
)
# Nouns of what a party sends or says to another: "criticism from Brussels", "a request
# from China", "a gift from Beijing".
SENT_NOUNS: frozenset[str] = frozenset(
    """criticism request call pressure demand offer aid assistance support loan gift delivery
    shipment message letter invitation warning threat protest complaint proposal order
    condemnation praise appeal donation grant funding weapon arm visit ultimatum objection
    opposition backing help""".split()
)
# Nouns whose "from" names the party parted from, not a place: "independence from Iraq",
# "autonomy from Serbia".
SEPARATION_NOUNS: frozenset[str] = frozenset(
    "independence autonomy secession separation freedom liberation".split()
)
# Nouns whose "between" names the parties: "talks between Guyana and Venezuela", "clashes
# between X and Y" (but "trains between Kyiv and Warsaw" name places).
BETWEEN_PARTIES: frozenset[str] = frozenset(
    """talk negotiation meeting summit dialogue consultation clash fighting fight war conflict
    battle hostility dispute tension rift feud agreement deal treaty accord pact ceasefire
    truce armistice relation tie cooperation mediation rivalry contact exchange""".split()
)
# Nouns whose "of"-clause is what they are about, not an event: "the decision of sending
# troops", "the prospect of losing".
CONTENT_NOUNS: frozenset[str] = frozenset(
    """decision plan idea prospect possibility option question issue risk fear hope policy
    practice proposal threat danger aim goal purpose intention matter suggestion notion
    thought""".split()
)
# Plural nouns for several states at once ("dozens of countries", "Western governments",
# "world leaders"): no one country, so none is taken from the story.
SEVERAL_STATES: frozenset[str] = frozenset({"country", "nation", "government", "state", "leader"})
# Forces no one state fields ("a regional peacekeeping force"): intergovernmental (IGO)
# when the text names no country or body for them, never the story's country.
MULTINATIONAL_FORCES: frozenset[str] = frozenset(
    {
        "peacekeepers",
        "peacekeeper",
        "peacekeeping force",
        "peacekeeping forces",
        "peacekeeping troops",
        "peacekeeping mission",
        "multinational force",
        "multinational forces",
        "international force",
        "stabilisation force",
        "stabilization force",
    }
)
# Nouns for the people of a body ("Hamas officials", "Red Cross leaders"): they act as the
# body does, so they take its country and sector.
MEMBER_NOUNS: frozenset[str] = frozenset(
    "official leader leadership member representative delegate delegation envoy "
    "negotiator".split()
)

# A state's posts abroad: "its embassy in Tehran" is that state's, in another's capital.
POSTS_ABROAD: frozenset[str] = frozenset(
    "embassy consulate mission ambassador envoy delegation diplomat attache legation".split()
)
# The buildings among them: a protest at "the US embassy" is aimed at the United States.
EMBASSY_NOUNS: frozenset[str] = frozenset({"embassy", "consulate", "legation"})
# Nouns that name a party by its tie to another: "Israel's militia ally", "Iran's proxies",
# "an ally of Washington" is not the possessor's own.
RELATION_NOUNS: frozenset[str] = frozenset(
    "ally proxy partner rival enemy foe adversary neighbour neighbor client patron".split()
)

# Events whose attacker, when the text names none, is "unidentified armed forces" (UAF) of the
# country where it happened: a bombing, an ambush, a killing by no one named.
UNATTRIBUTED_ATTACK_TYPES: frozenset[str] = frozenset({"ASSAULT"})
# Subjects that name how an attack was made, not who made it: "a car bomb killed", "a roadside
# bombing near Samarra killed", "an explosion ripped through".
ATTACK_MEANS: frozenset[str] = frozenset(
    """bomb bombing blast explosion explosive device ied mine landmine minefield attack
    ambush gunfire shelling shell rocket missile drone grenade mortar airstrike strike raid
    shooting stabbing fire volley barrage assault attempt""".split()
)
# Events that, when the text names no one, the authorities of the place did: an arrest, a
# deportation, a ban (COERCE), an investigation (ACCUSE, mode investigate).
AUTHORITY_TYPES: frozenset[str | tuple[str, str]] = frozenset(
    {"COERCE", ("ACCUSE", "investigate")}
)
# Events aimed, when the text names no one, at the government of the place they happen in:
# a demonstration, a strike or a road blockade is a claim on those who rule there.
GOVERNMENT_AIMED_TYPES: frozenset[str] = frozenset({"PROTEST"})
# Measures a state takes against its own people: with no recipient and no place named, they
# fall on the people of the country that takes them ("the government imposed martial law").
DOMESTIC_MEASURES: tuple[str, ...] = (
    "curfew",
    "martial law",
    "state of emergency",
    "emergency rule",
    "lockdown",
)
# Events that fall on the people of the place they happen in when no recipient is named: a
# curfew, martial law or a ban imposed there, aid to it or suspended there, an attack on it,
# forces sent into it (see stages/parties.py).
PLACE_AFFECTED_TYPES: frozenset[str] = frozenset(
    {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "AID", "MOBILIZE"}
)
