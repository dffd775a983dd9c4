"""Recall fixes of conflict finding, on real dev articles (read in place, skipped when absent):
a verb of the previous sentence is not a figure's action, an article's repeated mention of a
disputed figure is part of the conflict, a match result is paired by the opponent named after it,
and a score read from the other team's side is no conflict."""

from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.conflicts import _judge
from storydiff.compare.facts import extract_facts
from storydiff.model import Article, Conflict, Fact, FactValue

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
pytestmark = pytest.mark.realdata


def _gold(gold: list[dict[str, str]], a: str, b: str) -> dict[str, str]:
    return next(g for g in gold if g["a"] == a and g["b"] == b)


def _found(c: Conflict, art: Article, says: str) -> bool:
    at = art.text.find(says)
    assert at >= 0
    return any(v.article == art.label and v.start < at + len(says) and at < v.end for v in c.values)


def test_a_verb_of_the_previous_sentence_is_not_the_action(dev: tuple) -> None:
    arts, _ = dev
    art = arts["a0229"]  # "... children died. About 100 people were injured."
    facts = {f.value.text: f.key for f in extract_facts(art) if f.kind == "number"}
    about = next(t for t in facts if t.startswith("About 100"))
    assert facts[about] == "person+injured"
    assert any(k == "person+dead" for t, k in facts.items() if t.startswith("45"))


def test_repeated_mentions_of_a_disputed_figure_join_the_conflict(dev: tuple) -> None:
    arts, gold = dev
    g = _gold(gold, "d0011", "d0014")  # the other article states its figure twice
    comp = compare_articles([arts["d0011"], arts["d0014"]])
    hits = [c for c in comp.conflicts if _found(c, arts["d0011"], g["a_says"]) and _found(c, arts["d0014"], g["b_says"])]
    assert hits and hits[0].key == "meter+-"
    assert sum(v.article == "d0014" for v in hits[0].values) == 2


def test_final_scores_pair_by_the_opponent_named_after_them(dev: tuple) -> None:
    arts, gold = dev
    g = _gold(gold, "a0247", "a0250")  # one report gives three running scores, the other one result
    comp = compare_articles([arts["a0247"], arts["a0250"]])
    hits = [c for c in comp.conflicts if _found(c, arts["a0247"], g["a_says"]) and _found(c, arts["a0250"], g["b_says"])]
    assert hits and hits[0].key == "score"
    assert {v.text for v in hits[0].values} == {"3-0", "5-0"}  # not the running "2-0" or "4-0"


def test_a_score_read_from_the_other_side_agrees() -> None:
    def score(text: str) -> Fact:
        return Fact("number", "score", FactValue("x", text, 0, len(text), text.replace("-", ":")), {})

    assert _judge(score("0:2"), score("2:0")) is None  # "0:2 gegen Mainz" / "2:0 für Mainz"
    verdict = _judge(score("3-0"), score("5:0"))
    assert verdict is not None and verdict[0] == "conflict"
