"""MinHash signatures for a whole batch of shingle sets at once.

Two methods, both built on the universal hash ``h(x) = (a * x + b) mod p`` with the
Mersenne prime ``p = 2**31 - 1`` (``x < 2**32`` and ``a < 2**31``, so nothing overflows
64 bits; ``mod p`` is two Mersenne folds ``(y & p) + (y >> 31)`` instead of a division),
``a, b`` drawn from a seeded :class:`numpy.random.Generator`:

``"oph"`` (default): one-permutation hashing with optimal densification (Li, Owen &
    Zhang 2012; Shrivastava 2017). One hash per shingle; its range is cut into
    ``num_perm`` bins and each bin keeps its minimum. A bin left empty borrows the value
    of the first non-empty bin on its own seeded probe sequence (the same sequence for
    every document, so equal sets give equal signatures). Cost O(shingles) instead of
    O(shingles * num_perm); the Jaccard estimate has the same expectation and, for sets
    of more than a few dozen shingles, the same error as ``num_perm`` permutations.
    The whole batch is one ``numpy.minimum.at`` over ``(document, bin)`` cells.
``"kperm"``: classic ``num_perm`` independent permutations ``(a_i * x + b_i) mod p``
    (Broder 1997, the datasketch scheme), computed for all shingles of the batch in
    cache-sized chunks with ``numpy.minimum.reduceat`` per document.

The fraction of equal positions estimates the Jaccard similarity (standard error about
``sqrt(J(1-J)/num_perm)``). :func:`compact` keeps the low 8 bits of each position
(b-bit MinHash, Li & König 2010) for a 128-byte stored signature, and
:func:`estimate_compact` corrects for the 1/256 chance collisions.

>>> from storydiff.dedup.shingles import shingle_set
>>> s1 = shingle_set("eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf", short_text_words=0)
>>> s2 = shingle_set("eins zwei drei vier fünf sechs sieben acht neun zehn elf dreizehn", short_text_words=0)
>>> sig = MinHasher(num_perm=128, seed=1).signatures([s1, s2])
>>> sig.shape, sig.dtype.name, round(estimate(sig[0], sig[1]), 1)
((2, 128), 'uint32', 0.8)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt

__all__ = ["EMPTY", "MinHasher", "compact", "estimate", "estimate_compact"]

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
U8 = npt.NDArray[np.uint8]
F64 = npt.NDArray[np.float64]

_P = np.uint64((1 << 31) - 1)
_S31 = np.uint64(31)
_LOW32 = np.uint64(0xFFFFFFFF)
#: the signature value of an empty set (larger than any hash value)
EMPTY = np.uint32(0xFFFFFFFF)
_MAX_PROBES = 1 << 14


def _fold(y: U64, tmp: U64) -> U64:
    """``y mod p`` for ``y < 2**63`` by two Mersenne folds, in place (result ``< p + 3``)."""
    np.right_shift(y, _S31, out=tmp)
    y &= _P
    y += tmp
    np.right_shift(y, _S31, out=tmp)
    y &= _P
    y += tmp
    return y


class MinHasher:
    """Seeded MinHash over ``num_perm`` positions; :meth:`signatures` hashes many sets in one go."""

    def __init__(self, num_perm: int = 128, seed: int = 1, method: Literal["oph", "kperm"] = "oph",
                 chunk: int = 4096) -> None:
        if num_perm < 1:
            raise ValueError("num_perm must be positive")
        if method not in ("oph", "kperm"):
            raise ValueError("method must be 'oph' or 'kperm'")
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self.method = method
        self.a = rng.integers(1, int(_P), size=num_perm, dtype=np.uint64)
        self.b = rng.integers(0, int(_P), size=num_perm, dtype=np.uint64)
        self.probe_seed = int(rng.integers(1, 1 << 62))
        self.chunk = chunk

    def signatures(self, sets: Sequence[npt.NDArray[np.uint32]]) -> U32:
        """An ``(len(sets), num_perm)`` uint32 array; an empty set gets :data:`EMPTY` everywhere."""
        n = len(sets)
        out = np.full((n, self.num_perm), EMPTY, dtype=np.uint32)
        lengths = np.fromiter((len(s) for s in sets), dtype=np.int64, count=n)
        if n == 0 or lengths.sum() == 0:
            return out
        allx = np.concatenate([np.asarray(s, dtype=np.uint32) for s in sets]).astype(np.uint64)
        doc_of = np.repeat(np.arange(n, dtype=np.uint64), lengths)
        if self.method == "kperm":
            self._kperm(allx, doc_of, out)
        else:
            self._oph(allx, doc_of, out, lengths)
        return out

    def _kperm(self, allx: U64, doc_of: U64, out: U32) -> None:
        buf = np.empty((self.chunk, self.num_perm), dtype=np.uint64)
        tmp = np.empty_like(buf)
        for start in range(0, len(allx), self.chunk):
            stop = min(start + self.chunk, len(allx))
            m = stop - start
            y = buf[:m]
            np.multiply(allx[start:stop, None], self.a[None, :], out=y)
            y += self.b
            _fold(y, tmp[:m])
            docs = doc_of[start:stop]
            cuts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
            mins = np.minimum.reduceat(y, cuts, axis=0).astype(np.uint32)
            rows = docs[cuts].astype(np.int64)
            out[rows] = np.minimum(out[rows], mins)

    def _oph(self, allx: U64, doc_of: U64, out: U32, lengths: npt.NDArray[np.int64]) -> None:
        k = np.uint64(self.num_perm)
        y = allx * self.a[0] + self.b[0]
        _fold(y, np.empty_like(y))
        y = np.where(y >= _P, y - _P, y)
        cell = (doc_of * k + ((y * k) >> _S31)).astype(np.int64)
        np.minimum.at(out.reshape(-1), cell, y.astype(np.uint32))
        self._densify(out, lengths > 0)

    def _probe(self, bins: npt.NDArray[np.int64], step: int) -> npt.NDArray[np.int64]:
        """Bin number ``step`` of each bin's probe sequence (SplitMix64 of bin, step and seed)."""
        with np.errstate(over="ignore"):
            z = bins.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(self.probe_seed + step * 7919)
            z ^= z >> np.uint64(30)
            z *= np.uint64(0xBF58476D1CE4E5B9)
            z ^= z >> np.uint64(27)
            z *= np.uint64(0x94D049BB133111EB)
            z ^= z >> np.uint64(31)
        return (z % np.uint64(self.num_perm)).astype(np.int64)

    def _densify(self, sig: U32, nonempty: npt.NDArray[np.bool_]) -> None:
        k = self.num_perm
        filled = sig != EMPTY
        todo = np.flatnonzero((~filled & nonempty[:, None]).reshape(-1))
        if todo.size == 0:
            return
        orig = sig.reshape(-1).copy()
        ok_flat = filled.reshape(-1)
        doc, bins = np.divmod(todo, k)
        flat = sig.reshape(-1)
        for step in range(1, _MAX_PROBES + 1):
            src = doc * k + self._probe(bins, step)
            hit = ok_flat[src]
            flat[todo[hit]] = orig[src[hit]]
            todo, doc, bins = todo[~hit], doc[~hit], bins[~hit]
            if todo.size == 0:
                return
        # practically unreachable (needs a set of one or two shingles): borrow the first filled bin
        first = np.argmax(filled, axis=1)
        flat[todo] = orig[doc * k + first[doc]]


def estimate(a: U32, b: U32) -> float:
    """Jaccard estimate from two full signatures."""
    return float(np.mean(a == b))


def compact(signatures: U32) -> U8:
    """The low 8 bits of every position (b-bit MinHash with b = 8)."""
    return (signatures & np.uint32(0xFF)).astype(np.uint8)


def estimate_compact(a: U8, b: U8 | npt.NDArray[np.uint8]) -> F64:
    """Jaccard estimates from 8-bit signatures: ``(matches - 1/256) / (1 - 1/256)``, clipped to [0, 1].

    ``b`` may be one signature or a 2-D array of them (one estimate per row).
    """
    match = np.mean(np.asarray(b) == a, axis=-1)
    r = 1.0 / 256.0
    return np.asarray(np.clip((match - r) / (1.0 - r), 0.0, 1.0), dtype=np.float64)
