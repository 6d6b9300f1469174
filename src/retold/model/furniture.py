"""Furniture found from where a line stands on the page, not from the line alone.

`clean.py` decides each line by rules of its own; these rules read the page as a whole (its
lines already classified), so they live apart from the line rules. They take `clean.Line`
objects (kind, reason, weak, text) and only ever turn body into furniture with a reason.
"""

from __future__ import annotations

from typing import Protocol


class _Line(Protocol):
    text: str
    kind: str
    reason: str
    weak: bool


# Strong furniture that pages put under the article, never inside its running text: the
# comment form, share row, tag list, "Related" heading, copyright notice, links to the next post.
ARTICLE_END_REASONS = frozenset({
    "comment form", "share buttons", "post tags", "section heading", "copyright", "social / subscribe prompt",
    "previous / next link", "site credits", "teaser link", "cookie notice", "navigation",
})
# Below that line, what still reads as prose is at most this share of the prose above it: a
# comment thread, a sidebar blurb, a teaser's standfirst. An article whose share row stands
# above its last third (a mid-article newsletter box) is not cut.
TAIL_SHARE = 0.1
# A photo credit "… © Agency / Name" is a caption inside the article, not the notice that ends
# the page: only a notice that opens with the mark (or says "all rights reserved") ends it.
_NOTICE_OPENINGS = ("©", "(c)", "copyright")


def _ends_article(line: _Line) -> bool:
    if line.kind != "furniture" or line.weak or line.reason not in ARTICLE_END_REASONS:
        return False
    if line.reason == "copyright":
        text = line.text.lower()
        return text.startswith(_NOTICE_OPENINGS) or "all rights reserved" in text
    return True


def mark_after_article_end(lines: list[_Line]) -> None:
    """The article ends at the first end-of-article line (see ARTICLE_END_REASONS) below which
    the prose left is under a tenth of the prose above it; every body line below it is then
    page furniture (weak: another outlet that carries the line gives it back)."""
    words = [len(line.text.split()) if line.kind == "body" else 0 for line in lines]
    total = sum(words)
    above = 0
    for n, line in enumerate(lines):
        above += words[n]
        if above and _ends_article(line) and total - above < TAIL_SHARE * above:
            for after in lines[n + 1:]:
                if after.kind == "body":
                    after.kind, after.reason, after.weak = "furniture", "after the article's end", True
            return
