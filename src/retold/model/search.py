"""Search every outlet of a story for a phrase: the matches in reading order, and stepping through them.

Headless; the reader highlights what this finds and jumps between the matches.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from retold.model.story import Alignment


@dataclass(frozen=True, order=True)
class Match:
    outlet: int  # outlet number (pane order)
    sentence: int
    start: int  # character span in the sentence's text
    end: int


@dataclass(frozen=True)
class SearchResult:
    query: str
    matches: tuple[Match, ...]  # sorted: outlet, sentence, start

    def __len__(self) -> int:
        return len(self.matches)

    def in_sentence(self, outlet: int, sentence: int) -> list[Match]:
        low = bisect_left(self.matches, (outlet, sentence), key=lambda m: (m.outlet, m.sentence))
        high = bisect_right(self.matches, (outlet, sentence), key=lambda m: (m.outlet, m.sentence))
        return list(self.matches[low:high])

    def by_outlet(self, outlet: int) -> dict[int, list[tuple[int, int]]]:
        """Sentence -> match spans, for one outlet's pane."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for match in self.matches:
            if match.outlet == outlet:
                spans.setdefault(match.sentence, []).append((match.start, match.end))
        return spans

    def step(self, outlet: int, sentence: int, direction: int, current: int | None = None) -> int | None:
        """Index of the next (1) or previous (-1) match from (outlet, sentence), wrapping around.

        `current`: the match the reader stands on, if any (several may share a sentence)."""
        if not self.matches:
            return None
        if current is not None:
            return (current + direction) % len(self.matches)
        key = (outlet, sentence)
        if direction > 0:
            index = bisect_left(self.matches, key, key=lambda m: (m.outlet, m.sentence))
            return index % len(self.matches)
        index = bisect_left(self.matches, key, key=lambda m: (m.outlet, m.sentence)) - 1
        return index % len(self.matches)


SEPARATOR = "\x00"  # between sentences in the joined text: no pattern can match across it


def _joined(alignment: Alignment) -> list[tuple[str | None, str, list[int]]]:
    """Per outlet: its sentences joined by SEPARATOR, and where each sentence starts (cached on
    the alignment: one regex pass per outlet instead of one per sentence)."""
    cached = alignment._cache.get("search-text")
    if cached is None:
        cached = []
        for outlet in alignment.outlets:
            starts, position = [], 0
            for sentence in outlet.sentences:
                starts.append(position)
                position += len(sentence.text) + 1
            text = SEPARATOR.join(s.text.replace(SEPARATOR, " ") for s in outlet.sentences)
            lowered = text.lower()
            # Lower-cased once, a case-blind search is a plain (fast) regex scan; where lowering
            # changes a length (a few Unicode letters) offsets would shift: keep IGNORECASE then.
            cached.append((lowered if len(lowered) == len(text) else None, text, starts))
        alignment._cache["search-text"] = cached
    return cached


def search(alignment: Alignment, query: str) -> SearchResult:
    """Every occurrence of `query` (case-insensitive, whitespace runs match any whitespace)
    in every sentence of every outlet. An empty query finds nothing."""
    words = query.replace(SEPARATOR, " ").split()
    if not words:
        return SearchResult(query, ())
    gap = r"[^\S\x00]+"  # whitespace, but never across sentences
    blind = re.compile(gap.join(re.escape(word) for word in words), re.IGNORECASE)
    lowered_words = [word.lower() for word in words]
    lowered_pattern = (
        re.compile(gap.join(re.escape(word) for word in lowered_words))
        if all(len(a) == len(b) for a, b in zip(words, lowered_words)) else None
    )
    matches = []
    for number, (lowered, text, starts) in enumerate(_joined(alignment)):
        if lowered is not None and lowered_pattern is not None:
            found_all = lowered_pattern.finditer(lowered)
        else:
            found_all = blind.finditer(text)
        for found in found_all:
            sentence = bisect_right(starts, found.start()) - 1
            offset = starts[sentence]
            matches.append(Match(number, sentence, found.start() - offset, found.end() - offset))
    return SearchResult(query, tuple(matches))
