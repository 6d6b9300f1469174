"""The alignment cache carries the story's Sources (credits, provenance, quotes) for the reader:
a hit gives back exactly what a fresh computation gives, computes nothing, and a damaged entry
is rebuilt, never trusted."""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.model import cache as cache_module
from retold.model import sources as sources_module
from retold.model.cache import AlignmentCache, EntryError, pack, unpack
from retold.model.pipeline import load_alignment
from retold.model.sources import Sources, sources_of

from tests.unit.test_cache import _repack, assert_same, key_of

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "sample_corpus").iterdir() if p.is_dir())


def _forbid_computing(monkeypatch) -> None:
    def refuse(alignment):
        raise AssertionError("computed again on a hit")

    monkeypatch.setattr(sources_module, "provenance", refuse)
    monkeypatch.setattr(sources_module, "quote_groups", refuse)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_a_hit_gives_the_sources_a_fresh_computation_gives_without_computing(sample, tmp_path, monkeypatch):
    story = tmp_path / "story"
    shutil.copytree(sample, story)
    fresh = sources_of(load_alignment([str(story)]))
    store = AlignmentCache(tmp_path / "entries", with_sources=True)
    load_alignment([str(story)], cache=store)  # a miss: aligned, and stored with its Sources
    assert store.last == "miss"
    _forbid_computing(monkeypatch)
    hit = load_alignment([str(story)], cache=store)
    assert store.last == "hit"
    assert_same(sources_of(hit), fresh, "sources")


def test_an_entry_without_sources_is_completed_once_computed(tmp_path, monkeypatch):
    story = tmp_path / "story"
    shutil.copytree(SAMPLES[0], story)
    plain = AlignmentCache(tmp_path / "entries")  # as `retold align` fills it
    load_alignment([str(story)], cache=plain)
    reader = AlignmentCache(tmp_path / "entries", with_sources=True)
    first = load_alignment([str(story)], cache=reader)
    assert reader.last == "hit" and "sources" not in first._cache
    fresh = sources_of(first)
    assert reader.complete(first)
    assert not reader.complete(first)  # once
    _forbid_computing(monkeypatch)
    again = load_alignment([str(story)], cache=reader)
    assert reader.last == "hit"
    assert_same(sources_of(again), fresh, "sources")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_type(Sources))
def test_any_sources_the_dataclasses_allow_round_trip(sources):
    # From the dataclasses' annotations: a field added to a Credit, an Edge or a Quote is
    # generated here too, and must store and load exactly (serialiser and JSON only).
    encode, decode = cache_module._encoder(Sources), cache_module._decoder(Sources)
    assert_same(decode(json.loads(json.dumps(encode(sources)))), sources, "sources")


def _body(alignment) -> list:
    data = pack("k", alignment, [])
    return json.loads(zlib.decompress(data[len(cache_module.MAGIC) + 32:]))


@pytest.fixture
def with_quotes():
    alignment = load_alignment([str(ROOT / "sample_corpus" / "north-sea-grid")])
    assert sources_of(alignment).quotes and sources_of(alignment).provenance.credits
    return alignment


@pytest.mark.parametrize("damage", [
    "quote at a missing sentence", "quote of no outlet", "credit beyond its text", "edge to no node", "wrong type",
])
def test_stored_sources_pointing_nowhere_are_refused(with_quotes, damage):
    body = _body(with_quotes)
    provenance, quotes = body[5][1]  # [layout, stored Sources]
    quote = quotes[0][3][0][0]  # first group's first member's quote
    if damage == "quote at a missing sentence":
        quote[1] = [10**6]
    elif damage == "quote of no outlet":
        quote[0] = "nowhere"
    elif damage == "credit beyond its text":
        credits = next(pair for pair in provenance[3] if pair[1])
        credits[1][0][6] = 10**9  # its end
    elif damage == "edge to no node":
        provenance[1][0][1] = "nowhere"
    else:
        quote[3] = "3"  # start: a string where an int belongs
    with pytest.raises(EntryError):
        unpack(_repack(body), "k", 10**9)
    unpack(pack("k", with_quotes, []), "k", 10**9)  # the undamaged entry reads


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(0.0, 0.999))
def test_a_truncated_entry_with_sources_is_rebuilt_with_the_same_sources(tmp_path, cut):
    story = tmp_path / "story"
    if not story.exists():
        shutil.copytree(SAMPLES[0], story)
    store = AlignmentCache(tmp_path / "entries", with_sources=True)
    fresh = load_alignment([str(story)], cache=store)
    path = store.path_for(key_of([str(story)]))
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * cut)])
    rebuilt = load_alignment([str(story)], cache=store)
    assert store.last == "rebuilt"
    assert_same(sources_of(rebuilt), sources_of(fresh), "sources")
    assert store.get(key_of([str(story)])) is not None and store.last == "hit"
    assert "sources" in store.get(key_of([str(story)]))[0]._cache  # stored whole again, with them


def test_retold_align_json_keeps_the_sources_it_printed_and_prints_the_same_from_them(tmp_path):
    import os
    import subprocess
    import sys

    story = tmp_path / "story"
    shutil.copytree(SAMPLES[0], story)
    env = dict(os.environ, RETOLD_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "retold", "align", str(story), "--format", "json", "--no-semantic"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    [entry] = (tmp_path / "cache" / "alignments").iterdir()
    stored, _ = unpack(entry.read_bytes(), entry.name.removesuffix(cache_module.SUFFIX))
    assert "sources" in stored._cache
    assert_same(stored._cache["sources"], sources_of(load_alignment([str(story)], semantic=False)), "sources")
    again = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    assert again == first


# ---------------------------------------------------------------- the panes' order (retold.model.arrange)


@pytest.mark.parametrize("sample", SAMPLES[:3], ids=lambda p: p.name)
def test_a_hit_gives_the_panes_order_a_fresh_computation_gives_without_computing(sample, tmp_path, monkeypatch):
    from retold.model import arrange as arrange_module
    from retold.model.arrange import arrange, arrangement_of

    story = tmp_path / "story"
    shutil.copytree(sample, story)
    fresh = arrange(load_alignment([str(story)]))
    store = AlignmentCache(tmp_path / "entries", with_sources=True)
    load_alignment([str(story)], cache=store)  # a miss: stored with its Sources and the panes' order
    assert store.last == "miss"

    def refuse(alignment):
        raise AssertionError("the panes' order computed again on a hit")

    monkeypatch.setattr(arrange_module, "arrange", refuse)
    hit = load_alignment([str(story)], cache=store)
    assert store.last == "hit"
    assert arrangement_of(hit) == fresh


@settings(max_examples=40, deadline=None)
@given(st.from_type(__import__("retold.model.arrange", fromlist=["Arrangement"]).Arrangement))
def test_any_panes_order_round_trips(arrangement):
    from retold.model.arrange import Arrangement

    encode, decode = cache_module._encoder(Arrangement), cache_module._decoder(Arrangement)
    assert decode(json.loads(json.dumps(encode(arrangement)))) == arrangement


@pytest.mark.parametrize("damage", ["an outlet left out", "an outlet twice", "a reference of no outlet", "a copy of no outlet", "wrong type"])
def test_a_stored_panes_order_pointing_nowhere_is_refused(with_quotes, damage):
    from retold.model.arrange import Arrangement, arrangement_of

    ids = [o.id for o in with_quotes.outlets]
    arrangement_of(with_quotes)
    body = _body(with_quotes)
    stored = body[6][1]  # [layout, stored Arrangement]: [order, reference, copies]
    if damage == "an outlet left out":
        stored[0] = stored[0][:-1]
    elif damage == "an outlet twice":
        stored[0] = [stored[0][0], *stored[0][:-1]]
    elif damage == "a reference of no outlet":
        stored[1] = "nowhere"
    elif damage == "a copy of no outlet":
        stored[2] = [[ids[1], "nowhere", None]]
    else:
        stored[0] = 3
    with pytest.raises(EntryError):
        unpack(_repack(body), "k", 10**9)
    found, _ = unpack(pack("k", with_quotes, []), "k", 10**9)  # the undamaged entry reads
    assert isinstance(found._cache["arrangement"], Arrangement) and found._cache["arrangement"] == arrangement_of(with_quotes)
