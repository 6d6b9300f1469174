"""A year both sentences give says when, not what is said (issue 16: "… resume talks on an
air-safety agreement, suspended since 2024" / "… walked out of talks on an air-safety agreement in
2024" — the background beside the offer — was shown with `numbers` as its evidence). The judge
never names a year both give `numbers` (nor does it spare a pair the statement-word rule:
test_statement_words.py); a count both give, however near a year its digits, still is named
so. Invented text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import evidence as ev
from retold.model.align import feature_weights, sentence_features
from velmont_story import outlet


def _judge(a: str, b: str):
    rows = [[a], [b]]
    features = sentence_features([outlet("a", rows[0]), outlet("b", rows[1])])
    return ev.Judge(rows, features, feature_weights(features))


@settings(max_examples=30, deadline=None)
@given(st.integers(1800, 2100))
def test_a_year_both_give_is_not_numbers_evidence(year):
    judge = _judge(f"The Lesk ferry contract was suspended in {year} after a pay dispute.",
                   f"Ferry crews walked out of the Lesk pay talks in {year}, their union said.")
    assert "numbers" not in judge.verdict(0, (0,), 1, (0,)).evidence


@settings(max_examples=30, deadline=None)
@given(st.integers(1000, 9999))
def test_a_count_both_give_is_numbers_evidence(count):
    written = f"{count // 1000},{count % 1000:03d}"  # "1,250": a count
    judge = _judge(f"The Lesk ferry company suspended {written} contracts after a pay dispute.",
                   f"Ferry crews said {written} contracts had been suspended at Lesk.")
    assert "numbers" in judge.verdict(0, (0,), 1, (0,)).evidence


def test_a_year_and_a_count_both_give_are_numbers_evidence():
    judge = _judge("The Lesk ferry company suspended 40 contracts in 2024.", "Ferry crews said 40 contracts were suspended in 2024.")
    assert "numbers" in judge.verdict(0, (0,), 1, (0,)).evidence
