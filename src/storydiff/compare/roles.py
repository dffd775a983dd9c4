"""Role conflicts: one event, one role, two different named people, places or organisations.

Method: every sentence is scanned for three kinds of *role slots* filled by a proper name
(a run of capitalised words; a title such as ``Regierungssprecher`` kept in the span; a name
is *sure* when it has two words or one that the language's lexicon does not know):

* **speaker** of a reporting verb (:data:`REPORTING`: ``teilte ... mit``, ``gab bekannt``,
  ``sagte``, ``announced``, ``said``, ``a annoncé``, ``anunció``): the sure name right before
  the verb or right after it (``teilte Bundeskanzler X am Abend mit``, ``sagte Sprecher Y``);
* **object of a preposition** (:data:`PREPOSITIONS`) governed by the same verb
  (``an X gescheitert`` / ``scheitert an Y``; ``traf in X ein`` / ``in der Stadt Y eingetroffen``):
  German verbs of the clause are compared by a consonant skeleton
  (:func:`~storydiff.text.lemmas.name_key`) after a participle's ``ge-`` is dropped and a
  separable particle joined to its verb, so that ``traf ... ein`` and ``eingetroffen`` meet;
  other languages compare the word right before the preposition. One item of a list of
  names (``in X, Y und Z``) fills no role;
* **apposition** of a one-word name to a head noun (``die Firmenholding X`` /
  ``der Familien-Finanzholding Y``), not in the genitive (``Chef des Konzerns X`` says whom one
  belongs to); two heads meet when their last :data:`MIN_HEAD` letters agree (the last part
  of a compound).

Two slots of two articles of a story conflict when they have the same role, at least one name
is sure, the names are different (surnames neither equal, nor spelling variants,
:func:`same_spelling`, nor one part of the other, and neither sentence names the other's
filler), and the two sentences report the *same event*: two shared figures, or content words
without the fillers alike (at least :data:`MIN_SHARED` stems and Dice :data:`MIN_ALIKE`), or a
shared time expression (weekday, part of day), or another shared full name (the subject:
``Sebastien Haller``). Two reports quoting two people on two matters is the common case, so a
speaker needs the same reported content, or the same *announcing* verb (:data:`ANNOUNCING`,
one announcement has one speaker) and the same time expression; an apposition names one of the
many bodies of a story, so neither of its names may occur in the other article at all. A
filler that the other report also gives for that role of that event is no conflict.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Das Team traf am Sonntag in Lüttich ein.", language="de"),
...         Article(text="Am Sonntag ist das Team in der Stadt Namur eingetroffen.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_role_conflicts(prepare(arts))]
[('Lüttich', 'Stadt Namur')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.lexicon import MONTHS, STOPWORDS, WEEKDAYS, concept_of
from storydiff.compare.polarity import is_name_word, same_spelling
from storydiff.model import Fact
from storydiff.text.lemmas import fold, name_key
from storydiff.text.tokens import word_spans

__all__ = ["ANNOUNCING", "MIN_ALIKE", "MIN_HEAD", "MIN_SHARED", "PREPOSITIONS", "REPORTING", "SALIENCE", "RoleSlot",
           "find_role_conflicts", "role_slots", "same_event"]

#: content Dice of two sentences (names left out) that report one event
MIN_ALIKE = 0.4
#: ... sharing at least this many stems
MIN_SHARED = 4
#: letters two apposition heads must share at their end (``...holding``)
MIN_HEAD = 5
#: salience of a role conflict (before the boost for the number of sources)
SALIENCE = 0.5

def _set(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


#: reporting verbs (lower case, whole words) per language; German separable verbs by their finite stem
REPORTING: dict[str, frozenset[str]] = {
    "de": _set("teilte teilten teilt mitgeteilt mitteilte gab gaben gibt bekanntgab bekanntgegeben sagte "
                    "sagten sagt gesagt erklärte erklärten erklärt verkündete verkündet bestätigte bestätigt"),
    "en": _set("said says told announced announces confirmed stated declared"),
    "fr": _set("annoncé déclaré indiqué affirmé annonce déclare"),
    "es": _set("dijo anunció afirmó declaró informó"),
}
#: reporting verbs that announce (a decision, a result) rather than say: one announcement, one speaker
ANNOUNCING = _set("teilte teilten teilt mitgeteilt mitteilte gab gaben gibt bekanntgab bekanntgegeben "
                       "verkündete verkündet announced announces annoncé annonce anunció informó")
_AND = frozenset(("und", "and", "et", "y", "sowie"))
#: a German finite reporting verb that needs its particle later in the clause
_PARTICLE_OF = {"teilte": "mit", "teilten": "mit", "teilt": "mit", "gab": "bekannt", "gaben": "bekannt",
                "gibt": "bekannt"}
#: prepositions whose named object fills a role of the verb
PREPOSITIONS: dict[str, frozenset[str]] = {
    "de": _set("an in nach aus über gegen bei"),
    "en": _set("in at to from against"),
    "fr": _set("à en contre depuis"),
    "es": _set("en contra desde"),
}
#: an apposition in the genitive names what someone belongs to ("Chef des Konzerns X"), not a role
_GENITIVE = frozenset(("des", "of", "du"))
_ARTICLES = _set("der die das den dem des the le la les l' el la los las")
#: endings of German adjectives and adverbs (``schwer``, ``heftig``, ``schließlich``)
_ADJECTIVE = ("er", "ig", "lich", "isch", "sam", "bar", "los")
_PARTICLES = ("ein", "an", "auf", "aus", "ab", "bei", "mit", "vor", "zu", "fest", "bekannt", "zurück", "los", "statt")
_ROMAN = re.compile(r"^[IVX]+$")
_CLAUSE = re.compile(r"[,;:–()\"„“”«»]")
#: clause tokens either side of a preposition searched for its verb
_VERB_WINDOW = 6


@dataclass(frozen=True, slots=True)
class RoleSlot:
    """One named filler of one role in one sentence."""

    role: str
    verbs: frozenset[str]  # verb keys of the clause (prepositions only)
    unit: Unit
    start: int  # in the sentence
    end: int
    text: str
    surname: str
    sure: bool  # two words or more, or a word not known as a common word


_Tok = tuple[int, int, str]


def _surname(tokens: Sequence[str]) -> str:
    """The last word of a name that is no roman numeral, without a possessive ending."""
    for t in reversed(tokens):
        if not _ROMAN.match(t):
            return re.sub(r"['’]s$", "", t)
    return tokens[-1]


def _time_word(word: str) -> bool:
    low = word.casefold()
    return low in MONTHS or (len(low) >= 5 and concept_of(low[:10], WEEKDAYS) is not None)


def _runs(text: str, toks: Sequence[_Tok]) -> list[tuple[int, int]]:
    """``(first, last)`` token indexes of every run of capitalised words (joined by spaces or hyphens)."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        if not toks[k][2][0].isupper() or toks[k][2].casefold() in STOPWORDS or _time_word(toks[k][2]):
            k += 1
            continue
        j = k
        while (j + 1 < len(toks) and toks[j + 1][2][0].isupper() and text[toks[j][1]:toks[j + 1][0]] in (" ", "-")
               and not _time_word(toks[j + 1][2])):
            j += 1
        out.append((k, j))
        k = j + 1
    return out


def _is_name(text: str, toks: Sequence[_Tok], first: int, last: int, lang: str) -> bool:
    """A run is a name when it has two words or more (a title and a name, or first and last name;
    hyphenated parts are one word), or one word not known as a common word, not opening the sentence."""
    if " " in text[toks[first][0]:toks[last][1]]:
        return True
    return not _opens(text, toks, first) and is_name_word(toks[last][2], lang)


def _opens(text: str, toks: Sequence[_Tok], k: int) -> bool:
    """Whether token ``k`` opens its sentence (capitalised anyway)."""
    return text[:toks[k][0]].strip(" „\"«»'") == ""


def _verb_keys(toks: Sequence[_Tok], text: str, at: int, lang: str) -> frozenset[str]:
    """Keys of the words that may govern the preposition at token ``at``: in German the lower-case
    content words of its clause (adjectives and adverbs left out), as consonant skeletons, with a
    participle's ``ge-`` dropped and each separable particle of the clause joined to every word;
    elsewhere the word right before the preposition."""
    lo = at
    while lo > 0 and at - lo < _VERB_WINDOW and not _CLAUSE.search(text[toks[lo - 1][1]:toks[lo][0]]):
        lo -= 1
    hi = at
    while hi + 1 < len(toks) and hi - at < _VERB_WINDOW and not _CLAUSE.search(text[toks[hi][1]:toks[hi + 1][0]]):
        hi += 1
    if lang != "de":  # the governing word stands right before the preposition
        prev = toks[at - 1][2].casefold() if at > 0 and not _CLAUSE.search(text[toks[at - 1][1]:toks[at][0]]) else ""
        return frozenset({name_key(prev, length=5)} if len(prev) >= 3 and prev not in STOPWORDS else ())
    words = [t[2] for t in toks[lo:hi + 1] if t[2][0].islower() and t[2].isalpha() and not t[2].endswith(_ADJECTIVE)]
    particles = [w for w in words if w in _PARTICLES]
    keys = set()
    for w in words:
        if w in STOPWORDS or len(w) < 3 or w in _PARTICLES:
            continue
        for p in ("", *_PARTICLES):
            if w.startswith(p + "ge") and len(w) > len(p) + 5:
                w = p + w[len(p) + 2:]
                break
        keys.add(name_key(w, length=5))
        keys.update(name_key(p + w, length=5) for p in particles)
    return frozenset(keys)


def _listed(text: str, toks: Sequence[_Tok], first: int, last: int) -> bool:
    """Whether the run ``first..last`` is one item of a list of names (``X und Y``, ``X, Y``)."""
    after = (last + 1 < len(toks) and toks[last + 1][2][0].isupper()) or (
        last + 2 < len(toks) and toks[last + 1][2] in _AND and toks[last + 2][2][0].isupper())
    gap = text[toks[last][1]:toks[last + 1][0]].strip() if last + 1 < len(toks) else ""
    before = first > 0 and text[toks[first - 1][1]:toks[first][0]].strip() == "," and toks[first - 1][2][0].isupper()
    return bool(after and gap in ("", ",") and (gap == "," or toks[last + 1][2] in _AND)) or before


def role_slots(unit: Unit) -> list[RoleSlot]:
    """The named role fillers of one sentence (see module docstring).

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> u = prepare([Article(text="Das teilte Ministerin Anna Berg am Abend mit.", language="de")])[0][0]
    >>> [(s.role, s.text, s.surname) for s in role_slots(u)]
    [('speaker', 'Ministerin Anna Berg', 'Berg')]
    """
    text, lang = unit.sentence.text, unit.lang
    toks = list(word_spans(text, lower=False))
    every = _runs(text, toks)
    runs = [r for r in every if _is_name(text, toks, *r, lang)]
    runs_set = set(runs)
    by_first = {f: la for f, la in runs}
    by_last = {la: f for f, la in runs}
    any_first = {f: la for f, la in every if not _opens(text, toks, f)}
    out: list[RoleSlot] = []

    def slot(role: str, first: int, last: int, verbs: frozenset[str] = frozenset(), sure: bool | None = None) -> None:
        names = [t[2] for t in toks[first:last + 1]]
        out.append(RoleSlot(role, verbs, unit, toks[first][0], toks[last][1], text[toks[first][0]:toks[last][1]],
                            _surname(names), (first, last) in runs_set if sure is None else sure))

    reporting = REPORTING.get(lang, frozenset())
    preps = PREPOSITIONS.get(lang, frozenset())
    for k, (_, end, word) in enumerate(toks):
        low = word.casefold()
        if low in reporting:
            particle = _PARTICLE_OF.get(low) if lang == "de" else None
            if particle is not None and not any(t[2] == particle for t in toks[k + 1:k + 12]):
                continue
            gap = text[toks[k - 1][1]:toks[k][0]] if k else ""
            if k - 1 in by_last and gap.strip() == "":
                slot("speaker", by_last[k - 1], k - 1)
            after = k + 2 if k + 2 < len(toks) and toks[k + 1][2].casefold() in _ARTICLES else k + 1
            if after in by_first and not _CLAUSE.search(text[end:toks[after][0]]):
                slot("speaker", after, by_first[after])
            out[:] = [s for s in out if s.role != "speaker" or s.sure]
        elif low in preps and word[0].islower():
            after = k + 2 if k + 2 < len(toks) and toks[k + 1][2].casefold() in _ARTICLES else k + 1
            if after in any_first and _listed(text, toks, after, any_first[after]):
                continue  # "in Kiew, Charkiw und Odessa": one of many places
            if after == k + 1 and after in any_first and not _CLAUSE.search(text[end:toks[after][0]]):
                slot("prep:" + low, after, any_first[after], _verb_keys(toks, text, k, lang))  # "in Lyon"
            elif after == k + 2 and after in by_first and by_first[after] > after \
                    and not _CLAUSE.search(text[end:toks[after][0]]):
                slot("prep:" + low, after, by_first[after], _verb_keys(toks, text, k, lang))  # "in der Stadt Namur"
    for first, last in runs:
        m = first  # the head noun: the run's first word, with the parts hyphenated to it
        while m < last and text[toks[m][1]:toks[m + 1][0]] == "-":
            m += 1
        head = toks[m][2]
        det = toks[first - 1][2].casefold() if first > 0 else ""
        name_part = text[toks[m + 1][0]:toks[last][1]] if m < last else " "
        if " " not in name_part and len(head) > MIN_HEAD and head[0].isupper() and not is_name_word(head, lang) \
                and det in _ARTICLES | preps and det not in _GENITIVE and not _listed(text, toks, first, last):
            slot("appos:" + fold(head)[-MIN_HEAD:], m + 1, last, sure=_is_name(text, toks, m + 1, last, lang))
    return out


def _mentions(text: str, surname: str) -> bool:
    """Whether ``text`` names ``surname`` (as a word, in any spelling variant or inflection)."""
    key = fold(surname)
    return any(fold(t) == key or same_spelling(t, surname) for _s, _e, t in word_spans(text, lower=False)
               if t[:1].isupper())


def _different(x: RoleSlot, y: RoleSlot) -> bool:
    """Two fillers that are different people, places or organisations."""
    fx, fy = fold(x.surname), fold(y.surname)
    if fx == fy or same_spelling(x.surname, y.surname) or name_key(fx) == name_key(fy):
        return False
    words_x = {fold(t) for _s, _e, t in word_spans(x.text)}
    words_y = {fold(t) for _s, _e, t in word_spans(y.text)}
    if fx in fy or fy in fx:
        return False  # "Kaution" / "Millionenkaution"
    return fy not in words_x and fx not in words_y and not _mentions(y.unit.sentence.text, x.surname) \
        and not _mentions(x.unit.sentence.text, y.surname)


@dataclass(frozen=True, slots=True)
class _Sense:
    """What a sentence says besides its fillers: time words, other names, figures, content stems."""

    times: frozenset[str]
    names: frozenset[str]
    figures: frozenset[str]
    stems: frozenset[str]
    verbs: frozenset[str]


def _sense(unit: Unit, fillers: Sequence[RoleSlot]) -> _Sense:
    text = unit.sentence.text
    toks = list(word_spans(text, lower=False))
    inside = [(s.start, s.end) for s in fillers]
    people = {la for f, la in _runs(text, toks) if " " in text[toks[f][0]:toks[la][1]]}  # surnames of full names
    times, names, figures, verbs = set(), set(), set(), set()
    for k, (s, _e, t) in enumerate(toks):
        if any(a <= s < b for a, b in inside):
            continue
        if t[0].isdigit():
            figures.add(t)
        elif _time_word(t):
            times.add(fold(t))
        elif t[0].isupper() and not t.isupper() and t.casefold() not in STOPWORDS and not _opens(text, toks, k):
            names.add(name_key(t) if k in people else "~" + name_key(t))
        elif t.casefold() in ANNOUNCING:
            verbs.add(fold(t))
    dropped = {fold(t) for s, e, t in toks if any(a <= s < b for a, b in inside)}
    stems = frozenset(x for x in unit.stems if x not in dropped and not x[0].isdigit())
    return _Sense(frozenset(times), frozenset(names), frozenset(figures), stems, frozenset(verbs))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def same_event(role: str, a: _Sense, b: _Sense) -> bool:
    """Whether two sentences filling one role report one event (see module docstring)."""
    content = len(a.figures & b.figures) >= 2 or (
        len(a.stems & b.stems) >= MIN_SHARED and _dice(a.stems, b.stems) >= MIN_ALIKE)
    if role == "speaker":
        return content or bool(a.verbs & b.verbs and a.times & b.times)
    shared = a.names & b.names
    if role.startswith("appos:"):  # any other name: the fillers are unknown to the other report
        return content or bool(a.times & b.times) or bool({n.lstrip("~") for n in a.names}
                                                           & {n.lstrip("~") for n in b.names})
    return content or bool(a.times & b.times) or any(n[0] != "~" for n in shared)


def find_role_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                        ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles that fill one role of
    one event with different names (see module docstring); a fact's value is the filler's surname."""
    names = article_labels(units, labels)
    slots = [[s for u in arts for s in role_slots(u)] for arts in units]
    texts = [" ".join(u.sentence.text for u in arts) for arts in units]
    senses = {s: _sense(s.unit, [s]) for arts in slots for s in arts}

    def named(article: int, role: str, surname: str, other: RoleSlot) -> bool:
        """Whether ``article`` too gives ``surname`` for ``role`` in a sentence on the event of ``other``."""
        return any(s.role == role and fold(s.surname) == fold(surname) and same_event(role, senses[s], senses[other])
                   for s in slots[article])
    out: list[tuple[str, Fact, Fact, str, float]] = []
    seen: set[tuple[int, int, int, int]] = set()
    for i, slots_a in enumerate(slots):
        for j in range(i + 1, len(slots)):
            for x in slots_a:
                for y in slots[j]:
                    if x.role != y.role or (x.role.startswith("prep:") and not x.verbs & y.verbs):
                        continue
                    if not (x.sure or y.sure) or not _different(x, y) or not same_event(x.role, senses[x], senses[y]):
                        continue
                    if named(i, x.role, y.surname, y) or named(j, y.role, x.surname, x):
                        continue  # one report names both for this role
                    if x.role.startswith("appos:") and (_mentions(texts[i], y.surname)
                                                        or _mentions(texts[j], x.surname)):
                        continue  # an apposition names one of many bodies: both must be unknown to the other
                    pair = (x.unit.article, x.start + x.unit.sentence.start, y.unit.article,
                            y.start + y.unit.sentence.start)
                    if pair in seen:
                        continue
                    seen.add(pair)
                    why = f"{_ROLE_WORDS.get(x.role.split(':')[0], 'role')}: {x.text!r} vs {y.text!r}"
                    key = f"role:{x.role}"
                    out.append(("conflict", _fact(x, key, names), _fact(y, key, names), why, SALIENCE))
    return out


_ROLE_WORDS = {"speaker": "different speakers of one statement", "prep": "different names in one role of one event",
               "appos": "different names for one title or body"}


def _fact(slot: RoleSlot, key: str, labels: Sequence[str]) -> Fact:
    return span_fact(slot.unit, slot.start, slot.end, labels, fold(slot.surname), key, kind="name")
