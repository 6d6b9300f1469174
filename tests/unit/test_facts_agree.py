"""Two facts both sentences give — a count and a day — are evidence of one event told twice
(evidence.FACTS_AGREE): "About 2,500 farmers drove tractors through central Lesk on Tuesday
evening …" / "Around 2,500 farmers, among them a party from the coast, drove … into Lesk on
Tuesday evening …" share few other words. One fact alone, a fact the story gives everywhere, or
another day beside the same count is no such evidence. Invented sentences, in the Velmont story."""

from __future__ import annotations

import math

from retold.model.align import evidence as ev
from retold.model.align import feature_weights, sentence_features
from velmont_story import FILLER_A, FILLER_B, outlet

MARCH = "About 2,500 farmers drove tractors through central Lesk on Tuesday evening to protest against the water quotas, police said."
RETOLD = "Around 2,500 farmers, among them a bus party from the coast, drove against the quotas into Lesk on Tuesday evening."


def _judge(a_extra: list[str], b_extra: list[str], filler_a=FILLER_A, filler_b=FILLER_B):
    rows = [a_extra + list(filler_a), list(b_extra) + list(filler_b)]
    features = sentence_features([outlet("a", rows[0]), outlet("b", rows[1])])
    return ev.Judge(rows, features, feature_weights(features))


def _words_alone(judge) -> float:
    """The words' own confidence (the fitted model on the pair's features, nothing added)."""
    model, x = ev.LEXICAL_MODEL, judge.features_of(0, (0,), 1, (0,))
    return 1.0 / (1.0 + math.exp(-(model[0] + sum(w * v for w, v in zip(model[1:], x)))))


def test_the_same_count_on_the_same_day_lifts_a_pair_the_words_leave_under_the_bar():
    judge = _judge([MARCH], [RETOLD])
    assert _words_alone(judge) < ev.SAME_STATEMENT
    assert judge.facts_agree(judge.clues_of(0, 0), judge.clues_of(1, 0)) == 2
    assert judge.verdict(0, (0,), 1, (0,)).confidence >= ev.SAME_STATEMENT


def test_one_fact_alone_adds_nothing():
    judge = _judge([MARCH], [RETOLD.replace(" on Tuesday evening", "")])
    assert judge.facts_agree(judge.clues_of(0, 0), judge.clues_of(1, 0)) == 1
    assert abs(judge.verdict(0, (0,), 1, (0,)).confidence - _words_alone(judge)) < 1e-9


def test_the_same_count_on_another_day_is_another_event():
    judge = _judge([MARCH], [RETOLD.replace("Tuesday", "Thursday")])
    verdict = judge.verdict(0, (0,), 1, (0,))
    assert "numbers differ" in verdict.evidence and verdict.confidence < ev.SAME_STATEMENT


def test_a_count_the_story_gives_everywhere_is_its_topic_not_a_fact_of_the_pair():
    """Every sentence of this story gives the 2,500 (the farmers' number, as a summit's year):
    only the day is left as a fact of the pair, and one fact adds nothing."""
    filler_a = [s.rstrip(".") + ", the 2,500 farmers say." for s in FILLER_A]
    filler_b = [s.rstrip(".") + ", say the 2,500 farmers." for s in FILLER_B]
    judge = _judge([MARCH], [RETOLD], filler_a, filler_b)
    assert judge.facts_agree(judge.clues_of(0, 0), judge.clues_of(1, 0)) == 1
    assert abs(judge.verdict(0, (0,), 1, (0,)).confidence - _words_alone(judge)) < 1e-9
