"""Which reader reads an input: by the name's extension, with content sniffing when in doubt.

================  =========================================
format            extensions
================  =========================================
``txt``           ``.txt`` ``.text``
``jsonl``         ``.jsonl`` ``.ndjson``
``json``          ``.json`` (an array, one object, or JSON Lines)
``csv``           ``.csv`` ``.tsv``
``html``          ``.html`` ``.htm`` ``.xhtml`` ``.shtml``
``feed``          ``.xml`` ``.rss`` ``.atom`` (RSS or Atom; an XHTML page goes to ``html``)
``warc``          ``.warc`` ``.warc.gz``
================  =========================================

A compressed name (``feed.jsonl.gz``) counts by the name without ``.gz`` (see
:mod:`~storydiff.ingest.gzipped`). A name with another extension (or none) is sniffed (a
gzip input by its decompressed start, UTF-16 decoded): ``WARC/`` is a WARC,
``<rss``/``<feed``/``<rdf:RDF`` a feed, ``<!DOCTYPE html``/``<html`` a page, ``{`` JSON
Lines, ``[`` JSON; anything else is read as text.

>>> format_for_name("a/b/c.WARC.gz"), format_for_name("x.ndjson.gz"), format_for_name("README")
('warc', 'jsonl', None)
>>> sniff(b'<?xml version="1.0"?><rss version="2.0">'), sniff(b"<!doctype html><html>")
('feed', 'html')
"""

from __future__ import annotations

import codecs

from storydiff.errors import ConfigError
from storydiff.ingest.decode import utf16_without_bom
from storydiff.ingest.gzipped import GZIP_MAGIC, gunzip_head, strip_gz

__all__ = ["FORMATS", "STREAMING", "choose_format", "format_for_name", "normalize_format", "sniff"]

FORMATS = ("txt", "jsonl", "json", "csv", "html", "feed", "warc")
#: formats read record by record from a stream (never held in memory whole)
STREAMING = frozenset({"jsonl", "csv", "warc"})

_EXTENSIONS = (
    (".warc", "warc"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"),
    (".csv", "csv"), (".tsv", "csv"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".shtml", "html"),
    (".xml", "feed"), (".rss", "feed"), (".atom", "feed"),
    (".txt", "txt"), (".text", "txt"),
)
_ALIASES = {"rss": "feed", "atom": "feed", "xml": "feed", "ndjson": "jsonl", "htm": "html", "text": "txt", "tsv": "csv"}
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def normalize_format(fmt: str | None) -> str | None:
    """The reader's name for a user-given format (``rss`` -> ``feed``); ``None``/``auto`` -> ``None``."""
    if fmt is None or fmt.lower() == "auto":
        return None
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if name not in FORMATS:
        raise ConfigError(f"unknown input format {fmt!r} (known: {', '.join(FORMATS)}, rss, atom)")
    return name


def format_for_name(name: str) -> str | None:
    """The format an input's name implies, or ``None`` when its extension says nothing."""
    lower = strip_gz(name.lower())
    for ext, fmt in _EXTENSIONS:
        if lower.endswith(ext):
            return fmt
    return None


def sniff(head: bytes) -> str | None:
    """The format the first bytes of an input show, or ``None`` when they show none."""
    if head.startswith(GZIP_MAGIC):
        inner = gunzip_head(head)
        return None if inner.startswith(GZIP_MAGIC) else sniff(inner)
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    wide = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else utf16_without_bom(head)
    if wide:  # sniffed by its (ASCII) markup
        head = head[:len(head) // 2 * 2].decode(wide, "replace").encode("utf-8")
    start = head.lstrip()
    lower = start[:4096].lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if lower.startswith((b"<?xml", *_FEED_ROOTS)):
        if any(root in lower for root in _FEED_ROOTS):
            return "feed"
        return "html" if b"<html" in lower else "feed"
    if lower.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")) or b"<html" in lower[:512]:
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    return None


def choose_format(name: str, head: bytes) -> str:
    """The format for an input called ``name`` starting with ``head`` (``.xml`` and unknown names sniffed)."""
    by_name = format_for_name(name)
    if by_name is not None and by_name not in ("feed", "json"):
        return by_name
    by_content = sniff(head)
    if by_name == "json":
        return "json"
    if by_name == "feed":
        return "html" if by_content == "html" else "feed"
    return by_content or "txt"
