"""Per-partition kernels of the batch job: reading, features and story clustering with the embedded code.

Every function here takes and returns :data:`~storydiff.distributed.frames.Frame` objects
and runs inside a Dask task. Reading, preparation, shingling, MinHash and band keys are
the package's own functions (:func:`storydiff.pipeline.prepare_article`,
:class:`storydiff.dedup.rules.IndexKeys`), the ones :class:`storydiff.dedup.stage.DedupStage`
calls (:func:`article_frame`: whole-text LSH keys and, with ``dedup.lead_keys``, lead
keys); the pair kernels are in :mod:`storydiff.distributed.pairs`. Story clustering runs
the embedded :class:`~storydiff.cluster.online.OnlineClusterer` (:func:`cluster_chunk`).

Article ids are ``"sd"`` + 14 hex digits; :func:`node_of` reads them as int64 node
numbers whose order is the ids' order.

>>> node_of("sd00000000000001"), id_of(255)
(1, 'sd000000000000ff')
"""

from __future__ import annotations

import copy
import functools
import gc
import zlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any, ParamSpec, TypeVar

import numpy as np
import numpy.typing as npt

from storydiff.cluster.features import FeatureExtractor
from storydiff.cluster.online import OnlineClusterer
from storydiff.dedup.minhash import compact
from storydiff.dedup.rules import IndexKeys, Shingled
from storydiff.distributed.frames import Frame, frame_len, take
from storydiff.errors import InputError
from storydiff.model import Article
from storydiff.pipeline import prepare_article
from storydiff.settings import ClusterSettings, Settings

__all__ = ["NO_DATE", "STREAM_FIELDS", "LoadedFeatures", "advance_stream", "article_frame", "cluster_chunk",
           "cluster_tail", "decode_features", "encode_features", "from_micros", "id_of", "latest_per_node", "micros",
           "no_gc", "node_of", "observe", "stream_stats"]

P = ParamSpec("P")
R = TypeVar("R")

#: sort key of an article without a publication date (after every date)
NO_DATE = np.iinfo(np.int64).max
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def micros(when: datetime) -> int:
    """Microseconds since the epoch, exactly (no float rounding).

    >>> micros(datetime(1970, 1, 1, 0, 0, 1, 5, tzinfo=UTC))
    1000005
    """
    return (when - _EPOCH) // _MICRO


def from_micros(value: int) -> datetime:
    """The UTC datetime of :func:`micros` (its ``timestamp()`` equals the original's)."""
    return _EPOCH + timedelta(microseconds=int(value))


def node_of(article_id: str) -> int:
    """The int64 node number of an article id."""
    return int(article_id[2:], 16)


def id_of(node: int) -> str:
    """The article id of a node number."""
    return f"sd{node:014x}"


def encode_features(raw: dict[str, float]) -> str:
    """One string for a raw feature dict (order kept, weights exact), a compact column value.

    >>> decode_features(encode_features({"@kiew": 2.0, "#3800": 0.3}))
    {'@kiew': 2.0, '#3800': 0.3}
    """
    return "\x1e".join(f"{k}\x1f{v!r}" for k, v in raw.items())


def decode_features(text: str) -> dict[str, float]:
    """The dict :func:`encode_features` encoded, in its order."""
    if not text:
        return {}
    out: dict[str, float] = {}
    for item in text.split("\x1e"):
        k, _, v = item.partition("\x1f")
        out[k] = float(v)
    return out


def _obj(values: Iterable[Any]) -> npt.NDArray[np.object_]:
    items = list(values)
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def article_frame(items: Iterable[Article | InputError], settings: Settings, part: int) -> tuple[Frame, list[str]]:
    """Prepare, shingle, MinHash and band one input partition; also return its input errors."""
    s = settings.dedup
    articles: list[Article] = []
    errors: list[str] = []
    for item in items:
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            articles.append(prepare_article(item, settings))
    shingled = Shingled.of([a.text for a in articles], s)
    sigs, keys = IndexKeys(s).index(shingled)  # the embedded stage's keys (whole-text, then lead)
    published = [micros(a.published) if a.published else NO_DATE for a in articles]
    extractor = FeatureExtractor(settings.cluster)
    frame: Frame = {
        "node": np.array([node_of(a.id) for a in articles], dtype=np.int64),
        "seq": (np.int64(part) << np.int64(32)) + np.arange(len(articles), dtype=np.int64),
        "id": _obj(a.id for a in articles),
        "external_id": _obj(a.external_id for a in articles),
        "url": _obj(a.url for a in articles),
        "source": _obj(a.source for a in articles),
        "language": _obj(a.language for a in articles),
        "published": np.array(published, dtype=np.int64),
        "chash": _obj(a.content_hash for a in articles),
        "nsh": np.array([len(x) for x in shingled.sets], dtype=np.int64),
        "sig": compact(sigs),
        "keys": keys,
        "shingles": _obj(shingled.sets),
        "char": np.array(shingled.kinds, dtype=bool),
        "norm": _obj(zlib.compress(t.encode("utf-8"), 1) for t in shingled.norms),  # read for mixed pairs only
        "feat": _obj(encode_features(extractor.extract(a.text, a.title, a.language)) for a in articles),
    }
    return frame, errors


def latest_per_node(frame: Frame) -> Frame:
    """One row per article id, the last read (as a re-ingest keeps the latest record), sorted by node."""
    if frame_len(frame) == 0:
        return frame
    order = np.lexsort((-frame["seq"], frame["node"]))
    node = frame["node"][order]
    first = np.r_[True, node[1:] != node[:-1]]
    return take(frame, order[first])


# -- story clustering: the embedded OnlineClusterer, fed precomputed features -------------------


class LoadedFeatures(FeatureExtractor):
    """A :class:`FeatureExtractor` whose ``extract`` returns the features loaded last.

    The batch computes every article's raw features once, in the read stage, and ships
    them encoded; the clusterer's own ``_vector`` (running DF, IDF, normalisation) then
    runs on exactly the dict the embedded extractor returns.
    """

    def __init__(self, settings: ClusterSettings) -> None:
        super().__init__(settings)
        self._raw: dict[str, float] = {}

    def load(self, raw: dict[str, float]) -> None:
        self._raw = raw

    def extract(self, text: str, title: str | None, language: str | None) -> dict[str, float]:
        return self._raw


def no_gc(func: Callable[P, R]) -> Callable[P, R]:
    """``func`` run without the cyclic garbage collector (its state restored after).

    The clusterer's state is millions of small dicts and floats without cycles; the
    collector's passes over that growing heap cost a fifth of a long clustering loop.
    Results do not depend on it.
    """
    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        was = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if was:
                gc.enable()
    return run


#: the clusterer's statistics of the stream so far (as opposed to its stories); copied between chunks
STREAM_FIELDS = ("df", "n_docs", "name_languages")

StreamStats = dict[str, Any]


def stream_stats(clusterer: OnlineClusterer) -> StreamStats:
    """Copies of the clusterer's stream statistics (:data:`STREAM_FIELDS` that it has)."""
    return {name: copy.copy(getattr(clusterer, name)) for name in STREAM_FIELDS if hasattr(clusterer, name)}


def observe(clusterer: OnlineClusterer, article: Article) -> None:
    """Count ``article`` in the stream statistics only, with the clusterer's own code.

    Uses ``OnlineClusterer.observe`` when the cluster package provides it, else the
    feature step every article goes through (``_vector``), so new statistics the
    clusterer keeps are counted the same way.
    """
    hook = getattr(clusterer, "observe", None)
    if callable(hook):
        hook(article)
    else:
        clusterer._vector(article)


def _clusterer(settings: ClusterSettings, stats: StreamStats) -> tuple[OnlineClusterer, LoadedFeatures]:
    clusterer = OnlineClusterer(settings)
    loaded = LoadedFeatures(settings)
    clusterer.features = loaded
    for name, value in stats.items():  # copies: Dask may share a task input with other tasks
        setattr(clusterer, name, copy.copy(value))
    return clusterer, loaded


@no_gc
def advance_stream(stats: StreamStats, rows: Frame, settings: ClusterSettings) -> StreamStats:
    """The stream statistics after the articles of ``rows`` (in time order) followed ``stats``."""
    clusterer, loaded = _clusterer(settings, stats)
    for i in _by_time(rows):
        loaded.load(decode_features(rows["feat"][i]))
        observe(clusterer, _article(rows, i))
    return stream_stats(clusterer)


def _article(rows: Frame, i: int) -> Article:
    pub = int(rows["published"][i])
    return Article(text="", id=id_of(int(rows["node"][i])), language=rows["language"][i],
                   published=None if pub == NO_DATE else from_micros(pub))


def _by_time(rows: Frame) -> list[int]:
    """Row order of the embedded run: ``(published, id)``, undated last (``NO_DATE`` sorts last)."""
    return np.lexsort((rows["node"], rows["published"])).tolist() if frame_len(rows) else []


@no_gc
def cluster_chunk(rows: Frame, stats: StreamStats, first: int, settings: ClusterSettings) -> Frame:
    """Cluster one chunk of dated articles (all published at or after ``first`` µs) as the embedded run does.

    ``stats`` are the stream statistics (document frequencies ...) after every article before the chunk.
    Every story of an earlier chunk has gone quiet for longer than ``window_hours`` (the
    chunk starts after such a gap), so the embedded clusterer would find none of them as a
    candidate: a fresh :class:`OnlineClusterer` seeded with ``stats`` takes the same decisions.
    The one link backwards is a near-duplicate whose first partner with a story lies in an
    earlier chunk: it joins that partner's story, returned as ``ref`` (the partner's node)
    and resolved later; it still counts in the statistics (:func:`observe`).

    Returns ``(node, story, ref)`` with ``story`` ``None`` where ``ref`` is set (else -1).
    """
    clusterer, loaded = _clusterer(settings, stats)
    done: dict[int, str] = {}
    refs: dict[int, int] = {}
    for i in _by_time(rows):
        node = int(rows["node"][i])
        raw = decode_features(rows["feat"][i])
        target: str | None = None
        for other, other_pub, _exact in rows["partners"][i]:
            if other in done:
                target = clusterer.resolve(done[other])
                break
            if other_pub < first:
                refs[node] = other
                break
        loaded.load(raw)
        article = _article(rows, i)
        if node in refs:
            observe(clusterer, article)
            continue
        done[node] = clusterer.add_near(article, target).story_id
    nodes = rows["node"] if frame_len(rows) else np.empty(0, np.int64)
    return {
        "node": nodes,
        "story": _obj(clusterer.resolve(done[int(x)]) if int(x) in done else None for x in nodes),
        "ref": np.array([refs.get(int(x), -1) for x in nodes], dtype=np.int64),
    }


@no_gc
def cluster_tail(chunks: list[Frame], tail: Frame, stories: dict[int, str],
                 settings: ClusterSettings) -> dict[int, str]:
    """Final stories of all articles once the undated ``tail`` has been clustered.

    Undated articles come last in the embedded run and also consult the archive of every
    quiet story, so the state of the whole stream is rebuilt first: every dated article
    is replayed into its known story with :meth:`OnlineClusterer.place` (what the embedded
    stage does when it rebuilds from a store), then each undated article is added.
    """
    clusterer, loaded = _clusterer(settings, {})
    for rows in chunks:
        for i in _by_time(rows):
            loaded.load(decode_features(rows["feat"][i]))
            clusterer.place(_article(rows, i), stories[int(rows["node"][i])])
    assigned = dict(stories)
    for i in _by_time(tail):
        node = int(tail["node"][i])
        target: str | None = None
        for other, _pub, _exact in tail["partners"][i]:
            if other in assigned:
                target = clusterer.resolve(assigned[other])
                break
        loaded.load(decode_features(tail["feat"][i]))
        article = _article(tail, i)
        assigned[node] = clusterer.add_near(article, target).story_id
    return {node: clusterer.resolve(sid) for node, sid in assigned.items()}
