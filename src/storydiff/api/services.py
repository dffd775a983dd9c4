"""What the HTTP API and the web pages do, written once over the store and the pipeline.

Every function takes an open :class:`~storydiff.store.Store` (reads) or the app's
:class:`Writer` (writes) and returns plain JSON-ready data. A stage that is not part of
this installation (story grouping, comparison, passage alignment) raises
:class:`StageUnavailable`, which the API answers with ``503`` and the pages with a notice:
nothing is ever made up in its place.

>>> from storydiff.store import Store
>>> from storydiff.model import Article
>>> from storydiff.settings import Settings
>>> with Store.open(":memory:") as store:
...     w = Writer(store, Settings(), stages=[])
...     out = ingest(w, [Article(text="Ein kurzer Text.", url="https://x.test/1")])
...     found = list_articles(store, ArticleQuery(limit=5))
>>> (out["new"], len(found["articles"]))
(1, 1)
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storydiff.errors import InputError, NotFoundError, StoreBusyError
from storydiff.model import Article, Story
from storydiff.pipeline import IngestReport, Pipeline, Stage
from storydiff.serialize import article_json, reuse_json
from storydiff.settings import Settings
from storydiff.store import Store

__all__ = [
    "ArticleQuery",
    "ComparisonCache",
    "StageUnavailable",
    "Writer",
    "compare",
    "get_article",
    "get_story",
    "ingest",
    "ingest_groups",
    "list_articles",
    "list_stories",
    "reuse",
    "store_locked",
    "story_of",
]


class StageUnavailable(Exception):
    """A pipeline stage this request needs is not installed (or not built yet)."""

    def __init__(self, stage: str) -> None:
        super().__init__(f"stage not available: {stage}")
        self.stage = stage


def store_locked(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it was raised from) is the store being locked by another process
    past the busy timeout: SQLite's ``database is locked`` / ``busy``, or a :class:`StoreBusyError`."""
    seen: BaseException | None = exc
    for _ in range(8):  # the cause chain, bounded
        if seen is None:
            return False
        if isinstance(seen, StoreBusyError):
            return True
        if isinstance(seen, sqlite3.OperationalError) and any(w in str(seen).lower() for w in ("locked", "busy")):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Filters shared by article and story listings."""

    search: str | None = None
    source: str | None = None
    language: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 50
    offset: int = 0


def list_articles(store: Store, q: ArticleQuery) -> dict[str, Any]:
    """One page of articles, newest first, matching ``q``."""
    found = store.articles.list(
        search=q.search, source=q.source, language=q.language, since=q.since, until=q.until,
        limit=q.limit, offset=q.offset, newest_first=True,
    )
    return {"articles": [article_json(a) for a in found], "limit": q.limit, "offset": q.offset}


def get_article(store: Store, article_id: str) -> Article:
    article = store.articles.get(article_id)
    if article is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    return article


def _stories(store: Store) -> Any:
    repo = getattr(store, "stories", None)
    if repo is None:
        raise StageUnavailable("stories")
    return repo


def story_of(store: Store, article_id: str) -> str | None:
    """The id of the story ``article_id`` belongs to; ``None`` when stories are not available."""
    repo = getattr(store, "stories", None)
    if repo is None:
        return None
    found = repo.story_of(article_id)
    if found is None or isinstance(found, str):
        return found
    return str(found.id)


def list_stories(store: Store, q: ArticleQuery) -> list[Story]:
    """Stories, most recently active first, with the article filters.

    A ``search`` keeps the stories of the articles that match it (full-text search over
    articles, at most 2000 hits), combined with the other filters on the story's articles.
    """
    repo = _stories(store)
    if not q.search:
        stories: list[Story] = repo.list(source=q.source, language=q.language, since=q.since, until=q.until,
                                         limit=q.limit, offset=q.offset)
        return stories
    hits = store.articles.list(search=q.search, source=q.source, language=q.language, since=q.since,
                               until=q.until, limit=2000, newest_first=True)
    story_ids = dict.fromkeys(repo.stories_of([a.id for a in hits]).get(a.id) for a in hits)
    found = [s for s in (repo.get(sid) for sid in story_ids if sid) if s is not None]
    found = list({s.id: s for s in found}.values())
    found.sort(key=lambda s: (s.last_seen is not None, s.last_seen or datetime.min, s.id), reverse=True)
    return found[q.offset : q.offset + q.limit]


def get_story(store: Store, story_id: str) -> Story:
    story: Story | None = _stories(store).get(story_id)
    if story is None:
        raise NotFoundError(f"no story with id {story_id!r}")
    return story


class ComparisonCache:
    """The last ``size`` comparisons, keyed by the compared articles' ids and content (thread-safe).

    Comparing is deterministic in the articles, so a story page viewed again costs nothing
    until one of its articles changes or joins.
    """

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(articles: list[Article]) -> tuple[Any, ...]:
        return tuple((a.id, a.content_hash, a.title, a.published, a.language, a.source) for a in articles)

    def get(self, key: tuple[Any, ...]) -> dict[str, Any] | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple[Any, ...], value: dict[str, Any]) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def compare(articles: list[Article], settings: Settings, cache: ComparisonCache | None = None) -> dict[str, Any]:
    """The comparison of a story's reports (shared, unique, facts, conflicts, timeline, summary)."""
    try:
        from storydiff.compare import compare_articles
    except ImportError as exc:
        raise StageUnavailable("compare") from exc
    key = ComparisonCache.key(articles)
    found = cache.get(key) if cache is not None else None
    if found is None:
        found = compare_articles(articles, settings.compare).to_json()
        if cache is not None:
            cache.put(key, found)
    return found


def reuse(store: Store, a_id: str, b_id: str, settings: Settings) -> dict[str, Any]:
    """Passages of article ``a_id`` reused in ``b_id``, with both similarity figures (as ``storydiff reuse``)."""
    try:
        from storydiff.dedup.stage import compare_texts
    except ImportError as exc:
        raise StageUnavailable("dedup") from exc
    a = get_article(store, a_id)
    b = get_article(store, b_id)
    found = compare_texts(a.text, b.text, settings.dedup)
    return reuse_json(a.id, b.id, found.jaccard, found.containment, found.passages)


class Writer:
    """The app's one writing pipeline: a store connection and a lock, so writes never interleave.

    Readers open their own connections (WAL lets them read while this one writes).
    """

    def __init__(self, store: Store, settings: Settings, stages: list[Stage] | None = None) -> None:
        self.store = store
        self.settings = settings
        self.pipeline = Pipeline(store, settings, stages=stages)
        self.lock = threading.Lock()

    def warm(self) -> None:
        """Let stages load their in-memory state before the first write (stages with ``warm(store)``).

        Runs under the write lock, so writes wait for it while reads go on.
        """
        with self.lock:
            for stage in self.pipeline.stages:
                hook = getattr(stage, "warm", None)
                if callable(hook):
                    hook(self.store)

    def close(self) -> None:
        with self.lock:
            self.store.close()


def ingest(writer: Writer, items: Iterable[Article | InputError]) -> dict[str, Any]:
    """Store ``items`` through the pipeline; report ids, duplicate groups and story assignments."""
    with writer.lock:
        return _answer(writer.store, writer.pipeline.ingest(items))


def ingest_groups(writer: Writer, groups: Sequence[Sequence[Article | InputError]]) -> list[dict[str, Any]]:
    """Several requests' items in one transaction (group commit), one :func:`ingest` answer per group.

    Each answer holds its own request's ids, duplicate groups and stories, read after the
    common commit (so an article may list as duplicate one posted in a later group). An
    exception means nothing was stored; the caller may then run the groups one by one.
    """
    with writer.lock:
        return [_answer(writer.store, report) for report in writer.pipeline.ingest_groups(groups)]


def _answer(store: Store, report: IngestReport) -> dict[str, Any]:
    ids = list(dict.fromkeys(report.article_ids))
    duplicates: dict[str, list[str]] = {}
    stories: dict[str, str | None] = {}
    for article in store.articles.get_many(ids):
        dups = store.duplicates_of(article.id, article.content_hash)
        if dups:
            duplicates[article.id] = dups
        stories[article.id] = story_of(store, article.id)
    out = report.as_dict()
    out["ids"] = ids
    out["duplicates"] = duplicates
    out["stories"] = stories
    out["stories_available"] = getattr(store, "stories", None) is not None
    return out
