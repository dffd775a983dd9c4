"""Number conflicts: two forecasts of the peak of one measure (wind speed, temperature, rain).

Method: a *peak* is a figure bounded from above (``bis zu``, ``up to``, ``jusqu'à``,
``hasta``, ``до``) followed by the unit of a physical measure (:data:`MEASURES`: speed in
``km/h``, ``Kilometern pro Stunde``, ``Stundenkilometern``, ``mph``; temperature in ``Grad``,
``°C``, ``degrees``; rain in ``Liter pro Quadratmeter``, ``mm``). Weather reports name such a
peak by many nouns (``Orkanböen``, ``Windgeschwindigkeiten``, ``gusts``): the unit, not the
noun, says what is measured. A peak is a *forecast* when its sentence says so
(:data:`FORECAST`: ``erwartet``, ``können ... erreicht werden``, ``expected``, ``could``,
``prévu``, ``se esperan``, ``ожидается``) and does not report a measurement (``gemessen``,
``bereits``, ``recorded``). Two articles of a story that each forecast exactly one peak of a
measure, for no place or the same places, and give different figures disagree (``Orkanböen von
bis zu 130 Kilometern pro Stunde`` erwartet / ``Windgeschwindigkeiten von bis zu 120 Kilometern
pro Stunde`` können erreicht werden). A measured peak (``wurden bereits ... 110 Kilometer pro
Stunde erreicht``) is of another moment and never meets a forecast; an article forecasting two
peaks of one measure speaks of several areas and is left out.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Der Wetterdienst erwartet Böen von bis zu 130 km/h.", language="de"),
...         Article(text="Es könnten Windgeschwindigkeiten von bis zu 120 Kilometern pro Stunde erreicht werden.",
...                 language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_peak_conflicts(prepare(arts))]
[('bis zu 130 km/h', 'bis zu 120 Kilometern pro Stunde')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, span_fact
from storydiff.compare.numbers import parse_figure
from storydiff.compare.places import places_in
from storydiff.model import Fact

__all__ = ["FORECAST", "MEASURED", "MEASURES", "SALIENCE", "Peak", "find_peak_conflicts", "peaks_of"]

_UPTO = r"(?:bis\s+zu|up\s+to|jusqu['’]à|hasta|до)\s+"
_FIGURE = r"(\d+(?:[.,]\d+)?)\s*"
#: measure -> pattern of its units right after the figure (de, en, fr, es, ru)
MEASURES: dict[str, re.Pattern[str]] = {
    "speed": re.compile(
        r"(?:km/h|mph|knoten|knots|nœuds|nudos|stundenkilomet\w*|(?:kilomet\w*|km|meilen|miles|kilómetros|км)"
        r"\s+(?:pro|per|an|in\s+der|par|à\s+l['’]|por|в)\s+(?:stunde|hour|heure|hora|час))\b", re.IGNORECASE),
    "temperature": re.compile(r"(?:°\s*[CF]?|grad\b|degrees?\b|degrés?\b|grados?\b|градус\w*)", re.IGNORECASE),
    "rain": re.compile(
        r"(?:(?:liter|litres?|liters?|litros?|л)\s+(?:pro|per|a|par|por|на)\s+(?:quadratmeter|square\s+met\w*|m²|"
        r"mètre\s+carré|metro\s+cuadrado|квадратный\s+метр)|mm\b|millimet\w*|milímetros)", re.IGNORECASE),
}
_PEAK = re.compile(_UPTO + _FIGURE, re.IGNORECASE)
#: words that make a sentence a forecast (de, en, fr, es, ru)
FORECAST = re.compile(
    r"\b(?:erwart\w*|könn(?:en|te|ten)|droh\w*|voraussichtlich|vorhergesagt|prognos\w*|gerechnet|rechnet|"
    r"expect\w*|could|(?-i:may)|might|forecast\w*|predict\w*|likely|"
    r"attend\w*|pourr\w*|prévu\w*|prévision\w*|esper\w*|podr\w*|previst\w*|pronóstic\w*|"
    r"ожида\w*|прогноз\w*|может|могут|возможн\w*)\b", re.IGNORECASE)
#: words that make a sentence report a measurement
MEASURED = re.compile(
    r"\b(?:gemessen|registriert\w*|bereits|schon|measured|recorded|already|mesuré\w*|enregistré\w*|déjà|"
    r"medid\w*|registrad\w*|ya|зафиксир\w*|уже)\b", re.IGNORECASE)
#: salience of a peak conflict (before the boost for the number of sources)
SALIENCE = 0.5


@dataclass(frozen=True, slots=True)
class Peak:
    """A forecast upper bound of one measure in one sentence."""

    unit: Unit
    measure: str
    value: float
    start: int  # in the sentence
    end: int
    places: frozenset[str]


def peaks_of(unit: Unit) -> list[Peak]:
    """The forecast peaks of ``unit``'s sentence (none in a sentence that reports a measurement).

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> u = prepare([Article(text="Am Sonntag wurden bereits Böen von bis zu 110 km/h gemessen.", language="de")])[0][0]
    >>> peaks_of(u)
    []
    """
    text = unit.sentence.text
    if not FORECAST.search(text) or MEASURED.search(text):
        return []
    out = []
    for m in _PEAK.finditer(text):
        value = parse_figure(m.group(1))
        if value is None:
            continue
        for measure, pattern in MEASURES.items():
            unit_match = pattern.match(text, m.end())
            if unit_match is not None:
                out.append(Peak(unit, measure, value, m.start(), unit_match.end(), places_in(text)))
                break
    return out


def find_peak_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                        ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles that forecast different
    peaks of one measure (see module docstring)."""
    names = list(labels) if labels is not None else [str(i) for i in range(len(units))]
    by_article: list[dict[str, list[Peak]]] = []
    for arts in units:
        found: dict[str, list[Peak]] = defaultdict(list)
        for u in arts:
            for p in peaks_of(u):
                found[p.measure].append(p)
        by_article.append({k: v for k, v in found.items() if len({p.value for p in v}) == 1})
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for i, peaks_a in enumerate(by_article):
        for j in range(i + 1, len(by_article)):
            for measure, pa in peaks_a.items():
                pb = by_article[j].get(measure)
                if not pb or pa[0].value == pb[0].value:
                    continue
                if pa[0].places and pb[0].places and not pa[0].places & pb[0].places:
                    continue  # forecasts for different areas
                key = f"{measure}+forecast"
                why = f"different forecast peaks of {measure}: {pa[0].value:g} vs {pb[0].value:g}"
                for a in pa:
                    for b in pb:
                        out.append(("conflict", _fact(a, key, names), _fact(b, key, names), why, SALIENCE))
    return out


def _fact(p: Peak, key: str, labels: Sequence[str]) -> Fact:
    value = {"low": 0.0, "high": p.value, "anchor": p.value, "qualifier": "<"}
    fact = span_fact(p.unit, p.start, p.end, labels, value, key, kind="number")
    fact.attributes["noun"] = p.measure
    return fact
