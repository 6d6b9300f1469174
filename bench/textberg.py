"""Score the aligner on the Text+Berg benchmark's dev document (../shared/textberg/dev).

    python bench/textberg.py [--dir ../shared/textberg/dev] [-v]

Two conditions, as in the benchmark's README: machine-translated French against human French
(monolingual: stands in for an outlet that paraphrases) and German against French (no
translation). Each pair of files is aligned through the whole pipeline (`load_alignment` on a
temporary story folder), every sentence is mapped back to the input lines its character span
covers, and the README's metrics are printed: link precision / recall / F1, strict bead
precision / recall / F1 (Vecalign's score.py), line recall and the time taken.
"""

from __future__ import annotations

import argparse
import bisect
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from retold.model.pipeline import load_alignment  # noqa: E402

# The dev document lives beside the checkout (../shared/textberg/dev); a worktree sits one level deeper.
DEFAULT_DEV = next((p for p in (ROOT.parent / "shared" / "textberg" / "dev", ROOT.parents[1] / "shared" / "textberg" / "dev") if p.is_dir()), ROOT.parent / "shared" / "textberg" / "dev")
CONDITIONS = [("mt_fr vs fr (monolingual)", "mt_fr.txt", "fr", "fr.txt", "fr"), ("de vs fr (no translation)", "de.txt", "de", "fr.txt", "fr")]


def read_gold(path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    beads = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        left, right = line.split(":")
        parse = lambda side: tuple(int(x) for x in side.strip("[]").split(",") if x.strip())  # noqa: E731
        beads.append((parse(left), parse(right)))
    return beads


def line_starts(text: str) -> list[int]:
    starts, offset = [], 0
    for line in text.split("\n"):
        starts.append(offset)
        offset += len(line) + 1
    return starts


def lines_of(span: tuple[int, int], starts: list[int]) -> list[int]:
    first = bisect.bisect_right(starts, span[0]) - 1
    last = bisect.bisect_right(starts, max(span[0], span[1] - 1)) - 1
    return list(range(first, last + 1))


def system_links(alignment, source_id: str, target_id: str, starts_s, starts_t) -> tuple[set[tuple[int, int]], set[int], set[int]]:
    links: set[tuple[int, int]] = set()
    source = alignment.outlet(source_id)
    target = alignment.outlet(target_id)
    covered_s = {line for s in source.sentences for line in lines_of((s.start, s.end), starts_s)}
    covered_t = {line for s in target.sentences for line in lines_of((s.start, s.end), starts_t)}
    for group in alignment.groups:
        left = [line for i in group.of(source_id) for line in lines_of((source.sentences[i].start, source.sentences[i].end), starts_s)]
        right = [line for i in group.of(target_id) for line in lines_of((target.sentences[i].start, target.sentences[i].end), starts_t)]
        links |= {(a, b) for a in left for b in right}
    return links, covered_s, covered_t


def beads_from_links(links: set[tuple[int, int]]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent[find(("s", a))] = find(("t", b))
    components: dict = {}
    for a, b in links:
        for node in (("s", a), ("t", b)):
            components.setdefault(find(node), set()).add(node)
    return {
        (tuple(sorted(n for side, n in nodes if side == "s")), tuple(sorted(n for side, n in nodes if side == "t")))
        for nodes in components.values()
    }


def prf(hits_p: int, total_p: int, hits_r: int, total_r: int) -> tuple[float, float, float]:
    p = hits_p / total_p if total_p else 0.0
    r = hits_r / total_r if total_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_retold(source_text: str, source_lang: str, target_text: str, target_lang: str):
    """Align two texts through the whole pipeline (a temporary story folder): (alignment, seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "story"
        folder.mkdir()
        (folder / "source.txt").write_text(source_text, encoding="utf-8")
        (folder / "target.txt").write_text(target_text, encoding="utf-8")
        (folder / "story.toml").write_text(
            f'[[outlet]]\nfile = "source.txt"\nlanguage = "{source_lang}"\n\n'
            f'[[outlet]]\nfile = "target.txt"\nlanguage = "{target_lang}"\n',
            encoding="utf-8",
        )
        began = time.perf_counter()
        alignment = load_alignment([str(folder)])
        return alignment, time.perf_counter() - began


def score_links(links: set[tuple[int, int]], gold: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> dict:
    """Link and strict bead precision / recall / F1 of system links (source line, target line)."""
    gold_links = {(a, b) for s, t in gold if s and t for a in s for b in t}
    hits = len(links & gold_links)
    gold_beads = {bead for bead in gold if bead[0] and bead[1]}
    system_beads = beads_from_links(links)
    return {
        "link": prf(hits, len(links), hits, len(gold_links)),
        "strict": prf(len(system_beads & gold_beads), len(system_beads), len(gold_beads & system_beads), len(gold_beads)),
        "system_beads": system_beads,
        "gold_beads": gold_beads,
    }


def score_texts(source_text: str, source_lang: str, target_text: str, target_lang: str, gold) -> dict:
    """retold on two texts, scored against gold beads over their lines."""
    alignment, elapsed = run_retold(source_text, source_lang, target_text, target_lang)
    source_id, target_id = alignment.outlets[0].id, alignment.outlets[1].id
    starts_s, starts_t = line_starts(source_text), line_starts(target_text)
    links, covered_s, covered_t = system_links(alignment, source_id, target_id, starts_s, starts_t)
    result = score_links(links, gold)
    lines_s = [i for i, line in enumerate(source_text.split("\n")) if line.strip()]
    lines_t = [i for i, line in enumerate(target_text.split("\n")) if line.strip()]
    kept = sum(i in covered_s for i in lines_s) + sum(i in covered_t for i in lines_t)
    result.update(line_recall=kept / max(1, len(lines_s) + len(lines_t)), seconds=elapsed, links=links)
    return result


def score_condition(dev: Path, source_file: str, source_lang: str, target_file: str, target_lang: str, verbose: bool = False) -> dict:
    gold = read_gold(dev / "gold.txt")
    source_text = (dev / source_file).read_text(encoding="utf-8")
    target_text = (dev / target_file).read_text(encoding="utf-8")
    result = score_texts(source_text, source_lang, target_text, target_lang, gold)
    if verbose:
        gold_beads, system_beads = result["gold_beads"], result["system_beads"]
        src_lines, tgt_lines = source_text.split("\n"), target_text.split("\n")
        for bead in sorted(gold_beads - system_beads)[:40]:
            print("  missed", bead, "|", " ".join(src_lines[i] for i in bead[0])[:90], "||", " ".join(tgt_lines[i] for i in bead[1])[:90])
        for bead in sorted(system_beads - gold_beads)[:40]:
            print("  wrong ", bead, "|", " ".join(src_lines[i] for i in bead[0])[:90], "||", " ".join(tgt_lines[i] for i in bead[1])[:90])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(DEFAULT_DEV), help="the benchmark's dev folder")
    parser.add_argument("--only", choices=["mono", "cross"], help="run one condition")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed and wrong beads")
    args = parser.parse_args(argv)
    dev = Path(args.dir)
    if not (dev / "gold.txt").is_file():
        print(f"skipped: no Text+Berg dev document at {dev} (it lives in ../shared/textberg/dev beside the checkout)")
        return 0
    for (label, source, source_lang, target, target_lang), key in zip(CONDITIONS, ["mono", "cross"]):
        if args.only and args.only != key:
            continue
        r = score_condition(dev, source, source_lang, target, target_lang, args.verbose)
        print(
            f"{label:28s} link P/R/F1 {r['link'][0]:.3f} / {r['link'][1]:.3f} / {r['link'][2]:.3f}   "
            f"strict P/R/F1 {r['strict'][0]:.3f} / {r['strict'][1]:.3f} / {r['strict'][2]:.3f}   "
            f"line recall {r['line_recall']:.3f}   {r['seconds']:.2f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
