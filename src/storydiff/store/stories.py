"""Story queries: assignments of articles to stories, story rows, merge aliases.

Tables (migration 3): ``stories`` (one row per story; ``seq`` is creation order),
``story_articles`` (``article_id`` -> ``story_id``, deleted with the article) and
``story_aliases`` (the id of a story merged into another -> the surviving id, so an old
id still resolves). A story's times and article count are re-derived from its articles
by :meth:`StoryRepository.refresh`, so they never drift from the assignments.

Migration 4 keeps the online clusterer's state next to them (:class:`ClusterStateRepository`):
``cluster_meta`` (key/value: document count, stream clock, the assignment count and
settings the state belongs to), ``cluster_features`` (document frequency of every feature,
and the one language a name was seen in, ``''`` once seen in two) and ``cluster_stories``
(one encoded state per story, by creation ``seq``). Rows change inside the batch
transaction that changed the state, so they commit and roll back with the assignments.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from storydiff.model import Story
from storydiff.store.articles import format_time, parse_time

__all__ = ["ClusterStateRepository", "StoryRepository"]

_CHUNK = 400
_TIME_ORDER = "a.published IS NULL, a.published, a.id"


def _chunks(items: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])


class StoryRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- writes (inside Store.transaction) -------------------------------------------------
    def create(self, story_id: str, headline: str) -> None:
        """Add an empty story row (no-op when it exists)."""
        self.conn.execute("INSERT OR IGNORE INTO stories (id, headline) VALUES (?, ?)", (story_id, headline))

    def assign(self, article_id: str, story_id: str, score: float) -> None:
        """Put ``article_id`` into ``story_id`` (moving it if it was elsewhere)."""
        self.conn.execute(
            "INSERT OR REPLACE INTO story_articles (article_id, story_id, score) VALUES (?, ?, ?)",
            (article_id, story_id, score),
        )

    def merge(self, gone: str, keep: str) -> None:
        """Move every article of ``gone`` into ``keep``, drop ``gone`` and remember the alias."""
        self.conn.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (keep, gone))
        self.conn.execute("UPDATE story_aliases SET story_id = ? WHERE story_id = ?", (keep, gone))
        self.conn.execute("INSERT OR REPLACE INTO story_aliases (old_id, story_id) VALUES (?, ?)", (gone, keep))
        self.conn.execute("DELETE FROM stories WHERE id = ?", (gone,))

    def unassign(self, article_ids: Sequence[str]) -> list[str]:
        """Take articles out of their stories; returns the stories touched."""
        touched: set[str] = set()
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT story_id FROM story_articles WHERE article_id IN ({marks})", chunk)
            touched.update(r[0] for r in rows)
            self.conn.execute(f"DELETE FROM story_articles WHERE article_id IN ({marks})", chunk)
        return sorted(touched)

    def refresh(self, story_ids: Sequence[str]) -> None:
        """Recompute times and counts of ``story_ids`` from their articles; drop stories left empty."""
        for chunk in _chunks(sorted(set(story_ids))):
            marks = ",".join("?" * len(chunk))
            self.conn.execute(
                f"""UPDATE stories SET
                    articles = (SELECT count(*) FROM story_articles s WHERE s.story_id = stories.id),
                    first_seen = (SELECT min(a.published) FROM story_articles s JOIN articles a ON a.id = s.article_id
                                  WHERE s.story_id = stories.id),
                    last_seen = (SELECT max(a.published) FROM story_articles s JOIN articles a ON a.id = s.article_id
                                 WHERE s.story_id = stories.id)
                    WHERE id IN ({marks})""",
                chunk,
            )
            self.conn.execute(f"DELETE FROM stories WHERE id IN ({marks}) AND articles = 0", chunk)
            self.conn.execute(
                f"DELETE FROM story_aliases WHERE story_id IN ({marks}) AND story_id NOT IN (SELECT id FROM stories)",
                chunk,
            )

    def clear(self) -> None:
        """Forget every story (before a recluster)."""
        self.conn.execute("DELETE FROM story_articles")
        self.conn.execute("DELETE FROM story_aliases")
        self.conn.execute("DELETE FROM stories")

    # -- reads ---------------------------------------------------------------------------
    def resolve(self, story_id: str) -> str | None:
        """The id ``story_id`` lives under now (after merges), or ``None`` if unknown."""
        if self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
            return story_id
        row = self.conn.execute("SELECT story_id FROM story_aliases WHERE old_id = ?", (story_id,)).fetchone()
        return str(row[0]) if row is not None else None

    def story_of(self, article_id: str) -> str | None:
        """The story of an article (by id), or ``None`` when it has none."""
        row = self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return str(row[0]) if row is not None else None

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """``article_id -> story_id`` for those of ``article_ids`` that have a story."""
        found: dict[str, str] = {}
        for chunk in _chunks(article_ids):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({marks})", chunk
            )
            found.update((r[0], r[1]) for r in rows)
        return found

    def assignments(self) -> Iterator[tuple[str, str]]:
        """Every ``(article_id, story_id)`` in time order of the articles (undated last)."""
        rows = self.conn.execute(
            f"SELECT s.article_id, s.story_id FROM story_articles s JOIN articles a ON a.id = s.article_id"
            f" ORDER BY {_TIME_ORDER}"
        )
        for r in rows:
            yield r[0], r[1]

    def _story(self, row: sqlite3.Row) -> Story:
        return self._stories([row])[0]

    def _stories(self, rows: Sequence[sqlite3.Row]) -> list[Story]:
        """Story objects for ``stories`` rows, their members read in one query per chunk of stories."""
        members: dict[str, list[tuple[str, str | None, str | None]]] = {r["id"]: [] for r in rows}
        for chunk in _chunks(list(members)):
            marks = ",".join("?" * len(chunk))
            found = self.conn.execute(
                f"SELECT s.story_id, a.id, a.language, a.source FROM story_articles s"
                f" JOIN articles a ON a.id = s.article_id WHERE s.story_id IN ({marks})"
                f" ORDER BY s.story_id, {_TIME_ORDER}",
                chunk,
            )
            for m in found:
                members[m[0]].append((m[1], m[2], m[3]))
        return [self._build(r, members[r["id"]]) for r in rows]

    @staticmethod
    def _build(row: sqlite3.Row, members: list[tuple[str, str | None, str | None]]) -> Story:
        return Story(
            id=row["id"],
            headline=row["headline"],
            article_ids=[m[0] for m in members],
            languages=sorted({m[1] for m in members if m[1]}),
            sources=sorted({m[2] for m in members if m[2]}),
            first_seen=parse_time(row["first_seen"]),
            last_seen=parse_time(row["last_seen"]),
        )

    def get(self, story_id: str) -> Story | None:
        """The story (its article ids in time order), following merge aliases; ``None`` if unknown."""
        sid = self.resolve(story_id)
        if sid is None:
            return None
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (sid,)).fetchone()
        return self._story(row) if row is not None else None

    def list(
        self,
        *,
        source: str | None = None,
        language: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        min_articles: int = 1,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Story]:
        """Stories, most recently active first; ``source``/``language`` keep stories with such an article,
        ``since``/``until`` those active in that span (last seen at or after ``since``, first seen before ``until``).
        """
        where = ["articles >= ?"]
        params: list[Any] = [min_articles]
        for column, value in (("source", source), ("language", language)):
            if value:
                where.append(
                    f"EXISTS (SELECT 1 FROM story_articles s JOIN articles a ON a.id = s.article_id"
                    f" WHERE s.story_id = stories.id AND a.{column} = ?)"
                )
                params.append(value)
        if since is not None:
            where.append("last_seen >= ?")
            params.append(format_time(since))
        if until is not None:
            where.append("first_seen < ?")
            params.append(format_time(until))
        sql = f"SELECT * FROM stories WHERE {' AND '.join(where)} ORDER BY last_seen IS NULL, last_seen DESC, seq DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return self._stories(self.conn.execute(sql, params).fetchall())

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM stories").fetchone()[0])

    def assigned_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM story_articles").fetchone()[0])


class ClusterStateRepository:
    """Rows of the clusterer's saved state (migration 4); the encoding is the cluster package's."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def meta(self) -> dict[str, str]:
        """Every ``cluster_meta`` entry (empty when no state was saved)."""
        return {str(k): str(v) for k, v in self.conn.execute("SELECT key, value FROM cluster_meta")}

    def features(self) -> Iterator[tuple[str, int, str | None]]:
        """``(feature, df, name language)`` rows."""
        for row in self.conn.execute("SELECT feature, df, lang FROM cluster_features"):
            yield row[0], row[1], row[2]

    def stories(self) -> Iterator[tuple[int, str, str]]:
        """``(seq, story id, encoded state)`` in ``seq`` order."""
        for row in self.conn.execute("SELECT seq, id, state FROM cluster_stories ORDER BY seq"):
            yield row[0], row[1], row[2]

    def save(self, meta: dict[str, str], features: Iterable[tuple[str, int, str | None]],
             stories: Iterable[tuple[int, str, str]]) -> None:
        """Upsert meta entries, feature rows and story rows (inside the caller's transaction)."""
        self.conn.executemany("INSERT OR REPLACE INTO cluster_meta (key, value) VALUES (?, ?)", meta.items())
        self.conn.executemany("INSERT OR REPLACE INTO cluster_features (feature, df, lang) VALUES (?, ?, ?)",
                              features)
        self.conn.executemany("INSERT OR REPLACE INTO cluster_stories (seq, id, state) VALUES (?, ?, ?)", stories)

    def clear(self) -> None:
        """Forget the saved state (it no longer matches the assignments)."""
        self.conn.execute("DELETE FROM cluster_meta")
        self.conn.execute("DELETE FROM cluster_features")
        self.conn.execute("DELETE FROM cluster_stories")
