"""When did it happen? Resolve the day mentions of a news text to calendar days.

News reports name the day of their happening relative to the publication day ("am
Mittwoch", "in der Nacht zum Donnerstag", "on Saturday", "yesterday", "vendredi",
"el sábado", "в субботу") or as a date ("15. Juli", "July 15", "le 15 avril",
"15 de abril", "15 апреля", "15.7.2021"). This module turns them into an
**event-day distribution** (day ordinal -> weight, summing to 1) without a parser
library: one compiled pattern per language built from small tables (weekdays, month
names, relative words), deterministic and fast.

Resolution, relative to the publication day ``p`` (UTC calendar day):

* a weekday is the most recent such day on or before ``p`` (0 to 6 days back); one
  marked as future ("nächsten", "next", "prochain", "próximo", "следующий") is skipped;
* "in der Nacht zum X" / "dans la nuit de X à Y" / "в ночь на X": half on X - 1, half on X;
* relative words: today = ``p``, yesterday = ``p - 1``, the day before = ``p - 2``;
  "last night" / "heute Nacht" / "cette nuit": half on ``p - 1``, half on ``p``;
* a date without a year takes the year that puts it nearest to ``p``.

Only days from ``p - max_back`` to ``p`` count (background dates and announcements name
other happenings). Mentions in the title and the first ``lead_chars`` characters weigh
``lead_weight``, the rest 1; only the first ``max_chars`` characters are read.

Status: a resolver, not (yet) a clustering signal. On the dev set the main resolved day
is the gold story's day for 81% of the German articles that name one; but multiplying
the story similarity by ``1 + b * agreement - p * (1 - agreement)`` (:func:`agreement`
against the story's day histogram), calibrated on half of the stories, raised the
held-out half's pairwise F1 (0.915 -> 0.923-0.929) while the whole set stayed flat and
English / cross-language F1 fell: same-day stories on one topic agree just as well.

>>> from datetime import UTC, date, datetime
>>> days = event_days("Am Mittwoch brach der Damm. Gestern begannen die Aufräumarbeiten.", None, "de",
...                   date(2024, 5, 10))
>>> {date.fromordinal(d).isoformat(): round(w, 2) for d, w in days.items()}
{'2024-05-08': 0.5, '2024-05-09': 0.5}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache

__all__ = ["EventDates", "agreement", "article_event_days", "event_days", "resolve_mentions"]

# -- tables: weekdays Monday first, months January first (alternatives separated by "|") -----------
_WEEKDAYS: dict[str, list[str]] = {
    "de": ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag|sonnabend", "sonntag"],
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles|miercoles", "jueves", "viernes", "sábado|sabado", "domingo"],
    "it": ["lunedì|lunedi", "martedì|martedi", "mercoledì|mercoledi", "giovedì|giovedi", "venerdì|venerdi",
           "sabato", "domenica"],
    "pt": ["segunda-feira|segunda", "terça-feira|terça", "quarta-feira|quarta", "quinta-feira|quinta",
           "sexta-feira|sexta", "sábado", "domingo"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "ru": ["понедельник", "вторник", "среду|среда", "четверг", "пятницу|пятница", "субботу|суббота",
           "воскресенье"],
}
_MONTHS: dict[str, list[str]] = {
    "de": ["januar|jänner|jan", "februar|feb", "märz|mär", "april|apr", "mai", "juni|jun", "juli|jul",
           "august|aug", "september|sept|sep", "oktober|okt", "november|nov", "dezember|dez"],
    "en": ["january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun", "july|jul",
           "august|aug", "september|sept|sep", "october|oct", "november|nov", "december|dec"],
    "fr": ["janvier", "février|fevrier", "mars", "avril", "mai", "juin", "juillet", "août|aout", "septembre",
           "octobre", "novembre", "décembre|decembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre|setiembre",
           "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
           "ottobre", "novembre", "dicembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"],
}
#: relative words -> days before publication (0.5: the night between p - 1 and p)
_RELATIVE: dict[str, dict[str, float]] = {
    "de": {"heute": 0, "gestern": 1, "vorgestern": 2, "heute nacht": 0.5, "vergangene nacht": 0.5,
           "letzte nacht": 0.5, "gestern abend": 1, "gestern nacht": 0.5, "heute morgen": 0},
    "en": {"today": 0, "yesterday": 1, "last night": 0.5, "overnight": 0.5, "tonight": 0, "this morning": 0},
    "fr": {"aujourd'hui": 0, "aujourd’hui": 0, "hier": 1, "avant-hier": 2, "cette nuit": 0.5,
           "la nuit dernière": 0.5, "hier soir": 1, "ce matin": 0},
    "es": {"hoy": 0, "ayer": 1, "anteayer": 2, "anoche": 1, "esta madrugada": 0.5, "esta mañana": 0},
    "it": {"oggi": 0, "ieri": 1, "stanotte": 0.5, "ieri sera": 1},
    "pt": {"hoje": 0, "ontem": 1, "esta madrugada": 0.5},
    "nl": {"vandaag": 0, "gisteren": 1, "eergisteren": 2, "vannacht": 0.5, "gisteravond": 1},
    "ru": {"сегодня": 0, "вчера": 1, "позавчера": 2, "этой ночью": 0.5, "минувшей ночью": 0.5},
}
#: a day part glued to or following a weekday ("Montagabend", "Monday night", "lundi soir")
_DAY_PART = {
    "de": r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht|früh)?",
    "en": r"(?:\s+(?:morning|afternoon|evening|night))?",
}
#: "the night to X": half on the day before X
_NIGHT_TO = {
    "de": r"nacht\s+(?:zum|zu|auf\s+den|auf)\s+",
    "fr": r"nuit\s+(?:de\s+\w+\s+à|du\s+\w+\s+au|de\s+\w+\s+au)\s+",
    "es": r"madrugada\s+del\s+",
    "ru": r"ночь\s+на\s+",
    "en": r"night\s+(?:to|into)\s+",
}
#: words before (or, for French/Spanish/Italian, after) a weekday that make it a future day
_FUTURE = re.compile(
    r"(?:\b(?:kommend|nächst|naechst|folgend|next|coming|following|prochain|próxim|proxim|prossim|следующ)\w*"
    r"|\b(?:ab|bis|from|until|by|jusqu'au|jusqu’au|hasta|до))(?:\s+\w+)?\s+$"
)
_FUTURE_AFTER = re.compile(r"^\s+(?:prochain|próximo|proximo|prossimo|que\s+vem)")
_NUMERIC = r"(?<![\d.])(?P<d3>\d{1,2})\.\s?(?P<m3>\d{1,2})\.(?:\s?(?P<y3>\d{4}|\d{2})(?!\d))?"


def _alts(words: list[str]) -> str:
    return "|".join(sorted((w for item in words for w in item.split("|")), key=len, reverse=True))


@lru_cache(maxsize=32)
def _pattern(language: str) -> tuple[re.Pattern[str], dict[str, int], dict[str, int], dict[str, float]]:
    """(compiled pattern, weekday word -> 0..6, month word -> 1..12, relative phrase -> days back)."""
    langs = [language] if language in _WEEKDAYS else sorted(_WEEKDAYS)
    week = {w: i for lang in langs for i, item in enumerate(_WEEKDAYS[lang]) for w in item.split("|")}
    month = {w: i + 1 for lang in langs for i, item in enumerate(_MONTHS[lang]) for w in item.split("|")}
    rel = {k: v for lang in langs for k, v in _RELATIVE[lang].items()}
    w_alt, m_alt = _alts(list(week)), _alts(list(month))
    r_alt = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(rel, key=len, reverse=True))
    night = "|".join(_NIGHT_TO[lang] for lang in langs if lang in _NIGHT_TO) or "(?!)"
    part = "|".join(_DAY_PART[lang] for lang in langs if lang in _DAY_PART) or ""
    parts = [
        rf"(?P<night>{night})?\b(?P<wd>{w_alt})(?:{part})?\b",
        rf"\b(?P<d1>\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?P<m1>{m_alt})\b\.?"
        rf"(?:,?\s+(?:de\s+)?(?P<y1>\d{{4}}))?",
        rf"\b(?P<m2>{m_alt})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?",
        rf"\b(?P<rel>{r_alt})\b",
    ]
    if language in ("de", "ru", "nl") or language not in _WEEKDAYS:
        parts.append(_NUMERIC)
    return re.compile("|".join(parts), re.IGNORECASE), week, month, rel


def _nearest(day: int, month: int, year: int | None, pub: date) -> date | None:
    """The date ``day.month.year`` (the year nearest ``pub`` when ``None``); ``None`` when invalid."""
    try:
        if year is not None:
            return date(year + 2000 if year < 100 else year, month, day)
        options = [date(y, month, day) for y in (pub.year - 1, pub.year, pub.year + 1)
                   if not (month == 2 and day == 29 and y % 4)]
    except ValueError:
        return None
    return min(options, key=lambda d: abs(d.toordinal() - pub.toordinal())) if options else None


def resolve_mentions(text: str, language: str | None, published: date,
                     weekday_back: int = 6) -> list[tuple[int, float, int]]:
    """Every resolvable day mention of ``text``: ``(start offset, days before published, share)``,
    share 2 for a night (half on each side of ``days``); a weekday more than ``weekday_back``
    days back is taken for an announcement and skipped (see the module docstring)."""
    pattern, week, month, rel = _pattern(language or "")
    pub = published.toordinal()
    out: list[tuple[int, float, int]] = []
    for m in pattern.finditer(text):
        back: float
        if m.group("wd"):
            before = text[max(0, m.start() - 24): m.start()].lower()
            if _FUTURE.search(before) or _FUTURE_AFTER.match(text[m.end(): m.end() + 12].lower()):
                continue
            back = (published.weekday() - week[m.group("wd").lower()]) % 7
            if back > weekday_back:
                continue
            if m.group("night"):
                back += 0.5
        elif m.group("rel"):
            back = rel[" ".join(m.group("rel").lower().split())]
        else:
            if m.group("d1"):
                d, mo, y = m.group("d1"), month.get(m.group("m1").lower()), m.group("y1")
            elif m.group("d2"):
                d, mo, y = m.group("d2"), month.get(m.group("m2").lower()), m.group("y2")
            else:
                d, mo, y = m.group("d3"), int(m.group("m3")), m.group("y3")
            if mo is None or not 1 <= mo <= 12:
                continue
            when = _nearest(int(d), mo, int(y) if y else None, published)
            if when is None:
                continue
            back = pub - when.toordinal()
        out.append((m.start(), back, 2 if back != int(back) else 1))
    return out


@dataclass(frozen=True, slots=True)
class EventDates:
    """How mentions are read and weighed (see the module docstring)."""

    lead_chars: int = 300
    lead_weight: float = 2.0
    max_chars: int = 1500
    max_back: int = 7
    weekday_back: int = 4


def event_days(text: str, title: str | None, language: str | None, published: date | None,
               params: EventDates = EventDates()) -> dict[int, float]:
    """The event-day distribution of an article: day ordinal -> weight (sum 1), empty when the
    article is undated or names no day within range."""
    if published is None:
        return {}
    weights: dict[int, float] = {}
    pub = published.toordinal()
    sources = [(title or "", True), (text[: params.max_chars], False)]
    for chunk, is_title in sources:
        for start, back, share in resolve_mentions(chunk, language, published, params.weekday_back):
            if back < 0 or back > params.max_back:
                continue
            w = (params.lead_weight if is_title or start < params.lead_chars else 1.0) / share
            for day in {pub - int(back), pub - int(back + 0.5)} if share == 2 else {pub - int(back)}:
                weights[day] = weights.get(day, 0.0) + w
    total = sum(weights.values())
    return {d: w / total for d, w in sorted(weights.items())} if total > 0 else {}


def agreement(article: dict[int, float], story: dict[int, float]) -> float | None:
    """Histogram intersection of an article's distribution and a story's day histogram
    (normalised here); ``None`` when either is empty.

    >>> agreement({10: 1.0}, {10: 3.0, 11: 1.0})
    0.75
    """
    total = sum(story.values())
    if not article or total <= 0:
        return None
    return sum(min(w, story.get(d, 0.0) / total) for d, w in article.items())


def article_event_days(text: str, title: str | None, language: str | None,
                       published: datetime | None) -> dict[int, float]:
    """:func:`event_days` of an article whose ``published`` is a UTC datetime (or ``None``)."""
    return event_days(text, title, language, published.astimezone(UTC).date() if published else None)
