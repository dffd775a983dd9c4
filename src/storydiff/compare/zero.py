"""Statement conflicts: one report says nobody was hurt, another counts the dead or injured.

Method: sentences saying that there were no victims (:data:`ZERO`: ``keine Verletzten``,
``niemand wurde getötet``, ``no casualties``, ``aucune victime``, ``sin víctimas``,
``пострадавших нет``; also in the word orders of reports: ``Verletzt wurde niemand``, ``Personen
wurden nicht verletzt``, ``no hubo heridos``, ``personne n'a été blessé``) are read as a count of
zero for *injured*, *dead* or both
(*casualties*). Such a statement disagrees with a positive count of a matching action
(person counts keyed ``…+dead`` / ``…+injured``) in another article; "nobody was hurt"
(*injured*) also disputes a count of dead, since the dead were hurt too (``keine
Verletzten`` / ``drei Menschen gestorben``), while "nobody died" leaves the injured open.
No conflict when its own article counts a disputed action too (``keine Toten, aber zwei Verletzte`` is precise, and a
report that gives both is describing two places or moments), or it is limited to a
place (``im Ort``, ``in Schuld``, or a speaker's "we"): a village without victims is no
contradiction of a toll.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> units = prepare([Article(text="Bei der Explosion gab es nach Angaben der Behörden keine Verletzten.")])
>>> [(z[0], z[3]) for z in zero_statements(units[0][0])]
[('injured', 'keine Verletzten')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storydiff.compare.align import Unit
from storydiff.compare.matching import ArticleFacts
from storydiff.model import Fact, FactValue

__all__ = ["SALIENCE", "ZERO", "zero_conflicts", "zero_statements"]

_I = "injured"
_D = "dead"
_C = "casualties"
#: pattern -> what nobody suffered (de, en, fr, es, ru)
ZERO: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.IGNORECASE), a) for p, a in (
    (r"\bkeine (?:Verletzten|Verletzte)(?: oder Toten| und keine Toten)?\b", _I),
    (r"\bkeine (?:Toten|Todesopfer)\b", _D),
    (r"\bkeine (?:Opfer|Verletzten oder Toten|Toten oder Verletzten)\b", _C),
    (r"\bniemand (?:wurde |ist )?(?:verletzt)\b", _I),
    (r"\bniemand (?:wurde |ist )?(?:getötet|gestorben|ums Leben gekommen)\b", _D),
    # word orders of German reports: "Verletzt wurde niemand", "Personen wurden nicht verletzt"
    (r"\bverletzt wurden? (?:\w+ ){0,5}niemand\b|\b(?:Personen|Menschen) (?:wurden|sind) (?:\w+ ){0,5}nicht "
     r"(?:verletzt|zu Schaden gekommen)\b|\bVerletzte gab es (?:\w+ ){0,3}(?:keine|nicht)\b", _I),
    (r"\b(?:getötet|ums Leben gekommen) (?:wurde|ist) (?:\w+ ){0,5}niemand\b|\bTote gab es (?:\w+ ){0,3}keine\b", _D),
    (r"\bno (?:one|body) (?:was |were )?(?:injured|hurt|wounded)\b|\bnobody (?:was )?(?:injured|hurt)\b|"
     r"\bno injuries\b|\bnobody (?:was )?wounded\b", _I),
    (r"\bno (?:one|body) (?:was )?killed\b|\bnobody (?:was )?killed\b|\bno deaths\b|\bno fatalities\b", _D),
    (r"\bno casualties\b|\bno victims\b", _C),
    (r"\baucun blessé\b|\bpas (?:eu )?de blessés\b|\bpersonne n['’]a été (?:\w+ )?blessé", _I),
    (r"\baucun mort\b|\bpas de morts\b", _D),
    (r"\baucune victime\b|\bpas de victimes\b", _C),
    (r"\bningún herido\b|\bsin heridos\b|\bnadie (?:resultó|fue|ha resultado) herido\b|"
     r"\bno (?:hubo|hay|ha habido|se registraron|se reportaron|dejó|causó) (?:\w+ )?heridos\b", _I),
    (r"\bningún muerto\b|\bsin muertos\b|\bno (?:hubo|hay|ha habido|se registraron) (?:\w+ )?muertos\b", _D),
    (r"\bsin víctimas\b", _C),
    (r"пострадавших(?: [\w]+){0,3} нет|никто не пострадал|без пострадавших|жертв(?: [\w]+){0,3} нет|без жертв", _C),
))
_LOCAL = re.compile(r"\b(?:(?i:im Ort|im Dorf|in (?:der |dem )?(?:Stadt|Gemeinde)|in the (?:village|town)|"
                    r"dans (?:le|la) (?:village|ville)|en el pueblo)|(?i:in|im|bei) [A-ZÄÖÜ]\w+)")

_NONE = {"anchor": 0.0, "low": 0.0, "high": 0.0, "qualifier": "="}
#: a speaker saying "we had no victims" speaks of his own place
_WE = re.compile(r"\b(?:wir|uns|we|us|nous|nosotros|мы|у нас)\b", re.IGNORECASE)
#: salience of a zero-count conflict (before the boost for the number of sources)
SALIENCE = 0.5


def zero_statements(unit: Unit) -> list[tuple[str, int, int, str]]:
    """``(action, start, end, text)`` (offsets in the sentence) of every "nobody was hurt" in ``unit``,
    places-limited ones left out."""
    text = unit.sentence.text
    out = []
    for pattern, action in ZERO:
        for m in pattern.finditer(text):
            if not _LOCAL.search(text) and not _WE.search(text):
                out.append((action, m.start(), m.end(), m.group()))
    return out


#: what a statement that nobody suffered ``action`` disputes
_DISPUTES = {_I: (_I, _D), _D: (_D,), _C: (_D, _I)}


def _counts(af: ArticleFacts, action: str) -> list[Fact]:
    actions = _DISPUTES[action]
    out = []
    for f in af.facts:
        if f.kind != "number" or f.key.rpartition("+")[2] not in actions:
            continue
        value = f.value.value
        if isinstance(value, dict) and (value.get("anchor") or value.get("low") or 0) > 0:
            out.append(f)
    return out


def zero_conflicts(items: Sequence[ArticleFacts], units: Sequence[Sequence[Unit]]
                   ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", zero_fact, count_fact, why, salience)`` (see module docstring)."""
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for af, arts in zip(items, units, strict=True):
        for unit in arts:
            for action, s, e, said in zero_statements(unit):
                if _counts(af, action):
                    continue  # the report counts victims itself
                at = unit.sentence.start
                zero = Fact("number", "", FactValue(af.label, said, at + s, at + e, _NONE),
                            {"sentence": [at, unit.sentence.end]})
                for other in items:
                    if other is af:
                        continue
                    for f in _counts(other, action):
                        z = Fact("number", f.key, zero.value, zero.attributes)
                        why = f"{said!r} vs {f.value.text!r}"
                        out.append(("conflict", z, f, why, SALIENCE))
    return out
