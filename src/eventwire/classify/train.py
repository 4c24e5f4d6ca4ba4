"""Training the trigger classifier on data/training: instances, cross-validation, the artefact."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import IngestError
from ..ontology import EVENT_TYPES
from ..stages.events import EventsStage
from ..stages.nlp import load_spacy
from .features import (
    DEFAULT_GROUPS,
    is_instance,
    lexicon_types,
    sentence_features,
    token_features,
)
from .model import BIAS, NONE, EventModel
from .softmax import Rows, fit, fit_temperature, logits, softmax

__all__ = [
    "CLASSES",
    "Example",
    "Instance",
    "build_instances",
    "calibration",
    "corpus_counts",
    "cross_validate",
    "example_folds",
    "folds",
    "load_corpus",
    "summarise",
    "train",
]

CLASSES = [NONE, *EVENT_TYPES]
# Measured with 5-fold CV: L2 1e-4 had the best held-out NLL and F1 of 3e-5 / 1e-4 / 3e-4 / 1e-3;
# features seen only once double the artefact (9.7 MB against 4.8 MB) and add nothing.
DEFAULT_L2 = 1e-4
DEFAULT_MIN_COUNT = 2
SEED = 13
_FLAGS = ("negated", "hypothetical", "future", "reported")


@dataclass(frozen=True)
class Example:
    """One training sentence and its events, as written in data/training/*.jsonl."""

    text: str
    events: tuple[dict[str, Any], ...]
    where: str  # file:line


@dataclass(frozen=True)
class Instance:
    """One word of a training sentence: its features, gold type and mode, and the rule's pick."""

    example: int
    token: int
    features: tuple[str, ...]
    label: str  # NONE or a PLOVER type
    mode: str  # "TYPE:mode" ("TYPE:" without a mode); "" for NONE
    rule: str | None  # the lexicon's type when the events stage proposes this word
    candidate_kind: str | None


def load_corpus(directory: Path) -> list[Example]:
    """Every line of every *.jsonl file in ``directory``, in file-name order."""
    examples: list[Example] = []
    paths = sorted(directory.glob("*.jsonl"))
    if not paths:
        raise IngestError(str(directory), "no *.jsonl training files here")
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                # The corpus may be mid-write (a writer appending a line): skip a torn last line.
                if number == len(path.read_text(encoding="utf-8").splitlines()):
                    continue
                raise IngestError(where, f"not JSON: {exc}") from exc
            events = record.get("events")
            if not isinstance(record.get("text"), str) or not isinstance(events, list):
                raise IngestError(where, "needs a string 'text' and a list 'events'")
            for event in events:
                if event.get("type") not in EVENT_TYPES:
                    raise IngestError(where, f"unknown type {event.get('type')!r}", field="type")
            examples.append(Example(record["text"], tuple(events), where))
    return examples


def corpus_counts(examples: Sequence[Example]) -> dict[str, Counter[str]]:
    """Events per type, per type and mode, and per modality flag; sentences by event count."""
    types, modes, flags, sizes = Counter[str](), Counter[str](), Counter[str](), Counter[str]()
    for example in examples:
        sizes[str(len(example.events))] += 1
        for event in example.events:
            types[event["type"]] += 1
            modes[f"{event['type']}:{event.get('mode') or ''}"] += 1
            flags.update(f for f in _FLAGS if event.get(f))
    return {"types": types, "modes": modes, "flags": flags, "events_per_sentence": sizes}


# --- instances --------------------------------------------------------------------------------


def _gold_heads(sp: Any, example: Example) -> tuple[dict[int, tuple[str, str]], set[int]]:
    """{token: (type, "TYPE:mode")} at each trigger's head word, and the trigger's other words."""
    heads: dict[int, tuple[str, str]] = {}
    inside: set[int] = set()
    for event in example.events:
        trigger = event.get("trigger") or ""
        match = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", example.text) if trigger else None
        if match is None:
            continue
        span = sp.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        root = span.root.i
        heads.setdefault(root, (event["type"], f"{event['type']}:{event.get('mode') or ''}"))
        inside.update(t.i for t in span if t.i != root)
    return heads, inside


def build_instances(
    examples: Sequence[Example], groups: Iterable[str] = DEFAULT_GROUPS
) -> list[Instance]:
    """The candidate words of every sentence, with features and gold labels.

    A word is an instance when the events stage proposes it, when it is a verb or a noun the
    lexicon knows (the negatives the lexicon alone cannot tell apart), or when it heads a gold
    trigger. The other words of a multi-word trigger ("reached *a deal*") are left out: they are
    neither the event's head nor a different event.
    """
    groups = tuple(groups)
    nlp = load_spacy()
    stage = EventsStage(use_model=False)
    lexicon = lexicon_types()
    out: list[Instance] = []
    texts = [e.text for e in examples]
    for n, (example, sp) in enumerate(zip(examples, nlp.pipe(texts, batch_size=64), strict=True)):
        heads, inside = _gold_heads(sp, example)
        for sent in sp.sents:
            # The lexicon's matches before the stage's filters: the model judges them there.
            cands = {c.tok.i: c for c in stage._matches(sent)[0]}
            sentence = sentence_features(sent) if "sentence" in groups else None
            for tok in sent:
                cand = cands.get(tok.i)
                if tok.i not in heads and (
                    tok.i in inside or (cand is None and not is_instance(tok, lexicon))
                ):
                    continue
                rule = cand.trigger if cand else None
                kind = cand.kind if cand else None
                label, mode = heads.get(tok.i, (NONE, ""))
                feats = token_features(tok, rule, kind, lexicon, groups, sentence)
                out.append(
                    Instance(
                        n,
                        tok.i,
                        tuple(feats),
                        label,
                        mode,
                        rule.event_type if rule else None,
                        kind,
                    )
                )
    return out


# --- fitting ----------------------------------------------------------------------------------


def _vocabulary(instances: Sequence[Instance], min_count: int) -> list[str]:
    counts = Counter(f for inst in instances for f in set(inst.features))
    return [BIAS, *sorted(f for f, c in counts.items() if c >= min_count)]


def _rows(instances: Sequence[Instance], index: dict[str, int]) -> Rows:
    return Rows.from_lists(
        [[0, *(index[f] for f in inst.features if f in index)] for inst in instances]
    )


def train(
    instances: Sequence[Instance],
    *,
    groups: Sequence[str] = DEFAULT_GROUPS,
    l2: float = DEFAULT_L2,
    min_count: int = DEFAULT_MIN_COUNT,
    temperature: float = 1.0,
    info: dict[str, Any] | None = None,
) -> EventModel:
    """Fit the type model on every instance and the mode model on the events among them."""
    features = _vocabulary(instances, min_count)
    index = {f: i for i, f in enumerate(features)}
    rows = _rows(instances, index)
    labels = np.array([CLASSES.index(i.label) for i in instances], dtype=np.int64)
    weights = fit(rows, labels, len(features), len(CLASSES), l2=l2)
    events = [i for i in instances if i.label != NONE]
    modes = sorted({i.mode for i in events})
    mode_labels = np.array([modes.index(i.mode) for i in events], dtype=np.int64)
    mode_weights = (
        fit(_rows(events, index), mode_labels, len(features), len(modes), l2=l2)
        if len(modes) > 1
        else np.zeros((len(features), len(modes)))
    )
    return EventModel(
        features=features,
        classes=list(CLASSES),
        weights=weights,
        modes=modes,
        mode_weights=mode_weights,
        temperature=temperature,
        groups=tuple(groups),
        info=info or {},
    )


def example_folds(n_examples: int, k: int, seed: int = SEED) -> NDArray[np.int64]:
    """A fold number per training sentence, from a seeded shuffle."""
    order = np.random.default_rng(seed).permutation(n_examples)
    fold = np.empty(n_examples, dtype=np.int64)
    fold[order] = np.arange(n_examples) % k
    return fold


def folds(
    instances: Sequence[Instance], n_examples: int, k: int, seed: int = SEED
) -> NDArray[np.int64]:
    """A fold number per instance; all words of one sentence share a fold."""
    return example_folds(n_examples, k, seed)[[i.example for i in instances]]


@dataclass
class CrossValidation:
    """Out-of-fold scores of every instance, and the models that produced them."""

    logits: NDArray[np.float64]  # (instances, classes), uncalibrated
    modes: list[str | None]  # the mode model's pick for the gold type ("" = none)
    fold: NDArray[np.int64]
    models: list[EventModel]


def cross_validate(
    instances: Sequence[Instance],
    n_examples: int,
    *,
    k: int = 5,
    seed: int = SEED,
    groups: Sequence[str] = DEFAULT_GROUPS,
    l2: float = DEFAULT_L2,
    min_count: int = DEFAULT_MIN_COUNT,
) -> CrossValidation:
    """K-fold cross-validation by sentence: every instance scored by a model that never saw it."""
    fold = folds(instances, n_examples, k, seed)
    z = np.zeros((len(instances), len(CLASSES)))
    modes: list[str | None] = [None] * len(instances)
    models = []
    for f in range(k):
        test = np.flatnonzero(fold == f).tolist()
        model = train(
            [instances[i] for i in np.flatnonzero(fold != f).tolist()],
            groups=groups,
            l2=l2,
            min_count=min_count,
        )
        models.append(model)
        rows = model.rows([instances[i].features for i in test])
        z[test] = logits(rows, model.weights)
        gold_types = [instances[i].label for i in test]
        for i, m in zip(test, model.best_modes(rows, gold_types), strict=True):
            if instances[i].label != NONE:
                modes[i] = m or ""
    return CrossValidation(z, modes, fold, models)


# --- measures ---------------------------------------------------------------------------------


def per_type(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per PLOVER type (NONE is the negative class)."""
    out: dict[str, dict[str, float]] = {}
    for t in EVENT_TYPES:
        tp = sum(g == t and p == t for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == t for p in pred)
        n_gold = sum(g == t for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[t] = {"precision": prec, "recall": rec, "f1": f1, "support": n_gold}
    return out


def micro(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    """Micro P/R/F1 over event instances (a NONE prediction or gold counts on neither side)."""
    tp = sum(g == p != NONE for g, p in zip(gold, pred, strict=True))
    n_pred = sum(p != NONE for p in pred)
    n_gold = sum(g != NONE for g in gold)
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))
    return {"accuracy": accuracy, "precision": prec, "recall": rec, "f1": f1}


def calibration(
    probs: NDArray[np.float64], labels: NDArray[np.int64], bins: int = 10
) -> dict[str, float]:
    """Brier score (mean squared error over all classes) and ECE of the top class."""
    onehot = np.zeros_like(probs)
    onehot[np.arange(len(labels)), labels] = 1.0
    brier = float(((probs - onehot) ** 2).sum(axis=1).mean())
    top = probs.max(axis=1)
    right = probs.argmax(axis=1) == labels
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(top, edges[1:-1]), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        sel = which == b
        if sel.any():
            ece += float(sel.mean()) * abs(float(top[sel].mean()) - float(right[sel].mean()))
    nll = -float(np.log(np.clip(probs[np.arange(len(labels)), labels], 1e-12, 1.0)).mean())
    return {"brier": brier, "ece": ece, "nll": nll}


def summarise(instances: Sequence[Instance], cv: CrossValidation) -> dict[str, Any]:
    """The cross-validated measures `make model` prints, and the fitted temperature."""
    labels = np.array([CLASSES.index(i.label) for i in instances], dtype=np.int64)
    temperature = fit_temperature(cv.logits, labels)
    raw = softmax(cv.logits)
    # Each fold scaled by a temperature fitted on the other folds, so that the calibration
    # measured here is held out too.
    scaled = np.zeros_like(raw)
    for f in np.unique(cv.fold):
        own, rest = cv.fold == f, cv.fold != f
        scaled[own] = softmax(cv.logits[own] / fit_temperature(cv.logits[rest], labels[rest]))
    pred = [CLASSES[j] for j in raw.argmax(axis=1)]
    gold = [i.label for i in instances]
    rules = [i.rule or NONE for i in instances]
    cand = [n for n, i in enumerate(instances) if i.rule is not None]
    events = [n for n, i in enumerate(instances) if i.label != NONE]
    mode_right = sum(cv.modes[n] == instances[n].mode.split(":")[1] for n in events)
    return {
        "instances": len(instances),
        "sentences": len({i.example for i in instances}),
        "events": len(events),
        "candidates": len(cand),
        "temperature": temperature,
        "model": micro(gold, pred),
        "rules": micro(gold, rules),
        "model_on_candidates": micro([gold[n] for n in cand], [pred[n] for n in cand]),
        "rules_on_candidates": micro([gold[n] for n in cand], [rules[n] for n in cand]),
        "per_type": per_type(gold, pred),
        "calibration_raw": calibration(raw, labels),
        "calibration_scaled": calibration(scaled, labels),
        "mode_accuracy": mode_right / max(1, len(events)),
    }
