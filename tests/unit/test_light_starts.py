"""`retold --help` and `retold align` load only what they use (issue 19, item 4)."""

import json
import os
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PROBE = (
    "import sys, io, contextlib\n"
    "from retold.cli import main\n"
    "out = io.StringIO()\n"
    "with contextlib.redirect_stdout(out):\n"
    "    try:\n"
    "        main({argv!r})\n"
    "    except SystemExit:\n"
    "        pass\n"
    "print(__import__('json').dumps(sorted(sys.modules)))\n"
)


def modules_after(argv: list[str], cache_dir=None) -> set[str]:
    code = PROBE.format(argv=argv)
    env = dict(os.environ, **({"RETOLD_CACHE_DIR": str(cache_dir)} if cache_dir else {}))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def test_help_names_the_folders_without_loading_the_notes_store():
    loaded = modules_after(["--help"])
    assert "retold.notes.store" not in loaded and "sqlite3" not in loaded
    assert not any(m.startswith(("retold.model.align", "retold.model.clean", "textual", "distributed")) for m in loaded)


def test_align_on_an_unchanged_story_loads_neither_cleaning_nor_the_aligner(sample_dir, tmp_path):
    first = modules_after(["align", str(sample_dir), "--format", "json"], tmp_path / "cache")
    assert "retold.model.align" in first  # a miss aligns
    again = modules_after(["align", str(sample_dir), "--format", "json"], tmp_path / "cache")
    assert "retold.model.cache" in again
    # The JSON's credits, provenance and quotes (issue 20) are computed from the cached alignment
    # and compare words with rapidfuzz (a 7 ms import); the aligner and cleaning stay unloaded.
    for heavy in ("retold.model.align", "retold.model.clean", "retold.model.segment", "textual", "sqlite3"):
        assert heavy not in again, heavy
    report = modules_after(["align", str(sample_dir)], tmp_path / "cache")  # the text report: no rapidfuzz either
    assert "retold.model.cache" in report
    for heavy in ("retold.model.align", "retold.model.clean", "retold.model.segment", "rapidfuzz", "textual", "sqlite3"):
        assert heavy not in report, heavy


SEMANTIC_PROBE = (
    "import sys\n"
    "from retold.model.semantic.base import BACKENDS, Backend\n"
    "from retold.model.pipeline import semantic_option\n"
    "BACKENDS.clear()\n"  # a backend that is installed here whatever the extras: rapidfuzz, as a stand-in
    "BACKENDS['rapidfuzz'] = Backend('rapidfuzz', lambda: True, lambda threads: None, '')\n"
    "print(semantic_option(True), 'importlib.metadata' in sys.modules)\n"
)


def test_the_cache_key_names_the_sentence_model_without_importing_importlib_metadata():
    from importlib import metadata

    env = {k: v for k, v in os.environ.items() if k != "RETOLD_SEMANTIC"}  # the conftest turns the model off
    out = subprocess.run([sys.executable, "-c", SEMANTIC_PROBE], capture_output=True, text=True, check=True, env=env).stdout
    assert out.split() == [f"rapidfuzz=={metadata.version('rapidfuzz')}", "False"]


DIST_NAME = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,5}(?:[-_.][A-Za-z0-9]{1,4}){0,2}", fullmatch=True)
VERSION = st.from_regex(r"[0-9]{1,3}(?:\.[0-9]{1,3}){0,2}(?:rc[0-9])?", fullmatch=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=DIST_NAME,
    folders=st.lists(st.lists(st.tuples(st.sampled_from(["same", "spelled", "other"]), VERSION,
                                        st.sampled_from([".dist-info", ".egg-info", ".DIST-INFO"]),
                                        st.booleans()), max_size=3), min_size=1, max_size=3),
)
def test_installed_version_answers_as_importlib_metadata(tmp_path_factory, name, folders):
    """Distributions in folders put first on sys.path, under the name as asked, spelled another
    way (case, separators) or another name; with or without a Version line; some folders holding
    two: the version read is importlib.metadata's, or both raise PackageNotFoundError."""
    from importlib import metadata

    from retold.model.pipeline import installed_version

    root = tmp_path_factory.mktemp("site")
    paths = []
    for number, entries in enumerate(folders):
        folder = root / f"p{number}"
        folder.mkdir()
        paths.append(str(folder))
        for kind, version, suffix, versioned in entries:
            dist = {"same": name, "spelled": name.upper().replace("-", "_").replace(".", "-"), "other": name + "x"}[kind]
            info = folder / f"{dist}-{version}{suffix}"
            if info.exists():
                continue
            info.mkdir()
            headers = f"Metadata-Version: 2.1\nName: {dist}\n" + (f"Version: {version}\n" if versioned else "")
            (info / ("PKG-INFO" if suffix == ".egg-info" else "METADATA")).write_text(headers + "\nbody: text\n", encoding="utf-8")
    def outcome(version):
        try:
            return version(name)
        except Exception as exc:  # noqa: BLE001 - not installed; or no Version (None, or a KeyError
            return type(exc)      # where the importlib_metadata backport's finder is installed)

    saved = list(sys.path)
    sys.path[:0] = paths
    try:
        expected = outcome(metadata.version)
        got = outcome(installed_version)
    finally:
        sys.path[:] = saved
    assert got == expected


READER_PROBE = (
    "import sys, json\n"
    "from retold.model.cache import AlignmentCache\n"
    "from retold.model.pipeline import cached_alignment\n"
    "import retold.tui.screens.reader\n"
    "found = cached_alignment([{story!r}], AlignmentCache(with_sources=True), semantic=False)\n"
    "print(json.dumps([found is not None and 'sources' in found._cache, sorted(sys.modules)]))\n"
)


def test_the_reader_opens_a_cached_story_without_rapidfuzz(sample_dir, tmp_path):
    """What the reader imports and decodes to open a story from its cache entry (its screen, the
    entry with its Sources) needs no rapidfuzz: the fuzzy matchers load when something is computed
    (issue 19: ~6 ms of the reopened story's start)."""
    env = dict(os.environ, RETOLD_CACHE_DIR=str(tmp_path / "cache"))
    fill = ("from retold.model.cache import AlignmentCache\nfrom retold.model.offload import load_alignment_first\n"
            f"_, finish = load_alignment_first([{str(sample_dir)!r}], cache=AlignmentCache(with_sources=True), semantic=False)\n"
            "finish()\n")
    subprocess.run([sys.executable, "-c", fill], check=True, env=env)
    out = subprocess.run([sys.executable, "-c", READER_PROBE.format(story=str(sample_dir))],
                         capture_output=True, text=True, check=True, env=env).stdout
    hit, loaded = json.loads(out.strip().splitlines()[-1])
    assert hit
    assert not any(m.startswith("rapidfuzz") for m in loaded)
