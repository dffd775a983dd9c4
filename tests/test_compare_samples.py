import json
from pathlib import Path

import pytest

from storydiff.cli import main
from storydiff.compare import compare_articles
from storydiff.compare.html import render_html
from storydiff.model import Article
from storydiff.settings import CompareSettings

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def kz() -> dict:
    paths = [SAMPLES / f"kz-shoot-order-{x}.de.txt" for x in "ab"]
    if not all(p.exists() for p in paths):
        pytest.skip("samples absent")
    arts = [Article(text=p.read_text(encoding="utf-8"), external_id=p.name.split(".")[0], language="de")
            for p in paths]
    return compare_articles(arts, CompareSettings()).to_json()


def test_arrest_figures_conflict(kz: dict) -> None:
    numbers = [c for c in kz["conflicts"] if c["kind"] == "number"]
    assert numbers, "no number conflict"
    top = numbers[0]
    assert {v["article"] for v in top["values"]} == {"kz-shoot-order-a", "kz-shoot-order-b"}
    assert {v["value"]["anchor"] for v in top["values"]} == {3000, 3800}
    assert top["key"] == "person+arrested" and "arrested" in top["fact"]


def test_dozens_vs_26_is_a_refinement_not_a_conflict(kz: dict) -> None:
    refs = [r for r in kz["refinements"] if r["key"].endswith("+dead")]
    assert any({v["value"]["anchor"] for v in r["values"]} == {None, 26} for r in refs)
    for c in kz["conflicts"]:
        assert 26 not in {v["value"].get("anchor") for v in c["values"] if isinstance(v["value"], dict)}


def test_tokajew_quotes_are_shared(kz: dict) -> None:
    shared = [g for g in kz["shared"] if len(g) == 2 and all("Befehl gegeben" in s["text"] for s in g)]
    assert shared and "Tokajew" in shared[0][0]["text"]


def test_additions(kz: dict) -> None:
    only_b = " ".join(s["text"] for s in kz["unique"]["kz-shoot-order-b"])
    only_a = " ".join(s["text"] for s in kz["unique"]["kz-shoot-order-a"])
    assert "Nasarbajew" in only_b and "Blinken" in only_b
    assert "Abliasow" in only_a and "Abliasow" not in only_b and "Blinken" not in only_a


def test_offsets_and_summary(kz: dict) -> None:
    texts = {x: (SAMPLES / f"kz-shoot-order-{x}.de.txt").read_text(encoding="utf-8") for x in "ab"}
    for c in kz["conflicts"] + kz["refinements"]:
        for v in c["values"]:
            assert texts[v["article"][-1]][v["start"]:v["end"]] == v["text"]
    assert 3 <= len(kz["summary"]) <= 5
    assert all(s["sources"] == ["kz-shoot-order-a", "kz-shoot-order-b"] for s in kz["summary"])


def test_deterministic_and_html_escaped() -> None:
    paths = [SAMPLES / f"kz-shoot-order-{x}.de.txt" for x in "ab"]
    if not all(p.exists() for p in paths):
        pytest.skip("samples absent")
    arts = [Article(text=p.read_text(encoding="utf-8") + "\n\n<script>alert(1)</script>", external_id=p.stem)
            for p in paths]
    one = compare_articles(arts).to_json()
    two = compare_articles(list(reversed(arts))).to_json()
    assert json.dumps(one, sort_keys=True) == json.dumps(two, sort_keys=True)
    page = render_html(compare_articles(arts), {a.label: a for a in arts})
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_cli_compare_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    paths = [SAMPLES / f"kz-shoot-order-{x}.de.txt" for x in "ab"]
    if not all(p.exists() for p in paths):
        pytest.skip("samples absent")
    html = tmp_path / "r.html"
    assert main(["--db", str(tmp_path / "s.db"), "compare", *map(str, paths), "--json", "--html", str(html)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"shared", "unique", "facts", "conflicts", "timeline", "summary"}
    assert set(data["unique"]) == {"kz-shoot-order-a", "kz-shoot-order-b"}
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
