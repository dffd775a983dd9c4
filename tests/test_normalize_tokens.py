from __future__ import annotations

from storydiff.text.normalize import normalize, normalize_with_offsets
from storydiff.text.tokens import word_spans, words


def test_quote_styles_unified() -> None:
    assert normalize("„absurd“") == normalize('"absurd"') == normalize("»absurd«") == '"absurd"'


def test_nfkc_and_soft_hyphen_and_nbsp() -> None:
    assert normalize("Demon\u00adstranten\u00a0ﬁnden") == "demonstranten finden"


def test_line_break_hyphenation_joined_but_compounds_kept() -> None:
    assert normalize("Sicherheits-\nkräfte") == "sicherheitskräfte"
    assert normalize("US-Außenminister") == normalize("US-Aussenminister") == "us-aussenminister"


def test_offsets_point_back_into_original() -> None:
    text = "Er  sagte: „Ich habe den Befehl gegeben“."
    norm, offsets = normalize_with_offsets(text)
    start = norm.index('"ich')
    end = norm.index('gegeben"') + len('gegeben"')
    assert text[offsets[start] : offsets[end - 1] + 1] == "„Ich habe den Befehl gegeben“"
    assert len(offsets) == len(norm) + 1


def test_numbers_kept_whole() -> None:
    assert words("Mehr als 3.800 Festnahmen, rund 2,2 Millionen Euro, 3,000 arrested") == [
        "mehr", "als", "3.800", "festnahmen", "rund", "2,2", "millionen", "euro", "3,000", "arrested",
    ]


def test_unspaced_scripts_split_per_character() -> None:
    assert words("東京で地震") == ["東", "京", "で", "地", "震"]
    assert words("Москва заявила") == ["москва", "заявила"]


def test_spans_are_offsets() -> None:
    text = "Präsident Kassym-Schomart Tokajew"
    for start, end, token in word_spans(text):
        assert text[start:end].casefold() == token
