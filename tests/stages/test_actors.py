"""The actors stage: mentions grouped into actors, with country, sector and title from the text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document

from .lookups import actor_with_mention as _actor


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector", "title"),
    [
        ("Libya's Foreign Minister, Najla Mangoush, met the envoy on Sunday.",
         "Najla Mangoush", "LBY", "GOV", "Foreign Minister"),
        ("Najla Mangoush, Libya's foreign minister, met the envoy on Sunday.",
         "Najla Mangoush", "LBY", "GOV", "foreign minister"),
        ("US Foreign Affairs Advisor Derek Chollet arrived in Tripoli.",
         "Derek Chollet", "USA", "GOV", "Foreign Affairs Advisor"),
        ("The Nigerien military closed the airport.", "Nigerien military", "NER", "MIL", None),
        ("Niger's junta suspended the constitution.", "Niger's junta", "NER", "MIL", None),
        ("The former president of Peru was arrested in Lima.", None, "PER", "ELI", None),
        ("Gunmen killed six villagers in Zamfara.", "Gunmen", None, "UAF", None),
        ("Tripoli rejected the proposal.", "Tripoli", "LBY", "GOV", None),
        ("Soldiers arrested dozens of Palestinians in Hebron.", "Palestinians", "PSE", "CVL", None),
        ("Afghan rebel leaders met the envoy.", "Afghan rebel leaders", "AFG", "REB", None),
        ("Israeli helicopters fired missiles at the camp.", "Israeli helicopters", "ISR", "MIL",
         None),
    ],
)
def test_role_and_country_from_the_phrase(
    code: Callable[..., Document], text: str, mention: str | None, country: str | None,
    sector: str, title: str | None,
) -> None:
    doc = code(text)
    actor = _actor(doc, mention) if mention else doc.actors[0]
    assert (actor.country, actor.sector) == (country, sector)
    if title is not None:
        assert actor.title == title


def test_president_takes_the_country_of_the_story(code: Callable[..., Document]) -> None:
    doc = code("Soldiers in Niger detained President Mohamed Bazoum on Wednesday. "
               "Crowds gathered in Niamey.")
    assert (_actor(doc, "Mohamed Bazoum").country, _actor(doc, "Mohamed Bazoum").sector) == (
        "NER", "GOV")


def test_surname_title_and_pronoun_corefer(code: Callable[..., Document]) -> None:
    doc = code("US envoy Derek Chollet arrived in Tripoli on Monday. Chollet met the prime "
               "minister. He said the talks were useful.")
    actor = _actor(doc, "Derek Chollet")
    assert [m.text for m in actor.mentions] == ["Derek Chollet", "Chollet", "He"]
    assert actor.name == "Derek Chollet"


def test_the_minister_is_the_named_minister(code: Callable[..., Document]) -> None:
    doc = code("Foreign Minister Najla Mangoush flew to Rome. The minister met her Italian "
               "counterpart there.")
    assert "minister" in [m.text for m in _actor(doc, "Najla Mangoush").mentions]


def test_repeated_group_is_one_actor(code: Callable[..., Document]) -> None:
    doc = code("Niger's junta closed the borders. The junta later reopened the airport.")
    junta = _actor(doc, "Niger's junta")
    assert len(junta.mentions) == 2 and junta.country == "NER"


@pytest.mark.parametrize(
    ("text", "is_actor"),
    [("Tripoli rejected the proposal on Monday.", True),
     ("Clashes broke out in Tripoli on Monday.", False),
     # a force moved out of or into a country: the country is a party to the move
     ("Chad withdrew its soldiers from Libya on Monday.", True),
     ("Egypt deployed two battalions in Libya.", True),
     # a capital is where the force goes, not its government
     ("Chad deployed two battalions in Tripoli.", False),
     ("The convoy set off from Tripoli on Monday.", False),
     # a party a good is bought from or a request is made of
     ("Chad bought rice from Libya.", True),
     ("Chad requested a loan from Libya.", True),
     # what a country sends or says is its own
     ("Chad rejected criticism from Libya.", True),
     # a capital a force leaves stands for its country
     ("Chad recalled its ambassador from Tripoli.", True)],
)
def test_capital_as_actor_or_as_place(
    code: Callable[..., Document], text: str, is_actor: bool
) -> None:
    doc = code(text)
    # Actors the parties stage derives from an event's place say so; they are not the name.
    named = [a for a in doc.actors if a.country_basis != "place"]
    assert any(a.country == "LBY" for a in named) is is_actor


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Activists from the Fatah party staged a rally in Ramallah.", "Activists", "PSE"),
        ("Fighters of the Kurdistan Workers' Party attacked a checkpoint.", "Fighters", "TUR"),
    ],
)
def test_group_takes_the_country_of_its_body(
    code: Callable[..., Document], text: str, mention: str, country: str
) -> None:
    assert _actor(code(text), mention).country == country


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        # two demonyms read as a name: a people, placed by the first
        ("Bosnian Serbs demanded a truce.", "Bosnian Serbs", "BIH", "CVL"),
        # "ethnic X": people of that origin in the country the sentence names
        ("Serb forces killed three ethnic Albanians in southern Serbia.", "Albanians", "SRB",
         "CVL"),
        ("Ethnic Albanian guerrillas operating in Macedonia were disarmed.",
         "Ethnic Albanian guerrillas", "MKD", "REB"),
        # ... and unknown when it names no other country
        ("Ethnic Albanians protested on Monday.", "Albanians", None, "CVL"),
        ("Albanian guerrillas attacked a police station.", "Albanian guerrillas", "ALB", "REB"),
        # a government named after its known leader
        ("The Erdogan government expelled the EU ambassador.", "Erdogan government", "TUR",
         "GOV"),
        # communities and groups of the roles lexicon
        ("Thousands of Iraqi Kurds demonstrated in Kirkuk.", "Iraqi Kurds", "IRQ", "CVL"),
        ("Three US servicemen were killed by a roadside bomb.", "US servicemen", "USA", "MIL"),
        # a state's own post named after the capital it is in stays the state's
        ("Canada closed its Kabul embassy on Monday.", "its Kabul embassy", "CAN", "GOV"),
        # rulers govern
        ("Belarus's rulers rejected the offer of talks.", "Belarus's rulers", "BLR", "GOV"),
        # a party named by its tie to another is not the other's
        ("Rebels attacked Syria's militia allies on Monday.", "militia", None, "REB"),
        ("The militia, an ally of Iran, fired rockets at the base.", "militia", None, "REB"),
        # ... but the possessor keeps its own words
        ("The Iranian government's proxies attacked the base.", "Iranian government", "IRN",
         "GOV"),
        ("The Russian president's closest ally met Chinese officials.", "Russian president",
         "RUS", "GOV"),
    ],
)
def test_peoples_and_bodies(
    code: Callable[..., Document], text: str, mention: str, country: str | None, sector: str
) -> None:
    actor = _actor(code(text), mention)
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "pronoun_of"),
    [
        ("Iraq's interim government announced that it would impose martial law.",
         "Iraq's interim government"),
        ("Niger's junta said it would free the prisoners.", "Niger's junta"),
    ],
)
def test_it_for_a_body_named_by_a_singular_noun(
    code: Callable[..., Document], text: str, pronoun_of: str
) -> None:
    actor = _actor(code(text), pronoun_of)
    assert "it" in [m.text for m in actor.mentions]


def test_an_object_pronoun_is_not_the_clauses_own_subject(
    code: Callable[..., Document],
) -> None:
    doc = code("The rebels said the army had attacked them.")
    assert "them" in [m.text for m in _actor(doc, "rebels").mentions]
    assert "them" not in [m.text for m in _actor(doc, "army").mentions]


@pytest.mark.parametrize(
    "text",
    [
        "The army seized weapons from the rebels and destroyed them.",  # the weapons, maybe
        "The president said the army would protect them.",  # no plural group named
    ],
)
def test_an_unsure_object_pronoun_stays_unresolved(
    code: Callable[..., Document], text: str
) -> None:
    doc = code(text)
    assert all("them" not in [m.text for m in a.mentions] for a in doc.actors)


def test_places_a_train_runs_between_are_no_parties(code: Callable[..., Document]) -> None:
    assert code("Trains between Kyiv and Warsaw were suspended.").actors == []


def test_it_is_never_a_plural_group(code: Callable[..., Document]) -> None:
    doc = code("The rebels killed two soldiers. It was the worst attack this year.")
    assert all("It" not in [m.text for m in a.mentions] for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # Georgia the country and Georgia the US state
        ("Georgia Governor Brian Kemp signed the bill.", "Brian Kemp", "USA"),
        ("Police in Atlanta, Georgia, arrested two protesters.", "Police", "USA"),
        ("Georgia's prime minister met Erdogan in Ankara.", "Georgia's prime minister", "GEO"),
        ("Protesters gathered in Tbilisi, Georgia, on Sunday.", "Protesters", "GEO"),
        ("Georgia recalled its ambassador from Moscow.", "Georgia", "GEO"),
        ("In Rome, Georgia's prime minister met his Italian counterpart.",
         "Georgia's prime minister", "GEO"),
        ("Leaders of Albania, Georgia and Moldova met in Brussels.", "Georgia", "GEO"),
    ],
)
def test_georgia_the_country_and_the_state(
    code: Callable[..., Document], text: str, mention: str, country: str
) -> None:
    doc = code(text)
    assert _actor(doc, mention).country == country
    # "City, Georgia" says where the city is: no actor of its own
    assert ", Georgia," not in text or all(a.name != "Georgia" for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("The ANC lost its majority in the election.", "ANC", "ZAF", "PTY"),
        ("Agents of the FSB arrested a journalist.", "FSB", "RUS", "SPY"),
        ("The Pakistan Army said its troops killed five militants.", "The Pakistan Army", "PAK",
         "MIL"),
        ("The National Rally won the most seats.", "The National Rally", "FRA", "PTY"),
    ],
)
def test_parties_and_forces_by_name(
    code: Callable[..., Document], text: str, mention: str, country: str, sector: str
) -> None:
    actor = _actor(code(text), mention)
    assert (actor.country, actor.sector) == (country, sector)


def test_a_party_name_in_lower_case_is_plain_words(code: Callable[..., Document]) -> None:
    doc = code("Thousands joined a national rally against the reforms.")
    assert all(a.sector != "PTY" for a in doc.actors)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("A spokesman for the Houthis said the group attacked a ship.", "YEM", "REB"),
        ("A spokeswoman for the Kenyan police denied the report.", "KEN", "COP"),
    ],
)
def test_a_spokesman_speaks_for_his_body(
    code: Callable[..., Document], text: str, country: str, sector: str
) -> None:
    actor = next(a for a in code(text).actors if a.name.startswith("spokes"))
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Dozens of countries condemned Russia's invasion of Ukraine.", "countries"),
        ("Western governments froze billions in Afghan central bank reserves.",
         "Western governments"),
        ("World leaders gathered in Paris for the climate summit.", "World leaders"),
    ],
)
def test_several_states_are_governments_of_no_one_country(
    code: Callable[..., Document], text: str, mention: str
) -> None:
    actor = _actor(code(text), mention)
    assert (actor.country, actor.sector) == (None, "GOV")


def test_country_only_actor_has_no_guessed_sector(code: Callable[..., Document]) -> None:
    doc = code("Libya reinforced its southern border.")
    libya = _actor(doc, "Libya")
    assert (libya.country, libya.sector) == ("LBY", None)


def test_dateline_is_not_an_actor(code: Callable[..., Document]) -> None:
    doc = code("NIAMEY, July 27 — Soldiers detained the president.")
    assert all(m.text != "NIAMEY" for a in doc.actors for m in a.mentions)


def test_unknown_stays_null(code: Callable[..., Document]) -> None:
    doc = code("Mary Smith said the meeting went well.", published=None)
    actor = _actor(doc, "Mary Smith")
    assert (actor.country, actor.sector, actor.title) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        ("Al-Shabaab claimed the attack on Friday. The group said it targeted officials.",
         "al-Shabaab", "group"),
        ("ECOWAS met in Abuja. It said sanctions would follow.", "ECOWAS", "It"),
    ],
)
def test_organisation_named_before_is_referred_to(
    code: Callable[..., Document], text: str, name: str, mention: str
) -> None:
    doc = code(text)
    [actor] = [a for a in doc.actors if mention in [m.text for m in a.mentions]]
    assert name in actor.name or any(m.text == name for m in actor.mentions)


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        # a stance towards a country is not its nationality
        ("An anti-Russian blogger was arrested in Minsk.", "anti-Russian blogger", "BLR", "JRN"),
        ("A pro-Iran militia leader was detained in Baghdad.", "pro-Iran militia leader", "IRQ",
         "REB"),
        # a leader's administration, whichever of two presidents of that name
        ("The Bush administration warned Tehran on Monday.", "Bush administration", "USA", "GOV"),
        # an abbreviated rank is a title
        ("Maj. Gen. Peter Okello said the army would withdraw from Kenya's border.",
         "Peter Okello", None, "MIL"),
        # the people of a body act as the body does
        ("Hezbollah officials rejected the proposal.", "Hezbollah officials", "LBN", "REB"),
        ("Leaders of the Nigerien junta met in Niamey.", "Leaders", "NER", "MIL"),
        # a people living in another country
        ("The Serbs of northern Kosovo demanded autonomy.", "Serbs", "KOS", "CVL"),
        ("Ethnic Albanian protesters in Montenegro clashed with Serbian police.",
         "Ethnic Albanian protesters", "MNE", "OPP"),
        # the word before a role may qualify the whole phrase
        ("Troops shelled Kurdish militia positions near the Turkish border.", "militia", None,
         "REB"),
        # leaders of a country are its government; of a group, that group
        ("Belarus's leaders rejected the call.", "Belarus's leaders", "BLR", "GOV"),
        ("Catalan police arrested separatist leaders.", "separatist leaders", "ESP", "REB"),
        ("The army leadership rejected the plan.", "army leadership", None, "MIL"),
        # peacekeepers no state is named for are intergovernmental
        ("The rebels opposed the deployment of a regional peacekeeping force.",
         "regional peacekeeping force", "IGO", "MIL"),
        # a body named by its kind
        ("Officials demanded support from the Montenegro Assembly.", "the Montenegro Assembly",
         "MNE", "LEG"),
        # a country named by its former name is its successor
        ("Zairean troops crossed the border.", "Zairean troops", "COD", "MIL"),
        ("The Soviet Union protested to Washington.", "The Soviet Union", "RUS", None),
    ],
)
def test_country_and_sector_from_the_phrase(
    code: Callable[..., Document], text: str, mention: str, country: str | None, sector: str | None
) -> None:
    actor = _actor(code(text), mention)
    assert actor.sector == sector
    if country is not None:
        assert actor.country == country


def test_an_abbreviated_rank_reads_as_written(code: Callable[..., Document]) -> None:
    assert _actor(code("Lt. Gen. Paul Mwangi resigned."), "Paul Mwangi").title == "Lt. Gen."


@pytest.mark.parametrize(
    "text",
    [
        "A journalist was killed in a residential sector of eastern Beirut.",
        "Shelling hit the outskirts of Tripoli overnight.",
        "Three soldiers died outside the Iraqi city of Basra.",
    ],
)
def test_a_name_in_a_place_phrase_is_no_actor(code: Callable[..., Document], text: str) -> None:
    doc = code(text)
    named = [a for a in doc.actors if a.country_basis != "place"]
    assert all(a.sector != "GOV" for a in named)
    assert not any(a.name.endswith(("Beirut", "Tripoli", "city")) for a in named)


def test_the_country_the_story_gave_says_so(code: Callable[..., Document]) -> None:
    doc = code("Niger's army was deployed. The junta said it would hold elections.")
    assert _actor(doc, "junta").country_basis == "context"
    assert _actor(doc, "Niger's army").country_basis == "text"


@pytest.mark.parametrize(
    ("text", "speaker", "is_speaker"),
    [
        ("The army said it had killed five militants.", "army", True),
        ("The junta dissolved parliament and said it would hold elections.", "junta", True),
        # a thing named before "it" may be what "it" is: left unresolved
        ("Hamas rejected the proposal, saying it failed to meet its demands.", "Hamas", False),
        ("Iran condemned the attack, saying it was carried out by Israel.", "Iran", False),
    ],
)
def test_it_after_a_reporting_verb(
    code: Callable[..., Document], text: str, speaker: str, is_speaker: bool
) -> None:
    actor = _actor(code(text), speaker)
    assert ("it" in [m.text for m in actor.mentions]) is is_speaker


def test_brussels_acting_is_the_eu_and_as_a_place_is_belgium(
    code: Callable[..., Document],
) -> None:
    doc = code("Brussels warned London that it would retaliate against the new tariffs.")
    assert _actor(doc, "Brussels").country == "EUR"
    assert _actor(doc, "London").country == "GBR"
    doc = code("Ministers met in Brussels on Monday.")
    assert [p.country for p in doc.places] == ["BEL"]
    assert all(a.country != "EUR" for a in doc.actors)



@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # the country a titled person acts on is not the person's
        ("Maj. Gen. John Kirby criticised Russia on Monday.", "John Kirby", None),
        # nationals living abroad keep their nationality
        ("Americans in Israel were advised to leave.", "Americans", "USA"),
        # "the Johnson administration": several Johnsons governed, so whose is unknown
        ("The Johnson administration escalated the war in Vietnam.", "Johnson administration",
         None),
        ("The Trump administration withdrew from the Iran nuclear deal.", "Trump administration",
         "USA"),
        # the island of Taiwan is Taiwan
        ("China threatened the island of Taiwan with military drills.", "Taiwan", "TWN"),
    ],
)
def test_country_not_taken_from_the_wrong_place(
    code: Callable[..., Document], text: str, mention: str, country: str | None
) -> None:
    assert _actor(code(text), mention).country == country


@pytest.mark.parametrize(
    "text", ["Former Soviet republics signed a security pact.", "Ceylon tea exports rose."]
)
def test_historic_words_that_name_no_state_today(code: Callable[..., Document], text: str) -> None:
    assert all(a.country is None for a in code(text).actors)
