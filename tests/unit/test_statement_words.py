"""In parallel retellings of one language, a pair made by position whose words beyond the
story's names and topic words do not meet is another statement about the same actors (issue 16,
the lead problem). Our own invented three-outlet story: the reservoir, the board and the farmers
recur in most sentences, so they are topic words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import align
from retold.model.story import Outlet, OutletMeta, Sentence


def outlet(oid, sentences, language="en"):
    meta = OutletMeta(id=oid, name=oid, source=f"{oid}.txt", language=language)
    return Outlet(meta=meta, text="", title=None, removed=(),
                  sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(sentences)))


WIRE = [
    "The Harrow Valley reservoir has lost a fifth of its water in three weeks, the regional water board said.",
    "Farmers say the reservoir board knew of a crack in the spillway since last month.",
    "Board chair Lena Osk said nine engineers would inspect the reservoir spillway next week.",
    "Farmers downstream want the board to release more reservoir water for the summer harvest.",
    "The reservoir supplies drinking water to about 40,000 homes, the board says.",
    "Repairs to the reservoir could take until the autumn, according to the board's latest report.",
    "Farmers plan to march on the board's offices in Millbrook on Saturday.",
]
RETOLD = [
    "The Harrow Valley reservoir has lost a fifth of its water in just three weeks, the regional water board said.",
    "According to farmers, the reservoir board has known of a crack in the spillway since last month.",
    "Nine engineers will inspect the reservoir spillway next week, board chair Lena Osk said.",
    "Farmers downstream want the board to let more reservoir water out for the summer harvest.",
    "The reservoir supplies drinking water to some 40,000 homes, according to the board.",
    "Repairs to the reservoir may last until the autumn, the board's latest report says.",
    "Farmers plan a march on the board's offices in Millbrook on Saturday.",
]
THIRD = [
    "A fifth of the water in the Harrow Valley reservoir has drained away in three weeks.",
    "Farmers claim the board knew of the spillway crack a month ago.",
    "Lena Osk, the board chair, said engineers would inspect the reservoir next week.",
    "Repairs to the reservoir may run into the autumn.",
]
ACCUSED = "Farmers accused the regional water board on Tuesday of hiding damage to the Harrow Valley reservoir."


def story(wire_lead, retold_lead, third_lead=ACCUSED):
    return align([outlet("a", [wire_lead] + WIRE), outlet("b", [retold_lead] + RETOLD), outlet("c", [third_lead] + THIRD)])


@pytest.mark.parametrize("lead", [
    "The regional water board warned farmers on Tuesday against pumping water from the Harrow Valley reservoir.",
    "The regional water board told farmers on Tuesday that the Harrow Valley reservoir would stay open.",
])
def test_a_lead_with_the_same_actors_and_another_statement_stays_unique(lead):
    alignment = story(ACCUSED, lead)
    assert alignment.counterpart_span("b", 0, "a") == () and alignment.counterpart_span("b", 0, "c") == ()
    assert all(alignment.counterpart_span("b", i, "a") == (i,) for i in range(1, 8))  # the rest still pairs


@pytest.mark.parametrize("lead", [
    "The regional water board on Tuesday urged farmers to stop pumping from the Harrow Valley reservoir, after they accused it of hiding damage.",
    "The regional water board was accused by farmers on Tuesday of concealing damage at the Harrow Valley reservoir.",
])
def test_a_lead_that_tells_the_accusation_too_still_pairs(lead):
    alignment = story(ACCUSED, lead)
    assert alignment.counterpart_span("b", 0, "a") == (0,)


_EXTRA = st.sampled_from("the board farmers reservoir water regional Harrow Valley on Tuesday said of to".split())


def _sides(lead_a, lead_b, same_language=True, parallel=True):
    from retold.model.align import evidence as ev
    from retold.model.align import feature_weights, sentence_features
    from retold.model.align.records import PairSides
    from retold.model.align.scoring import Scorer

    rows = [[lead_a] + WIRE, [lead_b] + RETOLD]
    features = sentence_features([outlet("a", rows[0]), outlet("b", rows[1])])
    weights = feature_weights(features)
    judge = ev.Judge(rows, features, weights)
    judge.parallel[(0, 1)] = parallel
    return PairSides(0, 1, features[0], features[1], Scorer(features, weights), same_language, judge=judge, copies=parallel)


@settings(max_examples=40, deadline=None)
@given(st.lists(_EXTRA, max_size=6), st.randoms(use_true_random=False))
def test_sentences_with_the_same_statement_words_are_never_called_different(extra, rng):
    """However a sentence's words are reordered and padded with names and topic words, it is
    never called another statement than the sentence it was made from."""
    from retold.model.align.statements import different_statement

    words = ACCUSED.rstrip(".").split() + extra
    rng.shuffle(words)
    assert not different_statement(_sides(ACCUSED, " ".join(words) + "."), (0,), (0,))


def test_across_languages_the_statement_rule_never_speaks():
    from retold.model.align.statements import different_statement

    warned = "The regional water board warned farmers on Tuesday against pumping water from the Harrow Valley reservoir."
    assert different_statement(_sides(ACCUSED, warned), (0,), (0,))
    assert not different_statement(_sides(ACCUSED, warned, same_language=False), (0,), (0,))


def test_a_number_both_give_is_never_another_statement():
    """Reworded throughout, but the same number: the statement's own evidence."""
    from retold.model.align.statements import different_statement

    wire = "The first stage, a 310km pipeline to Millbrook, is due to open in 2027."
    retold = "The initial phase, a 310-kilometre main reaching Millbrook, should be finished by 2027."
    assert not different_statement(_sides(wire, retold), (0,), (0,))


QUOTE = '"This should never have happened," board chair Lena Osk said.'


def test_a_short_quote_beside_an_act_of_its_speaker_is_another_statement():
    """Outside parallel text, a quote too short to weigh its statement words ("never",
    "happened") beside a sentence where its speaker does something else: what a person says in
    quotation marks is not an act they are reported to do (a new user's derailment story: the
    minister's quote paired with her praise of the mayor)."""
    from retold.model.align.statements import different_statement

    praised = "Board chair Lena Osk praised the farmers for their patience."
    assert different_statement(_sides(QUOTE, praised, parallel=False), (0,), (0,))
    assert different_statement(_sides(praised, QUOTE, parallel=False), (0,), (0,))
    assert not different_statement(_sides(QUOTE, praised, parallel=True), (0,), (0,))  # parallel text: its place speaks


@pytest.mark.parametrize("other", [
    '"We were not consulted," said Lena Osk.',  # the same speaker's quote in other words
    'Lena Osk, the board chair, said the flood "should never have happened".',  # reported, with the quote
    "Lena Osk said it should never have happened.",  # reported without quotation marks
])
def test_two_tellings_of_what_one_speaker_said_are_left_to_the_judge(other):
    from retold.model.align.statements import different_statement

    assert not different_statement(_sides(QUOTE, other, parallel=False), (0,), (0,))


def test_a_short_sentence_of_one_person_doing_another_thing_is_another_statement():
    """Outside parallel text, a sentence with too few statement words to weigh shares none with
    the other's: the same person named, another thing done (a new user's ransomware story: the
    minister's planned visit paired with her words on the attack)."""
    from retold.model.align.statements import different_statement

    visit = "Board chair Lena Osk is due to visit Millbrook on Friday."
    spoke = 'Board chair Lena Osk spoke of "a betrayal of the valley".'
    assert different_statement(_sides(visit, spoke, parallel=False), (0,), (0,))


@pytest.mark.parametrize("one, other", [
    # one thing both name beyond who acts: a court is what is said, not who says it
    ("The farmers will take the case to the Supreme Court.",
     "Board critic Lena Osk said the farmers would appeal to the Supreme Court against the ruling."),
    # a short word and its longer form are one statement word ("harm" / "harmed")
    ("Lena Osk told the Courier that no farmer had been harmed.",
     "No farmer has come to any harm, board chair Lena Osk said."),
])
def test_short_sentences_that_meet_on_what_is_said_are_left_to_the_judge(one, other):
    from retold.model.align.statements import different_statement

    assert not different_statement(_sides(one, other, parallel=False), (0,), (0,))


def test_short_sides_meet_on_the_weight_of_what_they_share():
    """A short side meets the other where the statement words both give weigh STATEMENT_SHARE of
    the smaller side's words, as longer sides do: one light word both give ("patients", in a
    hospital story) is not the statement ("no patient had been harmed" / "apologised to
    patients and said every operation would be rebooked"); a short word and its longer form's
    key are one word ("harm" / "harmed")."""
    from retold.model.align.params import STATEMENT_SHARE
    from retold.model.align.statements import _meet

    weights = {"patie": 0.2, "harme": 1.5, "harm": 1.5, "apolo": 1.4, "reboo": 1.6, "opera": 1.0}
    short, long = frozenset({"patie", "harme"}), frozenset({"patie", "apolo", "reboo", "opera"})
    mass = lambda words: sum(weights[w] for w in words)  # noqa: E731
    assert weights["patie"] < STATEMENT_SHARE * mass(short)
    assert not _meet(short, long, weights, mass(short), mass(long))
    assert _meet(short, long | {"harm"}, weights, mass(short), mass(long | {"harm"}))
    heavy = dict(weights, patie=1.5)
    assert _meet(short, long, heavy, sum(heavy[w] for w in short), sum(heavy[w] for w in long))


def test_a_name_the_story_gives_everywhere_is_not_a_thing_named_beyond_who_acts():
    """A short quote and an act of its speaker stay apart though both name, past their opening
    words, the story's subject (issue 16, a user's summit story: the prime minister's "will not be
    bullied" quote paired with her airport promise through "the Compact"). A name most of the
    story's sentences give is topic, as the actors' names are; a court named once still meets
    (test_short_sentences_that_meet_on_what_is_said_are_left_to_the_judge)."""
    from retold.model.align.statements import _topic, different_statement

    quoted = 'Lena Osk said at the meeting that the Board "will not be bullied".'
    promised = "Lena Osk returned from Millbrook on Tuesday promising that the Board would repair the spillway."
    sides = _sides(quoted, promised, parallel=False)
    assert _topic(sides, "board")  # the story's subject, in most of its sentences
    assert different_statement(sides, (0,), (0,))
    assert different_statement(_sides(promised, quoted, parallel=False), (0,), (0,))


def test_a_year_both_give_does_not_make_two_statements_one():
    """A year is when, not what is said: two acts of one year ("invited … to resume the talks
    suspended since 2024" / "walked out of the talks in 2024") are judged on their statement
    words (the year one of them, weighed as they are), not spared by it; a count both give (test_a_number_both_give_is_never_another_statement)
    still is the statement's own evidence."""
    from retold.model.align.statements import different_statement

    warned = ("The regional water board warned farmers on Tuesday against pumping, irrigating or selling water from the "
              "Harrow Valley reservoir in 2024.")
    accused = "Farmers accused the regional water board on Tuesday of hiding cracks, leaks and damage to the Harrow Valley reservoir in 2024."
    assert different_statement(_sides(accused, warned, parallel=False), (0,), (0,))
    counted = ("The regional water board warned 2,400 farmers on Tuesday against pumping water from the Harrow Valley reservoir.",
               "Farmers, 2,400 of them, accused the regional water board on Tuesday of hiding damage to the Harrow Valley reservoir.")
    assert not different_statement(_sides(*counted, parallel=False), (0,), (0,))
