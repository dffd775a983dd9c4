"""Role conflicts on real dev articles (read in place, skipped when absent): one event, one role,
two different names (who announced, against whom a penalty failed, where a delegation arrived,
which holding), and roles of different events or kinds that stay silent."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.roles import find_role_conflicts, role_slots
from storydiff.model import Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


@pytest.mark.parametrize(("a", "b", "role", "names"), [
    ("d0212", "d0213", "role:speaker", {"Scholz", "Hebestreit"}),  # "teilte ... am Samstagabend mit"
    ("d0145", "d0151", "role:speaker", {"Abeywardena", "Dissanayake"}),  # "gab bekannt" / "sagte", 134 of 225
    ("a0088", "a0085", "role:prep:an", {"Kobel", "Dahmen"}),  # "an X gescheitert" / "scheitert an Y"
    ("d0231", "d0235", "role:prep:in", {"Minsk", "Gomel"}),  # "traf in X ein" / "in Y eingetroffen"
    ("d0078", "d0077", "role:appos:lding", {"Kehring", "Artemis"}),  # "-holding X" / "-holding Y"
])
def test_one_role_of_one_event_filled_with_two_names(gold_hits: GoldHits, a: str, b: str, role: str, names: set[str]) -> None:
    hits = gold_hits(a, b, "role:")
    assert hits and hits[0].kind == "name" and hits[0].key == role
    assert {v.text.split()[-1] for v in hits[0].values} == names


def test_separable_verb_and_participle_meet(dev: tuple) -> None:
    arts, _ = dev
    units = prepare([arts["d0231"], arts["d0235"]])
    slots = [s for u in units[0] + units[1] for s in role_slots(u)
             if s.role == "prep:in" and s.surname in ("Minsk", "Gomel")]
    assert {s.surname for s in slots} == {"Minsk", "Gomel"}
    minsk = next(s for s in slots if s.surname == "Minsk")
    assert any(minsk.verbs & s.verbs for s in slots if s.surname == "Gomel")  # "traf ... ein" ~ "eingetroffen"


def test_different_people_quoted_on_different_matters_stay_silent(dev: tuple) -> None:
    arts, _ = dev
    # one story: politicians quoted by papers on one day, members of parliament named by their titles
    story = [arts[x] for x in ("d0015", "d0017", "d0019")]
    assert not find_role_conflicts(prepare(story))


def test_many_places_and_companies_of_one_story_stay_silent(dev: tuple) -> None:
    arts, _ = dev
    # explosions heard in many cities; a company's chief and the board another sits on
    for ids in (("d0184", "d0188", "d0194", "d0197", "d0199"), ("d0076", "d0082")):
        found = find_role_conflicts(prepare([arts[x] for x in ids]))
        assert not found, [(a.value.text, b.value.text) for _, a, b, _, _ in found]
