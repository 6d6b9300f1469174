"""A thin merge across languages keeps only the pieces whose own numbers the one sentence
carries (names are spelt otherwise across languages), when another piece has its own that it does not (review16: a blog's "the
economy will grow only 1.4% this year instead of 1.9%" beside a German outlet's "this year 5.3
percent" and "growth cut to 1.4 from 1.9 percent" put the 5.3 % sentence in the growth group).
Not in a translation judged parallel (its lengths hold its merges: Text+Berg de-fr lost 0.02
link F1 without that), and not where the pieces name nothing of their own."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import retold.model.align.evidence as ev
from retold.model.align.clues import Clues
from retold.model.align.records import Link
from retold.model.align.weakmerge import _translation_cut


class Judge:
    def __init__(self, marks, confidence=0.13, parallel=False, sentences=40, evidence=("names",)):
        self.marks, self.confidence, self.parallel = marks, confidence, {(0, 1): parallel}
        self.features = [[object()] * sentences, [object()] * sentences]
        self.evidence = evidence

    def clues_of(self, k, i):
        return Clues((), (), None, frozenset(), frozenset(self.marks.get((k, i), ())), ())

    def link_verdict(self, link):
        return ev.Verdict(self.confidence, self.evidence)


MERGE = Link(0.4, 0, (6,), 1, (5, 6))  # the blog's one sentence, the German outlet's two
MARKS = {(0, 6): {"1.4", "1.9"}, (1, 5): {"5.3"}, (1, 6): {"2026", "1.4", "1.9"}}


def test_the_piece_the_sentence_does_not_carry_is_cut_off():
    assert _translation_cut([MERGE], Judge(MARKS), ["en", "de"]) == [Link(0.4, 0, (6,), 1, (6,))]


def test_in_one_language_in_long_parallel_text_or_when_strong_the_merge_stands():
    assert _translation_cut([MERGE], Judge(MARKS), ["de", "de"]) == [MERGE]
    assert _translation_cut([MERGE], Judge(MARKS, parallel=True), ["en", "de"]) == [MERGE]
    assert _translation_cut([MERGE], Judge(MARKS, confidence=ev.STRONG), ["en", "de"]) == [MERGE]


def test_short_texts_judged_parallel_do_not_hold_it_and_a_merge_on_its_place_alone_goes():
    """Review17: ten-sentence outlets read as "parallel" on two names, and a press release's two
    tail sentences merged beside a Portuguese one on their place alone."""
    assert _translation_cut([MERGE], Judge(MARKS, parallel=True, sentences=10), ["en", "de"]) == [Link(0.4, 0, (6,), 1, (6,))]
    assert _translation_cut([MERGE], Judge({}, evidence=("position",)), ["en", "de"]) == []
    assert _translation_cut([MERGE], Judge({}, parallel=True, evidence=("position",)), ["en", "de"]) == [MERGE]


@given(st.sets(st.sampled_from(["7", "12", "40"]), max_size=3))
def test_a_merge_whose_pieces_give_no_number_of_their_own_stands(carried):
    marks = {(0, 6): carried, (1, 5): {"40"}, (1, 6): {"40"}}
    assert _translation_cut([MERGE], Judge(marks), ["en", "de"]) == [MERGE]
