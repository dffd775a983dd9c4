"""Forecast peaks of one measure on real dev articles (read in place, skipped when absent): two
storm reports forecasting different peak wind speeds under different nouns, and the measured
peaks of the same reports that must stay silent."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.peaks import find_peak_conflicts, peaks_of
from storydiff.model import Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


def test_two_forecast_peaks_of_one_speed_disagree(gold_hits: GoldHits) -> None:
    hits = gold_hits("a0073", "a0072", "speed+")
    assert hits and hits[0].kind == "number"
    assert {v.value["anchor"] for v in hits[0].values} == {120.0, 130.0}


def test_measured_peaks_are_no_forecast(dev: tuple) -> None:
    arts, _ = dev
    units = prepare([arts["a0072"]])[0]
    peaks = [p for u in units for p in peaks_of(u)]
    # the article also reports gusts already measured that afternoon: only the forecast is a peak
    assert [(p.measure, p.value) for p in peaks] == [("speed", 130.0)]


def test_reports_of_the_measured_gusts_stay_silent(dev: tuple) -> None:
    arts, _ = dev
    # three reports of the gusts measured that afternoon (same figures, some in Stundenkilometern)
    assert not find_peak_conflicts(prepare([arts[x] for x in ("a0072", "a0074", "a0076")]))


def test_a_compound_that_begins_with_a_measure_word_names_no_measure(dev: tuple) -> None:
    from storydiff.compare.numbers import find_quantities

    arts, _ = dev

    def dimensions(label: str, figure: str) -> list[str | None]:
        text = arts[label].text
        at = text.index(figure)
        sentence = text[text.rfind(".", 0, at) + 1:text.find(".", at + len(figure)) + 1]
        return [q.dimension for q in find_quantities(sentence) if figure in q.text.split()]

    # "... 400 Millionen Euro an Soforthilfen für die Opfer der Hochwasserkatastrophe": no height
    assert dimensions("d0043", "400") == [None]
    # "Windgeschwindigkeiten von bis zu 120 Kilometern pro Stunde": a speed
    assert dimensions("a0073", "120") == ["speed"]
