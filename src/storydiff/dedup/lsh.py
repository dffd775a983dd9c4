"""Locality-sensitive hashing over MinHash signatures (banding).

Method: the ``num_perm`` positions are cut into ``b`` bands of ``r`` rows; two sets
become candidates when all rows of at least one band agree, which happens with
probability ``1 - (1 - J**r)**b``. :func:`optimal_params` picks ``(b, r)`` minimising
``w_fp * FP + w_fn * FN``, the areas under that S-curve below and above the threshold
(the method of datasketch's ``_optimal_param``, integrated with the trapezoid rule).

Each band is hashed to a 31-bit key (band number mixed in, so one key space serves all
bands; 31 bits keep SQLite integers at 4 bytes). Keys are kept by a small
:class:`LSHBackend`: :class:`MemoryBackend` here (a dict of sets), the compact
:class:`~storydiff.dedup.bandindex.BandIndex` that the pipeline stage uses.

>>> b, r = optimal_params(0.5, 128)
>>> b * r <= 128 and b > r
True
>>> from storydiff.dedup.minhash import MinHasher
>>> from storydiff.dedup.shingles import shingle_sets
>>> sets = shingle_sets(["a b c d e f g h i j k l", "a b c d e f g h i j k x", "z y x w v u t s"], None)
>>> lsh = LSH(0.5, 128)
>>> keys = lsh.keys(MinHasher(128).signatures(sets))
>>> mem = MemoryBackend()
>>> mem.insert([1, 2, 3], keys)
>>> sorted(mem.query(keys[0]))
[1, 2]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

__all__ = ["LSH", "LSHBackend", "MemoryBackend", "candidate_probability", "optimal_params"]

Keys = npt.NDArray[np.int64]


def candidate_probability(j: float | npt.NDArray[np.float64], b: int, r: int) -> npt.NDArray[np.float64]:
    """Probability that two sets of Jaccard ``j`` share at least one band."""
    return np.asarray(1.0 - (1.0 - np.asarray(j, dtype=np.float64) ** r) ** b)


def optimal_params(threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5) -> tuple[int, int]:
    """``(bands, rows)`` minimising the weighted false-positive and false-negative areas."""
    if not 0.0 < threshold < 1.0:
        raise ValueError("threshold must be in (0, 1)")
    lo = np.linspace(0.0, threshold, 400)
    hi = np.linspace(threshold, 1.0, 400)
    best, best_err = (1, num_perm), float("inf")
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = float(np.trapezoid(candidate_probability(lo, b, r), lo))
            fn = float(np.trapezoid(1.0 - candidate_probability(hi, b, r), hi))
            err = fp_weight * fp + fn_weight * fn
            if err < best_err - 1e-15:
                best, best_err = (b, r), err
    return best


class LSHBackend(Protocol):
    """Where band keys live. Ids are integers chosen by the caller."""

    def insert(self, ids: Sequence[int], keys: Keys) -> None:
        """Add row ``i`` of ``keys`` (all bands of one item) under ``ids[i]``."""

    def query(self, keys: Keys) -> set[int]:
        """Ids sharing at least one key with ``keys`` (one item's bands)."""

    def query_many(self, keys: Keys) -> list[set[int]]:
        """:meth:`query` for each row of a 2-D ``keys``."""

    def remove(self, ids: Sequence[int]) -> None:
        """Forget ``ids`` and their keys."""


class MemoryBackend:
    """A dict of key -> ids, plus each id's keys for removal."""

    def __init__(self) -> None:
        self.buckets: dict[int, set[int]] = {}
        self.keys_of: dict[int, list[int]] = {}

    def insert(self, ids: Sequence[int], keys: Keys) -> None:
        for item, row in zip(ids, keys.tolist(), strict=True):
            self.remove([item])
            self.keys_of[item] = row
            for k in row:
                self.buckets.setdefault(k, set()).add(item)

    def query(self, keys: Keys) -> set[int]:
        found: set[int] = set()
        for k in np.asarray(keys).ravel().tolist():
            found |= self.buckets.get(k, set())
        return found

    def query_many(self, keys: Keys) -> list[set[int]]:
        return [self.query(row) for row in keys]

    def remove(self, ids: Iterable[int]) -> None:
        for item in ids:
            for k in self.keys_of.pop(item, []):
                bucket = self.buckets.get(k)
                if bucket is not None:
                    bucket.discard(item)
                    if not bucket:
                        del self.buckets[k]


class LSH:
    """Banding for a Jaccard ``threshold``: turns signatures into band keys.

    ``weights`` are the (false-positive, false-negative) weights of :func:`optimal_params`;
    a non-zero ``salt`` gives keys of their own (another index sharing the key space).
    """

    def __init__(self, threshold: float, num_perm: int, params: tuple[int, int] | None = None,
                 weights: tuple[float, float] = (0.5, 0.5), salt: int = 0) -> None:
        self.threshold = threshold
        self.salt = salt
        self.num_perm = num_perm
        self.bands, self.rows = params or optimal_params(threshold, num_perm, *weights)
        if self.bands * self.rows > num_perm:
            raise ValueError("bands * rows exceeds num_perm")

    def keys(self, signatures: npt.NDArray[np.uint32]) -> Keys:
        """An ``(n, bands)`` array of 31-bit band keys (rows of empty sets are all -1)."""
        n = signatures.shape[0]
        sig = signatures[:, : self.bands * self.rows].astype(np.uint64).reshape(n, self.bands, self.rows)
        with np.errstate(over="ignore"):
            start = np.uint64(self.rows + (self.salt << 8))
            h = np.arange(self.bands, dtype=np.uint64)[None, :] * np.uint64(0x9E3779B97F4A7C15) + start
            h = np.broadcast_to(h, (n, self.bands)).copy()
            for j in range(self.rows):
                h ^= sig[:, :, j]
                h *= np.uint64(0xBF58476D1CE4E5B9)
                h ^= h >> np.uint64(31)
            h *= np.uint64(0x94D049BB133111EB)
            h ^= h >> np.uint64(29)
        keys = (h >> np.uint64(33)).astype(np.int64)
        empty = (signatures == np.uint32(0xFFFFFFFF)).all(axis=1)
        keys[empty] = -1
        return keys
