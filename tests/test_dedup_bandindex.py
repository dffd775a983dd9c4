"""The in-memory band index against the plain dict-of-sets backend, on keys of real articles."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from storydiff.dedup.bandindex import BandIndex
from storydiff.dedup.lsh import MemoryBackend
from storydiff.dedup.rules import IndexKeys, Shingled
from storydiff.settings import DedupSettings

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"


def dev_keys() -> np.ndarray:
    if not DEV.exists():
        pytest.skip("dev articles not available")
    texts = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8")]
    settings = DedupSettings()
    return IndexKeys(settings).index(Shingled.of(texts, settings))[1]


def test_same_answers_as_the_dict_backend_through_inserts_merges_and_removals() -> None:
    keys = dev_keys()
    rng = random.Random(3)
    ours, ref = BandIndex(), MemoryBackend()
    order = list(range(len(keys)))
    rng.shuffle(order)
    pos = 0
    while pos < len(order):  # batches of varying size, so runs of many sizes are merged
        step = rng.randint(1, 40)
        ids = order[pos : pos + step]
        ours.insert(ids, keys[ids])
        ref.insert(ids, keys[ids])
        pos += step
        if rng.random() < 0.2:
            gone = rng.sample(order[:pos], 3)
            ours.remove(gone)
            ref.remove(gone)
        probe = keys[rng.sample(order[:pos], min(pos, 10))]
        assert ours.query_many(probe) == ref.query_many(probe)
    assert ours.runs <= int(np.log2(len(keys))) + 1
    ours.compact()
    assert ours.runs == 1
    assert ours.query_many(keys) == ref.query_many(keys)
    assert len(ours) == sum(len(ref.keys_of[i]) for i in ref.keys_of)


def test_lookup_returns_only_indexed_keys_and_ignores_missing_ones() -> None:
    keys = dev_keys()[:50]
    idx = BandIndex()
    idx.insert(range(50), keys)
    found = idx.lookup(np.concatenate([keys[:2].ravel(), [-1, 2**31 - 1]]))
    assert set(found) == {int(k) for k in keys[:2].ravel() if k >= 0}
    assert all(0 in found[int(k)] for k in keys[0] if k >= 0)
    assert idx.nbytes < 12 * len(idx)  # about 9 bytes per key


def test_built_at_once_equals_built_batch_by_batch() -> None:
    keys = dev_keys()
    ids = np.arange(len(keys))
    one = BandIndex.from_entries([(keys[:100].ravel(), np.repeat(ids[:100], keys.shape[1])),
                                  (keys[100:].ravel(), np.repeat(ids[100:], keys.shape[1]))])
    many = BandIndex()
    for start in range(0, len(keys), 30):
        many.insert(ids[start : start + 30], keys[start : start + 30])
    assert one.runs == 1 and len(one) == len(many)
    assert one.query_many(keys) == many.query_many(keys)


def test_stage_candidates_equal_the_per_key_reference() -> None:
    """The stage's vectorised candidate grouping against the plain loop over each row's keys."""
    from storydiff.dedup.rules import lead_only
    from storydiff.dedup.stage import _candidates

    keys = dev_keys()
    rng = random.Random(2)
    idx = BandIndex()
    seen = 0
    for start in range(0, len(keys), 37):
        rowids = list(range(start, min(start + 37, len(keys))))
        batch = keys[start : start + 37].copy()
        if start:  # a few rows reuse an earlier article's keys: a near-copy, found through whole-text or lead keys
            for i in rng.sample(range(len(batch)), 3):
                batch[i, rng.randrange(batch.shape[1])] = keys[rng.randrange(start), rng.randrange(keys.shape[1])]
        idx.insert(rowids, batch)
        found = idx.lookup(batch)
        expected = []
        for i, row in enumerate(batch.tolist()):
            via: dict[int, list[int]] = {}
            for k in row:
                for r in found.get(k, ()):
                    via.setdefault(r, []).append(k)
            via.pop(rowids[i], None)
            expected.extend((i, r, lead_only(via[r])) for r in sorted(via))
        got = _candidates(idx, batch, rowids)
        assert got == expected
        seen += len(got)
    assert seen > 0
