"""Days and times resolved by publication date, time zone and side of midnight (storydiff.compare.when)."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.conflicts import _judge
from storydiff.compare.facts import extract_facts
from storydiff.compare.when import relative_days, weekdays_differ
from storydiff.model import Article, Fact

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
FRIDAY = datetime(2022, 7, 15, tzinfo=UTC)
SUMMER = datetime(2022, 10, 10, tzinfo=UTC)


def _facts(text: str, lang: str, published: datetime | None, key: str) -> list[Fact]:
    art = Article(text=text, external_id="x", language=lang, published=published)
    return [f for f in extract_facts(art) if f.key == key]


def test_relative_days_resolve_against_the_publication_date_per_language() -> None:
    assert [v for v, *_ in relative_days("Der Präsident hat gestern seinen Rücktritt erklärt.", "de", FRIDAY)] == ["thu"]
    assert [v for v, *_ in relative_days("He announced his resignation today.", "en", FRIDAY)] == ["fri"]
    assert [v for v, *_ in relative_days("Esta mañana se ha confirmado la dimisión.", "es", FRIDAY)] == ["fri+morning"]
    assert [v for v, *_ in relative_days("Il a démissionné hier soir.", "fr", FRIDAY)] == ["thu+evening"]
    # German "hier" is "here"; no publication date, no day; a quoted "heute" is the speaker's day
    assert list(relative_days("Er bleibt hier.", "de", FRIDAY)) == []
    assert list(relative_days("Er hat gestern erklärt.", "de", None)) == []
    assert list(relative_days("„Wir bleiben heute hier“, sagte er.", "de", FRIDAY)) == []


def test_clock_times_compare_after_converting_their_time_zones() -> None:
    uk = _facts("Das Ergebnis kam um 14 Uhr britischer Zeit.", "de", SUMMER, "when:clock")
    mesz = _facts("Das Ergebnis kam um 15 Uhr MESZ.", "de", SUMMER, "when:clock")
    later = _facts("Das Ergebnis kam um 16 Uhr MESZ.", "de", SUMMER, "when:clock")
    plain = _facts("Das Ergebnis kam um 14 Uhr.", "de", SUMMER, "when:clock")
    assert _judge(uk[0], mesz[0]) is None  # the same instant
    assert _judge(uk[0], later[0]) is not None
    assert _judge(plain[0], mesz[0]) is not None  # a German report's 14 Uhr is German time


def test_opposite_sides_of_midnight_conflict() -> None:
    before = _facts("Er spendete am Montag kurz vor Mitternacht.", "de", None, "when:clock")
    after = _facts("Die Mitteilung kam kurz nach Mitternacht.", "de", None, "when:clock")
    at = _facts("Die Mitteilung kam um Mitternacht.", "de", None, "when:clock")
    assert before[0].value.text == "kurz vor Mitternacht"
    assert _judge(before[0], after[0]) is not None
    assert _judge(at[0], after[0]) is None


def test_parts_of_one_day_conflict_only_when_far_apart() -> None:
    assert weekdays_differ("thu+morning", "thu+afternoon")
    assert not weekdays_differ("thu+evening", "thu+night")
    assert not weekdays_differ("thu", "thu+afternoon")
    assert weekdays_differ("wed", "thu")


@pytest.fixture(scope="module")
def dev() -> dict[str, Article]:
    if not (DEV / "articles.jsonl").exists():
        pytest.skip("dev set absent")
    rows = [json.loads(line) for line in (DEV / "articles.jsonl").open(encoding="utf-8")]
    return {r["id"]: Article(text=r["text"], external_id=r["id"], language=r["lang"],
                             published=datetime.fromisoformat(r["date"]).replace(tzinfo=UTC) if r.get("date") else None)
            for r in rows if r["story"].startswith("notredame-2019-04-16-donations")}


@pytest.mark.realdata
def test_days_of_one_statement_pair_by_the_event_named_after_them(dev: dict[str, Article]) -> None:
    comp = compare_articles([dev["d0079"], dev["d0077"]])
    days = [sorted(v.text for v in c.values) for c in comp.conflicts if c.key == "when:weekday"]
    assert ["Dienstagmorgen", "Mittwoch"] in days


@pytest.mark.realdata
def test_the_only_clock_times_of_two_reports_pair_across_midnight(dev: dict[str, Article]) -> None:
    comp = compare_articles([dev["d0082"], dev["d0081"]])
    clocks = [sorted(v.text for v in c.values) for c in comp.conflicts if c.key == "when:clock"]
    assert ["kurz nach Mitternacht", "kurz vor Mitternacht"] in clocks


def test_weekdays_of_reports_published_weeks_apart_are_not_compared() -> None:
    def pair(days_apart: int) -> list[str]:
        first = datetime(2024, 3, 6, tzinfo=UTC)
        arts = [Article(text="Der Sturm traf die Küste am Montag mit voller Wucht.", language="de",
                        external_id="a", published=first),
                Article(text="Der Sturm traf die Küste am Dienstag mit voller Wucht.", language="de",
                        external_id="b", published=first.replace(day=6 + days_apart))]
        return [c.key for c in compare_articles(arts).conflicts]

    assert "when:weekday" in pair(1)  # one week: Monday and Tuesday cannot both be the day
    assert "when:weekday" not in pair(14)  # two weeks apart: two different storms' days
