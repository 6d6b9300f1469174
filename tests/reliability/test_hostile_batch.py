"""Issue 17, `retold batch` over folders and files others filled (items 1, 9, 10).

Each case builds its archive and output in a temporary folder and asserts the one-line answer,
the exit status, the bytes of every file before and after, and no traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retold.batch.guard import RECORD_HEAD
from retold.batch.job import LINKED_FOLDER, JsonlOutput, discover, read_output, run_batch
from tests.integration.test_batch import archive, small_story


def batch(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "retold", "batch", *args], capture_output=True, text=True,
                          timeout=timeout, errors="replace")


def assert_refused(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("retold: error: "), done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


# ---------------------------------------------------------------- item 1: someone's .jsonl


@pytest.mark.parametrize("content", [
    b'{"id": 1, "name": "first"}\n{"id": 2, "name": "unfinished',  # its own unfinished last line
    b'{"id": 7, "name": "the only record"}',  # one line, no newline: was wiped, then appended to
    b'{"schema": "retold.batch/1", "path": "x", "ok": true}\nhello',  # ours, but then not
    b"\xff\xfe not even text",
])
def test_a_foreign_output_is_refused_and_left_byte_for_byte(tmp_path, content):
    archive(tmp_path / "archive", 1)
    out = tmp_path / "theirs.jsonl"
    out.write_bytes(content)
    done = batch(str(tmp_path / "archive"), "--out", str(out))
    assert_refused(done, str(out), "nothing was changed")
    assert out.read_bytes() == content


@given(st.lists(st.sampled_from([b"{", b"}", b'"', b"\n", b"x", b"1", b",", b" ", b":", RECORD_HEAD,
                                 b'{"schema": "retold.batch/1", "path": "a", "ok": true}']), max_size=12))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_reading_an_output_changes_nothing_but_our_own_cut_line(tmp_path, parts):
    out = tmp_path / "any.jsonl"
    before = b"".join(parts)
    out.write_bytes(before)
    try:
        JsonlOutput(out).existing()
    except ValueError as exc:
        assert out.read_bytes() == before and str(out) in str(exc)
        return
    after = out.read_bytes()
    # Only an unfinished last line that can be the start of one of our records is dropped.
    assert before.startswith(after) and after[-1:] in (b"", b"\n")
    dropped = before[len(after):]
    assert b"\n" not in dropped
    assert dropped == b"" or RECORD_HEAD.startswith(dropped) or dropped.startswith(RECORD_HEAD)


def test_our_own_cut_line_is_still_dropped_and_the_story_rerun(tmp_path):
    names = archive(tmp_path / "archive", 2)
    out = tmp_path / "out.jsonl"
    run_batch(tmp_path / "archive", out, processes=False, workers=1)
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(lines[0] + lines[1][:40])  # killed while writing the second record
    progress = run_batch(tmp_path / "archive", out, processes=False, workers=1)
    assert progress.done == 1 and sorted(r["path"] for r in read_output(out)) == names


# ---------------------------------------------------------------- item 10: devices and links


@pytest.mark.parametrize("make, words", [
    (lambda out: out.symlink_to("/dev/full"), "a symbolic link"),
    (lambda out: out.symlink_to("/dev/zero"), "a symbolic link"),
    (lambda out: os.mkfifo(out), "a device or pipe"),
    (lambda out: (out.parent / "real.jsonl").write_text("") or out.symlink_to(out.parent / "real.jsonl"), "a symbolic link"),
])
def test_an_output_that_is_not_a_plain_file_is_refused_at_once(tmp_path, make, words):
    archive(tmp_path / "archive", 1)
    out = tmp_path / "out.jsonl"
    make(out)
    done = batch(str(tmp_path / "archive"), "--out", str(out), timeout=60)  # /dev/zero read whole never ends
    assert_refused(done, str(out), words)


def test_a_parquet_output_that_is_a_link_is_refused(tmp_path):
    archive(tmp_path / "archive", 1)
    out = tmp_path / "out.parquet"
    out.symlink_to("/dev/zero")
    assert_refused(batch(str(tmp_path / "archive"), "--out", str(out), timeout=60), str(out), "a symbolic link")


# ---------------------------------------------------------------- item 9: folders


def test_linked_and_unreadable_story_folders_are_reported_and_counted(tmp_path, monkeypatch):
    root = tmp_path / "archive"
    names = archive(root, 2)
    small_story(tmp_path / "elsewhere", 99)
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    small_story(root / "locked", 98)
    real_scandir = os.scandir

    def scandir(path="."):  # as a folder without read permission answers (the tests may run as root)
        if isinstance(path, (str, os.PathLike)) and Path(path) == root / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems: list = []
    assert discover(root, problems) == names
    assert dict(problems) == {"linked": LINKED_FOLDER, "locked": "cannot be read (Permission denied)"}
    out = tmp_path / "out.jsonl"
    progress = run_batch(root, out, processes=False, workers=1)
    assert progress.failed == 2 and progress.done == 4
    assert sorted(progress.reported) == [f"linked: {LINKED_FOLDER}", "locked: cannot be read (Permission denied)"]
    failed = {r["path"]: r["error"] for r in read_output(out) if not r["ok"]}
    assert set(failed) == {"linked", "locked"}


def test_cli_names_a_linked_folder_and_exits_with_failure(tmp_path):
    root = tmp_path / "archive"
    archive(root, 1)
    small_story(tmp_path / "elsewhere", 5)
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    done = batch(str(root), "--out", str(tmp_path / "out.jsonl"), "--workers", "1")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"retold: {root}/linked: a symbolic link to a folder; not followed" in done.stderr
    assert " 1 failed, in " in done.stderr
    assert not (tmp_path / "elsewhere" / "out.jsonl").exists()
    records = {r["path"]: r for r in map(json.loads, (tmp_path / "out.jsonl").read_text().splitlines())}
    assert records["linked"]["ok"] is False


# ---------------------------------------------------------------- item 11: a story that kills its worker

# A sitecustomize module, loaded by every Python process the batch starts (its Dask workers and
# any child): aligning the story named "killer" ends the process at once, as a crash in native
# code or the kernel's out-of-memory killer would. Nothing in retold knows about it.
KILLER = '''
import os

import retold.batch.task as job

_align_story = job.align_story


def align_story(root, path, *options):
    if path.endswith("killer"):
        os._exit(1)
    return _align_story(root, path, *options)


job.align_story = align_story
'''


def test_a_story_that_kills_its_worker_is_named_and_dask_noise_stays_off_the_terminal(tmp_path):
    root = tmp_path / "archive"
    names = archive(root, 40)
    small_story(root / "desk-a" / "killer", 77)
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(KILLER)
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(hook), os.environ["PYTHONPATH"]]),
               DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1")
    done = subprocess.run([sys.executable, "-m", "retold", "batch", str(root), "--out", str(out), "--workers", "2"],
                          capture_output=True, text=True, timeout=300, env=env, errors="replace")
    assert done.returncode == 1, done.stderr
    for noise in ("Couldn't gather", "CommClosedError", "Traceback", "distributed.", "KilledWorker", "UserWarning"):
        assert noise not in done.stderr, done.stderr
    assert f"retold: {root}/desk-a/killer: the story kills the process aligning it (exit status 1;" in done.stderr
    assert "retold: 40 stories aligned, 1 failed, in " in done.stderr  # the failed one is not counted as aligned
    records = {r["path"]: r for r in read_output(out)}
    assert sorted(records) == sorted([*names, "desk-a/killer"])  # each story once
    # Stories that only shared a worker with it were aligned (alone, when Dask gave up on them).
    assert [p for p, r in records.items() if not r["ok"]] == ["desk-a/killer"]


def test_on_a_dask_cluster_a_story_that_kills_its_worker_is_named_too(tmp_path):
    """--scheduler: Dask gives up on the task (KilledWorker) and the driver names the story, as
    the local workers do. A real scheduler and one worker under a nanny (which restarts it)."""
    from tests.integration.test_batch import free_port

    root = tmp_path / "archive"
    names = archive(root, 6)
    small_story(root / "desk-a" / "killer", 77)
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(KILLER)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(hook), os.environ["PYTHONPATH"]]),
               DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", str(port), "--no-dashboard"], **quiet)]
    procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--host", "127.0.0.1",
                                   "--nthreads", "1", "--no-dashboard"], **quiet))
    try:
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(1, timeout=60)
        out = tmp_path / "out.jsonl"
        done = subprocess.run([sys.executable, "-m", "retold", "batch", str(root), "--out", str(out), "--scheduler", address,
                               "--no-semantic"],  # words alone: the model would cost each isolated try seconds
                              capture_output=True, text=True, timeout=120, env=env, errors="replace")
    finally:
        for proc in procs:
            proc.kill()
            proc.wait(timeout=10)
    assert done.returncode == 1, done.stderr
    assert f"retold: {root}/desk-a/killer: the story kills the process aligning it (exit status 1;" in done.stderr
    for noise in ("Couldn't gather", "CommClosedError", "Traceback", "KilledWorker"):
        assert noise not in done.stderr, done.stderr
    records = {r["path"]: r for r in read_output(out)}
    assert sorted(records) == sorted([*names, "desk-a/killer"])
    assert [p for p, r in records.items() if not r["ok"]] == ["desk-a/killer"]
    assert any((r["worker"] or "").startswith("tcp://") for r in records.values())  # it ran on the cluster
