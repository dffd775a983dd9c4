"""A figure's counted noun ends at a preposition, a pronoun or a day; in a partition ("12 der
insgesamt 35 Bewohner") the sentence's verb belongs to the part; a bare figure with "sie"/"it"
counts the "number of X" of the sentence before. Own short sentences (de, en)."""

from storydiff.compare.facts import extract_facts
from storydiff.compare.numbers import find_quantities
from storydiff.model import Article


def _counted(sentence: str, previous: str = "") -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.noun, q.action) for q in find_quantities(sentence, previous)]


def test_a_place_a_name_or_a_day_after_a_figure_is_not_what_it_counts() -> None:
    assert _counted("Insgesamt starben 157 in ganz Deutschland.") == [("157", "person", "dead")]
    assert _counted("The toll reached 40 on Sunday.") == [("40", "person", "dead")]
    assert _counted("Auf 112 schätzt sie Müller.") == [("112", None, None)]
    assert _counted("Es gab 54 bei Hamburg.") == [("54", None, None)]
    # a counted noun right after the figure is still found
    assert _counted("In Hamburg wurden 54 Menschen verletzt.") == [("54 Menschen", "person", "injured")]
    assert _counted("The club sold 40 Tickets on Sunday.")[0][:2] == ("40 Tickets", "ticke")


def test_the_verb_of_a_partition_belongs_to_the_part_not_to_the_whole() -> None:
    de = _counted("Im Heim kamen 12 der insgesamt 35 Bewohner ums Leben.")
    assert de == [("12 der insgesamt 35 Bewohner", "resident", "dead"), ("35 Bewohner", "resident", None)]
    en = _counted("Six of the 15 residents were killed.")
    assert en == [("Six of the 15 residents", "resident", "dead"), ("15 residents", "resident", None)]
    assert _counted("Six out of a total of 15 residents were killed.")[1] == ("15 residents", "resident", None)
    assert _counted("Es starben 8 von 40 Gästen.") == [("8 von 40 Gästen", "person", "dead"),
                                                       ("40 Gästen", "person", None)]


def test_one_amount_of_two_figures_is_no_partition() -> None:
    assert _counted("Hundreds of thousands of people were evacuated.") == [
        ("Hundreds", None, None), ("thousands of people", "person", "evacuated")]
    assert _counted("Von 300 bis 400 Menschen wurden festgenommen.") == [
        ("300 bis 400 Menschen", "person", "arrested")]


def test_a_pronoun_takes_up_the_number_named_in_the_sentence_before() -> None:
    prev = "Die Zahl der gemeldeten Todesopfer steigt weiter."
    assert _counted("Bei 112 beziffert sie die Ministerin.", prev) == [("112", "person", "dead")]
    assert _counted("It now stands at 112.", "The number of dead keeps rising.") == [("112", "person", "dead")]
    # no pronoun, or a figure already given before: nothing is carried over
    assert _counted("Die Grenze liegt bei 112.", prev) == [("112", None, None)]
    assert _counted("It now stands at 112.", "The number of dead rose to 100.") == [("112", None, None)]


def test_facts_carry_the_count_across_two_sentences() -> None:
    art = Article(text="Die Zahl der Todesopfer steigt weiter. Bei 112 beziffert sie die Ministerin am Abend.",
                  language="de")
    keys = {(f.key, f.value.text) for f in extract_facts(art) if f.kind == "number"}
    assert ("person+dead", "112") in keys
