"""How figures are written: one figure (:func:`parse_figure`) and the far end of a figure range
(``300 bis 350``, ``20-25``, ``20–25``, ``zwanzig bis fünfundzwanzig``, ``2 bis 3 Millionen``,
``between 20 and 25``, ``entre 20 y 25``).

A range is one quantity of :mod:`~storydiff.compare.numbers` with a low and a high figure (qualifier
``range``). The two figures are joined by a range word (``bis``, ``to``, ``à``, ``a``, ``und``,
``and``, ``et``, ``y``: ``zwischen 20 und 25``) or a dash written between them (``20-25``,
``20 – 25``, not the sign of ``3.5 -71.55``). The far end is a figure or a numeral of number words and must
be larger than the near one (``3-1`` is a score); a scale word after it scales both ends when the
near one has none (``2 bis 3 Millionen``).

>>> from storydiff.compare.numbers import find_quantities
>>> [(q.low, q.high, q.qualifier) for q in find_quantities("Es gab 20-25 Tote.")]
[(20.0, 25.0, 'range')]
"""

from __future__ import annotations

import re

from storydiff.compare.lexicon import SCALES
from storydiff.compare.numwords import number_at

__all__ = ["parse_figure", "range_end"]

_RANGE_WORDS = frozenset({"bis", "to", "à", "a", "und", "and", "et", "y"})
_DASHES = frozenset({"-", "–", "—"})


def parse_figure(token: str) -> float | None:
    """Parse ``3.800``, ``3,800``, ``2,2``, ``2.2``, ``1.234.567`` into a float.

    >>> [parse_figure(t) for t in ["3.800", "3,800", "2,2", "2.2", "1.234.567", "53.35"]]
    [3800.0, 3800.0, 2.2, 2.2, 1234567.0, 53.35]
    """
    parts = re.split(r"([.,])", token)
    if len(parts) == 1:
        return float(token)
    groups = parts[0::2]
    if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
        return float("".join(groups))
    seps = parts[1::2]
    last = seps[-1]
    head = "".join(groups[:-1])
    try:
        return float(head + "." + groups[-1]) if last in ".," else None
    except ValueError:
        return None


def range_end(toks: list[tuple[int, int, str]], low: list[str], last: int, sentence: str, value: float,
              scaled: bool) -> tuple[float, float, int] | None:
    """``(low, high, last token)`` of the range whose near figure ``value`` ends at token ``last``
    (``scaled``: it took a scale word), or ``None`` when no range follows."""
    k = last + 1
    if k >= len(toks):
        return None
    gap = sentence[toks[last][1]:toks[k][0]]
    if gap.strip() in _DASHES and (len(gap) == 1 or gap in (" - ", " – ", " — ")):
        pass  # "20-25", "20 – 25"; not "3.5 -71.55" (a sign)
    elif gap.strip() or low[k] not in _RANGE_WORDS:
        return None
    else:
        k += 1
    if k >= len(toks):
        return None
    if toks[k][2][0].isdigit():
        end_val, end_tok = parse_figure(toks[k][2]), k
    else:
        numeral = number_at(low, k)
        if numeral is None or gap.strip():
            return None
        end_val, end_tok = numeral
    if end_val is None:
        return None
    scale = SCALES.get(low[end_tok + 1].rstrip(".")) if end_tok + 1 < len(low) else None
    if scale is not None:
        end_val *= scale
        end_tok += 1
        value = value if scaled else value * scale
    if end_val <= value:
        return None
    return value, end_val, end_tok
