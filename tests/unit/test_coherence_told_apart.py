"""Two statements told apart (each confirmed by strong links between a wire W and its copy C)
are not fused by a translation's one sentence read as the merge of the wire's two, on a name
and its place (two users: an Italian "Seven people died in Castelmora." took the wire's "seven
killed" and "twelve missing" into one group, with every copy of each; a French sentence fused
an arrest and an earlier, different case). Across languages such a merge stands only when the
sentence carries each half's own number or name; in one language, as any group, by its words.
Tested on links with a judge whose confidences and clues are given."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import retold.model.align.evidence as ev
from retold.model.align.clues import Clues
from retold.model.align.coherence import coherent
from retold.model.align.records import Link

W, C, R, T = 0, 1, 2, 3  # the wire, its copy, a third outlet, the translation


class Judge:
    def __init__(self, confidences, marks):
        self.confidences, self.marks = confidences, marks
        self.features = [[object() for _ in range(6)] for _ in range(4)]

    def link_verdict(self, link):
        return ev.Verdict(self.confidences[(link.outlet_a, link.rows, link.outlet_b, link.cols)], ())

    def verdict(self, a, rows, b, cols, *_args):
        found = self.confidences.get((a, tuple(rows), b, tuple(cols))) or self.confidences.get((b, tuple(cols), a, tuple(rows)))
        return ev.Verdict(0.9 if found is None else found, ())

    def clues_of(self, k, i):
        numbers, names = self.marks.get((k, i), ((), ()))
        return Clues((), tuple(names), None, frozenset(), frozenset(numbers), ())


def fused(merge_confidence, t_marks, t_language="it"):
    confidences = {
        (W, (1,), C, (1,)): 0.99,  # "At least seven people were killed in Castelmora." and its copy
        (W, (2,), C, (2,)): 0.99,  # "Twelve people remain missing." and its copy
        (W, (1, 2), T, (1,)): merge_confidence,  # the translation's one sentence, read as both
    }
    marks = {(W, 1): (("7",), ("caste",)), (C, 1): (("7",), ("caste",)), (W, 2): (("12",), ()), (C, 2): (("12",), ()),
             (T, 1): t_marks}
    links = [Link(0.5, a, rows, b, cols) for a, rows, b, cols in confidences]
    members = [(W, 1), (W, 2), (C, 1), (C, 2), (T, 1)]
    return coherent([members], links, Judge(confidences, marks), ["en", "en", "en", t_language])


@given(st.floats(0.01, ev.STRONG - 0.01))
def test_a_weak_merge_across_languages_does_not_fuse_two_confirmed_statements(confidence):
    groups = fused(confidence, (("7",), ("caste",)))
    assert [(W, 1), (C, 1)] in groups and [(W, 2), (C, 2)] in groups, groups


def test_a_merge_that_carries_each_halfs_own_number_stands():
    assert fused(0.4, (("7", "12"), ("caste",))) == [[(W, 1), (W, 2), (C, 1), (C, 2), (T, 1)]]


def test_in_one_language_the_weak_merge_is_judged_by_its_words():
    assert fused(0.4, (("7",), ("caste",)), t_language="en") == [[(W, 1), (W, 2), (C, 1), (C, 2), (T, 1)]]
