"""HTML → article text, one block per line.

With the optional extra `retold[html]` installed, trafilatura does the extraction
(it is far better than ours on real pages). Without it, a stdlib parser keeps the
text of block elements and drops scripts, styles and the page chrome that HTML5
marks as such (nav, header, footer, aside, form). Whatever furniture survives is
handled by `clean.py`, exactly as for scraped text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Code, not text: dropped without a trace.
_CODE = {"script", "style", "noscript", "template", "svg", "iframe", "head"}
# Page chrome: its text is kept as lines marked furniture, so the reader can show it.
_CHROME = {"nav", "header", "footer", "aside", "form", "button"}
_SKIP = _CODE | _CHROME
_BLOCK = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "figcaption", "figure", "br", "tr", "td", "th", "table", "dd", "dt", "pre", "hr", "title",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track"}


class _BlockText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str | None]] = []  # (text, chrome element or None)
        self.current: list[str] = []
        self.skip_stack: list[str] = []
        self.title: str | None = None
        self.in_title = False
        self.has_h1 = False
        self.heading: str | None = None  # inside h1–h6: a headline or subhead, never prose

    def _chrome(self) -> str | None:
        chrome = next((tag for tag in self.skip_stack if tag in _CHROME), None)
        return chrome or self.heading

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append((text, self._chrome()))
        self.current = []

    def _in_code(self) -> bool:
        return any(tag in _CODE for tag in self.skip_stack)

    def handle_starttag(self, tag, attrs):
        if tag == "title" and not self.skip_stack[1:]:
            self.in_title = True
            return
        if tag in _SKIP and tag not in _VOID:
            self._flush()
            self.skip_stack.append(tag)
            return
        if tag in _BLOCK:
            self._flush()
        if tag in _HEADINGS:
            self.has_h1 = True
            self.heading = "heading"

    def handle_endtag(self, tag):
        if tag in self.skip_stack:  # pops unclosed children too (malformed pages)
            self._flush()
            while self.skip_stack.pop() != tag:
                pass
            return
        if tag == "title":
            self.in_title = False
            return
        if tag in _BLOCK:
            self._flush()
        if tag in _HEADINGS:
            self.heading = None

    def handle_data(self, data):
        if self.in_title:
            self.title = ((self.title or "") + data).strip()
            return
        if not self._in_code():
            self.current.append(data)

    def close(self):
        super().close()
        self._flush()


# A numeric character reference: html.unescape converts its digits with int(), which refuses
# more than 4,300 digits (ValueError: "&#" and 5,000 digits crashed the parser).
_CHARREF = re.compile(r"&#(?:([xX])0*([0-9a-fA-F]+)|0*([0-9]+))(;?)")


def _shorten_charref(match: re.Match[str]) -> str:
    hex_mark, hex_digits, digits, semicolon = match.groups()
    if hex_mark:
        if len(hex_digits) > 6:  # above U+10FFFF, as unescape would decide
            return "\ufffd"
        return f"&#{hex_mark}{hex_digits}{semicolon}"
    if len(digits) > 7:
        return "\ufffd"
    return f"&#{digits}{semicolon}"


def bound_charrefs(markup: str) -> str:
    """Leading zeros dropped and out-of-range references replaced by U+FFFD, as unescape would."""
    return _CHARREF.sub(_shorten_charref, markup)


def extract_text_stdlib(markup: str) -> tuple[str, dict[int, str]]:
    """(text, {line start offset: reason}) — chrome lines are forced to be furniture."""
    parser = _BlockText()
    parser.feed(bound_charrefs(markup))
    parser.close()
    parts: list[str] = []
    chrome: dict[int, str] = {}
    offset = 0
    blocks = parser.blocks
    if not parser.has_h1 and parser.title:
        # No heading at all: the <title>, less its " | Site name" tail, is the best headline we have.
        blocks = [(parser.title.split(" | ")[0].strip(), "heading"), *blocks]
    for text, element in blocks:
        if element == "heading":
            chrome[offset] = "heading"
        elif element is not None:
            chrome[offset] = f"page chrome (<{element}>)"
        parts.append(text)
        offset += len(text) + 2  # blank line between blocks: each block is its own paragraph
    return "\n\n".join(parts) + "\n", chrome


_SEMANTIC = re.compile(r"<(?:article|main)[\s>]", re.IGNORECASE)


def extract_text(markup: str) -> tuple[str, dict[int, str]]:
    """Pages that mark their article (<article>, <main>) need no heuristics: ours keeps
    every dropped line visible. Div soup goes to trafilatura when it is installed."""
    markup = bound_charrefs(markup)
    if _SEMANTIC.search(markup):
        return extract_text_stdlib(markup)
    try:
        import trafilatura  # optional extra: retold[html]; slow to import, so only here
    except ImportError:
        return extract_text_stdlib(markup)
    extracted = trafilatura.extract(markup, include_comments=False, include_tables=False, with_metadata=False, favor_recall=True)
    if not extracted:
        return extract_text_stdlib(markup)
    title = None
    metadata = trafilatura.extract_metadata(markup)
    if metadata is not None:
        title = metadata.title
    lines = [line.strip() for line in extracted.splitlines() if line.strip()]
    if title and (not lines or lines[0] != title):
        lines.insert(0, html.unescape(title))
    return "\n\n".join(lines) + "\n", {}
