"""The batch output (JSON Lines) is an exported document like `align --format json`: a story
folder's or outlet's name (or title, or error) holding C1 controls, bidirectional overrides or
a name's undecodable bytes is written as \\u escapes of the same JSON value, never raw. Before:
U+202E and U+009B (CSI) went into the file raw, and a folder name with undecodable bytes stopped
the whole batch ("retold: error: 'utf-8' codec can't encode characters …: surrogates not allowed").
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.batch.job import JsonlOutput
from retold.batch.schema import SCHEMA

UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
# Lone surrogates as os.fsdecode makes them of undecodable bytes: low ones (a high one before a low
# one would read back as the pair's character, in any JSON).
names = st.text(st.one_of(st.characters(codec="utf-8"), st.sampled_from(
    ["\x1b", "\x9b", "\x85", "\u202e", "\u2066", "\u2028", "\udc80", "\udcff", "\x07", "\n"])), max_size=30)


@given(path=names, title=names, error=names)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_name_is_written_inert_and_read_back_the_same(tmp_path_factory, path, title, error):
    out = tmp_path_factory.mktemp("out") / "results.jsonl"
    record = {"schema": SCHEMA, "path": path, "ok": False, "error": error, "title": title}
    with JsonlOutput(out) as output:
        output.write([record])
    data = out.read_bytes()
    assert not UNSAFE.search(data.decode("utf-8").removesuffix("\n"))
    assert json.loads(data) == record and JsonlOutput(out).existing() == [record]


def test_a_folder_whose_name_is_not_utf8_is_aligned_and_recorded(tmp_path):
    archive = tmp_path / "archive"
    story = os.path.join(os.fsencode(archive), b"bad\xff\xfename")
    os.makedirs(story)
    for name, text in ((b"a.txt", "The council approved the sea wall on Monday after a long debate.\n"),
                       (b"b.txt", "On Monday the council approved the sea wall after a long debate.\n")):
        with open(os.path.join(story, name), "w") as handle:
            handle.write(text)
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, RETOLD_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-m", "retold", "batch", str(archive), "--out", str(out), "--no-semantic",
                           "--workers", "1"], capture_output=True, text=True, errors="replace", timeout=180, env=env)
    assert done.returncode == 0, done.stderr
    [record] = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert record["ok"] and record["path"] == "bad\udcff\udcfename"
    assert not UNSAFE.search(out.read_bytes().decode("utf-8").removesuffix("\n"))
