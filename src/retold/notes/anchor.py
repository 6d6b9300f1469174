"""Find a note's sentence again after the article file changed.

The W3C Web Annotation model, as the Hypothesis client anchors: a TextQuoteSelector
(exact quote, ~32 characters of prefix and suffix) and a TextPositionSelector
(start, end). Order of attempts: the text at the stored position; the exact quote
nearest the old position; a fuzzy match of quote and context (rapidfuzz) with a
small preference for the old position. A note that cannot be placed is detached:
kept and listed, never deleted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


from retold.model.story import Outlet, Sentence
from retold.notes.store import Note

CONTEXT = 32
FUZZY_QUOTE_MIN = 72.0  # rapidfuzz ratio (0–100) the quote must reach against a sentence
FUZZY_ACCEPT = 70.0  # combined score (quote, context, position) to attach


@dataclass(frozen=True)
class Selectors:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    text_hash: str


@dataclass(frozen=True)
class Anchor:
    how: str  # "exact" | "fuzzy" | "detached" | "story"
    sentence: int | None  # index into the outlet's sentences
    start: int | None = None
    end: int | None = None


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def selectors_for(outlet: Outlet, sentence: Sentence) -> Selectors:
    text = outlet.text
    return Selectors(
        exact=text[sentence.start:sentence.end],
        prefix=text[max(0, sentence.start - CONTEXT):sentence.start],
        suffix=text[sentence.end:sentence.end + CONTEXT],
        start=sentence.start,
        end=sentence.end,
        text_hash=text_hash(text),
    )


def sentence_at(outlet: Outlet, start: int, end: int) -> int | None:
    """The sentence overlapping [start, end) the most."""
    best, best_overlap = None, 0
    for sentence in outlet.sentences:
        if sentence.end <= start:
            continue
        if sentence.start >= end:
            break
        overlap = min(end, sentence.end) - max(start, sentence.start)
        if overlap > best_overlap:
            best, best_overlap = sentence.index, overlap
    return best


def anchor(note: Note, outlet: Outlet | None) -> Anchor:
    """Where `note` stands in the current `outlet` (None: its file is gone)."""
    if note.on_story:
        return Anchor("story", None)
    if outlet is None or not note.exact:
        return Anchor("detached", None)
    text = outlet.text
    # 1. The quote still stands at its position.
    if text[note.start:note.end] == note.exact:
        index = sentence_at(outlet, note.start, note.end)
        if index is not None:
            return Anchor("exact", index, note.start, note.end)
    # 2. The exact quote elsewhere: the occurrence nearest the old position.
    found, position = [], text.find(note.exact)
    while position >= 0:
        found.append(position)
        position = text.find(note.exact, position + 1)
    if found:
        start = min(found, key=lambda p: (abs(p - note.start), p))
        index = sentence_at(outlet, start, start + len(note.exact))
        if index is not None:
            return Anchor("exact", index, start, start + len(note.exact))
    # 3. Fuzzy: the quote against every sentence, then context and position for the best few.
    if not outlet.sentences:
        return Anchor("detached", None)
    from rapidfuzz import fuzz, process  # (here, not at the top: only a note whose text moved needs it)

    quote = " ".join(note.exact.split())
    choices = [s.text for s in outlet.sentences]
    hits = process.extract(quote, choices, scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_QUOTE_MIN)
    best, best_score = None, 0.0
    length = max(1, len(text))
    for _choice, quote_score, index in hits:
        sentence = outlet.sentences[index]
        before = text[max(0, sentence.start - CONTEXT):sentence.start]
        after = text[sentence.end:sentence.end + CONTEXT]
        context = (
            fuzz.ratio(" ".join(note.prefix.split()), " ".join(before.split()))
            + fuzz.ratio(" ".join(note.suffix.split()), " ".join(after.split()))
        ) / 2
        nearness = 100.0 * (1 - min(1.0, abs(sentence.start - note.start) / length))
        score = 0.75 * quote_score + 0.15 * context + 0.10 * nearness
        if score > best_score:
            best, best_score = sentence, score
    if best is not None and best_score >= FUZZY_ACCEPT:
        return Anchor("fuzzy", best.index, best.start, best.end)
    return Anchor("detached", None)
