"""Match scores in a report's text: whether a score is a state of the game or the result, whom it
was against, and the score a clause goes on to. :mod:`~storydiff.compare.matching` pairs two
scores only when they are results of one match.

>>> from storydiff.model import Fact, FactValue
>>> text = "Bremen führte zur Pause 1:0 und gewann 3:1 gegen Mainz."
>>> def score(s): return Fact("number", "score", FactValue("a", s, text.index(s), text.index(s) + 3, s),
...                           {"sentence": [0, len(text)]})
>>> interim(text, score("1:0")), interim(text, score("3:1")), sorted(opponents(text, score("3:1")))
(True, False, ['mainz'])
"""

from __future__ import annotations

import re

from storydiff.compare.lexicon import STOPWORDS
from storydiff.compare.when import CLAUSE_BREAK
from storydiff.model import Fact
from storydiff.text.lemmas import fold
from storydiff.text.tokens import word_spans

__all__ = ["interim", "opponents", "score_after"]

_INTERIM_BEFORE = re.compile(r"\b(?:auf|zum|zur|früh|führt|führte|lag|lagen|stands?|led|leading|"
                             r"makes? it|made it|Pause|Halbzeit|half-time|halftime|al descanso|mi-temps)\W*$",
                             re.IGNORECASE)
_INTERIM_AFTER = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:hinten|zurück|in Führung|zur Pause|at half-time|"
                            r"at the break|al descanso|à la pause)\b", re.IGNORECASE)


def interim(text: str, fact: Fact) -> bool:
    """Whether a score is a state of the game (``führt 1:0``, ``lag früh 0:1 hinten``, ``erhöht auf 3:1``)."""
    s0, s1 = fact.attributes["sentence"]
    before = text[max(s0, fact.value.start - 30):fact.value.start]
    return bool(_INTERIM_BEFORE.search(before) or _INTERIM_AFTER.match(text[fact.value.end:s1]))


_HALFTIME = re.compile(r"^\s*\(\s*\d{1,2}\s*[:-]\s*\d{1,2}\s*\)")


def opponents(text: str, fact: Fact) -> frozenset[str]:
    """Names in the few words after a score, up to the end of its clause (``5:0 gegen Werder
    Bremen``, ``3-0 sobre el Werder Bremen``): the match it is the result of."""
    s1 = fact.attributes["sentence"][1]
    after = _HALFTIME.sub("", text[fact.value.end:s1])  # "3:1 (1:0) gegen Team X"
    cut = CLAUSE_BREAK.search(after)
    toks = list(word_spans(after[:cut.start()] if cut else after, lower=False))[:4]
    return frozenset(fold(t)[:5] for _s, _e, t in toks if t[0].isupper() and t.lower() not in STOPWORDS)


_SCORE_AFTER = re.compile(r"^[^.;]{0,25}?\b(?:auf|zum|zur|to|make it|a)\s+(\d{1,2})\s?[:-]\s?(\d{1,2})\b")


def score_after(text: str, fact: Fact) -> str | None:
    """The score a clause goes on to (``erhöhte auf 3:1``) right after ``fact``."""
    m = _SCORE_AFTER.match(text[fact.value.end:fact.attributes["sentence"][1]])
    return f"{m.group(1)}:{m.group(2)}" if m else None
