"""Story data: outlets, sentences, groups; loading a folder of outlet files.

Pure: no Textual or Rich import (tests/unit/test_import_hygiene.py checks this).
"""

from __future__ import annotations

import codecs
import re
import tomllib
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

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


@dataclass(frozen=True)
class Member:
    outlet: str
    sentence: int
    score: float  # best similarity to a member of another outlet in the group


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

def decode_bytes(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """Decode a file's bytes: UTF-8 (BOM or not), UTF-16 with BOM; else a named fallback."""
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: broken UTF-16 text ({exc.reason})") from None
        return _check_text(text, path), "utf-16", []
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (NUL bytes), not an article")
    try:
        return _check_text(data.decode("utf-8"), path), "utf-8", []
    except UnicodeDecodeError:
        pass
    # Windows-1252 covers most legacy Western pages; latin-1 decodes anything.
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _check_text(text, path), encoding, [f"{path}: not valid UTF-8, decoded as {encoding}"]
    raise AssertionError("latin-1 decodes every byte string")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def _check_text(text: str, path: str) -> str:
    if not text.strip():
        raise InputError(f"{path}: empty file")
    # Text with many control characters is almost certainly not an article.
    controls = len(_CONTROL.findall(text[:8192]))
    if controls > max(8, len(text[:8192]) // 50):
        raise InputError(f"{path}: binary file ({controls} control bytes), not an article")
    return text


def outlet_id_for(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "outlet"


def _display_name(path: Path) -> str:
    words = re.split(r"[_\-\s]+", path.stem)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or path.name


def read_manifest(directory: Path) -> tuple[str | None, dict[str, dict]]:
    manifest = directory / MANIFEST_NAME
    if not manifest.is_file():
        return None, {}
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{manifest}: not valid TOML ({exc})") from None
    story = data.get("story", {})
    entries: dict[str, dict] = {}
    for entry in data.get("outlet", []):
        if not isinstance(entry, dict) or "file" not in entry:
            raise InputError(f"{manifest}: every [[outlet]] needs a 'file' key")
        entries[str(entry["file"])] = entry
    return story.get("title"), entries


def collect_files(paths: list[str], notice=None) -> tuple[list[tuple[Path, dict]], str | None, Path]:
    """Expand PATHs into article files with their manifest entries.

    Returns (files, story title, story root). `notice` receives one-line messages
    about skipped files.
    """
    if not paths:
        raise InputError("no path given: name a folder of outlet files or the files themselves")
    files: list[tuple[Path, dict]] = []
    story_title: str | None = None
    roots: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        if path.is_dir():
            title, entries = read_manifest(path)
            story_title = story_title or title
            roots.append(path)
            found = []
            # Outlets in the manifest's order (the user's choice), then the rest by name.
            listed = list(entries)
            children = sorted(path.iterdir(), key=lambda c: (listed.index(c.name) if c.name in entries else len(listed), c.name))
            for child in children:
                if child.name == MANIFEST_NAME or child.name.startswith("."):
                    continue
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append((child, entries.get(child.name, {})))
                elif child.is_file() and notice is not None and child.suffix.lower() != ".json":
                    notice(f"{child}: skipped (not .txt, .md, .html or .htm)")
            if not found:
                raise InputError(f"{raw}: no readable article (.txt, .md, .html, .htm) in this directory")
            files.extend(found)
        else:
            entries = read_manifest(path.parent)[1]
            roots.append(path.parent)
            files.append((path, entries.get(path.name, {})))
    root = roots[0] if len(set(roots)) == 1 else Path(".")
    return files, story_title, root


def load_raw(path: Path, entry: dict) -> RawDoc:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text, encoding, warnings = decode_bytes(data, str(path))
    forced: dict[int, str] = {}
    name_from = "story.toml" if entry.get("name") else "file"
    if path.suffix.lower() in HTML_SUFFIXES:
        from retold.model.html import extract_text, page_meta  # only when needed

        # What the page says about itself fills what story.toml leaves out (never the reverse).
        page = page_meta(text, deep=entry.get("published") is None)
        if not entry.get("name") and page.site_name:
            name_from = "page"
        entry = {k: v for k, v in (("name", page.site_name), ("published", page.published),
                                   ("language", page.language), ("author", page.author)) if v} | entry
        text, forced = extract_text(text)
        if not text.strip():
            raise InputError(f"{path}: HTML without any article text")
    meta = OutletMeta(
        id=outlet_id_for(path),
        name=str(entry.get("name") or _display_name(path)),
        source=str(path),
        url=entry.get("url"),
        published=str(entry["published"]) if entry.get("published") is not None else None,
        language=entry.get("language"),
        title=entry.get("title"),
        author=str(entry["author"]) if entry.get("author") is not None else None,
        name_from=name_from,
    )
    return RawDoc(meta=meta, text=text, encoding=encoding, warnings=warnings, forced_furniture=forced)


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
