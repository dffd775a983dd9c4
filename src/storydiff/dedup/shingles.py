"""Shingling: a text becomes a set of 32-bit integers.

Method: the text is normalised with :func:`storydiff.text.normalize.normalize` (NFKC,
case folding, „“ "" »« unified, whitespace collapsed, line-break hyphenation joined)
and tokenised with :func:`storydiff.text.tokens.words` (scripts written without spaces
are split per character; combining marks stay in their word; tokens folded by
:func:`storydiff.text.tokens.fold_token`, so vocalised and plain Arabic, ``٣٨٠٠`` and
``3800``, ``ё`` and ``е`` shingle alike; Korean words, a stem with its particles, are
shingled per syllable). Each distinct token gets a 64-bit id from BLAKE2b (cached per
call, so a batch hashes each distinct word once); the ids of ``k`` consecutive tokens are
combined in numpy with a multiply-xor rolling step and the SplitMix64 finaliser, and the
upper 32 bits are kept. Texts with fewer than ``short_text_words`` words are shingled by
``char_size``-character grams of the normalised text instead (with a different seed, so
the two kinds never collide on purpose). Nothing depends on ``PYTHONHASHSEED``.

>>> a = shingle_set("Mehr als 3000 Demonstranten seien festgenommen worden, hieß es.", short_text_words=0)
>>> b = shingle_set("„Mehr als 3000 Demonstranten seien festgenommen worden“, hieß es", short_text_words=0)
>>> bool((a == b).all()), len(a)
(True, 5)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storydiff.settings import DedupSettings
from storydiff.text.normalize import normalize
from storydiff.text.tokens import PLAIN_TOKEN, needs_folding, words

__all__ = ["ShingleSets", "char_shingles", "shingle_normalized", "shingle_set", "shingle_sets", "splitmix64",
           "tokens_to_ids",
           "word_shingles"]

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]
ShingleSets = list[U32]

_MUL = np.uint64(0x9E3779B97F4A7C15)
#: any character at or above U+0E00 (Thai onwards): below it no script is written without spaces
_SPACELESS_SCRIPTS = re.compile("[\u0e00-\U0010ffff]")
_HANGUL = re.compile("[\uac00-\ud7af]")
_WORD_SEED = np.uint64(0x2545F4914F6CDD1D)
_CHAR_SEED = np.uint64(0x5851F42D4C957F2D)


def splitmix64(x: U64) -> U64:
    """SplitMix64 finaliser (in place on a fresh array)."""
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def tokens_to_ids(tokens: Sequence[str], cache: dict[str, int]) -> U64:
    """64-bit BLAKE2b ids of ``tokens``; ``cache`` keeps ids of words already seen."""
    for tok in set(tokens).difference(cache):
        cache[tok] = int.from_bytes(hashlib.blake2b(tok.encode("utf-8"), digest_size=8).digest(), "little")
    return np.fromiter(map(cache.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


def _roll(ids: U64, k: int, seed: np.uint64) -> U32:
    """Hash every window of ``k`` consecutive ids to 32 bits; unique and sorted."""
    n = len(ids) - k + 1
    if n <= 0:
        if len(ids) == 0:
            return np.empty(0, dtype=np.uint32)
        ids, n, k = ids, 1, len(ids)
    with np.errstate(over="ignore"):
        h = np.full(n, seed, dtype=np.uint64)
        for j in range(k):
            h = (h ^ ids[j : j + n]) * _MUL
            h ^= h >> np.uint64(29)
        h = splitmix64(h)
    return np.unique((h >> np.uint64(32)).astype(np.uint32))


def word_shingles(tokens: Sequence[str], k: int, cache: dict[str, int] | None = None) -> U32:
    """The set of ``k``-word shingles (a text shorter than ``k`` words is one shingle)."""
    return _roll(tokens_to_ids(tokens, {} if cache is None else cache), k, _WORD_SEED)


def char_shingles(norm_text: str, k: int) -> U32:
    """The set of ``k``-character shingles of an already normalised text."""
    codes = np.frombuffer(norm_text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    return _roll(codes, k, _CHAR_SEED)


def shingle_set(text: str, settings: DedupSettings | None = None, *, short_text_words: int | None = None,
                cache: dict[str, int] | None = None) -> U32:
    """The sorted unique shingle hashes of ``text`` (see module docstring)."""
    return shingle_normalized(normalize(text), settings, short_text_words=short_text_words, cache=cache)[0]


def shingle_normalized(norm: str, settings: DedupSettings | None = None, *, short_text_words: int | None = None,
                       cache: dict[str, int] | None = None) -> tuple[U32, bool]:
    """:func:`shingle_set` of an already normalised text, and whether it is character-shingled."""
    s = settings or DedupSettings()
    limit = s.short_text_words if short_text_words is None else short_text_words
    # fast path: below U+0E00 no script is written without spaces, and without marks, tatweel, ё or
    # non-ASCII digits token folding is the identity on normalised text, so words() is the plain regex
    plain = _SPACELESS_SCRIPTS.search(norm) is None and not needs_folding(norm)
    toks = PLAIN_TOKEN.findall(norm) if plain else words(norm)
    if _HANGUL.search(norm) is not None:  # Korean words are long (stem + particles): shingle per syllable
        toks = [part for tok in toks for part in (list(tok) if _HANGUL.search(tok) else [tok])]
    if len(toks) < limit:
        return char_shingles(norm, s.char_shingle_size), True
    return word_shingles(toks, s.shingle_size, cache), False


def shingle_sets(texts: Sequence[str], settings: DedupSettings | None = None) -> ShingleSets:
    """:func:`shingle_set` for a batch, sharing one word-id cache."""
    cache: dict[str, int] = {}
    return [shingle_set(t, settings, cache=cache) for t in texts]
