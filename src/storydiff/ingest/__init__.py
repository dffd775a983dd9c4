"""Readers: one module per format, each turning input into :class:`~storydiff.model.Article` objects.

=======================================  ==============================================
module                                   reads
=======================================  ==============================================
:mod:`~storydiff.ingest.txt`             plain text, one article per file
:mod:`~storydiff.ingest.jsonl`           JSON Lines (also from stdin) and JSON arrays
:mod:`~storydiff.ingest.csvfile`         CSV/TSV with a header row
:mod:`~storydiff.ingest.html`            HTML pages (trafilatura + htmldate)
:mod:`~storydiff.ingest.feed`            RSS and Atom feeds (feedparser)
:mod:`~storydiff.ingest.warc`            WARC and WARC.gz archives (warcio)
=======================================  ==============================================

Shared pieces: :mod:`~storydiff.ingest.decode` (bytes to text), :mod:`~storydiff.ingest.dates`
(dates to aware UTC), :mod:`~storydiff.ingest.records` (field mapping),
:mod:`~storydiff.ingest.formats` (which reader), :mod:`~storydiff.ingest.gzipped` (gzip inputs).

Every format may come gzip-compressed (``feed.jsonl.gz``, ``page.html.gz``; found by the
gzip magic bytes, read by the name without ``.gz``); its decompressed bytes are capped like
a file's, and a cut-off or corrupt stream is an error naming the file (after the records
before the break, for JSONL and CSV).

Contract: readers know nothing of the store. They **yield** an
:class:`~storydiff.errors.InputError` in place of every bad file or record (its message
names the file and the line, record or byte offset) and go on; they never raise for bad
input. A file larger than ``IngestSettings.max_file_bytes`` is refused whole
(:class:`~storydiff.errors.InputTooLargeError`); on a stream (stdin) of a record format the
cap applies to each record. Directories are walked recursively in name order, reading
only files with a known extension and skipping hidden ones (a named directory without
any is an :class:`~storydiff.errors.EmptyInputError`; a pipe, device or dangling link met
in the walk is reported and skipped); globs (``**`` too) and explicitly named files are
read whatever their extension (sniffed). An explicitly named pipe (``<(zcat a.jsonl.gz)``)
is read as a stream. A reader that fails unexpectedly on hostile input ends only its own
input, with a :class:`~storydiff.errors.FormatError` naming it.

>>> from storydiff.settings import IngestSettings
>>> items = list(read_bytes(b'{"id": "x1", "text": "Der Streik ist vorbei."}\\n{"id": "x2"', "up.jsonl", None,
...                         IngestSettings()))
>>> [type(i).__name__ for i in items], items[0].origin
(['Article', 'FormatError'], 'up.jsonl:1')
"""

from __future__ import annotations

import glob
import io
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from storydiff.errors import EmptyInputError, FormatError, InputError, InputTooLargeError
from storydiff.ingest.csvfile import read_csv
from storydiff.ingest.feed import read_feed
from storydiff.ingest.formats import STREAMING, choose_format, format_for_name, normalize_format
from storydiff.ingest.gzipped import GZIP_MAGIC, Gunzip
from storydiff.ingest.html import read_html
from storydiff.ingest.jsonl import read_json, read_jsonl
from storydiff.ingest.txt import read_txt
from storydiff.ingest.warc import read_warc
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["expand_paths", "read_bytes", "read_paths", "read_stream"]

_GLOB_CHARS = frozenset("*?[")
_SNIFF_BYTES = 4096


def _too_large(name: str, size: int, cap: int) -> InputTooLargeError:
    return InputTooLargeError(name, f"{size} bytes is over the limit of {cap} bytes (raise --max-bytes to read it)")


def _read_document(data: bytes, name: str, fmt: str, settings: IngestSettings) -> Iterator[Article | InputError]:
    if fmt == "txt":
        return read_txt(data, name, settings)
    if fmt == "json":
        return read_json(data, name, settings)
    if fmt == "html":
        return read_html(data, name, settings)
    if fmt == "feed":
        return read_feed(data, name, settings)
    return _read_streaming(io.BytesIO(data), name, fmt, settings)


def _read_streaming(stream: BinaryIO, name: str, fmt: str, settings: IngestSettings
                    ) -> Iterator[Article | InputError]:
    if fmt == "jsonl":
        return read_jsonl(stream, name, settings)
    if fmt == "csv":
        return read_csv(stream, name, settings)
    if fmt == "warc":
        return read_warc(stream, name, settings)
    return _read_document(stream.read(settings.max_file_bytes + 1), name, fmt, settings)


def read_bytes(data: bytes, name: str, fmt: str | None, settings: IngestSettings) -> Iterator[Article | InputError]:
    """Articles of one input held in memory (an HTTP upload); ``fmt`` ``None`` picks by name and content."""
    if len(data) > settings.max_file_bytes:
        yield _too_large(name, len(data), settings.max_file_bytes)
        return
    if not data.strip():
        yield EmptyInputError(name, "empty input")
        return
    yield from _guarded(_read_opened(io.BytesIO(data), name, normalize_format(fmt), settings), name)


def read_stream(stream: BinaryIO, name: str, fmt: str, settings: IngestSettings) -> Iterator[Article | InputError]:
    """Articles of a binary stream such as stdin; record formats are read record by record.

    ``fmt`` ``auto`` reads the whole stream (up to the cap) and picks the format by content.
    """
    chosen = normalize_format(fmt)
    if chosen in STREAMING:
        peek = getattr(stream, "peek", None)  # stdin is buffered: a gzip stream shows its magic bytes
        if chosen != "warc" and callable(peek) and peek(2)[:2] == GZIP_MAGIC:
            stream = io.BufferedReader(Gunzip(stream, name, settings.max_file_bytes))
        yield from _guarded(_read_streaming(stream, name, chosen, settings), name)
        return
    data = stream.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        yield InputTooLargeError(name, f"over the limit of {settings.max_file_bytes} bytes")
        return
    yield from read_bytes(data, name, chosen, settings)


def _walk(directory: Path, *, named: bool = False) -> Iterator[Path | InputError]:
    """Known-extension files under ``directory``; a ``named`` (not globbed) one without any is an error."""
    found = False
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith(".") and format_for_name(file) is not None:
                path = Path(root) / file
                found = True
                if path.is_file():
                    yield path
                else:  # a pipe, socket or device would block or never end; a dangling link has nothing
                    yield InputError(str(path), "not a regular file (or a broken link), skipped")
    if named and not found:
        yield EmptyInputError(str(directory), "no file with a known extension in this directory")


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The files named by ``paths`` (files, directories walked, globs), each once, in order."""
    seen: set[Path] = set()
    for given in paths:
        text = str(given)
        path = Path(given)
        found: list[Path | InputError] = []
        if path.is_dir():
            found.extend(_walk(path, named=True))
        elif path.exists():
            found.append(path)
        elif _GLOB_CHARS & set(text):
            for match in sorted(glob.glob(text, recursive=True)):
                found.extend(_walk(Path(match)) if Path(match).is_dir() else [Path(match)])
            if not found:
                yield EmptyInputError(text, "no file matches this pattern")
                continue
        else:
            yield InputError(text, "no such file or directory")
            continue
        for file in found:
            if isinstance(file, InputError):
                yield file
                continue
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def _read_file(path: Path, settings: IngestSettings, fmt: str | None) -> Iterator[Article | InputError]:
    name = str(path)
    cap = settings.max_file_bytes
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a named pipe (``<(zcat x.gz)``) or device: no size to trust
            with path.open("rb") as stream:
                yield from read_stream(stream, name, fmt or "auto", settings)
            return
        size = info.st_size
        if size > cap:
            yield _too_large(name, size, cap)
            return
        if size == 0:
            yield EmptyInputError(name, "empty file")
            return
        with path.open("rb") as stream:
            yield from _read_opened(stream, name, fmt, settings)
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")


def _read_opened(stream: BinaryIO, name: str, fmt: str | None, settings: IngestSettings
                 ) -> Iterator[Article | InputError]:
    """Articles of a seekable input of at most the cap; a gzip one (not WARC) read decompressed."""
    cap = settings.max_file_bytes
    head = stream.read(_SNIFF_BYTES)
    stream.seek(0)
    chosen = fmt or choose_format(name, head)
    if chosen != "warc" and head.startswith(GZIP_MAGIC):
        stream = io.BufferedReader(Gunzip(stream, name, cap))  # raises its errors where reading meets them
        if chosen not in STREAMING:
            data = stream.read(cap + 1)
            if not data.strip():
                yield EmptyInputError(name, "empty after decompression")
                return
            yield from _read_document(data, name, chosen, settings)
            return
    if chosen in STREAMING:
        yield from _read_streaming(stream, name, chosen, settings)
    else:
        yield from _read_document(stream.read(cap + 1), name, chosen, settings)


def _guarded(items: Iterator[Article | InputError], name: str) -> Iterator[Article | InputError]:
    """``items``, with an unexpected exception of a reader (a bug met on hostile input) turned into
    an error for that input, so that the rest of the batch goes on; an :class:`InputError` raised
    under a reader (a cut-off gzip stream) ends the input as itself."""
    try:
        yield from items
    except InputError as exc:
        yield exc
    except Exception as exc:  # the contract: a reader never ends the batch
        yield FormatError(name, f"cannot read the rest of this input ({type(exc).__name__}: {exc})")


def read_paths(paths: Iterable[str | Path], settings: IngestSettings, *, fmt: str | None = None
               ) -> Iterator[Article | InputError]:
    """Articles of every file named by ``paths`` (see :func:`expand_paths`), errors in their places."""
    chosen = normalize_format(fmt)
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _guarded(_read_file(item, settings, chosen), str(item))
