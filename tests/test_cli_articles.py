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


@pytest.mark.realdata
def test_prune_and_remove_take_articles_out_of_everything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dev = SHARED / "dev" / "articles.jsonl"
    if not dev.exists():
        pytest.skip("../shared/dev absent")
    records = [r for r in map(json.loads, dev.open(encoding="utf-8")) if r.get("date")][:120]
    subset = tmp_path / "subset.jsonl"
    subset.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert run(capsys, "--db", db, "ingest", str(subset))[0] == 0
    cutoff = sorted(r["date"] for r in records)[len(records) // 2]
    old = {r["id"] for r in records if r["date"] < cutoff}
    assert 0 < len(old) < len(records)

    code, out, _ = run(capsys, "--db", db, "prune", "--before", cutoff, "--dry-run", "--json")
    assert code == 0 and json.loads(out)["would_remove"] == len(old)
    assert json.loads(run(capsys, "--db", db, "stats", "--json")[1])["articles"] == len(records)

    code, out, _ = run(capsys, "--db", db, "prune", "--before", cutoff, "--json")
    assert json.loads(out) == {"removed": len(old), "would_remove": 0, "missing": 0,
                               "remaining": len(records) - len(old)}
    listed = json.loads(run(capsys, "--db", db, "articles", "--json")[1])
    assert {a["external_id"] for a in listed} == {r["id"] for r in records} - old
    stories = json.loads(run(capsys, "--db", db, "stories", "--json")[1])
    in_stories = [m["id"] for s in stories for m in s["members"]]
    assert sorted(in_stories) == sorted(a["id"] for a in listed)
    kept = {a["external_id"] for a in listed}

    victim = sorted(kept)[0]
    code, out, err = run(capsys, "--db", db, "remove", victim, "no-such-id")
    assert code == 1 and "no-such-id" in err and out.startswith("removed 1, missing 1")

    code, out, _ = run(capsys, "--db", db, "ingest", str(subset), "--json")  # everything comes back
    report = json.loads(out)
    assert report["new"] == len(old) + 1 and report["unchanged"] == len(records) - len(old) - 1
