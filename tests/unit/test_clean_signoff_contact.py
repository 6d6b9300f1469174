"""Two classes of furniture a new user's pasted pages leaked, in lines we write ourselves: the
newsroom's request for tips addressed to an email address, and what stands below a wire's
sign-off ("(Reporting by …; Editing by …)"), which ends the article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.clean import clean_documents, strong_reason
from test_clean_real_pages import doc, body_of

BODY = [
    "Ferry crews on the northern routes voted on Monday to strike over new winter rosters, their union said.",
    "The strike would begin on 3 December and last three days, the union said.",
    "The ferry company said it would keep the island services running with managers on board.",
    "Harbour masters in Orlin said they expected long queues at the car ferry terminal.",
    "Talks between the union and the company are due to resume on Thursday.",
]


@pytest.mark.parametrize("line", [
    "Have you been affected? Email newsdesk@harbour-daily.example",
    "Contact us at tips@orlin-radio.example.",
    "Share your story: stories@harbour-daily.example",
    "Schreiben Sie uns: redaktion@hafenblatt.example",
    "Email newsdesk@harbour-daily.example",
    # and a number to ring instead
    "Got a story? Email newsdesk@orlin-post.example or call 01742 551 208.",
    "Seen the queues? Contact us at tips@orlin-radio.example or phone +44 1742 551 208",
    "Got a story for us? Email news@orlin-post.example or WhatsApp us.",
    "Got a story? Call the Post newsdesk on 01742 551 208 or email newsdesk@orlin-post.example.",
])
def test_a_request_for_tips_to_an_address_is_furniture(line):
    assert strong_reason(line) == "social / subscribe prompt"


@given(
    who=st.sampled_from(["Residents", "Passengers", "Crews who lost shifts", "Anyone with a booking"]),
    verb=st.sampled_from(["can email", "were told to write to", "should contact", "may send claims to"]),
    address=st.from_regex(r"[a-z]{3,8}@[a-z]{3,8}\.example", fullmatch=True),
    tail=st.sampled_from([" for advice, the company said.", ", the union said.", " before Friday, the harbour office said.",
                          " or call 01742 551 208, the company said."]),
)
@settings(max_examples=60, deadline=None)
def test_an_article_sentence_that_gives_an_address_stays(who, verb, address, tail):
    sentence = f"{who} {verb} {address}{tail}"
    assert strong_reason(sentence) is None
    text = "Ferry crews vote to strike\n\n" + "\n\n".join(BODY[:3] + [sentence] + BODY[3:]) + "\n"
    [article] = clean_documents([doc(text)])
    assert sentence in body_of(article, text)


def test_what_stands_below_a_wires_sign_off_is_not_the_article():
    text = ("Ferry crews vote to strike\n\n" + "\n\n".join(BODY) +
            "\n\n(Reporting by Ana Veldt; Editing by Tom Derrel)\n\n"
            "Our Standards: The Harbour Wire Trust Principles.\n\n© 2026 Harbour Wire. All rights reserved.\n")
    [article] = clean_documents([doc(text)])
    body = body_of(article, text)
    assert body == BODY


def test_a_sign_off_above_the_text_cuts_nothing():
    text = "Ferry crews vote to strike\n\n(By Ana Veldt)\n\n" + "\n\n".join(BODY) + "\n"
    [article] = clean_documents([doc(text)])
    assert body_of(article, text) == BODY
