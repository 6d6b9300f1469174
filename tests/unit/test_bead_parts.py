"""Each sentence of a merged bead must itself carry the other side's statement (issue 16):
a quote folded into the bead of the next sentence because both name the speaker is trimmed off
and left on its own; the parts of a real split stay together. Our own invented story."""

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
    "The Harrow Valley reservoir lost a fifth of its water in three weeks, the regional water board said on Tuesday.",
    "Engineers found a crack in the eastern spillway during a routine inspection last month.",
    "Board chair Lena Osk said nine engineers would visit the spillway next week to measure the damage.",
    "Farmers downstream have asked the board to release more water for the summer harvest.",
    "The reservoir supplies drinking water to about 40,000 homes in the valley.",
    "Repairs could take until the autumn, according to the board's latest report.",
]
RETOLD = [
    "The Harrow Valley reservoir has lost a fifth of its water in just three weeks, the regional water board said Tuesday.",
    "A routine inspection last month found a crack in the eastern spillway.",
    None,  # the quote or the first part of a split
    "Osk said nine engineers would visit the spillway next week to measure the damage.",
    "Farmers downstream have asked the board to release more water for the summer harvest.",
    "The reservoir supplies drinking water to some 40,000 homes across the valley.",
    "Repairs could last until the autumn, the board's latest report says.",
]


def span(alignment, i):
    return alignment.counterpart_span("b", i, "a")


@pytest.mark.parametrize("quote", [
    '"Facts first, blame later," Osk said.',
    '"Facts first, blame later," Osk said of the spillway.',
    '"We need facts on the damage before any blame," board chair Lena Osk said.',
    '"Facts first, blame later," said Osk, whose board will visit next week.',
])
@pytest.mark.parametrize("after", [False, True])
def test_a_quote_that_shares_only_its_speaker_is_trimmed_off_its_neighbours_bead(quote, after):
    retold = RETOLD[:2] + ([RETOLD[3], quote] if after else [quote, RETOLD[3]]) + RETOLD[4:]
    engineers, said = (2, 3) if after else (3, 2)
    alignment = align([outlet("a", WIRE), outlet("b", retold)])
    assert span(alignment, engineers) == (2,)  # the engineers pair with the engineers
    assert span(alignment, said) == ()  # the quote says something the wire does not
    assert [span(alignment, i) for i in (0, 1, 4, 5, 6)] == [(0,), (1,), (3,), (4,), (5,)]


@pytest.mark.parametrize("whole, parts", [
    ("Engineers found a crack in the eastern spillway during a routine inspection last month, and the board closed the footpath over the dam.",
     ["Engineers found a crack in the eastern spillway last month.", "The board has since closed the footpath over the dam."]),
    ("The reservoir, which supplies drinking water to about 40,000 homes, was built in 1962.",
     ["The reservoir was built in 1962.", "It supplies drinking water to about 40,000 homes."]),
    ("Farmers downstream have asked the board to release more water, saying the summer harvest is at risk.",
     ["Farmers downstream have asked the board to release more water.", "They say the summer harvest is at risk."]),
])
def test_the_parts_of_a_real_split_stay_in_one_bead(whole, parts):
    wire = WIRE[:2] + [whole] + WIRE[3:]
    retold = RETOLD[:2] + parts + RETOLD[3:]
    alignment = align([outlet("a", wire), outlet("b", retold)])
    assert span(alignment, 2) == (2,) and span(alignment, 3) == (2,)


_OWN_WORDS = st.sampled_from("data blame trust honest patience calm people answers fear rumours facts truth tomorrow together".split())


@settings(max_examples=25, deadline=None)
@given(st.lists(_OWN_WORDS, min_size=3, max_size=9), st.booleans(), st.sampled_from(["Osk said.", "said Osk.", "board chair Lena Osk said."]))
def test_a_quote_of_its_own_words_never_rides_on_its_speakers_pair(words, after, attribution):
    """Whatever the quote says in words of its own, with the speaker named, it does not join the
    bead of the speaker's sentence beside it, and that sentence keeps its counterpart."""
    quote = f'"{" ".join(words).capitalize()}," {attribution}'
    retold = RETOLD[:2] + ([RETOLD[3], quote] if after else [quote, RETOLD[3]]) + RETOLD[4:]
    engineers, said = (2, 3) if after else (3, 2)
    alignment = align([outlet("a", WIRE), outlet("b", retold)])
    assert span(alignment, engineers) == (2,)
    assert 2 not in span(alignment, said)
