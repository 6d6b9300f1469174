"""Rules that read where a line stands relative to the article, for text pasted from a page.

`clean.py` classifies each line and finds the article's main run of prose; these rules take
its `Line` objects (kind, reason, weak, text) and the run's first line, and use the page's
layout as evidence: what a page prints right above its article, what it prints below.
"""

from __future__ import annotations

import re
from typing import Protocol

from retold.model.lazy_pattern import LazyPattern


class _Line(Protocol):
    text: str
    kind: str
    reason: str
    weak: bool


# ------------------------------------------------------------------ what pages print under the article

# The reader, addressed: "you", "Sie", "du", "vous", "usted"; or this very page: "this article",
# "diesen Artikel", "cet article", "este artículo".
# Words that name the reader in one language and someone else in another ("du" is French "of
# the", "su" Spanish "his") are left out, or asked with the verb that shows who is meant
# ("willst du", "du suchst").
_READER = LazyPattern(
    r"(?i)\b(?:you|your|yours|ihnen|dich|dir|dein\w*|euch|vous|votre|vos|usted(?:es)?|você|vocês)\b|"
    r"\w\wst du\b|\bdu \w+st\b|(?-i:(?<![.!?] )(?<!^)\bSie\b)|(?-i:^Sie \w+en\b)|"
    r"\b(?:this|diese[nmrs]?|ce(?:t|tte)?|este|esta|questo|questa)\s+(?:article|post|story|page|site|website|artikel|beitrag|seite|"
    r"webseite|website|text|artículo|página|sitio|articolo|pagina)\b"
)
_QUESTION_END = LazyPattern(r"\?[\"'”’»)\]]*$")
_PROMPT_WORDS = 60  # a prompt is short: the question and a line that asks or offers
_PROMPT_CHARS = 20 * _PROMPT_WORDS  # in characters too (a line of one huge "word" is no prompt)
# The opening question, up to its mark (a dot inside a word, "Achgut.com", does not end it).
_PROMPT_SENTENCE = LazyPattern(r"(?:[^?!.]|\.(?=\w))*[?]")
# Lines from the article's end within which a prompt may still stand: the block of prose may
# run on through a prompt or two when nothing but a short line parts them.
_END_ZONE = 3


_ARTICLE_WORDS = 80  # a main run shorter than this may be all the article there is


def _an_article(lines: list[_Line], block: tuple[int, int]) -> bool:
    return sum(len(line.text.split()) for line in lines[block[0]:block[1] + 1] if line.kind == "body") >= _ARTICLE_WORDS


def mark_reader_prompts(lines: list[_Line], block: tuple[int, int]) -> None:
    """A short paragraph below the article's main run that opens with a question put to the
    reader ("Did you like this article?", "Sie wollen mehr von uns?", "Du suchst …? Dann …") is
    the page asking for a click, a rating, a subscription: furniture (weak: another outlet that
    carries it gives it back). Within the run, a question to the reader is the article's own (a
    column may close with one), and so is the whole of a note too short to tell an article from
    its page."""
    if not _an_article(lines, block):
        return
    start = block[1] + 1  # below the main run: its own last lines may close with a question to the reader
    for n in range(start, len(lines)):
        line = lines[n]
        if line.kind != "body" or len(line.text) > _PROMPT_CHARS or len(line.text.split()) > _PROMPT_WORDS:
            continue
        question = _PROMPT_SENTENCE.match(line.text)
        if question is None or not _READER.search(question.group()) or len(question.group().split()) > 20:
            continue
        line.kind, line.reason, line.weak = "furniture", "reader prompt", True


# A teaser's excerpt: its text cut off with an ellipsis ("… the council said it would …",
# "Nachdem die Reederei im Frühja..."), the link to the rest of another article.
_CUT_OFF = LazyPattern(r"(?:\.\.\.|…)\s*$")
_EXCERPT_WORDS = 80


def mark_teaser_excerpts(lines: list[_Line], block: tuple[int, int]) -> None:
    """Below the article's main run, a short paragraph that stops on an ellipsis is a teaser's
    excerpt of another article (a list of related stories, a sidebar): weak furniture, which
    another outlet that carries the line gives back. Within the run, an ellipsis is the article's
    own (a quotation trailing off)."""
    for n in range(block[1] + 1, len(lines)):
        line = lines[n]
        if line.kind == "body" and len(line.text.split()) <= _EXCERPT_WORDS and _CUT_OFF.search(line.text):
            line.kind, line.reason, line.weak = "furniture", "teaser excerpt", True


# The name in a byline: "By Ana Veldt", "Von Mara Quell | 3. Mai", "Par Loïc Brenn et …".
_BYLINE_NAME = LazyPattern(
    r"(?i:^\(?(?:by|written by|von|par|por|door|di|av|af)\s*:?\s+)((?:[A-ZÀ-Þ][\w'’.-]+)(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,2})"
    # ... or a blog's filing line that ends with it: "Posted on December 4, 2026 by Oskar Dahl"
    r"|(?i:^(?:posted|published|written)\b.{0,40}\b(?:by|von|par|por|di)\s+)((?:[A-ZÀ-Þ][\w'’.-]+)(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,2})\s*$"
)
_BIO_WORDS = 100


def mark_author_bios(lines: list[_Line], block: tuple[int, int]) -> None:
    """The author's note at the article's end or below it: a short paragraph that opens with the
    author's name, which the page gives in its byline ("By Ana Veldt" above, "Ana Veldt covers
    the harbour for …" below; under a line holding the name, "Ana covers …"), is about the
    writer, not the story. Only with the byline's evidence: a paragraph that opens with some
    other name, even under a line of that name, is the article's (a profile's subhead)."""
    if not _an_article(lines, block):
        return
    start = max(block[0] + 1, block[1] - _END_ZONE + 1)
    names = set()
    for line in lines[:start]:
        match = _BYLINE_NAME.match(line.text) if len(line.text.split()) <= 12 else None
        if match:
            names.add(" ".join((match.group(1) or match.group(2)).split()[:2]))
    if not names:
        return
    for n in range(start, len(lines)):
        line = lines[n]
        if line.kind != "body" or len(line.text.split()) > _BIO_WORDS:
            continue
        above = " ".join(lines[n - 1].text.rstrip(",;:").split()[:2]) if lines[n - 1].kind == "furniture" else ""
        # Under the name's own line, the note may call the author by the first name ("Ana covers …").
        heads = names | ({above.split()[0]} if above in names else set())
        if any(line.text.startswith(head) and line.text[len(head):len(head) + 1] in (" ", ",") for head in heads):
            line.kind, line.reason, line.weak = "furniture", "author bio", True


# Runs of prose: body lines with at most this many other lines between neighbours.
_RUN_GAP = 2
# The article: its longest run (in words) and the runs this close to it.
_ARTICLE_GAP = 3
# A run this far below the run above it, after a line that ends articles, and this small, is
# the page's, not the article's: a teaser's standfirst, a newsletter box, a sidebar's blurb.
_ISLAND_GAP = 6
_ISLAND_LINES = 5
_ISLAND_WORDS = 150


def _runs(lines: list[_Line]) -> list[list[int]]:
    """[words, first, last] of each run of body lines."""
    runs: list[list[int]] = []
    for n, line in enumerate(lines):
        if line.kind != "body":
            continue
        words = len(line.text.split())
        if runs and n - runs[-1][2] - 1 <= _RUN_GAP:
            runs[-1][0] += words
            runs[-1][2] = n
        else:
            runs.append([words, n, n])
    return runs


def mark_prose_islands(lines: list[_Line], end_reasons: frozenset[str]) -> None:
    """Below the article, after a line that only ends articles (a share row, a comment form, a
    "Related" heading: `end_reasons`), small runs of prose standing apart (six lines or more from
    the run above, five lines and 150 words at most) are the page's boxes, not the article's
    continuation: weak furniture. A long run there (a comment thread, the rest of an article
    split by a gallery) is left as it is, and so is everything above the article's end."""
    runs = _runs(lines)
    if not runs:
        return
    main = max(range(len(runs)), key=lambda i: runs[i][0])
    last = main
    while last + 1 < len(runs) and runs[last + 1][1] - runs[last][2] - 1 <= _ARTICLE_GAP:
        last += 1
    ended = False
    for i in range(last + 1, len(runs)):
        words, first, end = runs[i]
        ended = ended or any(
            lines[m].kind == "furniture" and not lines[m].weak and lines[m].reason in end_reasons
            for m in range(runs[i - 1][2] + 1, first)
        )
        body = [m for m in range(first, end + 1) if lines[m].kind == "body"]
        if ended and first - runs[i - 1][2] - 1 >= _ISLAND_GAP and len(body) <= _ISLAND_LINES and words <= _ISLAND_WORDS:
            for m in body:
                lines[m].kind, lines[m].reason, lines[m].weak = "furniture", "prose apart from the article", True


_LEAD_IN_WORDS = 3  # "The crews elected:" introduces a list of the article's own


def lines_past_article_end(lines: list[_Line], body: list[int], block: tuple[int, int] | None,
                           end_reasons: frozenset[str]) -> set[int]:
    """Lines below the article's main run that stand after a line that only ends articles and
    before the next sentence (`body`: the lines that end one): there the page's link lists and
    teaser headlines begin, and a short line is not the article's even with prose further down."""
    past: set[int] = set()
    if block is None:
        return past
    for a, b in zip(body, body[1:]):
        if a < block[1]:
            continue
        stop = next((m for m in range(a + 1, b)
                     if lines[m].kind == "furniture" and not lines[m].weak and lines[m].reason in end_reasons), b)
        for m in range(stop + 1, b):
            if lines[m].text.endswith(":") and len(lines[m].text.split()) >= _LEAD_IN_WORDS:
                break  # prose leading in to what follows: the article resumes
            past.add(m)
    return past
