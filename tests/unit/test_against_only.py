"""A sentence whose every link in its group names no evidence at all, or nothing for it but its
place and something against it ("numbers differ, position", confidence 0.03), is no counterpart
(issue 16: no pair from position alone; a review's governor and deputy governor were paired at
0.05 with "evidence: none named"). A held-out user's French outlet had its fine of 450,000 grouped with a
live blog's "sentenced to six years" on exactly that."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import retold.model.align.finish as finish
from retold.model.align.evidence import AGAINST, Verdict
from retold.model.pipeline import load_alignment

class _Judge:
    def __init__(self, parallel, languages):
        self.parallel, self.languages = parallel, languages
        self.features = [[object()] * 40, [object()] * 40]


NAMES = sorted(AGAINST) + ["position", "lexical", "names", "numbers", "semantic", "run"]


@given(st.sets(st.sampled_from(NAMES), max_size=4))
def test_a_sentence_is_out_exactly_when_its_evidence_is_against_and_place_only(names):
    evidence = finish._Evidence({(0, 1): 0, (1, 1): 0}, [], None, _Judge({}, ["en", "en"]))
    evidence.verdict[(0, 1)] = Verdict(0.03, tuple(sorted(names)))
    evidence.verdict[(1, 1)] = Verdict(0.9, ("lexical",))
    out = finish._against_only(evidence)
    assert (out == {(0, 1)}) == (not names or (bool(names & AGAINST) and names <= AGAINST | {"position"}))


def test_the_sentence_leaves_its_group_and_a_group_of_one_outlet_is_no_group(tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("The harbour council approved the new ferry budget on Monday after a long debate.\n"
                                     "The mayor thanked the ferry crews for their work during the storms.\n")
    told = finish._against_only

    def b_second_against(evidence, placed=frozenset()):
        found = told(evidence, placed)
        b = next(node for node in evidence.verdict if node[1] == 1)  # one outlet's second sentence
        return found | {b}

    monkeypatch.setattr(finish, "_against_only", b_second_against)
    alignment = load_alignment([str(tmp_path)], semantic=False)
    second = [g for g in alignment.groups if any(m.sentence == 1 for m in g.members)]
    assert len(second) == 1 and len(second[0].members) == 2  # two of three outlets still tell it
    assert sum(o.sentences[1].status == "unique" for o in alignment.outlets) == 1



def test_in_parallel_text_of_one_language_the_place_is_evidence_and_the_sentence_stays():
    """Text+Berg's machine translation beside the human one: a figure written otherwise there is
    still that sentence (the rule cost its link F1 0.952 -> 0.949 before the exemption); a French
    paper read as "parallel" to an English live blog is no such text."""
    for languages, parallel, out in ((["fr", "fr"], True, set()), (["fr", "en"], True, {(0, 1)}), (["fr", "fr"], False, {(0, 1)})):
        evidence = finish._Evidence({(0, 1): 0, (1, 1): 0}, [], None, _Judge({(0, 1): parallel}, languages))
        evidence.verdict[(0, 1)] = Verdict(0.03, ("numbers differ", "position"))
        evidence.verdict[(1, 1)] = Verdict(0.9, ("lexical",))
        assert finish._against_only(evidence) == out, (languages, parallel)  # noqa: B023
    # A bead naming nothing stays beside a parallel outlet of any language, when the texts are
    # long enough for "parallel" to mean a translation (review17: ten-sentence outlets read as
    # parallel on two names).
    for languages, parallel, sentences, out in ((["de", "en"], True, 40, set()), (["de", "en"], False, 40, {(0, 1)}),
                                                (["de", "en"], True, 10, {(0, 1)})):
        judge = _Judge({(0, 1): parallel}, languages)
        judge.features = [[object()] * sentences] * 2
        evidence = finish._Evidence({(0, 1): 0, (1, 1): 0}, [], None, judge)
        evidence.verdict[(0, 1)] = Verdict(0.4, ())
        evidence.verdict[(1, 1)] = Verdict(0.9, ("lexical",))
        assert finish._against_only(evidence) == out, (languages, parallel)  # noqa: B023
