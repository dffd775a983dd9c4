"""Fixtures shared by the test modules: the dev set of ../shared/dev, read in place."""

import json
from pathlib import Path

import pytest

from storydiff.model import Article

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
