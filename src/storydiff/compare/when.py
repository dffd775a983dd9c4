"""Dates and times that need the article's publication date, its language or a time zone.

Method:

* **relative days** — *gestern*, *today*, *hoy*, *hier* (French only), *вчера*, with an
  optional part of day (*heute Morgen*, *esta mañana*, *yesterday afternoon*, *ayer por la
  tarde*, *gestern in der Nacht*: up to two function words between), are resolved
  against the article's ``published`` date to a weekday and reported as ``when:weekday`` facts,
  so that *hat gestern ... erklärt* (published on a Friday) meets *announced ... today* of a
  report published the same Friday as *Thursday* against *Friday*; words inside quotation
  marks speak of the day of the speech, not of publication, and are skipped; two such days are of
  one event when the few words around each, in its clause, share a news concept
  (:func:`day_events`: ``%resign`` in any language), unless a day is a target (``für gestern``);
* **midnight** — *kurz vor Mitternacht*, *shortly after midnight*, *à minuit* are clock facts
  (``00:00``) that carry which side of midnight they name (``approx``: ``before``/``after``);
* **time zones** — a clock time followed by a zone (``15.00 Uhr MESZ``, ``2 p.m. BST``,
  ``Moscow time``, ``britischer Zeit``) carries its offset from UTC; a clock time without one is
  read in the zone of the article's language (German: Berlin time, with EU summer time by the
  publication date) when it meets one with a zone; *Ortszeit* (local time) compares only with
  times that name no zone. Two clock times conflict when their minutes differ after conversion
  (``14 Uhr`` British = ``15 Uhr MESZ``), or when they name opposite sides of the same instant;
* **parts of one day** conflict when two or more parts apart (morning/afternoon; evening and
  night, afternoon and evening have soft edges); noon is a point, other than any part
  (``Montag gegen Mittag`` / ``Montagnachmittag``);
* **time zones** are read after the unit word too (``um 15.00 Uhr MESZ``).

>>> from datetime import datetime, UTC
>>> [(v, part) for v, part, _s, _e in relative_days("Er hat gestern Abend erklärt.", "de",
...                                                  datetime(2022, 7, 15, tzinfo=UTC))]
[('thu+evening', 'gestern Abend')]
>>> clocks_differ("14:00", {"zone": 60}, "15:00", {"zone": 120})
False
>>> weekdays_differ("thu+morning", "thu+afternoon"), weekdays_differ("mon+evening", "mon+night")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from storydiff.compare.align import stems_of
from storydiff.compare.events import MARK, event_concepts
from storydiff.compare.lexicon import CLOCK_WORDS, STOPWORDS, concept_of
from storydiff.model import Fact
from storydiff.text.tokens import word_spans

__all__ = ["CLAUSE_BREAK", "clock_zone", "clocks_differ", "day_events", "event_after", "midnights", "near_centuries",
           "relative_days", "same_day_event", "same_event", "weekdays_differ"]

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: relative day words per language, with their offset in days from the publication date
_RELATIVE: dict[str, dict[str, int]] = {
    "de": {"heute": 0, "gestern": -1, "vorgestern": -2},
    "en": {"today": 0, "yesterday": -1, "tonight": 0},
    "fr": {"aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "avant-hier": -2, "ce": 0, "cet": 0},
    "es": {"hoy": 0, "ayer": -1, "anteayer": -2, "esta": 0, "este": 0},
    "ru": {"сегодня": 0, "вчера": -1, "позавчера": -2},
}
#: function words between a relative day and its part ("ayer por la tarde", "gestern in der Nacht")
_BRIDGE = frozenset({"por", "la", "el", "en", "in", "der", "the", "dans", "am"})
#: words that make a part of the day relative ("esta mañana", "ce matin", "this morning")
_DEMONSTRATIVE = frozenset({"ce", "cet", "esta", "este", "this"})
_PARTS = {"morgen": "morning", "vormittag": "morning", "früh": "morning", "mittag": "noon",
          "nachmittag": "afternoon", "abend": "evening", "nacht": "night", "morning": "morning",
          "afternoon": "afternoon", "evening": "evening", "night": "night", "matin": "morning",
          "après-midi": "afternoon", "soir": "evening", "mañana": "morning", "tarde": "afternoon",
          "noche": "night", "утром": "morning", "днём": "afternoon", "днем": "afternoon",
          "вечером": "evening", "ночью": "night"}
_WORD = re.compile(r"[\w'’-]+")
_OPEN_QUOTES = "„“«»\""
_DAYPART = {"morning": 0, "noon": 1, "afternoon": 2, "evening": 3, "night": 4, "midnight": 4}
_NOON = _DAYPART["noon"]


def _inside_quote(text: str, pos: int) -> bool:
    before = text[:pos]
    return (before.count("„") > before.count("“") or before.count("«") > before.count("»")
            or before.count('"') % 2 == 1)


def relative_days(text: str, lang: str, published: datetime | None) -> Iterator[tuple[str, str, int, int]]:
    """``(weekday[+part], words, start, end)`` for every relative day in ``text`` (see module doc)."""
    table = _RELATIVE.get(lang)
    if published is None or table is None:
        return
    day0 = published.astimezone(UTC).date() if published.tzinfo else published.date()
    words = list(_WORD.finditer(text))
    for i, m in enumerate(words):
        low = m.group().lower()
        if low not in table or _inside_quote(text, m.start()):
            continue
        j = i + 1
        while j < min(i + 3, len(words) - 1) and words[j].group().lower() in _BRIDGE:
            j += 1  # "ayer por la tarde", "gestern in der Nacht"
        nxt = words[j] if j < len(words) and text[m.end():words[j].start()].strip(" ") == " ".join(
            w.group() for w in words[i + 1 : j]) else None
        part = _PARTS.get(nxt.group().lower()) if nxt else None
        if low in _DEMONSTRATIVE and part is None:
            continue  # "ce jeudi", "esta semana": not a relative day
        if low == "tonight":
            part = "evening"
        end = nxt.end() if part and nxt else m.end()
        day = day0 + timedelta(days=table[low])
        yield _DAYS[day.weekday()] + ("+" + part if part else ""), text[m.start():end], m.start(), end
    if lang == "en":  # "this morning"
        for m in re.finditer(r"\bthis (morning|afternoon|evening)\b", text, re.IGNORECASE):
            if not _inside_quote(text, m.start()):
                yield _DAYS[day0.weekday()] + "+" + m.group(1).lower(), m.group(), m.start(), m.end()


_MIDNIGHT = re.compile(
    r"\b(?:(kurz|knapp|just|shortly|peu|un peu|poco)\s+)?(vor|nach|before|after|avant|après|antes de|después de|"
    r"um|at|à|a)\s+(?:der\s+|la\s+)?(Mitternacht|midnight|minuit|medianoche)\b", re.IGNORECASE)
_BEFORE = frozenset({"vor", "before", "avant", "antes de"})
_AFTER = frozenset({"nach", "after", "après", "después de"})


def midnights(text: str) -> Iterator[tuple[str | None, int, int]]:
    """``(approx, start, end)`` for every named midnight (``kurz vor Mitternacht`` -> ``before``)."""
    for m in _MIDNIGHT.finditer(text):
        side = m.group(2).lower()
        yield ("before" if side in _BEFORE else "after" if side in _AFTER else None), m.start(), m.end()


_EU_ZONES = {"berlin": 60, "paris": 60, "madrid": 60, "london": 0}
#: named zones: fixed offsets in minutes, or a region whose summer time follows the EU rule
_ZONES: list[tuple[re.Pattern[str], int | str]] = [
    (re.compile(r"^\s*\(?(MESZ|CEST)\b"), 120),
    (re.compile(r"^\s*\(?(MEZ|CET)\b"), 60),
    (re.compile(r"^\s*\(?BST\b"), 60),
    (re.compile(r"^\s*\(?(GMT|UTC|Z)\b"), 0),
    (re.compile(r"^\s*\(?(MSK|Moskauer Zeit|Moscow time|heure de Moscou|по московскому времени)", re.I), 180),
    (re.compile(r"^\s*\(?(EDT)\b"), -240),
    (re.compile(r"^\s*\(?(EST)\b"), -300),
    (re.compile(r"^\s*\(?(britischer Zeit|UK time|British time|London time|heure de Londres|hora británica)",
                re.I), "london"),
    (re.compile(r"^\s*\(?(deutscher Zeit|German time|Berliner Zeit)", re.I), "berlin"),
    (re.compile(r"^\s*\(?(heure de Paris|heure française|French time|Pariser Zeit)", re.I), "paris"),
    (re.compile(r"^\s*\(?(Ortszeit|local time|heure locale|hora local|по местному времени)", re.I), "local"),
]
_UNIT = re.compile(r"^\s*(?:Uhr|h|heures?|o'clock|часов|часа|час)\b", re.IGNORECASE)
#: the zone a clock time without one is read in, by article language (English: UK or US, unknown)
_DEFAULT_ZONE = {"de": "berlin", "fr": "paris", "es": "madrid", "ru": 180}


def _last_sunday(year: int, month: int) -> date:
    d = date(year, month, 31)
    return d - timedelta(days=(d.weekday() + 1) % 7)


def _eu_offset(region: str, when: datetime | None) -> int | None:
    if when is None:
        return None
    d = when.date()
    summer = _last_sunday(d.year, 3) <= d < _last_sunday(d.year, 10)
    return _EU_ZONES[region] + (60 if summer else 0)


def clock_zone(after: str, lang: str, published: datetime | None) -> dict[str, Any]:
    """Zone attributes of a clock time from the words right ``after`` it: ``zone`` (offset in
    minutes, ``"local"`` or ``None``) and ``default`` (the offset of the article language's zone)."""
    zone: int | str | None = None
    after = _UNIT.sub("", after, count=1)  # "um 15.00 Uhr MESZ": the zone follows the unit
    for pattern, z in _ZONES:
        if pattern.match(after):
            zone = z
            break
    if isinstance(zone, str) and zone != "local":
        zone = _eu_offset(zone, published)
    dz = _DEFAULT_ZONE.get(lang)
    default = _eu_offset(dz, published) if isinstance(dz, str) else dz
    return {"zone": zone, "default": default}


def _minutes(value: str) -> int:
    h, _, m = value.partition(":")
    return (int(h) * 60 + int(m or 0)) % 1440


def clocks_differ(va: str, attrs_a: dict[str, Any], vb: str, attrs_b: dict[str, Any]) -> bool:
    """Whether two clock times (``HH:MM`` with :func:`clock_zone` attributes) name different instants."""
    za, zb = attrs_a.get("zone"), attrs_b.get("zone")
    ma, mb = _minutes(va), _minutes(vb)
    if za == "local" or zb == "local":
        if isinstance(za, int) or isinstance(zb, int):
            return False  # local time of an unknown place against a named zone
    elif za is not None or zb is not None:
        oa = za if za is not None else attrs_a.get("default")
        ob = zb if zb is not None else attrs_b.get("default")
        if oa is None or ob is None:
            return False
        ma, mb = (ma - oa) % 1440, (mb - ob) % 1440
    if ma != mb:
        return True
    sides = {attrs_a.get("approx"), attrs_b.get("approx")}
    return sides == {"before", "after"}


def weekdays_differ(va: str, vb: str) -> bool:
    """Whether two ``day[+part]`` values differ: other days, or parts of one day two or more apart."""
    da, _, pa = va.partition("+")
    db, _, pb = vb.partition("+")
    if da != db:
        return True
    if not pa or not pb:
        return False
    ia = _DAYPART.get(concept_of(pa, CLOCK_WORDS) or pa)
    ib = _DAYPART.get(concept_of(pb, CLOCK_WORDS) or pb)
    if ia is None or ib is None:
        return False
    return abs(ia - ib) >= 2 or (ia != ib and _NOON in (ia, ib))  # noon is a point: before it, morning


def near_centuries(va: object, vb: object) -> bool:
    """Whether two centuries (``"12"``, ``"13"``) are at most one apart: a building dated to the 12th
    and to the 13th century is one building dated two ways (its works spanned both), while the 19th
    century is that of something else (a later spire).

    >>> near_centuries("12", "13"), near_centuries("12", "19")
    (True, False)
    """
    try:
        return abs(float(str(va)) - float(str(vb))) <= 1
    except ValueError:
        return False


#: where a clause ends inside a sentence: punctuation or a conjunction
CLAUSE_BREAK = re.compile(r"[,;:()–—]|\b(?:und|and|et|y|while|während|sowie)\b")


def event_after(text: str, end: int, sentence_end: int, lang: str, words: int = 3) -> frozenset[str]:
    """Content stems of the few words right after a day or time (``text[end:]``), up to the end of
    its clause: the event it is said of (``am Mittwoch veröffentlichten Stellungnahme``)."""
    after = text[end:sentence_end]
    cut = CLAUSE_BREAK.search(after)
    window = " ".join(t[2] for t in list(word_spans(after[:cut.start()] if cut else after, lower=False))[:words])
    return frozenset(w for w in stems_of(window, lang) if len(w) >= 4 and not w[0].isdigit() and w not in STOPWORDS)


#: what ends the clause of a relative day: punctuation, conjunctions, relative pronouns
_DAY_CLAUSE = re.compile(r"[,;:()–—]|\b(?:und|and|et|y|while|während|sowie|who|which|that|qui|que|dass|"
                         r"welche[rs]?|quien|который|которая|что)\b", re.IGNORECASE)
#: words right before a day that make it a target, not the day an event happened ("Rücktritt für gestern")
_TARGET = re.compile(r"\b(?:für|for|pour|para|bis|until|jusqu'à|hasta|до|на)\s*$", re.IGNORECASE)
_WHEN_CONCEPTS = frozenset({MARK + "daytime", MARK + "clock"})


def day_events(text: str, start: int, end: int, sentence: Sequence[int], words: int = 4) -> frozenset[str]:
    """The news concepts (:mod:`~storydiff.compare.events`) of the ``words`` words either side of a
    relative day ``text[start:end]`` in its clause: what happened that day, in any language (*hat gestern
    seinen Rücktritt erklärt* and *announced his resignation today* both name ``%resign``; a subject's
    attribute further off, *der geflohene Präsident ... hat gestern*, is not that day's event). Empty
    when the day is a target (``Rücktritt für gestern angekündigt``, ``scheduled for today``), not the
    day of an event.

    >>> t = "Der Präsident hat gestern seinen Rücktritt erklärt."
    >>> sorted(day_events(t, t.index("gestern"), t.index("gestern") + 7, (0, len(t))))
    ['%head', '%resign']
    """
    s0, s1 = sentence
    before, after = text[s0:start], text[end:s1]
    if _TARGET.search(before):
        return frozenset()
    cuts = [m.end() for m in _DAY_CLAUSE.finditer(before)]
    stop = _DAY_CLAUSE.search(after)
    left = [t for _s, _e, t in word_spans(before[cuts[-1] if cuts else 0:])][-words:]
    right = [t for _s, _e, t in word_spans(after[:stop.start()] if stop else after)][:words]
    return event_concepts(left + right) - _WHEN_CONCEPTS


def same_day_event(text_a: str, fa: Fact, text_b: str, fb: Fact) -> bool:
    """Whether the clauses of two days (one of them relative, *gestern*) name one news event
    (:func:`day_events`)."""
    ea = day_events(text_a, fa.value.start, fa.value.end, fa.attributes["sentence"])
    return bool(ea and ea & day_events(text_b, fb.value.start, fb.value.end, fb.attributes["sentence"]))


def same_event(a: frozenset[str], b: frozenset[str], least: float = 0.5) -> bool:
    """Whether the words after two days or times name one event: two or more of them alike (a
    compound meets its head) and a Dice of ``least`` at least.

    >>> same_event(frozenset({"veröffentlicht", "stellungnahm"}), frozenset({"veröffentlicht", "stellungnahm"}))
    True
    """
    def hits(x: frozenset[str], y: frozenset[str]) -> int:
        return sum(1 for w in x if w in y or any(len(v) >= 5 and len(w) >= 5 and (w.endswith(v) or v.endswith(w))
                                                 for v in y))

    shared = hits(a, b)
    return shared >= 2 and (shared + hits(b, a)) / max(1, len(a) + len(b)) >= least
