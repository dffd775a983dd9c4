# ruff: noqa: SIM905  (word tables read best as one string)
"""Statement conflicts on a person's whereabouts: one report places someone somewhere, another says
he is still on the way and it is unclear whether (or says that not yet) he got there.

Method: sentences are scanned with small multilingual phrase tables (de, en, fr, es, ru):

* a *presence* statement (:data:`PRESENCE`: ``se encuentran en``, ``befinden sich``,
  ``versammelten sich in``, ``arrived``, ``gathered at``, ``se trouvent``, ``sont arrivés`` ...)
  places every person named *before* the phrase (a capitalised word at most :data:`SUBJECT_REACH`
  words before it, no preposition governing it, so ``duque de Sussex`` and ``in der Stadt Gomel`` name
  no one, and no quotation or colon between; in German, a phrase followed by its subject,
  ``befand sich der Wagen``, places no one before it);
* an *unsettled arrival* (:data:`TRANSIT`: ``auf dem Weg``, ``on his way``, ``en route``,
  ``de camino`` ...) together with doubt or a *not yet* in the same sentence (:data:`DOUBT`:
  ``unklar``, ``unclear``, ``no está claro``, ``on ignore`` ...; ``noch nicht``, ``not yet``,
  ``aún no``) concerns the person named in the few words before the transit phrase.

A person placed by one article and unsettled in another is a conflict when the word is a name in
at least one of the two (:func:`~storydiff.compare.polarity.is_name_word`; a capitalised word inside
a sentence of a language that writes nouns in lower case, or one coordinated with a name; an
unsettled traveller referred to by a personal pronoun, ``on his way``, ``ob er es schafft``), the
two spellings are one name (:func:`~storydiff.compare.polarity.same_spelling`, or one
:func:`~storydiff.text.lemmas.name_key` across scripts) and the two sentences name no different
places (:func:`~storydiff.compare.places.places_in` and destinations: ``on his way to Paris``
leaves ``arrived in Berlin`` unquestioned), unless one article says both (a report that follows
the journey is a sequence of events, not a disagreement). Negated or hedged presence
statements place no one. One conflict per article pair and person.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Die Kinder und Enkel Anton und Berta befinden sich bereits im Schloss.", language="de"),
...         Article(text="Auch Berta ist auf dem Weg dorthin, ob sie es rechtzeitig schafft, ist unklar.",
...                 language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_whereabouts_conflicts(prepare(arts))]
[('Berta befinden sich', 'auf dem Weg dorthin, ob sie es rechtzeitig schafft, ist unklar.')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.lexicon import STOPWORDS
from storydiff.compare.modality import HEDGES
from storydiff.compare.places import places_in
from storydiff.compare.polarity import NEGATIONS, is_name_word, same_spelling
from storydiff.compare.titles import CAPITAL
from storydiff.model import Fact
from storydiff.text.lemmas import fold, name_key
from storydiff.text.tokens import word_spans

__all__ = ["DOUBT", "PRESENCE", "SALIENCE", "SUBJECT_REACH", "TRANSIT", "TRAVELLER_REACH", "Placement",
           "find_whereabouts_conflicts", "placements"]


def _phrases(words: str) -> re.Pattern[str]:
    alts = sorted((p.replace("_", " ") for p in words.split()), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in alts) + r")(?!\w)", re.IGNORECASE)


#: phrases that place their subject somewhere (underscores join the words of one phrase; the German
#: separable ``traf ... ein`` with up to six words between, its particle ending the clause)
PRESENCE = re.compile(_phrases(
    "befindet_sich befinden_sich befand_sich befanden_sich versammelte_sich versammelten_sich "
    "eingetroffen angekommen "
    "arrived has_arrived have_arrived had_arrived gathered_at gathered_in at_her_bedside at_his_bedside "
    "at_their_bedside am_Krankenbett am_Sterbebett au_chevet junto_a_su_lecho "
    "se_trouve se_trouvent se_trouvait se_trouvaient est_arrivé est_arrivée sont_arrivés sont_arrivées "
    "se_sont_réunis "
    "se_encuentra se_encuentran se_encontraba se_encontraban llegó llegaron ha_llegado han_llegado "
    "se_reunieron "
    "находится находятся находился находились прибыл прибыла прибыли").pattern
    + r"|(?<!\w)at\s+(?:his|her|their)\s+[\w-]+['’]s?\s+bedside(?!\w)"  # "at his mother's bedside"
    + r"|(?<!\w)traf(?:en)?\s+(?:\w+\s+){0,6}?ein(?=\s*(?:[.,;:!?–—)]|$|und\b))", re.IGNORECASE)
#: phrases of someone still travelling to a place (``sich auf den Weg machen``, not ``auf den Weg bringen``)
TRANSIT = re.compile(_phrases(
    "auf_dem_Weg unterwegs on_his_way on_her_way on_their_way on_the_way en_route en_chemin "
    "de_camino en_camino rumbo_a в_пути направляется направлялся направлялась").pattern
    + r"|(?<!\w)sich\s+(?:\w+\s+){0,2}auf\s+den\s+Weg(?!\w)", re.IGNORECASE)
#: doubt about an outcome, or an outcome not yet reached
DOUBT = _phrases(
    "unklar ungewiss nicht_bekannt nicht_klar noch_nicht unclear uncertain not_known not_clear not_yet "
    "yet_to no_está_claro no_se_sabe se_desconoce aún_no todavía_no incierto on_ignore pas_clair "
    "pas_encore incertain неизвестно неясно не_ясно ещё_не еще_не")
_PREPOSITIONS = frozenset(
    "in im an am auf bei zu zum zur nach von vom aus at on to from of by with en a à de del du des "
    "dans chez por para con desde в во на к из у".split())

#: words before a phrase searched for its subject's names
SUBJECT_REACH = 16
#: words before a transit phrase searched for who travels
TRAVELLER_REACH = 6
#: salience of a whereabouts conflict (before the boost for the number of sources)
SALIENCE = 0.4
#: words looked back over for a preposition governing a name
_REACH = 4
_CONJUNCTIONS = frozenset("und sowie oder and or et ou y e o и".split())
#: endings of inflected adjectives inside a noun phrase (de, es, fr, ru)
_ADJ_ENDINGS = ("en", "er", "es", "em", "e", "os", "as", "ой", "ий", "ый", "ая")
#: a destination: a capitalised word after a preposition of direction (``on his way to Paris``, ``nach Minsk``)
_DESTINATION = re.compile(r"(?<!\w)(?i:to|towards|nach|zum|zur|vers|à|hacia|в|во)\s+"
                          rf"(?i:the\s+|der\s+|dem\s+|la\s+|le\s+|el\s+)?({CAPITAL}[\w-]+)")
#: Spanish ``a`` (``de camino a Madrid``): in English the article, so read for Spanish sentences only
_DESTINATION_ES = re.compile(rf"(?<!\w)a\s+(?:la\s+|el\s+)?({CAPITAL}[\w-]+)")
_BARRIER = re.compile(r"[:;„“”\"«»]")
#: words after a presence phrase that open its subject (German word order: ``befand sich der Wagen``)
_ARTICLES = frozenset("der die das dem den des ein eine einer einem the a an".split())
#: personal pronouns (de, en, fr, es, ru): a sentence that refers to its subject by one is about a person
_PERSONAL = re.compile(r"(?<!\w)(?:er|sie|ihm|ihn|he|she|his|her|him|il|elle|lui|él|ella|он|она|его|её)(?!\w)",
                       re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Placement:
    """A person placed somewhere (``present``) or not yet known to have arrived (``unsettled``);
    ``named``: whether the word is a known name in its language (not a common noun)."""

    unit: Unit
    state: str
    name: str
    named: bool
    start: int
    end: int
    places: frozenset[str] = frozenset()  # where the sentence places him or where he heads (folded prefixes)


def _names_before(unit: Unit, end: int, reach: int) -> list[tuple[int, str, bool]]:
    """``(start, word, is a name)`` of the capitalised words among the ``reach`` words before offset
    ``end`` that may name its subject: no function word, not right after a preposition, and no
    quotation or colon between them and ``end`` (``sagte X: „Das Land befindet sich ...``). A word is
    a name when :func:`~storydiff.compare.polarity.is_name_word` says so, when it is capitalised inside
    a sentence of a language that writes common nouns in lower case (``Michael and Sophie``), or when
    it is coordinated with such a name (``Carlos y Lucía``)."""
    text = unit.sentence.text
    toks = list(word_spans(text[:end], lower=False))
    out = []
    for k in range(max(0, len(toks) - reach), len(toks)):
        s, e, t = toks[k]
        if not t[0].isupper() or len(t) <= 2 or t.isupper() or t.casefold() in STOPWORDS or _BARRIER.search(
                text[e:end]):
            continue
        named = is_name_word(t, unit.lang) or (k > 0 and unit.lang != "de" and not _BARRIER.search(text[:s]))
        if k == 0 and k + 1 < len(toks) and toks[1][2][0].isupper():
            continue  # a sentence-initial title or given name ("Prinz Kowalczyk"): the next word names him
        if k == 0 or not _governed(text, toks[max(0, k - _REACH):k + 1]):
            out.append((s, t, named))
    for i in range(len(out) - 1):  # "Carlos y Lucía": a word coordinated with a name is a name
        (s1, t1, n1), (s2, t2, n2) = out[i], out[i + 1]
        if n1 != n2 and text[s1 + len(t1):s2].strip().casefold() in _CONJUNCTIONS:
            out[i], out[i + 1] = (s1, t1, True), (s2, t2, True)
    return out


def _governed(text: str, toks: Sequence[tuple[int, int, str]]) -> bool:
    """Whether a preposition governs the last word of ``toks`` (spans of ``text``): one reached walking
    back over the words of its noun phrase (``in der belarussischen Stadt Gomel``), stopping at a
    comma, a conjunction or a verb-like word (lower case, not an article): ``In Windsor, Anna ...``."""
    for k in range(len(toks) - 2, -1, -1):
        if "," in text[toks[k][1]:toks[k + 1][0]]:
            return False
        w = toks[k][2]
        low = w.casefold()
        if low in _PREPOSITIONS:
            return True
        if low in _CONJUNCTIONS or (w[0].islower() and low not in STOPWORDS and not low.endswith(_ADJ_ENDINGS)):
            return False
    return False


def _places(text: str, lang: str) -> frozenset[str]:
    """The places a sentence names (:func:`~storydiff.compare.places.places_in`) and the destinations
    it heads to, folded alike."""
    marks = (_DESTINATION, _DESTINATION_ES) if lang == "es" else (_DESTINATION,)
    heads = frozenset(p for d in marks for m in d.finditer(text) for p in places_in("in " + m.group(1)))
    return places_in(text) | heads


def placements(unit: Unit) -> list[Placement]:
    """Every person ``unit``'s sentence places or leaves on the way (see module docstring)."""
    text = unit.sentence.text
    where = _places(text, unit.lang)
    low_words = {w.casefold() for _s, _e, w in word_spans(text, lower=False)}
    transit = TRANSIT.search(text)
    if transit is not None:
        if DOUBT.search(text) is None:
            return []
        person = _PERSONAL.search(text, transit.start()) is not None  # "on his way", "ob er rechtzeitig"
        return [Placement(unit, "unsettled", name, named or person, transit.start(), len(text), where)
                for _s, name, named in _names_before(unit, transit.start(), TRAVELLER_REACH)]
    if low_words & (NEGATIONS | HEDGES) or DOUBT.search(text) is not None:
        return []
    out: list[Placement] = []
    for m in PRESENCE.finditer(text):
        after = text[m.end():].split(maxsplit=1)
        if after and (after[0].casefold() in _ARTICLES or (unit.lang == "de" and after[0][0].isupper())):
            continue  # the subject follows the verb ("befand sich der Wagen", "befindet sich Rajapaksa")
        out.extend(Placement(unit, "present", name, named, s, m.end(), where)
                   for s, name, named in _names_before(unit, m.start(), SUBJECT_REACH))
    return out


def find_whereabouts_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                               ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for a person placed by one article and still
    on the way, arrival unknown, in another (see module docstring)."""
    names = article_labels(units, labels)
    per = [[p for u in arts for p in placements(u)] for arts in units]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            seen: set[str] = set()
            for pa in per[i]:
                for pb in per[j]:
                    if pa.state == pb.state or not (pa.named or pb.named) or not _same(pa.name, pb.name):
                        continue
                    if pa.places and pb.places and not pa.places & pb.places:
                        continue  # there in one place, on the way to another
                    key = fold(pa.name)
                    if key in seen or _both(per[i], pa.name) or _both(per[j], pa.name):
                        continue  # one report follows the journey
                    seen.add(key)
                    fa = span_fact(pa.unit, pa.start, pa.end, names, pa.state, f"statement:whereabouts:{key}")
                    fb = span_fact(pb.unit, pb.start, pb.end, names, pb.state, f"statement:whereabouts:{key}")
                    why = f"{pa.name} {pa.state} ({fa.value.text!r}) vs {pb.state} ({fb.value.text!r})"
                    out.append(("conflict", fa, fb, why, SALIENCE))
    return out


def _same(a: str, b: str) -> bool:
    """One name: the same spelling up to accents and endings, or one name written in two scripts."""
    if same_spelling(a, b):
        return True
    return a[0].isascii() != b[0].isascii() and len(name_key(a)) >= 3 and name_key(a) == name_key(b)


def _both(found: Sequence[Placement], name: str) -> bool:
    """Whether one article both places ``name`` and leaves him on the way."""
    return len({p.state for p in found if _same(p.name, name)}) > 1
