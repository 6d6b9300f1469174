"""What a sentence model is to retold: a name and a function from sentences to unit vectors.

No numpy at import time: the core runs without it when the semantic extra is off.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy


Progress = Callable[[int, int], None]  # (sentences embedded, sentences to embed), called as batches finish


@runtime_checkable
class Embedder(Protocol):
    """`name`: the model id and version (part of every cache key: another model, another vector).
    `embed(texts)`: one L2-normalised float32 row per text, in order."""

    name: str

    def embed(self, texts: Sequence[str]) -> "numpy.ndarray": ...


@dataclass(frozen=True)
class Backend:
    """A sentence model retold can use: `available()` is cheap (no model loaded, no import of
    the model's package); `load(threads)` returns the raw Embedder or raises ImportError/OSError/
    RuntimeError when the installed package cannot run."""

    name: str
    available: Callable[[], bool]
    load: Callable[[int | None], Embedder]
    install_hint: str  # what the user runs to get it


BACKENDS: dict[str, Backend] = {}  # in order of preference: the first available one is used


def register_backend(backend: Backend) -> None:
    BACKENDS[backend.name] = backend
