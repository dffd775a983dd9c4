"""Counts given in parts (:mod:`storydiff.compare.sums`): a sum of listed parts against another report's
total, a share of a stated total, a loss of lives; on dev articles read in place, and own short sentences."""

from storydiff.compare import compare_articles
from storydiff.compare.numbers import find_quantities
from storydiff.model import Article, Conflict


def _counted(sentence: str) -> list[tuple[str, float | None, str | None, str | None]]:
    return [(q.text, q.anchor, q.noun, q.action) for q in find_quantities(sentence)]


def _pairs(arts: list[Article]) -> list[Conflict]:
    return compare_articles(arts).conflicts


def _says(c: Conflict, article: str, text: str) -> bool:
    return any(v.article == article and text in v.text for v in c.values)


def test_parts_joined_by_a_conjunction_add_up_to_one_count_of_people() -> None:
    assert _counted("Bei dem Angriff wurden drei Soldaten und zwei Zivilisten getötet.")[-1] == (
        "drei Soldaten und zwei Zivilisten", 5.0, "person", "dead")
    # a part that counts plain people counts its own word once it is a part
    assert ("45 adults", 45.0, "adult", "dead") in _counted("45 adults and 5 children died.")
    # different actions, or one kind of people only, make no sum
    assert all(q[1] != 130.0 for q in _counted("30 people died and 100 people were injured."))
    assert len(_counted("Zwei Menschen starben in Berlin, drei in Hamburg.")) <= 2


def test_a_sum_of_parts_meets_the_other_reports_toll(dev) -> None:  # type: ignore[no-untyped-def]
    arts, _ = dev
    found = _pairs([arts["a0229"], arts["a0234"]])
    assert any(_says(c, "a0229", "45 adults and 5 children") and _says(c, "a0234", "35") for c in found)
    # the children, a part of the toll, are not set against the whole toll of the other report
    assert not any(_says(c, "a0229", "5 children") and not _says(c, "a0229", "45") for c in found)


def test_a_share_of_a_stated_total_and_a_loss_of_lives() -> None:
    assert _counted("La région déplore la perte de 110 personnes, sur un total de 157 dans le pays.") == [
        ("110 personnes", 110.0, "person", "dead"), ("157", 157.0, "person", "dead")]
    # no total word: the bare figure counts nothing
    assert _counted("Elle compte 110 personnes, dont 157 dans le pays.")[1][2:] == (None, None)
    # a loss of jobs is no toll
    assert _counted("La perte de 500 emplois inquiète.")[0][3] is None


def test_a_national_total_meets_the_other_reports_national_toll(dev) -> None:  # type: ignore[no-untyped-def]
    arts, _ = dev
    found = _pairs([arts["d0031"], arts["d0027"]])
    assert any(_says(c, "d0031", "156") and _says(c, "d0027", "157") for c in found)
    # the region's share (110 of the 157) is not set against the national toll
    assert not any(_says(c, "d0027", "110") for c in found)
