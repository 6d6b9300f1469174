"""How long the reader's pane order takes (retold.tui.state.arrange) on a big synthetic story.

    PYTHONPATH=src python bench/bench_arrange.py [OUTLETS SENTENCES]

Prints the alignment time (for scale) and the median of five arrange() runs on fresh copies of
the alignment (its lookup caches and the word cache cleared, as on opening).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from retold.model.pipeline import load_alignment
from retold.model.worddiff import _word_keys
from retold.synthetic import make_story
from retold.tui.state import arrange


def main() -> None:
    outlets, sentences = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (20, 400)
    with tempfile.TemporaryDirectory() as folder:
        story = make_story(Path(folder) / "story", outlets=outlets, sentences=sentences)
        started = time.perf_counter()
        alignment = load_alignment([str(story)])
        aligned = time.perf_counter() - started
    runs = []
    for _ in range(5):
        fresh = replace(alignment)  # new lookup caches, as on opening
        _word_keys.cache_clear()  # and no sentence tokenized yet
        started = time.perf_counter()
        arrangement = arrange(fresh)
        runs.append(time.perf_counter() - started)
    print(f"{outlets} outlets x {sentences} sentences: alignment {aligned:.2f} s; "
          f"arrange (cold, as on opening) median {statistics.median(runs) * 1000:.0f} ms "
          f"(min {min(runs) * 1000:.0f}, max {max(runs) * 1000:.0f}); {len(arrangement.copies)} folded")


if __name__ == "__main__":
    main()
