"""Title conflicts on real dev articles (read in place, skipped when absent): one person given a
duchess's and a queen's title by two reports; titles of one tier in several languages, and a
story in which a prince became king, stay silent."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.titles import find_title_conflicts, title_mentions
from storydiff.model import Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


def test_duchess_and_queen_for_one_person_conflict(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0110", "d0113", "title:")
    assert hits and hits[0].kind == "name"
    assert {v.text.split()[0] for v in hits[0].values} == {"Herzogin", "Königin"}


def test_one_tier_in_several_languages_stays_silent(dev: tuple) -> None:
    arts, _ = dev
    # the first address of a new king: "König", "King", "Queen", "Königin", "Prinz", "Prince" for several people
    story = [arts[x] for x in ("d0100", "d0101", "d0103", "d0104", "d0106", "d0107", "d0108")]
    units = prepare(story)
    assert sum(len(title_mentions(u)) for us in units for u in us) >= 10
    assert not find_title_conflicts(units)


def test_a_title_that_changed_in_the_story_stays_silent(dev: tuple) -> None:
    arts, _ = dev
    # the day the queen died: some reports still say "Prinz Charles", one names both titles
    units = prepare([arts[x] for x in ("d0092", "d0093", "d0094", "d0095")])
    tiers = {t.tier for us in units for u in us for t in title_mentions(u) if t.person.startswith("charles")}
    assert tiers == {"noble", "monarch"}
    assert not find_title_conflicts(units)


def test_a_change_word_before_the_title_stays_silent() -> None:
    from storydiff.model import Article

    arts = [Article(text="Prinz Anton eröffnete am Montag die Brücke.", language="de"),
            Article(text="Der neue König Anton eröffnete am Montag die Brücke.", language="de"),
            Article(text="Am Montag eröffnete König Anton die Brücke.", language="de")]
    assert not find_title_conflicts(prepare(arts))
    assert len(find_title_conflicts(prepare([arts[0], arts[2]]))) == 1
