"""Day-clause events on real dev articles (read in place, skipped when absent): a fronted time
adverbial and a fronted participial clause name one announcement across languages, while days of
other events in long clauses stay silent. Articles carry their publication day, which resolves
``this morning``, ``heute`` and ``yesterday``."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.dayclause import clause_events
from storydiff.model import Article, Conflict

pytestmark = pytest.mark.realdata
DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


@pytest.fixture(scope="module")
def dated() -> dict[str, Article]:
    if not (DEV / "articles.jsonl").exists():
        pytest.skip("dev set absent")
    out = {}
    for line in (DEV / "articles.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        day = datetime.fromisoformat(r["date"]).replace(tzinfo=UTC) if r.get("date") else None
        out[r["id"]] = Article(text=r["text"], external_id=r["id"], language=r["lang"], published=day)
    return out


def _when(arts: list[Article]) -> list[Conflict]:
    return [c for c in compare_articles(arts).conflicts if c.key.startswith("when:")]


def test_fronted_morning_and_afternoon_of_one_announcement_conflict(dated: dict[str, Article]) -> None:
    es, en = dated["d0164"], dated["d0171"]  # "Esta mañana, se ha confirmado" / "Announcing ... afternoon,"
    found = _when([es, en])
    texts = {v.text for c in found for v in c.values}
    assert "Esta mañana" in texts and "Thursday afternoon" in texts
    assert "Thursday morning" not in texts  # another event of that morning (a visit) agrees with nothing


def test_fronted_clauses_give_their_events(dated: dict[str, Article]) -> None:
    t = dated["d0164"].text
    at = t.index("Esta mañana")
    end = t.index(".", at)
    assert "%resign" in clause_events(t, at, at + len("Esta mañana"), (at, end))
    t = dated["d0171"].text
    at = t.index("Thursday afternoon")
    assert "%announce" in clause_events(t, at, at + len("Thursday afternoon"), (t.rindex("\n", 0, at), t.index(".", at)))


@pytest.mark.parametrize("ids", [("d0091", "d0094"), ("d0099", "d0102")])
def test_days_of_other_events_in_long_clauses_stay_silent(dated: dict[str, Article], ids: tuple[str, str]) -> None:
    # the queen died "heute" / the new king returns "am Freitag"; she died "yesterday" / his speech "am Freitagabend"
    assert not _when([dated[x] for x in ids])


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_speaking_in_public_with_either_apostrophe_is_an_announcement(apostrophe: str) -> None:
    t = f"Ce matin, en s{apostrophe}exprimant devant la presse, le roi a parlé."
    assert "%announce" in clause_events(t, 0, len("Ce matin"), (0, len(t)))
