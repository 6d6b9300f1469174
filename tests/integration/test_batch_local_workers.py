"""`retold batch`'s own local workers (batch/local.py): as many as the cores unless asked, and a
worker killed mid-batch loses no story and writes none twice."""

from __future__ import annotations

import multiprocessing
import os
import signal

import retold.batch.local as local
from retold.batch.job import read_output, run_batch
from tests.integration.test_batch import archive


def _workers() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name == "retold-batch-worker"]


def test_killed_local_workers_are_replaced_and_every_story_is_written_once(tmp_path):
    root = tmp_path / "archive"
    names = archive(root, 24, sentences=12)
    out = tmp_path / "out.jsonl"
    killed: list[int] = []

    def kill_every_worker(progress) -> None:
        # After the first records: SIGKILL both workers, one mid-chunk (or about to get one),
        # as the kernel's out-of-memory killer would. Nothing tells the driver.
        if not killed and progress.done >= 2:
            for worker in _workers():
                os.kill(worker.pid, signal.SIGKILL)
                killed.append(worker.pid)

    progress = run_batch(root, out, workers=2, chunk_size=1, on_progress=kill_every_worker)
    assert len(killed) == 2  # at the second record of 24: mid-batch
    records = read_output(out)
    assert sorted(r["path"] for r in records) == names  # each story once: none lost, none twice
    assert all(r["ok"] for r in records) and progress.failed == 0  # innocent stories: their records
    late = {r["worker"] for r in records[2:]}
    assert late - {f"local://{pid}" for pid in killed}, "no replacement worker wrote a record"
    assert not _workers()  # closed: no worker left behind


def test_no_more_workers_than_usable_cores_unless_asked(tmp_path, monkeypatch):
    root = tmp_path / "archive"
    archive(root, 4)
    seen: list[int] = []
    monkeypatch.setattr(local, "usable_cores", lambda: 1)  # as under `taskset -c 0`
    run_batch(root, tmp_path / "one.jsonl", chunk_size=1, on_progress=lambda p: seen.append(len(_workers())))
    assert seen and set(seen) == {1}
    seen.clear()
    run_batch(root, tmp_path / "three.jsonl", workers=3, chunk_size=1, on_progress=lambda p: seen.append(len(_workers())))
    assert set(seen) == {3}
