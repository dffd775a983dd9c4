"""Decoded lines of a line-oriented input (JSONL, CSV), read as a stream.

Each line is decoded on its own (strict UTF-8, else cp1252; see
:func:`~storydiff.ingest.decode.decode_line`), so a file that mixes encodings still reads
right line by line and a huge file is never held in memory. A UTF-8 byte-order mark is
dropped; a UTF-16/32 file (byte-order mark, or UTF-16 without one) is decoded whole. A file whose start looks
binary yields one :class:`~storydiff.errors.EncodingError` and nothing else; a single line
over the size cap yields :class:`~storydiff.errors.InputTooLargeError` for that line.

>>> import io
>>> list(iter_lines(io.BytesIO(b"\\xef\\xbb\\xbfa\\r\\nb\\xfc\\n"), "f", 100))
[(1, 'a\\r\\n'), (2, 'bü\\n')]
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO

from storydiff.errors import EncodingError, InputError, InputTooLargeError
from storydiff.ingest.decode import decode_bytes, decode_line, looks_binary, utf16_without_bom

__all__ = ["iter_lines"]

_HEAD_BYTES = 8192
_LINE = re.compile(rb"[^\n]*\n|[^\n]+")
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _raw_lines(head: bytes, stream: BinaryIO, limit: int) -> Iterator[bytes]:
    """Lines of ``head`` followed by the rest of ``stream`` (each at most ``limit`` bytes per read)."""
    pieces = _LINE.findall(head)
    if pieces and not pieces[-1].endswith(b"\n"):
        pieces[-1] += stream.readline(limit)
    yield from pieces
    while line := stream.readline(limit):
        yield line


def iter_lines(stream: BinaryIO, name: str, max_line_bytes: int) -> Iterator[tuple[int, str] | InputError]:
    """Yield ``(line_number, text_with_line_end)`` or an error in the line's place."""
    head = stream.read(_HEAD_BYTES)
    if not head:
        return
    if head.startswith(_WIDE_BOMS) or utf16_without_bom(head):
        try:
            text = decode_bytes(head + stream.read(max_line_bytes + 1), name)
        except InputError as exc:
            yield exc
            return
        yield from enumerate(text.splitlines(keepends=True), 1)
        return
    offset = looks_binary(head)
    if offset is not None:
        yield EncodingError(name, f"binary data, not text (control byte at offset {offset})")
        return
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    lines = _raw_lines(head, stream, max_line_bytes + 1)
    for lineno, line in enumerate(lines, 1):
        if len(line) > max_line_bytes:
            yield InputTooLargeError(f"{name}:{lineno}", f"line longer than {max_line_bytes} bytes, skipped")
            rest = line
            while rest and not rest.endswith(b"\n"):  # skip the rest of the long line
                rest = next(lines, b"")
        elif b"\x00" in line:
            yield EncodingError(f"{name}:{lineno}", "NUL byte in line (binary data), skipped")
        else:
            yield lineno, decode_line(line)
