"""An in-memory LSH band index: band key -> article ids, kept as sorted runs (a small LSM tree).

Why not a B-tree in SQLite: every article adds ~36 band keys at random places of the key
space, so each ingest batch dirties nearly every page of a band table once it outgrows the
batch, and the commit writes them all again: the cost of a batch grows with the corpus
(measured by ``benchmarks/dedup.py``: 1,540 articles/s at 10k fell to 875/s at 100k, and
about 2,000/s flat without the band table). The keys themselves stay in the store
(:mod:`storydiff.store.dedup`, one row per article, appended in order); this index is built
from them when a stage starts and kept up to date as batches arrive.

Method: each :meth:`BandIndex.insert` sorts its ``(key, id)`` entries by key into a *run*;
whenever the newest run is at least half as long as the one before, the two are merged
(a binary counter: at most ``log2(N / batch)`` runs, each entry merged ``O(log N)`` times,
each merge a linear merge of two sorted arrays). A run of ``n`` entries carries a bucket
directory over the 32-bit key space: ``2**B`` buckets with ``B = bit_length(n) - 3``, and
``offsets[h]`` the first entry whose key's top ``B`` bits are ``>= h``; a lookup reads
the directory and then a contiguous range of 4 to 8 entries, so a batch of queries costs
a few vectorised passes per run whatever ``N``. Memory: 4 B key + 4 B id (8 B when an id
exceeds 32 bits) per entry and about 1 B of directory: ~9 B per key, ~315 B per article
with the default 36 keys (measured by ``benchmarks/dedup.py``).

:meth:`BandIndex.remove` tombstones ids: lookups skip them and merges drop their entries.
Entries of an id inserted again (a changed text) are not removed: a stale key only adds a
candidate, and every candidate is checked against the article's current signature.

>>> idx = BandIndex()
>>> idx.insert([1, 2], np.array([[10, 11], [11, 12]]))
>>> idx.insert([3], np.array([[12, -1]]))  # -1: no key
>>> {k: sorted(v) for k, v in sorted(idx.lookup(np.array([11, 12, 99])).items())}
{11: [1, 2], 12: [2, 3]}
>>> idx.remove([2])
>>> sorted(idx.query(np.array([11, 12])))
[1, 3]
>>> len(idx), idx.runs  # a quarter of the entries were dead: compacted into one run
(3, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

__all__ = ["BandIndex"]

Keys = npt.NDArray[np.int64]
_KEY_BITS = 32  # whole-text keys are 31-bit, lead keys have the top bit set


def _ids_array(ids: Sequence[int] | npt.NDArray[np.integer]) -> npt.NDArray[np.integer]:
    arr = np.asarray(ids, dtype=np.int64)
    if arr.size and (arr.min() < 0 or arr.max() > np.iinfo(np.uint32).max):
        return arr
    return arr.astype(np.uint32)


@dataclass(frozen=True, slots=True)
class _Run:
    """Entries sorted by key, with their bucket directory."""

    keys: npt.NDArray[np.uint32]
    ids: npt.NDArray[np.integer]
    shift: int
    offsets: npt.NDArray[np.int64]

    @classmethod
    def of_sorted(cls, keys: npt.NDArray[np.uint32], ids: npt.NDArray[np.integer]) -> _Run:
        bits = max(0, min(_KEY_BITS, len(keys).bit_length() - 3))
        shift = _KEY_BITS - bits
        starts = np.arange((1 << bits) + 1, dtype=np.uint64) << np.uint64(shift)
        offsets = np.searchsorted(keys, starts, side="left")
        dtype = np.int32 if len(keys) < np.iinfo(np.int32).max else np.int64
        return cls(keys, ids, shift, offsets.astype(dtype))

    @classmethod
    def of(cls, keys: npt.NDArray[np.uint32], ids: npt.NDArray[np.integer], presorted: bool = False) -> _Run:
        """A run of the entries, sorted; ``presorted``: the input is sorted runs end to end (a merge)."""
        kind: Literal["stable", "quicksort"] = "stable" if presorted else "quicksort"
        if ids.dtype == np.uint32:  # sort (key, id) packed in one 64-bit word: no gather by an argsort
            packed = np.sort((keys.astype(np.uint64) << np.uint64(32)) | ids.astype(np.uint64), kind=kind)
            return cls.of_sorted((packed >> np.uint64(32)).astype(np.uint32), packed.astype(np.uint32))
        order = np.argsort(keys, kind=kind)
        return cls.of_sorted(keys[order], ids[order])

    def find(self, queries: npt.NDArray[np.uint32]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.integer]]:
        """``(query index, id)`` of every entry whose key is one of ``queries`` (which may repeat)."""
        bucket = (queries >> np.uint32(self.shift)).astype(np.int64)
        lo = self.offsets[bucket].astype(np.int64)
        counts = self.offsets[bucket + 1].astype(np.int64) - lo
        total = int(counts.sum())
        if total == 0:
            return np.empty(0, dtype=np.int64), self.ids[:0]
        ends = np.cumsum(counts)
        pos = np.repeat(lo - (ends - counts), counts) + np.arange(total)
        which = np.repeat(np.arange(len(queries), dtype=np.int64), counts)
        hit = self.keys[pos] == queries[which]
        return which[hit], self.ids[pos[hit]]

    @property
    def nbytes(self) -> int:
        return int(self.keys.nbytes + self.ids.nbytes + self.offsets.nbytes)


class BandIndex:
    """Band key -> ids, in memory; also an :class:`~storydiff.dedup.lsh.LSHBackend`. See the module docstring."""

    def __init__(self) -> None:
        self._runs: list[_Run] = []
        self._dead: set[int] = set()
        self._dead_entries = 0  # entries of tombstoned ids still held by the runs (an estimate)
        self._inserted = (0, 0)  # (entries, ids) inserted so far: the mean number of keys per id

    def __len__(self) -> int:
        return sum(len(r.keys) for r in self._runs)

    @property
    def runs(self) -> int:
        """Number of sorted runs (about ``log2`` of the number of inserts)."""
        return len(self._runs)

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays of the index."""
        return sum(r.nbytes for r in self._runs)

    def insert(self, ids: Sequence[int] | npt.NDArray[np.integer], keys: Keys) -> None:
        """Index row ``i`` of ``keys`` (an ``(n, columns)`` array, ``-1`` = no key) under ``ids[i]``."""
        ids_arr = _ids_array(ids)
        keys = np.asarray(keys, dtype=np.int64).reshape(len(ids_arr), -1)
        valid = keys >= 0
        if not valid.any():
            return
        flat_ids = np.broadcast_to(ids_arr[:, None], keys.shape)[valid]
        self._inserted = (self._inserted[0] + len(flat_ids), self._inserted[1] + int(valid.any(axis=1).sum()))
        self._dead.difference_update(int(i) for i in np.unique(ids_arr))
        self._runs.append(_Run.of(keys[valid].astype(np.uint32), flat_ids))
        while len(self._runs) >= 2 and len(self._runs[-2].keys) <= 2 * len(self._runs[-1].keys):
            newer = self._runs.pop()
            self._runs[-1] = self._merge(self._runs[-1], newer)

    @classmethod
    def from_entries(cls, chunks: Iterable[tuple[npt.NDArray[np.integer], npt.NDArray[np.integer]]]) -> BandIndex:
        """An index of entries given as flat ``(keys, ids)`` array pairs (``keys[j]`` under ``ids[j]``; ``-1``:
        none), built with one sort: how a stage loads the keys of a store."""
        key_parts: list[npt.NDArray[np.uint32]] = []
        id_parts: list[npt.NDArray[np.integer]] = []
        for keys, ids in chunks:
            valid = np.asarray(keys) >= 0
            key_parts.append(np.asarray(keys)[valid].astype(np.uint32))
            id_parts.append(_ids_array(np.asarray(ids)[valid]))
        index = cls()
        if key_parts and sum(len(k) for k in key_parts):
            all_ids = np.concatenate(id_parts)
            index._runs.append(_Run.of(np.concatenate(key_parts), all_ids))
            index._inserted = (len(all_ids), len(np.unique(all_ids)))
        return index

    def _merge(self, older: _Run, newer: _Run) -> _Run:
        keys = np.concatenate([older.keys, newer.keys])
        ids = np.concatenate([older.ids, newer.ids])
        if self._dead:
            alive = ~np.isin(ids, np.fromiter(self._dead, dtype=np.int64))
            self._dead_entries -= int(len(ids) - alive.sum())
            keys, ids = keys[alive], ids[alive]
        return _Run.of(keys, ids, presorted=True)  # timsort of two sorted runs: a linear merge

    def matches(self, keys: Keys) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Every live entry sharing a key with a row of ``keys`` (``(n, columns)``, ``-1`` ignored), as three
        flat arrays ``(row, key, id)``; an entry indexed twice under one key may appear twice."""
        grid = np.asarray(keys, dtype=np.int64).reshape(len(keys), -1)
        rows, cols = np.nonzero(grid >= 0)
        flat = grid[rows, cols]
        parts: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []
        dead = np.fromiter(self._dead, dtype=np.int64) if self._dead else None
        for run in self._runs:
            which, raw_ids = run.find(flat.astype(np.uint32))
            found = raw_ids.astype(np.int64)
            if dead is not None and found.size:
                keep = ~np.isin(found, dead)
                which, found = which[keep], found[keep]
            parts.append((which, found))
        which = np.concatenate([p[0] for p in parts]) if parts else np.empty(0, dtype=np.int64)
        ids = np.concatenate([p[1] for p in parts]) if parts else np.empty(0, dtype=np.int64)
        return rows[which].astype(np.int64), flat[which], ids

    def lookup(self, keys: Keys) -> dict[int, set[int]]:
        """For each distinct key of ``keys`` (any shape, ``-1`` ignored) that is indexed, its live ids."""
        flat = np.asarray(keys, dtype=np.int64).ravel()
        _, found_keys, found_ids = self.matches(np.unique(flat[flat >= 0]).reshape(-1, 1))
        found: dict[int, set[int]] = {}
        for k, i in zip(found_keys.tolist(), found_ids.tolist(), strict=True):
            found.setdefault(k, set()).add(i)
        return found

    def query(self, keys: Keys) -> set[int]:
        """Ids sharing at least one of ``keys``."""
        return set().union(*self.lookup(keys).values())

    def query_many(self, keys: Keys) -> list[set[int]]:
        """For each row of ``keys``, the ids sharing at least one of its keys."""
        found = self.lookup(keys)
        return [set().union(*(found.get(int(k), set()) for k in row)) for row in np.asarray(keys)]

    def remove(self, ids: Iterable[int]) -> None:
        """Tombstone ``ids``: they are no longer found, and their entries are dropped by later merges."""
        fresh = {int(i) for i in ids} - self._dead
        if not fresh:
            return
        self._dead |= fresh
        entries, count = self._inserted
        self._dead_entries += len(fresh) * max(1, round(entries / max(1, count)))
        if self._dead_entries * 4 > len(self):  # a quarter dead: compact now
            self.compact()

    def compact(self) -> None:
        """Merge every run into one, dropping the entries of removed ids."""
        if self._runs:
            keys = np.concatenate([r.keys for r in self._runs])
            ids = np.concatenate([r.ids for r in self._runs])
            if self._dead:
                alive = ~np.isin(ids, np.fromiter(self._dead, dtype=np.int64))
                keys, ids = keys[alive], ids[alive]
            self._runs = [_Run.of(keys, ids)] if len(keys) else []
        self._dead.clear()
        self._dead_entries = 0
