"""Substitutions between alike sentences: own short sentences and real dev articles read in place."""

import json
from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.align import prepare
from storydiff.compare.substitute import MAX_TOKENS, find_substitutions
from storydiff.model import Article

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


def _subs(a: str, b: str, lang: str) -> list[tuple[str, str, str]]:
    arts = [Article(text=a, language=lang, external_id="a"), Article(text=b, language=lang, external_id="b")]
    return [(s.kind, s.a_text, s.b_text) for s in find_substitutions(prepare(arts))]


def test_role_slot_names_conflict() -> None:
    got = _subs("Im Finale hielt Torwart Jakob Wenzelmann den Elfmeter von Berger fest.",
                "Im Finale hielt Torwart Lukas Ambrosius den Elfmeter von Berger fest.", "de")
    assert [k for k, _, _ in got] == ["name"]
    assert "Wenzelmann" in got[0][1] and "Ambrosius" in got[0][2]


def test_transliterations_and_full_names_are_no_conflict() -> None:
    assert _subs("Präsident Selenskyj sprach am Abend mit den Regierungschefs der Nachbarländer.",
                 "Präsident Selenskij sprach am Abend mit den Regierungschefs der Nachbarländer.", "de") == []
    assert _subs("Minister Anna Berglund sprach am Abend mit den Regierungschefs der Nachbarländer.",
                 "Minister Berglund sprach am Abend mit den Regierungschefs der Nachbarländer.", "de") == []


def test_weekdays_conflict_but_parts_of_one_day_do_not() -> None:
    a = "Die Polizei nahm den Verdächtigen am Dienstag in seiner Wohnung in Hamburg fest."
    assert [k for k, _, _ in _subs(a, a.replace("Dienstag", "Mittwoch"), "de")] == ["date-time"]
    assert _subs(a, a.replace("Dienstag", "Dienstagabend"), "de") == []


def test_opposites_and_negation_are_statements() -> None:
    a = "The central bank raised its key interest rate as expected on Tuesday, traders in London said."
    got = _subs(a, a.replace("as expected", "unexpectedly"), "en")
    assert got == [("statement", "expected", "unexpectedly")]
    b = "The foreign minister will attend the summit of the alliance in Brussels next week."
    got = _subs(b, b.replace("will attend", "will not attend"), "en")
    assert [k for k, _, _ in got] == ["statement"] and "not" in got[0][2]


def test_semantic_field_needs_different_concepts() -> None:
    a = "Auf der Brücke ist am frühen Morgen ein Lastwagen explodiert, teilten die Behörden mit."
    got = _subs(a, a.replace("ein Lastwagen", "eine Autobombe"), "de")
    assert got == [("statement", "Lastwagen", "Autobombe")]
    assert _subs(a, a.replace("ein Lastwagen", "ein Lkw"), "de") == []  # synonyms
    assert _subs(a, a.replace("explodiert", "detoniert"), "de") == []  # a paraphrase is no conflict


def test_substitution_conflicts_reach_the_comparison() -> None:
    a = "Die Polizei nahm den Verdächtigen am Dienstag in seiner Wohnung in Hamburg fest. Es regnete."
    arts = [Article(text=a, external_id="a", language="de"),
            Article(text=a.replace("Dienstag", "Freitag"), external_id="b", language="de")]
    conflicts = compare_articles(arts).conflicts
    assert [(c.kind, {v.text for v in c.values}) for c in conflicts] == [("date-time", {"Dienstag", "Freitag"})]


@pytest.mark.realdata
def test_real_stories_give_small_exact_spans() -> None:
    path = DEV / "articles.jsonl"
    if not path.exists():
        pytest.skip("dev set absent")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    story = next(r["story"] for r in rows if r["id"] == "d0204")  # transliterated names of one person
    arts = [Article(text=r["text"], external_id=r["id"], language=r["lang"]) for r in rows if r["story"] == story]
    units = prepare(arts)
    subs = find_substitutions(units)
    for s in subs:
        assert arts[s.a.article].text[s.a_start:s.a_end] == s.a_text
        assert arts[s.b.article].text[s.b_start:s.b_end] == s.b_text
        assert len(s.a_text.split()) <= 2 * MAX_TOKENS and s.a.article != s.b.article
    assert not any("Selensk" in s.a_text and "Selensk" in s.b_text for s in subs)
