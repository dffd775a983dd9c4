"""Aid-package conflicts on real dev articles (read in place, skipped when absent): one government's
package given two sums, while a report naming both the share and the total, joint sums of several
levels of government and donors' gifts stay silent."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.packages import find_package_conflicts, package_sums
from storydiff.model import Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


def test_one_governments_package_given_two_sums_conflicts(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0040", "d0043", "aid-package")  # "Hilfspaket von zunächst" / "an Soforthilfen"
    assert hits and hits[0].kind == "number"
    assert {v.value["anchor"] for v in hits[0].values} == {2e8, 4e8}


def test_report_stating_share_and_total_stays_silent(dev: tuple) -> None:
    arts, _ = dev
    # one report gives the federal share and the total: it tells them apart, and agrees with the other
    assert not find_package_conflicts(prepare([arts["d0042"], arts["d0043"]]))


def test_joint_and_state_sums_are_no_package_of_the_government(dev: tuple) -> None:
    arts, _ = dev
    # "Bund und Länder ... 400 Millionen", and a state government's programme of 200 million
    for label, kept in (("d0037", set()), ("d0040", {2e8})):
        units = prepare([arts[label]])[0]
        found = [p for u in units for p in package_sums(u)]
        assert {p.value for p in found} == kept, label
    assert len([p for u in prepare([arts["d0040"]])[0] for p in package_sums(u)]) == 1


def test_donors_gifts_stay_silent(dev: tuple) -> None:
    arts, gold = dev
    ids = sorted({g[k] for g in gold if g["story"] == "notredame-2019-04-16-donations" for k in ("a", "b")})
    assert len(ids) >= 4
    assert not find_package_conflicts(prepare([arts[x] for x in ids]))
