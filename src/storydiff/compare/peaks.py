"""Number conflicts: two forecasts of the peak of one measure (wind speed, temperature, rain).

Method: a *peak* is a figure bounded from above (``bis zu``, ``bis``, ``maximal``, ``up to``, ``jusqu'à``,
``hasta``, ``до``) followed by the unit of a physical measure (:data:`MEASURES`: speed in
``km/h``, ``Kilometern pro Stunde``, ``Stundenkilometern``, ``mph``; temperature in ``Grad``,
``°C``, ``degrees``; rain in ``Liter pro Quadratmeter``, ``mm``). Weather reports name such a
peak by many nouns (``Orkanböen``, ``Windgeschwindigkeiten``, ``gusts``): the unit, not the
noun, says what is measured. A peak is a *forecast* when its sentence says so
(:data:`FORECAST`: ``erwartet``, ``können ... erreicht werden``, ``expected``, ``could``,
``prévu``, ``se esperan``, ``ожидается``) and does not report a measurement (``gemessen``,
``bereits``, ``recorded``). Two articles of a story that each forecast exactly one peak of a
measure, for no place or the same places, and give different figures (compared in the measure's base
unit, km/h, °C or mm, so that ``81 mph`` meets ``130 km/h``) disagree (``Orkanböen von
bis zu 130 Kilometern pro Stunde`` erwartet / ``Windgeschwindigkeiten von bis zu 120 Kilometern
pro Stunde`` können erreicht werden). A measured peak (``wurden bereits ... 110 Kilometer pro
Stunde erreicht``) is of another moment and never meets a forecast; an article forecasting two
peaks of one measure speaks of several areas and is left out, as is a bound of the typical, not the
highest, value (``verbreitet bis 100 km/h``, ``teilweise auch mehr``) and the end of a range (``160 bis 180``).

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
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, figure_fact, group_findings, shared_keys
from storydiff.compare.numbers import parse_figure
from storydiff.compare.places import places_in
from storydiff.model import Fact

__all__ = ["FORECAST", "MEASURED", "MEASURES", "SALIENCE", "Peak", "find_peak_conflicts", "peaks_of"]

_UPTO = (r"(?:bis(?:\s+zu)?|maximal|höchstens|up\s+to|as\s+(?:high|much)\s+as|jusqu['’]à|"
         r"hasta|до)\s+")
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
_PEAK = re.compile(r"(?<!\d )(?<!\d)" + _UPTO + _FIGURE, re.IGNORECASE)  # not the end of a range "160 bis 180"
#: a bound that is no maximum: typical of a wide area ("verbreitet bis 100 km/h"), or exceeded ("auch mehr")
_TYPICAL = re.compile(r"\b(?:verbreitet|vielerorts|flächendeckend|widespread|widely|généralisé\w*|generalizad\w*)\b",
                      re.IGNORECASE)
_EXCEEDED = re.compile(r"^\W*(?:\w+\s+){0,2}(?:mehr|darüber|more|higher|plus|davantage|más)\b", re.IGNORECASE)
#: words that make a sentence a forecast (de, en, fr, es, ru)
FORECAST = re.compile(
    r"\b(?:erwart\w*|könn(?:en|te|ten)|droh\w*|voraussichtlich|vorhergesagt|prognos\w*|gerechnet|rechnet|"
    r"expect\w*|could|(?-i:may)|might|"  # "may" in lower case only: not the month
    r"forecast\w*|predict\w*|likely|"
    r"attend\w*|pourr\w*|prév(?:u|oi|oy|ision)\w*|esper\w*|podr\w*|previst\w*|pronóstic\w*|"
    r"ожида\w*|прогноз\w*|может|могут|возможн\w*)\b", re.IGNORECASE)
#: words that make a sentence report a measurement
MEASURED = re.compile(
    r"\b(?:gemessen|registriert\w*|bereits|schon|measured|recorded|already|mesuré\w*|enregistré\w*|déjà|"
    r"medid\w*|registrad\w*|ya|зафиксир\w*|уже)\b", re.IGNORECASE)
#: salience of a peak conflict (before the boost for the number of sources)
SALIENCE = 0.5
#: factors to the base unit of a measure (km/h, °C, mm), by the start of the unit's text
_TO_BASE = {"speed": (("mph", 1.609344), ("meilen", 1.609344), ("miles", 1.609344), ("kno", 1.852), ("nœ", 1.852),
                      ("nud", 1.852))}
_FAHRENHEIT = re.compile(r"°\s*F|\s*(?:degrees?\s+|grad\s+)?fahrenheit", re.IGNORECASE)
#: two peaks this close in the base unit (relative, or 1 unit) are one figure given in two units
_SAME = 0.02


def _base(measure: str, value: float, text: str, unit_start: int, unit_end: int) -> float:
    """``value`` in the base unit of ``measure`` (km/h, °C, mm = l/m²).

    >>> _base("speed", 81.0, "81 mph", 3, 6), _base("temperature", 100.0, "100 °F", 4, 6)
    (130.356864, 37.77777777777778)
    """
    unit = text[unit_start:unit_end].lower()
    for start, factor in _TO_BASE.get(measure, ()):
        if unit.startswith(start):
            return value * factor
    if measure == "temperature" and _FAHRENHEIT.match(text, unit_start):
        return (value - 32.0) * 5.0 / 9.0
    return value


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= max(1.0, _SAME * max(abs(a), abs(b)))


@dataclass(frozen=True, slots=True)
class Peak:
    """A forecast upper bound of one measure in one sentence."""

    unit: Unit
    measure: str
    value: float
    start: int  # in the sentence
    end: int
    places: frozenset[str]
    base: float  # the value in the base unit of the measure


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
            if unit_match is not None and (_TYPICAL.search(text) or _EXCEEDED.match(text[unit_match.end():])):
                break  # "verbreitet bis 100 km/h, teilweise auch mehr": a typical value, not the peak
            if unit_match is not None:
                base = _base(measure, value, text, unit_match.start(), unit_match.end())
                out.append(Peak(unit, measure, value, m.start(), unit_match.end(), places_in(text), base))
                break
    return out


def find_peak_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                        ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles that forecast different
    peaks of one measure (see module docstring)."""
    names = article_labels(units, labels)
    by_article = [{k: v for k, v in found.items() if all(_same(p.base, v[0].base) for p in v)}
                  for found in group_findings(units, lambda arts, k: peaks_of(arts[k]), lambda p: (p.measure,))]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for measure, pa, pb in shared_keys(by_article):
        if _same(pa[0].base, pb[0].base):
            continue
        if pa[0].places and pb[0].places and not pa[0].places & pb[0].places:
            continue  # forecasts for different areas
        key = f"{measure}+forecast"
        why = f"different forecast peaks of {measure}: {pa[0].value:g} vs {pb[0].value:g}"
        out.extend(("conflict", _fact(a, key, names), _fact(b, key, names), why, SALIENCE) for a in pa for b in pb)
    return out


def _fact(p: Peak, key: str, labels: Sequence[str]) -> Fact:
    return figure_fact(p.unit, p.start, p.end, labels, p.value, key, p.measure, (0.0, p.value), "<")
