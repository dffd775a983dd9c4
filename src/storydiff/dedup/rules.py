"""The dedup rules shared by the embedded stage and the batch job: keys, candidate kinds, verdicts.

:class:`~storydiff.dedup.stage.DedupStage` (SQLite, one ingest batch at a time) and the
Dask job (:mod:`storydiff.distributed.kernels`, shuffles) find candidates differently but
call these functions, so they find and verify the same pairs:

* :class:`IndexKeys` turns texts into :class:`Shingled` sets, MinHash signatures and the
  band keys of one row per text: the whole-text LSH keys (``main_columns`` of them), then,
  with ``DedupSettings.lead_keys``, the :class:`~storydiff.dedup.lead.LeadIndex` keys;
* :func:`lead_only`: a candidate is *lead-only* when every key it shares with the other
  article is a lead key (lead and whole-text keys live in disjoint key spaces, so this
  reads the same from both sides of a pair);
* :func:`needs_check`: the 8-bit signature prefilter, except that a lead-only candidate
  whose texts are shingled differently (characters vs words) has no estimate and is
  always checked (many pairs in one numpy pass);
* :func:`verdict`: exact ``(jaccard, containment)`` (:func:`~storydiff.dedup.lead.pair_similarity`,
  character shingles of both texts when their kinds differ), kept when a threshold is reached.

>>> s = DedupSettings()
>>> keys = IndexKeys(s)
>>> story = "Die Regierung hat am Freitag den Ausnahmezustand verhängt. " * 3 + "Weitere Sätze folgen hier. " * 20
>>> shingled = Shingled.of([story, story[:200]], s)
>>> shingled.kinds
[False, True]
>>> sigs, rows = keys.index(shingled)
>>> shared = sorted(set(rows[0].tolist()) & set(rows[1].tolist()))
>>> len(shared) > 0, lead_only(shared)
(True, True)
>>> verdict(shingled.norms[0], shingled.sets[0], False, shingled.norms[1], shingled.sets[1], True, s)[1]
1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storydiff.dedup.batchshingles import shingle_batch
from storydiff.dedup.lead import LeadIndex, is_lead_key, pair_similarity
from storydiff.dedup.lsh import LSH
from storydiff.dedup.minhash import MinHasher, estimate_compact
from storydiff.dedup.verify import is_near_duplicate, passes_prefilter
from storydiff.settings import DedupSettings
from storydiff.text.normalize import normalize

__all__ = ["IndexKeys", "Shingled", "lead_only", "needs_check", "verdict"]

U8 = npt.NDArray[np.uint8]
U32 = npt.NDArray[np.uint32]
Keys = npt.NDArray[np.int64]
I64 = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Shingled:
    """Normalised texts, their shingle sets and set kinds (True = character shingles)."""

    norms: list[str]
    sets: list[U32]
    kinds: list[bool]

    @classmethod
    def of(cls, texts: Sequence[str], settings: DedupSettings, cache: dict[str, int] | None = None) -> Shingled:
        """Normalise and shingle ``texts`` (``cache``: word ids shared between calls).

        The sets of :func:`~storydiff.dedup.lead.shingle_texts`, computed for the whole batch at
        once by :func:`~storydiff.dedup.batchshingles.shingle_batch`.
        """
        norms = [normalize(t) for t in texts]
        sets, kinds = shingle_batch(norms, settings, {} if cache is None else cache)
        return cls(norms, sets, kinds)


class IndexKeys:
    """MinHash and band keys of texts: whole-text LSH keys, then (``settings.lead_keys``) lead keys."""

    def __init__(self, settings: DedupSettings) -> None:
        self.settings = settings
        self.hasher = MinHasher(settings.num_perm, settings.seed)
        w = settings.lsh_recall_weight
        self.lsh = LSH(settings.threshold, settings.num_perm, weights=(1.0 - w, w))
        self.lead = LeadIndex() if settings.lead_keys else None

    @property
    def main_columns(self) -> int:
        """Number of whole-text key columns (the first ones of each row)."""
        return self.lsh.bands

    @property
    def columns(self) -> int:
        """Number of key columns of each row."""
        return self.lsh.bands + (self.lead.bands if self.lead is not None else 0)

    def index(self, shingled: Shingled) -> tuple[U32, Keys]:
        """``(signatures, keys)``: ``(n, num_perm)`` MinHash signatures and ``(n, columns)`` band keys (-1: none)."""
        sigs = self.hasher.signatures(shingled.sets)
        keys = self.lsh.keys(sigs)
        if self.lead is not None:
            keys = np.hstack([keys, self.lead.keys(shingled.norms)])
        return sigs, keys


def lead_only(shared_keys: Iterable[int] | Keys) -> bool:
    """Whether a candidate found through ``shared_keys`` (the keys both articles hold) was found by lead keys only."""
    arr = np.fromiter(shared_keys, dtype=np.int64) if not isinstance(shared_keys, np.ndarray) else shared_keys
    return bool(arr.size) and bool(is_lead_key(arr).all())


def needs_check(by_lead_only: Bools, n_a: I64, sig_a: U8, char_a: Bools, n_b: I64, sig_b: U8, char_b: Bools,
                settings: DedupSettings) -> Bools:
    """Whether each candidate (one per row of the 2-D ``sig_a`` and ``sig_b``) gets the exact check:
    the signature prefilter, or lead-only across shingle kinds.

    ``n_*``: shingle counts; ``sig_*``: compact 8-bit signatures; ``char_*``: character-shingled.
    Signatures of sets of two kinds estimate nothing, so such a pair is checked when lead
    keys found it (and, as any candidate, when its estimate passes by chance).

    >>> s = DedupSettings()
    >>> a = np.zeros((2, 8), dtype=np.uint8)
    >>> b = np.array([[0] * 8, [0, 0, 1, 1, 1, 1, 1, 1]], dtype=np.uint8)
    >>> n, kinds = np.array([100, 100]), np.array([False, False])
    >>> needs_check(np.array([False, False]), n, a, kinds, n, b, kinds, s).tolist()
    [True, False]
    """
    estimate = estimate_compact(sig_a, sig_b) if len(sig_a) else np.zeros(0)
    return np.asarray((by_lead_only & (char_a != char_b)) | passes_prefilter(estimate, n_a, n_b, settings),
                      dtype=np.bool_)


def verdict(norm_a: str, set_a: U32, char_a: bool, norm_b: str, set_b: U32, char_b: bool,
            settings: DedupSettings) -> tuple[float, float] | None:
    """Exact ``(jaccard, containment)`` rounded to 6 places when the pair is a near-duplicate, else ``None``.

    The normalised texts are read only when the kinds differ (both are character-shingled then).
    """
    jac, con = pair_similarity(norm_a, set_a, char_a, norm_b, set_b, char_b, settings)
    return (round(jac, 6), round(con, 6)) if is_near_duplicate(jac, con, settings) else None
