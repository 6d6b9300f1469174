"""Reader figures, driven headless: first paint (whole process) and key latency on a big story.

    python bench/bench_reader.py

Targets (issue 3): first paint on the sample story < 1 s whole process; cursor keys
instant on 20 outlets × 400 sentences (one line-rendering widget per pane).
"""

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from retold.model.pipeline import load_alignment
from retold.synthetic import make_story
from retold.tui.app import RetoldApp

ROOT = Path(__file__).resolve().parents[1]

FIRST_PAINT = """
import asyncio, sys, time
from retold.model.pipeline import load_alignment
from retold.tui.app import RetoldApp

async def main():
    app = RetoldApp(load_alignment([sys.argv[1]]))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()  # the first frame is composed and painted
        print(time.time(), flush=True)
asyncio.run(main())
"""


def first_paint(story: Path, runs: int = 5) -> tuple[float, float]:
    """Seconds from launching the process to its first painted frame (teardown not counted)."""
    times = []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(story)], check=True, capture_output=True, text=True)
        times.append(float(out.stdout.strip().splitlines()[-1]) - start)
    return statistics.median(times), min(times)


async def key_latency(story: Path | None, keys: list[str], repeat: int) -> dict[str, float]:
    """Median seconds per key press; story None measures a one-label app: Pilot's own cost."""
    if story is None:
        from textual.app import App
        from textual.widgets import Label

        class Baseline(App):
            def compose(self):
                yield Label("baseline")

        app = Baseline()
    else:
        app = RetoldApp(load_alignment([str(story)]))
    results = {}
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        for key in keys:
            samples = []
            for _ in range(repeat):
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                samples.append(time.perf_counter() - start)
            results[key] = statistics.median(samples)
    return results


def main() -> None:
    sample = ROOT / "sample_corpus" / "north-sea-grid"
    median, best = first_paint(sample)
    print(f"first paint, sample story, whole process: median {median:.3f} s  best {best:.3f} s  (target < 1 s)")
    with tempfile.TemporaryDirectory() as tmp:
        story = make_story(Path(tmp) / "big", outlets=20, sentences=400, seed=1)
        median, best = first_paint(story, runs=3)
        print(f"first paint, 20 × 400 story, whole process: median {median:.3f} s  best {best:.3f} s")
        baseline = asyncio.run(key_latency(None, ["j"], repeat=20))["j"]
        print(f"Pilot's own cost of a key press and pause (one-label app): {baseline * 1000:.1f} ms")
        latency = asyncio.run(key_latency(story, ["j", "k", "n", "right_square_bracket", "tab", "G", "g", "d"], repeat=20))
        for key, seconds in latency.items():
            print(
                f"20 × 400 story, key {key!r}: median {seconds * 1000:.1f} ms per press and repaint, "
                f"{(seconds - baseline) * 1000:.1f} ms above Pilot's own cost"
            )


if __name__ == "__main__":
    main()
