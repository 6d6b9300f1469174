"""Time credits + provenance + quotes on top of a finished alignment (what `o` 4/5, the JSON and the
HTML page add), on a synthetic story of 20 outlets × 400 sentences and on the sample stories.

    python bench/bench_sources.py
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from retold.model.pipeline import load_alignment  # noqa: E402
from retold.model.sources import sources_of  # noqa: E402
from retold.synthetic import make_story  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "sample_corpus"

with tempfile.TemporaryDirectory() as tmp:
    stories = [make_story(Path(tmp) / "synthetic", outlets=20, sentences=400, seed=1)] + sorted(p for p in ROOT.iterdir() if p.is_dir())
    for story in stories:
        started = time.perf_counter()
        alignment = load_alignment([str(story)])
        aligned = time.perf_counter()
        sources = sources_of(alignment)
        done = time.perf_counter()
        print(f"{story.name}: {len(alignment.outlets)} outlets, align {aligned - started:.2f} s, sources {done - aligned:.2f} s "
              f"({len(sources.provenance.edges)} edges, {len(sources.quotes)} quote groups)")
