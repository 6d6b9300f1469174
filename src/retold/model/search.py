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


def search(alignment: Alignment, query: str) -> SearchResult:
    """Every occurrence of `query` (case-insensitive, whitespace runs match any whitespace)
    in every sentence of every outlet. An empty query finds nothing."""
    words = query.split()
    if not words:
        return SearchResult(query, ())
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    matches = []
    for number, outlet in enumerate(alignment.outlets):
        for sentence in outlet.sentences:
            for found in pattern.finditer(sentence.text):
                if found.end() > found.start():
                    matches.append(Match(number, sentence.index, found.start(), found.end()))
    return SearchResult(query, tuple(matches))
