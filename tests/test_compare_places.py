"""Place qualifiers of counts (:mod:`storydiff.compare.places`) on real dev sentences."""

import json
from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.places import places_in
from storydiff.model import Article

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


def test_named_places_kept_and_prepositional_nouns_dropped() -> None:
    assert places_in("Drei Tote in Brandenburg, zwei in Bayern.") == {"brand", "bayer"}
    assert places_in("Nach Angaben der Polizei wurden in der Nacht im Zug zwei verletzt.") == frozenset()
    assert places_in("Im Kreis Ahrweiler starben 110 Menschen.") == {"ahrwe"}


@pytest.mark.realdata
def test_source_and_vehicle_phrases_do_not_split_one_count() -> None:
    """"im Hintergrund" (in the background of a video) is no place: the clip's length said with it
    and the length said with a town name are one figure, and the two figures are a conflict."""
    if not (DEV / "articles.jsonl").exists():
        pytest.skip("dev set absent")
    rows = {r["id"]: r for r in map(json.loads, (DEV / "articles.jsonl").open(encoding="utf-8"))}
    gold = next(g for g in map(json.loads, (DEV / "conflicts.jsonl").open(encoding="utf-8"))
                if g["a"] == "d0015" and g["b"] == "d0024")
    arts = [Article(text=rows[i]["text"], external_id=i, language=rows[i]["lang"]) for i in ("d0015", "d0024")]
    sentence_a = next(s for s in arts[0].text.split(". ") if gold["a_says"] in s)
    assert "Hintergrund" in sentence_a and "hinte" not in places_in(sentence_a)
    comp = compare_articles(arts)
    at_a, at_b = arts[0].text.find(gold["a_says"]), arts[1].text.find(gold["b_says"])
    assert any(
        any(v.article == "d0015" and at_a <= v.start < at_a + len(gold["a_says"]) for v in c.values)
        and any(v.article == "d0024" and at_b <= v.start < at_b + len(gold["b_says"]) for v in c.values)
        for c in comp.conflicts)
