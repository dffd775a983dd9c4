"""Shingling, MinHash, LSH, exact verification and grouping on real article text."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import numpy as np
import pytest

from storydiff.dedup.lsh import LSH, MemoryBackend, candidate_probability, optimal_params
from storydiff.dedup.minhash import MinHasher, compact, estimate, estimate_compact
from storydiff.dedup.shingles import shingle_set, shingle_sets
from storydiff.dedup.verify import UnionFind, canonical, groups, similarity
from storydiff.settings import DedupSettings

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "dev" / "articles.jsonl"
SAMPLE_A = SHARED / "samples" / "kz-shoot-order-a.de.txt"


def dev_texts(n: int = 60) -> list[str]:
    if not DEV.exists():
        pytest.skip("dev articles not available")
    texts = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8")]
    return [t for t in texts if len(t.split()) > 150][:n]


def edit_words(text: str, rate: float, rng: random.Random) -> str:
    words = text.split()
    for i in range(len(words)):
        if rng.random() < rate:
            words[i] = f"x{rng.randrange(10**6)}"
    return " ".join(words)


def test_shingles_ignore_quotes_case_spacing_and_hyphenation() -> None:
    if not SAMPLE_A.exists():
        pytest.skip("samples not available")
    text = SAMPLE_A.read_text(encoding="utf-8")
    variant = text.replace("„", '"').replace("“", '"').replace(" ", "  ").upper()
    assert np.array_equal(shingle_set(text), shingle_set(variant))
    broken = text.replace("Demonstranten", "Demons-\ntranten")
    assert np.array_equal(shingle_set(text), shingle_set(broken))
    assert not np.array_equal(shingle_set(text), shingle_set(text.replace("3000", "3800")))


def test_short_texts_use_character_shingles() -> None:
    s = DedupSettings()
    short = "Mehr als 3000 Demonstranten festgenommen"
    got = shingle_set(short, s)
    # 5-character grams of the normalised text, not a single 5-word shingle
    assert len(got) > 20
    assert similarity(got, shingle_set(short.replace("3000", "3800"), s))[0] > 0.6


def test_unspaced_scripts_are_not_one_token() -> None:
    a = "北京大学的学生今天在校园里举行了一次大型活动，很多人参加了这次活动并且表示非常满意。" * 2
    b = a.replace("北京", "上海")
    jac, _ = similarity(shingle_set(a, short_text_words=0), shingle_set(b, short_text_words=0))
    assert 0.5 < jac < 1.0


@pytest.mark.parametrize("method", ["oph", "kperm"])
def test_minhash_estimates_jaccard_and_matches_exact_on_real_text(method: Literal["oph", "kperm"]) -> None:
    texts = dev_texts(30)
    rng = random.Random(7)
    variants = [edit_words(t, rate, rng) for t, rate in zip(texts, [0.02, 0.05, 0.1] * 10, strict=False)]
    sets_a, sets_b = shingle_sets(texts), shingle_sets(variants)
    mh = MinHasher(256, seed=3, method=method)
    sa, sb = mh.signatures(sets_a), mh.signatures(sets_b)
    errors = [abs(estimate(x, y) - similarity(p, q)[0]) for x, y, p, q in zip(sa, sb, sets_a, sets_b, strict=True)]
    assert float(np.mean(errors)) < 0.04
    compact_err = [abs(float(estimate_compact(x, y)) - similarity(p, q)[0])
                   for x, y, p, q in zip(compact(sa), compact(sb), sets_a, sets_b, strict=True)]
    assert float(np.mean(compact_err)) < 0.06


def test_signatures_independent_of_batching_and_hash_seed() -> None:
    texts = dev_texts(12)
    mh = MinHasher(128, seed=1)
    together = mh.signatures(shingle_sets(texts))
    alone = np.vstack([mh.signatures([shingle_set(t)]) for t in texts])
    assert np.array_equal(together, alone)
    assert np.array_equal(MinHasher(128, seed=1).signatures(shingle_sets(texts)), together)
    assert not np.array_equal(MinHasher(128, seed=2).signatures(shingle_sets(texts)), together)
    code = ("import sys, json; from storydiff.dedup import MinHasher, shingle_sets;"
            "print(MinHasher(16).signatures(shingle_sets([sys.stdin.read()]))[0].tolist())")
    outs = {
        subprocess.run([sys.executable, "-c", code], input=texts[0], capture_output=True, text=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}, check=True).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1


def test_empty_text_gets_no_band_keys() -> None:
    sig = MinHasher(64).signatures([shingle_set("")])
    assert (LSH(0.5, 64).keys(sig) == -1).all()


def test_optimal_params_follow_threshold() -> None:
    lo_b, lo_r = optimal_params(0.3, 128)
    hi_b, hi_r = optimal_params(0.8, 128)
    assert lo_r < hi_r and lo_b > hi_b
    b, r = optimal_params(0.5, 128)
    assert candidate_probability(0.8, b, r) > 0.99 and candidate_probability(0.2, b, r) < 0.05


def test_lsh_memory_backend_finds_near_duplicates_and_forgets_removed() -> None:
    texts = dev_texts(40)
    rng = random.Random(1)
    corpus = texts + [edit_words(t, 0.03, rng) for t in texts[:10]]
    lsh = LSH(0.5, 128)
    keys = lsh.keys(MinHasher(128).signatures(shingle_sets(corpus)))
    mem = MemoryBackend()
    mem.insert(list(range(len(corpus))), keys)
    for i in range(10):
        assert 40 + i in mem.query(keys[i])
    mem.remove([40])
    assert 40 not in mem.query(keys[0])
    unrelated = sum(len(found - {i, i + 40}) for i, found in enumerate(mem.query_many(keys[:10])))
    assert unrelated <= 2


def test_jaccard_and_containment_of_known_texts() -> None:
    words = [f"wort{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(60)]
    long_text = " ".join(words)
    short_text = " ".join(words[:30])
    s = DedupSettings(shingle_size=5, short_text_words=0)
    jac, con = similarity(shingle_set(long_text, s), shingle_set(short_text, s))
    assert jac == pytest.approx(26 / 56)
    assert con == pytest.approx(1.0)


def test_union_find_is_order_independent_and_canonical_is_earliest() -> None:
    pairs = [("c", "d"), ("a", "b"), ("b", "c"), ("x", "y")]
    expected = [["a", "b", "c", "d"], ["x", "y"]]
    assert groups(pairs) == expected
    assert groups(list(reversed(pairs))) == expected
    uf = UnionFind()
    uf.union("z", "m")
    assert uf.find("z") == "m"
    dates = {"a": datetime(2022, 1, 7, tzinfo=UTC), "b": datetime(2022, 1, 6, tzinfo=UTC),
             "c": datetime(2022, 1, 6, tzinfo=UTC), "d": None}
    assert canonical(["a", "b", "c", "d"], dates.__getitem__) == "b"
    assert canonical(["d", "e"], lambda _: None) == "d"
