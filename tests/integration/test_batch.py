"""`retold batch`: its local workers, the command line (Ctrl+C, resume), and a real
`dask scheduler` with two `dask worker` processes on 127.0.0.1, one killed mid-batch."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.batch.job import discover, open_output, read_output, run_batch
from retold.model.pipeline import load_alignment


WORDS = ("harbour council ferry bridge budget river school station market tower museum library "
         "mayor board plan vote road winter summer grant repair opening").split()


def small_story(directory: Path, seed: int, outlets: int = 3, sentences: int = 8) -> None:
    """A story in a millisecond (retold.synthetic's are bigger and slower to write): a wire text,
    retold by each outlet with a word changed here and a sentence dropped there."""
    rng = random.Random(seed)
    wire = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 14))).capitalize() + "." for _ in range(sentences)]
    directory.mkdir(parents=True)
    for n in range(outlets):
        kept = [s if rng.random() < 0.7 else s.replace(" ", f" {rng.choice(WORDS)} ", 1) for s in wire if rng.random() < 0.9]
        (directory / f"outlet_{n}.txt").write_text(f"Story {seed} as told by outlet {n}\n\n" + "\n\n".join(kept) + "\n")


def archive(root: Path, stories: int, outlets: int = 3, sentences: int = 8) -> list[str]:
    names = []
    for n in range(stories):
        name = f"{'desk-a' if n % 2 else 'desk-b'}/story-{n:03d}"
        small_story(root / name, n, outlets, sentences)
        names.append(name)
    return sorted(names)


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_discovery_finds_story_folders_only(tmp_path):
    names = archive(tmp_path, 2)
    (tmp_path / "desk-a" / "notes.pdf").write_bytes(b"%PDF")  # a folder without articles is no story
    (tmp_path / ".cache" / "x").mkdir(parents=True)
    (tmp_path / ".cache" / "x" / "a.txt").write_text("Hidden folders are skipped entirely here.")
    (tmp_path / "with-manifest").mkdir()
    (tmp_path / "with-manifest" / "story.toml").write_text("[story]\n")
    assert discover(tmp_path) == sorted([*names, "with-manifest"])


def test_local_cluster_records_every_story_once_and_resumes(tmp_path):
    root = tmp_path / "archive"
    names = archive(root, 6)
    (root / "broken").mkdir()
    (root / "broken" / "a.txt").write_bytes(b"")  # one bad story: recorded, never stops the batch
    out = tmp_path / "out.jsonl"
    progress = run_batch(root, out, workers=2)  # the local workers a user gets
    assert (progress.done, progress.failed) == (7, 1)
    records = {r["path"]: r for r in lines_of(out)}
    assert sorted(records) == sorted([*names, "broken"])
    assert records["broken"]["ok"] is False and "a.txt: empty file" in records["broken"]["error"]
    # The record says what the in-process pipeline says.
    one = records[names[0]]
    alignment = load_alignment([str(root / names[0])])
    assert [(o["id"], o["shared"], o["altered"], o["unique"]) for o in one["outlets"]] == [
        (o.id, *o.counts().values()) for o in alignment.outlets
    ]
    assert one["overlap"] == alignment.overlap() and one["groups"] == len(alignment.groups)
    assert [o["source"] for o in one["outlets"]] == [f"{names[0]}/{Path(o.meta.source).name}" for o in alignment.outlets]
    workers = {r["worker"] for r in records.values()}
    assert all(w.startswith("local://") for w in workers) and 1 <= len(workers) <= 2

    # A kill mid-write leaves a cut line and loses one record: the re-run redoes exactly those.
    text = out.read_text().splitlines(keepends=True)
    lost = json.loads(text[2])["path"]
    out.write_text("".join(text[:2] + text[3:]) + '{"schema": "retold.batch/1", "path": "des')
    again = run_batch(root, out, workers=1, processes=False)
    assert (again.done, again.skipped) == (1, 6)
    final = lines_of(out)
    assert sorted(r["path"] for r in final) == sorted([*names, "broken"]) and final[-1]["path"] == lost

    # --retry-failed: the mended story replaces its failure.
    (root / "broken" / "a.txt").write_text("The mended story has one sentence of its own here.\n")
    run_batch(root, out, workers=1, processes=False, retry_failed=True)
    final = {r["path"]: r for r in lines_of(out)}
    assert len(lines_of(out)) == 7 and final["broken"]["ok"] is True


def test_parquet_holds_the_same_records(tmp_path):
    root = tmp_path / "archive"
    archive(root, 3)
    run_batch(root, tmp_path / "a.jsonl", workers=1, processes=False)
    run_batch(root, tmp_path / "a.parquet", workers=1, processes=False)
    assert not (tmp_path / "a.parquet.journal.jsonl").exists()
    strip = lambda r: {k: v for k, v in r.items() if k not in ("seconds", "worker")}  # noqa: E731
    jsonl = sorted((strip(r) for r in read_output(tmp_path / "a.jsonl")), key=lambda r: r["path"])
    parquet = sorted((strip(r) for r in read_output(tmp_path / "a.parquet")), key=lambda r: r["path"])
    assert parquet == jsonl
    # Resume from a journal a killed run left behind.
    small_story(root / "late", 99)
    journal = tmp_path / "a.parquet.journal.jsonl"
    journal.write_text('{"schema": "retold.batch/1", "pa')  # only a cut line
    assert run_batch(root, tmp_path / "a.parquet", workers=1, processes=False).done == 1
    assert sorted(r["path"] for r in read_output(tmp_path / "a.parquet")) == sorted(r["path"] for r in jsonl) + ["late"]


def test_cli_ctrl_c_keeps_what_is_written_and_a_rerun_completes(tmp_path):
    root = tmp_path / "archive"
    names = archive(root, 60, sentences=30)  # a few seconds of work: the Ctrl+C lands mid-batch on a fast machine too
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "retold", "batch", str(root), "--out", str(out), "--workers", "1"]
    # Its own process group, signalled as a terminal's Ctrl+C is: every process in the group.
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 3):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err  # the workers leave quietly: the batch stops them
    assert "stopped" in err and "run again to resume" in err
    kept = lines_of(out)  # every line whole
    assert 3 <= len(kept) < 60
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(r["path"] for r in lines_of(out)) == names


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def dask_cluster(tmp_path):
    """A real scheduler and two workers (no nanny: a killed worker stays dead), all on 127.0.0.1."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    common = ["--no-dashboard"]
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", str(port), *common], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    workers = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--host", "127.0.0.1",
                                 "--nthreads", "1", "--no-nanny", "--name", f"w{n}", *common],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for n in range(2)]
    procs += workers
    from distributed import Client

    client = Client(address, timeout=30)
    client.wait_for_workers(2, timeout=60)
    addresses = {info["name"]: addr for addr, info in client.scheduler_info()["workers"].items()}
    client.close()
    yield address, workers, addresses
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


def test_real_cluster_survives_a_killed_worker(tmp_path, dask_cluster):
    address, workers, addresses = dask_cluster
    root = tmp_path / "archive"
    names = archive(root, 60, outlets=4, sentences=12)
    out = tmp_path / "out.jsonl"
    written_at_kill: list[int] = []

    def killer():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if out.exists():
                records = lines_of_safe(out)
                if sum(r["worker"] == addresses["w0"] for r in records) >= 2:
                    written_at_kill.append(len(records))
                    workers[0].kill()  # SIGKILL: no goodbye to the scheduler
                    return
            time.sleep(0.01)

    thread = threading.Thread(target=killer)
    thread.start()
    progress = run_batch(root, out, scheduler=address, chunk_size=1)
    thread.join()
    assert written_at_kill and written_at_kill[0] < len(names), "the kill came after the batch ended"
    assert workers[0].wait(timeout=10) is not None
    records = lines_of(out)
    assert sorted(r["path"] for r in records) == names  # every story exactly once
    assert all(r["ok"] for r in records) and progress.failed == 0
    after = records[written_at_kill[0] + 3:]  # (a few may land between the look and the kill)
    assert after and all(r["worker"] == addresses["w1"] for r in after)


def lines_of_safe(path: Path) -> list[dict]:
    lines = path.read_text().split("\n")[:-1]  # only whole lines
    return [json.loads(line) for line in lines]


def test_cli_bad_input_is_one_line(tmp_path):
    archive(tmp_path / "archive", 1)
    run = lambda *extra: subprocess.run([sys.executable, "-m", "retold", "batch", *extra],  # noqa: E731
                                        capture_output=True, text=True, timeout=60)
    cases = [
        (run(str(tmp_path / "nowhere"), "--out", str(tmp_path / "o.jsonl")), "no such directory"),
        (run(str(tmp_path / "archive"), "--out", str(tmp_path / "o.csv")), "must end in .jsonl or .parquet"),
        (run(str(tmp_path / "archive"), "--out", str(tmp_path / "o.jsonl"), "--scheduler",
             f"tcp://127.0.0.1:{free_port()}", "--connect-timeout", "1"), "Timed out trying to connect"),
    ]
    (tmp_path / "notours.jsonl").write_text("hello\n")
    cases.append((run(str(tmp_path / "archive"), "--out", str(tmp_path / "notours.jsonl")), "not a JSON line"))
    for done, problem in cases:
        assert done.returncode == 2 and problem in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert (tmp_path / "notours.jsonl").read_text() == "hello\n"  # not ours: left as it was


TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12)


@st.composite
def records(draw):
    ids = draw(st.lists(st.text("abc-", min_size=1, max_size=4), min_size=0, max_size=3, unique=True))
    outlets = [{
        "id": i, "name": draw(TEXT), "source": draw(TEXT), "url": draw(st.none() | TEXT), "published": draw(st.none() | TEXT),
        "headline": draw(st.none() | TEXT), "sentences": draw(st.integers(0, 500)), "shared": draw(st.integers(0, 9)),
        "altered": draw(st.integers(0, 9)), "unique": draw(st.integers(0, 9)),
    } for i in ids]
    return {
        "schema": "retold.batch/1", "path": draw(TEXT), "ok": draw(st.booleans()), "error": draw(st.none() | TEXT),
        "seconds": draw(st.floats(0, 100)), "worker": draw(st.none() | TEXT), "title": draw(st.none() | TEXT),
        "groups": draw(st.integers(0, 1000)), "warnings": draw(st.lists(TEXT, max_size=2)), "outlets": outlets,
        "overlap": {a: {b: draw(st.floats(0, 1)) for b in ids} for a in ids},
    }


@settings(max_examples=40, deadline=None)
@given(st.lists(records(), max_size=4))
def test_any_records_survive_jsonl_and_parquet(tmp_path_factory, batch):
    folder = tmp_path_factory.mktemp("out")
    for name in ("r.jsonl", "r.parquet"):
        with open_output(folder / name) as output:
            output.write(batch)
        assert read_output(folder / name) == batch


def test_cli_names_each_failure_and_a_rerun_leaving_them_exits_non_zero(tmp_path):
    """Issue 18: "(2 failed)" said neither which nor why, and a re-run that left the failures
    in the file exited 0."""
    root = tmp_path / "archive"
    archive(root, 2)
    (root / "broken").mkdir()
    (root / "broken" / "a.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "retold", "batch", str(root), "--out", str(out), "--workers", "1"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert first.returncode == 1
    [line] = [l for l in first.stderr.splitlines() if l.startswith("retold: failed:")]
    assert "broken" in line and "empty file" in line
    again = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert again.returncode == 1, again.stderr
    assert "failed in an earlier run" in again.stderr and "empty file" in again.stderr
