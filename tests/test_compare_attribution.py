"""Attribution conflicts on real dev articles (read in place, skipped when absent): one claim
attributed to different sources (who said a quote was said, who confirmed a dismissal),
across languages too, while sources of different claims, and hearsay, stay silent."""

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.align import prepare
from storydiff.compare.attribution import attributions, find_attribution_conflicts
from storydiff.model import Article, Conflict

pytestmark = pytest.mark.realdata


def _covers(arts: dict[str, Article], c: Conflict, label: str, says: str) -> bool:
    at = arts[label].text.find(says)
    assert at >= 0
    return any(v.article == label and v.start < at + len(says) and at < v.end for v in c.values)


@pytest.mark.parametrize(("a", "b", "others"), [
    ("d0224", "d0228", ()),  # "according to the embassy" / "according to a ... intelligence official"
    ("d0157", "d0156", ()),  # "Das bestätigte der ... Schatzkanzler" / "Das berichteten mehrere ... Medien"
    ("d0225", "d0230", ("d0224", "d0228")),  # de/en: through the quote in full (d0228), merged by source kind
])
def test_one_claim_attributed_to_two_sources(dev: tuple, a: str, b: str, others: tuple[str, ...]) -> None:
    arts, gold = dev
    g = next(g for g in gold if g["a"] == a and g["b"] == b)
    comp = compare_articles([arts[x] for x in (a, b, *others)])
    hits = [c for c in comp.conflicts if c.key == "statement:source"
            and _covers(arts, c, a, g["a_says"]) and _covers(arts, c, b, g["b_says"])]
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
