"""Which action a figure reports: the verb or noun around it (``festgenommen``, ``died``, ``Tote``).

Method, over the tokens of one sentence (:func:`~storydiff.compare.numbers.find_quantities`):
the nearest word whose concept is an action (:data:`~storydiff.compare.lexicon.ACTIONS`), within
6 tokens before the figure or 8 after it, never beyond another figure or the end of a sentence;
a conjunction in between puts the word 4 tokens further away. A German separable verb whose
particle closes the clause is read joined (``nahm ... fest`` = ``festnahm``, arrested). Failing
that, an action phrase (:data:`~storydiff.compare.lexicon.ACTION_PHRASES`) from 12 tokens before
the figure (``Ums Leben kamen ... 52 Menschen``) to 8 after, within its sentence.
Coordinated figures share their verb (``45 adults and 5 children died``).

>>> from storydiff.compare.numbers import find_quantities
>>> [q.action for q in find_quantities("Die Polizei nahm mehr als 3000 Menschen fest.")]
['arrested']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from storydiff.compare.lexicon import ACTION_PHRASES, ACTIONS, concept_of

if TYPE_CHECKING:
    from storydiff.compare.numbers import Quantity

__all__ = ["nearest_action", "share_actions"]

_CONJ = frozenset({"und", "and", "et", "y", "sowie", "while", "aber", "but", "и"})


def share_actions(qs: list[Quantity], spans: list[tuple[int, int]], low: list[str]) -> list[Quantity]:
    """Coordinated quantities share their verb: "45 adults and 5 children died"."""
    out = list(qs)
    for k in range(len(out) - 2, -1, -1):
        between = low[spans[k][1] + 1 : spans[k + 1][0]]
        if out[k].action is None and out[k + 1].action is not None and between and all(
                w in _CONJ for w in between):
            out[k] = replace(out[k], action=out[k + 1].action)
    return out


#: the end of a sentence inside one unit of text (quotes are not split): an action beyond it is not the
#: figure's ("... 5 children died. About 100 people were injured")
_STOP = re.compile(r"(?<!\bca)(?<!\bNr)(?<!\bSt)(?<!\bDr)[.;!?]\s")


#: German verb particles that stand at a clause's end apart from their verb ("nahm ... fest")
_PARTICLES = frozenset({"fest", "ab", "auf", "aus", "ein", "zurück", "weg"})


def _separable(toks: list[tuple[int, int, str]], low: list[str], j: int, lo: int, sentence: str) -> str | None:
    """The action of a German separable verb whose particle ``low[j]`` closes its clause: the particle
    joined to an earlier word of the clause (``nahm ... fest`` reads as ``festnahm``, i.e. arrested)."""
    particle = low[j].rstrip(".")
    if particle not in _PARTICLES or (j + 1 < len(toks) and not _STOP.search(sentence[toks[j][1]:toks[j + 1][0]])):
        return None
    return next((c for k in range(j - 1, lo - 1, -1) if (c := concept_of(particle + low[k], ACTIONS))), None)


#: an action phrase may stand this many tokens before the figure (a fronted German verb phrase)
_PHRASE_BEFORE = 12


def nearest_action(
    toks: list[tuple[int, int, str]], low: list[str], first: int, last: int, qpos: list[int], sentence: str
) -> str | None:
    """The action of the figure spanning tokens ``first..last``: the nearest action word (or German
    separable verb) within 6 tokens before or 8 after, not beyond another figure (``qpos``) or a
    sentence end; a conjunction in between counts as 4 tokens more; else an action phrase nearby
    (up to :data:`_PHRASE_BEFORE` tokens before, 8 after)."""
    best: tuple[int, str] | None = None
    k_lo, k_hi = bisect_left(qpos, first), bisect_right(qpos, last)  # qpos is in token order
    lo_bound = qpos[k_lo - 1] if k_lo else -1
    hi_bound = qpos[k_hi] if k_hi < len(qpos) else len(toks)
    for j in range(max(lo_bound + 1, first - 6), min(hi_bound, last + 9)):
        if first <= j <= last:
            continue
        concept = concept_of(low[j], ACTIONS) or _separable(toks, low, j, max(lo_bound + 1, first - 6), sentence)
        if concept is not None and _STOP.search(
                sentence[toks[j][0]:toks[first][0]] if j < first else sentence[toks[last][0]:toks[j][0]]):
            continue  # "45 adults died. About 100 people were injured": a verb of another sentence
        if concept is not None:
            dist = (j - last) if j > last else (first - j) + 1
            between = low[last + 1 : j] if j > last else low[j + 1 : first]
            if any(w in _CONJ for w in between):
                dist += 4
            if best is None or dist < best[0]:
                best = (dist, concept)
    if best is not None:
        return best[1]
    head = toks[max(lo_bound + 1, first - _PHRASE_BEFORE)][0]  # "Ums Leben kamen ... 52 Menschen"
    stops = list(_STOP.finditer(sentence, head, toks[first][0]))
    window = sentence[stops[-1].end() if stops else head : toks[min(len(toks) - 1, last + 8)][1]].lower()
    for phrase, concept in ACTION_PHRASES.items():
        if phrase in window:
            return concept
    return None
