"""Quantities in a sentence: figures, number words and vague amounts as value ranges.

Method: the sentence is tokenised; a quantity starts at a figure (``3.800``,
``3,800``, ``2,2``, ``2.2``), a number word (``drei``, ``three``, ``tausend``) or a
vague word (``dutzende``, ``hundreds``, ``mehrere``), may take a scale word
(``Millionen``) and a range end (``300 bis 350``, ``20-25``: :mod:`~storydiff.compare.numranges`),
and is qualified by the words before it (``mehr als`` = lower bound, ``fast`` / ``bis zu`` = upper
bound, ``rund`` = about); numeric dates (``12.03.2020``: :mod:`~storydiff.compare.numdates`) are no
figures. Each quantity becomes an interval ``[low, high]`` plus the stated figure (``anchor``,
``None`` for vague words). Separators (:func:`parse_figure`): a group of
exactly three digits after ``.`` or ``,`` is a thousands group in every language,
anything else is a decimal part. The counted noun is the first noun-class word
(see :data:`~storydiff.compare.lexicon.NOUN_CLASSES`) or capitalised word within
three tokens after the number; the action is the nearest action word (e.g.
``festgenommen``) not separated from the number by another quantity. A bare figure
whose clause began with "the number of X" (``Die Zahl der Todesopfer stieg auf fast 160``)
counts X, with X's action (or, with "sie"/"it", the X of the sentence before). The noun search
stops at a preposition, a pronoun or a day (``157 in ganz Deutschland``); in a partition
(``12 der insgesamt 35 Bewohner``) the part counts the whole's noun and takes the verb.

>>> [(q.text, q.low, q.high, q.noun, q.action) for q in find_quantities(
...     "Mehr als 3.800 Demonstranten seien festgenommen worden.")]
[('Mehr als 3.800 Demonstranten', 3800.0, inf, 'person', 'arrested')]
>>> q = find_quantities("Es gab rund 2,2 Millionen Euro.")[0]
>>> q.anchor, q.noun
(2200000.0, 'euro')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from storydiff.compare.actions import nearest_action, share_actions
from storydiff.compare.durations import FEW, article_is_one, few_at
from storydiff.compare.lexicon import (
    ACTIONS,
    APPROX,
    LOWER_BOUND,
    MONTHS,
    NOUN_CLASSES,
    NUMBER_WORDS,
    SCALES,
    STOPWORDS,
    TOLL_WORDS,
    UPPER_BOUND,
    VAGUE,
    WEEKDAYS,
    concept_of,
)
from storydiff.compare.nouns import dimension_of as _dimension
from storydiff.compare.nouns import noun_class as _noun_class
from storydiff.compare.numdates import date_spans
from storydiff.compare.numranges import parse_figure, range_end
from storydiff.compare.numwords import number_at
from storydiff.compare.spaced import spaced_figure
from storydiff.compare.sums import counted_in_parts

__all__ = ["Quantity", "find_quantities", "parse_figure"]

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'][^\W\d_]+)*\.?|[%€$£]")
_SKIP_AFTER = frozenset({"uhr", "h", "gmt", "bst", "utc", "mesz", "mez", "a.m.", "p.m.", "am", "pm"})
_ONES = frozenset({1.0})
_PERSON_ACTIONS = frozenset({"dead", "injured", "arrested", "missing", "evacuated"})
_PARTITIVE = frozenset({"von", "of", "de", "sur", "из", "der"})
_BREAK = re.compile(r"\s[-–—:]\s|[;(]")
_HAS = ("verfüg", "sprach", "sprich", "berichte", "informier")
_NOMINAL = ("tion", "ung", "ción", "sión")
_ARTICLES = frozenset({"ein", "eine", "a", "an", "une", "un", "una", "uno"})
#: words after a figure that end its noun phrase: what follows them is no counted noun ("157 in ganz
#: Deutschland", "40 on Sunday", "112 nennt sie Dreyer"); "an" (an English article) and the partitives
#: ("von", "of", "de") are not among them
_ENDS_NOUN_PHRASE = (
    "in im am auf bei durch für gegen mit nach seit um vor zum zur über unter während "
    "on at into for with from by after before during since until "
    "dans sur pour par avec chez pendant depuis en con por para desde durante "
    "sie er es wir he she it they we il elle ils elles él ella ellos ellas")
_NOT_BEFORE_NOUN = frozenset(_ENDS_NOUN_PHRASE.split())


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity found in a sentence; offsets are relative to the sentence."""

    start: int
    end: int
    text: str
    low: float
    high: float
    anchor: float | None
    qualifier: str
    noun: str | None
    noun_word: str | None
    action: str | None
    dimension: str | None = None

    @property
    def vague(self) -> bool:
        return self.anchor is None


def _modifier(lowered: list[str], i: int) -> str:
    words = lowered[max(0, i - 4) : i]
    skipped = 0
    if words and words[-1] in _ARTICLES:  # "etwa eine halbe Minute"
        words, skipped = words[:-1], 1
    before = " ".join(words[-3:])
    for phrases, kind in ((LOWER_BOUND, ">"), (UPPER_BOUND, "<"), (APPROX, "~")):
        for p in phrases:
            if p == "über" and any(w.startswith(_HAS) for w in words[-3:-1]):
                continue  # "verfügt über 300 Sitze": a verb's preposition, not a bound
            if before == p or before.endswith(" " + p):
                return kind + str(len(p.split()) + skipped)
    return "="


def _interval(kind: str, value: float) -> tuple[float, float]:
    if kind == ">":
        return value, math.inf
    if kind == "<":
        return (0.0, value) if value <= 10 else (value * 0.9, value)
    if kind == "~":
        return value * 0.85, value * 1.15
    return value, value


def find_quantities(sentence: str, previous: str = "") -> list[Quantity]:
    """Every quantity in ``sentence`` (see module docstring); ``previous`` is the sentence before it,
    read only for what a bare figure with a pronoun counts (``Die Zahl der Toten steigt. Sie liegt
    bei 112.``). Cached per sentence: the facts and several detectors read the same sentences."""
    return list(_quantities(sentence, previous))


@lru_cache(maxsize=8192)
def _quantities(sentence: str, previous: str) -> tuple[Quantity, ...]:
    toks, low = _tokens(sentence)
    raw: list[tuple[int, int, float | None, tuple[float, float]]] = []  # first token, last token, anchor, range
    dates = date_spans(sentence)  # "12.03.2020", "2020-03-12" (see numdates)
    i = 0
    while i < len(toks):
        s, e, word = toks[i]
        nxt = low[i + 1] if i + 1 < len(toks) else ""
        value: float | None = None
        vague: tuple[float, float] | None = None
        end_tok = i
        if word[0].isdigit():
            gap = sentence[e : e + 1]
            bare = nxt.rstrip(".")
            if gap in (":", "/") or any(a <= s < b for a, b in dates) or bare in _SKIP_AFTER or (
                    bare in MONTHS or concept_of(nxt, MONTHS, 5)):
                i += 1
                continue
            if bare == "de" and i + 2 < len(toks) and low[i + 2].rstrip(".") in MONTHS and (
                    word.isdecimal() and int(word) <= 31):
                i += 1  # a date: "el 14 de mayo"
                continue
            if (
                gap == "."
                and e + 1 < len(sentence)
                and sentence[e + 1] == " "
                and nxt[:1].isalpha()
                and ((i + 1 < len(toks) and not toks[i + 1][2][0].isupper()) or nxt in MONTHS)
            ):
                i += 1  # German ordinal "der 3. Versuch"
                continue
            if (
                len(word) == 4
                and word.isdigit()
                and 1900 <= int(word) <= 2100
                and concept_of(nxt, NOUN_CLASSES) is None
            ):
                i += 1  # a year
                continue
            if i > 0 and sentence[toks[i - 1][1] : s] in ("-", ":") and toks[i - 1][2][0].isdigit():
                i += 1  # score or time tail
                continue
            if i > 0 and low[i - 1].rstrip(".") in MONTHS and word.isdecimal() and int(word) <= 31:
                i += 1  # a date: "since July 14"; not "am 3. Mai 200 Tote"
                continue
            value, end_tok = spaced_figure(toks, i, sentence) or (parse_figure(word), i)  # "3 800" too
        elif article_is_one(low, i):  # "une heure après": an article counts one unit of a duration
            value = 1.0
        elif (numeral := number_at(low, i, _spoken_end(toks, i, sentence))) is not None and sentence[
                e : e + 1] not in (",", ";", ":"):
            value, end_tok = numeral  # "zwölf", "twenty-five", "двадцать пять", "two dozen"; not "ein, Menschen"
            nxt = low[end_tok + 1] if end_tok + 1 < len(toks) else ""
            if (value in _ONES or (value == 2 and low[i] in ("beiden", "both"))) and concept_of(
                nxt, NOUN_CLASSES
            ) not in ("person", "child") and nxt.rstrip(".") not in SCALES:  # "eine Milliarde" is a figure
                i += 1
                continue
        elif low[i] in VAGUE:
            vague = VAGUE[low[i]]
        elif few_at(low, i):  # "quelques heures", "a few days"
            vague = FEW
        if value is None and vague is None:
            i += 1
            continue
        last = end_tok
        nxt = low[last + 1] if last + 1 < len(toks) else ""
        nxt = nxt.rstrip(".") if nxt.rstrip(".") in SCALES else nxt  # "$2 billion." ends a sentence
        mult = NUMBER_WORDS.get(nxt, 0.0) if nxt not in SCALES else SCALES[nxt]
        if vague is not None and mult >= 12:  # "mehrere Dutzend", "several hundred"
            vague = (vague[0] * mult, vague[1] * mult)
            last += 1
            nxt = low[last + 1] if last + 1 < len(toks) else ""
        scaled = value is not None and nxt in SCALES
        if value is not None and scaled:
            value *= SCALES[nxt]
            last += 1
        if value is not None and not math.isfinite(value):
            i = last + 1  # "1111…" of 400 digits is no figure
            continue
        rng = (value, value) if value is not None else vague
        assert rng is not None
        if value is not None and (far := range_end(toks, low, last, sentence, value, scaled)) is not None:
            value, rng, last = far[0], far[:2], far[2]  # "300 bis 350", "20-25", "2 bis 3 Millionen"
        raw.append((i, last, value, rng))
        i = last + 1
    quantities: list[Quantity] = []
    spans: list[tuple[int, int]] = []  # first and noun token of every quantity
    qpos = [r[0] for r in raw]
    wholes = _partitions(raw, low)
    totals = {w_first for w_first, _ in wholes.values()}
    for first, last, anchor, rng in raw:
        mod = _modifier(low, first) if anchor is not None else "="
        kind, n_words = (mod[0], int(mod[1:])) if mod != "=" else ("=", 0)
        lo, hi = _interval(kind, anchor) if anchor is not None and rng[0] == rng[1] else rng
        qual = "range" if anchor is not None and rng[0] != rng[1] else ("vague" if anchor is None else kind)
        start_tok = first - n_words
        noun, noun_word, noun_tok = None, None, last
        hops = [j for j in range(last + 1, min(last + 4, len(toks)))]
        if first in wholes:  # "12 der insgesamt 35 Bewohner": the part counts the whole's noun
            w_last = wholes[first][1]
            hops = [j for j in range(w_last + 1, min(w_last + 4, len(toks)))]
        modifier = False
        if first > 0 and toks[first - 1][2] in "€$£" and toks[first - 1][1] == toks[first][0]:
            hops = []  # "€3bn", "US$4 billion": the currency is the noun
            noun, noun_word = concept_of(toks[first - 1][2], NOUN_CLASSES), toks[first - 1][2]
        for j in hops:
            w = toks[j][2]
            if w[0].isupper() and low[j] in STOPWORDS:
                modifier = True  # "2 In der Halle": a caption's number, no count
                break
            if _BREAK.search(sentence[toks[j - 1][1]:toks[j][0]]):
                break  # "14 - viele Menschen": what follows is not the figure's noun
            if low[j] in _NOT_BEFORE_NOUN or concept_of(low[j], WEEKDAYS, 6) or low[j].rstrip(".") in MONTHS:
                break  # a preposition, a pronoun or a day: the noun phrase has ended
            cls = _noun_class(low[j])
            if cls is None and concept_of(low[j], ACTIONS) in _PERSON_ACTIONS:
                if low[j].endswith(_NOMINAL):
                    modifier = True  # "two evacuation buses": the buses are counted
                    break
                cls = "person"  # "3.800 detenidos", "26 killed"
            if cls is not None or (w[0].isupper() and low[j] not in STOPWORDS) or w in "%€$£":
                noun, noun_word, noun_tok = cls or low[j].rstrip("."), w, j
                if cls is None and len(low[j]) > 5:
                    noun = low[j].split("-")[-1][:5]  # crude stem of the compound's head, cross-form
                break
            if toks[j][2][0].isdigit() or low[j] in VAGUE or low[j] in NUMBER_WORDS:
                break
        action = None
        for j in range(first, noun_tok + 1):  # the noun or a participle between: "dutzende getötete Menschen"
            action = action or concept_of(low[j], ACTIONS)
        if first in totals:
            pass  # the whole of a partition: the sentence's verb tells what happened to the part
        elif action is None:
            action = nearest_action(toks, low, start_tok, noun_tok, qpos, sentence)
        if first in totals:
            pass
        elif action is None and any(concept_of(w, TOLL_WORDS) for w in low[max(0, start_tok - 6) : start_tok]):
            action = "dead"  # "death toll rose to 156"
        if noun is None and action is None and not modifier and first not in totals:
            noun, action = _counted_before(toks, low, start_tok, sentence)  # "Zahl der Toten stieg auf 160"
            if noun is None and previous and _BACK.intersection(low):
                noun, action = _counted_before(*_tokens(previous), None, previous)  # "... Sie liegt bei 112"
        if noun is None and action in _PERSON_ACTIONS and not modifier:
            noun = "person"  # "26 killed", "more than 100 injured"
        dimension = None
        for j in range(max(0, start_tok - 4), min(len(toks), noun_tok + 4)):
            dimension = dimension or _dimension(low[j])
        end = max(toks[noun_tok][1], toks[last][1])
        if sentence[end - 1] == "." and (noun_tok > last or not sentence[end:].strip()):
            end -= 1  # the sentence's stop, not part of "Tote." or "$2 billion."
        quantities.append(
            Quantity(
                start=toks[start_tok][0],
                end=end,
                text=sentence[toks[start_tok][0] : end],
                low=lo,
                high=hi,
                anchor=anchor,
                qualifier=qual,
                noun=noun,
                noun_word=noun_word,
                action=action,
                dimension=dimension,
            )
        )
        spans.append((start_tok, noun_tok))
    return tuple(counted_in_parts(share_actions(quantities, spans, low), sentence))  # sums, shares of a total


#: words between a part and its whole: "8 von 40", "12 der insgesamt 35", "six of the 15", "six out of a total of 15"
_FILLERS = "out of von der den the a total gesamt insgesamt des les los las de sur"
_WHOLE_FILLERS = frozenset(_FILLERS.split())


def _partitions(raw: list[tuple[int, int, float | None, tuple[float, float]]], low: list[str]
                ) -> dict[int, tuple[int, int]]:
    """First token of each part of a partition (``8 der insgesamt 40 Gäste``, ``six of the 15
    residents``, ``210 von 400 Stimmen``) mapped to the first and last token of its whole; the whole
    is a figure larger than the part ("hundreds of thousands" is one amount)."""
    out = {}
    for (first, last, anchor, _), (w_first, w_last, w_anchor, _) in pairwise(raw):
        between = low[last + 1 : w_first]
        bigger = w_anchor is not None and (anchor is None or anchor < w_anchor)
        if bigger and 0 < len(between) <= 5 and between[0] in _PARTITIVE | {"out"} and all(
                w in _WHOLE_FILLERS for w in between):
            out[first] = (w_first, w_last)
    return out


_COUNT_OF = frozenset({"zahl", "anzahl", "number", "nombre", "número", "numero", "cifra", "число", "количество"})


#: pronouns that take up "the number" of the sentence before (``Zahl``, ``number``, ``toll``, ``bilan``)
_BACK = frozenset({"sie", "it", "il", "elle"})


#: a numeral of number words spans at most this many tokens
_MAX_NUMERAL = 12


def _spoken_end(toks: list[tuple[int, int, str]], i: int, sentence: str) -> int:
    """The first token after ``i`` that punctuation parts from it (``zweihundert (fünf Kinder)``,
    ``twenty – five``): a numeral of number words does not run on into it."""
    k = i + 1
    while k < min(len(toks), i + _MAX_NUMERAL) and not sentence[toks[k - 1][1]:toks[k][0]].strip():
        k += 1
    return k


def _tokens(sentence: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    return toks, [t[2].lower() for t in toks]


def _counted_before(toks: list[tuple[int, int, str]], low: list[str], first: int | None, sentence: str
                    ) -> tuple[str | None, str | None]:
    """What a bare figure counts when its clause began with "the number of X" (``Die Zahl der
    Todesopfer stieg auf fast 160``, ``the number of injured rose to 40``): X's class and action.
    ``first`` ``None``: X is named in the last clause of a previous ``sentence`` that states no figure."""
    if first is None:
        if any(t[2][0].isdigit() or lw in NUMBER_WORDS for t, lw in zip(toks, low, strict=True)):
            return None, None
        first = len(toks)
    for i in range(first - 1, max(-1, first - 13), -1):
        if i + 1 < len(toks) and re.search(r"[,;:()–—]", sentence[toks[i][1]:toks[i + 1][0]]):
            break  # another clause
        if low[i] not in _COUNT_OF:
            continue
        for j in range(i + 1, min(first, i + 4)):
            action = concept_of(low[j], ACTIONS)
            noun = _noun_class(low[j])
            if action in _PERSON_ACTIONS or (noun is not None and action is not None):
                return noun or "person", action
        break
    return None, None
