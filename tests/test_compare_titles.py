"""Title conflicts on real dev articles (read in place, skipped when absent): one person given a
duchess's and a queen's title by two reports; titles of one tier in several languages, and a
story in which a prince became king, stay silent."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.labels import fact_label
from storydiff.compare.titles import find_title_conflicts, title_mentions
from storydiff.model import Article, Conflict

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


def test_a_possessive_before_the_title_is_no_name() -> None:
    # "Stephen King" is a name, "Britain's King Charles" a title; the label names the person, not the rank
    text = "On Monday Britain's King Paul met the novelist Stephen King."
    assert [m.person for m in title_mentions(prepare([Article(text=text, language="en")])[0][0])] == ["paul"]
    arts = [Article(text="Yesterday Paula, Duchess of Kent, opened the bridge.", language="en"),
            Article(text="Yesterday Queen Paula opened the bridge.", language="en")]
    hits = find_title_conflicts(prepare(arts))
    assert [(fact_label(a), fact_label(b)) for _, a, b, _, _ in hits] == [("title of Paula", "title of Paula")]


def test_a_title_with_sharp_s_is_read() -> None:
    # casefold spells "Großherzog" with "ss"; the table keeps the German spelling
    arts = [Article(text="Am Montag empfing Großherzog Paul die Gäste.", language="de"),
            Article(text="Am Montag empfing König Paul die Gäste.", language="de")]
    assert [(a.value.text, b.value.text) for _, a, b, _, _ in find_title_conflicts(prepare(arts))] == [
        ("Großherzog Paul", "König Paul")]
