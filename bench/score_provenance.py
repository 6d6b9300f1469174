"""Score provenance edges, quote groups, change flags and credits against every sample story whose
gold file records them (keys "provenance", "quotes", "credits": src/retold/model/gold.py).

    python bench/score_provenance.py [-v]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from retold.model.gold import has_sources_gold, score_sources  # noqa: E402
from retold.model.pipeline import load_alignment  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "sample_corpus"

for gold in sorted(ROOT.glob("*/gold.json")):
    if not has_sources_gold(gold):
        continue
    result = score_sources(load_alignment([str(gold.parent)]), gold)
    print(f"{gold.parent.name}: {result.summary()}")
    if "-v" in sys.argv:
        for line in result.errors:
            print("   ", line)
