"""Whole-process figures for `retold align`: sample stories, synthetic stories, odd shapes.

    python bench/bench_align.py [--runs 3] [--quick] [--big] [--src OTHER_CHECKOUT/src]

Prints wall time (median of runs), CPU time (user + sys of the child, median) and peak memory
(max RSS) of a fresh `retold align … --format json` process (bytecode cached, as after `pip
install`; one untimed warm-up run each), and the load average when each row was measured (the
machine is shared: compare CPU times, or run --src against the old checkout on a quiet machine),
for:
- every sample story, and the 5-outlet veneth-dam story beside a naive baseline script
  (pysbd splitting + rapidfuzz greedy pairing, in a fresh process too; `pip install pysbd`), a
  length-only aligner (regex splitting, Gale–Church-style monotone pairing by length alone), and
  retold again with its alignment cache filled (the story reopened unchanged);
- synthetic stories of 5, 10, 20 and 40 outlets × 400 sentences (doubling the outlets),
  targets for 20 × 400: <= 1.0 s and <= 150 MB; doubling the outlets at most doubles the time + 20 %;
- odd shapes: one outlet of 5,000 sentences against one of 3, 40 outlets, every sentence identical,
  sparse confident pairs (2 x 1,500), two languages (2 x 2,000),
  an outlet that is the others concatenated. Each must finish in seconds;
- with --big: 40 outlets x 1,000 sentences, target <= 8 s and <= 250 MB.

--src runs every `retold align` against another checkout's src (e.g. an older commit's, from
`git worktree add /tmp/old <commit>`): with --only-synthetic, the quickest A/B of the aligner.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from retold.synthetic import make_story  # noqa: E402

CHILD = (
    "import resource, sys; sys.path.insert(0, {src!r}); from retold.cli import main; code = main(sys.argv[1:]);"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)"
)

# The naive script a user might write first: split with pysbd, pair every sentence greedily
# with its best rapidfuzz match in every other outlet.
NAIVE = r"""
import resource, sys
from pathlib import Path
import pysbd
from rapidfuzz import fuzz, process
seg = pysbd.Segmenter(language="en", clean=False)
outlets = [seg.segment(p.read_text(encoding="utf-8", errors="replace")) for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
pairs = 0
for a, sa in enumerate(outlets):
    for b, sb in enumerate(outlets):
        if a < b:
            for s in sa:
                best = process.extractOne(s, sb, scorer=fuzz.token_set_ratio, score_cutoff=60)
                pairs += best is not None
print(pysbd.__version__, len(outlets), sum(map(len, outlets)), pairs)  # what it did, for the report line
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


# Each command runs as an installed program does: with its modules' bytecode cached (pip
# compiles it at install). Under PYTHONDONTWRITEBYTECODE every run would compile retold's source
# again, which costs more than aligning a small story. The cache goes to a folder of its own, so
# the checkout stays clean, and one untimed run fills it.
PYCACHE = Path(tempfile.gettempdir()) / "retold-bench-pycache"
# Every timed `retold align` runs with --no-cache (else the warm-up run fills the alignment cache
# and every timed run reads it); the cached row has a cache folder of its own.
CACHE_DIR = tempfile.mkdtemp(prefix="retold-bench-align-cache-")
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
    "PYTHONPYCACHEPREFIX": str(PYCACHE), "RETOLD_CACHE_DIR": CACHE_DIR}

# The cheapest aligner that still pairs sentences: split at end punctuation, then per outlet pair
# a monotone programme over 1:1, 1:0 and 0:1 moves scored by character length alone.
LENGTH_ONLY = r"""
import re, resource, sys
from pathlib import Path
split = re.compile(r"(?<=[.!?])\s+")
outlets = [[s for s in split.split(p.read_text(encoding="utf-8", errors="replace")) if s.strip()]
           for p in sorted(Path(sys.argv[1]).iterdir()) if p.suffix in (".txt", ".md", ".html")]
pairs = 0
for a in range(len(outlets)):
    for b in range(a + 1, len(outlets)):
        la, lb = [len(s) for s in outlets[a]], [len(s) for s in outlets[b]]
        cost = [[0.0] * (len(lb) + 1) for _ in range(len(la) + 1)]
        for i in range(len(la) + 1):
            for j in range(len(lb) + 1):
                if i or j:
                    best = float("inf")
                    if i and j:
                        best = cost[i - 1][j - 1] + abs(la[i - 1] - lb[j - 1]) / (la[i - 1] + lb[j - 1])
                    if i:
                        best = min(best, cost[i - 1][j] + 0.6)
                    if j:
                        best = min(best, cost[i][j - 1] + 0.6)
                    cost[i][j] = best
        pairs += len(la)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


SRC = ROOT / "src"  # the checkout whose `retold align` is measured (--src)
LAST_CPU: list[float] = [0.0]  # the median CPU time of the last run() (its children's user + sys)


def run(argv: list[str], runs: int) -> tuple[float, float]:
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV, check=True)  # warm the cache
    times, peaks, cpus = [], [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=CHILD_ENV, text=True, check=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        peaks.append(int(result.stderr.strip().splitlines()[-1]) / 1024)
    LAST_CPU[0] = statistics.median(cpus)
    return statistics.median(times), max(peaks)


def cpu_and_load() -> str:
    """The last run's CPU time and the load average now: wall times on a shared machine say
    little without them."""
    return f"cpu {LAST_CPU[0]:.3f} s  load {os.getloadavg()[0]:.1f}"


def align_cmd(path: Path, cache: bool = False) -> list[str]:
    # Words alone: the speed goals are the aligner's own; the sentence model's cost is
    # bench/bench_semantic.py's (and a checkout that can, would otherwise use it).
    return [sys.executable, "-c", CHILD.format(src=str(SRC)), "align", str(path), "--format", "json", "--no-semantic",
            *([] if cache else ["--no-cache"])]


def odd_shapes(tmp: Path) -> dict[str, Path]:
    rng = random.Random(3)
    words = "harbour ferry council vote river crews storm bridge tax market school mayor union quay port".split()

    def sentence() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(6, 14))).capitalize() + f" {rng.randint(1, 999)}."

    shapes = {}
    folder = shapes["5,000 sentences vs 3"] = tmp / "long_vs_short"
    folder.mkdir()
    (folder / "long.txt").write_text("\n\n".join(sentence() for _ in range(5000)), encoding="utf-8")
    (folder / "short.txt").write_text("\n\n".join(sentence() for _ in range(3)), encoding="utf-8")
    folder = shapes["every sentence identical (5 x 300)"] = tmp / "identical"
    folder.mkdir()
    for k in range(5):
        (folder / f"o{k}.txt").write_text("\n\n".join(["The harbour council voted to close the old quay on Monday."] * 300), encoding="utf-8")
    folder = shapes["one outlet = the others concatenated (4 x 100)"] = tmp / "concat"
    folder.mkdir()
    parts = [[sentence() for _ in range(100)] for _ in range(4)]
    for k, part in enumerate(parts):
        (folder / f"o{k}.txt").write_text("\n\n".join(part), encoding="utf-8")
    (folder / "all.txt").write_text("\n\n".join(s for part in parts for s in part), encoding="utf-8")
    shapes["40 outlets x 100"] = make_story(tmp / "forty", outlets=40, sentences=100, seed=2)
    # Confident pairs only at the ends and twice between: the programme's rectangles between
    # far-apart anchors (banded, or they grow with the square of the text).
    folder = shapes["sparse anchors (2 x 1,500)"] = tmp / "sparse"
    folder.mkdir()
    vocabulary = [f"w{k}" for k in range(3000)]
    sides: list[list[str]] = [[], []]
    for i in range(1500):
        if i < 12 or i > 1488 or i in (500, 1000):
            line = f"Shared line {i} about {rng.choice(vocabulary)} with {i * 7} items."
            sides[0].append(line)
            sides[1].append(line)
        else:
            for side in sides:
                side.append(" ".join(rng.sample(vocabulary, 10)).capitalize() + ".")
    for k, side in enumerate(sides):
        (folder / f"o{k}.txt").write_text("\n\n".join(side), encoding="utf-8")
    # Two languages, 2,000 sentences: the aligner's lexicon-learning passes run (a code language:
    # every word spelt backwards, only names and numbers alike).
    folder = shapes["two languages (2 x 2,000)"] = tmp / "two_languages"
    folder.mkdir()
    source = [sentence() for _ in range(2000)]
    coded = [" ".join(w if w[0].isdigit() else w[::-1] + "qa" for w in s.rstrip(".").split()) + "." for s in source]
    (folder / "en.txt").write_text("\n\n".join(source), encoding="utf-8")
    (folder / "xx.txt").write_text("\n\n".join(coded), encoding="utf-8")
    (folder / "story.toml").write_text('[[outlet]]\nfile = "en.txt"\nlanguage = "en"\n\n[[outlet]]\nfile = "xx.txt"\nlanguage = "xx"\n', encoding="utf-8")
    return shapes


def main() -> None:
    global SRC
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="skip the 40-outlet synthetic story and the odd shapes")
    parser.add_argument("--big", action="store_true", help="also 40 outlets x 1,000 sentences (target <= 8 s, <= 250 MB)")
    parser.add_argument("--only-synthetic", action="store_true", help="only the synthetic stories (no samples, baselines or odd shapes)")
    parser.add_argument("--src", type=Path, default=SRC, help="measure another checkout's src (default: this one's)")
    args = parser.parse_args()
    SRC = args.src.resolve()
    print(f"retold from {SRC}; load average {os.getloadavg()[0]:.1f} at start")
    if not args.only_synthetic:
        other_rows(args)
    synthetic_rows(args)


def other_rows(args) -> None:
    for story in sorted(p for p in (ROOT / "sample_corpus").iterdir() if p.is_dir()):
        median, peak = run(align_cmd(story), args.runs)
        print(f"sample {story.name:18s} median {median:.3f} s  peak {peak:.0f} MB  {cpu_and_load()}")
    veneth = ROOT / "sample_corpus" / "veneth-dam"
    median, _ = run(align_cmd(veneth), args.runs)
    median_cached, _ = run(align_cmd(veneth, cache=True), args.runs)  # the warm-up run fills the cache
    median_length, _ = run([sys.executable, "-c", LENGTH_ONLY, str(veneth)], args.runs)
    # What none can go below: this interpreter starting and importing nothing of its own.
    median_bare, _ = run([sys.executable, "-c", "import resource, sys; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"], args.runs)
    try:
        import pysbd  # noqa: F401
    except ImportError:
        naive = "naive pysbd + rapidfuzz script: skipped (pip install pysbd to print it)"
        median_naive = None
    else:
        median_naive, _ = run([sys.executable, "-c", NAIVE, str(veneth)], args.runs)
        # Said beside its time, so the comparison is plain: the files it read (every outlet of
        # veneth-dam is a .txt), the sentences pysbd gave and the pairs it kept.
        version, files, sentences, pairs = subprocess.run([sys.executable, "-c", NAIVE, str(veneth)], capture_output=True, text=True,
                                                          env=CHILD_ENV, check=True).stdout.split()
        naive = (f"naive pysbd + rapidfuzz greedy {median_naive:.3f} s (pysbd {version}: {files} files, {sentences} sentences, "
                 f"{pairs} of its sentence-to-outlet matches at token_set_ratio >= 60)")
    print(f"real-shaped 5-outlet story (veneth-dam), whole process: retold {median:.3f} s, reopened unchanged "
          f"(cache) {median_cached:.3f} s; a length-only aligner {median_length:.3f} s; {naive}; "
          f"the interpreter's own start {median_bare:.3f} s")
    if median_naive:
        print(f"  ratios to the naive script: {median / median_naive:.2f} and {median_cached / median_naive:.2f} (target <= 0.5)")


def synthetic_rows(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        previous = previous_cpu = None
        for outlets in (5, 10, 20) + (() if args.quick else (40,)):
            story = make_story(Path(tmp) / f"s{outlets}", outlets=outlets, sentences=400, seed=1)
            median, peak = run(align_cmd(story), args.runs)
            cpu = LAST_CPU[0]
            growth = f"  x{median / previous:.2f} (cpu x{cpu / previous_cpu:.2f}) for twice the outlets" if previous else ""
            note = "  (target <= 1.0 s, <= 150 MB)" if outlets == 20 else ""
            print(f"synthetic {outlets:2d} outlets x 400 sentences: median {median:.3f} s  peak {peak:.0f} MB  {cpu_and_load()}{growth}{note}")
            previous, previous_cpu = median, cpu
        if args.big:
            story = make_story(Path(tmp) / "big", outlets=40, sentences=1000, seed=1)
            median, peak = run(align_cmd(story), args.runs)
            print(f"synthetic 40 outlets x 1000 sentences: median {median:.3f} s  peak {peak:.0f} MB  {cpu_and_load()}  (target <= 8 s, <= 250 MB)")
        if not args.quick and not args.only_synthetic:
            for label, folder in odd_shapes(Path(tmp)).items():
                median, peak = run(align_cmd(folder), 1)
                print(f"odd shape: {label:48s} {median:.2f} s  peak {peak:.0f} MB  {cpu_and_load()}")


if __name__ == "__main__":
    main()
