"""Stopwords, stemming and name folding per language, on ordinary news sentences."""

from __future__ import annotations

import pytest

from storydiff.text.lemmas import Lemmatizer, fold, name_key, stopwords


@pytest.mark.parametrize(
    ("language", "sentence", "expected", "dropped"),
    [
        ("de", "Die Feuerwehren waren wegen des Unwetters im Dauereinsatz.",
         ["feuerwehr", "unwett", "dauereinsatz"], "die"),
        ("en", "The ministers were meeting in the capital on Friday.", ["minist", "meet", "capit"], "the"),
        ("fr", "Les pompiers ont lutté contre les flammes pendant la nuit.", ["pompi", "lutt", "flamm", "nuit"], "les"),
        ("es", "Los manifestantes ocuparon el palacio presidencial.", ["manifest", "ocup", "palaci", "presidencial"],
         "los"),
        ("ru", "Президент выступил с обращением к гражданам страны.", ["президент", "выступ", "обращен", "граждан",
                                                                       "стран"], "с"),
    ],
)
def test_terms_stem_and_drop_stopwords(language: str, sentence: str, expected: list[str], dropped: str) -> None:
    terms = Lemmatizer().terms(sentence, language)
    assert terms == expected
    assert dropped in stopwords(language)


def test_inflected_forms_share_a_stem() -> None:
    lem = Lemmatizer()
    assert lem.terms("Demonstranten", "de") == lem.terms("Demonstrant", "de")
    assert lem.terms("protesters", "en") == lem.terms("protester", "en")
    assert lem.terms("пожаров", "ru") == lem.terms("пожар", "ru")


def test_unknown_language_keeps_tokens() -> None:
    assert Lemmatizer().terms("Karibu sana rafiki", "sw") == ["karibu", "sana", "rafiki"]
    assert Lemmatizer().terms("Hallo Welt", None) == ["hallo", "welt"]


def test_fold_and_name_keys_across_scripts() -> None:
    assert fold("Čapek") == "capek"
    assert fold("Шольц") == "sholts"
    assert name_key("Scholz") == name_key("Шольц")
    assert name_key("Selenskyj") == name_key("Zelenskyy") == name_key("Зеленский")
    assert name_key("Kertsch") == name_key("Kerch") == name_key("Керчь")
    assert name_key("Merkel") != name_key("Macron")
