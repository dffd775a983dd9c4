from pathlib import Path

import pytest

from storydiff.text.sentences import split_sentences

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


def test_german_abbreviations_dates_and_ordinals_do_not_split() -> None:
    text = "Am 7. Januar kam Dr. Meier z.B. mit Nr. 5 an. Es war der 3. Versuch in der 2. Liga. Dann ging er."
    got = [s.text for s in split_sentences(text, "de")]
    assert got == ["Am 7. Januar kam Dr. Meier z.B. mit Nr. 5 an.", "Es war der 3. Versuch in der 2. Liga.",
                   "Dann ging er."]


def test_glued_closing_quote_stays_with_its_sentence() -> None:
    text = "Er sagte: „Alles ist explodiert.“Seit Tagen ist es ruhig."
    got = [s.text for s in split_sentences(text, "de")]
    assert got == ["Er sagte: „Alles ist explodiert.“", "Seit Tagen ist es ruhig."]


def test_english_abbreviations() -> None:
    text = "He met Dr. Smith at 6 a.m. in the U.S. capital. They left."
    assert len(split_sentences(text, "en")) == 2


@pytest.mark.realdata
@pytest.mark.parametrize("name", ["kz-shoot-order-a.de.txt", "kz-shoot-order-b.de.txt"])
def test_offsets_are_exact_on_samples(name: str) -> None:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip("samples absent")
    text = path.read_text(encoding="utf-8")
    sents = split_sentences(text, "de")
    assert len(sents) > 20
    for s in sents:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    # headlines (lines without final punctuation) are their own sentences
    assert any(not s.text.endswith((".", "“", '"', "?", "!")) for s in sents)
    # the glued „…explodiert.“ ending keeps its closing quote
    assert sents[-1].text.endswith("“") or sents[-1].text.endswith('"') or sents[-1].text.endswith(".")


def test_a_text_without_stops_is_cut_into_bounded_pieces_at_spaces() -> None:
    from storydiff.text.sentences import MAX_SENTENCE_CHARS

    text = " ".join(f"Wort{i}" for i in range(2000)) + ". Danach kommt ein kurzer Satz."
    got = split_sentences(text, "de")
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in got)
    assert all(text[s.start : s.end] == s.text and not s.text.startswith(" ") for s in got)
    assert "".join(s.text for s in got).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert got[-1].text == "Danach kommt ein kurzer Satz."
