"""The trained trigger classifier: the packaged artefact, its probabilities, training, errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from eventwire.classify import model as model_module
from eventwire.classify.model import EventModel, Verdict, load_event_model
from eventwire.classify.train import Example, build_instances, train
from eventwire.errors import ModelNotAvailable
from eventwire.model import Document
from eventwire.ontology import EVENT_TYPES
from eventwire.stages.events import EventsStage
from eventwire.stages.nlp import load_spacy

# One sentence of our own per PLOVER type, with its trigger word.
BY_TYPE = [
    ("Ghana and Togo agreed to reopen their shared border crossing at Aflao.", "agreed", "AGREE"),
    ("The Turkish foreign minister met his Iraqi counterpart in Baghdad.", "met", "CONSULT"),
    ("Norway praised the peace deal signed by the two parties in Doha.", "praised", "SUPPORT"),
    (
        "The junta promised to free all political prisoners by the end of the year.",
        "promised",
        "CONCEDE",
    ),
    (
        "Police from Kenya and Uganda carried out joint patrols along the border.",
        "patrols",
        "COOPERATE",
    ),
    ("Japan donated 20 ambulances to the health ministry of Laos.", "donated", "AID"),
    ("The rebels released eight hostages on Sunday.", "released", "RETREAT"),
    ("The UN urged both sides to return to talks.", "urged", "REQUEST"),
    ("The government condemned the attack on the embassy.", "condemned", "ACCUSE"),
    ("The opposition rejected the proposal for a unity government.", "rejected", "REJECT"),
    ("The army threatened to retaliate against any incursion.", "threatened", "THREATEN"),
    ("Thousands of teachers marched through Nairobi to demand higher pay.", "marched", "PROTEST"),
    ("Russia expelled four British diplomats on Tuesday.", "expelled", "SANCTION"),
    ("Kenya deployed 400 police officers to Haiti.", "deployed", "MOBILIZE"),
    ("Police arrested twelve opposition activists in Harare on Monday.", "arrested", "COERCE"),
    ("Gunmen attacked a village in Zamfara state, killing nine people.", "attacked", "ASSAULT"),
]

# A few of our own sentences, enough to train a small model twice.
SLICE = [
    Example(
        "Police arrested twelve activists in Harare.",
        ({"type": "COERCE", "mode": "arrest", "trigger": "arrested"},),
        "test:1",
    ),
    Example(
        "The two presidents spoke by phone on Wednesday.",
        ({"type": "CONSULT", "mode": "phone", "trigger": "spoke"},),
        "test:2",
    ),
    Example("Kenya's economy grew by five percent last year.", (), "test:3"),
    Example(
        "Rebels shelled the airport overnight.",
        ({"type": "ASSAULT", "mode": None, "trigger": "shelled"},),
        "test:4",
    ),
    Example("The striker signed a new contract with the club.", (), "test:5"),
    Example(
        "Mali expelled the French ambassador.",
        ({"type": "SANCTION", "mode": "expel", "trigger": "expelled"},),
        "test:6",
    ),
]


@pytest.fixture(scope="module")
def event_model() -> EventModel:
    return load_event_model()


def _verdict(event_model: EventModel, text: str, word: str) -> Verdict:
    """The model's verdict on one word, as the events stage asks for it."""
    sp = load_spacy()(text)
    tok = next(t for t in sp if t.text == word)
    found, _ = EventsStage(use_model=False)._matches(tok.sent)
    match = next((c for c in found if c.tok.i == tok.i), None)
    if match is None:
        return event_model.propose([tok])[0]
    return event_model.judge([(tok, match.trigger, match.kind)])[0]


def test_one_sentence_per_type_covers_the_ontology() -> None:
    assert sorted(t for _, _, t in BY_TYPE) == sorted(EVENT_TYPES)


@pytest.mark.parametrize(("text", "word", "event_type"), BY_TYPE)
def test_packaged_model_codes_our_sentences(
    event_model: EventModel, text: str, word: str, event_type: str
) -> None:
    verdict = _verdict(event_model, text, word)
    assert verdict.keep
    assert verdict.event_type == event_type
    assert 0.0 <= verdict.confidence <= 1.0


def test_probabilities_sum_to_one(event_model: EventModel) -> None:
    sp = load_spacy()(" ".join(text for text, _, _ in BY_TYPE[:4]))
    feats = [event_model.features_of(t, None, None, None) for t in sp if t.pos_ == "VERB"]
    for calibrated in (True, False):
        probs = event_model.probabilities(event_model.rows(feats), calibrated=calibrated)
        assert probs.shape == (len(feats), len(event_model.classes))
        assert np.allclose(probs.sum(axis=1), 1.0)
        assert ((probs >= 0) & (probs <= 1)).all()


def test_confidence_follows_the_evidence(code: Callable[..., Document]) -> None:
    strong = code("Israeli aircraft bombed targets in Rafah overnight.")
    weak = code("The team hit the targets it set for the season.")
    sure = [e.confidence for e in strong.events if e.event_type == "ASSAULT"]
    unsure = [e.confidence for e in weak.events] or [0.0]
    assert sure and all(0.0 <= c <= 1.0 for c in sure + unsure)
    assert max(sure) > max(unsure) + 0.3


def test_confident_none_is_dropped(code: Callable[..., Document]) -> None:
    # The lexicon reads the noun "March" as a protest march.
    doc = code("Fans flooded the stadium for the cup final in March.")
    assert doc.events == []
    assert [e.event_type for e in EventsStage(use_model=False)(doc).events] == ["PROTEST"]


def test_sure_lexicon_verb_is_kept_however_unlikely(code: Callable[..., Document]) -> None:
    # Our sentences seldom label "killed" (it tells the toll of another event), so the model
    # doubts it; the lexicon's one reading of the verb stands, and the dates stage marks history.
    doc = code("Hutu extremists killed some 800,000 people in Rwanda in 1994.")
    assert [e.event_type for e in doc.events] == ["ASSAULT"]


def test_training_is_deterministic() -> None:
    instances = build_instances(SLICE)
    first, second = train(instances, l2=1e-3), train(instances, l2=1e-3)
    assert first.features == second.features
    assert np.array_equal(first.weights, second.weights)
    assert np.array_equal(first.mode_weights, second.mode_weights)


def test_saved_model_predicts_as_trained(tmp_path: Path) -> None:
    model = train(build_instances(SLICE), l2=1e-3, temperature=1.5)
    path = tmp_path / "event_model.npz"
    model.save(path)
    loaded = EventModel.load(path)
    rows = loaded.rows([["l=arrest", "r=COERCE"], ["l=grow"]])
    assert loaded.temperature == 1.5
    assert np.allclose(loaded.probabilities(rows), model.probabilities(rows), atol=1e-5)


@pytest.mark.parametrize(
    "content",
    [None, b"", b"not a zip archive", b"PK\x03\x04 truncated"],
    ids=["missing", "empty", "garbage", "truncated"],
)
def test_bad_artefact_names_make_model(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "event_model.npz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ModelNotAvailable, match="make model"):
        EventModel.load(path)


def test_artefact_of_another_shape_names_make_model(tmp_path: Path) -> None:
    path = tmp_path / "event_model.npz"
    model = train(build_instances(SLICE), l2=1e-3)
    model.weights = model.weights[:, :3]
    model.save(path)
    with pytest.raises(ModelNotAvailable, match="make model"):
        EventModel.load(path)


def test_stage_without_artefact_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_module, "default_model_path", lambda: tmp_path / "gone.npz")
    load_event_model.cache_clear()
    try:
        with pytest.raises(ModelNotAvailable, match="make model"):
            EventsStage()
        assert EventsStage(use_model=False).model is None
    finally:
        load_event_model.cache_clear()
