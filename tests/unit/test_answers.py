"""A non-answer is not an answer: the sentence model reads "refused to say whether he had
considered resigning" as about the same question as "said he would not resign", and neither the
model's pairs nor the words' may make one statement of them (align/answers.py, weighed by the
judge in align/evidence.py as "answers differ")."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.align import align
from retold.model.align.answers import answers_differ, non_answer
from retold.model.normalize import tokens
from velmont_story import FILLER_A, FILLER_B, outlet, together

NON_ANSWERS = [
    "The company declined to comment.",
    "Mr Varn refused to say whether he had considered resigning.",
    "The ministry did not reply to questions from reporters.",
    "Korrin's envoy could not be reached.",
    "A spokesman for the Accord would not be drawn on the talks.",
    "Velmont's army chief had no comment on the drills.",
    "Le ministère a refusé de commenter.",
    "Der Minister wollte sich nicht äußern.",
]
ANSWERS = [
    "Mr Varn said he would not resign.",
    "Varn said he did not intend to step down.",
    "The miners will not return to work until the roof is safe.",
    "The company denied that it had been warned.",
    "The ministry said the talks would resume on Friday.",
    "Le ministère a dit que les négociations reprendraient.",
]


def test_non_answers_are_read_as_such_and_answers_are_not():
    assert [text for text in NON_ANSWERS if not non_answer(tuple(tokens(text)))] == []
    assert [text for text in ANSWERS if non_answer(tuple(tokens(text)))] == []


class BlindToRefusal:
    """A fake sentence model that, as a real one nearly does, reads a refusal to say something as
    the saying of it: words of refusing, negation and hedging carry no meaning; synonyms of
    resigning and of saying are one concept each."""

    name = "blind to refusal (test)"
    CONCEPTS = {"refused": "said", "declined": "said", "resigning": "resign", "step": "resign", "quit": "resign"}
    BLANK = frozenset("to say whether he had considered would not did intend down the a of on mr".split())

    def _vector(self, concept: str) -> np.ndarray:
        seed = sum(ord(c) * 31 ** n for n, c in enumerate(concept)) % (2**32)
        return np.random.default_rng(seed).standard_normal(64)

    def embed(self, texts):
        rows = []
        for text in texts:
            words = [w.strip(".,'\"").lower() for w in text.split()]
            v = sum(self._vector(self.CONCEPTS.get(w, w)) for w in words if w and w not in self.BLANK)
            rows.append(v / np.linalg.norm(v))
        return np.asarray(rows, dtype=np.float32)


def _pair(a_sentence: str, b_sentence: str, semantic: bool = True):
    a = outlet("a", [a_sentence] + FILLER_A)
    b = outlet("b", FILLER_B[:2] + [b_sentence] + FILLER_B[2:])
    return align([a, b], semantic=BlindToRefusal() if semantic else None)


def test_a_refusal_to_say_is_not_paired_with_the_answer_by_the_model():
    said, refused = "Ivo Brask said he would not resign.", "Mr Brask refused to say whether he had considered resigning."
    assert not together(_pair(said, refused, semantic=False), "a", 0, "b", 2)  # the words alone do not pair them
    assert not together(_pair(said, refused), "a", 0, "b", 2)  # nor may the model


def test_the_same_answer_in_other_words_is_still_paired_by_the_model():
    """The control: the model sees these two exactly as it sees the pair above, and here they
    are one statement, which the words alone leave unpaired."""
    said, other = "Ivo Brask said he would not resign.", "Mr Brask said he did not intend to step down."
    assert not together(_pair(said, other, semantic=False), "a", 0, "b", 2)
    assert together(_pair(said, other), "a", 0, "b", 2)


_SPEAKERS = st.sampled_from(["Ivo Brask", "Ada Roth", "Velmont's envoy", "The Accord's spokesman"])
_REFUSALS = st.sampled_from(["refused to say whether", "declined to say whether", "would not say whether", "did not say whether"])
# What was said, and the question a refusal leaves open, in other words (the model reads them as one).
_CLAIMS = st.sampled_from([("he would not resign", "he had considered resigning"),
                           ("he would quit", "he had considered resigning"),
                           ("the talks would resume", "the talks had resumed"),
                           ("Korrin had moved troops to the Tarsa border", "troops had moved to the Tarsa border")])


@settings(max_examples=30, deadline=None)
@given(_SPEAKERS, _REFUSALS, _CLAIMS, st.booleans())
def test_the_model_adds_no_pair_of_a_non_answer_and_an_answer(speaker, refusal, claim, refusal_first):
    """Whichever outlet refuses, whoever speaks, whatever the question: the model's pairs never
    hold a non-answer with an answer that the words alone would not hold together."""
    said, refused = f"{speaker} said {claim[0]}.", f"{speaker} {refusal} {claim[1]}."
    assert answers_differ(tuple(tokens(said)), tuple(tokens(refused)))
    a_sentence, b_sentence = (refused, said) if refusal_first else (said, refused)
    with_model = together(_pair(a_sentence, b_sentence), "a", 0, "b", 2)
    assert not with_model or together(_pair(a_sentence, b_sentence, semantic=False), "a", 0, "b", 2)


def test_the_words_alone_do_not_pair_a_refusal_with_the_answer_either():
    refused = "Korrin's defence ministry declined to comment on the troop movements near the Tarsa border."
    said = "Korrin's defence ministry said the troop movements near the Tarsa border were routine exercises."
    assert not together(_pair(refused, said, semantic=False), "a", 0, "b", 2)


def test_a_refusal_joined_to_the_answer_is_the_answers_and_still_pairs():
    trimmed = "Korrin's defence ministry said the troop movements near the Tarsa border were routine exercises."
    longer = ("Korrin's defence ministry said the troop movements near the Tarsa border were routine exercises, "
              "but declined to say how many soldiers took part.")
    assert not answers_differ(tuple(tokens(trimmed)), tuple(tokens(longer)))
    assert together(_pair(trimmed, longer, semantic=False), "a", 0, "b", 2)


@settings(max_examples=30, deadline=None)
@given(_SPEAKERS, _REFUSALS, _CLAIMS, st.booleans())
def test_the_words_never_pair_a_refusal_with_the_answer_it_refuses(speaker, refusal, claim, refusal_first):
    """The question in the very words of the answer: the words alone share nearly all, and still
    the one would not say what the other says."""
    said, refused = f"{speaker} said {claim[0]}.", f"{speaker} {refusal} {claim[0]}."
    a_sentence, b_sentence = (refused, said) if refusal_first else (said, refused)
    assert not together(_pair(a_sentence, b_sentence, semantic=False), "a", 0, "b", 2)


def _plain_non_answer(words):
    """non_answer as first written: every position asked for every phrase."""
    from retold.model.align import answers as a

    answered = joined = False
    for n, w in enumerate(words):
        if w in a._ANSWERING:
            answered = True
        elif answered and w in a._JOINING:
            joined = True
        if joined:
            return False
        if w in a._REFUSING or w in a._NEGATED_FORMS or w in a._NEGATORS:
            for v in words[n + 1:n + 1 + a._REACH]:
                if v in a._SAYING:
                    return True
                if v not in a._BETWEEN:
                    break
        for phrase in a._PHRASES:
            if words[n:n + len(phrase)] == phrase:
                return True
    return False


_WORDS = st.sampled_from("""the minister said would not comment refused to say declined no be reached immediately
    but and answer reply talks resume when kein kommentar pas de commentaire unavailable for harbour""".split())


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12))
def test_the_quick_test_decides_as_the_plain_loop(words):
    """(speed: a sentence with no word a non-answer opens with is answered at once)"""
    from retold.model.align.answers import non_answer

    assert non_answer(tuple(words)) == _plain_non_answer(tuple(words))


@pytest.mark.parametrize("one, other", [
    # one non-answer in two tenses (the verb of saying as a participle too)
    ("Police did not identify the victim.", "Police have not yet identified the victim."),
    ("The ministry would not confirm the figure.", "The ministry has not confirmed the figure."),
    # "no" before a noun says something: no refusal on either side
    ("There is no answer to this crisis, the minister warned.", "The minister warned there was no solution to the crisis."),
])
def test_one_non_answer_in_other_words_or_a_statement_with_no_are_not_told_apart(one, other):
    # The review of this sitting: these were vetoed as "answers differ", which neither the model
    # nor a place outweighs.
    assert not answers_differ(tuple(tokens(one)), tuple(tokens(other)))
