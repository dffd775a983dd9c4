"""Co-leader conflicts: two reports list different people leading one procession or march.

Ceremonies, marches and convoys are reported with who walks at their head, usually a short
coordinated list (``led by King X and his siblings`` / ``King X and the Queen Consort will lead the
procession``). Two such lists that share a member but each name someone the other does not disagree
on who leads; a list that is a part of the other (``led by the King`` / ``the King and his sons``)
only tells less.

Method, per sentence (de, en, fr, es): a *led event* is a noun of :data:`EVENTS` (procession,
cortege, march, parade, convoy) with its leaders, read from a passive (``the procession, led by
LIST``, ``the procession was led by LIST``, ``der Trauerzug wird von LIST angeführt``, ``le cortège,
conduit par LIST``, ``la procesión, encabezada por LIST``), an active clause (``LIST will lead the
procession``, ``LIST führen den Trauerzug an``, ``LIST conduiront le cortège``, ``LIST encabezarán
la procesión``; ``LIST`` is the clause before the verb), a fronted participle (``Angeführt von LIST,
zog der Festzug``, ``Led by LIST, the march``) or who walks at its head (``At the head of the
procession walked LIST``, ``LIST gingen an der Spitze des Trauerzugs``, ``LIST marchaient en tête
du cortège``). A list is split at commas and *and* words into at most :data:`MAX_ITEMS` items of at
most :data:`MAX_WORDS` words; an item's key is its last name word that is no regnal number (``King
Charles III`` -> ``charles``), else its last word (``his siblings`` -> ``siblings``). Two lists
of two articles conflict when both have two items or more, share a key and each has a key the
other lacks (one conflict per pair of articles and pair of lists).

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="The march, led by Mayor Anna Berg and her deputy, left at noon.", language="en"),
...         Article(text="Mayor Anna Berg and the governor will lead the march.", language="en")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_coleader_conflicts(prepare(arts))]
[('Mayor Anna Berg and her deputy', 'Mayor Anna Berg and the governor')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.lexicon import STOPWORDS
from storydiff.compare.titles import ROMAN
from storydiff.model import Fact
from storydiff.text.lemmas import fold

__all__ = ["EVENTS", "MAX_ITEMS", "MAX_WORDS", "SALIENCE", "LedEvent", "find_coleader_conflicts", "led_events"]

#: salience of a co-leader conflict (before the boost for the number of sources)
SALIENCE = 0.4
#: at most this many items in a list of leaders
MAX_ITEMS = 4
#: ... of at most this many words each
MAX_WORDS = 5
#: nouns of a led event by concept (de, en, fr, es; lower case)
EVENTS: dict[str, str] = {
    "procession": "procession prozession trauerzug trauerprozession festzug cortege cortège cortejo procesión",
    "march": "march marsch demonstrationszug protestmarsch marche manifestation marcha",
    "parade": "parade défilé desfile",
    "convoy": "convoy konvoi convoi",
}
_CONCEPT = {w: c for c, ws in EVENTS.items() for w in ws.split()}
_NOUN = "|".join(sorted((re.escape(w) for w in _CONCEPT), key=len, reverse=True))
_LIST = r"([^,.;:!?()]{3,120}?)"
#: "the procession, led by LIST," / "der Trauerzug wird von LIST angeführt"
_PASSIVE = re.compile(
    rf"(?i:\b({_NOUN}))\b,?\s+(?:(?i:(?:is|was|will\s+be|est|a\s+été|sera|es|fue|será)\s+)?"
    rf"(?i:led|headed|conduite?|menée?|encabezad[ao]|liderad[ao])\s+(?i:by|par|por)\s+{_LIST}"
    rf"(?=[,.;:!?)]|$)|(?i:wird|wurde)\s+von\s+{_LIST}\s+(?i:angeführt|geführt|geleitet)\b)")
#: a fronted participle: "Angeführt von LIST, zog der Festzug", "Led by LIST, the march"
_FRONTED = re.compile(
    rf"(?:^|[;:]\s*)(?i:angeführt|geführt|led|headed|conduite?|menée?|encabezad[ao]|liderad[ao])\s+"
    rf"(?i:von|by|par|por)\s+{_LIST},\s+[^.;:!?]{{0,60}}?(?i:\b({_NOUN}))\b")
_AT_HEAD = (r"(?i:at\s+the\s+head\s+of\s+the|an\s+der\s+spitze\s+(?:des|der)|en\s+tête\s+(?:du|de\s+la)|"
            r"a\s+la\s+cabeza\s+(?:del|de\s+la))")
_WALK = (r"(?i:were|was|walked|marched|rode|gingen|ging|liefen|lief|marschierten|schritten|fuhren|marchaient|"
         r"marchent|se\s+trouvaient|iban|marchaban|caminaban|caminaron|marcharon)")
#: "At the head of the procession walked LIST", "An der Spitze des Trauerzugs gingen LIST"
_HEAD_FIRST = re.compile(rf"{_AT_HEAD}\s+(?:\w+\s+)?(?i:({_NOUN}))\w*,?\s+{_WALK}\s+{_LIST}(?=[,.;:!?)]|$)")
#: "LIST walked at the head of the procession", "LIST gingen an der Spitze des Trauerzugs"
_HEAD_AFTER = re.compile(rf"(?:^|[;:(]\s*)([^;:()]{{3,240}}?)\s+{_WALK}\s+{_AT_HEAD}\s+(?:\w+\s+)?(?i:({_NOUN}))")
#: "LIST will lead the procession" / "LIST führen den Trauerzug an" / "LIST conduiront le cortège"
_ACTIVE = re.compile(
    rf"(?:^|[;:(]\s*)([^;:()]{{3,240}}?)\s+(?i:(?:will|would|are to|is to)\s+)?"
    rf"(?i:lead|leads|led|führen|führten|führt|conduiront|conduisent|conduisaient|mèneront|mènent|encabezarán|encabezan|encabezaron|liderarán|lideran)\s+"
    rf"(?i:the|den|die|das|le|la|les|el)\s+(?:\w+\s+)?(?i:({_NOUN}))\b")
_AND = re.compile(r",\s*|\s+(?:and|und|sowie|et|y)\s+", re.IGNORECASE)
_SKIP = frozenset(re.findall(r"\w+", "the his her their its der die das den dem seine seinen ihre ihren sein ihr "
                                     "le la les ses sa son leur leurs el los las sus su"))


@dataclass(frozen=True, slots=True)
class LedEvent:
    """One list of leaders of one event in one sentence."""

    concept: str
    unit: Unit
    start: int  # of the list, in the sentence
    end: int
    keys: frozenset[str]


def _keys(text: str) -> frozenset[str] | None:
    """The keys of a list's items (see module docstring); ``None`` when it is no short list."""
    items = [i.strip() for i in _AND.split(text) if i.strip()]
    if not 2 <= len(items) <= MAX_ITEMS:
        return None
    keys = set()
    for item in items:
        words = [w for w in re.findall(r"[\w'’-]+", item) if w.casefold() not in _SKIP]
        if not words or len(words) > MAX_WORDS:
            return None
        names = [w for w in words if w[0].isupper() and not ROMAN.match(w)]
        keys.add(fold((names or words)[-1]))
    return frozenset(keys)


def _subject_at(clause: str) -> int:
    """Where the list of subjects of a clause's verb starts: its last comma segment, with the short
    segments before it when that one joins items (``A, B and C``), not an adverbial (``For the
    service, A and B``, ``On Monday, A and B``)."""
    cuts = [m.end() for m in re.finditer(r",\s*", clause)]
    if not cuts:
        return 0
    at = cuts[-1]
    if not _AND.search(clause[at:]):
        return at
    for prev in reversed([0, *cuts[:-1]]):
        segment = clause[prev:at].rstrip(", ").split()
        if not segment or len(segment) > MAX_WORDS or (
                segment[0].casefold() in STOPWORDS and segment[0].casefold() not in _SKIP):
            break  # a long or adverbial segment ("On Monday", "in the rain"): no item
        at = prev
    return at


def led_events(unit: Unit) -> list[LedEvent]:
    """The lists of leaders of processions, marches, parades and convoys in one sentence.

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> u = prepare([Article(text="Der Trauerzug wird von König Paul und seinen Söhnen angeführt.", language="de")])
    >>> [(e.concept, sorted(e.keys)) for e in led_events(u[0][0])]
    [('procession', ['paul', 'sohnen'])]
    """
    text = unit.sentence.text
    out: list[LedEvent] = []
    for m in _PASSIVE.finditer(text):
        g = 2 if m.group(2) else 3
        keys = _keys(m.group(g))
        if keys:
            out.append(LedEvent(_CONCEPT[m.group(1).casefold()], unit, m.start(g), m.end(g), keys))
    for m in _FRONTED.finditer(text):
        keys = _keys(m.group(1))
        if keys:
            out.append(LedEvent(_CONCEPT[m.group(2).casefold()], unit, m.start(1), m.end(1), keys))
    for m in _HEAD_FIRST.finditer(text):
        keys = _keys(m.group(2))
        if keys:
            out.append(LedEvent(_CONCEPT[m.group(1).casefold()], unit, m.start(2), m.end(2), keys))
    for m in (*_ACTIVE.finditer(text), *_HEAD_AFTER.finditer(text)):
        start = m.start(1) + _subject_at(m.group(1))
        keys = _keys(text[start:m.end(1)])
        if keys:
            out.append(LedEvent(_CONCEPT[m.group(2).casefold()], unit, start, m.end(1), keys))
    return out


def find_coleader_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                            ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles listing different leaders
    of one event, with a leader in common (see module docstring); a fact's value is the sorted keys."""
    names = article_labels(units, labels)
    events = [[e for u in arts for e in led_events(u)] for arts in units]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for i, ea in enumerate(events):
        for eb in events[i + 1:]:
            seen: set[tuple[str, frozenset[str], frozenset[str]]] = set()
            for x in ea:
                for y in eb:
                    if x.concept != y.concept or not x.keys & y.keys or x.keys <= y.keys or y.keys <= x.keys:
                        continue
                    if (x.concept, x.keys, y.keys) in seen:
                        continue  # a sentence repeated (a caption under a photo)
                    seen.add((x.concept, x.keys, y.keys))
                    key = f"role:leads:{x.concept}"
                    tx, ty = x.unit.sentence.text[x.start:x.end], y.unit.sentence.text[y.start:y.end]
                    out.append(("conflict",
                                span_fact(x.unit, x.start, x.end, names, " + ".join(sorted(x.keys)), key, kind="name"),
                                span_fact(y.unit, y.start, y.end, names, " + ".join(sorted(y.keys)), key, kind="name"),
                                f"different people lead the {x.concept}: {tx!r} vs {ty!r}", SALIENCE))
    return out
