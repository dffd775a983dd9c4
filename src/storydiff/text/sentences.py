# ruff: noqa: SIM905  (word tables read best as one string per concept)
"""Sentence splitting with character offsets into the original text.

Method: the text is first cut at paragraph breaks (blank lines, and single line
breaks after a line without final punctuation, which is how headlines and
intertitles appear in scraped news); every paragraph is segmented by pysbd's
rule-based segmenter for the article's language (German rules by default), and
each segment is located back in the original string so that offsets are exact.
Three repairs follow that pysbd gets wrong on news text:

* a closing quotation mark glued to the next sentence (``explodiert.“Seit``)
  is moved back to the sentence it closes, and a sentence glued to the previous
  one without a space is split there;
* a split after a number (``am 7. Januar``, ``der 3. Versuch``) or after a known
  abbreviation (``Dr.``, ``Nr.``, ``z.B.``, ``ca.``) is undone when the next
  segment starts with a month name or a lower-case word;
* leading and trailing whitespace is never part of a sentence.

A "sentence" longer than :data:`MAX_SENTENCE_CHARS` (a list or table without stops, a page
scraped without punctuation) is cut into pieces at the last space before the limit, so that no
later step works on one unbounded string.

>>> text = "Am 7. Januar sprach Dr. Meier. „Es ist explodiert.“Seit Tagen ist es ruhig."
>>> [s.text for s in split_sentences(text, "de")]
['Am 7. Januar sprach Dr. Meier.', '„Es ist explodiert.“', 'Seit Tagen ist es ruhig.']
>>> s = split_sentences(text, "de")[1]
>>> text[s.start:s.end] == s.text
True
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["MAX_SENTENCE_CHARS", "Sentence", "split_sentences"]

#: the longest sentence kept whole; news sentences stay far below (a long one has 400 characters)
MAX_SENTENCE_CHARS = 1200

_PYSBD_LANGS = frozenset(
    {
        "en",
        "hi",
        "mr",
        "zh",
        "es",
        "am",
        "ar",
        "hy",
        "bg",
        "ur",
        "ru",
        "pl",
        "fa",
        "nl",
        "da",
        "fr",
        "my",
        "el",
        "it",
        "ja",
        "de",
        "kk",
        "sk",
    }
)
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*\S)")
_CLOSING = "“”\"»«’'"
_OPENING = '„“"»«‚‘'
_MONTHS = frozenset(
    (
        "januar jänner februar märz april mai juni juli august september oktober november dezember january "
        "february march june july october december janvier février mars avril juin juillet août septembre "
        "octobre novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre "
        "noviembre diciembre "
    ).split()
)
_ABBREV = frozenset(
    (
        "dr prof nr st str ca bzw vgl z.b u.a d.h usw etc evtl ggf inkl max min mio mrd tsd jh jhd abs art "
        "bzw mr mrs ms jr sr gen col lt sgt rev hon no vs approx dept univ corp inc ltd co mt ft u.s a.m p.m "
    ).split()
)
_GLUED = re.compile(r"(?<=[a-zäöüß0-9)][.!?])([“”\"»]?)(?=[A-ZÄÖÜ][a-zäöüß])")
_LAST_WORD = re.compile(r"(\S+)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=32)
def _segmenter(lang: str) -> Any:
    import pysbd

    return pysbd.Segmenter(language=lang if lang in _PYSBD_LANGS else "de", clean=False)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _locate(text: str, start: int, end: int, pieces: list[str]) -> list[tuple[int, int]]:
    """Find each segment in ``text[start:end]`` in order; a segment not found is skipped."""
    out: list[tuple[int, int]] = []
    cursor = start
    for piece in pieces:
        core = piece.strip()
        if not core:
            continue
        at = text.find(core, cursor, end)
        if at < 0:
            continue
        out.append((at, at + len(core)))
        cursor = at + len(core)
    return out


def _ends_in_abbreviation(sentence: str) -> bool:
    m = _LAST_WORD.search(sentence)
    if not m:
        return False
    word = m.group(1).lower().lstrip('(„"')
    return word in _ABBREV or (word.isdigit() and len(word) <= 2) or (len(word) == 1 and word.isalpha())


def _should_merge(prev: str, nxt: str) -> bool:
    if not _ends_in_abbreviation(prev):
        return False
    first = nxt.split(maxsplit=1)[0].strip(",;:") if nxt.split() else ""
    if not first:
        return False
    return first.lower() in _MONTHS or first[0].islower() or first[0].isdigit()


def _repair(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # move a closing quote that opens the next segment back to the segment it closes
    fixed: list[list[int]] = [list(s) for s in spans]
    for i in range(1, len(fixed)):
        a, b = fixed[i]
        prev = fixed[i - 1]
        if b - a > 1 and text[a] in _CLOSING and prev[1] == a and text[prev[1] - 1] in ".!?":
            prev_text = text[prev[0] : prev[1]]
            if sum(prev_text.count(q) for q in '„»“"') % 2 == 1:
                prev[1] = a + 1
                fixed[i][0] = a + 1
                while fixed[i][0] < b and text[fixed[i][0]].isspace():
                    fixed[i][0] += 1
    # split glued sentences, merge wrong splits
    out: list[tuple[int, int]] = []
    for a, b in fixed:
        if a >= b:
            continue
        cuts = [a]
        for m in _GLUED.finditer(text, a, b):
            cut = m.end()
            if cut - a > 1 and not _ends_in_abbreviation(text[cuts[-1] : m.start() + 1]):
                cuts.append(cut)
        cuts.append(b)
        for x, y in itertools.pairwise(cuts):
            if out and _should_merge(text[out[-1][0] : out[-1][1]], text[x:y]) and not text[out[-1][1] : x].count("\n"):
                out[-1] = (out[-1][0], y)
            else:
                out.append((x, y))
    return out


def split_sentences(text: str, lang: str | None = "de") -> list[Sentence]:
    """Split ``text`` into sentences with exact offsets (see module docstring for the method)."""
    seg = _segmenter((lang or "de").lower()[:2])
    result: list[Sentence] = []
    for p_start, p_end in _paragraphs(text):
        pieces = seg.segment(text[p_start:p_end])
        spans = _repair(text, _locate(text, p_start, p_end, pieces))
        for a, b in spans:
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            while b - a > MAX_SENTENCE_CHARS:
                cut = text.rfind(" ", a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
                cut = cut if cut > a else a + MAX_SENTENCE_CHARS
                result.append(Sentence(a, cut, text[a:cut]))
                a = cut
                while a < b and text[a].isspace():
                    a += 1
            if a < b:
                result.append(Sentence(a, b, text[a:b]))
    return result
