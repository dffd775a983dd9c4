"""Statement conflicts: one figure, two different groups counted (soldiers vs civilians, police).

Method: a toll is a figure with an action (*dead*, *injured*, *arrested*, ...;
:func:`~storydiff.compare.numbers.find_quantities`). The words right after the figure,
up to :data:`WINDOW` tokens and not past a preposition, a day or another figure, name the
*groups* it counts (:data:`GROUPS`, from the noun classes: ``soldier`` for ``Soldaten``,
``Militärs``, ``troops``, ``военных``; ``police``; ``civilian`` for ``Zivilisten``, ``civilians``,
``мирных``; ``child``; compounds and inflections the shared classes miss, :data:`_MORE_GROUPS`:
``Polizeibeamte``, ``soldados``, ``gendarmes``). Two articles of a story that state the same figure (at least
:data:`MIN_FIGURE`) with the same action disagree on *who* was counted when one names only armed
forces and the other names civilians or children, or the two name different armed forces
(``137 Soldaten getötet`` / ``137 Ukrainer, Militärs und Zivilisten ... getötet``). A figure
named without a group (``137 Menschen``) is only less precise, never a conflict; nor is a pair
where either article also gives the figure with the other's groups.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Am ersten Tag wurden 137 Soldaten getötet.", language="de"),
...         Article(text="Bisher wurden 137 Zivilisten getötet, sagte der Präsident.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_group_conflicts(prepare(arts))]
[('137 Soldaten', '137 Zivilisten')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.lexicon import MONTHS, NOUN_CLASSES, NUMBER_WORDS, WEEKDAYS, concept_of
from storydiff.compare.numbers import find_quantities
from storydiff.model import Fact
from storydiff.text.tokens import word_spans

__all__ = ["GROUPS", "MIN_FIGURE", "SALIENCE", "WINDOW", "Toll", "find_group_conflicts", "tolls_of"]

#: noun classes that name a group of people told apart in tolls
GROUPS = frozenset({"soldier", "police", "civilian", "child"})
#: groups that bear arms, and groups that do not
_ARMED = frozenset({"soldier", "police"})
_UNARMED = frozenset({"civilian", "child"})
#: tokens after a figure read for its groups: room for an enumeration ("137 Ukrainer, Militärs und Zivilisten")
WINDOW = 6
#: smaller figures coincide too easily to be one count
MIN_FIGURE = 5.0
#: salience of a group conflict (before the boost for the number of sources)
SALIENCE = 0.6
_ACTIONS = frozenset({"dead", "injured", "arrested", "missing", "evacuated"})
#: words that end the noun phrase after a figure (prepositions of de, en, fr, es, ru)
_END_WORDS = (
    "in im am an auf bei durch für gegen mit nach seit um vor zum zur über unter während von "
    "on at into for with from by after before during since until of "
    "dans sur pour par avec chez pendant depuis en con por para desde durante "
    "в на при после во время")
_ENDS = frozenset(_END_WORDS.split())
#: word prefixes of groups the shared noun classes miss: compounds and inflections (de, en, fr, es)
_MORE_GROUPS = {
    "polizeibeamt": "police", "polizeikräft": "police", "polizeiangehörig": "police",
    "bereitschaftspolizist": "police", "gendarm": "police", "policía": "police", "policias": "police",
    "carabiner": "police", "guardia": "police",
    "armeeangehörig": "soldier", "bundeswehrsoldat": "soldier", "servicem": "soldier", "servicew": "soldier",
    "militaire": "soldier", "soldado": "soldier", "marines": "soldier", "reservist": "soldier",
    "zivilperson": "civilian", "non-combatant": "civilian", "noncombatant": "civilian",
    "schulkind": "child", "minderjährig": "child", "enfant": "child", "niños": "child", "niñas": "child",
}
_MORE_ORDER = sorted(_MORE_GROUPS, key=len, reverse=True)
#: words that begin like a group but are none ("guardian" is no Guardia officer)
_NOT_GROUPS = ("guardian",)


def _group_of(tok: str) -> str | None:
    """The group class of a lower-case word: the shared noun classes, then :data:`_MORE_GROUPS`.

    >>> _group_of("polizeibeamte"), _group_of("soldados"), _group_of("menschen"), _group_of("guardians")
    ('police', 'soldier', None, None)
    """
    cls = concept_of(tok, NOUN_CLASSES)
    if cls in GROUPS:
        return cls
    return next((_MORE_GROUPS[w] for w in _MORE_ORDER if tok.startswith(w) and not tok.startswith(_NOT_GROUPS)), None)


@dataclass(frozen=True, slots=True)
class Toll:
    """A figure with an action in one sentence and the groups of people it is said to count."""

    unit: Unit
    anchor: float
    action: str
    groups: frozenset[str]
    start: int  # in the sentence
    end: int


def _groups_after(text: str, end: int) -> frozenset[str]:
    """Group classes named in the few words after offset ``end`` of ``text`` (see module docstring)."""
    out: set[str] = set()
    for _s, _e, tok in list(word_spans(text[end:], lower=True))[:WINDOW]:
        if tok in _ENDS or tok[0].isdigit() or tok in NUMBER_WORDS or tok in MONTHS or concept_of(tok, WEEKDAYS, 6):
            break
        cls = _group_of(tok)
        if cls is not None:
            out.add(cls)
    return frozenset(out)


def tolls_of(unit: Unit) -> list[Toll]:
    """The figures with an action in ``unit``'s sentence whose noun phrase names a group.

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> u = prepare([Article(text="Es wurden 137 Ukrainer, Militärs und Zivilisten, getötet.", language="de")])[0][0]
    >>> [(t.anchor, t.action, sorted(t.groups)) for t in tolls_of(u)]
    [(137.0, 'dead', ['civilian', 'soldier'])]
    """
    text = unit.sentence.text
    out = []
    for q in find_quantities(text):
        if q.anchor is None or q.anchor < MIN_FIGURE or q.action not in _ACTIONS or q.qualifier != "=":
            continue
        groups = _groups_after(text, q.start + len(q.text.split()[0]))  # a quantity's text opens with its figure
        if groups:
            out.append(Toll(unit, q.anchor, q.action, groups, q.start, q.end))
    return out


def _differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Only armed forces on one side and civilians (or children) on the other, or two different
    armed forces (soldiers / police officers); children are civilians, so those two agree.

    >>> _differ(frozenset({"soldier"}), frozenset({"soldier", "civilian"})), _differ(
    ...     frozenset({"child"}), frozenset({"civilian"}))
    (True, False)
    """
    if a <= _ARMED and b <= _ARMED:
        return not a & b
    return (a <= _ARMED and bool(b & _UNARMED)) or (b <= _ARMED and bool(a & _UNARMED))


def find_group_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                         ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every figure two articles state with one
    action but for different groups (see module docstring)."""
    names = article_labels(units, labels)
    by_article = [[t for u in arts for t in tolls_of(u)] for arts in units]
    given = [{(t.anchor, t.action, t.groups) for t in tolls} for tolls in by_article]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for i, tolls_a in enumerate(by_article):
        for j in range(i + 1, len(by_article)):
            for ta in tolls_a:
                for tb in by_article[j]:
                    if (ta.anchor, ta.action) != (tb.anchor, tb.action) or not _differ(ta.groups, tb.groups):
                        continue
                    if (tb.anchor, tb.action, tb.groups) in given[i] or (ta.anchor, ta.action, ta.groups) in given[j]:
                        continue  # one report counts both groups
                    key = f"statement:group:{ta.action}"
                    why = f"one figure, different groups counted: {ta.unit.sentence.text[ta.start:ta.end]!r} vs " \
                          f"{tb.unit.sentence.text[tb.start:tb.end]!r}"
                    out.append(("conflict", _fact(ta, key, names), _fact(tb, key, names), why, SALIENCE))
    return out


def _fact(t: Toll, key: str, labels: Sequence[str]) -> Fact:
    return span_fact(t.unit, t.start, t.end, labels, f"{t.anchor:g} {'+'.join(sorted(t.groups))}", key)
