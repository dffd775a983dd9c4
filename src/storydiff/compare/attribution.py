"""Attribution conflicts: one claim, two reports, two different sources for it.

Method: every sentence is scanned for an explicit *attribution* of what it says to a source,
which may be a common noun phrase (``die Botschaft``, ``mehrere britische Medien``,
``a senior U.S. intelligence official``) as well as a name:

* a marker before the source (:data:`BEFORE`): ``laut X``, ``nach Angaben X``, ``according to X``,
  ``selon X``, ``según X``;
* a marker after it (:data:`AFTER`): ``X zufolge``, ``X was quoted``;
* an anaphoric confirmation (:data:`ANAPHORIC`) whose claim is the *previous* sentence:
  ``Das bestätigte X``, ``Das berichteten X``, ``This was confirmed by X``.

The source is the noun phrase next to the marker, cut at clause punctuation, a time word or
a preposition or a figure (in German also at a lower-case word after its first noun, other than a
genitive article or ``und``/``wie``/``sowie``: ``laut Ministerium dem Sender`` names the ministry;
``nach eigenen Angaben`` names no source). It is
described by the stems of its content words and by its *kinds* (:data:`SOURCE_KINDS`: police,
embassy, official, media, ...; the last part of a German compound counts, ``Schatzkanzler``
is a minister), which are the same across languages. A phrase that names only the information
(``den Angaben zufolge``) names no source; one that is itself a report (``Medienberichten
zufolge``, ``according to media reports``) is hearsay and never conflicts with a named source.

Two attributions of two articles of a story conflict when they attribute the **same claim**
(a quote of at least :data:`MIN_QUOTE` characters, one found in the other with
:func:`rapidfuzz.fuzz.partial_ratio` >= :data:`QUOTE_ALIKE`, or claim sentences of one
language with :func:`~storydiff.compare.align.similarity` >= :data:`CLAIM_ALIKE`) to
**disjoint sources**: no stem and no kind shared, neither source named in the other report's
sentences of that claim, and neither report giving the other's source for it in another
attribution. Reports routinely cite several sources for several claims; only the same claim
counts. Across languages both sources need a known kind (stems do not meet across languages,
kinds do) and the claim must be one quote: the same quote (as above), or one speaker's quote
translated (:func:`same_claim`: one name in both claims, as many words within :data:`MAX_WORDS`,
the same inner punctuation of two marks or more). A source's fact value is its kinds when known
(``embassy``), so that one disagreement found across several pairs of reports is merged.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Die Firma hat den Chef entlassen. Das bestätigte der Konzern am Montag.", language="de"),
...         Article(text="Die Firma hat ihren Chef entlassen. Das berichteten mehrere Zeitungen.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_attribution_conflicts(prepare(arts))]
[('Das bestätigte der Konzern', 'Das berichteten mehrere Zeitungen')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from storydiff.compare.align import Unit, article_labels, similarity, span_fact, stems_of
from storydiff.compare.facts import QUOTE_PATTERN
from storydiff.compare.lexicon import MONTHS, WEEKDAYS, concept_of
from storydiff.compare.polarity import is_name_word
from storydiff.model import Fact
from storydiff.text.lemmas import fold, name_key
from storydiff.text.normalize import normalize
from storydiff.text.tokens import word_spans

__all__ = ["AFTER", "ANAPHORIC", "BEFORE", "CLAIM_ALIKE", "MIN_QUOTE", "QUOTE_ALIKE", "SALIENCE", "SOURCE_KINDS",
           "Attribution", "attributions", "find_attribution_conflicts"]

def _set(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


#: two claim sentences of one language at least this alike (align.similarity) state one claim
CLAIM_ALIKE = 0.6
#: a quote found in the other (partial ratio) at least this well is the same quote
QUOTE_ALIKE = 90
#: ... when the shorter one has at least this many characters
MIN_QUOTE = 15
#: two translated quotes have as many words within this factor
MAX_WORDS = 1.4
#: salience of an attribution conflict
SALIENCE = 0.4
#: most tokens of a source phrase
_MAX_SOURCE = 14
#: letters two stems must share at their start to be one word (``ukrain`` / ``ukrainien``)
_PREFIX = 6
#: nouns that say "information", not who gave it (``den Angaben zufolge``): no source by themselves
#: a source that is itself a report (``Medienberichten zufolge``, ``according to media reports``) is hearsay:
#: it names no one who could contradict a named source
_HEARSAY = ("bericht", "report", "reportag", "rumeur", "rumor", "gerücht")
_REPORT_NOUNS = _set("angab information informationen bericht berichten report reports news nouvell "
                          "informaci inform")

#: markers followed by their source, per language
BEFORE: dict[str, re.Pattern[str]] = {
    "de": re.compile(r"\b(?:laut|nach Angaben(?: von)?(?=\s(?:von|des|der|eines|einer)\s))\s", re.I),
    "en": re.compile(r"\baccording to\s", re.I),
    "fr": re.compile(r"\b(?:selon|d'après|d’après)\s", re.I),
    "es": re.compile(r"\b(?:según|de acuerdo con)\s", re.I),
}
#: markers preceded by their source, per language
AFTER: dict[str, re.Pattern[str]] = {
    "de": re.compile(r"\s(?:zufolge)\b"),
    "en": re.compile(r"\s(?:was|were) quoted\b"),
}
#: a sentence that attributes the previous one: the source follows the match
ANAPHORIC: dict[str, re.Pattern[str]] = {
    "de": re.compile(r"^\W*(?:Das|Dies|Dieses)\s+(?:bestätigten?|berichteten?|meldeten?|sagten?|erklärten?|"
                     r"teilten?|schrieben?|verkündeten?|twitterten?)\s"),
    "en": re.compile(r"^\W*(?:This|That|It) (?:was|has been) (?:confirmed|reported|announced|said) by\s"),
}
#: words that end a source phrase (prepositions, relative pronouns, verbs of saying), per language
_STOPS: dict[str, frozenset[str]] = {
    "de": _set("am im in per auf via bei gegenüber mit vom um seit über den dem aus an nach vor zufolge"),
    "en": _set("on in at via with who which that to as said says told is was were has have had "
                    "from for by over during"),
    "fr": _set("à au aux en dans sur qui que a est avec pour par"),
    "es": _set("en a al que quien con para por ha es"),
}
#: words inside a German noun phrase after its first noun
_DE_GLUE = _set("des der und wie sowie von zu")
_DETERMINERS = _set("der die das den dem des ein eine einer eines einem einen mehrere einige the a an "
                         "le la les l un une des el los las unos unas")
_NEVER = re.compile(r"(?!)")
_ELISION = re.compile(r"\b[ldLD]['’](?=\w)")
_CUT = re.compile(r"[,;:!?()„“”\"«»—–]")

#: kinds of sources, multilingual word prefixes (at least four letters, or whole words)
SOURCE_KINDS: dict[str, str] = {w: kind for kind, spec in {
    "police": "polizei police policía policia полиц",
    "embassy": "botschaft embassy ambassade embajada посольств",
    "official": "beamte beamter beamten vertreter offizielle official responsable funcionari чиновник "
                "behörde behörd authorit autorit autoridad власт",
    "intelligence": "geheimdienst nachrichtendienst intelligence renseignement inteligencia разведк",
    "military": "armee militär streitkräfte army military armée militaire ejército militar военн",
    "ministry": "ministerium ministry ministère ministerio министерств",
    "minister": "minister kanzler chancellor ministre ministro министр",
    "government": "regierung government gouvernement gobierno правительств",
    "media": "medien medienbericht zeitung sender presse media médias medios prensa newspaper "
             "broadcaster journal periódico diario сми газет",
    "agency": "agentur agency agence agencia агентств",
    "spokesperson": "sprecher sprecherin spokesman spokeswoman spokesperson porte-parole portavoz пресс-секрет",
    "witness": "augenzeug zeuge zeugen witness témoin testigo очевид",
    "rescue": "feuerwehr rettungsdienst firefighters pompiers bomberos спасател",
    "office": "präsidialamt büro office bureau oficina офис",
    "social": "twitter tweet facebook telegram instagram",
}.items() for w in spec.split()}


@dataclass(frozen=True, slots=True)
class Attribution:
    """One claim attributed to one source in one sentence."""

    unit: Unit  # the sentence naming the source
    start: int  # span of marker and source, in the sentence
    end: int
    source: str
    keys: frozenset[str]  # stems of the source's content words
    core: frozenset[str]  # stems of its nouns and names (its head, its capitalised and known-kind words)
    kinds: frozenset[str]  # kinds of the source (SOURCE_KINDS)
    claims: tuple[Unit, ...]  # the sentences whose content is attributed
    quotes: tuple[str, ...]  # normalised quotes of the claim


def _kind(word: str, lang: str) -> str | None:
    """The source kind of ``word``; a German compound by its longest known last part."""
    low = word.casefold()
    hit = concept_of(low, SOURCE_KINDS)
    if hit is None and lang == "de":
        for k in range(1, len(low) - 4):
            hit = concept_of(low[k:], SOURCE_KINDS)
            if hit is not None:
                break
    return hit


def kinds_of(text: str, lang: str) -> frozenset[str]:
    """Source kinds named in ``text``.

    >>> sorted(kinds_of("der geschasste Schatzkanzler", "de")), sorted(kinds_of("a senior official", "en"))
    (['minister'], ['official'])
    """
    return frozenset(k for _, _, w in word_spans(text, lower=False) if (k := _kind(w, lang)) is not None)


def _time_word(word: str) -> bool:
    low = word.casefold()
    return low in MONTHS or (len(low) >= 5 and concept_of(low[:10], WEEKDAYS) is not None)


def _phrase(text: str, lo: int, hi: int, lang: str, forward: bool) -> tuple[int, int] | None:
    """Span of the noun phrase starting at ``lo`` (``forward``) or ending at ``hi`` (backward)."""
    toks = list(word_spans(text[lo:hi], lower=False))
    if not forward:
        toks.reverse()
    stops = _STOPS.get(lang, frozenset())
    taken: list[tuple[int, int, str]] = []
    for k, (s, e, w) in enumerate(toks):
        if k:
            gap = text[lo + toks[k - 1][1]:lo + s] if forward else text[lo + e:lo + toks[k - 1][0]]
        else:
            gap = text[lo:lo + s] if forward else text[lo + e:hi]
        low = w.casefold()
        if _CUT.search(gap) or (low in stops and (taken or not forward)) or _time_word(w) or len(taken) >= _MAX_SOURCE:
            break
        if lang == "de" and w[0].islower() and low not in _DETERMINERS | _DE_GLUE and (
                not w.endswith(("e", "en", "er", "es", "em")) or (taken and taken[-1][2][0].isupper())):
            break  # a verb or adverb, or a word after the noun: the phrase has ended
        if lang == "de" and forward and taken and taken[-1][2][0].isupper() and low in _DETERMINERS - _DE_GLUE:
            break  # "laut Ministerium dem Sender": a new noun phrase
        if w[0].isdigit() or (lang == "de" and not forward and taken and w[0].isupper()
                              and taken[-1][2][0].isupper() and not is_name_word(taken[-1][2], lang)):
            break  # a figure, or two nouns in a row ("der Präsident Beobachtern zufolge"): not the source
        taken.append((s, e, w))
    while taken and taken[-1][2].casefold() in _DETERMINERS | _DE_GLUE:
        taken.pop()
    if not taken or not any(w[0].isupper() or _kind(w, lang) or len(w) > 3 for _, _, w in taken):
        return None
    first, last = (taken[0], taken[-1]) if forward else (taken[-1], taken[0])
    return lo + first[0], lo + last[1]


def _core(source: str, lang: str) -> frozenset[str]:
    """Stems of the words of a source phrase that name it: capitalised words, words of a known kind,
    and its head (the last word in English, the first after the determiners in French and Spanish)."""
    toks = [w for _, _, w in word_spans(_ELISION.sub("", source), lower=False) if w.casefold() not in _DETERMINERS]
    head = toks[-1] if lang == "en" else toks[0] if lang in ("fr", "es") else ""
    picked = [w for w in toks if w[0].isupper() or w == head or _kind(w, lang) is not None]
    return stems_of(" ".join(picked), lang)


def _quotes(unit: Unit) -> tuple[str, ...]:
    return tuple(normalize(next(g for g in m.groups() if g)) for m in QUOTE_PATTERN.finditer(unit.sentence.text))


def attributions(units: Sequence[Unit]) -> list[Attribution]:
    """The attributions of one article's sentences (see module docstring).

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> text = "Die Grenze sei offen, sagte er nach Angaben der Polizei am Abend."
    >>> us = prepare([Article(text=text, language="de")])[0]
    >>> [(a.source, sorted(a.kinds)) for a in attributions(us)]
    [('der Polizei', ['police'])]
    """
    out: list[Attribution] = []
    for k, unit in enumerate(units):
        text, lang = unit.sentence.text, unit.lang
        found: list[tuple[int, int, int, int, tuple[Unit, ...]]] = []  # marker start/end, source start/end
        for m in BEFORE.get(lang, _NEVER).finditer(text):
            span = _phrase(text, m.end(), len(text), lang, True)
            if span:
                found.append((m.start(), m.end(), *span, (unit,)))
        for m in AFTER.get(lang, _NEVER).finditer(text):
            span = _phrase(text, 0, m.start(), lang, False)
            if span:
                found.append((m.start(), m.end(), *span, (unit,)))
        back = ANAPHORIC.get(lang, _NEVER).match(text)
        if back and k > 0:
            span = _phrase(text, back.end(), len(text), lang, True)
            if span:
                found.append((back.start(), back.end(), *span, (units[k - 1], unit)))
        for ms, me, ss, se, claims in found:
            source = text[ss:se]
            stems = stems_of(_ELISION.sub("", source), lang)
            keys = stems - _REPORT_NOUNS
            if not keys or any(k.endswith(_HEARSAY) for k in stems):
                continue  # "den Angaben zufolge": the source is elsewhere; "media reports": hearsay, no source
            start, end = min(ms, ss), max(me, se)
            start += len(text[start:end]) - len(text[start:end].lstrip(" "))
            quotes = tuple(q for c in claims for q in _quotes(c))
            out.append(Attribution(unit, start, end, source, keys, _core(source, lang) & keys, kinds_of(source, lang),
                                   claims, quotes))
    return out


def _shape(quote: str) -> str:
    """The inner punctuation of a quote (``;,`` for ``a; b, c``): it survives translation."""
    return "".join(c for c in quote.rstrip(" ,.;:!?") if c in ",;:?!")


def _speakers(att: Attribution) -> set[str]:
    """Keys of the names of the claim's sentences: capitalised words inside a sentence, in German
    (where every noun is capitalised) only those not known as common words."""
    out = set()
    for u in att.claims:
        for s, _, w in word_spans(u.sentence.text, lower=False):
            if s and len(w) >= 5 and w[0].isupper() and (u.lang != "de" or is_name_word(w, u.lang)) \
                    and _kind(w, u.lang) is None:
                out.add(name_key(w))
    return out


def _translated(qa: str, qb: str) -> bool:
    """Two quotes of two languages that read as one translated: as many words (within a factor
    :data:`MAX_WORDS`) and the same inner punctuation, of two marks at least."""
    na, nb = len(qa.split()), len(qb.split())
    return len(_shape(qa)) >= 2 and _shape(qa) == _shape(qb) and max(na, nb) <= MAX_WORDS * min(na, nb)


def same_claim(a: Attribution, b: Attribution) -> bool:
    """Whether two attributions attribute one claim: one quote, or (one language) alike claim sentences;
    across languages, a quote of one speaker translated (:func:`_translated`).

    >>> from storydiff.compare.align import prepare
    >>> from storydiff.model import Article
    >>> de = "„Wir bleiben hier, wir kämpfen; niemals aufgeben“, sagte Jan Kowalski laut Polizei."
    >>> en = "“We stay here, we fight; never give up,” Jan Kowalski said, according to witnesses."
    >>> de, en = prepare([Article(text=de, language="de"), Article(text=en, language="en")])
    >>> same_claim(attributions(de)[0], attributions(en)[0])
    True
    """
    cross = a.unit.lang != b.unit.lang
    for qa in a.quotes:
        for qb in b.quotes:
            if min(len(qa), len(qb)) < MIN_QUOTE:
                continue
            if fuzz.partial_ratio(qa, qb) >= QUOTE_ALIKE or (cross and _translated(qa, qb)
                                                              and _speakers(a) & _speakers(b)):
                return True
    return not cross and any(similarity(x, y) >= CLAIM_ALIKE for x in a.claims for y in b.claims)


def _meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of stems share one, or two stems their first :data:`_PREFIX` letters
    (``ukrain`` / ``ukrainien``: a country and its adjective)."""
    return bool(a & b) or bool({k[:_PREFIX] for k in a if len(k) >= _PREFIX}
                               & {k[:_PREFIX] for k in b if len(k) >= _PREFIX})


def _overlap(a: Attribution, b: Attribution) -> bool:
    """Whether two sources may be one: a shared stem (or stem prefix) or kind."""
    return _meet(a.keys, b.keys) or bool(a.kinds & b.kinds)


def _named_in(a: Attribution, b: Attribution) -> bool:
    """Whether ``b``'s sentences on the claim name ``a``'s source: by stem in one language, by kind
    across languages (a kind of the claim itself, ``Finanzminister``, names no source)."""
    for u in {*b.claims, b.unit}:
        if _meet(a.core, u.stems) if a.unit.lang == u.lang else bool(a.kinds & kinds_of(u.sentence.text, u.lang)):
            return True
    return False


def find_attribution_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                               ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for every two articles that attribute one claim
    to disjoint sources (see module docstring); a fact's value is its source, folded."""
    names = article_labels(units, labels)
    found = [attributions(arts) for arts in units]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for i, atts_a in enumerate(found):
        for j in range(i + 1, len(found)):
            pairs: list[tuple[Attribution, Attribution]] = []
            for x in atts_a:
                for y in found[j]:
                    cross = x.unit.lang != y.unit.lang
                    if _overlap(x, y) or (cross and not (x.kinds and y.kinds)) or not same_claim(x, y):
                        continue
                    if _named_in(x, y) or _named_in(y, x):
                        continue  # the other report names this source for the claim too
                    if any(_overlap(x, z) and same_claim(y, z) for z in found[j]) or any(
                            _overlap(y, z) and same_claim(x, z) for z in atts_a):
                        continue  # one report gives both sources for the claim
                    pairs.append((x, y))
            kept: list[tuple[Attribution, Attribution]] = []
            for x, y in sorted(pairs, key=lambda p: (-len(p[0].source) - len(p[1].source), p[0].start, p[1].start)):
                if not any(_overlap(x, x2) and _overlap(y, y2) for x2, y2 in kept):
                    kept.append((x, y))  # one report citing one source twice for the claim: report the fuller
            for x, y in kept:
                why = f"one claim, different sources: {x.source!r} vs {y.source!r}"
                out.append(("conflict", _fact(x, names), _fact(y, names), why, SALIENCE))
    return out


def _fact(att: Attribution, labels: Sequence[str]) -> Fact:
    value = "+".join(sorted(att.kinds)) if att.kinds else fold(att.source)
    return span_fact(att.unit, att.start, att.end, labels, value, "statement:source")
