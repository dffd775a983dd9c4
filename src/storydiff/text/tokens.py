"""Word tokenisation that is safe for non-Latin scripts.

``\\w`` alone treats a line of Chinese or Thai as one huge "word" and an underscore as a
letter; shingles built on that give false near-duplicates. :func:`word_spans` splits
on Unicode word boundaries, keeps numbers with their group and decimal separators
(``3.800``, ``2,2``, ``3,000``) in one token, and splits scripts written without spaces
(Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) into single characters, each with
its combining marks (Thai vowel and tone marks stay on their consonant). Korean is
written with spaces and keeps its words.

Combining marks (Devanagari vowel signs, Arabic harakat, Hebrew points, a decomposed
accent) and in-word format characters (soft hyphen, zero-width space/joiners) belong to
the word they sit in, so ``हिन्दी`` or ``Mu\u0308ller`` is one token. :func:`fold_token`
gives every token one folded form: case folded, NFC, format characters removed, Turkish
``İ`` as ``i``, Cyrillic ``ё`` as ``е`` (Russian print mostly omits the dots), Arabic
tatweel and harakat and Hebrew points removed, and decimal digits
of every script (``٣٨٠٠``, ``३८००``, ``３８００``) as ASCII digits.
:func:`unspaced_bigrams` turns the per-character tokens of an unspaced run into
overlapping character bigrams (Chinese, Japanese) or 4-grams (Thai and other scripts
whose characters are letters), the usual index terms for text without word breaks.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence

__all__ = ["FOLD_CHARS", "PLAIN_TOKEN", "TokenSpan", "fold_token", "needs_folding", "token_pattern", "unspaced_bigrams",
           "word_spans", "words"]

TokenSpan = tuple[int, int, str]



def _marks_and_digits() -> tuple[list[int], list[int]]:
    """The code points of combining marks (Mn, Mc, Me) and of non-ASCII decimal digits (Nd), in
    one pass over Unicode (about 0.1 s, once per process)."""
    marks: list[int] = []
    digits: list[int] = []
    category = unicodedata.category
    for c in range(0x80, sys.maxunicode + 1):
        cat = category(chr(c))
        if cat[0] == "M":
            marks.append(c)
        elif cat == "Nd":
            digits.append(c)
    return marks, digits


_MARK_CODES, _DIGIT_CODES = _marks_and_digits()


def _ranges(codes: list[int]) -> str:
    """Regex class body of the sorted ``codes``, as ranges."""
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(re.escape(chr(codes[i])) + ("-" + re.escape(chr(codes[j])) if j > i else ""))
        i = j + 1
    return "".join(parts)


#: format characters that normalize() drops inside words (soft hyphen, zero-width space/joiners, BOM)
_FORMAT = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
#: combining marks and format characters inside a word; the marks beyond the BMP are tried
#: behind a one-range guard (a class holding astral code points is matched by a slow range scan)
_LETTERS = (rf"[^\W\d_]+(?:(?:[{_ranges([c for c in _MARK_CODES if c < 0x10000])}{_FORMAT}]"
            rf"|(?=[\U00010000-\U0010ffff])[{_ranges([c for c in _MARK_CODES if c >= 0x10000])}])+[^\W\d_]*)*")
_TOKEN = re.compile(rf"\d+(?:[.,']\d+)*|{_LETTERS}(?:['\u2019]{_LETTERS})?")
#: the characters that make :func:`fold_token` differ from ``str.casefold``: marks, format
#: characters, the Arabic tatweel, Cyrillic ``ё``, non-ASCII decimal digits, and the few
#: letters whose case folding holds a mark (``İ``, Greek ``ΐ``, ``ǰ``: all in the BMP)
_FOLD_BASE = frozenset(map(chr, _MARK_CODES + _DIGIT_CODES + [ord(c) for c in _FORMAT + "\u0640\u0401\u0451"]))
FOLD_CHARS = _FOLD_BASE | {c for c in map(chr, range(0x80, 0x10000)) if not _FOLD_BASE.isdisjoint(c.casefold())}


#: the token pattern of text without marks or format characters (the same matches as
#: :data:`_TOKEN` there, about a fifth faster: no mark alternation after each letter run)
PLAIN_TOKEN = re.compile(r"\d+(?:[.,']\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


#: the few of :data:`FOLD_CHARS` that Windows-1252 can encode (the soft hyphen)
_CP1252_FOLD = "".join(sorted(c for c in FOLD_CHARS if c.encode("cp1252", "ignore")))


def needs_folding(text: str) -> bool:
    """Whether :func:`fold_token` may change a casefolded token of ``text`` beyond ``str.casefold``.

    Most Western text, typographic quotes and dashes included, is Windows-1252 throughout, which
    an encoding attempt tells in a fraction of a microsecond; only other text is searched
    character by character.

    >>> needs_folding("„Müller“ – sagte er"), needs_folding("Mu\u0308ller"), needs_folding("٣٨٠٠")
    (False, True, True)
    """
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return not FOLD_CHARS.isdisjoint(text)
    return any(c in text for c in _CP1252_FOLD)


def token_pattern(text: str) -> re.Pattern[str]:
    """The token regex for ``text``: the plain one unless ``text`` holds marks, format characters,
    tatweel, ``ё``, ``İ`` or non-ASCII digits (:func:`needs_folding`); both give the same tokens there."""
    return _TOKEN if needs_folding(text) else PLAIN_TOKEN


_STRIP = re.compile("[" + _FORMAT + "\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u0591-\u05bd\u05bf\u05c1\u05c2"
                    "\u05c4\u05c5\u05c7]")
#: unspaced scripts whose characters are letters, not morphemes (Thai, Lao, Myanmar, Khmer and relatives)
_ALPHABETIC = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f]")
_NO_SPACE_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR")
#: the Unicode blocks holding every character of those scripts (a superset): text without
#: any of them is tokenised by the regex alone, without a per-character name lookup
_MAYBE_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u2e80-\u2fff\u3040-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua9e0-\ua9ff\uaa60-\uaa7f\uac00-\ud7af\uf900-\ufaff\U0001aff0-\U0001b2ff"
    "\U00020000-\U0003ffff]"
)


def _unspaced(ch: str) -> bool:
    if ord(ch) < 0x0E00:
        return False
    name = unicodedata.name(ch, "")
    return name.startswith(_NO_SPACE_SCRIPTS)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M" or ch in _FORMAT


def _units(token: str, start: int, lower: bool) -> Iterator[TokenSpan]:
    """Split a token holding unspaced-script characters: each such character with its marks, runs of others."""
    i, n = 0, len(token)
    while i < n:
        single = _unspaced(token[i]) and not _is_mark(token[i])
        j = i + 1
        if single:
            while j < n and _is_mark(token[j]):
                j += 1
        else:
            while j < n and not (_unspaced(token[j]) and not _is_mark(token[j])):
                j += 1
        yield start + i, start + j, _case(token[i:j], lower)
        i = j


def word_spans(text: str, *, lower: bool = True) -> Iterator[TokenSpan]:
    """Yield ``(start, end, token)`` for each word or number in ``text``.

    ``lower``: tokens in their :func:`fold_token` form; otherwise as they stand in ``text``.

    >>> [t for _, _, t in word_spans("Mehr als 3.800 Demonstranten, sagte Tokajew's Sprecher")]
    ['mehr', 'als', '3.800', 'demonstranten', 'sagte', "tokajew's", 'sprecher']
    >>> [t for _, _, t in word_spans("北京大学 Peking")]
    ['北', '京', '大', '学', 'peking']
    """
    maybe = _MAYBE_UNSPACED.search(text) is not None
    pattern = token_pattern(text)
    fold = fold_token if pattern is _TOKEN else str.casefold
    for m in pattern.finditer(text):
        token = m.group()
        if maybe and any(_unspaced(c) for c in token):
            yield from _units(token, m.start(), lower)
        else:
            yield m.start(), m.end(), fold(token) if lower else token


def _case(token: str, lower: bool) -> str:
    return fold_token(token) if lower else token


def fold_token(token: str) -> str:
    """The folded form of one token (see the module docstring).

    >>> [fold_token(t) for t in ("İstanbul", "٣٨٠٠", "３８００", "كـتاب", "كِتَاب", "Mu\u0308ller", "Ёлка")]
    ['istanbul', '3800', '3800', 'كتاب', 'كتاب', 'müller', 'елка']
    """
    if token.isascii():
        return token.lower()
    folded = token.casefold()
    if FOLD_CHARS.isdisjoint(folded):
        return folded
    folded = _STRIP.sub("", unicodedata.normalize("NFC", folded).replace("i\u0307", "i").replace("ё", "е"))
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in folded)


def unspaced_bigrams(spans: Sequence[TokenSpan]) -> list[str]:
    """The tokens of ``spans`` with each run of adjacent unspaced-script characters as its n-grams.

    Chinese, Japanese and Thai carry no spaces, and single characters say little; the
    overlapping n-grams of a run (``北京大学`` -> ``北京 京大 大学``; Thai: 4-grams, see
    :func:`_pairs`) are the index terms instead. A run shorter than n stays whole; other
    tokens are unchanged.

    >>> unspaced_bigrams(list(word_spans("北京大学 Peking 雨")))
    ['北京', '京大', '大学', 'peking', '雨']
    """
    out: list[str] = []
    run: list[str] = []
    prev_end = -1
    for start, end, token in spans:
        if _unspaced(token[0]) and not _is_mark(token[0]):
            if run and start != prev_end:
                out.extend(_pairs(run))
                run = []
            run.append(token)
            prev_end = end
            continue
        if run:
            out.extend(_pairs(run))
            run = []
        out.append(token)
    if run:
        out.extend(_pairs(run))
    return out


def _pairs(run: list[str]) -> list[str]:
    """Overlapping n-grams of a run: bigrams of Han and kana (morphemes), 4-grams of Thai, Lao,
    Khmer and Myanmar characters (letters, which say as little alone as Latin letters)."""
    n = 4 if _ALPHABETIC.match(run[0]) else 2
    if len(run) <= n:
        return ["".join(run)]
    return ["".join(run[i : i + n]) for i in range(len(run) - n + 1)]


def words(text: str, *, lower: bool = True) -> list[str]:
    """The tokens of :func:`word_spans` without offsets."""
    if _MAYBE_UNSPACED.search(text) is None:  # fast path: the regex alone
        pattern = token_pattern(text)
        found: list[str] = pattern.findall(text)
        if not lower:
            return found
        return [fold_token(t) for t in found] if pattern is _TOKEN else [t.casefold() for t in found]
    return [t for _, _, t in word_spans(text, lower=lower)]
