"""The SQLite store: connection, WAL mode, migrations and transactions.

One :class:`Store` wraps one database file. Query code lives in one repository class
per stage (:class:`~storydiff.store.articles.ArticleRepository`, ...), each taking the
store's connection, so the store stays the only place that speaks SQL.

>>> from storydiff.store import Store
>>> from storydiff.store.migrations import SCHEMA_VERSION
>>> with Store.open(":memory:") as store:
...     store.schema_version() == SCHEMA_VERSION
True
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from storydiff.errors import SchemaVersionError, StoreError
from storydiff.store.migrations import MIGRATIONS, SCHEMA_VERSION

__all__ = ["Store"]


class Store:
    """An open storydiff database. Use :meth:`open`; close with :meth:`close` or ``with``."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        from storydiff.store.articles import ArticleRepository

        self.articles = ArticleRepository(conn)
        from storydiff.store.dedup import DedupRepository

        self.dedup = DedupRepository(conn)
        from storydiff.store.stories import StoryRepository

        self.stories = StoryRepository(conn)

    @classmethod
    def open(cls, path: str | Path, *, migrate: bool = True) -> Store:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
        target = str(path)
        try:
            if target != ":memory:":
                Path(target).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{target}: cannot create the store's directory: {exc.strerror or exc}") from exc
        try:
            conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, timeout=30.0)
            conn.row_factory = sqlite3.Row
            if target != ":memory:":
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            # a large page cache and memory-mapped reads keep index inserts fast as the file grows
            conn.execute("PRAGMA cache_size=-131072")  # 128 MiB
            conn.execute("PRAGMA mmap_size=268435456")  # 256 MiB
            conn.execute("PRAGMA temp_store=MEMORY")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
        except sqlite3.Error as exc:
            raise StoreError(f"{target}: cannot open store: {exc}") from exc
        store = cls(conn, target)
        if migrate:
            store.migrate()
        return store

    def duplicates_of(self, article_id: str, content_hash: str) -> list[str]:
        """Ids with the same normalised text (oldest first), then the verified near-duplicates."""
        same = [i for i in self.articles.same_content(content_hash) if i != article_id]
        for pair in self.dedup.pairs([article_id]):
            other = pair.b if pair.a == article_id else pair.a
            if other not in same:
                same.append(other)
        return same

    def schema_version(self) -> int:
        row = self.conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def migrate(self) -> None:
        """Run every migration above the stored version, each in its own transaction."""
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path}: store has schema version {current}, this storydiff knows up to {SCHEMA_VERSION}"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                for statement in MIGRATIONS[version]:
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={version}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: all of it is committed, or none of it (also on ``kill -9``)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
