"""The app's writer in a process of its own, so ingesting never holds the server's GIL.

Method: :class:`ProcessWriter` starts one child process (``spawn`` context, so nothing of
the server's threads or sockets is inherited) that opens the store, builds the same
:class:`~storydiff.api.services.Writer` as the in-process path, loads the stages'
in-memory state (``warm``) and then serves ingest requests from a pipe, in arrival order.

Group commit: whenever the child is free, it takes every request waiting in the pipe
(in arrival order, up to ``IngestSettings.batch_size`` articles and :data:`MAX_GROUP`
requests; a bigger request runs alone) and ingests them in **one** pipeline call, one
transaction (:func:`~storydiff.api.services.ingest_groups`), so the per-call costs
(transaction, index lookups, the stages' passes) are paid once per group and a queue
drains faster the longer it is. The report is split back per request: each gets its own
ids, counts, errors, duplicate groups and story assignments, as if ingested alone after the
requests before it. When the group's call raises, the transaction is rolled back and the
requests are run again one by one, so an error fails only the request that caused it. The server side hands the
parsed articles over with :meth:`ProcessWriter.submit`, which returns a
:class:`concurrent.futures.Future` at once; one dispatcher thread reads the answers and
resolves the futures, so an ``async`` handler awaits its write without tying up a thread
of the pool. The ingest CPU (dedup verification, clustering) runs on another core
while the server process goes on answering reads (SQLite WAL: readers see each commit).

Shutdown (:meth:`ProcessWriter.close`, from the app's lifespan): a ``None`` message asks
the child to finish what is queued and exit; it also exits when the pipe closes (the
server died). The child ignores ``SIGINT``, so Ctrl-C on ``storydiff serve`` lets it
finish the write in progress instead of leaving a rolled-back batch behind a 500. When
the child dies, every request it held fails with a :class:`~storydiff.errors.StoreError`
(its transaction is either committed, and answered, or rolled back by SQLite) and the
next request starts a new child.

Errors raised by a write come back with their class and message: an
:class:`~storydiff.errors.InputError` stays an ``InputError`` (422), a
:class:`~storydiff.errors.StorydiffError` keeps its type, a locked store becomes a
:class:`~storydiff.errors.StoreBusyError` (503), anything else a
:class:`~storydiff.errors.StoreError` (500).

>>> str(_error(_pack_error(errors.FormatError("x.jsonl:2", "not JSON"))))
'x.jsonl:2: not JSON'
>>> type(_error(_pack_error(ValueError("boom")))).__name__
'StoreError'

>>> import tempfile, pathlib
>>> from storydiff.model import Article
>>> with tempfile.TemporaryDirectory() as d:
...     w = ProcessWriter(Settings(db_path=pathlib.Path(d) / "s.db"), stages=[])
...     out = w.submit([Article(text="Ein kurzer Text.", url="https://x.test/1")]).result(timeout=120)
...     w.close()
>>> out["new"], len(out["ids"])
(1, 1)
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from concurrent.futures import Future
from itertools import count
from multiprocessing.connection import Connection
from typing import Any

from storydiff import errors
from storydiff.errors import InputError, StoreError, StorydiffError
from storydiff.model import Article
from storydiff.settings import Settings

__all__ = ["ProcessWriter"]

#: an article, or a bad record as (error class name, where, message): exceptions with a
#: two-argument constructor do not survive pickling as themselves
_Item = Article | tuple[str, str, str]


def _pack(item: Article | InputError) -> _Item:
    if isinstance(item, InputError):
        return (type(item).__name__, item.where, item.message)
    return item


def _unpack(item: _Item) -> Article | InputError:
    if isinstance(item, Article):
        return item
    name, where, message = item
    cls = getattr(errors, name, InputError)
    if not (isinstance(cls, type) and issubclass(cls, InputError)):
        cls = InputError
    return cls(where, message)


def _pack_error(exc: Exception) -> tuple[str, tuple[str, ...]]:
    from storydiff.api.services import store_locked

    if isinstance(exc, InputError):
        return (type(exc).__name__, (exc.where, exc.message))
    if store_locked(exc):  # answered 503 with Retry-After, not 500
        return ("StoreBusyError", (f"the store is locked by another process: {exc}",))
    if isinstance(exc, StorydiffError):
        return (type(exc).__name__, (str(exc),))
    return ("StoreError", (f"write failed: {type(exc).__name__}: {exc}",))


def _error(packed: tuple[str, tuple[str, ...]]) -> StorydiffError:
    """The exception a write raised in the child, rebuilt with its class (``StorydiffError`` if unknown)."""
    name, args = packed
    cls = getattr(errors, name, None)
    if isinstance(cls, type) and issubclass(cls, InputError) and len(args) == 2:
        return cls(*args)
    if isinstance(cls, type) and issubclass(cls, StorydiffError) and not issubclass(cls, InputError):
        return cls(*args)
    return StorydiffError(*args)


#: a request: its key and its packed items
_Request = tuple[int, list[_Item]]
#: an answer: the request's key, whether it succeeded, the report or the packed error
_Answer = tuple[int, bool, Any]

#: the most requests one group commit takes (the articles are also bounded by the ingest batch
#: size). The per-call cost (~1 ms) is already amortised at a few requests, while a larger group
#: only delays its first requests' answers: a request waits for the group in progress and then
#: its own, so with no cap a backlog of n requests would answer its last ones after ~2n/1.5
#: articles' work instead of ~n
MAX_GROUP = 8


def _take_group(backlog: deque[_Request], max_articles: int) -> list[_Request]:
    """The oldest requests of ``backlog`` that fit together in ``max_articles`` (at least one)."""
    group = [backlog.popleft()]
    size = len(group[0][1])
    while backlog and len(group) < MAX_GROUP and size + len(backlog[0][1]) <= max_articles:
        size += len(backlog[0][1])
        group.append(backlog.popleft())
    return group


def _run_group(writer: Any, group: list[_Request]) -> list[_Answer]:
    """Ingest ``group`` in one transaction; when that fails, each request alone (so only the bad one fails)."""
    from storydiff.api.services import ingest, ingest_groups

    items = [[_unpack(i) for i in packed] for _, packed in group]
    if len(group) > 1:
        try:
            reports = ingest_groups(writer, items)
        except Exception:  # rolled back as a whole: find the request that fails by running them one by one
            pass
        else:
            return [(key, True, report) for (key, _), report in zip(group, reports, strict=True)]
    answers: list[_Answer] = []
    for (key, _), request in zip(group, items, strict=True):
        try:
            answers.append((key, True, ingest(writer, request)))
        except Exception as exc:  # answered with its status (422, 500); the child lives on
            answers.append((key, False, _pack_error(exc)))
    return answers


def _child(conn: Connection, settings: Settings, stages: list[Any] | None, nice: int) -> None:
    """The writer process: open, warm, then ingest the requests in arrival order until told to stop.

    Group commit: every request waiting in the pipe when the writer is free again is
    ingested together, in one transaction (:func:`~storydiff.api.services.ingest_groups`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if nice > 0 and hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(nice)
    from storydiff.api.services import Writer
    from storydiff.store import Store

    writer = Writer(Store.open(settings.db_path), settings, stages=stages)
    backlog: deque[_Request] = deque()
    stopping = False
    try:
        writer.warm()
        while backlog or not stopping:
            try:
                while not stopping and (not backlog or conn.poll()):
                    message = conn.recv()
                    if message is None:
                        stopping = True
                    else:
                        backlog.append(message)
            except (EOFError, OSError):
                return
            if not backlog:
                continue
            for answer in _run_group(writer, _take_group(backlog, settings.ingest.batch_size)):
                try:
                    conn.send(answer)
                except (BrokenPipeError, OSError):
                    return
    finally:
        writer.close()


class ProcessWriter:
    """A writer process fed through a pipe; :meth:`submit` returns a future of the ingest report.

    ``stages``: the pipeline's stages (default: the normal ones), passed to the child by pickling.
    ``nice``: the child's scheduling niceness increment (POSIX): when the CPUs are all busy,
    answering reads goes before ingesting (0 leaves it at the server's priority).
    A child that died (killed, out of memory) fails the requests it held and is started
    again by the next :meth:`submit`. Raises :class:`OSError` when the process cannot be
    started (the caller falls back to writing in-process).
    """

    def __init__(self, settings: Settings, *, stages: list[Any] | None = None, join_timeout: float = 60.0,
                 nice: int = 5) -> None:
        self.settings = settings
        self.nice = nice
        self.stages = stages
        self.join_timeout = join_timeout
        self.restarts = 0
        self._context = multiprocessing.get_context("spawn")
        self._keys = count()
        self._lock = threading.Lock()
        self._stopping = False
        self._start()

    def _start(self) -> None:
        conn, child_conn = self._context.Pipe(duplex=True)
        process = self._context.Process(target=_child, args=(child_conn, self.settings, self.stages, self.nice),
                                        name="storydiff-writer", daemon=True)
        process.start()
        child_conn.close()
        pending: dict[int, Future[dict[str, Any]]] = {}
        dispatcher = threading.Thread(target=self._dispatch, args=(conn, pending), name="storydiff-writer-answers",
                                      daemon=True)
        self._conn, self._process, self._pending, self._dispatcher = conn, process, pending, dispatcher
        dispatcher.start()

    @property
    def pid(self) -> int | None:
        """The writer process's id (``None`` before it started)."""
        return self._process.pid

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def submit(self, items: list[Article | InputError]) -> Future[dict[str, Any]]:
        """Queue one ingest request; the future resolves to its report (or raises its error)."""
        future: Future[dict[str, Any]] = Future()
        packed = [_pack(i) for i in items]
        with self._lock:
            if self._stopping:
                future.set_exception(StoreError("the writer process is shutting down"))
                return future
            if not self._process.is_alive():
                print(f"storydiff: the writer process exited (code {self._process.exitcode}); starting it again",
                      file=sys.stderr)
                self._conn.close()
                self.restarts += 1
                self._start()
            key = next(self._keys)
            self._pending[key] = future
            try:
                self._conn.send((key, packed))
            except (BrokenPipeError, OSError) as exc:
                del self._pending[key]
                future.set_exception(StoreError(f"the writer process is not reachable: {exc}"))
        return future

    def _dispatch(self, conn: Connection, pending: dict[int, Future[dict[str, Any]]]) -> None:
        while True:
            try:
                key, ok, payload = conn.recv()
            except (EOFError, OSError):
                break
            with self._lock:
                future = pending.pop(key, None)
            if future is None:
                continue
            if ok:
                future.set_result(payload)
            else:
                future.set_exception(_error(payload))
        with self._lock:
            waiting = list(pending.values())
            pending.clear()
        for future in waiting:
            future.set_exception(StoreError("the writer process exited before answering"))

    def warm(self) -> None:
        """Nothing to do here: the child loads the stages' state itself before its first write."""

    def close(self) -> None:
        """Let the child finish what is queued, then stop it (terminated after ``join_timeout``)."""
        with self._lock:
            self._stopping = True
            with contextlib.suppress(BrokenPipeError, OSError):
                self._conn.send(None)
        self._process.join(self.join_timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)
        self._dispatcher.join(5)
        self._conn.close()
