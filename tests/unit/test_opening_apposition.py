"""A description set before the name that opens a sentence, between commas, is who acts, not
what is said (issue 16, a user's summit story: "The summit host, Ellandian Prime Minister Jonas
Brekke, appealed to the Compact for practical help." joined, through "host", the next
sentence's quote in a merge against another outlet's one sentence holding "The summit's host,
… Jonas Brekke, said his country had lost millions …, adding: '…'"; the group then held the
appeal beside the losses it does not tell). Its words are title words (clues.title_words), as a
title before an opening name is, so they are no statement words. Invented text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import align
from retold.model.align.clues import title_words
from velmont_story import FILLER_A, FILLER_B, outlet

APPEAL = "The summit host, Lesk Mayor Jonas Brekke, appealed to the Accord for practical help."
QUOTE = '"We are a small town on the front line, and we expect our allies to stand with us," Brekke said.'
BOTH = ('The summit host, Lesk Mayor Jonas Brekke, said his town had lost "millions in tourism and freight" because of the closures, '
        'adding: "We are a small town on the front line, and we expect our allies to stand with us."')


def test_an_opening_description_does_not_make_a_sentence_half_of_a_merge():
    a = FILLER_A[:3] + [APPEAL, QUOTE] + FILLER_A[3:]
    b = ["Velmont accused Korrin on Monday of jamming satellite signals over the Tarsa valley."] + FILLER_B[:2] + [BOTH] + FILLER_B[2:]
    alignment = align([outlet("a", a), outlet("b", b)])
    assert alignment.counterpart_span("b", 3, "a") == (4,)  # the quote; the appeal is another statement
    assert alignment.counterpart_span("a", 3, "b") == ()


_OPENERS = st.sampled_from(["The", "Its", "Their", "His", "Her"])
_DESCRIPTIONS = st.sampled_from(["host", "summit host", "regional chair", "union's new leader", "chief negotiator"])
_NAMES = st.sampled_from(["Jonas Brekke", "Lesk Mayor Jonas Brekke", "Prime Minister Ada Roth", "Ilse Varnholm"])


@settings(max_examples=50, deadline=None)
@given(_OPENERS, _DESCRIPTIONS, _NAMES)
def test_the_words_of_an_opening_description_are_title_words(opener, description, name):
    text = f"{opener} {description}, {name}, appealed to the Accord for practical help."
    found = title_words(text)
    assert all(w.split("'")[0] in found for w in description.lower().split())
    assert "appealed" not in found and "practical" not in found


def test_a_clause_between_commas_is_no_description():
    assert title_words("The vote, Ada Roth said, was close.") == ()
    assert title_words("The board, which Ada Roth chairs, said no.") == ()
