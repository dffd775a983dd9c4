"""Word tokenisation that is safe for non-Latin scripts.

``\\w`` alone treats a line of Chinese or Thai as one huge "word" and an underscore as a
letter; shingles built on that give false near-duplicates. :func:`word_spans` splits
on Unicode word boundaries, keeps numbers with their group and decimal separators
(``3.800``, ``2,2``, ``3,000``) in one token, and splits scripts written without spaces
(Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) into single characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

__all__ = ["TokenSpan", "word_spans", "words"]

TokenSpan = tuple[int, int, str]

_TOKEN = re.compile(r"\d+(?:[.,']\d+)*|[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_NO_SPACE_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "HANGUL SYLLABLE")
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


def word_spans(text: str, *, lower: bool = True) -> Iterator[TokenSpan]:
    """Yield ``(start, end, token)`` for each word or number in ``text``.

    >>> [t for _, _, t in word_spans("Mehr als 3.800 Demonstranten, sagte Tokajew's Sprecher")]
    ['mehr', 'als', '3.800', 'demonstranten', 'sagte', "tokajew's", 'sprecher']
    >>> [t for _, _, t in word_spans("北京大学 Peking")]
    ['北', '京', '大', '学', 'peking']
    """
    maybe = _MAYBE_UNSPACED.search(text) is not None
    for m in _TOKEN.finditer(text):
        token = m.group()
        start = m.start()
        if maybe and any(_unspaced(c) for c in token):
            run: list[str] = []
            run_start = start
            for i, c in enumerate(token):
                if _unspaced(c):
                    if run:
                        yield run_start, start + i, _case("".join(run), lower)
                        run = []
                    yield start + i, start + i + 1, c
                    run_start = start + i + 1
                else:
                    if not run:
                        run_start = start + i
                    run.append(c)
            if run:
                yield run_start, m.end(), _case("".join(run), lower)
        else:
            yield start, m.end(), _case(token, lower)


def _case(token: str, lower: bool) -> str:
    return token.casefold() if lower else token


def words(text: str, *, lower: bool = True) -> list[str]:
    """The tokens of :func:`word_spans` without offsets."""
    if _MAYBE_UNSPACED.search(text) is None:  # fast path: the regex alone
        found: list[str] = _TOKEN.findall(text)
        return [t.casefold() for t in found] if lower else found
    return [t for _, _, t in word_spans(text, lower=lower)]
