"""Review of the number parsing: numeric dates, figure ranges, a number word ending a sentence and
action/event prefixes that took common words; each test failed on the code before its fix."""

from storydiff.compare.events import event_concept
from storydiff.compare.facts import facts_in_sentence
from storydiff.compare.lexicon import ACTIONS, concept_of
from storydiff.compare.numbers import find_quantities
from storydiff.text.sentences import Sentence


def _anchors(sentence: str) -> list[float | None]:
    return [q.anchor for q in find_quantities(sentence)]


def _ranges(sentence: str) -> list[tuple[str, float, float, str]]:
    return [(q.text, q.low, q.high, q.qualifier) for q in find_quantities(sentence)]


def test_numeric_dates_are_no_figures() -> None:
    assert _anchors("Am 12.03.2020 wurden 20 Menschen festgenommen.") == [20.0]
    assert _anchors("Am 3.4.2020 starben 5 Menschen.") == [5.0]
    assert _anchors("Das Verbot gilt seit dem 12.3.") == []
    assert _anchors("Das war am 12.03. Die Polizei nahm 20 Menschen fest.") == [20.0]
    assert _anchors("On 2020-03-12 the police arrested 20 people.") == [20.0]
    assert _anchors("The index fell 2.5.") == [2.5]  # a decimal, no date
    assert _anchors("Die Aktie fiel um 12.3 Prozent.") == [12.3]


def _dates(text: str) -> list[object]:
    facts, _ = facts_in_sentence("a", Sentence(0, len(text), text), "de", None)
    return [f.value.value for f in facts if f.key == "when:date"]


def test_stated_numeric_dates_are_date_facts() -> None:
    for text in ("Am 12.03.2020 wurden 20 Menschen festgenommen.", "Das war am 12.03. in Berlin.",
                 "Am Mittwoch (12.3.) nahm die Polizei 20 Menschen fest."):
        assert _dates(text) == ["03-12"], text
    assert _dates("Stand: 12.03.2020 14:10 Uhr Die Polizei nahm 20 Menschen fest.") == []  # when it was written


def test_a_dash_range_is_one_quantity() -> None:
    assert _ranges("Bei dem Unglück gab es 20-25 Tote.") == [("20-25 Tote", 20.0, 25.0, "range")]
    assert _ranges("There were 20–25 people killed.") == [("20–25 people", 20.0, 25.0, "range")]
    assert _ranges("Es gab 20 bis 25 Tote.") == [("20 bis 25 Tote", 20.0, 25.0, "range")]
    assert _ranges("between 20 and 25 people were killed.") == [("20 and 25 people", 20.0, 25.0, "range")]
    assert _ranges("Hubo entre 20 y 25 muertos.") == [("20 y 25 muertos", 20.0, 25.0, "range")]
    assert _ranges("Il y a eu entre 20 et 25 morts.") == [("20 et 25 morts", 20.0, 25.0, "range")]


def test_a_range_of_number_words_or_with_a_scale() -> None:
    assert _ranges("Es gab zwanzig bis fünfundzwanzig Tote.") == [
        ("zwanzig bis fünfundzwanzig Tote", 20.0, 25.0, "range")]
    assert _ranges("Der Schaden liegt bei 2 bis 3 Millionen Euro.") == [
        ("2 bis 3 Millionen Euro", 2e6, 3e6, "range")]


def test_a_score_is_no_range() -> None:
    assert all(q.qualifier != "range" for q in find_quantities("Bayern gewann 3-1 gegen Mainz."))


def test_a_number_word_ends_a_sentence() -> None:
    [q] = find_quantities("Die Zahl der Toten stieg auf fünf.")
    assert (q.text, q.anchor, q.noun, q.action) == ("fünf", 5.0, "person", "dead")
    [q] = find_quantities("The death toll rose to twelve.")
    assert (q.text, q.anchor, q.action) == ("twelve", 12.0, "dead")
    assert _anchors("Sie kamen auf hundert.") == [100.0]
    assert _anchors("It fell by ninety per cent.") == [90.0]  # "cent." is no hundred


def test_elect_takes_no_electricity() -> None:
    for word in ("electricity", "électricité", "electrónica", "electric", "électrique"):
        assert event_concept(word) is None, word
    for word in ("elected", "élu", "electoral", "élection", "électeurs", "elección", "избран"):
        assert event_concept(word) == "elect", word


def test_event_prefixes_take_no_common_words() -> None:
    for word in ("gerichtet", "спасибо", "fleet", "gusto", "думаю", "ветеран", "protestant", "companion",
                 "première", "выбор"):
        assert event_concept(word) is None, word
    for word, concept in (("gericht", "trial"), ("fled", "flee"), ("fleeing", "flee"), ("gusts", "wind"),
                          ("дума", "parliament"), ("protest", "protest"), ("companies", "company"),
                          ("выборы", "elect"), ("выборах", "elect"), ("premier", "head")):
        assert event_concept(word) == concept, word


def test_action_prefixes_take_no_common_words() -> None:
    for word in ("deadline", "mortgage", "mortar", "умеренный", "пропаганда", "задержка"):
        assert concept_of(word, ACTIONS) is None, word
    for word, concept in (("dead", "dead"), ("mortos", "dead"), ("morts", "dead"), ("умер", "dead"),
                          ("пропавших", "missing"), ("задержаны", "arrested")):
        assert concept_of(word, ACTIONS) == concept, word


def test_a_signed_figure_ends_no_range() -> None:
    assert all(q.qualifier != "range" for q in find_quantities("Wirecard (WDI 3.5 -71.55%) fiel."))
