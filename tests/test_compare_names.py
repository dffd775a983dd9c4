"""Name and date-time recall on real dev articles (read in place, skipped when absent): one name
spelled two ways (middle name left out, a one-letter typo in a single-word name), a person given
two nationalities, the match minute of one player's penalty, and centuries as dates."""

from collections.abc import Callable
from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.facts import extract_facts
from storydiff.compare.names import _typo
from storydiff.model import Conflict

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


def test_a_name_with_and_without_its_middle_name_spelled_two_ways(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0146", "d0147")
    assert hits and hits[0].kind == "name"
    assert {v.text.split()[-1] for v in hits[0].values} == {"Dissanayaka", "Dissanayak"}


def test_a_single_word_place_name_with_a_typo(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0255", "d0259")
    assert hits and any(v.text == "Aschheim" for v in hits[0].values)


def test_two_nationalities_for_one_person(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0204", "d0202")
    assert hits and hits[0].key.endswith("+nationality")
    assert {v.value for v in hits[0].values} == {"ru", "ua"}


def test_a_match_minute_pairs_by_the_player_named_before_it(dev: tuple, gold_hits: GoldHits) -> None:
    hits = gold_hits("a0086", "a0089")  # the name is two words before the minute in one report
    assert hits and hits[0].key == "when:minute"
    arts, _ = dev
    scorers = compare_articles([arts["a0093"], arts["a0095"]]).conflicts
    assert not any(c.key == "when:minute" for c in scorers)  # different scorers' goals do not pair


def test_centuries_are_dates_and_counts_of_centuries_are_not(dev: tuple) -> None:
    arts, _ = dev
    when = {f.value.text: f.value.value for f in extract_facts(arts["d0075"]) if f.key == "when:century"}
    assert when == {"12. Jahrhundert": "12"}
    assert not any(f.key == "when:century" and f.value.text.startswith("six")
                   for f in extract_facts(arts["d0074"]))


def test_typos_are_not_transliterations_or_endings() -> None:
    assert _typo("Aschheim", "Aschleim") and _typo("Kering", "Kehring")
    assert not _typo("Charkiw", "Charkow") and not _typo("Luhansk", "Lugansk")  # transliterations
    assert not _typo("Sinzig", "Sinziger") and not _typo("Mariupol", "Mariupols")  # endings
    assert not _typo("Maxim", "Masim")  # too short to tell a typo from another name
