"""Co-leader conflicts on real dev articles (read in place, skipped when absent): two reports list
who leads a funeral procession, one member shared and one different; the other reports of the
story, and a list that is part of the other, stay silent."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.coleaders import find_coleader_conflicts, led_events
from storydiff.compare.labels import fact_label
from storydiff.model import Article, Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


def test_two_lists_of_leaders_of_one_procession_conflict(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0117", "d0116", "role:leads:")
    assert hits and hits[0].kind == "name"
    assert all(v.text.startswith("King Charles") for v in hits[0].values)


def test_the_rest_of_the_story_stays_silent(dev: tuple) -> None:
    arts, _ = dev
    story = [arts[x] for x in ("d0116", "d0118", "d0119", "d0120", "d0121", "d0122", "d0123", "d0124")]
    units = prepare(story)
    assert sum(len(led_events(u)) for us in units for u in us) == 1  # d0116's list; no other to meet
    assert not find_coleader_conflicts(units)


def test_a_list_inside_the_other_stays_silent() -> None:
    a = Article(text="The march, led by Mayor Anna Berg and her deputy, left at noon.", language="en")
    b = Article(text="Mayor Anna Berg, her deputy and the governor will lead the march.", language="en")
    c = Article(text="Mayor Anna Berg and the governor will lead the march.", language="en")
    assert not find_coleader_conflicts(prepare([a, b]))
    assert len(find_coleader_conflicts(prepare([a, c]))) == 1


def test_a_funeral_is_no_procession() -> None:
    # "funeral" named the service, not a led procession ("funeral procession" is read by its head)
    funeral = Article(text="The funeral, led by the Archbishop and the Dean, began at noon.", language="en")
    procession = Article(text="The funeral procession, led by the Archbishop and the Dean, began at noon.",
                         language="en")
    assert not [e for u in prepare([funeral])[0] for e in led_events(u)]
    assert [sorted(e.keys) for u in prepare([procession])[0] for e in led_events(u)] == [["archbishop", "dean"]]


def test_the_label_names_the_led_event() -> None:
    a = Article(text="The march, led by Mayor Anna Berg and her deputy, left at noon.", language="en")
    c = Article(text="Mayor Anna Berg and the governor will lead the march.", language="en")
    assert [fact_label(x) for _, x, _, _, _ in find_coleader_conflicts(prepare([a, c]))] == ["who led the march"]


def test_a_repeated_sentence_gives_one_conflict() -> None:
    s = "The march, led by Mayor Anna Berg and her deputy, left at noon."
    a = Article(text=f"{s} Many came. {s}", language="en")
    c = Article(text="Mayor Anna Berg and the governor will lead the march.", language="en")
    assert len(find_coleader_conflicts(prepare([a, c]))) == 1
