"""Bytes to text for every reader: BOMs, binary detection and the legacy-encoding fallback.

Method, in order (first that applies wins):

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. UTF-16 without a byte-order mark (Windows tools write it): most of the odd (LE) or even
   (BE) bytes of the first 8 KiB are NUL, almost none of the others, and the whole decodes
   strictly to text that does not itself look binary;
3. bytes that look binary (a NUL byte, or more than 10 % control characters in the
   first 8 KiB) are refused with :class:`~storydiff.errors.EncodingError`;
4. strict UTF-8;
5. the charset the input declares (HTTP header, ``<meta charset>``, XML declaration), strictly;
6. ``charset_normalizer``'s guess, except that any Latin-script single-byte guess
   (cp1250, latin-1, iso-8859-15, mac-roman …) becomes cp1252, the superset that German
   and English legacy text is practically always written in; cp1252 then latin-1 last.

>>> decode_bytes("Überflutung in Großbach".encode("cp1252"), "f.txt")
'Überflutung in Großbach'
>>> decode_bytes(b"\\xef\\xbb\\xbfText", "f.txt")
'Text'
"""

from __future__ import annotations

import codecs
import re

from storydiff.errors import EncodingError

__all__ = ["declared_charset", "decode_bytes", "decode_line", "looks_binary", "utf16_without_bom"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13, 27}
_CHARSET_DECL = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
#: Latin-script single-byte codecs (Python names): a guess among them means cp1252 for our inputs
_LATIN_FAMILY = re.compile(
    r"^(cp125[02478]|latin|iso8859-(1|2|3|4|9|10|13|14|15|16)$|mac-(roman|latin2|iceland|turkish)|cp437|cp85[08]|ascii)",
    re.IGNORECASE)


def looks_binary(data: bytes) -> int | None:
    """Byte offset of the evidence that ``data`` is binary (not text), or ``None``.

    >>> looks_binary(b"PK\\x03\\x04\\x00\\x00"), looks_binary("Text".encode())
    (4, None)
    """
    head = data[:8192]
    nul = head.find(b"\x00")
    if nul >= 0:
        return nul
    if head:
        controls = sum(1 for byte in head if byte in _CONTROL)
        if controls * 10 > len(head):
            return next(i for i, byte in enumerate(head) if byte in _CONTROL)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data``'s start looks like UTF-16 text without a
    byte-order mark (Latin-script text: every other byte NUL), else ``None``.

    >>> utf16_without_bom("Hallo Welt".encode("utf-16-le")), utf16_without_bom(b"Hallo Welt")
    ('utf-16-le', None)
    """
    head = data[:8192]
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even = head[0:pairs * 2:2].count(0)
    odd = head[1:pairs * 2:2].count(0)
    for nuls, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls * 10 >= pairs * 6 and others * 20 <= pairs:
            return encoding
    return None


def _decode_utf16(data: bytes, encoding: str, where: str) -> str:
    """``data`` decoded as BOM-less UTF-16, or an :class:`EncodingError` that says what it looked like."""
    what = f"looks like {encoding.upper()} without a byte order mark but"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(where, f"{what} is not valid {encoding} at byte {exc.start}") from None
    controls = sum(1 for char in text[:4096] if ord(char) in _CONTROL)
    if "\x00" in text or controls * 10 > min(len(text), 4096):
        raise EncodingError(where, f"{what} holds control characters (binary data?)")
    return text


def declared_charset(data: bytes) -> str | None:
    """The charset named in the first 2 KiB (``<meta charset>``, XML declaration), if a known codec."""
    match = _CHARSET_DECL.search(data[:2048])
    return _codec_name(match.group(1).decode("ascii")) if match else None


def _codec_name(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _guess_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    guess = _codec_name(best.encoding) if best is not None else None
    if guess and not _LATIN_FAMILY.match(guess) and guess != "utf-8":
        try:
            data.decode(guess)
            return guess
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def decode_bytes(data: bytes, where: str, *, declared: str | None = None) -> str:
    """Decode a whole document; raises :class:`EncodingError` naming ``where`` when it is binary."""
    bom = _bom(data)
    if bom is not None:
        encoding, skip = bom
        try:
            return data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise EncodingError(where, f"invalid {encoding} after byte-order mark at byte {exc.start + skip}") from None
    wide = utf16_without_bom(data)
    if wide is not None:
        return _decode_utf16(data, wide, where)
    offset = looks_binary(data)
    if offset is not None:
        raise EncodingError(where, f"binary data, not text (control byte at offset {offset})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name in (_codec_name(declared), declared_charset(data)):
        if name in ("latin-1", "iso8859-1", "ascii"):
            name = "cp1252"  # as browsers do (WHATWG): such pages use cp1252's quotes and dashes
        if name and name not in ("utf-8", "utf_8"):
            try:
                return data.decode(name)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode(_guess_legacy(data))


def decode_line(line: bytes) -> str:
    """Decode one line of a line-oriented file: strict UTF-8, else cp1252, else latin-1."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")
