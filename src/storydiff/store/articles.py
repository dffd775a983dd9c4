"""Article queries: upsert by id, lookup by id or external id, listing, full-text search."""

from __future__ import annotations

import builtins
import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from storydiff.model import Article

__all__ = ["ArticleRepository", "UpsertOutcome", "article_from_row", "format_time", "parse_time"]

_COLUMNS = "id, external_id, url, source, title, published, language, text, content_hash, metadata, origin, ingested_at"


class UpsertOutcome(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    UPDATED = "updated"


def format_time(value: datetime | None) -> str | None:
    """UTC ISO-8601 with seconds, the one time format in the store."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        external_id=row["external_id"],
        url=row["url"],
        source=row["source"],
        title=row["title"],
        published=parse_time(row["published"]),
        language=row["language"],
        text=row["text"],
        content_hash=row["content_hash"],
        metadata=json.loads(row["metadata"] or "{}"),
        origin=row["origin"],
        ingested_at=parse_time(row["ingested_at"]),
    )


def _values(article: Article) -> tuple[Any, ...]:
    return (
        article.external_id,
        article.url,
        article.source,
        article.title,
        format_time(article.published),
        article.language,
        article.text,
        article.content_hash,
        json.dumps(article.metadata, ensure_ascii=False, sort_keys=True, default=str),
        article.origin,
    )


def _fts_query(text: str) -> str:
    """Quote every term so user input is never FTS5 syntax."""
    terms = [t.replace('"', '""') for t in text.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms)


class ArticleRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def upsert(self, article: Article, *, now: datetime | None = None) -> UpsertOutcome:
        """Insert ``article``, or update it when its id exists with other content.

        Call inside :meth:`Store.transaction`. Re-ingesting identical content is a no-op.
        """
        return self.upsert_many([article], now=now)[0]

    def upsert_many(self, articles: Sequence[Article], *, now: datetime | None = None) -> builtins.list[UpsertOutcome]:
        """:meth:`upsert` for a batch, with one lookup and one ``executemany`` per kind of write.

        The outcomes are those of upserting the articles one after the other (a record seen
        twice in the batch is new, then unchanged or updated); each id is written once, in
        its last version.
        """
        known = {row[0]: tuple(row[1:]) for row in self._select_in(
            "SELECT id, content_hash, title, published, source, external_id FROM articles WHERE id IN ({})",
            list(dict.fromkeys(a.id for a in articles)))}
        stamp = format_time(now or datetime.now(UTC))
        outcomes: list[UpsertOutcome] = []
        inserts: dict[str, Article] = {}
        updates: dict[str, Article] = {}
        for article in articles:
            state = (article.content_hash, article.title, format_time(article.published), article.source,
                     article.external_id)
            previous = known.get(article.id)
            if previous is None:
                outcomes.append(UpsertOutcome.NEW)
                inserts[article.id] = article
            elif previous == state:
                outcomes.append(UpsertOutcome.UNCHANGED)
            else:
                outcomes.append(UpsertOutcome.UPDATED)
                (inserts if article.id in inserts else updates)[article.id] = article
            known[article.id] = state
        self.conn.executemany(
            f"INSERT INTO articles ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(a.id, *_values(a), format_time(a.ingested_at) or stamp) for a in inserts.values()],
        )
        self.conn.executemany(
            "UPDATE articles SET external_id=?, url=?, source=?, title=?, published=?, language=?, text=?,"
            " content_hash=?, metadata=?, origin=? WHERE id=?",
            [(*_values(a), a.id) for a in updates.values()],
        )
        return outcomes

    def hashes_of(self, ids: Sequence[str]) -> dict[str, str]:
        """The content hash of each stored article among ``ids``."""
        rows = self._select_in("SELECT id, content_hash FROM articles WHERE id IN ({})", list(dict.fromkeys(ids)))
        return {row[0]: row[1] for row in rows}

    def texts_of(self, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """``(text, content_hash)`` of each stored article among ``ids`` (no other field is read or parsed)."""
        rows = self._select_in("SELECT id, text, content_hash FROM articles WHERE id IN ({})", list(dict.fromkeys(ids)))
        return {row[0]: (row[1], row[2]) for row in rows}

    def ids_by_hash(self, hashes: Sequence[str]) -> dict[str, set[str]]:
        """For each content hash, the ids of the stored articles with that normalised text."""
        found: dict[str, set[str]] = {}
        for row in self._select_in("SELECT content_hash, id FROM articles WHERE content_hash IN ({})",
                                   list(dict.fromkeys(hashes))):
            found.setdefault(row[0], set()).add(row[1])
        return found

    def _select_in(self, sql: str, keys: builtins.list[str]) -> builtins.list[sqlite3.Row]:
        rows: list[sqlite3.Row] = []
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows.extend(self.conn.execute(sql.format(",".join("?" * len(chunk))), chunk))
        return rows

    def get(self, key: str) -> Article | None:
        """The article whose id, or else external id, is ``key``."""
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (key,)).fetchone()
        if row is None:
            row = self.conn.execute(
                f"SELECT {_COLUMNS} FROM articles WHERE external_id = ? ORDER BY rowid LIMIT 1", (key,)
            ).fetchone()
        return article_from_row(row) if row is not None else None

    def get_many(self, ids: Sequence[str]) -> list[Article]:
        """Articles by id, in the order given (unknown ids are skipped)."""
        found: dict[str, Article] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE id IN ({marks})", chunk):
                found[row["id"]] = article_from_row(row)
        return [found[i] for i in ids if i in found]

    def same_content(self, content_hash: str) -> list[str]:
        """Ids of every article with this normalised-text hash (exact duplicates), oldest first."""
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY COALESCE(published, ingested_at), rowid",
            (content_hash,),
        )
        return [r[0] for r in rows]

    def exact_duplicate_groups(self) -> list[list[str]]:
        rows = self.conn.execute(
            "SELECT content_hash, group_concat(id) FROM (SELECT content_hash, id FROM articles"
            " WHERE content_hash IN (SELECT content_hash FROM articles GROUP BY content_hash HAVING count(*) > 1)"
            " ORDER BY COALESCE(published, ingested_at), rowid) GROUP BY content_hash ORDER BY min(id)"
        )
        return [r[1].split(",") for r in rows]

    def list(
        self,
        *,
        search: str | None = None,
        source: str | None = None,
        language: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> list[Article]:
        where: list[str] = []
        params: list[Any] = []
        if search:
            where.append("rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(_fts_query(search))
        if source:
            where.append("source = ?")
            params.append(source)
        if language:
            where.append("language = ?")
            params.append(language)
        if since:
            where.append("published >= ?")
            params.append(format_time(since))
        if until:
            where.append("published < ?")
            params.append(format_time(until))
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        order = "DESC" if newest_first else "ASC"
        sql = (
            f"SELECT {_COLUMNS} FROM articles {clause} ORDER BY COALESCE(published, ingested_at) {order}, rowid {order}"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [article_from_row(r) for r in self.conn.execute(sql, params)]

    def iter_all(self, *, batch: int = 1000) -> Iterable[Article]:
        """Every article in publication order, fetched in batches."""
        last = -1
        while True:
            rows = self.conn.execute(
                f"SELECT rowid, {_COLUMNS} FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield article_from_row(r)
            last = rows[-1]["rowid"]

    def ids_in_time_order(self) -> builtins.list[str]:
        rows = self.conn.execute("SELECT id FROM articles ORDER BY COALESCE(published, ingested_at), rowid")
        return [r[0] for r in rows]

    def ids_published_before(self, cutoff: datetime) -> builtins.list[str]:
        """Ids of the articles published (or, without a date, ingested) before ``cutoff``, oldest first."""
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE COALESCE(published, ingested_at) < ?"
            " ORDER BY COALESCE(published, ingested_at), rowid",
            (format_time(cutoff),),
        )
        return [r[0] for r in rows]

    def delete(self, article_id: str) -> bool:
        cur = self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return cur.rowcount > 0

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def stats(self) -> dict[str, Any]:
        """Counts per source and language, the time range, and exact-duplicate figures."""
        per_source = {
            (r[0] or "(none)"): r[1]
            for r in self.conn.execute("SELECT source, count(*) FROM articles GROUP BY source ORDER BY 2 DESC, 1")
        }
        per_language = {
            (r[0] or "(none)"): r[1]
            for r in self.conn.execute("SELECT language, count(*) FROM articles GROUP BY language ORDER BY 2 DESC, 1")
        }
        first, last = self.conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
        dup_articles = self.conn.execute(
            "SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM articles GROUP BY content_hash HAVING n > 1)"
        ).fetchone()[0]
        return {
            "articles": self.count(),
            "sources": per_source,
            "languages": per_language,
            "first_published": first,
            "last_published": last,
            "exact_duplicate_articles": int(dup_articles),
        }
