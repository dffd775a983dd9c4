"""Conflicts and refinements between the facts of a story's articles.

Method: for every pair of articles, facts of the same kind and key are paired one
to one, greedily by the similarity of their sentences' *contexts* (content stems
plus language-independent anchors: names, figures and concepts such as
``arrested``), so that "18 Tote" pairs with the other report's "18 Tote" and not
with its "26 getötet". A pair is only considered when its context similarity
reaches a threshold (lower when the key names an action, higher for clock times
and weekdays). Paired values are then judged:

* numbers (:mod:`~storydiff.compare.judgenum`): equal stated figures agree; a vague amount (``dutzende``) and a figure
  inside its range is a **refinement** (the second source is more precise), a bound only
  when its own figure is inside (``mehr als 30``, not ``mindestens zwölf``); two
  different figures (``mehr als 3000`` vs ``mehr als 3800``) are a **conflict**,
  more salient when their ranges do not overlap;
* date-time: different weekdays, dates or clock times for the same event;
* quote: the same speaker quoted in two wordings that are close but not equal
  (neither a cut of the other);
* name: one name spelled two ways, or one person given two nationalities
  (:mod:`~storydiff.compare.names`).

Two figures further apart than :data:`MAX_FACTOR` (tolls excepted) count different
things unless their contexts are very alike. Substitutions between alike sentences
(:mod:`~storydiff.compare.substitute`) add name, date-time and statement conflicts.
Conflicts stating the same two values for the same key are merged across article
pairs, so one disagreement is reported once with all its sources, and with every mention
of a disputed figure in each article (an article that states it twice disputes it twice).
Scores read from either side (``0:2 gegen Mainz`` / ``2:0 für Mainz``) agree.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from storydiff.compare.align import Unit
from storydiff.compare.attribution import find_attribution_conflicts
from storydiff.compare.detectors import find_more_conflicts
from storydiff.compare.figures import find_figure_conflicts
from storydiff.compare.judgenum import judge_numbers
from storydiff.compare.labels import fact_label
from storydiff.compare.lexicon import STOPWORDS
from storydiff.compare.lists import find_list_conflicts
from storydiff.compare.matching import ArticleFacts, Pair, context_of, fold, key_class, match_facts
from storydiff.compare.modality import find_modality_conflicts
from storydiff.compare.names import name_conflicts, nationality_conflicts
from storydiff.compare.negation import find_negation_conflicts
from storydiff.compare.outcome import find_outcome_conflicts
from storydiff.compare.polarity import NEGATIONS
from storydiff.compare.roles import find_role_conflicts
from storydiff.compare.slots import find_slot_conflicts
from storydiff.compare.substitute import find_substitutions
from storydiff.compare.when import clocks_differ, weekdays_differ
from storydiff.compare.zero import zero_conflicts
from storydiff.model import Conflict, Fact, FactValue
from storydiff.text.normalize import normalize
from storydiff.text.tokens import words

__all__ = ["ArticleFacts", "context_of", "fact_label", "find_conflicts"]  # fact_label: from labels.py

_HIGH_STAKES = {"dead": 1.0, "injured": 0.8, "arrested": 0.8, "missing": 0.8, "evacuated": 0.6}


def _judge(fa: Fact, fb: Fact) -> tuple[str, str, float] | None:
    a, b = fa.value, fb.value
    if fa.key == "score" or fb.key == "score":
        if fa.key != fb.key or a.value == b.value or str(a.value).split(":")[::-1] == str(b.value).split(":"):
            return None  # "0:2 gegen Mainz" is "2:0 für Mainz": the order follows the team named first
        return "conflict", f"different scores: {a.text!r} vs {b.text!r}", 0.8
    if fa.kind == "number":
        verdict = judge_numbers(a, b)
        if verdict is not None and fa.key.endswith("+-") and (
                (a.value["anchor"] is None) != (b.value["anchor"] is None)
                or (fa.key == "person+-" and a.value["anchor"] is not None)):
            return None  # "einige Menschen" / "5.000 Menschen" with no action: any people, not one count
        return verdict
    if fa.kind == "date-time":
        va, vb = str(a.value), str(b.value)
        if fa.key == "when:clock" and fb.key == "when:clock":
            if not clocks_differ(va, fa.attributes, vb, fb.attributes):
                return None  # "14 Uhr" British time is "15 Uhr MESZ"
        elif fa.key == "when:weekday" and fb.key == "when:weekday":
            if not weekdays_differ(va, vb):
                return None  # parts of one day have soft edges ("Abend" / "Nacht")
        elif va == vb:
            return None
        return "conflict", f"different {fa.key[5:]}: {a.text!r} vs {b.text!r}", 0.7
    if fa.kind == "quote":
        na, nb = normalize(str(a.value)), normalize(str(b.value))
        if na == nb or na in nb or nb in na or min(len(na), len(nb)) < 20:
            return None
        if same_words(na, nb) or _ascii(na) == _ascii(nb):
            return None  # only inflections, function words or mis-decoded letters ("Br├╝cke" for "Brücke") differ
        ratio = fuzz.ratio(na, nb)
        if 70 <= ratio < 97 and fuzz.partial_ratio(na, nb) < 97:
            return "conflict", f"the same speaker quoted in two wordings ({ratio:.0f}% alike)", 0.5
        return None
    return None


def _ascii(text: str) -> str:
    """``text`` without its non-ASCII characters: two wordings equal here differ only in how
    their umlauts were decoded."""
    return "".join(c for c in text if c.isascii())


_AUXILIARIES = frozenset(
    "ist sind war waren wurde wurden wird werden hat haben hatte hatten sei seien is are was "  # noqa: SIM905
    "were be been has have had will would est sont était ont es son fue ha han".split())


def same_words(a: str, b: str) -> bool:
    """Two wordings with the same content words, up to inflection and a cut: every differing word
    of one has a counterpart sharing its first four letters (or all of a shorter word)
    in the other, and at most two words are added or left out (``Wirecard AG`` / ``Wirecard``,
    ``of such cash`` / ``of cash``), besides what one runs on past the other's end (at least
    :data:`MIN_CUT` content words alike before). Articles and prepositions aside; auxiliary verbs and
    negations count, since a change of tense (``angerichtet wurden`` / ``angerichtet ist``)
    or a ``nicht`` changes what was said.

    >>> same_words("eine surreale, gespenstische Situation", "einer surrealen gespenstischen Situation")
    True
    >>> same_words("wir werden sie wiedererrichten", "wir werden sie wieder aufbauen")
    False
    """
    ta = [fold(w) for w in words(a) if w not in STOPWORDS or w in _AUXILIARIES or w in NEGATIONS]
    tb = [fold(w) for w in words(b) if w not in STOPWORDS or w in _AUXILIARIES or w in NEGATIONS]
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    added = 0
    ops = sm.get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            continue
        if op in ("insert", "delete") and k == len(ops) - 1 and k > 0 and min(len(ta), len(tb)) >= MIN_CUT:
            continue  # one quote runs on past where the other ends: a cut
        if op in ("insert", "delete"):
            extra = ta[i1:i2] + tb[j1:j2]
            added += len(extra)
            if added > 2 or any(w in NEGATIONS or w in _AUXILIARIES for w in extra):
                return False
            continue
        if i2 - i1 != j2 - j1:
            return False
        for x, y in zip(ta[i1:i2], tb[j1:j2], strict=True):
            n = min(4, len(x), len(y))
            if x[:n] != y[:n] or abs(len(x) - len(y)) > 3:
                return False
    return True


#: a quote of at least this many content words may be a cut of a longer one
MIN_CUT = 6



#: two figures further apart than this factor count different things unless their contexts agree
MAX_FACTOR = 4.0
#: context score that lets figures further apart than :data:`MAX_FACTOR` conflict
FACTOR_SCORE = 0.5


def _plausible(pair: Pair) -> bool:
    """Two differing figures of one thing are of one order of magnitude (tolls excepted:
    they rise during a day), unless their contexts are very alike."""
    if pair.a.kind != "number" or pair.a.key == "score" or key_class(pair.a) == "toll":
        return True
    xa, xb = pair.a.value.value.get("anchor"), pair.b.value.value.get("anchor")
    if not xa or not xb:
        return True
    return max(xa, xb) / min(xa, xb) <= MAX_FACTOR or pair.score >= FACTOR_SCORE


def _substitution_facts(units: Sequence[Sequence[Unit]], labels: Sequence[str]
                        ) -> list[tuple[str, Fact, Fact, str, float]]:
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for s in find_substitutions(units):
        sent_a = [s.a.sentence.start, s.a.sentence.end]
        sent_b = [s.b.sentence.start, s.b.sentence.end]
        fa = Fact(s.kind, s.key, FactValue(labels[s.a.article], s.a_text, s.a_start, s.a_end, fold(s.a_text)),
                  {"sentence": sent_a})
        fb = Fact(s.kind, s.key, FactValue(labels[s.b.article], s.b_text, s.b_start, s.b_end, fold(s.b_text)),
                  {"sentence": sent_b})
        out.append(("conflict", fa, fb, s.why, s.confidence))
    return out


def _covered(found: tuple[str, Fact, Fact, str, float], spans: set[tuple[str, int, int]]) -> bool:
    """Whether both values of ``found`` overlap values already reported."""
    return all(any(v.article == art and v.start < e and st < v.end for art, st, e in spans)
               for v in (found[1].value, found[2].value))


def find_conflicts(items: Sequence[ArticleFacts], units: Sequence[Sequence[Unit]] | None = None
                   ) -> tuple[list[Conflict], list[Conflict]]:
    """``(conflicts, refinements)`` of a story, each sorted by salience (highest first).

    With ``units`` (:func:`~storydiff.compare.align.prepare` of the same articles, in
    the same order), substitutions between alike sentences are reported too
    (:mod:`~storydiff.compare.substitute`).
    """
    found: list[tuple[str, Fact, Fact, str, float]] = []
    for i, A in enumerate(items):
        for B in items[i + 1:]:
            for pair in match_facts(A, B, lambda x, y: _judge(x, y) is None):
                verdict = _judge(pair.a, pair.b)
                if verdict is not None and not _plausible(pair):
                    continue
                if verdict is not None:
                    conf = min(1.0, 0.5 + pair.score)
                    found.append((verdict[0], pair.a, pair.b, verdict[1], verdict[2] * conf))
            for fa, fb in _quote_pairs(A, B):
                verdict = _judge(fa, fb)
                if verdict is not None:
                    found.append((verdict[0], fa, fb, verdict[1], verdict[2]))
    for fa, fb, why, sal in name_conflicts((af.article, af.facts) for af in items) + nationality_conflicts(
            (af.article, af.facts, af.text) for af in items):
        found.append(("conflict", fa, fb, why, sal))
    if units is not None:
        taken = {(v.value.article, v.value.start, v.value.end) for f in found for v in (f[1], f[2])}
        labels = [af.label for af in items]
        found.extend(f for f in _substitution_facts(units, labels) if not _covered(f, taken))
        found.extend(f for f in find_slot_conflicts(units, labels) if not _covered(f, taken))
        found.extend(f for f in find_role_conflicts(units, labels) if not _covered(f, taken))
        found.extend(f for f in find_more_conflicts(units, labels) if not _covered(f, taken))
        found.extend(f for f in find_attribution_conflicts(units, labels) if not _covered(f, taken))
        found.extend(f for f in find_list_conflicts(units, labels) if not _covered(f, taken))
        found.extend(f for f in find_figure_conflicts(units, labels) if not _covered(f, taken))
        found.extend(f for f in find_modality_conflicts(units, labels) if not _covered(f, taken))
        found.extend(f for f in find_negation_conflicts(units, labels) if not _covered(f, taken))
        found.extend(f for f in find_outcome_conflicts(units, labels) if not _covered(f, taken))
        found.extend(zero_conflicts(items, units))
    repeats = _repeats(items)
    return (_merge([f for f in found if f[0] == "conflict"], repeats),
            _merge([f for f in found if f[0] == "refinement"], repeats))


def _value_id(fact: Fact) -> str:
    """The figure a number states, whatever its wording or bound (``200 Meter``, ``ca. 200 Meter``)."""
    if fact.kind == "number" and isinstance(fact.value.value, dict):
        return repr(fact.value.value["anchor"])
    return repr(fact.value.value)


def _repeats(items: Sequence[ArticleFacts]) -> dict[tuple[str, str, str], list[FactValue]]:
    """Every mention of one value of one number key in one article: an article that states a
    disputed figure twice ("200 Meter entfernt", later "der ca. 200 Meter entfernten Ahr")
    disputes it in both places."""
    out: dict[tuple[str, str, str], list[FactValue]] = defaultdict(list)
    for af in items:
        for f in af.facts:
            if f.kind == "number" and not f.key.startswith("?"):
                out[(af.label, f.key, _value_id(f))].append(f.value)
    return out


def _quote_pairs(a: ArticleFacts, b: ArticleFacts) -> list[tuple[Fact, Fact]]:
    """Quotes of one speaker, or quotes so alike in wording that they are one quote
    (speakers are often not recognised, or named differently)."""
    by_key: dict[str, list[Fact]] = defaultdict(list)
    quotes_b = [fb for fb in b.facts if fb.kind == "quote"]
    for fb in quotes_b:
        if fb.key != "quote:?":
            by_key[fb.key].append(fb)
    out: list[tuple[Fact, Fact]] = []
    for fa in a.facts:
        if fa.kind != "quote":
            continue
        same = by_key.get(fa.key, [])
        out.extend((fa, fb) for fb in same)
        out.extend((fa, fb) for fb in quotes_b if fb not in same and fuzz.ratio(
            normalize(str(fa.value.value)), normalize(str(fb.value.value))) >= QUOTE_ALIKE)
    return out


#: two quotes of unknown or different speakers this alike (rapidfuzz ratio) are one quote
QUOTE_ALIKE = 75


def _salience(fact: Fact, base: float, n_values: int) -> float:
    action = fact.key.split("+")[-1] if fact.kind == "number" else ""
    weight = {"number": 1.0, "date-time": 0.7, "quote": 0.6, "name": 0.5}.get(fact.kind, 0.5)
    return round(weight * base * (1 + _HIGH_STAKES.get(action, 0.0)) * (1 + 0.1 * min(n_values, 10)), 4)


def _merge(found: list[tuple[str, Fact, Fact, str, float]],
           repeats: dict[tuple[str, str, str], list[FactValue]] | None = None) -> list[Conflict]:
    merged: dict[tuple[str, str, str, str], tuple[Fact, str, float, dict[tuple[str, int], FactValue]]] = {}
    for _, fa, fb, why, sal in found:
        va, vb = repr(fa.value.value), repr(fb.value.value)
        if fa.kind == "number" and isinstance(fa.value.value, dict):
            va, vb = repr(fa.value.value["anchor"]), repr(fb.value.value["anchor"])
        if (va, fa.value.article) > (vb, fb.value.article):
            fa, fb, va, vb = fb, fa, vb, va
        key = (fa.kind, fa.key, va, vb)
        entry = merged.setdefault(key, (fa, why, sal, {}))
        for f in (fa, fb):
            entry[3].setdefault((f.value.article, f.value.start), f.value)
            for v in (repeats or {}).get((f.value.article, f.key, _value_id(f)), []):
                entry[3].setdefault((v.article, v.start), v)
    out = []
    for (kind, fact_key, _, _), (fa, why, sal, values) in merged.items():
        vals = tuple(sorted(values.values(), key=lambda v: (repr(v.value), v.article, v.start)))
        out.append(Conflict(kind=kind, fact=fact_label(fa), why=why, values=vals,
                            salience=_salience(fa, sal, len(vals)), key=fact_key))
    out.sort(key=lambda c: (-c.salience, c.key, c.values[0].article, c.values[0].start))
    return out
