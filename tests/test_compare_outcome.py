"""Match outcome in words vs a final score (storydiff.compare.outcome)."""

from __future__ import annotations

from storydiff.compare import compare_articles
from storydiff.compare.align import prepare
from storydiff.compare.outcome import find_outcome_conflicts
from storydiff.model import Article
from storydiff.settings import CompareSettings


def _pairs(a: str, b: str, lang: str = "de") -> list[tuple[str, str]]:
    units = prepare([Article(text=a, language=lang), Article(text=b, language=lang)])
    return [(x.value.text, y.value.text) for _, x, y, _, _ in find_outcome_conflicts(units)]


def test_draw_score_contradicts_a_defeat() -> None:
    assert _pairs("Am Ende verliert Hansa Rostock gegen Cottbus.", "Mit 1:1 trennte sich Hansa von Cottbus.") \
        == [("verliert", "1:1")]
    assert _pairs("Leeds beat Everton on Sunday.", "Everton and Leeds drew on Sunday.", "en")


def test_no_conflict_when_outcomes_agree_or_score_is_not_final() -> None:
    assert not _pairs("Hansa Rostock gewinnt gegen Cottbus.", "Mit 2:1 trennte sich Hansa von Cottbus.")
    assert not _pairs("Hansa Rostock gewinnt gegen Cottbus.", "Hansa ging gegen Cottbus 1:1 in die Pause.")
    assert not _pairs("Hansa Rostock hat nicht gewonnen gegen Cottbus.", "Hansa trennte sich 1:1 von Cottbus.")


def test_dev_defeat_vs_draw(dev: tuple[dict[str, Article], list[dict[str, str]]]) -> None:
    arts, gold = dev
    g = next(g for g in gold if g["kind"] == "statement" and g["a"] == "a0090" and g["b"] == "a0091")
    res = compare_articles([arts["a0090"], arts["a0091"]], CompareSettings())
    hits = [c for c in res.conflicts if c.key == "statement:result:match"]
    assert hits and {"2:2", "verliert"} <= {v.text for v in hits[0].values}
    assert "2:2" in g["b_says"]
