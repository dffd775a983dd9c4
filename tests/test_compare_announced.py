"""Announced vs done (modality.py): one report announces an event that another states as done
or in force. Own short sentences and a dev pair read in place."""

from storydiff.compare.align import prepare
from storydiff.compare.modality import find_modality_conflicts
from storydiff.model import Article


def _found(*texts: str, lang: str = "de") -> list[tuple[str, str]]:
    arts = [Article(text=t, language=lang, external_id=f"x{i}") for i, t in enumerate(texts)]
    return [(a.value.text, b.value.text) for _, a, b, _, _ in find_modality_conflicts(prepare(arts))]


def test_announced_event_against_one_in_force() -> None:
    assert _found("Die Regierung erklärte, es wird bald eine Ausgangssperre verhängt.",
                  "Im Norden des Landes gilt eine Ausgangssperre.") == [("bald", "gilt")]
    assert _found("The city plans a curfew for the weekend.",
                  "On Saturday a curfew was imposed on the city.", lang="en") == [("plans", "was")]


def test_no_conflict_without_a_shared_new_event_or_when_one_report_says_both() -> None:
    # the shared word is a person, not an event introduced by an indefinite article
    assert _found("Der Minister plante am Montag neue Steuern.", "Der Minister wurde am Montag entlassen.") == []
    # the second report tells both the announcement and the event: a sequence, no contradiction
    assert _found("Die Firma kündigte einen Insolvenzantrag an.",
                  "Die Firma kündigte einen Insolvenzantrag an. Am Abend musste sie einen Insolvenzantrag stellen.") == []
    # a negated clause is no statement that it happened
    assert _found("Es wird bald eine Ausgangssperre verhängt.", "Es gilt keine Ausgangssperre.") == []


def test_dev_insolvency_announced_vs_filed(dev: tuple[dict[str, Article], list[dict[str, str]]]) -> None:
    arts, gold = dev
    pairs = [g for g in gold if g["kind"] == "statement" and "Insolvenzantrag" in g["a_says"] + g["b_says"]]
    assert pairs
    g = pairs[0]
    texts = {g["a"]: arts[g["a"]].text, g["b"]: arts[g["b"]].text}
    got = find_modality_conflicts(prepare([arts[g["a"]], arts[g["b"]]]), [g["a"], g["b"]])
    spans = {(f.value.article, f.value.start, f.value.end) for c in got for f in c[1:3]}
    for side in ("a", "b"):
        at = texts[g[side]].find(g[side + "_says"])
        assert any(a == g[side] and s < at + len(g[side + "_says"]) and at < e for a, s, e in spans)
