"""WARC and WARC.gz web archives: HTML response records through the HTML reader.

Method: ``warcio``'s ``ArchiveIterator`` streams the records (gzip per record or not);
every ``response`` record with HTTP status 2xx (or ``resource`` record) whose content
type is HTML is decoded (chunked transfer and content encoding undone, charset from the
HTTP header) and read by :func:`~storydiff.ingest.html.read_html` with the record's
``WARC-Target-URI`` as URL and its ``WARC-Date`` as the fallback time. Other records
(requests, metadata, images, redirects) are skipped silently. A record over the size cap
or without text yields an error for that record; a malformed or truncated archive yields
a :class:`~storydiff.errors.FormatError` naming the record and byte offset, after the
records before it. A WARC compressed whole (``gzip crawl.warc``, not one gzip member per
record as the standard wants) is read decompressed; its byte offsets are then those of
the uncompressed archive. Origins are ``file#N`` (N-th record of the archive).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, BinaryIO, cast

from storydiff.errors import EmptyInputError, FormatError, InputError, InputTooLargeError
from storydiff.ingest.dates import parse_date
from storydiff.ingest.gzipped import Gunzip
from storydiff.ingest.html import read_html
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: what warcio's error says of a WARC compressed as one gzip stream instead of one member per record
_WHOLE_GZIP = "non-chunked gzip"


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _html_record(record: Any) -> tuple[bool, str]:
    """Whether ``record`` is an HTML page to read, and its content type."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return False, ""
        status = http.get_statuscode() or ""
        content_type = http.get_header("Content-Type") or ""
        return status.startswith("2") and content_type.lower().startswith(_HTML_TYPES), content_type
    if record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
        return content_type.lower().startswith(_HTML_TYPES), content_type
    return False, ""


def _drain(record: Any) -> bool:
    """Read the rest of ``record``; ``False`` when its block is shorter than declared (truncated)."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return int(getattr(raw, "limit", 0) or 0) == 0


def _leftover(stream: BinaryIO, start: int | None, end: int) -> bool:
    """Whether non-blank bytes follow the last record that warcio could parse (a cut-off record)."""
    if start is None:
        return False
    try:
        stream.seek(start + end)
        return bool(stream.read(1 << 16).strip(b"\r\n"))
    except (OSError, ValueError):
        return False


def read_warc(stream: BinaryIO, name: str, settings: IngestSettings) -> Iterator[Article | InputError]:
    """The articles of the HTML pages archived in a WARC stream."""
    from warcio.archiveiterator import ArchiveIterator

    cap = settings.max_file_bytes
    try:
        start: int | None = stream.tell() if stream.seekable() else None
    except OSError:
        start = None
    number = 0
    seen = 0  # records read before a restart (a whole-file gzip), not to be read twice
    gunzip: Gunzip | None = None
    archive = None
    while True:
        problem = ""
        try:
            if archive is None:
                archive = ArchiveIterator(stream)
            record = next(archive)
            number += 1
            if number <= seen:
                _drain(record)
                continue
            if record.format != "warc":
                problem = "not a WARC record (no WARC/1.x header)"
            else:
                is_html, content_type = _html_record(record)
                payload = record.content_stream().read(cap + 1) if is_html else b""
                if not _drain(record):
                    problem = "record cut off before its declared Content-Length"
        except StopIteration:
            if archive is not None and number and _leftover(stream, start, _end(archive)):
                yield FormatError(f"{name}#{number + 1}", f"truncated WARC record at byte offset {_end(archive)}")
            elif gunzip is not None and gunzip.truncated:
                yield FormatError(f"{name}#{number + 1}", "gzip stream cut off after the records before it")
            break
        # warcio signals broken archives with many exception types (ArchiveLoadFailed, zlib.error,
        # EOFError, ValueError, AttributeError ...): each means "malformed from here on".
        except Exception as exc:
            if _WHOLE_GZIP in str(exc) and start is not None and not seen:
                # ``gzip crawl.warc``: one gzip stream, not one member per record; read it decompressed
                stream.seek(start)
                gunzip = Gunzip(stream)
                stream = cast(BinaryIO, io.BufferedReader(gunzip))
                start, seen, number, archive = None, number, 0, None
                continue
            problem = f"{type(exc).__name__}: {exc}"
            number += 1
            offset = _offset(archive, after=True) if number > 1 else 0
        else:
            offset = _offset(archive, after=False)
        if problem:
            at = f" at byte offset {offset}" if offset is not None else ""
            yield FormatError(f"{name}#{number}", f"malformed or truncated WARC{at}: {problem}")
            return
        if not is_html:
            continue
        where = f"{name}#{number}"
        if len(payload) > cap:
            yield InputTooLargeError(where, f"record payload larger than {cap} bytes, skipped")
            continue
        if not payload.strip():
            yield EmptyInputError(where, "empty HTML record")
            continue
        url = record.rec_headers.get_header("WARC-Target-URI") or None
        when = parse_date(record.rec_headers.get_header("WARC-Date"))
        yield from read_html(payload, where, settings, url=url, fallback_date=when, charset=_charset(content_type))
    if number == 0:
        yield EmptyInputError(name, "no WARC records")


def _end(archive: Any) -> int:
    return int(archive.get_record_offset()) + int(archive.get_record_length())


def _offset(archive: Any, *, after: bool) -> int | None:
    """Byte offset of the current record, or (``after``) of the end of the last complete one."""
    try:
        return _end(archive) if after else int(archive.get_record_offset())
    except Exception:  # warcio keeps no offset yet (failure before the first record)
        return None
