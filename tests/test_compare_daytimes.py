"""Times of one event told differently: a zone after ``Uhr``, the only clock times of two reports in two
languages, noon against afternoon, the only centuries of two reports; dev articles read in place."""

from storydiff.compare import compare_articles
from storydiff.compare.when import clock_zone, near_centuries, weekdays_differ
from storydiff.model import Article, Conflict


def _found(arts: list[Article]) -> list[Conflict]:
    return compare_articles(arts).conflicts


def _says(c: Conflict, article: str, text: str) -> bool:
    return any(v.article == article and text in v.text for v in c.values)


def test_a_zone_after_the_unit_word_is_read() -> None:
    assert clock_zone(" Uhr MESZ wurde", "de", None)["zone"] == 120
    assert clock_zone(" Uhr Ortszeit ein", "de", None)["zone"] == "local"
    assert clock_zone(" Uhrzeit", "de", None)["zone"] is None


def test_the_only_clock_times_of_two_languages_meet_by_their_event(dev) -> None:  # type: ignore[no-untyped-def]
    arts, _ = dev
    found = _found([arts["a0115"], arts["a0254"]])
    assert any(c.kind == "date-time" and _says(c, "a0115", "06.07") and _says(c, "a0254", "6:05") for c in found)
    # the date of the Russian report meets no clock time
    assert not any(_says(c, "a0254", "октября") for c in found)


def test_noon_is_a_point_of_the_day(dev) -> None:  # type: ignore[no-untyped-def]
    assert weekdays_differ("mon+noon", "mon+afternoon") and weekdays_differ("mon+morning", "mon+noon")
    assert not weekdays_differ("mon+evening", "mon+night") and not weekdays_differ("mon", "mon+noon")
    arts, _ = dev
    found = _found([arts["d0245"], arts["d0246"]])
    assert any(_says(c, "d0245", "Montagnachmittag") and _says(c, "d0246", "Mittag") for c in found)
    assert not any(_says(c, "d0245", "Sonntag") for c in found)


def test_the_only_centuries_of_two_reports_one_apart(dev) -> None:  # type: ignore[no-untyped-def]
    assert near_centuries("12", "13") and not near_centuries("12", "19")
    arts, _ = dev
    found = _found([arts["d0075"], arts["d0067"]])
    assert any(c.fact == "century" and _says(c, "d0075", "12.") and _says(c, "d0067", "13.") for c in found)
    # a 19th-century spire is another thing than a 12th-century cathedral
    assert not any(c.fact == "century" for c in _found([arts["d0075"], arts["d0069"]]))
