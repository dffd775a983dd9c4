"""Figures written with a space as the thousands separator (``3 800``, ``1 250 000``), as French,
Russian and some German outlets write them, also with a no-break or narrow no-break space.

Method: a figure of one to three digits without separators, followed after exactly one space by a
group of exactly three digits (and so on), is one figure, unless another digit group stands right
before it (``12 345 678`` is read whole from its start), the last group runs on into more digits or
the first begins with a zero (``089 123 456`` is a telephone number).
Anything else (``am 3 200 Menschen`` is rare; ``Platz 3 800 Punkte`` rarer) is read as the tokenizer
split it.

>>> import re
>>> text = "Plus de 3 800 personnes et 12 soldats"
>>> toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\\d+(?:[.,]\\d+)*|\\w+", text)]
>>> spaced_figure(toks, 2, text), spaced_figure(toks, 6, text)
((3800.0, 3), None)
"""

from __future__ import annotations

import re

__all__ = ["spaced_figure"]

_SPACES = frozenset({" ", "\u00a0", "\u202f"})
_GROUP = re.compile(r"\d{3}")
_HEAD = re.compile(r"\d{1,3}")


def spaced_figure(toks: list[tuple[int, int, str]], i: int, sentence: str) -> tuple[float, int] | None:
    """``(value, last token)`` of the spaced figure starting at token ``i``, ``None`` if there is none
    (see module docstring)."""
    word = toks[i][2]
    if not _HEAD.fullmatch(word) or word[0] == "0" or (
            i > 0 and toks[i - 1][2][0].isdigit() and sentence[toks[i - 1][1]:toks[i][0]] in _SPACES):
        return None
    digits, last = word, i
    while last + 1 < len(toks) and _GROUP.fullmatch(toks[last + 1][2]) and sentence[
            toks[last][1]:toks[last + 1][0]] in _SPACES:
        digits, last = digits + toks[last + 1][2], last + 1
    return (float(digits), last) if last > i else None
