"""Clock-time conflicts found by the event named around the times, on real dev articles (read in
place, skipped when absent): a televised speech timed two ways in two languages; the other times of
the same story, and a report that times two events of one kind, stay silent."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.clocks import find_clock_conflicts
from storydiff.model import Article, Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


def test_one_speech_timed_two_ways_across_languages(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0187", "d0186", "when:clock")
    assert hits and hits[0].kind == "date-time"
    assert {v.article for v in hits[0].values} == {"d0187", "d0186"}


def test_other_times_of_the_story_stay_silent(dev: tuple) -> None:
    arts, _ = dev
    story = [a for a in arts if a.startswith("d0") and 184 <= int(a[1:]) <= 200]  # the invasion's first day
    found = find_clock_conflicts(prepare([arts[a] for a in story]), story)
    assert len(found) == 1  # only the televised speech; explosions and calls at other times are other events
    assert {found[0][1].value.article, found[0][2].value.article} == {"d0186", "d0187"}


def test_two_times_of_one_kind_of_event_in_one_report_stay_silent() -> None:
    arts = [Article(text="Gegen 5 Uhr gab es eine Explosion am Hafen. Um 7 Uhr folgte eine Explosion am Bahnhof.",
                    language="de"),
            Article(text="An explosion was heard at 6 a.m.", language="en")]
    assert not find_clock_conflicts(prepare(arts))
    assert len(find_clock_conflicts(prepare([Article(text=arts[0].text.split(".")[0] + ".", language="de"),
                                             arts[1]]))) == 1


def test_a_repeated_sentence_gives_one_conflict() -> None:
    s = "Der Präsident hielt um 6 Uhr eine Fernsehansprache."
    a = Article(text=f"{s} Viele sahen zu. {s}", language="de")
    b = Article(text="The president gave a televised speech at 4 a.m. on Thursday.", language="en")
    assert [(x.value.text, y.value.text) for _, x, y, _, _ in find_clock_conflicts(prepare([a, b]))] == [
        ("6 Uhr", "4 a.m.")]
