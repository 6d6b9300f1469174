"""The same count of two different things is another statement (facts.counted_differ): "About
2,500 police officers were deployed around the square" / "About 2,500 farmers drove tractors into
the square" share a number, a place and the story's topic, and the words alone take them for one
statement (possible) — in a story that joins police and farmers ("police and farmers"), they are two
groups of people. The same count of the same thing in other words, a count whose noun is elided,
a noun the story never joins to the other, and a pair across languages are not refused.
Invented sentences, in the Velmont story (tests/velmont_story.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import align, facts
from retold.model.align import evidence as ev
from retold.model.align import feature_weights, sentence_features
from retold.model.align.clues import clues
from velmont_story import FILLER_A, FILLER_B, outlet, together

POLICE = "About 2,500 police officers were deployed around the main square of Lesk on Tuesday evening."
FARMERS = "About 2,500 farmers drove their tractors into the main square of Lesk on Tuesday evening."
# A sentence of the story that joins both groups: the story tells them apart.
BOTH = "Police and farmers faced each other outside the town hall until midnight."


def _judge(a_extra, b_extra, languages=None, filler_a=FILLER_A, filler_b=FILLER_B):
    rows = [list(a_extra) + list(filler_a), list(b_extra) + list(filler_b)]
    features = sentence_features([outlet("a", rows[0]), outlet("b", rows[1])])
    return ev.Judge(rows, features, feature_weights(features), None, languages)


def test_the_same_count_of_two_groups_the_story_tells_apart_is_refused():
    judge = _judge([POLICE, BOTH], [FARMERS])
    verdict = judge.verdict(0, (0,), 1, (0,))
    assert "counted differ" in verdict.evidence
    assert verdict.confidence < ev.SAME_STATEMENT
    alignment = align([outlet("a", [POLICE, BOTH] + FILLER_A), outlet("b", [FARMERS] + FILLER_B)])
    assert not together(alignment, "a", 0, "b", 0)


def test_a_count_of_jobs_is_not_a_count_of_trucks():
    judge = _judge(["The Velmont haulier will buy 40 trucks for the Tarsa crossings.",
                    "Both its trucks and its jobs are at stake in the talks."],
                   ["The Velmont haulier will cut 40 jobs at the Tarsa crossings."])
    assert "counted differ" in judge.verdict(0, (0,), 1, (0,)).evidence


def test_the_same_count_of_the_same_thing_in_other_words_is_not_refused():
    """A synonym keeps its neighbours ("2,500 officers were deployed" / "2,500 police were
    deployed"), even where the story joins the two words."""
    judge = _judge(["About 2,500 officers were deployed around the main square of Lesk on Tuesday.",
                    "The police and the officers of the coast guard kept watch."],
                   ["On Tuesday evening some 2,500 police were deployed to keep order in Lesk's main square."])
    verdict = judge.verdict(0, (0,), 1, (0,))
    assert "counted differ" not in verdict.evidence and verdict.confidence >= ev.SAME_STATEMENT


def test_two_words_side_by_side_name_one_thing():
    """"police officers" in the story does not tell police from officers: it joins nothing."""
    judge = _judge(["About 2,500 officers guarded the main square of Lesk on Tuesday evening.", POLICE],
                   ["About 2,500 police closed the roads into Lesk on Tuesday evening."])
    assert judge.told_apart("polic", "offic") is False
    assert "counted differ" not in judge.verdict(0, (0,), 1, (0,)).evidence
    judge = _judge([POLICE, BOTH], [FARMERS])
    assert judge.told_apart("polic", "farme") is True


def test_a_count_that_qualifies_the_thing_both_name_is_not_refused():
    """"the 14-nation bloc" / "the 14-member bloc": the thing counted is the bloc, which both name."""
    judge = _judge(["Leaders of the 14-nation bloc accused Korrin of arming the rebels in the Tarsa valley.",
                    "The nations and their member parliaments disagree on the cost."],
                   ["The 14-member bloc, meeting in Geneva, said Korrin had armed the Tarsa rebels."])
    assert judge.told_apart("natio", "membe")
    assert "counted differ" not in judge.verdict(0, (0,), 1, (0,)).evidence


def test_an_elided_noun_may_count_anything():
    judge = _judge([POLICE, BOTH], ["About 2,500 were in the main square of Lesk on Tuesday evening, farmers said."])
    assert "counted differ" not in judge.verdict(0, (0,), 1, (0,)).evidence


def test_nouns_the_story_never_joins_are_not_told_apart():
    """A paraphrase often counts the same people with another word ("seven miners" / "seven men
    from the valley"): with no sentence naming both, nothing says they are two things."""
    judge = _judge([POLICE], [FARMERS])
    assert "counted differ" not in judge.verdict(0, (0,), 1, (0,)).evidence


def test_years_dates_and_percentages_count_no_thing():
    for a, b in (("In 2019 farmers drove into Lesk.", "In 2019 police closed the square."),
                 ("On 4 March farmers drove into Lesk.", "On 4 March police closed the square."),
                 ("Some 20 percent of farmers drove into Lesk.", "Some 20 percent of police closed the square.")):
        assert not facts.counted_differ(clues(a).words, frozenset(), clues(b).words, frozenset(), lambda x, y: True), (a, b)


def test_across_languages_the_words_never_meet_and_say_nothing():
    judge = _judge([POLICE.replace("2,500", "400"), BOTH], ["Environ 400 agriculteurs ont conduit leurs tracteurs sur la place de Lesk mardi soir.",
                    "Les policiers ont retenu les agriculteurs devant la mairie."],
                   languages=["en", "fr"])
    assert "counted differ" not in judge.verdict(0, (0,), 1, (0,)).evidence


_NOUNS = ["farmers", "police", "officers", "tractors", "vans", "miners", "men", "trucks", "jobs"]
_REST = ["drove", "into", "the", "square", "were", "deployed", "around", "Lesk", "on", "Tuesday", "main", "of"]


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(["2,500", "40", "seven", "three"]), st.sampled_from(_NOUNS), st.sampled_from(_NOUNS),
       st.lists(st.sampled_from(_REST), max_size=8), st.lists(st.sampled_from(_REST), max_size=8))
def test_symmetric_and_never_against_the_same_noun(count, noun_a, noun_b, rest_a, rest_b):
    """Invariant: the verdict does not depend on which sentence is first, and a count of the same
    noun on both sides is never another thing, whatever else the sentences say."""
    a = clues(" ".join(["About", count, noun_a] + rest_a) + ".")
    b = clues(" ".join(["Around", count, noun_b] + rest_b) + ".")
    apart = lambda x, y: True  # noqa: E731 (every pair of words told apart: the rule's own conditions decide)
    one = facts.counted_differ(a.words, frozenset(a.names), b.words, frozenset(b.names), apart)
    assert one == facts.counted_differ(b.words, frozenset(b.names), a.words, frozenset(a.names), apart)
    if noun_a == noun_b:
        assert not one
