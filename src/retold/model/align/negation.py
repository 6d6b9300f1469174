"""Negation (`facts.py`): one sentence negates a word the other states in the same place
("would appeal" / "would not appeal")."""

from __future__ import annotations

from functools import lru_cache
from operator import methodcaller

from retold.model.align.factwords import word_key as _key
from retold.model.normalize import STOPWORDS

# Negation: a word that negates the next words ("not", "n't", "never", "no", "without").
_NEGATORS = frozenset("not no never without nor cannot neither none nobody nothing".split())
# Words that negate in other words ("refused to comment" is "did not comment", "unless they are
# repealed" is "if they are not repealed"): where either side has one, the negators are not
# compared (which verb or clause it turns is beyond a word list).
_NEGATIVE_STEMS = ("refus", "declin", "fail", "deni", "deny", "unabl", "unless", "reject", "lack", "absen")
# "don't" written without its apostrophe (a wire's plain-text copy):
_NEGATORS |= frozenset("dont doesnt didnt isnt arent wasnt werent wont cant couldnt wouldnt shouldnt hasnt havent hadnt".split())
_NEGATED_SPAN = 3  # words after a negator that it negates ("had not yet offered")


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't") or word.endswith("n’t")


@lru_cache(maxsize=100_000)
def _negated(words: tuple[str, ...]) -> tuple[tuple[str | None, str], ...]:
    """Per negator: (the word before it, None at the sentence's start; the key of the first word
    after it that is not a stopword: what it negates)."""
    found = []
    for n, w in enumerate(words):
        if _is_negator(w):
            if w == "not" and n + 1 < len(words) and words[n + 1] in ("only", "just", "merely"):
                continue  # "not only … but also" states both
            for v in words[n + 1:n + 1 + _NEGATED_SPAN]:
                if _is_negator(v):
                    break
                if v not in STOPWORDS:
                    found.append((words[n - 1] if n else None, _key(v)))
                    break
    return tuple(found)


_ENDS_NEGATED = methodcaller("endswith", ("n't", "n’t"))


@lru_cache(maxsize=100_000)
def _negators(words: tuple[str, ...]) -> int:
    """How many negators the words give (asked of every pair: counted once per sentence): the
    words _is_negator takes, counted without a call per word (those in _NEGATORS, then those
    outside it that end in "n't")."""
    return sum(map(_NEGATORS.__contains__, words)) + sum(1 for w in filter(_ENDS_NEGATED, words) if w not in _NEGATORS)


def _states(words: tuple[str, ...], before: str | None, key: str) -> bool:
    """The words give `key` with no negator just before it, in the same frame as the negated
    side: the word before the negator stands among the few before it ("would not appeal" /
    "would appeal"; "No ferries ran" / "Ferries ran" at the start)."""
    for j, w in enumerate(words):
        if _key(w) != key or w in STOPWORDS:
            continue
        window = words[max(0, j - _NEGATED_SPAN):j]
        if any(map(_is_negator, window)):
            continue
        if (before is None and j < _NEGATED_SPAN) or (before is not None and before in window):
            return True
    return False


# A claim denied: a verb of denial, then within a few words the claim it denies ("rejected a
# claim by the Civic Union that ballots had been counted twice", "dismissed allegations that …").
_DENIALS = frozenset("""deny denies denied denying reject rejects rejected rejecting dismiss dismisses dismissed
    dismissing refute refutes refuted refuting rebut rebuts rebutted rebutting dispute disputes disputing""".split())
_CLAIM_BETWEEN = frozenset("a an the all any such these those this that their its".split())  # "rejected a claim", "denied all allegations"
_CLAIM_NOUNS = frozenset("claim claims allegation allegations accusation accusations suggestion suggestions "
                         "report reports charge charges assertion assertions".split())
_CLAIM_WITHIN = 4  # words from the verb of denial to the claim it names


@lru_cache(maxsize=100_000)
def _denies_a_claim(words: tuple[str, ...]) -> bool:
    """A verb of denial (a whole word form: "Denise", "the disputed claims" are none), then the
    claim it denies, with at most an article or a determiner between ("rejected a claim",
    "dismissed allegations", "denied all accusations")."""
    for n, w in enumerate(words):
        if w in _DENIALS:
            for v in words[n + 1:n + 1 + _CLAIM_WITHIN]:
                if v in _CLAIM_NOUNS:
                    return True
                if v not in _CLAIM_BETWEEN:
                    break
    return False


def claim_denied(words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    """One side denies a claim ("the returning officer rejected a claim that ballots had been
    counted twice") that the other makes without denying anything ("Soll claimed that 400
    ballots had been counted twice"): a claim and its denial are two statements, however many
    words of the claim the denial repeats. (Only a denial that names the claim it denies: "X
    denied that …" may answer a claim the other side does not make.)"""
    if _CLAIM_NOUNS.isdisjoint(words_a) and _CLAIM_NOUNS.isdisjoint(words_b):
        return False  # (most pairs: no claim named on either side)
    if _denies_a_claim(words_a) == _denies_a_claim(words_b):
        return False
    other = words_b if _denies_a_claim(words_a) else words_a
    return _DENIALS.isdisjoint(other)


def negation_differs(words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    """One side negates a word ("would not appeal") the other states in the same frame ("would
    appeal"), and the two do not give as many negators (the same polarity in other words), nor
    negate in other words ("refused to", "unless": which clause those turn is not read); or one
    side denies a claim the other makes (claim_denied)."""
    if claim_denied(words_a, words_b):
        return True
    count_a, count_b = _negators(words_a), _negators(words_b)
    if count_a == count_b:
        return False
    if any(w.startswith(_NEGATIVE_STEMS) for w in words_a) or any(w.startswith(_NEGATIVE_STEMS) for w in words_b):
        return False
    return any(_states(words_b, before, key) for before, key in _negated(words_a)) or any(
        _states(words_a, before, key) for before, key in _negated(words_b))
