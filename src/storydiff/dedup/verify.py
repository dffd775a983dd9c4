"""Exact verification of candidate pairs and near-duplicate grouping.

Method: a candidate pair from LSH is verified on the exact shingle sets (sorted unique
uint32 arrays): Jaccard ``|A∩B| / |A∪B|`` and containment ``|A∩B| / min(|A|, |B|)``
(a short version of a longer article has a low Jaccard but a containment near 1).
Verified pairs are grouped by union-find; union by smaller representative keeps the
result independent of the order in which pairs arrive. The canonical article of a group
is the earliest published one (unknown dates last, ties by smallest id).

>>> import numpy as np
>>> similarity(np.array([1, 2, 3, 4], dtype=np.uint32), np.array([3, 4], dtype=np.uint32))
(0.5, 1.0)
>>> groups([("b", "c"), ("a", "b"), ("x", "y")])
[['a', 'b', 'c'], ['x', 'y']]
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from storydiff.settings import DedupSettings

__all__ = [
    "PREFILTER_MARGIN",
    "UnionFind",
    "canonical",
    "groups",
    "is_near_duplicate",
    "passes_prefilter",
    "similarity",
]

#: how far below the thresholds the 8-bit signature estimate may be and still get an exact check
PREFILTER_MARGIN = 0.15

T = TypeVar("T", bound=Hashable)


def passes_prefilter(estimate: npt.NDArray[np.float64], n_a: npt.NDArray[np.int64], n_b: npt.NDArray[np.int64],
                     settings: DedupSettings) -> npt.NDArray[np.bool_]:
    """Whether each candidate whose signatures estimate Jaccard ``estimate`` deserves the exact check
    (one candidate per element of the arrays).

    Containment is derived from the Jaccard estimate and the shingle counts:
    ``|A∩B| = J (|A| + |B|) / (1 + J)``, so ``C = |A∩B| / min(|A|, |B|)``.

    >>> passes_prefilter(np.array([0.3, 0.1]), np.array([100, 100]), np.array([1000, 100]), DedupSettings()).tolist()
    [True, False]
    """
    contained = estimate * (n_a + n_b) / (1.0 + estimate) / np.maximum(1, np.minimum(n_a, n_b))
    return np.asarray((estimate >= settings.threshold - PREFILTER_MARGIN)
                      | (contained >= settings.containment_threshold - PREFILTER_MARGIN), dtype=np.bool_)


def is_near_duplicate(jaccard: float, containment: float, settings: DedupSettings) -> bool:
    """The verdict on exact figures: Jaccard or containment at or above its threshold."""
    return jaccard >= settings.threshold or containment >= settings.containment_threshold


def similarity(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> tuple[float, float]:
    """``(jaccard, containment)`` of two sorted unique shingle arrays (0.0 when either is empty)."""
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b))


class UnionFind:
    """Disjoint sets over comparable items; the root of a set is its smallest item."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo

    def sets(self) -> list[list[str]]:
        """All sets of two or more items, each sorted, ordered by their smallest item."""
        by_root: dict[str, list[str]] = {}
        for x in self.parent:
            by_root.setdefault(self.find(x), []).append(x)
        return sorted(sorted(m) for m in by_root.values() if len(m) > 1)


def groups(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components (of size >= 2) of the pair graph, deterministic."""
    uf = UnionFind()
    for a, b in pairs:
        uf.union(a, b)
    return uf.sets()


def canonical(members: Iterable[str], published: Callable[[str], datetime | None]) -> str:
    """The earliest published member; members without a date come last; ties by smallest id."""
    def key(m: str) -> tuple[int, float, str]:
        when = published(m)
        return (0, when.timestamp(), m) if when is not None else (1, 0.0, m)

    return min(members, key=key)
