"""The candidate index of the online clusterer: which stories to score for an article.

Three structures, kept in step with the stories (:class:`~storydiff.cluster.story.StoryState`):

* **postings** ``feature -> {story seq}`` over the *active* stories, filed under each
  member's ``query_terms`` heaviest features (a story's ``indexed`` set says which);
* an **archive** ``feature -> [story seq]`` of quiet stories, filed under their heaviest
  centroid terms, that only undated articles consult;
* an **expiry heap** of ``(last seen, seq)``: when the stream's clock passes
  ``last + window``, the story is retired from the postings into the archive.

A lookup sums, per story, the weights of the query features it is filed under and
returns the ``limit`` stories with the largest sums (ties: the older story), so an
article is scored against a bounded number of stories and never by a scan.

>>> from storydiff.cluster.story import StoryState
>>> index = StoryIndex()
>>> a, b = StoryState(id="a", seq=0), StoryState(id="b", seq=1)
>>> index.file(a, ["oder", "hochwasser"])
>>> index.file(b, ["hochwasser", "wahl"])
>>> index.lookup([("hochwasser", 0.5), ("oder", 0.4)], include_archive=False, limit=10)
[0, 1]
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence

from storydiff.cluster.story import StoryState

__all__ = ["StoryIndex"]


class StoryIndex:
    """Postings of active stories, the archive of quiet ones and the expiry heap (see the module docstring)."""

    def __init__(self) -> None:
        self.postings: dict[str, dict[int, None]] = {}
        self.archive: dict[str, list[int]] = {}
        self.expiry: list[tuple[float, int]] = []

    def lookup(self, query: Sequence[tuple[str, float]], *, include_archive: bool, limit: int) -> list[int]:
        """Seqs of the ``limit`` stories sharing the most query weight (ties: lower seq first)."""
        hits: dict[int, float] = {}
        for term, weight in query:
            for seq in self.postings.get(term, ()):
                hits[seq] = hits.get(seq, 0.0) + weight
            if include_archive:
                for seq in self.archive.get(term, ()):
                    hits[seq] = hits.get(seq, 0.0) + weight
        best = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [seq for seq, _ in best]

    def file(self, story: StoryState, terms: Iterable[str]) -> None:
        """File ``story`` under ``terms``: in the postings while it is active, else in the archive."""
        for term in terms:
            if term in story.indexed:
                continue
            if story.active:
                story.indexed.add(term)
                self.postings.setdefault(term, {})[story.seq] = None
            else:
                self.archive.setdefault(term, []).append(story.seq)
                story.archived.append(term)

    def seen(self, story: StoryState, last: float) -> None:
        """``story`` was last seen at ``last``: it expires ``window`` hours after that."""
        heapq.heappush(self.expiry, (last, story.seq))

    def expired(self, horizon: float) -> Iterator[int]:
        """Pop the seqs whose last-seen entry is older than ``horizon`` (a story may recur with a newer entry)."""
        while self.expiry and self.expiry[0][0] < horizon:
            yield heapq.heappop(self.expiry)[1]

    def retire(self, story: StoryState, archive_terms: Iterable[str]) -> None:
        """Move ``story`` (already marked inactive) from the postings to the archive under ``archive_terms``."""
        self._unpost(story)
        story.indexed = set()
        for term in archive_terms:
            self.archive.setdefault(term, []).append(story.seq)
            story.archived.append(term)

    def transfer(self, keep: StoryState, gone: StoryState) -> None:
        """``gone`` was merged into ``keep``: its postings point to ``keep`` (when active) or go."""
        for term in gone.indexed:
            posting = self.postings.get(term)
            if posting is not None:
                posting.pop(gone.seq, None)
                if keep.active:
                    posting[keep.seq] = None
                    keep.indexed.add(term)
        gone.indexed = set()

    def _unpost(self, story: StoryState) -> None:
        for term in story.indexed:
            posting = self.postings.get(term)
            if posting is not None:
                posting.pop(story.seq, None)
                if not posting:
                    del self.postings[term]

    def restore(self, stories: Iterable[StoryState]) -> None:
        """Rebuild all three structures from saved stories (their ``indexed``, ``archived`` and ``last``)."""
        for story in stories:
            if story.active:
                for term in story.indexed:
                    self.postings.setdefault(term, {})[story.seq] = None
                if story.last is not None:
                    self.expiry.append((story.last, story.seq))
            for term in story.archived:
                self.archive.setdefault(term, []).append(story.seq)
        heapq.heapify(self.expiry)
