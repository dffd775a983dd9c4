"""Weapon models on real dev articles (read in place, skipped when absent): two reports of one
strike naming different missiles across languages, and the reports that must stay silent (one
naming both models, weapons delivered or fitted to a ship rather than used)."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.weapons import find_weapon_conflicts
from storydiff.model import Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


def test_two_models_for_one_strike_across_languages(gold_hits: GoldHits) -> None:
    hits = gold_hits("a0230", "a0101", "statement:weapon")
    assert hits
    assert {v.article: v.text for v in hits[0].values if v.article in ("a0230", "a0101")} == {
        "a0230": "Iskander", "a0101": "Tochka-U"}


def test_a_report_naming_both_models_stays_silent(dev: tuple) -> None:
    arts, _ = dev
    # a0231 says both that Tochka-U missiles were launched and that an Iskander system was used
    for other in ("a0230", "a0101"):
        assert not find_weapon_conflicts(prepare([arts["a0231"], arts[other]]))


@pytest.mark.parametrize("ids", [
    ("d0208", "d0209", "d0210", "d0211", "d0212", "d0214", "d0215"),  # weapons to be delivered
    ("a0107", "a0108"),  # the missiles a sunk cruiser was armed with
])
def test_weapons_not_used_in_a_strike_stay_silent(dev: tuple, ids: tuple[str, ...]) -> None:
    arts, _ = dev
    found = find_weapon_conflicts(prepare([arts[x] for x in ids]))
    assert not found, [(a.value.text, b.value.text) for _, a, b, _, _ in found]
