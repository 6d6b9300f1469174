"""Two facts both sentences give — a count and a day — are evidence of one event told twice
(evidence.FACTS_AGREE): "About 2,500 farmers drove tractors through central Lesk on Tuesday
evening …" / "Around 2,500 farmers, among them a party from the coast, drove … into Lesk on
Tuesday evening …" share few other words. One fact alone, a fact the story gives everywhere, or
another day beside the same count is no such evidence. Invented sentences, in the Velmont story."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_the_facts_make_no_pair_sure():
    """The same count on the same day may be other people ("2,500 police officers were deployed …"
    / "2,500 farmers drove …", which the words alone already take for one statement, as possible):
    the facts lift a pair to "possible" at most, never to sure."""
    judge = _judge(["About 2,500 police officers were deployed in central Lesk on Tuesday evening to guard the water office."],
                   ["About 2,500 farmers drove tractors through central Lesk on Tuesday evening to protest against the water quotas."])
    assert judge.facts_agree(judge.clues_of(0, 0), judge.clues_of(1, 0)) == 2
    assert ev.SAME_STATEMENT <= _words_alone(judge) < ev.STRONG
    assert judge.verdict(0, (0,), 1, (0,)).confidence < ev.STRONG


def test_the_facts_never_lift_a_pair_past_possible():
    judge = _judge([MARCH], [RETOLD])
    assert judge.verdict(0, (0,), 1, (0,)).confidence < ev.STRONG


_WORDS = ["farmers", "police", "drove", "marched", "tractors", "through", "central", "Lesk", "water", "quotas",
          "office", "protest", "against", "the", "about", "coast", "party", "officers", "deployed", "guard"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=14), st.lists(st.sampled_from(_WORDS), min_size=3, max_size=14))
def test_two_facts_change_a_verdict_only_short_of_sure_and_never_past_possible(a_words, b_words):
    """Invariant: whatever else two sentences say, with a count and a day in common the verdict
    differs from the words' own only where those are short of sure, and then stays possible."""
    a = "About 2,500 " + " ".join(a_words) + " on Tuesday evening."
    b = "Around 2,500 " + " ".join(b_words) + " on Tuesday evening."
    judge = _judge([a], [b])
    words, judged = _words_alone(judge), ev.sigmoid(judge.content(0, (0,), 1, (0,))[0])  # (a copy is settled before: not asked)
    if abs(judged - words) > 1e-9:
        assert words < ev.STRONG and words < judged < ev.STRONG
