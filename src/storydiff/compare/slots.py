"""Statement conflicts: one event, two different things filling the same role.

Method: every sentence is scanned for *events* (:data:`EVENTS`: something exploded,
someone turned himself in, something struck) in de, en, fr, es and ru; each event names
the semantic fields (:data:`~storydiff.compare.polarity.FIELDS`) whose members can fill
its role (*what exploded*: a vehicle or a weapon; *to whom he surrendered*: an
authority). The filler is the field word nearest to the event within
:data:`WINDOW` tokens of the same clause (a German compound such as ``Raketenangriff``
holds both). Two articles of a story whose fillers of one event and field name
different concepts (``Autobombe`` / ``Lastwagen`` explodiert; ``der Polizei`` /
``bei der Staatsanwaltschaft`` gestellt) disagree, unless either article also gives
the other's filler for that event somewhere (then both things happened, or one holds
the other: *ein Lastwagen mit einer Bombe*).

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Am Morgen ist auf der Brücke ein Lastwagen explodiert.", language="de"),
...         Article(text="Auf der Brücke explodierte am Morgen ein Bus.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_slot_conflicts(prepare(arts))]
[('Lastwagen', 'Bus')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.lexicon import concept_of
from storydiff.compare.polarity import FIELDS
from storydiff.model import Fact
from storydiff.text.tokens import word_spans

__all__ = ["EVENTS", "SALIENCE", "WINDOW", "Slot", "find_slot_conflicts", "slots_of"]

#: tokens between an event and its filler, at most
WINDOW = 5

#: event -> (pattern over the lower-cased sentence, fields that fill its role)
EVENTS: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "exploded": (re.compile(
        r"\b(?:\w*explodi\w*|\w*explosion\w*|detonation\w*|detoniert\w*|exploded?|explodes|blast|"
        r"explosé\w*|explotó|explotaron|explosión|взорв\w*|взрыв\w*|подрыв\w*)"), ("vehicle", "weapon")),
    "surrendered": (re.compile(
        r"\b(?:stellten? sich|sich\b(?:\s+[\w.-]+){0,7}?\s+gestellt|surrender\w*|turned (?:himself|herself|"
        r"themselves) in|s'est rendue?|se sont rendus|se entregó|se entregaron|сдал\w* )"), ("authority",)),
    "arrested": (re.compile(
        r"\b(?:festgenommen|verhaftet|inhaftiert|arrested|detained|arrêtée?s?|interpellée?s?|detenid[oa]s?|"
        r"arrestad[oa]s?|задержан\w*|арестован\w*)"), ("authority",)),
    "struck": (re.compile(
        r"\b(?:\w*angriff\w*|\w*beschuss|\w*einschlag\w*|attack\w*|strike|strikes|struck|frappe\w*|ataque\w*|"
        r"удар\w*|атак\w*)"), ("weapon",)),
}

#: prefixes of common words that merely begin like a field word (``Autor`` is no ``Auto``)
_NOT_FIELD = ("autor", "autom", "auton", "autoc", "autob", "autostrad", "autostrecke", "autobahn", "bootsch",
              "zugleich", "zugang", "zugriff", "zugeh", "gerichtet", "berichtet", "polizeiliche",
              "nordstream", "west ham")
_AUTOBOMB = ("autobomb",)  # "autob..." is excluded above, but a car bomb is a car


@dataclass(frozen=True, slots=True)
class Slot:
    """One event in one sentence and the thing that fills its role."""

    event: str
    field: str
    concept: str
    unit: Unit
    start: int  # in the sentence
    end: int
    text: str


def _field_of(word: str, fields: tuple[str, ...]) -> str | None:
    low = word.casefold()
    if low.startswith(_NOT_FIELD) and not low.startswith(_AUTOBOMB):
        return None
    hit = concept_of(low, FIELDS)
    if hit is None or hit.split(":")[0] not in fields:
        return None
    return hit


def slots_of(unit: Unit) -> list[Slot]:
    """The events of one sentence with the field word nearest to each (none when two tie).

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> u = prepare([Article(text="Er stellte sich am Montag der Polizei.", language="de")])[0][0]
    >>> [(s.event, s.concept, s.text) for s in slots_of(u)]
    [('surrendered', 'authority:police', 'Polizei')]
    """
    text = unit.sentence.text
    low = text.casefold()
    toks = list(word_spans(text, lower=False))
    out = []
    for event, (pattern, fields) in EVENTS.items():
        for m in pattern.finditer(low):
            first = next((k for k, t in enumerate(toks) if t[1] > m.start()), len(toks))
            last = next((k for k in range(len(toks) - 1, -1, -1) if toks[k][0] < m.end()), first)
            best: dict[int, list[tuple[str, int]]] = defaultdict(list)
            for k in range(max(0, first - WINDOW), min(len(toks), last + WINDOW + 1)):
                if k < first:
                    between = text[toks[k][1]:toks[first][0]]
                elif k > last:
                    between = text[toks[last][1]:toks[k][0]]
                else:
                    between = ""
                if any(c in between for c in ",;:–()\"„“”«»"):
                    continue  # another clause
                concept = _field_of(toks[k][2], fields)
                if concept is not None:
                    dist = 0 if first <= k <= last else min(abs(k - first), abs(k - last))
                    best[dist].append((concept, k))
            if not best:
                continue
            nearest = best[min(best)]
            if len({c for c, _ in nearest}) != 1:
                continue
            concept, k = nearest[0]
            s, e, t = toks[k]
            out.append(Slot(event, concept.split(":")[0], concept, unit, s, e, t))
    return out


def find_slot_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                        ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two slots of two articles with one
    event and field but different concepts (see module docstring); a fact's value is its concept,
    so that synonyms (``Lkw``, ``Lastwagen``) merge into one side of a conflict."""
    names = article_labels(units, labels)
    by_article: list[list[Slot]] = [[s for u in arts for s in slots_of(u)] for arts in units]
    given = [{(s.event, s.field, s.concept) for s in slots} for slots in by_article]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for i, slots_a in enumerate(by_article):
        for j in range(i + 1, len(by_article)):
            for sa in slots_a:
                for sb in by_article[j]:
                    if (sa.event, sa.field) != (sb.event, sb.field) or sa.concept == sb.concept:
                        continue
                    if (sa.event, sa.field, sb.concept) in given[i] or (sb.event, sb.field, sa.concept) in given[j]:
                        continue  # one report names both
                    why = f"different {sa.field} {sa.event}: {sa.text!r} vs {sb.text!r}"
                    key = f"statement:{sa.event}:{sa.field}"
                    out.append(("conflict", _slot_fact(sa, key, names), _slot_fact(sb, key, names), why, SALIENCE))
    return out


#: salience of a slot conflict (before the boost for the number of sources)
SALIENCE = 0.6


def _slot_fact(slot: Slot, key: str, labels: Sequence[str]) -> Fact:
    return span_fact(slot.unit, slot.start, slot.end, labels, slot.concept, key)
