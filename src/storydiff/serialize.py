"""The JSON views of storydiff's objects, shared by the CLI (``--json``) and the HTTP API.

One function per type, so that ``storydiff articles --json`` and ``GET /api/articles``
(or ``storydiff reuse --json`` and ``GET /api/reuse``) can never drift apart.

>>> from storydiff.model import Passage, Edit
>>> passage_json(Passage(0, 4, 10, 14, "3000", (Edit("3000", "3800", 0, 4, 10, 14),)))["edits"][0]["b_text"]
'3800'
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from storydiff.model import Article, Edit, Passage, Story

__all__ = ["article_json", "edit_json", "iso", "passage_json", "reuse_json", "story_json"]


def iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC, or ``None``."""
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


def article_json(article: Article, *, text: bool = False) -> dict[str, Any]:
    """An article's metadata; its text, metadata and origin only when ``text`` is set."""
    data: dict[str, Any] = {
        "id": article.id,
        "external_id": article.external_id,
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "published": iso(article.published),
        "language": article.language,
        "content_hash": article.content_hash,
        "chars": len(article.text),
    }
    if text:
        data["text"] = article.text
        data["metadata"] = article.metadata
        data["origin"] = article.origin
        data["ingested_at"] = iso(article.ingested_at)
    return data


def story_json(story: Story) -> dict[str, Any]:
    """A story's summary fields and its article ids in time order."""
    return {
        "id": story.id,
        "headline": story.headline,
        "article_ids": list(story.article_ids),
        "articles": len(story.article_ids),
        "languages": list(story.languages),
        "sources": list(story.sources),
        "first_seen": iso(story.first_seen),
        "last_seen": iso(story.last_seen),
    }


def edit_json(e: Edit) -> dict[str, Any]:
    return {"a_text": e.a_text, "b_text": e.b_text, "a_start": e.a_start, "a_end": e.a_end,
            "b_start": e.b_start, "b_end": e.b_end}


def passage_json(p: Passage) -> dict[str, Any]:
    """A shared passage with offsets into both texts and the edits inside it."""
    return {"a_start": p.a_start, "a_end": p.a_end, "b_start": p.b_start, "b_end": p.b_end, "text": p.text,
            "edits": [edit_json(e) for e in p.edits]}


def reuse_json(a: str, b: str, jaccard: float, containment: float, passages: Sequence[Passage]) -> dict[str, Any]:
    """What ``storydiff reuse --json`` and ``GET /api/reuse`` return."""
    return {"a": a, "b": b, "jaccard": jaccard, "containment": containment,
            "passages": [passage_json(p) for p in passages]}
