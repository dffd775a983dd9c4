"""Fixtures shared by the test modules: the dev set of ../shared/dev, read in place."""

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.model import Article, Conflict

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


@pytest.fixture(scope="session")
def dev() -> tuple[dict[str, Article], list[dict[str, str]]]:
    """Dev articles by id (text, id and language only) and the gold conflict pairs; skips when absent."""
    if not (DEV / "articles.jsonl").exists():
        pytest.skip("dev set absent")
    rows = [json.loads(line) for line in (DEV / "articles.jsonl").open(encoding="utf-8")]
    arts = {r["id"]: Article(text=r["text"], external_id=r["id"], language=r["lang"]) for r in rows}
    gold = [json.loads(line) for line in (DEV / "conflicts.jsonl").open(encoding="utf-8")]
    return arts, gold


GoldHits = Callable[..., list[Conflict]]


@pytest.fixture(scope="session")
def gold_hits(dev: tuple[dict[str, Article], list[dict[str, str]]]) -> GoldHits:
    """``gold_hits(a, b, key_prefix="", others=())``: the conflicts that comparing articles ``a``,
    ``b`` (and ``others``) reports with a value inside each statement of the gold pair ``(a, b)``,
    counted as benchmarks/compare.py counts them; only keys starting with ``key_prefix``."""
    arts, gold = dev

    def covers(c: Conflict, label: str, says: str) -> bool:
        at = arts[label].text.find(says)
        assert at >= 0, f"gold statement not in {label}"
        return any(v.article == label and v.start < at + len(says) and at < v.end for v in c.values)

    def hits(a: str, b: str, key_prefix: str = "", others: Sequence[str] = ()) -> list[Conflict]:
        g = next(g for g in gold if g["a"] == a and g["b"] == b)
        comp = compare_articles([arts[x] for x in (a, b, *others)])
        return [c for c in comp.conflicts
                if c.key.startswith(key_prefix) and covers(c, a, g["a_says"]) and covers(c, b, g["b_says"])]

    return hits
