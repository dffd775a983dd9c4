"""Passage alignment on the two German rewrites of one AFP report, and on reordered text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storydiff.cli import main
from storydiff.dedup.align import align
from storydiff.dedup.stage import compare_texts

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE_A = SHARED / "samples" / "kz-shoot-order-a.de.txt"
SAMPLE_B = SHARED / "samples" / "kz-shoot-order-b.de.txt"
DEV = SHARED / "dev" / "articles.jsonl"


def samples() -> tuple[str, str]:
    if not (SAMPLE_A.exists() and SAMPLE_B.exists()):
        pytest.skip("samples not available")
    return SAMPLE_A.read_text(encoding="utf-8"), SAMPLE_B.read_text(encoding="utf-8")


def test_samples_share_the_quote_despite_quote_styles() -> None:
    a, b = samples()
    passages = align(a, b)
    quote = [p for p in passages if "Befehl gegeben" in p.text]
    assert len(quote) == 1
    p = quote[0]
    # offsets point into both original texts; a uses „“, b uses ""
    assert a[p.a_start : p.a_end] == p.text
    assert "Vorwarnung tödliche Schüsse abzugeben“" in a[p.a_start : p.a_end]
    assert 'Vorwarnung tödliche Schüsse abzugeben"' in b[p.b_start : p.b_end]
    assert a[p.a_start : p.a_start + 3] == b[p.b_start : p.b_start + 3] == "Ich"


def test_samples_number_edit_inside_passage() -> None:
    a, b = samples()
    arrests = [p for p in align(a, b) if "festgenommen" in p.text]
    assert len(arrests) == 1
    p = arrests[0]
    assert "Demonstranten seien festgenommen worden" in b[p.b_start : p.b_end]
    edits = [e for e in p.edits if e.a_text == "3000"]
    assert len(edits) == 1
    e = edits[0]
    assert e.b_text == "3800"
    assert a[e.a_start : e.a_end] == "3000" and b[e.b_start : e.b_end] == "3800"
    assert a[e.a_start - 9 : e.a_start] == "Mehr als " and b[e.b_start - 9 : e.b_start] == "Mehr als "


def test_unrelated_passages_are_not_reported() -> None:
    a, b = samples()
    for p in align(a, b):
        assert len(p.text.split()) >= 8
        assert all(len(e.a_text.split()) <= 3 and len(e.b_text.split()) <= 3 for e in p.edits)


def test_reordered_paragraphs_are_all_found() -> None:
    if not DEV.exists():
        pytest.skip("dev articles not available")
    text = next(json.loads(line)["text"] for line in DEV.open(encoding="utf-8") if len(line) > 1800)
    paras = [p for p in text.split("\n") if len(p.split()) >= 10]
    assert len(paras) >= 3
    a = "\n".join(paras)
    b = "\n".join(reversed(paras))
    passages = align(a, b)
    covered = sum(p.a_end - p.a_start for p in passages)
    assert covered >= 0.9 * sum(len(p) for p in paras)
    for p in passages:
        assert a[p.a_start : p.a_end] == b[p.b_start : p.b_end]
        assert not p.edits


def test_compare_texts_and_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    a, b = samples()
    reuse = compare_texts(a, b)
    assert 0.0 < reuse.jaccard < reuse.containment < 0.5
    code = main(["--db", "/nonexistent/never-created.db", "reuse", str(SAMPLE_A), str(SAMPLE_B), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(out) == {"a", "b", "jaccard", "containment", "passages"}
    assert out["jaccard"] == reuse.jaccard
    edits = [e for p in out["passages"] for e in p["edits"]]
    assert {"a_text": "3000", "b_text": "3800"}.items() <= next(e for e in edits if e["a_text"] == "3000").items()
    assert set(out["passages"][0]) == {"a_start", "a_end", "b_start", "b_end", "text", "edits"}
    assert not Path("/nonexistent/never-created.db").exists()


def test_cli_reuse_plain_has_no_ansi_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    samples()
    assert main(["reuse", str(SAMPLE_A), str(SAMPLE_B)]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out and "[3000→3800]" in out and "Tokajew" in out


def test_cli_reuse_unknown_id_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "s.db"), "reuse", "nope-1", "nope-2"]) == 1
    assert "nope-1" in capsys.readouterr().err
