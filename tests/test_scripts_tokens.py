"""Tokens of non-Latin scripts: marks stay in words, one folded form per word, no shredding."""

from __future__ import annotations

import unicodedata

import numpy as np

from storydiff.cluster.features import FeatureExtractor
from storydiff.dedup.batchshingles import shingle_raw
from storydiff.dedup.shingles import shingle_normalized, shingle_set
from storydiff.settings import ClusterSettings, DedupSettings
from storydiff.text.lemmas import Lemmatizer, name_key
from storydiff.text.normalize import normalize
from storydiff.text.tokens import unspaced_bigrams, word_spans, words


def test_devanagari_vowel_signs_stay_in_the_word() -> None:
    assert words("दिल्ली में भारी बारिश के कारण 3800 लोगों को निकाला गया।") == [
        "दिल्ली", "में", "भारी", "बारिश", "के", "कारण", "3800", "लोगों", "को", "निकाला", "गया"]


def test_decomposed_accents_and_format_characters_join_their_word() -> None:
    nfd = unicodedata.normalize("NFD", "Café Müller in Αθήνα")
    assert words(nfd) == words(normalize(nfd)) == ["café", "müller", "in", "αθήνα"]
    assert words("Demon\u00adstranten und Demo\u200bnstranten") == ["demonstranten", "und", "demonstranten"]
    text = "Mu\u0308ller sagte"
    assert [(s, e) for s, e, _ in word_spans(text)] == [(0, 7), (8, 13)]


def test_arabic_and_hebrew_points_and_tatweel_are_folded() -> None:
    assert words("كِتَابٌ كـتاب كتاب") == ["كتاب", "كتاب", "كتاب"]
    assert words("שָׁלוֹם שלום") == ["שלום", "שלום"]


def test_turkish_dotted_capital_i_and_cyrillic_yo() -> None:
    assert words("İstanbul'da İSTANBUL istanbul") == ["istanbul'da", "istanbul", "istanbul"]
    assert words(normalize("İçişleri Bakanı")) == ["içişleri", "bakanı"]
    assert words("Ещё одна ёлка, ЁЛКА") == ["еще", "одна", "елка", "елка"]
    assert name_key("Bakanı") == name_key("Bakani")


def test_digits_of_every_script_are_ascii() -> None:
    assert words("٣٨٠٠ ३८०० ３８００ 3800") == ["3800"] * 4
    fx = FeatureExtractor(ClusterSettings())
    arabic = fx.extract("وقالت السلطات إنها أجلت نحو ٣٨٠٠ شخص من المدينة بسبب الفيضانات.", None, "ar")
    assert "#3800" in arabic


def test_korean_is_spaced_and_keeps_its_words() -> None:
    assert words("서울에서 폭우로 3800명이 대피했다.") == ["서울에서", "폭우로", "3800", "명이", "대피했다"]


def test_thai_marks_stay_on_their_consonant() -> None:
    got = words("น้ำท่วม")
    assert got[0] == "น้" and "".join(got) == "น้ำท่วม"


def test_unspaced_runs_become_character_ngrams() -> None:
    assert unspaced_bigrams(list(word_spans("九江市洪水 3800人"))) == ["九江", "江市", "市洪", "洪水", "3800", "人"]
    thai = unspaced_bigrams(list(word_spans("น้ำท่วมหนัก")))
    assert all(len(g) >= 4 for g in thai) and len(thai) > 1
    terms = Lemmatizer().terms("江西省九江市暴雨，约3800名居民被疏散。", "zh")
    assert "九江" in terms and "暴雨" in terms


def test_stems_of_one_letter_and_greek_articles_are_not_terms() -> None:
    terms = Lemmatizer().terms("Ο δήμαρχος κήρυξε την πόλη σε κατάσταση έκτακτης ανάγκης στη Λάρισα.", "el")
    assert "την" not in terms and "στ" not in terms and all(len(t) >= 2 for t in terms)
    assert all(len(t) >= 2 for t in Lemmatizer().terms("Çarşamba günü Rize'de dereler taştı.", "tr"))


def test_batch_shingles_match_the_reference_on_every_script() -> None:
    texts = ["दिल्ली में भारी बारिश के कारण हिन्दी भाषी लोगों को निकाला गया। " * 8,
             "أعلنت الحكومة إجلاء ٣٨٠٠ شخص من القاهرة بسبب الفيضانات كِتَابٌ كـتاب. " * 6,
             "Ещё пятеро считаются пропавшими без вести, сообщило МЧС. " * 8,
             unicodedata.normalize("NFD", "Die Müllerin aus Köln sagte, dass Straßen überflutet wurden. ") * 8,
             "İçişleri Bakanı Rize'deki sel bölgesine gideceğini söyledi. " * 8]
    s = DedupSettings()
    got_sets, got_kinds = shingle_raw(texts, s, {})
    for text, got, kind in zip(texts, got_sets, got_kinds, strict=True):
        want, want_kind = shingle_normalized(normalize(text), s, cache={})
        assert kind == want_kind and np.array_equal(got, want)
    plain = "أعلنت الحكومة إجلاء 3800 شخص من القاهرة بسبب الفيضانات كتاب كتاب. " * 6
    assert np.array_equal(shingle_set(texts[1]), shingle_set(plain))


def test_korean_edited_copy_stays_close_in_shingles() -> None:
    a = "수요일 새벽 집중호우로 충청북도 청주시의 하천이 범람해 시내 곳곳이 물에 잠겼다. 시 당국은 주민 약 3800명을 학교와 체육관으로 긴급 대피시켰다. 기상청에 따르면 지난 24시간 동안 내린 비의 양은 300밀리미터를 넘어 관측 이래 최고치를 기록했다. 지금까지 2명이 숨지고 5명이 실종된 것으로 확인됐다. 소방대원들은 고무보트를 이용해 고립된 주민들을 구조하고 있다. 기상청은 앞으로 사흘 동안 비가 더 내릴 것으로 예보했다."
    e = a.replace("3800", "4100").replace("지금까지 2명이 숨지고 5명이 실종된 것으로 확인됐다. ", "")
    sa, se = set(shingle_set(a).tolist()), set(shingle_set(e).tolist())
    assert len(sa & se) / len(sa | se) >= 0.6
