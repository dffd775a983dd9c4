"""Number words of de, en, fr, es, ru (with the Russian case forms), as exact values.

A separate data module so that :mod:`storydiff.compare.lexicon` stays readable.
Only words that name one value are listed; vague words (``dutzende``) live in
:data:`storydiff.compare.lexicon.VAGUE`.

>>> NUMBER_WORDS["siebzehn"], NUMBER_WORDS["трёх"], NUMBER_WORDS["quinze"]
(17.0, 3.0, 15.0)
"""

from __future__ import annotations

__all__ = ["NUMBER_WORDS"]

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
    20: "zwanzig twenty vingt veinte двадцать",
    30: "dreißig thirty trente treinta тридцать",
    40: "vierzig forty quarante cuarenta сорок",
    50: "fünfzig fifty cinquante cincuenta пятьдесят",
    60: "sechzig sixty soixante sesenta шестьдесят",
    70: "siebzig seventy setenta семьдесят",
    80: "achtzig eighty ochenta восемьдесят",
    90: "neunzig ninety noventa девяносто",
    100: "hundert hundred cent cien сто",
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
