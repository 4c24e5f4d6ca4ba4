"""Scores the quote suite: quote content spans (overlap and exact), quote kind and speaker."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from eventwire.model import Document, Quote

from .result import ClassRow, SuiteResult, missing_documents, prf, ratio
from .spans import Bounds, overlap, span_of

__all__ = ["MIN_SHARE", "match_quotes", "score_quotes", "speaker_targets"]

GoldRecord = Mapping[str, Any]
GoldQuote = Mapping[str, Any]

# A predicted quote matches a gold quote when they share at least this part of the shorter
# span: a quote cut at a different clause edge still counts, one that merely touches does not.
MIN_SHARE = 0.5

_COUNTS = (
    "gold",
    "predicted",
    "matched",
    "strict_matched",
    "kind_right",
    "with_speaker",
    "speaker_right",
    "speaker_linked",
)
_KINDS = ("direct", "reported")


def score_quotes(records: Sequence[GoldRecord], predictions: Mapping[str, Document]) -> SuiteResult:
    """Content P/R/F1 (overlap and strict), direct/reported accuracy and speaker accuracy.

    Quotes are paired one-to-one, largest overlap first, among pairs sharing at least
    ``MIN_SHARE`` of the shorter span. On matched pairs whose gold quote has a speaker, the
    speaker is right when the predicted speaker span overlaps the gold one, or when the
    predicted speaker's actor has a mention overlapping the gold span or any occurrence of
    the gold ``speaker_name`` (``speaker_linked`` counts the second test alone).
    """
    n = Counter(dict.fromkeys(_COUNTS, 0))
    support, found, spoken, right = Counter[str](), Counter[str](), Counter[str](), Counter[str]()
    details: list[str] = []
    for record in records:
        doc = predictions.get(record["id"])
        gold: list[GoldQuote] = record["quotes"]
        predicted: list[Quote] = doc.quotes if doc else []
        n["gold"] += len(gold)
        n["predicted"] += len(predicted)
        n["strict_matched"] += len({span_of(g) for g in gold} & {span_of(p) for p in predicted})
        support.update(_kind(g) for g in gold)
        pairs = match_quotes([span_of(g) for g in gold], [span_of(p) for p in predicted])
        n["matched"] += len(pairs)
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            kind = _kind(g)
            found[kind] += 1
            n["kind_right"] += p.direct == g["direct"]
            if g.get("speaker") is None:
                continue
            assert doc is not None  # a prediction was matched
            n["with_speaker"] += 1
            spoken[kind] += 1
            linked = _linked(doc, p, speaker_targets(record["text"], g))
            hit = linked or _speaker_overlaps(g, p)
            n["speaker_linked"] += linked
            n["speaker_right"] += hit
            right[kind] += hit
            if not hit:
                details.append(_speaker_miss(record["id"], g, p))
        details += _unmatched(record["id"], gold, predicted, pairs)
    return SuiteResult(
        "quote",
        len(records),
        _metrics(n),
        dict(n) | {"items": len(records), "no_document": missing_documents(records, predictions)},
        [
            ClassRow(
                k,
                support[k],
                {
                    "recall": ratio(found[k], support[k]),
                    "speaker_accuracy": ratio(right[k], spoken[k]),
                },
            )
            for k in _KINDS
            if support[k]
        ],
        "gold kind",
        details=details,
    )


def match_quotes(gold: Sequence[Bounds], predicted: Sequence[Bounds]) -> list[tuple[int, int]]:
    """Pair gold and predicted quotes one-to-one, largest character overlap first.

    A pair is a candidate only when the overlap is at least ``MIN_SHARE`` of the shorter span.
    Of two pairs with the same overlap, the tighter one (smaller union) goes first: a reported
    clause nested in a longer one matches the clause, not its host. Then earlier gold, then
    earlier prediction. Returns (gold index, predicted index) pairs.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = overlap(g, p)
            if shared > 0 and shared >= MIN_SHARE * min(g[1] - g[0], p[1] - p[0]):
                union = max(g[1], p[1]) - min(g[0], p[0])
                candidates.append((-shared, union, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def speaker_targets(text: str, gold: GoldQuote) -> list[Bounds]:
    """The gold speaker span and every occurrence of the gold ``speaker_name`` in the text."""
    targets = [span_of(gold["speaker"])]
    name = gold.get("speaker_name")
    if name:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        targets += [m.span() for m in pattern.finditer(text)]
    return targets


def _metrics(n: Counter[str]) -> dict[str, float]:
    metrics = prf(n["matched"], n["predicted"], n["gold"])
    strict = prf(n["strict_matched"], n["predicted"], n["gold"])
    metrics |= {f"strict_{k}": v for k, v in strict.items()}
    metrics["direct_accuracy"] = ratio(n["kind_right"], n["matched"])
    metrics["speaker_accuracy"] = ratio(n["speaker_right"], n["with_speaker"])
    metrics["speaker_actor_accuracy"] = ratio(n["speaker_linked"], n["with_speaker"])
    return metrics


def _kind(gold: GoldQuote) -> str:
    return "direct" if gold["direct"] else "reported"


def _speaker_overlaps(gold: GoldQuote, predicted: Quote) -> bool:
    return predicted.speaker is not None and (
        overlap(span_of(predicted.speaker), span_of(gold["speaker"])) > 0
    )


def _linked(doc: Document, predicted: Quote, targets: Sequence[Bounds]) -> bool:
    """Whether the predicted speaker's actor is mentioned where the gold speaker is named."""
    if predicted.speaker is None or predicted.speaker.actor_id is None:
        return False
    actor = doc.actor(predicted.speaker.actor_id)
    return actor is not None and any(
        overlap(span_of(m), t) > 0 for m in actor.mentions for t in targets
    )


def _speaker_miss(item: str, gold: GoldQuote, predicted: Quote) -> str:
    got = predicted.speaker.text if predicted.speaker else None
    wanted = gold.get("speaker_name") or gold["speaker"]["text"]
    return f"{item} {_short(gold['text'])!r}: speaker {wanted!r}, got {got!r}"


def _unmatched(
    item: str, gold: Sequence[GoldQuote], predicted: Sequence[Quote], pairs: list[tuple[int, int]]
) -> list[str]:
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    missed = [
        f"{item} missed {_kind(g)} {_short(g['text'])!r}"
        for gi, g in enumerate(gold)
        if gi not in matched_gold
    ]
    extra = [
        f"{item} extra {'direct' if p.direct else 'reported'} {_short(p.text)!r}"
        for pi, p in enumerate(predicted)
        if pi not in matched_pred
    ]
    return missed + extra


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
