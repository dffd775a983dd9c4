# ruff: noqa: SIM905  (word tables read best as one string)
"""Statement conflicts: one report states as done what another only reports as speculation.

Method: two sentences of different articles that say nearly the same thing (the
candidates of :mod:`~storydiff.compare.substitute`) are compared for *hedges*
(:data:`HEDGES`: ``spekuliert``, ``könnte``, ``möglicherweise``, ``could``, ``might``,
``pourrait``, ``podría`` ...). When one sentence hedges and the other neither hedges nor
announces (:data:`ANNOUNCED`: ``soll``, ``will``, ``plans``, ``bald`` ...) but states an event
as done (a past auxiliary such as ``wurde``, ``was``, ``a été``, ``fue``), the two disagree
on whether it happened. The reported spans are the hedge and, in the other sentence,
the words the token diff replaces around it, up to the end of the clause.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Die frühere Ministerin Anna Berglund wurde am Montag zur Botschafterin ernannt.",
...                 language="de"),
...         Article(text="Die frühere Ministerin Anna Berglund könnte am Montag Botschafterin werden.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_modality_conflicts(prepare(arts))]
[('wurde', 'könnte')]
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from storydiff.compare.align import Unit
from storydiff.compare.substitute import _candidates, _tokens
from storydiff.model import Fact, FactValue

__all__ = ["ANNOUNCED", "DONE", "HEDGES", "SALIENCE", "find_modality_conflicts"]

#: words that mark a statement as speculation (de, en, fr, es)
HEDGES = frozenset(
    "spekuliert spekulierte spekulationen gemutmaßt könnte könnten dürfte dürften möglicherweise eventuell "
    "could might speculation speculated rumoured rumored possibly pourrait pourraient éventuellement "
    "podría podrían posiblemente".split())
#: words that mark an event as announced or planned, not done
ANNOUNCED = frozenset(
    "soll sollen will wollen plant planen bald demnächst angekündigt kündigte kündigt künftig "
    "shall plans planned announced announces soon expected va vont prévoit annoncé annonce bientôt "
    "va van planea anunció anuncia pronto".split())
#: past auxiliaries that state an event as done
DONE = frozenset("wurde wurden worden hat haben hatte hatten was were been has had fue fueron été".split())

#: salience of a modality conflict (before the boost for the number of sources)
SALIENCE = 0.4


def _words(unit: Unit) -> set[str]:
    return {t[2].casefold() for t in _tokens(unit)}


def find_modality_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                            ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for two alike sentences, one stating as done
    what the other hedges (see module docstring)."""
    names = list(labels) if labels is not None else [str(i) for i in range(len(units))]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for ua, ub in _candidates(units):
        wa, wb = _words(ua), _words(ub)
        for done, hedged, w_done, w_hedged in ((ua, ub, wa, wb), (ub, ua, wb, wa)):
            if not (w_hedged & HEDGES) or (w_done & (HEDGES | ANNOUNCED)) or not (w_done & DONE):
                continue
            span = _aligned(done, hedged)
            if span is None:
                continue
            (ds, de), (hs, he) = span
            fa = _fact(done, ds, de, names, "done")
            fb = _fact(hedged, hs, he, names, "hedged")
            why = f"stated as done ({fa.value.text!r}) vs speculation ({fb.value.text!r})"
            if done is ub:
                fa, fb = fb, fa
            out.append(("conflict", fa, fb, why, SALIENCE))
    return out


def _aligned(done: Unit, hedged: Unit) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The hedge's token in ``hedged`` and the past auxiliary in ``done`` that the diff of
    the two sentences puts in its place (both must stand in one changed stretch)."""
    td, th = _tokens(done), _tokens(hedged)
    sm = difflib.SequenceMatcher(None, [t[3] for t in td], [t[3] for t in th], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "replace":
            continue
        aux = [t for t in td[i1:i2] if t[2].casefold() in DONE]
        hedge = [t for t in th[j1:j2] if t[2].casefold() in HEDGES]
        if aux and hedge:
            return (aux[0][0], aux[0][1]), (hedge[0][0], hedge[0][1])
    return None


def _fact(unit: Unit, s: int, e: int, labels: Sequence[str], value: str) -> Fact:
    at = unit.sentence.start
    return Fact("statement", "statement:modality",
                FactValue(labels[unit.article], unit.sentence.text[s:e], at + s, at + e, value),
                {"sentence": [at, unit.sentence.end]})
