"""Name and date-time recall on real dev articles (read in place, skipped when absent): one name
spelled two ways (middle name left out, a one-letter typo in a single-word name), a person given
two nationalities, the match minute of one player's penalty, and centuries as dates."""

from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.facts import extract_facts
from storydiff.compare.names import _typo
from storydiff.model import Article, Conflict

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
pytestmark = pytest.mark.realdata


def _hits(dev: tuple[dict[str, Article], list[dict[str, str]]], a: str, b: str) -> list[Conflict]:
    """Conflicts of the two articles covering the gold pair's statements in both."""
    arts, gold = dev
    g = next(g for g in gold if g["a"] == a and g["b"] == b)
    comp = compare_articles([arts[a], arts[b]])

    def covers(c: Conflict, label: str, says: str) -> bool:
        at = arts[label].text.find(says)
        assert at >= 0
        return any(v.article == label and v.start < at + len(says) and at < v.end for v in c.values)

    return [c for c in comp.conflicts if covers(c, a, g["a_says"]) and covers(c, b, g["b_says"])]


def test_a_name_with_and_without_its_middle_name_spelled_two_ways(dev: tuple) -> None:
    hits = _hits(dev, "d0146", "d0147")
    assert hits and hits[0].kind == "name"
    assert {v.text.split()[-1] for v in hits[0].values} == {"Dissanayaka", "Dissanayak"}


def test_a_single_word_place_name_with_a_typo(dev: tuple) -> None:
    hits = _hits(dev, "d0255", "d0259")
    assert hits and any(v.text == "Aschheim" for v in hits[0].values)


def test_two_nationalities_for_one_person(dev: tuple) -> None:
    hits = _hits(dev, "d0204", "d0202")
    assert hits and hits[0].key.endswith("+nationality")
    assert {v.value for v in hits[0].values} == {"ru", "ua"}


def test_a_match_minute_pairs_by_the_player_named_before_it(dev: tuple) -> None:
    hits = _hits(dev, "a0086", "a0089")  # the name is two words before the minute in one report
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
