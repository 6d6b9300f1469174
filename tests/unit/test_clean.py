from hypothesis import given
from hypothesis import strategies as st

from retold.model.clean import clean_documents, strong_reason
from retold.model.story import OutletMeta, RawDoc


def doc(text, name="a", title=None):
    return RawDoc(meta=OutletMeta(id=name, name=name, source=f"{name}.txt", title=title), text=text, encoding="utf-8")


def body_texts(article):
    return [" ".join(article.doc.text[a:b].split()) for a, b in article.paragraphs]


FURNITURE = [
    ("icon bookmarkicon chevron downicon share", "icon names"),
    ("ADVERTISEMENT", "advertisement"),
    ("Join us on Telegram", "social / subscribe prompt"),
    ("Follow us", "social / subscribe prompt"),
    ("Top stories", "section heading"),
    ("READ MORE: Why cables break", "teaser link"),
    ("Ships in the harbour at dawn. (Photo: Agency/Jane Roe)", "photo caption / credit"),
    ("Please enter your comment!", "comment form"),
    ("We use cookies to give you the best experience. Accept all", "cookie notice"),
    ("© 2026 Example Media. All rights reserved.", "copyright"),
    ("Tuesday, 3 March 2026 14:12 GMT", "page date"),
    ("Updated: 03.03.2026, 16:05", "page date"),
    ("Home | World | Business | Sport", "navigation"),
    ("Skip to content", "navigation"),
]


def test_strong_furniture_rules_name_a_reason():
    for line, reason in FURNITURE:
        assert strong_reason(line) == reason, line


def test_body_sentences_are_not_furniture():
    for line in [
        "The minister said the cookies served at the summit were a gift from the host city.",
        "Critics have warned that the cables could be vulnerable to sabotage.",
        "Follow-up talks are planned for June, the statement said.",
        "He photographed the site in 2019 and published the images a year later.",
    ]:
        assert strong_reason(line) is None, line


def test_headline_body_and_removed_lines_are_separated():
    text = "\n".join(
        [
            "Home",
            "World",
            "Ministers agree on a shared power grid for the coast",
            "Tuesday, 3 March 2026",
            "Ministers agreed on Tuesday to build a shared grid.",
            "ADVERTISEMENT",
            "The deal is worth 42 billion euros, officials said.",
            "Top stories",
            "Storm warning issued for the west",
            "Port strike enters its third week",
            "© 2026 Example Media",
        ]
    )
    [article] = clean_documents([doc(text)])
    assert article.title == "Ministers agree on a shared power grid for the coast"
    assert body_texts(article) == [
        "Ministers agreed on Tuesday to build a shared grid.",
        "The deal is worth 42 billion euros, officials said.",
    ]
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["ADVERTISEMENT"] == "advertisement"
    assert reasons["Storm warning issued for the west"] == "headline list"
    assert reasons["Port strike enters its third week"] == "headline list"


def test_nothing_is_silently_dropped():
    text = "Home\nA headline that is long enough here\nOne body sentence is here.\nJoin us on Telegram\n\nAnother body line, with words.\n"
    [article] = clean_documents([doc(text)])
    kept = set()
    for a, b in article.paragraphs:
        kept.add(" ".join(text[a:b].split()))
    kept |= {r.text for r in article.removed}
    kept.add(article.title)
    assert kept == {line for line in text.splitlines() if line.strip()}


def test_line_matching_another_outlets_body_is_restored():
    # Without final punctuation this line looks like a headline; the other outlet proves it is prose.
    a = doc("Agency headline for the story here\nThe ministers agreed to meet again in June to sign the final treaty\n", "a")
    b = doc("Another headline for this story\nThe ministers agreed to meet again in June to sign the final treaty.\n", "b")
    alone = clean_documents([a])[0]
    assert body_texts(alone) == []
    together = clean_documents([a, b])[0]
    assert body_texts(together) == ["The ministers agreed to meet again in June to sign the final treaty"]


def test_hard_wrapped_paragraph_is_joined():
    text = "Title of the wrapped story is here\n\nEnergy ministers from eight nations agreed on Tuesday\nto construct a joint grid. It will cost\n42 billion euros.\n"
    [article] = clean_documents([doc(text)])
    assert body_texts(article) == [
        "Energy ministers from eight nations agreed on Tuesday to construct a joint grid. It will cost 42 billion euros."
    ]


def test_manifest_title_wins(tmp_path):
    text = "Site name\nThe real headline of the story\nA sentence of the body is here.\n"
    [article] = clean_documents([doc(text, title="The real headline of the story")])
    assert article.title == "The real headline of the story"
    assert article.title_span is not None


TRANSLATOR_CREDITS = [
    "Translated from the English by Ada Roe.",
    "(Translated by Mira Holt and Jo van Dijk)",
    "Translation: Jo Park",
    "Aus dem Englischen übersetzt von Lena Brandt.",
    "Übersetzung: Tom Weiss",
    "Traduit de l'anglais par Paul Marin.",
    "Traducido del inglés por Ana Ruiz.",
    # Several credits on one line, and who edited it: the same furniture.
    "Translated from the Norse by Ada Roe. Edited by Jo Park.",
    "Edited by Jo Park.",
    "Übersetzt von Lena Brandt; redigiert von Tom Weiss.",
    "Traduit de l'anglais par Paul Marin. Relu par Anne Lo.",
]


def test_translator_credit_is_furniture():
    # A translation says who translated it on a line of its own: not a sentence of the story
    # (left in, it is a unique "sentence" in the one outlet that translates).
    for line in TRANSLATOR_CREDITS:
        assert strong_reason(line) == "translator or editor credit", line


def test_sentences_about_a_translation_are_news():
    for line in [
        "The novel, translated from the French by Ada Roe, sold three million copies.",
        "Translated by volunteers, the leaflets reached every village within a week.",
        "Translated by Ada Roe, the report was published on Monday.",
        "Übersetzt von einem Team aus zwölf Leuten wurde das Buch ein Erfolg.",
        "Translation services at the hospital were cut last year.",
        "Edited by the council, the plan lost two of its five bridges.",
        "Edited by Jo Park, the report was sent to the ministry on Monday.",
        "Translated from the Norse by Ada Roe. Edited by Jo Park, it sold well.",
    ]:
        assert strong_reason(line) is None, line


@given(st.sampled_from(TRANSLATOR_CREDITS), st.sampled_from([
    ", the report was published on Monday.", " and read on the radio the next day.", ", it sold well.",
    " before the council voted on it.",
]))
def test_a_credit_that_goes_on_as_a_sentence_is_news(credit, rest):
    # A credit is furniture only when names alone follow its head: once the line goes on in
    # lower case words, it is a sentence about the text, and the article keeps it.
    line = credit.rstrip(".)") + rest
    assert strong_reason(line) is None, line
