# ruff: noqa: SIM905  (word tables read best as one string)
"""Statement conflicts: a match outcome in words contradicts the score another report gives.

Method: in every sentence, each capitalised word after the first (a team or opponent:
``Mainz``, ``Mainzern``) is tied to the nearest *outcome marker* within :data:`WINDOW`
tokens (figures not counted), unless other names stand more than :data:`SLACK` tokens
nearer to that marker. A marker is an outcome word (:data:`DECISIVE`: ``verliert``, ``Sieg``, ``beats``,
``défaite``, ``ganó`` ...; :data:`DRAW`: ``Unentschieden``, ``remis``, ``draw``, ``nul``,
``empate`` ...) or a score ``2:2`` (equal sides: a draw; else decisive; a score in brackets
is a half-time score and skipped). A decisive word negated just before it (``nicht gewonnen``)
is no marker. Two sentences of different articles that tie one name (equal, or one a
prefix of the other: ``Mainz`` / ``Mainzern``) to a draw and to a decisive result disagree on
how the match ended. Who won is not read, so two decisive results never conflict.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Am Ende verliert Hansa Rostock gegen Cottbus.", language="de"),
...         Article(text="Mit 1:1 trennte sich Hansa von den Cottbusern.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_outcome_conflicts(prepare(arts))]
[('verliert', '1:1')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.lexicon import STOPWORDS
from storydiff.compare.polarity import NEGATIONS
from storydiff.model import Fact
from storydiff.text.lemmas import fold
from storydiff.text.tokens import word_spans

__all__ = ["DECISIVE", "DRAW", "FINAL", "SALIENCE", "SLACK", "WINDOW", "find_outcome_conflicts", "outcomes"]

#: words (or, ending in ``-``, word endings) stating that a match had a winner (de, en, fr, es)
DECISIVE = frozenset(
    "verliert verlor verloren unterlag unterliegt gewinnt gewann gewonnen siegt siegte besiegt besiegte "
    "schlägt schlug geschlagen sieg siege niederlage -sieg -niederlage heimsieg auswärtssieg "
    "wins won beat beats beaten defeat defeats defeated loses lost victory "
    "gagne gagné bat battu victoire défaite perd perdu gana ganó vence venció victoria derrota pierde perdió"
    .split())
#: words stating that a match ended in a draw
DRAW = frozenset("remis unentschieden -unentschieden punkteteilung draw drew drawn tied stalemate nul "
                 "empate empató empataron igualó".split())
#: a name is tied to an outcome marker at most this many tokens away
WINDOW = 8
#: a name is tied to a marker only when at most this many tokens further from it than the nearest name
SLACK = 3
#: salience of an outcome conflict (before the boost for the number of sources)
SALIENCE = 0.6

#: words saying that a score is the final one ("trennte sich 2:2", "ended 1-1")
FINAL = frozenset("trennt trennte trennten endete endet endstand ended ends finished final".split())

_SCORE = re.compile(r"(?<![\d:.])(\d{1,2}):(\d{1,2})(?![\d:])")


def _final(text: str, start: int, end: int) -> bool:
    """Whether the score at ``text[start:end]`` is stated as a final one: the sentence has a word of
    :data:`FINAL`, or an outcome word stands right next to it (``2:1-Sieg``, ``2:2-Unentschieden``)."""
    if any(t.casefold() in FINAL for _, _, t in word_spans(text, lower=False)):
        return True
    near = [t for _, _, t in word_spans(text[max(0, start - 12):end + 20], lower=False)]
    return any(_kind_of(t) for t in near)


def _kind_of(word: str) -> str | None:
    low = word.casefold()
    for table, kind in ((DECISIVE, "decisive"), (DRAW, "draw")):
        if low in table or any(e[0] == "-" and low.endswith(e[1:]) and len(low) > len(e) for e in table):
            return kind
    return None


def outcomes(unit: Unit) -> list[tuple[str, str, int, int]]:
    """``(name, outcome, start, end)``: every name of the sentence tied to its nearest outcome
    marker (offsets of the marker in the sentence); see module docstring."""
    text = unit.sentence.text
    toks = [t for t in word_spans(text, lower=False) if not t[2].isdigit()]  # figures add no distance
    markers: list[tuple[int, str, int, int]] = []  # (token index, outcome, start, end)
    for m in _SCORE.finditer(text):
        if text[:m.start()].rstrip().endswith("(") or not _final(text, m.start(), m.end()):
            continue  # "(0:2)": the half-time score; a score with no word of a final result: a score during play
        at = sum(1 for s, _, _ in toks if s < m.start())
        markers.append((at, "draw" if m.group(1) == m.group(2) else "decisive", m.start(), m.end()))
    for i, (s, e, t) in enumerate(toks):
        kind = _kind_of(t)
        if kind is None or any(x[2].casefold() in NEGATIONS for x in toks[max(0, i - 2):i]):
            continue
        markers.append((i, kind, s, e))
    if not markers:
        return []
    named = [i for i, (_, _, t) in enumerate(toks) if _is_name(i, t)]
    out = []
    for i, (_, _, t) in enumerate(toks):
        if not _is_name(i, t):
            continue
        if i == 0 or not t[:1].isupper() or len(t) < 3 or t.casefold() in STOPWORDS or _kind_of(t):
            continue
        dist, at, kind, s, e = min((abs(m[0] - i), m[0], m[1], m[2], m[3]) for m in markers)
        if dist <= WINDOW and dist <= min(abs(at - j) for j in named) + SLACK:
            out.append((fold(t), kind, s, e))  # among the names nearest to the marker
    return out


def _is_name(i: int, t: str) -> bool:
    return i > 0 and t[:1].isupper() and len(t) >= 3 and t.casefold() not in STOPWORDS and not _kind_of(t)


def _same_name(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short)


def find_outcome_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                           ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for a draw and a decisive result tied to one
    name in sentences of two articles (see module docstring)."""
    names = article_labels(units, labels)
    found = [(u, o) for arts in units for u in arts for o in outcomes(u)]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    seen: set[tuple[int, int, int, int]] = set()
    for k, (ua, (na, ka, sa, ea)) in enumerate(found):
        for ub, (nb, kb, sb, eb) in found[k + 1:]:
            if ua.article == ub.article or ka == kb or not _same_name(na, nb):
                continue
            key = (ua.sentence.start + sa, ua.article, ub.sentence.start + sb, ub.article)
            if key in seen:
                continue
            seen.add(key)
            fa = span_fact(ua, sa, ea, names, ka, "statement:result:match")
            fb = span_fact(ub, sb, eb, names, kb, "statement:result:match")
            why = f"the match is said to end {ka} ({fa.value.text!r}) and {kb} ({fb.value.text!r})"
            out.append(("conflict", fa, fb, why, SALIENCE))
    return out
