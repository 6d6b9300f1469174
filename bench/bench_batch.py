"""Throughput of `retold batch`: serial in-process vs a Dask local cluster, and worker memory.

    python bench/bench_batch.py [--stories 2000] [--workers 2] [--archive DIR]

Writes (once, then reuses) an archive of synthetic stories, 5 outlets × 40 sentences each, and prints:
- stories/s aligning them one after another in this process (the same `align_story` a worker runs);
- stories/s on a local cluster with --workers processes (alignment only, and with the cluster's start);
- peak resident memory of each worker, and of the serial process.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from retold.batch.job import align_story, discover, run_batch
from retold.synthetic import make_story


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


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--archive", type=Path, default=Path(tempfile.gettempdir()) / "retold-bench-archive")
    args = parser.parse_args()
    root = args.archive / str(args.stories)
    started = time.perf_counter()
    build_archive(root, args.stories)
    paths = discover(root)
    print(f"archive: {len(paths)} stories × 5 outlets × 40 sentences in {root} ({time.perf_counter() - started:.1f} s to write or find)")
    print(f"cores: {os.cpu_count()}")

    align_story(str(root), paths[0])  # imports and warm-up, as a worker's first task
    started = time.perf_counter()
    failed = sum(not align_story(str(root), path)["ok"] for path in paths)
    serial = time.perf_counter() - started
    print(f"serial in-process:   {len(paths) / serial:7.1f} stories/s  ({serial:.1f} s, {failed} failed, "
          f"{serial / len(paths) * 1000:.1f} ms a story; peak memory {peak_rss_mb():.0f} MB)")

    import logging

    from distributed import Client, LocalCluster

    out = args.archive / f"batch-{args.stories}.jsonl"
    out.unlink(missing_ok=True)  # a fresh run, not a resumed one
    started = time.perf_counter()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        ready = time.perf_counter()
        progress = run_batch(root, out, scheduler=cluster.scheduler_address)
        finished = time.perf_counter()
        peaks = client.run(peak_rss_mb)
    aligned = finished - ready
    total = finished - started
    print(f"local cluster ×{args.workers}:   {progress.done / aligned:7.1f} stories/s  ({aligned:.1f} s aligning, "
          f"{progress.failed} failed; {progress.done / total:.1f} stories/s counting the cluster's start, {total:.1f} s)")
    print(f"speed-up over serial: {serial / aligned:.2f}× (goal ≥ 1.7× on 2 cores)")
    for address, peak in sorted(peaks.items()):
        print(f"worker {address}: peak memory {peak:.0f} MB")
    print(f"output: {out} ({out.stat().st_size / 1e6:.1f} MB, {sum(1 for _ in out.open())} lines)")


if __name__ == "__main__":
    main()
