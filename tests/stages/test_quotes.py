"""Tests of the quotes stage on sentences written for these tests (no outlet's text)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from eventwire.errors import StageOrderError
from eventwire.model import Actor, Article, Document, Entity, Span
from eventwire.pipeline import STAGES
from eventwire.stages.nlp import NlpStage
from eventwire.stages.quote_rules import find_quoted_spans, sentence_break_within
from eventwire.stages.quotes import QuotesStage

# (quote text, direct, cue, speaker text or None, speaker actor_id)
Expected = tuple[str, bool, str | None, str | None, str | None]


def act(
    actor_id: str, *phrases: str, title: str | None = None, country: str | None = None
) -> Actor:
    """An actor whose mentions are ``phrases``; their spans are filled in by ``code``."""
    mentions = [Span(start=-1, end=-1, text=p) for p in phrases]
    return Actor(id=actor_id, name=phrases[0], title=title, country=country, mentions=mentions)


@pytest.fixture(scope="module")
def nlp() -> NlpStage:
    return NlpStage()


def code(nlp: NlpStage, text: str, actors: Sequence[Actor] = ()) -> Document:
    """Parse ``text``, attach the actors (mentions at first occurrences), run the stage."""
    doc = nlp(Document.from_article(Article(id="t", text=text)))
    doc.actors = [
        a.model_copy(update={"mentions": [_mention(text, m.text) for m in a.mentions]})
        for a in actors
    ]
    return QuotesStage()(doc)


def _mention(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase), text=phrase)


def summary(doc: Document) -> list[Expected]:
    return [
        (
            q.text,
            q.direct,
            q.cue,
            q.speaker.text if q.speaker else None,
            q.speaker.actor_id if q.speaker else None,
        )
        for q in doc.quotes
    ]


DIRECT = [
    pytest.param(
        '"We will keep the crossing open for aid convoys," the governor said.',
        [act("a1", "the governor", title="governor")],
        [("We will keep the crossing open for aid convoys,", True, "say", "the governor", "a1")],
        id="straight-attribution-after",
    ),
    pytest.param(
        "The commander told reporters: “Our units have pulled back from the river.”",
        [],
        [("Our units have pulled back from the river.", True, "tell", "The commander", None)],
        id="curly-attribution-before",
    ),
    pytest.param(
        "“The talks have stalled,” said the envoy.",
        [act("a1", "the envoy")],
        [("The talks have stalled,", True, "say", "the envoy", "a1")],
        id="said-the-envoy-inversion",
    ),
    pytest.param(
        '"We will not bow to pressure," said Tarek Bensalah, Tunisia\'s trade minister.',
        [act("a1", "Tarek Bensalah"), act("a2", "Tunisia", country="TUN")],
        [("We will not bow to pressure,", True, "say", "Tarek Bensalah", "a1")],
        id="inversion-apposition-cut",
    ),
    pytest.param(
        '"We will not yield," the minister said, "whatever the junta decides."',
        [],
        [
            (
                'We will not yield," the minister said, "whatever the junta decides.',
                True,
                "say",
                "the minister",
                None,
            )
        ],
        id="split-straight",
    ),
    pytest.param(
        "“We will not yield,” the minister said, “whatever the junta decides.”",
        [],
        [
            (
                "We will not yield,” the minister said, “whatever the junta decides.",
                True,
                "say",
                "the minister",
                None,
            )
        ],
        id="split-curly",
    ),
    pytest.param(
        "“We will not yield,” she said. “Whatever happens, we stay.”",
        [],
        [("We will not yield,” she said. “Whatever happens, we stay.", True, "say", "she", None)],
        id="split-over-two-sentences",
    ),
    pytest.param(
        '"The convoy will leave at dawn," said Lt. Col. Musa Diallo, "if the road is clear."',
        [act("a1", "Musa Diallo")],
        [
            (
                'The convoy will leave at dawn," said Lt. Col. Musa Diallo, "if the road is clear.',
                True,
                "say",
                "Lt. Col. Musa Diallo",
                "a1",
            )
        ],
        id="split-abbreviated-title",
    ),
    pytest.param(
        '"We need more tents," the mayor said. Aid workers called it "a crisis that nobody '
        'planned for".',
        [],
        [
            ("We need more tents,", True, "say", "the mayor", None),
            # "called it “…”" gives the phrase as the aid workers' words.
            ("a crisis that nobody planned for", True, "call", "Aid workers", None),
        ],
        id="two-quotes-not-merged-across-a-sentence",
    ),
    pytest.param(
        '"The convoy was stopped at dawn. Nobody was hurt," a police spokeswoman said.',
        [],
        [
            (
                "The convoy was stopped at dawn. Nobody was hurt,",
                True,
                "say",
                "a police spokeswoman",
                None,
            )
        ],
        id="multi-sentence",
    ),
    pytest.param(
        "The mayor spoke after the vote.\n\n“We have asked for more tents.\n\n"
        "“The camp cannot hold another thousand people,” she said.",
        [],
        [
            (
                "We have asked for more tents.\n\n“The camp cannot hold another thousand people,",
                True,
                "say",
                "she",
                None,
            )
        ],
        id="multi-paragraph",
    ),
    pytest.param(
        "'We will not hand over the president,' Niger's junta said in a statement.",
        [act("a1", "Niger's junta")],
        [("We will not hand over the president,", True, "say", "Niger's junta", "a1")],
        id="single-quote-marks",
    ),
    pytest.param(
        "The envoy said the talks were 'moving in the right direction', while Niger's "
        "junta stayed silent.",
        [],
        [("moving in the right direction", True, "say", "The envoy", None)],
        id="single-quoted-inside-reported-speech",
    ),
    pytest.param(
        "“We will not yield.” The minister said talks had failed.",
        [],
        [
            ("We will not yield.", True, None, None, None),
            ("talks had failed", False, "say", "The minister", None),
        ],
        id="nearby-cue-with-its-own-clause-is-not-the-attribution",
    ),
    pytest.param(
        '"We will not yield," he said, adding that the army was ready.',
        [],
        [
            ("We will not yield,", True, "say", "he", None),
            ("the army was ready", False, "add", "he", None),
        ],
        id="direct-then-adding-that",
    ),
    pytest.param(
        'The minister added: "We have deployed troops to the border."',
        [],
        [("We have deployed troops to the border.", True, "add", "The minister", None)],
        id="other-cue-verb",
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), DIRECT)
def test_direct_quotes(
    nlp: NlpStage, text: str, actors: list[Actor], expected: list[Expected]
) -> None:
    assert summary(code(nlp, text, actors)) == expected


REPORTED = [
    pytest.param(
        "Libya's Foreign Minister Hamid Sula told reporters that the border would stay closed.",
        [
            act("a1", "Libya's Foreign Minister Hamid Sula", title="Foreign Minister"),
            act("a2", "Libya", country="LBY"),
        ],
        [
            (
                "the border would stay closed",
                False,
                "tell",
                "Libya's Foreign Minister Hamid Sula",
                "a1",
            )
        ],
        id="told-reporters-that",
    ),
    pytest.param(
        "The army said it had repelled an attack near the border.",
        [act("a1", "The army")],
        [("it had repelled an attack near the border", False, "say", "The army", "a1")],
        id="said-without-that",
    ),
    pytest.param(
        "The border will stay closed, the minister said.",
        [],
        [("The border will stay closed", False, "say", "the minister", None)],
        id="clause-before-cue",
    ),
    pytest.param(
        "According to a senior diplomat, the bloc will meet again on Thursday.",
        [],
        [
            (
                "the bloc will meet again on Thursday",
                False,
                "according to",
                "a senior diplomat",
                None,
            )
        ],
        id="according-to-first",
    ),
    pytest.param(
        "The bloc will meet again on Thursday, according to a senior diplomat.",
        [],
        [
            (
                "The bloc will meet again on Thursday",
                False,
                "according to",
                "a senior diplomat",
                None,
            )
        ],
        id="according-to-last",
    ),
    pytest.param(
        "Rain fell all week.\n\nAccording to a senior diplomat, the bloc will meet on Thursday.",
        [],
        [("the bloc will meet on Thursday", False, "according to", "a senior diplomat", None)],
        id="according-to-opening-a-paragraph",
    ),
    pytest.param(
        "In a statement, the ministry said the crossing would reopen at noon.",
        [act("a1", "the ministry")],
        [("the crossing would reopen at noon", False, "say", "the ministry", "a1")],
        id="in-a-statement-first",
    ),
    pytest.param(
        "The ministry said in a statement that the crossing would reopen at noon.",
        [act("a1", "The ministry")],
        [("the crossing would reopen at noon", False, "say", "The ministry", "a1")],
        id="said-in-a-statement-that",
    ),
    pytest.param(
        "The rebels denied that they had shelled the town.",
        [],
        [("they had shelled the town", False, "deny", "The rebels", None)],
        id="denied-that",
    ),
    pytest.param(
        "The rebels warned on Sunday that they would attack the capital.",
        [],
        [("they would attack the capital", False, "warn", "The rebels", None)],
        id="warned-that",
    ),
    pytest.param(
        "The junta vowed to restore constitutional order.",
        [],
        [("restore constitutional order", False, "vow", "The junta", None)],
        id="vowed-to",
    ),
    pytest.param(
        "The army has been deployed, he said, adding that the talks had failed.",
        [],
        [
            ("The army has been deployed", False, "say", "he", None),
            ("the talks had failed", False, "add", "he", None),
        ],
        id="adding-takes-the-subject-of-said",
    ),
    pytest.param(
        "The junta, via the UN Security Council, said the sanctions were illegal.",
        [act("a1", "The junta"), act("a2", "the UN Security Council")],
        [("the sanctions were illegal", False, "say", "The junta", "a1")],
        id="channel-is-not-the-speaker",
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), REPORTED)
def test_reported_speech(
    nlp: NlpStage, text: str, actors: list[Actor], expected: list[Expected]
) -> None:
    assert summary(code(nlp, text, actors)) == expected


NOT_QUOTES = [
    pytest.param("Heavy rain flooded the market in Maradi on Tuesday.", id="no-speech"),
    pytest.param(
        'The ministry called the march a "provocation" and criticised the so-called '
        '"peace committee".',
        id="scare-quotes",
    ),
    pytest.param('Troops sealed the "red zone around the palace".', id="quoted-phrase-no-verb"),
    pytest.param('The firm tested "self-driving cars" near the border.', id="participle-modifier"),
    pytest.param(
        "Niger's generals rejected the bloc's demands and the protesters' petition.",
        id="apostrophes",
    ),
    pytest.param("The bloc urged the junta to release the president.", id="urge-is-an-event"),
    pytest.param("The junta accused France of plotting an attack.", id="accuse-is-an-event"),
    pytest.param("He did not say that the border would close.", id="negated-cue"),
    pytest.param("According to the plan, the troops will leave next week.", id="according-to-plan"),
    pytest.param(
        'The attack was claimed by a group that calls itself "the Army of the Free South".',
        id="name-given-by-calls-itself",
    ),
    pytest.param(
        "Crowds sang “Where Are You, My Homeland” and read “The Men Who Sold the Revolution”.",
        id="titles",
    ),
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_quotes(nlp: NlpStage, text: str) -> None:
    assert code(nlp, text).quotes == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('The spokesman said that "the airport will reopen on Friday."', "say"),
        ("The spokesman said: “The airport will reopen on Friday.”", "say"),
    ],
)
def test_direct_quote_with_cue_is_reported_once(nlp: NlpStage, text: str, cue: str) -> None:
    quotes = code(nlp, text).quotes
    assert [(q.direct, q.cue, q.text.lower()) for q in quotes] == [
        (True, cue, "the airport will reopen on friday.")
    ]


def test_quote_only_paragraph_takes_the_previous_speaker(nlp: NlpStage) -> None:
    text = (
        "“The river crossing is closed,” the colonel said.\n\n"
        "“We expect it to reopen once the water falls.”"
    )
    doc = code(nlp, text, [act("a1", "the colonel", title="colonel")])
    assert summary(doc) == [
        ("The river crossing is closed,", True, "say", "the colonel", "a1"),
        ("We expect it to reopen once the water falls.", True, None, "the colonel", "a1"),
    ]


def test_quote_given_by_a_naming_verb_takes_its_subject_not_an_earlier_cue(
    nlp: NlpStage,
) -> None:
    text = (
        # "said" reports its own clause; the quote is what the president called it.
        "Officials said talks failed and the president called it “a betrayal that we "
        "will never accept”."
    )
    quote = code(nlp, text).quotes[-1]
    assert (quote.text, quote.direct, quote.cue) == (
        "a betrayal that we will never accept",
        True,
        "call",
    )
    assert quote.speaker is not None and quote.speaker.text == "the president"


def test_direct_quote_without_cue_in_a_longer_paragraph_has_no_speaker(nlp: NlpStage) -> None:
    text = "Officials said talks failed. Banners in the square carried “we will never accept this”."
    quote = code(nlp, text).quotes[-1]
    assert (quote.text, quote.speaker) == ("we will never accept this", None)


@pytest.mark.parametrize(
    ("text", "actors", "expected_actor"),
    [
        pytest.param(
            # The country mentioned last is not a person; the PERSON entity before it is.
            "Colonel Idris Kanem flew to Chad on Monday. "
            "“Our soldiers will stay in their barracks,” he said.",
            [act("a1", "Idris Kanem"), act("a2", "Chad", country="TCD")],
            "a1",
            id="person-entity",
        ),
        pytest.param(
            "The interior minister met Mali's envoy. He said that the talks had gone well.",
            [
                act("a1", "The interior minister", title="interior minister"),
                act("a2", "Mali", country="MLI"),
            ],
            "a1",
            id="titled-actor",
        ),
        pytest.param(
            "Officials in Chad said little. “We are watching the border,” she said.",
            [act("a1", "Chad", country="TCD")],
            None,
            id="no-person-actor",
        ),
    ],
)
def test_pronoun_speaker_resolves_to_last_person_actor(
    nlp: NlpStage, text: str, actors: list[Actor], expected_actor: str | None
) -> None:
    quote = code(nlp, text, actors).quotes[-1]
    assert quote.speaker is not None
    assert quote.speaker.text.lower() in ("he", "she")
    assert quote.speaker.actor_id == expected_actor


def test_pronoun_uses_the_mentions_stage_entities_when_present(nlp: NlpStage) -> None:
    # spaCy's small model tags "Amina Toure" ORG and "Mali" PERSON here; the mentions stage's
    # corrected entities decide who is a person.
    text = "Amina Toure met the envoy from Mali on Monday. She said that the talks had gone well."
    doc = nlp(Document.from_article(Article(id="t", text=text)))
    mali = text.index("Mali")
    doc.entities = [
        Entity(id="e1", text="Amina Toure", label="PERSON", start=0, end=11),
        Entity(id="e2", text="Mali", label="GPE", start=mali, end=mali + 4),
    ]
    doc.actors = [
        Actor(id="a1", name="Amina Toure", mentions=[_mention(text, "Amina Toure")]),
        Actor(id="a2", name="Mali", mentions=[_mention(text, "Mali")]),
    ]
    speaker = QuotesStage()(doc).quotes[0].speaker
    assert speaker is not None and (speaker.text, speaker.actor_id) == ("She", "a1")


def test_pronoun_listed_as_a_mention_links_directly(nlp: NlpStage) -> None:
    text = "Idris Kanem met Amina Sow. “Our soldiers will stay in their barracks,” he said."
    pronoun = text.index(" he ") + 1
    doc = nlp(Document.from_article(Article(id="t", text=text)))
    doc.actors = [
        Actor(
            id="a1",
            name="Idris Kanem",
            mentions=[
                _mention(text, "Idris Kanem"),
                Span(start=pronoun, end=pronoun + 2, text="he"),
            ],
        ),
        Actor(id="a2", name="Amina Sow", mentions=[_mention(text, "Amina Sow")]),
    ]
    speaker = QuotesStage()(doc).quotes[0].speaker
    assert speaker is not None and speaker.actor_id == "a1"


def test_speaker_links_to_the_actor_with_the_largest_overlap(nlp: NlpStage) -> None:
    text = "Libya's Foreign Minister Hamid Sula said the border would stay closed."
    actors = [act("a2", "Libya", country="LBY"), act("a1", "Foreign Minister Hamid Sula")]
    doc = code(nlp, text, actors)
    speaker = doc.quotes[0].speaker
    assert speaker is not None
    assert (speaker.text, speaker.actor_id) == ("Libya's Foreign Minister Hamid Sula", "a1")


def test_ids_offsets_and_order(nlp: NlpStage) -> None:
    text = (
        "The army said it had repelled an attack near the border.\n\n"
        "“We have lost no soldiers,” a spokesman said.\n\n"
        "The bloc will meet again on Thursday, according to a senior diplomat."
    )
    doc = code(nlp, text)
    assert [q.id for q in doc.quotes] == ["q1", "q2", "q3"]
    assert [q.direct for q in doc.quotes] == [False, True, False]
    for q in doc.quotes:
        assert text[q.start : q.end] == q.text
        assert q.speaker is not None
        assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    assert [q.start for q in doc.quotes] == sorted(q.start for q in doc.quotes)


def test_stage_is_registered_with_its_contract() -> None:
    assert STAGES["quotes"] is QuotesStage
    assert (QuotesStage.name, QuotesStage.requires, QuotesStage.assigns, QuotesStage.version) == (
        "quotes",
        ("actors",),
        ("quotes",),
        "2",
    )


def test_without_a_parse_the_error_names_the_missing_stage() -> None:
    doc = Document.from_article(Article(id="t", text="He said so."))
    with pytest.raises(StageOrderError, match="'nlp'"):
        QuotesStage()(doc)


def _spans(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in find_quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('a "b c" d', [("double", "b c")], id="straight"),
        pytest.param("a “b c” d", [("double", "b c")], id="curly"),
        pytest.param("“a b\n\n“c d” e", [("double", "a b\n\n“c d")], id="continued"),
        pytest.param("“a b\n\nc d” e", [], id="unclosed-not-continued"),
        pytest.param('a 5" pipe', [], id="inch-mark"),
        pytest.param(
            "“He said ‘no way’ twice,” she said",
            [("double", "He said ‘no way’ twice,")],
            id="nested-single-dropped",
        ),
        pytest.param(
            "'He called it \"a farce\",' she said",
            [("single", 'He called it "a farce",')],
            id="nested-double-dropped",
        ),
        pytest.param("the generals' plan in the '90s and Niger's", [], id="apostrophes"),
        pytest.param("“a b. ”“c d” e", [("double", "a b."), ("double", "c d")], id="curly-typed"),
        pytest.param(
            "Niger’s junta said ‘we stay’ today", [("single", "we stay")], id="curly-single"
        ),
    ],
)
def test_find_quoted_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert _spans(text) == expected


def test_quotes_serialise_to_the_contract_shape(nlp: NlpStage) -> None:
    doc = code(nlp, "“The talks have stalled,” said the envoy.")
    quote: dict[str, Any] = doc.to_dict()["quotes"][0]
    # The contract's fields, plus the events the quote reports (added, never renamed).
    assert set(quote) == {"id", "text", "start", "end", "direct", "cue", "speaker", "events"}
    assert set(quote["speaker"]) == {"text", "start", "end", "actor_id"}


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        (" he said. ", False),
        (" said Lt. Col. Musa Diallo, ", False),
        (" she said. The mayor visited a ", True),
        (" he asked? Then ", True),
    ],
)
def test_sentence_break_within(between: str, expected: bool) -> None:
    assert sentence_break_within(between) is expected


SPEAKERS_AND_SPANS = [
    pytest.param(
        "The state police spokesman, Ibrahim Musa, told reporters: “The attackers came on "
        "motorcycles.”",
        [],
        [("The attackers came on motorcycles.", True, "tell", "Ibrahim Musa", None)],
        id="title-then-name",
    ),
    pytest.param(
        "The aid group, Mercy Relief, said the convoy had been turned back.",
        [act("a1", "The aid group"), act("a2", "Mercy Relief")],
        [("the convoy had been turned back", False, "say", "Mercy Relief", "a2")],
        id="apposition-name-linked",
    ),
    pytest.param(
        "A senior official in the regional capital, Bahir Dar, said fighting had spread to six "
        "districts.",
        [],
        [
            (
                "fighting had spread to six districts",
                False,
                "say",
                "A senior official in the regional capital",
                None,
            )
        ],
        id="apposition-after-a-place-is-the-place",
    ),
    pytest.param(
        '"There are villages where not a single house is standing," said a doctor working for '
        "an aid group.",
        [],
        [
            (
                "There are villages where not a single house is standing,",
                True,
                "say",
                "a doctor",
                None,
            )
        ],
        id="inverted-speaker-read-as-a-clause",
    ),
    pytest.param(
        "In Cairo's Shubra district, a shopkeeper, Mahmoud Fathy, said the price of cooking oil "
        "had doubled in a year.",
        [],
        [("the price of cooking oil had doubled in a year", False, "say", "Mahmoud Fathy", None)],
        id="speaker-hung-on-the-place-before",
    ),
    pytest.param(
        "“He was jailed for doing his job. Nothing he said was false,” the lawyer, Samia "
        "Trabelsi, told reporters outside the court.",
        [],
        [
            (
                "He was jailed for doing his job. Nothing he said was false,",
                True,
                "tell",
                "Samia Trabelsi",
                None,
            )
        ],
        id="subject-inside-the-marks",
    ),
    pytest.param(
        "The governments of Mali and Burkina Faso responded with a joint statement warning that "
        "any intervention would be treated as a declaration of war.",
        [],
        [
            (
                "any intervention would be treated as a declaration of war",
                False,
                "warn",
                "The governments of Mali and Burkina Faso",
                None,
            )
        ],
        id="statement-warning-that",
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), SPEAKERS_AND_SPANS)
def test_speakers(nlp: NlpStage, text: str, actors: list[Actor], expected: list[Expected]) -> None:
    assert summary(code(nlp, text, actors)) == expected


CLAUSES = [
    pytest.param(
        "The convoy, the sources said, had been travelling from Kaya to Djibo.",
        [],
        [
            (
                "The convoy, the sources said, had been travelling from Kaya to Djibo",
                False,
                "say",
                "the sources",
                None,
            )
        ],
        id="attribution-inside-the-clause",
    ),
    pytest.param(
        "Rescuers had found no survivors by the afternoon, according to the chief district "
        "officer, Khim Bahadur Thapa.",
        [],
        [
            (
                "Rescuers had found no survivors by the afternoon",
                False,
                "according to",
                "Khim Bahadur Thapa",
                None,
            )
        ],
        id="according-to-then-a-misattached-name",
    ),
    pytest.param(
        "More than 3,800 people have been killed in Lebanon, according to the health ministry, "
        "and about 60,000 Israelis were forced from their homes.",
        [],
        [
            (
                "More than 3,800 people have been killed in Lebanon",
                False,
                "according to",
                "the health ministry",
                None,
            )
        ],
        id="according-to-between-two-clauses",
    ),
    pytest.param(
        "KHARTOUM — Air strikes shook parts of the capital on Wednesday, residents said.",
        [],
        [
            (
                "Air strikes shook parts of the capital on Wednesday",
                False,
                "say",
                "residents",
                None,
            )
        ],
        id="dateline-is-not-content",
    ),
    pytest.param(
        "NEW DELHI, May 7 — India struck nine sites overnight, officials said.",
        [],
        [("India struck nine sites overnight", False, "say", "officials", None)],
        id="dateline-with-a-date",
    ),
    pytest.param(
        'The minister called the deal "a betrayal of everything we fought for".',
        [],
        [("a betrayal of everything we fought for", True, "call", "The minister", None)],
        id="naming-verb-phrase-without-a-verb",
    ),
    pytest.param(
        "Serbia's prime minister denied that Belgrade had moved troops to the border, calling "
        "the reports “a fabrication meant to scare investors”.",
        [],
        [
            (
                "Belgrade had moved troops to the border",
                False,
                "deny",
                "Serbia's prime minister",
                None,
            ),
            (
                "a fabrication meant to scare investors",
                True,
                "call",
                "Serbia's prime minister",
                None,
            ),
        ],
        id="calling-gloss-is-the-speakers",
    ),
    pytest.param(
        "Opposition parties said the speech confirmed their fears that the junta would stay in "
        "power.",
        [],
        [
            (
                "the speech confirmed their fears that the junta would stay in power",
                False,
                "say",
                "Opposition parties",
                None,
            )
        ],
        id="nested-report-by-no-one-is-the-outer-one",
    ),
    pytest.param(
        "According to the ministry, Mangoush told the envoy that Libya respected the vote.",
        [act("a1", "the ministry"), act("a2", "Mangoush")],
        [("Libya respected the vote", False, "tell", "Mangoush", "a2")],
        id="according-to-around-a-speaker-is-the-source",
    ),
    pytest.param(
        "A bill that critics call the “foreign agents law” was passed. The government rejected "
        "what it called 'Moscow's lies about our gas deals'.",
        [],
        [("Moscow's lies about our gas deals", True, "call", "it", None)],
        id="naming-verb-long-phrase-not-a-label",
    ),
    pytest.param(
        "“Where are the houses?”\n\nA police spokeswoman, Resila Onyango, said officers had "
        "acted with restraint.",
        [],
        [
            ("Where are the houses?", True, None, None, None),
            ("officers had acted with restraint", False, "say", "Resila Onyango", None),
        ],
        id="clause-from-another-paragraph-is-not-the-cues",
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), CLAUSES)
def test_clauses(nlp: NlpStage, text: str, actors: list[Actor], expected: list[Expected]) -> None:
    assert summary(code(nlp, text, actors)) == expected


def test_quote_only_paragraph_after_a_paragraph_about_a_person(nlp: NlpStage) -> None:
    text = (
        "Residents said an air strike destroyed two houses.\n\n"
        "Hussein Fakih, a farmer, described the night to a local radio station.\n\n"
        "“We heard the drone first, then the explosion. My children were screaming.”"
    )
    doc = code(nlp, text, [act("a1", "Hussein Fakih", title="farmer")])
    assert summary(doc)[-1] == (
        "We heard the drone first, then the explosion. My children were screaming.",
        True,
        None,
        "Hussein Fakih",
        "a1",
    )
