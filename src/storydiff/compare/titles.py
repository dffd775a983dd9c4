"""Title conflicts: one person given ranks of two incompatible tiers by two reports of a story.

A hereditary or church title says where someone stands, and some ranks exclude each other: a
reigning or consort monarch (*König*, *Queen Consort*, *reine*, *rey*, *королева*) is not at the
same time styled a prince, duke or count (*Herzogin*, *Prince*, *duc*, *duquesa*); a pope is no
longer a cardinal or bishop. Two reports that name one person with titles of two such tiers
(``Herzogin Camilla`` / ``Königin Camilla``) disagree on who that person is at the time reported.
Titles inside one tier are compatible (a prince may hold a dukedom: ``Prinz William`` / ``Duke
William``; ``Königin`` / ``Queen``), and so are titles of different families (a *King* and a
*Bishop* of one first name are two people).

Method, over the sentences of each article:

* a **mention** is a title of :data:`TITLES` (de, en, fr, es, ru; multiword titles such as
  ``Queen Consort`` first) right before a capitalised name (``Königin Camilla``, ``la reine
  Camilla``), or right after a name and a comma (``Camilla, Duchess of Cornwall``, ``Harry,
  duque de Sussex``, closed by a comma or the sentence end; not ``On Monday, the King said``); the
  person is the name's first word (a given name: royals and popes are named by it), folded,
  doubled letters single (``Camilla`` / ``Camila``), with its regnal number (``George VI`` is not
  the ``Prince George`` of one story); a name word right before the title makes the title part of
  a name (``Stephen King``; a possessive is not: ``Britain's King Charles``);
* a story in which the person's title **changed** stays silent for that person: when one
  report names them with titles of two tiers (``Prinz Charles, nun König Charles``), or a
  mention carries a change word right before its title (:data:`CHANGE`: ``neue``, ``former``,
  ``ancien``, ``futuro``, ``Ex-``, and at the start of a sentence ``als``/``as``: *As Princess
  Elizabeth she married*; inside a sentence they open a clause of time, *cheered as Duchess X cut*);
* otherwise two articles whose tiers for one person differ conflict (first mentions shown).

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Am Morgen traf Herzogin Anna in der Stadt ein.", language="de"),
...         Article(text="Am Morgen traf Königin Anna in der Stadt ein.", language="de"),
...         Article(text="Am Morgen traf Prinzessin Anna ein.", language="de")]
>>> sorted((a.value.text, b.value.text) for _, a, b, _, _ in find_title_conflicts(prepare(arts)))
[('Herzogin Anna', 'Königin Anna'), ('Königin Anna', 'Prinzessin Anna')]
>>> arts.append(Article(text="Die neue Königin Anna dankte.", language="de"))
>>> find_title_conflicts(prepare(arts))
[]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storydiff.compare.align import Unit, article_labels, span_fact
from storydiff.compare.lexicon import MONTHS, STOPWORDS, WEEKDAYS, concept_of
from storydiff.compare.polarity import is_name_word
from storydiff.model import Fact
from storydiff.text.lemmas import fold

__all__ = ["CAPITAL", "CHANGE", "ROMAN", "SALIENCE", "TITLES", "TitleMention", "find_title_conflicts", "person_key",
           "title_mentions"]

#: salience of a title conflict (before the boost for the number of sources)
SALIENCE = 0.5

#: titles by ``family:tier`` (lower case; de, en, fr, es, ru); tiers of one family exclude each other
TITLES: dict[str, str] = {
    "royal:monarch": "könig königs königin königsgemahlin königinmutter kaiser kaisers kaiserin zar zaren zarin "
    "king queen queen-consort queen-mother emperor empress tsar tsarina "
    "roi reine reine-consort reine-mère empereur impératrice tsar tsarine "
    "rey reina reina-consorte reina-madre emperador emperatriz zar zarina "
    "король королева император императрица царь царица",
    "royal:noble": "prinz prinzen prinzessin kronprinz kronprinzen kronprinzessin herzog herzogs herzogin erzherzog "
    "erzherzogs erzherzogin großherzog großherzogs großherzogin fürst fürsten fürstin graf grafen gräfin "
    "infant infanten infantin "
    "prince princess crown-prince crown-princess duke duchess archduke archduchess earl countess "
    "prince princesse duc duchesse archiduc archiduchesse comte comtesse "
    "príncipe princesa duque duquesa archiduque archiduquesa conde condesa infante infanta "
    "принц принцесса герцог герцогиня эрцгерцог граф графиня",
    "church:pope": "papst papstes pope pape papa папа",
    "church:prelate": "kardinal kardinals erzbischof erzbischofs bischof bischofs "
    "cardinal archbishop bishop cardenal arzobispo obispo "
    "archevêque évêque кардинал архиепископ епископ",
}
_TIER_OF = {w: tier for tier, ws in TITLES.items() for w in ws.split()}


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


#: words right before a title that say it changed in the story (a new, future or former title)
CHANGE = _words(
    "neu neue neuer neuen neuem künftig künftige künftiger künftigen designiert designierte designierter "
    "designierten ehemalig ehemalige ehemaliger ehemaligen früher frühere früheren einstige einstigen damalige "
    "damaligen spätere späteren nun jetzt new future former then later now ex "
    "nouveau nouvel nouvelle futur future ancien ancienne désormais "
    "nuevo nueva futuro futura antiguo antigua ahora expapa exrey exreina als as comme como "
    "новый новая новым новой будущий будущая бывший бывшая")
#: change words only at the start of a sentence (``As Princess X she married``); inside one they open a
#: clause of time or manner (``cheered as Duchess X cut``, ``jubelte, als Königin X das Band durchschnitt``)
_WHEN_AS = frozenset({"als", "as", "comme", "como"})
_TITLE_WORD = "|".join(sorted((re.escape(w).replace("\\-", "[ -]") for w in _TIER_OF), key=len, reverse=True))
#: an upper-case letter, Latin (with Latin-1 accents, ``Ä``, ``É``) or Cyrillic, that opens a name
CAPITAL = r"[A-ZÀ-ÖØ-ÞА-ЯЁ]"
#: a title and the name after it: "Königin Camilla", "Queen Consort Camilla", "la reine Camilla"
_BEFORE = re.compile(rf"(?<![\w-])((?i:(?:ex-)?(?:{_TITLE_WORD})))\s+({CAPITAL}[\w'’-]*)")
#: a name, a comma and a title after it, with an article before the title or a territory after it:
#: "Camilla, the Queen Consort", "Camilla, Duchess of Cornwall", "Harry, duque de Sussex"
_AFTER = re.compile(rf"(?<![\w-])({CAPITAL}[\w'’-]*),\s+(?:(?:the|la|le|el)\s+((?i:{_TITLE_WORD}))\b"
                    rf"(?![ -]{CAPITAL})|((?i:{_TITLE_WORD}))\s+(?:of|von|de|du)\s+{CAPITAL})")
#: second words of multiword titles: never a name ("Queen Consort ist")
_TITLE_PARTS = frozenset(w.split("-")[1] for w in _TIER_OF if "-" in w)
#: what closes an apposition after its title: a territory ("of Cornwall") and a comma or the sentence end
_CLOSED = re.compile(rf"^(?:\s+(?:of|von|de|du)(?:\s+the|\s+la)?(?:\s+{CAPITAL}[\w'’-]*)+)?\s*(?:[,.;:)]|$)")
#: a regnal number as a whole word (``III``, ``II.``): never a given name
ROMAN = re.compile(r"^[IVXL]+\.?$")
#: a regnal number after a name: "Charles III." (George VI is not the Prince George of the same story)
_REGNAL = re.compile(r"^\s+([IVXL]+)\b")


@dataclass(frozen=True, slots=True)
class TitleMention:
    """One person named with one title in one sentence."""

    unit: Unit
    start: int  # in the sentence
    end: int
    person: str  # the folded given name
    family: str  # "royal", "church"
    tier: str  # "monarch", "noble", "pope", "prelate"
    changed: bool  # a change word stands right before the title


def person_key(name: str) -> str:
    """A given name folded, doubled letters single (``Camilla`` / ``Camila``): the person of a mention.

    >>> person_key("Camilla") == person_key("Camila")
    True
    """
    return re.sub(r"(.)\1", r"\1", fold(name))


def _time_word(word: str) -> bool:
    low = word.casefold()
    return low in MONTHS or concept_of(low, WEEKDAYS) is not None


def _tier(word: str) -> tuple[str, str] | None:
    low = re.sub(r"\s+", "-", word.lower())  # lower, not casefold: the table spells "großherzog"
    hit = _TIER_OF.get(low) or _TIER_OF.get(low.removeprefix("ex-"))
    if hit is None:
        return None
    family, _, tier = hit.partition(":")
    return family, tier


def _word_before(text: str, at: int) -> str:
    m = re.search(r"([\w'’-]+)[^\w]*$", text[:at])
    return m.group(1) if m else ""


def title_mentions(unit: Unit) -> list[TitleMention]:
    """The titled names of one sentence (see module docstring).

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> text = "Prince William and Camilla, Duchess of Cornwall, arrived."
    >>> [(m.person, m.family, m.tier) for m in title_mentions(prepare([Article(text=text, language="en")])[0][0])]
    [('wiliam', 'royal', 'noble'), ('camila', 'royal', 'noble')]
    """
    text = unit.sentence.text
    out: list[TitleMention] = []
    for m in _BEFORE.finditer(text):
        title, name = m.group(1), m.group(2)
        found = _tier(title)
        low = name.casefold()
        if found is None or low in STOPWORDS or ROMAN.match(name) or name.lower() in _TIER_OF or low in _TITLE_PARTS \
                or _time_word(name):
            continue
        before = _word_before(text, m.start())
        if before[:1].isupper() and text[:m.start()].strip(" „\"«»'") != before and before.casefold() not in STOPWORDS \
                and _tier(before) is None and not before.endswith(("'s", "’s")) \
                and (unit.lang != "de" or is_name_word(before, "de")):
            continue  # "Stephen King", "Martin Luther King": the title is part of a name ("Britain's King" is not)
        ahead = text[:m.start()].rstrip(" „\"«»'")[:-len(before) or None].rstrip()
        changed = title.casefold().startswith("ex-") or (before.casefold() in CHANGE and not (
            before.casefold() in _WHEN_AS and ahead))
        person = person_key(name[:-2] if name.endswith(("'s", "’s")) else name)
        regnal = _REGNAL.match(text[m.end():])
        out.append(TitleMention(unit, m.start(), m.end(), person + (" " + regnal.group(1) if regnal else ""),
                                *found, changed))
    for m in _AFTER.finditer(text):
        group = 2 if m.group(2) else 3
        found = _tier(m.group(group))
        name = m.group(1)
        if found is None or name.casefold() in STOPWORDS or name.lower() in _TIER_OF or _time_word(name) \
                or not _CLOSED.match(text[m.end(group):]):
            continue  # "On Monday, the King said": no apposition
        out.append(TitleMention(unit, m.start(), m.end(group), person_key(name), *found, False))
    return sorted(out, key=lambda t: t.start)


def find_title_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                         ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles that give one person
    titles of two tiers of one family, in a story where that person's title did not change
    (see module docstring); a fact's value is the tier."""
    names = article_labels(units, labels)
    # (person, family) -> article -> its mentions
    seen: dict[tuple[str, str], dict[int, list[TitleMention]]] = defaultdict(lambda: defaultdict(list))
    for arts in units:
        for u in arts:
            for t in title_mentions(u):
                seen[(t.person, t.family)][u.article].append(t)
    changed: set[tuple[str, str]] = set()  # (given name, family) whose title changed in this story
    tiers: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    for (person, family), by_article in seen.items():
        given = person.split()[0]
        for article, ts in by_article.items():
            tiers[(given, family, article)].update(t.tier for t in ts)
            if any(t.changed for t in ts):
                changed.add((given, family))
    changed.update((given, family) for (given, family, _), ts in tiers.items() if len(ts) > 1)
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for (person, family), by_article in sorted(seen.items()):
        if (person.split()[0], family) in changed:
            continue  # the title changed in this story ("Prinz Charles, nun König Charles III.", "the new King")
        order = sorted(by_article)
        for i, x in enumerate(order):
            for y in order[i + 1:]:
                tx, ty = by_article[x][0], by_article[y][0]
                if tx.tier == ty.tier:
                    continue
                key = f"title:{family}:{person}"
                why = f"one person, two ranks: {tx.unit.sentence.text[tx.start:tx.end]!r} ({tx.tier}) vs " \
                      f"{ty.unit.sentence.text[ty.start:ty.end]!r} ({ty.tier})"
                out.append(("conflict", span_fact(tx.unit, tx.start, tx.end, names, tx.tier, key, kind="name"),
                            span_fact(ty.unit, ty.start, ty.end, names, ty.tier, key, kind="name"), why, SALIENCE))
    return out
