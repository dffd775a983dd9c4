"""Gzip-compressed inputs (``feed.jsonl.gz``, ``export.csv.gz``, ``page.html.gz`` ...): a streaming gunzip.

An input is gzip when it starts with the gzip magic bytes (``1f 8b``), whatever its name;
its reader is chosen by the name without ``.gz`` (then by the decompressed content). WARC
reads its own gzip (one member per record; see :mod:`~storydiff.ingest.warc`). Several
gzip members in a row (``cat a.gz b.gz``) read as one stream.

:class:`Gunzip` decompresses as it is read, never more than 1 MiB ahead, so a
decompression bomb costs no memory. Given the input's ``name``, it raises (at the point
where reading meets it) an :class:`~storydiff.errors.InputTooLargeError` once the
decompressed bytes pass ``limit`` (the file cap, ``--max-bytes``), and a
:class:`~storydiff.errors.FormatError` for a cut-off or corrupt stream; a streaming reader
has then yielded the records before it. Without a name (the WARC reader's use) a cut-off
stream just ends (:attr:`Gunzip.truncated`) and corrupt data raises :class:`zlib.error`.

>>> import gzip, io
>>> io.BufferedReader(Gunzip(io.BytesIO(gzip.compress(b"Text")), "a.txt.gz")).read()
b'Text'
>>> io.BufferedReader(Gunzip(io.BytesIO(gzip.compress(b"Text" * 100)[:-8]), "a.txt.gz")).read()
Traceback (most recent call last):
...
storydiff.errors.FormatError: a.txt.gz: gzip data cut off (truncated file) after 400 decompressed bytes
"""

from __future__ import annotations

import io
import zlib
from typing import Any, BinaryIO

from storydiff.errors import FormatError, InputTooLargeError

__all__ = ["GZIP_MAGIC", "Gunzip", "gunzip_head", "strip_gz"]

GZIP_MAGIC = b"\x1f\x8b"
_WBITS = 16 + zlib.MAX_WBITS  # a gzip header and trailer
_STEP = 1 << 20  # the most decompressed bytes made from one read


def strip_gz(name: str) -> str:
    """``name`` without a final ``.gz`` (any case): the name that says the format."""
    return name[:-3] if name.lower().endswith(".gz") else name


def gunzip_head(head: bytes, size: int = 4096) -> bytes:
    """The first (at most ``size``) decompressed bytes of a gzip input starting with ``head``;
    empty when they cannot be decompressed."""
    try:
        return zlib.decompressobj(_WBITS).decompress(head, size)
    except zlib.error:
        return b""


class Gunzip(io.RawIOBase):
    """The decompressed bytes of a gzip stream, read as they are needed (wrap in :class:`io.BufferedReader`)."""

    def __init__(self, raw: BinaryIO, name: str | None = None, limit: int | None = None) -> None:
        super().__init__()
        self._raw = raw
        self._name = name
        self._limit = limit
        self._inflate = zlib.decompressobj(_WBITS)
        self._pending = b""
        self._at = 0  # how much of ``_pending`` is read
        self._fed = False
        self.produced = 0  #: decompressed bytes handed out
        self.truncated = False

    def readable(self) -> bool:
        return True

    def _next_input(self) -> bytes:
        """Compressed bytes to feed next: what the last step left, a next member, or more of the file."""
        if self._inflate.unconsumed_tail:
            return self._inflate.unconsumed_tail
        if self._inflate.eof:  # a next gzip member, if any
            rest = self._inflate.unused_data
            self._inflate, self._fed = zlib.decompressobj(_WBITS), False
            if rest:
                return rest
        return self._raw.read(1 << 16)

    def _fail(self, message: str) -> FormatError:
        return FormatError(str(self._name), f"{message} after {self.produced} decompressed bytes")

    def readinto(self, buffer: Any) -> int:
        while self._at >= len(self._pending):
            chunk = self._next_input()
            if not chunk:
                self.truncated = self._fed and not self._inflate.eof
                if self.truncated and self._name is not None:
                    raise self._fail("gzip data cut off (truncated file)")
                return 0
            self._fed = True
            try:
                self._pending, self._at = self._inflate.decompress(chunk, _STEP), 0
            except zlib.error as exc:
                if self._name is None:
                    raise
                raise self._fail(f"corrupt gzip data ({exc})") from None
        size = min(len(buffer), len(self._pending) - self._at)
        if self._limit is not None:
            if self.produced >= self._limit:
                raise InputTooLargeError(str(self._name), f"decompresses to more than the limit of {self._limit} "
                                                          "bytes (raise --max-bytes to read it)")
            size = min(size, self._limit - self.produced)
        buffer[:size] = self._pending[self._at:self._at + size]
        self._at += size
        self.produced += size
        return size
