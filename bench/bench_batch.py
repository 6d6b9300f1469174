"""`retold batch` beside a plain multiprocessing.Pool over the same `align_story`, in one run.

    python bench/bench_batch.py [--stories 200] [--repeat 3] [--workers 2 4] [--archive DIR]

Writes (once, then reuses) an archive of synthetic stories, 5 outlets × 40 sentences each. For each
worker count it runs, interleaved `--repeat` times, two whole commands in fresh processes:
- `retold batch ROOT --out FILE --no-cache --no-semantic [--workers N]` (the default local
  workers; no --workers for the core count, which is what a user gets);
- the peer: a script that imports `align_story`, maps it over the same stories with
  `multiprocessing.Pool(N)` (chunks of 4), words alone too, and writes the same JSON Lines.
Words alone on both sides: the sentence model costs seconds a story wherever it runs, the same in
both, and would hide the batch's own costs, which are what this measures. Each figure is printed
with the 1-minute load average taken before each of its runs (the machine is shared).
and prints the median stories/s of each (whole process: imports, start, alignment, close) and the
peak memory of each process tree, sampled every 20 ms from /proc: the sum of PSS (shared pages
split between the processes that map them, so forked pages are not counted twice) and of RSS.
Goals (issue 19): retold ≥ 0.95 × the pool's stories/s, peak PSS ≤ 1.1 × the pool's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from retold.synthetic import make_story  # noqa: E402

POOL = """
import json, sys
from multiprocessing import Pool
from pathlib import Path
from retold.batch.job import align_story, discover

def work(path):
    return align_story(ROOT, path, False)  # words alone, as the batch's --no-semantic

ROOT, OUT, N = sys.argv[1], sys.argv[2], int(sys.argv[3])
if __name__ == "__main__":
    paths = discover(Path(ROOT))
    with Pool(N) as pool, open(OUT, "w", encoding="utf-8") as out:
        for record in pool.imap_unordered(work, paths, chunksize=4):
            out.write(json.dumps(record, ensure_ascii=False) + "\\n")
"""


def _make(args: tuple[str, int]) -> None:
    directory, seed = args
    make_story(Path(directory), outlets=5, sentences=40, seed=seed)


def build_archive(root: Path, stories: int) -> None:
    marker = root / f".complete-{stories}"
    if marker.exists():
        return
    jobs = [(str(root / f"{n // 100:03d}" / f"story-{n:05d}"), n) for n in range(stories)]
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        list(pool.map(_make, jobs, chunksize=20))
    marker.write_text("")


def _tree(pid: int) -> list[int]:
    """pid and all its descendants (from /proc/*/stat's parent field)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def _memory(pids: list[int]) -> tuple[int, int]:
    """(sum of PSS, sum of RSS) in kB."""
    pss = rss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
        except OSError:
            continue
    return pss, rss


def run(command: list[str], env: dict) -> tuple[float, float, float, str]:
    """(seconds, peak PSS MiB, peak RSS MiB, stderr) of a whole command and its process tree."""
    peak = [0, 0]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            pss, rss = _memory(_tree(proc.pid))
            peak[0], peak[1] = max(peak[0], pss), max(peak[1], rss)
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{command[:4]}… failed ({proc.returncode}): {err[-2000:]}")
    return elapsed, peak[0] / 1024, peak[1] / 1024, err


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4],
                        help="worker counts; the first is run as retold's default (no --workers) when it equals the cores")
    parser.add_argument("--archive", type=Path, default=Path(tempfile.gettempdir()) / "retold-bench-archive")
    args = parser.parse_args()
    root = args.archive / str(args.stories)
    build_archive(root, args.stories)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"archive: {args.stories} stories × 5 outlets × 40 sentences in {root}; cores: {cores}; "
          f"load average at start: {open('/proc/loadavg').read().split()[:3]}")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    env["RETOLD_CACHE_DIR"] = tempfile.mkdtemp(prefix="retold-bench-cache-")  # --no-cache anyway: nothing lands here
    with tempfile.TemporaryDirectory() as scratch:
        pool_script = Path(scratch) / "pool_peer.py"
        pool_script.write_text(POOL)
        for workers in args.workers:
            default = workers == cores
            batch_cmd = [sys.executable, "-m", "retold", "batch", str(root), "--out", f"{scratch}/batch.jsonl", "--no-cache",
                         "--no-semantic"]
            if not default:
                batch_cmd += ["--workers", str(workers)]
            pool_cmd = [sys.executable, str(pool_script), str(root), f"{scratch}/pool.jsonl", str(workers)]
            ours, peer = [], []
            for _ in range(args.repeat):
                for command, results in ((batch_cmd, ours), (pool_cmd, peer)):
                    for stale in Path(scratch).glob("*.jsonl"):
                        stale.unlink()
                    load = float(open("/proc/loadavg").read().split()[0])
                    results.append((*run(command, env), load))
                lines = sum(1 for _ in open(f"{scratch}/pool.jsonl"))
                assert lines == args.stories, f"the pool wrote {lines} records"
            label = "default local workers" if default else f"--workers {workers}"
            o_time = statistics.median(r[0] for r in ours)
            p_time = statistics.median(r[0] for r in peer)
            o_pss, p_pss = max(r[1] for r in ours), max(r[1] for r in peer)
            o_rss, p_rss = max(r[2] for r in ours), max(r[2] for r in peer)
            print(f"retold batch, {label:>21}: {args.stories / o_time:6.1f} stories/s ({o_time:.2f} s)   "
                  f"Pool({workers}): {args.stories / p_time:6.1f} stories/s ({p_time:.2f} s)   "
                  f"ratio {p_time / o_time:.2f} (goal ≥ 0.95)")
            print(f"  peak memory of the process tree: retold PSS {o_pss:.0f} MiB (RSS {o_rss:.0f})   "
                  f"Pool({workers}) PSS {p_pss:.0f} MiB (RSS {p_rss:.0f})   ratio {o_pss / p_pss:.2f} (goal ≤ 1.1)")
            print(f"  runs (s): retold {', '.join(f'{r[0]:.2f}' for r in ours)}; pool {', '.join(f'{r[0]:.2f}' for r in peer)}")
            print(f"  load average before each run: retold {', '.join(f'{r[4]:.1f}' for r in ours)}; "
                  f"pool {', '.join(f'{r[4]:.1f}' for r in peer)}")
    print(f"load average at end: {open('/proc/loadavg').read().split()[:3]}")


if __name__ == "__main__":
    main()
