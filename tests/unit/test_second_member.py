"""A second sentence of one outlet joins a pair as the other half of a split only when it is the
same speaker's: where both sides report one speaker's words, a neighbour that neither names that
speaker nor refers back to one ("he said") is someone else's (issue 16, a user's summit story: the
broadcaster's "The declaration itself describes the jamming as 'a hybrid attack on the Compact's
airspace'." rode into the group of the secretary-general's "will not be intimidated by hybrid
attacks on our airspace", beside its true counterpart "… told reporters the alliance would 'not be
intimidated'"). Invented text, in the Velmont story."""

from __future__ import annotations

import pytest

from retold.model.align import align
from velmont_story import FILLER_A, FILLER_B, outlet

CHIEF = 'Accord chief Ilse Varnholm told a press conference in Geneva that the Accord "will not be intimidated by hybrid attacks on our airspace".'
DECLARATION = 'The declaration describes the jamming as "a hybrid attack on the Accord\'s airspace".'
TOLD = 'Accord chief Ilse Varnholm told reporters in Geneva that the Accord would "not be intimidated".'
WIRE = ["Velmont accused Korrin on Monday of jamming satellite signals over the Tarsa valley."] + FILLER_A[:3] + [CHIEF] + FILLER_A[3:]
RETOLD = FILLER_B[:2] + ["Korrin rejected the accusation of jamming as a fabrication."] + [DECLARATION, TOLD] + FILLER_B[2:]


@pytest.mark.parametrize("ids", [("a", "b"), ("b", "a")])
def test_a_neighbour_saying_another_thing_does_not_ride_into_the_pair(ids):
    wire, retold = ids
    alignment = align([outlet(wire, WIRE), outlet(retold, RETOLD)])
    assert alignment.counterpart_span(wire, 4, retold) == (4,)  # the chief's words, not the declaration's
    assert alignment.counterpart_span(retold, 3, wire) == ()


def test_a_split_whose_halves_each_tell_part_of_the_statement_still_joins():
    """The wire's one sentence told in two by the other outlet — who said it, then the quote
    with "he added" — still joins as one group (the halves together are the statement)."""
    said = "Accord chief Ilse Varnholm told reporters in Geneva on Monday that the Accord would send eight aircraft to patrol the Tarsa valley."
    wire = ["Velmont accused Korrin on Monday of jamming satellite signals over the Tarsa valley."] + FILLER_A[:3] + [
        'Accord chief Ilse Varnholm told reporters in Geneva on Monday that the Accord would send eight aircraft to patrol the '
        'Tarsa valley, adding: "We will not leave Lesk alone."'] + FILLER_A[3:]
    retold = FILLER_B[:2] + ["Korrin rejected the accusation of jamming as a fabrication.", said,
                             '"We will not leave Lesk alone," she added.'] + FILLER_B[2:]
    alignment = align([outlet("a", wire), outlet("b", retold)])
    assert alignment.counterpart_span("a", 4, "b") == (3, 4)


def test_the_split_phase_does_not_take_in_a_neighbour_saying_another_thing():
    """The same, asked of the phase that looks again once every pair is made (splits.py): the
    declaration fills the part of the chief's sentence its paired neighbour leaves out ("hybrid
    attacks on our airspace"), yet its own words do not tell her statement and the pair is surer
    without it."""
    from retold.model.align import evidence as ev
    from retold.model.align import feature_weights, sentence_features
    from retold.model.align.records import PairSides, new_link
    from retold.model.align.scoring import Scorer
    from retold.model.align.splits import grow_splits

    features = sentence_features([outlet("a", WIRE), outlet("b", RETOLD)])
    weights = feature_weights(features)
    judge = ev.Judge([WIRE, RETOLD], features, weights)
    judge.parallel[(0, 1)] = False
    sides = PairSides(0, 1, features[0], features[1], Scorer(features, weights), True, judge=judge)
    links = [new_link(0.8, 0, (4,), 1, (4,))]
    assert grow_splits(sides, links) == links
