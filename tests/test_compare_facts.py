import json
import math
from pathlib import Path

import pytest

from storydiff.compare.facts import extract_facts
from storydiff.compare.numbers import find_quantities, parse_figure
from storydiff.model import Article

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


def _facts(text: str, lang: str, kind: str) -> list[tuple[str, str, object]]:
    art = Article(text=text, external_id="t", language=lang)
    return [(f.key, f.value.text, f.value.value) for f in extract_facts(art) if f.kind == kind]


@pytest.mark.parametrize(("token", "value"), [("3.800", 3800), ("3,800", 3800), ("2,2", 2.2), ("2.2", 2.2)])
def test_number_formats(token: str, value: float) -> None:
    assert parse_figure(token) == value


def test_german_numbers_with_noun_action_and_qualifier() -> None:
    qs = find_quantities("Auf Seiten der Polizei gab es 18 Tote und fast 750 Verletzte.")
    assert [(q.anchor, q.action, q.qualifier) for q in qs] == [(18, "dead", "="), (750, "injured", "<")]
    q = find_quantities("Mehr als 3.800 Demonstranten seien festgenommen worden.")[0]
    assert (q.low, math.isinf(q.high), q.noun, q.action) == (3800, True, "person", "arrested")
    q = find_quantities("Dabei wurden dutzende Menschen getötet.")[0]
    assert q.anchor is None and q.low <= 26 <= q.high and q.action == "dead"
    q = find_quantities("Sturm Xavier kostete vier Menschen das Leben.")[0]
    assert (q.anchor, q.action) == (4, "dead")
    q = find_quantities("Es wurden rund 2,2 Millionen Euro gezahlt.")[0]
    assert q.anchor == 2.2e6 and q.noun == "euro" and q.qualifier == "~"


def test_english_and_spanish_numbers_share_a_key() -> None:
    en = _facts("Police said more than 3,000 people were arrested overnight.", "en", "number")
    es = _facts("La policía informó de más de 3.800 detenidos.", "es", "number")
    assert en[0][0] == es[0][0] == "person+arrested"
    assert en[0][2]["anchor"] == 3000 and es[0][2]["anchor"] == 3800


def test_english_number_words() -> None:
    got = _facts("Three people were killed and dozens injured.", "en", "number")
    assert got[0][0] == "person+dead" and got[0][2]["anchor"] == 3


def test_date_time_facts_german_and_english() -> None:
    de = _facts("Der Zugverkehr bleibt bis Samstagvormittag eingestellt, ab 14 Uhr am 7. Januar.", "de", "date-time")
    assert ("when:weekday", "Samstagvormittag", "sat+morning") in de
    assert any(v == "14:00" for _, _, v in de) and any(v == "01-07" for _, _, v in de)
    en = _facts("The curfew lasts until 7 a.m. on Sunday, January 9.", "en", "date-time")
    assert {v for _, _, v in en} >= {"07:00", "sun", "01-09"}


def test_quotes_with_speaker() -> None:
    de = _facts("„Wir werden das Land nicht verlassen“, sagte Ministerin Petra Beispiel am Abend.", "de", "quote")
    assert de == [("quote:beispiel", "Wir werden das Land nicht verlassen", "Wir werden das Land nicht verlassen")]
    en = _facts('"We will not leave the country," Minister Jane Exampleton said.', "en", "quote")
    assert en[0][0] == "quote:exampleton"


def test_names_skip_common_nouns() -> None:
    names = [t for _, t, _ in _facts("Die Regierung in Almaty lobte Präsident Kassym-Schomart Tokajew.", "de", "name")]
    assert "Kassym-Schomart Tokajew" in names and "Regierung" not in names


@pytest.mark.realdata
def test_english_dev_articles_yield_number_facts() -> None:
    path = DEV / "articles.jsonl"
    if not path.exists():
        pytest.skip("dev set absent")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    english = [r for r in rows if r["lang"] == "en"][:15]
    facts = [f for r in english for f in extract_facts(Article(text=r["text"], external_id=r["id"], language="en"))]
    for f in facts:  # offsets point at the span in the article text
        text = next(r["text"] for r in english if r["id"] == f.value.article)
        assert text[f.value.start:f.value.end] == f.value.text
    assert sum(f.kind == "number" for f in facts) >= 10
    assert sum(f.kind == "date-time" for f in facts) >= 5
