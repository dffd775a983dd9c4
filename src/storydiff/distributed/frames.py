"""Column frames and the hash shuffle the batch job is built from.

A :data:`Frame` is a ``dict`` of equally long numpy columns: cheap to pickle between
Dask workers, typed, and free of pandas (``dask.dataframe`` needs pandas, which the
``storydiff[distributed]`` extra does not pull in).

:func:`shuffle` is an all-to-all hash repartition, the same "tasks" shuffle
``dask.dataframe`` uses for moderate partition counts: every input partition is split by
``splitmix64(key) % n`` into ``n`` pieces, and output partition ``j`` concatenates piece
``j`` of every input. Rows with equal keys therefore meet in one task and the client
only ever holds task handles, never rows.

The ``m + n*m + n`` tasks of an exchange (:func:`exchange`) are written by hand into one
graph layer. Building them as ``n`` delayed calls that each take a *list* of ``m``
delayed pieces costs, in dask >= 2025, an optimisation (cull) of the whole merged graph
per call: quadratic in the graph, hence about ``n**4`` per stage and half an hour of
client time at ``n = 41`` partitions. One layer costs one dict merge per exchange.

>>> import numpy as np
>>> f = {"k": np.array([5, 3, 5, 9], dtype=np.int64), "v": np.array([1, 2, 3, 4], dtype=np.int64)}
>>> parts = split_frame(f, "k", 2)
>>> sorted(int(x) for p in parts for x in p["k"]) == [3, 5, 5, 9]
True
>>> len({int(hash_partition(np.array([5, 5]), 2)[0]), int(hash_partition(np.array([5]), 2)[0])})
1
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from storydiff.dedup.shingles import splitmix64

__all__ = ["Frame", "concat_frames", "exchange", "frame_len", "frame_nbytes", "hash_partition", "shuffle",
           "split_frame", "take"]

Frame = dict[str, npt.NDArray[Any]]


def frame_len(frame: Frame) -> int:
    """Number of rows (0 for a frame without columns)."""
    return len(next(iter(frame.values()))) if frame else 0


def frame_nbytes(frame: Frame) -> int:
    """Bytes of the column data (object columns: their arrays' bytes, their strings' and bytes' lengths)."""
    total = 0
    for col in frame.values():
        if col.dtype == object:
            total += sum(x.nbytes if isinstance(x, np.ndarray) else len(x) if isinstance(x, str | bytes) else 8
                         for x in col)
        else:
            total += col.nbytes
    return total


def take(frame: Frame, index: npt.NDArray[Any]) -> Frame:
    """Rows ``index`` (an integer or boolean array) of every column."""
    return {name: col[index] for name, col in frame.items()}


def _mix(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    with np.errstate(over="ignore"):
        return splitmix64(x * np.uint64(0x9E3779B97F4A7C15))


def hash_partition(keys: npt.NDArray[Any], n: int, extra: npt.NDArray[Any] | None = None) -> npt.NDArray[np.int64]:
    """Output partition of each integer key (and optional second key column) out of ``n``."""
    h = _mix(np.asarray(keys).astype(np.int64).view(np.uint64))
    if extra is not None:
        with np.errstate(over="ignore"):
            h = _mix(h ^ np.asarray(extra).astype(np.int64).view(np.uint64))
    return (h % np.uint64(n)).astype(np.int64)


def split_frame(frame: Frame, key: str | tuple[str, str], n: int) -> tuple[Frame, ...]:
    """Cut ``frame`` into ``n`` frames by the hash of column ``key`` (or of two columns)."""
    if not frame:
        return tuple({} for _ in range(n))
    pair = key if isinstance(key, tuple) else (key, None)
    part = hash_partition(frame[pair[0]], n, None if pair[1] is None else frame[pair[1]])
    order = np.argsort(part, kind="stable")
    bounds = np.searchsorted(part[order], np.arange(n + 1))
    return tuple(take(frame, order[bounds[j] : bounds[j + 1]]) for j in range(n))


def concat_frames(frames: Sequence[Frame]) -> Frame:
    """Rows of all ``frames`` (which share their columns) in order."""
    frames = [f for f in frames if f]
    if not frames:
        return {}
    return {name: np.concatenate([f[name] for f in frames]) for name in frames[0]}


def _concat(*frames: Frame) -> Frame:
    return concat_frames(frames)


def exchange(parts: Sequence[Any], split: Callable[..., tuple[Frame, ...]], m: int, *args: Any,
             name: str = "exchange") -> list[Any]:
    """All-to-all: ``split(part, *args)`` cuts each delayed frame into ``m``; output ``j`` joins every piece ``j``.

    Returns ``m`` ``Delayed`` frames sharing one hand-built graph layer (module
    docstring). Keys are a token of the inputs' keys, ``split`` and ``args``, so equal
    exchanges of equal inputs share their tasks like ``pure=True`` calls do.
    """
    from dask._task_spec import Task, TaskRef
    from dask.base import tokenize
    from dask.delayed import Delayed as _Delayed
    from dask.highlevelgraph import HighLevelGraph

    delayed_key: Any = _Delayed  # untyped constructor
    token = tokenize([p.key for p in parts], split, m, *args)
    cut, piece, out = f"{name}-split-{token}", f"{name}-piece-{token}", f"{name}-{token}"
    layer: dict[Any, Any] = {}
    for i, p in enumerate(parts):
        layer[(cut, i)] = Task((cut, i), split, TaskRef(p.key), *args)
        for j in range(m):
            layer[(piece, i, j)] = Task((piece, i, j), operator.getitem, TaskRef((cut, i)), j)
    for j in range(m):
        layer[(out, j)] = Task((out, j), _concat, *[TaskRef((piece, i, j)) for i in range(len(parts))])
    graph = HighLevelGraph.from_collections(out, layer, dependencies=list(parts))
    return [delayed_key((out, j), graph, layer=out) for j in range(m)]


def shuffle(parts: Sequence[Any], key: str | tuple[str, str], n: int) -> list[Any]:
    """Hash-repartition delayed frames ``parts`` on ``key`` into ``n`` delayed frames (see :func:`exchange`)."""
    return exchange(parts, split_frame, n, key, n, name="hash_shuffle")
