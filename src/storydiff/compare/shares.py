"""Number conflicts: one named subject's share, given as two different counts.

Method: a *share* is an exact count of a unit noun (:data:`SHARED_NOUNS`: ministries, seats,
votes, mandates) whose clause begins with a named subject — a party, a company, a country: an
all-capital acronym or a word that is no common word of the language, before the figure in the
same clause (``die SPD sieben Ministerposten bekommen``, ``Die SPD unter Scholz erhält ... sechs
von 15 Ministerposten``). The whole of a partition (``von 15``) is no share, nor a figure of
several subjects (``CDU und CSU erhält``, ``verfügen zusammen über``), nor a count dated before
(``hatte bisher``, ``previously``). Two articles of a
story that give the same subject different counts of one noun disagree, unless either article
gives that subject two counts of the noun (then they are of different things: before and after,
posts and departments, or the other's count as well). A clause that opens with its figure
takes its subject from the first acronym after it (``Mit 52 Sitzen wird die ÖVP ...``). Shares need
their subject named:
figures of a clause without a name are left to the fact matcher
(:mod:`~storydiff.compare.matching`).

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Laut Vertrag soll die SPD sieben Ministerposten bekommen, die Grünen fünf.", language="de"),
...         Article(text="Die SPD erhält sechs von 15 Ministerposten.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_share_conflicts(prepare(arts))]
[('sieben Ministerposten', 'sechs von 15 Ministerposten')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, figure_fact, group_findings, shared_keys
from storydiff.compare.facts import is_name_word
from storydiff.compare.lexicon import STOPWORDS
from storydiff.compare.numbers import find_quantities
from storydiff.compare.scope import qualifiers
from storydiff.compare.when import CLAUSE_BREAK
from storydiff.model import Fact
from storydiff.text.lemmas import fold
from storydiff.text.tokens import word_spans

__all__ = ["SALIENCE", "SHARED_NOUNS", "Share", "conjoined", "find_share_conflicts", "shares_of"]

#: noun classes whose counts are shares of a subject
SHARED_NOUNS = frozenset({"ministry", "seat", "vote"})
#: salience of a share conflict (before the boost for the number of sources)
SALIENCE = 0.6


@dataclass(frozen=True, slots=True)
class Share:
    """A count of one noun given to one named subject in one sentence."""

    unit: Unit
    subject: str
    noun: str
    value: float
    start: int  # in the sentence
    end: int


def _subject(clause: str, lang: str, sentence_start: bool) -> str | None:
    """The first name of ``clause``, folded: an acronym (``SPD``) or a word no dictionary knows; the
    clause's first word is skipped when it opens the sentence (capitalised as such, not as a name)."""
    for k, (_s, _e, tok) in enumerate(word_spans(clause, lower=False)):
        if not tok[0].isupper() or tok.lower() in STOPWORDS or (k == 0 and sentence_start):
            continue
        if (tok.isupper() and len(tok) >= 2) or is_name_word(tok, lang):
            return fold(tok)
    return None


#: words that make a figure the sum of several subjects
_TOGETHER = re.compile(r"\b(?:zusammen|gemeinsam|insgesamt|together|combined|in total|ensemble|au total|juntos|"
                       r"en total|вместе|всего)\b", re.IGNORECASE)


#: words that date a count before the one reported: "hatte bisher 61 Sitze", "previously held"
_EARLIER = re.compile(r"\b(?:bisher|bislang|zuvor|vorher|früher|ehemals|previously|formerly|before|until\s+now|"
                      r"so\s+far|auparavant|jusqu['’]ici|précédemment|anteriormente|hasta\s+ahora|antes|ранее|прежде)\b",
                      re.IGNORECASE)


def _acronym_after(text: str, end: int) -> str | None:
    """The first acronym (``ÖVP``) of the clause after offset ``end``: the subject of a clause that opens
    with its figure.

    >>> _acronym_after("Mit 52 Sitzen wird die ÖVP stärkste Kraft, vor der SPD.", 13)
    'ovp'
    """
    cut = CLAUSE_BREAK.search(text, end)
    for _s, _e, tok in word_spans(text[end:cut.start() if cut else len(text)], lower=False):
        if tok.isupper() and len(tok) >= 2 and tok.lower() not in STOPWORDS:
            return fold(tok)
    return None


def conjoined(before: str, breaks: Sequence[re.Match[str]]) -> tuple[str, str] | None:
    """The words either side of the conjunction that opens the last clause of ``before`` (``breaks``
    are its :data:`~storydiff.compare.when.CLAUSE_BREAK` matches; ``""`` where there is no word), or
    ``None`` when that clause opens at punctuation or ``before`` has a single clause.

    >>> def around(head): return conjoined(head, list(CLAUSE_BREAK.finditer(head)))
    >>> around("Laut Umfrage erhalten CDU und CSU "), around("Laut Umfrage, ")
    (('CDU', 'CSU'), None)
    """
    if not breaks or not breaks[-1].group().strip().isalpha():
        return None
    left = [t for _s, _e, t in word_spans(before[:breaks[-1].start()], lower=False)][-1:]
    right = [t for _s, _e, t in word_spans(before[breaks[-1].end():], lower=False)][:1]
    return (left[0] if left else "", right[0] if right else "")


def _joint(before: str, breaks: Sequence[re.Match[str]], lang: str) -> bool:
    """Whether the clause of a figure starts at a conjunction between a name and a capitalised word
    (``CDU und CSU erhält``): the subject is several."""
    pair = conjoined(before, breaks)
    return bool(pair and pair[0] and pair[1] and _subject(pair[0], lang, False) and pair[1][0].isupper()
                and pair[1].lower() not in STOPWORDS)


def shares_of(unit: Unit) -> list[Share]:
    """The counts of ``unit``'s sentence given to a named subject.

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> u = prepare([Article(text="Die SPD stellt sieben Minister, die FDP vier.", language="de")])[0][0]
    >>> [(s.subject, s.value) for s in shares_of(u)]
    [('spd', 7.0)]
    >>> u = prepare([Article(text="Die Union aus CDU und CSU erhält 196 Sitze.", language="de")])[0][0]
    >>> shares_of(u)
    []
    """
    text = unit.sentence.text
    out = []
    for q in find_quantities(text):
        if q.noun not in SHARED_NOUNS or q.anchor is None or q.qualifier != "=":
            continue
        if "base" in qualifiers(text, q.start, q.end):
            continue  # "sechs von 15 Ministerposten": 15 is the whole
        before = text[:q.start]
        breaks = list(CLAUSE_BREAK.finditer(before))
        clause = before[breaks[-1].end() if breaks else 0:]
        if _joint(before, breaks, unit.lang) or _TOGETHER.search(clause):
            continue  # "SPD, Grüne und FDP verfügen zusammen über 416 Sitze": no one subject's share
        if _EARLIER.search(clause):
            continue  # "Die ÖVP hatte bisher 61 Sitze": a count of before, not a version of the new one
        subject = _subject(clause, unit.lang, not breaks)
        if subject is None and len(list(word_spans(clause, lower=True))) <= 1:
            subject = _acronym_after(text, q.end)  # "Mit 52 Sitzen wird die ÖVP ...", "34 seats went to the PLD"
        if subject is not None:
            out.append(Share(unit, subject, q.noun, q.anchor, q.start, q.end))
    return out


def find_share_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                         ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles giving one subject
    different counts of one noun (see module docstring)."""
    names = article_labels(units, labels)
    by_article = group_findings(units, lambda arts, k: shares_of(arts[k]), lambda s: ((s.subject, s.noun),))
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for key, sa, sb in shared_keys(by_article):
        va, vb = {s.value for s in sa}, {s.value for s in sb}
        if len(va) > 1 or len(vb) > 1 or va == vb:
            continue
        fact_key = f"{key[1]}+share"
        why = f"different counts of {key[1]} for {key[0].upper()}: {sa[0].value:g} vs {sb[0].value:g}"
        out.extend(("conflict", _fact(a, fact_key, names), _fact(b, fact_key, names), why, SALIENCE)
                   for a in sa for b in sb)
    return out


def _fact(s: Share, key: str, labels: Sequence[str]) -> Fact:
    return figure_fact(s.unit, s.start, s.end, labels, s.value, key, f"{s.subject.upper()} {s.noun}")
