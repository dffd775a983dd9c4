"""Durations after an event ("une heure après" / "quelques heures après") and relative days resolved
with each report's publication date ("gestern" / "today"); dev articles read in place."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.durations import article_is_one, few_at, relation_after
from storydiff.compare.numbers import find_quantities
from storydiff.model import Article, Conflict

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


def _w(text: str) -> list[str]:
    return text.split()


def _found(arts: list[Article]) -> list[Conflict]:
    return compare_articles(arts).conflicts


def _says(c: Conflict, article: str, text: str) -> bool:
    return any(v.article == article and text in v.text for v in c.values)


@pytest.fixture(scope="module")
def dated() -> dict[str, Article]:
    """Dev articles by id with their publication dates (relative days need them)."""
    if not (DEV / "articles.jsonl").exists():
        pytest.skip("dev set absent")
    rows = [json.loads(line) for line in (DEV / "articles.jsonl").open(encoding="utf-8")]
    return {r["id"]: Article(text=r["text"], external_id=r["id"], language=r["lang"],
                             published=datetime.fromisoformat(r["date"]).replace(tzinfo=UTC))
            for r in rows if r.get("date")}


def test_an_article_is_one_only_in_a_duration_phrase() -> None:
    assert article_is_one(_w("eine stunde nach dem"), 0) and article_is_one(_w("an hour after the"), 0)
    assert not article_is_one(_w("eine stunde lang"), 0) and not article_is_one(_w("an hour of"), 0)
    assert few_at(_w("a few days later"), 1) and few_at(_w("ein paar stunden"), 1)
    assert not few_at(_w("few people"), 0) and not few_at(_w("unos 200 detenidos"), 0)
    assert relation_after(" más tarde") == "after" and relation_after(" zuvor") == "before"


def test_one_hour_after_is_not_a_few_hours_after(dev) -> None:  # type: ignore[no-untyped-def]
    arts, _ = dev
    one = [q for q in find_quantities(arts["d0074"].text[:400]) if q.noun == "hour"]
    assert one and one[0].anchor == 1.0
    found = _found([arts["d0074"], arts["d0068"]])
    assert any(_says(c, "d0074", "une heure") and _says(c, "d0068", "quelques heures") for c in found)
    # minutes before one announcement and minutes after it are two durations, not one told twice
    found = _found([arts["d0183"], arts["d0176"]])
    assert not any(_says(c, "d0183", "quelques minutes") for c in found)


def test_yesterday_and_today_of_one_resignation(dated: dict[str, Article]) -> None:
    # published the same day: "gestern" is the day before "today"
    found = _found([dated["d0142"], dated["d0143"]])
    assert any(c.kind == "date-time" and _says(c, "d0142", "gestern") and _says(c, "d0143", "today")
               for c in found)
    # published a day apart, "today" and "gestern" name the same day
    assert not any(c.kind == "date-time" for c in _found([dated["d0138"], dated["d0142"]]))
    # the day someone fled, named in another clause, is not the day of the resignation
    assert not any(_says(c, "d0142", "gestern") for c in _found([dated["d0141"], dated["d0142"]]))
