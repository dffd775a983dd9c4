"""The vocabulary of storydiff: plain dataclasses that every stage passes around.

Nothing here knows a file format, the store or a CLI. Readers make :class:`Article`
objects, the dedup stage makes :class:`Passage` and :class:`DuplicatePair` objects,
the clusterer makes :class:`Story` objects and the comparison makes :class:`Fact`
and :class:`Conflict` objects.

Identity rules (see :func:`article_key`):

* an article with a URL is identified by its canonical URL (tracking parameters removed);
* otherwise by ``source`` + external id (the ``id`` field of a JSONL/CSV record);
* otherwise by the hash of its normalised text.

So re-ingesting the same record changes nothing, while the same text published at
two URLs gives two articles whose equal ``content_hash`` marks them exact duplicates.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from storydiff.text.normalize import normalize_for_hash

__all__ = [
    "Article",
    "Conflict",
    "DuplicatePair",
    "Edit",
    "Fact",
    "FactValue",
    "Passage",
    "Story",
    "article_key",
    "canonical_url",
    "content_hash",
]

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "at_", "wt_")
_TRACKING_NAMES = frozenset({"fbclid", "gclid", "ocid", "cmpid", "ref", "xtor", "icid", "ns_campaign", "ns_mchannel"})


def canonical_url(url: str) -> str:
    """Return ``url`` without tracking parameters, fragment and default host case.

    >>> canonical_url("https://Example.com/a?utm_source=rss&x=1#top")
    'https://example.com/a?x=1'
    """
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_NAMES
    ]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


def content_hash(text: str) -> str:
    """Hash of the normalised text: equal for texts that differ only in case, quotes or spacing."""
    return hashlib.blake2b(normalize_for_hash(text).encode("utf-8"), digest_size=16).hexdigest()


def article_key(url: str | None, source: str | None, external_id: str | None, text_hash: str) -> str:
    """The stable identity of an article, from which its id is derived (see module docstring)."""
    if url:
        return "url:" + canonical_url(url)
    if external_id:
        return f"ext:{source or ''}:{external_id}"
    return "text:" + text_hash


def _article_id(key: str) -> str:
    return "sd" + hashlib.blake2b(key.encode("utf-8"), digest_size=7).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from any input.

    ``published`` is timezone-aware UTC or ``None``; ``origin`` names where it was
    read (``file:line`` or ``file#record``) so that errors and listings can point at it.
    ``id`` and ``content_hash`` are derived, never given.
    """

    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: datetime | None = None
    language: str | None = None
    external_id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    origin: str | None = None
    ingested_at: datetime | None = None
    id: str = field(default="", compare=False)
    content_hash: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        digest = self.content_hash or content_hash(self.text)
        object.__setattr__(self, "content_hash", digest)
        if not self.id:
            key = article_key(self.url, self.source, self.external_id, digest)
            object.__setattr__(self, "id", _article_id(key))

    @property
    def label(self) -> str:
        """What a user sees for this article: the external id when the input had one."""
        return self.external_id or self.id

    def with_changes(self, **changes: Any) -> Article:
        """A copy with fields replaced (id and hash are recomputed unless given)."""
        changes.setdefault("id", "")
        changes.setdefault("content_hash", "")
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Edit:
    """A small change inside a shared passage: ``a_text`` in A became ``b_text`` in B."""

    a_text: str
    b_text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage of article A reused in article B, with character offsets into both texts."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    text: str
    edits: tuple[Edit, ...] = ()


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two articles found near-duplicate, with the reason: both similarity figures."""

    a: str
    b: str
    jaccard: float
    containment: float
    exact: bool = False


@dataclass(slots=True)
class Story:
    """Every report of one concrete happening. ``id`` never changes once assigned."""

    id: str
    headline: str
    article_ids: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    first_seen: datetime | None = None
    last_seen: datetime | None = None


@dataclass(frozen=True, slots=True)
class FactValue:
    """One article's statement of a fact: its span, offsets and the parsed value."""

    article: str
    text: str
    start: int
    end: int
    value: Any


@dataclass(frozen=True, slots=True)
class Fact:
    """Something an article states: a number, a date or time, a quote or a name.

    ``kind`` is one of ``number``, ``date-time``, ``quote``, ``name``, ``statement``;
    ``key`` says what the fact is about (e.g. ``festgenommen``/``arrested``) so that two
    articles' facts can be matched.
    """

    kind: str
    key: str
    value: FactValue
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two sources give incompatible values for the same fact.

    ``fact`` says in words what differs (``Demonstranten (arrested)``, ``weekday``);
    ``key`` is the machine key the facts were matched on (``person+arrested``).
    """

    kind: str
    fact: str
    why: str
    values: tuple[FactValue, ...]
    salience: float = 0.0
    key: str = ""
