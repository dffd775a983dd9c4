"""What event a day or part of a day is said of, read from its whole clause.

:func:`~storydiff.compare.when.day_events` reads the four words either side of a relative day
(``hat gestern seinen Rücktritt erklärt``). Two common sentence shapes put the event further off:

* a *fronted* time adverbial set off by a comma (``Esta mañana, se ha confirmado que ... ha
  presentado su dimisión``, ``Heute Morgen, so bestätigte ...``) scopes over the whole sentence
  after it: its event is every news concept of that rest;
* a time closing a fronted participial or subordinate clause (``Announcing her decision outside
  No 10 on Thursday afternoon, Ms Truss confirmed``) is said of that clause's event, however far
  its verb stands from the day.

A day in the past perfect (``hatten am Sonntag begonnen``, scope ``before``: an earlier event) is
still of the same event as a day in a plain past when both clauses, in one language, share a verb's
lemma (``begannen`` / ``begonnen``: *beginnen*; :func:`same_verb`): only the tense differs.

Any other day gets no event here (the nearby words of ``day_events`` stay the only reading): a
whole clause holds too many actors and things (``König``, ``Schloss``) to tell one event.

The event is a set of news concepts (:func:`~storydiff.compare.events.event_concepts`), with
verbs of confirming or making public (:data:`MADE_PUBLIC`, word prefixes: *bestätigt*, *confirmed*,
*confirmé*, *confirmado*, *подтвердил*, and of speaking to the public: *Speaking to reporters*,
*erklärte*, *s'exprimant* with either apostrophe)
counted as the concept ``announce``; time words say when, not what, and do not count. Two days
name one event when their events share a concept.

>>> t = "Esta mañana, se ha confirmado que la presidenta ha presentado su dimisión."
>>> sorted(clause_events(t, 0, len("Esta mañana"), (0, len(t))))
['%announce', '%head', '%resign']
>>> t = "Announcing her decision outside the palace on Friday evening, she said little."
>>> sorted(clause_events(t, t.index("Friday"), t.index(","), (0, len(t))))
['%announce', '%palace']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import simplemma

from storydiff.compare.events import MARK, event_concepts
from storydiff.compare.lexicon import STOPWORDS
from storydiff.model import Fact
from storydiff.text.tokens import word_spans

__all__ = ["MADE_PUBLIC", "clause_events", "same_clause_event", "same_verb"]

#: verbs of confirming or making public (word prefixes), counted as the concept ``announce``
MADE_PUBLIC = ("bestätig", "confirm", "подтверд", "mitgeteilt", "teilte", "verkündet",
               "comunic", "déclar", "declar", "speaking", "addressing", "told", "erklärt", "s'exprimant",
               "hablando", "заявил")
_BREAK = re.compile(r"[,;:()–—]")
_WHEN = frozenset({MARK + "daytime", MARK + "clock"})
#: words a fronted time adverbial may have before the day itself (``Am``, ``Esta``, ``This``)
_LEAD = 2
#: words a fronted clause may have between the day and its closing comma (``um 14 Uhr Ortszeit,``)
_TAIL = 2


def _events(text: str) -> frozenset[str]:
    toks = [t for _s, _e, t in word_spans(text, lower=True)]
    made_public = any(t.replace("’", "'").startswith(MADE_PUBLIC) for t in toks)  # "s’exprimant" too
    return (event_concepts(toks) | ({MARK + "announce"} if made_public else frozenset())) - _WHEN


def clause_events(text: str, start: int, end: int, sentence: Sequence[int]) -> frozenset[str]:
    """The news concepts of the clause of the day ``text[start:end]`` (see module docstring)."""
    s0, s1 = sentence
    before, after = text[s0:start], text[end:s1]
    stop = _BREAK.search(after)
    if _BREAK.search(before) or stop is None or stop.group() != "," or len(
            list(word_spans(after[:stop.start()]))) > _TAIL:
        return frozenset()  # not a fronted clause closed by a comma right after the day
    if len(list(word_spans(before))) <= _LEAD:
        return _events(after[stop.end():])  # "Esta mañana, se ha confirmado ...": the whole sentence
    return _events(before + " " + after[:stop.start()])  # "Announcing her decision ... on Thursday afternoon,"


def same_clause_event(text_a: str, fa: Fact, text_b: str, fb: Fact) -> bool:
    """Whether the clauses of two days (:func:`clause_events`) name one news event."""
    ea = clause_events(text_a, fa.value.start, fa.value.end, fa.attributes["sentence"])
    return bool(ea and ea & clause_events(text_b, fb.value.start, fb.value.end, fb.attributes["sentence"]))


def _verbs(text: str, fact: Fact, lang: str) -> frozenset[str]:
    """Lemmas of the lower-case content words of the clause of ``fact`` (German nouns are capitalised;
    in other languages the clause's other words stand in for its verb)."""
    s0, s1 = fact.attributes["sentence"]
    before, after = text[s0:fact.value.start], text[fact.value.end:s1]
    cut = [m.end() for m in _BREAK.finditer(before)]
    stop = _BREAK.search(after)
    clause = before[cut[-1] if cut else 0:] + " " + (after[:stop.start()] if stop else after)
    words = [w for _s, _e, w in word_spans(clause, lower=False) if w[0].islower() and len(w) >= 4
             and w not in STOPWORDS]
    try:
        return frozenset(simplemma.lemmatize(w, lang=lang) for w in words)
    except ValueError:  # a language simplemma does not know: the words as they stand
        return frozenset(words)


def same_verb(text_a: str, fa: Fact, lang_a: str, text_b: str, fb: Fact, lang_b: str) -> bool:
    """Whether the clauses of two days share a verb's lemma, in one language (see module docstring)."""
    return lang_a == lang_b and bool(_verbs(text_a, fa, lang_a) & _verbs(text_b, fb, lang_b))
