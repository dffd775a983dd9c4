"""A bound ("at least 12") refines a vague amount ("several dozen") only when its figure lies in
the vague range; otherwise the two reports state different magnitudes. Own sentences, and a gold
pair of the dev set read in place (skipped when absent)."""

from collections.abc import Callable

import pytest

from storydiff.compare import compare_articles
from storydiff.model import Article


def _judged(a: str, b: str, lang_b: str = "de") -> tuple[list[set[str]], list[set[str]]]:
    comp = compare_articles([Article(text=a, language="de", url="https://a.test/1"),
                             Article(text=b, language=lang_b, url="https://b.test/1")])
    return ([{v.text for v in c.values} for c in comp.conflicts],
            [{v.text for v in c.values} for c in comp.refinements])


def test_a_lower_bound_below_the_vague_range_conflicts() -> None:
    conflicts, refinements = _judged("Bei den Protesten wurden am Samstag mehrere Dutzend Menschen verletzt.",
                                     "Bei den Protesten wurden am Samstag mindestens zwölf Menschen verletzt.")
    assert any("mindestens zwölf Menschen" in c for c in conflicts)
    assert not refinements


def test_a_lower_bound_inside_the_vague_range_refines_it() -> None:
    conflicts, refinements = _judged("Bei den Protesten wurden am Samstag Dutzende Menschen verletzt.",
                                     "Bei den Protesten wurden am Samstag mehr als 30 Menschen verletzt.")
    assert any("mehr als 30 Menschen" in r for r in refinements)
    assert not conflicts


def test_an_exact_figure_in_the_vague_range_stays_a_refinement() -> None:
    conflicts, refinements = _judged("Bei den Protesten wurden am Samstag Dutzende Menschen verletzt.",
                                     "Bei den Protesten wurden am Samstag 26 Menschen verletzt.")
    assert any("26 Menschen" in r for r in refinements)
    assert not conflicts


def test_about_a_figure_against_more_than_it_conflicts() -> None:
    conflicts, _ = _judged("Nach dem Erdrutsch in Talheim werden etwa 40 Menschen vermisst.",
                           "Nach dem Erdrutsch in Talheim werden mehr als 40 Menschen vermisst.")
    assert {"etwa 40 Menschen", "mehr als 40 Menschen"} in conflicts


def test_about_a_figure_against_up_to_it_stays_silent() -> None:
    conflicts, _ = _judged("Nach dem Erdrutsch in Talheim werden etwa 40 Menschen vermisst.",
                           "Nach dem Erdrutsch in Talheim werden bis zu 40 Menschen vermisst.")
    assert not conflicts


def test_guests_counted_in_two_languages_are_one_count() -> None:
    # people with no action are any people ("5000 Menschen"), but guests are the guests of one event
    conflicts, _ = _judged("An der Trauerfeier für den Altbürgermeister nehmen rund 1500 Gäste teil.",
                           "More than 1,500 guests will gather in Talheim on Friday for the former mayor's funeral.",
                           "en")
    assert {"rund 1500 Gäste", "More than 1,500 guests"} in conflicts


def test_generic_people_with_no_action_still_do_not_conflict() -> None:
    conflicts, _ = _judged("Zur Gedenkfeier im Dom von Talheim kommen rund 1500 Menschen.",
                           "Zur Gedenkfeier im Dom von Talheim kommen mehr als 1500 Menschen.")
    assert not conflicts


def test_the_only_guest_counts_of_two_reports_are_not_paired_blindly() -> None:
    # two gatherings: the cathedral's guests and the small chapel's; one count in each report
    conflicts, _ = _judged("Im Dom von Talheim nehmen am Vormittag rund 1500 Gäste an der Trauerfeier teil.",
                           "Am Abend folgt eine Andacht im kleinen Kreis mit 90 Gästen.")
    assert not conflicts


@pytest.mark.realdata
def test_the_dev_pair_of_dozens_against_at_least_twelve_is_found(dev: tuple, gold_hits: Callable[..., list]) -> None:
    _arts, gold = dev
    g = next(g for g in gold if "doce" in g["b_says"])
    assert gold_hits(g["a"], g["b"], "person+injured")
