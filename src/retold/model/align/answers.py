"""A report of a non-answer: someone would not say ("Mr Wrenfield refused to say whether he had
considered resigning", "The company declined to comment", "Halberd did not reply to questions").

A sentence model reads such a sentence as about what was not said, and so as close to a sentence
that says it ("Wrenfield said he would not resign": cosine 0.97, the pair's best): both are about
one question. They are two acts, a refusal to answer and an answer, never one statement told
twice. The words show it plainly: a verb of refusing or a negation before a verb of saying.
The judge (evidence.py) names it "answers differ" for every pair, the words' and the model's,
and weighs it as roles swapped; neither the model nor a place outweighs it. (MSRP's judges call "Enron spokesman Eric Thode declined to comment on the
mediation order" and '"We think it's great news," said Enron spokesman Eric Thode' two
statements.) Two non-answers in other words ("declined to comment" / "had no comment") may still
be one statement: only a non-answer beside an answer is told apart.

Read in English, French and German word forms (normalised words: casefolded, punctuation
dropped); a sentence in another language is never read as a non-answer.
"""

from __future__ import annotations

from functools import lru_cache

# Verbs of refusing: "refused to say", "declined to comment", "declined comment".
_REFUSING = frozenset("""refused refuses refuse refusing declined declines decline declining
    refusé refusée refuse refusait refusent lehnte lehnten lehnt verweigerte verweigerten""".split())
# Verbs of saying that a refusal or a negation turns into a non-answer ("would not say whether").
_SAYING = frozenset("""say comment confirm disclose discuss reveal elaborate specify answer speculate
    identify name explain detail respond reply drawn comments commented responded replied requests
    said confirmed disclosed discussed revealed elaborated specified answered speculated identified named
    explained detailed
    dire commenter confirmer préciser répondre révéler détailler commentaire
    sagen äussern kommentieren bestätigen nennen antworten stellungnahme angaben""".split())
# A negation before a verb of saying, with the auxiliary it needs ("would not say", "did not
# comment", "has not confirmed", "could not be reached"); "n't" forms stand alone. ("no",
# "kein" negate a noun: "there is no answer to the crisis" says something; "no comment" is a
# fixed phrase below.)
_NEGATORS = frozenset("not never nicht pas".split())
_NEGATED_FORMS = frozenset("""wouldn't didn't couldn't won't wasn't hasn't haven't hadn't isn't
    wouldnt didnt couldnt wont wasnt hasnt havent hadnt isnt""".split())
# Verbs of answering, and the words that join a second clause to an answer: a refusal there is
# added to the answer ("The minister said the talks would resume, but declined to say when"),
# not the sentence's act ("The ministry said it would not comment" is a non-answer).
_ANSWERING = frozenset("""said says told tells announced added insisted stated explained
    dit déclaré sagte sagten erklärte""".split())
_JOINING = frozenset("but though although while and whereas yet who which aber doch und mais et".split())
_BETWEEN = frozenset("""to be immediately immediate yet further publicly directly any official written sich eine einen zu
    voulu souhaité su de à""".split())
_REACH = 3  # words from the refusal or negation to the verb of saying
# Fixed phrases of a non-answer: "no comment", "not be reached", "unavailable for comment".
_PHRASES = (("no", "comment"), ("no", "immediate", "comment"), ("not", "be", "reached"), ("not", "immediately", "returned"),
            ("not", "immediately", "return"), ("without", "identifying"), ("without", "naming"), ("unavailable", "for", "comment"),
            ("not", "available", "for", "comment"), ("kein", "kommentar"), ("keine", "stellungnahme"),
            ("pas", "de", "commentaire"), ("aucun", "commentaire"))


_PHRASE_STARTS = frozenset(phrase[0] for phrase in _PHRASES)
# Any word a non-answer opens with: a sentence with none of them is no non-answer (most are not:
# each sentence of a big story is asked once, and the loop below is the phase's cost).
_OPENERS = _REFUSING | _NEGATED_FORMS | _NEGATORS | _PHRASE_STARTS


@lru_cache(maxsize=100_000)
def non_answer(words: tuple[str, ...]) -> bool:
    """The words report that someone would not say: a verb of refusing or a negation (or a "n't"
    form) followed within _REACH words by a verb of saying ("refused to say whether", "would
    not comment", "did not reply"), or a fixed phrase ("no comment", "could not be reached") —
    and not as a clause joined to an answer given before it ("said …, but declined to say when")."""
    if _OPENERS.isdisjoint(words):
        return False
    answered = joined = False
    for n, w in enumerate(words):
        if w in _ANSWERING:
            answered = True
        elif answered and w in _JOINING:
            joined = True
        if joined:
            return False
        if w in _REFUSING or w in _NEGATED_FORMS or w in _NEGATORS:
            for v in words[n + 1:n + 1 + _REACH]:
                if v in _SAYING:
                    return True
                if v not in _BETWEEN:
                    break
        if w in _PHRASE_STARTS:
            for phrase in _PHRASES:
                if words[n:n + len(phrase)] == phrase:
                    return True
    return False


def answers_differ(words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    """One sentence reports a non-answer and the other does not (an answer, or another act)."""
    return non_answer(words_a) != non_answer(words_b)
