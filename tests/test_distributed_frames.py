"""The batch job's hash shuffle: rows land in their key's partition, and the graph stays one layer per exchange."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("dask")

from dask import compute
from dask.delayed import delayed

from storydiff.distributed import kernels as k
from storydiff.distributed.frames import Frame, concat_frames, hash_partition, shuffle
from storydiff.model import Article
from storydiff.settings import Settings

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"
SETTINGS = Settings(progress=False)


def _docs() -> Frame:
    if not DEV.exists():
        pytest.skip("shared dev set absent")
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()[:60]]
    arts = [Article(text=r["text"], url=r["url"], language=r["lang"]) for r in rows]
    frame, errors = k.article_frame(arts, SETTINGS, 0)
    assert not errors
    return frame


def _chunks(frame: Frame, m: int) -> list[Frame]:
    cuts = np.linspace(0, len(frame["node"]), m + 1).astype(int)
    return [{c: v[cuts[i] : cuts[i + 1]] for c, v in frame.items()} for i in range(m)]


def test_shuffle_puts_every_row_in_its_key_partition_once() -> None:
    docs = _docs()
    n = 7
    parts = [delayed(p) for p in _chunks(docs, 5)]
    out = compute(*shuffle(parts, "node", n), scheduler="sync")
    assert len(out) == n
    for j, part in enumerate(out):
        if part:
            assert set(hash_partition(part["node"], n).tolist()) == {j}
    got = concat_frames(out)
    assert sorted(got["node"].tolist()) == sorted(docs["node"].tolist())
    order = np.argsort(got["node"])
    ref = np.argsort(docs["node"])
    assert got["url"][order].tolist() == docs["url"][ref].tolist()  # whole rows travel together


def test_chained_shuffles_build_one_layer_each_and_fast() -> None:
    """Many partitions, many stages: graph construction must stay linear (it was ~n**4 with list arguments)."""
    docs = _docs()
    n = 48
    parts = [delayed(p) for p in _chunks(docs, n)]
    layers_before = len(parts[0].dask.layers)
    started = time.perf_counter()
    for _ in range(6):
        parts = [delayed(k.latest_per_node, pure=True)(p) for p in shuffle(parts, "node", n)]  # a stage's map
    built = time.perf_counter() - started
    graph = parts[0].dask
    # output 0 holds: the inputs, per stage one shuffle layer and n maps, its own last map
    assert len(graph.layers) == n * layers_before + 5 * (1 + n) + 1 + 1
    assert len(dict(graph)) == n + 6 * (n + n * n + n) + 5 * n + 1
    assert built < 10.0  # the list-argument graph took minutes at this size
    out = compute(*parts, scheduler="sync")
    assert sorted(concat_frames(out)["node"].tolist()) == sorted(docs["node"].tolist())
