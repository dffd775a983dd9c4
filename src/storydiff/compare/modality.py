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

Second method, *announced vs done*: a clause that announces an event (:data:`FUTURE`:
``kündigte ... an``, ``bald``, ``plant``, ``plans``, ``prévoit``, ``planea`` ...) and a clause of
another article in the same language that states it done or in force (:data:`IN_FORCE`:
``wurde``, ``musste``, ``gilt``, ``was``, ``été``, ``fue``) disagree when both name the same new
event, a content word introduced by an indefinite article near the marker (``eine
Ausgangssperre``), and neither article says both (that would be a sequence of events).

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

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.lexicon import STOPWORDS
from storydiff.compare.polarity import NEGATIONS, is_name_word
from storydiff.compare.substitute import candidate_pairs, sentence_tokens, split_clauses
from storydiff.model import Fact

__all__ = ["ANNOUNCED", "DONE", "FUTURE", "HEDGES", "INDEFINITE", "IN_FORCE", "SALIENCE", "find_modality_conflicts"]

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
    return {t[2].casefold() for t in sentence_tokens(unit)}


def find_modality_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                            ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for two alike sentences, one stating as done
    what the other hedges (see module docstring)."""
    names = article_labels(units, labels)
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for ua, ub in candidate_pairs(units):
        wa, wb = _words(ua), _words(ub)
        for done, hedged, w_done, w_hedged in ((ua, ub, wa, wb), (ub, ua, wb, wa)):
            if not (w_hedged & HEDGES) or (w_done & (HEDGES | ANNOUNCED)) or not (w_done & DONE):
                continue
            span = _aligned(done, hedged)
            if span is None:
                continue
            (ds, de), (hs, he) = span
            fa = span_fact(done, ds, de, names, "done", "statement:modality")
            fb = span_fact(hedged, hs, he, names, "hedged", "statement:modality")
            why = f"stated as done ({fa.value.text!r}) vs speculation ({fb.value.text!r})"
            if done is ub:
                fa, fb = fb, fa
            out.append(("conflict", fa, fb, why, SALIENCE))
    return out + _announced_vs_done(units, names)


def _aligned(done: Unit, hedged: Unit) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The hedge's token in ``hedged`` and the past auxiliary in ``done`` that the diff of
    the two sentences puts in its place (both must stand in one changed stretch)."""
    td, th = sentence_tokens(done), sentence_tokens(hedged)
    sm = difflib.SequenceMatcher(None, [t[3] for t in td], [t[3] for t in th], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "replace":
            continue
        aux = [t for t in td[i1:i2] if t[2].casefold() in DONE]
        hedge = [t for t in th[j1:j2] if t[2].casefold() in HEDGES]
        if aux and hedge:
            return (aux[0][0], aux[0][1]), (hedge[0][0], hedge[0][1])
    return None


#: clause markers of an event still to come (announced, planned, imminent) in de, en, fr, es;
#: the German ``kündigt`` counts with its particle ``an`` in the clause only
FUTURE = frozenset(
    "kündigt kündigte kündigen kündigten angekündigt plant planen plante planten geplant bald demnächst "
    "plans planned scheduled soon upcoming prévoit prévoient prévu bientôt planea planean prevé prevén pronto".split())
#: clause markers of an event done (passive past) or in force
IN_FORCE = frozenset("wurde wurden worden musste mussten gilt gelten galt galten was were been été fue fueron".split())
#: indefinite articles: an anchor they introduce is the new event itself, not a person or place
INDEFINITE = frozenset("ein eine einen einem einer eines a an un une una".split())
#: most tokens between a marker and its anchor
NEAR = 8
#: words that end a clause inside a sentence
_CLAUSE_WORDS = frozenset("und oder aber sondern während weil and but while because et mais y pero".split())
_Clause = tuple[int, int, str, frozenset[str]]  # (start, end, "future" | "done", anchor stems)


def _clauses(unit: Unit) -> list[_Clause]:
    """The clauses of ``unit`` that carry a future or a done marker (not both, no hedge, no
    negation), with their anchors: content words (no stop word, no name, 5+ letters)."""
    toks = sentence_tokens(unit)
    text = unit.sentence.text
    out = []
    for g in split_clauses(toks, text, _CLAUSE_WORDS):
        low = [t[2].casefold() for t in g]
        words = set(low)
        if words & (HEDGES | NEGATIONS):
            continue
        future = [t for t, w in zip(g, low, strict=True)
                  if w in FUTURE and (not w.startswith("kündig") or _particle(toks, t))]
        done = [t for t, w in zip(g, low, strict=True) if w in IN_FORCE]
        if bool(future) == bool(done):
            continue
        marks = future or done
        pos = [g.index(m) for m in marks]
        anchors = frozenset(t[3] for i, (t, w) in enumerate(zip(g, low, strict=True))
                            if len(w) >= 5 and w.isalpha() and w not in STOPWORDS and w not in FUTURE
                            and w not in IN_FORCE and min(abs(i - p) for p in pos) <= NEAR
                            and (t[2][0].isupper() == (unit.lang == "de")) and t is not toks[0]
                            and not is_name_word(t[2], unit.lang)
                            and bool(set(low[max(0, i - 2):i]) & INDEFINITE))
        if anchors:
            out.append((marks[0][0], marks[0][1], "future" if future else "done", anchors))
    return out


def _particle(toks: Sequence[tuple[int, int, str, str]], verb: tuple[int, int, str, str]) -> bool:
    """Whether the separable particle ``an`` of ``verb`` (``kündigte ... an``) follows it."""
    return any(t[2] == "an" and t[0] > verb[0] and (i + 1 == len(toks) or toks[i + 1][0] - t[1] > 1)
               for i, t in enumerate(toks))


def _announced_vs_done(units: Sequence[Sequence[Unit]], labels: Sequence[str]
                       ) -> list[tuple[str, Fact, Fact, str, float]]:
    """One article announces an event (a future marker in the clause of a content word) that
    another states as done or in force (a past auxiliary or in-force verb in the clause of the
    same word), neither article saying both; one conflict per article pair and anchor."""
    per: dict[tuple[int, str, str], list[tuple[Unit, _Clause]]] = {}
    for arts in units:
        for u in arts:
            for c in _clauses(u):
                for a in c[3]:
                    per.setdefault((u.article, u.lang, a), []).append((u, c))
    out: list[tuple[str, Fact, Fact, str, float]] = []
    seen: set[tuple[int, int]] = set()
    for (art, lang, anchor), items in sorted(per.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
        kinds = {c[2] for _, c in items}
        if kinds != {"future"}:
            continue
        for (other, olang, oanchor), oitems in sorted(per.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
            if other == art or olang != lang or oanchor != anchor or {c[2] for _, c in oitems} != {"done"}:
                continue
            if (art, other) in seen:
                continue
            seen.add((art, other))
            uf, cf = items[0]
            ud, cd = oitems[0]
            ff = span_fact(uf, cf[0], cf[1], labels, f"announced:{anchor}", "statement:modality")
            fd = span_fact(ud, cd[0], cd[1], labels, f"done:{anchor}", "statement:modality")
            why = f"announced ({ff.value.text!r}) vs done ({fd.value.text!r})"
            fa, fb = (ff, fd) if art < other else (fd, ff)
            out.append(("conflict", fa, fb, why, SALIENCE))
    return out
