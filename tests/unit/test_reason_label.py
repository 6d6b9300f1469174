"""A removal reason shown inside the reader's brackets never nests brackets."""

from hypothesis import given
from hypothesis import strategies as st

from retold.tui.state import reason_label

WORDS = st.text(st.characters(categories=["L", "Zs"]), min_size=1, max_size=20).map(str.strip).filter(bool)


@given(WORDS, WORDS)
def test_a_bracketed_part_becomes_a_comma_clause(head, detail):
    assert reason_label(f"{head} ({detail})") == f"{head}, {detail}"


def test_the_readers_reasons():
    assert reason_label("headline-like line (no sentence end)") == "headline-like line, no sentence end"
    assert reason_label("page chrome (<header>)") == "page chrome, <header>"


@given(WORDS)
def test_a_plain_reason_is_unchanged(reason):
    assert reason_label(reason) == reason


@given(st.text(max_size=40))
def test_no_brackets_are_left(reason):
    label = reason_label(reason)
    assert "(" not in label and ")" not in label
