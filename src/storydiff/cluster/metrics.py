"""Clustering quality: pairwise P/R/F1, B-cubed P/R/F1, adjusted Rand index, per language.

Method:

* **pairwise** (Miranda et al. 2018, Priberam's ``eval_lib.py``): over all unordered
  article pairs, precision = pairs together in both / pairs together in the prediction,
  recall = pairs together in both / pairs together in the gold. An empty denominator
  counts as 1.0 (nothing claimed, nothing wrong).
* **B-cubed** (Bagga & Baldwin 1998): per article, the share of its predicted cluster that
  is in its gold cluster (precision) and the share of its gold cluster found in its predicted
  cluster (recall), averaged over articles.
* **ARI** (Hubert & Arabie 1985), from the contingency table, computed with numpy.
* Per language ``L``: pairs whose two articles are both in ``L``; **cross**: pairs whose
  two articles have different languages (with ``TP_cross = TP_all - sum_L TP_L`` and so on).

>>> gold = {"a": 1, "b": 1, "c": 2, "d": 2}
>>> pred = {"a": "x", "b": "x", "c": "x", "d": "y"}
>>> s = score_clustering(gold, pred)
>>> round(s.pairwise.precision, 3), s.pairwise.recall, round(s.pairwise.f1, 3)
(0.333, 0.5, 0.4)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

__all__ = ["PRF", "ClusteringScore", "adjusted_rand_index", "bcubed", "pair_counts", "score_clustering"]


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 (and, for pairwise figures, the pair counts they come from)."""

    precision: float
    recall: float
    f1: float
    true_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0

    @classmethod
    def from_counts(cls, correct: int, predicted: int, true: int) -> PRF:
        p = correct / predicted if predicted else 1.0
        r = correct / true if true else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(p, r, f, true, predicted, correct)


@dataclass(frozen=True, slots=True)
class ClusteringScore:
    """Every figure for one clustering against its gold standard."""

    articles: int
    true_stories: int
    predicted_stories: int
    pairwise: PRF
    bcubed: PRF
    ari: float
    per_language: dict[str, PRF] = field(default_factory=dict)
    cross_language: PRF | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pair_counts(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> tuple[int, int, int]:
    """``(correct, predicted, true)`` pair counts over the articles of ``gold``."""
    ids = list(gold)
    joint = Counter((gold[i], pred[i]) for i in ids)
    correct = sum(_pairs(n) for n in joint.values())
    predicted = sum(_pairs(n) for n in Counter(pred[i] for i in ids).values())
    true = sum(_pairs(n) for n in Counter(gold[i] for i in ids).values())
    return correct, predicted, true


def bcubed(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> PRF:
    """B-cubed precision, recall and F1 over the articles of ``gold``."""
    ids = list(gold)
    if not ids:
        return PRF(1.0, 1.0, 1.0)
    joint = Counter((gold[i], pred[i]) for i in ids)
    gsize = Counter(gold[i] for i in ids)
    psize = Counter(pred[i] for i in ids)
    p = sum(joint[(gold[i], pred[i])] / psize[pred[i]] for i in ids) / len(ids)
    r = sum(joint[(gold[i], pred[i])] / gsize[gold[i]] for i in ids) / len(ids)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def adjusted_rand_index(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> float:
    """ARI of ``pred`` against ``gold`` (1.0 identical, about 0 for chance, 1.0 if both trivial).

    >>> adjusted_rand_index({"a": 1, "b": 1, "c": 2}, {"a": 5, "b": 5, "c": 6})
    1.0
    """
    ids = list(gold)
    g_index = {c: k for k, c in enumerate(dict.fromkeys(gold[i] for i in ids))}
    p_index = {c: k for k, c in enumerate(dict.fromkeys(pred[i] for i in ids))}
    table = np.zeros((len(g_index), len(p_index)), dtype=np.int64)
    for i in ids:
        table[g_index[gold[i]], p_index[pred[i]]] += 1

    def comb2(x: np.ndarray[Any, Any]) -> float:
        return float((x * (x - 1) // 2).sum())

    index = comb2(table)
    a = comb2(table.sum(axis=1))
    b = comb2(table.sum(axis=0))
    total = _pairs(len(ids))
    if total == 0:
        return 1.0
    expected = a * b / total
    maximum = (a + b) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def score_clustering(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable],
                     languages: Mapping[str, str | None] | None = None) -> ClusteringScore:
    """All figures; ``languages`` (article -> code) adds per-language and cross-language pairwise PRF."""
    missing = [i for i in gold if i not in pred]
    if missing:
        raise ValueError(f"{len(missing)} gold articles have no predicted story, e.g. {missing[0]!r}")
    ids = list(gold)
    all_counts = pair_counts(gold, pred)
    per_language: dict[str, PRF] = {}
    cross: PRF | None = None
    if languages is not None:
        groups: dict[str, list[str]] = {}
        for i in ids:
            groups.setdefault(languages.get(i) or "und", []).append(i)
        sums = [0, 0, 0]
        for lang in sorted(groups):
            members = groups[lang]
            counts = pair_counts({i: gold[i] for i in members}, {i: pred[i] for i in members})
            per_language[lang] = PRF.from_counts(*counts)
            sums = [s + c for s, c in zip(sums, counts, strict=True)]
        cross = PRF.from_counts(*(a - s for a, s in zip(all_counts, sums, strict=True)))
    return ClusteringScore(
        articles=len(ids),
        true_stories=len({gold[i] for i in ids}),
        predicted_stories=len({pred[i] for i in ids}),
        pairwise=PRF.from_counts(*all_counts),
        bcubed=bcubed(gold, pred),
        ari=adjusted_rand_index(gold, pred),
        per_language=per_language,
        cross_language=cross,
    )
