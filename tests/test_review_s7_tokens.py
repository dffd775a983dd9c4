"""Review s7: tokens of every script, property-style over generated text.

The batch shingler must give exactly the reference's sets, ``word_spans`` offsets must index
the original text, and :func:`needs_folding` must never miss a text whose tokens fold beyond
``str.casefold`` (Greek ``ΐ`` in "Μαΐου", ``ǰ``, ``ẖ``: their case folding is decomposed).
"""

from __future__ import annotations

import random
import sys
import unicodedata

import numpy as np

from storydiff.cluster.features import FeatureExtractor
from storydiff.dedup.batchshingles import shingle_batch, shingle_raw
from storydiff.dedup.shingles import shingle_set
from storydiff.settings import ClusterSettings, DedupSettings
from storydiff.text.normalize import normalize
from storydiff.text.tokens import _TOKEN, FOLD_CHARS, fold_token, needs_folding, word_spans, words

_PIECES = [
    "a", "B", "z", "é", "e\u0301", "u\u0308", "İ", "ı", "i", "ё", "Ё", "е", "ß", "ẞ", "ǰ", "ΐ", "ΰ", "ẖ", "ᾷ",
    "١", "٣", "३", "３", "７", "0", "9", "'", "\u2019", "`", "´", ".", ",", "-", "\u00ad", "\u200b", "\u200d",
    "\ufeff", " ", " ", " ", " ", "\n", "\t", "_", "ك", "ـ", "ِ", "َ", "ש", "ָ", "ׁ", "द", "ि", "्", "ल",
    "北", "京", "한", "국", "ก", "้", "ำ", "ｱ", "ｶﾞ", "ﬁ", "Ⅻ", "²", "½", "ǅ", "ᾈ", "ω", "Σ", "ς", "\u0345", "Ω",
    "Å", "K", "\U0001d400", "\U00010400", "\U000104d8", "\U0001d7ce", "\U00011046", "\U000110b9", "\u20dd",
    "\u0488", "x", "y", "\u3000", "\u00a0", "中文", "Москва", "Straße", "naïve", "çay", "Μαΐου", "-\n",
]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.3:
            text = unicodedata.normalize(rng.choice(["NFD", "NFC", "NFKD"]), text)
        out.append(text)
    return out


def test_batch_and_raw_shingles_equal_the_reference_for_generated_texts() -> None:
    settings = DedupSettings(short_text_words=3)
    texts = _texts(7, 1500)
    want = [shingle_set(t, settings, cache={}) for t in texts]
    raw, _ = shingle_raw(texts, settings, {})
    batch, _ = shingle_batch([normalize(t) for t in texts], settings, {})
    for text, w, r, b in zip(texts, want, raw, batch, strict=True):
        assert np.array_equal(r, w), repr(text)
        assert np.array_equal(b, w), repr(text)


def test_word_spans_index_the_original_text_and_fold_each_token() -> None:
    for text in _texts(11, 1500):
        kept = list(word_spans(text, lower=False))
        folded = list(word_spans(text))
        assert [(s, e) for s, e, _ in kept] == [(s, e) for s, e, _ in folded], repr(text)
        for (start, end, token), (_, _, low) in zip(kept, folded, strict=True):
            assert text[start:end] == token, repr(text)
            assert low == fold_token(token), repr(text)


def test_needs_folding_never_misses_a_token_that_folds_beyond_casefold() -> None:
    for text in [*_texts(13, 1500), "Μαΐου", "ǰ", "ẖ", "ΰ"]:
        if not needs_folding(text):
            for match in _TOKEN.finditer(text):
                token = match.group()
                assert fold_token(token) == token.casefold(), (text, token)


def test_every_character_whose_casefold_needs_folding_is_a_fold_char() -> None:
    base = {c for c in FOLD_CHARS if len(c.casefold()) == 1}
    for code in range(0x80, sys.maxunicode + 1):
        ch = chr(code)
        if ch not in FOLD_CHARS and not 0xD800 <= code < 0xE000:
            assert base.isdisjoint(ch.casefold()), hex(code)


def test_greek_month_name_has_one_form_whatever_else_the_text_holds() -> None:
    # "Μαΐου" (of May): its case folding is decomposed (ι + two marks); a soft hyphen elsewhere
    # in the text must not give the word another form
    assert words("5 Μαΐου") == words("5 Μαΐου ab\u00adc")[:2] == ["5", "μαΐου"]
    fx = FeatureExtractor(ClusterSettings())
    plain = fx.extract("Σεισμός στην Κρήτη στις 5 Μαΐου.", None, "el")
    marked = fx.extract("Σεισμός στην Κρήτη στις 5 Μαΐου. ٣", None, "el")
    assert {k for k in plain if "μα" in k} == {k for k in marked if "μα" in k}
