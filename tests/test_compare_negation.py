"""Statement conflicts by negation and tense (negation.py) on real dev articles read in place:
each test finds a gold pair and keeps a nearby report that agrees silent."""

from __future__ import annotations

from storydiff.compare import compare_articles
from storydiff.compare.align import prepare
from storydiff.compare.negation import find_negation_conflicts, linked
from storydiff.model import Article

Dev = tuple[dict[str, Article], list[dict[str, str]]]


def _found(arts: dict[str, Article], ids: list[str]) -> list[tuple[str, str, str, str]]:
    """``(article, text, article, text)`` of each negation or tense conflict among ``ids``."""
    chosen = [arts[i] for i in ids]
    got = find_negation_conflicts(prepare(chosen), [a.label for a in chosen])
    return [(a.value.article, a.value.text, b.value.article, b.value.text) for _, a, b, _, _ in got]


def _gold(gold: list[dict[str, str]], a: str, b: str) -> dict[str, str]:
    return next(g for g in gold if {g["a"], g["b"]} == {a, b})


def _covers(arts: dict[str, Article], art: str, says: str, text: str) -> bool:
    """Whether the reported ``text`` stands inside the gold span ``says`` of article ``art``."""
    return says in arts[art].text and text in says


def test_negated_noun_against_the_event_affirmed(dev: Dev) -> None:
    arts, gold = dev
    g = _gold(gold, "d0217", "d0218")
    got = _found(arts, ["d0216", "d0217", "d0218"])
    assert [(a, b) for a, _, b, _ in got] == [("d0217", "d0218")]
    _, affirmed, _, negated = got[0]
    assert _covers(arts, "d0217", g["a_says"] if g["a"] == "d0217" else g["b_says"], affirmed)
    assert negated.split()[-1] == "Ausschluss"
    # d0216 has only (sanctioned) banks excluded, which the negating report says too: silent


def test_negated_presence_in_a_place_against_fighting_there(dev: Dev) -> None:
    arts, gold = dev
    g = _gold(gold, "d0202", "d0206")
    got = _found(arts, ["d0201", "d0202", "d0206"])
    assert [(a, b) for a, _, b, _ in got] == [("d0202", "d0206")]
    assert _covers(arts, "d0206", g["b_says"] if g["b"] == "d0206" else g["a_says"], got[0][3])
    # d0201 has the troops fighting at the edge of the city, another place: silent


def test_event_to_come_against_a_state_already_changed(dev: Dev) -> None:
    arts, gold = dev
    g = _gold(gold, "d0105", "d0106")
    got = _found(arts, ["d0105", "d0106"])
    assert len(got) == 1 and {got[0][0], got[0][2]} == {"d0105", "d0106"}
    future = got[0][1] if got[0][0] == "d0105" else got[0][3]
    assert future.startswith("wird") and future.split()[-1] in (g["a_says"] + g["b_says"])
    # an article that says both (to come, and no longer heir) tells a sequence: silent
    both = arts["d0105"].with_changes(text=arts["d0105"].text + "\n\n" + arts["d0106"].text, external_id="both")
    chosen = [both, arts["d0106"]]
    assert find_negation_conflicts(prepare(chosen), [a.label for a in chosen]) == []


def test_whole_comparison_reports_the_gold_pairs(dev: Dev) -> None:
    arts, gold = dev
    for a, b in (("d0217", "d0218"), ("d0202", "d0206")):
        g = _gold(gold, a, b)
        comp = compare_articles([arts[g["a"]], arts[g["b"]]])
        assert any({v.article for v in c.values} == {a, b} and c.fact == "whether it happened"
                   for c in comp.conflicts)


def test_links_need_a_stem_or_a_concept() -> None:
    assert linked("Angriff", "angegriffen") and linked("Gespräche", "Gesprächen")
    assert not linked("Regionalverkehr", "Regionalzüge")  # only a first compound part in common
