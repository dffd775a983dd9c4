"""Number conflicts: one government's aid package given two different sums.

Method: a *package figure* is a sum of money (euros, dollars, pounds; not a range) in a sentence that
names an aid or relief package (:data:`AID`: ``Hilfspaket``, ``Soforthilfen``, ``aid package``,
``relief``, ``plan d'aide``, ``ayudas``) within :data:`WINDOW` words of the figure, and whose
clause names a national government as the one that gives it (:data:`GOVERNMENT`: ``das Kabinett``, ``ministers``,
``die Bundesregierung``, ``der Bund``, ``the government``, ``le gouvernement``, ``el Gobierno``),
before the figure and with no other level of government or other giver in the clause
(:data:`OTHER_GIVERS`: states, regions, the EU, cities, donors, companies, also joined by a
conjunction: ``Bund und Länder sollen 400 Millionen`` is a joint sum; ``die Landesregierung`` is
not the federal one). A package has the kinds of aid named near its figure (:data:`AID_KINDS`:
military, humanitarian, emergency, reconstruction, loans); two packages of disjoint kinds are
different packages. Two articles of a story disagree when each gives one package sum, the two differ (within a factor
of :data:`MAX_FACTOR`), and neither article states the other's sum anywhere (a report that
names both ``200 Millionen`` and ``400 Millionen`` tells a share from a total, and a report that
states the other's figure agrees with it). Sums given by donors, companies or other governments
are never package figures of the government. A bound (``mehr als 300 Millionen``, ``bis zu 500
Millionen``) disagrees only with a sum outside it.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Das Kabinett beschloss ein Hilfspaket von 300 Millionen Euro.", language="de"),
...         Article(text="Die Regierung hat 500 Millionen Euro an Soforthilfen bereitgestellt.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_package_conflicts(prepare(arts))]
[('300 Millionen Euro', '500 Millionen Euro')]
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, figure_fact
from storydiff.compare.numbers import find_quantities
from storydiff.compare.when import CLAUSE_BREAK
from storydiff.model import Fact
from storydiff.text.tokens import word_spans

__all__ = ["AID", "AID_KINDS", "GOVERNMENT", "OTHER_GIVERS", "SALIENCE", "Package", "find_package_conflicts",
           "package_sums"]

#: words (prefixes) of aid and relief packages
AID = re.compile(
    r"^(?:hilfspaket|soforthilfe|nothilfe|hilfsprogramm|hilfsgeld|hilfsfonds|hilfen?$|finanzhilfe|rettungspaket|"
    r"aid$|aids$|relief|bailout|rescue|stimulus|assistance|package|"
    r"aides?$|secours|enveloppe|plan$|"
    r"ayudas?$|paquete|rescate|"
    r"помощ|пакет)", re.IGNORECASE)
#: words of a national government as the giver (whole words, lower case)
GOVERNMENT = frozenset({
    "kabinett", "bundeskabinett", "bundesregierung", "regierung", "bund",
    "government", "cabinet", "administration", "whitehall",
    "gouvernement", "exécutif", "gobierno", "ejecutivo", "правительство", "кабмин",
    "ministers", "ministres", "ministros", "bundesministerium", "bundesminister", "bundesministerin"})
#: givers that are not the national government: lower levels, the EU, donors, companies
OTHER_GIVERS = re.compile(
    r"^(?:länder|ländern|land$|landes|kommun|gemeind|stadt|städte|kreis|eu$|eu-|europäisch|spender|unternehm|"
    r"states?$|regions?$|provinc|cities|city|council|local|european|donor|compan|"
    r"régions?$|départements?$|communes?$|villes?$|européen|donateur|entreprise|"
    r"comunidad|autonóm|ayuntamiento|municip|europe[ao]|donante|empresa|"
    r"регион|област|город|евросоюз)", re.IGNORECASE)
#: kinds of aid (word prefixes): two packages of different kinds are different packages
AID_KINDS = {
    "military": ("militär", "military", "militaire", "militar", "waffen", "weapon", "arms", "armes", "armas", "военн"),
    "humanitarian": ("humanitär", "humanitarian", "humanitaire", "humanitari", "гуманитар"),
    "emergency": ("sofort", "nothilfe", "emergency", "immediate", "urgence", "urgente", "emergencia", "экстренн"),
    "reconstruction": ("aufbau", "wiederaufbau", "reconstruct", "rebuild", "recovery", "reconstruc", "recuperaci",
                       "восстанов"),
    "loan": ("kredit", "darlehen", "loan", "prêt", "préstamo", "crédit", "кредит"),
}
#: the aid word must stand this many words from the figure at most
WINDOW = 8
#: two sums further apart than this factor are of different things
MAX_FACTOR = 4.0
#: salience of a package conflict (before the boost for the number of sources)
SALIENCE = 0.6
_MONEY = frozenset({"euro", "dollar", "pound"})
_PUNCT = re.compile(r"[,;:()–—]")


@dataclass(frozen=True, slots=True)
class Package:
    """A sum of one government's aid package in one sentence (offsets in the sentence)."""

    unit: Unit
    value: float
    start: int
    end: int
    kinds: frozenset[str] = frozenset()
    bounds: tuple[float, float] | None = None  # the interval of a bound ("mehr als", "bis zu"); None if a sum
    qualifier: str = "="  # "<" or ">" for a bound


def _within(a: Package, b: Package) -> bool:
    """Whether either of two package figures is a bound that the other's sum lies in."""
    return any(p.bounds is not None and p.bounds[0] <= q.value <= p.bounds[1] for p, q in ((a, b), (b, a)))


def package_sums(unit: Unit) -> list[Package]:
    """The package figures of ``unit``'s sentence (see module docstring).

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> units = prepare([Article(text="Der Bund stellt Soforthilfen von 50 Millionen Euro bereit. "
    ...                               "Bund und Länder geben 100 Millionen Euro Soforthilfe.", language="de")])[0]
    >>> [p.value for u in units for p in package_sums(u)]
    [50000000.0]
    """
    text = unit.sentence.text
    toks = list(word_spans(text, lower=True))
    out: list[Package] = []
    if not any(AID.match(t[2]) for t in toks):
        return out
    for q in find_quantities(text):
        if q.anchor is None or q.noun not in _MONEY or q.qualifier == "range":
            continue
        at = next((k for k, t in enumerate(toks) if t[0] >= q.start), len(toks))
        near = toks[max(0, at - WINDOW):at + WINDOW]
        if not any(AID.match(t[2]) for t in near):
            continue
        head = text[:q.start]
        breaks = list(CLAUSE_BREAK.finditer(head))
        clause = [t[2] for t in word_spans(head[breaks[-1].end() if breaks else 0:], lower=True)]
        cuts = list(_PUNCT.finditer(head))  # "Bund und Länder": the givers joined by a conjunction
        givers = [t[2] for t in word_spans(head[cuts[-1].end() if cuts else 0:], lower=True)]
        if not GOVERNMENT.intersection(clause) or any(OTHER_GIVERS.match(w) for w in givers):
            continue
        kinds = frozenset(k for k, stems in AID_KINDS.items() if any(t[2].startswith(stems) for t in near))
        bound = q.qualifier[:1] in "<>"
        out.append(Package(unit, q.anchor, q.start, q.end, kinds, (q.low, q.high) if bound else None,
                           q.qualifier[:1] if bound else "="))
    return out


def _money(units: Sequence[Unit]) -> set[float]:
    """Every sum of money an article states."""
    return {q.anchor for u in units for q in find_quantities(u.sentence.text)
            if q.anchor is not None and q.noun in _MONEY}


def find_package_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                           ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles giving one government's
    aid package different sums (see module docstring)."""
    names = article_labels(units, labels)
    sums = [[p for u in arts for p in package_sums(u)] for arts in units]
    money = [_money(arts) if found else set() for arts, found in zip(units, sums, strict=True)]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for i, pa in enumerate(sums):
        for j in range(i + 1, len(sums)):
            pb = sums[j]
            va, vb = {p.value for p in pa}, {p.value for p in pb}
            if len(va) != 1 or len(vb) != 1 or va == vb:
                continue
            ka, kb = frozenset().union(*(p.kinds for p in pa)), frozenset().union(*(p.kinds for p in pb))
            if ka and kb and not ka & kb:
                continue  # military aid and humanitarian aid, an emergency fund and a reconstruction fund
            x, y = next(iter(va)), next(iter(vb))
            if x in money[j] or y in money[i] or max(x, y) > MAX_FACTOR * min(x, y):
                continue  # a report that states the other's sum tells a share from a total, or agrees
            for a in pa:
                for b in pb:
                    if _within(a, b):
                        continue  # "mehr als 300 Millionen" and "400 Millionen" agree
                    fa, fb = _fact(a, names), _fact(b, names)
                    why = f"different sums of the government's aid package: {fa.value.text!r} vs {fb.value.text!r}"
                    out.append(("conflict", fa, fb, why, SALIENCE))
    return out


def _fact(p: Package, labels: Sequence[str]) -> Fact:
    bounds = None if p.bounds is None else (p.bounds[0], None if math.isinf(p.bounds[1]) else p.bounds[1])
    return figure_fact(p.unit, p.start, p.end, labels, p.value, "aid-package+-", "aid package", bounds, p.qualifier)
