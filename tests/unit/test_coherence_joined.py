"""A group holds two sentences of one outlet only as the pieces of one statement (issue 16,
precision first; align/coherence.py `_joined`). A new user's fraud verdict had "Prosecutors had
asked for a nine-year sentence." and "Prosecutor Quorrel said her office was satisfied …" of one
wire in one group, through a chain: another outlet's "The prosecution had sought a nine-year
sentence." paired (thinly) with a third outlet's "Quorrel, who had sought nine years, said …",
which pairs with the wire's second sentence. Every outlet that has both tells them apart; the
group is split at its weakest link. Tested on links with a judge whose confidences are given
(the judge's words are tested elsewhere)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import retold.model.align.evidence as ev
from retold.model.align.coherence import coherent
from retold.model.align.records import Link

D, E, M, N = 0, 1, 2, 3  # a copy of the wire, a local paper, a national paper, the wire


class Judge:
    """Confidences as given per link; any other pair (the parts' own evidence) at `parts`."""

    def __init__(self, confidences, parts=0.9):
        self.confidences, self.parts = confidences, parts
        self.features = [[object() for _ in range(12)] for _ in range(4)]

    def link_verdict(self, link):
        return ev.Verdict(self.confidences[(link.outlet_a, link.rows, link.outlet_b, link.cols)], ())

    def verdict(self, a, rows, b, cols, *_args):
        found = self.confidences.get((a, tuple(rows), b, tuple(cols))) or self.confidences.get((b, tuple(cols), a, tuple(rows)))
        return ev.Verdict(self.parts if found is None else found, ())


def links_of(confidences):
    return [Link(0.5, a, rows, b, cols) for a, rows, b, cols in confidences]


CHAIN = {
    (D, (6,), N, (7,)): 0.99,  # the copy's "sought nine years" / the wire's
    (D, (7,), N, (8,)): 0.99,  # the copy's Quorrel / the wire's
    (E, (8,), N, (7,)): 0.80,  # the local paper's "sought a nine-year sentence"
    (E, (8,), M, (7,)): 0.51,  # ... beside the national paper's "Quorrel, who had sought nine years, said …"
    (M, (7,), N, (8,)): 0.66,
    (D, (7,), M, (7,)): 0.73,
}
LANGUAGES = ["en"] * 4


def groups_of(confidences, judge=None):
    links = links_of(confidences)
    members = sorted({(l.outlet_a, i) for l in links for i in l.rows} | {(l.outlet_b, j) for l in links for j in l.cols})
    return coherent([members], links, judge or Judge(confidences), LANGUAGES)


def test_two_statements_chained_through_other_outlets_are_split_at_the_weakest_link():
    assert groups_of(CHAIN) == [[(D, 6), (E, 8), (N, 7)], [(D, 7), (M, 7), (N, 8)]]


def test_the_pieces_of_one_statement_stay_in_one_group():
    # The national paper's sentence merges both of the wire's (and the copy's): one statement, cut
    # in two by the wire — its two halves.
    halves = dict(CHAIN) | {(M, (7,), N, (7,)): 0.6, (D, (6,), M, (7,)): 0.6}
    assert len(groups_of(halves)) == 1
    # ... or one link holds both.
    merged = {k: v for k, v in CHAIN.items() if k != (M, (7,), N, (8,))} | {(M, (7,), N, (7, 8)): 0.6}
    assert len(groups_of(merged)) == 1


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_split_does_not_depend_on_the_links_order(rng):
    items = list(CHAIN.items())
    rng.shuffle(items)
    assert groups_of(dict(items)) == groups_of(CHAIN)


class Contradicting(Judge):
    """... and the words of two given sentences name another number."""

    def __init__(self, confidences, against):
        super().__init__(confidences)
        self.against = against

    def verdict(self, a, rows, b, cols, *_args):
        found = super().verdict(a, rows, b, cols)
        if {(a, tuple(rows)), (b, tuple(cols))} == self.against:
            return ev.Verdict(0.01, ("numbers differ",))
        return found


def test_a_chain_through_a_merge_does_not_hold_two_sentences_whose_words_contradict():
    """Review7: the copy (D) merges the wire's "2,100 jobs were lost" (N 14) and "the airline owes
    410 million" (N 15) in one sentence: one link holds both, the pieces of one statement. A local
    paper's "Of the 2,100 workers who lost their jobs, 1,400 are crew" (E) pairs with the wire's
    jobs sentence, a business paper's "Debts stand near 410 million" (M) thinly with the copy's
    merge; the local and the business paper's words name another number (0.01): two statements
    the chain holds in one group, split at its weakest link."""
    merge = {(D, (4,), N, (14, 15)): 0.95, (E, (9,), N, (14,)): 0.9, (D, (4,), M, (3,)): 0.6, (M, (3,), N, (15,)): 0.55}
    # nothing against: the merge's pieces and their partners stay one group
    assert groups_of(merge) == [[(D, 4), (E, 9), (M, 3), (N, 14), (N, 15)]]
    pieces = groups_of(merge, Contradicting(merge, {(E, (9,)), (M, (3,))}))
    assert not any((E, 9) in piece and (M, 3) in piece for piece in pieces)
    assert any((E, 9) in piece for piece in pieces)  # split, not dropped whole
