"""Separate headline and article body from site furniture in scraped text.

Each line is classified by rules (strong: whole-line patterns that are never
article prose; weak: shape alone, such as a short line without sentence
punctuation). Weak decisions are then revisited with evidence from the other
outlets: a line that matches another outlet's body is body. Nothing is dropped
silently: every removed line is returned with its reason.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel

from retold.model.normalize import content_tokens, tokens
from retold.model.segment import SEGMENTED_BY_AUTHOR, split_sentences
from retold.model.story import RawDoc, Removed

# ------------------------------------------------------------------ rules

_TERMINAL = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]*)$|[\"”’»]$")
_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun".split()
_DATE_WORDS = set(_MONTHS) | set(_DAYS) | {
    "am", "pm", "a.m", "p.m", "gmt", "utc", "cet", "cest", "bst", "est", "edt", "pst", "pdt", "et", "ist", "msk",
    "at", "on", "updated", "published", "posted", "modified", "last", "first", "ago", "hours", "hour", "minutes",
    "min", "mins", "today", "yesterday", "read", "reading", "time",
}

_ICON = re.compile(r"(?i)icon[\s_-]?[a-z]")  # one icon name's head: "icon-share", "iconShare", "icon share"
_ICON_TAIL = re.compile(r"[\w-]")
_NOT_IN_NAMES = re.compile(r"[^\s\w-]")


class _IconRun:
    """Icon names left by a scraper: a line made only of icon names ("icon bookmarkicon chevron
    downicon share"), or any line holding two of them.

    The same language as the pattern (?i)^(?:\\s*icon[\\s_-]?[a-z][\\w-]*)+\\s*$|icon[\\s_-]?[a-z]+.*?icon[\\s_-]?[a-z],
    decided in one pass: that pattern's nested quantifiers backtrack exponentially (47 s on a
    178-byte line).
    """

    def search(self, text: str) -> bool:
        """`text` is one line (the pattern's `.` would stop at a newline; lines never hold one)."""
        if text.isascii() and "icon" not in text.lower():
            return False  # every line is asked: on ASCII, (?i) is plain lower-casing, and a substring test is cheaper
        first = _ICON.search(text)
        if first is None:
            return False
        if _ICON.search(text, first.end()) is not None:
            return True  # two names: the second begins after the first one's letter
        # Only icon names: the line starts with one and holds nothing but names and spaces.
        if _ICON.match(text.lstrip()) is None or _NOT_IN_NAMES.search(text):
            return False
        return self._only_icons(text)

    @staticmethod
    def _only_icons(text: str) -> bool:
        n = len(text)
        # run_end[i]: where the run of [\w-] characters starting at i ends.
        run_end = list(range(n + 1))
        for i in range(n - 1, -1, -1):
            if _ICON_TAIL.match(text, i):
                run_end[i] = run_end[i + 1]
        # Positions where an icon name may end form ranges [letter + 1, run_end]; a sweep over
        # the difference array marks them. `ready`: an icon may start here (line start or
        # after a name's end, then any whitespace).
        opened = [0] * (n + 2)
        content_end = len(text.rstrip())
        active = 0
        ready = False
        for i in range(n + 1):
            active += opened[i]
            name_end = active > 0
            ready = i == 0 or name_end or (ready and text[i - 1].isspace())
            if ready and i < n:
                head = _ICON.match(text, i)
                if head is not None:
                    opened[head.end()] += 1
                    opened[run_end[head.end()] + 1] -= 1
            if name_end and i >= content_end:
                return True  # only whitespace after this name
        return False


class _Phrases:
    """A rule's pattern behind a cheap test it implies: every match holds one of `phrases`
    (lower case). On ASCII text, where the pattern's (?i) is plain lower-casing, a line holding
    none of them is passed over without running the pattern; other text runs it. For the long
    rules, which every line of every article is asked (tests/unit/test_speed_equivalence.py
    checks the two decide alike)."""

    def __init__(self, pattern: re.Pattern[str], phrases: tuple[str, ...]):
        self.pattern = pattern
        self.phrases = phrases

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii():
            lowered = text.lower()
            if not any(phrase in lowered for phrase in self.phrases):
                return None
        return self.pattern.search(text)


# (reason, pattern, longest line in words it applies to): furniture lines are short,
# and checking only short lines keeps cleaning fast on long articles.
_STRONG_RULES: list[tuple[str, re.Pattern[str], int]] = [
    ("icon names", _IconRun(), 2000),  # icon runs come in any length
    ("advertisement", re.compile(
        r"(?i)^(?:advertisement|advertising|ad|ads|sponsored(?: content)?|promoted|"
        r"(?:story|article) continues (?:below|after)(?: this)? (?:advertisement|ad)|scroll to continue(?: with content)?)[\s.:]*$"), 8),
    ("social / subscribe prompt", re.compile(
        r"(?i)\b(?:join us on|follow us|share (?:this|on|via)|subscribe to|sign up (?:for|to)|like us on|"
        r"newsletter|telegram|whatsapp channel|tweet this|copy link|download (?:our|the) app|get the app)\b"), 20),
    ("teaser link", re.compile(
        r"(?i)^(?:read more|read also|also read|related|see also|more on this|watch|listen|further reading|"
        r"recommended|must read|don'?t miss)\s*[:|»>–—-]"), 30),
    ("section heading", re.compile(
        r"(?i)^(?:top stories|top news|most read|most popular|most viewed|related(?: articles| stories| news| coverage| content)?|"
        r"more (?:from|on|stories|news|in) ?[\w ]{0,30}|trending(?: now| stories)?|latest(?: news| stories| headlines)?|"
        r"you (?:may|might) also like|recommended(?: for you| stories)?|editor'?s picks?|popular(?: now)?|in other news|"
        r"what to read next|read next|up next|more headlines|breaking news|headlines)\s*:?$"), 8),
    ("comment form", re.compile(
        r"(?i)please enter your (?:comment|name|email)|^leave a (?:reply|comment)|^post (?:a )?comment|"
        r"entered an incorrect email|save my name,? email|^\d+ comments?$|^comments?(?: \(\d+\))?$|"
        r"log ?in to (?:comment|reply)|be the first to comment|^cancel reply$|^reply$|"
        r"comments (?:are|have been) (?:closed|disabled|turned off)|^have your say\W*$|^join the (?:conversation|discussion|debate)\W*$|"
        r"^(?:show|view|read|see|load) (?:all |more )?comments"), 30),
    # A row of share buttons whose icons the scraper dropped: "Facebook Twitter WhatsApp Email".
    ("share buttons", re.compile(
        r"(?i)^(?:(?:share|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|email|e-mail|mail|"
        r"print|copy link|messenger|bluesky|threads|mastodon|flipboard|sms)[\s,|•·/]*){2,}$"), 12),
    ("cookie notice", re.compile(
        r"(?i)\bwe use cookies|\b(?:site|website|page) uses cookies|\bcookie (?:settings|policy|preferences|consent|notice)|"
        r"\baccept (?:all )?cookies|\bconsent preferences|\bmanage (?:cookie )?preferences|^accept all$"), 40),
    # "copyright" alone is a word news uses; with a © or a year it is a notice.
    ("copyright", re.compile(r"(?i)©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\))?\s*\d{4}|all rights reserved"), 25),
    ("photo caption / credit", re.compile(
        r"(?i)\((?:photo|image|picture|file photo|photograph|video|illustration)\b[^)]*\)\s*$|"
        r"\b(?:photo|photograph|image|picture|illustration)s?\s*(?::|by\s|credit)|^credit\s*:|"
        r"/\s*(?:getty images|afp|reuters|ap photo|epa|anadolu)\b"), 40),
    ("byline", re.compile(
        r"(?i)^\(?(?:by|written by|reporting by|reported by|editing by|edited by|words by|"
        r"(?:with )?additional reporting by|with reporting by)\s+\S.*?(?<![.!?\"”])\)?$"), 14),
    ("navigation", re.compile(
        r"(?i)^(?:skip to (?:main )?content|skip navigation|menu|main menu|search|sign in|log in|login|register|"
        r"subscribe|home|back to top|close|open menu|toggle navigation|account|my account|sections|e-paper|epaper)\s*$"), 4),
    # Breadcrumbs whose separators the scraper lost: "HomeNewsWorldAsia".
    ("navigation", re.compile(r"^(?:[A-Z][a-z]{1,15}){3,}$"), 1),
    ("fundraising appeal", re.compile(
        r"(?i)\bsupport (?:independent|quality|local|our|trusted|free) (?:journalism|reporting|news|media)\b|"
        r"\bdonate (?:now|today|to|here|once|monthly)\b|^donate\b|\bmake a (?:donation|contribution)\b|"
        r"\bbecome a (?:member|supporter|patron|subscriber)\b|\bsupport us\b"), 40),
    # Agency notices run long: the phrases, not the length, decide.
    ("copyright", _Phrases(re.compile(
        r"(?i)^all rights reserved\b|\bmay not be (?:published|reproduced|copied),? (?:broadcast|distributed)|"
        r"\b(?:rewritten|redistributed) (?:or|and) (?:redistributed|rewritten)\b|without (?:the )?prior written (?:permission|consent)"),
        ("all rights reserved", "may not be ", "rewritten", "redistributed", "prior written")), 5000),
    # The page's <title> left in the text: "Headline cut short… | Site Name".
    ("page title", re.compile(r"^\S.{8,200}?(?:…|\.\.\.)\s*[|–—-]\s*\S[^|]{1,60}$"), 40),
]

_SEPARATORS = re.compile(r"\s[|•·›»>/]\s|\s[|•·›»]|[|•·›»]\s")


def _is_page_date(text: str) -> bool:
    words = [w.lower().strip(".,:") for w in re.split(r"[\s,|/–—-]+", text) if w.strip(".,:")]
    if not words or len(words) > 12:
        return False
    has_date = False
    for word in words:
        if word in _MONTHS or re.fullmatch(r"\d{1,4}(?:[.:/h]\d{1,4}){0,3}(?:st|nd|rd|th)?", word):
            has_date = True
        elif word not in _DATE_WORDS:
            return False
    return has_date


def _is_nav_row(text: str) -> bool:
    # Split on the separator alone (the parts' spaces do not count): `\s*[|…]\s*` rescans a
    # long run of spaces from each of its positions.
    parts = [p for p in re.split(r"[|•·›»>/]", text) if p.strip()]
    return len(_SEPARATORS.findall(text)) >= 2 and len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


# Furniture lines are short in characters too: a 1 MB "line" without spaces counts as one word,
# and some rules (the photo caption's `\([^)]*\)$`) are quadratic in a line's length.
_CHARS_PER_WORD = 20
_FEWEST_CHARS = 400  # the character limit of one-word rules ("HomeNewsWorldAsia…")
_LONGEST_RULE = max(longest for _, _, longest in _STRONG_RULES)
# A line this long is prose whatever a rule says (the long rules, icon runs and agency notices,
# are never followed by a hard-wrapped tail), so joining stops asking: that keeps it linear.
_JOIN_CHECK_WORDS = 40


def strong_reason(text: str) -> str | None:
    """Reason a line is furniture by itself, whatever surrounds it, or None."""
    words = text.count(" ") + 1
    if words > _LONGEST_RULE:
        return None  # longer than every rule's limit
    length = len(text)
    for reason, pattern, most_chars in _rules_for(words):
        if length <= most_chars and pattern.search(text):
            return reason
    if words > 12:
        return None
    if _is_page_date(text):
        return "page date"
    if _is_nav_row(text):
        return "navigation"
    if not _WORD.search(text):
        return "no words"
    return None


@lru_cache(maxsize=None)  # at most _LONGEST_RULE + 1 entries
def _rules_for(words: int) -> list[tuple[str, re.Pattern[str], int]]:
    """The rules that apply to a line of this many words, in order, each with its character
    limit: a long body line is asked two rules, not every rule's limits."""
    return [
        (reason, pattern, max(longest * _CHARS_PER_WORD, _FEWEST_CHARS))
        for reason, pattern, longest in _STRONG_RULES
        if words <= longest
    ]


_SENTENCE_ENDS = ".!?…。！？"  # and the full-width stops of Chinese and Japanese
_CLOSERS = "\"'”’»)]"  # may follow a sentence end: 'said.”' '(see below.)'
_QUOTE_ENDS = "\"”’»"  # end a sentence by themselves


def ends_sentence(text: str) -> bool:
    """`_TERMINAL.search(text.rstrip())`, read from the end of the line: a search for a pattern
    anchored at `$` tries every position of the line, and every sentence and line of every
    outlet is asked (tests/unit/test_speed_equivalence.py checks the two agree)."""
    end = text.rstrip()
    if not end:
        return False
    if end[-1] in _QUOTE_ENDS:
        return True
    core = end.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _SENTENCE_ENDS


# ------------------------------------------------------------------ lines

@dataclass
class Line:
    start: int
    end: int
    text: str  # whitespace-collapsed
    blank_before: bool
    kind: str = "body"  # body | title | furniture
    reason: str = ""
    weak: bool = False  # a shape-based decision that cross-outlet evidence may overturn


@dataclass
class CleanArticle:
    doc: RawDoc
    title: str | None
    title_span: tuple[int, int] | None
    paragraphs: list[tuple[int, int]]  # spans into doc.text
    removed: list[Removed] = field(default_factory=list)
    site_name: str | None = None  # read off the page: "… | Site Name" or "© 2026 Site Name"
    line_per_sentence: bool = False  # laid out a sentence (or clause) per line: each paragraph is one line


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def physical_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, its break excluded. "\r\n" is one break: read as two, every
    line of a Windows file had a blank line after it, and no hard wrap was ever joined."""
    spans = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


# Whitespace, and the byte-order mark a UTF-8 file may open with (kept in the decoded text so
# that offsets index the file as `bytes.decode("utf-8")` reads it).
_SPACE = (  # every character str.isspace() accepts, spelled out (computing it costs 0.15 s at import)
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_LINE_END = re.compile(r"[.!?…:;\"'”’»)\]]$")


def one_sentence_per_line(text: str) -> bool:
    """Plain text laid out a sentence (or clause) per line, with no blank lines between: every
    line break is then a boundary, never a hard wrap to join. Hard-wrapped prose breaks lines
    mid-phrase; pages scraped a paragraph per line pass this test and lose nothing by it."""
    lines = text.splitlines()
    nonblank = blank_between = ends = 0
    seen_text = False
    pending_blank = False
    for raw in lines:
        stripped = raw.strip()
        if not stripped:
            pending_blank = seen_text
            continue
        nonblank += 1
        blank_between += pending_blank
        pending_blank = False
        seen_text = True
        ends += bool(_LINE_END.search(stripped))
    return nonblank >= 5 and blank_between <= 0.1 * nonblank and ends >= 0.6 * nonblank


def logical_lines(text: str, join_wrapped: bool = True) -> list[Line]:
    """Join hard-wrapped lines (a line without sentence end followed by a lowercase start)."""
    result: list[Line] = []
    # The pieces of the last logical line, joined once it is complete: joining as we go
    # copies a long hard-wrapped paragraph once per physical line (quadratic).
    pieces: list[str] = []
    words = 0  # in the last logical line, counted as strong_reason counts them
    length = 0  # of the last logical line's joined text

    def finish() -> None:
        if len(pieces) > 1:
            result[-1].text = " ".join(pieces)

    blank = True
    for start, end in physical_lines(text):
        raw = text[start:end]
        stripped = raw.strip(_SPACE)
        if not stripped:
            blank = True
            continue
        lead = len(raw) - len(raw.lstrip(_SPACE))
        trail = len(raw) - len(raw.rstrip(_SPACE))
        start, end = start + lead, end - trail
        collapsed = " ".join(stripped.split())
        previous = result[-1] if result else None
        if (
            join_wrapped
            and previous is not None
            and not blank
            and not ends_sentence(pieces[-1])  # a sentence end lies within the last piece
            and length >= 40
            and re.match(r"[a-z0-9(,;]", collapsed)
            and (words > _JOIN_CHECK_WORDS or strong_reason(" ".join(pieces)) is None)
            and strong_reason(collapsed) is None  # a date line under a headline is not its tail
        ):
            previous.end = end
            pieces.append(collapsed)
            words += collapsed.count(" ") + 1
            length += 1 + len(collapsed)
        else:
            if previous is not None:
                finish()
            result.append(Line(start, end, collapsed, blank_before=blank))
            pieces = [collapsed]
            words = collapsed.count(" ") + 1
            length = len(collapsed)
        blank = False
    if result:
        finish()
    return result


# ------------------------------------------------------------------ classify one outlet

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")  # kana and ideographs


def _classify(doc: RawDoc, line_per_sentence: bool) -> list[Line]:
    lines = logical_lines(doc.text, join_wrapped=not line_per_sentence)
    in_list = False
    for line in lines:
        text = line.text
        # Chinese and Japanese run without spaces: about two characters a word.
        words = len(text.split()) + len(_CJK.findall(text)) // 2
        if _MD_HEADING.match(text):
            line.kind, line.reason, line.weak = "furniture", "heading", True
            in_list = False
            continue
        forced = doc.forced_furniture.get(line.start)
        if forced == "heading":  # an HTML heading: the headline or a subhead, never a body sentence
            line.kind, line.reason, line.weak = "furniture", "heading", True
            in_list = False
            continue
        reason = forced or strong_reason(text)
        if reason == "section heading":
            in_list = True
        if reason:
            line.kind, line.reason = "furniture", reason
            continue
        # Laid out a sentence per line, a line ending in a colon or semicolon is a clause of
        # running prose, not a label.
        sentence_like = ends_sentence(text) or (line_per_sentence and text.endswith((":", ";")))
        if in_list:
            # Items after "Top stories" and the like are headlines, until prose resumes.
            if sentence_like and words >= 8 and not text.endswith("?"):
                in_list = False
            else:
                line.kind, line.reason, line.weak = "furniture", "headline list", True
                continue
        if sentence_like and words >= 3:
            continue  # body
        if not sentence_like and words >= 25:
            continue  # a paragraph that lost its final punctuation
        line.kind, line.weak = "furniture", True
        line.reason = "short fragment" if words <= 5 else "headline-like line (no sentence end)"
    _keep_inner_lines(lines)
    if line_per_sentence and _bare(lines):
        _keep_bare_lines(lines, (doc.meta.language or "en").split("-")[0])
    return lines


# Strong reasons that plain prose meets too: a list item "2. 1953 :" reads as a date, and a
# line of dots or dashes has no words. Alone they are no evidence of a web page.
_PROSE_SHAPES = ("page date", "no words")


def _bare(lines: list[Line]) -> bool:
    """A file with no trace of a web page: no line is furniture by a rule of its own (apart from
    the shapes prose has too). Its author wrote every line, so shape is no evidence there."""
    return any(line.kind == "body" for line in lines) and not any(
        line.kind == "furniture" and not line.weak and line.reason not in _PROSE_SHAPES for line in lines
    )


def _keep_bare_lines(lines: list[Line], language: str) -> None:
    """In a bare file laid out a line per statement, every line is the text's, short header lines
    and list numbers included: nothing its author wrote is set aside, so other outlets' versions
    of those lines meet them. When its author also segmented it (most lines hold one sentence:
    a transcript, a segmented corpus) the first line is a sentence too; in a file of paragraphs,
    one a line, a first line that reads like a headline is the headline."""
    segmented = sum(len(split_sentences(line.text, language)) <= 1 for line in lines) >= SEGMENTED_BY_AUTHOR * len(lines)
    for n, line in enumerate(lines):
        if line.kind != "furniture":
            continue
        if n == 0 and not segmented and not ends_sentence(line.text) and len(line.text.split()) <= 30:
            line.reason, line.weak = "heading", True  # the headline (_pick_title takes it)
            continue
        line.kind, line.reason, line.weak = "body", "", False


_OPEN_END = re.compile(r"[:;,(\[–—-]$")


def _keep_inner_lines(lines: list[Line]) -> None:
    """A line judged by its shape alone (short, no full stop) is body when it stands inside the
    article, between body lines: plain prose has short lines, dialogue and sentences that run on
    with a colon. Only a crosshead (a short line set apart by blank lines on both sides, not
    running on) stays out. Above the first and below the last body line, shape still decides:
    that is where pages put their furniture."""
    # The article runs from its first to its last line that ends a sentence (a long line
    # without a full stop may be a scraper's run of labels, not the article's start).
    body = [n for n, line in enumerate(lines) if line.kind == "body" and ends_sentence(line.text)]
    if not body:
        return
    for n in range(body[0] + 1, body[-1]):
        line = lines[n]
        if line.kind != "furniture" or not line.weak or line.reason not in ("short fragment", "headline-like line (no sentence end)"):
            continue
        blank_after = n + 1 < len(lines) and lines[n + 1].blank_before
        crosshead = line.blank_before and blank_after and len(line.text.split()) <= 10 and not _OPEN_END.search(line.text)
        if not crosshead:
            line.kind, line.reason, line.weak = "body", "", False


def _pick_title(doc: RawDoc, lines: list[Line]) -> Line | None:
    wanted = doc.meta.title
    if wanted:
        key = " ".join(tokens(wanted))
        for line in lines:
            if " ".join(tokens(_MD_HEADING.sub("", line.text))) == key:
                return line
        return None
    first_body = next((i for i, line in enumerate(lines) if line.kind == "body"), len(lines))
    for line in lines[:first_body]:
        if line.text.startswith("# "):
            return line
    for line in lines[:first_body]:
        if line.reason == "heading" and not _MD_HEADING.match(line.text):
            return line  # an HTML <h1>–<h6> (or the page <title>) above the body
    # The headline: of the headline-like lines before the body, the one that tells what the
    # first sentences tell (a breadcrumb, promo or section label does not), then the longer.
    candidates = [
        line for line in lines[:first_body]
        if line.kind == "furniture" and line.weak and line.reason != "headline list" and 4 <= len(_WORD.findall(line.text)) <= 30
        and "|" not in line.text and "…" not in line.text
    ]
    opening = set()
    for line in lines[first_body:first_body + 3]:
        opening |= set(content_tokens(tokens(line.text)))

    def fitness(line: Line) -> tuple[float, int]:
        words = set(content_tokens(tokens(line.text)))
        return (len(words & opening) / len(words) if words else 0.0, len(_WORD.findall(line.text)))

    return max(candidates, key=fitness, default=None)


_TITLE_SITE = re.compile(r"\s[|–—-]\s*([^|–—-][^|]{1,60}?)\s*$")
_COPYRIGHT_SITE = re.compile(r"(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(.{2,60}?)[\s.,]*(?:all rights reserved\.?)?\s*$")


def site_name(lines: list[Line]) -> str | None:
    """The outlet's name as its page gives it: the "| Site Name" end of a page title above the
    body, else a "© 2026 Site Name" line."""
    for line in lines:
        if line.kind == "body":
            break
        if line.reason == "page title" or (line.kind == "furniture" and " | " in line.text):
            match = _TITLE_SITE.search(line.text)
            # A page title is a headline of some words and one separator: "Home | News | Weather"
            # and "Accept | Reject | Manage options" are rows of links, not a title and a name.
            if (
                match and len(match.group(1).split()) <= 6
                and line.text.count("|") <= 1 and len(line.text[:match.start()].split()) >= 3
            ):
                return match.group(1).strip()
    for line in reversed(lines):
        if line.kind == "furniture" and line.reason == "copyright":
            match = _COPYRIGHT_SITE.match(line.text)
            if match and match.group(1) and len(match.group(1).split()) <= 6 and not re.search(r"(?i)rights|reserved", match.group(1)):
                return match.group(1).strip()
    return None


# ------------------------------------------------------------------ all outlets

RESTORE_SIMILARITY = 0.75
# Bounds on the cross-outlet check (far above what a real story needs: tens of doubtful
# lines, hundreds of body lines).
_MAX_POSTINGS = 400  # body lines remembered per word and outlet
_MAX_CANDIDATES = 400  # body lines compared with one doubtful line
_COMPARISON_BUDGET = 200_000  # comparisons in all (each doubtful line still gets one)
# Indel similarity s = 2·LCS / (len1 + len2) implies LCS >= s/(2 - s)·len1 (0.6 for s = 0.75):
# at most 40% of the doubtful line's words are missing from a line that restores it.
_UNMATCHED_SHARE = 1 - RESTORE_SIMILARITY / (2 - RESTORE_SIMILARITY)


def clean_documents(docs: list[RawDoc]) -> list[CleanArticle]:
    layouts = [one_sentence_per_line(doc.text) for doc in docs]
    classified = [_classify(doc, layout) for doc, layout in zip(docs, layouts)]
    # Cross-outlet evidence: a weakly removed line that matches another outlet's body is body.
    doubtful = [
        (outlet_no, line, tokens(line.text))
        for outlet_no, lines in enumerate(classified)
        for line in lines
        if line.kind == "furniture" and line.weak and len(line.text.split()) >= 6
    ]
    wanted = {t for _, _, toks in doubtful for t in content_tokens(toks)}
    body_tokens: list[dict[int, tuple[str, ...]]] = [{} for _ in classified]
    index: dict[str, dict[int, list[int]]] = {}  # word -> outlet -> body lines holding it
    if doubtful:
        for outlet_no, lines in enumerate(classified):
            for line_no, line in enumerate(lines):
                if line.kind != "body":
                    continue
                # Tokenising every body line is linear; testing each wanted word as a substring
                # of each line was not (a 50 MB file ran for 20 minutes).
                toks = tuple(tokens(line.text))
                shared = set(content_tokens(toks)) & wanted
                if not shared:
                    continue  # most body lines share no word with a doubtful one
                body_tokens[outlet_no][line_no] = toks
                for token in shared:
                    postings = index.setdefault(token, {}).setdefault(outlet_no, [])
                    if len(postings) < _MAX_POSTINGS:
                        postings.append(line_no)
    # Each doubtful line is compared with a bounded number of body lines (a share of a fixed
    # budget, at least one), found through its rarest words first. Exact while the share lasts:
    # a line with similarity >= 0.75 shares >= 60% of the doubtful line's words in order, so it
    # holds one of any 40% + 1 of them; only hostile input (thousands of near-identical lines)
    # reaches the bound, and a line left unchecked keeps its conservative furniture verdict.
    share = max(1, min(_MAX_CANDIDATES, _COMPARISON_BUDGET // max(1, len(doubtful))))
    for outlet_no, line, toks in doubtful:
        counts = Counter(content_tokens(toks))

        def others(token: str) -> list[list[int]]:
            return [lines_of for o, lines_of in index.get(token, {}).items() if o != outlet_no]

        candidates: dict[tuple[int, int], None] = {}
        visited = covered = 0
        for token in sorted(counts, key=lambda t: sum(map(len, others(t)))):
            for o, lines_of in index.get(token, {}).items():
                if o == outlet_no:
                    continue
                for n in lines_of:
                    candidates[(o, n)] = None
                    visited += 1
                    if len(candidates) >= share or visited >= 2 * share:
                        break
                if len(candidates) >= share or visited >= 2 * share:
                    break
            covered += counts[token]
            if len(candidates) >= share or visited >= 2 * share or covered > _UNMATCHED_SHARE * len(toks) + 1e-9:
                break
        best = max((Indel.normalized_similarity(toks, body_tokens[o][n]) for o, n in candidates), default=0.0)
        if best >= RESTORE_SIMILARITY:
            line.kind, line.reason, line.weak = "body", "", False

    titles = [_pick_title(doc, lines) for doc, lines in zip(docs, classified)]
    for title in titles:
        if title is not None:
            title.kind, title.reason = "title", "headline"

    articles = []
    for doc, lines, title, line_per_sentence in zip(docs, classified, titles, layouts):
        paragraphs: list[tuple[int, int]] = []
        removed: list[Removed] = []
        previous_body: Line | None = None
        for line in lines:
            if line.kind == "body":
                # The paragraph so far ends with the previous body line, so does its sentence end
                # (testing the line, not the growing paragraph, keeps this linear).
                if previous_body is not None and not line_per_sentence and not line.blank_before and not ends_sentence(previous_body.text):
                    paragraphs[-1] = (paragraphs[-1][0], line.end)
                else:
                    paragraphs.append((line.start, line.end))
                previous_body = line
                continue
            previous_body = None
            if line.kind == "furniture":
                removed.append(Removed(text=line.text, reason=line.reason, start=line.start, end=line.end))
        title_text = doc.meta.title or (_MD_HEADING.sub("", title.text) if title else None)
        articles.append(CleanArticle(
            doc=doc,
            title=title_text,
            title_span=(title.start, title.end) if title else None,
            paragraphs=paragraphs,
            removed=removed,
            site_name=site_name(lines),
            line_per_sentence=line_per_sentence,
        ))
    return articles


_MONTH_NUMBER = {name: n for n, names in enumerate(
    ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
     "august aug", "september sep sept", "october oct", "november nov", "december dec"), start=1)
    for name in names.split()}
_DAY_MONTH_YEAR = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def page_date(lines: list[str]) -> str | None:
    """The date (YYYY-MM-DD) of the first of a page's date lines ("Published 12 March 2026,
    09:40", "May 4, 2026", "2026-05-04") that names a real day, or None."""
    for text in lines:
        for pattern, order in ((_ISO_DAY, "ymd"), (_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
            match = pattern.search(text)
            if not match:
                continue
            parts = dict(zip(order, match.groups()))
            month = parts["m"] if parts["m"].isdigit() else _MONTH_NUMBER.get(parts["m"].lower())
            try:
                return datetime.date(int(parts["y"]), int(month), int(parts["d"])).isoformat()
            except (TypeError, ValueError):
                continue  # "31 February", or a word that is no month
    return None

