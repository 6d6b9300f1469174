"""How well the aligner groups big synthetic stories, against the generator's own truth.

    python bench/synthetic_gold.py [--sizes 10x400 20x400 40x400] [--src OTHER/src ...]

The sample gold has at most seven outlets, so it never reaches what a story of more than
params.ALL_PAIRS_UP_TO outlets does differently (each outlet aligned with a few others, groups
joined across them). retold.synthetic knows which wire sentence each outlet sentence retells
(copied, a word changed, reworded with synonyms; or the outlet's own): two sentences of two
outlets belong together exactly when they retell one wire sentence. Prints, per story (seed 1,
words alone), pair precision / recall / F1 over every such pair of sentences, the share of
sentences with the right status (unique or not), and how many sentences the truth could not
place (the segmenter split them otherwise). With several --src the checkouts run one after
another on the same stories.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from retold.model.pipeline import load_alignment
alignment = load_alignment([sys.argv[2]], semantic=False)
from pathlib import Path
print(json.dumps([[Path(o.meta.source).name, [[s.text, s.group] for s in o.sentences]] for o in alignment.outlets]))
"""


def score(truth: dict[str, list[tuple[str, int | None]]], outlets: list) -> dict[str, float]:
    placed: list[tuple[int, int | None, int | None]] = []  # (outlet, wire index, group)
    unplaced = 0
    status_right = total = 0
    for k, (name, sentences) in enumerate(outlets):
        told = truth[name]
        where: dict[str, list[int | None]] = {}
        for text, wire in told:
            where.setdefault(text, []).append(wire)
        for text, group in sentences:
            found = where.get(text)
            if not found:
                unplaced += 1
                continue
            wire = found.pop(0)
            placed.append((k, wire, group))
    by_wire: dict[int, list[tuple[int, int | None]]] = {}
    by_group: dict[int, list[tuple[int, int | None]]] = {}
    for k, wire, group in placed:
        if wire is not None:
            by_wire.setdefault(wire, []).append((k, group))
        if group is not None:
            by_group.setdefault(group, []).append((k, wire))
    # A wire sentence every other outlet dropped is unique in truth: its status is "unique".
    for k, wire, group in placed:
        alone = wire is None or all(o == k for o, _g in by_wire[wire])
        status_right += (group is None) == alone
        total += 1
    true_pairs = predicted = right = missed_lone = 0
    for members in by_wire.values():
        for n, (k, g) in enumerate(members):
            for k2, g2 in members[n + 1:]:
                if k2 != k:
                    true_pairs += 1
                    right += g is not None and g == g2
                    if not (g is not None and g == g2):
                        missed_lone += g is None or g2 is None
    for members in by_group.values():
        for n, (k, _w) in enumerate(members):
            for k2, _w2 in members[n + 1:]:
                predicted += k2 != k
    precision = right / predicted if predicted else 1.0
    recall = right / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "status": status_right / max(1, total), "unplaced": unplaced, "missed_lone": missed_lone, "missed": true_pairs - right}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["10x400", "20x400", "40x400"])
    parser.add_argument("--src", type=Path, action="append", help="a checkout's src (repeat to compare; default: this one's)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from retold.synthetic import make_story

    sources = [p.resolve() for p in (args.src or [ROOT / "src"])]
    env = os.environ | {"RETOLD_SEMANTIC": "off", "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            outlets, sentences = map(int, size.split("x"))
            truth: dict[str, list[tuple[str, int | None]]] = {}
            story = make_story(Path(tmp) / size, outlets=outlets, sentences=sentences, seed=1, truth=truth)
            for src in sources:
                out = subprocess.run([sys.executable, "-c", CHILD, str(src), str(story)], capture_output=True, text=True, env=env, check=True).stdout
                figures = score(truth, json.loads(out))
                print(f"synthetic {outlets:2d} x {sentences}: pair P / R / F1 {figures['precision']:.4f} / {figures['recall']:.4f} / "
                      f"{figures['f1']:.4f}  status {figures['status']:.4f}  unplaced {figures['unplaced']}  missed {figures['missed']} (a side in no group: {figures['missed_lone']})  [{src}]")


if __name__ == "__main__":
    main()
