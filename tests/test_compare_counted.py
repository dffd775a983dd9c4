"""A bare figure counts what its clause's "number of X" names (``Die Zahl der Todesopfer stieg
auf fast 160``): own sentences, and a gold pair of the dev set read in place (skipped when absent)."""

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.numbers import find_quantities
from storydiff.model import Article


def _counted(sentence: str) -> list[tuple[str | None, str | None]]:
    return [(q.noun, q.action) for q in find_quantities(sentence)]


def test_the_number_of_dead_names_what_a_bare_figure_counts() -> None:
    assert _counted("Die Zahl der Toten stieg am Abend auf 42.") == [("person", "dead")]
    assert _counted("The number of injured rose to 40.") == [("person", "injured")]
    assert _counted("Le nombre de blessés est passé à 40.") == [("person", "injured")]


def test_without_a_counted_person_a_bare_figure_stays_uncounted() -> None:
    assert _counted("Die Zahl der Häuser stieg auf 30.") == [(None, None)]
    assert _counted("Die Zahl der Toten ist hoch, die Feuerwehr der Stadt zählte 30.") == [(None, None)]  # a clause on


def test_a_bare_toll_conflicts_with_a_counted_toll() -> None:
    arts = [Article(text="Die Zahl der Todesopfer stieg am Sonntag auf fast 160.", language="de"),
            Article(text="Bei dem Hochwasser sind mindestens 150 Menschen ums Leben gekommen.", language="de")]
    conflicts = compare_articles(arts).conflicts
    assert any({v.text for v in c.values} == {"fast 160", "mindestens 150 Menschen"} for c in conflicts)


@pytest.mark.realdata
def test_the_dev_pair_of_national_tolls_is_found(dev: tuple) -> None:
    arts, gold = dev
    g = next(g for g in gold if g["a_says"] == "auf fast 160")
    a, b = arts[g["a"]], arts[g["b"]]
    comp = compare_articles([a, b])

    def hit(art: Article, says: str, c: object) -> bool:
        at = art.text.find(says)
        return any(v.article == art.label and v.start < at + len(says) and at < v.end
                   for v in c.values)  # type: ignore[attr-defined]

    assert any(hit(a, g["a_says"], c) and hit(b, g["b_says"], c) for c in comp.conflicts)


def test_separable_verb_closing_the_clause_gives_the_action() -> None:
    from storydiff.compare.numbers import find_quantities

    got = find_quantities("Die Polizei nahm am Abend mehr als 120 Demonstranten fest.")
    assert [(q.anchor, q.noun, q.action) for q in got] == [(120.0, "person", "arrested")]
    fixed = find_quantities("Die Stadt legte für das Fest 20 neue Regeln fest.")
    assert [q.action for q in fixed] == [None]  # "festlegen" is no action of the tables


def test_a_scale_word_makes_one_a_figure_and_survives_the_full_stop() -> None:
    from storydiff.compare.numbers import find_quantities

    one = find_quantities("Die Regierung stellt eine Milliarde Euro bereit.")
    assert [(q.text, q.anchor) for q in one] == [("eine Milliarde Euro", 1e9)]
    end = find_quantities("The government approved an aid package of $2 billion.")
    assert [(q.text, q.anchor) for q in end] == [("2 billion", 2e9)]
    assert find_quantities("Ein Mann wurde am Abend gesehen.") == []  # "ein" alone stays an article
