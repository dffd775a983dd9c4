"""Statement conflicts: two alike sentences that enumerate different members.

Method: an *enumeration* is a run of at least two items joined by commas or a
conjunction (``und``, ``and``, ``et``, ``y``, ``sowie``; never ``oder``/``or``, which offer
alternatives), each item an optional article and one or two capitalised words
(``die USA, Kanada, der EU-Kommission und Italien``); a comma-only run needs three items.
Items are compared by the Snowball stem of their last word. Two sentences of different
articles that say nearly the same thing (the candidates of
:mod:`~storydiff.compare.substitute`) disagree on who or what took part when an
enumeration of one shares at least one item with the other sentence, and one item of
it (or more) is missing from the whole other sentence, which itself
names at least as many of the shared members as it leaves out (``Verdacht der
Bilanzfälschung und der Marktmanipulation`` / ``Verdacht der Marktmanipulation``;
six states / the same six and Britain).

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Der Manager wurde am Montag wegen des Verdachts der Untreue und des Betrugs in "
...                      "Hamburg festgenommen.", language="de"),
...         Article(text="Der Manager wurde am Montag wegen des Verdachts des Betrugs in Hamburg festgenommen.",
...                 language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_list_conflicts(prepare(arts))]
[('Untreue', 'Betrugs')]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from storydiff.compare.align import Unit, article_labels, span_fact, stemmer_for
from storydiff.compare.substitute import candidate_pairs
from storydiff.model import Fact
from storydiff.text.lemmas import fold

__all__ = ["MIN_SHARED", "SALIENCE", "Enumeration", "enumerations", "find_list_conflicts"]

#: members two enumerations must share (unless the other sentence merely adds one)
MIN_SHARED = 3
#: salience of a list conflict (before the boost for the number of sources)
SALIENCE = 0.5

_ART = r"(?:(?i:der|die|das|den|dem|des|the|la|le|les|l'|el|los|las|del)\s+)?"
_WORD = r"[A-ZÄÖÜÉÁÍÓÚÀÈ][\w]*(?:-[\w]+)*"
_ITEM = rf"{_ART}{_WORD}(?:\s+{_WORD})?"
_CONJ = r"(?:und|and|et|y|sowie)"
_LIST = re.compile(rf"{_ITEM}(?:\s*,\s*{_ITEM})*(?:\s*,?\s+{_CONJ}\s+{_ITEM}|(?:\s*,\s*{_ITEM}){{2}})")
_SPLIT = re.compile(rf"\s*,\s*(?:{_CONJ}\s+)?|\s+{_CONJ}\s+")
_ART_RE = re.compile(_ART)


@dataclass(frozen=True, slots=True)
class Enumeration:
    """An enumeration in one sentence: its span (in the sentence) and its items."""

    start: int
    end: int
    items: tuple[tuple[str, int, int], ...]  # (key, start, end) per item


#: names of states and bodies written several ways (folded prefixes -> one key), de en fr es
_ALIASES = {
    "us": ("usa", "us", "u.s", "vereinigte staaten", "vereinigten staaten", "united states", "etats-unis",
           "etats unis", "estados unidos"),
    "uk": ("grossbritannien", "britain", "great britain", "vereinigtes konigreich", "vereinigte konigreich",
           "vereinigten konigreich", "united kingdom", "uk", "royaume-uni", "royaume uni", "reino unido"),
    "eu": ("eu", "europaische union", "europaischen union", "european union", "union europeenne", "union europea"),
}
_ALIAS_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(a) for v in _ALIASES.values() for a in v), key=len,
                                                reverse=True)) + r")\b")
_ALIAS_KEY = {a: k for k, v in _ALIASES.items() for a in v}
#: words that introduce what someone is accused of: an enumeration after them is a list of charges
_CHARGE = re.compile(r"\b(?:verdachts?|vorwurf|vorwürfe|vorgeworfen|angeklagt|beschuldigt|suspicion|suspected|"
                     r"accused|charged|soupçonné\w*|accusé\w*|inculpé\w*|acusad[oa]s?|sospecha)\b", re.IGNORECASE)


def _key(item: str, lang: str) -> str:
    last = item.split()[-1].split("-")[-1]
    alias = _ALIAS_RE.fullmatch(fold(item)) or _ALIAS_RE.fullmatch(fold(last))
    if alias is not None:
        return "=" + _ALIAS_KEY[alias.group()]
    return str(stemmer_for(lang).stemWord(fold(last)))


def enumerations(unit: Unit) -> list[Enumeration]:
    """The enumerations of one sentence (see module docstring).

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> u = prepare([Article(text="Sie besuchte Paris, Rom und die USA.", language="de")])[0][0]
    >>> [k for k, _, _ in enumerations(u)[0].items]
    ['paris', 'rom', '=us']
    """
    text = unit.sentence.text
    out = []
    for m in _LIST.finditer(text):
        items = []
        pos = m.start()
        for part in _SPLIT.split(m.group()):
            at = text.index(part, pos)
            pos = at + len(part)
            bare = part[_ART_RE.match(part).end():] if _ART_RE.match(part) else part  # type: ignore[union-attr]
            items.append((_key(bare, unit.lang), at + len(part) - len(bare), pos))
        if len(items) >= 2:
            out.append(Enumeration(m.start(), m.end(), tuple(items)))
    return out


def _words(unit: Unit) -> tuple[tuple[str, int, int], ...]:
    """Keys of the words of a sentence and of the names of states it writes in full."""
    return _words_of(unit.sentence.text, unit.lang)


@lru_cache(maxsize=8192)
def _words_of(text: str, lang: str) -> tuple[tuple[str, int, int], ...]:
    out = [(_key(m.group(), lang), m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    folded = fold(text)
    if len(folded) == len(text):
        out.extend(("=" + _ALIAS_KEY[m.group()], m.start(), m.end()) for m in _ALIAS_RE.finditer(folded))
    return tuple(out)


def _present(key: str, words: Sequence[tuple[str, int, int]]) -> bool:
    """Whether a member is named in a sentence: its key, or a word holding its first five letters
    (a compound or another inflection: ``Bilanzfälschung`` / ``Wirecard-Bilanzen``)."""
    if key.startswith("="):
        return any(k == key for k, _, _ in words)
    return any(k == key or (len(key) >= 5 and len(k) >= 5 and (key[:5] in k or k[:5] in key)) for k, _, _ in words)


def _inserted(x: Unit, y: Unit, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether every span of ``x`` lies in a stretch the token diff of ``x`` against ``y`` adds
    (an insert or delete, not a replacement) next to a stretch both share."""
    wx, wy = _words(x), _words(y)
    sm = difflib.SequenceMatcher(None, [k for k, _, _ in wx], [k for k, _, _ in wy], autojunk=False)
    added = [(wx[i1][1], wx[i2 - 1][2]) for op, i1, i2, _, _ in sm.get_opcodes() if op == "delete"]
    return all(any(a <= s and e <= b for a, b in added) for s, e in spans)


def find_list_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                        ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for two alike sentences whose enumerations
    differ (see module docstring): ``fact_a`` spans the missing members, ``fact_b`` the other
    sentence's enumeration (or its shared members)."""
    names = article_labels(units, labels)
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for ua, ub in candidate_pairs(units):
        for x, y in ((ua, ub), (ub, ua)):
            words_y = _words(y)
            lists_y = enumerations(y)
            for en in enumerations(x):
                shared = [k for k, _, _ in en.items if _present(k, words_y)]
                missing = [(k, s, e) for k, s, e in en.items if not _present(k, words_y)]
                if not shared or not missing or len(shared) < len(missing):
                    continue
                both = [o for o in lists_y if sum(_present(k, [(j, 0, 0) for j, _, _ in en.items])
                                                  for k, _, _ in o.items) >= 2]
                span: tuple[int, int] | None = None
                if both and len(shared) >= max(MIN_SHARED, 2 * len(missing)):
                    span = (both[0].start, both[0].end)
                elif _CHARGE.search(x.sentence.text, max(0, en.start - 40), en.start) and _inserted(
                        x, y, [(s, e) for _, s, e in missing]):
                    span = _member_span(y, shared)
                else:
                    continue
                if span is None:
                    continue
                s0, e0 = missing[0][1], missing[-1][2]
                fa = span_fact(x, s0, e0, names, tuple(sorted(k for k, _, _ in en.items)))
                fb = span_fact(y, span[0], span[1], names, tuple(sorted(shared)))
                why = f"{fb.value.text!r} leaves out {fa.value.text!r}"
                key = f"statement:list:{sorted(shared)[0]}"
                if (fa.value.article, fa.value.start) > (fb.value.article, fb.value.start):
                    fa, fb = fb, fa
                out.append(("conflict", _rekey(fa, key), _rekey(fb, key), why, SALIENCE))
    return out


def _member_span(unit: Unit, shared: Sequence[str]) -> tuple[int, int] | None:
    spans = [(s, e) for k, s, e in _words(unit) if _present(k, [(j, 0, 0) for j in shared])]
    if not spans:
        return None
    return spans[0][0], spans[-1][1]


def _rekey(fact: Fact, key: str) -> Fact:
    return Fact(fact.kind, key, fact.value, fact.attributes)
