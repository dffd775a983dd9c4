"""A store that cannot be used gives one clear line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from storydiff.cli import main
from storydiff.store import Store

RECORD = json.dumps({"id": "r1", "text": "Der Stadtrat hat den Haushalt beschlossen, sagte die Sprecherin."}) + "\n"


def test_store_path_below_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plain.txt").write_text("x")
    db = tmp_path / "plain.txt" / "s.db"
    assert main(["--db", str(db), "stats"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and str(db) in captured.err and "Traceback" not in captured.err


def test_locked_store_is_a_clear_error_and_loses_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db, batch = tmp_path / "s.db", tmp_path / "a.jsonl"
    batch.write_text(RECORD)
    assert main(["-q", "--db", str(db), "ingest", str(batch)]) == 0
    capsys.readouterr()

    def locked(self: Store) -> Iterator[sqlite3.Connection]:  # what BEGIN IMMEDIATE raises after busy_timeout
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Store, "transaction", locked)
    batch.write_text(RECORD.replace("r1", "r2"))
    assert main(["-q", "--db", str(db), "ingest", "--json", str(batch)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(db) in captured.err and "database is locked" in captured.err and "Traceback" not in captured.err
    monkeypatch.undo()
    with Store.open(db) as store:
        assert store.articles.count() == 1 and store.articles.get("r1") is not None
