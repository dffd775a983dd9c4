"""The JSON endpoints under ``/api`` (and ``/healthz``); each is a thin layer over :mod:`storydiff.api.services`."""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from storydiff.api import services
from storydiff.api.schemas import ARTICLE_LIST, ARTICLE_ONE, ArticleIn
from storydiff.api.services import ArticleQuery, StageUnavailable
from storydiff.api.writer_process import ProcessWriter
from storydiff.errors import ConfigError, InputError
from storydiff.model import Article
from storydiff.serialize import article_json, story_json
from storydiff.store import Store

__all__ = ["FORMATS", "LISTINGS", "article_query", "get_state", "raw_listing_key", "reader", "require_writer", "router"]

#: upload formats offered by the form (``auto`` or empty: guessed from the file name and content);
#: any name :func:`storydiff.ingest.formats.normalize_format` knows is accepted
FORMATS = ("txt", "jsonl", "csv", "html", "rss", "warc")

router = APIRouter()

#: the cached listings (answered from :class:`~storydiff.api.cache.ResponseCache`)
LISTINGS = frozenset({"/api/articles", "/api/stories"})


def get_state(request: Request) -> Any:
    return request.app.state.sd


def reader(request: Request) -> AbstractContextManager[Store]:
    """A pooled read connection for the length of a ``with`` block."""
    cm: AbstractContextManager[Store] = get_state(request).reader()
    return cm


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None:
        return True
    host = request.headers.get("host", "")
    return urlsplit(origin).netloc.lower() == host.lower()


async def require_writer(request: Request) -> None:
    """Write guard: same-origin requests only, and the bearer token when the app has one."""
    if not _same_origin(request):
        raise HTTPException(403, "cross-origin write refused")
    token = get_state(request).token
    if token is None:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "a bearer token is required to write", headers={"WWW-Authenticate": "Bearer"})


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


async def article_query(
    search: Annotated[str | None, Query(max_length=500, description="full-text search in title and text")] = None,
    source: Annotated[str | None, Query(max_length=256)] = None,
    language: Annotated[str | None, Query(max_length=8)] = None,
    since: Annotated[datetime | None, Query(description="published at or after (ISO-8601, naive = UTC)")] = None,
    until: Annotated[datetime | None, Query(description="published before (ISO-8601, naive = UTC)")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> ArticleQuery:
    return ArticleQuery(search=search or None, source=source or None, language=language or None,
                        since=_utc(since), until=_utc(until), limit=limit, offset=offset)


QueryDep = Annotated[ArticleQuery, Depends(article_query)]


@router.get("/healthz", tags=["meta"])
def healthz(request: Request) -> dict[str, Any]:
    """Liveness and the store's figures."""
    with reader(request) as store:
        return {"status": "ok", "schema_version": store.schema_version(), "articles": store.articles.count(),
                "stories_available": getattr(store, "stories", None) is not None}


async def _cached_list(request: Request, key: tuple[str, ArticleQuery], compute: Callable[[], bytes]) -> Response:
    """A listing from the response cache: a hit is answered on the event loop, a miss computed in a thread."""
    state = get_state(request)
    stale = state.list_max_stale
    body = state.responses.lookup(key, stale)
    if body is None:
        body = await run_in_threadpool(state.responses.get_or_compute, key, compute, stale)
    state.responses.alias(raw_listing_key(request.scope), key)
    return Response(body, media_type="application/json")


def raw_listing_key(scope: Any) -> tuple[str, bytes]:
    """A listing request as sent (path and query string): what :class:`~storydiff.api.app.ListingFastPath` looks up."""
    return (str(scope["path"]), bytes(scope.get("query_string", b"")))


@router.get("/api/articles", tags=["articles"])
async def list_articles(request: Request, q: QueryDep) -> Response:
    """Articles, newest first: full-text search, source, language, time range, paging."""

    def compute() -> bytes:
        with reader(request) as store:
            return _json_bytes(services.list_articles(store, q))

    return await _cached_list(request, ("articles", q), compute)


@router.get("/api/articles/{article_id}", tags=["articles"])
def get_article(article_id: str, request: Request) -> dict[str, Any]:
    """One article with its text, exact duplicates and story."""
    with reader(request) as store:
        return _article_detail(store, article_id)


def _article_detail(store: Store, article_id: str) -> dict[str, Any]:
    article = services.get_article(store, article_id)
    data = article_json(article, text=True)
    data["same_text"] = [i for i in store.articles.same_content(article.content_hash) if i != article.id]
    data["story"] = services.story_of(store, article.id)
    return data


@router.get("/api/stories", tags=["stories"])
async def list_stories(request: Request, q: QueryDep) -> Response:
    """Stories, most recent first, with the article filters."""

    def compute() -> bytes:
        with reader(request) as store:
            stories = services.list_stories(store, q)
        return _json_bytes({"stories": [story_json(s) for s in stories], "limit": q.limit,
                            "offset": q.offset})

    return await _cached_list(request, ("stories", q), compute)


@router.get("/api/stories/{story_id}", tags=["stories"])
def get_story(story_id: str, request: Request) -> dict[str, Any]:
    """A story: its articles, and the comparison (summary, shared, unique, facts, conflicts, timeline)."""
    with reader(request) as store:
        story = services.get_story(store, story_id)
        articles = store.articles.get_many(story.article_ids)
    data = story_json(story)
    data["articles"] = [article_json(a) for a in articles]
    try:
        state = get_state(request)
        comparison = services.compare(articles, state.settings, state.comparisons)
    except StageUnavailable as exc:
        comparison, data["comparison_error"] = None, str(exc)
    data["comparison"] = comparison
    data["summary"] = comparison.get("summary") if comparison else None
    return data


@router.get("/api/reuse", tags=["reuse"])
def get_reuse(
    request: Request,
    a: Annotated[str, Query(min_length=1, max_length=256, description="article id")],
    b: Annotated[str, Query(min_length=1, max_length=256, description="article id")],
) -> dict[str, Any]:
    """Passages of article ``a`` reused in article ``b`` with offsets into both and the edits inside."""
    with reader(request) as store:
        return services.reuse(store, a, b, get_state(request).settings)


_POST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"anyOf": [{"$ref": "#/components/schemas/ArticleIn"},
                                     {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}}]}
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "format": {"type": "string", "enum": ["auto", *FORMATS]},
                    },
                }
            },
        },
    }
}


def _validation_error(exc: ValidationError) -> RequestValidationError:
    errors: list[dict[str, Any]] = []
    for err in exc.errors(include_url=False):
        fixed: dict[str, Any] = {k: v for k, v in err.items() if k != "ctx"}
        fixed["loc"] = ("body", *err.get("loc", ()))
        errors.append(fixed)
    return RequestValidationError(errors)


async def _upload_items(request: Request) -> Any:
    from storydiff.ingest import read_bytes
    from storydiff.ingest.formats import normalize_format

    form = await request.form(max_files=1, max_fields=8)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise RequestValidationError([{"type": "missing", "loc": ("body", "file"), "msg": "Field required",
                                       "input": None}])
    given = form.get("format")
    fmt = None if given in (None, "", "auto") else str(given)
    try:
        normalize_format(fmt)
    except ConfigError as exc:
        raise RequestValidationError([{"type": "enum", "loc": ("body", "format"), "input": fmt,
                                       "msg": str(exc)}]) from None
    data = await upload.read()
    name = upload.filename or "upload"
    settings = get_state(request).settings
    return read_bytes(data, name, fmt, settings.ingest)


async def _json_items(request: Request) -> list[Article | InputError]:
    body = await request.body()
    is_list = body.lstrip()[:1] == b"["
    try:
        parsed = (ARTICLE_LIST if is_list else ARTICLE_ONE).validate_json(body)
    except ValidationError as exc:
        raise _validation_error(exc) from None
    if isinstance(parsed, ArticleIn):
        return [parsed.to_article("api:body")]
    return [item.to_article(f"api:body[{i}]") for i, item in enumerate(parsed)]


@router.post("/api/articles", tags=["articles"], dependencies=[Depends(require_writer)], openapi_extra=_POST_BODY)
async def post_articles(request: Request) -> JSONResponse:
    """Add articles: a JSON body (one article or a list) or a multipart file upload in any supported format.

    Everything goes through the ingest pipeline (dedup, stories). The answer lists the ids,
    the duplicate groups (id -> ids with the same or nearly the same text) and each
    article's story, plus the per-record errors of an upload.
    """
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        items = await _upload_items(request)
    elif ctype in ("application/json", "") or ctype.endswith("+json"):
        items = await _json_items(request)
    else:
        raise HTTPException(415, "send application/json or multipart/form-data")
    writer = get_state(request).writer
    if isinstance(writer, ProcessWriter):
        result = await asyncio.wrap_future(writer.submit(list(items)))
    else:
        result = await run_in_threadpool(services.ingest, writer, items)
    status = 422 if result["read"] == 0 and result["failed"] else 200
    return JSONResponse(result, status_code=status)
