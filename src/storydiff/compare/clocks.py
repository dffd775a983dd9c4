"""Clock-time conflicts across languages: one news event, two times of day.

Two reports in different languages rarely word the sentence of a time alike, so the pairing of
facts by context (:mod:`~storydiff.compare.matching`) meets their clock times only when each is
the only one of its report. This detector pairs clock times by the *event* named right around
them instead.

Method: for every clock time of a sentence (:func:`~storydiff.compare.facts.facts_in_sentence`,
``when:clock``), the news concepts (:mod:`~storydiff.compare.events`) of the few words either side
of it in its clause (:func:`~storydiff.compare.when.day_events`: *televised speech broadcast just
before 6 a.m.*, *déclaration à la télévision peu avant 04 heures* both name ``%speech``;
:data:`EVENT_WORDS` words either side, a French or Italian elision split off: *l'explosion*; who
acts, :data:`ACTORS`, only in the four nearest words) are its event. Two clock times of two articles
are of one event when their events share a concept and the pair is *unique*: no other clock time of
either article, of another value, names that concept, so that two times of two explosions stay apart; and their
sentences name no different places (:func:`~storydiff.compare.places.places_in`). Their values
conflict when they name different instants (:func:`~storydiff.compare.when.clocks_differ`: a time
without zone is read as stated, ``14 Uhr`` British time is ``15 Uhr MESZ``; without the publication
date, a time without zone and one with a zone stay silent, since summer time is unknown). One
conflict per pair of articles and pair of values.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Der Präsident hielt um 6 Uhr eine Fernsehansprache. Um 9 Uhr fielen Schüsse.",
...                 language="de"),
...         Article(text="The president gave a televised speech at 4 a.m. on Thursday.", language="en")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_clock_conflicts(prepare(arts))]
[('6 Uhr', '4 a.m.')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels
from storydiff.compare.facts import facts_in_sentence
from storydiff.compare.places import places_in
from storydiff.compare.when import clocks_differ, day_events
from storydiff.model import Fact

__all__ = ["ACTORS", "EVENT_WORDS", "SALIENCE", "find_clock_conflicts"]

#: salience of a clock conflict found by its event (before the boost for the number of sources)
SALIENCE = 0.45
#: words either side of a clock time read for its event: a subject noun stands some words off in a
#: sentence of its own verb (``Die Explosion in der Raffinerie ereignete sich gegen 3 Uhr``)
EVENT_WORDS = 8
#: words either side of a clock time read for who acts (:data:`ACTORS`)
_ACTOR_WORDS = 4
#: concepts of who acts, not of what happened: read in the four nearest words only, since a king or a
#: government named further off acts in many events of a story (``gegen 12 Uhr`` after ``The King``)
ACTORS = frozenset({"%head", "%monarch", "%government", "%parliament", "%party", "%company", "%guest"})
#: a cheap test for a sentence that may hold a clock time
_MAYBE = re.compile(r"\d\s*(?:Uhr|h\b|[ap]\.?m\b|heure|o'clock|час)|\d[.:]\d\d|midnight|Mitternacht|minuit|medianoche",
                    re.IGNORECASE)


#: an elided article or pronoun before a word (``l'explosion``, ``d'un``), replaced by a space of equal length
_ELISION = re.compile(r"(?<!\w)([lLdDjJnNsScCmMtT]|[qQ]u)['’](?=\w)")


@dataclass(frozen=True, slots=True)
class _Clock:
    fact: Fact
    events: frozenset[str]
    places: frozenset[str]


def _clocks(units: Sequence[Unit], label: str) -> list[_Clock]:
    out: list[_Clock] = []
    for u in units:
        text = u.sentence.text
        if not _MAYBE.search(text):
            continue
        facts, _ = facts_in_sentence(label, u.sentence, u.lang)
        plain = _ELISION.sub(r"\1 ", text)
        for f in facts:
            if f.key != "when:clock":
                continue
            s, e = f.value.start - u.sentence.start, f.value.end - u.sentence.start
            events = day_events(plain, s, e, (0, len(text)), _ACTOR_WORDS) | (
                day_events(plain, s, e, (0, len(text)), EVENT_WORDS) - ACTORS)
            if events:
                out.append(_Clock(f, events, places_in(text)))
    return out


def find_clock_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                         ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two clock times of two articles that
    name one event and different instants (see module docstring)."""
    names = article_labels(units, labels)
    clocks = [_clocks(arts, names[i]) for i, arts in enumerate(units)]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for i, ca in enumerate(clocks):
        for cb in clocks[i + 1:]:
            seen: set[tuple[str, str]] = set()
            for x in ca:
                for y in cb:
                    shared = x.events & y.events
                    if not shared or (x.places and y.places and not x.places & y.places):
                        continue
                    if any(o is not x and o.events & shared and o.fact.value.value != x.fact.value.value for o in ca) \
                            or any(o is not y and o.events & shared and o.fact.value.value != y.fact.value.value
                                   for o in cb):
                        continue  # another time of either report names that event too: which one is unclear
                    va, vb = str(x.fact.value.value), str(y.fact.value.value)
                    if (va, vb) in seen or not clocks_differ(va, x.fact.attributes, vb, y.fact.attributes):
                        continue  # a sentence repeated (a caption), or one instant
                    seen.add((va, vb))
                    why = f"different clock time of one event ({', '.join(sorted(c[1:] for c in shared))}): " \
                          f"{x.fact.value.text!r} vs {y.fact.value.text!r}"
                    out.append(("conflict", x.fact, y.fact, why, SALIENCE))
    return out

