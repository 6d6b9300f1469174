"""Institutions written small (facts.small_actors_differ): "The union said …" / "The company said
…" with the rest copied word for word is another speaker's statement, not a near-verbatim copy,
in a story that joins the union and the company ("the union and the company"); "The union rejected …" / "The company
rejected …" another actor's act. The same noun, a noun the story capitalises (a name written
small), two nouns the story never joins ("the league" / "the group" may be one body; "the deal" / "the
agreement" a story's words varied for one thing) and a
sentence that names its speaker are left alone. Invented sentences, in the Velmont story."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import evidence as ev
from retold.model.align import facts
from retold.model.align import feature_weights, sentence_features
from retold.model.align.clues import clues
from velmont_story import FILLER_A, FILLER_B, outlet

TALKS = "said on Monday that talks on the pay of the Tarsa ferry crews had broken down after a night in Lesk."
# A sentence of the story joining the union and the company: two bodies.
APART = "Talks between the union and the company stalled over the ferry crews' night shifts."


def _judge(a_extra, b_extra, languages=None):
    rows = [list(a_extra) + FILLER_A, list(b_extra) + FILLER_B]
    features = sentence_features([outlet("a", rows[0]), outlet("b", rows[1])])
    return ev.Judge(rows, features, feature_weights(features), None, languages)


def test_another_speaker_written_small_is_no_copy():
    judge = _judge(["The union " + TALKS, APART], ["The company " + TALKS])
    verdict = judge.verdict(0, (0,), 1, (0,))
    assert "speakers differ" in verdict.evidence
    assert verdict.confidence < ev.STRONG


def test_another_actor_written_small_is_at_most_possible():
    judge = _judge(["The union rejected the pay offer for the Tarsa ferry crews after a night of talks in Lesk.", APART],
                   ["The company rejected the pay demand for the Tarsa ferry crews after a night of talks in Lesk."])
    verdict = judge.verdict(0, (0,), 1, (0,))
    assert "actors differ" in verdict.evidence
    assert verdict.confidence < ev.STRONG


def test_the_same_noun_is_the_same_speaker():
    judge = _judge(["The union " + TALKS, APART], ["The union has " + TALKS])
    assert judge.verdict(0, (0,), 1, (0,)).confidence >= ev.STRONG


def test_a_name_written_small_is_left_to_the_name_rules():
    """The story calls the company "the Company" (Tarsa Ferry Company): its noun is a name."""
    judge = _judge(["The union " + TALKS, APART, "The Tarsa Ferry Company runs four boats."], ["The company " + TALKS])
    assert "speakers differ" not in judge.verdict(0, (0,), 1, (0,)).evidence


def test_two_nouns_the_story_never_sets_apart_may_be_one_body():
    judge = _judge(["The league " + TALKS], ["The group " + TALKS])
    verdict = judge.verdict(0, (0,), 1, (0,))
    assert "speakers differ" not in verdict.evidence and verdict.confidence >= ev.STRONG


def test_words_a_story_varies_for_one_thing_are_not_two():
    deal = "still needs approval from the Velmont parliament, and two parties have asked for a review of the cost."
    judge = _judge(["The deal " + deal, "The deal is the first agreement on the Tarsa river since the treaty."], ["The agreement " + deal])
    assert judge.told_apart("deal", "agree") is False
    assert "actors differ" not in judge.verdict(0, (0,), 1, (0,)).evidence


def test_a_named_speaker_is_left_to_the_name_rules():
    judge = _judge(["The union " + TALKS, APART],
                   ["The company said, as its chief Ana Brell told reporters on Monday, that talks on the pay of the Tarsa ferry crews had broken down."])
    assert judge.clues_of(1, 0).speakers
    assert judge.small_against(0, 1, judge.clues_of(0, 0), judge.clues_of(1, 0)) is None


def test_across_languages_nothing_is_read():
    judge = _judge(["The union " + TALKS, APART], ["The company " + TALKS], languages=["en", "fr"])
    assert judge.small_against(0, 1, judge.clues_of(0, 0), judge.clues_of(1, 0)) is None


def test_who_speaks_written_small():
    names = frozenset()
    assert facts.small_speakers(clues("The union said the offer was late.").words, names) == {"union"}
    assert facts.small_speakers(clues("The union has said the offer was late.").words, names) == {"union"}
    assert facts.small_speakers(clues("The offer was late, said the union.").words, names) == {"union"}
    # "said the plan …" opens a reported clause: the plan speaks for no one
    assert facts.small_speakers(clues("He said the plan would fail.").words, names) == frozenset()
    assert facts.small_speakers(clues("Ministers said the plan would fail.").words, names) == frozenset()


_NOUNS = ["union", "company", "court", "ministry", "government", "council"]
_REST = ["rejected", "the", "offer", "said", "on", "Monday", "talks", "had", "failed", "a", "late"]


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(_NOUNS), st.sampled_from(_NOUNS), st.lists(st.sampled_from(_REST), min_size=1, max_size=8))
def test_symmetric_and_never_against_the_same_noun(noun_a, noun_b, rest):
    """Invariant: the verdict does not depend on which sentence is first, and the same noun is
    never another speaker or actor, whatever follows it."""
    a, b = clues(" ".join(["The", noun_a] + rest) + "."), clues(" ".join(["The", noun_b] + rest) + ".")
    apart = lambda x, y: True  # noqa: E731 (every two nouns told apart: the rule's own conditions decide)
    na, nb = frozenset(a.names), frozenset(b.names)
    one = facts.small_actors_differ(a.words, na, b.words, nb, apart)
    assert one == facts.small_actors_differ(b.words, nb, a.words, na, apart)
    if noun_a == noun_b:
        assert one is None
