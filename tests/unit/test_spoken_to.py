"""Who speaks in one sentence is, in the other, only whom an act is done to (issue 16, a user's
summit story: "Vastoria says its troops near Ellandia are on routine exercises." was paired, by
its place, with "The summit leaders also urged Vastoria to withdraw the troops it has massed near
Ellandia."). The answer and the demand are two acts: the judge names `roles swapped`, which no
place outweighs. Invented text, in the Velmont story's names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import evidence as ev
from retold.model.align import feature_weights, sentence_features
from velmont_story import FILLER_A, FILLER_B, outlet

ANSWER = "Korrin says its troops near Lesk are on routine exercises."
DEMAND = "The summit leaders also urged Korrin to withdraw the troops it has massed near Lesk."


def _judge(a: str, b: str):
    rows = [[a, *FILLER_A], [b, *FILLER_B]]
    features = sentence_features([outlet("a", rows[0]), outlet("b", rows[1])])
    return ev.Judge(rows, features, feature_weights(features))


def test_the_answer_and_the_demand_are_two_acts():
    for a, b in ((ANSWER, DEMAND), (DEMAND, ANSWER)):
        judge = _judge(a, b)
        verdict = judge.verdict(0, (0,), 1, (0,))
        assert "roles swapped" in verdict.evidence
        assert verdict.confidence < ev.SAME_STATEMENT
        assert judge.accept(0, (0,), 1, (0,), []) is False  # nor does its place make it


_VERBS = st.sampled_from(["urged", "warned", "called on", "accused", "blamed", "criticised", "appealed to"])
_NAMES = st.sampled_from([("Korrin", "Korrin's"), ("Velmont", "Velmont's"), ("Mayor Ada Brell", "her")])


@settings(max_examples=40, deadline=None)
@given(_NAMES, _VERBS)
def test_a_speaker_addressed_in_the_other_is_spoken_to(name, verb):
    who, own = name
    said = f"{who} says {own} troops near Lesk are on routine exercises."
    addressed = f"The summit leaders {verb} {who} over the troops massed near Lesk."
    judge = _judge(said, addressed)
    assert ev.spoken_to(judge.clues_of(0, 0), judge.clues_of(1, 0))
    assert ev.spoken_to(judge.clues_of(1, 0), judge.clues_of(0, 0))


@settings(max_examples=40, deadline=None)
@given(_NAMES, _VERBS)
def test_one_speaker_acting_in_both_is_not_spoken_to(name, verb):
    """The same actor speaking in one and doing the act in the other ("Korrin says …" /
    "Korrin urged the leaders …"), or speaking in both, is left to the rest of the judge."""
    who, own = name
    said = f"{who} says {own} troops near Lesk are on routine exercises."
    acting = f"{who} {verb} the summit leaders over the troops near Lesk."
    both = f"{who} said the summit leaders {verb} {who} over the troops near Lesk."
    for other in (acting, both):
        judge = _judge(said, other)
        assert not ev.spoken_to(judge.clues_of(0, 0), judge.clues_of(1, 0))


def test_the_same_roles_and_a_date_are_not_spoken_to():
    """Both sentences do the act to the same actor (the speaker read loosely around "said" in
    one of them), or the name after the verb is a month: no one spoken to."""
    one = "The group criticizing Korrin, the Lesk Farmers Union, said the plan put its members at risk."
    other = "The Lesk Farmers Union, the group criticizing Korrin, said the plan put its members at risk."
    warned = "The flood hit Lesk, an issue Velmont on March 16 had warned about."
    warned_of = "The flood hit Lesk, which Velmont warned of in March."
    for a, b in ((one, other), (warned, warned_of)):
        judge = _judge(a, b)
        assert not ev.spoken_to(judge.clues_of(0, 0), judge.clues_of(1, 0))
        assert not ev.spoken_to(judge.clues_of(1, 0), judge.clues_of(0, 0))
