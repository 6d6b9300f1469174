"""Paragraphs → sentences with character offsets into the decoded file text.

sentencex does the splitting (abbreviations, initials, decimals, quotes); we map
its pieces back to offsets and repair the few news-specific splits it gets wrong.
"""

from __future__ import annotations

import re

import sentencex

from retold.model.story import Sentence

# "VALMORA." or "BEIJING, July 11 (AFP) -" alone: a dateline, not a sentence.
_DATELINE_ONLY = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'-]{1,30}(?:,[^.]{0,30})?[.:–—-]$")
_LETTER = re.compile(r"[^\W\d_]")
# A piece that is only a dateline tail or a lone abbreviation joins the next piece.
_GLUE_NEXT = re.compile(r"^(?:No|Nos|Art|St|Dr|Mr|Mrs|Ms|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Jr|Sr|vs|[A-Z])\.$")


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Sentence spans (start, end) within `text`, trimmed of surrounding whitespace."""
    # Newlines inside a paragraph are hard wraps: replace them by spaces of equal length
    # so that offsets stay valid.
    flat = text.replace("\r", " ").replace("\n", " ")
    try:
        pieces = list(sentencex.segment(language or "en", flat))
    except Exception:  # an unknown language code: fall back to English rules
        pieces = list(sentencex.segment("en", flat))
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        found = flat.find(stripped, cursor)
        if found < 0:  # the segmenter changed the text: fall back to the running cursor
            found = cursor
        spans.append((found, found + len(stripped)))
        cursor = found + len(stripped)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = flat[start:end]
        if merged:
            previous = flat[merged[-1][0]:merged[-1][1]]
            if (
                not _LETTER.search(piece)
                or _GLUE_NEXT.match(previous.split()[-1])
                or piece[:1].islower()
                or _DATELINE_ONLY.match(previous)
            ):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def segment_article(outlet_id: str, text: str, paragraphs: list[tuple[int, int]], language: str | None) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph_no, (p_start, p_end) in enumerate(paragraphs):
        for start, end in split_sentences(text[p_start:p_end], (language or "en").split("-")[0]):
            raw = text[p_start + start:p_start + end]
            sentences.append(Sentence(
                index=len(sentences),
                paragraph=paragraph_no,
                text=" ".join(raw.split()),
                start=p_start + start,
                end=p_start + end,
            ))
    return sentences
