"""Publication dates from the strings that news inputs carry, as timezone-aware UTC.

Method: a fast path for ISO 8601 (``datetime.fromisoformat``), RFC 2822 (feeds, mail
headers) and Unix epoch numbers; everything else goes to ``dateparser`` restricted to
German and English with day-month-year order, so ``03.04.2022`` is the 3rd of April.
Relative expressions ("vor 2 Stunden", "yesterday") and dates without a year are
refused (``None``) because they would depend on the day the input is read: results are
deterministic. A time without a zone is taken as UTC. Values outside the years 1800 to
2199 (after conversion to UTC), absurd zone offsets and non-finite numbers are refused
too (``None``, never an exception): such a date is an error in the input, and a year-1 or
year-9999 date would otherwise be pruned at once or never, and overflow date arithmetic.

>>> parse_date("2022-02-17T14:30:00+01:00").isoformat()
'2022-02-17T13:30:00+00:00'
>>> parse_date("17. Februar 2022, 14:30 Uhr").isoformat()
'2022-02-17T14:30:00+00:00'
>>> parse_date("gestern") is None, parse_date("0001-01-01T00:00:00+23:59") is None
(True, True)
"""

from __future__ import annotations

import email.utils
import math
import re
from datetime import UTC, date, datetime
from typing import Any

__all__ = ["parse_date", "to_utc"]

_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][\d:.,]+)?(Z|[+-]\d{2}(:?\d{2})?)?$")
_RFC2822_LIKE = re.compile(r"^([A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
# epoch seconds between 2001-09-09 and 2096-10-02; larger values are read as milliseconds
_EPOCH_MIN, _EPOCH_MAX = 1_000_000_000, 4_000_000_000
#: publication times outside [_FIRST, _LAST) are refused as errors in the input
_FIRST, _LAST = datetime(1800, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC)


def _dateparser_settings() -> dict[str, Any]:
    return {
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
        "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["month", "year"],
    }


def to_utc(value: datetime) -> datetime:
    """``value`` as timezone-aware UTC; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _from_epoch(number: float) -> datetime | None:
    if not math.isfinite(number) or number > _EPOCH_MAX * 1000 or number < 0:
        return None
    if number > _EPOCH_MAX:
        number /= 1000.0
    if number < _EPOCH_MIN:
        return None
    return datetime.fromtimestamp(number, tz=UTC)


def parse_date(value: object) -> datetime | None:
    """Parse ``value`` (string, epoch number, date or datetime) to aware UTC, or ``None``."""
    try:
        parsed = _parse(value)
    except (ValueError, OverflowError):  # a year or offset beyond what datetime holds
        return None
    return parsed if parsed is not None and _FIRST <= parsed < _LAST else None


def _parse(value: object) -> datetime | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return to_utc(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    if text.isdigit():
        return _from_epoch(float(text))
    if _ISO_LIKE.match(text):
        try:
            return to_utc(datetime.fromisoformat(text.replace(",", ".")))
        except ValueError:
            pass
    if _RFC2822_LIKE.match(text):
        try:
            return to_utc(email.utils.parsedate_to_datetime(text))
        except (TypeError, ValueError, IndexError):
            pass
    import dateparser

    try:
        parsed = dateparser.parse(text, languages=["de", "en"], settings=_dateparser_settings())
    except (ValueError, OverflowError, TypeError):  # dateparser raises these on odd input
        return None
    return to_utc(parsed) if parsed is not None else None
