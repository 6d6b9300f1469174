"""Where `retold align` spends its CPU time, phase by phase, in-process (words alone).

    python bench/bench_phases.py [--outlets 20] [--sentences 400] [--runs 5] [--src OTHER/src ...]

Builds a synthetic story (retold.synthetic, seed 1), then runs `retold align --format json
--no-cache --no-semantic` in a fresh process per checkout, --runs times, and prints the median CPU
time (time.process_time) of each phase of the aligner (align/run.py's steps) and of what is around
it (cleaning, splitting, the Sources, the JSON), with the load average. With several --src the
checkouts run interleaved (A B B A ...), so a busy machine weighs on each alike: the quickest A/B of
a change to the aligner (an older commit's src from `git archive COMMIT src | tar -x -C /tmp/old`).
The bytecode is cached in a folder of its own first. On a shared machine the figures move by
5-10 % between runs; below that, count instructions instead (`valgrind --tool=callgrind` under
`setarch -R`, on a 5-outlet story: about 25 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYCACHE = Path(tempfile.gettempdir()) / "retold-bench-pycache"

# Run in the child: wraps each phase with a CPU clock, runs the command, prints "phase seconds" lines.
CHILD = r"""
import contextlib, functools, io, sys, time
sys.path.insert(0, sys.argv[1])
import retold.cli as cli
import retold.model.align.run as run
import retold.model.clean as clean
import retold.model.export as export
import retold.model.segment as segment
import retold.model.sources as sources
import retold.model.pipeline as pipeline
spent = {}
def timed(module, name, label):
    inner = getattr(module, name, None)
    if inner is None:
        return  # (an older checkout without this phase)
    @functools.wraps(inner)
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - start
    setattr(module, name, wrapper)
for name in ("sentence_features", "feature_weights", "outlet_pairs", "candidate_pairs", "pair_links", "frame_pairs",
             "said_pairs", "grow_splits", "rescued", "lone_pairs_dropped", "group_links", "coherent", "finish"):
    timed(run, name, "align: " + name)
timed(clean, "clean_documents", "cleaning")
timed(segment, "segment_article", "splitting")
timed(pipeline, "align_outlets", "aligner (all its phases)")
timed(sources, "sources_of", "sources (provenance, quotes, credits)")
timed(export, "to_json", "JSON (with the sources)")
start = time.process_time()
with contextlib.redirect_stdout(io.StringIO()):
    cli.main(["align", sys.argv[2], "--format", "json", "--no-cache", "--no-semantic"])
spent["whole command (after imports)"] = time.process_time() - start
for label, seconds in spent.items():
    print(f"{seconds:.6f} {label}")
"""


def one_run(src: Path, story: Path) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
        "PYTHONPYCACHEPREFIX": str(PYCACHE), "RETOLD_SEMANTIC": "off"}
    out = subprocess.run([sys.executable, "-c", CHILD, str(src), str(story)], capture_output=True, text=True, env=env, check=True).stdout
    return {label: float(seconds) for seconds, label in (line.split(" ", 1) for line in out.splitlines())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--sentences", type=int, default=400)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--src", type=Path, action="append", help="a checkout's src (repeat for an A/B; default: this one's)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from retold.synthetic import make_story

    srcs = [s.resolve() for s in (args.src or [ROOT / "src"])]
    with tempfile.TemporaryDirectory() as tmp:
        story = make_story(Path(tmp) / "story", outlets=args.outlets, sentences=args.sentences, seed=1)
        for src in srcs:
            one_run(src, story)  # bytecode cached, files read once
        times: list[dict[str, list[float]]] = [{} for _ in srcs]
        loads = []
        for n in range(args.runs):
            for k in (range(len(srcs)) if n % 2 == 0 else reversed(range(len(srcs)))):
                for label, seconds in one_run(srcs[k], story).items():
                    times[k].setdefault(label, []).append(seconds)
            loads.append(os.getloadavg()[0])
    print(f"{args.outlets} outlets x {args.sentences} sentences, median CPU seconds of {args.runs} runs; "
          f"load average {min(loads):.1f}-{max(loads):.1f}")
    for k, src in enumerate(srcs):
        print(f"  [{k}] {src}")
    for label in times[0]:
        print(f"{label:40s} " + "  ".join(f"{statistics.median(t.get(label, [0.0])):7.3f}" for t in times))


if __name__ == "__main__":
    main()
