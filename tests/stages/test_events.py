"""The events stage: PLOVER type and mode per clause, actors from syntax, modality, evidence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Document, Event


def _names(doc: Document, ids: list[str]) -> list[str]:
    return [doc.actor(i).name for i in ids if doc.actor(i) is not None]  # type: ignore[union-attr]


def _event(doc: Document, event_type: str) -> Event:
    found = [e for e in doc.events if e.event_type == event_type]
    assert found, f"no {event_type} in {[(e.event_type, e.trigger) for e in doc.events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Police arrested twelve opposition activists in Harare on Monday.", "COERCE", "arrest"),
        ("Israeli aircraft carried out air strikes on Rafah overnight.", "ASSAULT", "aerial"),
        ("Thousands of protesters marched through Dhaka on Friday.", "PROTEST", "demo"),
        ("The European Union imposed sanctions on six Russian banks.", "SANCTION", None),
        ("Russia expelled four British diplomats on Tuesday.", "SANCTION", "expel"),
        ("Kenya sent 400 police officers to Haiti.", "MOBILIZE", None),
        ("The two presidents spoke by phone on Wednesday.", "CONSULT", "phone"),
        ("The government condemned the attack on the embassy.", "ACCUSE", None),
        ("Washington sent 50 tonnes of food aid to Sudan.", "AID", None),
        ("Washington pledged $50 million in aid to Sudan.", "AGREE", None),
        ("The rebels released eight hostages on Sunday.", "RETREAT", "release"),
        ("The opposition rejected the proposal.", "REJECT", None),
        ("The UN urged both sides to return to talks.", "REQUEST", None),
        ("The army threatened to retaliate against any incursion.", "THREATEN", None),
    ],
)
def test_type_and_mode(
    code: Callable[..., Document], text: str, event_type: str, mode: str | None
) -> None:
    event = _event(code(text), event_type)
    if mode is not None:
        assert event.mode == mode


def test_two_events_in_one_sentence(code: Callable[..., Document]) -> None:
    doc = code("The junta deposed the president and sealed the borders.")
    assert [e.event_type for e in doc.events] == ["COERCE", "COERCE"]
    assert all(_names(doc, e.actors) == ["junta"] for e in doc.events)


def test_active_subject_acts_and_object_receives(code: Callable[..., Document]) -> None:
    doc = code("Police arrested the opposition leader Nelson Chamisa in Harare.")
    event = _event(doc, "COERCE")
    assert _names(doc, event.actors) == ["Police"]
    assert _names(doc, event.recipients) == ["Nelson Chamisa"]


def test_passive_agent_acts(code: Callable[..., Document]) -> None:
    doc = code("President Mohamed Bazoum was detained by the presidential guard.")
    event = _event(doc, "COERCE")
    assert _names(doc, event.actors) == ["presidential guard"]
    assert _names(doc, event.recipients) == ["Mohamed Bazoum"]


def test_reported_speech_codes_the_reported_attack(code: Callable[..., Document]) -> None:
    doc = code("France said Mali's army attacked a village near Gao.")
    event = _event(doc, "ASSAULT")
    assert "France" not in _names(doc, event.actors)


def test_prepositional_partner_receives(code: Callable[..., Document]) -> None:
    doc = code("Foreign Minister Najla Mangoush met with US envoy Richard Norland.")
    event = _event(doc, "CONSULT")
    assert _names(doc, event.actors) == ["Najla Mangoush"]
    assert _names(doc, event.recipients) == ["Richard Norland"]


@pytest.mark.parametrize(
    ("text", "event_type", "flag"),
    [
        ("The army did not attack the town.", "ASSAULT", "negated"),
        ("Moscow denied sending troops to the border.", "MOBILIZE", "negated"),
        ("The minister will visit Niamey next week.", "CONSULT", "future"),
        ("ECOWAS could impose sanctions if the president is not released.", "SANCTION",
         "hypothetical"),
    ],
)
def test_modality_is_marked(
    code: Callable[..., Document], text: str, event_type: str, flag: str
) -> None:
    event = _event(code(text), event_type)
    assert getattr(event.modality, flag) is True


def test_a_plain_event_has_no_modality(code: Callable[..., Document]) -> None:
    event = _event(code("Soldiers shot three protesters in Khartoum."), "ASSAULT")
    assert not any(event.modality.model_dump().values())


def test_threat_content_is_not_an_event_of_its_own(code: Callable[..., Document]) -> None:
    doc = code("ECOWAS threatened to use force against the junta.")
    assert [e.event_type for e in doc.events] == ["THREATEN"]


def test_scores_and_evidence(code: Callable[..., Document]) -> None:
    text = "Background paragraph here. Police arrested ten protesters in Lagos."
    event = _event(code(text), "COERCE")
    assert (event.quad_class, event.intensity, event.cameo) == (4, -7.0, "17")
    assert event.evidence.sentence_index == 1
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.trigger is not None and event.trigger.text == "arrested"
    assert 0 < event.confidence <= 1


def test_restated_event_is_one_event(code: Callable[..., Document]) -> None:
    doc = code("Police arrested the opposition leader. Police arrested the opposition leader "
               "at his home, witnesses said.")
    assert [e.event_type for e in doc.events] == ["COERCE"]


def test_a_sentence_without_an_event_gives_none(code: Callable[..., Document]) -> None:
    assert code("The country has a population of about 25 million people.").events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # announced acts are statements of intent (PLOVER AGREE / THREATEN / REJECT)
        ("Ghana said it will send medical aid to Sudan.", ["AGREE"]),
        ("The ministry said it is ready to withdraw its troops from the border.", ["AGREE"]),
        ("The junta announced that it will arrest opposition leaders.", ["THREATEN"]),
        ("Chad says it will not accept more refugees.", ["REJECT"]),
        # a demand reported with "must" is a REQUEST, its content no event of its own
        ("The minister said the rebels must release the hostages.", ["REQUEST"]),
        # what a protest demands is part of the protest
        ("Students marched through Nairobi to demand lower fees.", ["PROTEST"]),
        # words that name events without reporting one
        ("The besieged town ran out of food on Monday.", []),
        ("Talks resumed after two days of fighting.", ["CONSULT"]),
        # the speech verb after the clause still makes it an announcement
        ("Kenya will send aid to Somalia, the foreign ministry said.", ["AGREE"]),
        # who blocks decides the type: the state coerces, workers protest
        ("Striking workers blocked the main highway into Lagos.", ["PROTEST"]),
        ("Police blocked the main highway into Lagos.", ["COERCE"]),
        # withdrawing monitors cuts a relation; withdrawing troops is a retreat
        ("The OSCE withdrew its monitors from the region.", ["SANCTION"]),
        ("Russia withdrew its troops from the region.", ["RETREAT"]),
    ],
)
def test_statement_and_background_rules(
    code: Callable[..., Document], text: str, expected: list[str]
) -> None:
    assert [e.event_type for e in code(text).events] == expected


def test_announced_threat_keeps_its_mode_and_is_future(code: Callable[..., Document]) -> None:
    [event] = code("The junta announced that it will arrest opposition leaders.").events
    assert (event.event_type, event.mode, event.modality.future) == ("THREATEN", "arrest", True)
    assert not event.modality.hypothetical


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government imposed a curfew after street battles raged in the capital.", ["COERCE"]),
        # what happens at the same time ("as", "while", "when") is reported too
        ("Troops sealed the border as rebels attacked the town.", ["COERCE", "ASSAULT"]),
        ("Troops shelled the village where rebels had killed two soldiers.", ["ASSAULT"]),
        ("Fighting erupted in the north.", ["ASSAULT"]),  # nothing else: the clause stands
        ("Pakistan refused to deploy peacekeepers in Iraq.", ["REJECT"]),
    ],
)
def test_scene_setting_clauses(
    code: Callable[..., Document], text: str, expected: list[str]
) -> None:
    assert [e.event_type for e in code(text).events] == expected


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "recipient"),
    [
        ("Libya offered to hand over the two suspects to Britain.", "AGREE", "Libya", "Britain"),
        ("Thousands of Kenyans gathered for a rally against the government.", "PROTEST",
         "Kenyans", None),
        ("The students began a hunger strike to protest against Sweden's decision.", "PROTEST",
         None, "Sweden"),
    ],
)
def test_arguments_from_complements(
    code: Callable[..., Document], text: str, event_type: str, actor: str | None,
    recipient: str | None,
) -> None:
    doc = code(text)
    event = _event(doc, event_type)
    if actor is not None:
        assert actor in _names(doc, event.actors)
    if recipient is not None:
        assert recipient in _names(doc, event.recipients)


@pytest.mark.parametrize(
    ("text", "trigger", "actors", "recipients"),
    [
        # control through an adjective, the pronoun resolved to the speaker
        ("President Ali Bongo said he was ready to lift the ban on the opposition party.", "lift",
         ["Ali Bongo"], ["opposition party"]),
        # the actor's own troops move; the recipient is where they leave
        ("Chad says it is willing to pull its troops out of Sudan.", "pull", ["Chad"], ["Sudan"]),
        ("Kenya has withdrawn its soldiers from Somalia.", "withdrawn", ["Kenya"], ["Somalia"]),
        ("France deployed 500 soldiers in Mali.", "deployed", ["France"], ["Mali"]),
        # adverbial clauses share the subject of the clause they hang on
        ("Police fired tear gas to disperse students, arresting 40 of them.", "arresting",
         ["Police"], []),
        ("Police fired tear gas to disperse students, arresting 40 of them.", "disperse",
         ["Police"], ["students"]),
        # a statement's content: the one who issued the statement demands
        ("The rebel movement issued a statement demanding that the Malian government free its "
         "fighters.", "demanding", ["rebel movement"], ["Malian government"]),
        # an active verb joined to a passive one: the passive's subject acts
        ("The army chief was sacked by the president and will resign.", "resign",
         ["army chief"], []),
        # the partner hangs on the object
        ("Kenya granted asylum to three Ugandan opposition leaders.", "granted", ["Kenya"],
         ["Ugandan opposition leaders"]),
        ("The United States imposed sanctions on Iran on Friday.", "sanctions",
         ["United States"], ["Iran"]),
        # listed nouns stand where the first one does
        ("Government troops launched artillery and rocket fire against rebel positions.", "fire",
         ["Government troops"], ["rebel"]),
        # a noun's "that" clause names the one addressed
        ("The ILO repeated its demand that Israel ease curbs on Palestinian workers.", "demand",
         ["Labour Organization"], ["Israel"]),
        # what a refusal is about is in what it refuses
        ("Pakistan refused to deploy peacekeepers in Iraq.", "refused", ["Pakistan"], ["Iraq"]),
        # an event noun's "of" is the one it is done to, for acts done to someone
        ("The arrest of twelve Kenyan activists angered Nairobi.", "arrest", [],
         ["Kenyan activists"]),
        # "in protest of": what is protested; one protest, not two
        ("Refugees began a hunger strike in protest of the Russian government's refusal to "
         "talk.", "strike", ["Refugees"], ["Russian government"]),
        # a clause after a preposition shares the subject of the verb it hangs on
        ("Ecuador's coast guard handed the fishermen to Peru after rescuing them.", "rescuing",
         ["coast guard"], []),
        # an infinitive on an object: the one who has the plans
        ("Helsinki said it had no plans to station allied troops on its soil.", "station",
         ["Helsinki"], []),
        # the noun stands where its measure does
        ("The army carried out a wave of airstrikes against militant hideouts.", "airstrikes",
         ["army"], ["militant"]),
        # what a people parts from is what they demand it of
        ("Thousands of Kurds rallied in Erbil calling for independence from Iraq.", "rallied",
         ["Kurds"], ["Iraq"]),
        ("Separatists demanded autonomy from Madrid.", "demanded", ["Separatists"], ["Madrid"]),
        # the parser's stranded "to": the noun after it is its object
        ("Chile granted asylum to three Bolivian officers holed up in its embassy.", "granted",
         ["Chile"], ["Bolivian officers"]),
        # the object after an "as" phrase
        ("Ghana condemned as a grave violation Togo's seizure of the fishing boats.", "condemned",
         ["Ghana"], ["Togo"]),
        # both sides of a fight that stands as the subject
        ("Fighting between the army and Tuareg rebels killed 12 people near Kidal.", "killed",
         ["army", "Tuareg rebels"], ["people"]),
        ("Fighting between the army and Tuareg rebels killed 12 people near Kidal.", "Fighting",
         ["army", "Tuareg rebels"], []),
        # both parties of a meeting hosted
        ("Egypt will host a meeting between Hamas and Fatah.", "host", ["Egypt"],
         ["Hamas", "Fatah"]),
        # the counterpart of talks after which something was conceded
        ("The union called off the strike after talks with the Kenyan government.", "called",
         ["union"], ["Kenyan government"]),
        # the one put under investigation
        ("A French national was put under investigation in Italy.", "investigation", [],
         ["French national"]),
        # what is blockaded
        ("NATO said it would tighten the naval blockade of Serbia.", "blockade", [], ["Serbia"]),
        # pulled back with no one named doing it: those pulled back retreat
        ("Hundreds of rebels have been demobilized since the accord.", "demobilized",
         ["rebels"], []),
        ("The troops were withdrawn from the border by Moscow.", "withdrawn", ["Moscow"],
         ["troops"]),
        # the one whose move a threat hangs on
        ("Iran threatened to quit the talks if the United States imposed new sanctions.",
         "threatened", ["Iran"], ["United States"]),
        ("Britain's defence secretary voiced support for Estonia.", "support",
         ["defence secretary"], ["Estonia"]),
        # the troops massed are the actor's own; the move is about the country they face
        ("Russia massed 100,000 troops near Ukraine's borders.", "massed", ["Russia"],
         ["Ukraine"]),
        # the capital of the United States acts as its government
        ("Washington rejected Moscow's demand for security guarantees.", "rejected",
         ["Washington"], ["Moscow"]),
        # the capital arrived in is the host
        ("Kenya's president arrived in Beijing on Tuesday for a state visit.", "arrived",
         ["president"], ["Beijing"]),
        # what is received comes from the one who gives it
        ("Hezbollah received weapons from Iran.", "received", ["Iran"], ["Hezbollah"]),
        ("Sri Lanka requested a loan of 300 million dollars from Beijing.", "requested",
         ["Sri Lanka"], ["Beijing"]),
        # the parties to talks
        ("Talks between Guyana and Venezuela ended without agreement.", "Talks",
         ["Guyana", "Venezuela"], []),
        # what is a country's, named by the country: its mediation, its proposal
        ("Israel's prime minister agreed to US mediation in the talks.", "agreed",
         ["prime minister"], ["US mediation"]),
        ("Pakistan rejected the Indian proposal for talks.", "rejected", ["Pakistan"],
         ["Indian proposal"]),
        # object pronouns: the last group or person named, other than the clause's subject
        ("Burkina Faso expelled three French diplomats, accusing them of spying.", "accusing",
         ["Burkina Faso"], ["French diplomats"]),
        ("Police arrested the opposition leader and later released him.", "released",
         ["Police"], ["opposition leader"]),
        # hosting a visitor; holding someone in detention
        ("Lebanon's parliament speaker received the U.S. envoy on Monday.", "received",
         ["parliament speaker"], ["U.S. envoy"]),
        ("Israeli authorities placed a Palestinian journalist in administrative detention.",
         "detention", ["Israeli authorities"], ["Palestinian journalist"]),
        # found in review: rules that must not overreach
        ("Russia used drones to attack Ukraine's energy grid.", "attack", ["Russia"],
         ["Ukraine"]),
        ("Police arrested protesters demanding the resignation of the president.", "demanding",
         ["protesters"], ["president"]),
        ("Turkey received millions of refugees from Syria.", "received", ["Turkey"], []),
        ("India evacuated its citizens from Sudan.", "evacuated", ["India"], ["its citizens"]),
        # "on alert": the verb's subject is the one mobilised
        ("Israeli troops remained on alert in the West Bank.", "alert", ["Israeli troops"], []),
        # a relative clause's pronoun stands for its noun
        ("It was the rebels who shelled the airport on Monday.", "shelled", ["rebels"], []),
        # a noun only the model proposed takes its light verb's subject, as a listed one does
        ("Thailand declared a state of emergency on Tuesday.", "state", ["Thailand"], []),
        ("The junta will keep the deposed president in custody until a new constitution is "
         "adopted, its spokesman said.", "custody", ["junta"], ["deposed president"]),
    ],
)
def test_arguments_beyond_the_trigger_clause(
    code: Callable[..., Document],
    text: str,
    trigger: str,
    actors: list[str],
    recipients: list[str],
) -> None:
    doc = code(text)
    event = next(e for e in doc.events if e.trigger and e.trigger.text == trigger)
    for name in actors:
        assert any(name in n for n in _names(doc, event.actors)), _names(doc, event.actors)
    for name in recipients:
        assert any(name in n for n in _names(doc, event.recipients)), _names(doc, event.recipients)
    if not recipients:
        assert not set(_names(doc, event.recipients)) & set(_names(doc, event.actors))


def test_a_denial_is_not_addressed_to_the_speakers_own_troops(
    code: Callable[..., Document],
) -> None:
    doc = code("Azerbaijan denied that its troops had entered Armenian territory.")
    denial = next(e for e in doc.events if e.event_type == "REJECT")
    assert _names(doc, denial.actors) == ["Azerbaijan"]
    assert "its troops" not in _names(doc, denial.recipients)


@pytest.mark.parametrize(
    "text",
    [
        "Students staged mass demonstrations to demand political reforms.",
        "Activists continued their hunger strike to demand the minister's resignation.",
    ],
)
def test_a_protest_staged_to_demand_is_the_protest(
    code: Callable[..., Document], text: str
) -> None:
    assert [e.event_type for e in code(text).events] == ["PROTEST"]


def test_an_of_clause_on_a_person_is_still_an_event(code: Callable[..., Document]) -> None:
    doc = code("The court convicted two men of killing a journalist.")
    assert "ASSAULT" in [e.event_type for e in doc.events]


def test_a_decision_of_sending_troops_is_no_troop_move(code: Callable[..., Document]) -> None:
    doc = code("Students protested the decision of sending troops to Iraq.")
    assert [e.event_type for e in doc.events] == ["PROTEST"]


def test_a_protest_told_as_its_purpose_is_one_event(code: Callable[..., Document]) -> None:
    doc = code("Refugees began a hunger strike in protest of the government's refusal to talk.")
    assert [e.trigger.text for e in doc.events if e.trigger] == ["strike"]


def test_the_same_dyad_on_another_date_is_another_event(code: Callable[..., Document]) -> None:
    doc = code("Russia attacked Ukraine in 2014. Russia attacked Ukraine again in 2022.")
    assert [e.date.value for e in doc.events] == ["2014-01-01", "2022-01-01"]


def test_quotes_link_their_events_and_lend_their_speaker(code: Callable[..., Document]) -> None:
    doc = code('Defence Minister Ali Hassan said on Monday: "We will not withdraw our troops '
               'from the border." Hassan also denied that soldiers had attacked the village.')
    by_trigger = {e.trigger.text: e for e in doc.events if e.trigger}
    refusal = by_trigger["withdraw"]  # a withdrawal announced as not happening: REJECT
    assert refusal.event_type == "REJECT"
    assert _names(doc, refusal.actors) == ["Ali Hassan"]
    quote = next(q for q in doc.quotes if q.direct)
    assert refusal.id in quote.events


@pytest.mark.parametrize(
    ("text", "trigger", "recipients"),
    [
        # the kind of aid is no party; whom it is for is
        ("Washington cut military aid to Egypt.", "cut", ["Egypt"]),
        ("The United States suspended part of a military aid program for Bosnia.", "suspended",
         ["Bosnia"]),
        # a name before the goods is a party ("RSF drones"), not their kind
        ("RSF drones hit Port Sudan's airport for the first time, damaging fuel depots.", "hit",
         ["Port Sudan's"]),
        # the other side of a tie is not the one acted on
        ("Hezbollah guerrillas killed the deputy chief of Israel's militia ally in southern "
         "Lebanon.", "killed", ["militia"]),
    ],
)
def test_a_phrase_names_its_party_not_its_kind_or_tie(
    code: Callable[..., Document], text: str, trigger: str, recipients: list[str]
) -> None:
    doc = code(text)
    event = next(e for e in doc.events if e.trigger and e.trigger.text == trigger)
    assert _names(doc, event.recipients) == recipients


def test_a_name_before_the_goods_is_still_the_party(code: Callable[..., Document]) -> None:
    doc = code("RSF drones hit Port Sudan's airport for the first time, damaging fuel depots.")
    event = next(e for e in doc.events if e.trigger and e.trigger.text == "hit")
    assert _names(doc, event.actors) == ["Rapid Support Forces"]
