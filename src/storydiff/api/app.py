"""The FastAPI application: JSON API under ``/api``, web pages under ``/``, static assets under ``/static``.

:func:`create_app` builds one app over one store. Reads take a connection from a small
pool (SQLite in WAL mode lets them run beside a write); listings are cached, valid while
the database is unchanged or, with ``list_max_stale``, for at most that many seconds after
a write (:mod:`storydiff.api.cache`), and comparisons are cached by
the compared articles' content. All writes go through the app's single writer (the same
:class:`~storydiff.pipeline.Pipeline` as ``storydiff ingest``), one request at a time; at
start-up, stages that offer ``warm(store)`` load their in-memory state in the background.
With ``writer_process=True`` (what ``storydiff serve`` uses) that writer runs in a process
of its own (:class:`~storydiff.api.writer_process.ProcessWriter`), so the CPU of ingesting
never holds the server's GIL against reads; otherwise (and where no process can be
started, or the store is ``:memory:``) it is a :class:`~storydiff.api.services.Writer`
in the server's thread pool, under a lock.

Security, on every response: a strict Content-Security-Policy (``default-src 'self'``,
no inline script), ``nosniff``, no framing, no referrer. Request bodies over
``max_body_bytes`` are refused with 413, by ``Content-Length`` and while streaming.
Write endpoints need ``Authorization: Bearer <token>`` when a token is set, and refuse
cross-site requests (an ``Origin`` other than the server's own), so a page on another
site cannot post into a local store. CORS is off: no ``Access-Control-*`` header is sent.

A store locked by another process past SQLite's busy timeout (a long ``storydiff ingest``
holding the write lock) is answered ``503`` with ``Retry-After`` and a JSON body
(``{"detail": ..., "retry_after": ...}``), on reads and writes alike; other store
failures are a JSON ``500``.

>>> from fastapi.testclient import TestClient
>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     app = create_app(Settings(db_path=pathlib.Path(d) / "s.db"))
...     with TestClient(app) as client:
...         client.get("/healthz").json()["status"]
'ok'
"""

from __future__ import annotations

import json
import queue
import sqlite3
import sys
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, MutableMapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from storydiff import __version__
from storydiff.api.cache import ResponseCache
from storydiff.api.services import ComparisonCache, StageUnavailable, Writer, store_locked
from storydiff.api.writer_process import ProcessWriter
from storydiff.errors import InputError, NotFoundError, StorydiffError
from storydiff.settings import Settings
from storydiff.store import Store

__all__ = ["RETRY_AFTER_S", "AppState", "ListingFastPath", "create_app"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
#: seconds a client is told to wait (``Retry-After``) when the store is locked by another process
RETRY_AFTER_S = 5
_SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


@dataclass
class AppState:
    """What the routes share: the settings, the write token, the one writer and a pool of read connections."""

    settings: Settings
    token: str | None
    writer: Writer | ProcessWriter
    max_body_bytes: int
    responses: ResponseCache
    pool_size: int = 16
    #: seconds an article or story listing may lag behind the store (0: exact; see ResponseCache)
    list_max_stale: float = 0.0
    comparisons: ComparisonCache = field(default_factory=ComparisonCache)
    _pool: queue.SimpleQueue[Store] = field(default_factory=queue.SimpleQueue)

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read connection from the pool (opened when none is free; at most ``pool_size`` are kept).

        Each statement runs in its own read transaction, so a pooled connection sees every
        committed write.
        """
        try:
            store = self._pool.get_nowait()
        except queue.Empty:
            store = Store.open(self.settings.db_path, migrate=False)
        try:
            yield store
        finally:
            if self._pool.qsize() < self.pool_size and not store.conn.in_transaction:
                self._pool.put(store)
            else:
                store.close()

    def close(self) -> None:
        while True:
            try:
                self._pool.get_nowait().close()
            except queue.Empty:
                break
        self.responses.close()
        self.writer.close()


class _BodyTooLarge(Exception):
    pass


def _locked_payload(exc: BaseException) -> dict[str, Any]:
    return {"detail": f"the store is locked by another process, try again later ({exc})",
            "retry_after": RETRY_AFTER_S}


async def _send_json(send: Send, status: int, payload: dict[str, Any],
                     extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(payload).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += extra or []
    await send({"type": "http.response.start", "status": status, "headers": headers + _SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Adds the security headers, caps the request body (declared and streamed size) and answers
    a locked store met outside the routes' error handlers (the listing fast path) with 503."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_body_bytes
        too_large = {"detail": f"request body larger than {limit} bytes"}
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await _send_json(send, 400, {"detail": "invalid Content-Length"})
                return
            if size > limit:
                await _send_json(send, 413, too_large)
                return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge
            return message

        async def secure_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _SECURITY_HEADERS if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        try:
            await self.app(scope, counting_receive, secure_send)
        except _BodyTooLarge:
            if not started:
                await _send_json(send, 413, too_large)
        except Exception as exc:
            if started or not store_locked(exc):
                raise
            await _send_json(send, 503, _locked_payload(exc), [(b"retry-after", str(RETRY_AFTER_S).encode())])


class ListingFastPath:
    """Answers a listing request seen before straight from the response cache, before any routing.

    A ``GET`` of ``/api/articles`` or ``/api/stories`` whose path and query string (as sent)
    the route has answered before is looked up by that raw form
    (:meth:`~storydiff.api.cache.ResponseCache.lookup_raw`); when the body may be served
    (same staleness rule as the route's), it is sent with the route's headers, saving the
    query parsing and validation that dominate a cached answer's cost. Anything else, a
    miss included, goes on to the app. Sits inside the host check and the security headers.
    """

    def __init__(self, app: ASGIApp, state: AppState) -> None:
        from storydiff.api.routes import LISTINGS, raw_listing_key

        self.app = app
        self.state = state
        self.paths = LISTINGS
        self.key = raw_listing_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") == "GET" and scope.get("path") in self.paths:
            state = self.state
            body = state.responses.lookup_raw(self.key(scope), state.list_max_stale)
            if body is not None:
                headers = [(b"content-length", str(len(body)).encode()), (b"content-type", b"application/json")]
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def _install_error_handlers(app: FastAPI) -> None:
    async def not_found(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=404)

    async def unavailable(request: Request, exc: Exception) -> JSONResponse:
        stage = exc.stage if isinstance(exc, StageUnavailable) else None
        return JSONResponse({"detail": str(exc), "stage": stage}, status_code=503)

    async def bad_input(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    async def failed(request: Request, exc: Exception) -> JSONResponse:
        if store_locked(exc):
            return JSONResponse(_locked_payload(exc), status_code=503,
                                headers={"Retry-After": str(RETRY_AFTER_S)})
        return JSONResponse({"detail": str(exc)}, status_code=500)

    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(StageUnavailable, unavailable)
    app.add_exception_handler(InputError, bad_input)
    app.add_exception_handler(StorydiffError, failed)
    app.add_exception_handler(sqlite3.Error, failed)  # a locked store (503), or a JSON 500


def _add_body_schema(app: FastAPI) -> None:
    """Put the POST body model into the OpenAPI components (the endpoint parses its body itself)."""
    from fastapi.openapi.utils import get_openapi

    from storydiff.api.schemas import ArticleIn

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                 routes=app.routes)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components["ArticleIn"] = ArticleIn.model_json_schema(ref_template="#/components/schemas/{model}")
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _make_writer(settings: Settings, separate: bool) -> Writer | ProcessWriter:
    if separate and str(settings.db_path) != ":memory:":
        Store.open(settings.db_path).close()  # migrate here, before the child opens it
        try:
            return ProcessWriter(settings)
        except (OSError, RuntimeError) as exc:
            print(f"storydiff: cannot start the writer process ({exc}); writing in-process", file=sys.stderr)
    return Writer(Store.open(settings.db_path), settings)


def create_app(
    settings: Settings,
    token: str | None = None,
    *,
    max_body_bytes: int | None = None,
    allowed_hosts: list[str] | None = None,
    writer_process: bool = False,
    list_max_stale: float = 0.0,
) -> FastAPI:
    """The storydiff web app over the store at ``settings.db_path``.

    ``token``: when set, write endpoints need ``Authorization: Bearer <token>``.
    ``max_body_bytes``: request body cap (default: the ingest file cap plus 64 KiB for
    multipart framing). ``allowed_hosts``: accepted ``Host`` headers (``storydiff serve``
    passes the loopback names when bound to loopback, against DNS rebinding).
    ``writer_process``: run the writer in a process of its own (falls back to the
    in-process writer, with a note on stderr, where it cannot be started).
    ``list_max_stale``: seconds the article and story listings may lag behind the store
    under writes (0, the default: always exact; ``storydiff serve`` uses 0.25).
    """
    from storydiff.api.routes import router as api_router
    from storydiff.web.pages import STATIC_DIR
    from storydiff.web.pages import router as web_router

    cap = max_body_bytes if max_body_bytes is not None else settings.ingest.max_file_bytes + 64 * 1024
    writer = _make_writer(settings, writer_process)
    state = AppState(settings=settings, token=token or None, writer=writer, max_body_bytes=cap,
                     responses=ResponseCache(settings.db_path), list_max_stale=max(0.0, list_max_stale))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        warming = threading.Thread(target=writer.warm, name="storydiff-warm", daemon=True)
        warming.start()
        try:
            yield
        finally:
            warming.join(timeout=60)
            state.close()

    app = FastAPI(
        title="storydiff",
        version=__version__,
        description="Find what news outlets share, add and contradict when they rewrite the same story.",
        docs_url=None,  # the Swagger/ReDoc pages load assets from a CDN; the schema is at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.sd = state
    _add_body_schema(app)
    _install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(ListingFastPath, state=state)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(GuardMiddleware, max_body_bytes=cap)
    return app
