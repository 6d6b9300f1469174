"""Score the aligner against every hand-made gold file in sample_corpus/.

    python bench/score_gold.py [-v]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from retold.model.gold import score  # noqa: E402
from retold.model.pipeline import load_alignment  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "sample_corpus"

for gold in sorted(ROOT.glob("*/gold.json")):
    result = score(load_alignment([str(gold.parent)]), gold)
    print(f"{gold.parent.name}: {result.summary()}")
    if "-v" in sys.argv:
        for line in result.body_missing + result.furniture_leaked + result.status_errors + result.pair_errors + result.name_errors:
            print("   ", line)
