"""CSV and TSV files with a header row: one article per row.

The delimiter (comma, semicolon or tab) is the one the header line holds most of. A row
whose number of fields differs from the header's yields a
:class:`~storydiff.errors.FormatError` naming ``file:line`` (the row's first line) and
reading goes on. Quoted fields may span lines; one whose closing quote is missing (it would
take in every row after it) is an error. Field mapping:
:mod:`storydiff.ingest.records`; every empty cell counts as absent.

>>> import io
>>> from storydiff.settings import IngestSettings
>>> data = "id;title;text\\n1;Kurz;Der Text.\\n2;Kaputt\\n".encode("cp1252")
>>> [getattr(x, "title", None) or str(x) for x in read_csv(io.BytesIO(data), "f.csv", IngestSettings())]
['Kurz', 'f.csv:3: row has 2 fields, the header has 3']
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from storydiff.errors import EmptyInputError, FormatError, InputError
from storydiff.ingest.lines import iter_lines
from storydiff.ingest.records import record_to_article, resolve_fields
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["read_csv"]


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _unclosed_quote(raw: str, delimiter: str) -> bool:
    """Whether the row ``raw`` ends inside a quoted field: the lenient parser then takes the rest
    of the file as that field (the rows after a stray quote silently swallowed)."""
    if raw.count('"') % 2 == 0:
        return False
    try:
        for _ in csv.reader(io.StringIO(raw), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "end of data" in str(exc)
    return False


def read_csv(stream: BinaryIO, name: str, settings: IngestSettings) -> Iterator[Article | InputError]:
    """One article per CSV row of ``stream``; bad rows become errors in their place."""
    errors: list[InputError] = []
    consumed: list[str] = []  # the raw lines of the row being read

    def text_lines() -> Iterator[str]:
        for item in iter_lines(stream, name, settings.max_file_bytes):
            if isinstance(item, InputError):
                errors.append(item)
                yield "\n"  # keeps the line count; a blank row is skipped
            else:
                consumed.append(item[1])
                yield item[1]

    lines = text_lines()
    header_line = next(lines, None)
    if errors:
        yield from errors
        return
    if header_line is None or not header_line.strip():
        yield EmptyInputError(name, "empty file (no header row)")
        return
    delimiter = _delimiter(header_line)
    header = [h.strip() for h in next(csv.reader([header_line], delimiter=delimiter))]
    fields = resolve_fields(settings)
    reader = csv.reader(lines, delimiter=delimiter)
    consumed.clear()
    last_line = 1
    rows = 0
    while True:
        row: list[str] | csv.Error | None
        try:
            row = next(reader)
        except StopIteration:
            row = None
        except csv.Error as exc:
            row = exc
        yield from errors
        errors.clear()
        if row is None:
            break
        if isinstance(row, csv.Error):
            yield FormatError(f"{name}:{last_line + 1}", f"CSV error: {row}")
            last_line = reader.line_num + 1
            continue
        start, last_line = last_line + 1, reader.line_num + 1
        raw = "".join(consumed)
        consumed.clear()
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        where = f"{name}:{start}"
        if _unclosed_quote(raw, delimiter):
            yield FormatError(where, "quoted field not closed before the end of the file, row skipped")
            continue
        if len(row) != len(header):
            yield FormatError(where, f"row has {len(row)} fields, the header has {len(header)}")
            continue
        record = {key: cell for key, cell in zip(header, row, strict=True) if cell.strip()}
        try:
            yield record_to_article(record, settings, where, fields)
        except InputError as exc:
            yield exc
    if rows == 0:
        yield EmptyInputError(name, "no rows after the header")
