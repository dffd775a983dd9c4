"""Passage alignment: which stretches of text B were taken from text A, with small edits.

Method (seed-and-extend, as in text-reuse detection and BLAST):

1. Both texts are normalised with :func:`~storydiff.text.normalize.normalize_with_offsets`
   (quotes „“ "" »« unified, case folded) and split into words by
   :func:`~storydiff.text.tokens.word_spans`; punctuation is not a token, so quote style
   never breaks a match. Every token keeps its character span in the ORIGINAL text.
2. Seeds are the ``k``-word sequences (default 4) present in both texts; each seed is
   extended to a maximal exact run along its diagonal. Runs are found wherever they
   are, so reordered paragraphs are aligned too.
3. Runs are chained into passages when the next run starts at most ``max_gap`` words
   after the previous one in both texts (same order). The words skipped between two
   runs become an :class:`~storydiff.model.Edit` ("3000" became "3800").
4. Passages with fewer than ``min_words`` matched words are dropped; overlaps (repeated
   phrases) are resolved greedily, longest passage first, so every word of A and of B
   belongs to at most one passage.

>>> a = 'Er sagte: „Mehr als 3000 Demonstranten seien festgenommen worden und 18 verletzt.“'
>>> b = 'Später hieß es: "Mehr als 3800 Demonstranten seien festgenommen worden und 18 verletzt."'
>>> [p] = align(a, b)
>>> a[p.a_start:p.a_end]
'Mehr als 3000 Demonstranten seien festgenommen worden und 18 verletzt'
>>> [(e.a_text, e.b_text) for e in p.edits]
[('3000', '3800')]
"""

from __future__ import annotations

from dataclasses import dataclass

from storydiff.model import Edit, Passage
from storydiff.text.normalize import normalize_with_offsets
from storydiff.text.tokens import word_spans

__all__ = ["Tokens", "align", "tokenize"]


@dataclass(frozen=True, slots=True)
class Tokens:
    """Token ids and their ``[start, end)`` character spans in the original text."""

    ids: tuple[int, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def tokenize(text: str, vocab: dict[str, int]) -> Tokens:
    """Words of ``text`` as ids from ``vocab`` (extended as needed), with original offsets."""
    norm, offsets = normalize_with_offsets(text)
    ids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    for s, e, tok in word_spans(norm):
        ids.append(vocab.setdefault(tok, len(vocab)))
        starts.append(offsets[s])
        ends.append(offsets[e - 1] + 1)
    return Tokens(tuple(ids), tuple(starts), tuple(ends))


@dataclass(slots=True)
class _Chain:
    runs: list[tuple[int, int, int]]  # (i, j, length)

    @property
    def a_end(self) -> int:
        i, _, n = self.runs[-1]
        return i + n

    @property
    def b_end(self) -> int:
        _, j, n = self.runs[-1]
        return j + n

    @property
    def matched(self) -> int:
        return sum(n for _, _, n in self.runs)


def _runs(a: tuple[int, ...], b: tuple[int, ...], k: int) -> list[tuple[int, int, int]]:
    """Maximal exact runs of at least ``k`` tokens, as ``(i, j, length)`` sorted by ``(i, j)``."""
    grams: dict[tuple[int, ...], list[int]] = {}
    for i in range(len(a) - k + 1):
        grams.setdefault(a[i : i + k], []).append(i)
    covered: set[tuple[int, int]] = set()
    runs: list[tuple[int, int, int]] = []
    for j in range(len(b) - k + 1):
        for i in grams.get(b[j : j + k], ()):
            if (i, j) in covered:
                continue
            # extend backwards is unnecessary: j scans left to right, so an earlier start was seen
            n = k
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            for d in range(n):
                covered.add((i + d, j + d))
            runs.append((i, j, n))
    runs.sort()
    return runs


def _chain(runs: list[tuple[int, int, int]], max_gap: int) -> list[_Chain]:
    chains: list[_Chain] = []
    open_by_end: list[_Chain] = []
    for i, j, n in runs:
        best: _Chain | None = None
        best_gap = max_gap * 2 + 1
        for c in open_by_end:
            ga, gb = i - c.a_end, j - c.b_end
            if 0 <= ga <= max_gap and 0 <= gb <= max_gap and ga + gb > 0 and ga + gb < best_gap:
                best, best_gap = c, ga + gb
        if best is None:
            best = _Chain([])
            chains.append(best)
            open_by_end.append(best)
        best.runs.append((i, j, n))
        open_by_end = [c for c in open_by_end if c.a_end + max_gap >= i]
    return chains


def _extend(c: _Chain, a: tuple[int, ...], b: tuple[int, ...], max_gap: int, min_run: int = 2) -> None:
    """Grow a chain at both ends by runs shorter than a seed (``>= min_run`` words) behind a small gap."""
    while True:  # backwards
        i0, j0, _ = c.runs[0]
        best: tuple[int, int, int, int] | None = None  # (-m, gap, i, j)
        for ga in range(max_gap + 1):
            for gb in range(max_gap + 1):
                if ga + gb == 0:
                    continue
                i, j, m = i0 - ga, j0 - gb, 0
                while i - m - 1 >= 0 and j - m - 1 >= 0 and a[i - m - 1] == b[j - m - 1]:
                    m += 1
                if m >= min_run and (best is None or (-m, ga + gb) < best[:2]):
                    best = (-m, ga + gb, i - m, j - m)
        if best is None:
            break
        c.runs.insert(0, (best[2], best[3], -best[0]))
    while True:  # forwards
        i0, j0 = c.a_end, c.b_end
        best = None
        for ga in range(max_gap + 1):
            for gb in range(max_gap + 1):
                if ga + gb == 0:
                    continue
                i, j, m = i0 + ga, j0 + gb, 0
                while i + m < len(a) and j + m < len(b) and a[i + m] == b[j + m]:
                    m += 1
                if m >= min_run and (best is None or (-m, ga + gb) < best[:2]):
                    best = (-m, ga + gb, i, j)
        if best is None:
            break
        c.runs.append((best[2], best[3], -best[0]))


def _overlaps(x: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(x[0] < e and s < x[1] for s, e in spans)


def align(text_a: str, text_b: str, *, seed_words: int = 4, max_gap: int = 3, min_words: int = 8) -> list[Passage]:
    """The passages shared by ``text_a`` and ``text_b``, in the order of ``text_a``.

    Offsets are character offsets into the original texts; ``Passage.text`` is the
    passage as written in ``text_a``.
    """
    vocab: dict[str, int] = {}
    ta, tb = tokenize(text_a, vocab), tokenize(text_b, vocab)
    chains = _chain(_runs(ta.ids, tb.ids, seed_words), max_gap)
    for c in chains:
        _extend(c, ta.ids, tb.ids, max_gap)
    chains = [c for c in chains if c.matched >= min_words]
    chains.sort(key=lambda c: (-c.matched, c.runs[0][0], c.runs[0][1]))
    used_a: list[tuple[int, int]] = []
    used_b: list[tuple[int, int]] = []
    passages: list[Passage] = []
    for c in chains:
        sa, sb = (c.runs[0][0], c.a_end), (c.runs[0][1], c.b_end)
        if _overlaps(sa, used_a) or _overlaps(sb, used_b):
            continue
        used_a.append(sa)
        used_b.append(sb)
        passages.append(_passage(c, ta, tb, text_a, text_b))
    passages.sort(key=lambda p: (p.a_start, p.b_start))
    return passages


def _span(t: Tokens, lo: int, hi: int, fallback: int) -> tuple[int, int]:
    """Character span of tokens ``[lo, hi)``; an empty range is the point before token ``lo``."""
    if hi > lo:
        return t.starts[lo], t.ends[hi - 1]
    return fallback, fallback


def _passage(c: _Chain, ta: Tokens, tb: Tokens, text_a: str, text_b: str) -> Passage:
    edits: list[Edit] = []
    for (i1, j1, n1), (i2, j2, _) in zip(c.runs, c.runs[1:], strict=False):
        a0, a1 = _span(ta, i1 + n1, i2, ta.ends[i1 + n1 - 1])
        b0, b1 = _span(tb, j1 + n1, j2, tb.ends[j1 + n1 - 1])
        edits.append(Edit(text_a[a0:a1], text_b[b0:b1], a0, a1, b0, b1))
    i0, j0, _ = c.runs[0]
    a_start, a_end = ta.starts[i0], ta.ends[c.a_end - 1]
    b_start, b_end = tb.starts[j0], tb.ends[c.b_end - 1]
    return Passage(a_start, a_end, b_start, b_end, text_a[a_start:a_end], tuple(edits))
