"""Counts of people that a sentence gives in parts: a sum of listed parts, a share of a stated total,
a loss of lives.

Method, over the quantities of one sentence (:func:`~storydiff.compare.numbers.find_quantities`):

* **sum of parts** — two or more precise counts of people joined only by a conjunction or a comma,
  sharing one action (``45 adults and 5 children died``, ``drei Soldaten und zwei Zivilisten wurden
  getötet``), add up to one count of people (``50`` dead), reported as an extra quantity spanning the
  parts; a bound on any part bounds the sum (``at least 45 adults and 5 children``: at least 50).
  A part counted as plain *people* (``45 adults``) is then a count of its own word (``adult``), not
  of all the people the sentence speaks of;
* **share of a total** — a bare figure right after a count and introduced by an explicit total
  (``110 personnes, sur un total de 157 dans le pays``, ``12 people, out of a total of 40``) counts
  what that count counts, with its action: the whole of which the count is a share;
* **loss of lives** — a count of people right after *la perte de*, *the loss of*, *den Verlust von*,
  *la pérdida de* counts the dead;
* **a rising count** — a bare figure after a count of people with an action, in a sentence that says
  the count rose in between (``zwölf Tote, am Dienstag stieg die Zahl auf 19``, ``the death toll rose
  from 23 on Friday to 41``), is the later figure of that count: it counts the same noun and action.

>>> from storydiff.compare.numbers import find_quantities
>>> [(q.text, q.anchor, q.noun, q.action) for q in find_quantities("45 adults and 5 children died.")]
... # doctest: +NORMALIZE_WHITESPACE
[('45 adults', 45.0, 'adult', 'dead'), ('5 children', 5.0, 'child', 'dead'),
 ('45 adults and 5 children', 50.0, 'person', 'dead')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storydiff.compare.numbers import Quantity

__all__ = ["PEOPLE", "counted_in_parts", "share_of_total"]

#: noun classes that count people: parts of one count of people
PEOPLE = frozenset({"person", "child", "soldier", "civilian", "police", "resident"})
_JOIN = re.compile(r"^\s*(?:,\s*)?(?:und|and|et|y|и|sowie|as well as|plus)?\s*$", re.IGNORECASE)
_TOTAL_OF = re.compile(r"^\s*,?\s*(?:sur\s+un\s+total\s+de|(?:out\s+)?of\s+a\s+total\s+of|von\s+insgesamt|"
                       r"(?:de|sobre)\s+un\s+total\s+de|из\s+общего\s+числа\s+в)\s*$", re.IGNORECASE)
_SHARE = re.compile(r"^\s*,?\s*(?:sur\s+un\s+total\s+de|(?:out\s+)?of\s+a\s+total\s+of|von\s+insgesamt|"
                    r"(?:de|sobre)\s+un\s+total\s+de|из\s+общего\s+числа\s+в)\s+\d", re.IGNORECASE)
_LOSS = re.compile(r"\b(?:pertes?\s+de|(?:the\s+)?loss\s+of|(?:den\s+)?verlust\s+von|(?:la\s+)?pérdida\s+de)\s+$",
                   re.IGNORECASE)
_BOUNDS = {"=": 0, "~": 1, ">": 2}
#: a count that rose (or was raised) before the figure: "stieg die Zahl auf", "rose from 23 ... to"
_RISE = re.compile(r"\b(?:stieg|steigt|gestiegen|erhöht|erhöhte|rose|risen|rises|climbed|increased|jumped|"
                   r"augment\w*|passé|aument\w*|subió|ascendió|ascendi\w*|вырос\w*|возрос\w*|увеличил\w*)\b",
                   re.IGNORECASE)
_STOP = re.compile(r"[.;!?]\s")


def _is_part(q: Quantity) -> bool:
    return q.anchor is not None and q.noun in PEOPLE and q.action is not None and q.qualifier in _BOUNDS


def _sum_of(run: list[Quantity], sentence: str) -> Quantity:
    """One quantity for a run of parts (see module docstring)."""
    total = sum(q.anchor or 0.0 for q in run)
    qual = max((q.qualifier for q in run), key=lambda x: _BOUNDS[x])
    low, high = (total, float("inf")) if qual == ">" else (total, total) if qual == "=" else (total * 0.85,
                                                                                               total * 1.15)
    return replace(run[0], start=run[0].start, end=run[-1].end, text=sentence[run[0].start:run[-1].end],
                   low=low, high=high, anchor=total, qualifier=qual, noun="person")


def _own_word(q: Quantity) -> Quantity:
    """A part counted as plain people counts its own word (``45 adults`` -> ``adult``)."""
    if q.noun != "person" or not q.noun_word:
        return q
    word = q.noun_word.lower().rstrip(".")
    return replace(q, noun=word[:5] if len(word) > 5 else word.rstrip("s"))


def counted_in_parts(qs: list[Quantity], sentence: str) -> list[Quantity]:
    """``qs`` with shares of a total and losses of lives read, and sums of parts added (module docstring)."""
    out = list(qs)
    for k, q in enumerate(out):
        if q.action is None and q.noun in PEOPLE and _LOSS.search(sentence[:q.start]):
            out[k] = q = replace(q, action="dead")  # "la perte de 110 personnes"
        if k and q.noun is None and q.action is None and q.anchor is not None:
            prev = out[k - 1]
            if prev.noun is not None and _TOTAL_OF.match(sentence[prev.end:q.start]):
                out[k] = replace(q, noun=prev.noun, noun_word=prev.noun_word, action=prev.action)
            elif prev.noun in PEOPLE and prev.action is not None and _RISE.search(sentence[:q.start]) and (
                    _STOP.search(sentence[prev.end:q.start]) is None):
                out[k] = replace(q, noun=prev.noun, noun_word=prev.noun_word, action=prev.action)  # "... auf 19"
    sums: list[Quantity] = []
    k = 0
    while k < len(out):
        run = [out[k]] if _is_part(out[k]) else []
        j = k + 1
        while run and j < len(out) and _is_part(out[j]) and out[j].action == run[0].action and _JOIN.match(
                sentence[out[j - 1].end:out[j].start]):
            run.append(out[j])
            j += 1
        if len(run) >= 2 and len({(q.noun_word or "").lower() for q in run}) >= 2:
            sums.append(_sum_of(run, sentence))
            for i in range(k, j):
                out[i] = _own_word(out[i])
        k = max(j, k + 1)
    return out + sums


def share_of_total(after: str) -> bool:
    """Whether the words ``after`` a count make it a share of a stated total (``, sur un total de 157``).

    >>> share_of_total(", sur un total de 157 dans le pays"), share_of_total(" dans le pays")
    (True, False)
    """
    return bool(_SHARE.match(after))
