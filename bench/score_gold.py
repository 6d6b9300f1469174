"""Score the aligner against every hand-made gold file in sample_corpus/.

    python bench/score_gold.py [-v] [--show-held-out]

-v lists each story's missing body, leaked furniture, status, pair and name errors, except for the
held-out stories (bench/held_out.py: never tuned on), whose summary line alone is printed and
marked, unless --show-held-out (at the end of a round, to report them).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from retold.model.gold import score  # noqa: E402
from retold.model.pipeline import load_alignment  # noqa: E402
from held_out import HELD_OUT_STORIES  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "sample_corpus"

for gold in sorted(ROOT.glob("*/gold.json")):
    result = score(load_alignment([str(gold.parent)]), gold)
    held = gold.parent.name in HELD_OUT_STORIES
    print(f"{gold.parent.name}: {result.summary()}" + ("  (held out)" if held else ""))
    if "-v" in sys.argv and (not held or "--show-held-out" in sys.argv):
        for line in result.body_missing + result.furniture_leaked + result.status_errors + result.pair_errors + result.name_errors:
            print("   ", line)
