"""Where a pasted page puts its headline, read from the lines around the article.

`clean.py` picks a headline among the headline-like lines above the article; these rules read
the page's layout as more evidence: the meta lines (byline, date) a headline stands over, and
the deck a headline stands over.
"""

from __future__ import annotations

import re
from typing import Protocol

from retold.model.lazy_pattern import LazyPattern
from retold.model.normalize import STOPWORDS


class _Line(Protocol):
    text: str
    kind: str
    reason: str
    weak: bool
    blank_before: bool


# What a page prints between its headline and its article: who wrote it, when, how long it
# takes to read, the lead picture's credit. Lines of their own kind (strong furniture).
META_REASONS = frozenset({"page date", "byline", "reading time", "photo caption / credit"})
# Of those, the ones that say an article starts here: a byline or a date.
_ARTICLE_META = frozenset({"page date", "byline"})
# Weak lines that may be a headline: short ones, or longer ones without a sentence end.
_HEADLINE_SHAPES = ("short fragment", "headline-like line (no sentence end)", "headline list")
_HEADLINE_WORDS = (2, 30)
_WORD = LazyPattern(r"\w+")
# A list item ("• Recall to cost about 31 million krona", "- Regulator opens review"): a page's
# "Key points" or "In brief" list, never its headline, however much it tells of the article. Not
# a number ("15. Zukunftsforum …" is a German ordinal, a headline) nor "*" without a space after
# it ("*Ab Montag* …" is emphasis): on trafilatura's pages both were headlines.
_LIST_ITEM = LazyPattern(r"^\s*(?:[•·▪▫◦‣⁃∙●○■□►▸▶▹➤➢✓✔☑]|[*\-–—]\s)")


def list_item(text: str) -> bool:
    return bool(_LIST_ITEM.match(text))


def headline_over_meta(lines: list[_Line], first: int) -> _Line | None:
    """The headline a page prints right above its byline or date, which stand right above the
    article ("Ferry strike ends" / "By Ana Veldt" / "4 May 2026" / the article): walking up
    from the article's first line past its meta lines (a byline or date among them), the first
    line is the headline when it has a headline's shape. With no byline or date there, nothing:
    the line above an article is as often a menu item or a teaser."""
    n = first - 1
    seen_meta = False
    while n >= 0 and lines[n].kind == "furniture" and (
        (not lines[n].weak and lines[n].reason in META_REASONS) or (lines[n].weak and _dated(lines[n].text))
    ):
        seen_meta = seen_meta or lines[n].weak or lines[n].reason in _ARTICLE_META
        n -= 1
    if not seen_meta or n < 0:
        return None
    line = lines[n]
    words = len(_WORD.findall(line.text))
    if (
        line.kind == "furniture" and line.weak and line.reason in _HEADLINE_SHAPES
        and _HEADLINE_WORDS[0] <= words <= _HEADLINE_WORDS[1] and "|" not in line.text and not _a_name(line.text)
        and (line.blank_before or n == 0)  # set apart, as a heading is: a menu item runs on from the one above
        and not list_item(line.text)
    ):
        return line
    return None


# A short line with a year or a day and month in it ("reineckefuchs — 2. Februar 2022",
# "Oct 30 2020 by Emily Co", "8 min lues"): meta whatever its words.
_DATED = LazyPattern(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b\d+\s*(?:min|minutes?|minuten)\b", re.IGNORECASE)
_DATED_WORDS = 8


def _dated(text: str) -> bool:
    return len(text.split()) <= _DATED_WORDS and bool(_DATED.search(text))


# A person's name alone on its line: two or three capitalised words ("Carolin Schäufele") is
# the byline's name, which pages print on a line of its own.
_NAME = LazyPattern(r"^[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){1,2}$")


def _a_name(text: str) -> bool:
    return bool(_NAME.match(text.strip().rstrip(",;:")))


_DECK_RATIO = 1.3  # a deck runs longer than its headline; a kicker above a headline is shorter
# A date, a path or a credit ("Bonn, 11.10.2021", "Symbolbild / Agentur") above a headline is
# its kicker or its picture's line, not a headline over a deck.
_NOT_A_HEADLINE = LazyPattern(r"\d{1,2}\.\d{1,2}\.\d{2,4}|\b(?:19|20)\d\d\b|\s/\s|^in\s")


def headline_over_deck(lines: list[_Line], chosen: int, block: tuple[int, int] | None) -> _Line | None:
    """A headline-like line found above the article may be its deck, the longer line a page sets
    under the headline ("Crews vote to end the strike" / "After a week of talks the union accepts
    the new rota"): when the line right above it is shorter, set apart as a heading is, and shares
    a word with it or with the article's opening, that line is the headline."""
    return _heading_above(lines, chosen, block, lambda above, below, _line: 4 <= above and _DECK_RATIO * above <= below)


_STANDFIRST_WORDS = 8  # a line over the byline this long may be the standfirst under the headline


def headline_over_standfirst(lines: list[_Line], chosen: int, block: tuple[int, int] | None) -> _Line | None:
    """The line right over a page's byline may be its standfirst, set under the headline
    ("'They rang at seven': hack wrecks the hospital's lists" / "Patients left waiting as the
    authority runs on paper" / "By …" / date / article): when that line is standfirst-long, and
    the line right above it is headline-shaped, set apart as a heading is, and tells something
    the standfirst or the article's opening tells (not in its small words), that line is the
    headline. A short line over the byline is the headline itself, whatever stands above it (a
    sidebar's teaser)."""
    return _heading_above(
        lines, chosen, block,
        lambda above, below, line: below >= _STANDFIRST_WORDS and 4 <= above <= _HEADLINE_WORDS[1] and not _a_name(line.text),
        ignore=STOPWORDS)


def _heading_above(lines: list[_Line], chosen: int, block: tuple[int, int] | None, sizes, ignore=frozenset()) -> _Line | None:
    """The line right above line `chosen` when it is a heading over it: headline-shaped weak
    furniture with no bar, not a date, path or credit, not all capitals, set apart as a heading is
    (and `chosen` set apart too), its own word counts (above, below) and the line passing `sizes`,
    and one of its words of four letters or more (less `ignore`) told by `chosen` or the article's
    first three lines. Else None."""
    if chosen == 0 or block is None:
        return None
    above, below = lines[chosen - 1], lines[chosen]
    if not (
        above.kind == "furniture" and above.weak and above.reason in _HEADLINE_SHAPES and "|" not in above.text
        and (above.blank_before or chosen == 1) and below.blank_before
        and not _NOT_A_HEADLINE.search(above.text) and not above.text.isupper() and not list_item(above.text)
        and sizes(len(_WORD.findall(above.text)), len(_WORD.findall(below.text)), above)
    ):
        return None
    told = {w.lower() for line in lines[block[0]:block[0] + 3] + [below] for w in _WORD.findall(line.text) if len(w) > 3}
    return above if any(w.lower() in told and w.lower() not in ignore for w in _WORD.findall(above.text) if len(w) > 3) else None
