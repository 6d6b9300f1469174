"""A teaser's label alone on its line ("Read more", "Also read:") and the teased headline under it
are the page's link to another article, not the article's text; and two lines never glue into one
sentence unless the first runs on (a hard wrap near the wrap width, or an open end). Invented text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.clean import clean_documents
from test_clean_real_pages import doc, body_of

BODY = [
    "The lighthouse keepers of Ostmere voted on Friday to accept the new pay offer, their guild said.",
    "The offer raises night-shift pay by nine percent from January, the harbour board said.",
    "Keepers had refused three earlier offers since the spring.",
    "The board said the lamps on the outer islands would stay lit throughout the talks.",
    "A final vote on the rosters is due next month.",
]
HEADLINES = [
    "Ferry fares to the outer islands rise for the third year running",
    "Storm closes Ostmere harbour for two days",
    "New pier opens in Brask after four-year delay",
]


@pytest.mark.parametrize("label", ["Read more", "Read more:", "READ MORE", "Also read:", "See also", "Related:"])
@pytest.mark.parametrize("headline", HEADLINES)
def test_a_teaser_label_over_a_headline_is_furniture(label, headline):
    text = "Keepers accept pay offer\n\n" + "\n\n".join(BODY[:3]) + f"\n\n{label}\n{headline}\n\n" + "\n\n".join(BODY[3:]) + "\n"
    [article] = clean_documents([doc(text)])
    assert body_of(article, text) == BODY
    removed = {r.text: r.reason for r in article.removed}
    assert removed.get(headline) in ("teaser link", "headline list")


def test_a_sentence_under_a_teaser_label_stays():
    # What stands under the label is the article when it is a sentence.
    text = "Keepers accept pay offer\n\n" + "\n\n".join(BODY[:3]) + "\n\nRead more\n" + "\n\n".join(BODY[3:]) + "\n"
    [article] = clean_documents([doc(text)])
    assert body_of(article, text) == BODY


def _lines_of_paragraph(text: str, start: int, end: int) -> list[str]:
    return text[start:end].split("\n")


_SENTENCE = st.builds(
    lambda a, b, c: f"{a} {b} {c}.",
    st.sampled_from(["The board", "Keepers on the islands", "The guild's secretary", "Harbour pilots"]),
    st.sampled_from(["said on Friday that", "agreed last week that", "confirmed in a statement that"]),
    st.sampled_from(["the lamps would stay lit", "the talks would resume in March", "night pay would rise by nine percent"]),
)
_SHORT = st.sampled_from(["Read more", "Update", "Watch", "Key points", "In pictures", "The vote", "Ostmere"])
_WRAPPED = st.sampled_from([  # a long line that runs on past its wrap
    ("The harbour board said on Friday that the new rosters for the", "Ostmere keepers would start in January."),
    ("Keepers on the outer islands, who had refused three offers since", "April, said the vote was close."),
])


@given(st.lists(st.one_of(_SENTENCE.map(lambda s: [s]), _SHORT.map(lambda s: [s]), _WRAPPED.map(list)), min_size=3, max_size=12),
       st.lists(st.booleans(), min_size=12, max_size=12))
@settings(max_examples=150, deadline=None)
def test_no_sentence_glues_a_short_line_to_the_next(units, blanks):
    """Invariant: inside a kept paragraph, every line break follows a line that runs on (one at
    least the wrap width long, or ending open); a short line without a sentence end never shares
    a sentence with the line under it."""
    parts = []
    for unit, blank in zip(units, blanks):
        parts.append("\n".join(unit))
        parts.append("\n\n" if blank else "\n")
    text = "Keepers accept pay offer\n\n" + "".join(parts)
    [article] = clean_documents([doc(text)])
    for start, end in article.paragraphs:
        lines = _lines_of_paragraph(text, start, end)
        for line in lines[:-1]:
            line = line.strip()
            assert len(line) >= 40 or line.endswith((":", ";", ",", "(", "[", "–", "—", "-")), (line, text[start:end])


def test_a_hard_wrap_before_a_capital_still_joins():
    wrapped = "The harbour board said on Friday that the new rosters for the\nOstmere keepers would start in January."
    text = "Keepers accept pay offer\n\n" + "\n\n".join(BODY[:2] + [wrapped] + BODY[2:]) + "\n"
    [article] = clean_documents([doc(text)])
    assert " ".join(wrapped.split()) in body_of(article, text)


@pytest.mark.parametrize("word", ["Watch", "Listen"])
def test_a_word_of_dialogue_alone_is_no_teaser_label(word):
    # "Watch" and "Listen" label a teaser only before a separator ("Watch: …"); alone they may be
    # a line of dialogue, and the line under them is not a teased headline.
    under = "The keepers on the outer islands"
    text = "Keepers accept pay offer\n\n" + "\n\n".join(BODY[:3]) + f"\n\n{word}\n{under}\n\n" + "\n\n".join(BODY[3:]) + "\n"
    [article] = clean_documents([doc(text)])
    assert {r.text: r.reason for r in article.removed}.get(under) != "teaser link"
