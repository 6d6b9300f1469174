"""Whole-process figures for `retold align`: the sample story and a 20 × 400 synthetic story.

    python bench/bench_align.py [--runs 5]

Prints wall time (median of runs) and peak memory of the child process.
Targets (issue 2): sample < 0.35 s; 20 outlets × 400 sentences < 2 s and < 300 MB.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from retold.synthetic import make_story

ROOT = Path(__file__).resolve().parents[1]


def measure(paths: list[str], runs: int) -> tuple[float, float, float]:
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        # A fresh process each time: "whole process" includes interpreter start and imports.
        result = subprocess.run(
            [sys.executable, "-c", "import resource, sys; from retold.cli import main; code = main(sys.argv[1:]);"
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)",
             "align", *paths, "--format", "json"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True,
        )
        times.append(time.perf_counter() - start)
        peaks.append(int(result.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(times), min(times), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sample = ROOT / "sample_corpus" / "north-sea-grid"
    median, best, peak = measure([str(sample)], args.runs)
    print(f"sample story (6 outlets):        median {median:.3f} s  best {best:.3f} s  peak {peak:.0f} MB  (target < 0.35 s)")
    with tempfile.TemporaryDirectory() as tmp:
        for outlets, sentences in ((5, 400), (10, 400), (20, 200), (20, 400)):
            story = make_story(Path(tmp) / f"s{outlets}x{sentences}", outlets=outlets, sentences=sentences, seed=1)
            median, best, peak = measure([str(story)], args.runs)
            note = "  (target < 2 s, < 300 MB)" if (outlets, sentences) == (20, 400) else ""
            print(f"synthetic {outlets:2d} outlets × {sentences} sentences: median {median:.3f} s  best {best:.3f} s  peak {peak:.0f} MB{note}")


if __name__ == "__main__":
    main()
