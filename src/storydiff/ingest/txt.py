"""Plain-text files: one article per file.

An optional header block of ``Key: value`` lines may open the file (keys ``title``,
``url``, ``source``, ``date``/``published``, ``language``/``lang``, ``id``; the block ends
at the first blank line and is recognised only when every line of it is such a line).
Otherwise the title is the first line when it reads as a headline: at most 200
characters and 25 words, not ending in ``.``, ``,``, ``:`` or ``;``, and followed by a
blank line and more text. The text is the rest.

>>> from storydiff.settings import IngestSettings
>>> data = "Streik legt Häfen lahm\\n\\nDie Hafenarbeiter haben am Montag die Arbeit niedergelegt.".encode()
>>> a = next(read_txt(data, "s.txt", IngestSettings()))
>>> a.title, a.text[:16]
('Streik legt Häfen lahm', 'Die Hafenarbeite')
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storydiff.errors import EmptyInputError, InputError
from storydiff.ingest.decode import decode_bytes
from storydiff.ingest.records import record_to_article, resolve_fields
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["headline_split", "read_txt"]

_HEADER_KEYS = frozenset({"title", "url", "source", "date", "published", "language", "lang", "id"})
_HEADER_LINE = re.compile(r"^([A-Za-z]+):[ \t]*(.*?)\s*$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _header(text: str) -> tuple[dict[str, str], str]:
    block, sep, rest = text.partition("\n\n")
    fields: dict[str, str] = {}
    for line in block.split("\n"):
        match = _HEADER_LINE.match(line)
        if not match or match.group(1).lower() not in _HEADER_KEYS:
            return {}, text
        fields[match.group(1).lower()] = match.group(2)
    return (fields, rest) if sep else ({}, text)


def headline_split(text: str) -> tuple[str | None, str]:
    """``(title, body)`` when ``text`` opens with a headline line and a blank line, else ``(None, text)``.

    >>> headline_split("Zentralbank senkt Leitzins\\n\\nDie Notenbank hat ...")
    ('Zentralbank senkt Leitzins', 'Die Notenbank hat ...')
    >>> headline_split("Die Notenbank hat den Zins gesenkt.\\n\\nMehr dazu.")[0] is None
    True
    """
    match = _BLANK_LINE.search(text)
    if match is None:
        return None, text
    first, body = text[: match.start()].strip(), text[match.end():].strip()
    if "\n" in first or not first or not body:
        return None, text
    if len(first) > 200 or len(first.split()) > 25 or first[-1] in ".,:;":
        return None, text
    return first, body


def read_txt(data: bytes, name: str, settings: IngestSettings) -> Iterator[Article | InputError]:
    """The one article of a text file, or the error that prevents reading it."""
    try:
        text = decode_bytes(data, name)
    except InputError as exc:
        yield exc
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        yield EmptyInputError(name, "empty file")
        return
    header, body = _header(text)
    if "title" not in header:
        title, body = headline_split(body)
        if title is not None:
            header["title"] = title
    header["text"] = body
    try:
        yield record_to_article(header, settings, name, resolve_fields(IngestSettings()))
    except InputError as exc:
        yield exc
