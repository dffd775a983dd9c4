"""Leader conflicts: two reports name different people as the head of one side's delegation.

Talks, summits and negotiations are reported by who leads each side, and outlets often disagree
(one names the minister who was announced, the other the negotiator who sat at the table). A
*leader slot* is the pair (side, body): the side is a nationality adjective
(:data:`~storydiff.compare.names.NATIONALITIES`), the body a delegation (:data:`BODIES`).

Method, per sentence (de, en, fr, es):

* **leader noun** — a nationality adjective, at most two words before a leader noun
  (:data:`LEADERS`: *Verhandlungsführer*, *Delegationsleiter*, *chief negotiator*, *négociateur en
  chef*, *jefe de la delegación*), and the name right after it (``der russische
  Verhandlungsführer Wladimir Medinski``);
* **led body** — a nationality adjective next to a body noun and a passive *led by* with the name
  (``Die ukrainische Abordnung wird von Verteidigungsminister X geleitet``, ``the Ukrainian
  delegation, led by X``, ``la délégation ukrainienne, conduite par X``), an active *leads*
  (``X leitet die ukrainische Delegation``, ``X encabeza la delegación ucraniana``) or a *head of*
  (``head of the Ukrainian delegation, X``, ``chef de la délégation ukrainienne X``);
* **counterpart** — *Gegenpart*, *Amtskollege*, *counterpart*, *homologue*, *homólogo* with a
  nationality, after a leader noun in the same sentence, fills the same body for its own side
  (``der russische Verhandlungsführer X, ... sein ukrainischer Gegenpart Y``).

A name is a run of capitalised words of which the last is the surname (titles such as
*Verteidigungsminister* stay in the shown span). Two slots of two articles conflict when side and
body agree and the surnames differ (not one spelling of the other,
:func:`~storydiff.compare.polarity.same_spelling`), unless either article also names the other's
person as that side's leader.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Die polnische Delegation wird von Außenminister Jan Kowal geleitet.", language="de"),
...         Article(text="Der polnische Verhandlungsführer Piotr Nowak traf am Montag ein.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_leader_conflicts(prepare(arts))]
[('Außenminister Jan Kowal', 'Piotr Nowak')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.names import NATION_PATTERN, country_of
from storydiff.compare.polarity import same_spelling
from storydiff.compare.titles import CAPITAL
from storydiff.model import Fact
from storydiff.text.lemmas import fold

__all__ = ["ALIKE", "BODIES", "COUNTERPARTS", "LEADERS", "SALIENCE", "LeaderSlot", "find_leader_conflicts",
           "leader_slots"]

#: salience of a leader conflict (before the boost for the number of sources)
SALIENCE = 0.5
#: nouns of a delegation (de, en, fr, es; lower case, regular expressions)
BODIES = (r"delegation|abordnung|verhandlungsdelegation|verhandlungsteam|negotiating team|délégation|"
          r"delegación|equipo negociador")
#: nouns of the head of a delegation
LEADERS = (r"delegationsleiter(?:in)?|delegationsführer(?:in)?|delegationschef(?:in)?|verhandlungsführer(?:in)?|"
           r"chefunterhändler(?:in)?|chefverhandler(?:in)?|chief negotiator|lead negotiator|"
           r"head of (?:the )?delegation|"
           r"négociat(?:eur|rice) en chef|chef(?:fe)? de (?:la )?délégation|negociador(?:a)? jefe|"
           r"jef[ea] de (?:la )?delegación")
#: nouns of the person in the same position on the other side
COUNTERPARTS = r"gegenpart|pendant|amtskollege(?:in)?|counterpart|homologue|homólog[oa]"
_NATION = NATION_PATTERN
_CAP = rf"{CAPITAL}[\w'’-]*"
#: a run of capitalised words (a title and a name), ending before punctuation or a lower-case word
_NAME = rf"({_CAP}(?:\s+(?:de\s+|von\s+)?{_CAP})*)"
_LEADER = re.compile(rf"(?i:\b({_NATION})\w*\s+(?:\w+\s+)?({LEADERS}))\s+{_NAME}")
#: a leader noun and a nationality after it (fr, es): "el negociador jefe chileno, X"
_LEADER_AFTER = re.compile(rf"(?i:\b({LEADERS})\s+({_NATION})\w*),?\s+{_NAME}")
_COUNTER = re.compile(rf"(?i:\b({_NATION})\w*\s+({COUNTERPARTS}))\s+{_NAME}")
#: a body and a German passive "wird von X geleitet"
_LED = re.compile(rf"(?i:\b({_NATION})\w*\s+(?:{BODIES})\s+(?:wird|wurde|werden|ist|war)\s+von\s+(?:der\s+|dem\s+)?)"
                  rf"{_NAME}\s+(?i:geleitet|angeführt|geführt)\b")
#: a body and "led by X" (en, fr, es)
_LED_AFTER = re.compile(
    rf"(?i:\b(?:({_NATION})\w*\s+(?:{BODIES})|(?:{BODIES})\s+({_NATION})\w*)),?\s+"
    rf"(?i:(?:is|was|will\s+be|est|était|sera|a\s+été|es|fue|será|está|estaba|estará)\s+)?"
    rf"(?i:led|headed|conduite?|dirigée?|menée?|encabezad[ao]|liderad[ao]|dirigid[ao])\s+(?i:by|par|por)\s+"
    rf"(?:(?i:the|el|la|le)\s+)?{_NAME}")

_SIDE_BODY = rf"(?:({_NATION})\w*\s+(?:{BODIES})|(?:{BODIES})\s+({_NATION})\w*)"
#: "head of the Ukrainian delegation, X", "chef de la délégation ukrainienne X"
_HEAD_OF = re.compile(rf"(?i:\b(?:head|leader|chief|chef(?:fe)?|jef[ea]|leiter(?:in)?)\s+"
                      rf"(?:of\s+the|of|de\s+la|de|der)\s+{_SIDE_BODY}),?\s+"
                      rf"(?:(?i:ist|war|is|was|will\s+be|est|était|sera|es|era|fue|será)\s+)?{_NAME}")
#: "X leads the Ukrainian delegation", "X leitet die ukrainische Delegation", "X encabeza la delegación ucraniana"
_LEADS_VERB = (rf"\s+(?i:(?:is|was|will\s+be)\s+(?:leading|heading)|will\s+(?:lead|head)|leads|led|heads|"
               rf"headed|leitet|leitete|führt|führte|dirige|dirigeait|conduit|"
               rf"conduisait|encabeza|encabezó|lidera|lideró)\s+(?i:the|die|la|le)\s+(?i:{_SIDE_BODY})")
_LEADS = re.compile(_NAME + _LEADS_VERB)
#: the verb and body of :data:`_LEADS` alone: a name run tried at every capitalised word is quadratic in a
#: long run of them, so :data:`_LEADS` runs only on sentences that have its verb and body
_LEADS_CUE = re.compile(_LEADS_VERB)
#: every pattern above needs a noun of a delegation, its head or a counterpart: a sentence without one is
#: skipped before the nationality alternations run
_CUE = re.compile(rf"(?i:{BODIES}|{LEADERS}|{COUNTERPARTS})")


@dataclass(frozen=True, slots=True)
class LeaderSlot:
    """One named head of one side's delegation in one sentence."""

    side: str  # country code of the nationality
    unit: Unit
    start: int  # of the name, in the sentence
    end: int
    surname: str


def _slot(side: str, unit: Unit, m: re.Match[str], group: int) -> LeaderSlot:
    run = m.group(group)
    return LeaderSlot(country_of(side), unit, m.start(group), m.end(group), run.split()[-1])


def leader_slots(unit: Unit) -> list[LeaderSlot]:
    """The named delegation heads of one sentence (see module docstring).

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> t = "Links sitzt der russische Verhandlungsführer Boris Gor, rechts sein polnischer Gegenpart Jan Kowal."
    >>> [(s.side, s.surname) for s in leader_slots(prepare([Article(text=t, language="de")])[0][0])]
    [('ru', 'Gor'), ('pl', 'Kowal')]
    """
    text = unit.sentence.text
    out: list[LeaderSlot] = []
    if not _CUE.search(text):
        return out
    leader_at = len(text)
    for m in _LEADER.finditer(text):
        out.append(_slot(m.group(1), unit, m, 3))
        leader_at = min(leader_at, m.start())
    for m in _LEADER_AFTER.finditer(text):
        out.append(_slot(m.group(2), unit, m, 3))
        leader_at = min(leader_at, m.start())
    for m in _COUNTER.finditer(text):
        if m.start() > leader_at:  # a counterpart of a delegation head named before
            out.append(_slot(m.group(1), unit, m, 3))
    for m in _LED.finditer(text):
        out.append(_slot(m.group(1), unit, m, 2))
    for m in _LED_AFTER.finditer(text):
        out.append(_slot(m.group(1) or m.group(2), unit, m, 3))
    for m in _HEAD_OF.finditer(text):
        out.append(_slot(m.group(1) or m.group(2), unit, m, 3))
    for m in _LEADS.finditer(text) if _LEADS_CUE.search(text) else ():
        out.append(_slot(m.group(2) or m.group(3), unit, m, 1))
    seen: set[tuple[str, int]] = set()
    unique = []
    for s in sorted(out, key=lambda s: s.start):
        if (s.side, s.start) not in seen:
            seen.add((s.side, s.start))
            unique.append(s)
    return unique


#: letters that transliterations of one name swap (``Arachamija`` / ``Arakhamia``, ``Resnikow`` / ``Reznikov``)
_TRANSLIT = (("kh", "h"), ("ch", "h"), ("j", "i"), ("y", "i"), ("w", "v"), ("z", "s"), ("ii", "i"))
#: two surnames at least this alike (rapidfuzz ratio) after :data:`_TRANSLIT` are one name transliterated
ALIKE = 75


def _skeleton(name: str) -> str:
    out = fold(name)
    for x, y in _TRANSLIT:
        out = out.replace(x, y)
    return out


def _same(x: str, y: str) -> bool:
    """Whether two surnames name one person: equal, one spelling or transliteration of the other
    (``Reznikov`` / ``Resnikow``: alike and of one first letter, so ``Brenko`` / ``Sorenko`` are two),
    or one a part of the other."""
    fx, fy = fold(x), fold(y)
    sx, sy = _skeleton(x), _skeleton(y)
    return fx == fy or same_spelling(x, y) or fx in fy or fy in fx or (sx[:1] == sy[:1] and fuzz.ratio(sx, sy) >= ALIKE)


def find_leader_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                          ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles that name different
    heads of one side's delegation (see module docstring); a fact's value is the folded surname."""
    names = article_labels(units, labels)
    slots = [[s for u in arts for s in leader_slots(u)] for arts in units]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    done: set[tuple[int, int, str, str]] = set()
    for i, sa in enumerate(slots):
        for j in range(i + 1, len(slots)):
            for x in sa:
                for y in slots[j]:
                    if x.side != y.side or _same(x.surname, y.surname):
                        continue
                    if any(_same(s.surname, y.surname) for s in sa if s.side == x.side) or any(
                            _same(s.surname, x.surname) for s in slots[j] if s.side == y.side):
                        continue  # one report names both as that side's head
                    if (i, j, fold(x.surname), fold(y.surname)) in done:
                        continue  # a sentence repeated (a caption under a photo)
                    done.add((i, j, fold(x.surname), fold(y.surname)))
                    key = f"role:leader:{x.side}"
                    tx, ty = x.unit.sentence.text[x.start:x.end], y.unit.sentence.text[y.start:y.end]
                    out.append(("conflict", span_fact(x.unit, x.start, x.end, names, fold(x.surname), key, kind="name"),
                                span_fact(y.unit, y.start, y.end, names, fold(y.surname), key, kind="name"),
                                f"different heads of one side's delegation: {tx!r} vs {ty!r}", SALIENCE))
    return out
