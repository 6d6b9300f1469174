"""retold against a plain Gale–Church alignment on pieces of the Text+Berg dev document.

    python bench/textberg_pieces.py [--dir ../shared/textberg/dev] [--only mono|cross] [-v]

The whole dev document is one long translation with many confident pairs; the test documents are
shorter, and on some retold judged a translation "not parallel" and kept almost nothing (link
recall 0.36 where lengths alone reach 0.85). Here the dev document is cut along its gold beads
into ten contiguous pieces of 12 to 80 beads (short ones are the risky ones), and each piece is
also aligned in three altered versions:

- `shuffled`: the target's paragraphs (runs of 3 to 8 beads) in another order (a translation
  whose paragraphs moved: lengths alone cannot follow it, confident pairs can);
- `caption-`: a caption (a short line without end punctuation, else the shortest line) dropped
  from the source;
- `para-`: one paragraph dropped from the target.

For each, both conditions (mt_fr vs fr, de vs fr): retold's link P / R / F1 and strict F1 beside
Gale–Church's (bench/gale_church.py, lengths only), and two measures of how confident
Gale–Church can be there: `conf`, the share of its beads whose lengths agree within one standard
deviation, and `order`, how much cheaper the lines align by length in their own order than
shuffled (retold's `length_order_ratio`; at most 0.70: the lengths carry the alignment). `LOW`
marks a piece where retold's link recall is under Gale–Church's and Gale–Church is confident
(order <= 0.70); `low` where it is under but Gale–Church is not. In cut 0 pieces 3, 6 and 9 are
held back from tuning and summed apart.

`--cuts K` adds K more cuttings (cut k: piece sizes drawn from 8 to 60 gold beads with seed k,
and its own seeds for the shuffles and drops), so a rule is judged on many pieces, not ten. These
cut the document's first two thirds (by source line: the part tuned on) and its last third (held
out) apart, so no piece straddles them, and sum the two apart. The last lines count, over every
piece, where retold's link recall and link F1 fall under Gale–Church's.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gale_church import align_lengths, confidence  # noqa: E402
from textberg import CONDITIONS, DEFAULT_DEV, beads_from_links, read_gold, score_texts  # noqa: E402

from retold.model.align.lengths import length_order_ratio  # noqa: E402
from retold.model.align.params import LENGTH_ORDER_PARALLEL  # noqa: E402

PIECE_BEADS = [12, 20, 30, 45, 60, 25, 15, 80, 40, 54]  # gold beads with both sides per piece, in document order (381 in all)
HELD_OUT = {3, 6, 9}  # 1-based piece numbers never looked at while tuning
VARIANTS = ["plain", "shuffled", "caption-", "para-"]

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def cut(gold: list[Bead], n_source: int, n_target: int, sizes: list[int] = PIECE_BEADS, start_s: int = 0, start_t: int = 0) -> list[tuple[range, range, list[Bead]]]:
    """Contiguous pieces: (source lines, target lines, the piece's gold beads in piece indices).
    Lines in no bead go with the piece they sit in. `gold` holds the beads of lines
    start_s..n_source and start_t..n_target (absolute indices), in order."""
    pieces, k = [], 0
    for number, count in enumerate(sizes):
        last = number == len(sizes) - 1 or k >= len(gold)
        beads = []
        while k < len(gold) and (last or sum(1 for s, t in beads if s and t) < count or not (gold[k][0] and gold[k][1])):
            beads.append(gold[k])  # `count` beads with both sides; the insertions around them come along
            k += 1
        end_s = n_source if last else max([start_s - 1] + [i for s, _t in beads for i in s]) + 1
        end_t = n_target if last else max([start_t - 1] + [j for _s, t in beads for j in t]) + 1
        local = [(tuple(i - start_s for i in s), tuple(j - start_t for j in t)) for s, t in beads]
        pieces.append((range(start_s, end_s), range(start_t, end_t), local))
        start_s, start_t = end_s, end_t
        if last:
            break
    return pieces


def random_cut(gold: list[Bead], n_source: int, n_target: int, seed: int) -> list[tuple[range, range, list[Bead], bool]]:
    """Pieces of 8 to 60 gold beads (sizes drawn with `seed`), cut apart at the two-thirds line
    of the source: (source lines, target lines, gold in piece indices, held out)."""
    rng = random.Random(seed)
    two_thirds = (2 * n_source) // 3
    first, rest = [], []
    for bead in gold:  # a bead without source lines goes with the part before it
        (rest if rest or (bead[0] and min(bead[0]) >= two_thirds) else first).append(bead)
    end_s = max(i for s, _t in first for i in s) + 1
    end_t = max(j for _s, t in first for j in t) + 1
    pieces = []
    for beads, s0, t0, n_s, n_t, held in ((first, 0, 0, end_s, end_t, False), (rest, end_s, end_t, n_source, n_target, True)):
        both = sum(1 for s, t in beads if s and t)
        sizes = []
        while sum(sizes) < both:
            sizes.append(rng.randint(8, 60))
        pieces += [(*piece, held) for piece in cut(beads, n_s, n_t, sizes, s0, t0)]
    return pieces


def paragraphs(beads: list[Bead], rng: random.Random) -> list[list[Bead]]:
    runs, k = [], 0
    while k < len(beads):
        size = rng.randint(3, 8)
        runs.append(beads[k:k + size])
        k += size
    return runs


def variant(kind: str, source: list[str], target: list[str], gold: list[Bead], seed: int) -> tuple[list[int], list[int]]:
    """The lines each side keeps, in the order it prints them (indices into the piece)."""
    rng = random.Random(seed)
    keep_s, keep_t = list(range(len(source))), list(range(len(target)))
    if kind == "shuffled":
        runs = paragraphs(gold, rng)
        order = list(range(len(runs)))
        while len(order) > 1 and order == sorted(order):
            rng.shuffle(order)
        placed = [j for n in order for _s, t in runs[n] for j in t]
        keep_t = placed + [j for j in keep_t if j not in set(placed)]  # lines in no bead keep their place at the end
    elif kind == "caption-":
        lines = [i for i in keep_s if source[i].strip()]
        captions = [i for i in lines if not source[i].rstrip().endswith((".", "!", "?", ":", ";", ","))]
        drop = min(captions or lines, key=lambda i: (len(source[i]), i))
        keep_s.remove(drop)
    elif kind == "para-":
        runs = paragraphs(gold, rng)
        dropped = {j for _s, t in runs[len(runs) // 2] for j in t}
        keep_t = [j for j in keep_t if j not in dropped]
    return keep_s, keep_t


def remap(gold: list[Bead], keep_s: list[int], keep_t: list[int]) -> list[Bead]:
    at_s, at_t = {i: n for n, i in enumerate(keep_s)}, {j: n for n, j in enumerate(keep_t)}
    beads = [(tuple(sorted(at_s[i] for i in s if i in at_s)), tuple(sorted(at_t[j] for j in t if j in at_t))) for s, t in gold]
    return [b for b in beads if b[0] or b[1]]


def counts(links: set[tuple[int, int]], gold: list[Bead]) -> list[int]:
    """[link hits, system links, gold links, strict hits, system beads, gold beads] (micro sums)."""
    gold_links = {(a, b) for s, t in gold if s and t for a in s for b in t}
    gold_beads = {b for b in gold if b[0] and b[1]}
    system_beads = beads_from_links(links)
    return [len(links & gold_links), len(links), len(gold_links), len(system_beads & gold_beads), len(system_beads), len(gold_beads)]


def figures(c: list[int]) -> tuple[float, float, float, float]:
    p = c[0] / c[1] if c[1] else 0.0
    r = c[0] / c[2] if c[2] else 0.0
    sp = c[3] / c[4] if c[4] else 0.0
    sr = c[3] / c[5] if c[5] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), (2 * sp * sr / (sp + sr) if sp + sr else 0.0)


def gale_church_links(source: list[str], target: list[str]) -> tuple[set[tuple[int, int]], float]:
    ls, lt = [len(line) for line in source], [len(line) for line in target]
    beads = align_lengths(ls, lt)
    return {(a, b) for s, t in beads for a in s for b in t}, confidence(beads, ls, lt)


def run_piece(source: list[str], source_lang: str, target: list[str], target_lang: str, gold: list[Bead]) -> tuple[list[int], list[int], float, float]:
    result = score_texts("\n".join(source) + "\n", source_lang, "\n".join(target) + "\n", target_lang, gold)
    gc_links, gc_confidence = gale_church_links(source, target)
    order = length_order_ratio([len(line) for line in source], [len(line) for line in target], exact=True)
    return counts(result["links"], gold), counts(gc_links, gold), gc_confidence, order


def pieces_of(gold: list[Bead], n_source: int, n_target: int, cuts: int) -> list[tuple[int, int, range, range, list[Bead], bool]]:
    """(cut, piece number, source lines, target lines, gold in piece indices, held out) for cut 0
    (PIECE_BEADS, HELD_OUT) and cuts 1..`cuts` (random_cut)."""
    found = [(0, n, rows, cols, g, n in HELD_OUT) for n, (rows, cols, g) in enumerate(cut(gold, n_source, n_target), 1)]
    for k in range(1, cuts + 1):
        found += [(k, n, rows, cols, g, held) for n, (rows, cols, g, held) in enumerate(random_cut(gold, n_source, n_target, k), 1)]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(DEFAULT_DEV), help="the benchmark's dev folder")
    parser.add_argument("--only", choices=["mono", "cross"], help="run one condition")
    parser.add_argument("--variant", choices=VARIANTS, help="run one version of the pieces")
    parser.add_argument("--cuts", type=int, default=0, help="more cuttings of the document, with random piece sizes (see above)")
    parser.add_argument("-v", "--verbose", action="store_true", help="a line per piece, not only the sums")
    args = parser.parse_args(argv)
    dev = Path(args.dir)
    if not (dev / "gold.txt").is_file():
        print(f"skipped: no Text+Berg dev document at {dev} (it lives in ../shared/textberg/dev beside the checkout)")
        return 0
    gold = read_gold(dev / "gold.txt")
    under = {"recall, G-C confident": 0, "recall, G-C unsure": 0, "F1": 0}
    total = 0
    for (label, source_file, source_lang, target_file, target_lang), key in zip(CONDITIONS, ["mono", "cross"]):
        if args.only and args.only != key:
            continue
        source_all = (dev / source_file).read_text(encoding="utf-8").split("\n")[:-1]
        target_all = (dev / target_file).read_text(encoding="utf-8").split("\n")[:-1]
        print(label)
        for kind in VARIANTS:
            if args.variant and args.variant != kind:
                continue
            sums = {"tuned": [[0] * 6, [0] * 6], "held out": [[0] * 6, [0] * 6]}
            low, unsure = [], []
            for k, number, rows, cols, piece_gold, held in pieces_of(gold, len(source_all), len(target_all), args.cuts):
                source, target = [source_all[i] for i in rows], [target_all[j] for j in cols]
                keep_s, keep_t = variant(kind, source, target, piece_gold, seed=number + 1000 * k)
                piece_gold = remap(piece_gold, keep_s, keep_t)
                if not any(s and t for s, t in piece_gold):
                    continue
                ours, theirs, gc_conf, order = run_piece([source[i] for i in keep_s], source_lang, [target[j] for j in keep_t], target_lang, piece_gold)
                part = sums["held out" if held else "tuned"]
                part[0] = [x + y for x, y in zip(part[0], ours)]
                part[1] = [x + y for x, y in zip(part[1], theirs)]
                o, g = figures(ours), figures(theirs)
                total += 1
                flag = ""
                name = f"{k}.{number}" if k else str(number)
                if o[1] < g[1] - 1e-9:
                    flag = "LOW" if order <= LENGTH_ORDER_PARALLEL else "low"
                    (low if flag == "LOW" else unsure).append(name)
                    under["recall, G-C confident" if flag == "LOW" else "recall, G-C unsure"] += 1
                if o[2] < g[2] - 1e-9:
                    flag += " f1"
                    under["F1"] += 1
                if args.verbose or flag:
                    print(f"  {kind:9s} piece {name:>5s}{'*' if held else ' '} {len(keep_s):3d}x{len(keep_t):3d}  "
                          f"retold {o[0]:.3f}/{o[1]:.3f}/{o[2]:.3f} strict {o[3]:.3f}   "
                          f"G-C {g[0]:.3f}/{g[1]:.3f}/{g[2]:.3f} strict {g[3]:.3f} conf {gc_conf:.2f} order {order:.2f}  {flag}")
            for name, (ours, theirs) in sums.items():
                o, g = figures(ours), figures(theirs)
                print(f"  {kind:9s} {name:8s} retold link P/R/F1 {o[0]:.3f}/{o[1]:.3f}/{o[2]:.3f} strict F1 {o[3]:.3f}   "
                      f"G-C {g[0]:.3f}/{g[1]:.3f}/{g[2]:.3f} strict F1 {g[3]:.3f}")
            print(f"  {kind:9s} retold's link recall under G-C's where G-C is confident: {low or 'none'}; where it is not: {unsure or 'none'}")
    print(f"pieces: {total}; retold under Gale–Church: " + ", ".join(f"{what} {n}" for what, n in under.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
