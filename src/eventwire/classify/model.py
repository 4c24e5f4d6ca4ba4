"""The trained trigger classifier at run time: load the artefact, score candidates, judge them."""

from __future__ import annotations

import bisect
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import ModelNotAvailable
from ..ontology import EVENT_TYPES
from ..resources.lexicons import Trigger
from .features import (
    ALL_GROUPS,
    LexiconTypes,
    cued_lemmas,
    is_instance,
    lexicon_types,
    sentence_features,
    token_features,
)
from .softmax import Rows, logits, softmax

__all__ = ["NONE", "EventModel", "Verdict", "default_model_path", "load_event_model"]

NONE = "NONE"
BIAS = "bias"
FORMAT = 1
_HINT = "run `make model` in the eventwire repository to train it from data/training"

# How sure the model must be before it overrules the lexicon. Chosen on the training corpus with
# out-of-fold models (`make model` prints the stage scores): among settings within 0.005 of the
# best sentence-level F1, the one with the highest accuracy@any. The surface is flat there: drop
# 0.6-0.9, override 0.5-0.7 and add 0.3 all score F1 0.70, accuracy@any 0.75-0.77.
DROP_AT = 0.9  # P(NONE) from which a lexicon candidate is dropped
OVERRIDE_AT = 0.5  # P(another type) from which an ambiguous trigger takes that type
ADD_AT = 0.3  # P(type), the top class, from which a word the lexicon missed becomes a candidate
# Lexicon readings whose type the events stage settles by who acts (recode_by_actor: a blockade
# by the state coerces, by workers or farmers protests), with the types it chooses between. The
# training sentences hardly show the state blocking roads, so the model keeps out of it.
ACTOR_DECIDED: dict[tuple[str, str | None], tuple[str, ...]] = {
    ("COERCE", "restrict"): ("COERCE", "PROTEST"),
}
# How the events stage matched a candidate; other kinds come from structural rules.
LEXICON_KINDS = frozenset({"verb+cue", "verb", "noun"})


@dataclass(frozen=True)
class Verdict:
    """What the model makes of one candidate: keep it or not, its type, mode and confidence."""

    keep: bool
    event_type: str
    mode: str | None
    confidence: float  # P(event_type), calibrated


_NO_EVENT = Verdict(False, NONE, None, 0.0)


@dataclass
class EventModel:
    """Type and mode weights over named features, with the temperature that calibrates them."""

    features: list[str]
    classes: list[str]  # NONE and the 16 PLOVER types
    weights: NDArray[np.float64]  # (features, classes)
    modes: list[str]  # "TYPE:mode", "TYPE:" for no mode
    mode_weights: NDArray[np.float64]  # (features, modes)
    temperature: float
    groups: tuple[str, ...]
    info: dict[str, Any] = field(default_factory=dict)
    drop_at: float = DROP_AT
    override_at: float = OVERRIDE_AT
    add_at: float = ADD_AT

    def __post_init__(self) -> None:
        self.index = {f: i for i, f in enumerate(self.features)}
        self.class_index = {c: i for i, c in enumerate(self.classes)}
        self.none = self.class_index[NONE]
        self.mode_columns: dict[str, list[int]] = {}
        for i, m in enumerate(self.modes):
            self.mode_columns.setdefault(m.split(":")[0], []).append(i)
        self.lexicon: LexiconTypes = lexicon_types()
        self.cued = cued_lemmas()

    # --- scoring ---------------------------------------------------------------------------

    def rows(self, feature_lists: Sequence[Sequence[str]]) -> Rows:
        """Feature ids per row; features unseen in training are left out, the bias kept."""
        return Rows.from_lists([[0, *_known(self.index, feats)] for feats in feature_lists])

    def probabilities(self, rows: Rows, *, calibrated: bool = True) -> NDArray[np.float64]:
        """(rows, classes) probabilities; calibrated ones are divided by the temperature."""
        z = logits(rows, self.weights)
        return softmax(z / self.temperature if calibrated else z)

    def best_modes(self, rows: Rows, types: Sequence[str]) -> list[str | None]:
        """The likeliest mode of each row's type (None when "no mode" wins)."""
        if not types:
            return []
        z = logits(rows, self.mode_weights)
        out: list[str | None] = []
        for scores, event_type in zip(z, types, strict=True):
            cols = self.mode_columns.get(event_type)
            if not cols:
                out.append(None)
                continue
            best = self.modes[max(cols, key=lambda i: scores[i])].split(":")[1]
            out.append(best or None)
        return out

    def features_of(
        self, tok: Any, rule: Trigger | None, kind: str | None, sentence: list[str] | None
    ) -> list[str]:
        return token_features(tok, rule, kind, self.lexicon, self.groups, sentence)

    # --- judging the lexicon's candidates -----------------------------------------------------

    def review(
        self, candidates: Sequence[tuple[Any, Trigger, str]], unmatched: Sequence[Any]
    ) -> tuple[list[Verdict], list[Verdict]]:
        """Verdicts on a document's lexicon candidates and on the words the lexicon missed.

        One pass of feature extraction and one matrix product for the whole document.
        """
        scored = [n for n, tok in enumerate(unmatched) if is_instance(tok, self.lexicon)]
        items: list[tuple[Any, Trigger | None, str | None]] = list(candidates)
        items += [(unmatched[n], None, None) for n in scored]
        if not items:
            return [], [_NO_EVENT] * len(unmatched)
        rows = self._rows_for(items)
        probs = self.probabilities(rows)
        k = len(candidates)
        judged = self._judge(candidates, rows.take(range(k)), probs[:k])
        proposed = self._propose(len(unmatched), scored, rows.take(range(k, len(items))), probs[k:])
        return judged, proposed

    def judge(self, candidates: Sequence[tuple[Any, Trigger, str]]) -> list[Verdict]:
        """Confirm, correct or drop each (token, lexicon trigger, match kind)."""
        return self.review(candidates, [])[0]

    def propose(self, tokens: Sequence[Any]) -> list[Verdict]:
        """Verdicts on words the lexicon did not match (see ``_propose``)."""
        return self.review([], tokens)[1]

    def _judge(
        self,
        candidates: Sequence[tuple[Any, Trigger, str]],
        rows: Rows,
        probs: NDArray[np.float64],
    ) -> list[Verdict]:
        """The lexicon stays in charge unless the model is sure.

        Only a doubtful reading (see ``_doubtful``) is overruled: it is marked for dropping
        when the model is confident it is no event, and takes the model's type when the model
        is confident of another one. The confidence is the calibrated probability of the type.
        """
        best = probs.argmax(axis=1) if len(probs) else np.zeros(0, dtype=np.int64)
        verdicts: list[Verdict] = []
        overridden: list[int] = []
        for n, (_, rule, kind) in enumerate(candidates):
            p = probs[n]
            event_type, mode = rule.event_type, rule.mode
            top = self.classes[best[n]]
            if kind not in LEXICON_KINDS:
                # A structural rule's candidate ("X said Y must …" is a demand by X): the
                # training sentences do not label it on this word, so the model cannot judge it.
                verdicts.append(
                    Verdict(True, event_type, mode, float(p[self.class_index[event_type]]))
                )
                continue
            doubtful = self._doubtful(rule, kind)
            if p[self.none] >= self.drop_at and doubtful:
                confidence = float(p[self.class_index[event_type]])
                verdicts.append(Verdict(False, event_type, mode, confidence))
                continue
            settled_by_actor = ACTOR_DECIDED.get((event_type, mode))
            if settled_by_actor:
                confidence = float(sum(p[self.class_index[t]] for t in settled_by_actor))
                verdicts.append(Verdict(True, event_type, mode, confidence))
                continue
            if top not in (NONE, event_type) and doubtful and p[best[n]] >= self.override_at:
                event_type, mode = top, None
                overridden.append(n)
            confidence = float(p[self.class_index[event_type]])
            verdicts.append(Verdict(True, event_type, mode, confidence))
        types = [verdicts[n].event_type for n in overridden]
        for n, mode in zip(overridden, self.best_modes(rows.take(overridden), types), strict=True):
            v = verdicts[n]
            verdicts[n] = Verdict(v.keep, v.event_type, mode, v.confidence)
        return verdicts

    def _doubtful(self, rule: Trigger, kind: str) -> bool:
        """A lexicon reading the model may overrule: a noun, or a verb matched without a cue
        whose lemma the lexicon lists under several types or with cued readings ("strike").

        A reading the lexicon chose by its cue ("cut" + "supplies") is specific, and a verb it
        gives one sure reading ("kill", "arrest") stays an event whatever the model thinks: our
        sentences leave such words unlabelled when they only tell the toll of another event
        ("clashes killed 12"), which is no reason to drop them.
        """
        key = (rule.lemma, rule.pos)
        if kind == "noun":
            return True
        return kind == "verb" and (len(self.lexicon.get(key, ())) > 1 or key in self.cued)

    def _propose(
        self, n_tokens: int, scored: list[int], rows: Rows, probs: NDArray[np.float64]
    ) -> list[Verdict]:
        """Take a word the lexicon did not match as a candidate when the model's likeliest class
        for it is an event type (with at least ``add_at``).

        Only verbs, and nouns whose lemma the lexicon lists (matched there only with a cue it
        lacks here), are scored; the mode is the mode model's pick for the proposed type.
        """
        verdicts = [_NO_EVENT] * n_tokens
        if not scored:
            return verdicts
        best = probs.argmax(axis=1)
        top = probs[np.arange(len(scored)), best]
        chosen = [k for k in range(len(scored)) if best[k] != self.none and top[k] >= self.add_at]
        types = [self.classes[best[k]] for k in chosen]
        modes = self.best_modes(rows.take(chosen), types)
        for k, event_type, mode in zip(chosen, types, modes, strict=True):
            verdicts[scored[k]] = Verdict(True, event_type, mode, float(top[k]))
        return verdicts

    def _rows_for(self, items: Sequence[tuple[Any, Trigger | None, str | None]]) -> Rows:
        """Feature ids of each item; a sentence's own features are looked up once for all."""
        index = self.index
        with_sentence = "sentence" in self.groups
        starts: dict[int, list[int]] = {}  # id(doc) -> sentence start tokens
        sentence_ids: dict[tuple[int, int], list[int]] = {}
        rows: list[list[int]] = []
        for tok, rule, kind in items:
            ids = [0, *_known(index, self.features_of(tok, rule, kind, None))]
            if with_sentence:
                doc = tok.doc
                if id(doc) not in starts:
                    starts[id(doc)] = [sent.start for sent in doc.sents]
                key = (id(doc), bisect.bisect_right(starts[id(doc)], tok.i))
                if key not in sentence_ids:
                    sentence_ids[key] = _known(index, sentence_features(tok.sent))
                ids += sentence_ids[key]
            rows.append(ids)
        return Rows.from_lists(rows)

    # --- the artefact ------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the artefact (.npz); weights as float32, which is plenty for a linear model."""
        meta = {
            "format": FORMAT,
            "classes": self.classes,
            "modes": self.modes,
            "temperature": self.temperature,
            "groups": list(self.groups),
            "info": self.info,
        }
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                features=np.array(self.features, dtype=np.str_),
                weights=self.weights.astype(np.float32),
                mode_weights=self.mode_weights.astype(np.float32),
                meta=np.array(json.dumps(meta, sort_keys=True)),
            )

    @classmethod
    def load(cls, path: Path | Any) -> EventModel:
        """Read an artefact; anything missing or malformed raises ModelNotAvailable."""
        try:
            with path.open("rb") as fh, np.load(fh, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                features = [str(f) for f in data["features"]]
                weights = data["weights"].astype(np.float64)
                mode_weights = data["mode_weights"].astype(np.float64)
        except FileNotFoundError as exc:
            raise ModelNotAvailable(f"the event model {path} is missing; {_HINT}") from exc
        except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            raise ModelNotAvailable(
                f"the event model {path} is unreadable ({type(exc).__name__}: {exc}); {_HINT}"
            ) from exc
        problems = _check(meta, features, weights, mode_weights)
        if problems:
            raise ModelNotAvailable(f"the event model {path} is unusable ({problems}); {_HINT}")
        return cls(
            features=features,
            classes=list(meta["classes"]),
            weights=weights,
            modes=list(meta["modes"]),
            mode_weights=mode_weights,
            temperature=float(meta["temperature"]),
            groups=tuple(meta["groups"]),
            info=dict(meta.get("info", {})),
        )


def _known(index: dict[str, int], feats: Sequence[str]) -> list[int]:
    return [i for i in map(index.get, feats) if i is not None]


def _check(
    meta: Any, features: list[str], weights: NDArray[Any], mode_weights: NDArray[Any]
) -> str:
    """What is wrong with a loaded artefact, or "" when it fits this code."""
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        found = meta.get("format") if isinstance(meta, dict) else None
        return f"artefact format {found!r}, this code reads format {FORMAT}"
    if not set(meta.get("groups", [None])) <= set(ALL_GROUPS) or "temperature" not in meta:
        return "unknown feature groups or no temperature"
    classes = meta.get("classes", [])
    if sorted(classes) != sorted([NONE, *EVENT_TYPES]):
        return "its classes are not NONE and the 16 PLOVER types"
    if not features or features[0] != BIAS:
        return "its first feature is not the bias"
    if weights.shape != (len(features), len(classes)):
        return f"weights of shape {weights.shape} for {len(features)} features"
    if mode_weights.shape != (len(features), len(meta.get("modes", []))):
        return f"mode weights of shape {mode_weights.shape}"
    if not np.isfinite(weights).all() or not float(meta.get("temperature", 0)) > 0:
        return "non-finite weights or a temperature that is not positive"
    return ""


def default_model_path() -> Any:
    return files("eventwire.resources").joinpath("event_model.npz")


@cache
def load_event_model() -> EventModel:
    """The packaged event model, loaded once per process."""
    return EventModel.load(default_model_path())
