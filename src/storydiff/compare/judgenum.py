"""How two paired figures of one fact compare: agreement, refinement or conflict.

Method, on the values of :mod:`~storydiff.compare.facts` (``low``, ``high``, ``anchor``, ``qualifier``):

* two stated figures: equal anchors agree unless bounded apart (``100`` / ``mehr als 100``, ``rund
  2000`` / ``more than 2,000``; ``mindestens 4`` includes ``4``); "fast"/"bis zu" N admits a figure
  :data:`NEAR` below N; a figure inside a stated range refines it; one large figure that is the other
  rounded (:func:`_rounded`: ``zwei Milliarden`` / ``1,9 Milliarden``) agrees; any other two differ;
* two vague amounts conflict when their ranges do not overlap;
* a vague amount and a figure: a stated figure, or a bound whose own figure lies inside, refines it
  (``26`` in ``Dutzende``); a bound whose figure lies beyond :data:`BOUND_EDGE` of a large amount's edge
  contradicts it (``mehr als 150`` / ``Dutzende``, ``at least 12`` / ``several dozen``); a stated figure
  contradicts it only far outside (:func:`_soft`): vague words have soft edges.
"""

from __future__ import annotations

import math

from storydiff.model import FactValue

__all__ = ["BOUND_EDGE", "FIRM_VAGUE", "NEAR", "judge_numbers"]

_INCLUSIVE = ("mindestens", "wenigstens", "at least", "au moins", "al menos", "por lo menos", "не менее", "minst")


#: a figure of one significant digit this close to another is that figure rounded
ROUNDING = 0.05
#: two large figures this close (relative) are one figure rounded differently
NEAR_ROUNDING = 0.01


def _rounded(x: float, y: float) -> bool:
    """Whether one of two large figures is the other rounded to one significant digit
    (``2`` billion for ``1.9`` billion) or the two differ by at most 1% (``3.4bn`` / ``3.42bn``).
    Small figures are stated exactly: ``70`` and ``71`` years of reign disagree."""
    if min(x, y) >= 1000 and abs(x - y) <= NEAR_ROUNDING * max(x, y):
        return True  # "3.4bn" and "3.42bn"
    for r, other in ((x, y), (y, x)):
        if r >= 1000 and math.isfinite(r):
            scale = 10 ** math.floor(math.log10(r))
            if abs(r / scale - round(r / scale)) < 1e-9 and abs(r - other) <= ROUNDING * r + 1e-9:
                return True
    return False


#: "fast"/"almost N" (``≈``) and "bis zu"/"up to N" (``≤``) admit a figure this fraction below N
NEAR = 0.05
_NEARLY = ("fast", "knapp", "beinahe", "almost", "nearly", "just under", "près de", "presque", "casi", "почти",
           "bijna", "quase")
_AT_MOST = ("bis zu", "up to", "jusqu'à", "hasta", "до")


def _bound(v: FactValue) -> str:
    """The qualifier of a figure, with upper bounds told apart: ``≈`` for "fast 80" (about, from
    below), ``≤`` for "bis zu 100" (a maximum, which a measured "100" reaches), ``<`` for "unter 100"."""
    q = str(v.value["qualifier"])
    if q == "<":
        low = v.text.lower()
        if low.startswith(_NEARLY):
            return "≈"
        if low.startswith(_AT_MOST):
            return "≤"
    return q


def judge_numbers(a: FactValue, b: FactValue) -> tuple[str, str, float] | None:
    """``(verdict, why, salience)`` for two paired figures, ``None`` when they agree (module docstring)."""
    va, vb = a.value, b.value
    hi_a = va["high"] if va["high"] is not None else float("inf")
    hi_b = vb["high"] if vb["high"] is not None else float("inf")
    overlap = va["low"] <= hi_b and vb["low"] <= hi_a
    if va["anchor"] is not None and vb["anchor"] is not None:
        qa, qb = _bound(a), _bound(b)
        if va["anchor"] == vb["anchor"]:
            bounds = {qa, qb}
            if ">" in bounds and any(v.text.lower().startswith(_INCLUSIVE) for v in (a, b)):
                return None  # "mindestens 4" includes "4"
            if bounds in ({">", "="}, {"<", "="}, {">", "<"}, {">", "~"}):
                # "rund 2000" vs "more than 2,000" too: one says the count may be below, the other denies it
                return "conflict", f"the same figure bounded differently: {a.text!r} vs {b.text!r}", 0.25
            return None  # "bis zu 90" fits "90", "fast 60" is "rund 60", "mindestens 4" is "4"
        for x, y, q in ((va["anchor"], vb["anchor"], qa), (vb["anchor"], va["anchor"], qb)):
            if q in ("≈", "≤") and x * (1 - NEAR) <= y <= x:
                return None  # "casi 100 años" is "98 años", "bis zu 50" allows 48
        if (va["qualifier"] == "range" and va["low"] <= vb["anchor"] <= hi_a) or (
                vb["qualifier"] == "range" and vb["low"] <= va["anchor"] <= hi_b):
            return "refinement", f"{a.text!r} narrows the range {b.text!r}", 0.3
        if _rounded(va["anchor"], vb["anchor"]):
            return None  # "zwei Milliarden" is "1,9 Milliarden" rounded
        why = f"different figures: {a.text!r} vs {b.text!r}"
        return "conflict", why + (" (ranges overlap)" if overlap else ""), (0.5 if overlap else 1.0)
    if va["anchor"] is None and vb["anchor"] is None:
        return None if overlap else ("conflict", f"{a.text!r} vs {b.text!r}", 0.6)
    vague, precise = (a, b) if va["anchor"] is None else (b, a)
    x, lo, hi = precise.value["anchor"], vague.value["low"], vague.value["high"]
    if overlap and (precise.value["qualifier"] == "=" or lo <= x <= (hi if hi is not None else x)):
        return "refinement", f"{precise.text!r} is more precise than {vague.text!r} and lies in its range", 0.3
    q = precise.value["qualifier"]
    top = hi if hi is not None else math.inf
    below, above = x < lo * BOUND_EDGE, x > top / BOUND_EDGE
    if lo >= FIRM_VAGUE and q in (">", "<", "~") and (below or (above and q != "<")):
        # "more than 150" is no "dozens", "at least 12" no "several dozen"; "fewer than 200" may be; a small
        # or open amount ("mehrere", "viele") has soft edges: "mindestens vier" may be "viele"
        return "conflict", f"{precise.text!r} is a bound outside the range of {vague.text!r}", 0.6
    if x <= lo * _soft(lo, low=True) or x > top * _soft(top, low=False):  # "une heure" is not "quelques heures"
        return "conflict", f"{a.text!r} is far outside the range of {b.text!r}", 0.8
    return None  # vague words have soft edges: "mehrere" vs "zwölf"


#: a vague amount of at least this size ("Dutzende", "several hundred") has firmer edges than a few
FIRM_VAGUE = 20
#: a bound contradicts such an amount when its figure lies beyond this fraction of the amount's low
#: edge (or its inverse above the high edge): "at least 12" is no "several dozen" (24), "über 100" may be
#: "Dutzende" (99), "mehr als 1000" "Hunderte"
BOUND_EDGE = 0.8


def _soft(edge: float, low: bool) -> float:
    """How far outside a vague range's ``edge`` a stated figure must lie to contradict it: "mehrere"
    (2-9) still admits "zwölf" and half of two, "Dutzende" (24-99) no 150, "several hundred" no 120."""
    if edge >= FIRM_VAGUE:
        return 0.75 if low else 1.5
    return 0.5 if low else 2.0
