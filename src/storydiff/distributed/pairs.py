"""Candidate pairs and their verification in the batch job, with the embedded stage's rules.

The candidates and the verdicts are those of :class:`storydiff.dedup.stage.DedupStage`
(:mod:`storydiff.dedup.rules`); what this module adds is how little travels between
partitions. Article columns live in node partitions (``docs``, sorted by node); a pair
visits the partition of each side in turn and picks up only what the next step reads:

1. **candidates** (per band-key / content-hash partition): every pair sharing a band key
   (:func:`bucket_pairs`) and every pair of equal ``content_hash`` (:func:`exact_pairs`),
   de-duplicated on the spot (:func:`unique_pairs`);
2. **side a** (:func:`side_a`): de-duplicated again over all partitions (an exact pair
   wins over the same candidate pair, a whole-text key over lead keys, so ``lead`` stays
   set only for pairs found by lead keys alone). Exact pairs are final here
   (``jaccard = containment = 1``); the others pick up ``a``'s shingle count, 8-bit
   signature and shingle kind: fixed-width columns;
3. **side b** (:func:`side_b`): ``b``'s small columns, then the prefilter
   :func:`~storydiff.dedup.rules.needs_check` (every row in one
   numpy pass); only the survivors pick up ``b``'s shingle
   set (and, for pairs of two shingle kinds, its normalised text);
4. **back to a** (:func:`verify_a`): ``a``'s shingle set (and text), then
   :func:`~storydiff.dedup.rules.verdict`.

Shingle sets thus travel with prefilter survivors only, never with every candidate row.

>>> import numpy as np
>>> p = {"a": np.array([1, 1, 1]), "b": np.array([2, 2, 2]), "exact": np.array([False, True, False]),
...      "lead": np.array([True, False, False]), "mixed": np.zeros(3, bool)}
>>> u = unique_pairs(p)
>>> u["exact"].tolist(), u["lead"].tolist()
([True], [False])
"""

from __future__ import annotations

import hashlib
import zlib
from typing import Any

import numpy as np
import numpy.typing as npt

from storydiff.dedup.lead import is_lead_key
from storydiff.dedup.rules import needs_check, verdict
from storydiff.distributed.frames import Frame, concat_frames, frame_len, take
from storydiff.settings import Settings

__all__ = ["band_rows", "bucket_pairs", "candidates", "exact_pairs", "exact_rows", "expand_side", "hash_groups",
           "side_a", "side_b", "unique_pairs", "verified_frame", "verify_a"]

_I64 = npt.NDArray[np.int64]
_SMALL = ("nsh", "sig", "char")


def _obj(items: list[Any]) -> npt.NDArray[np.object_]:
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def band_rows(docs: Frame, members: Frame | None = None) -> Frame:
    """Distinct ``(key, node, char)`` rows of every band key (empty texts have none); ``char``: the node's kind.

    ``members`` (``node``, ``rep``) of this node partition: only a copy's representative
    contributes keys (:func:`hash_groups`).
    """
    if frame_len(docs) == 0:
        return {"key": np.empty(0, np.int64), "node": np.empty(0, np.int64), "char": np.empty(0, bool)}
    if members is not None and frame_len(members):
        copy = members["node"][members["rep"] != members["node"]]
        docs = take(docs, ~np.isin(docs["node"], copy))
    keys = docs["keys"]
    node = np.repeat(docs["node"], keys.shape[1])
    char = np.repeat(docs["char"].astype(np.int64), keys.shape[1])
    flat = keys.ravel()
    ok = flat >= 0
    rows = np.unique(np.stack([flat[ok], node[ok], char[ok]], axis=1), axis=0)
    return {"key": rows[:, 0], "node": rows[:, 1], "char": rows[:, 2].astype(bool)}


def _pairs_within(groups: npt.NDArray[Any]) -> tuple[_I64, _I64]:
    """Row positions ``(i, j)``, ``i < j``, of all pairs of rows sharing a group value (rows sorted by group)."""
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    ends = np.r_[starts[1:], len(groups)]
    i_parts: list[_I64] = []
    j_parts: list[_I64] = []
    for lo, hi in zip(starts[ends - starts > 1].tolist(), ends[ends - starts > 1].tolist(), strict=True):
        i, j = np.triu_indices(hi - lo, k=1)
        i_parts.append(lo + i)
        j_parts.append(lo + j)
    if not i_parts:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(i_parts), np.concatenate(j_parts)


def _pair_frame(a: _I64, b: _I64, exact: bool, lead: npt.NDArray[np.bool_] | None = None,
                mixed: npt.NDArray[np.bool_] | None = None) -> Frame:
    """Pair rows ``a < b``; ``lead``: found by a lead key; ``mixed``: the two texts' shingle kinds differ."""
    keep = a != b
    none = np.zeros(len(a), dtype=bool)
    return {"a": np.minimum(a, b)[keep], "b": np.maximum(a, b)[keep], "exact": np.full(int(keep.sum()), exact),
            "lead": (none if lead is None else lead)[keep], "mixed": (none if mixed is None else mixed)[keep]}


def bucket_pairs(bands: Frame) -> Frame:
    """Candidate pairs: all pairs of nodes that share a band key, with the key's kind and the pair's kinds."""
    if frame_len(bands) == 0:
        return _pair_frame(np.empty(0, np.int64), np.empty(0, np.int64), False)
    f = take(bands, np.lexsort((bands["node"], bands["key"])))
    i, j = _pairs_within(f["key"])
    return _pair_frame(f["node"][i], f["node"][j], False, is_lead_key(f["key"][i]), f["char"][i] != f["char"][j])


def exact_rows(docs: Frame) -> Frame:
    """``(hkey, chash, copy, node)`` rows for the exact-duplicate shuffle; ``copy``: content hash and text digest."""
    if frame_len(docs) == 0:
        return {}
    hkey = np.array([int(h[:15], 16) for h in docs["chash"]], dtype=np.int64)
    digest = [f"{c}:{hashlib.blake2b(z, digest_size=16).hexdigest()}" for c, z in zip(docs["chash"], docs["norm"],
                                                                                      strict=True)]
    return {"hkey": hkey, "chash": docs["chash"], "copy": np.array(digest), "node": docs["node"]}


def exact_pairs(rows: Frame) -> Frame:
    """All pairs of articles with equal ``content_hash``."""
    if frame_len(rows) == 0:
        return _pair_frame(np.empty(0, np.int64), np.empty(0, np.int64), True)
    order = np.lexsort((rows["node"], rows["chash"].astype(str)))
    i, j = _pairs_within(rows["chash"][order].astype(str))
    return _pair_frame(rows["node"][order][i], rows["node"][order][j], True)


def hash_groups(rows: Frame) -> tuple[Frame, Frame]:
    """``(exact pairs, members)`` of an ``hkey`` partition.

    ``members`` are ``(node, rep)`` rows of every *copy group* of two or more articles with
    equal ``content_hash`` and equal normalised text (128-bit digests of both; so equal
    shingles, signatures, keys and kinds): ``rep`` is the group's smallest node. Only representatives take part in
    candidate search and verification; a verified pair of representatives stands for
    every pair of their members (:func:`expand_side`), since each of those pairs is
    checked on the very same figures. Pairs inside a group are exact pairs.
    """
    none = {"node": np.empty(0, np.int64), "rep": np.empty(0, np.int64)}
    if frame_len(rows) == 0:
        return exact_pairs(rows), none
    order = np.lexsort((rows["node"], rows["copy"]))
    label, node = rows["copy"][order], rows["node"][order]
    starts = np.flatnonzero(np.r_[True, label[1:] != label[:-1]])
    size = np.diff(np.r_[starts, len(node)])
    rep = np.repeat(node[starts], size)
    grouped = np.repeat(size > 1, size)
    return exact_pairs(rows), {"node": node[grouped], "rep": rep[grouped]}


def expand_side(pairs: Frame, members: Frame, side: str) -> Frame:
    """Every pair with ``pairs[side]`` replaced by each member of its copy group (``members`` by ``rep``)."""
    if frame_len(pairs) == 0:
        return pairs
    if frame_len(members) == 0:
        return pairs
    m = take(members, np.lexsort((members["node"], members["rep"])))
    lo = np.searchsorted(m["rep"], pairs[side], side="left")
    hi = np.searchsorted(m["rep"], pairs[side], side="right")
    count = np.maximum(hi - lo, 1)
    row = np.repeat(np.arange(len(count)), count)
    offset = np.arange(len(row)) - np.repeat(np.cumsum(count) - count, count)
    out = take(pairs, row)
    grouped = (hi - lo)[row] > 0
    out[side] = np.where(grouped, m["node"][np.minimum(lo[row] + offset, len(m["node"]) - 1)], out[side])
    if side == "b":
        a, b = out["a"], out["b"]
        out["a"], out["b"] = np.minimum(a, b), np.maximum(a, b)
    return out


def unique_pairs(pairs: Frame) -> Frame:
    """One row per ``(a, b)``: an exact row first, else a whole-text-key row, else a lead-key row."""
    if frame_len(pairs) == 0:
        return pairs
    pairs = take(pairs, np.lexsort((pairs["lead"], ~pairs["exact"], pairs["b"], pairs["a"])))
    first = np.r_[True, (pairs["a"][1:] != pairs["a"][:-1]) | (pairs["b"][1:] != pairs["b"][:-1])]
    return take(pairs, first)


def candidates(bands: Frame, exact: Frame) -> Frame:
    """The de-duplicated candidate pairs of a band-key partition and exact pairs of a hash partition."""
    return unique_pairs(concat_frames([bucket_pairs(bands), exact]))


def verified_frame(a: _I64, b: _I64, jaccard: npt.NDArray[np.float64], containment: npt.NDArray[np.float64],
                   exact: npt.NDArray[np.bool_]) -> Frame:
    """The output columns of verified pairs."""
    return {"a": np.asarray(a, np.int64), "b": np.asarray(b, np.int64), "jaccard": np.asarray(jaccard, np.float64),
            "containment": np.asarray(containment, np.float64), "exact": np.asarray(exact, bool)}


def _empty_verified() -> Frame:
    none = np.empty(0, np.int64)
    return verified_frame(none, none, np.empty(0), np.empty(0), np.empty(0, bool))


def _join(pairs: Frame, docs: Frame, side: str, columns: tuple[str, ...]) -> Frame:
    """Attach ``docs[columns]`` of node ``pairs[side]`` (``docs`` sorted by node); pairs without it are dropped."""
    if frame_len(pairs) == 0 or frame_len(docs) == 0:
        return {}
    pos = np.minimum(np.searchsorted(docs["node"], pairs[side]), len(docs["node"]) - 1)
    found = docs["node"][pos] == pairs[side]
    out = take(pairs, found)
    pos = pos[found]
    for col in columns:
        out[f"{side}_{col}"] = docs[col][pos]
    return out


def side_a(pairs: Frame, docs: Frame) -> tuple[Frame, Frame]:
    """``(exact pairs as verified rows, the other pairs with a's small columns)`` of an ``a`` partition."""
    joined = _join(unique_pairs(pairs), docs, "a", _SMALL)
    if frame_len(joined) == 0:
        return _empty_verified(), {}
    exact = joined["exact"]
    one = np.ones(int(exact.sum()))
    done = verified_frame(joined["a"][exact], joined["b"][exact], one, one, np.ones(len(one), bool))
    return done, take(joined, ~exact)


def side_b(pairs: Frame, docs: Frame, settings: Settings) -> Frame:
    """Prefilter survivors of a ``b`` partition with ``b``'s shingle set (and text for mixed-kind pairs)."""
    joined = _join(pairs, docs, "b", _SMALL)
    n = frame_len(joined)
    if n == 0:
        return {}
    keep = needs_check(joined["lead"], joined["a_nsh"], joined["a_sig"], joined["a_char"],
                            joined["b_nsh"], joined["b_sig"], joined["b_char"], settings.dedup)
    out = take(joined, keep)
    if frame_len(out) == 0:
        return {}
    pos = np.searchsorted(docs["node"], out["b"])
    out["b_shingles"] = docs["shingles"][pos]
    mixed = out["a_char"] != out["b_char"]  # only these read the texts
    out["b_norm"] = np.where(mixed, docs["norm"][pos], _obj([b""] * len(pos)))
    return out


def _text(z: bytes) -> str:
    return zlib.decompress(z).decode("utf-8") if z else ""


def verify_a(pairs: Frame, docs: Frame, settings: Settings) -> Frame:
    """Verified rows of the prefilter survivors of an ``a`` partition (:func:`~storydiff.dedup.rules.verdict`)."""
    joined = _join(pairs, docs, "a", ("shingles", "norm"))
    if frame_len(joined) == 0:
        return _empty_verified()
    s = settings.dedup
    rows: list[tuple[int, int, float, float]] = []
    for i in range(frame_len(joined)):
        mixed = bool(joined["a_char"][i] != joined["b_char"][i])
        got = verdict(_text(joined["a_norm"][i]) if mixed else "", joined["a_shingles"][i], bool(joined["a_char"][i]),
                      _text(joined["b_norm"][i]) if mixed else "", joined["b_shingles"][i], bool(joined["b_char"][i]),
                      s)
        if got is not None:
            rows.append((int(joined["a"][i]), int(joined["b"][i]), got[0], got[1]))
    if not rows:
        return _empty_verified()
    a, b, jac, con = (np.array(col) for col in zip(*rows, strict=True))
    return verified_frame(a, b, jac, con, np.zeros(len(rows), bool))
