"""TOML and JSON nested deeper than the parser's recursion ("[[[[…", "{a = {a = …") in a file
someone else may have written is malformed input like any other: one line naming the file,
never a RecursionError traceback (before: `retold align` on a story.toml of 5,000 nested
arrays printed a traceback and exited 1).

Every reader of such a file is asked: story.toml (align, batch, notes), the keymap, story.toml
as `retold fetch` appends to it, a batch output; and no module parses TOML or JSON except
through retold.model.parse (or reads its own child's pipe, or a benchmark's gold file).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.batch.job import JsonlOutput
from retold.model.story import InputError, read_manifest
from retold.notes.service import story_content_key
from retold.sources.fetch import append_entry
from retold.tui.keymap import load_keymap

SRC = Path(__file__).resolve().parents[2] / "src" / "retold"

# (opening, closing) of one level of nesting, as a TOML value; JSON uses the first two.
TOML_LEVELS = [("[", "]"), ("{a = ", "}"), ("[{a = ", "}]")]
depths = st.integers(min_value=1_200, max_value=20_000)


def toml_value(shape: int, depth: int) -> str:
    opening, closing = TOML_LEVELS[shape]
    return opening * depth + "1" + closing * depth


@given(shape=st.integers(0, len(TOML_LEVELS) - 1), depth=depths, where=st.sampled_from(["story", "outlet", "top"]))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_story_toml_nested_too_deeply_is_one_line_naming_it(tmp_path_factory, shape, depth, where):
    folder = tmp_path_factory.mktemp("story")
    value = toml_value(shape, depth)
    text = {"story": f"[story]\ntitle = {value}\n",
            "outlet": f'[[outlet]]\nfile = "a.txt"\nname = {value}\n',
            "top": f"x = {value}\n"}[where]
    (folder / "story.toml").write_text(text)
    with pytest.raises(InputError) as raised:
        read_manifest(folder)
    assert str(folder / "story.toml") in str(raised.value) and "\n" not in str(raised.value)
    # What the notes file a story under: the texts, when story.toml cannot be read.
    alignment = SimpleNamespace(story_key=str(folder), outlets=[SimpleNamespace(text="Some text.")])
    assert story_content_key(alignment).startswith("text:")


@given(shape=st.integers(0, len(TOML_LEVELS) - 1), depth=depths)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_keymap_nested_too_deeply_keeps_the_default_keys(tmp_path_factory, shape, depth):
    path = tmp_path_factory.mktemp("config") / "keymap.toml"
    path.write_text(f"[keys]\nquit = {toml_value(shape, depth)}\n")
    keymap, problems = load_keymap(path)
    assert keymap == {} and len(problems) == 1 and str(path) in problems[0]


@given(shape=st.integers(0, len(TOML_LEVELS) - 1), depth=depths)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fetch_leaves_a_story_toml_nested_too_deeply_as_it_is(tmp_path_factory, shape, depth):
    manifest = tmp_path_factory.mktemp("into") / "story.toml"
    before = f"x = {toml_value(shape, depth)}\n"
    manifest.write_text(before)
    with pytest.raises(InputError) as raised:
        append_entry(manifest, {"file": "a.html", "url": "https://example.org/a"})
    assert str(manifest) in str(raised.value) and "not changed" in str(raised.value)
    assert manifest.read_text() == before


@given(depth=depths, opening=st.sampled_from(["[", '{"a": ']), line=st.integers(0, 2))
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_batch_output_nested_too_deeply_is_refused_and_left_as_it_is(tmp_path_factory, depth, opening, line):
    out = tmp_path_factory.mktemp("out") / "results.jsonl"
    closing = "]" if opening == "[" else "}"
    record = '{"schema": "retold.batch/1", "path": "a", "ok": true}'
    lines = [record] * 2
    lines.insert(line, opening * depth + "1" + closing * depth)
    before = ("\n".join(lines) + "\n").encode()
    out.write_bytes(before)
    with pytest.raises(ValueError) as raised:
        JsonlOutput(out).existing()
    assert str(out) in str(raised.value) and "nothing was changed" in str(raised.value)
    assert out.read_bytes() == before


def test_align_on_a_story_toml_nested_too_deeply_exits_2_with_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("The council approved the sea wall on Monday after a long debate.\n")
    (tmp_path / "story.toml").write_text("[story]\ntitle = " + "[" * 5_000 + "]" * 5_000 + "\n")
    done = subprocess.run([sys.executable, "-m", "retold", "align", str(tmp_path), "--no-cache"],
                          capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and str(tmp_path / "story.toml") in done.stderr


# Modules allowed to call the parsers directly: the one place that bounds them, our own child
# processes' pipes (the reader's offload, the batch's isolated run: what json.dumps wrote), and the
# benchmark's gold files (ours, in the repository).
DIRECT_PARSE_ALLOWED = {"model/parse.py", "model/offload.py", "batch/isolated.py", "model/gold.py"}


def test_no_module_parses_toml_or_json_but_through_parse():
    direct = re.compile(r"\b(tomllib|json)\.loads?\(")
    offenders = sorted(
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if path.relative_to(SRC).as_posix() not in DIRECT_PARSE_ALLOWED and direct.search(path.read_text())
    )
    assert offenders == []
