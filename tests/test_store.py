from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storydiff.errors import SchemaVersionError
from storydiff.model import Article
from storydiff.store import Store
from storydiff.store.articles import UpsertOutcome
from storydiff.store.migrations import SCHEMA_VERSION


def _article(n: int, text: str = "Der Text Nummer {n} über Almaty.") -> Article:
    return Article(
        text=text.format(n=n),
        url=f"https://example.test/{n}",
        source="example.test",
        title=f"Titel {n}",
        published=datetime(2022, 1, 7, n, tzinfo=UTC),
        language="de",
        external_id=f"ex{n}",
    )


def test_upsert_is_idempotent_and_detects_updates(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            assert store.articles.upsert(_article(1)) is UpsertOutcome.NEW
            assert store.articles.upsert(_article(1)) is UpsertOutcome.UNCHANGED
            assert store.articles.upsert(_article(1, "Geänderter Text {n}.")) is UpsertOutcome.UPDATED
        assert store.articles.count() == 1
        got = store.articles.get("ex1")
        assert got is not None and got.text == "Geänderter Text 1."
        assert got.published == datetime(2022, 1, 7, 1, tzinfo=UTC)


def test_full_text_search_and_filters(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            for n in range(1, 4):
                store.articles.upsert(_article(n))
            store.articles.upsert(
                Article(text="Schießbefehl in Kasachstan", url="https://b.test/1", source="b.test", language="de")
            )
        assert [a.external_id for a in store.articles.list(search="Nummer 2")] == ["ex2"]
        assert [a.url for a in store.articles.list(search="Kasachstan")] == ["https://b.test/1"]
        assert len(store.articles.list(source="example.test")) == 3
        since = datetime(2022, 1, 7, 2, tzinfo=UTC)
        assert [a.external_id for a in store.articles.list(since=since)] == ["ex2", "ex3"]
        # user input is never FTS syntax
        assert store.articles.list(search='"NEAR(" OR *') == []


def test_exact_duplicates_by_hash(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            store.articles.upsert(Article(text="Gleicher Text.", url="https://a.test/1"))
            store.articles.upsert(Article(text="gleicher  text .", url="https://b.test/1"))
        groups = store.articles.exact_duplicate_groups()
        assert len(groups) == 1 and len(groups[0]) == 2


def test_rollback_keeps_previous_batches(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            store.articles.upsert(_article(1))
        with pytest.raises(RuntimeError), store.transaction():
            store.articles.upsert(_article(2))
            raise RuntimeError("boom")
        assert store.articles.count() == 1


def test_reopen_keeps_data_and_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        with store.transaction():
            store.articles.upsert(_article(1))
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store.open(path) as store:
        assert store.articles.count() == 1
        assert store.schema_version() == SCHEMA_VERSION


def test_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(SchemaVersionError, match="schema version"):
        Store.open(path)


def test_upsert_many_matches_one_by_one(tmp_path: Path) -> None:
    first, edited = _article(1), _article(1, "Geänderter Text {n}.")
    with Store.open(tmp_path / "s.db") as store:
        with store.transaction():
            outcomes = store.articles.upsert_many([first, _article(2), first, edited, _article(2)])
        assert outcomes == [UpsertOutcome.NEW, UpsertOutcome.NEW, UpsertOutcome.UNCHANGED, UpsertOutcome.UPDATED,
                            UpsertOutcome.UNCHANGED]
        assert store.articles.count() == 2
        got = store.articles.get("ex1")
        assert got is not None and got.text == "Geänderter Text 1."
        assert store.articles.ids_by_hash([first.content_hash, edited.content_hash]) == {
            edited.content_hash: {edited.id}
        }
