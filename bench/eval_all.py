"""Every alignment figure in one run, each data set apart, held-out parts apart.

    python bench/eval_all.py [--workers 1] [--no-speed] [--textberg DIR] [--msrp DIR]

- Sample gold: every story in sample_corpus/ against its hand-made gold.json (pair precision /
  recall / F1, status accuracy, body kept, furniture leaked, headlines, names). tavel-river,
  brenholt-port and lethmar-rates (bench/held_out.py) are the held-out part: written to be hard
  after the thresholds were tuned, each with its gold written before any alignment run on it,
  never to be tuned on.
- Text+Berg dev document (../shared/textberg/dev), both conditions (machine-translated French vs
  French; German vs French): link and strict bead P/R/F1 (bench/textberg.py's scoring) on the
  whole document, on its first two thirds, and on its last third (held out), split by the
  position of each bead's first source line.
- MSRP (../shared/msrp): the aligner as a paraphrase judge at its own threshold (bench/msrp.py):
  train without its held-out fifth, that fifth, and dev (held out); accuracy, positive-class
  P/R/F1 and confusion counts.
- Each of these words alone ("lexical") and with the sentence model, when align() takes one and a
  model is installed (else the row says why not).
- Speed: `retold align` on a synthetic 20 outlets x 400 sentences story, as bench/bench_align.py
  measures it (one run; `--no-speed` skips it).

Runs under PYTHONHASHSEED=0 (it restarts itself so): an order-free score can land exactly on a
threshold, and a float sum taken in set order then decides differently under other seeds (two
MSRP training pairs did, at the time of writing), so runs compare only under one seed.
"""

from __future__ import annotations

import argparse
import inspect
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable, *sys.argv], dict(os.environ, PYTHONHASHSEED="0"))

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(BENCH))

import msrp  # noqa: E402
from held_out import HELD_OUT_STORIES  # noqa: E402
import textberg  # noqa: E402
from retold.model.gold import score  # noqa: E402
from retold.model.pipeline import load_alignment  # noqa: E402

CONDITIONS = ("lexical", "semantic")


def _semantic_status() -> tuple[object | None, str | None]:
    """(the sentence model or None, why not). Loaded once: MSRP passes it to align() itself."""
    return msrp.load_semantic()


def _aligner(condition: str, semantic_reason: str | None):
    """load_alignment for a condition, or the reason it cannot run. The pipeline's `semantic`
    switch (issue 16) decides where it exists; before it, the pipeline aligns by words alone."""
    takes = "semantic" in inspect.signature(load_alignment).parameters
    if condition == "lexical":
        return (lambda paths: load_alignment(paths, semantic=False)) if takes else load_alignment, None
    if semantic_reason:
        return None, semantic_reason
    if not takes:
        return None, "not available yet (the pipeline has no semantic switch)"
    return (lambda paths: load_alignment(paths, semantic=True)), None


def sample_gold(conditions: list[tuple[str, object, str | None]]) -> None:
    print("SAMPLE GOLD  (sample_corpus/*/gold.json; pair P / R / F1, status accuracy, body kept, furniture leaked, headlines, names)")
    for gold in sorted((ROOT / "sample_corpus").glob("*/gold.json")):
        name = gold.parent.name
        held = f"  HELD OUT: {HELD_OUT_STORIES[name]}" if name in HELD_OUT_STORIES else ""
        for condition, run, why in conditions:
            if run is None:
                print(f"  {name:16s} {condition:8s} {why}")
                continue
            r = score(run([str(gold.parent)]), gold)
            names = f"  names {r.names_right}/{r.names_total}" if r.names_total else ""
            print(f"  {name:16s} {condition:8s} pairs {r.pair_precision:.3f} / {r.pair_recall:.3f} / {r.pair_f1:.3f}  "
                  f"status {r.status_accuracy:.3f}  body {r.body_kept:.3f}  leaked {len(r.furniture_leaked)}  "
                  f"titles {r.title_correct:.2f}{names}{held}")


def _align_pair(dev: Path, source: str, source_lang: str, target: str, target_lang: str, run):
    """The two files as a story of two outlets (as bench/textberg.py builds it), aligned."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "story"
        folder.mkdir()
        shutil.copy(dev / source, folder / f"source_{source}")
        shutil.copy(dev / target, folder / f"target_{target}")
        (folder / "story.toml").write_text(
            f'[[outlet]]\nfile = "source_{source}"\nlanguage = "{source_lang}"\n\n'
            f'[[outlet]]\nfile = "target_{target}"\nlanguage = "{target_lang}"\n',
            encoding="utf-8",
        )
        began = time.perf_counter()
        alignment = run([str(folder)])
        return alignment, time.perf_counter() - began


def textberg_parts(alignment, source_text: str, target_text: str, gold) -> dict[str, tuple]:
    """Link and strict bead (P, R, F1) on the whole document and on its two parts: a bead or link
    belongs to the last third when its first source line is in the last third of the source."""
    source_id, target_id = alignment.outlets[0].id, alignment.outlets[1].id
    starts_s, starts_t = textberg.line_starts(source_text), textberg.line_starts(target_text)
    links, _, _ = textberg.system_links(alignment, source_id, target_id, starts_s, starts_t)
    cut = (2 * len(source_text.split("\n"))) // 3
    gold_beads = {bead for bead in gold if bead[0] and bead[1]}
    system_beads = textberg.beads_from_links(links)
    gold_links = {(a, b) for s, t in gold_beads for a in s for b in t}
    parts = {"whole": lambda line: True, "first 2/3": lambda line: line < cut, "last 1/3 (held out)": lambda line: line >= cut}
    result = {}
    for part, keep in parts.items():
        mine = {link for link in links if keep(link[0])}
        theirs = {link for link in gold_links if keep(link[0])}
        hits = len(mine & theirs)
        beads_mine = {bead for bead in system_beads if keep(min(bead[0]))}
        beads_theirs = {bead for bead in gold_beads if keep(min(bead[0]))}
        strict_hits = len(beads_mine & beads_theirs)
        result[part] = (
            textberg.prf(hits, len(mine), hits, len(theirs)),
            textberg.prf(strict_hits, len(beads_mine), strict_hits, len(beads_theirs)),
            len(beads_theirs),
        )
    return result


def textberg_dev(dev: Path, conditions: list[tuple[str, object, str | None]]) -> None:
    print(f"TEXT+BERG DEV  ({dev}; link P / R / F1, strict bead P / R / F1)")
    if not (dev / "gold.txt").is_file():
        print(f"  skipped: no Text+Berg dev document at {dev} (it lives in ../shared/textberg/dev beside the checkout)")
        return
    gold = textberg.read_gold(dev / "gold.txt")
    for label, source, source_lang, target, target_lang in textberg.CONDITIONS:
        source_text = (dev / source).read_text(encoding="utf-8")
        target_text = (dev / target).read_text(encoding="utf-8")
        for condition, run, why in conditions:
            if run is None:
                print(f"  {label:26s} {condition:8s} {why}")
                continue
            alignment, seconds = _align_pair(dev, source, source_lang, target, target_lang, run)
            for part, (link, strict, beads) in textberg_parts(alignment, source_text, target_text, gold).items():
                timing = f"  {seconds:.1f} s" if part == "whole" else ""
                print(f"  {label:26s} {condition:8s} {part:20s} link {link[0]:.3f} / {link[1]:.3f} / {link[2]:.3f}  "
                      f"strict {strict[0]:.3f} / {strict[1]:.3f} / {strict[2]:.3f}  ({beads} gold beads){timing}")


def msrp_pairs(folder: Path, workers: int, embedder, why: str | None) -> None:
    print(f"MSRP  ({folder}; same statement = both sentences in one group of align(); accuracy, positive-class P / R / F1, confusion)")
    if not (folder / "train.tsv").is_file():
        print(f"  skipped: no MSRP pairs at {folder} (they live in ../shared/msrp beside the checkout)")
        return
    for condition, model in (("lexical", None), ("semantic", embedder)):
        if condition == "semantic" and model is None:
            print(f"  {condition:8s} {why}")
            continue
        for name, confusion, seconds in msrp.score_splits(folder, workers, model):
            print(f"  {condition:8s} {name:22s} {confusion.line()}  {seconds:.1f} s")


def speed() -> None:
    import bench_align
    from retold.synthetic import make_story

    print("SPEED  (bench/bench_align.py's measure: a fresh `retold align` process, bytecode cached, one run)")
    with tempfile.TemporaryDirectory() as tmp:
        story = make_story(Path(tmp) / "s20", outlets=20, sentences=400, seed=1)
        seconds, peak = bench_align.run(bench_align.align_cmd(story), 1)
    print(f"  synthetic 20 outlets x 400 sentences: {seconds:.2f} s  peak {peak:.0f} MB  (target <= 1.0 s, <= 150 MB; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--textberg", default=str(msrp.shared_data("textberg") / "dev"), help="the Text+Berg dev folder")
    parser.add_argument("--msrp", default=str(msrp.shared_data("msrp")), help="the folder holding MSRP's train.tsv and dev.tsv")
    parser.add_argument("--workers", type=int, default=1, help="processes for the MSRP pairs (one: the pool costs more than it saves here)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed line")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    embedder, why = _semantic_status()
    conditions = [(c, *_aligner(c, why)) for c in CONDITIONS]
    sample_gold(conditions)
    textberg_dev(Path(args.textberg), conditions)
    msrp_pairs(Path(args.msrp), args.workers, embedder, why)
    if not args.no_speed:
        speed()
    print(f"({time.perf_counter() - began:.0f} s in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
