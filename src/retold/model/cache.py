"""Finished alignments kept on disk, keyed by everything that decides them.

The key hashes every input file's bytes (with its story.toml entry and the path it was given
as, which the alignment records), each story.toml, the options that change the result, and the
alignment's version: `ALIGNMENT_VERSION` plus a hash of every source file of `retold.model`, so
any change to the code that computes an alignment is a miss without anyone remembering to bump
a number. The value is the Alignment in a compact form (with, when they were computed before it
was stored, its credits, provenance and quotes: `retold.model.sources.Sources`, a pure function
of the alignment that costs a second on a 20-outlet story, and the order of the reader's panes,
`retold.model.arrange.Arrangement`, ~0.1 s; the reader asks for both, so that a story reopened
unchanged computes nothing): its dataclasses as JSON lists in field
order, zlib-compressed, behind a magic line and a SHA-256 of the body. Nothing is unpickled:
an entry is read as data, every value checked against the dataclasses' field types and every
index against what it points into, and an entry that is truncated, damaged, foreign or of
another layout is ignored (and removed), never trusted, never a crash. The serialiser is generic over the dataclasses (fields enumerated from
`dataclasses.fields`, types from their annotations): a field added to Sentence, Group or a new
dataclass is stored with no change here, and a type it cannot store fails loudly at write time.

Entries live in `<cache dir>/alignments/` (`RETOLD_CACHE_DIR`, else platformdirs' user cache
dir); they are written to a temporary file and renamed into place, so a reader sees a whole entry
or none, and two processes filling the same entry both leave a correct one. The folder is kept
under a size bound by removing the least recently used entries (a hit refreshes an entry's time).

Pure: no Textual or Rich import.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import json
import os
import sys
import time
import types
import typing
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from retold.model.parse import load_json

# Bump when what an alignment means changes without a change in retold.model's own source
# (a dependency's behaviour pinned in code elsewhere, a new meaning of an option).
ALIGNMENT_VERSION = 1
# The entry's layout (magic, digest, body); a different layout is a miss, never misread.
# 2: the Sources after the alignment (None when not computed); 3: with their own layout; 4: the panes' order
# after them; 5: the quotes alone last; 6: a sentence's text left out when it is its outlet's text at its offsets
ENTRY_FORMAT = 6
MAGIC = b"retold-alignment-cache\n"
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
# An entry's body is never inflated beyond this: a hostile entry cannot blow up memory.
MAX_BODY_BYTES = 1024 * 1024 * 1024
MAX_BYTES_ENV = "RETOLD_CACHE_MAX_MB"
SUBDIR = "alignments"
SUFFIX = ".alignment"
_STALE_TEMP_SECONDS = 3600  # a temporary file this old belongs to a writer that died


def cache_root() -> Path:
    """The user's cache folder for retold (`RETOLD_CACHE_DIR` overrides platformdirs)."""
    from retold.config import cache_dir

    return cache_dir()


@functools.cache
def model_code_digest() -> str:
    """SHA-256 over the source of every module of `retold.model` (names and bytes, sorted):
    any edit to the code that cleans, splits or aligns makes every older entry a miss."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def alignment_version() -> str:
    return f"{ALIGNMENT_VERSION}:{model_code_digest()}"


# ---------------------------------------------------------------- the key


def content_key(
    files: Iterable[tuple[Path, Mapping]],
    manifest_dirs: Iterable[Path],
    fixed: Mapping[str, object],
    options: Mapping[str, object] | None = None,
    read: Callable[[Path], bytes] | None = None,
) -> str | None:
    """The cache key of a story: None when a file cannot be read (the load then says why).

    `files`: (path as given, story.toml entry) of every outlet file; `manifest_dirs`: folders
    whose story.toml was read; `fixed`: what the alignment records about where it came from
    (story key, title); `options`: what changes the result (e.g. the sentence model's name).
    """
    from retold.model.story import MAX_HTML_BYTES, MAX_MANIFEST_BYTES, InputError, read_regular_file

    def read_file(path: Path, limit: int) -> bytes:
        return read(path) if read is not None else read_regular_file(path, limit)

    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    try:
        described = [
            [str(path), json.dumps(dict(entry), sort_keys=True, default=str), digest(read_file(path, MAX_HTML_BYTES))]
            for path, entry in files
        ]
        manifests = []
        for directory in sorted({str(d) for d in manifest_dirs}):
            manifest = Path(directory) / "story.toml"
            manifests.append([directory, digest(read_file(manifest, MAX_MANIFEST_BYTES)) if manifest.is_file() else None])
    except (InputError, OSError):
        return None
    whole = {
        "format": ENTRY_FORMAT,
        "version": alignment_version(),
        "python": list(sys.version_info[:2]),
        "files": described,
        "manifests": manifests,
        "fixed": {k: fixed[k] for k in sorted(fixed)},
        "options": {k: (options or {})[k] for k in sorted(options or {})},
    }
    return hashlib.sha256(json.dumps(whole, sort_keys=True, default=str).encode()).hexdigest()


# ---------------------------------------------------------------- the value: dataclasses as JSON


class EntryError(ValueError):
    """An entry that is not a whole, well-typed alignment of this version."""


def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))


@functools.cache
def _stored_fields(cls: type) -> tuple[tuple[str, object], ...]:
    """(name, type) of every field the constructor takes; derived fields (init=False, such as
    Alignment's lookup memo) are rebuilt by the constructor and never stored."""
    hints = _hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


def _arms(hint) -> tuple | None:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return typing.get_args(hint)
    return None


@functools.cache
def _encoder(hint) -> Callable[[object], object]:
    """A function turning a value of type `hint` into JSON data; TypeError for what it cannot store."""
    if hint in (str, int, bool, type(None)):
        def plain(value):
            if type(value) is not hint:  # exactly: a bool is no int here, a numpy integer no int
                raise TypeError(f"cannot store {type(value).__name__} as {hint.__name__}")
            return value
        return plain
    if hint is float:
        def real(value):
            if type(value) not in (float, int):
                raise TypeError(f"cannot store {type(value).__name__} as float")
            return float(value)
        return real
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        def member(value):
            if not isinstance(value, hint):
                value = hint(value)
            return value.value
        return member
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        def record(value):
            if type(value) is not hint:
                raise TypeError(f"cannot store {type(value).__name__} as {hint.__name__}")
            return [_encoder(t)(getattr(value, name)) for name, t in _stored_fields(hint)]
        return record
    arms = _arms(hint)
    if arms is not None:
        if type(None) in arms and len(arms) == 2:
            inner = _encoder(next(a for a in arms if a is not type(None)))
            return lambda value: None if value is None else inner(value)
        encoders = [_encoder(a) for a in arms]

        def tagged(value):  # several possible types: store which one it is
            for number, (arm, encode) in enumerate(zip(arms, encoders)):
                if _is_instance(value, arm):
                    return [number, encode(value)]
            raise TypeError(f"cannot store {type(value).__name__} as {hint}")
        return tagged
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (tuple, list, frozenset, set):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            parts = [_encoder(a) for a in args]

            def fixed(value):
                if not isinstance(value, tuple) or len(value) != len(parts):
                    raise TypeError(f"cannot store {value!r:.40} as {hint}")
                return [encode(item) for encode, item in zip(parts, value)]
            return fixed
        item = _encoder(args[0]) if args else None
        if item is None:
            raise TypeError(f"cannot store a bare {origin.__name__}: give its item type")

        def sequence(value):
            if not isinstance(value, origin):
                raise TypeError(f"cannot store {type(value).__name__} as {hint}")
            return [item(v) for v in value]
        return sequence
    if origin is dict and len(args) == 2:
        keys, values = _encoder(args[0]), _encoder(args[1])

        def mapping(value):
            if not isinstance(value, dict):
                raise TypeError(f"cannot store {type(value).__name__} as {hint}")
            return [[keys(k), values(v)] for k, v in value.items()]
        return mapping
    raise TypeError(f"the alignment cache cannot store a field of type {hint!r}: teach retold/model/cache.py")


def _is_instance(value, hint) -> bool:
    origin = typing.get_origin(hint) or hint
    if hint is float:
        return type(value) in (float, int)
    return isinstance(value, origin)


_PLAIN = (str, bool, int, float, type(None))


def _plain_kinds(hint) -> tuple[type, ...]:
    """The exact types a value of `hint` may have with no decoding at all: () when none."""
    if hint in _PLAIN:
        return (hint,)
    arms = _arms(hint)
    if arms is not None and all(arm in _PLAIN for arm in arms):
        return tuple(arms)
    return ()


@functools.cache
def _decoder(hint) -> Callable[[object], object]:
    """The inverse of `_encoder(hint)`, checking every value's type: EntryError on any mismatch."""
    if hint in (str, bool, int, float, type(None)):
        def plain(data):
            if type(data) is not hint:  # exactly: a bool is no int here, an int no float
                raise EntryError(f"expected {hint.__name__}, found {type(data).__name__}")
            return data
        return plain
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        members = {m.value: m for m in hint}  # a look-up, not hint(data): a hit reads thousands

        def member(data):
            try:
                return members[data]
            except (KeyError, TypeError):
                raise EntryError(f"not a {hint.__name__}: {data!r:.40}") from None
        return member
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        fields = _stored_fields(hint)
        decoders = [_decoder(t) for _, t in fields]
        count = len(decoders)
        # A field of a plain type (str, int, float, bool, None, or one of them or None) is taken
        # as it is when its type is exactly right; anything else goes through its decoder, which
        # says what is wrong. Positional: the stored fields are the constructor's, in order.
        kinds = [_plain_kinds(t) for _, t in fields]
        return _record_decoder(hint, count, kinds, decoders, [t for _, t in fields])
    arms = _arms(hint)
    if arms is not None:
        if type(None) in arms and len(arms) == 2:
            inner = _decoder(next(a for a in arms if a is not type(None)))
            return lambda data: None if data is None else inner(data)
        decoders = [_decoder(a) for a in arms]

        def tagged(data):
            if type(data) is not list or len(data) != 2 or type(data[0]) is not int or not 0 <= data[0] < len(decoders):
                raise EntryError(f"expected one of {hint}")
            return decoders[data[0]](data[1])
        return tagged
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        parts = [_decoder(a) for a in args]

        def fixed(data):
            if type(data) is not list or len(data) != len(parts):
                raise EntryError(f"expected {hint}")
            return tuple(decode(item) for decode, item in zip(parts, data))
        return fixed
    if origin in (tuple, list, frozenset, set):
        item = _decoder(args[0])
        kind = _plain_kinds(args[0])
        allowed = frozenset(kind)

        def sequence(data):
            if type(data) is not list:
                raise EntryError(f"expected {hint}")
            if kind:  # plain items: checked, not decoded
                if not allowed.issuperset(map(type, data)):  # (one call: a hit checks thousands)
                    raise EntryError(f"expected {hint}")
                return origin(data)
            return origin([item(v) for v in data])
        return sequence
    if origin is dict:
        keys, values = _decoder(args[0]), _decoder(args[1])

        def mapping(data):
            if type(data) is not list or any(type(p) is not list or len(p) != 2 for p in data):
                raise EntryError(f"expected {hint}")
            return {keys(k): values(v) for k, v in data}
        return mapping
    raise TypeError(f"the alignment cache cannot read a field of type {hint!r}")


def _record_decoder(hint: type, count: int, kinds: list[tuple[type, ...]], decoders: list, types_: list) -> Callable[[list], object]:
    """The decoder of one dataclass, written out as Python for its fields (a record is read once
    per sentence, member and group: a loop over the fields cost twice as much): a list of
    exactly `count` items, each plain item of exactly its type taken as it is, any other item
    through its decoder (which converts it or raises EntryError; an enum member is looked up
    here), then the constructor (or what it does, at once: `_built_directly`)."""
    names = {"hint": hint, "EntryError": EntryError, "message": f"expected {hint.__name__} ({count} fields)"}
    lines = ["def record(data):", "    if type(data) is not list or len(data) != count:", "        raise EntryError(message)"]
    if count:
        lines.append(f"    {', '.join(f'v{n}' for n in range(count))}, = data")
    for number, (kind, decode, field_type) in enumerate(zip(kinds, decoders, types_)):
        names[f"d{number}"] = decode
        value = f"v{number}"
        if isinstance(field_type, type) and issubclass(field_type, enum.Enum):
            names[f"e{number}"] = {member.value: member for member in field_type}
            names[f"m{number}"] = f"not a {field_type.__name__}"
            lines += [
                "    try:",
                f"        {value} = e{number}[{value}]",
                "    except (KeyError, TypeError):",
                f"        raise EntryError(m{number}) from None",
            ]
            continue
        if not kind:
            lines.append(f"    {value} = d{number}({value})")
            continue
        tests = []
        for arm, plain in enumerate(kind):
            if plain is type(None):
                tests.append(f"{value} is not None")
            else:
                names[f"k{number}_{arm}"] = plain
                tests.append(f"type({value}) is not k{number}_{arm}")
        lines.append(f"    if {' and '.join(tests)}:")
        lines.append(f"        {value} = d{number}({value})")
    built = _built_directly(hint)
    if built is None:
        lines.append(f"    return hint({', '.join(f'v{n}' for n in range(count))})")
    else:
        # What the generated __init__ does (one object.__setattr__ per field, ~1 us a record with
        # seven fields), in one step: a hit reads one record per sentence and per group member.
        stored, derived = built
        items = [f"{name!r}: v{n}" for n, name in enumerate(stored)]
        for number, (name, factory) in enumerate(derived):
            names[f"f{number}"] = factory
            items.append(f"{name!r}: f{number}()")
        names["new"], names["setattr"] = object.__new__, object.__setattr__
        lines.append("    made = new(hint)")
        lines.append(f"    setattr(made, '__dict__', {{{', '.join(items)}}})")
        lines.append("    return made")
    names["count"] = count
    exec("\n".join(lines), names)  # noqa: S102 - code written here from field positions, no entry data
    return names["record"]


def _built_directly(hint: type):
    """(stored field names, [(derived field name, its default factory)]) when a record of `hint`
    may be made without its constructor, by setting its attributes at once: a dataclass whose
    __init__ is the one `dataclasses` generates and only sets its fields (no __post_init__, no
    __slots__, a default factory for each field the constructor does not take); else None."""
    init = hint.__init__
    if (getattr(hint, "__post_init__", None) is not None or "__slots__" in vars(hint)
            or getattr(getattr(init, "__code__", None), "co_filename", None) != "<string>"
            or getattr(init, "__qualname__", None) != f"{hint.__qualname__}.__init__"):
        return None
    derived = []
    for f in dataclasses.fields(hint):
        if f.init:
            continue
        if f.default_factory is dataclasses.MISSING:
            return None
        derived.append((f.name, f.default_factory))
    return [name for name, _ in _stored_fields(hint)], derived


def encode_alignment(alignment) -> list:
    """The alignment as JSON data; a sentence whose text is its outlet's text at its offsets (all
    but a few: the splitter keeps offsets into the raw text) is stored without it (None), which
    halves an entry's body."""
    from retold.model.story import Alignment

    data = _encoder(Alignment)(alignment)
    for outlet in _outlet_records(data):
        text = outlet[_OUTLET_TEXT]
        for sentence in outlet[_OUTLET_SENTENCES]:
            if sentence[_SENTENCE_TEXT] == text[sentence[_SENTENCE_START]:sentence[_SENTENCE_END]]:
                sentence[_SENTENCE_TEXT] = None
    return data


def decode_alignment(data):
    """The inverse of `encode_alignment`: a sentence stored without its text takes it from its
    outlet's text at its offsets (when the offsets are ints; else the text stays None, refused
    by the typed decoder like any other misplaced value; offsets outside the text are refused
    by `check_references`)."""
    from retold.model.story import Alignment

    for outlet in _outlet_records(data, checked=True):
        text = outlet[_OUTLET_TEXT]
        for sentence in outlet[_OUTLET_SENTENCES]:
            if (type(sentence) is list and len(sentence) == _SENTENCE_FIELDS and sentence[_SENTENCE_TEXT] is None
                    and type(sentence[_SENTENCE_START]) is int and type(sentence[_SENTENCE_END]) is int):
                sentence[_SENTENCE_TEXT] = text[sentence[_SENTENCE_START]:sentence[_SENTENCE_END]]
    return _decoder(Alignment)(data)


def _outlet_records(data, checked: bool = False):
    """The outlet records of an encoded alignment (`checked`: only those shaped as outlets with
    a text and a list of sentences; the typed decoder refuses the others)."""
    _field_positions()
    if checked and (type(data) is not list or len(data) != _ALIGNMENT_FIELDS or type(data[_ALIGNMENT_OUTLETS]) is not list):
        return
    for outlet in data[_ALIGNMENT_OUTLETS]:
        if checked and (type(outlet) is not list or len(outlet) != _OUTLET_FIELDS or type(outlet[_OUTLET_TEXT]) is not str
                        or type(outlet[_OUTLET_SENTENCES]) is not list):
            continue
        yield outlet


_ALIGNMENT_FIELDS = _ALIGNMENT_OUTLETS = _OUTLET_FIELDS = _OUTLET_TEXT = _OUTLET_SENTENCES = None
_SENTENCE_FIELDS = _SENTENCE_TEXT = _SENTENCE_START = _SENTENCE_END = None


def _field_positions() -> None:
    """Where the outlets, an outlet's text and sentences, and a sentence's text and offsets are
    in their records (the stored fields, in order; the entry's layout pins them)."""
    global _ALIGNMENT_FIELDS, _ALIGNMENT_OUTLETS, _OUTLET_FIELDS, _OUTLET_TEXT, _OUTLET_SENTENCES
    global _SENTENCE_FIELDS, _SENTENCE_TEXT, _SENTENCE_START, _SENTENCE_END
    if _SENTENCE_END is not None:
        return
    from retold.model.story import Alignment, Outlet, Sentence

    alignment, outlet, sentence = ([name for name, _ in _stored_fields(cls)] for cls in (Alignment, Outlet, Sentence))
    _ALIGNMENT_FIELDS, _ALIGNMENT_OUTLETS = len(alignment), alignment.index("outlets")
    _OUTLET_FIELDS, _OUTLET_TEXT, _OUTLET_SENTENCES = len(outlet), outlet.index("text"), outlet.index("sentences")
    _SENTENCE_FIELDS, _SENTENCE_TEXT = len(sentence), sentence.index("text")
    _SENTENCE_START, _SENTENCE_END = sentence.index("start"), sentence.index("end")


def _sources_type() -> type:
    from retold.model.sources import Sources

    return Sources


def _quotes_type():
    from retold.model.quotes import QuoteGroup

    return tuple[QuoteGroup, ...]


def _provenance_type() -> type:
    from retold.model.provenance import Provenance

    return Provenance


def _arrangement_type() -> type:
    from retold.model.arrange import Arrangement

    return Arrangement


def _alignment_type() -> type:
    from retold.model.story import Alignment

    return Alignment


@functools.cache
def _layout() -> dict[str, list[str]]:
    """Every stored dataclass's field names under the Alignment: an entry written with other
    fields is not read."""
    return _fields_under(_alignment_type)


@functools.cache
def _sources_layout() -> dict[str, list[str]]:
    """The same for the Sources: apart, so that a reader of the alignment alone (the text
    report) never imports what computes Sources (rapidfuzz, the quote patterns)."""
    return _fields_under(_sources_type)


@functools.cache
def _arrangement_layout() -> dict[str, list[str]]:
    """The same for the panes' order (retold.model.arrange), read with the Sources."""
    return _fields_under(_arrangement_type)


def _fields_under(root) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}

    def walk(hint) -> None:
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            name = f"{hint.__module__}.{hint.__qualname__}"
            if name in seen:
                return
            seen[name] = [field for field, _ in _stored_fields(hint)]
            for _, t in _stored_fields(hint):
                walk(t)
        for arg in typing.get_args(hint):
            walk(arg)

    walk(root())
    return seen


def pack(key: str, alignment, notices: list[str]) -> bytes:
    """One entry's bytes: magic, SHA-256 of the body, body (zlib of JSON). The alignment's
    Sources go with it when they were computed (`retold.model.sources.sources_of`), and so
    does the panes' order (`retold.model.arrange.arrangement_of`); without the Sources, the
    quotes alone when they were (`retold.model.sources.quotes_of`: the aligning child's first
    hand-off to the reader, the provenance following; a stored entry has whole Sources or none)."""
    sources = alignment._cache.get("sources")
    stored_sources = None if sources is None else [_sources_layout(), _encoder(_sources_type())(sources)]
    arrangement = alignment._cache.get("arrangement")
    stored_arrangement = None if arrangement is None else [_arrangement_layout(), _encoder(_arrangement_type())(arrangement)]
    quotes = alignment._cache.get("quotes") if sources is None else None
    stored_quotes = None if quotes is None else [_sources_layout(), _encoder(_quotes_type())(quotes)]
    body = json.dumps([ENTRY_FORMAT, key, _layout(), list(notices), encode_alignment(alignment), stored_sources, stored_arrangement,
                       stored_quotes], separators=(",", ":"))
    compressed = zlib.compress(body.encode("ascii"), 1)  # level 1: 5× faster than 6, 20 % larger
    return MAGIC + hashlib.sha256(compressed).digest() + compressed


def unpack(data: bytes, key: str, max_bytes: int = MAX_BODY_BYTES, with_sources: bool = True) -> tuple[object, list[str]]:
    """(alignment, notices) from an entry's bytes; EntryError unless it is whole, ours and for `key`.
    The stored Sources and panes' order are read (and checked) only `with_sources`; else they are left unread."""
    head = len(MAGIC) + 32
    if len(data) < head or not data.startswith(MAGIC):
        raise EntryError("not an entry of retold's alignment cache")
    compressed = data[head:]
    if hashlib.sha256(compressed).digest() != data[len(MAGIC):head]:
        raise EntryError("damaged or truncated entry")
    inflate = zlib.decompressobj()
    try:
        body = inflate.decompress(compressed, max_bytes)
    except zlib.error as exc:
        raise EntryError(f"damaged entry ({exc})") from None
    if inflate.unconsumed_tail or not inflate.eof:
        raise EntryError("entry larger than the bound, or cut short")
    try:
        whole = load_json(body)
    except ValueError as exc:
        raise EntryError(f"damaged entry ({type(exc).__name__})") from None
    if type(whole) is not list or len(whole) != 8:
        raise EntryError("not an entry of this layout")
    entry_format, entry_key, layout, notices, alignment, sources, arrangement, quotes = whole
    if entry_format != ENTRY_FORMAT or entry_key != key or layout != _layout():
        raise EntryError("an entry of another key, layout or version")
    if type(notices) is not list or any(type(n) is not str for n in notices):
        raise EntryError("damaged notices")
    try:
        found = decode_alignment(alignment)
        found_sources = _read_sources(sources) if with_sources and sources is not None else None
        found_arrangement = _read_arrangement(arrangement) if with_sources and arrangement is not None else None
        found_quotes = _read_quotes(quotes) if with_sources and quotes is not None and sources is None else None
    except (TypeError, ValueError, RecursionError) as exc:  # a constructor's own check, a deep list
        raise EntryError(f"not a valid alignment ({exc})") from None
    check_references(found)
    if found_sources is not None:
        check_source_references(found, found_sources)
        found._cache["sources"] = found_sources  # where sources_of looks: nothing recomputed, nothing held twice
    if found_quotes is not None:
        check_quote_references(found, found_quotes)
        found._cache["quotes"] = found_quotes  # where quotes_of looks
    if found_arrangement is not None:
        check_arrangement(found, found_arrangement)
        found._cache["arrangement"] = found_arrangement  # where arrangement_of looks
    return found, notices


def _read_sources(stored):
    if type(stored) is not list or len(stored) != 2 or stored[0] != _sources_layout():
        raise EntryError("Sources of another layout")
    return _decoder(_sources_type())(stored[1])


def _read_quotes(stored):
    if type(stored) is not list or len(stored) != 2 or stored[0] != _sources_layout():
        raise EntryError("quotes of another layout")
    return _decoder(_quotes_type())(stored[1])


def pack_provenance(provenance) -> list:
    """The provenance the aligning child sends once the reader has the alignment, as JSON data
    (typed data, with its layout; never a pickle)."""
    return [_sources_layout(), _encoder(_provenance_type())(provenance)]


def unpack_sources(stored, alignment):
    """The Sources of `alignment` from the provenance `pack_provenance` gave (read back from JSON)
    and the quotes the alignment carries (`quotes_of`); EntryError unless well typed and pointing
    where it may."""
    from retold.model.sources import Sources, quotes_of

    try:
        if type(stored) is not list or len(stored) != 2 or stored[0] != _sources_layout():
            raise EntryError("provenance of another layout")
        sources = Sources(_decoder(_provenance_type())(stored[1]), quotes_of(alignment))
    except (TypeError, ValueError, RecursionError) as exc:
        raise EntryError(f"not a valid provenance ({exc})") from None
    check_source_references(alignment, sources)
    return sources


def _read_arrangement(stored):
    if type(stored) is not list or len(stored) != 2 or stored[0] != _arrangement_layout():
        raise EntryError("a panes' order of another layout")
    return _decoder(_arrangement_type())(stored[1])


def check_arrangement(alignment, arrangement) -> None:
    """EntryError unless the stored panes' order names every outlet once, and its reference and
    folded copies are outlets of the story (the reader builds its panes in that order)."""
    ids = [outlet.id for outlet in alignment.outlets]
    if sorted(arrangement.order) != sorted(ids) or len(set(ids)) != len(ids):
        raise EntryError("a panes' order that is not every outlet once")
    if arrangement.reference is not None and arrangement.reference not in ids:
        raise EntryError("a panes' order led by an outlet that does not exist")
    if any(copy.outlet not in ids or copy.source not in ids for copy in arrangement.copies):
        raise EntryError("a folded copy of an outlet that does not exist")


def check_references(alignment) -> None:
    """EntryError unless every index the reader follows points where it may: sentence offsets
    inside their text, group numbers inside the groups, members at sentences that exist. A
    well-typed entry that breaks these would crash the reader, so it is refused like damage."""
    counts = {}
    for outlet in alignment.outlets:
        if outlet.id in counts:
            raise EntryError(f"outlet {outlet.id!r} twice")
        counts[outlet.id] = len(outlet.sentences)
        size = len(outlet.text)
        for number, sentence in enumerate(outlet.sentences):
            if sentence.index != number or not 0 <= sentence.start <= sentence.end <= size:
                raise EntryError(f"sentence {number} of {outlet.id!r} out of place")
            if sentence.group is not None and not 0 <= sentence.group < len(alignment.groups):
                raise EntryError(f"sentence {number} of {outlet.id!r} in a group that does not exist")
    for number, group in enumerate(alignment.groups):
        if group.id != number:
            raise EntryError(f"group {number} numbered {group.id}")
        for member in group.members:
            if not 0 <= member.sentence < counts.get(member.outlet, 0):
                raise EntryError(f"group {number} names a sentence that does not exist")


def check_source_references(alignment, sources) -> None:
    """EntryError unless the stored Sources point where the reader follows them: credits under
    outlets that exist, inside their text; edges between nodes that exist; every quote at
    sentences of an outlet that exists (Enter on a quote jumps there, the gutter marks them)."""
    sizes = {outlet.id: (len(outlet.text), len(outlet.sentences)) for outlet in alignment.outlets}
    provenance = sources.provenance
    nodes = {node.id for node in provenance.nodes}
    if not set(sizes) <= nodes:
        raise EntryError("provenance without a node for every outlet")
    for outlet_id, credits in provenance.credits.items():
        if outlet_id not in sizes or any(not 0 <= c.start <= c.end <= sizes[outlet_id][0] for c in credits):
            raise EntryError(f"a credit of {outlet_id!r} out of place")
    if any(e.source not in nodes or e.target not in sizes for e in provenance.edges):
        raise EntryError("a provenance edge between nodes that do not exist")
    if any(p.a not in sizes or p.b not in sizes for p in provenance.pairs):
        raise EntryError("a provenance note on outlets that do not exist")
    check_quote_references(alignment, sources.quotes)


def check_quote_references(alignment, quotes) -> None:
    """EntryError unless every quote is at sentences of an outlet that exists, inside its text."""
    sizes = {outlet.id: (len(outlet.text), len(outlet.sentences)) for outlet in alignment.outlets}
    for group in quotes:
        if not group.members:
            raise EntryError(f"quote group {group.id} with no member")
        for member in group.members:
            quote = member.quote
            if quote.outlet not in sizes or not quote.sentences or not 0 <= quote.start <= quote.end <= sizes[quote.outlet][0]:
                raise EntryError(f"a quote of group {group.id} out of place")
            if any(not 0 <= index < sizes[quote.outlet][1] for index in quote.sentences):
                raise EntryError(f"a quote of group {group.id} at a sentence that does not exist")


# ---------------------------------------------------------------- the folder


def _max_bytes_from_env() -> int:
    value = os.environ.get(MAX_BYTES_ENV)
    try:
        return max(1, int(float(value) * 1024 * 1024)) if value else DEFAULT_MAX_BYTES
    except (ValueError, OverflowError):  # not a number, nan; inf or 1e400
        return DEFAULT_MAX_BYTES


class AlignmentCache:
    """Entries in one folder, bounded to `max_bytes` by least-recently-used eviction.

    Every failure of the disk (read-only, full, gone) makes the cache do nothing: it never
    stops an alignment. `last` says what the latest lookup found: "hit", "miss" or "rebuilt"
    (an entry was there but not usable).

    `with_sources`: every entry stored carries the alignment's Sources and the panes' order,
    computed first if need be (the reader's cache: it shows them; `retold align` and the batch
    do without)."""

    def __init__(self, directory: Path | None = None, max_bytes: int | None = None, with_sources: bool = False) -> None:
        self.directory = Path(directory) if directory is not None else cache_root() / SUBDIR
        self.max_bytes = max_bytes if max_bytes is not None else _max_bytes_from_env()
        self.with_sources = with_sources
        self.last: str | None = None
        self._last_hit: tuple[str, list[str]] | None = None  # key and notices of the latest hit
        # While `holding`, `put` keeps (key, alignment, notices) in `held` instead of storing it:
        # the reader stores it once the Sources (worked out after its first screen) are in.
        self.holding = False
        self.held: tuple[str, object, list[str]] | None = None

    def path_for(self, key: str) -> Path:
        return self.directory / f"{key}{SUFFIX}"

    def get(self, key: str, max_entry_bytes: int | None = None):
        """(alignment, notices) stored under `key`, or None (and a bad entry is removed); None
        too, the entry left as it is, when it is larger than `max_entry_bytes`."""
        from retold.model.story import InputError, read_regular_file

        path = self.path_for(key)
        limit = max_entry_bytes if max_entry_bytes is not None else max(self.max_bytes, MAX_BODY_BYTES)
        try:
            if path.stat().st_size > limit:
                self.last = "larger"
                return None
            # A regular file only, opened without waiting: a FIFO or device at an entry's name
            # is a miss and left as it is (the next store renames a file over it).
            data = read_regular_file(path, limit)
        except (OSError, InputError):
            self.last = "miss"
            return None
        try:
            found = unpack(data, key, with_sources=self.with_sources)
        except (EntryError, MemoryError):
            self.last = "rebuilt"
            try:
                path.unlink()
            except OSError:
                pass
            return None
        try:
            os.utime(path)  # most recently used
        except OSError:
            pass
        self.last = "hit"
        self._last_hit = (key, found[1])
        return found

    def store_held(self, alignment) -> bool:
        """Store what `put` held for `alignment` (its Sources with it now), or, after a hit on an
        entry without them, complete that entry (`complete`). False when nothing was stored."""
        held, self.held = self.held, None
        if held is not None and held[1] is alignment:
            return self.put(*held)
        return self.complete(alignment)

    def complete(self, alignment) -> bool:
        """Store the latest hit again, with the Sources `alignment` now carries (an entry that
        `retold align` or the batch wrote has none): the next open computes nothing. False
        when there is nothing to add or it was not stored."""
        if self.last != "hit" or self._last_hit is None or "sources" not in alignment._cache:
            return False
        key, notices = self._last_hit
        self._last_hit = None
        return self.put(key, alignment, notices)

    def put(self, key: str, alignment, notices: list[str]) -> bool:
        """Store an entry atomically; False when it was not stored (too large, disk trouble).
        A value the serialiser cannot store raises TypeError (the round-trip tests catch that)."""
        if self.holding:
            self.held = (key, alignment, notices)
            return True
        if self.with_sources:
            from retold.model.arrange import arrangement_of
            from retold.model.sources import sources_of

            sources_of(alignment)  # kept on the alignment: whoever shows them next reads them there
            arrangement_of(alignment)  # so is the panes' order
        data = pack(key, alignment, notices)
        if len(data) > self.max_bytes:
            return False
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # A name no other writer picks (not tempfile: its import costs more than this line).
            temp = str(self.directory / f".tmp-{os.getpid()}-{os.urandom(8).hex()}{SUFFIX}")
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, self.path_for(key))
        except OSError:
            try:
                os.unlink(temp)
            except OSError:
                pass
            return False
        self.evict(keep=self.path_for(key))
        return True

    def evict(self, keep: Path | None = None) -> None:
        """Remove least recently used entries until the folder is within its bound."""
        entries = []
        total = 0
        now = time.time()
        try:
            listing = list(os.scandir(self.directory))
        except OSError:
            return
        for entry in listing:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if entry.name.startswith(".tmp-"):
                if now - info.st_mtime > _STALE_TEMP_SECONDS:
                    _unlink_quietly(entry.path)
                continue
            if not entry.name.endswith(SUFFIX):
                continue
            entries.append((info.st_mtime_ns, entry.path, info.st_size))
            total += info.st_size
        for _, path, size in sorted(entries):
            if total <= self.max_bytes:
                break
            if keep is not None and path == str(keep):
                continue
            if _unlink_quietly(path):
                total -= size

    def clear(self) -> None:
        for path in self.directory.glob(f"*{SUFFIX}"):
            _unlink_quietly(str(path))


def _unlink_quietly(path: str) -> bool:
    try:
        os.unlink(path)
    except OSError:
        return False
    return True
