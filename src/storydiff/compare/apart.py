"""What keeps two facts of one key apart although their contexts are alike: the words around them
say they are of different things.

Method: different measures (``96 Meter hoch`` / ``100 mètres de long``, the facts' ``dimension``);
scores of a game's course (``lag früh 0:1 hinten``) or against different opponents; match minutes
followed by different scores (``70. Minute auf 2:0`` / ``85. Minute zum 3:0``: two goals of one
player); ages of different people (no name shared by both sentences, or different names next to
the ages); and figures whose clauses name different weekdays (``Am Freitag wurden 200 Menschen
festgenommen, am Samstag weitere 150`` / ``Am Samstag ... 150``): two counts of two days.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from storydiff.compare.facts import is_name_word
from storydiff.compare.lexicon import STOPWORDS, WEEKDAYS, concept_of
from storydiff.compare.scores import interim, opponents, score_after
from storydiff.compare.when import CLAUSE_BREAK
from storydiff.model import Fact
from storydiff.text.tokens import word_spans

if TYPE_CHECKING:
    from storydiff.compare.matching import ArticleFacts

__all__ = ["kept_apart"]


def _fold(word: str) -> str:
    """Lower-case ``word`` without accents (as :func:`storydiff.compare.matching.fold`)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def kept_apart(a: ArticleFacts, fa: Fact, b: ArticleFacts, fb: Fact) -> bool:
    """Whether the words around two facts of one key say they are of different things:
    different measures (``96 Meter hoch`` / ``100 mètres de long``), counts of different weekdays
    (:func:`_days`), scores against different
    opponents, match minutes followed by different scores (``70. Minute auf 2:0`` / ``85. Minute
    zum 3:0``: two goals of one player)."""
    da, db = fa.attributes.get("dimension"), fb.attributes.get("dimension")
    if da and db and da != db:
        return True
    if fa.key == "score":
        if interim(a.text, fa) or interim(b.text, fb):
            return True  # "lag früh 0:1 hinten", "erhöht auf 3:1": a state of the game, not its result
        oa, ob = opponents(a.text, fa), opponents(b.text, fb)
        return bool(oa and ob and not oa & ob)
    if fa.key == "when:minute":
        ra, rb = score_after(a.text, fa), score_after(b.text, fb)
        return bool(ra and rb and ra != rb)
    if fa.key.startswith("age+"):
        return _other_person(a, fa, b, fb)
    if fa.kind == "number":
        wa, wb = _days(a, fa), _days(b, fb)
        return bool(wa and wb and not wa & wb)
    return False


def _days(af: ArticleFacts, fact: Fact) -> frozenset[str]:
    """The weekdays named in the clause of a figure (``Am Freitag wurden 200 Menschen festgenommen, am
    Samstag weitere 150``): two counts of different days are two counts."""
    s0, s1 = fact.attributes["sentence"]
    before, after = af.text[s0:fact.value.start], af.text[fact.value.end:s1]
    cut = [m.end() for m in CLAUSE_BREAK.finditer(before)]
    end = CLAUSE_BREAK.search(after)
    clause = before[cut[-1] if cut else 0:] + " " + (after[:end.start()] if end else after)
    return frozenset(d for _s, _e, w in word_spans(clause) if (d := concept_of(w, WEEKDAYS, 6)) is not None)


def _name_run(af: ArticleFacts, fact: Fact) -> str | None:
    """The run of capitalised words right after (or else right before) a figure, when it holds a name:
    whom an age is of (``the 600-year-old Guild Hall``, ``Christ Church is the 400-year-old``)."""
    s0, s1 = fact.attributes["sentence"]
    for side in (af.text[fact.value.end:s1][:40], af.text[s0:fact.value.start][-40:]):
        toks = [t for _s, _e, t in word_spans(side, lower=False)]
        seq = toks[:3] if side.startswith(af.text[fact.value.end:s1][:40]) else toks[-3:]
        run = [t for t in seq if t[0].isupper() and t.lower() not in STOPWORDS]
        if run and any(is_name_word(t, af.lang) for t in run):
            return " ".join(_fold(t) for t in run)
    return None


def _names_in(af: ArticleFacts, fact: Fact) -> set[str]:
    s0, s1 = fact.attributes["sentence"]
    return {_fold(t)[:5] for _s, _e, t in word_spans(af.text[s0:s1], lower=False)
            if t[0].isupper() and t.lower() not in STOPWORDS and is_name_word(t, af.lang)}


def _other_person(a: ArticleFacts, fa: Fact, b: ArticleFacts, fb: Fact) -> bool:
    """Ages are of one person only when both sentences name someone in common and the names
    next to the ages do not differ (``die 35-Jährige`` Anna / ``der 61-Jährige`` Vater)."""
    if not _names_in(a, fa) & _names_in(b, fb):
        return True
    ra, rb = _name_run(a, fa), _name_run(b, fb)
    return bool(ra and rb and ra != rb)
