"""Backing-count conflicts on real dev articles (read in place, skipped when absent): one candidate's
count of supporters given as two figures across languages, a pronoun taking up the candidate of an
earlier sentence, and requirements and other candidates' counts that stay silent."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.backers import backing_counts, find_backer_conflicts
from storydiff.model import Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


def test_one_candidates_backers_counted_twice_conflict(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0177", "d0180", "backers:")  # fr "supporters" (candidate via "Elle") / de "Nominierungen"
    assert hits and hits[0].kind == "number"
    assert {v.value["anchor"] for v in hits[0].values} == {24.0, 90.0}


def test_pronoun_takes_up_the_candidate_of_an_earlier_sentence(dev: tuple) -> None:
    arts, _ = dev
    units = prepare([arts["d0177"]])[0]
    found = [(b.candidate, b.value) for k in range(len(units)) for b in backing_counts(units, k)]
    assert ("mordaunt", 24.0) in found
    assert all(value != 100.0 for _, value in found)  # "les 100 nominations nécessaires": a requirement


def test_requirements_stay_silent(dev: tuple) -> None:
    arts, _ = dev
    # "die nötigen 100 Unterstützer" is what the candidate lacked, not what she had
    assert not find_backer_conflicts(prepare([arts["d0181"], arts["d0180"]]))
    units = prepare([arts["d0181"]])[0]
    assert not [b for k in range(len(units)) for b in backing_counts(units, k)]


def test_two_candidates_of_one_vote_are_kept_apart(dev: tuple) -> None:
    arts, _ = dev
    units = prepare([arts["d0146"]])[0]  # "X 134 Stimmen und Y 82 Stimmen"
    found = {b.candidate: b.value for k in range(len(units)) for b in backing_counts(units, k)}
    assert len(found) == 2 and sorted(found.values()) == [82.0, 134.0]
    story = [arts[x] for x in ("d0146", "d0149", "d0150")]
    assert not find_backer_conflicts(prepare(story))
