"""The batch job: dedup and story clustering beyond one machine on Dask, with the embedded pipeline's results.

Stages (every arrow between partitions is a hash shuffle, see
:mod:`storydiff.distributed.frames`; the client holds task handles and small counts only):

1. **read**: one task per shard (:mod:`~storydiff.distributed.shards`) reads articles with
   the package's readers, prepares them like an ingest and computes shingles, MinHash
   signatures, LSH band keys and the story clusterer's raw features
   (:func:`~storydiff.distributed.kernels.article_frame`);
2. **articles by id**: shuffle on the article's node number; the last record of an id wins;
3. **candidates** (:mod:`~storydiff.distributed.pairs`): equal ``content_hash`` rows
   shuffled on the hash give the exact pairs and the copy groups (equal hash and text),
   of which only one representative goes on; ``(band key, node)`` rows shuffled on the
   key, every bucket emits its pairs;
4. **verification**: pairs shuffled on ``a`` pick up ``a``'s signature, then on ``b``
   ``b``'s and pass the prefilter; the survivors pick up ``b``'s then ``a``'s shingles and
   are verified like the embedded stage does; a pair of representatives then stands for
   every pair of their copies;
5. **groups**: connected components by large-star / small-star
   (:mod:`~storydiff.distributed.components`), then a shuffle on the component label picks
   the canonical member (earliest published, undated last, ties smallest id);
6. **stories**: the embedded online clustering, cut at quiet gaps of the time-sorted
   stream into chunks clustered in parallel (:mod:`~storydiff.distributed.stories`). A
   chunk is one sequential task: it is submitted as soon as the pairs are verified and
   runs beside stage 5 (with a single chunk, on one worker while the others take stage 5);
7. **output**: every partition writes its own Parquet part file under ``out_dir``:
   ``articles.parquet/`` (id, external_id, url, source, published, language, group, story)
   and ``pairs.parquet/`` (a, b, jaccard, containment, exact).

A lost worker costs only recomputation: persisted partitions keep their lineage, so the
scheduler reruns what the dead worker held. Every stage is computed once: the byte counts
of the shuffles and the story count are persisted with the stage that makes them.
:attr:`BatchReport.stage_s` says when each stage was done.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from storydiff.distributed import kernels as k
from storydiff.distributed import pairs as pk
from storydiff.distributed.components import connected_components
from storydiff.distributed.frames import Frame, concat_frames, frame_len, frame_nbytes, shuffle, take
from storydiff.distributed.shards import Shard, plan_shards, read_shard
from storydiff.distributed.stories import story_graph
from storydiff.settings import Settings

__all__ = ["BatchReport", "run_batch"]

_MAX_ERRORS = 20


@dataclass(slots=True)
class BatchReport:
    """What a batch run did and what it cost."""

    out_dir: str
    shards: int = 0
    partitions: int = 0
    articles: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    pairs: int = 0
    groups: int = 0
    duplicates: int = 0
    stories: int = 0
    cc_rounds: int = 0
    chunks: int = 0
    story_s: float = 0.0
    #: seconds from the start at which each stage was done (read, verify, groups, stories, write)
    stage_s: dict[str, float] = field(default_factory=dict)
    shuffle_bytes: int = 0
    wall_s: float = 0.0

    def summary(self) -> str:
        return (f"articles {self.articles}, failed {self.failed}, pairs {self.pairs}, groups {self.groups}, "
                f"duplicates {self.duplicates}, stories {self.stories} -> {self.out_dir} ({self.wall_s:.1f} s)")

    def as_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}


def _read(shard: Shard, settings: Settings, part: int) -> tuple[Frame, tuple[int, list[str]]]:
    frame, errors = k.article_frame(read_shard(shard, settings.ingest), settings, part)
    return frame, (len(errors), errors[:_MAX_ERRORS])


def _concat2(first: Frame, second: Frame) -> Frame:
    """Both frames' rows (delayed arguments travel one by one: a list of them costs a graph cull per call)."""
    return concat_frames([first, second])


def _label_rows(labels: Frame, docs: Frame) -> Frame:
    """``(node, label, published)`` of labelled nodes; both inputs hold the same node partition."""
    if frame_len(labels) == 0:
        return {}
    pos = np.searchsorted(docs["node"], labels["node"])
    return {"node": labels["node"], "label": labels["label"], "published": docs["published"][pos]}


def _canonical(rows: Frame) -> Frame:
    """``(node, group)``: each component's member with the smallest ``(published, node)``."""
    if frame_len(rows) == 0:
        return {}
    order = np.lexsort((rows["node"], rows["published"], rows["label"]))
    label, node = rows["label"][order], rows["node"][order]
    starts = np.flatnonzero(np.r_[True, label[1:] != label[:-1]])
    canon = np.repeat(node[starts], np.diff(np.r_[starts, len(label)]))
    return {"node": node, "group": canon}


def _write(table: Any, path: str) -> None:
    import fsspec
    import pyarrow.parquet as pq

    with fsspec.open(path, "wb") as fh:
        pq.write_table(table, fh)


def _group_count(canon: Frame) -> int:
    """Components in a partition of :func:`_canonical` rows (each lies in one partition)."""
    return len(np.unique(canon["group"])) if frame_len(canon) else 0


def _lookup(keys: Any, frame: Frame, column: str, default: Any) -> Any:
    """``frame[column]`` of each node in ``keys`` (``default`` where absent); ``frame`` holds ``node``."""
    out = np.full(len(keys), default, dtype=frame[column].dtype if frame_len(frame) else object)
    if frame_len(frame) and len(keys):
        f = take(frame, np.argsort(frame["node"]))
        pos = np.minimum(np.searchsorted(f["node"], keys), len(f["node"]) - 1)
        hit = f["node"][pos] == keys
        out[hit] = f[column][pos[hit]]
    return out


def _write_articles(docs: Frame, groups: Frame, stories: Frame, path: str) -> tuple[int, int]:
    """Write one articles part; returns ``(articles, non-canonical duplicates)`` in it."""
    import pyarrow as pa

    n = frame_len(docs)
    nodes = docs["node"] if n else np.empty(0, np.int64)
    group = nodes.copy()
    if frame_len(groups):
        found = _lookup(nodes, groups, "group", -1)
        group = np.where(found >= 0, found, nodes)
    story = _lookup(nodes, stories, "story", None) if n else []
    published = docs["published"] if n else np.empty(0, np.int64)
    dated = published != k.NO_DATE
    table = pa.table({
        "id": pa.array(list(docs.get("id", [])), pa.string()),
        "external_id": pa.array(list(docs.get("external_id", [])), pa.string()),
        "url": pa.array(list(docs.get("url", [])), pa.string()),
        "source": pa.array(list(docs.get("source", [])), pa.string()),
        "published": pa.array(np.where(dated, published, 0), pa.timestamp("us", tz="UTC"), mask=~dated),
        "language": pa.array(list(docs.get("language", [])), pa.string()),
        "group": pa.array([k.id_of(int(x)) for x in group], pa.string()),
        "story": pa.array(list(story), pa.string()),
    })
    _write(table, path)
    canonical = int(np.sum(group == docs["node"])) if n else 0
    return n, n - canonical


def _write_pairs(pairs: Frame, path: str) -> int:
    import pyarrow as pa

    n = frame_len(pairs)
    order = np.lexsort((pairs["b"], pairs["a"])) if n else np.empty(0, np.int64)
    table = pa.table({
        "a": pa.array([k.id_of(int(x)) for x in pairs["a"][order]] if n else [], pa.string()),
        "b": pa.array([k.id_of(int(x)) for x in pairs["b"][order]] if n else [], pa.string()),
        "jaccard": pa.array(pairs["jaccard"][order] if n else [], pa.float64()),
        "containment": pa.array(pairs["containment"][order] if n else [], pa.float64()),
        "exact": pa.array(pairs["exact"][order] if n else [], pa.bool_()),
    })
    _write(table, path)
    return n


def _prepare_out(out_dir: str) -> str:
    import fsspec

    fs, _, (root,) = fsspec.get_fs_token_paths(out_dir)
    for name in ("articles.parquet", "pairs.parquet"):
        target = f"{root.rstrip('/')}/{name}"
        if fs.exists(target):
            fs.rm(target, recursive=True)
        fs.makedirs(target, exist_ok=True)
    return out_dir.rstrip("/")


class _Sizes:
    """Delayed byte counts of shuffled partitions, computed with their stage (never recomputed after it)."""

    def __init__(self) -> None:
        self.pending: list[Any] = []
        self.done: list[Any] = []

    def shuffle(self, parts: Sequence[Any], key: str | tuple[str, str], n: int) -> list[Any]:
        from dask.delayed import delayed

        out = shuffle(parts, key, n)
        self.pending.extend(delayed(frame_nbytes, pure=True)(p) for p in out)
        return out

    def take(self) -> list[Any]:
        """The counts of the shuffles since the last call, to compute with the stage that makes them."""
        out, self.pending = self.pending, []
        return out


def _partitions(shards: int, workers: int) -> int:
    """Partitions of the shuffles: a few per worker, more for many shards (at most 8 per worker and 256).

    Every shuffle has ``n * n`` pieces, so ``n`` stays near the cluster's parallelism
    rather than the shard count: a small partition costs tasks, not time saved.
    """
    return max(2, 2 * workers, min(256, 8 * workers, shards // 8))


def _stage(client: Any, stages: dict[str, float], name: str, started: float, parts: list[Any],
           sizes: _Sizes) -> list[Any]:
    """Persist ``parts`` with the byte counts of their shuffles, wait, record the seconds since ``started``."""
    import importlib

    dist: Any = importlib.import_module("distributed")
    counts = sizes.take()
    out = client.persist([*parts, *counts])
    dist.wait(out)
    sizes.done.extend(out[len(parts) :])
    stages[name] = round(time.perf_counter() - started, 2)
    return list(out[: len(parts)])


def _elsewhere(workers: list[str]) -> Any:
    """Prefer ``workers`` for the tasks built in the block (a loose restriction; none if empty)."""
    import contextlib

    from dask.base import annotate

    return annotate(workers=workers, allow_other_workers=True) if workers else contextlib.nullcontext()


def run_batch(inputs: list[str], out_dir: str, settings: Settings, scheduler: str | None = None, workers: int = 2,
              *, partitions: int | None = None, blocksize: int = 32 << 20, rows_per_shard: int = 50_000,
              fmt: str | None = None, chunk_size: int | None = None) -> BatchReport:
    """Find near-duplicate groups and stories of ``inputs`` on Dask; write Parquet to ``out_dir`` (module docstring).

    ``chunk_size`` is the fewest articles a story chunk holds (default: dated articles /
    partitions, at least 2000); any value gives the same stories.

    Without ``scheduler`` a ``LocalCluster`` of ``workers`` single-threaded processes runs
    the job; with one (``tcp://host:8786``) the job joins that cluster.
    """
    import importlib

    from dask.delayed import delayed

    dist: Any = importlib.import_module("distributed")

    started = time.perf_counter()
    shards = plan_shards(inputs, blocksize=blocksize, rows_per_shard=rows_per_shard, fmt=fmt)
    out = _prepare_out(out_dir)
    report = BatchReport(out_dir=out_dir, shards=len(shards))
    cluster = None if scheduler else dist.LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0")
    client = dist.Client(scheduler or cluster)
    stages = report.stage_s
    try:
        alive = sorted(client.scheduler_info(n_workers=-1)["workers"])
        n = partitions or _partitions(len(shards), len(alive) or workers)
        report.partitions = n
        sizes = _Sizes()
        # 1. read and shuffle to node partitions
        read = [delayed(_read, nout=2, pure=True)(s, settings, i) for i, s in enumerate(shards)]
        docs = [delayed(k.latest_per_node, pure=True)(p) for p in sizes.shuffle([r[0] for r in read], "node", n)]
        got = _stage(client, stages, "read", started, [*docs, *[r[1] for r in read]], sizes)
        docs, errs = got[:n], got[n : n + len(read)]
        # 2. candidates, prefilter, verification (pairs.py)
        hashed = [delayed(pk.hash_groups, nout=2, pure=True)(h)
                  for h in sizes.shuffle([delayed(pk.exact_rows, pure=True)(d) for d in docs], "hkey", n)]
        members = [x[1] for x in hashed]
        by_node = sizes.shuffle(members, "node", n)
        by_rep = sizes.shuffle(members, "rep", n)
        bands = sizes.shuffle([delayed(pk.band_rows, pure=True)(d, m) for d, m in zip(docs, by_node, strict=True)],
                              "key", n)
        cands = [delayed(pk.candidates, pure=True)(b, h[0]) for b, h in zip(bands, hashed, strict=True)]
        at_a = [delayed(pk.side_a, nout=2, pure=True)(p, d) for p, d in zip(sizes.shuffle(cands, "a", n), docs,
                                                                           strict=True)]
        at_b = [delayed(pk.side_b, pure=True)(p, d, settings)
                for p, d in zip(sizes.shuffle([x[1] for x in at_a], "b", n), docs, strict=True)]
        near = [delayed(pk.expand_side, pure=True)(delayed(pk.verify_a, pure=True)(p, d, settings), m, "a")
                for p, d, m in zip(sizes.shuffle(at_b, "a", n), docs, by_rep, strict=True)]
        near = [delayed(pk.expand_side, pure=True)(p, m, "b") for p, m in zip(sizes.shuffle(near, "b", n), by_rep,
                                                                               strict=True)]
        verified = [delayed(_concat2, pure=True)(x[0], c) for x, c in zip(at_a, near, strict=True)]
        verified = _stage(client, stages, "verify", started, verified, sizes)
        # 3. stories: one long sequential task per chunk; submitted now, they run beside the groups and writes
        story_at = time.perf_counter()
        pin = alive[0] if len(alive) > 1 else None
        story_parts, nstories, report.chunks = story_graph(client, docs, verified, n, settings.cluster,
                                                           chunk_size, pin)
        story_futures = client.persist([*story_parts, nstories])
        # 4. groups, on the other workers while a single story chunk holds one
        with _elsewhere(alive[1:] if pin is not None and report.chunks == 1 else []):
            labels, report.cc_rounds = connected_components(client, verified, n)
            rows = [delayed(_label_rows, pure=True)(lab, d) for lab, d in zip(labels, docs, strict=True)]
            canon = [delayed(_canonical, pure=True)(p) for p in sizes.shuffle(rows, "label", n)]
            groups = sizes.shuffle(canon, "node", n)
            ngroups = [delayed(_group_count, pure=True)(c) for c in canon]
            prs = [delayed(_write_pairs)(v, f"{out}/pairs.parquet/part-{j:05d}.parquet")
                   for j, v in enumerate(verified)]
            pair_counts, group_counts, group_bytes = client.compute([prs, ngroups, sizes.take()], sync=True)
        stages["groups"] = round(time.perf_counter() - started, 2)
        dist.wait(story_futures)
        report.story_s = time.perf_counter() - story_at
        stages["stories"] = round(time.perf_counter() - started, 2)
        # 5. articles
        art = [delayed(_write_articles)(d, g, st, f"{out}/articles.parquet/part-{j:05d}.parquet")
               for j, (d, g, st) in enumerate(zip(docs, groups, story_futures[:n], strict=True))]
        art_counts, err_info, byte_counts, report.stories = client.compute(
            [art, errs, sizes.done, story_futures[n]], sync=True)
        stages["write"] = round(time.perf_counter() - started, 2)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report.articles = sum(c[0] for c in art_counts)
    report.groups = sum(group_counts)
    report.duplicates = sum(c[1] for c in art_counts)
    report.pairs = sum(pair_counts)
    report.failed = sum(e[0] for e in err_info)
    report.errors = [msg for e in err_info for msg in e[1]][:_MAX_ERRORS]
    report.shuffle_bytes = int(sum(byte_counts) + sum(group_bytes))
    report.wall_s = time.perf_counter() - started
    return report
