"""Batch shingling gives exactly the reference sets: real articles, tokeniser corner cases, the prefilter."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import numpy as np
import pytest

from storydiff.dedup.batchshingles import _direct, _kind, shingle_batch, shingle_raw
from storydiff.dedup.minhash import MinHasher, compact
from storydiff.dedup.rules import Shingled, needs_check
from storydiff.dedup.shingles import shingle_normalized
from storydiff.dedup.verify import PREFILTER_MARGIN
from storydiff.settings import DedupSettings
from storydiff.text.normalize import normalize

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"

#: each case stresses one rule of the token regex or of normalize() (written here, not copied)
CORNER_CASES = [
    "Rock'n'Roll, a'b'c'd'e und ’s Haus´chen von O`Neill: l’état, d'Artagnan'",
    "Mehr als 3.800, dann 1,5 und 1'000'000 oder 2. und .5 sowie 3..4 und 7,,8 und 9'x",
    "3000er Jahre, B52-Bomber, COVID19 und x_y_z, ² und ½ und Ⅻ, und 4²",
    "Nicht\u00a0umbrochen … und ﬁnanziert, Ａｂｃ voll breit",  # not NFKC
    "Soft\u00adhyphen und Zero\u200bwidth und Demons-\n  tranten und Demons-\nTranten",
    "İstanbul und STRASSE und Straße und ẞ und ΣΊΣΥΦΟΣ und Ünïcödé",
    "Греция и Россия, ελληνικά, עברית, العربية والأرقام ١٢٣ ٤٥",
    "北京大学 Peking und ไทย ภาษา und 한국어 Sätze",  # scripts without spaces: reference path
    "Emoji 🙂 und 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 und \U0001f1e9\U0001f1ea Flaggen",  # outside the BMP
    "Ein\0Text mit NUL",
    "",
    "   ",
    "kurz",
    "abc",
]


def _same(got: tuple[list[np.ndarray], list[bool]], texts: list[str], settings: DedupSettings) -> list[int]:
    """Indices where the batch result differs from the reference."""
    bad = []
    for i, text in enumerate(texts):
        want, kind = shingle_normalized(normalize(text), settings, cache={})
        if got[1][i] != kind or not np.array_equal(got[0][i], want):
            bad.append(i)
    return bad


def _variants(settings: DedupSettings) -> list[DedupSettings]:
    return [settings, DedupSettings(short_text_words=0, shingle_size=2), DedupSettings(shingle_size=1)]


@pytest.mark.parametrize("settings", _variants(DedupSettings()))
def test_corner_cases_match_reference(settings: DedupSettings) -> None:
    padded = [c + " " + " ".join(f"wort{i}" for i in range(45)) for c in CORNER_CASES]  # word path too
    for texts in (CORNER_CASES, padded, CORNER_CASES + padded):
        assert _same(shingle_raw(texts, settings, {}), texts, settings) == []
        norms = [normalize(t) for t in texts]
        assert _same(shingle_batch(norms, settings, {}), texts, settings) == []


def test_real_articles_match_reference() -> None:
    if not DEV.exists():
        pytest.skip("dev articles not available")
    texts = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8")]
    assert sum(_direct(texts)) > len(texts) * 0.8  # most real texts skip normalisation
    rng = random.Random(5)
    edited = [" ".join(w for w in t.split() if rng.random() > 0.1) for t in texts]  # as copies are
    briefs = [t[: rng.randrange(20, 400)] for t in texts[:60]]  # character-shingled ones
    for settings in _variants(DedupSettings()):
        batch = texts + edited + briefs
        cache: dict[str, int] = {}
        assert _same(shingle_raw(batch, settings, cache), batch, settings) == []
        assert _same(shingle_raw(batch[::-1], settings, cache), batch[::-1], settings) == []
    shingled = Shingled.of(texts[:50], DedupSettings())
    for text, norm, kind in zip(texts, shingled.norms, shingled.kinds, strict=False):
        assert norm == normalize(text) and kind == shingle_normalized(norm)[1]


def test_class_table_agrees_with_the_token_regex() -> None:
    letter, digit = re.compile(r"[^\W\d_]"), re.compile(r"\d")
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        assert (_kind(ch) == 1) == bool(letter.fullmatch(ch)), hex(code)
        assert (_kind(ch) == 2) == bool(digit.fullmatch(ch)), hex(code)


def test_vectorised_prefilter_decides_as_the_rule_per_pair() -> None:
    if not DEV.exists():
        pytest.skip("dev articles not available")
    s = DedupSettings()
    texts = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8")][:120]
    rng = random.Random(3)
    texts += [" ".join(w for w in t.split() if rng.random() > rng.choice([0.1, 0.3, 0.5])) for t in texts]
    shingled = Shingled.of(texts, s)
    sigs = compact(MinHasher(s.num_perm, s.seed).signatures(shingled.sets))
    n = np.array([len(x) for x in shingled.sets])
    kinds = np.array(shingled.kinds)
    a = np.array([rng.randrange(len(texts)) for _ in range(3000)] + list(range(120)))
    b = np.array([rng.randrange(len(texts)) for _ in range(3000)] + list(range(120, 240)))
    lead = np.array([rng.random() < 0.3 for _ in range(len(a))])
    got = needs_check(lead, n[a], sigs[a], kinds[a], n[b], sigs[b], kinds[b], s)

    def rule(k: int, i: int, j: int) -> bool:  # the prefilter written out per pair, in plain Python floats
        if lead[k] and kinds[i] != kinds[j]:
            return True
        match = sum(int(x == y) for x, y in zip(sigs[i].tolist(), sigs[j].tolist(), strict=True)) / len(sigs[i])
        est = min(1.0, max(0.0, (match - 1 / 256) / (1 - 1 / 256)))
        contained = est * (int(n[i]) + int(n[j])) / (1.0 + est) / max(1, min(int(n[i]), int(n[j])))
        return est >= s.threshold - PREFILTER_MARGIN or contained >= s.containment_threshold - PREFILTER_MARGIN

    want = [rule(k, i, j) for k, (i, j) in enumerate(zip(a.tolist(), b.tolist(), strict=True))]
    assert got.tolist() == want
    assert 0 < sum(want) < len(want)  # both decisions occur


def test_random_strings_of_tricky_characters_match_reference() -> None:
    alphabet = [*"ab ZÄß1 2.,'-\n", "’", "`", "´", "‘", "\u00ad", "\u00a0", "İ", "²", "σ", "ς", "ไ", "🙂", "…",
                "ﬁ", "_", "\u0301", "٣", "–", "„"]
    rng = random.Random(11)
    for settings in _variants(DedupSettings(short_text_words=8, shingle_size=3)):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120))) for _ in range(400)]
        assert _same(shingle_raw(texts, settings, {}), texts, settings) == []
        assert _same(shingle_batch([normalize(t) for t in texts], settings, {}), texts, settings) == []


def test_text_longer_than_a_chunk_matches_reference() -> None:
    if not DEV.exists():
        pytest.skip("dev articles not available")
    texts = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8")]
    long_text = "\n".join(texts + texts[::-1])[:600_000]  # one text beyond the chunk size, between short ones
    batch = [texts[0], long_text, texts[1]]
    assert len(long_text) > 1 << 19
    assert _same(shingle_raw(batch, DedupSettings(), {}), batch, DedupSettings()) == []
