"""Shingle many texts at once: the sets of :func:`~storydiff.dedup.shingles.shingle_normalized`, faster.

Exact verification re-shingles the stored texts of every candidate (tens per article on a
store full of wire copies), and per text the work is mostly interpreter overhead and
per-character Python passes: normalising, a regex scan, a dict lookup per token, a dozen
small numpy calls. :func:`shingle_batch` (normalised texts) and :func:`shingle_raw`
(texts as stored) do the same for a whole batch in a few numpy passes:

1. the texts are joined with NUL and read as UTF-32 code points. :func:`shingle_batch`
   leaves to the reference the texts with a character at or above U+0E00 or one that token
   folding changes (:func:`storydiff.text.tokens.needs_folding`: marks, tatweel, ``ё``,
   non-ASCII digits), where ``shingle_normalized`` leaves its regex fast path; :func:`shingle_raw` skips
   normalising a text that is NFKC already, has no line-break hyphenation and holds only
   characters whose case folding keeps their token class (a per-code-point table of the
   Basic Multilingual Plane, scripts written without spaces excluded): its tokens are then
   those of its normalised form, once apostrophe-like quotes count as apostrophes and each
   token is case folded. Other texts are normalised first;
2. tokens are the matches of :data:`storydiff.text.tokens._TOKEN` (numbers with ``.,'``
   separators; letter runs with at most one inner apostrophe), found from the class table
   (``str.isalnum``/``isdecimal``, which the regex's ``\\w``/``\\d`` are) as maximal runs and
   their joins; in a chain of letter runs joined by apostrophes the regex pairs runs
   greedily from the left, so run ``k`` of a chain absorbs run ``k + 1`` when ``k`` is even;
3. each token gets a 64-bit fingerprint (a polynomial hash of its code points modulo
   2**64 from one prefix sum, then SplitMix64 with its length); the distinct fingerprints
   of the batch are looked up once each in the word-id cache (BLAKE2b, as the reference);
4. the rolling shingle hash runs once over all texts' ids (character codes for texts under
   ``short_text_words`` words); windows that cross texts are dropped, and one sort of
   ``(text, hash)`` keys gives every text's sorted unique set.

The result equals the reference's (tests compare them on real articles and on random
strings of tricky characters) except if two distinct tokens of one batch share a 64-bit
fingerprint (odds about ``tokens**2 / 2**65``). The tables take about 0.1 s once per process.

>>> from storydiff.dedup.shingles import shingle_normalized
>>> from storydiff.settings import DedupSettings
>>> from storydiff.text.normalize import normalize
>>> s = DedupSettings(short_text_words=3)
>>> texts = ["Mehr als 3.800 Menschen, sagte Tokajew’s Sprecher am Freitag", "a'b'c'd 1,5 x_y ²", ""]
>>> got = shingle_raw(texts, s, {})
>>> want = [shingle_normalized(normalize(t), s, cache={}) for t in texts]
>>> all(g[1] == w[1] and (g[0] == w[0]).all() for g, w in zip(zip(*got), want))
True
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storydiff.dedup.shingles import (
    _CHAR_SEED,
    _MUL,
    _WORD_SEED,
    char_shingles,
    shingle_normalized,
    splitmix64,
    tokens_to_ids,
)
from storydiff.settings import DedupSettings
from storydiff.text.normalize import _HYPHEN_BREAK, _REPLACE, normalize
from storydiff.text.tokens import _MAYBE_UNSPACED, FOLD_CHARS, needs_folding

__all__ = ["shingle_batch", "shingle_raw"]

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

#: normalised texts with code points below this take the fast path (``shingle_normalized``
#: uses the plain token regex below it)
_LIMIT = 0x0E00
_LETTER, _DIGIT = 1, 2
#: characters shingled together (4 MiB per power table; a longer text is a chunk of its own)
_CHUNK = 1 << 19
_APOSTROPHE = ord("'")
_NUMBER_SEPARATORS = np.array([ord("."), ord(","), ord("'")], dtype=np.uint32)
_POLY = np.uint64(0x100000001B3)  # odd, so the polynomial hash is a bijection per length
#: characters normalize() turns into an apostrophe (the only replacement that changes tokens)
_TO_APOSTROPHE = {ord(k): "'" for k, v in _REPLACE.items() if v == "'"}


def _kind(ch: str) -> int:
    """What the token regex sees in ``ch``: 1 letter, 2 digit, 3 apostrophe, 4 ``.`` or ``,``, 0 other.

    ``[^\\W\\d_]`` is ``str.isalnum()`` less decimals and ``_``; ``\\d`` is ``str.isdecimal()``.
    """
    if ch.isdecimal():
        return _DIGIT
    if ch.isalnum() and ch != "_":
        return _LETTER
    return {"'": 3, ".": 4, ",": 4}.get(ch, 0)


@dataclass(frozen=True, slots=True)
class _Tables:
    """Per code point of the Basic Multilingual Plane: token class after normalisation, and
    whether a text made of such characters tokenises as its normalised form does (``direct``)."""

    classes: npt.NDArray[np.uint8]
    apostrophes: npt.NDArray[np.bool_]
    direct: npt.NDArray[np.bool_]


@functools.cache
def _tables() -> _Tables:
    """Built once per process (about 0.1 s): see :class:`_Tables`.

    A character is ``direct`` when it is not dropped by normalize(), not NUL (the batch
    separator), not in a block of scripts written without spaces, and case folding (applied
    twice) keeps the token class of each of its characters; NFKC and the line-break
    hyphenation are checked per text.
    """
    size = 0x10000
    classes = np.zeros(size, dtype=np.uint8)
    apostrophes = np.zeros(size, dtype=np.bool_)
    direct = np.zeros(size, dtype=np.bool_)
    dropped = {k for k, v in _REPLACE.items() if not v}
    for code in range(1, size):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        mapped = _TO_APOSTROPHE.get(code, ch)
        kind = _kind(mapped)
        classes[code] = kind if kind in (_LETTER, _DIGIT) else 0
        apostrophes[code] = kind == 3
        folded = mapped.casefold()
        direct[code] = (ch not in FOLD_CHARS and ch not in dropped and _MAYBE_UNSPACED.search(ch + folded) is None
                        and folded.casefold() == folded and all(_kind(c) == kind for c in folded))
    for table in (classes, apostrophes, direct):
        table.setflags(write=False)
    return _Tables(classes, apostrophes, direct)


def _runs(mask: npt.NDArray[np.bool_]) -> tuple[I64, I64]:
    """``(starts, ends)`` of the maximal runs of True in ``mask``."""
    edges = np.diff(np.concatenate(([False], mask, [False])).view(np.int8))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


def _tokens(codes: U32, fold: bool) -> tuple[I64, I64]:
    """``(starts, ends)`` of the regex's tokens in ``codes`` (BMP), in text order; ``fold``: in
    the normalised form of ``codes`` (every character that becomes an apostrophe is one)."""
    tables = _tables()
    cls = tables.classes[codes]
    apostrophe = tables.apostrophes[codes] if fold else codes == _APOSTROPHE
    ls, le = _letter_tokens(apostrophe, *_runs(cls == _LETTER))
    ds, de = _number_tokens(codes, apostrophe, *_runs(cls == _DIGIT))
    # the tokens are disjoint, so their starts and their ends sort alike: mark them, read them back in order
    marks = np.zeros(len(codes) + 1, dtype=np.uint8)
    marks[ls] = marks[ds] = 1
    marks[le] |= 2
    marks[de] |= 2
    return np.flatnonzero(marks & 1), np.flatnonzero(marks & 2)


def _joined(starts: I64, ends: I64) -> npt.NDArray[np.bool_]:
    """Whether run ``k`` and run ``k + 1`` are separated by exactly one character (``len(starts) - 1`` flags)."""
    return np.asarray(ends[:-1] + 1 == starts[1:], dtype=np.bool_)


def _letter_tokens(apostrophe: npt.NDArray[np.bool_], starts: I64, ends: I64) -> tuple[I64, I64]:
    """Letter runs, run ``k`` absorbing run ``k + 1`` across one apostrophe (greedy pairs within a chain)."""
    if not len(starts):
        return starts, ends
    join = _joined(starts, ends) & apostrophe[np.minimum(ends[:-1], len(apostrophe) - 1)]
    idx = np.arange(len(starts))
    chain_start = np.maximum.accumulate(np.where(np.concatenate(([True], ~join)), idx, 0))
    even = (idx - chain_start) % 2 == 0
    merge = np.concatenate((join, [False])) & even
    return starts[even], np.where(merge, np.concatenate((ends[1:], [0])), ends)[even]


def _number_tokens(codes: U32, apostrophe: npt.NDArray[np.bool_], starts: I64, ends: I64) -> tuple[I64, I64]:
    """Digit runs joined across single ``.,'`` separators, whole chains."""
    if not len(starts):
        return starts, ends
    after = np.minimum(ends[:-1], len(codes) - 1)
    sep = apostrophe[after] | np.isin(codes[after], _NUMBER_SEPARATORS[:2])
    join = _joined(starts, ends) & sep
    return starts[np.concatenate(([True], ~join))], ends[np.concatenate((~join, [True]))]


def _fingerprints(codes: U32, starts: I64, ends: I64) -> U64:
    """64-bit fingerprints of the tokens ``codes[starts[i]:ends[i]]``."""
    powers, inverses = _powers(len(codes))
    with np.errstate(over="ignore"):
        prefix = np.concatenate(([np.uint64(0)], np.cumsum(codes.astype(np.uint64) * powers[: len(codes)])))
        # sum_j c_j POLY**(j+1) over the token, times POLY**-start: position-independent
        rel = (prefix[ends] - prefix[starts]) * inverses[starts]
        return splitmix64(rel ^ (ends - starts).astype(np.uint64) * _MUL)


def _power_tables(size: int) -> tuple[U64, U64]:
    """``(POLY**(i+1), POLY**-i)`` for ``i < size``, read-only."""
    with np.errstate(over="ignore"):
        powers = np.cumprod(np.full(size, _POLY, dtype=np.uint64), dtype=np.uint64)
        inverses = np.concatenate(([np.uint64(1)], np.cumprod(np.full(size - 1, _inverse(_POLY), dtype=np.uint64),
                                                              dtype=np.uint64)), dtype=np.uint64)
    powers.setflags(write=False)
    inverses.setflags(write=False)
    return powers, inverses


@functools.cache
def _chunk_tables() -> tuple[U64, U64]:
    return _power_tables(_CHUNK)


def _powers(n: int) -> tuple[U64, U64]:
    """:func:`_power_tables` for at least ``n`` positions: those of a chunk, built once per process,
    or for a text longer than a chunk its own."""
    return _chunk_tables() if n <= _CHUNK else _power_tables(n)


def _inverse(a: np.uint64) -> np.uint64:
    """Multiplicative inverse of the odd ``a`` modulo 2**64 (Newton's iteration).

    >>> int(_inverse(np.uint64(3))) * 3 % 2**64
    1
    """
    x = int(a)
    inv = x
    for _ in range(6):
        inv = inv * (2 - x * inv) % (1 << 64)
    return np.uint64(inv)


def _roll_all(ids: U64, k: int, seed: np.uint64 = _WORD_SEED) -> U64:
    """The reference rolling hash of every window of ``k`` ids (before the 32-bit cut)."""
    n = len(ids) - k + 1
    with np.errstate(over="ignore"):
        h = np.full(n, seed, dtype=np.uint64)
        for j in range(k):
            h = (h ^ ids[j : j + n]) * _MUL
            h ^= h >> np.uint64(29)
        return splitmix64(h)


def shingle_batch(norms: Sequence[str], settings: DedupSettings,
                  cache: dict[str, int]) -> tuple[list[U32], list[bool]]:
    """``(sets, kinds)``: :func:`~storydiff.dedup.shingles.shingle_normalized` of each normalised text.

    ``cache``: the word-id cache shared with the reference (word -> BLAKE2b id).
    """
    out: list[tuple[U32, bool] | None] = [None] * len(norms)
    plain = [i for i, ok in zip(range(len(norms)), _plain(norms), strict=True) if ok]
    for i in sorted(set(range(len(norms))) - set(plain)):
        out[i] = shingle_normalized(norms[i], settings, cache=cache)
    _fast(norms, plain, settings, cache, out, fold=False)
    return [o[0] for o in out if o is not None], [o[1] for o in out if o is not None]


def shingle_raw(texts: Sequence[str], settings: DedupSettings,
                cache: dict[str, int]) -> tuple[list[U32], list[bool]]:
    """``(sets, kinds)`` of :func:`~storydiff.text.normalize.normalize`-d ``texts``, mostly without normalising them.

    A text that is NFKC already, holds only ``direct`` characters (see :func:`_tables`) and
    no line-break hyphenation is tokenised as it is (its tokens are then those of its
    normalised form once apostrophes are unified and case folded); the others are normalised
    first, as are the texts shingled by characters.
    """
    out: list[tuple[U32, bool] | None] = [None] * len(texts)
    direct = [i for i, ok in zip(range(len(texts)), _direct(texts), strict=True) if ok]
    rest = sorted(set(range(len(texts))) - set(direct))
    if rest:
        sets, kinds = shingle_batch([normalize(texts[i]) for i in rest], settings, cache)
        for i, got in zip(rest, zip(sets, kinds, strict=True), strict=True):
            out[i] = got
    _fast(texts, direct, settings, cache, out, fold=True)
    return [o[0] for o in out if o is not None], [o[1] for o in out if o is not None]


def _codes(texts: Sequence[str]) -> tuple[U32, I64]:
    """Code points of the texts joined by NUL, and where each text starts."""
    codes = np.frombuffer("\0".join(texts).encode("utf-32-le"), dtype=np.uint32)
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    return codes, np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))


def _plain(norms: Sequence[str]) -> list[bool]:
    """Whether each normalised text is non-empty, without NUL, and below :data:`_LIMIT` throughout."""
    if not norms:
        return []
    codes, starts = _codes([t or " " for t in norms])
    codes = codes.copy()
    codes[starts[1:] - 1] = ord(" ")  # the separators
    ok = (np.maximum.reduceat(codes, starts) < _LIMIT) & (np.minimum.reduceat(codes, starts) > 0)
    return [good and bool(t) and not needs_folding(t) for good, t in zip(ok.tolist(), norms, strict=True)]


def _direct(texts: Sequence[str]) -> list[bool]:
    """Whether each raw text may be tokenised without normalising it (see :func:`shingle_raw`)."""
    if not texts:
        return []
    codes, starts = _codes([t or " " for t in texts])
    wide = codes >= 0x10000
    safe = ~wide & _tables().direct[np.where(wide, 0, codes)]
    safe[starts[1:] - 1] = True  # the separators
    ok = np.logical_and.reduceat(safe, starts).tolist()
    return [good and bool(t) and unicodedata.is_normalized("NFKC", t)
            and not ("\n" in t and "-" in t and _HYPHEN_BREAK.search(t)) for good, t in zip(ok, texts, strict=True)]


def _fast(texts: Sequence[str], which: list[int], settings: DedupSettings, cache: dict[str, int],
          out: list[tuple[U32, bool] | None], *, fold: bool) -> None:
    """Fill ``out[i]`` for each ``i`` of ``which`` (texts of BMP code points); ``fold``: texts
    not yet normalised, whose tokens get apostrophes unified and case folded.

    Works in chunks of about :data:`_CHUNK` characters, which bounds the temporary arrays
    and the power tables of :func:`_fingerprints`.
    """
    chunk: list[int] = []
    size = 0
    for i in which:
        if chunk and size + len(texts[i]) > _CHUNK:
            _fast_chunk(texts, chunk, settings, cache, out, fold=fold)
            chunk, size = [], 0
        chunk.append(i)
        size += len(texts[i]) + 1
    if chunk:
        _fast_chunk(texts, chunk, settings, cache, out, fold=fold)


def _fast_chunk(texts: Sequence[str], which: list[int], settings: DedupSettings, cache: dict[str, int],
                out: list[tuple[U32, bool] | None], *, fold: bool) -> None:
    """:func:`_fast` of one chunk."""
    chosen = [texts[i] for i in which]
    codes, text_starts = _codes(chosen)
    joined = "\0".join(chosen)
    starts, ends = _tokens(codes, fold)
    owner = np.searchsorted(text_starts, starts, side="right") - 1
    counts = np.bincount(owner, minlength=len(which))
    k = settings.shingle_size
    word_path = counts >= max(settings.short_text_words, k)
    short = np.flatnonzero(counts < settings.short_text_words).tolist()
    if short:
        norms = [normalize(texts[which[j]]) if fold else texts[which[j]] for j in short]
        for j, got in zip(short, _char_sets(norms, settings.char_shingle_size), strict=True):
            out[which[j]] = (got, True)
    for j in np.flatnonzero(~word_path & (counts >= settings.short_text_words)).tolist():  # fewer words than k
        out[which[j]] = shingle_normalized(normalize(texts[which[j]]) if fold else texts[which[j]], settings,
                                           cache=cache)
    if not word_path.any():
        return
    keep = word_path[owner]
    starts, ends, owner = starts[keep], ends[keep], owner[keep]
    if fold:
        codes = np.where(_tables().apostrophes[codes], np.uint32(_APOSTROPHE), codes)
    prints = _fingerprints(codes, starts, ends)
    order = np.argsort(prints)
    ranked = prints[order]
    new = np.concatenate(([True], ranked[1:] != ranked[:-1]))
    first = order[new]  # one occurrence of each distinct token
    inv = np.empty(len(prints), dtype=np.int64)
    inv[order] = np.cumsum(new) - 1
    words = [joined[s:e] for s, e in zip(starts[first].tolist(), ends[first].tolist(), strict=True)]
    if fold:
        words = [w.casefold() if w.isalnum() else w.translate(_TO_APOSTROPHE).casefold() for w in words]
    ids = tokens_to_ids(words, cache)[inv]
    hashes = _roll_all(ids, k)
    window_owner = owner[: len(hashes)]
    valid = owner[k - 1 :] == window_owner
    for j, got in zip(np.flatnonzero(word_path).tolist(), _split_sets(window_owner[valid], hashes[valid],
                                                                       np.flatnonzero(word_path)), strict=True):
        out[which[j]] = (got, False)


def _split_sets(owner: I64, hashes: U64, texts: I64) -> list[U32]:
    """The sorted unique upper 32 bits of ``hashes`` of each text of ``texts`` (``owner``: text of each hash)."""
    keys = np.sort((owner.astype(np.uint64) << np.uint64(32)) | (hashes >> np.uint64(32)))
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    bounds = np.searchsorted(keys, np.append(texts, texts[-1] + 1).astype(np.uint64) << np.uint64(32))
    return [keys[bounds[n] : bounds[n + 1]].astype(np.uint32) for n in range(len(texts))]


def _char_sets(norms: list[str], k: int) -> list[U32]:
    """:func:`~storydiff.dedup.shingles.char_shingles` of each normalised text, in one pass."""
    out: list[U32 | None] = [None] * len(norms)
    longer = [i for i, t in enumerate(norms) if len(t) >= k]
    for i in sorted(set(range(len(norms))) - set(longer)):
        out[i] = char_shingles(norms[i], k)
    if longer:
        codes, starts = _codes([norms[i] for i in longer])
        hashes = _roll_all(codes.astype(np.uint64), k, _CHAR_SEED)
        owner = np.searchsorted(starts, np.arange(len(hashes)), side="right") - 1
        ends = starts + np.array([len(norms[i]) for i in longer], dtype=np.int64)
        valid = np.arange(len(hashes)) + k <= ends[owner]
        for i, got in zip(longer, _split_sets(owner[valid], hashes[valid], np.arange(len(longer))), strict=True):
            out[i] = got
    return [o for o in out if o is not None]
