"""Who acts is not what is said (issue 16, precision first): the title before a full name that
opens a sentence ("Ostra Lines chief executive Hanna Vell said …") names the actor, like the name
itself, and two different statements of one titled speaker share only that. Our own invented
story: a ferry aground on a lake, a wire, a local paper reporting on its own, and a short rewrite."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from retold.model.align import align
from retold.model.align.clues import title_words
from velmont_story import outlet



WIRE = [
    "A ferry carrying 212 passengers ran aground on a sandbank in Lake Ostra near the town of Pell on Sunday evening.",
    "Nobody was hurt, and all passengers were taken ashore by lifeboats within three hours, the coastguard said.",
    "Ostra Lines chief executive Hanna Vell apologised to passengers and said the company would refund every ticket.",
    "The ferry, the Marisol, had left Pell harbour twenty minutes earlier on its regular crossing to Dun.",
    "Harbour master Elke Brun said the channel had been marked correctly and dredged in the spring.",
    "Divers will inspect the hull on Monday before the ferry is towed back to Pell.",
    "Crossings between Pell and Dun are suspended until Wednesday.",
]
LOCAL = [
    "Passengers spent three cold hours on a stranded ferry in Lake Ostra on Sunday before lifeboats brought them ashore.",
    "The Marisol struck a sandbank shortly after leaving Pell harbour for Dun.",
    # The same speaker with her title, another statement: only who speaks is shared.
    "Ostra Lines chief executive Hanna Vell said the company would challenge the lake authority's ban on night crossings.",
    "Fisherman Ole Tand said he had warned the harbour about shifting sand last month.",
    "Harbour master Elke Brun insisted the channel was marked correctly and had been dredged in the spring.",
    "Divers are due to inspect the hull on Monday.",
    "No crossings to Dun will run before Wednesday.",
]
SHORT = [
    "A passenger ferry with 212 people on board ran aground in Lake Ostra on Sunday.",
    "All passengers were brought ashore without injury, according to the coastguard.",
    "Ostra Lines said it would refund all tickets, and its chief executive Hanna Vell apologised.",
    "Crossings to Dun are suspended until Wednesday.",
]


def test_two_statements_of_one_titled_speaker_are_not_paired():
    alignment = align([outlet("wire", WIRE), outlet("local", LOCAL), outlet("short", SHORT)])
    assert alignment.counterpart_span("local", 2, "wire") == ()  # the ban challenged / the refund
    assert alignment.counterpart_span("local", 2, "short") == ()
    # The same statement of that speaker in other words still pairs, and so does the harbour
    # master's (a title too, one statement).
    assert alignment.counterpart_span("short", 2, "wire") == (2,)
    assert alignment.counterpart_span("local", 4, "wire") == (4,)


def test_the_title_before_a_full_name_is_found():
    assert title_words("Ostra Lines chief executive Hanna Vell said the company would refund.") == ("chief", "executive")
    assert title_words("Harbour master Elke Brun said the channel was marked.") == ("master",)
    assert title_words("The rail union leader Piet Harnow denied it.") == ("rail", "union", "leader")


def test_a_verb_before_a_name_is_no_title():
    assert title_words("Residents praised Mayor Oona Strade for the evacuation.") == ()
    assert title_words("Police closed the Olm footpath and the road to Brell.") == ()


_TITLE = st.lists(st.sampled_from("chief executive union leader spokeswoman fire harbour agency deputy".split()), min_size=1, max_size=3)
_ORG = st.lists(st.sampled_from("Ostra Lines Calderine Rail Pell Council".split()), max_size=2)
_NAME = st.tuples(st.sampled_from("Hanna Piet Elke Ole".split()), st.sampled_from("Vell Harnow Brun Tand".split()))
_VERB = st.sampled_from("praised accused thanked blamed closed".split())


@given(_ORG, _TITLE, _NAME)
@example(["Ostra", "Lines"], ["chief", "executive"], ("Hanna", "Vell"))
def test_a_title_in_the_opening_phrase_is_read_whole(org, title, name):
    text = " ".join(org + title + list(name)) + " said the ferry would sail again on Friday."
    assert title_words(text) == tuple(dict.fromkeys(title))


@given(st.sampled_from("Residents Farmers Police Divers".split()), _VERB, _TITLE, _NAME)
def test_a_verb_before_a_name_is_never_read_as_a_title(subject, verb, title, name):
    # "Residents praised union leader Hanna Vell …", "… would buy two Eastern Shield batteries":
    # away from the opening phrase and a verb of saying, the words before a name are what is done.
    text = f"{subject} {verb} {' '.join(title)} {' '.join(name)} for the crossing."
    assert title_words(text) == ()


def test_a_title_in_apposition_or_after_a_verb_of_saying_is_found():
    assert title_words("The risk is real, said the professor Tomas Reyk from the Kessler Institute.") == ("professor",)
    assert set(title_words("Tomas Reyk, a water-quality professor at Kessler Institute, called it alarming.")) == {"water", "quality", "professor"}
    assert title_words("Piet Harnow, leader of the rail union, blamed the cuts.") == ("leader",)
    assert title_words("Marta Veen, 71, who has lived there for forty years, said it was loud.") == ()
    assert title_words("The minister said Lisvania would buy two Eastern Shield batteries.") == ()
