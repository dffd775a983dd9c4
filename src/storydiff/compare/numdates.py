"""Numeric dates: ``12.03.2020``, ``12.3.``, ``am 12.03.`` and ISO ``2020-03-12``.

:mod:`~storydiff.compare.numbers` skips the figures inside them (``12.03.2020`` is no 1203.2) and
:mod:`~storydiff.compare.facts` reads them as dates (``MM-DD``, like the written ``12. März``).

Method: a day (1-31) and a month (1-12) joined by dots, then a year (``12.03.2020``, ``12.3.20``) or a
closing dot; a closing dot alone makes a date only when the month is written with two digits
(``12.03.``) or a date preposition or bracket comes before (``am 12.3.``, ``(12.3.)``), so that ``fell 2.5.`` stays a
decimal. ISO dates are year, month and day joined by hyphens. Most numeric dates in a report are
when the page was written (``Stand: 19.02.2022 01:41 Uhr``, ``2022-02-24``); a date that the text
states (:func:`stated_dates`) has a date preposition or an opening bracket right before it
(``am 12.03.2020``, ``am Mittwoch (19.10.)``).

>>> text = "Am 12.3. und am 1.04.2020, nicht 2.5. oder 2020-03-12"
>>> [(text[s:e], v) for s, e, v in numeric_dates(text)]
[('12.3.', '03-12'), ('1.04.2020', '04-01'), ('2020-03-12', '03-12')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["date_spans", "numeric_dates", "stated_dates"]

_DAY = r"(0?[1-9]|[12]\d|3[01])"
_MONTH = r"(0?[1-9]|1[0-2])"
_DOTTED = re.compile(rf"(?<![\d.,]){_DAY}\.{_MONTH}\.(?:((?:19|20)?\d\d)(?![\d.,]?\d)|(?!\d))")
_ISO = re.compile(r"(?<![\d.,-])(?:19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d-])")
#: words right before a day: "am 12.3.", "vom 1.4. bis zum 3.4.", "le 12.03."
_BEFORE = re.compile(r"\b(?:am|vom|zum|bis|seit|ab|dem|den|des|on|le|el|del)\s+$", re.IGNORECASE)
_BRACKET = re.compile(r"\(\s*$")


def numeric_dates(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, "MM-DD")`` of every numeric date in ``text`` (see module docstring)."""
    for m in _DOTTED.finditer(text):
        day, month, year = m.groups()
        before = text[max(0, m.start() - 8):m.start()]
        if year is None and len(month) < 2 and not (_BEFORE.search(before) or _BRACKET.search(before)):
            continue  # "fell 2.5.": a decimal at a sentence's end
        yield m.start(), m.end(), f"{int(month):02d}-{int(day):02d}"
    for m in _ISO.finditer(text):
        yield m.start(), m.end(), f"{m.group(1)}-{m.group(2)}"


def stated_dates(text: str) -> Iterator[tuple[int, int, str]]:
    """The numeric dates of ``text`` that it states as a day (see module docstring), not ISO ones.

    >>> [v for _s, _e, v in stated_dates("Stand: 19.02.2022 01:41 Uhr. Am 18.02.2022 (Freitag) und (17.2.)")]
    ['02-18', '02-17']
    """
    for s, e, value in numeric_dates(text):
        before = text[max(0, s - 8):s]
        if text[s:e].count(".") >= 2 and (_BEFORE.search(before) or _BRACKET.search(before)):
            yield s, e, value


def date_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the numeric dates in ``text``."""
    return [(s, e) for s, e, _v in numeric_dates(text)]
