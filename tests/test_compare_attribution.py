"""Attribution conflicts on real dev articles (read in place, skipped when absent): one claim
attributed to different sources (who said a quote was said, who confirmed a dismissal),
across languages too, while sources of different claims, and hearsay, stay silent."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.attribution import attributions, find_attribution_conflicts
from storydiff.model import Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


@pytest.mark.parametrize(("a", "b", "others"), [
    ("d0224", "d0228", ()),  # "according to the embassy" / "according to a ... intelligence official"
    ("d0157", "d0156", ()),  # "Das bestätigte der ... Schatzkanzler" / "Das berichteten mehrere ... Medien"
    ("d0225", "d0230", ("d0224", "d0228")),  # de/en: through the quote in full (d0228), merged by source kind
])
def test_one_claim_attributed_to_two_sources(gold_hits: GoldHits, a: str, b: str, others: tuple[str, ...]) -> None:
    hits = gold_hits(a, b, "statement:source", others)
    assert len(hits) == 1 and hits[0].kind == "statement"


def test_cross_language_needs_the_quote_in_full(dev: tuple) -> None:
    arts, _ = dev
    # the English report quotes only a few words of the German one's quote: no solid match alone
    assert not find_attribution_conflicts(prepare([arts["d0225"], arts["d0230"]]))
    found = find_attribution_conflicts(prepare([arts["d0225"], arts["d0228"]]))
    assert [(f[1].value.value, f[2].value.value) for f in found] == [("embassy", "intelligence+official")]


def test_sources_of_different_claims_stay_silent(dev: tuple) -> None:
    arts, _ = dev
    for pair in (("d0203", "d0206"), ("d0070", "d0072")):  # ministry vs mayor; firefighters vs prosecutors
        units = prepare([arts[x] for x in pair])
        assert all(attributions(u) for u in units)  # both cite sources ...
        assert not find_attribution_conflicts(units)  # ... for different claims


def test_hearsay_and_unnamed_sources_conflict_with_nothing(dev: tuple) -> None:
    arts, _ = dev
    # "according to multiple media reports" names no one against "according to the embassy"
    assert not find_attribution_conflicts(prepare([arts["d0224"], arts["d0226"]]))
    # "den Angaben zufolge" points back to a source named before: no source of its own
    assert all("Angaben" not in a.source for a in attributions(prepare([arts["d0007"]])[0]))
