"""Facts an article states: numbers, dates and times, quotes and names, with offsets.

Method, per sentence:

* **number** — :func:`~storydiff.compare.numbers.find_quantities`; key ``noun+action``
  from the multilingual tables (``person+arrested`` for *3.800 Demonstranten ...
  festgenommen* and *3,000 people arrested* alike); value ``{low, high, anchor, qualifier}``; a
  duration right before *after*/*before* words takes that relation as its action (``duration+after``,
  :mod:`~storydiff.compare.durations`);
* **date-time** — weekdays with their part of day (``Samstagvormittag``), dates
  (``7. Januar``, ``January 7``, ``8 октября``, ``14 de abril``) and clock times (``14 Uhr``, ``06.07 Uhr``,
  ``6 a.m.``, ``6:05``); key ``when:weekday`` / ``when:date`` / ``when:clock``; ordinal
  centuries (``aus dem 12. Jahrhundert``, ``XIIIe siècle``; ``six siècles`` is a count) as
  ``when:century``; match minutes (``(19.)``) as ``when:minute`` with the player named in the
  clause before (:func:`_players`);
* **quote** — text between „…“, »…«, «…», “…”, "…" of three words or more, with the
  speaker named in the sentence (``sagte Tokajew``, ``Blinken said``, ``laut X``) or
  the last speaker of the previous two sentences; key ``quote:<speaker surname>``;
* **name** — runs of capitalised words of which at least one is not a known common
  word in the article's language (simplemma's dictionary), not counting a sentence's
  first word unless a speech verb follows; key ``name:<lower-cased name>``.

>>> from storydiff.model import Article
>>> art = Article(text="Am Samstag wurden 30 Menschen festgenommen, sagte Innenminister Jaromir Nowakowski.",
...               external_id="x", language="de")
>>> [(f.kind, f.key, f.value.text) for f in extract_facts(art)]  # doctest: +NORMALIZE_WHITESPACE
[('date-time', 'when:weekday', 'Samstag'), ('number', 'person+arrested', '30 Menschen'),
 ('name', 'name:jaromir nowakowski', 'Jaromir Nowakowski')]
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import replace
from datetime import datetime
from typing import Any

import simplemma

from storydiff.compare.align import article_language, balance_quotes
from storydiff.compare.durations import relation_after
from storydiff.compare.lexicon import CLOCK_WORDS, MONTHS, PERSON_ROLES, STOPWORDS, WEEKDAYS, concept_of
from storydiff.compare.numbers import find_quantities
from storydiff.compare.numdates import stated_dates
from storydiff.compare.when import clock_zone, midnights, relative_days
from storydiff.model import Article, Fact, FactValue
from storydiff.text.sentences import Sentence, split_sentences

__all__ = ["QUOTE_PATTERN", "ROLE_KEYS", "extract_facts", "facts_in_sentence", "is_name_word", "same_figure"]

_WEEKDAY = re.compile(
    r"\b(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
    r"(vormittag|nachmittag|morgen|abend|nacht|mittag)?(?:\s+(?:gegen\s+|am\s+)?"
    r"(morning|afternoon|evening|night|matin|soir|Mittag|Vormittag|Nachmittag|Abend))?\b",
    re.IGNORECASE)
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(rf"\b(\d{{1,2}})\.?\s+(?:de\s+)?({_MONTH_ALT})\b|\b({_MONTH_ALT})\s+(\d{{1,2}})\b", re.IGNORECASE)
_CLOCK = re.compile(
    r"(?<![\d.,])(\d{1,2})(?:[.:](\d{2}))?\s*(Uhr|h\b|a\.m\.|p\.m\.|am\b|pm\b|heures?\b)"
    r"|(?:\b(?:um|gegen|at|à|около|a las|в)\s+)(\d{1,2})[.:](\d{2})\b"
    r"|\b([01]\d|2[0-3])([0-5]\d)(?=\s+(?:GMT|UTC|BST))", re.IGNORECASE)
_ORDINAL = re.compile(r"\d+(?:\.|e\b|er\b|th\b|st\b|nd\b|rd\b)|[IVXL]+e\b", re.IGNORECASE)
_DATELINE = re.compile(r"\b(?:19|20)\d\d\W{0,4}$")
_SCORE = re.compile(r"(?<![\d.:,(/-])(\d{1,2}) ?[:-] ?(\d{1,2})"
                    r"(?![\d:.,/-]|\s*(?:Uhr|h\b|[ap]\.?m\b|GMT|UTC|BST|MESZ))")
_MATCH_MINUTE = re.compile(r"\((\d{1,3})\.\)|\b(\d{1,3})\.\s+(?:Minute|Spielminute)\b"
                           r"|\b(\d{1,3})(?:st|nd|rd|th)\s+minute\b")
#: a quotation in any of the usual marks; the quoted text is the one group that matched
QUOTE_PATTERN = re.compile(r"„([^“”\"]{3,}?)[“”\"]|»([^«]{3,}?)«|«([^»]{3,}?)»|“([^”“]{3,}?)”|\"([^\"]{3,}?)\"")
_CAP = re.compile(r"[A-ZÄÖÜÉÈÁÍÓÚÑŠČŽА-ЯЁ][\w'’-]*"
                  r"(?:(?:\s+(?:de|von|van|der|bin|al|da))?\s+[A-ZÄÖÜÉÈÁÍÓÚÑŠČŽА-ЯЁ][\w'’-]*)*")
_SPEAKER_AFTER = re.compile(r"\b(?:sagte|erklärte|betonte|warnte|schrieb|so|laut|said|told|according to|says|"
                            r"dijo|a déclaré|заявил|sagt|meinte|fügte)\s+(?:der\s+|die\s+)?"
                            r"((?:[A-ZÄÖÜ][\w-]+\s+)*[A-ZÄÖÜ][\w-]+)")
_SPEAKER_BEFORE = re.compile(r"((?:[A-Z][\w-]+\s+)*[A-Z][\w-]+)\s+(?:said|says|told|added|warned|wrote)\b")
_PRONOUNS = frozenset(["er", "sie", "he", "she", "il", "elle", "él", "ella", "он", "она"])


def _fv(label: str, base: int, start: int, end: int, text: str, value: Any) -> FactValue:
    start, end = balance_quotes(text, start, end)
    return FactValue(article=label, text=text[start:end], start=base + start, end=base + end, value=value)


_SECONDS = {"second": 1.0, "minute": 60.0, "hour": 3600.0}
_TIMED = frozenset({"duration"})


#: keys of people counted in one role ("2000 Gäste" is ``guest+-``; :data:`~storydiff.compare.lexicon.PERSON_ROLES`)
ROLE_KEYS = frozenset(PERSON_ROLES.values())


def same_figure(fa: Fact, fb: Fact) -> bool:
    """Whether two number facts state one figure (equal anchors), however bounded
    ("rund 2000 Gäste" / "more than 2,000 guests")."""
    va, vb = fa.value.value, fb.value.value
    return isinstance(va, dict) and isinstance(vb, dict) and va["anchor"] is not None and va["anchor"] == vb["anchor"]


def _number_facts(label: str, sent: Sentence, previous: str = "") -> list[Fact]:
    out = []
    for q in find_quantities(sent.text, previous):
        if (q.noun is None and q.action is None) or (q.noun_word or "").lower() in ("uhr", "o'clock"):
            continue  # "zehn Uhr" is a clock time, not a count
        span = _fv(label, sent.start, q.start, q.end, sent.text, None)
        attrs = {"sentence": [sent.start, sent.end], "noun": q.noun_word, "dimension": q.dimension}
        if q.noun == "century" and q.anchor is not None and _ORDINAL.match(q.text):  # "aus dem 12. Jahrhundert"
            out.append(Fact("date-time", "when:century", replace(span, value=f"{q.anchor:g}"), attrs))
            continue
        if ")" in q.text or sent.text[:q.start].rstrip().endswith("(") or re.match(r"\d+\.\s", q.text):
            continue  # "(96)" is an age or an earlier figure, "10. Meistertitel" an ordinal
        noun, scale = q.noun, 1.0
        if noun in _SECONDS:  # durations compare across units: "eine halbe Minute" vs "20 Sekunden"
            noun, scale = "duration", _SECONDS[noun]
        action = relation_after(sent.text[q.end:]) if noun in _TIMED else None
        action = action or q.action
        if noun == "person" and action is None:
            noun = concept_of((q.noun_word or "").lower(), PERSON_ROLES) or noun  # "2000 Gäste": one set
        key = f"{noun or '?'}+{action or '-'}"  # "une heure après": a time after an event
        value = {"low": q.low * scale, "high": None if math.isinf(q.high) else q.high * scale,
                 "anchor": None if q.anchor is None else q.anchor * scale, "qualifier": q.qualifier}
        out.append(Fact("number", key, replace(span, value=value), attrs))
    for m in _SCORE.finditer(sent.text):
        a, b = m.group(1), m.group(2)
        if (len(a) > 1 and a[0] == "0") or (len(b) > 1 and b[0] == "0") or max(int(a), int(b)) > 15:
            continue  # "6:05" is a time, not a score
        out.append(Fact("number", "score", _fv(label, sent.start, m.start(), m.end(), sent.text, f"{a}:{b}"),
                        {"sentence": [sent.start, sent.end]}))
    return out


def _when_facts(label: str, sent: Sentence, lang: str = "de", published: datetime | None = None) -> list[Fact]:
    out = []
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(sent.text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        value = f"{MONTHS[month.lower()]}-{int(day):02d}"
        out.append(Fact("date-time", "when:date", _fv(label, sent.start, m.start(), m.end(), sent.text, value),
                        {"sentence": [sent.start, sent.end]}))
        taken.append(m.span())
    for s, e, value in stated_dates(sent.text):  # "am 12.03.2020", "(12.3.)"
        out.append(Fact("date-time", "when:date", _fv(label, sent.start, s, e, sent.text, value),
                        {"sentence": [sent.start, sent.end]}))
        taken.append((s, e))
    for m in _CLOCK.finditer(sent.text):
        if any(a <= m.start() < b for a, b in taken) or _DATELINE.search(sent.text[:m.start()]):
            continue  # "16. April 2019 - 15:20 Uhr" is when the page was written
        hour, minute = next((m.group(k), m.group(k + 1)) for k in (1, 4, 6) if m.group(k))
        h = int(hour)
        if m.group(3) and m.group(3).lower().startswith("p") and h < 12:
            h += 12
        if h > 24:
            continue
        value = f"{h:02d}:{int(minute or 0):02d}"
        zone = clock_zone(sent.text[m.end():m.end() + 30], lang, published)
        out.append(Fact("date-time", "when:clock", _fv(label, sent.start, m.start(), m.end(), sent.text, value),
                        {"sentence": [sent.start, sent.end], **zone}))
    for approx, s, e in midnights(sent.text):  # "kurz vor Mitternacht"
        zone = clock_zone(sent.text[e:e + 30], lang, published)
        out.append(Fact("date-time", "when:clock", _fv(label, sent.start, s, e, sent.text, "00:00"),
                        {"sentence": [sent.start, sent.end], "approx": approx, **zone}))
    pub = {"published": published.toordinal()} if published is not None else {}  # which week a weekday is in
    for value, _words, s, e in relative_days(sent.text, lang, published):  # "gestern" -> a weekday
        out.append(Fact("date-time", "when:weekday", _fv(label, sent.start, s, e, sent.text, value),
                        {"sentence": [sent.start, sent.end], "relative": True, **pub}))
    prev = 0
    for m in _MATCH_MINUTE.finditer(sent.text):
        minute = next(g for g in m.groups() if g)
        if 0 < int(minute) <= 130:
            out.append(Fact("date-time", "when:minute",
                            _fv(label, sent.start, m.start(), m.end(), sent.text, f"{int(minute)}'"),
                            {"sentence": [sent.start, sent.end],
                             "who": _players(sent.text[max(0, m.start() - 100, prev):m.start()], lang)}))
            prev = m.end()
    for m in _WEEKDAY.finditer(sent.text):
        day = WEEKDAYS[m.group(1).lower()]
        part = m.group(2) or m.group(3)
        value = day + ("+" + (concept_of(part, CLOCK_WORDS) or part.lower()) if part else "")
        out.append(Fact("date-time", "when:weekday", _fv(label, sent.start, m.start(), m.end(), sent.text, value),
                        {"sentence": [sent.start, sent.end], **pub}))
    return out


def _players(window: str, lang: str) -> list[str]:
    """Who a match minute is of: the names (``Hanche-Olsen``) and the words of runs of capitalised
    words (``Sebastian Haller``, whose parts a dictionary may know) before it, folded to 5 letters.

    >>> _players("weil Sebastian Haller einen Foulelfmeter verschoss ", "de")
    ['halle', 'sebas']
    """
    window = re.split(r"[,;()]", window)[-1]  # "Boniface (25., Elfmeter), Granit Xhaka": the last clause
    caps = list(re.finditer(r"[A-ZÄÖÜÉ][\w-]+", window))
    out = set()
    for i, m in enumerate(caps):
        run = (i > 0 and window[caps[i - 1].end():m.start()] == " ") or (
            i + 1 < len(caps) and window[m.end():caps[i + 1].start()] == " ")
        if m.group().lower() not in STOPWORDS and (run or is_name_word(m.group(), lang)):
            out.add("".join(c for c in unicodedata.normalize("NFKD", m.group().lower())
                            if not unicodedata.combining(c))[:5])
    return sorted(out)


def _speaker(sent: Sentence, quote_span: tuple[int, int]) -> str | None:
    rest = sent.text[:quote_span[0]] + " " + sent.text[quote_span[1]:]
    m = _SPEAKER_AFTER.search(rest) or _SPEAKER_BEFORE.search(rest)
    if m:
        name = m.group(1).split()[-1]
        if name.lower() not in STOPWORDS:
            return name
    return None


def _quote_facts(label: str, sent: Sentence, last_speaker: str | None) -> tuple[list[Fact], str | None]:
    out = []
    for m in QUOTE_PATTERN.finditer(sent.text):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) < 3:
            continue
        speaker = _speaker(sent, m.span()) or last_speaker
        last_speaker = speaker or last_speaker
        gs = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
        out.append(Fact("quote", f"quote:{(speaker or '?').lower()}",
                        _fv(label, sent.start, m.start(gs), m.end(gs), sent.text, inner),
                        {"sentence": [sent.start, sent.end], "speaker": speaker}))
    if not out:
        sp = _SPEAKER_AFTER.search(sent.text)
        if sp and sp.group(1).split()[-1].lower() not in _PRONOUNS:
            last_speaker = sp.group(1).split()[-1]
    return out, last_speaker


def is_name_word(word: str, lang: str) -> bool:
    """Whether ``word`` looks like a proper name in ``lang`` (not a known common word)."""
    base = word.split("-")[-1]
    base = (base[:-2] if base.endswith(("'s", "’s")) else base).rstrip("'’")  # "Merkel's"; not "Kreis"
    if not base or base.lower() in STOPWORDS or (base.isupper() and len(base) <= 1):
        return False
    try:
        if simplemma.is_known(base, lang=lang) or simplemma.is_known(base.lower(), lang=lang):
            return False
        # a compound ending in a known noun ("Gebäudefassaden") is no name
        return not any(simplemma.is_known(base[i].upper() + base[i + 1:], lang=lang)
                       for i in range(1, len(base) - 4))
    except (ValueError, KeyError):
        return True


def _name_facts(label: str, sent: Sentence, lang: str) -> list[Fact]:
    out = []
    for m in _CAP.finditer(sent.text):
        tokens = m.group().split()
        start = m.start()
        if start == 0 or sent.text[:start].rstrip().endswith(("„", '"', "»", ":")):
            tokens = tokens[1:]  # sentence-initial word: capitalised anyway
            if not tokens:
                continue
            start = m.start() + m.group().index(tokens[0], len(m.group().split()[0]))
        known = [t for t in tokens if t[0].isupper()]
        if not any(is_name_word(t, lang) for t in known):
            continue
        while tokens and not is_name_word(tokens[0], lang) and len(tokens) > 1:
            start = m.start() + m.group().index(tokens[1], start - m.start() + len(tokens[0]))
            tokens = tokens[1:]
        text = " ".join(tokens)
        end = m.end()
        out.append(Fact("name", f"name:{text.lower()}", _fv(label, sent.start, start, end, sent.text, text),
                        {"sentence": [sent.start, sent.end], "words": len(tokens)}))
    return out


def facts_in_sentence(label: str, sent: Sentence, lang: str, last_speaker: str | None = None,
                      published: datetime | None = None, previous: str = "") -> tuple[list[Fact], str | None]:
    """The facts of one sentence and the speaker to carry over to the next one; ``previous`` is the
    text of the sentence before (what "sie" in ``Sie liegt bei 112`` refers to)."""
    quotes, speaker = _quote_facts(label, sent, last_speaker)
    when = _when_facts(label, sent, lang, published)
    minutes = [(f.value.start, f.value.end) for f in when if f.key == "when:minute"]
    numbers = [f for f in _number_facts(label, sent, previous)
               if not any(a < f.value.end and f.value.start < b for a, b in minutes)]
    facts = when + numbers + quotes + _name_facts(label, sent, lang)
    facts.sort(key=lambda f: (f.value.start, f.kind))
    return facts, speaker


def extract_facts(article: Article, sentences: list[Sentence] | None = None) -> list[Fact]:
    """Every fact of ``article`` in text order (see module docstring for the method)."""
    lang = article_language(article)
    sents = sentences if sentences is not None else split_sentences(article.text, lang)
    facts: list[Fact] = []
    speaker: str | None = None
    ttl = 0
    for k, sent in enumerate(sents):
        previous = sents[k - 1].text if k else ""
        found, new_speaker = facts_in_sentence(article.label, sent, lang, speaker, article.published, previous)
        facts.extend(found)
        if new_speaker != speaker:
            speaker, ttl = new_speaker, 3
        else:
            ttl -= 1
            if ttl <= 0:
                speaker = None
    return facts
