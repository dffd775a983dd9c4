from __future__ import annotations

import json
from pathlib import Path

import pytest

from storydiff.cli import main

SHARED = Path(__file__).resolve().parents[2] / "shared"

ONE = """Hochwasser in Lindenau: Hunderte Menschen evakuiert

Nach tagelangem Regen ist der Fluss in Lindenau über die Ufer getreten. Mehr als 400 Menschen mussten am Montag ihre Häuser verlassen, teilte die Stadtverwaltung mit.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_articles_show_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    (tmp_path / "one.txt").write_text(ONE, encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "ingest", str(tmp_path / "one.txt"))
    assert code == 0
    assert out.strip().startswith("read 1, new 1, unchanged 0")
    code, out, _ = run(capsys, "--db", db, "ingest", str(tmp_path / "one.txt"))
    assert "new 0, unchanged 1" in out
    code, out, _ = run(capsys, "--db", db, "articles", "--json")
    listed = json.loads(out)
    assert len(listed) == 1 and listed[0]["title"].startswith("Hochwasser in Lindenau")
    assert listed[0]["language"] == "de"
    code, out, _ = run(capsys, "--db", db, "show", listed[0]["id"])
    assert code == 0 and "Mehr als 400 Menschen" in out
    code, out, _ = run(capsys, "--db", db, "stats", "--json")
    assert json.loads(out)["articles"] == 1


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    (tmp_path / "good.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = run(capsys, "--db", db, "ingest", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"))
    assert code == 1
    assert "empty.txt" in err and "failed 1" in out
    with pytest.raises(SystemExit) as exc:
        main(["--db", db, "no-such-command"])
    assert exc.value.code == 2
    code, _, err = run(capsys, "--db", db, "show", "nope")
    assert code == 1 and "no article" in err


@pytest.mark.realdata
def test_dev_set_counts_and_second_run_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dev = SHARED / "dev" / "articles.jsonl"
    if not dev.exists():
        pytest.skip("../shared/dev absent")
    rows = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    db = str(tmp_path / "s.db")
    code, out, _ = run(capsys, "--db", db, "ingest", "--json", str(dev))
    report = json.loads(out)
    assert code == 0
    assert report["read"] == len(rows) and report["failed"] == 0
    assert report["new"] == len({r["url"] for r in rows})
    code, out, _ = run(capsys, "--db", db, "ingest", "--json", str(dev))
    again = json.loads(out)
    assert again["new"] == 0 and again["updated"] == 0 and again["unchanged"] == len(rows)
    code, out, _ = run(capsys, "--db", db, "show", rows[0]["id"], "--json")
    assert json.loads(out)["external_id"] == rows[0]["id"]
