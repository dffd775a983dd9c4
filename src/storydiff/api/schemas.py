"""Request bodies of the HTTP API, validated by pydantic.

>>> a = ArticleIn.model_validate({"text": "Ein Text.", "url": "https://x.test/1"}).to_article("body")
>>> a.url, a.origin
('https://x.test/1', 'body')
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from storydiff.model import Article

__all__ = ["ARTICLE_LIST", "ARTICLE_ONE", "ArticleIn"]


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

    @field_validator("published")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def to_article(self, origin: str) -> Article:
        return Article(
            text=self.text, url=self.url, source=self.source, title=self.title, published=self.published,
            language=self.language, external_id=self.id, metadata=dict(self.metadata), origin=origin,
        )


#: validators for a POST /api/articles JSON body: one article (an object) or a list of them
ARTICLE_ONE: TypeAdapter[ArticleIn] = TypeAdapter(ArticleIn)
ARTICLE_LIST: TypeAdapter[list[ArticleIn]] = TypeAdapter(list[ArticleIn])
