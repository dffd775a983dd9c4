"""Number conflicts: how many backers one candidate had, given as two different counts.

Method: a *backing count* is an exact figure followed (at most one word between) by a noun of
backing (:data:`BACKING`: supporters, backers, nominations, endorsements, votes; Unterstützer,
Nominierungen, Stimmen; soutiens, parrainages; apoyos, avales) — the count of a candidate's
support in a leadership race or a vote. Its *candidate* is the last person named in the clause
before the figure (``Seine Rivalin Penny Mordaunt erhielt nur 90 Nominierungen``) or, when the
clause's subject is a personal pronoun (``Elle n'avait que 24 supporters``), the first person named
in the nearest sentence before that names one (up to :data:`LOOK_BACK` sentences, through a chain
of pronoun subjects). A person is a run of capitalised words of which one is no common word of
the language; the candidate is the run's last such word (``Mme Mordaunt`` and ``Penny Mordaunt``
are one candidate). A figure that states a requirement (``die nötigen 100 Unterstützer``,
``the 100 nominations needed``, ``les 100 nominations nécessaires``: :data:`THRESHOLD`) or a need
(``braucht 100 Unterstützer``), a lead (``20 Stimmen Vorsprung``) or a part of a whole (``90 von 100``)
is no count of backing, nor is a count given to several candidates
(``Sunak und Mordaunt``). Two articles of a story that give one candidate different counts of
backing disagree, unless either also gives the other's count for that candidate (two rounds,
before and after); counts of two different candidates are never compared.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Der Kandidat Jarek Wolodin erhielt nur 90 Nominierungen.", language="de"),
...         Article(text="Jarek Wolodin est en tête. Il n'avait que 24 soutiens déclarés.", language="fr")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_backer_conflicts(prepare(arts))]
[('90 Nominierungen', '24 soutiens')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, figure_fact, group_findings, shared_keys
from storydiff.compare.facts import is_name_word
from storydiff.compare.lexicon import NOUN_CLASSES, NUMBER_WORDS, STOPWORDS, concept_of
from storydiff.compare.numbers import find_quantities
from storydiff.compare.shares import conjoined
from storydiff.compare.when import CLAUSE_BREAK
from storydiff.model import Fact
from storydiff.text.lemmas import fold
from storydiff.text.tokens import word_spans

__all__ = ["BACKING", "SALIENCE", "Backing", "backing_counts", "find_backer_conflicts"]

#: stems of nouns of backing (a word counts when it starts with one)
BACKING = (
    "unterstützer", "nominierung", "befürworter", "fürsprecher", "stimmen",
    "supporter", "backer", "nomination", "endorsement", "votes",
    "soutiens", "parrainage", "partisans", "voix",
    "apoyos", "avales", "respaldos", "nominacion", "nominación", "votos",
    "сторонник", "голос", "номинаци",
)
#: words next to a figure that make it a requirement, not a count
THRESHOLD = re.compile(
    r"^(?:nötig|notwendig|erforderlich|benötigt|mindest|need|required|requires?$|necessary|minimum|nécessaire|requis|"
    r"necesari|requerid|mínimo|необходим|нужн|threshold|hürde|schwelle|seuil|umbral|порог|"
    # verbs of needing or lacking: "braucht 100 Unterstützer", "il lui manque 20 voix"
    r"brauch|fehl|lack|besoin|manqu|necesit|falt|хватает)",
    re.IGNORECASE)
#: personal pronouns that take up a person of an earlier sentence
PRONOUNS = frozenset(["sie", "er", "she", "he", "elle", "il", "ella", "él", "она", "он"])
#: how many sentences back a pronoun's antecedent is looked for
LOOK_BACK = 3
#: salience of a backing conflict (before the boost for the number of sources)
SALIENCE = 0.6
#: prepositions of a margin right before the figure: "um 26 Stimmen", "by 26 votes", "por 26 votos"
_MARGIN = frozenset({"um", "by", "por"})
#: words right after the noun that make a count a lead over a rival ("20 Stimmen Vorsprung")
_LEAD = re.compile(r"^(?:vorsprung|mehr|weniger|more|fewer|ahead|lead|margin|d['’]avance|d['’]écart|de\s+plus|"
                   r"de\s+ventaja|de\s+diferencia|más|menos|больше|меньше)", re.IGNORECASE)
#: a conjunction or a comma between the people of a clause: the count may be of several candidates
_SEVERAL = re.compile(r"\b(?:und|and|et|y|и)\b|,", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Backing:
    """One candidate's count of backing in one sentence (offsets in the sentence)."""

    unit: Unit
    candidate: str
    value: float
    start: int
    end: int


def _persons(text: str, lang: str) -> list[str]:
    """The people of ``text`` in order: the last name word (no common word of ``lang``) of each run
    of capitalised words that holds one (``Mme Mordaunt``, ``Penny Mordaunt`` -> ``mordaunt``)."""
    out: list[str] = []
    run: list[str] = []
    for _s, _e, tok in [*word_spans(text, lower=False), (0, 0, "x")]:
        if tok[0].isupper() and tok.lower() not in STOPWORDS:
            run.append(tok)
            continue
        names = [t for t in run if is_name_word(t, lang)]
        if names:
            out.append(fold(names[-1]))
        run = []
    return out


def _joint(head: str, breaks: Sequence[re.Match[str]], lang: str) -> bool:
    """Whether the figure's clause starts at a conjunction right after a person (``Sunak und
    Mordaunt erhielten``): the count is of several candidates."""
    pair = conjoined(head, breaks)
    return bool(pair and pair[0] and _persons(pair[0], lang))


def _antecedent(units: Sequence[Unit], index: int) -> str | None:
    """The first person named in the nearest of the :data:`LOOK_BACK` sentences before ``index``."""
    for k in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
        people = _persons(units[k].sentence.text, units[k].lang)
        if people:
            return people[0]
    return None


def _pronoun(clause: str) -> bool:
    """Whether ``clause`` has a personal pronoun, also elided (``qu'elle``)."""
    return any(part in PRONOUNS for _s, _e, w in word_spans(clause, lower=True) for part in re.split("['’]", w))


def _is_backing(word: str) -> bool:
    return word.lower().startswith(BACKING)


def backing_counts(units: Sequence[Unit], index: int) -> list[Backing]:
    """The counts of backing of sentence ``index`` of one article (``units``), with their candidates.

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> us = prepare([Article(text="Jarek Wolodin sammelte 120 Unterstützer. Es fehlten die nötigen 150 Stimmen.",
    ...                       language="de")])[0]
    >>> [(b.candidate, b.value) for b in backing_counts(us, 0)], backing_counts(us, 1)
    ([('wolodin', 120.0)], [])
    >>> backing_counts(prepare([Article(text="Jarek Wolodin und Ana Kubirek erhielten 200 Stimmen.",
    ...                                 language="de")])[0], 0)
    []
    """
    unit = units[index]
    text = unit.sentence.text
    out: list[Backing] = []
    if not any(_is_backing(t) for _s, _e, t in word_spans(text, lower=True)):
        return out
    for q in find_quantities(text):
        if q.anchor is None or q.qualifier == "range":
            continue
        after = list(word_spans(text[q.start:], lower=False))
        figure = next((k for k, t in enumerate(after) if t[2][0].isdigit() or t[2].lower() in NUMBER_WORDS), 0)
        rest = [t for _s, _e, t in after[figure + 1:figure + 4]]
        noun_at = next((k for k, t in enumerate(rest[:2]) if _is_backing(t)), None)
        if noun_at is None or (noun_at == 1 and concept_of(rest[0].lower(), NOUN_CLASSES) is not None):
            continue  # none, or another unit counted: "11,5 Prozent Stimmen"
        before = [t.lower() for _s, _e, t in word_spans(text[:q.start], lower=False)][-3:]
        if any(THRESHOLD.match(t) for t in before + rest[:noun_at + 2]):
            continue  # "die nötigen 100 Unterstützer": a requirement
        if before[-1:] and before[-1] in _MARGIN:
            continue  # "um 26 Stimmen": a margin
        if rest[noun_at + 1:noun_at + 2] and rest[noun_at + 1].lower() in ("von", "of", "de", "sur"):
            continue  # "90 Stimmen von 100": a part of a whole
        if rest[noun_at + 1:noun_at + 2] and _LEAD.match(rest[noun_at + 1]):
            continue  # "mit 20 Stimmen Vorsprung": a lead, not a count
        head = text[:q.start]
        breaks = list(CLAUSE_BREAK.finditer(head))
        clause = head[breaks[-1].end() if breaks else 0:]
        people = _persons(clause, unit.lang)
        if (len(people) > 1 and _SEVERAL.search(clause)) or (people and _joint(head, breaks, unit.lang)):
            continue  # "Sunak und Mordaunt erhielten ...": several candidates
        candidate = people[-1] if people else None
        if candidate is None and _pronoun(clause):
            earlier = _persons(head[:len(head) - len(clause)], unit.lang)
            candidate = earlier[0] if earlier else _antecedent(units, index)  # "Team X said she had ..."
        if candidate is not None:
            end = q.start + after[figure + 1 + noun_at][1]
            out.append(Backing(unit, candidate, q.anchor, q.start, max(q.end, end)))
    return out


def find_backer_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                          ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles giving one candidate
    different counts of backing (see module docstring)."""
    names = article_labels(units, labels)
    by_article = group_findings(units, backing_counts, lambda b: (b.candidate,))
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for who, ca, cb in shared_keys(by_article):
        va, vb = {a.value for a in ca}, {b.value for b in cb}
        for a in ca:
            for b in cb:
                if a.value in vb or b.value in va:
                    continue  # the same count, or one report also states the other's
                why = f"different counts of backing for {who.title()}: {a.value:g} vs {b.value:g}"
                key = f"backers:{who}"
                out.append(("conflict", _fact(a, key, names), _fact(b, key, names), why, SALIENCE))
    return out


def _fact(b: Backing, key: str, labels: Sequence[str]) -> Fact:
    return figure_fact(b.unit, b.start, b.end, labels, b.value, key, f"backers of {b.candidate.title()}")
