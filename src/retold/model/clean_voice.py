"""Lines below the article in the page's own voice, for text pasted from a page.

Under an article, pages talk to the reader ("Get our best stories every morning", "Sie müssen
sich einloggen, um zu kommentieren") or about themselves ("We reach millions of engineers").
An article's own closing lines quote people who say "we", inside quotation marks; the page's
lines speak without them.
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


_VOICE = LazyPattern(
    r"(?i)\b(?:you|your|yours|ihnen|dich|dir|dein\w*|euch|vous|votre|vos|usted(?:es)?|você|vocês|"
    r"we|our|us|wir|unser\w*|nous|notre|nos|nosotros|nuestr[oa]s?)\b|"
    r"\w\wst du\b|\bdu \w+st\b|(?-i:(?<![.!?] )(?<!^)\bSie\b)|(?-i:^Sie \w+en\b)"
)
_QUOTES = LazyPattern(r"[\"“”«»„]")
_VOICE_WORDS = 40
_VOICE_CHARS = 20 * _VOICE_WORDS
_END_ZONE = 3


def mark_page_voice(lines: list[_Line], block: tuple[int, int], end_reasons: frozenset[str]) -> None:
    """Below a line that only ends articles (`end_reasons`: a share
    row, a comment form, a "Related" heading) at the article's main run's end or under it, a short body line (40 words at most) that speaks
    to the reader or as the site, quoting no one, is the page's: weak furniture."""
    ended = False
    # From the main run's last lines on: the run may reach past the end line (it bridges two
    # lines of furniture between prose lines).
    for n in range(max(block[0] + 1, block[1] - _END_ZONE + 1), len(lines)):
        line = lines[n]
        ended = ended or (line.kind == "furniture" and not line.weak and line.reason in end_reasons)
        if (
            ended and
            line.kind == "body" and len(line.text) <= _VOICE_CHARS and len(line.text.split()) <= _VOICE_WORDS
            and not _QUOTES.search(line.text) and _VOICE.search(line.text)
        ):
            line.kind, line.reason, line.weak = "furniture", "the page's own voice", True

