"""Cross-language news concepts (storydiff.compare.events) and the change tag of a figure:
sentences of one event in different languages share anchors, figures of a price change pair
across languages (real dev pair read in place, skipped when absent)."""

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.align import prepare
from storydiff.compare.events import context_similarity, event_concept, event_concepts
from storydiff.compare.matching import context_of
from storydiff.compare.scope import qualifiers
from storydiff.model import Article


def test_one_event_in_five_languages_shares_its_concepts() -> None:
    sentences = {
        "de": "Der Präsident hat am Abend seinen Rücktritt erklärt.",
        "en": "The president announced his resignation in the evening.",
        "fr": "Le président a remis sa démission dans la soirée.",
        "es": "El presidente presentó su dimisión por la noche.",
        "ru": "Президент вечером подал в отставку.",
    }
    found = {lang: event_concepts(s) for lang, s in sentences.items()}
    for lang, concepts in found.items():
        assert {"%resign", "%head", "%daytime"} <= concepts, lang


def test_general_words_do_not_leak_into_concepts() -> None:
    assert event_concept("brandenburg") is None  # a place, not a fire
    assert event_concept("according") is None  # not an agreement
    assert event_concept("am") is None  # "am Samstag" names no clock time
    assert event_concept("brand") == "fire"
    assert event_concepts("Die Aktien stürzten ab.") == event_concepts("Shares plunged.")


def test_concepts_count_across_languages_only() -> None:
    de = Article(text="Die Polizei sagt, der Minister trat gestern nach dem Skandal zurück. Er bat um Rücktritt.",
                 external_id="de", language="de")
    es = Article(text="La policía dice que el ministro presentó ayer su dimisión tras el escándalo.",
                 external_id="es", language="es")
    units = prepare([de, es])
    cde, ces = context_of(units[0][1]), context_of(units[1][0])
    assert "%resign" in cde & ces
    assert context_similarity(cde, ces, cross=True) > context_similarity(cde, ces, cross=False)
    assert context_similarity(cde, cde, cross=False) == 1.0


@pytest.mark.parametrize("sentence, figure", [
    ("sending its shares plunging 60 per cent lower on Thursday", "60"),
    ("die Aktien stürzten um 70% in die Tiefe", "70"),
    ("Shares fell 12% in early trading", "12"),
])
def test_a_price_change_is_a_delta(sentence: str, figure: str) -> None:
    at = sentence.index(figure)
    assert "delta" in qualifiers(sentence, at, at + len(figure), "number")


def test_a_level_is_no_delta() -> None:
    s = "Turnout was 60 per cent, the commission said."
    at = s.index("60")
    assert "delta" not in qualifiers(s, at, at + 2, "number")


@pytest.mark.realdata
def test_real_share_drop_conflicts_across_languages(dev: tuple) -> None:
    arts, gold = dev
    g = next(g for g in gold if {g["a"], g["b"]} == {"d0262", "d0257"})
    a, b = arts[g["a"]], arts[g["b"]]
    assert a.language != b.language
    conflicts = compare_articles([a, b]).conflicts

    def hit(art: Article, says: str) -> bool:
        at = art.text.find(says)
        return any(v.article == art.label and v.start < at + len(says) and at < v.end
                   for c in conflicts for v in c.values)

    assert hit(a, g["a_says"]) and hit(b, g["b_says"])
    assert any("70" in v.text for c in conflicts for v in c.values)
