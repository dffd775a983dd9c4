"""Records (JSONL objects, CSV rows) to articles: field mapping shared by the record formats.

Our fields and the input field names looked for by default (first present wins):

=============  ==========================
ours           theirs (default)
=============  ==========================
``id``         ``id``
``url``        ``url``
``title``      ``title``
``text``       ``text``
``published``  ``published``, ``date``
``source``     ``source``
``language``   ``language``, ``lang``
=============  ==========================

``IngestSettings.field_map`` replaces the defaults for the fields it names (ours -> theirs).
Every other input field is kept in ``Article.metadata``; ``id`` becomes ``external_id``.

>>> from storydiff.settings import IngestSettings
>>> a = record_to_article({"id": 7, "text": "Hallo Welt.", "lang": "de", "story": "s1"}, IngestSettings(), "f:1")
>>> (a.external_id, a.language, a.metadata)
('7', 'de', {'story': 's1'})
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from storydiff.errors import EmptyInputError, FormatError
from storydiff.ingest.dates import parse_date
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["DEFAULT_FIELDS", "MAX_SOURCE_CHARS", "MAX_TITLE_CHARS", "clean_line", "clean_text", "normalize_language",
           "record_to_article", "resolve_fields"]

#: longest title and source name kept (longer ones are cut, ending in '…'); the HTTP API refuses longer ones
MAX_TITLE_CHARS, MAX_SOURCE_CHARS = 2048, 256
#: control characters no article text needs (tab, newlines and form feed stay): NUL, ESC (terminal escapes) ...
_TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]+")
_LINE_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\s]+")

DEFAULT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "id": ("id",),
    "url": ("url",),
    "title": ("title",),
    "text": ("text",),
    "published": ("published", "date"),
    "source": ("source",),
    "language": ("language", "lang"),
}
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


def normalize_language(value: object) -> str | None:
    """An ISO 639 code from ``de``, ``de-DE``, ``en_US``, or ``None``.

    >>> normalize_language("de-DE"), normalize_language("Deutsch")
    ('de', None)
    """
    if not isinstance(value, str):
        return None
    match = _LANG.match(value.strip())
    return match.group(1).lower() if match else None


def clean_text(text: str) -> str:
    """``text`` without the control characters that only hostile or broken input holds.

    >>> clean_text("Zeile\\x00 eins\\x1b[31m\\nZeile zwei")
    'Zeile eins[31m\\nZeile zwei'
    """
    return _TEXT_CONTROLS.sub("", text)


def clean_line(value: str | None, limit: int) -> str | None:
    """A one-line field (title, source): controls and line breaks to single spaces, at most ``limit`` characters.

    >>> clean_line("Titel\\r\\nmit\\x1b[2J Umbruch ", 80), clean_line(" \\x00 ", 80), clean_line("x" * 9, 5)
    ('Titel mit [2J Umbruch', None, 'xxxx…')
    """
    if value is None:
        return None
    line = _LINE_CONTROLS.sub(" ", value).strip()
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line or None


def resolve_fields(settings: IngestSettings) -> dict[str, tuple[str, ...]]:
    """Our field -> the input field names to look for, with ``field_map`` applied."""
    fields = dict(DEFAULT_FIELDS)
    for ours, theirs in settings.field_map.items():
        fields[ours] = (theirs,)
    return fields


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    text = text.strip()
    return text or None


def record_to_article(record: Mapping[str, Any], settings: IngestSettings, origin: str,
                      fields: Mapping[str, tuple[str, ...]] | None = None) -> Article:
    """Build an article from one record; raises :class:`FormatError` or :class:`EmptyInputError`.

    ``origin`` (``file:line``) is both the article's origin and the place errors name.
    """
    fields = fields if fields is not None else resolve_fields(settings)
    values: dict[str, object] = {}
    used: set[str] = set()
    for ours, candidates in fields.items():
        for name in candidates:
            if name in record:
                used.add(name)
                if ours not in values and record[name] not in (None, ""):
                    values[ours] = record[name]
    text_field = "/".join(fields["text"])
    if "text" not in values:
        if used & set(fields["text"]):
            raise EmptyInputError(origin, f"empty {text_field!r} field")
        raise FormatError(origin, f"no {text_field!r} field")
    raw_text = values["text"]
    if not isinstance(raw_text, str):
        raise FormatError(origin, f"{text_field!r} is a {type(raw_text).__name__}, not a string")
    text = clean_text(raw_text).strip()
    if not text:
        raise EmptyInputError(origin, f"empty {text_field!r} field")
    published = None
    if "published" in values:
        published = parse_date(values["published"])
    metadata = {k: v for k, v in record.items() if k not in used}
    if "published" in values and published is None:
        metadata["unparsed_date"] = values["published"]
    return Article(
        text=text,
        url=_text(values.get("url")),
        source=_text(values.get("source")),
        title=_text(values.get("title")),
        published=published,
        language=normalize_language(values.get("language")),
        external_id=_text(values.get("id")),
        metadata=metadata,
        origin=origin,
    )
