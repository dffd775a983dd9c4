"""Server-rendered pages (Jinja2, autoescape on) over the same services as the JSON API.

Pages: ``/`` stories, ``/stories/{id}`` one story (conflicts first, summary, side-by-side
of two sources with shared passages and edits marked, fact timeline), ``/articles/{id}``,
``/search`` and ``/upload`` (whose form posts to ``POST /api/articles``). Links taken
from article data are only rendered as links when they are ``http(s)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from storydiff.api import services
from storydiff.api.routes import FORMATS, article_query, get_state
from storydiff.api.services import ArticleQuery, StageUnavailable
from storydiff.errors import NotFoundError
from storydiff.model import Article, Story
from storydiff.store import Store
from storydiff.web.views import Segment, coverage_chart, parse_when, segments, timeline_chart

__all__ = ["STATIC_DIR", "TEMPLATE_DIR", "router"]

WEB_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


def _safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) link, else ``None`` (no ``javascript:``, ``data:`` ...).

    >>> [_safe_url(u) for u in ("https://a.test/x", " JavaScript:alert(1)", "data:text/html,x", None)]
    ['https://a.test/x', None, None, None]
    """
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _when(value: Any) -> str:
    when = parse_when(value)
    return when.strftime("%Y-%m-%d %H:%M") if when else "–"


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = _safe_url
    env.filters["when"] = _when
    return Jinja2Templates(env=env)


TEMPLATES = _templates()
router = APIRouter(include_in_schema=False)


def _store(request: Request) -> Iterator[Store]:
    with get_state(request).reader() as store:
        yield store


StoreDep = Annotated[Store, Depends(_store)]
QueryDep = Annotated[ArticleQuery, Depends(article_query)]


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("token_required", get_state(request).token is not None)
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)


def _not_found(request: Request, message: str) -> HTMLResponse:
    return _page(request, "error.html", 404, title="Not found", message=message)


def _story_row(story: Story, times: dict[str, datetime | None]) -> dict[str, Any]:
    return {"story": story, "chart": coverage_chart([times.get(i) for i in story.article_ids])}


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, store: StoreDep, q: QueryDep) -> Response:
    try:
        stories = services.list_stories(store, q)
    except StageUnavailable as exc:
        return _page(request, "stories.html", rows=[], q=q, unavailable=str(exc))
    ids = [i for s in stories for i in s.article_ids]
    times = {a.id: a.published or a.ingested_at for a in store.articles.get_many(ids)}
    return _page(request, "stories.html", rows=[_story_row(s, times) for s in stories], q=q, unavailable=None)


def _pick_pair(store: Store, articles: list[Article], a: str | None, b: str | None
               ) -> tuple[Article | None, Article | None]:
    """The two articles to show side by side: the chosen ones, else the most similar pair of
    different sources the dedup index knows, else the first two of different sources."""
    by_id = {x.id: x for x in articles}
    if not (a or b):
        repo = getattr(store, "dedup", None)
        pairs = repo.pairs(list(by_id)) if repo is not None else []
        pairs = [p for p in pairs if p.a in by_id and p.b in by_id and by_id[p.a].source != by_id[p.b].source]
        if pairs:
            best = max(pairs, key=lambda p: (p.containment, p.jaccard, p.b, p.a))
            first, second = sorted((by_id[best.a], by_id[best.b]), key=lambda x: articles.index(x))
            return first, second
    left = by_id.get(a or "") or (articles[0] if articles else None)
    right = by_id.get(b or "")
    if right is None and left is not None:
        others = [x for x in articles if x.id != left.id]
        right = next((x for x in others if x.source != left.source), others[0] if others else None)
    return left, right


def _side_by_side(store: Store, request: Request, left: Article, right: Article) -> dict[str, Any]:
    try:
        reuse = services.reuse(store, left.id, right.id, get_state(request).settings)
    except StageUnavailable as exc:
        plain_a, plain_b = [Segment(left.text, "plain")], [Segment(right.text, "plain")]
        return {"left": left, "right": right, "a": plain_a, "b": plain_b, "reuse": None, "error": str(exc)}
    ps = reuse["passages"]
    edits = [e for p in ps for e in p["edits"]]
    a_segs = segments(left.text, [(p["a_start"], p["a_end"]) for p in ps], [(e["a_start"], e["a_end"]) for e in edits])
    b_segs = segments(right.text, [(p["b_start"], p["b_end"]) for p in ps], [(e["b_start"], e["b_end"]) for e in edits])
    return {"left": left, "right": right, "a": a_segs, "b": b_segs, "reuse": reuse, "error": None}


def _timeline(comparison: dict[str, Any] | None, sources: dict[str, str]) -> Any:
    """The comparison's timeline (fact -> values in publication order) as chart input."""
    facts: dict[str, list[tuple[datetime, str, str]]] = {}
    timeline = (comparison or {}).get("timeline") or {}
    if not isinstance(timeline, dict):
        return timeline_chart({})
    for key, values in timeline.items():
        for v in values if isinstance(values, list) else []:
            when = parse_when(v.get("published")) if isinstance(v, dict) else None
            if when is not None:
                article = str(v.get("article", ""))
                facts.setdefault(str(key), []).append((when, str(v.get("text", "")), sources.get(article, article)))
    return timeline_chart(facts)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(
    story_id: str, request: Request, store: StoreDep,
    a: Annotated[str | None, Query(max_length=256)] = None,
    b: Annotated[str | None, Query(max_length=256)] = None,
) -> Response:
    try:
        story = services.get_story(store, story_id)
    except StageUnavailable as exc:
        return _page(request, "error.html", 503, title="Stories not available", message=str(exc))
    except NotFoundError as exc:
        return _not_found(request, str(exc))
    articles = store.articles.get_many(story.article_ids)
    sources = {key: (x.source or x.label) for x in articles for key in (x.id, x.label)}
    state = get_state(request)
    try:
        comparison: dict[str, Any] | None = services.compare(articles, state.settings, state.comparisons)
        compare_error = None
    except StageUnavailable as exc:
        comparison, compare_error = None, str(exc)
    left, right = _pick_pair(store, articles, a, b)
    pair = _side_by_side(store, request, left, right) if left is not None and right is not None else None
    return _page(request, "story.html", story=story, articles=articles, sources=sources, comparison=comparison,
                 compare_error=compare_error, pair=pair, timeline=_timeline(comparison, sources),
                 chart=coverage_chart([x.published or x.ingested_at for x in articles], width=480, height=48))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request, store: StoreDep) -> Response:
    article = store.articles.get(article_id)
    if article is None:
        return _not_found(request, f"no article with id {article_id!r}")
    same = [i for i in store.articles.same_content(article.content_hash) if i != article.id]
    return _page(request, "article.html", article=article, same=same, story_id=services.story_of(store, article.id))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, q: QueryDep) -> Response:
    found = store.articles.list(search=q.search, source=q.source, language=q.language, since=q.since,
                                until=q.until, limit=q.limit, offset=q.offset, newest_first=True)
    return _page(request, "search.html", articles=found, q=q)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> Response:
    return _page(request, "upload.html", formats=FORMATS)
