"""Save and load the online clusterer's state, so a restart needs no replay of the stream.

Method: the clusterer records which features and stories each batch changed
(:meth:`~storydiff.cluster.online.OnlineClusterer.take_changes`); :func:`save_changes`
writes just those rows (document frequency and name language per feature, one JSON
state per story) and the scalars (document count, stream clock) through
:class:`~storydiff.store.stories.ClusterStateRepository`, inside the batch transaction.
:func:`load_state` reads them back into a fresh clusterer whose indexes (postings,
archive, expiry heap) are rebuilt from each story's ``indexed`` and ``archived`` terms
(:meth:`~storydiff.cluster.online.OnlineClusterer.restore`). Floats go through JSON's
shortest round-trip ``repr`` and dicts keep their order, so the loaded state takes exactly
the decisions the saved one would have.

The saved state is used only when it belongs to the store as it is: its ``assigned``
count must equal the store's number of assignments and its ``settings`` the clusterer
settings in use (else the caller replays the assignments and saves a full state).

>>> from storydiff.settings import ClusterSettings
>>> story = StoryState(id="st1", seq=0, centroid={"flut": 0.5, "@ahr": 0.25}, count=2, last=10.0)
>>> decode_story(encode_story(story)) == story
True
"""

from __future__ import annotations

import json
from typing import Any

from storydiff.cluster.online import OnlineClusterer
from storydiff.cluster.story import StoryState
from storydiff.settings import ClusterSettings
from storydiff.store.stories import ClusterStateRepository

__all__ = ["FORMAT", "decode_story", "encode_story", "load_state", "save_changes", "save_full"]

#: version of the encoding; a saved state of another version is not loaded
FORMAT = "1"


def encode_story(story: StoryState) -> str:
    """One JSON text holding every field of ``story``."""
    return json.dumps(
        [story.id, story.centroid, story.norm2, story.shared_norm2, story.count, story.first, story.last,
         story.time_sum, story.timed, story.languages, sorted(story.indexed), story.active, story.merged_into,
         [[m, h] for m, h in story.members], story.archived, story.seq],
        ensure_ascii=False, separators=(",", ":"),
    )


def decode_story(text: str) -> StoryState:
    """The :class:`StoryState` that :func:`encode_story` encoded."""
    (sid, centroid, norm2, shared_norm2, count, first, last, time_sum, timed, languages, indexed, active,
     merged_into, members, archived, seq) = json.loads(text)
    return StoryState(
        id=sid, seq=seq, centroid=centroid, norm2=norm2, shared_norm2=shared_norm2, count=count, first=first,
        last=last, time_sum=time_sum, timed=timed, languages=languages, indexed=set(indexed), active=active,
        merged_into=merged_into, members=[(m, h) for m, h in members], archived=archived,
    )


def _fingerprint(settings: ClusterSettings) -> str:
    return repr(settings)


def _meta(clusterer: OnlineClusterer, assigned: int) -> dict[str, str]:
    return {
        "format": FORMAT,
        "settings": _fingerprint(clusterer.settings),
        "assigned": str(assigned),
        "n_docs": str(clusterer.n_docs),
        "clock": "" if clusterer.clock is None else repr(clusterer.clock),
    }


def _feature_rows(clusterer: OnlineClusterer, features: list[str]) -> list[tuple[str, int, str | None]]:
    df, names = clusterer.df, clusterer.name_languages
    return [(f, df[f], names.get(f)) for f in features]


def save_changes(repo: ClusterStateRepository, clusterer: OnlineClusterer, assigned: int) -> None:
    """Write what changed since the last save (the clusterer must be :meth:`tracking changes
    <storydiff.cluster.online.OnlineClusterer.track_changes>`); ``assigned`` = the store's assignments."""
    features, stories = clusterer.take_changes()
    repo.save(_meta(clusterer, assigned), _feature_rows(clusterer, features),
              [(s.seq, s.id, encode_story(s)) for s in stories])


def save_full(repo: ClusterStateRepository, clusterer: OnlineClusterer, assigned: int) -> None:
    """Replace the saved state by all of ``clusterer``'s state."""
    repo.clear()
    clusterer.take_changes()
    repo.save(_meta(clusterer, assigned), _feature_rows(clusterer, list(clusterer.df)),
              [(s.seq, s.id, encode_story(s)) for s in clusterer.stories.values()])


def load_state(repo: ClusterStateRepository, settings: ClusterSettings, assigned: int) -> OnlineClusterer | None:
    """A clusterer holding the saved state, or ``None`` when none matches ``settings`` and ``assigned``."""
    meta = repo.meta()
    if (meta.get("format") != FORMAT or meta.get("settings") != _fingerprint(settings)
            or meta.get("assigned") != str(assigned)):
        return None
    clusterer = OnlineClusterer(settings)
    df: dict[str, int] = {}
    names: dict[str, str] = {}
    for feature, count, lang in repo.features():
        df[feature] = count
        if lang is not None:
            names[feature] = lang
    stats: dict[str, Any] = {"df": df, "n_docs": int(meta["n_docs"]), "name_languages": names}
    clusterer.load_stream_stats(stats)
    clock = meta.get("clock") or None
    clusterer.restore((decode_story(text) for _seq, _sid, text in repo.stories()),
                      float(clock) if clock is not None else None)
    return clusterer
