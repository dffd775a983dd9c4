"""Exact caching of read responses: an answer is reused only while the database is unchanged.

Method: one dedicated SQLite connection asks ``PRAGMA data_version``, which changes
whenever any other connection (this server's writer, a ``storydiff ingest`` running beside
it) commits. A cached body is returned only when it was computed at the current version,
so no answer is ever stale; a write simply invalidates everything. Bounded LRU.

Under a steady stream of writes that would recompute a listing after every commit. A
caller may therefore pass ``max_stale`` (seconds): an entry computed from an older
version is still served while it is younger than that, so a listing is recomputed at
most once per ``max_stale`` however fast writes land, and an answer never reflects the
store as of more than ``max_stale`` seconds ago. ``storydiff serve`` allows 0.25 s for
the article and story lists; the default, 0, is exact.

A request seen before can be answered by its raw form (:meth:`ResponseCache.alias`,
:meth:`ResponseCache.lookup_raw`: path and query string as sent), so a hit costs neither
query parsing nor validation.

>>> import tempfile, pathlib
>>> from storydiff.store import Store
>>> with tempfile.TemporaryDirectory() as d:
...     path = pathlib.Path(d) / "s.db"
...     Store.open(path).close()
...     cache = ResponseCache(path)
...     first = cache.get_or_compute(("k",), lambda: b"one")
...     again = cache.get_or_compute(("k",), lambda: b"two")
...     with Store.open(path) as other, other.transaction():
...         _ = other.conn.execute("CREATE TABLE t (x)")
...     after = cache.get_or_compute(("k",), lambda: b"three")
...     cache.close()
>>> first, again, after
(b'one', b'one', b'three')
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path

__all__ = ["ResponseCache"]


class ResponseCache:
    """Response bodies keyed by request, valid while ``PRAGMA data_version`` is unchanged."""

    def __init__(self, db_path: str | Path, size: int = 512) -> None:
        self.size = size
        self._conn = sqlite3.connect(str(db_path), check_same_thread=False, isolation_level=None)
        self._items: OrderedDict[Hashable, tuple[int, float, bytes]] = OrderedDict()
        self._aliases: OrderedDict[Hashable, Hashable] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[Hashable, threading.Event] = {}

    def version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _fresh(self, key: Hashable, version: int, max_stale: float) -> bytes | None:
        found = self._items.get(key)
        if found is None:
            return None
        if found[0] != version and (max_stale <= 0 or time.monotonic() - found[1] > max_stale):
            return None
        self._items.move_to_end(key)
        return found[2]

    def lookup(self, key: Hashable, max_stale: float = 0.0) -> bytes | None:
        """The cached body for ``key`` if it may be served (see :meth:`get_or_compute`), else ``None``.

        Cheap (no computing, no waiting): lets an ``async`` handler answer a hit without a thread.
        """
        version = self.version()
        with self._lock:
            return self._fresh(key, version, max_stale)

    def alias(self, raw: Hashable, key: Hashable) -> None:
        """Remember that request ``raw`` (e.g. path and query string as sent) asks for ``key``.

        Parsing a request always gives the same key, so :meth:`lookup_raw` can answer it
        again without parsing (at most ``size`` aliases are kept).
        """
        with self._lock:
            self._aliases[raw] = key
            self._aliases.move_to_end(raw)
            while len(self._aliases) > self.size:
                self._aliases.popitem(last=False)

    def lookup_raw(self, raw: Hashable, max_stale: float = 0.0) -> bytes | None:
        """:meth:`lookup` by a request's :meth:`alias` (``None`` when unknown or not fresh)."""
        with self._lock:
            key = self._aliases.get(raw)
        return None if key is None else self.lookup(key, max_stale)

    def get_or_compute(self, key: Hashable, compute: Callable[[], bytes], max_stale: float = 0.0) -> bytes:
        """The cached body for ``key`` if computed at the current version, else ``compute()`` (then cached).

        The version is read before computing, so a write that lands meanwhile only makes
        the entry miss next time, never serves old data as new. Concurrent misses of one
        key compute it once (the others wait for that result). ``max_stale``: also serve an
        entry of an older version computed at most that many seconds ago.
        """
        while True:
            version = self.version()
            started = time.monotonic()
            with self._lock:
                body = self._fresh(key, version, max_stale)
                if body is not None:
                    return body
                waiting = self._pending.get(key)
                if waiting is None:
                    done = self._pending[key] = threading.Event()
                    break
            waiting.wait(timeout=30)
        try:
            body = compute()
            with self._lock:
                self._items[key] = (version, started, body)
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        finally:
            with self._lock:
                del self._pending[key]
            done.set()
        return body

    def close(self) -> None:
        with self._lock:
            self._conn.close()
