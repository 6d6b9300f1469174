"""Word-level differences between two sentences, as character spans for highlighting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from retold.model.lazy_pattern import LazyPattern
from retold.model.normalize import fold

_WORD = LazyPattern(r"\S+")
_STRIP = LazyPattern(r"^\W+|\W+$")
REWRITTEN_BELOW = 0.4  # word similarity under which highlighting words is noise
ABSORB_EQUAL_RUN = 1  # a lone equal word between two changes joins the change


@dataclass(frozen=True)
class WordDiff:
    rewritten: bool  # too different for a word-by-word highlight
    spans_a: list[tuple[int, int]]  # character spans in a that differ from b
    spans_b: list[tuple[int, int]]
    similarity: float


def _words(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    spans, keys = [], []
    for match in _WORD.finditer(text):
        key = _STRIP.sub("", fold(match.group()))
        spans.append((match.start(), match.end()))
        keys.append(key or match.group())
    return spans, keys


def word_similarity(a: str, b: str) -> float:
    """The word-level similarity `word_diff` reports, without the highlight spans."""
    if a == b:
        return 1.0
    from rapidfuzz.distance import Indel  # (here, not at the top: a story read from the cache needs no rapidfuzz)

    return Indel.normalized_similarity(_word_keys(a), _word_keys(b))


@lru_cache(maxsize=65536)
def _word_keys(text: str) -> tuple[str, ...]:
    """A sentence's folded words, once per text (the pane order compares one outlet's sentences
    with every other's)."""
    return tuple(_words(text)[1])


def word_diff(a: str, b: str) -> WordDiff:
    from rapidfuzz.distance import Indel, Levenshtein  # (here, not at the top: a story read from the cache needs no rapidfuzz)

    spans_a, words_a = _words(a)
    spans_b, words_b = _words(b)
    similarity = Indel.normalized_similarity(words_a, words_b)
    if similarity < REWRITTEN_BELOW:
        return WordDiff(True, [], [], similarity)
    blocks = [op for op in Levenshtein.opcodes(words_a, words_b)]
    # Merge: a short equal run between two changes becomes part of the change.
    changes: list[list[int]] = []  # [a_start, a_end, b_start, b_end]
    pending_equal = None
    for op in blocks:
        if op.tag == "equal":
            pending_equal = op
            continue
        if changes and pending_equal is not None and (pending_equal.src_end - pending_equal.src_start) <= ABSORB_EQUAL_RUN:
            changes[-1][1], changes[-1][3] = op.src_end, op.dest_end
        elif changes and pending_equal is None:
            changes[-1][1], changes[-1][3] = op.src_end, op.dest_end
        else:
            changes.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
        pending_equal = None
    return WordDiff(
        False,
        [_span(spans_a, s, e) for s, e, _, _ in changes if e > s],
        [_span(spans_b, s, e) for _, _, s, e in changes if e > s],
        similarity,
    )


def _span(spans: list[tuple[int, int]], first: int, last: int) -> tuple[int, int]:
    return spans[first][0], spans[last - 1][1]
