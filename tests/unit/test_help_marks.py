"""Review: the reader's help explained =, ~ and + but never the panes' "?" (a possible pair).
Every mark a pane can show a sentence with is explained in the help's opening lines."""

from __future__ import annotations

import re

from retold.model.story import POSSIBLE_GLYPH, STATUSES
from retold.tui.screens.help import HELP_INTRO


def test_every_sentence_mark_is_explained_in_the_help():
    for mark, word in [(status.glyph, str(status)) for status in STATUSES] + [(POSSIBLE_GLYPH, "possible")]:
        # the mark, then what it is called, as the legend under the status line names it
        assert re.search(rf"(^|\s){re.escape(mark)} (marks a )?{word}\b", HELP_INTRO), (mark, word)


def test_the_question_mark_is_said_to_be_a_pair_on_weak_evidence_named_on_the_status_line():
    text = HELP_INTRO.split(f"{POSSIBLE_GLYPH} marks a possible", 1)[1]
    assert "shared or altered" in text.split(".")[0]  # a pair, never a kind of unique sentence
    assert "weak evidence" in text and "status line names the evidence" in text
