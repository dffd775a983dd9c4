"""HTML pages: main text, title, date, site and language of one article page.

Method: ``trafilatura.bare_extraction`` finds the main text (boilerplate such as
navigation, teasers and footers removed) and the metadata (title, site name, canonical
URL); the publication time comes from ``htmldate`` reading the page's markup
(``article:published_time``, JSON-LD, ``<time>`` …) with ``original_date``, else
trafilatura's date, else ``fallback_date`` (a WARC record's date). Paragraphs are
separated by blank lines; a first line repeating the title and a dateline that is only a
date are dropped. ``source`` is the site name, else the URL's host without ``www.``;
``language`` is the primary subtag of ``<html lang>``.

:func:`html_to_text` turns HTML fragments (feed entries) into text without extraction.

>>> html_to_text("<p>Erster <b>Absatz</b>.</p><p>Zweiter&nbsp;Absatz.</p><script>x()</script>")
'Erster Absatz.\\n\\nZweiter Absatz.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from storydiff.errors import EmptyInputError, FormatError, InputError
from storydiff.ingest.dates import parse_date
from storydiff.ingest.decode import decode_bytes
from storydiff.ingest.records import normalize_language
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["host_of", "html_to_text", "read_html"]

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE)
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre",
                     "section", "article", "ul", "ol", "table", "figure", "figcaption", "header", "footer"})
#: a page whose main text has fewer words is no article (a navigation or error page)
_MIN_WORDS = 5
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_MANY_NEWLINES = re.compile(r"\s*\n\s*\n\s*")


def host_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, or ``None``.

    >>> host_of("https://www.example.org/a/b")
    'example.org'
    """
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, block elements separated by blank lines."""
    import lxml.html
    from lxml import etree

    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return _MANY_NEWLINES.sub("\n\n", _SPACES.sub(" ", fragment)).strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag.lower() in _BLOCKS:
                parts.append("\n\n")
            if element.text:
                parts.append(element.text)
        else:
            if tag.lower() in _BLOCKS:
                parts.append("\n\n")
            if element.tail and element is not root:
                parts.append(element.tail)
    text = _SPACES.sub(" ", "".join(parts))
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def _clean_text(text: str, title: str | None) -> str:
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0].casefold() == title.casefold():
        lines.pop(0)
    for i, line in enumerate(lines[:3]):
        if len(line) <= 40 and not line.endswith(".") and parse_date(line) is not None:
            del lines[i]
            break
    return "\n\n".join(lines)


def _published(html: str, fallback: str | None) -> datetime | None:
    import htmldate

    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True,
                                   outputformat="%Y-%m-%dT%H:%M:%S%z")
    except (ValueError, TypeError):  # htmldate rejects some odd trees
        found = None
    return parse_date(found) or parse_date(fallback)


def read_html(data: bytes, name: str, settings: IngestSettings, *, url: str | None = None,
              fallback_date: datetime | None = None, charset: str | None = None) -> Iterator[Article | InputError]:
    """The one article of an HTML page, or the error that prevents reading it."""
    import trafilatura

    try:
        html = decode_bytes(data, name, declared=charset)
    except InputError as exc:
        yield exc
        return
    if not html.strip():
        yield EmptyInputError(name, "empty file")
        return
    if "<" not in html:
        yield FormatError(name, "not HTML (no markup)")
        return
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str input with an encoding declaration
    doc: Any
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except (ValueError, TypeError, AttributeError) as exc:  # trafilatura's own parsing errors
        yield FormatError(name, f"cannot parse HTML: {exc}")
        return
    if doc is None or not (doc.text or "").strip():
        yield EmptyInputError(name, "no article text found in the HTML page")
        return
    title = (doc.title or "").strip() or None
    text = _clean_text(doc.text, title)
    if len(text.split()) < _MIN_WORDS:
        yield EmptyInputError(name, "no article text found in the HTML page")
        return
    page_url = url or doc.url or None
    date = _published(html, doc.date) or fallback_date
    lang = _HTML_LANG.search(html[:4096])
    yield Article(
        text=text,
        url=page_url,
        source=(doc.sitename or "").strip() or host_of(page_url),
        title=title,
        published=date,
        language=normalize_language(lang.group(1)) if lang else None,
        metadata={"description": doc.description} if doc.description else {},
        origin=name,
    )
