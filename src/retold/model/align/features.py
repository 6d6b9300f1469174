"""Phases 1 and 2: each sentence's features, and how much each feature weighs as evidence.

Per sentence: its words (for the near-verbatim test), its informative features (accent-stripped
word prefixes: a light stemmer that also meets cognates across languages, and numbers) and its
length. A feature weighs by inverse statement frequency: rare words are evidence, topic words
are not.
"""

from __future__ import annotations

import re

import math
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from sys import intern

from retold.model.align.params import NUMBER_BOOST, PREFIX
from retold.model.align.records import Features, new_features
from retold.model.clean import ends_sentence
from retold.model.normalize import STOPWORDS, strip_dateline, tokens
from retold.model.story import Outlet


# Digit groups of three after a separator: a thousands separator, whichever the language uses.
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+$")


def number_key(number: str) -> str:
    """One spelling per number: 4,000 (English), 4.000 (German) and 4000 are one; 3,5 and 3.5 are one."""
    if _THOUSANDS.match(number):
        return number.replace(",", "").replace(".", "")
    return number.replace(",", ".")


@lru_cache(maxsize=200_000)
def _feature(word: str) -> str | None:
    """The feature a word gives (its accent-stripped prefix, a number's key), or None (a stopword)."""
    if word[0].isdigit():
        return number_key(word)
    if len(word) < 2 or word in STOPWORDS:
        return None
    plain = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain[:PREFIX]


@lru_cache(maxsize=200_000)
def _word_features(word: str) -> tuple[str, ...]:
    """A word's features, in order: one per part of an elision (l'évacuation, d'Orlin).
    Cached per word: a story repeats its words far more often than it has them."""
    features = []
    for part in word.split("'"):
        if part:
            feature = _feature(part)
            if feature:
                features.append(feature)
    return tuple(features)


def text_features(text: str, paragraph_start: bool) -> Features:
    body = strip_dateline(text) if paragraph_start else text  # datelines only open paragraphs
    # Interned: a story repeats a few thousand words hundreds of thousands of times, and each
    # would otherwise be a string of its own (a tenth of a 40-outlet story's memory).
    words = tuple(map(intern, tokens(body)))
    feats = set(chain.from_iterable(map(_word_features, words)))  # in word order, as a loop would add them
    ends = ends_sentence(text)
    return new_features(words, frozenset(feats), len(body), ends, not ends and _runs_on(text))


def _runs_on(text: str) -> bool:
    """A line without a sentence end stops mid-sentence when it ends with a comma, colon,
    semicolon, dash or open bracket. A caption, label or heading ("Photo by the Air Force",
    "Lhotse (8501 m)", "Seen from the cliffs") ends without punctuation: a line of its own."""
    return text.rstrip()[-1:] in ",:;([–—-"


def sentence_features(outlets: Sequence[Outlet]) -> list[list[Features]]:
    cache: dict[tuple[str, bool], Features] = {}  # wire copies repeat: parse each text once
    result = []
    for outlet in outlets:
        row = []
        previous_paragraph = None
        for sentence in outlet.sentences:
            key = (sentence.text, sentence.paragraph != previous_paragraph)
            previous_paragraph = sentence.paragraph
            found = cache.get(key)
            if found is None:
                found = cache[key] = text_features(*key)
            row.append(found)
        result.append(row)
    return result


def feature_weights(features: list[list[Features]]) -> dict[str, float]:
    """Inverse statement frequency: a feature in one sentence per outlet weighs most."""
    sentence_count: Counter[str] = Counter()  # counted in C: the same counts, in the same order
    outlet_count: Counter[str] = Counter()
    for row in features:
        seen: set[str] = set()
        for f in row:
            sentence_count.update(f.feats)
            seen |= f.feats
        outlet_count.update(seen)
    rows = [len(row) for row in features if row]
    mean = sum(rows) / len(rows) if rows else 1.0
    weights = {}
    for feat, count in sentence_count.items():
        per_outlet = count / outlet_count[feat]
        weight = max(0.1, math.log((mean + 1) / per_outlet))
        weights[feat] = weight * NUMBER_BOOST if feat[0].isdigit() else weight
    return weights


feature_of = _feature  # (the judge's reported clauses: the features of some of a sentence's words)
