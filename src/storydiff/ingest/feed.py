"""RSS 0.9x/1.0/2.0 and Atom feeds: one article per entry.

Method: ``feedparser`` (which recovers from many malformed feeds). An entry's text is its
longest ``content`` value, else its ``summary``, turned from HTML into text
(:func:`~storydiff.ingest.html.html_to_text`); the time is ``published`` else
``updated`` (read by :func:`~storydiff.ingest.dates.parse_date`, so an impossible or
out-of-range date is no date; feedparser's own reading only for shapes that function
does not know); ``source`` is the feed's title, else the
host of the feed's or the entry's link; ``language`` is the feed's or entry's language.
The guid becomes ``external_id`` unless it merely repeats the link. A document that is
not a feed, or a broken one from which no entry can be recovered, yields a
:class:`~storydiff.errors.FormatError` naming the file and the parser's line.
Origins are ``file#N`` (N-th entry).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from storydiff.errors import EmptyInputError, FormatError, InputError
from storydiff.ingest.dates import parse_date
from storydiff.ingest.decode import looks_binary, utf16_without_bom
from storydiff.ingest.html import host_of, html_to_text
from storydiff.ingest.records import clean_text, normalize_language
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["read_feed"]

_ISO_START = re.compile(r"^\s*[+-]?\d{4,}-\d")


def _when(entry: Any) -> datetime | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        value = parse_date(raw)
        parsed = entry.get(f"{key}_parsed")
        # feedparser rolls an ISO date's overflowing fields over (2024-13-45 -> 2025-01-01): for
        # those our strict reading is final; its tuple helps only with the rarer shapes it knows
        if value is None and parsed and not _ISO_START.match(str(raw or "")):
            try:  # the tuple may hold year 0 or 10000 after applying an absurd offset
                value = parse_date(datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC))
            except (ValueError, OverflowError):
                value = None
        if value is not None:
            return value
    return None


def _entry_text(entry: Any) -> str:
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    best = max(candidates, key=len)
    return html_to_text(best)


def _title(entry: Any) -> str | None:
    title = entry.get("title")
    if not title:
        return None
    detail = entry.get("title_detail") or {}
    if "html" in str(detail.get("type", "")):
        title = html_to_text(title)
    return " ".join(str(title).split()) or None


def read_feed(data: bytes, name: str, settings: IngestSettings) -> Iterator[Article | InputError]:
    """The articles of an RSS or Atom feed document."""
    import feedparser

    if not data.strip():
        yield EmptyInputError(name, "empty file")
        return
    offset = looks_binary(data)
    if offset is not None and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and not utf16_without_bom(data):
        yield FormatError(name, f"binary data, not a feed (control byte at offset {offset})")
        return
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries", [])
    version = parsed.get("version", "")
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            line = getattr(problem, "getLineNumber", lambda: None)()
            where = f"{name}:{line}" if line else name
            yield FormatError(where, f"malformed feed XML: {problem}")
        elif not version:
            yield FormatError(name, "not an RSS or Atom feed")
        else:
            yield EmptyInputError(name, "feed has no entries")
        return
    feed = parsed.get("feed", {})
    feed_source = " ".join(str(feed.get("title", "")).split()) or host_of(feed.get("link"))
    feed_lang = normalize_language(feed.get("language"))
    for number, entry in enumerate(entries, 1):
        where = f"{name}#{number}"
        text = clean_text(_entry_text(entry)).strip()  # an entry of control characters only has no text
        if not text:
            yield EmptyInputError(where, "feed entry has no content or summary")
            continue
        link = entry.get("link") or None
        guid = entry.get("id") or None
        yield Article(
            text=text,
            url=link,
            source=feed_source or host_of(link),
            title=_title(entry),
            published=_when(entry),
            language=normalize_language(entry.get("language")) or feed_lang,
            external_id=guid if guid and guid != link else None,
            metadata={k: entry[k] for k in ("author",) if entry.get(k)},
            origin=where,
        )
