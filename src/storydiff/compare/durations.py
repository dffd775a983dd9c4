"""Durations between two events: "one hour after", "a few hours after", "zwei Tage später".

Method, over the lower-cased tokens of a sentence (:func:`~storydiff.compare.numbers.find_quantities`):

* **relation** — a time unit (second, minute, hour, day) followed by *nach*, *später*,
  *after*, *later*, *après*, *plus tard*, *después*, *спустя* measures a time *after* an event;
  followed by *vor*, *bevor*, *zuvor*, *before*, *earlier*, *avant*, *antes* one *before* it. The
  relation becomes the action of a duration in hours, minutes or seconds
  (:mod:`~storydiff.compare.facts`), so that *une heure après le début* and *quelques heures
  après le début* share the key ``duration+after`` whatever verb the sentence has (days keep
  their key: *45 days after being appointed* is the *44 días* of a tenure);
* **an article is one** — *une*, *eine*, *einen*, *an*, *a*, *una* before a time unit count 1
  only in such a duration phrase (``une heure après``, ``eine Stunde nach``, ``an hour after``):
  elsewhere (``eine Stunde lang``, ``a day of mourning``) an article is no figure;
* **a few** — *quelques*, *unos*/*unas*, *a few*, *ein paar* are a vague amount (:data:`FEW`, 2 to 9,
  like *einige*, *several*, *несколько*) when no figure follows (``quelques heures``; ``quelques
  200`` is *about* 200, read by the bound words of :mod:`~storydiff.compare.lexicon`).

>>> low = "a peine une heure après le début".split()
>>> article_is_one(low, 2), relation(low, 4)
(True, 'after')
>>> few_at("elle s'écroule quelques heures après".split(), 2), few_at("quelques 200 pompiers".split(), 0)
(True, False)
>>> article_is_one("eine stunde lang".split(), 0)
False
"""

from __future__ import annotations

import re

from storydiff.compare.lexicon import NOUN_CLASSES, NUMBER_WORDS, concept_of

__all__ = ["FEW", "TIME_UNITS", "article_is_one", "few_at", "relation", "relation_after"]

#: noun classes that measure time
TIME_UNITS = frozenset({"second", "minute", "hour", "day"})
_WORD = re.compile(r"[^\W\d_]+")
#: the range of "a few"
FEW = (2.0, 9.0)
_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "a", "an", "un", "une", "una", "uno", "один", "одну"})
#: words right after a time unit that place it after or before an event (first word, optional second)
_RELATIONS: dict[str, tuple[str, frozenset[str] | None]] = {
    "nach": ("after", None), "später": ("after", None), "danach": ("after", None), "after": ("after", None),
    "later": ("after", None), "après": ("after", None), "plus": ("after", frozenset({"tard"})),
    "después": ("after", None), "más": ("after", frozenset({"tarde"})), "спустя": ("after", None),
    "vor": ("before", None), "bevor": ("before", None), "zuvor": ("before", None), "vorher": ("before", None),
    "before": ("before", None), "earlier": ("before", None), "avant": ("before", None),
    "antes": ("before", None),
}
#: words that may stand between a duration and its relation
_ONLY = frozenset({"nur", "erst", "bloß", "lediglich", "only", "just", "seulement", "juste", "solo", "apenas",
                   "solamente", "всего", "лишь"})
#: "a few" words that stand alone ("quelques heures"); "few" and "paar" need "a"/"ein" before them
_FEW_WORDS = frozenset({"quelques", "unos", "unas"})
_FEW_AFTER = {"few": frozenset({"a"}), "paar": frozenset({"ein"})}


def _unit(word: str) -> str | None:
    cls = concept_of(word, NOUN_CLASSES)
    return cls if cls in TIME_UNITS else None


def relation(low: list[str], j: int) -> str | None:
    """``"after"``, ``"before"`` or ``None``: what the words from token ``j`` on (right after a
    time unit) say of the duration."""
    if j + 1 < len(low) and low[j] in _ONLY:
        j += 1  # "quelques minutes seulement avant"
    if j >= len(low):
        return None
    rel, second = _RELATIONS.get(low[j], (None, None))
    if rel is None or (second is not None and (j + 1 >= len(low) or low[j + 1] not in second)):
        return None
    return rel


def duration_relation(low: list[str], unit: int) -> str | None:
    """The relation of a duration whose unit is token ``unit`` (``None`` when it is no time unit)."""
    if unit >= len(low) or _unit(low[unit]) is None:
        return None
    return relation(low, unit + 1)


def relation_after(text: str) -> str | None:
    """The relation named by the words right after a duration (``text`` starts after its unit).

    >>> relation_after(" plus tard, il"), relation_after(" lang"), relation_after(" seulement avant l'annonce")
    ('after', None, 'before')
    """
    return relation(_WORD.findall(text.lower())[:3], 0)


def article_is_one(low: list[str], i: int) -> bool:
    """Whether the article at token ``i`` counts one time unit of a duration phrase (``une heure après``)."""
    return low[i] in _ARTICLES and duration_relation(low, i + 1) is not None


def few_at(low: list[str], i: int) -> bool:
    """Whether token ``i`` is "a few" with no figure after it (``quelques heures``, ``a few days``)."""
    word = low[i]
    if word in _FEW_AFTER:
        if i == 0 or low[i - 1] not in _FEW_AFTER[word]:
            return False
    elif word not in _FEW_WORDS:
        return False
    nxt = low[i + 1] if i + 1 < len(low) else ""
    return bool(nxt) and not nxt[0].isdigit() and nxt not in NUMBER_WORDS
