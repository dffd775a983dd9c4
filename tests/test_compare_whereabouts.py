"""Whereabouts conflicts: one report places a person somewhere, another says he is still on the way
and his arrival is unknown; on real dev articles (read in place, skipped when absent) and own sentences."""

from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.whereabouts import find_whereabouts_conflicts, placements
from storydiff.model import Article, Conflict

GoldHits = Callable[..., list[Conflict]]


def _states(text: str, lang: str) -> list[tuple[str, str]]:
    units = prepare([Article(text=text, language=lang)])[0]
    return [(p.name, p.state) for u in units for p in placements(u)]


def test_who_a_sentence_places_or_leaves_on_the_way() -> None:
    assert _states("The minister Piet Kowalczyk arrived in Paris on Sunday.", "en") == [
        ("Piet", "present"), ("Kowalczyk", "present")]
    assert _states("Kowalczyk was on his way to Paris, but it is unclear whether he arrived.", "en") == [
        ("Kowalczyk", "unsettled")]
    assert _states("Prinz Kowalczyk traf am Abend im Schloss ein.", "de") == [("Kowalczyk", "present")]
    assert _states("Prinz Kowalczyk traf ein Stein am Kopf.", "de") == []  # "ein" an article, not the particle
    assert _states("El príncipe Kowalczyk está de camino; no está claro si llegó a tiempo.", "es") == [
        ("Kowalczyk", "unsettled")]
    assert _states("Kowalczyk was on his way to Paris.", "en") == []  # no doubt: a journey, not a dispute
    assert _states("Kowalczyk did not arrive in Paris.", "en") == []  # negated: places no one
    # a quotation between name and phrase, and German word order with the subject after the verb
    assert ("Kowalczyk", "present") not in _states("Kowalczyk sagte: „Das Land befindet sich in einer Krise.“", "de")
    assert _states("Nach Angaben der Firma Kowalczyk befand sich der Wagen hinter dem Zug.", "de") == []
    assert _states("Die Regierung hat das Gesetz Kowalczyks noch nicht auf den Weg gebracht.", "de") == []


def test_a_report_that_follows_the_journey_stays_silent() -> None:
    text = "Kowalczyk was on his way to Paris; it was unclear whether he would make it. Later Kowalczyk arrived."
    arts = [Article(text=text, language="en"), Article(text="Kowalczyk arrived in Paris.", language="en")]
    assert find_whereabouts_conflicts(prepare(arts)) == []
    arts[0] = Article(text="Kowalczyk was on his way to Paris; it was unclear whether he would make it.", language="en")
    assert len(find_whereabouts_conflicts(prepare(arts))) == 1


@pytest.mark.realdata
def test_grandson_at_the_castle_against_on_his_way(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0090", "d0092", "statement:whereabouts")
    assert hits and hits[0].kind == "statement"
    assert all("Harry" in v.text or "Weg" in v.text for v in hits[0].values)


@pytest.mark.realdata
def test_other_reports_of_the_story_stay_silent(dev: tuple) -> None:
    arts, _ = dev
    # the family gathered, the heads of state who arrived for the funeral: no one left on the way
    for ids in (("d0090", "d0091", "d0093"), ("d0114", "d0115", "d0116", "d0117")):
        found = find_whereabouts_conflicts(prepare([arts[x] for x in ids if x in arts]))
        assert not found, [(a.value.text, b.value.text) for _, a, b, _, _ in found]


def test_a_comma_ends_the_phrase_of_a_preposition() -> None:
    # "in Windsor" governs Windsor, not the first subject after the comma
    states = _states("After the ceremony in Windsor, Anna and Berta arrived at the castle.", "en")
    assert ("Anna", "present") in states and ("Berta", "present") in states


def test_an_english_article_a_names_no_destination() -> None:
    # "a Reuters reporter" is no trip to Reuters; Spanish "a Madrid" is one
    arts = [Article(text="Anna has already arrived, a Reuters reporter said.", language="en"),
            Article(text="Anna is on her way to Balmoral, but whether she arrives in time is unclear.", language="en")]
    assert len(find_whereabouts_conflicts(prepare(arts))) == 1
    es = [Article(text="Lucía ya se encuentra en Sevilla.", language="es"),
          Article(text="Lucía está de camino a Madrid y no está claro si llegará.", language="es")]
    assert [p.state for u in prepare(es) for x in u for p in placements(x)] == ["present", "unsettled"]
    assert not find_whereabouts_conflicts(prepare(es))
