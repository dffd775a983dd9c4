"""Near-duplicate index queries: signatures, LSH band keys and verified pairs.

Layout (migrations 2 and 6); with the defaults (128 positions, 36 keys) about 290 B of
row data per article:

* ``dedup_signatures``: per article (by ``articles.rowid``) the shingle count (negative
  when the text is character-shingled), the 8-bit compact MinHash signature (128 B) and
  its band keys (32-bit, 4 B each), from which :class:`~storydiff.dedup.bandindex.BandIndex`
  is built in memory (:meth:`DedupRepository.key_entries`);
* ``dedup_meta``: ``index_token``, a random value replaced by every write of the index
  (:meth:`DedupRepository.new_token`), so that a process holding the index in memory
  knows whether another one (or a rollback) changed it since;
* ``dedup_pairs``: verified pairs ``a < b`` with Jaccard, containment and the exact flag.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from storydiff.model import DuplicatePair

__all__ = ["DedupRepository"]

_CHUNK = 500


T = TypeVar("T", int, str)


def _chunks(items: Sequence[T], size: int = _CHUNK) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


class DedupRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- article rowids ---------------------------------------------------------------
    def rowids(self, ids: Sequence[str]) -> dict[str, int]:
        """``articles.rowid`` of each known id."""
        found: dict[str, int] = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT id, rowid FROM articles WHERE id IN ({marks})", chunk):
                found[row[0]] = int(row[1])
        return found

    def ids(self, rowids: Sequence[int]) -> dict[int, str]:
        """Article id of each known rowid."""
        found: dict[int, str] = {}
        for chunk in _chunks(rowids):
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT rowid, id FROM articles WHERE rowid IN ({marks})", chunk):
                found[int(row[0])] = row[1]
        return found

    def same_content(self, hashes: Sequence[str]) -> dict[str, list[str]]:
        """Ids of the articles with each content hash (exact duplicates), one query per 500 hashes."""
        found: dict[str, list[str]] = {}
        for chunk in _chunks(sorted(set(hashes))):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT content_hash, id FROM articles WHERE content_hash IN ({marks}) ORDER BY rowid"
            for h, aid in self.conn.execute(sql, chunk):
                found.setdefault(h, []).append(aid)
        return found

    # -- signatures and bands -----------------------------------------------------------
    def put(self, rowids: Sequence[int], shingles: Sequence[int], sigs: npt.NDArray[np.uint8],
            keys: npt.NDArray[np.int64], char_kind: Sequence[bool] | None = None) -> None:
        """Index articles (replacing what was indexed for them before). Keys -1 are skipped; rows of
        articles whose first key is -1 (an empty text) are not stored at all. ``char_kind[i]``:
        article ``i`` is character-shingled (stored as a negative shingle count)."""
        self.remove(rowids)
        kinds = [False] * len(rowids) if char_kind is None else char_kind
        sig_rows = []
        for rid, n, sig, row, is_char in zip(rowids, shingles, sigs, keys, kinds, strict=True):
            if row[0] < 0:
                continue
            row = row[row >= 0]
            sig_rows.append((rid, -int(n) if is_char else int(n), sig.tobytes(), row.astype("<u4").tobytes()))
        self.conn.executemany("INSERT INTO dedup_signatures (article, shingles, sig, keys) VALUES (?,?,?,?)", sig_rows)

    def remove(self, rowids: Sequence[int]) -> None:
        """Forget the index entries of ``rowids``."""
        for chunk in _chunks(rowids):
            marks = ",".join("?" * len(chunk))
            self.conn.execute(f"DELETE FROM dedup_signatures WHERE article IN ({marks})", chunk)

    def key_entries(self, rows: int = 50_000) -> Iterator[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]:
        """Every indexed band key as flat ``(keys, rowids)`` arrays, ``rows`` articles at a time, in rowid order."""
        after = -1
        while True:
            got = self.conn.execute(
                "SELECT article, keys FROM dedup_signatures WHERE article > ? ORDER BY article LIMIT ?", (after, rows)
            ).fetchall()
            if not got:
                return
            after = int(got[-1][0])
            counts = np.fromiter((len(r[1]) // 4 for r in got), dtype=np.int64, count=len(got))
            keys = np.frombuffer(b"".join(r[1] for r in got), dtype="<u4").astype(np.int64)
            ids = np.repeat(np.fromiter((r[0] for r in got), dtype=np.int64, count=len(got)), counts)
            yield keys, ids

    def token(self) -> str:
        """The index's current token (``""`` before its first write)."""
        row = self.conn.execute("SELECT value FROM dedup_meta WHERE key = 'index_token'").fetchone()
        return str(row[0]) if row else ""

    def new_token(self) -> str:
        """Record that the index changed: store and return a fresh random token (call inside the write)."""
        value = secrets.token_hex(8)
        self.conn.execute("INSERT OR REPLACE INTO dedup_meta (key, value) VALUES ('index_token', ?)", (value,))
        return value

    def signatures(self, rowids: Sequence[int]) -> dict[int, tuple[int, npt.NDArray[np.uint8], bool]]:
        """Shingle count, compact signature and character-shingled flag of each indexed rowid."""
        found: dict[int, tuple[int, npt.NDArray[np.uint8], bool]] = {}
        for chunk in _chunks(rowids):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT article, shingles, sig FROM dedup_signatures WHERE article IN ({marks})"
            for rid, n, sig in self.conn.execute(sql, chunk):
                found[int(rid)] = (abs(int(n)), np.frombuffer(sig, dtype=np.uint8), int(n) < 0)
        return found

    def indexed_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM dedup_signatures").fetchone()[0])

    def index_bytes(self) -> int:
        """Bytes of the index's rows in the store (signatures and keys), without b-tree overhead."""
        sig = self.conn.execute(
            "SELECT coalesce(sum(length(sig) + length(keys) + 8 + 4), 0) FROM dedup_signatures"
        ).fetchone()[0]
        return int(sig)

    # -- pairs --------------------------------------------------------------------------
    def put_pairs(self, pairs: Iterable[DuplicatePair]) -> None:
        rows = [(*sorted((p.a, p.b)), p.jaccard, p.containment, int(p.exact)) for p in pairs]
        self.conn.executemany(
            "INSERT OR REPLACE INTO dedup_pairs (a, b, jaccard, containment, exact) VALUES (?,?,?,?,?)", rows
        )

    def remove_pairs(self, ids: Sequence[str]) -> None:
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            self.conn.execute(f"DELETE FROM dedup_pairs WHERE a IN ({marks}) OR b IN ({marks})", chunk + chunk)

    def pairs(self, ids: Sequence[str] | None = None) -> list[DuplicatePair]:
        """Every verified pair (or those touching ``ids``), ordered by ``(a, b)``."""
        sql = "SELECT a, b, jaccard, containment, exact FROM dedup_pairs"
        if ids is None:
            rows = self.conn.execute(sql + " ORDER BY a, b").fetchall()
        else:
            rows = []
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                rows += self.conn.execute(f"{sql} WHERE a IN ({marks}) OR b IN ({marks})", chunk + chunk).fetchall()
            rows = sorted(set(map(tuple, rows)))
        return [DuplicatePair(r[0], r[1], float(r[2]), float(r[3]), bool(r[4])) for r in rows]
