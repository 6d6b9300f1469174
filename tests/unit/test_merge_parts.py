"""Outside parallel text a merge (one sentence beside two of the other outlet) is kept only when
every part says something of the other side's statement, not only who acts (issue 16, precision
first): a new user's story of one club chairman had his apology (a wire's lead) merged with
another outlet's lead about his refusal to resign and the quote after it, "I am not going
anywhere," which shares nothing but his name. Our own invented story: a stand's gutter at a
football ground."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import evidence as ev
from retold.model.align import feature_weights, sentence_features
from retold.model.align.pairs import _each_part_says_more
from retold.model.align.records import PairSides
from retold.model.align.scoring import Scorer
from velmont_story import outlet



WIRE = [
    "Harrowgate Rovers chairman Edwin Colter apologised on Monday to the 14 fans hurt when a gutter fell from the North Stand roof.",
    "An engineer's report found the gutter brackets had rusted through, the club said.",
    "Eleven of the injured were treated at the ground and three were taken to the Larkfield infirmary.",
    "The North Stand will stay shut for the next three home games.",
]
LOCAL = [
    "The chairman of Harrowgate Rovers brushed off calls to quit on Monday, insisting he would stay to fix the North Stand.",
    "\"I am staying put,\" Edwin Colter said.",
    "Fourteen fans were hurt when a gutter fell from the North Stand roof, and Colter apologised to them.",
    "The North Stand will remain closed for three home games.",
    "Three of the injured were taken to the Larkfield infirmary.",
    "Eleven others were treated at the ground by club medics.",
]


def _sides(first=WIRE, second=LOCAL):
    features = sentence_features([outlet("a", first), outlet("b", second)])
    weights = feature_weights(features)
    judge = ev.Judge([first, second], features, weights)
    judge.parallel[(0, 1)] = False
    return PairSides(0, 1, features[0], features[1], Scorer(features, weights), True, judge=judge)


def test_a_part_that_shares_only_the_speaker_is_no_part_of_a_merge():
    sides = _sides()
    assert not _each_part_says_more(sides, (0,), (0, 1))  # his apology / his refusal and his quote
    assert not _each_part_says_more(sides, (0,), (1, 2))  # the quote shares only his name


def test_a_merge_whose_parts_each_tell_some_of_the_statement_stays():
    sides = _sides()
    assert _each_part_says_more(sides, (2,), (4, 5))  # three taken to the infirmary, eleven treated
    assert _each_part_says_more(sides, (0,), (2,))  # one to one: nothing to ask


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(range(len(LOCAL) - 1)))
def test_the_rule_reads_both_sides_alike(j):
    """Seen from either outlet, a merge is the same merge."""
    forward, backward = _sides(), _sides(LOCAL, WIRE)
    assert _each_part_says_more(forward, (0,), (j, j + 1)) == _each_part_says_more(backward, (j, j + 1), (0,))
