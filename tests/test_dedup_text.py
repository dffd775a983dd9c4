"""The fast paths of text normalisation and tokenisation give the reference results on real text."""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from storydiff.text import tokens
from storydiff.text.language import detect_language
from storydiff.text.normalize import QUOTE_CHARS, normalize

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"
_REF_TABLE = str.maketrans({**QUOTE_CHARS, **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}})


def reference_normalize(text: str) -> str:
    """The straightforward (slow) definition the fast path must equal."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u00ad\u200b\u200c\u200d\u2060\ufeff]", "", text)
    text = re.sub(r"(?<=\w)-\s*\n\s*(?=[a-zäöüß])", "", text)
    return re.sub(r"\s+", " ", text.translate(_REF_TABLE).casefold()).strip()


def test_normalize_equals_reference_on_dev_and_adversarial_text() -> None:
    if not DEV.exists():
        pytest.skip("dev articles not available")
    texts = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8")]
    rng = random.Random(3)
    alphabet = list("aß -\n\t\u00a0\u2028\u3000„“»«‚’`´\u00ad\u200b\u2010\u2013\u2212ﬁ,.!?\u0085\x1f") + list(QUOTE_CHARS)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25))) for _ in range(3000)]
    assert all(normalize(t) == reference_normalize(t) for t in texts)


def test_unspaced_prefilter_covers_every_unspaced_character() -> None:
    missed = [c for c in range(0x0E00, sys.maxunicode + 1)
              if tokens._unspaced(chr(c)) and not tokens._MAYBE_UNSPACED.match(chr(c))]
    assert missed == []
    assert tokens.words("Preis: 3,5 € für 北京") == ["preis", "3,5", "für", "北", "京"]


def test_language_of_long_articles_from_a_sample() -> None:
    if not DEV.exists():
        pytest.skip("dev articles not available")
    recs = [json.loads(line) for line in DEV.open(encoding="utf-8")]
    long = [r for r in recs if len(r["text"]) > 1500][:40]
    assert long and all(detect_language(r["text"] * 3) == r["lang"] for r in long)
