"""HTML → article text, one block per line, and the page's own metadata.

Two extractors, chosen per page:
- a page that marks its article (<article>, <main>) goes through a stdlib parser that keeps the
  text of block elements and drops scripts and styles; the page chrome HTML5 marks as such (nav,
  header, footer, aside, form) is kept as lines marked furniture, so the reader can show what was
  dropped and why (`r`). On our HTML fixtures it keeps exactly the article trafilatura keeps and,
  unlike trafilatura, accounts for every dropped line (bench/bench_html.py prints both).
- any other page goes to trafilatura (a core dependency: the field's standard for div soup). When
  it finds no article, the page has none: there is no hand-written fallback for div soup any more.
  The page's text blocks it leaves out are put back in page order as lines marked furniture
  (DROPPED_BY_EXTRACTOR), so that nothing is dropped without a trace either.
Whatever furniture survives either is handled by `clean.py`, exactly as for scraped text.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from dataclasses import dataclass
from html.parser import HTMLParser

from retold.model.lazy_pattern import LazyPattern

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
        if self.heading and chrome == "header":
            return self.heading  # an article's <header> holds its headline: a heading, not chrome
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
_CHARREF = LazyPattern(r"&#(?:([xX])0*([0-9a-fA-F]+)|0*([0-9]+))(;?)")


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


_SEMANTIC = LazyPattern(r"<(?:article|main)[\s>]", re.IGNORECASE)


def extract_text(markup: str) -> tuple[str, dict[int, str]]:
    """Pages that mark their article (<article>, <main>) need no heuristics: ours keeps
    every dropped line visible. Div soup goes to trafilatura; ("", {}) when it finds no article."""
    markup = bound_charrefs(markup)
    if _SEMANTIC.search(markup):
        return extract_text_stdlib(markup)
    import trafilatura  # slow to import (~0.3 s): only for pages that need it

    extracted = trafilatura.extract(markup, include_comments=False, include_tables=False, with_metadata=False, favor_recall=True)
    if not extracted:
        return "", {}  # no article: the caller says so, naming the file
    title = None
    metadata = trafilatura.extract_metadata(markup)
    if metadata is not None:
        title = metadata.title
    lines = [line.strip() for line in extracted.splitlines() if line.strip()]
    forced: dict[int, str] = {}
    if title:
        title = html.unescape(title)
        if lines and lines[0] == title:
            lines.pop(0)
        lines, dropped = _with_dropped_lines(markup, lines, title)
        # The headline is a heading, never prose (an exclamation headline would read as a sentence).
        lines.insert(0, title)
        dropped = {number + 1 for number in dropped}
        forced[0] = "heading"
    else:
        lines, dropped = _with_dropped_lines(markup, lines)
    offset = 0
    for number, line in enumerate(lines):
        if number in dropped:
            forced[offset] = DROPPED_BY_EXTRACTOR
        offset += len(line) + 2
    return "\n\n".join(lines) + "\n", forced


# What trafilatura left out of the article, listed (the reader's `r`) as every removed line is:
# the page's own meta row (a date with its time, "Source: …") is read from there.
DROPPED_BY_EXTRACTOR = "outside the article (extractor)"


def _with_dropped_lines(markup: str, kept: list[str], headline: str | None = None) -> tuple[list[str], set[int]]:
    """`kept` (the extractor's lines, in order) with the page's other text blocks put back in page
    order, and the numbers of those put back. Every kept line stays, in its order; a block of the
    page that matches none of the kept lines still to come (nor the headline shown above them) is
    a dropped line."""
    parser = _BlockText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # noqa: BLE001 - listing what was dropped is a bonus; the article stands
        return kept, set()
    wanted: dict[str, list[int]] = {}  # a kept line's text: its numbers, ascending
    for number, line in enumerate(kept):
        wanted.setdefault(" ".join(line.split()), []).append(number)
    result: list[str] = []
    dropped: set[int] = set()
    next_kept = 0
    headline = " ".join(headline.split()) if headline else None
    for block, _element in parser.blocks:
        if block == headline:
            continue
        # The first of its numbers from next_kept on, by bisection: a page repeating one block
        # 270,000 times was quadratic here (over 5 minutes for 2.4 MB).
        numbers = wanted.get(block, ())
        found = bisect_left(numbers, next_kept)
        at = numbers[found] if found < len(numbers) else None
        if at is None:
            dropped.add(len(result))
            result.append(block)
            continue
        result.extend(kept[next_kept:at + 1])
        next_kept = at + 1
    result.extend(kept[next_kept:])
    return result, dropped


# ---------------------------------------------------------------- page metadata


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself. Every field may be None."""

    title: str | None = None
    site_name: str | None = None
    published: str | None = None
    author: str | None = None
    language: str | None = None


# <meta> keys (property= or name= or itemprop=) for each field, best first.
_META_KEYS = {
    "site_name": ("og:site_name", "application-name", "publisher"),
    "published": ("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dcterms.date"),
    "author": ("author", "article:author", "dc.creator", "byl"),
    "language": ("content-language", "dc.language", "og:locale"),
    "title": ("og:title",),
}
# An edition or language named after the outlet's name, in its title tail or site name ("Vestrian
# Daily Courier English", "The Harbour Times – International edition", "Lakeside Echo Online"): the
# edition, not the name. "International" alone is left (a broadcaster's name may end in it).
_EDITION = LazyPattern(
    r"(?i)(?:\s*[-–—,:|(]\s*|\s+)(?:(?:the\s+)?(?:english|international|online|digital|global|print|web|weekend|"
    r"european|us|uk|asia|africa|americas)\s+edition|edition|online|"
    r"(?:in\s+)?english|(?:auf\s+)?deutsch|(?:en\s+)?français|(?:en\s+)?español|(?:em\s+)?português|italiano|nederlands)\)?\s*$"
)
_NAME_WORD = LazyPattern(r"[^\W\d_]{2,}")


def without_edition(name: str | None) -> str | None:
    """The outlet's name without an edition or language after it ("Vestrian Daily Courier
    English" → "Vestrian Daily Courier"); the name as given when nothing of a name would be left."""
    if not name:
        return name
    match = _EDITION.search(name)
    if match is None:
        return name
    rest = name[:match.start()].rstrip(" -–—,:|(")
    words = [w for w in _NAME_WORD.findall(rest) if w.lower() not in ("the", "a", "an")]
    return rest if words else name


# "Headline | Site" (also " – ", " — ", " :: "): the tail is the site's name.
_TITLE_SITE = LazyPattern(r"^(?P<head>.+?)\s+(?:\||–|—|::)\s+(?P<site>[^|–—]{2,60})$")
_TITLE_SITE_HYPHEN = LazyPattern(r"^(?P<head>.+)\s-\s(?P<site>[^\s|–—-][^|–—-]{1,59})$")  # (the title's white space is collapsed first)


def _a_day_the_page_gives(date: str | None, markup: str) -> str | None:
    """The extractor's date, unless it is the first of January that the page never prints: its
    guess from a year alone ("© 2026" in the footer became 2026-01-01, and a wire that printed
    "10 December 2026, 17:42 UTC" in its byline was dated, and sorted, by it). Without it the
    page's own date line dates the outlet (pipeline: page_date)."""
    if date and date[4:10] == "-01-01" and date[:10] not in markup and not _NEW_YEARS_DAY.search(
            markup.replace("&nbsp;", " ").replace("\xa0", " ")):
        return None
    return date


# The first of January printed in words or digits ("1 January 2026", "January 1, 2026", "01.01.2026").
_NEW_YEARS_DAY = LazyPattern(
    r"(?i)\b0?1(?:st)?\.?\s*(?:january|jan\.?|januar|janvier|enero|gennaio|janeiro|januari)\b|"
    r"\b(?:january|jan\.?)\s+0?1(?:st)?\b|\b0?1[./]0?1[./](?:19|20)\d\d\b")


def _copyright_names(markup: str, name: str) -> bool:
    """The page's copyright notice names `name`: "© 2026 Name", "Copyright (c) 2019-2026 Name"."""
    notice = r"(?:©|&copy;|&#169;|\(c\)|copyright)\s*(?:\(c\)\s*)?(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?(?:by\s+)?"
    return re.search(notice + re.escape(name) + r"\b", markup, re.IGNORECASE) is not None


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.lang: str | None = None
        self.title = ""
        self.in_title = False
        self.time: str | None = None

    def handle_starttag(self, tag, attrs):
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.lang = values["lang"]
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or values.get("http-equiv") or "").lower()
            content = " ".join(values.get("content", "").split())
            if key and content:
                self.meta.setdefault(key, content)
        elif tag == "time" and self.time is None and values.get("datetime"):
            self.time = values["datetime"].strip()
        elif tag == "title" and not self.title:
            self.in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def _clean(value: str | None, limit: int = 200) -> str | None:
    value = " ".join((value or "").split())
    return value[:limit] or None


def _people(authors: str, site: str | None) -> str:
    """The people of an author list the extractor split at commas ("By Tomas Reyer, NSB News,
    Altavessa" became "Tomas Reyer; NSB News; Altavessa"): the outlet's own name and, beside a
    person's full name, a lone word (the place the byline ends with) are not authors."""
    parts = [part.strip() for part in authors.split(";") if part.strip()]
    own = " ".join((site or "").split()).casefold()
    parts = [part for part in parts if not own or " ".join(part.split()).casefold() not in (own, own.removeprefix("the "))]
    if any(len(part.split()) >= 2 for part in parts):
        parts = [part for part in parts if len(part.split()) >= 2]
    return "; ".join(parts)


def page_meta(markup: str, deep: bool = False) -> PageMeta:
    """The page's title, site name, date, author and language.

    Cheap by default (one stdlib pass over <html lang>, <meta>, <title>, the first <time>);
    `deep=True` asks trafilatura (htmldate) for a date and an author the markup does not state.
    """
    parser = _MetaParser()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # noqa: BLE001 - metadata is a bonus; a strange page still loads
        pass

    def first(field: str) -> str | None:
        return next((parser.meta[k] for k in _META_KEYS[field] if parser.meta.get(k)), None)

    title = _clean(parser.title)
    site = first("site_name")
    if title and (match := _TITLE_SITE.match(title)):
        if _EDITION.fullmatch(" " + match.group("site")) and (inner := _TITLE_SITE.match(match.group("head"))):
            match = inner  # "Headline – Site – English edition": the edition is the last tail, the name before it
        site = site or match.group("site")
        title = match.group("head")
    elif title and (match := _TITLE_SITE_HYPHEN.match(title)) and _copyright_names(markup, match.group("site")):
        # "Headline - Site Name": a hyphen joins a section and a headline too ("Polizeimeldungen -
        # A6 nach Unfall gesperrt", the headline printed again as the page's <h1>), so its tail
        # is the site's name only when the page's copyright line names it ("© 2026 Site Name").
        site = site or match.group("site")
        title = match.group("head")
    published = first("published") or parser.time
    author = first("author")
    language = parser.lang or first("language")
    if language:
        language = language.replace("_", "-").split(",")[0].strip()
    if deep and not (published and author):
        import trafilatura

        found = trafilatura.extract_metadata(markup)
        if found is not None:
            published = published or _a_day_the_page_gives(found.date, markup)
            site = site or found.sitename
            author = author or _people((found.author or "").rstrip(" ·•|–—-;,"), site) or None
            title = title or found.title
    return PageMeta(
        title=_clean(first("title") or title), site_name=without_edition(_clean(site, 100)), published=_clean(published, 40),
        author=_clean(author), language=_clean(language, 20),
    )
