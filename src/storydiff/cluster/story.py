"""What the online clusterer keeps per story, the assignment it returns and story ids.

A story id is ``"st"`` + 12 hex digits of the BLAKE2b hash of the article that opened
it: stable across runs and processes, never renamed (a merged-away id resolves through
the store's aliases).

>>> story_id_for("a1") == story_id_for("a1"), len(story_id_for("a1"))
(True, 14)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from storydiff.model import Article

__all__ = ["Assignment", "StoryState", "article_hours", "story_id_for"]


def article_hours(article: Article) -> float | None:
    """Publication time in hours since the epoch, ``None`` when undated."""
    return article.published.timestamp() / 3600.0 if article.published is not None else None


def story_id_for(article_id: str) -> str:
    """The id a story opened by ``article_id`` gets: ``"st"`` + 12 hex digits."""
    return "st" + hashlib.blake2b(article_id.encode("utf-8"), digest_size=6).hexdigest()


@dataclass(slots=True)
class StoryState:
    """What the clusterer keeps per story (centroid, its norms, times, languages, index terms)."""

    id: str
    seq: int
    centroid: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    shared_norm2: float = 0.0
    count: int = 0
    first: float | None = None
    last: float | None = None
    time_sum: float = 0.0
    timed: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    indexed: set[str] = field(default_factory=set)
    active: bool = True
    merged_into: str | None = None
    #: the heaviest features and the time of each recent member (active stories only)
    members: list[tuple[dict[str, float], float | None]] = field(default_factory=list)
    #: the terms this story was filed under in the archive index (with repeats), once quiet
    archived: list[str] = field(default_factory=list)

    def mean_time(self) -> float | None:
        return self.time_sum / self.timed if self.timed else None


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went: its story, the winning score and whether the story is new."""

    article_id: str
    story_id: str
    score: float
    new: bool
    #: ids of stories that converged with this one and were merged into ``story_id``
    merged: tuple[str, ...] = ()
