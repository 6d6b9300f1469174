"""Paragraphs → sentences with character offsets into the decoded file text.

sentencex does the splitting (abbreviations, initials, decimals, quotes); we map
its pieces back to offsets and repair the few news-specific splits it gets wrong.
"""

from __future__ import annotations

import re

import sentencex

from retold.model.lazy_pattern import LazyPattern
from retold.model.story import Sentence, Status

# "VALMORA." or "BEIJING, July 11 (AFP) -" alone: a dateline, not a sentence.
_DATELINE_ONLY = LazyPattern(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'-]{1,30}(?:,[^.]{0,30})?[.:–—-]$")
_LETTER = LazyPattern(r"[^\W\d_]")
# A piece that is only a dateline tail or a lone abbreviation joins the next piece.
# Longer than any dateline (_DATELINE_ONLY: at most 64 characters) and any glue word.
_TAIL = 80
_FIND_SLACK = 1024
_GLUE_NEXT = LazyPattern(r"^(?:No|Nos|Art|St|Dr|Mr|Mrs|Ms|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Jr|Sr|vs|[A-Z])\.$")
# Abbreviations the splitter does not know in a language, after which a capital goes on with
# the sentence ("Trybunału Arbitrażowego ds. Sportu": "ds." is "for matters of").
_ABBREVIATIONS = {
    "pl": frozenset("ds np tzw ul al godz im św płk gen prof dr mgr inż ok wg zob tj".split()),
    "de": frozenset("bzw ca nr vgl zb".split()),
    "nl": frozenset("o.a dhr mevr ca".split()),
}
# A time's "a.m."/"p.m." before the day or the zone it belongs to ("at 2:40 a.m. Wednesday,
# when …", "at 9 p.m. GMT"): one sentence. Before any other capitalised word ("… at 6 a.m. The
# union said …", "… at 6 a.m. June Harris said …": months are names too) the splitter's cut stands.
_TIME_END = LazyPattern(r"(?i)\b[ap]\.m\.$")
_TIME_GOES_ON = LazyPattern(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"GMT|UTC|BST|CET|CEST|EET|EEST|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|local time)\b")


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
    consumed = 0  # the pieces concatenate to the text: this one lies in flat[consumed - len(piece):consumed]
    for piece in pieces:
        consumed += len(piece)
        stripped = piece.strip()
        if not stripped:
            continue
        # Searched only around where the piece lies: an unbounded search for a piece the
        # segmenter changed would scan the rest of the paragraph every time (quadratic).
        window_start = max(cursor, consumed - len(piece) - _FIND_SLACK)
        found = flat.find(stripped, window_start, consumed + _FIND_SLACK)
        if found < 0:  # the segmenter changed the text: fall back to the running cursor
            found = cursor
        spans.append((found, found + len(stripped)))
        cursor = found + len(stripped)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = flat[start:end]
        if merged:
            # Only the previous span's tail matters (its last word, or the whole of it when it is
            # dateline-short); copying the whole span, which grows as pieces merge, was quadratic.
            p_start, p_end = merged[-1]
            tail = flat[max(p_start, p_end - _TAIL):p_end]
            if (
                not _LETTER.search(piece)
                or _GLUE_NEXT.match(tail.split()[-1])
                or tail.split()[-1].rstrip(".").lower() in _ABBREVIATIONS.get(language, ())
                or piece[:1].islower()
                or (_TIME_END.search(tail) and _TIME_GOES_ON.match(piece))
                or (p_end - p_start <= _TAIL and _DATELINE_ONLY.match(tail))
            ):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


# A file laid out a line per statement whose lines the splitter mostly leaves whole was segmented
# by its author: its lines are its sentences. A page scraped a paragraph per line has the same
# layout, but most of its lines hold several sentences, and those are split.
SEGMENTED_BY_AUTHOR = 0.75  # share of lines the splitter leaves whole
# ... except a line that plainly holds two sentences or more: an author's line is kept whole where
# the splitter's cut is doubtful (after a number, a unit, an abbreviation: "8900 m.", "Bd.", "1."),
# but a wire's paragraph of two ("… with minor injuries. Nobody else was hurt.") is two statements
# that other outlets tell apart. A plain cut: the piece before ends a word of three letters or more
# (lower case, or a capitalised word of four: "in April.") and holds PLAIN_WORDS words or more, the
# piece after opens with a capital and holds PLAIN_WORDS - 1 or more.
_PLAIN_END = LazyPattern(r"(?:(?<![\w.'’-])[^\W\d_]*[a-zß-ÿ]{3,}|(?<![\w.'’-])[A-ZÀ-Þ][a-zß-ÿ]{3,})[.!?][\"'”’»)]*$")
_PLAIN_START = LazyPattern(r"^[\"'“‘«(]?[A-ZÀ-Þ]")
PLAIN_WORDS = 4


def _plain_cuts(text: str, spans: list[tuple[int, int]]) -> bool:
    """Every cut between `spans` of `text` (one line) ends one plain sentence and starts another."""
    pieces = [text[start:end] for start, end in spans]
    return all(
        _PLAIN_END.search(before) and len(before.split()) >= PLAIN_WORDS
        and _PLAIN_START.match(after) and len(after.split()) >= PLAIN_WORDS - 1
        for before, after in zip(pieces, pieces[1:])
    )


def segment_article(outlet_id: str, text: str, paragraphs: list[tuple[int, int]], language: str | None, line_per_sentence: bool = False) -> list[Sentence]:
    """Sentences of an article's paragraphs. In a file laid out a sentence per line (each
    paragraph one line) that its author evidently segmented, every line is one sentence: the
    splitter's extra cuts there ("1. Kangchenjunga ." at a list number, an unknown
    abbreviation) would only cut the author's units apart."""
    language = (language or "en").split("-")[0]
    splits = [split_sentences(text[p_start:p_end], language) for p_start, p_end in paragraphs]
    if line_per_sentence and splits:
        whole = sum(len(spans) <= 1 for spans in splits)
        if whole >= SEGMENTED_BY_AUTHOR * len(splits):
            splits = [
                spans if len(spans) <= 1 or _plain_cuts(text[p_start:p_end], spans) else [(spans[0][0], spans[-1][1])]
                for (p_start, p_end), spans in zip(paragraphs, splits)
            ]
    sentences: list[Sentence] = []
    # Sentence(index=..., paragraph=..., text=..., start=..., end=...) field by field, as its
    # frozen __init__ sets them (defaults included), without the call: thousands per big story.
    new, put, unique = object.__new__, object.__setattr__, Status.UNIQUE
    for paragraph_no, ((p_start, p_end), spans) in enumerate(zip(paragraphs, splits)):
        for start, end in spans:
            raw = text[p_start + start:p_start + end]
            sentence = new(Sentence)
            put(sentence, "index", len(sentences))
            put(sentence, "paragraph", paragraph_no)
            put(sentence, "text", " ".join(raw.split()))
            put(sentence, "start", p_start + start)
            put(sentence, "end", p_start + end)
            put(sentence, "status", unique)
            put(sentence, "group", None)
            sentences.append(sentence)
    return sentences
