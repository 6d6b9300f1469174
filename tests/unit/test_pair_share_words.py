"""A pair's line in Sources never gives a share of sentences that contradicts its counterparts:
the near-verbatim share alone only when every counterpart is word for word; both figures when
some are in other words; the counterparts alone across two languages (invented outlets, groups
built by hand)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retold.model.provenance import provenance
from retold.model.story import Alignment, Group, Member
from sources_helpers import make_outlet

ENGLISH = [
    "The ferry to Vennick Island stopped running on Monday after a crack was found in its hull.",
    "Repairs will take at least four months, the harbour master said.",
    "About 300 islanders use the ferry every day to reach the mainland.",
    "The council will hire a smaller boat for the winter.",
]
REWORDED = [
    "A crack in the hull has halted the Vennick Island ferry since Monday.",
    "The harbour master expects the repair work to last four months or more.",
    "Some 300 people on the island rely on the boat each day.",
    "For the winter months the council plans to charter a smaller vessel.",
]
GERMAN = [
    "Die Fähre nach Vennick Island fährt seit Montag nicht mehr, nachdem ein Riss im Rumpf entdeckt wurde.",
    "Die Reparatur dauert mindestens vier Monate, sagte der Hafenmeister.",
    "Etwa 300 Inselbewohner nutzen die Fähre täglich, um das Festland zu erreichen.",
    "Der Rat will für den Winter ein kleineres Boot mieten.",
]


def _pair(b_sentences, b_language, paired, published=("2026-05-02T08:00:00Z", "2026-05-02T11:00:00Z"), removed=()):
    a = make_outlet("a", ENGLISH, name="Harbour Wire", published=published[0])
    b = make_outlet("b", b_sentences, name="Island Times", language=b_language, published=published[1], removed=removed)
    groups = tuple(Group(f"g{i}", (Member("a", i, 1.0), Member("b", i, 1.0))) for i in paired)
    return provenance(Alignment(outlets=(a, b), groups=groups, story_title=None, story_key="k"))


def _verdict(result) -> str:
    (pair,) = result.pairs
    return pair.verdict


def test_a_translation_gives_its_counterparts_not_a_verbatim_share():
    credit = [("Aus dem Englischen übersetzt von Lena Quell.", "translator or editor credit")]
    verdict = _verdict(_pair(GERMAN, "de", range(4), published=(None, None), removed=credit))
    assert "share 0 %" not in verdict and "likely from Harbour Wire" in verdict
    assert verdict.startswith("Harbour Wire and Island Times have counterparts for 100 % of their 8 sentences (in two languages)")


def test_a_rewrite_gives_both_figures():
    sentences = ENGLISH[:2] + REWORDED[2:]
    verdict = _verdict(_pair(sentences, "en", range(4)))
    assert "share 50 % of their 8 sentences near word for word and have counterparts for 100 %" in verdict
    assert verdict.endswith("no credit either way, and without one a claim needs 80 % near word for word")


def test_a_copy_word_for_word_keeps_the_one_figure():
    verdict = _verdict(_pair(ENGLISH, "en", range(4), published=(None, None)))
    assert verdict == "Harbour Wire and Island Times share 100 % of their 8 sentences; order unknown"


@given(st.lists(st.sampled_from(["same", "reworded", "german"]), min_size=4, max_size=4), st.sets(st.integers(0, 3), min_size=3))
def test_the_counterparts_figure_is_always_given_when_it_differs(kinds, paired):
    german = all(kind == "german" for kind in kinds)
    sentences = [GERMAN[i] if german else ENGLISH[i] if kind == "same" else REWORDED[i] for i, kind in enumerate(kinds)]
    credit = [("Aus dem Englischen übersetzt von Lena Quell.", "translator or editor credit")] if german else []
    result = _pair(sentences, "de" if german else "en", sorted(paired), published=(None, None), removed=credit)
    if not result.pairs:
        return  # too little shared for a line at all
    verdict = _verdict(result)
    told = f"{round(100 * len(paired) / 4)} %"
    assert f"share {told} of their 8 sentences" in verdict or f"counterparts for {told}" in verdict
    if german:
        assert "share " not in verdict


def test_a_copy_reworded_sentence_by_sentence_gets_its_line():
    """Review (a new user's story): a synonym-swapped copy of the wire, every sentence with a
    counterpart but few word for word, got no line in Sources at all ("No claim …"). It gets its
    figures and the order, and still no claim."""
    result = _pair(REWORDED, "en", range(4))
    assert not result.edges
    assert _verdict(result) == ("Harbour Wire and Island Times share 0 % of their 8 sentences near word for word and have counterparts "
                                "for 100 %; Harbour Wire published first, no credit either way, and without one a claim needs 80 % "
                                "near word for word")
    # A pair with few counterparts still gets none.
    assert not _pair(REWORDED, "en", range(1)).pairs
