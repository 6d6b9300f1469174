"""Reader launch to first screen, whole process, beside a one-label Textual app (issue 19's rows).

    python bench/bench_start.py [--runs 5] [--src OTHER_CHECKOUT/src] [--no-semantic]

Each figure is the median over `--runs` fresh processes (interleaved) of the wall time from
starting the interpreter to the first frame of the screen that shows the story (headless, 160 × 45):
- the peer: a one-label Textual app with the reader's app-level bindings, to its first frame;
- the reader on the sample story north-sea-grid (empty alignment cache: it aligns);
- the reader on a 20-outlet × 400-sentence synthetic story, cold (empty cache: aligned in a child
  process) and reopened unchanged (the cache filled by an earlier run).
The loading screen's first frame is printed too. Goals: sample ≤ 1.5 × the bare app; 20 × 400
cold ≤ 1.0 s and reopened ≤ 2 × the bare app. Bytecode is cached as after `pip install`.
Each cold run has an empty cache folder, so with the sentence model installed it embeds every
sentence afresh (no cached vectors); `--no-semantic` measures words alone (RETOLD_SEMANTIC=off).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from retold.synthetic import make_story  # noqa: E402

READER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from retold.tui.app import RetoldApp
try:
    from retold.model.cache import AlignmentCache
    options = {"cache": AlignmentCache()}
except ImportError:  # a checkout from before the alignment cache (--src)
    options = {}

marks = {}

class Timed(RetoldApp):
    CSS_PATH = __import__("os").path.join(__import__("os").path.dirname(sys.modules[RetoldApp.__module__].__file__), RetoldApp.CSS_PATH)

    # Textual calls the handler of every class in the MRO (this one first, then RetoldApp's):
    # calling super() here too would run the app's own twice (two reader screens built).
    def on_ready(self):
        marks["loading"] = time.time()
        if type(self.screen).__name__ == "ReaderScreen":  # a reopened story opens on the reader: no loading screen
            self.call_after_refresh(self.mark)

    def on_load_finished(self, message):
        self.call_after_refresh(self.mark)  # RetoldApp's handler switches the screen next

    def mark(self):
        if type(self.screen).__name__ != "ReaderScreen":  # not switched yet: after the next refresh
            self.call_after_refresh(self.mark)
            return
        marks["reader"] = time.time()
        self.exit()

app = Timed(paths=[sys.argv[1]], **options)
app.run(headless=True, size=(160, 45))
print(marks.get("loading", 0.0), marks.get("reader", 0.0))
"""

BARE = """
import time
from textual.app import App
from textual.binding import Binding
from textual.widgets import Label

class Bare(App):
    BINDINGS = [Binding("ctrl+c,escape,q", "quit", "Cancel", priority=True), Binding("ctrl+p", "command_palette", "Palette")]

    def compose(self):
        yield Label("minimal")

    def on_ready(self):
        self.stamp = time.time()
        self.exit()

app = Bare()
app.run(headless=True, size=(160, 45))
print(app.stamp, app.stamp)
"""

PYCACHE = Path(tempfile.gettempdir()) / "retold-bench-pycache"


SEMANTIC_ENV: dict[str, str] = {}


def launch(code: str, args: list[str], cache_dir: str) -> tuple[float, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | SEMANTIC_ENV | {
        "PYTHONPYCACHEPREFIX": str(PYCACHE), "RETOLD_CACHE_DIR": cache_dir,
        "RETOLD_DATA_DIR": cache_dir + "-data", "RETOLD_CONFIG_DIR": cache_dir + "-config",
    }
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    loading, reader = map(float, out.stdout.strip().splitlines()[-1].split())
    return loading - start, reader - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the retold source to measure (another checkout's src, for a before/after)")
    parser.add_argument("--no-semantic", action="store_true", help="words alone: no sentence model in any run")
    args = parser.parse_args()
    if args.no_semantic:
        SEMANTIC_ENV["RETOLD_SEMANTIC"] = "off"
    src = str(args.src.resolve())
    sample = str(ROOT / "sample_corpus" / "north-sea-grid")
    print(f"source: {src}; {'words alone' if args.no_semantic else 'with the sentence model if installed'}; load average at start: {' / '.join(open('/proc/loadavg').read().split()[:3])}")
    with tempfile.TemporaryDirectory() as tmp:
        big = str(make_story(Path(tmp) / "big", outlets=20, sentences=400, seed=1))
        warm = str(Path(tmp) / "warm-cache")
        launch(READER, [big, src], warm)  # fills the warm cache; compiles bytecode
        launch(BARE, [], str(Path(tmp) / "x"))
        rows: dict[str, list[tuple[float, float]]] = {"bare": [], "sample": [], "cold": [], "warm": []}
        for n in range(args.runs):
            rows["bare"].append(launch(BARE, [], str(Path(tmp) / f"bare{n}")))
            rows["sample"].append(launch(READER, [sample, src], str(Path(tmp) / f"sample{n}")))
            rows["cold"].append(launch(READER, [big, src], str(Path(tmp) / f"cold{n}")))
            rows["warm"].append(launch(READER, [big, src], warm))
    med = {k: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v)) for k, v in rows.items()}
    bare = med["bare"][1]
    print(f"one-label Textual app, launch to first frame: {bare:.3f} s")
    for key, label, goal in (("sample", "sample story", "goal ≤ 1.5 × the bare app"),
                             ("cold", "20 x 400, cold", "goal ≤ 1.0 s"),
                             ("warm", "20 x 400, reopened unchanged", "goal ≤ 2 × the bare app")):
        loading, reader = med[key]
        print(f"reader, {label:29s}: first screen {reader:.3f} s ({reader / bare:.2f} × the bare app; {goal}); "
              f"loading screen up at {loading:.3f} s")
    print(f"load average at end: {' / '.join(open('/proc/loadavg').read().split()[:3])}")


if __name__ == "__main__":
    main()
