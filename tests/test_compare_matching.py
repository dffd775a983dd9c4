"""Cross-article matching of facts on real dev articles (read in place, skipped when absent)."""

from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.facts import extract_facts
from storydiff.compare.matching import local_similarity
from storydiff.compare.polarity import same_spelling as _same_spelling
from storydiff.model import Article, Conflict

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
pytestmark = pytest.mark.realdata


def _facts_in(art: Article, says: str, kind: str) -> list[tuple[str, object]]:
    at = art.text.find(says)
    assert at >= 0
    return [(f.key, f.value.value) for f in extract_facts(art)
            if f.kind == kind and f.value.start < at + len(says) and at < f.value.end]


def _gold(gold: list[dict[str, str]], a: str, b: str) -> dict[str, str]:
    return next(g for g in gold if g["a"] == a and g["b"] == b)


def _found(c: Conflict, art: Article, says: str) -> bool:
    at = art.text.find(says)
    return any(v.article == art.label and v.start < at + len(says) and at < v.end for v in c.values)


def test_german_death_counts_from_number_words_and_phrases(dev: tuple) -> None:
    arts, gold = dev
    g = _gold(gold, "a0066", "a0065")
    (key_a, va), = _facts_in(arts["a0066"], g["a_says"], "number")
    (key_b, vb), = _facts_in(arts["a0065"], g["b_says"], "number")
    assert key_a == key_b == "person+dead"
    assert (va["anchor"], vb["anchor"]) == (1, 3)


def test_english_coordinated_counts_share_their_verb(dev: tuple) -> None:
    arts, gold = dev
    g = _gold(gold, "a0229", "a0234")
    facts = dict(_facts_in(arts["a0229"], g["a_says"], "number"))
    assert facts["adult+dead"]["anchor"] == 45 and facts["child+dead"]["anchor"] == 5
    assert facts["person+dead"]["anchor"] == 50  # the parts add up to the toll (compare.sums)
    assert dict(_facts_in(arts["a0234"], g["b_says"], "number"))["person+dead"]["qualifier"] == ">"


def test_weekday_with_part_of_day_in_german_and_english(dev: tuple) -> None:
    arts, gold = dev
    g = _gold(gold, "a0070", "a0069")
    assert _facts_in(arts["a0070"], g["a_says"], "date-time") == [("when:weekday", "sat+morning")]
    g = _gold(gold, "d0226", "d0224")
    assert _facts_in(arts["d0226"], g["a_says"], "date-time") == [("when:weekday", "fri")]


def test_whole_article_matching_respects_places(dev: tuple) -> None:
    arts, gold = dev
    g = _gold(gold, "a0267", "a0268")  # the first pair of this story: counts for one state
    comp = compare_articles([arts["a0267"], arts["a0268"]])
    hits = [c for c in comp.conflicts
            if _found(c, arts["a0267"], g["a_says"]) and _found(c, arts["a0268"], g["b_says"])]
    assert hits and hits[0].key == "person+dead"
    # the state's count is never paired with the national count of the other report
    national = next(x for x in gold if x["a"] == "a0267" and x is not g)["b_says"]
    assert not any(_found(c, arts["a0267"], g["a_says"]) and _found(c, arts["a0268"], national)
                   for c in comp.conflicts)


def test_paraphrased_toll_paired_across_sentences(dev: tuple) -> None:
    arts, gold = dev
    g = _gold(gold, "a0066", "a0065")
    comp = compare_articles([arts["a0066"], arts["a0065"]])
    assert any(_found(c, arts["a0066"], g["a_says"]) and _found(c, arts["a0065"], g["b_says"])
               for c in comp.conflicts)


def test_name_spelling_variants() -> None:
    assert _same_spelling("Palast", "Palasts") and _same_spelling("François", "Francois")
    assert _same_spelling("Kouleba", "Kuleba")
    assert not _same_spelling("Dasanayake", "Dissanayake")


def test_compound_meets_its_head() -> None:
    assert local_similarity(frozenset({"foulelfmet"}), frozenset({"elfmet"})) == 1.0
    assert local_similarity(frozenset({"haus"}), frozenset({"rathaus"})) == 0.0
