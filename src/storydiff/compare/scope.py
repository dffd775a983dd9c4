"""What a figure or a time is *of*: the words around it that set its scope.

Two reports' figures of one key (``person+dead``) disagree only when they count the same
set at the same time. The words next to a figure often say they do not:

* ``base`` — the whole of a partition: ``8 der insgesamt 40 Gäste``, ``210 von 400
  Stimmen``, ``six of the 15 posts``; it meets only other wholes (``base`` or ``total``);
* ``total`` — ``insgesamt``, ``in total``, ``altogether``, ``au total``: never the part of one
  named subject (``die Partei A vier Sitze``; checked in matching);
* ``split`` — one share of a breakdown that goes on in the sentence (``A erhält vier Sitze,
  B drei und C zwei``);
* ``part`` — the first share of a pair (``drei Brücken ganz und zwei weitere teils``);
* ``window`` — a count over a stated span of hours (``von 9 Uhr bis 11 Uhr 40 Einsätze``);
* ``clock`` — a figure stamped with a time of day (``12% at 14:05``, ``down 9 per cent at
  3.10pm``): a snapshot, which meets only a figure stamped with the same time;
* ``stamp`` — a time of day that stamps a price or share move (``down 9 per cent at 3.10pm``),
  not the time of an event: never paired;
* ``before`` — a weekday in the past perfect (``hatte am Freitag abgesagt``): an earlier event;
* ``site`` — a count of people (checked in matching) in one home or building (``im Altenheim
  starben sieben Menschen``, ``die Bewohner des Hauses``, ``in a care home``):
  a part of a wider toll, which meets only another count of a site;
* ``extra`` — an addition to another figure: ``weitere 900``, ``another 300``, ``N more``;
* ``outdated`` — a figure the report itself says is superseded (``damals war noch von
  drei Toten die Rede``, ``previously``, ``initially``): never paired;
* ``forecast`` — a possibility or expectation (``könnten``, ``could``, ``erwartet``,
  ``expected``), ``needed`` — a requirement (``nötig sind 200 Stimmen``): each meets
  only its like, never a measured figure;
* ``delta`` — a change (``um zwei Meter gestiegen``, ``rose by 5%``), not a level;
* ``age`` — years of a life (``im Alter von 88 Jahren``, ``30 years old``), not of a reign;
* ``relative`` — an offset between two events (``zwei Minuten später``, ``two days later``);
* ``timepoint`` — a minute of a match or a speech (``nach 30 gespielten Minuten``,
  ``a los 70 minutos``, ``die ersten zehn Minuten``): a time, not a duration, never paired;
* ``until`` — a weekday, date or time that ends a period (``bis Samstag``, ``until Friday``,
  ``from 10 p.m. to 7 a.m.``), not the day or time of an event.

Tags of :data:`EXCLUSIVE` must be equal on both sides; see :func:`compatible`.

>>> s = "Es starben 8 der insgesamt 40 Gäste."
>>> sorted(qualifiers(s, s.index("40"), len(s) - 1))
['base', 'total']
>>> a, b = "Die Fähre fährt nicht bis Montag.", "Das Unglück geschah am Dienstag."
>>> compatible(qualifiers(a, a.index("Mo"), len(a) - 1, "date-time"),
...            qualifiers(b, b.index("Di"), len(b) - 1, "date-time"))
False
"""

from __future__ import annotations

import re

from storydiff.compare.numwords import NUMBER_WORDS
from storydiff.compare.sums import share_of_total

__all__ = ["EXCLUSIVE", "compatible", "qualifiers"]

_NUM = r"(?:\d[\d.,]*|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + ")"
_BASE = re.compile(
    rf"\b{_NUM}\s+(?:von|der|aus|of|out\s+of|sur|de|из)\s+(?:(?:den|the|les|los|las)\s+)?"
    r"(?:insgesamt\s+|total\s+|a\s+total\s+of\s+|gesamt\s+)?$", re.IGNORECASE)
_TOTAL = re.compile(r"\b(?:insgesamt|in\s+summe|in\s+total|altogether|a\s+total\s+of|au\s+total|en\s+total|"
                    r"in\s+all|всего)\b", re.IGNORECASE)
_EXTRA = re.compile(r"\b(?:weitere[nmrs]?|zusätzliche[nmrs]?|another|additional|further|autres?|otros?|otras?|"
                    r"ещё|еще)\s+(?:\w+\s+)?$", re.IGNORECASE)
_EXTRA_AFTER = re.compile(r"^\s*more\b(?!\s+than)", re.IGNORECASE)
_OUTDATED = re.compile(r"\b(?:damalig\w*|ursprünglich\w*|war\s+(?:zunächst|anfangs|noch)\s+von|previously|"
                       r"initially|initialement|inicialmente|ранее)\b", re.IGNORECASE)
_FORECAST = re.compile(r"\b(?:könnten?|dürften|drohen|droht|erwartet|voraussichtlich|prognostiziert\w*|"
                       r"could|might|expected|forecast\w*|pourrai(?:en)?t|podrían?|может|могут)\b", re.IGNORECASE)
_NEEDED = re.compile(r"\b(?:notwendig\w*|nötig\w*|erforderlich\w*|benötigt\w*|required|needed|necessary|"
                     r"nécessaires?|necesari[oa]s?|необходим\w*)\b", re.IGNORECASE)
_DELTA_BEFORE = re.compile(r"\b(?:um|by|de|en|на)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:gesunken|gestiegen|gefallen|zurückgegangen|gestürzt|eingebrochen|gewachsen|"
                     r"sank|stieg|fiel|sinkt|steigt|fällt|bricht|stürzt\w*|verlor\w*|legte?\w*|"
                     r"fell|rose|dropped|climbed|increased|decreased|grew|jumped|"
                     r"baissé|augmenté|chuté|bajó|subió|cayó)\b", re.IGNORECASE)
#: a change told by the verb right before the figure or by the word after it ("plunging 60 per cent
#: lower", "shares fell 5%", "stieg 3 Prozent höher")
_CHANGE_NEAR = re.compile(r"\b(?:plung|plummet|soar|jump|surg|slump|tumbl|sank|fell|rose|dropp|climb|dipp)\w*\s+"
                          r"(?:(?:about|almost|nearly|some|more than|around)\s+)?$", re.IGNORECASE)
_DELTA_AFTER = re.compile(r"^\s*(?:per\s*cent|percent|cent|%|prozent|pour\s*cent|por\s*ciento)?\s*"
                          r"(?:lower|higher|down|up|höher|niedriger)\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?:im\s+alter\s+von|at\s+the\s+age\s+of|aged|à\s+l'âge\s+de|a\s+la\s+edad\s+de|"
                         r"в\s+возрасте)\s+(?:\w+\s+)?$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s*(?:alt|old|alte[nmrs]?)\b", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r"^\s*(?:später|danach|darauf|zuvor|vorher|later|earlier|afterwards|plus\s+tard|"
                             r"auparavant|después|más\s+tarde|antes|спустя|позже)\b", re.IGNORECASE)
_TIMEPOINT_BEFORE = re.compile(r"\b(?:nach|after|tras|après|a\s+los|sobre\s+los|noch|ersten|first|letzten|last|"
                               r"premières|primeros|ab\s+der|bis\s+zur)\s+(?:\w+\s+)?$", re.IGNORECASE)
_UNTIL_BEFORE = re.compile(r"\b(?:bis|until|till|jusqu'à|jusqu'au|hasta|до)\s+(?:(?:zum|nächsten|kommenden|"
                           r"mindestens|spätestens|voraussichtlich|at\s+least|el|le|the)\s+)*$", re.IGNORECASE)
#: the end of a span of time "von 22 bis 7 Uhr", "from 10 p.m. to 7 a.m.", "de 22 h à 6 h": an until as well
_UNTIL_SPAN = re.compile(r"\b(?:von|from|de|desde|с)\s+\d{1,2}(?:[.:]\d{2})?\s*(?:Uhr|h|am|pm|a\.m\.|p\.m\.|"
                         r"часов)?\s+(?:bis|to|till|à|a|hasta|до|по)\s+$", re.IGNORECASE)
_SHARE = re.compile(rf"(?:,|\bund|\band|\bet|\by)\s+(?:\w+\s+){{1,3}}{_NUM}\b", re.IGNORECASE)
_PART = re.compile(rf"^[^.;]{{0,40}}?\b(?:und|and|sowie|plus|et|y)\s+{_NUM}\s+(?:weitere|more|other|andere|autres|otr)",
                   re.IGNORECASE)
_WINDOW = re.compile(r"\b(?:von|zwischen|from|between|de|entre)\s+\d{1,2}(?:[.:]\d{2})?\s*(?:Uhr|h|am|pm|a\.m\.|"
                     r"p\.m\.)?\s+(?:bis|und|to|and|à|a|y)\s+\d{1,2}(?:[.:]\d{2})?\s*(?:Uhr|h|am|pm|a\.m\.|p\.m\.)",
                     re.IGNORECASE)
_STAMP = re.compile(r"\b(?:at|around|um|gegen|à|vers|a las)\s+(\d{1,2})[.:](\d{2})\s*(?:am|pm|a\.m\.|p\.m\.|"
                    r"Uhr|h|GMT|BST|UTC)?|\b(?:at|around)\s+([01]\d|2[0-3])([0-5]\d)\s+(?:GMT|BST|UTC)",
                    re.IGNORECASE)
_PRICE_BEFORE = re.compile(r"(?:%|per\s?cent|prozent|pour\s?cent|por\s?ciento|€|\$|£)[^.;%]{0,25}$", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\b(?:hatte|hatten|hattest|had)\b(?!\s+to\b)", re.IGNORECASE)
_SITE = re.compile(r"\b(?:in|im|aus|des|der|dem|einem|einer|at|in|from|of|dans|de|en|à)\s+(?:[\w-]+\s+){0,2}?"
                   r"[\w-]*(?:haus|hauses|heim|heims|einrichtung|gebäude|gebäudes|klinik|krankenhaus|schule|"
                   r"care home|nursing home|building|hospital|school|foyer|immeuble|hôpital|école|ehpad|"
                   r"residencia|edificio|escuela)\b", re.IGNORECASE)
_CHAMBER = re.compile(r"(?:unter|ober|abgeordneten|repräsentanten|rat|weißen\s|white\s)haus", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:()–—]\s|\s(?:und|and|et|y|sowie|while|während|but|aber)\s")
_PUNCT = re.compile(r"[,;:()–—]\s")
_MINUTES = re.compile(r"minut|‘\s*min|'\s*min", re.IGNORECASE)

#: tags that must be equal on both sides for two figures to be of one thing
EXCLUSIVE = frozenset({"extra", "forecast", "needed", "delta", "age", "relative", "until", "part", "window",
                       "before", "site"})
#: tags whose figure is never paired
NEVER = frozenset({"outdated", "timepoint", "stamp"})


def _clause(before: str, after: str, marks: re.Pattern[str] = _CLAUSE) -> tuple[str, str]:
    cut = [m.end() for m in marks.finditer(before)]
    end = marks.search(after)
    return before[cut[-1] if cut else 0:], after[:end.start()] if end else after


def qualifiers(sentence: str, start: int, end: int, kind: str = "number") -> frozenset[str]:
    """The scope tags of the figure or time at ``sentence[start:end]`` (see module docstring);
    ``kind`` is ``number``, ``date-time`` or ``minute`` (of a match)."""
    before, after = sentence[:start], sentence[end:]
    near_before, near_after = before[-40:], after[:40]
    cl_before, cl_after = _clause(before, after)
    tags: set[str] = set()
    if _OUTDATED.search(sentence):
        tags.add("outdated")
    pb, pa = _clause(before, after, _PUNCT)
    if _FORECAST.search(pb + " " + pa):
        tags.add("forecast")
    if kind == "minute":
        return frozenset()  # a match minute is told apart by its player (matching)
    if kind == "date-time":
        if _UNTIL_BEFORE.search(near_before) or _UNTIL_SPAN.search(near_before):
            tags.add("until")
        if _PLUPERFECT.search(cl_before + " " + cl_after):
            tags.add("before")
        if _PRICE_BEFORE.search(near_before):
            tags.add("stamp")
        return frozenset(tags)
    text = sentence[start:end]
    if _BASE.search(near_before):
        tags.add("base")
    if _TOTAL.search(cl_before[-60:]) or _TOTAL.match(near_after.lstrip()):
        tags.add("total")
    if len(_SHARE.findall(after)) >= 2:
        tags.add("split")
    if any(not _CHAMBER.search(m.group()) for m in _SITE.finditer(sentence)):
        tags.add("site")
    if _PART.match(after) or share_of_total(after):
        tags.add("part")  # "drei Brücken ganz und zwei weitere", "110 personnes, sur un total de 157"
    if _WINDOW.search(pb + " " + pa):
        tags.add("window")
    stamp = _STAMP.search(pb[-40:] + " " + pa[:40])
    if stamp:
        h, m = (stamp.group(1), stamp.group(2)) if stamp.group(1) else (stamp.group(3), stamp.group(4))
        tags.add(f"clock={int(h) % 12}:{m}")
    if _EXTRA.search(near_before) or _EXTRA_AFTER.match(near_after):
        tags.add("extra")
    if _NEEDED.search(pb + " " + pa):
        tags.add("needed")
    if (_DELTA_BEFORE.search(near_before) and _CHANGE.search(cl_before + " " + cl_after)) or \
            _CHANGE_NEAR.search(near_before) or _DELTA_AFTER.match(near_after):
        tags.add("delta")
    if _AGE_BEFORE.search(near_before) or _AGE_AFTER.match(near_after) or (
            re.search(r"\b(?:a los|à)\s+$", near_before) and re.search(r"\b(?:años|ans)\b", text)):
        tags.add("age")
    if _RELATIVE_AFTER.match(near_after):
        tags.add("relative")
    elif _MINUTES.search(text) and _TIMEPOINT_BEFORE.search(near_before):
        tags.add("timepoint")
    return frozenset(tags)


def compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether figures with scope tags ``a`` and ``b`` can state one fact."""
    if (a | b) & NEVER:
        return False
    if (a & EXCLUSIVE) != (b & EXCLUSIVE):
        return False
    if {t for t in a if t.startswith("clock=")} != {t for t in b if t.startswith("clock=")}:
        return False
    return not (("base" in a and not {"base", "total"} & b) or ("base" in b and not {"base", "total"} & a))
