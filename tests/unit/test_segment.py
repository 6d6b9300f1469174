import pytest

from retold.model.segment import segment_article, split_sentences


def pieces(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "U.S. Secretary of State Antony Blinken said the talks would go on. They did.",
            ["U.S. Secretary of State Antony Blinken said the talks would go on.", "They did."],
        ),
        (
            "Beijing, July 11 (AFP) Jul 11, 2024 China warned the alliance on Thursday. It gave no details.",
            ["Beijing, July 11 (AFP) Jul 11, 2024 China warned the alliance on Thursday.", "It gave no details."],
        ),
        (
            'The allies pledged to "preserve stability," they added. Talks resume in May.',
            ['The allies pledged to "preserve stability," they added.', "Talks resume in May."],
        ),
        (
            "Washington, DC, promised new aid on Monday. Congress must agree.",
            ["Washington, DC, promised new aid on Monday.", "Congress must agree."],
        ),
        (
            "The prime minister returned to No. 10 on Monday. He spoke briefly.",
            ["The prime minister returned to No. 10 on Monday.", "He spoke briefly."],
        ),
        (
            "The estate of J. R. R. Tolkien objected. A court will rule.",
            ["The estate of J. R. R. Tolkien objected.", "A court will rule."],
        ),
        (
            "He said: “We will not yield.” Then he left the room.",
            ["He said: “We will not yield.”", "Then he left the room."],
        ),
        (
            "VALMORA. The ministers of eight states agreed on Tuesday to build the grid.",
            ["VALMORA. The ministers of eight states agreed on Tuesday to build the grid."],
        ),
    ],
)
def test_news_sentence_cases(text, expected):
    assert pieces(text) == expected


def test_offsets_point_into_the_original_text():
    text = "Header\n\nFirst sentence here. Second one\nwraps onto a new line.\n"
    start = text.index("First")
    sentences = segment_article("x", text, [(start, len(text) - 1)], "en")
    assert [s.text for s in sentences] == ["First sentence here.", "Second one wraps onto a new line."]
    for s in sentences:
        assert " ".join(text[s.start:s.end].split()) == s.text
    assert [s.index for s in sentences] == [0, 1]


def test_unknown_language_falls_back_to_english():
    assert pieces("One sentence. Two sentences.") == ["One sentence.", "Two sentences."]
    text = "One sentence here. Two sentences here."
    assert len(segment_article("x", text, [(0, len(text))], "zz-unknown")) == 2


def test_possessive_does_not_hide_a_name():
    from retold.model.normalize import tokens

    assert "castellmar" in tokens("Castellmar’s bid leader spoke.")
