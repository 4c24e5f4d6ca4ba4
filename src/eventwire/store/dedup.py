"""Near-duplicate detection: MinHash signatures of word shingles, banded for lookup (LSH)."""

from __future__ import annotations

import hashlib
import re

import numpy as np

__all__ = ["BANDS", "SIMILAR", "MinHash", "minhash", "similarity"]

PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs at Jaccard 0.8 share a band with probability > 0.99.
ROWS = PERMUTATIONS // BANDS
SIMILAR = 0.8  # estimated Jaccard of 3-word shingles above which two texts are one story
SHINGLE = 3
_PRIME = np.uint64((1 << 61) - 1)
_WORD = re.compile(r"\w+")

# Fixed seeds: signatures must stay comparable across processes, runs and versions.
_rng = np.random.default_rng(20261128)
_A = _rng.integers(1, 1 << 61, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 61, size=PERMUTATIONS, dtype=np.uint64)


class MinHash:
    """A text's signature (``PERMUTATIONS`` 32-bit values) and its LSH band keys."""

    __slots__ = ("values",)

    def __init__(self, values: np.ndarray) -> None:
        self.values = values.astype(np.uint32)

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> MinHash:
        return cls(np.frombuffer(data, dtype="<u4"))

    def bands(self) -> list[int]:
        """One signed 63-bit key per band (fits BIGINT on every backend)."""
        keys = []
        for band in range(BANDS):
            chunk = self.values[band * ROWS : (band + 1) * ROWS].astype("<u4").tobytes()
            digest = hashlib.blake2b(chunk, digest_size=8).digest()
            keys.append(int.from_bytes(digest, "little") >> 1)
        return keys


def _shingles(text: str) -> np.ndarray:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        grams = [" ".join(words)] if words else [""]
    else:
        grams = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    hashes = {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") >> 3
        for g in grams
    }
    return np.fromiter(hashes, dtype=np.uint64, count=len(hashes))


def minhash(text: str) -> MinHash:
    """The text's signature; texts that differ in headline, byline or a sentence stay close."""
    x = _shingles(text)
    # (a*x + b) mod p, in 64-bit arithmetic: x < 2^61 and a < 2^61 would overflow, so the
    # product is taken modulo 2^64 first; uniform enough for a similarity estimate.
    products = (x[:, None] * _A[None, :] + _B[None, :]) % _PRIME
    return MinHash((products.min(axis=0) & np.uint64(0xFFFFFFFF)).astype(np.uint32))


def similarity(a: MinHash, b: MinHash) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(a.values == b.values))
