"""Review of the comparison's number words, spaced figures, compound nouns, lexicon entries and
past-perfect pairing: each test failed on the code before its fix."""

from storydiff.compare import compare_articles
from storydiff.compare.events import event_concept
from storydiff.compare.nouns import noun_class
from storydiff.compare.numbers import find_quantities
from storydiff.compare.numwords import number_at
from storydiff.model import Article


def _anchors(sentence: str) -> list[float | None]:
    return [q.anchor for q in find_quantities(sentence)]


def test_a_figure_after_a_month_counts_unless_it_can_be_its_day() -> None:
    assert 200.0 in _anchors("Am 3. Mai 200 Tote, am 4. Mai weitere.")
    assert 300.0 in _anchors("In July 300 people were arrested.")
    assert 50.0 in _anchors("During the march 50 people were arrested.")
    assert 14.0 not in _anchors("Since July 14 the town has been quiet.")  # a day stays a day


def test_number_words_do_not_join_across_punctuation() -> None:
    assert 205.0 not in _anchors("Es starben zweihundert (fünf Kinder) Menschen.")
    assert 25.0 not in _anchors("They counted twenty – five of them children.")
    assert 220.0 not in _anchors("Of two hundred, twenty were children.")
    assert 25.0 in _anchors("Es starben fünfundzwanzig Menschen.")
    assert 25.0 in _anchors("There were twenty five people.")


def test_a_compound_number_word_ends_a_sentence() -> None:
    assert _anchors("The death toll rose to twenty five.") == [25.0]
    assert _anchors("Число погибших: двадцать пять.") == [25.0]


def test_spanish_twenties_with_an_accent() -> None:
    assert [number_at([w], 0) for w in ("veintidós", "veintitrés", "veintiséis")] == [
        (22.0, 0), (23.0, 0), (26.0, 0)]


def test_a_leading_zero_starts_no_spaced_figure() -> None:
    anchors = _anchors("Hinweise unter Tel. 089 123 456 an die Polizei, 5 Menschen verletzt.")
    assert 89123456.0 not in anchors and 5.0 in anchors
    assert 3800.0 in _anchors("Plus de 3 800 personnes.")


def test_english_cents_and_per_cent_are_no_hundreds() -> None:
    assert 5000.0 not in _anchors("It costs fifty cents per litre.")
    assert 100.0 not in _anchors("Votaron veinte por ciento de los electores.")
    assert 500.0 in _anchors("Il y a cinq cents personnes.")  # French "cents" still multiplies
    assert 150.0 in _anchors("Murieron ciento cincuenta personas.")


def test_a_unit_compound_takes_no_unit_head() -> None:
    for word in ("quadratkilometer", "quadratmeter", "kubikmeter", "zentimeter", "kilowattstunden"):
        assert noun_class(word) is None, word
    assert noun_class("bergleute") == "person" and noun_class("schulkinder") == "child"
    assert noun_class("kilometer") == "kilometer" and noun_class("todesopfern") == "person"


def test_russian_chief_is_no_beginning() -> None:
    assert event_concept("начальник") is None and event_concept("начальника") is None
    assert event_concept("начали") == "begin" and event_concept("начинается") == "begin"
    assert event_concept("обойдут") is None and event_concept("обойдется") == "price"  # bypass / will cost


def test_twenty_two_dozen_multiplies_the_whole_numeral() -> None:
    assert number_at(["twenty", "two", "dozen", "eggs"], 0) == (264.0, 2)
    assert number_at(["zwei", "dutzend"], 0) == (24.0, 1)


def test_past_perfect_day_in_an_unsupported_language_does_not_crash() -> None:
    a = Article(text="The protests had begun on Friday in the capital. Thousands joined.", external_id="a",
                language="xx")
    b = Article(text="The protests began on Saturday in the capital. Thousands joined.", external_id="b",
                language="xx")
    compare_articles([a, b])  # simplemma knows no "xx": no ValueError


def test_a_figure_beyond_float_range_does_not_crash() -> None:
    a = Article(text=f"Bei dem Unglück starben {'1' * 400} Menschen.", external_id="a", language="de")
    b = Article(text="Bei dem Unglück starben 5 Menschen.", external_id="b", language="de")
    compare_articles([a, b])  # no OverflowError from an infinite figure
    assert _anchors(f"Es starben {'9' * 400} Menschen.") == []


def test_many_figures_in_one_sentence_take_linear_time() -> None:
    import time

    sentence = "1 " * 10000
    t0 = time.perf_counter()
    find_quantities(sentence)
    assert time.perf_counter() - t0 < 1.5  # each figure's neighbours were found by scanning all figures


def test_a_spanish_date_is_no_count() -> None:
    assert _anchors("El 14 de mayo murieron 5 personas.") == [5.0]
    assert _anchors("El 3 de marzo de 2020 murieron 30 personas.") == [30.0]


def test_cents_after_a_figure_and_french_mille_cent() -> None:
    assert _anchors("It costs ninety-nine cents a day.") == [99.0]
    assert _anchors("Es kostet 1,50 Euro und 20 Cent mehr.") == [1.5, 20.0]
    assert _anchors("Il y a eu mille cent morts.") == [1100.0]
