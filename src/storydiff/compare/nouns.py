"""What a figure counts and measures: the noun class and the dimension of the words after it.

Method: a word's class is the :data:`~storydiff.compare.lexicon.NOUN_CLASSES` concept of its longest
listed prefix, allowed to run :data:`NOUN_TAIL` letters past it (``Todesopfern``), not more
(``Bürgerversammlung`` is no ``Bürger``); a word that begins with no class word takes the class of
its German compound head, a listed whole word of at least :data:`MIN_HEAD` letters that ends it
(``Bergleute`` counts ``Leute``, ``Schulkinder`` ``Kinder``, ``Verkehrstote`` ``Tote``; not so
``Stundenkilometer``, which begins with ``Stunde``), nor after a unit's prefix (:data:`UNIT_PREFIXES`:
``Quadratkilometer``, ``Zentimeter``, ``Kilowattstunden`` are other units). A French elision is no part of the word
(``d'euros``). A measure word (:data:`~storydiff.compare.lexicon.DIMENSIONS`, ``hoch``, ``long``) may
run :data:`DIMENSION_TAIL` letters past its entry (``Höhen``), not more (``Hochwasserkatastrophe``).

>>> noun_class("todesopfern"), noun_class("bergleute"), noun_class("schulkinder"), noun_class("bürgerversammlung")
('person', 'person', 'child', None)
>>> noun_class("stundenkilometern") is None, noun_class("quadratmeter") is None
(True, True)
>>> dimension_of("höhen"), dimension_of("hochwasserkatastrophe")
('height', None)
"""

from __future__ import annotations

import re

from storydiff.compare.lexicon import DIMENSIONS, NOUN_CLASSES, concept_of

__all__ = ["DIMENSION_TAIL", "MIN_HEAD", "NOUN_TAIL", "UNIT_PREFIXES", "dimension_of", "noun_class"]

#: a noun-class word may run this many letters past its table entry, not more
NOUN_TAIL = 5
#: a compound's head must be a listed word of at least this many letters, after at least three others
MIN_HEAD = 4
#: a measure word may run this many letters past its table entry, not more
DIMENSION_TAIL = 3
#: what a compound's head follows when the compound is another unit of measure (``Quadratmeter``)
UNIT_PREFIXES = ("quadrat", "kubik", "zenti", "milli", "mikro", "nano", "dezi", "hekto", "kilo", "mega", "giga",
                 "watt", "licht")

_ELISION = re.compile(r"^(?:d|l|qu)'")


def noun_class(word: str) -> str | None:
    """The class of the lower-case ``word`` (see module docstring), ``None`` if it has none."""
    word = _ELISION.sub("", word)
    cls = concept_of(word, NOUN_CLASSES)
    if cls is not None:  # a compound of two class words ("Stundenkilometer") is neither
        for end in range(len(word), 0, -1):
            if NOUN_CLASSES.get(word[:end]) == cls:
                return cls if len(word) - end <= NOUN_TAIL else None
        return cls
    for start in range(3, len(word) - MIN_HEAD + 1):  # the longest head first
        head = NOUN_CLASSES.get(word[start:])
        if head is not None:
            return None if word[:start].endswith(UNIT_PREFIXES) else head
    return None


def dimension_of(word: str) -> str | None:
    """:data:`DIMENSIONS` concept of ``word`` unless it is a longer compound that only begins with one."""
    for end in range(len(word), 0, -1):
        hit = DIMENSIONS.get(word[:end])
        if hit is not None and (end == len(word) or (end >= 4 and len(word) - end <= DIMENSION_TAIL)):
            return hit
    return None
