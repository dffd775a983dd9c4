"""The clustering pipeline stage: assigns new articles to stories inside the batch transaction.

The in-memory :class:`~storydiff.cluster.online.OnlineClusterer` is saved in the store as it
changes (:mod:`storydiff.cluster.snapshot`: the rows a batch changed, written in the
batch's transaction) and loaded on first use. It is loaded again whenever the store holds
a different number of assignments than the state knows (a rolled-back batch, another
process writing the same store). Only when no saved state matches (a removal, changed
settings, a store written without it) is it rebuilt by replaying the stored assignments
in time order (document frequencies and centroids, no clustering decision re-taken),
then saved whole.

Near-duplicates join their canonical article's story without scoring: the partners come
from the dedup stage's verified pairs (``store.dedup``) when present, and from exact
duplicates (equal ``content_hash``) otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storydiff.cluster.online import OnlineClusterer
from storydiff.cluster.snapshot import load_state, save_changes, save_full
from storydiff.model import Article
from storydiff.settings import ClusterSettings
from storydiff.store import Store
from storydiff.store.stories import ClusterStateRepository

__all__ = ["ClusterStage", "headline_of", "recluster"]

_FIRST_SENTENCE = re.compile(r"^(.{10,160}?[.!?])(?:\s|$)", re.S)


def headline_of(article: Article) -> str:
    """The article's title, else its first sentence (at most 160 characters).

    >>> headline_of(Article(text="Der Sturm zieht ab. Die Bahn fährt wieder."))
    'Der Sturm zieht ab.'
    """
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    text = " ".join(article.text.split())
    m = _FIRST_SENTENCE.match(text)
    return m.group(1) if m else text[:160]


def _time_key(article: Article) -> tuple[bool, str, str]:
    return (article.published is None, article.published.isoformat() if article.published else "", article.id)


class ClusterStage:
    """Pipeline stage ``cluster``: see the module docstring."""

    name = "cluster"

    def __init__(self, settings: ClusterSettings) -> None:
        self.settings = settings
        self._state: OnlineClusterer | None = None
        self._known = 0
        self._conn_id: int | None = None
        #: seconds the last load or rebuild of the state took, and whether it was a full replay (benchmarks)
        self.rebuild_seconds = 0.0
        self.replayed = False

    def _ensure(self, store: Store) -> OnlineClusterer:
        """The state for ``store``: the one in memory, else the saved one, else a replay (then saved)."""
        import time

        assigned = store.stories.assigned_count()
        if self._state is not None and self._conn_id == id(store.conn) and assigned == self._known:
            return self._state
        started = time.perf_counter()
        repo = ClusterStateRepository(store.conn)
        state = load_state(repo, self.settings, assigned)
        self.replayed = state is None
        if state is None:
            state = self.rebuild(store)
            save_full(repo, state, self._known)
        state.track_changes()
        self._state, self._known, self._conn_id = state, assigned, id(store.conn)
        self.rebuild_seconds = time.perf_counter() - started
        return state

    def rebuild(self, store: Store) -> OnlineClusterer:
        """A clusterer holding every stored assignment (replayed in time order)."""
        state = OnlineClusterer(self.settings)
        pending: list[tuple[str, str]] = []

        def flush() -> None:
            found = {a.id: a for a in store.articles.get_many([aid for aid, _ in pending])}
            for aid, sid in pending:
                if aid in found:
                    state.place(found[aid], sid)
            pending.clear()

        known = 0
        for pair in store.stories.assignments():
            pending.append(pair)
            known += 1
            if len(pending) >= 1000:
                flush()
        flush()
        self._known = known
        self._conn_id = id(store.conn)
        return state

    def process(self, store: Store, articles: list[Article]) -> None:
        """Assign ``articles`` (new or changed) to stories; call inside the batch's transaction."""
        if not articles:
            return
        changed = store.stories.stories_of([a.id for a in articles])
        if changed:
            touched = store.stories.unassign(list(changed))
            store.stories.refresh(touched)
            ClusterStateRepository(store.conn).clear()  # the saved state still counts them
        state = self._ensure(store)
        self._assign(store, state, sorted(articles, key=_time_key))
        save_changes(ClusterStateRepository(store.conn), state, self._known)

    def _assign(self, store: Store, state: OnlineClusterer, articles: Iterable[Article]) -> None:
        touched: set[str] = set()
        batch: dict[str, str] = {}
        for article in articles:
            target: str | None = None
            for other in store.duplicates_of(article.id, article.content_hash):
                sid = batch.get(other) or store.stories.story_of(other)
                if sid is not None:
                    target = state.resolve(sid)
                    break
            assignment = state.add_near(article, target)
            if assignment.new:
                store.stories.create(assignment.story_id, headline_of(article))
            store.stories.assign(article.id, assignment.story_id, assignment.score)
            for gone in assignment.merged:
                store.stories.merge(gone, assignment.story_id)
                touched.discard(gone)
            batch[article.id] = assignment.story_id
            touched.add(assignment.story_id)
            self._known += 1
        store.stories.refresh(sorted(state.resolve(s) for s in touched))

    def remove(self, store: Store, article_ids: list[str]) -> None:
        """Take deleted articles out of their stories (the state is rebuilt on next use)."""
        touched = store.stories.unassign(article_ids)
        store.stories.refresh(touched)
        ClusterStateRepository(store.conn).clear()
        self._state = None

    def recluster(self, store: Store, *, chunk: int = 2000) -> int:
        """Forget every story and cluster all stored articles again in time order; returns the count.

        Runs in one transaction; ids come out the same for the same articles and settings.
        """
        with store.transaction():
            store.stories.clear()
            repo = ClusterStateRepository(store.conn)
            repo.clear()
            state = OnlineClusterer(self.settings)
            state.track_changes()
            self._state, self._known, self._conn_id = state, 0, id(store.conn)
            ids = [
                r[0]
                for r in store.conn.execute(
                    "SELECT id FROM articles ORDER BY published IS NULL, published, id"
                )
            ]
            for start in range(0, len(ids), chunk):
                self._assign(store, state, store.articles.get_many(ids[start : start + chunk]))
            save_full(repo, state, self._known)
        return len(ids)


def recluster(store: Store, settings: ClusterSettings) -> int:
    """Rebuild every story of ``store`` from scratch; see :meth:`ClusterStage.recluster`."""
    return ClusterStage(settings).recluster(store)
