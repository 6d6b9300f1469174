"""The alignment cache: a hit gives back exactly the alignment a fresh run gives; any change of
input, options or alignment version is a miss; a bad entry is rebuilt, never trusted."""

from __future__ import annotations

import dataclasses
import enum
import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.model import cache as cache_module
from retold.model.cache import AlignmentCache, EntryError, content_key, pack, unpack
from retold.model.pipeline import load_alignment
from retold.model.story import Alignment, collect_files
from retold.synthetic import make_story

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "sample_corpus").iterdir() if p.is_dir())


def assert_same(cached, fresh, where="alignment") -> None:
    """Field for field, with types: a str where a Status was, or a list where a tuple was, fails."""
    assert type(cached) is type(fresh), f"{where}: {type(cached).__name__} != {type(fresh).__name__}"
    if dataclasses.is_dataclass(fresh):
        for field in dataclasses.fields(fresh):
            if field.compare:
                assert_same(getattr(cached, field.name), getattr(fresh, field.name), f"{where}.{field.name}")
    elif isinstance(fresh, (tuple, list)):
        assert len(cached) == len(fresh), where
        for n, (a, b) in enumerate(zip(cached, fresh)):
            assert_same(a, b, f"{where}[{n}]")
    elif isinstance(fresh, dict):
        assert list(cached) == list(fresh), where
        for k in fresh:
            assert_same(cached[k], fresh[k], f"{where}[{k!r}]")
    elif isinstance(fresh, float) and math.isnan(fresh):
        assert math.isnan(cached), where
    else:
        assert cached == fresh, where


@pytest.fixture
def story(tmp_path) -> Path:
    target = tmp_path / "story"
    shutil.copytree(ROOT / "sample_corpus" / "north-sea-grid", target)
    return target


def key_of(paths: list[str], collected=None) -> str | None:
    from retold.model.pipeline import cache_options, story_key

    files, title, root = collected or collect_files(paths)
    dirs = [p if p.is_dir() else p.parent for p in map(Path, paths)]
    fixed = {"story_title": title, "story_key": story_key(root, [p for p, _ in files])}
    return content_key(files, dirs, fixed, cache_options(None, True))  # as load_alignment's default


# ---------------------------------------------------------------- round trip


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_story_round_trips_field_for_field(sample):
    fresh = load_alignment([str(sample)])
    cached, notices = unpack(pack("k", fresh, ["a notice"]), "k", 10**9)
    assert_same(cached, fresh)
    assert notices == ["a notice"]


def test_a_synthetic_story_round_trips_field_for_field(tmp_path):
    make_story(tmp_path / "synthetic", outlets=6, sentences=60, seed=3)
    fresh = load_alignment([str(tmp_path / "synthetic")])
    cached, _ = unpack(pack("k", fresh, []), "k", 10**9)
    assert_same(cached, fresh)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_type(Alignment))
def test_any_alignment_the_dataclasses_allow_round_trips(alignment):
    # Built from the dataclasses' own annotations: a field added to any of them (a link's
    # confidence, its evidence) is generated here too, and must store and load exactly.
    # (Through the serialiser and JSON only: a random alignment's indices point nowhere, which
    # `unpack` refuses, as the next tests show.)
    data = json.loads(json.dumps(cache_module.encode_alignment(alignment)))
    assert_same(cache_module.decode_alignment(data), alignment)


def test_a_field_type_the_serialiser_cannot_store_fails_loudly():
    @dataclasses.dataclass(frozen=True)
    class Odd:
        anything: object

    with pytest.raises(TypeError, match="cannot store"):
        cache_module._encoder(Odd)(Odd(anything=1))


# ---------------------------------------------------------------- hits and misses


def test_same_inputs_hit_without_aligning_again(story, monkeypatch):
    store = AlignmentCache()
    notices: list[str] = []
    fresh = load_alignment([str(story)], notices.append, cache=store)
    assert store.last == "miss"

    def no_alignment(*args, **kwargs):
        raise AssertionError("aligned again on a hit")

    monkeypatch.setattr("retold.model.pipeline.align", no_alignment)
    again: list[str] = []
    cached = load_alignment([str(story)], again.append, cache=store)
    assert store.last == "hit"
    assert_same(cached, fresh)
    assert again == notices  # the first run's warnings are repeated


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_byte_changed_in_any_file_is_a_miss(story, data):
    collected = collect_files([str(story)])  # once: a changed story.toml may no longer parse
    before = key_of([str(story)], collected)
    files = sorted(p for p in story.iterdir() if p.name != "gold.json")  # gold.json is not read
    target = data.draw(st.sampled_from(files))
    original = target.read_bytes()
    at = data.draw(st.integers(0, len(original) - 1))
    byte = data.draw(st.integers(0, 255).filter(lambda b: b != original[at]))
    target.write_bytes(original[:at] + bytes([byte]) + original[at + 1:])
    try:
        assert key_of([str(story)], collected) != before
    finally:
        target.write_bytes(original)
    assert key_of([str(story)], collected) == before


def test_a_changed_file_is_aligned_afresh(story):
    store = AlignmentCache()
    load_alignment([str(story)], cache=store)
    path = story / "meridian.txt"
    path.write_text(path.read_text() + "\nA sentence only the new file has, about harbour cranes.\n")
    changed = load_alignment([str(story)], cache=store)
    assert store.last == "miss"
    assert_same(changed, load_alignment([str(story)]))


def test_options_are_part_of_the_key(story):
    files, title, root = collect_files([str(story)])
    fixed = {"story_title": title, "story_key": "k"}
    assert content_key(files, [story], fixed, {"embedder": "model-a"}) != content_key(files, [story], fixed, {"embedder": "model-b"})
    assert content_key(files, [story], fixed, {}) != content_key(files, [story], fixed, {"embedder": "model-a"})


def test_a_new_alignment_version_is_a_miss(story, monkeypatch):
    store = AlignmentCache()
    load_alignment([str(story)], cache=store)
    before = key_of([str(story)])
    monkeypatch.setattr(cache_module, "ALIGNMENT_VERSION", cache_module.ALIGNMENT_VERSION + 1)
    assert key_of([str(story)]) != before
    load_alignment([str(story)], cache=store)
    assert store.last == "miss"


def test_a_change_in_the_model_code_is_a_miss(story, monkeypatch):
    before = key_of([str(story)])
    monkeypatch.setattr(cache_module, "model_code_digest", lambda: "0" * 64)
    assert key_of([str(story)]) != before


def test_the_code_digest_covers_every_model_module_including_subpackages():
    package = Path(cache_module.__file__).parent
    sources = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    assert "align.py" in sources or "align/__init__.py" in sources
    assert "cache.py" in sources


# ---------------------------------------------------------------- bad entries


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(0.0, 0.999))
def test_a_truncated_entry_is_rebuilt(story, cut):
    store = AlignmentCache()
    fresh = load_alignment([str(story)], cache=store)
    key = key_of([str(story)])
    path = store.path_for(key)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    rebuilt = load_alignment([str(story)], cache=store)
    assert store.last == "rebuilt"
    assert_same(rebuilt, fresh)
    assert store.get(key) is not None and store.last == "hit"  # whole again


@settings(max_examples=60, deadline=None)
@given(junk=st.binary(max_size=300), after_magic=st.booleans())
def test_random_bytes_are_never_trusted(junk, after_magic):
    data = (cache_module.MAGIC + junk) if after_magic else junk
    with pytest.raises(EntryError):
        unpack(data, "k", 10**6)


def _repack(body: list) -> bytes:
    import hashlib
    import json
    import zlib

    compressed = zlib.compress(json.dumps(body).encode())
    return cache_module.MAGIC + hashlib.sha256(compressed).digest() + compressed


def test_a_well_formed_entry_of_wrong_types_is_refused(sample_alignment):
    import json
    import zlib

    data = pack("k", sample_alignment, [])
    body = json.loads(zlib.decompress(data[len(cache_module.MAGIC) + 32:]))
    sentence = body[4][0][0][3][0]  # first outlet's first sentence
    sentence[3] = "3"  # start: a string where an int belongs
    with pytest.raises(EntryError):
        unpack(_repack(body), "k", 10**9)
    sentence[3] = 3
    sentence[5] = "maybe"  # status: not a Status
    with pytest.raises(EntryError):
        unpack(_repack(body), "k", 10**9)


@pytest.mark.parametrize("where, value", [
    ((0, 0, 6), 10**6),  # first outlet's first sentence: a group that does not exist
    ((0, 0, 4), 10**9),  # ... an end beyond its text
    ((0, 0, 0), 7),  # ... an index that is not its place
])
def test_a_well_typed_entry_pointing_nowhere_is_refused(sample_alignment, where, value):
    import json as json_module
    import zlib

    data = pack("k", sample_alignment, [])
    body = json_module.loads(zlib.decompress(data[len(cache_module.MAGIC) + 32:]))
    outlet, sentence, field = where
    body[4][0][outlet][3][sentence][field] = value
    with pytest.raises(EntryError):
        unpack(_repack(body), "k", 10**9)


def test_a_group_member_at_a_missing_sentence_is_refused(sample_alignment):
    import json as json_module
    import zlib

    data = pack("k", sample_alignment, [])
    body = json_module.loads(zlib.decompress(data[len(cache_module.MAGIC) + 32:]))
    body[4][1][0][1][0][1] = 10**6  # first group's first member: sentence 1,000,000
    with pytest.raises(EntryError):
        unpack(_repack(body), "k", 10**9)


def test_a_foreign_entry_under_our_name_is_ignored(sample_alignment, tmp_path):
    store = AlignmentCache(tmp_path / "entries")
    store.put("other", sample_alignment, [])
    store.path_for("other").rename(store.path_for("mine"))
    assert store.get("mine") is None and store.last == "rebuilt"
    assert not store.path_for("mine").exists()


def test_an_entry_of_another_layout_is_ignored(sample_alignment, monkeypatch):
    data = pack("k", sample_alignment, [])
    monkeypatch.setattr(cache_module, "ENTRY_FORMAT", cache_module.ENTRY_FORMAT + 1)
    with pytest.raises(EntryError):
        unpack(data, "k", 10**9)


def test_an_unwritable_cache_never_stops_an_alignment(story, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    store = AlignmentCache(blocker / "alignments")
    assert_same(load_alignment([str(story)], cache=store), load_alignment([str(story)]))


# ---------------------------------------------------------------- size bound


def test_least_recently_used_entries_leave_first(sample_alignment, tmp_path):
    size = len(pack("a", sample_alignment, []))
    store = AlignmentCache(tmp_path / "entries", max_bytes=3 * size + size // 2)
    for age, key in enumerate("abc"):
        store.put(key, sample_alignment, [])
        os.utime(store.path_for(key), ns=(10**18 + age * 10**9,) * 2)
    assert store.get("a") is not None  # a is now the most recently used; b the least
    store.put("d", sample_alignment, [])
    assert {p.stem for p in store.directory.iterdir()} == {"a", "c", "d"}


def test_an_entry_larger_than_the_bound_is_not_stored(sample_alignment, tmp_path):
    store = AlignmentCache(tmp_path / "entries", max_bytes=100)
    assert store.put("a", sample_alignment, []) is False
    assert not store.path_for("a").exists()


# ---------------------------------------------------------------- processes


def _align_json(paths: list[str], env: dict, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "retold", "align", *paths, "--format", "json", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )


def test_two_processes_filling_the_cache_at_once_both_get_the_right_alignment(tmp_path):
    stories = [str(p) for p in SAMPLES]
    env = dict(os.environ, RETOLD_CACHE_DIR=str(tmp_path / "cache"))
    expected = {}
    for path in stories:
        out, err = _align_json([path], env, "--no-cache").communicate()
        expected[path] = out
    assert not (tmp_path / "cache").exists()  # --no-cache writes nothing
    for round_ in range(2):  # both fill, then both read what the other may have written
        runs = [(path, _align_json([path], env)) for path in stories for _ in range(2)]
        for path, run in runs:
            out, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
            assert out == expected[path], (round_, path)
    entries = list((tmp_path / "cache" / "alignments").iterdir())
    assert len(entries) == len(stories)  # one entry a story, no temporary file left behind


def test_help_says_where_the_cache_lives(tmp_path):
    env = dict(os.environ, RETOLD_CACHE_DIR=str(tmp_path / "somewhere"))
    out = subprocess.run([sys.executable, "-m", "retold", "--help"], capture_output=True, text=True, env=env, check=True).stdout
    assert str(tmp_path / "somewhere" / "alignments") in out


def test_status_is_a_real_enum_after_loading(sample_alignment):
    cached, _ = unpack(pack("k", sample_alignment, []), "k", 10**9)
    statuses = {type(s.status) for o in cached.outlets for s in o.sentences}
    assert all(issubclass(t, enum.Enum) for t in statuses)


def _places(node, path=()):
    """Every position in an encoded entry's JSON: the path to it, lists and leaves alike."""
    yield path
    if type(node) is list:
        for number, child in enumerate(node):
            yield from _places(child, (*path, number))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), foreign=st.sampled_from([{}, {"a": 1}, 1.5, True, "x", 7, None, [[]]]))
def test_a_value_of_the_wrong_type_anywhere_is_refused(sample_alignment, data, foreign):
    """The decoder's fast paths (plain fields and plain items taken as they are) still check
    every value's exact type: a value of another type anywhere in the alignment or its Sources
    and panes' order is refused, unless it is the very same value."""
    import zlib

    from retold.model.arrange import arrangement_of
    from retold.model.sources import sources_of

    sources_of(sample_alignment)
    arrangement_of(sample_alignment)
    packed = pack("k", sample_alignment, [])
    body = json.loads(zlib.decompress(packed[len(cache_module.MAGIC) + 32:]))
    section = data.draw(st.sampled_from([4, 5, 6]))  # the alignment, the stored Sources, the panes' order
    root = body[section] if section == 4 else body[section][1]
    places = [p for p in _places(root) if p]
    path = data.draw(st.sampled_from(places))
    parent = root
    for step in path[:-1]:
        parent = parent[step]
    old = parent[path[-1]]
    if type(old) is type(foreign) and type(old) is not list:
        return  # a value for one of its own type: well typed (what it means is checked elsewhere)
    if {type(old), type(foreign)} == {int, float}:
        return  # a number for a number: may be another well-typed value
    if old is None or foreign is None or type(old) is list:
        return  # an optional value left out or given, a list for a list: may be well typed
    parent[path[-1]] = foreign
    with pytest.raises(EntryError):
        unpack(_repack(body), "k", 10**9)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_type(Alignment), st.data())
def test_a_sentence_that_is_its_outlets_text_at_its_offsets_is_stored_without_it(alignment, data):
    """Entry format 6: such a sentence's text is left out (an entry's body is half the size) and
    read back from the outlet's text; any other sentence keeps its own. Exact either way."""
    outlets = []
    for outlet in alignment.outlets:  # some sentences made slices of their outlet's text, some not
        sentences = tuple(
            dataclasses.replace(s, text=outlet.text[s.start:s.end]) if data.draw(st.booleans()) else s
            for s in outlet.sentences
        )
        outlets.append(dataclasses.replace(outlet, sentences=sentences))
    alignment = dataclasses.replace(alignment, outlets=tuple(outlets))
    encoded = cache_module.encode_alignment(alignment)
    stored = [sentence[2] for outlet in encoded[0] for sentence in outlet[3]]  # Sentence.text
    expected = [None if s.text == o.text[s.start:s.end] else s.text for o in alignment.outlets for s in o.sentences]
    assert stored == expected
    assert_same(cache_module.decode_alignment(json.loads(json.dumps(encoded))), alignment)


def test_a_left_out_text_with_offsets_that_are_not_numbers_is_refused(sample_alignment):
    import zlib

    body = json.loads(zlib.decompress(pack("k", sample_alignment, [])[len(cache_module.MAGIC) + 32:]))
    sentence = body[4][0][0][3][0]  # first outlet's first sentence
    assert sentence[2] is None  # its text left out
    sentence[3] = "0"
    with pytest.raises(EntryError):
        unpack(_repack(body), "k", 10**9)
