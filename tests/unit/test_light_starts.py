"""`retold --help` and `retold align` load only what they use (issue 19, item 4)."""

import json
import os
import subprocess
import sys

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
