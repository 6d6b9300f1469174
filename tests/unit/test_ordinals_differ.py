"""A rank changed in a copied sentence is another claim: "the second derailment this year" /
"the third derailment this year" (retold.model.align.factwords.ordinals_differ). Such a pair is
refused or shown as "possible" with "numbers differ", never as shared; the same rank in other
words, or a fraction ("a third of the wagons"), is no rank. Sentences are our own, about an
invented lake town."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align.factwords import ordinals_differ
from test_align_facts import against, assert_not_claimed, pair
from retold.model.story import Status

WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()


def _digits(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def test_a_changed_rank_is_never_shared():
    assert_not_claimed(
        "It is the second spill at the Perrow pumping station this year, after a leak in April.",
        "It is the third spill at the Perrow pumping station this year, after a leak in April.",
        "numbers differ",
    )
    assert "numbers differ" in against("Perrow is the 2nd-largest town on the lake.", "Perrow is the 3rd-largest town on the lake.")


def test_the_same_rank_or_a_fraction_is_no_rank_against():
    sa, sb, _ = pair("It is the second spill at the Perrow pumping station this year.",
                     "It is the second spill at the Perrow pumping station this year.")
    assert sa.status is Status.SHARED and sb.status is Status.SHARED
    assert against("The second pump failed first.", "The first pump and the second pump failed.") == ()
    assert not ordinals_differ(("a", "third", "of", "the", "boats"), ("a", "quarter", "of", "the", "boats"))


@given(a=st.integers(1, 10), b=st.integers(1, 10), digits_a=st.booleans(), digits_b=st.booleans(),
       noun=st.sampled_from(["spill", "closure", "warning", "inquiry"]))
@settings(max_examples=150, deadline=None)
def test_ranks_differ_exactly_when_the_places_differ(a, b, digits_a, digits_b, noun):
    word_a = _digits(a) if digits_a else WORDS[a - 1]
    word_b = _digits(b) if digits_b else WORDS[b - 1]
    found = against(f"It was the {word_a} {noun} at the Perrow jetty this year.",
                    f"It was the {word_b} {noun} at the Perrow jetty this year.")
    assert ("numbers differ" in found) == (a != b), (word_a, word_b, found)
