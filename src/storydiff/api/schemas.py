"""Request bodies of the HTTP API, validated by pydantic.

>>> a = ArticleIn.model_validate({"text": "Ein Text.", "url": "https://x.test/1"}).to_article("body")
>>> a.url, a.origin
('https://x.test/1', 'body')
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from storydiff.ingest.dates import parse_date
from storydiff.ingest.records import clean_text
from storydiff.model import Article

__all__ = ["ARTICLE_LIST", "ARTICLE_ONE", "ArticleIn"]


def _finite_json(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite_json(item) for item in value]
    return value


class ArticleIn(BaseModel):
    """One article as posted in a JSON body (the same fields as a JSONL record)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str = Field(min_length=1, description="the article text")
    url: str | None = Field(default=None, max_length=4096, pattern=r"^https?://\S+$")
    source: str | None = Field(default=None, max_length=256)
    title: str | None = Field(default=None, max_length=2048)
    published: datetime | None = Field(default=None, description="ISO-8601; naive times are UTC")
    language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    id: str | None = Field(default=None, max_length=256, description="the source's own id (external id)")
    metadata: dict[str, Any] = Field(default_factory=dict)

    @field_validator("text")
    @classmethod
    def _some_text(cls, value: str) -> str:
        text = clean_text(value).strip()
        if not text:
            raise ValueError("no text besides control characters")
        return text

    @field_validator("published")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        utc = parse_date(value)  # aware UTC; None beyond what datetime holds or outside 1800-2199
        if utc is None:
            raise ValueError("publication time out of range (years 1800 to 2199, after conversion to UTC)")
        return utc

    @field_validator("metadata")
    @classmethod
    def _finite(cls, value: dict[str, Any]) -> dict[str, Any]:
        """``NaN`` and ``Infinity`` (accepted by the JSON parser, but not JSON) become null."""
        return {key: _finite_json(item) for key, item in value.items()}

    def to_article(self, origin: str) -> Article:
        return Article(
            text=self.text, url=self.url, source=self.source, title=self.title, published=self.published,
            language=self.language, external_id=self.id, metadata=dict(self.metadata), origin=origin,
        )


#: validators for a POST /api/articles JSON body: one article (an object) or a list of them
ARTICLE_ONE: TypeAdapter[ArticleIn] = TypeAdapter(ArticleIn)
ARTICLE_LIST: TypeAdapter[list[ArticleIn]] = TypeAdapter(list[ArticleIn])
