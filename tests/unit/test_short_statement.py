"""A short statement that meets the other sentence in no statement word shares only the story's
names and topic (retold.model.align.statements.different_statement): "'This should never have
happened,' the minister said" and "The minister praised the rangers for the clean-up" are two
statements of one speaker, not one reworded. Two short quotes of one speaker reworded stay a
pair. Sentences are our own, about an invented lake town."""

from __future__ import annotations

from test_align_facts import pair


def _together(a: str, b: str) -> bool:
    sa, sb, _members = pair(a, b)
    return sa.group is not None and sa.group == sb.group


def test_a_short_quote_and_another_act_of_the_same_speaker_are_two_statements():
    assert not _together(
        '"This should never have happened," Lake Minister Ilse Marrow said.',
        "Lake Minister Ilse Marrow praised the Perrow rangers for the speed of the clean-up.",
    )
    assert not _together(
        "Lake Minister Ilse Marrow promised a full inquiry.",
        '"This should never have happened," Lake Minister Ilse Marrow told reporters.',
    )


def test_one_speakers_short_quote_reworded_stays_one_statement():
    assert _together(
        '"Nobody asked us anything," said Per Lund, who leads the Perrow Anglers\' Club.',
        '"We were not consulted," said Per Lund, head of the Perrow Anglers\' Club.',
    )


def test_a_short_statement_with_a_word_of_its_own_in_common_stays():
    assert _together(
        "Lake Minister Ilse Marrow praised the rangers.",
        "Lake Minister Ilse Marrow praised the Perrow rangers for the speed of the clean-up.",
    )
