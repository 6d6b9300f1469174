"""A deterministic stand-in for a sentence model, for tests of the logic that uses one.

It is NOT a model: it hashes a sentence's words and character trigrams into a fixed number of
signed buckets, so sentences sharing words or word parts get a high cosine, and a paraphrase with
other words does not. Same text, same vector, in every process (blake2b, not Python's hash()).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

_WORD = re.compile(r"\w+")


class FakeEmbedder:
    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.name = f"fake-hashed-ngrams-{dim}/1"
        self.calls: list[int] = []  # how many texts each embed() call received (tests read it)

    def _features(self, text: str) -> list[str]:
        words = _WORD.findall(text.casefold())
        grams = [f"#{w[i:i + 3]}" for w in words for i in range(max(1, len(w) - 2))]
        return [f"w:{w}" for w in words] + grams

    def embed(self, texts: Sequence[str]):
        import numpy

        self.calls.append(len(texts))
        out = numpy.zeros((len(texts), self.dim), dtype=numpy.float32)
        for row, text in enumerate(texts):
            for feature in self._features(text):
                digest = hashlib.blake2b(feature.encode("utf-8", "surrogatepass"), digest_size=8).digest()
                bucket = int.from_bytes(digest[:4], "little") % self.dim
                out[row, bucket] += 1.0 if digest[4] & 1 else -1.0
            norm = float(numpy.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
            else:  # no word at all: a fixed unit vector, so every row stays L2-normalised
                out[row, 0] = 1.0
        return out
