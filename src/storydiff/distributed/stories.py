"""Story clustering in the batch job: the embedded online clustering, cut where the stream allows.

The embedded run (:class:`storydiff.cluster.stage.ClusterStage`) feeds every article in
``(published, id)`` order, undated last, to one :class:`~storydiff.cluster.online.OnlineClusterer`;
near-duplicates join the story of their first partner that already has one. The batch
reproduces that run exactly, with parallelism where the method permits it:

1. **blocks**: the sorted publication times are cut wherever two consecutive articles
   lie more than ``window_hours`` apart (plus a second of margin). After such a gap every
   earlier story is quiet, so no dated article can join one: blocks are independent but
   for the document frequencies. Consecutive blocks are packed into *chunks* of at least
   ``chunk_size`` articles (one clusterer runs one chunk, in order);
2. **partners**: verified pairs, both directions, pick up the partner's publication time
   and are gathered per article in the embedded order (equal content first by time, then
   every partner by id);
3. **stream statistics**: a cheap chain of tasks counts chunk after chunk into the
   clusterer's running statistics (document frequencies, the languages a name was seen
   in, ...) with its own code (:func:`~storydiff.distributed.kernels.advance_stream`), so
   chunk ``i`` starts with the statistics the embedded run has when it reaches it;
4. **chunks** run :func:`~storydiff.distributed.kernels.cluster_chunk` in parallel; a
   near-duplicate whose partner lies in an earlier chunk is resolved afterwards
   (:func:`resolve_refs`);
5. **undated tail**: when undated articles exist, one task replays the stream and adds
   them (:func:`~storydiff.distributed.kernels.cluster_tail`), since they may join any
   quiet story. Without undated articles nothing is replayed.

The client sees only the publication times (8 bytes per dated article) to place the cuts.

>>> import numpy as np
>>> hour = 3_600_000_000
>>> (chunk_starts(np.array([0, 1, 2, 200, 201, 500]) * hour, window_hours=72, chunk_size=1) // hour).tolist()
[0, 200, 500]
>>> (chunk_starts(np.array([0, 1, 2, 200, 201, 500]) * hour, window_hours=72, chunk_size=3) // hour).tolist()
[0, 200]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from storydiff.distributed import kernels as k
from storydiff.distributed.frames import Frame, exchange, frame_len, shuffle, split_frame, take
from storydiff.settings import ClusterSettings

__all__ = ["chunk_starts", "dated_times", "partner_rows", "resolve_refs", "split_chunks", "story_graph",
           "story_rows"]

_MARGIN_US = 1_000_000


def dated_times(docs: Frame) -> tuple[npt.NDArray[np.int64], int]:
    """Sorted publication times (µs) of the dated articles of a partition, and its undated count."""
    if frame_len(docs) == 0:
        return np.empty(0, np.int64), 0
    pub = docs["published"]
    dated = pub[pub != k.NO_DATE]
    return np.sort(dated), len(pub) - len(dated)


def chunk_starts(times: npt.NDArray[np.int64], window_hours: float, chunk_size: int) -> npt.NDArray[np.int64]:
    """Start times of the chunks: cuts at gaps over ``window_hours``, chunks of at least ``chunk_size``."""
    times = np.sort(np.asarray(times, dtype=np.int64))
    if len(times) == 0:
        return np.zeros(1, np.int64)
    gap = int(window_hours * 3_600_000_000) + _MARGIN_US
    cuts = np.flatnonzero(np.diff(times) > gap) + 1
    starts = [0]
    for cut in cuts.tolist():
        if cut - starts[-1] >= chunk_size:
            starts.append(cut)
    return times[np.array(starts, dtype=np.int64)]


def partner_rows(pairs: Frame) -> Frame:
    """``(x, o, exact)``: every verified pair in both directions."""
    if frame_len(pairs) == 0:
        return {"x": np.empty(0, np.int64), "o": np.empty(0, np.int64), "exact": np.empty(0, bool)}
    return {"x": np.concatenate([pairs["a"], pairs["b"]]), "o": np.concatenate([pairs["b"], pairs["a"]]),
            "exact": np.concatenate([pairs["exact"], pairs["exact"]])}


def attach_time(rows: Frame, docs: Frame) -> Frame:
    """Add ``o_pub``, the partner's publication time (``docs`` holds ``o``'s partition, sorted by node)."""
    if frame_len(rows) == 0 or frame_len(docs) == 0:
        return {}
    pos = np.minimum(np.searchsorted(docs["node"], rows["o"]), len(docs["node"]) - 1)
    found = docs["node"][pos] == rows["o"]
    out = take(rows, found)
    out["o_pub"] = docs["published"][pos[found]]
    return out


def story_rows(docs: Frame, partners: Frame, starts: npt.NDArray[np.int64]) -> Frame:
    """``(chunk, node, published, language, feat, partners)`` of a node partition.

    ``partners`` per article is a list of ``(node, published, exact)`` in the embedded
    order; ``chunk`` is ``len(starts)`` for undated articles (the tail). A partner after
    the article in the stream (``(published, node)`` order, undated last) is left out: it
    has no story yet when the article is clustered, so the clusterer would pass over it.
    """
    n = frame_len(docs)
    if n == 0:
        return {}
    lists: list[list[tuple[int, int, bool]]] = [[] for _ in range(n)]
    if frame_len(partners):
        p = take(partners, np.lexsort((partners["o"], partners["x"])))
        pos = np.searchsorted(docs["node"], p["x"])
        mine = docs["published"][pos]
        earlier = (p["o_pub"] < mine) | ((p["o_pub"] == mine) & (p["o"] < p["x"]))
        p, pos = take(p, earlier), pos[earlier]
        for i, o, pub, exact in zip(pos.tolist(), p["o"].tolist(), p["o_pub"].tolist(), p["exact"].tolist(),
                                    strict=True):
            lists[i].append((o, pub, bool(exact)))
    ordered: list[list[tuple[int, int, bool]]] = []
    for found in lists:
        same = sorted((t for t in found if t[2]), key=lambda t: (t[1], t[0]))
        seen = {t[0] for t in same}
        ordered.append(same + [t for t in found if t[0] not in seen])
    column = np.empty(n, dtype=object)
    column[:] = ordered
    pub = docs["published"]
    chunk = np.where(pub == k.NO_DATE, len(starts), np.searchsorted(starts, pub, side="right") - 1)
    return {"chunk": chunk.astype(np.int64), "node": docs["node"], "published": pub, "language": docs["language"],
            "feat": docs["feat"], "partners": column}


def split_chunks(rows: Frame, m: int) -> tuple[Frame, ...]:
    """Cut story rows into ``m`` frames by their ``chunk`` column (a range, not a hash)."""
    if frame_len(rows) == 0:
        return tuple({} for _ in range(m))
    order = np.argsort(rows["chunk"], kind="stable")
    bounds = np.searchsorted(rows["chunk"][order], np.arange(m + 1))
    return tuple(take(rows, order[bounds[j] : bounds[j + 1]]) for j in range(m))


def resolve_refs(results: Sequence[Frame]) -> dict[int, str]:
    """``node -> story`` after pointing every backward near-duplicate at its partner's story (chunks in order)."""
    out: dict[int, str] = {}
    for res in results:
        for node, story, ref in zip(res.get("node", []), res.get("story", []), res.get("ref", []), strict=True):
            out[int(node)] = story if story is not None else out[int(ref)]
    return out


# Delayed calls take frames as separate arguments: a list of delayed arguments costs a
# cull of the whole graph per call (see storydiff.distributed.frames).
def _resolve(*results: Frame) -> dict[int, str]:
    return resolve_refs(results)


def _tail(tail: Frame, stories: dict[int, str], settings: ClusterSettings, *chunks: Frame) -> dict[int, str]:
    if frame_len(tail) == 0:
        return stories
    return k.cluster_tail(list(chunks), tail, stories, settings)


def story_frame(stories: dict[int, str]) -> Frame:
    """The ``node -> story`` map as a frame."""
    story = np.empty(len(stories), dtype=object)
    story[:] = list(stories.values())
    return {"node": np.fromiter(stories.keys(), dtype=np.int64, count=len(stories)), "story": story}


def story_count(stories: dict[int, str]) -> int:
    return len(set(stories.values()))


def story_graph(client: Any, docs: Sequence[Any], verified: Sequence[Any], n: int, settings: ClusterSettings,
                chunk_size: int | None = None, pin: str | None = None) -> tuple[list[Any], Any, int]:
    """Delayed ``(node, story)`` frames hash-partitioned like ``docs``, the delayed story count, and the chunks.

    ``pin``: a worker for the sequential tasks (a single chunk, the tail, the resolution);
    a loose restriction, so another worker takes over if it dies.
    """
    import contextlib

    from dask.base import annotate
    from dask.delayed import delayed

    parts = client.compute([delayed(dated_times, pure=True)(d) for d in docs], sync=True)
    times = np.concatenate([p[0] for p in parts]) if parts else np.empty(0, np.int64)
    undated = sum(p[1] for p in parts)
    size = chunk_size if chunk_size is not None else max(2000, len(times) // max(1, n))
    starts = chunk_starts(times, settings.window_hours, max(1, size))
    m = len(starts)
    both = shuffle([delayed(partner_rows, pure=True)(v) for v in verified], "o", n)
    timed = shuffle([delayed(attach_time, pure=True)(p, d) for p, d in zip(both, docs, strict=True)], "x", n)
    rows = [delayed(story_rows, pure=True)(d, p, starts) for d, p in zip(docs, timed, strict=True)]
    chunks = exchange(rows, split_chunks, m + 1, m + 1, name="chunks")
    stats: Any = {}
    results = []

    def pinned(always: bool) -> Any:
        if pin is None or not (always or m == 1):
            return contextlib.nullcontext()
        return annotate(workers=[pin], allow_other_workers=True)

    for j in range(m):
        with pinned(False):
            results.append(delayed(k.cluster_chunk, pure=True)(chunks[j], stats, int(starts[j]), settings))
        if j + 1 < m:
            stats = delayed(k.advance_stream, pure=True)(stats, chunks[j], settings)
    with pinned(True):
        stories = delayed(_resolve, pure=True)(*results)
        if undated:
            stories = delayed(_tail, pure=True)(chunks[m], stories, settings, *chunks[:m])
        frame = delayed(story_frame, pure=True)(stories)
        split = delayed(split_frame, nout=n, pure=True)(frame, "node", n)
        count = delayed(story_count, pure=True)(stories)
    return [split[j] for j in range(n)], count, m
