"""Standard output that cannot be written (the reader of a pipe gone: `retold align … | head`;
a full disk: `> /dev/full`) ends a printing command with exit 1 and, for a full disk, one line
saying so; never a traceback, never Python's "Exception ignored" at exit. Before: a traceback
(OSError: [Errno 28] / BrokenPipeError) from wherever the print was, in every command that
prints (align in each format, notes, --help).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

COMMANDS = [
    ["align", "{story}", "--no-semantic"], ["align", "{story}", "--no-semantic", "--format", "json"],
    ["align", "{story}", "--no-semantic", "--format", "csv"], ["align", "{story}", "--no-semantic", "--format", "html"],
    ["notes", "list"], ["notes", "export", "--format", "json"], ["--help"], ["align", "--help"], ["--version"],
]


def run(args, stdout, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "retold", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, errors="replace", timeout=120, env=env)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    base = tmp_path_factory.mktemp("dirs")
    return dict(os.environ, RETOLD_DATA_DIR=str(base / "data"), RETOLD_CACHE_DIR=str(base / "cache"))


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_full_disk_is_one_line_and_exit_1(command, env, sample_dir):
    with open("/dev/full", "w") as full:
        done = run([word.format(story=sample_dir) for word in command], full, env)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines() == ["retold: error: cannot write to the standard output (No space left on device)"]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_pipe_whose_reader_left_ends_quietly_with_exit_1(command, env, sample_dir):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte
    try:
        done = run([word.format(story=sample_dir) for word in command], write_end, env)
    finally:
        os.close(write_end)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr and "Broken pipe" not in done.stderr
