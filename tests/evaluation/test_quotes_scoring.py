"""Checks the quote scorer against metrics worked out by hand (hand-made Documents, no spaCy)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluation import EvalError, articles_for, load_gold, score, score_quotes
from eventwire.evaluation.quotes import match_quotes, speaker_targets

from .factories import actor, doc, quote

TEXT = (
    "Amina Diallo arrived in Niamey on Monday. "
    '"We will reopen the border next week," the minister said. '
    "She added that trade would resume. Traders said prices had already fallen."
)


def at(phrase: str, nth: int = 0) -> tuple[int, int]:
    """(start, end) of the nth occurrence of ``phrase`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


BORDER = at("We will reopen the border next week,")
TRADE = at("trade would resume")
PRICES = at("prices had already fallen")
MINISTER, SHE, TRADERS = at("the minister"), at("She"), at("Traders")
AMINA = at("Amina Diallo")


def gold_quote(
    span: tuple[int, int],
    direct: bool,
    speaker: tuple[int, int] | None,
    name: str | None = None,
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "start": span[0],
        "end": span[1],
        "text": TEXT[span[0] : span[1]],
        "direct": direct,
        "speaker": None,
    }
    if speaker is not None:
        text = TEXT[speaker[0] : speaker[1]]
        item["speaker"] = {"start": speaker[0], "end": speaker[1], "text": text}
        item["speaker_name"] = name or text
    return item


def record(quotes: list[dict[str, Any]], item_id: str = "q") -> dict[str, Any]:
    return {"id": item_id, "task": "quote", "text": TEXT, "published_at": None, "quotes": quotes}


GOLD = record(
    [
        gold_quote(BORDER, True, MINISTER, "Amina Diallo"),
        gold_quote(TRADE, False, SHE, "Amina Diallo"),
        gold_quote(PRICES, False, TRADERS),
    ]
)


def test_offsets_in_text() -> None:
    assert TEXT[MINISTER[0] : MINISTER[1]] == "the minister" and TEXT[SHE[0]] == "S"


def test_perfect_prediction_scores_one() -> None:
    predicted = doc(
        "q",
        quotes=[
            quote("q1", BORDER, speaker=MINISTER),
            quote("q2", TRADE, direct=False, speaker=SHE),
            quote("q3", PRICES, direct=False, speaker=TRADERS),
        ],
    )
    result = score_quotes([GOLD], {"q": predicted})
    assert result.suite == "quote" and result.items == 1
    for name in ("precision", "recall", "f1", "strict_f1", "direct_accuracy", "speaker_accuracy"):
        assert result.metrics[name] == 1.0, name
    assert result.counts["with_speaker"] == 3 and result.details == []
    assert [(row.label, row.support) for row in result.rows] == [("direct", 1), ("reported", 2)]


def test_missing_document_scores_zero() -> None:
    result = score_quotes([GOLD], {})
    assert result.metrics["f1"] == result.metrics["speaker_accuracy"] == 0.0
    assert result.counts["no_document"] == 1 and result.counts["gold"] == 3
    assert len(result.details) == 3 and all("missed" in line for line in result.details)


@pytest.mark.parametrize(
    ("predicted", "matched"),
    [
        # The border quote is 36 characters; a span over its last 18 shares exactly half.
        ((BORDER[0] + 18, BORDER[1] + 30), True),
        ((BORDER[0] + 19, BORDER[1] + 30), False),
        # A long span holding the whole quote shares 100% of the shorter one.
        ((0, BORDER[1] + 40), True),
    ],
)
def test_a_match_needs_half_of_the_shorter_span(predicted: tuple[int, int], matched: bool) -> None:
    assert BORDER[1] - BORDER[0] == 36
    gold = record([gold_quote(BORDER, True, MINISTER)])
    result = score_quotes([gold], {"q": doc("q", quotes=[quote("q1", predicted)])})
    assert result.counts["matched"] == int(matched)
    assert result.counts["strict_matched"] == 0


def test_matching_is_one_to_one_and_prefers_the_tighter_pair() -> None:
    # Both predictions hold the whole gold clause; the tighter one is its match.
    host = (PRICES[0] - 14, PRICES[1])
    assert match_quotes([PRICES], [host, PRICES]) == [(0, 1)]
    gold = record([gold_quote(PRICES, False, TRADERS)])
    predicted = doc(
        "q",
        quotes=[
            quote("q1", host, direct=False, speaker=AMINA),
            quote("q2", PRICES, direct=False, speaker=TRADERS),
        ],
    )
    result = score_quotes([gold], {"q": predicted})
    assert result.metrics["precision"] == 0.5 and result.metrics["recall"] == 1.0
    assert result.metrics["speaker_accuracy"] == 1.0
    assert any("extra reported" in line for line in result.details)


def test_direct_accuracy_counts_matched_pairs_only() -> None:
    predicted = doc(
        "q",
        quotes=[quote("q1", BORDER, direct=False), quote("q2", TRADE, direct=False)],
    )
    result = score_quotes([GOLD], {"q": predicted})
    assert result.counts["matched"] == 2
    assert result.metrics["direct_accuracy"] == 0.5


def test_speaker_hit_by_span_or_by_linked_actor() -> None:
    amina = actor("a1", mentions=[AMINA])
    other = actor("a2", mentions=[TRADERS])
    predicted = doc(
        "q",
        actors=[amina, other],
        quotes=[
            # Span elsewhere ("Amina Diallo" in the first sentence) but the same person: the
            # gold speaker_name occurs there.
            quote("q1", BORDER, speaker=AMINA, actor_id="a1"),
            # Span overlaps the gold pronoun; the linked actor is wrong, the span still counts.
            quote("q2", TRADE, direct=False, speaker=SHE, actor_id="a2"),
            # No speaker at all.
            quote("q3", PRICES, direct=False),
        ],
    )
    result = score_quotes([GOLD], {"q": predicted})
    assert result.counts["speaker_right"] == 2 and result.counts["speaker_linked"] == 1
    assert result.metrics["speaker_accuracy"] == pytest.approx(2 / 3)
    assert result.metrics["speaker_actor_accuracy"] == pytest.approx(1 / 3)
    assert any("speaker 'Traders', got None" in line for line in result.details)


def test_wrong_speaker_and_unknown_actor_miss() -> None:
    gold = record([gold_quote(BORDER, True, MINISTER, "Amina Diallo")])
    predicted = doc(
        "q",
        actors=[actor("a2", mentions=[TRADERS])],
        quotes=[quote("q1", BORDER, speaker=TRADERS, actor_id="a9")],
    )
    result = score_quotes([gold], {"q": predicted})
    assert result.metrics["speaker_accuracy"] == 0.0
    assert result.details == [
        "q 'We will reopen the border next week,': speaker 'Amina Diallo', got 'x'"
    ]


def test_gold_quotes_without_speaker_are_not_counted_for_speakers() -> None:
    gold = record([gold_quote(PRICES, False, None)])
    predicted = doc("q", quotes=[quote("q1", PRICES, direct=False, speaker=AMINA)])
    result = score_quotes([gold], {"q": predicted})
    assert result.counts["with_speaker"] == 0 and result.metrics["speaker_accuracy"] == 0.0
    assert result.metrics["f1"] == 1.0


def test_speaker_targets_are_the_span_and_every_whole_word_name() -> None:
    text = "Amina Diallo and Aminata Diallo met. AMINA DIALLO spoke."
    gold = {"speaker": {"start": 0, "end": 5, "text": "Amina"}, "speaker_name": "Amina Diallo"}
    assert speaker_targets(text, gold) == [(0, 5), (0, 12), (37, 49)]


def test_suite_is_registered_and_articles_carry_the_publication_date() -> None:
    assert score("quote", [GOLD], {}).suite == "quote"
    (article,) = articles_for("quote", [GOLD | {"published_at": "2024-03-07"}])
    assert article.published_at == "2024-03-07" and article.text == TEXT


def test_load_gold_requires_the_quotes_field(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    bad = {k: v for k, v in GOLD.items() if k != "quotes"}
    path.write_text(json.dumps(GOLD) + "\n" + json.dumps(bad | {"id": "r"}) + "\n")
    with pytest.raises(EvalError, match=r"gold\.jsonl:2: quote record lacks quotes"):
        load_gold(path)
