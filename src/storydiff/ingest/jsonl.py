"""JSON Lines (one object per line) and JSON (an array of objects, or one object).

Blank lines are skipped; a line that is not valid JSON, not an object, or has no text
yields an :class:`~storydiff.errors.InputError` naming ``file:line`` and reading goes on.
Field mapping: :mod:`storydiff.ingest.records`. Origins are ``file:line`` (JSONL) and
``file#N`` (the N-th element of a JSON array). The non-JSON constants ``NaN`` and
``Infinity`` that Python writers emit are read as ``null``, as is a number beyond a float
(``1e400``); an integer of more than 4300 digits is an error of its line.

>>> import io
>>> from storydiff.settings import IngestSettings
>>> data = b'{"id": "a1", "text": "Erster."}\\n{"id": "a2", "text": \\n'
>>> [getattr(x, "external_id", None) or str(x) for x in read_jsonl(io.BytesIO(data), "f.jsonl", IngestSettings())]
['a1', 'f.jsonl:2: invalid JSON at column 22: Expecting value']
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any, BinaryIO

from storydiff.errors import EmptyInputError, FormatError, InputError
from storydiff.ingest.decode import decode_bytes
from storydiff.ingest.lines import iter_lines
from storydiff.ingest.records import record_to_article, resolve_fields
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["read_json", "read_jsonl"]


def _no_constant(name: str) -> None:
    """``NaN``, ``Infinity`` and ``-Infinity`` (not JSON, but written by Python's ``json``) read as null,
    so that every JSON the store later prints stays valid JSON."""
    return None


def _finite(text: str) -> float | None:
    """A JSON number too large for a float (``1e400``, Python reads it as ``inf``) reads as null too."""
    value = float(text)
    return value if math.isfinite(value) else None


def _record(value: Any, where: str, settings: IngestSettings, fields: dict[str, tuple[str, ...]]
            ) -> Article | InputError:
    if not isinstance(value, dict):
        return FormatError(where, f"expected a JSON object, got {type(value).__name__}")
    try:
        return record_to_article(value, settings, where, fields)
    except InputError as exc:
        return exc


def read_jsonl(stream: BinaryIO, name: str, settings: IngestSettings) -> Iterator[Article | InputError]:
    """One article per JSON line of ``stream``; bad lines become errors in their place."""
    fields = resolve_fields(settings)
    seen = False
    for item in iter_lines(stream, name, settings.max_file_bytes):
        if isinstance(item, InputError):
            seen = True
            yield item
            continue
        lineno, line = item
        if not line.strip():
            continue
        seen = True
        where = f"{name}:{lineno}"
        try:
            value = json.loads(line.rstrip("\r\n"), parse_constant=_no_constant, parse_float=_finite)
        except json.JSONDecodeError as exc:
            yield FormatError(where, f"invalid JSON at column {exc.colno}: {exc.msg}")
            continue
        except RecursionError:
            yield FormatError(where, "JSON nested too deeply")
            continue
        except ValueError:  # not a JSONDecodeError: an integer of more than 4300 digits
            yield FormatError(where, "invalid JSON: a number of more than 4300 digits")
            continue
        yield _record(value, where, settings, fields)
    if not seen:
        yield EmptyInputError(name, "no records (empty input)")


def read_json(data: bytes, name: str, settings: IngestSettings) -> Iterator[Article | InputError]:
    """Articles of a JSON document: an array of objects, one object, or (sniffed) JSON Lines."""
    import io

    try:
        text = decode_bytes(data, name)
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield EmptyInputError(name, "empty file")
        return
    try:
        value = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{") and exc.msg == "Extra data":  # several objects: JSON Lines
            yield from read_jsonl(io.BytesIO(text.encode("utf-8")), name, settings)
        else:
            yield FormatError(f"{name}:{exc.lineno}", f"invalid JSON at column {exc.colno}: {exc.msg}")
        return
    except RecursionError:
        yield FormatError(name, "JSON nested too deeply")
        return
    except ValueError:  # not a JSONDecodeError: an integer of more than 4300 digits
        yield FormatError(name, "invalid JSON: a number of more than 4300 digits")
        return
    fields = resolve_fields(settings)
    if isinstance(value, dict):
        yield _record(value, f"{name}#1", settings, fields)
    elif isinstance(value, list):
        if not value:
            yield EmptyInputError(name, "empty JSON array")
        for number, element in enumerate(value, 1):
            yield _record(element, f"{name}#{number}", settings, fields)
    else:
        yield FormatError(name, f"expected a JSON array or object, got {type(value).__name__}")
