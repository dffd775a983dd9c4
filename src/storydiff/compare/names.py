"""Name conflicts: one person or place spelled two ways across a story's reports.

Method, over the name facts of all articles (:mod:`~storydiff.compare.facts`), each
spelling once (its first mention):

* **multiword names** (``Ritsu Doan`` / ``Ritso Doan``): the two names agree on every word
  but one, that one starts with the same letter, is longer than three letters and is
  spelled alike (rapidfuzz ratio at least :data:`NEAR`). Names of unlike length are aligned
  by their first and last words, the shorter leaving out middle names
  (``Anura Kumara Dissanayaka`` / ``Anura Dissanayak``);
* **single words** (``Aschheim`` / ``Aschleim``, also the leading part of a hyphenated word):
  both at least :data:`MIN_SINGLE` letters long and one typing error apart (one letter
  replaced, added, dropped, or two neighbours swapped), inside the word: a difference in
  its last two letters is mostly an inflection (``Sinziger``, ``Тамань``/``Тамани``), and
  common transliteration letters (``Luhansk``/``Lugansk``, ``Charkiw``/``Charkow``) are no error.

* **nationality** (``der russische Präsident X`` / ``der ukrainische Präsident X``): the
  nationality adjective standing right before a multiword name, with at most two capitalised
  title words between (:data:`NATIONALITIES`), differs between two reports.

Spellings that :func:`~storydiff.compare.polarity.same_spelling` calls one (accents,
transliterations, case endings) never conflict, nor two spellings of one article.

>>> from storydiff.model import Fact, FactValue
>>> def name(art, text):
...     return Fact("name", "name:" + text.lower(), FactValue(art, text, 0, len(text), text),
...                 {"sentence": [0, len(text)], "words": len(text.split())})
>>> found = name_conflicts([(0, [name("a", "Aschheim")]), (1, [name("b", "Aschleim")])])
>>> [(a.value.text, b.value.text) for a, b, _, _ in found]
[('Aschheim', 'Aschleim')]
>>> name_conflicts([(0, [name("a", "Charkiw")]), (1, [name("b", "Charkow")])])
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from storydiff.compare.matching import fold
from storydiff.compare.polarity import same_spelling
from storydiff.model import Fact, FactValue

__all__ = ["MIN_SINGLE", "NATIONALITIES", "NATION_PATTERN", "NEAR", "country_of", "name_conflicts",
           "nationality_conflicts"]

#: two spellings of one name word at least this alike (rapidfuzz ratio)
NEAR = 80
#: a single-word name conflicts only when both spellings have at least this many letters
MIN_SINGLE = 6
#: letters that transliterations swap (``h``/``g``: Luhansk/Lugansk; ``i``/``o``: Charkiw/Charkow)
_TRANSLIT = frozenset(frozenset(p) for p in ("hg", "io", "ie", "iy", "ij", "yj", "wv", "kc", "sz", "tc", "ae", "ou"))

Found = tuple[Fact, Fact, str, float]

#: nationality adjectives (de, en, fr, es; word beginnings, ``_`` for a space) by country
NATIONALITIES = {
    "ru": "russisch russian russe rusa ruso",
    "ua": "ukrainisch ukrainian ukrainien ucranian",
    "by": "belarussisch weißrussisch belarusian belarusi biélorusse bielorrus",
    "de": "deutsch german allemand alemán alemana",
    "fr": "französisch french français francés francesa",
    "gb": "britisch british britannique británic",
    "us": "amerikanisch us-amerikanisch american américain estadounidense norteamerican",
    "cn": "chinesisch chinese chinois chino china",
    "pl": "polnisch polish polonais polaco polaca",
    "it": "italienisch italian italien italiano italiana",
    "es": "spanisch spanish espagnol español española",
    "tr": "türkisch turkish turc turco turca",
    "lk": "sri-lankisch srilankisch sri_lankan sri-lankan sri-lankais srilankés",
    "fi": "finnisch finnish finlandais finlandés", "no": "norwegisch norwegian norvégien noruego noruega",
    "se": "schwedisch swedish suédois sueco sueca", "dk": "dänisch danish danois danés",
    "nl": "niederländisch dutch néerlandais neerlandés", "be": "belgisch belgian belge belga",
    "at": "österreichisch austrian autrichien austriac", "ch": "schweizer swiss suisse suiz",
    "cz": "tschechisch czech tchèque checo checa", "sk": "slowakisch slovak slovaque eslovac",
    "hu": "ungarisch hungarian hongrois húngar", "ro": "rumänisch romanian roumain rumano rumana",
    "gr": "griechisch greek grec grecque griego griega", "rs": "serbisch serbian serbe serbio",
    "pt": "portugiesisch portuguese portugais portugués portuguesa",
    "ie": "irisch irish irlandais irlandés irlandesa", "il": "israelisch israeli israélien israelí",
    "ps": "palästinensisch palestinian palestinien palestino", "ir": "iranisch iranian iranien iraní",
    "iq": "irakisch iraqi irakien iraquí", "sy": "syrisch syrian syrien sirio", "sa": "saudi saoudien",
    "eg": "ägyptisch egyptian égyptien egipci", "qa": "katarisch qatari qatarien catarí",
    "in": "indisch indian indien", "pk": "pakistanisch pakistani pakistanais paquistaní",
    "jp": "japanisch japanese japonais japonés japonesa", "kr": "südkoreanisch sud-coréen surcorean",
    "kp": "nordkoreanisch nord-coréen norcorean", "ca": "kanadisch canadian canadien canadiense",
    "mx": "mexikanisch mexican mexicain mexicano mexicana", "br": "brasilianisch brazilian brésilien brasileñ",
    "ar": "argentinisch argentinian argentin", "cl": "chilenisch chilean chilien chileno chilena",
    "co": "kolumbianisch colombian colombien colombiano colombiana",
    "ve": "venezolanisch venezuelan vénézuélien venezolano venezolana",
    "az": "aserbaidschanisch azerbaijani azerbaïdjanais azerbaiyan", "am": "armenisch armenian arménien armenio",
    "ge": "georgisch georgian géorgien georgiano", "kz": "kasachisch kazakh kazakhstanais kazaj",
}
#: an alternation of every nationality beginning, longest first (``_`` reads any space or hyphen)
NATION_PATTERN = "|".join(sorted((re.escape(w).replace("_", r"[\s-]+") for ws in NATIONALITIES.values()
                                  for w in ws.split()), key=len, reverse=True))
_NATION = re.compile(r"\b(" + NATION_PATTERN + r")\w*\s+(?:[A-ZÄÖÜÉ][\w-]*\s+){0,2}$", re.IGNORECASE)


def _spaced(word: str) -> str:
    return " ".join(word.lower().replace("_", " ").replace("-", " ").split())


_COUNTRY = {_spaced(w): c for c, ws in NATIONALITIES.items() for w in ws.split()}


def country_of(adjective: str) -> str:
    """The country code of a nationality beginning matched by :data:`NATION_PATTERN`.

    >>> country_of("Sri Lankan"), country_of("sri-lankan"), country_of("russisch")
    ('lk', 'lk', 'ru')
    """
    return _COUNTRY[_spaced(adjective)]


def _near(p: str, q: str) -> bool:
    """One word spelled two ways, not a transliteration or an inflection."""
    if same_spelling(p, q):
        return False
    return p[0].lower() == q[0].lower() and len(p) > 3 and fuzz.ratio(fold(p), fold(q)) >= NEAR


def _aligned(tx: Sequence[str], ty: Sequence[str]) -> tuple[str, str] | None:
    """The one word pair in which two multiword names differ, else ``None``."""
    if len(tx) == len(ty):
        diff = [(p, q) for p, q in zip(tx, ty, strict=True) if p != q]
        return diff[0] if len(diff) == 1 else None
    short, long_ = (tx, ty) if len(tx) < len(ty) else (ty, tx)
    if len(short) != 2 or short[0] != long_[0] or short[-1] == long_[-1]:
        return None  # only "first last" against "first middle last"
    return (short[-1], long_[-1]) if short is tx else (long_[-1], short[-1])


def _typo(p: str, q: str) -> bool:
    """Whether two single words are one typing error apart, inside the word (see module docstring)."""
    fp, fq = fold(p), fold(q)
    if min(len(fp), len(fq)) < MIN_SINGLE or fp[0] != fq[0] or same_spelling(p, q):
        return False
    if not (fp.isascii() and fq.isascii()) or not (fp.isalpha() and fq.isalpha()):
        return False  # other scripts inflect names: leave them to the multiword rule
    ops = [(str(t), int(i), int(j)) for t, i, j in Levenshtein.editops(fp, fq).as_list()]
    swapped = len(ops) == 2 and ops[0][0] == ops[1][0] == "replace" and ops[1][1] == ops[0][1] + 1 \
        and fp[ops[0][1]] == fq[ops[1][2]] and fp[ops[1][1]] == fq[ops[0][2]]
    if len(ops) != 1 and not swapped:
        return False
    if max(o[1] for o in ops) >= len(fp) - 2 or max(o[2] for o in ops) >= len(fq) - 2:
        return False  # a changed ending is an inflection or a cut
    tag, at_p, at_q = ops[0]
    return swapped or tag != "replace" or frozenset((fp[at_p], fq[at_q])) not in _TRANSLIT


def _single(fact: Fact) -> str | None:
    """The one name word of a one-word name fact (``Aschleim-headquarted`` -> ``Aschleim``)."""
    text = str(fact.value.value)
    if " " in text:
        return None
    head = text.split("-")[0]
    return head if head[:1].isupper() else None


def name_conflicts(items: Iterable[tuple[int, Iterable[Fact]]]) -> list[Found]:
    """``(fact_a, fact_b, why, salience)`` for every name spelled two ways in different articles;
    ``items`` holds ``(article index, facts)`` of each article (see module docstring)."""
    names: dict[str, tuple[int, Fact]] = {}
    for article, facts in items:
        for f in facts:
            if f.kind == "name":
                names.setdefault(str(f.value.value), (article, f))
    out: list[Found] = []
    keys = sorted(names)
    for i, x in enumerate(keys):
        for y in keys[i + 1:]:
            (ax, fx), (ay, fy) = names[x], names[y]
            if ax == ay:
                continue
            if fx.attributes.get("words", 1) >= 2 and fy.attributes.get("words", 1) >= 2:
                diff = _aligned(x.split(), y.split())
                if diff is not None and _near(*diff):
                    out.append((fx, fy, f"one person spelled two ways: {x!r} vs {y!r}", 0.6))
                continue
            sx, sy = _single(fx), _single(fy)
            if sx and sy and _typo(sx, sy):
                out.append((fx, fy, f"one name spelled two ways: {sx!r} vs {sy!r}", 0.5))
    return out


def _nationality(fact: Fact, text: str) -> tuple[str, FactValue] | None:
    """The country of the nationality adjective right before a multiword name, with its span."""
    s0 = fact.attributes["sentence"][0]
    start = fact.value.start
    m = _NATION.search(text[max(s0, start - 60):start])
    if m is None:
        return None
    at = max(s0, start - 60) + m.start()
    word = re.match(r"[\w-]+", text[at:])
    if word is None:
        return None
    country = country_of(m.group(1))
    return country, FactValue(fact.value.article, word.group(), at, at + len(word.group()), country)


def nationality_conflicts(items: Iterable[tuple[int, Iterable[Fact], str]]) -> list[Found]:
    """Two reports giving one named person two nationalities (see module docstring);
    ``items`` holds ``(article index, facts, text)`` of each article."""
    seen: dict[str, list[tuple[int, str, Fact]]] = {}
    out: list[Found] = []
    for article, facts, text in items:
        for f in facts:
            if f.kind != "name" or f.attributes.get("words", 1) < 2:
                continue
            found = _nationality(f, text)
            if found is None:
                continue
            country, span = found
            fact = Fact("name", f"{f.key}+nationality", span, f.attributes)
            for other_article, other_country, other in seen.get(f.key, []):
                if other_article != article and other_country != country:
                    out.append((other, fact, f"one person, two nationalities: {other.value.text!r} vs "
                                              f"{span.text!r} {f.value.text}", 0.6))
                    break
            seen.setdefault(f.key, []).append((article, country, fact))
    return out
