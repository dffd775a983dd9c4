"""How many people live in one home, on real dev articles (read in place, skipped when absent):
two reports of a flooded care home giving it 35 and 36 residents, and the counts of its residents
who died, which are tolls and must stay silent."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.populations import find_population_conflicts, populations_of
from storydiff.model import Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


def test_one_home_two_populations(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0010", "d0014", "resident+")
    assert hits and {v.value["anchor"] for v in hits[0].values} == {35.0, 36.0}


@pytest.mark.parametrize("label", ["d0009", "d0011", "d0012"])
def test_residents_who_died_are_no_population(dev: tuple, label: str) -> None:
    arts, _ = dev
    # "zwölf Bewohner" of the same home drowned: a toll of its residents, not how many lived there
    assert not [p for u in prepare([arts[label]])[0] for p in populations_of(u)]


def test_the_whole_of_a_partition_is_the_population(dev: tuple) -> None:
    arts, _ = dev
    pops = [p for u in prepare([arts["d0010"]])[0] for p in populations_of(u)]
    assert [(p.value, sorted(p.homes)) for p in pops] == [(35.0, ["einrichtung"])]


def test_reports_of_the_toll_alone_stay_silent(dev: tuple) -> None:
    arts, _ = dev
    assert not find_population_conflicts(prepare([arts[x] for x in ("d0009", "d0011", "d0012", "d0014")]))
