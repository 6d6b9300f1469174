"""Reader launch to first screen, whole process, beside a one-label Textual app (issue 19's rows).

    python bench/bench_start.py [--runs 5] [--src OTHER_CHECKOUT/src ...] [--no-semantic]

Each figure is the median over `--runs` fresh processes (interleaved) of the wall time from
starting the interpreter to the first frame of the screen that shows the story (headless, 160 × 45):
- the peer: a one-label Textual app with the reader's app-level bindings, to its first frame;
- the reader on the sample story north-sea-grid (empty alignment cache: it aligns), as RetoldApp
  and through the command a user types (`retold STORY`: retold.cli.main, which starts aligning a
  small story on the other core before it imports Textual);
- the reader on a 20-outlet × 400-sentence synthetic story, cold (empty cache: aligned in a child
  process) and reopened unchanged (the cache filled by an earlier run).
The loading screen's first frame is printed too, and "painted": when Textual composed and wrote
the reader screen's first frame (the "first screen" mark waits one more refresh after the switch,
which may take in work queued after that frame, such as mounting the panes outside the window).
Goals: sample ≤ 1.5 × the bare app; 20 × 400 cold ≤ 1.0 s and reopened ≤ 2 × the bare app.
Bytecode is cached as after `pip install`. With several `--src`, each row's runs alternate between
them run by run (a before/after on a shared machine: the load changes less between neighbours).
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
    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and "painted" not in marks and type(screen).__name__ == "ReaderScreen" and not self._batch_count:
            marks["painted"] = time.time()

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
print(marks.get("loading", 0.0), marks.get("reader", 0.0), marks.get("painted", 0.0))
"""

# The same marks through the command a user types, `retold STORY` (retold.cli.main): its own start
# before Textual is imported counts, so does what it does there (a small story starts aligning on
# the other core: retold.model.offload.load_early). RetoldApp is patched as the command imports
# it; the command's terminal check is told yes; the app runs headless as above.
COMMAND = """import sys, time, os, importlib.util
sys.path.insert(0, sys.argv[2])
marks = {}

def patch(RetoldApp):
    display, ready, finished = RetoldApp._display, RetoldApp.on_ready, RetoldApp.on_load_finished

    def _display(self, screen, renderable):
        display(self, screen, renderable)
        if renderable is not None and "painted" not in marks and type(screen).__name__ == "ReaderScreen" and not self._batch_count:
            marks["painted"] = time.time()

    def mark(self):
        if type(self.screen).__name__ != "ReaderScreen":
            self.call_after_refresh(lambda: mark(self))
            return
        marks["reader"] = time.time()
        self.exit()

    def on_ready(self):
        marks["loading"] = time.time()
        ready(self)
        if type(self.screen).__name__ == "ReaderScreen":
            self.call_after_refresh(lambda: mark(self))

    def on_load_finished(self, message):
        finished(self, message)
        self.call_after_refresh(lambda: mark(self))

    run = RetoldApp.run
    RetoldApp._display, RetoldApp.on_ready, RetoldApp.on_load_finished = _display, on_ready, on_load_finished
    RetoldApp.run = lambda self, **kw: run(self, headless=True, size=(160, 45))


class Hook:  # patches RetoldApp as the CLI imports it (after the CLI's own start)
    def find_spec(self, name, path, target=None):
        if name != "retold.tui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        exec_module = spec.loader.exec_module

        def patched(module):
            exec_module(module)
            patch(module.RetoldApp)

        spec.loader.exec_module = patched
        return spec


class Tty:  # the CLI asks for a terminal; the app runs headless
    def __init__(self, stream):
        self._stream = stream

    def isatty(self):
        return True

    def __getattr__(self, name):
        return getattr(self._stream, name)


sys.meta_path.insert(0, Hook())
real_stdout = sys.stdout
sys.stdin, sys.stdout = Tty(sys.stdin), Tty(sys.stdout)
from retold.cli import main
code = main([sys.argv[1]])
print(marks.get("loading", 0.0), marks.get("reader", 0.0), marks.get("painted", 0.0), file=real_stdout)
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
print(app.stamp, app.stamp, app.stamp)
"""

PYCACHE = Path(tempfile.gettempdir()) / "retold-bench-pycache"


SEMANTIC_ENV: dict[str, str] = {}


def launch(code: str, args: list[str], cache_dir: str) -> tuple[float, float, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | SEMANTIC_ENV | {
        "PYTHONPYCACHEPREFIX": str(PYCACHE), "RETOLD_CACHE_DIR": cache_dir,
        "RETOLD_DATA_DIR": cache_dir + "-data", "RETOLD_CONFIG_DIR": cache_dir + "-config",
    }
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    loading, reader, painted = map(float, out.stdout.strip().splitlines()[-1].split())
    return loading - start, reader - start, painted - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--src", type=Path, action="append",
                        help="the retold source to measure (another checkout's src, for a before/after); "
                             "several: alternated run by run (default: this checkout's)")
    parser.add_argument("--no-semantic", action="store_true", help="words alone: no sentence model in any run")
    args = parser.parse_args()
    if args.no_semantic:
        SEMANTIC_ENV["RETOLD_SEMANTIC"] = "off"
    sources = [str(src.resolve()) for src in (args.src or [ROOT / "src"])]
    sample = str(ROOT / "sample_corpus" / "north-sea-grid")
    print(f"source: {'; '.join(sources)}; {'words alone' if args.no_semantic else 'with the sentence model if installed'}; "
          f"load average at start: {' / '.join(open('/proc/loadavg').read().split()[:3])}")
    with tempfile.TemporaryDirectory() as tmp:
        big = str(make_story(Path(tmp) / "big", outlets=20, sentences=400, seed=1))
        warm = {src: str(Path(tmp) / f"warm-cache-{number}") for number, src in enumerate(sources)}
        for src in sources:
            launch(READER, [big, src], warm[src])  # fills the warm cache; compiles bytecode
        launch(BARE, [], str(Path(tmp) / "x"))
        rows: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for n in range(args.runs):
            order = sources if n % 2 == 0 else sources[::-1]
            for src in order:
                rows.setdefault(("bare", src), []).append(launch(BARE, [], str(Path(tmp) / f"bare{n}-{sources.index(src)}")))
            for src in order:
                rows.setdefault(("sample", src), []).append(launch(READER, [sample, src], str(Path(tmp) / f"sample{n}-{sources.index(src)}")))
            for src in order:
                rows.setdefault(("command", src), []).append(launch(COMMAND, [sample, src], str(Path(tmp) / f"command{n}-{sources.index(src)}")))
            for src in order:
                rows.setdefault(("cold", src), []).append(launch(READER, [big, src], str(Path(tmp) / f"cold{n}-{sources.index(src)}")))
            for src in order:
                rows.setdefault(("warm", src), []).append(launch(READER, [big, src], warm[src]))
    med = {k: tuple(statistics.median(r[i] for r in v) for i in range(3)) for k, v in rows.items()}
    for src in sources:
        if len(sources) > 1:
            print(f"— {src}")
        bare = med[("bare", src)][1]
        print(f"one-label Textual app, launch to first frame: {bare:.3f} s")
        for key, label, goal in (("sample", "sample story", "goal ≤ 1.5 × the bare app"),
                                 ("command", "sample story, `retold STORY`", "goal ≤ 1.5 × the bare app"),
                                 ("cold", "20 x 400, cold", "goal ≤ 1.0 s"),
                                 ("warm", "20 x 400, reopened unchanged", "goal ≤ 2 × the bare app")):
            loading, reader, painted = med[(key, src)]
            print(f"reader, {label:29s}: first screen {reader:.3f} s ({reader / bare:.2f} × the bare app; {goal}); "
                  f"painted {painted:.3f} s ({painted / bare:.2f} ×); loading screen up at {loading:.3f} s")
    print(f"load average at end: {' / '.join(open('/proc/loadavg').read().split()[:3])}")


if __name__ == "__main__":
    main()
