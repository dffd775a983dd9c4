"""Event-day resolution (storydiff.cluster.eventdate) on hand-written sentences and on the dev set."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from storydiff.cluster.eventdate import agreement, article_event_days, event_days

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"
FRI = date(2024, 5, 10)  # a Friday


def top_days(text: str, lang: str, pub: date = FRI, title: str | None = None) -> dict[str, float]:
    return {date.fromordinal(d).isoformat(): round(w, 2) for d, w in event_days(text, title, lang, pub).items()}


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("de", "Der Deich brach am Mittwoch nördlich der Stadt.", "2024-05-08"),
    ("de", "Die Polizei nahm gestern drei Verdächtige fest.", "2024-05-09"),
    ("de", "Am Freitagabend versammelten sich Tausende vor dem Rathaus.", "2024-05-10"),
    ("de", "Das Unglück ereignete sich am 7. Mai auf der Autobahn.", "2024-05-07"),
    ("de", "Der Vertrag wurde am 6.5.2024 unterzeichnet.", "2024-05-06"),
    ("en", "The bridge collapsed on Tuesday, officials said.", "2024-05-07"),
    ("en", "Police arrested two men yesterday in the port city.", "2024-05-09"),
    ("en", "The minister resigned on May 8, 2024 after a week of pressure.", "2024-05-08"),
    ("fr", "Le pont s'est effondré jeudi dans la matinée.", "2024-05-09"),
    ("fr", "Le président a parlé hier soir à la télévision.", "2024-05-09"),
    ("fr", "L'incendie a éclaté le 8 mai dans le centre.", "2024-05-08"),
    ("es", "El miércoles el río se desbordó.", "2024-05-08"),
    ("es", "El acuerdo se firmó el 9 de mayo en la capital.", "2024-05-09"),
    ("ru", "В среду в городе прошла акция протеста.", "2024-05-08"),
])
def test_one_mention_resolves_to_its_day(lang: str, text: str, want: str) -> None:
    assert top_days(text, lang) == {want: 1.0}


def test_night_to_a_weekday_is_split_over_both_days() -> None:
    assert top_days("In der Nacht zum Donnerstag stieg der Pegel dramatisch.", "de") == {
        "2024-05-08": 0.5, "2024-05-09": 0.5}
    assert top_days("Heavy rain fell last night across the region.", "en") == {"2024-05-09": 0.5, "2024-05-10": 0.5}


def test_announced_days_and_distant_dates_are_not_event_days() -> None:
    assert top_days("Am kommenden Montag soll der Ausschuss tagen.", "de") == {}
    assert top_days("The vote is expected next Tuesday.", "en") == {}
    assert top_days("La réunion aura lieu mardi prochain.", "fr") == {}
    assert top_days("Die Bahn rechnet bis Montag mit Ausfällen.", "de") == {}
    assert top_days("Die Flut vom 14. März hatte das Tal verwüstet.", "de") == {}  # two months back
    assert top_days("Am Samstag hatte die Partei ihr Programm vorgestellt.", "de") == {}  # six days back


def test_title_and_lead_weigh_more_than_later_mentions() -> None:
    filler = " Weitere Einzelheiten wurden nicht bekannt." * 10
    days = top_days("Am Donnerstag stürmten Demonstranten den Palast." + filler + " Schon am Dienstag gab es Proteste.",
                    "de")
    assert days == {"2024-05-07": 0.33, "2024-05-09": 0.67}
    titled = top_days(filler + " Schon am Dienstag gab es Proteste.", "de",
                      title="Demonstranten stürmen Palast am Donnerstag")
    assert max(titled, key=lambda d: titled[d]) == "2024-05-09"


def test_year_of_a_date_without_one_is_the_nearest() -> None:
    assert top_days("Der Sturm traf die Küste am 30. Dezember.", "de", pub=date(2025, 1, 2)) == {"2024-12-30": 1.0}


def test_agreement() -> None:
    days = event_days("Am Mittwoch brach der Damm.", None, "de", FRI)
    same = event_days("Seit Mittwoch ist die Straße gesperrt.", None, "de", FRI)
    other = event_days("Am Freitag besuchte der Minister die Region.", None, "de", FRI)
    assert agreement(days, same) == 1.0 and agreement(days, other) == 0.0
    assert agreement(days, {}) is None


def _dev_rows() -> list[dict[str, str]]:
    if not DEV.exists():
        pytest.skip(f"{DEV} not found")
    with DEV.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_dev_articles_mostly_name_their_story_day() -> None:
    """The gold story label carries the happening's day; the resolved main event day should match it."""
    hits = named = dated = 0
    for row in _dev_rows():
        label = re.search(r"\d{4}-\d{2}-\d{2}", row["story"])
        if not row["date"] or label is None:
            continue
        dated += 1
        days = event_days(row["text"], row["title"], row["lang"], date.fromisoformat(row["date"]))
        if days:
            named += 1
            top = max(days.items(), key=lambda kv: (kv[1], -kv[0]))[0]
            hits += date.fromordinal(top).isoformat() == label.group()
    assert named >= 0.7 * dated  # most articles say when
    assert hits >= 0.75 * named  # and mostly the labelled day (81% measured)


def test_event_days_are_deterministic_and_use_the_utc_day() -> None:
    rows = [r for r in _dev_rows() if r["date"]][:80]
    first = [event_days(r["text"], r["title"], r["lang"], date.fromisoformat(r["date"])) for r in rows]
    again = [event_days(r["text"], r["title"], r["lang"], date.fromisoformat(r["date"])) for r in reversed(rows)]
    assert first == again[::-1] and any(first)
    late = datetime(2024, 5, 10, 23, 30, tzinfo=UTC)
    assert article_event_days("Am Freitag brach der Damm.", None, "de", late) == {FRI.toordinal(): 1.0}
    assert article_event_days("Am Freitag brach der Damm.", None, "de", None) == {}
