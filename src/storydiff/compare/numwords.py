"""Number words of de, en, fr, es, ru (with the Russian case forms), as exact values.

A separate data module so that :mod:`storydiff.compare.lexicon` stays readable.
Only words that name one value are listed; vague words (``dutzende``) live in
:data:`storydiff.compare.lexicon.VAGUE`. Compounds are read by :func:`number_at`:

* one word — hyphenated parts (``twenty-five``, ``vingt-cinq``, ``quatre-vingt-dix``), German
  ``[X]tausend[Y]hundert[Z und]W`` (``fünfundzwanzig``, ``zweihundertfünfzig``) and Spanish
  ``veinti-`` (``veinticinco``);
* several words — a run of number words read left to right as a numeral (``двадцать пять``,
  ``two hundred``, ``deux cents``, ``two dozen``), with ``et``/``y``/``and`` only between a ten and a
  unit (``trente et un``, ``treinta y cinco``) or after a hundred (``one hundred and five``).
  Each added part must be smaller than the one before (``drei vier`` is two numbers), a hundred,
  thousand or dozen multiplies what precedes it.

>>> NUMBER_WORDS["siebzehn"], NUMBER_WORDS["трёх"], NUMBER_WORDS["quinze"]
(17.0, 3.0, 15.0)
>>> [number_at(w.split(), 0) for w in ["fünfundzwanzig", "twenty-five", "двадцать пять человек",
...                                    "treinta y cinco", "zwei dutzend", "drei vier"]]
[(25.0, 0), (25.0, 0), (25.0, 1), (35.0, 2), (24.0, 1), (3.0, 0)]
"""

from __future__ import annotations

import re

__all__ = ["NUMBER_WORDS", "number_at", "word_value"]

_BY_VALUE = {
    0: "null zero zéro cero ноль",
    1: "ein eine einen einem einer one un une uno una один одна одного одной одному",
    2: "zwei two deux dos два две двух двум двумя",
    3: "drei three trois tres три трёх трех трем трём тремя",
    4: "vier four quatre cuatro четыре четырёх четырех",
    5: "fünf five cinq cinco пять пяти",
    6: "sechs six seis шесть шести",
    7: "sieben seven sept siete семь семи",
    8: "acht eight huit ocho восемь восьми",
    9: "neun nine neuf nueve девять девяти",
    10: "zehn ten dix diez десять десяти",
    11: "elf eleven onze once одиннадцать",
    12: "zwölf twelve douze doce двенадцать",
    13: "dreizehn thirteen treize trece тринадцать",
    14: "vierzehn fourteen quatorze catorce четырнадцать",
    15: "fünfzehn fifteen quinze quince пятнадцать",
    16: "sechzehn sixteen seize dieciséis шестнадцать",
    17: "siebzehn seventeen dix-sept diecisiete семнадцать",
    18: "achtzehn eighteen dix-huit dieciocho восемнадцать",
    19: "neunzehn nineteen dix-neuf diecinueve девятнадцать",
    20: "zwanzig twenty vingt vingts veinte двадцать",
    30: "dreißig thirty trente treinta тридцать",
    40: "vierzig forty quarante cuarenta сорок",
    50: "fünfzig fifty cinquante cincuenta пятьдесят",
    60: "sechzig sixty soixante sesenta шестьдесят",
    70: "siebzig seventy setenta семьдесят",
    80: "achtzig eighty ochenta восемьдесят",
    90: "neunzig ninety noventa девяносто",
    100: "hundert hundred cent cents cien ciento сто",
    200: "doscientos doscientas двести",
    300: "trescientos trescientas триста",
    400: "cuatrocientos cuatrocientas четыреста",
    500: "quinientos quinientas пятьсот",
    600: "seiscientos seiscientas шестьсот",
    700: "setecientos setecientas семьсот",
    800: "ochocientos ochocientas восемьсот",
    900: "novecientos novecientas девятьсот",
    1000: "tausend thousand mille mil тысяча",
}

NUMBER_WORDS: dict[str, float] = {
    **{w: float(v) for v, ws in _BY_VALUE.items() for w in ws.split()},
    **dict.fromkeys(["dutzend", "dozen", "douzaine", "docena", "дюжина"], 12.0),
    "halbe": 0.5,
    "halben": 0.5,
    "half": 0.5,
    "demi": 0.5,
    "media": 0.5,
    "beiden": 2.0,
    "both": 2.0,
}

_DOZEN = frozenset({"dutzend", "dozen", "douzaine", "docena"})
#: words that join a ten and a unit ("trente et un", "treinta y cinco") or a hundred and the rest
_JOINERS = frozenset({"et", "y", "and"})
_GERMAN = re.compile(r"(?:(\w*?)tausend)?(?:(\w*?)hundert)?(?:(\w+?)und)?(\w*)")
_SPANISH_TWENTIES = {"veintiún": 21.0, "veintiuno": 21.0, "veintiuna": 21.0, "veintidós": 22.0, "veintitrés": 23.0,
                     "veintiséis": 26.0}
#: "cent"/"cents" multiply only a French unit ("cinq cents", "mille cent"); "fifty cents" is money, "per cent"
#: a share, "99 Cent" a unit; "cents" and "vingts" never start a numeral
_FRENCH_UNITS = frozenset({"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "mille"})
_CENTS = frozenset({"cent", "cents"})
_NEVER_FIRST = frozenset({"cents", "vingts"})
_PER = frozenset({"per", "por", "pour"})


def _german(word: str) -> float | None:
    """``fünfundzwanzig``, ``zweihundertfünfzig``, ``dreitausend``: thousands, hundreds, ``X und`` tens."""
    m = _GERMAN.fullmatch(word)
    if m is None or not any(m.groups()) or word in NUMBER_WORDS:
        return None
    thousands, hundreds, ones, rest = m.groups()
    total = 0.0
    for part, scale in ((thousands, 1000.0), (hundreds, 100.0)):
        if part is None:
            continue
        factor = NUMBER_WORDS.get(part, 0.0) if part else 1.0
        if not 1 <= factor < 10 and not (scale == 1000 and part and _german(part)):
            return None
        total += (factor or _german(part) or 0.0) * scale
    if ones is not None:
        unit, ten = NUMBER_WORDS.get(ones, 0.0), NUMBER_WORDS.get(rest, 0.0)
        if not (1 <= unit < 10 and 20 <= ten < 100 and ten % 10 == 0):
            return None
        return total + unit + ten
    if rest:
        tail = NUMBER_WORDS.get(rest)
        if tail is None or not 1 <= tail < 100:
            return None
        total += tail
    return total if total >= 1 and (thousands is not None or hundreds is not None) else None


def word_value(word: str) -> float | None:
    """The value of one number word, simple or compound (see module docstring); ``None`` if it is none."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in _SPANISH_TWENTIES:
        return _SPANISH_TWENTIES[word]
    if word.startswith("veinti") and NUMBER_WORDS.get(word[6:], 0.0) in range(2, 10):
        return 20.0 + NUMBER_WORDS[word[6:]]  # "veinticinco"
    if "-" in word:
        parts = [NUMBER_WORDS.get(p) for p in word.split("-") if p != "et"]  # "soixante-et-onze"
        if all(p is not None for p in parts):
            return _combine([p for p in parts if p is not None])
        return None
    return _german(word) if len(word) > 6 else None


def _combine(values: list[float]) -> float | None:
    """Read number words left to right as one numeral; ``None`` when they are several numbers."""
    total, current, last_added = 0.0, 0.0, float("inf")
    for v in values:
        if v >= 100 or (v == 20 and current == 4):  # "two hundred", "quatre-vingts"
            current = (current or 1.0) * v
            last_added = float("inf") if v >= 100 else v
            if v >= 1000:
                total, current = total + current, 0.0
        elif v < last_added and not (last_added < 10 or 10 < last_added < 20):  # "twenty five", not "drei vier"
            current += v
            last_added = v
        else:
            return None
    return total + current


def number_at(low: list[str], i: int, end: int | None = None) -> tuple[float, int] | None:
    """``(value, last token)`` of the numeral that starts at lower-case token ``low[i]`` (see module
    docstring), read no further than before token ``end``; ``None`` when ``low[i]`` is no number word,
    or is the ``cent`` of ``per cent``/``por ciento``/``99 Cent``. A word ending in a full stop ends the numeral
    (``twenty five.``); the last word of the sentence is read without its stop (``rose to five.``)."""
    end = len(low) if end is None else min(end, len(low))
    head = low[i][:-1] if low[i].endswith(".") and i + 1 == len(low) else low[i]
    if head in _NEVER_FIRST or ((head in _CENTS or head == "ciento") and i > 0 and (
            low[i - 1] in _PER or low[i - 1][0].isdigit())):
        return None
    first = word_value(head)
    if first is None:
        return None
    values, last = [first], i
    j = i + 1
    while j < end:
        word = low[j]
        if word in _DOZEN and values[-1] < 12:
            values, last = [(_combine(values) or values[-1]) * 12.0], j  # "two dozen", "twenty two dozen"
            break
        if word in _JOINERS and j + 1 < end:
            nxt = word_value(low[j + 1].removesuffix("."))  # "trente et un."
            prev = values[-1]
            if nxt is not None and ((20 <= prev < 100 and prev % 10 == 0 and nxt < 10) or (prev >= 100 and nxt < 100)):
                values.append(nxt)
                last, j = j + 1, j + 2
                if low[last].endswith("."):
                    break
                continue
            break
        stop = word.endswith(".")  # "twenty five.": the sentence (or an abbreviation) ends here
        word = word[:-1] if stop else word
        value = word_value(word)
        if value is None or word in _DOZEN or (word in _CENTS and low[j - 1] not in _FRENCH_UNITS):
            break
        trial = _combine([*values, value])
        if trial is None:
            break
        values.append(value)
        last, j = j, j + 1
        if stop:
            break
    result = _combine(values) if len(values) > 1 else values[0]
    return (result, last) if result is not None else (first, i)
