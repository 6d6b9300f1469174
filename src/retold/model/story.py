"""Story data: outlets, sentences, groups; loading a folder of outlet files.

Pure: no Textual or Rich import (tests/unit/test_import_hygiene.py checks this).
"""

from __future__ import annotations

import codecs
import datetime
import os
import re
import stat
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from retold.model.lazy_pattern import LazyPattern
from retold.model.parse import load_toml
from retold.model.safe import public_url

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
MANIFEST_NAME = "story.toml"


class InputError(Exception):
    """Bad input: the message names the file and the problem (one line)."""


@dataclass(frozen=True)
class OutletMeta:
    id: str
    name: str
    source: str  # file path as given
    url: str | None = None
    published: str | None = None
    language: str | None = None
    title: str | None = None  # from story.toml; overrides the detected headline
    author: str | None = None  # story.toml, else what an HTML page says
    name_from: str = "file"  # where `name` came from: "story.toml", "page" or "file" (its stem)


@dataclass
class RawDoc:
    meta: OutletMeta
    text: str  # decoded file text (HTML: the extracted text); offsets point into it
    encoding: str
    warnings: list[str] = field(default_factory=list)
    forced_furniture: dict[int, str] = field(default_factory=dict)  # line start -> reason (HTML chrome)


@dataclass(frozen=True)
class Removed:
    text: str
    reason: str
    start: int
    end: int


class Status(StrEnum):
    """What the other outlets did with a sentence. A StrEnum: compares equal to its value."""

    SHARED = "shared"  # near-verbatim in another outlet
    ALTERED = "altered"  # the same statement, reworded / trimmed / merged / translated
    UNIQUE = "unique"  # no other outlet has it

    @property
    def glyph(self) -> str:
        return GLYPHS[self]


# One glyph table for every view (text report, panes, overview, HTML export).
GLYPHS: dict[str, str] = {Status.SHARED: "=", Status.ALTERED: "~", Status.UNIQUE: "+"}
POSSIBLE_GLYPH = "?"  # a counterpart on thin evidence (Member.strength "possible"), shared or altered
STATUSES: tuple[Status, ...] = (Status.SHARED, Status.ALTERED, Status.UNIQUE)


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    text: str  # whitespace collapsed to single spaces, for display and matching
    start: int  # source[start:end] is the sentence as it stands in the decoded text
    end: int
    status: Status = Status.UNIQUE
    group: int | None = None


@dataclass(frozen=True)
class Outlet:
    meta: OutletMeta
    text: str
    title: str | None
    sentences: tuple[Sentence, ...]
    removed: tuple[Removed, ...]
    encoding: str = "utf-8"

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def name(self) -> str:
        return self.meta.name

    def counts(self) -> dict[str, int]:
        result = dict.fromkeys(STATUSES, 0)
        for sentence in self.sentences:
            result[sentence.status] += 1
        return {str(k): v for k, v in result.items()}


# Evidence names that speak against a link rather than for it: the aligner's own list
# (`retold.model.align.evidence.AGAINST` is this set), named here so that the reader and the
# reports read them without loading the aligner.
AGAINST = frozenset({"numbers differ", "roles swapped", "speakers differ", "quote differs",
                     "actors differ", "negation differs", "counted differ", "answers differ"})

STRONG = 0.75  # a member scored below this is shown as a "possible" counterpart, not a sure one
SHARED_SIMILARITY = 0.84  # word similarity of a near-verbatim copy ("shared"): about two words changed in twenty


@dataclass(frozen=True)
class Member:
    outlet: str
    sentence: int
    score: float  # calibrated confidence (0..1) of its best link to another outlet in the group
    evidence: tuple[str, ...] = ()  # what that link rests on: "verbatim", "lexical", "run", "numbers", …

    @property
    def strength(self) -> str:
        """"strong", or "possible" when the evidence is thin (the reader marks it so)."""
        return "strong" if self.score >= STRONG else "possible"


@dataclass(frozen=True)
class Group:
    """Sentences that tell the same statement. One outlet may hold several *consecutive*
    sentences of a group: the split of what another outlet says in one (a merge, seen from
    the other side). Members are sorted by (outlet order in the story, sentence index)."""

    id: int
    members: tuple[Member, ...]

    def of(self, outlet_id: str) -> tuple[int, ...]:
        """Sentence indices of `outlet_id` in this group, ascending (empty if none)."""
        return tuple(m.sentence for m in self.members if m.outlet == outlet_id)


@dataclass(frozen=True)
class Alignment:
    outlets: tuple[Outlet, ...]
    groups: tuple[Group, ...]
    story_title: str | None = None
    story_key: str = ""
    # Lookup caches, derived from `groups`; never compared or shown.
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def outlet(self, outlet_id: str) -> Outlet:
        for outlet in self.outlets:
            if outlet.id == outlet_id:
                return outlet
        raise KeyError(outlet_id)

    def _spans(self) -> list[dict[str, tuple[int, ...]]]:
        spans = self._cache.get("spans")
        if spans is None:
            spans = []
            for group in self.groups:
                by_outlet: dict[str, list[int]] = {}
                for m in group.members:
                    by_outlet.setdefault(m.outlet, []).append(m.sentence)
                spans.append({k: tuple(sorted(v)) for k, v in by_outlet.items()})
            self._cache["spans"] = spans
        return spans

    def possible(self, outlet_id: str) -> frozenset[int]:
        """The sentences of `outlet_id` whose place in their group rests on thin evidence
        (`Member.strength` "possible"): the reader marks them apart from sure counterparts."""
        key = ("possible", outlet_id)
        found = self._cache.get(key)
        if found is None:
            # Every outlet's at once, in one pass over the groups: the reader asks for each pane's.
            by_outlet: dict[str, set[int]] = {outlet.id: set() for outlet in self.outlets}
            by_outlet.setdefault(outlet_id, set())
            for g in self.groups:
                for m in g.members:
                    if m.strength == "possible":
                        by_outlet.setdefault(m.outlet, set()).add(m.sentence)
            for outlet, sentences in by_outlet.items():
                self._cache.setdefault(("possible", outlet), frozenset(sentences))
            found = self._cache[key]
        return found

    def possible_counterparts(self, outlet_id: str, index: int) -> tuple[Member, ...]:
        """The counterparts of sentence `index` of `outlet_id` that are only possible: members of
        other outlets in its group resting on thin evidence, one per outlet (an outlet counts as
        possible when none of its sentences there is sure), in the group's order. Said from the
        side of a sure sentence too, so that its reader is not told every outlet agrees."""
        sentence = self.outlet(outlet_id).sentences[index]
        if sentence.group is None:
            return ()
        by_outlet: dict[str, list[Member]] = {}
        for m in self.groups[sentence.group].members:
            if m.outlet != outlet_id:
                by_outlet.setdefault(m.outlet, []).append(m)
        return tuple(
            max(members, key=lambda m: m.score) for members in by_outlet.values()
            if all(m.strength == "possible" for m in members)
        )

    def doubted(self, outlet_id: str) -> frozenset[int]:
        """The sentences of `outlet_id`, themselves sure, with a possible counterpart whose
        evidence speaks against the link ("numbers differ", …): the reader marks them, so the
        doubt shows from either side of the pair."""
        key = ("doubted", outlet_id)
        if key not in self._cache:
            possible = self.possible(outlet_id)
            against = self._doubting_outlets()
            self._cache[key] = frozenset(
                s.index for s in self.outlet(outlet_id).sentences
                if s.group is not None and s.index not in possible and not against[s.group] <= {outlet_id}
            )
        return self._cache[key]

    def _doubting_outlets(self) -> list[frozenset[str]]:
        """For every group, the outlets whose counterpart there is only possible, with evidence
        against the link: `possible_counterparts`'s outlets and members, worked out once per
        group rather than once per sentence that asks (a sentence of outlet o is doubted when an
        outlet other than o is among them)."""
        found = self._cache.get("doubting")
        if found is None:
            found = []
            none: frozenset[str] = frozenset()
            for group in self.groups:
                if not any(m.strength == "possible" for m in group.members):
                    found.append(none)  # (most groups: no member is only possible)
                    continue
                by_outlet: dict[str, list[Member]] = {}
                for m in group.members:
                    by_outlet.setdefault(m.outlet, []).append(m)
                found.append(frozenset(
                    outlet for outlet, members in by_outlet.items()
                    if all(m.strength == "possible" for m in members) and AGAINST & set(max(members, key=lambda m: m.score).evidence)
                ))
            self._cache["doubting"] = found
        return found

    def member(self, outlet_id: str, index: int) -> Member | None:
        """The group member of sentence `index` of `outlet_id` (its strength and evidence), or
        None for a unique sentence."""
        key = ("members", outlet_id)
        if key not in self._cache:
            self._cache[key] = {m.sentence: m for g in self.groups for m in g.members if m.outlet == outlet_id}
        return self._cache[key].get(index)

    def counterpart_spans(self, outlet_id: str, other_id: str) -> list[tuple[int, ...]]:
        """For every sentence of `outlet_id`, all its counterparts in `other_id` (cached):
        usually one index, several when `other_id` split the statement, () when it lacks it."""
        key = ("spans", outlet_id, other_id)
        if key not in self._cache:
            spans = self._spans()
            self._cache[key] = [
                () if s.group is None else spans[s.group].get(other_id, ()) for s in self.outlet(outlet_id).sentences
            ]
        return self._cache[key]

    def counterparts(self, outlet_id: str, other_id: str) -> list[int | None]:
        """For every sentence of `outlet_id`, its first counterpart's index in `other_id` (cached)."""
        key = ("first", outlet_id, other_id)
        if key not in self._cache:
            self._cache[key] = [span[0] if span else None for span in self.counterpart_spans(outlet_id, other_id)]
        return self._cache[key]

    def counterpart(self, outlet_id: str, index: int, other_id: str) -> int | None:
        """Index of the first sentence in `other_id` aligned with (outlet_id, index), if any."""
        return self.counterparts(outlet_id, other_id)[index]

    def counterpart_span(self, outlet_id: str, index: int, other_id: str) -> tuple[int, ...]:
        """Every sentence of `other_id` aligned with (outlet_id, index), ascending."""
        return self.counterpart_spans(outlet_id, other_id)[index]

    def overlap(self) -> dict[str, dict[str, float]]:
        """Share of A's sentences that have a counterpart in B, for every pair of outlets."""
        outlets_in_group = [{m.outlet for m in g.members} for g in self.groups]
        table: dict[str, dict[str, float]] = {}
        for a in self.outlets:
            hits = dict.fromkeys((b.id for b in self.outlets), 0)
            for sentence in a.sentences:
                if sentence.group is not None:
                    for other in outlets_in_group[sentence.group]:
                        hits[other] += 1
            total = len(a.sentences)
            table[a.id] = {b: (1.0 if b == a.id else (n / total if total else 0.0)) for b, n in hits.items()}
        return table


# ---------------------------------------------------------------- loading

# Size limits, documented in the README: an article is a few hundred KB at most; beyond these the
# file is refused with a message instead of tying up memory and time.
MAX_TEXT_BYTES = 10_000_000  # .txt / .md
MAX_HTML_BYTES = 25_000_000  # a saved page carries markup, scripts and inline images
MAX_MANIFEST_BYTES = 1_000_000
# Bounds on the work a story can ask for, whatever its bytes: cleaning asks every line its rules
# (4 million one-letter lines, 8 MB, took over 6 minutes) and the aligner's cost grows with the
# outlets' pairs and the sentences (10,000 one-line files did not finish in 25 minutes). Each is
# many times what any article or story holds (the largest benchmark story: 40 outlets of 1,000
# sentences); beyond it the story is refused, the file or folder named, with the count and the limit.
MAX_OUTLETS = 200  # article files in one story
MAX_LINES = 50_000  # lines of one outlet's text (a saved page: of the article text taken from it)
MAX_SENTENCES = 5_000  # sentences of one outlet
MAX_STORY_SENTENCES = 50_000  # sentences of all the outlets of a story together
# A saved page is parsed several times (page metadata, the extractor, the blocks it left out) at
# about 100 us an element: 2.7 million "<p>x</p>" (24 MB) took 6 GB and over 5 minutes. A heavy
# news page has some 30,000 elements, about twice as many '<'.
MAX_HTML_TAGS = 200_000  # '<' in a saved page's markup
# The parsers' attribute handling is quadratic in one element's attributes (libxml2 checks each
# against the others): one <p> of 100,000 attributes (1.6 MB) took 57 s, 1,000,000 over 5 minutes.
MAX_ATTRIBUTES = 1_000  # attributes of one element
# Inside a tag, what ends it ('>') or opens a quoted value (a quote right after '=', as the
# HTML tokenizer reads it: an apostrophe elsewhere in a tag is an ordinary character).
_TAG_STOP = LazyPattern(r"""=[ \t\n\f\r]*(["'])|>""")
# What the tokenizer reads as a tag or a comment: '<' then a letter, or '<!--'. A script's
# "i<n" opens a tag too, so the raw-text elements are passed over whole (below).
_TAG_OPEN = LazyPattern(r"<(?:([A-Za-z][^\s/>]*)|!--)")
_RAW_TEXT = frozenset({"script", "style"})  # raw text in libxml2's parser and the HTML standard alike


def _most_attributes(markup: str) -> int:
    """The most attributes any one tag of `markup` holds, roughly (its words outside quoted
    values). Each tag is read as the parsers read it, a '>' inside a quoted value included, so
    a page cannot hide a tag's attributes behind one; comments and the text of scripts and
    styles are not tags. Each character is looked at about once. Tags too short to hold
    MAX_ATTRIBUTES are not counted."""
    most, at, size = 0, 0, len(markup)
    while (opening := _TAG_OPEN.search(markup, at)) is not None:
        if opening.group(1) is None:  # a comment runs to its '-->'
            close = markup.find("-->", opening.end())
            at = size if close < 0 else close + 3
            continue
        words, piece_from, at = 0, opening.end(), opening.end()
        while (stop := _TAG_STOP.search(markup, at)) is not None and stop.group(1):
            words += len(markup[piece_from:stop.start()].split())  # names so far; the quoted value adds none
            close = markup.find(stop.group(1), stop.end())
            at = piece_from = size if close < 0 else close + 1  # an unclosed value runs to the end
        end = size if stop is None else stop.start()
        if end - opening.start() > 2 * MAX_ATTRIBUTES:
            most = max(most, words + len(markup[piece_from:end].split()))
        at = end + 1
        name = opening.group(1).lower()
        if name in _RAW_TEXT:  # its text is not markup, up to its end tag
            close = re.compile("</" + name, re.IGNORECASE).search(markup, at)
            at = size if close is None else close.start()
    return most


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file (a symlink to one is fine) of at most `limit` bytes.

    FIFOs, devices and sockets are refused before they are opened (reading a FIFO waits for a
    writer; /dev/zero never ends); the check is repeated on the open descriptor, and the read
    itself stops at the limit, so a file swapped or grown meanwhile cannot get past it.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file ({_file_kind(info.st_mode)})")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file ({_file_kind(info.st_mode)})")
        too_large = f"{path}: too large ({{size}}; the limit is {_megabytes(limit)})"
        if info.st_size > limit:
            raise InputError(too_large.format(size=_megabytes(info.st_size)))
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise InputError(too_large.format(size="more than " + _megabytes(limit)))
    return data


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def not_a_file(path: Path | str) -> str | None:
    """What stands at `path` instead of a regular file ("a FIFO", "a directory", "a device"...),
    or None when it is one (a link to one is fine), or nothing is there, or it cannot be looked
    at (whatever opens it then says why). The files retold keeps for itself (cache entries, the
    notes database and its journal, the keymap, the sentence-vector cache) are opened only when
    this is None: opening or reading a FIFO waits for a writer, forever."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return None if stat.S_ISREG(mode) else _file_kind(mode)


def decode_bytes(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16 (BOM or not); else what
    charset-normalizer detects, with a warning that says what was decided."""
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if data.startswith(codecs.BOM_UTF8):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A BOM is three bytes anyone can write: what follows must still be UTF-8 text.
            raise InputError(f"{path}: starts with a UTF-8 byte-order mark but is not UTF-8 text (byte {exc.start}): binary?") from None
        # The mark stays in the text as U+FEFF: offsets then index `data.decode("utf-8")`.
        return _check_text(text, path), "utf-8", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: broken UTF-16 text ({exc.reason})") from None
        return _check_text(text, path), "utf-16", []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if b"\x00" not in data[:8192] and _control_count(text) <= _control_limit(text):
            return _check_text(text, path), "utf-8", []
        # Valid UTF-8 with NULs or full of control bytes: binary, or UTF-16 without its
        # byte-order mark (ASCII in UTF-16 is valid UTF-8 with a NUL after every letter).
    text, encoding = _detect(data)
    if b"\x00" in data[:8192] and not encoding.startswith(("utf_16", "utf_32")):
        raise InputError(f"{path}: binary file (NUL bytes), not an article")
    if encoding.startswith(("utf_16", "utf_32")):
        warning = f"{path}: {encoding.replace('_', '-').upper()} text without a byte-order mark"
    else:
        warning = f"{path}: not valid UTF-8, decoded as {encoding}"
    return _check_text(text, path), encoding, [warning]


_NON_ASCII = LazyPattern(r"[^\x00-\x7f]")
# Fewer bytes than this tell a detector too little: "Caf\xe9" comes back as UTF-16 or Urdu.
_DETECT_MIN_BYTES = 32


def _detect(data: bytes) -> tuple[str, str]:
    """(text, encoding) for bytes that are not UTF-8: what charset-normalizer detects when it
    is telling (UTF-16 or UTF-32 without a byte-order mark; Cyrillic, Greek, CJK... code pages),
    else Windows-1252, the code page of legacy Western pages (latin-1 if even that fails).

    Latin-script text stays Windows-1252: detectors cannot tell it from Central European code
    pages on a few accented letters ("crème" read as "crčme" in cp1250). Binary input is caught
    afterwards by its control bytes.
    """
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(data).best()
    if best is not None:
        encoding = best.encoding
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and _control_count(text) <= _control_limit(text):
            if encoding.startswith(("utf_16", "utf_32")):
                if len(data) >= _DETECT_MIN_BYTES:
                    return text, encoding
            elif len(_NON_ASCII.findall(data.decode("latin-1"))) >= _DETECT_MIN_BYTES:
                letters = {ch for ch in _NON_ASCII.findall(text) if ch.isalpha()}
                if not all(_is_latin(ch) for ch in letters):
                    return text, encoding
    for encoding in ("cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")


def _is_latin(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("LATIN ")


_CONTROL = LazyPattern(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def _control_count(text: str) -> int:
    return len(_CONTROL.findall(text[:8192]))


def _control_limit(text: str) -> int:
    return max(8, len(text[:8192]) // 50)


def _check_text(text: str, path: str) -> str:
    if not text.strip():
        raise InputError(f"{path}: empty file")
    # Text with many control characters is almost certainly not an article.
    controls = _control_count(text)
    if controls > _control_limit(text):
        raise InputError(f"{path}: binary file ({controls} control bytes), not an article")
    return text


def outlet_id_for(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "outlet"


def _display_name(path: Path) -> str:
    words = re.split(r"[_\-\s]+", path.stem)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or path.name


# story.toml: the type each key must have (published may also be a TOML date or date-time).
_STORY_KEYS: dict[str, tuple[type, ...]] = {"title": (str,)}
_OUTLET_KEYS: dict[str, tuple[type, ...]] = {
    "file": (str,), "name": (str,), "url": (str,), "language": (str,), "title": (str,), "author": (str,),
    "charset": (str,), "published": (str, datetime.date, datetime.time), "fetched": (str, datetime.date, datetime.time),
}


def _type_name(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def read_manifest(directory: Path) -> tuple[str | None, dict[str, dict]]:
    """(story title, {file name: [[outlet]] entry}) from `directory`/story.toml, checked: every
    key has the type it must have, or InputError names the file, the entry and the key."""
    manifest = directory / MANIFEST_NAME
    try:
        os.stat(manifest)
    except FileNotFoundError:
        return None, {}
    except OSError:
        pass  # read_regular_file says what is wrong
    raw = read_regular_file(manifest, MAX_MANIFEST_BYTES)
    try:
        data = load_toml(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{manifest}: not UTF-8 text (byte {exc.start}); story.toml must be UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{manifest}: not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {"story", "outlet"})
    if unknown:
        hint = " (the story's title goes under [story])" if "title" in unknown else ""
        raise InputError(f"{manifest}: unknown top-level key {unknown[0]!r}: use [story] and [[outlet]] tables{hint}")
    story = data.get("story", {})
    if not isinstance(story, dict):
        raise InputError(f"{manifest}: 'story' must be a table ([story]), not {_type_name(story)}")
    _check_keys(manifest, "[story]", story, _STORY_KEYS)
    outlets = data.get("outlet", [])
    if not isinstance(outlets, list):
        raise InputError(f"{manifest}: 'outlet' must be a list of tables ([[outlet]]), not {_type_name(outlets)}")
    entries: dict[str, dict] = {}
    for number, entry in enumerate(outlets, 1):
        if not isinstance(entry, dict) or "file" not in entry:
            raise InputError(f"{manifest}: every [[outlet]] needs a 'file' key")
        _check_keys(manifest, f"[[outlet]] {number}", entry, _OUTLET_KEYS)
        entries[entry["file"]] = entry
    return story.get("title"), entries


def _check_keys(manifest: Path, where: str, table: dict, types: dict[str, tuple[type, ...]]) -> None:
    for key, wanted in types.items():
        value = table.get(key)
        if value is not None and not isinstance(value, wanted):
            kind = "a string" if wanted == (str,) else "a string or a date"
            raise InputError(f"{manifest}: {where}: '{key}' must be {kind}, not {_type_name(value)} ({value!r:.40})")


def _kind_of(path: Path) -> str | None:
    """None for a regular file (or a link to one), else what it is instead."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"unreadable: {exc.strerror}"
    return None if stat.S_ISREG(mode) else _file_kind(mode)


def collect_files(paths: list[str], notice=None) -> tuple[list[tuple[Path, dict]], str | None, Path]:
    """Expand PATHs into article files with their manifest entries.

    Returns (files, story title, story root). `notice` receives one-line messages
    about skipped files (other suffixes; FIFOs, devices and links to them).
    """
    if not paths:
        raise InputError("no path given: name a folder of outlet files or the files themselves")
    files: list[tuple[Path, dict]] = []
    story_title: str | None = None
    roots: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise InputError(f"{raw}: no such file or directory") from None
        except OSError as exc:
            raise InputError(f"{raw}: cannot read ({exc.strerror})") from None
        if stat.S_ISDIR(info.st_mode):
            title, entries = read_manifest(path)
            story_title = story_title or title
            roots.append(path)
            found = []
            # Outlets in the manifest's order (the user's choice), then the rest by name.
            order = {name: n for n, name in enumerate(entries)}
            try:
                listing = list(path.iterdir())
            except OSError as exc:
                raise InputError(f"{raw}: cannot list the folder ({exc.strerror})") from None
            children = sorted(listing, key=lambda c: (order.get(c.name, len(order)), c.name))
            for child in children:
                if child.name == MANIFEST_NAME or child.name.startswith("."):
                    continue
                kind = _kind_of(child)
                if kind == "a directory":
                    continue
                if kind is not None:
                    if notice is not None:
                        notice(f"{child}: skipped ({kind}, not a regular file)")
                elif child.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append((child, entries.get(child.name, {})))
                elif notice is not None and child.suffix.lower() != ".json":
                    notice(f"{child}: skipped (not .txt, .md, .html or .htm)")
            if not found:
                raise InputError(f"{raw}: no readable article (.txt, .md, .html, .htm) in this directory")
            files.extend(found)
        else:
            entries = read_manifest(path.parent)[1]
            roots.append(path.parent)
            files.append((path, entries.get(path.name, {})))
    # The same file named twice (or as itself and inside its folder) would be two outlets that
    # agree word for word: read it once, and say so.
    unique: list[tuple[Path, dict]] = []
    seen: set[Path] = set()
    for path, entry in files:
        real = path.resolve()
        if real in seen:
            if notice is not None:
                notice(f"{path}: given more than once; read once")
            continue
        seen.add(real)
        unique.append((path, entry))
    if len(unique) > MAX_OUTLETS:
        where = paths[0] if len(paths) == 1 else f"{len(paths)} paths"
        raise InputError(f"{where}: {len(unique):,} article files; a story has at most {MAX_OUTLETS} outlets "
                         "(an archive of stories? `retold batch` aligns each story folder in it)")
    root = roots[0] if len(set(roots)) == 1 else Path(".")
    return unique, story_title, root


def load_raw(path: Path, entry: dict) -> RawDoc:
    is_html = path.suffix.lower() in HTML_SUFFIXES
    data = read_regular_file(path, MAX_HTML_BYTES if is_html else MAX_TEXT_BYTES)
    text, encoding, warnings = decode_bytes(data, str(path))
    forced: dict[int, str] = {}
    name_from = "story.toml" if entry.get("name") else "file"
    if is_html:
        from retold.model.html import extract_text, page_meta  # only when needed

        tags = text.count("<")
        if tags > MAX_HTML_TAGS:
            raise InputError(f"{path}: too much markup for an article page ({tags:,} tags; the limit is {MAX_HTML_TAGS:,})")
        attributes = _most_attributes(text)
        if attributes > MAX_ATTRIBUTES:
            raise InputError(f"{path}: an element with {attributes:,} attributes (the limit is {MAX_ATTRIBUTES:,}); "
                             "not an article page")
        # What the page says about itself fills what story.toml leaves out (never the reverse).
        page = page_meta(text, deep=entry.get("published") is None)
        if not entry.get("name") and page.site_name:
            name_from = "page"
        entry = {k: v for k, v in (("name", page.site_name), ("published", page.published),
                                   ("language", page.language), ("author", page.author)) if v} | entry
        text, forced = extract_text(text)
        if not text.strip():
            raise InputError(f"{path}: HTML without any article text")
        if len(text) > MAX_TEXT_BYTES:
            raise InputError(f"{path}: too large ({len(text):,} characters of article text; the limit is {_megabytes(MAX_TEXT_BYTES)})")
    # Counted as the cleaner breaks lines: "\r\n", "\r" or "\n" (a file of lone "\r" breaks is as many lines).
    lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    if lines > MAX_LINES:
        raise InputError(f"{path}: too many lines for an article ({lines:,}; the limit is {MAX_LINES:,})")
    meta = OutletMeta(
        id=outlet_id_for(path),
        name=str(entry.get("name") or _display_name(path)),
        source=str(path),
        # Credentials a URL may carry never reach a JSON, page or record (retold.model.safe).
        url=public_url(entry["url"]) if entry.get("url") else None,
        published=str(entry["published"]) if entry.get("published") is not None else None,
        language=entry.get("language"),
        title=entry.get("title"),
        author=str(entry["author"]) if entry.get("author") is not None else None,
        name_from=name_from,
    )
    return RawDoc(meta=meta, text=text, encoding=encoding, warnings=warnings, forced_furniture=forced)


def _name_as_read(name: str) -> str:
    """A name as a reader tells it from another: invisible format characters (a zero-width
    space, a soft hyphen) and case and spacing do not count."""
    return " ".join("".join(c for c in name if unicodedata.category(c) != "Cf").split()).casefold()


def unique_names(metas: list[OutletMeta]) -> list[OutletMeta]:
    """Two outlets whose names read the same ("Gazette" twice, or "Gaz\u200bette" beside it: two
    articles of one site, or a name made to pass for another) would be two panes no one can
    tell apart: each of them is shown with its file's name after it, "Gazette (update.html)"."""
    by_name: dict[str, list[int]] = {}
    for number, meta in enumerate(metas):
        by_name.setdefault(_name_as_read(meta.name), []).append(number)
    named = list(metas)
    for same in by_name.values():
        if len(same) > 1:
            for number in same:
                named[number] = replace(metas[number], name=f"{metas[number].name} ({Path(metas[number].source).name})")
    return named


def unique_ids(docs: list[RawDoc]) -> list[RawDoc]:
    """Two files may share a stem (a.txt, a.html): make ids distinct, independent of order."""
    seen: dict[str, int] = {}
    for doc in sorted(docs, key=lambda d: d.meta.source):
        base = doc.meta.id
        count = seen.get(base, 0)
        seen[base] = count + 1
        if count:
            doc.meta = replace(doc.meta, id=f"{base}-{count + 1}")
    return docs
