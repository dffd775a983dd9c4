"""Per-partition kernels of the batch job: the one place that calls the embedded stages' code.

Every function here takes and returns :data:`~storydiff.distributed.frames.Frame` objects
and runs inside a Dask task. Reading, preparation, shingling, MinHash, band keys, the
candidate kind and the verification decision are the package's own functions
(:func:`storydiff.pipeline.prepare_article`, :mod:`storydiff.dedup.rules`), the ones
:class:`storydiff.dedup.stage.DedupStage` calls, so a batch run finds the pairs an
embedded ingest stores:

* keys: whole-text LSH keys and (``dedup.lead_keys``) lead keys (:func:`article_frame`);
* candidates are all pairs sharing a band key (:func:`bucket_pairs`); a pair is
  *lead-only* when every key it shares is a lead key (:func:`join_side` keeps one row per
  pair: exact, else found by a whole-text key, else lead-only); each row carries whether
  the two texts are shingled differently, so only those pairs pick up the normalised texts;
* a candidate is verified by :func:`storydiff.dedup.rules.decide` (:func:`verify`);
* articles with equal ``content_hash`` are exact pairs without verification.

Article ids are ``"sd"`` + 14 hex digits; :func:`node_of` reads them as int64 node
numbers whose order is the ids' order.

>>> node_of("sd00000000000001"), id_of(255)
(1, 'sd000000000000ff')
"""

from __future__ import annotations

import copy
import zlib
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

from storydiff.cluster.features import FeatureExtractor
from storydiff.cluster.online import OnlineClusterer
from storydiff.dedup.lead import is_lead_key
from storydiff.dedup.minhash import compact
from storydiff.dedup.rules import IndexKeys, Shingled, decide
from storydiff.distributed.frames import Frame, frame_len, take
from storydiff.errors import InputError
from storydiff.model import Article
from storydiff.pipeline import prepare_article
from storydiff.settings import ClusterSettings, Settings

__all__ = ["NO_DATE", "PAIR_COLUMNS", "STREAM_FIELDS", "LoadedFeatures", "advance_stream", "article_frame",
           "band_rows", "bucket_pairs", "cluster_chunk", "cluster_tail", "decode_features", "encode_features",
           "exact_pairs", "exact_rows", "from_micros", "id_of", "join_side", "latest_per_node", "micros", "node_of",
           "observe", "stream_stats", "verify"]

#: sort key of an article without a publication date (after every date)
NO_DATE = np.iinfo(np.int64).max
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)
PAIR_COLUMNS = ("a", "b", "jaccard", "containment", "exact")


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


def band_rows(docs: Frame) -> Frame:
    """Distinct ``(key, node, char)`` rows of every band key (empty texts have none); ``char``: the node's kind."""
    if frame_len(docs) == 0:
        return {"key": np.empty(0, np.int64), "node": np.empty(0, np.int64), "char": np.empty(0, bool)}
    keys = docs["keys"]
    node = np.repeat(docs["node"], keys.shape[1])
    char = np.repeat(docs["char"].astype(np.int64), keys.shape[1])
    flat = keys.ravel()
    ok = flat >= 0
    rows = np.unique(np.stack([flat[ok], node[ok], char[ok]], axis=1), axis=0)
    return {"key": rows[:, 0], "node": rows[:, 1], "char": rows[:, 2].astype(bool)}


def _pairs_within(groups: npt.NDArray[Any]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Row positions ``(i, j)``, ``i < j``, of all pairs of rows sharing a group value (rows sorted by group)."""
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    ends = np.r_[starts[1:], len(groups)]
    i_parts: list[npt.NDArray[np.int64]] = []
    j_parts: list[npt.NDArray[np.int64]] = []
    for lo, hi in zip(starts[ends - starts > 1].tolist(), ends[ends - starts > 1].tolist(), strict=True):
        i, j = np.triu_indices(hi - lo, k=1)
        i_parts.append(lo + i)
        j_parts.append(lo + j)
    if not i_parts:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(i_parts), np.concatenate(j_parts)


def _pair_frame(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64], exact: bool,
                lead: npt.NDArray[np.bool_] | None = None, mixed: npt.NDArray[np.bool_] | None = None) -> Frame:
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
    """``(hkey, chash, node)`` rows for the exact-duplicate shuffle."""
    hkey = np.array([int(h[:15], 16) for h in docs.get("chash", [])], dtype=np.int64)
    return {"hkey": hkey, "chash": docs.get("chash", _obj([])), "node": docs.get("node", np.empty(0, np.int64))}


def exact_pairs(rows: Frame) -> Frame:
    """All pairs of articles with equal ``content_hash``."""
    if frame_len(rows) == 0:
        return _pair_frame(np.empty(0, np.int64), np.empty(0, np.int64), True)
    order = np.lexsort((rows["node"], rows["chash"].astype(str)))
    i, j = _pairs_within(rows["chash"][order].astype(str))
    return _pair_frame(rows["node"][order][i], rows["node"][order][j], True)


def join_side(pairs: Frame, docs: Frame, side: str) -> Frame:
    """Attach ``nsh``, ``sig``, ``shingles``, ``char`` (and ``norm`` of mixed-kind pairs) of node ``pairs[side]``.

    ``docs`` is sorted by node. Pairs are de-duplicated first: an exact pair wins over the
    same candidate pair, a row found by a whole-text key over lead key rows, so ``lead``
    is left set only for pairs found by lead keys alone. Pairs whose node is not in
    ``docs`` (it has no text) are dropped. The normalised text travels only with pairs
    whose shingle kinds differ, the only ones whose verification reads it.
    """
    if frame_len(pairs) == 0 or frame_len(docs) == 0:
        return {}
    if side == "a":
        order = np.lexsort((pairs["lead"], ~pairs["exact"], pairs["b"], pairs["a"]))
        pairs = take(pairs, order)
        first = np.r_[True, (pairs["a"][1:] != pairs["a"][:-1]) | (pairs["b"][1:] != pairs["b"][:-1])]
        pairs = take(pairs, first)
    pos = np.searchsorted(docs["node"], pairs[side])
    pos = np.minimum(pos, len(docs["node"]) - 1)
    found = docs["node"][pos] == pairs[side]
    pairs, pos = take(pairs, found), pos[found]
    out = dict(pairs)
    for col in ("nsh", "sig", "shingles", "char"):
        out[f"{side}_{col}"] = docs[col][pos]
    out[f"{side}_norm"] = _obj(zlib.decompress(z).decode("utf-8") if m else ""
                               for z, m in zip(docs["norm"][pos], pairs["mixed"], strict=True))
    return out


def verify(pairs: Frame, settings: Settings) -> Frame:
    """Verified pairs ``(a, b, jaccard, containment, exact)`` from pairs with both sides joined."""
    s = settings.dedup
    rows: list[tuple[int, int, float, float, bool]] = []
    for i in range(frame_len(pairs)):
        a, b = int(pairs["a"][i]), int(pairs["b"][i])
        if pairs["exact"][i]:
            rows.append((a, b, 1.0, 1.0, True))
            continue
        got = decide(bool(pairs["lead"][i]),
                     int(pairs["a_nsh"][i]), pairs["a_sig"][i], pairs["a_norm"][i], pairs["a_shingles"][i],
                     bool(pairs["a_char"][i]),
                     int(pairs["b_nsh"][i]), pairs["b_sig"][i], pairs["b_norm"][i], pairs["b_shingles"][i],
                     bool(pairs["b_char"][i]), s)
        if got is not None:
            rows.append((a, b, got[0], got[1], False))
    return {
        "a": np.array([r[0] for r in rows], dtype=np.int64),
        "b": np.array([r[1] for r in rows], dtype=np.int64),
        "jaccard": np.array([r[2] for r in rows], dtype=np.float64),
        "containment": np.array([r[3] for r in rows], dtype=np.float64),
        "exact": np.array([r[4] for r in rows], dtype=bool),
    }


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
