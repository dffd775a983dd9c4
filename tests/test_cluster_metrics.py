"""Clustering metrics on small hand-made clusterings whose values were worked out by hand."""

from __future__ import annotations

import pytest

from storydiff.cluster.metrics import adjusted_rand_index, bcubed, pair_counts, score_clustering

GOLD = {"a": "g1", "b": "g1", "c": "g1", "d": "g2", "e": "g2"}
# predicted: {a,b} {c,d,e}
PRED = {"a": "p1", "b": "p1", "c": "p2", "d": "p2", "e": "p2"}


def test_pairwise_by_hand() -> None:
    # gold pairs: ab ac bc de = 4; predicted: ab cd ce de = 4; correct: ab de = 2
    assert pair_counts(GOLD, PRED) == (2, 4, 4)
    s = score_clustering(GOLD, PRED)
    assert s.pairwise.precision == pytest.approx(0.5)
    assert s.pairwise.recall == pytest.approx(0.5)
    assert s.pairwise.f1 == pytest.approx(0.5)
    assert (s.true_stories, s.predicted_stories, s.articles) == (2, 2, 5)


def test_bcubed_by_hand() -> None:
    # precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 11/15
    # recall per item:    a 2/3, b 2/3, c 1/3, d 1, e 1 -> 11/15
    b = bcubed(GOLD, PRED)
    assert b.precision == pytest.approx(11 / 15)
    assert b.recall == pytest.approx(11 / 15)


def test_ari_by_hand() -> None:
    # contingency [[2,1],[0,2]]: index 2, rows 3+1=4, cols 1+3=4, total 10
    # expected 1.6, max 4 -> (2-1.6)/(4-1.6) = 1/6
    assert adjusted_rand_index(GOLD, PRED) == pytest.approx(1 / 6)
    assert adjusted_rand_index(GOLD, GOLD) == pytest.approx(1.0)
    # a permutation of labels changes nothing
    assert adjusted_rand_index(GOLD, {k: v + "x" for k, v in GOLD.items()}) == pytest.approx(1.0)


def test_per_language_and_cross() -> None:
    langs = {"a": "de", "b": "de", "c": "en", "d": "en", "e": "de"}
    s = score_clustering(GOLD, PRED, langs)
    # de articles a,b,e: gold pairs ab; pred pairs ab -> 1/1
    assert s.per_language["de"].f1 == pytest.approx(1.0)
    # en articles c,d: gold none, pred cd -> precision 0, recall 1 (no true pairs)
    assert s.per_language["en"].precision == 0.0
    assert s.per_language["en"].recall == 1.0
    # cross pairs: 10 - 3 (de) - 1 (en) = 6; gold together: ac bc de = 3; predicted: ce de = 2; correct: de = 1
    cross = s.cross_language
    assert cross is not None
    assert (cross.correct_pairs, cross.predicted_pairs, cross.true_pairs) == (1, 2, 3)


def test_all_singletons_and_missing() -> None:
    single = {k: k for k in GOLD}
    s = score_clustering(GOLD, single)
    assert s.pairwise.precision == 1.0 and s.pairwise.recall == 0.0 and s.pairwise.f1 == 0.0
    with pytest.raises(ValueError, match="no predicted story"):
        score_clustering(GOLD, {"a": "x"})
