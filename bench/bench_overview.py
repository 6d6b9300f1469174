"""Overview and search figures on the 20 × 400 synthetic story, headless.

    python bench/bench_overview.py

Target (issue 10): opening the overview, every key in it, and a search: each <= 100 ms.
Key figures are medians per press and repaint through Pilot; Pilot's own cost of a key
press on a one-label app is printed too, and subtracted in the second column.
"""

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from retold.model.pipeline import load_alignment
from retold.model.summary import _summarize
from retold.synthetic import make_story
from retold.tui.app import RetoldApp

REPEAT = 15

LOADING = """
import asyncio, sys, time
from retold.tui.app import RetoldApp
from retold.tui.screens.loading import LoadingScreen
from retold.tui.screens.reader import ReaderScreen

async def main():
    app = RetoldApp(paths=[sys.argv[1]])
    async with app.run_test(size=(160, 45)) as pilot:
        while not app.screen_stack or not isinstance(app.screen_stack[-1], (LoadingScreen, ReaderScreen)):
            await asyncio.sleep(0.005)
        await pilot.pause()
        print("progress", time.time(), flush=True)
        while not isinstance(app.screen_stack[-1], ReaderScreen):
            await asyncio.sleep(0.01)
        await pilot.pause()
        print("reader", time.time(), flush=True)
asyncio.run(main())
"""


def loading_figures(story: Path) -> tuple[float, float]:
    """Seconds from launching the process to the progress screen, and to the reader."""
    import subprocess

    start = time.time()
    out = subprocess.run([sys.executable, "-c", LOADING, str(story)], check=True, capture_output=True, text=True).stdout
    stamps = dict(line.split() for line in out.strip().splitlines())
    return float(stamps["progress"]) - start, float(stamps["reader"]) - start


async def pilot_baseline() -> float:
    from textual.app import App
    from textual.widgets import Label

    class Baseline(App):
        def compose(self):
            yield Label("baseline")

    samples = []
    async with Baseline().run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        for _ in range(REPEAT):
            start = time.perf_counter()
            await pilot.press("j")
            await pilot.pause()
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


async def timed(pilot, *keys) -> float:
    start = time.perf_counter()
    await pilot.press(*keys)
    await pilot.pause()
    return time.perf_counter() - start


async def overview_figures(alignment) -> dict[str, float]:
    app = RetoldApp(alignment)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        for _ in range(REPEAT):
            results.setdefault("open (o)", []).append(await timed(pilot, "o"))
            for key in ["j", "k", "l", "h", "pagedown", "pageup", "G", "g", "n", "p", "2", "j", "3", "j", "1"]:
                results.setdefault(f"key {key!r}", []).append(await timed(pilot, key))
            results.setdefault("close (o)", []).append(await timed(pilot, "o"))
    return {name: statistics.median(samples) for name, samples in results.items()}


async def search_figures(alignment) -> dict[str, float]:
    """Typing a query and enter: search every outlet, mark the matches, jump to the first."""
    app = RetoldApp(alignment)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        reader = app.screen
        for query in ["the", "said", "kaloven", "zzzz"]:
            for _ in range(REPEAT):
                await pilot.press("slash", *query)
                await pilot.pause()
                start = time.perf_counter()
                await pilot.press("enter")
                await pilot.pause()
                results.setdefault(f"search {query!r} + enter ({len(reader.search_result or ())} matches)", []).append(time.perf_counter() - start)
                await pilot.press("escape")
        reader.run_search("the")
        for key in ["n", "p"]:
            for _ in range(REPEAT):
                results.setdefault(f"key {key!r} (next / previous match)", []).append(await timed(pilot, key))
    start = time.perf_counter()
    from retold.model.search import search

    for _ in range(REPEAT):
        search(alignment, "the")
    print(f"search 'the' over 20 × 400 in the core alone: {(time.perf_counter() - start) / REPEAT * 1000:.1f} ms")
    return {name: statistics.median(samples) for name, samples in results.items()}


def main() -> None:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        story = make_story(Path(tmp) / "big", outlets=20, sentences=400, seed=1)
        alignment = load_alignment([str(story)])
        print(f"(aligning the 20 × 400 story first: {time.perf_counter() - start:.1f} s)")
        progress, reader = loading_figures(story)
        print(f"20 × 400 story, whole process: progress screen painted after {progress:.2f} s, reader after {reader:.2f} s")
    start = time.perf_counter()
    _summarize(alignment)
    print(f"summary (story order, overlap, counts) of 20 × 400, computed once while loading: {(time.perf_counter() - start) * 1000:.1f} ms")
    baseline = asyncio.run(pilot_baseline())
    print(f"Pilot's own cost of a key press and pause (one-label app): {baseline * 1000:.1f} ms")
    figures = asyncio.run(overview_figures(alignment))
    for name, seconds in figures.items():
        print(f"20 × 400 overview, {name}: median {seconds * 1000:.1f} ms, {(seconds - baseline) * 1000:.1f} ms above Pilot's own cost")
    for name, seconds in asyncio.run(search_figures(alignment)).items():
        print(f"20 × 400 reader, {name}: median {seconds * 1000:.1f} ms, {(seconds - baseline) * 1000:.1f} ms above Pilot's own cost")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
