"""Number conflicts: how many people live in one home or one town.

Method: a *population* is an exact figure of residents (``35 Bewohner``, ``700 Einwohner``,
``300 residents``, ``habitants``, ``жителей``; in a partition, ``12 der insgesamt 35 Bewohner``,
the whole) or of people said to live or be housed there (``in dem 36 Menschen ... lebten``, ``where
40 people lived``, ``housed 64 residents``, ``untergebracht``). A count with an action of its own
(``zwölf Bewohner starben``) is a toll, not a population. A population belongs to what its sentence
names as where they live (:func:`homes`):
a kind of building by its head word (``Behinderteneinrichtung`` and ``Wohneinrichtung`` are both
an ``einrichtung``; ``care home``, ``Pflegeheim`` and ``maison de retraite`` are one kind) or a named
place (``in Sinzig``, ``das Dorf Kelmbach``). Two articles
of a story that each give one population of the same home or place and different figures
disagree (one home of ``35`` residents in one report and of ``36`` in another), unless the two
name disjoint places (a care home in one town and a care home in another).

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="In dem Pflegeheim lebten 40 Menschen.", language="de"),
...         Article(text="Im Pflegeheim starben 9 der insgesamt 42 Bewohner.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_population_conflicts(prepare(arts))]
[('40 Menschen', '42 Bewohner')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, figure_fact, group_findings, shared_keys
from storydiff.compare.numbers import find_quantities
from storydiff.compare.places import places_in
from storydiff.model import Fact
from storydiff.text.lemmas import fold

__all__ = ["LIVE", "SALIENCE", "SITES", "Population", "find_population_conflicts", "homes", "places", "populations_of"]

#: verbs of living somewhere (de, en, fr, es, ru)
LIVE = re.compile(r"\b(?:lebten|leben|lebt|wohnten|wohnen|wohnt|lived|live|lives|living|vivent|vivaient|habitent|"
                  r"viven|vivían|residen|живут|жили|проживают|проживали|"
                  # verbs of housing: "beherbergte 64 Menschen", "housed", "home to", "abritait", "albergaba"
                  r"beherberg\w*|untergebracht|housed|houses|housing|home\s+to|abrit\w*|héberg\w*|accueill\w*|"
                  r"alberg\w*|aloj\w*|acog\w*)\b", re.IGNORECASE)
#: head words of buildings people live in (the end of a German compound, or an English phrase)
SITES = re.compile(r"(einrichtung|heim|wohnhaus|hochhaus|altenheim|pflegeheim|care home|nursing home|"
                   r"retirement home|block of flats|tower block|apartment building|maison de retraite|ehpad|"
                   r"immeuble|residencia|edificio|дом престарелых|общежити\w*)(?:e|en|es|er|s|n)?\b", re.IGNORECASE)
#: a bare locative preposition right before a word: "in Mannheim" names a town, "im Heim" a building
_TOWN_BEFORE = re.compile(r"\b(?i:in|aus|nach|bei|von)\s+$")
_WORD_TAIL = re.compile(r"\w*$")
#: building words of one kind across languages
_SITE_KINDS = {w: "care home" for w in ("altenheim", "pflegeheim", "care home", "nursing home", "retirement home",
                                        "maison de retraite", "ehpad", "residencia", "дом престарелых")} | {
    w: "apartment block" for w in ("wohnhaus", "hochhaus", "block of flats", "tower block", "apartment building",
                                   "immeuble", "edificio")}
#: noun classes of residents
_RESIDENTS = frozenset({"resident"})
_POPULATION_WORDS = re.compile(r"^\W*(?:\w+\s+)?(?:einwohner\w*|inhabitants|habitants|habitantes|жител\w*)\b",
                               re.IGNORECASE)
#: the whole of a partition right before the figure: "der insgesamt 35", "of the 35", "sur les 35"
_WHOLE = re.compile(r"\b(?:der|von|aus|of|sur|de|из)\s+(?:(?:den|the|les|los|las)\s+)?"
                    r"(?:insgesamt\s+|total\s+|a\s+total\s+of\s+)?$", re.IGNORECASE)
#: "keine 800 Einwohner", "not even 800": fewer than the figure
_NOT = re.compile(r"\b(?:keine|nicht einmal|not even|no more than|pas même|ni siquiera|не более)\s+$", re.IGNORECASE)
#: punctuation that ends the clause of a figure, read for a verb of living
_CLAUSE = re.compile(r"[,;:()–—]\s")
#: salience of a population conflict (before the boost for the number of sources)
SALIENCE = 0.5


@dataclass(frozen=True, slots=True)
class Population:
    """How many people one sentence says live in one home or place."""

    unit: Unit
    value: float
    homes: frozenset[str]
    start: int  # in the sentence
    end: int
    places: frozenset[str] = frozenset()  # the named places among the homes


#: a named settlement: "das Dorf Kelmbach", "the town of Arden", "la ville de Morlaix"
_SETTLEMENT = re.compile(r"\b(?i:dorf|ortschaft|ort|stadt|kleinstadt|gemeinde|village|town|city|ville|commune|"
                         r"pueblo|ciudad|localidad|municipio)(?:\s+(?i:of|de|del))?\s+([A-ZÄÖÜÉ][\w-]+)")


def places(text: str) -> frozenset[str]:
    """The places of a sentence (:func:`~storydiff.compare.places.places_in`) and the settlements it
    names (``das Dorf Kelmbach``), as folded five-letter prefixes.

    >>> sorted(places("Das Dorf Kelmbach bei Arnfeld hat 2300 Einwohner."))
    ['arnfe', 'kelmb']
    """
    named = {fold(m.group(1))[:5] for m in _SETTLEMENT.finditer(text)}
    buildings = {_fold_word(text, at)[:5] for _head, at in _sites(text)}  # "im Pflegeheim" is no place
    return (places_in(text) | {p for p in named if p.isalpha()}) - buildings


def _sites(text: str) -> list[tuple[str, int]]:
    """The building head words of ``text`` (lower case) with their offsets; a word ending in a bare
    ``heim`` right after a preposition without article is a town (``in Mannheim``), not a home.

    >>> _sites("Im Kinderheim in Mannheim"), _sites("Das Heimatmuseum")
    ([('heim', 9)], [])
    """
    out = []
    for m in SITES.finditer(text):
        head = m.group(1).lower()
        tail = _WORD_TAIL.search(text, 0, m.start())
        word_start = tail.start() if tail else m.start()
        if head == "heim" and word_start < m.start() and _TOWN_BEFORE.search(text, 0, word_start):
            continue
        out.append((head, m.start()))
    return out


def _fold_word(text: str, at: int) -> str:
    """The whole word of ``text`` around offset ``at`` (a compound's head lies inside it), folded."""
    left = _WORD_TAIL.search(text, 0, at)
    right = re.match(r"\w*", text[at:])
    return fold((left.group() if left else "") + (right.group() if right else ""))


def homes(text: str) -> frozenset[str]:
    """Where the people of a sentence live: building heads (``einrichtung``) and places.

    >>> sorted(homes("Dort kamen in einer Behinderteneinrichtung in Sinzig zwölf Menschen ums Leben."))
    ['einrichtung', 'sinzi']
    """
    heads = {head for head, _at in _sites(text)}
    return frozenset(_SITE_KINDS.get(h, h) for h in heads) | places(text)


def populations_of(unit: Unit) -> list[Population]:
    """The exact population figures of ``unit``'s sentence with where they live."""
    text = unit.sentence.text
    where = homes(text)
    if not where:
        return []
    out = []
    for q in find_quantities(text):
        if q.anchor is None or q.qualifier != "=" or _NOT.search(text[:q.start]):
            continue
        figure_end = q.start + len(q.text.split()[0])
        clause = _clause(text, q.start, q.end)
        whole = bool(_WHOLE.search(text[:q.start])) and q.noun in _RESIDENTS
        inhabitants = bool(_POPULATION_WORDS.match(text[figure_end:]))
        lives = q.noun in _RESIDENTS | {"person"} and q.action is None and bool(LIVE.search(clause))
        if whole or inhabitants or lives:
            out.append(Population(unit, q.anchor, where, q.start, q.end, places(text)))
    return out


def _clause(text: str, start: int, end: int) -> str:
    """The clause of ``text`` around ``start:end`` (cut at ``,``, ``;``, ``:``, dashes, brackets)."""
    cuts = [m.end() for m in _CLAUSE.finditer(text, 0, start)]
    after = _CLAUSE.search(text, end)
    return text[cuts[-1] if cuts else 0:after.start() if after else len(text)]


def find_population_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                              ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles giving one home or
    place different populations (see module docstring)."""
    names = article_labels(units, labels)
    # filed under each home, buildings first, then places (a fixed order: the first home two figures share
    # names their conflict)
    by_article = group_findings(units, lambda arts, k: populations_of(arts[k]),
                                lambda p: sorted(p.homes, key=lambda h: (h in p.places, h)))
    out: list[tuple[str, Fact, Fact, str, float]] = []
    seen: set[tuple[int, int, int, int]] = set()
    for home, pa, pb in shared_keys(by_article):
        if len({p.value for p in pa}) > 1 or len({p.value for p in pb}) > 1 or pa[0].value == pb[0].value:
            continue
        for a in pa:
            for b in pb:
                ident = (id(a.unit), a.start, id(b.unit), b.start)
                if ident in seen or (a.places and b.places and not a.places & b.places):
                    continue  # one pair of figures shares several homes, or homes of two places
                seen.add(ident)
                why = f"different numbers of people living in one {home}: {a.value:g} vs {b.value:g}"
                out.append(("conflict", _fact(a, names), _fact(b, names), why, SALIENCE))
    return out


def _fact(p: Population, labels: Sequence[str]) -> Fact:
    return figure_fact(p.unit, p.start, p.end, labels, p.value, "resident+living", "residents")
