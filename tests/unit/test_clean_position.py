"""Position rules for pasted pages (clean_position.py), on invented pages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.clean import clean_documents
from retold.model.story import OutletMeta, RawDoc


def doc(text: str) -> RawDoc:
    return RawDoc(meta=OutletMeta(id="page", name="page", source="page.txt"), text=text, encoding="utf-8")


ARTICLE = (
    "The ferry crews returned to work on Monday after a week of talks with the port authority.\n\n"
    "Passengers crowded the terminal from early morning, and the first boat left at six.\n\n"
    "The union said its members had accepted the new rota, and talks on pay will resume in June.\n"
)
# A sidebar teaser above the article that shares more words with its opening than the headline does.
TEASER = "Ferry crews vote on the new rota at the port tonight\n\n"


def test_the_headline_stands_over_the_byline_and_date():
    text = "Harbour Gazette\n\n" + TEASER + "Quiet night on the quay\n\nBy Ana Veldt\n4 May 2026\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title == "Quiet night on the quay"


def test_a_dated_author_line_counts_as_the_byline():
    text = "Harbour Gazette\n\n" + TEASER + "Quiet night on the quay\n\nposted by anaveldt · 4 May 2026\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title == "Quiet night on the quay"


def test_the_authors_name_alone_is_no_headline():
    text = "Harbour Gazette\n\n" + TEASER + "Ana Veldt\n\n4 May 2026\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title != "Ana Veldt"


def test_without_a_byline_or_date_the_line_above_is_not_taken_for_it():
    text = "Harbour Gazette\n\n" + TEASER + "Quiet night on the quay\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title != "Quiet night on the quay"


def body_texts(text: str) -> list[str]:
    article = clean_documents([doc(text)])[0]
    return [" ".join(text[s:e].split()) for s, e in article.paragraphs]


STORY = (
    "Quiet night on the quay\n\nBy Ana Veldt\n4 May 2026\n\n" + ARTICLE
    + "\nThe old rota had put two crews on every boat, and the council said that had cost too much last winter.\n"
    + "\nThe harbour master said the night shift would stay on the new rota until the end of the summer.\n"
)


# Three lines of furniture that do not end an article: what follows stands below its main run.
BELOW = "\nPhoto: Harbour Authority\nAdvertisement\n4 May 2026\n\n"


@pytest.mark.parametrize("prompt", [
    "Did you like this article? Share it with a friend.",
    "Enjoyed this story? Get the next one in your inbox every morning.",
    "Hat Ihnen dieser Artikel gefallen? Dann empfehlen Sie ihn weiter.",
    "Willst du nichts mehr verpassen? Hier gibt es alle Neuigkeiten.",
    "Vous aimez nos reportages ? Découvrez les autres.",
    "Wie bewerten Sie diesen Beitrag?",
])
def test_a_question_to_the_reader_under_the_article_is_furniture(prompt):
    kept = body_texts(STORY + BELOW + prompt + "\n\nHome\nContact\n")
    assert prompt not in kept
    assert kept[-1].startswith("The harbour master said")


def test_a_question_to_the_reader_inside_the_article_stays():
    question = "Have you ever waited for a night ferry in the rain?"
    text = "Quiet night on the quay\n\nBy Ana Veldt\n4 May 2026\n\n" + question + "\n\n" + ARTICLE + (
        "\nThe harbour master said the night shift would stay on the new rota until the end of the summer.\n"
        "\nA second crew will join in July, when the summer timetable starts on all three routes.\n"
        "\nThe port authority said the cost of the extra crew would be met from the ticket surcharge.\n"
    )
    assert question in body_texts(text)


def test_a_question_about_someone_else_under_the_article_stays():
    # French "du" is no reader: the closing question is the article's.
    line = "Que reste-t-il du vieux port après la grève ?"
    assert line in body_texts(STORY + "\n" + line + "\n")


def test_the_authors_note_under_the_article_is_furniture():
    note = "Ana Veldt covers the harbour and its ferries for the Gazette."
    kept = body_texts(STORY + "\n" + note + "\n")
    assert note not in kept and kept[-1].startswith("The harbour master said")
    first_name = "Ana has written about the port since 2019."
    assert first_name not in body_texts(STORY + "\nAna Veldt\n\n" + first_name + "\n")


def test_a_paragraph_opening_with_another_name_stays():
    line = "Tomas Brenn, who skippers the first boat, said the crews were glad to be back."
    assert line in body_texts(STORY + "\n" + line + "\n")
    # under a line of that name (a profile's subhead), without a byline naming him
    assert line in body_texts(STORY + "\nTomas Brenn\n\n" + line + "\n")


_SENTENCE = st.lists(st.sampled_from("ferry crew quay harbour night boat rota port talks union pay summer".split()),
                     min_size=8, max_size=14).map(lambda ws: ws[0].capitalize() + " " + " ".join(ws[1:]) + ".")
_FURNITURE = st.sampled_from([
    "Did you like this article?", "Home", "Share this", "Ana Veldt", "Want more? Sign up for our newsletter.",
    "By Ana Veldt", "4 May 2026", "Advertisement", "Ana Veldt covers the harbour.",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(_FURNITURE, max_size=6), st.lists(_SENTENCE, min_size=3, max_size=8), st.lists(_FURNITURE, max_size=6))
def test_an_article_of_plain_sentences_is_kept_whatever_surrounds_it(above, sentences, below):
    # Sentences that neither ask the reader nor open with the byline's name are never dropped.
    text = "\n\n".join(above + sentences + below) + "\n"
    kept = " ".join(body_texts(text))
    assert all(sentence in kept for sentence in sentences)


MENU = "Home\nNews\nSport\nWeather\nContact\nAbout us\nJobs\n"
PROMO = "Our weekly letter brings the best of the coast to your door, free of charge every Friday."


def test_a_small_run_of_prose_far_below_the_article_after_its_end_is_furniture():
    kept = body_texts(STORY + "\nShare this article\n\n" + MENU + "\n" + PROMO + "\n\n" + MENU)
    assert PROMO not in kept and kept[-1].startswith("The harbour master said")


def test_without_a_line_that_ends_articles_a_far_run_stays():
    # A gallery or a table may part an article from its last paragraph.
    gallery = "\n\n".join(["The quay at dawn", "The first boat", "The crew room", "The night shift", "The harbour office", "The old pier"]) + "\n"
    assert PROMO in body_texts(STORY + "\n" + gallery + "\n" + PROMO + "\n\n" + gallery)


def test_a_long_run_below_the_article_end_stays():
    # A comment thread: more lines than a box (and shorter than the article).
    thread = [f"I took the night ferry {n} times." for n in range(2, 9)]
    kept = body_texts(STORY + "\nShare this article\n\n" + MENU + "\n" + "\n\n".join(thread) + "\n")
    assert all(comment in kept for comment in thread)


TEASERS = ["Night buses return to the old town after two years", "Harbour museum opens a room for the lost fishing fleet"]


def test_teaser_headlines_after_a_line_that_ends_articles_stay_out_with_prose_further_down():
    comment = "I took the night ferry twice last week and it was on time both nights, which is new."
    kept = body_texts(STORY + "\nShare this article\n" + "\n".join(TEASERS) + "\n" + comment + "\n")
    assert not any(teaser in " ".join(kept) for teaser in TEASERS)


def test_short_lines_between_article_sentences_stay_when_no_end_line_parts_them():
    # A list inside the article, under its last sentence so far, before the next one.
    kept = body_texts(STORY + "\n".join(TEASERS) + "\nThe port authority said both would open on Friday.\n")
    assert all(teaser in " ".join(kept) for teaser in TEASERS)


def test_a_short_note_keeps_its_question_to_the_reader():
    # Too short to tell an article from its page: the question is the note's own.
    question = "Did you ride the first boat this morning? Tell us how the crossing went."
    text = "Quiet night on the quay\n\nThe first ferry left on time this morning.\n\n" + question + "\n"
    assert question in body_texts(text)


@pytest.mark.parametrize("line", [
    "Get our best stories in your inbox every morning.",
    "We reach thousands of readers on the coast every week.",
    "Sie müssen sich anmelden, um einen Kommentar zu schreiben.",
    "Nous publions chaque semaine nos meilleurs reportages.",
])
def test_the_pages_own_voice_under_a_line_that_ends_articles_is_furniture(line):
    kept = body_texts(STORY + "\nTags: ferries, harbour, night shift\n\n" + line + "\n")
    assert line not in kept and kept[-1].startswith("The harbour master said")


def test_a_quoted_we_under_the_end_line_stays_and_so_does_you_without_one():
    quoted = "“We will be back on the boats on Monday, and on every route after that,” the union said."
    assert quoted in body_texts(STORY + "\nTags: ferries, harbour, night shift\n\n" + quoted + "\n")
    # A blog's closing line to its reader, with no share row or comment form above it.
    closing = "If you take the night ferry this summer, bring a coat for the deck."
    assert closing in body_texts(STORY + "\n" + closing + "\n")


DECK = "After a week of talks with the port authority the ferry crews accept the new night rota\n\n"


def test_the_headline_over_its_deck():
    text = "Harbour Gazette\n\nFerry strike ends after a week\n\n" + DECK + ARTICLE
    assert clean_documents([doc(text)])[0].title == "Ferry strike ends after a week"


def test_a_kicker_over_the_headline_is_not_taken_for_it():
    # A dated kicker, and a label as long as the headline, stand above headlines, not over decks.
    text = "Harbour Gazette\n\nKestrel Bay port news, 04.05.2026\n\n" + DECK + ARTICLE
    assert clean_documents([doc(text)])[0].title == DECK.strip()
    headline = "Ferry crews accept the new rota after talks"
    text = "Harbour Gazette\n\nNews from the port authority and the quay\n\n" + headline + "\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title == headline


def test_a_headline_kept_between_a_blurb_and_the_article_is_still_the_headline():
    # The site's blurb ends a sentence, so the headline under it stands between body lines.
    headline = "Ferry crews back to work after talks with the port authority end the strike"
    text = "Harbour Gazette\n\nThe best of the coast, every day.\n\nHome\nNews\nSport\nWeather\nJobs\n\n" + headline + "\n\n" + ARTICLE
    article = clean_documents([doc(text)])[0]
    assert article.title == headline
    # In a text with no trace of a web page (no line is furniture by a rule of its own), the
    # line is its author's, not a headline found by its place.
    bare = "The best of the coast, every day.\n\nNews\nSport\nWeather\nJobs\n\n" + headline + "\n\n" + ARTICLE
    assert clean_documents([doc(bare)])[0].title != headline


def test_a_question_to_the_reader_naming_the_site_by_its_domain():
    prompt = "Sie lesen gern Hafenblatt.de? Dann unterstützen Sie uns."
    assert prompt not in body_texts(STORY + BELOW + prompt + "\n\nHome\nContact\n")


TAIL = "The winter timetable for every ferry route is printed on page six."


def test_a_tail_of_prose_under_the_articles_end_is_furniture():
    # 12 words under 89: more than a tenth, less than the share that ends an article.
    assert TAIL not in body_texts(STORY + "\nTags: ferries, harbour\n\n" + TAIL + "\n")


def test_a_pictures_credit_does_not_end_the_article():
    kept = body_texts(STORY + "\n© Bild: Hafenamt/Mara Quell\n\n" + TAIL + "\n")
    assert TAIL in kept
    assert TAIL not in body_texts(STORY + "\n© 2026 The Harbour Gazette\n\n" + TAIL + "\n")


def test_a_bare_texts_closing_question_to_the_reader_stays():
    # Only the article, pasted without its page: the column's last line is its author's.
    question = "Would you pay that much for a night on the ferry? Tell me what you think."
    text = ARTICLE + "\nThe harbour master said the night shift would stay on the new rota until the end of the summer.\n" + (
        "\nThe old rota had put two crews on every boat, and the council said that had cost too much last winter.\n"
        "\n" + question + "\n")
    assert question in body_texts(text)


def test_a_question_to_the_reader_closing_the_article_stays():
    # The article's own last line, in its run of prose: a call to its readers, not the page's.
    question = "Would you like to help crew the night boats? The union invites volunteers to its office."
    assert question in body_texts(STORY + "\n" + question + "\n\nHome\nContact\n")


DECK_UNDER = "Passengers crowd the terminal as the first boats leave on the new night rota\n\n"


def test_the_headline_over_its_standfirst_over_the_byline():
    """Two new users' pages laid out headline / standfirst / byline / date / article: the line
    over the byline was taken for the headline. A standfirst-long line there, under a headline-
    shaped line that tells what it or the opening tells, is the standfirst; a short line over the
    byline is the headline, whatever stands above it (test_the_headline_stands_over_the_byline_and_date)."""
    headline = "Ferry crews end their strike after a week of talks"
    text = "Harbour Gazette\n\n" + headline + "\n\n" + DECK_UNDER + "By Ana Veldt\n4 May 2026\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title == headline
    # a label above that tells nothing of the story is no headline
    label = "Weekend reading from our coast desk"
    text = "Harbour Gazette\n\n" + label + "\n\n" + DECK_UNDER + "By Ana Veldt\n4 May 2026\n\n" + ARTICLE
    assert clean_documents([doc(text)])[0].title == DECK_UNDER.strip()


def test_a_slogan_under_the_sites_name_is_not_the_article():
    """A new user's page: "Your city. Your news. Since 1891." under the masthead, and everything
    after it (the account links, the headline, the standfirst) reached the alignment as sentences."""
    text = ("The Harbour Gazette\nYour coast. Your news. Since 1891.\nLog in | Subscribe\n\n"
            "Ferry crews end their strike\n\nBy Ana Veldt\n4 May 2026\n\n" + ARTICLE)
    article = clean_documents([doc(text)])[0]
    assert body_texts(text)[0].startswith("The ferry crews returned to work")
    assert article.title == "Ferry crews end their strike"


def test_short_sentences_in_the_article_stay():
    # Only a page's first lines hold its slogan, under the site's name: the same shape in the
    # article, or under a headline, is its text.
    short = "It rained. The river rose. Roads closed."
    text = "Ferry crews end their strike\n\n" + ARTICLE + "\n" + short + "\n\nThe union thanked the passengers for their patience.\n"
    assert short in body_texts(text)
    text = "Ferry crews end their strike\n" + short + "\n\n" + ARTICLE
    assert short in body_texts(text)


@pytest.mark.parametrize("excerpt", [
    "Nachdem die Reederei im Frühjahr zwei Fähren verkauft hatte, fragten sich die Crews, wie es im Winter weitergehe...",
    "The council's plan for the north quay drew a crowd of two hundred to the town hall on Thursday, where the mayor…",
    "Les équipages du port ont voté lundi pour une grève de deux jours, a dit le syndicat, qui demande …",
])
def test_an_excerpt_cut_off_by_an_ellipsis_below_the_article_is_a_teaser(excerpt):
    # Under the article, a related story's excerpt; and the headline list kept above it for
    # standing between the article and that excerpt goes with it.
    teaser = "Night ferries to run again from June"
    kept = body_texts(STORY + "\nMore from the harbour\n\nPhoto: Harbour Authority\n" + teaser + "\n3 May 2026\n\n" + excerpt + "\n")
    assert excerpt not in kept and teaser not in kept and kept[-1].startswith("The harbour master said")
    # Within the article, a line that trails off is the article's own.
    trailing = "The last crew to leave the quay said only this: we will be back in June…"
    text = STORY.replace("\nThe old rota", "\n" + trailing + "\n\nThe old rota")
    assert trailing in body_texts(text)
