# ruff: noqa: SIM905  (word tables read best as one string)
"""Statement conflicts by negation and by tense: a negated event noun against the event affirmed,
and an event still to come against a state already changed.

Two methods over the sentences of *different* articles in one language; both sentences must
assert (no question, no conditional, no hedge of :data:`~storydiff.compare.modality.HEDGES`).

*Negated noun*: a negative determiner (:data:`NEG_DETERMINERS`: ``kein``, ``no``, ``aucun``,
``ningún``, ``никакого`` ...) scopes a short noun phrase (``keinem kompletten Ausschluss``,
``keine russischen Truppen``); another article's sentence without any negation holds a word
*linked* to the head noun: the same word stem (folded, at least five letters and all but three
of the shorter word in common, so not just a first compound part; German participles read
without their ``ge``: ``ausgeschlossen`` ~ ``Ausschluss``), or one concept of
:data:`~storydiff.compare.events` or :data:`UNITS` (``Truppen`` ~ ``Soldaten``). The two must
be about one event: besides the link they share at least :data:`MIN_SHARED` content stems of the
negated clause (names, places, the noun's modifiers; modals and light verbs aside), and a place
the negated clause names after a locative preposition (``in der Stadt``) stands after one in the
other sentence too. Not negated nouns: nouns that only frame a report (:data:`FRAME_NOUNS`:
``Angaben``, ``Hinweise``, ``comment`` ...), idioms after a preposition (``in keiner Region``,
``auf keinen Fall``) and cessations (``keine Züge mehr``, ``no longer``).

*Future vs no longer*: one article says a change is still to come (a future auxiliary with an
infinitive, not a passive participle: ``wird ... besteigen``, ``will become``, ``va devenir``,
``va a ser``), another that it already happened (:data:`NO_LONGER`: ``nicht mehr``, ``no longer``,
``ya no`` ...) about a linked word (``Thron`` ~ ``Thronfolger``), and a capitalised word of the
future clause (a name; in German a noun too) stands in the other sentence or the one before it
(``Der 73-Jährige`` after a sentence naming him). Neither article may say both.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Die Firma Brodtke wird am Montag aus dem Index Dax ausgeschlossen.", language="de"),
...         Article(text="Es gibt keinen Ausschluss der Firma Brodtke aus dem Dax.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_negation_conflicts(prepare(arts))]
[('ausgeschlossen', 'keinen Ausschluss')]
>>> arts = [Article(text="Bald wird die Vizechefin Lea Horn die Leitung der Bank übernehmen.", language="de"),
...         Article(text="Lea Horn ist nicht mehr Vizechefin, sie leitet die Bank.", language="de")]
>>> [(a.value.text, b.value.text) for _, a, b, _, _ in find_negation_conflicts(prepare(arts))]
[('wird die Vizechefin Lea Horn die Leitung der Bank übernehmen', 'nicht mehr Vizechefin')]
"""

from __future__ import annotations

from collections.abc import Sequence

import simplemma

from storydiff.compare.align import Unit, article_labels, span_fact, stems_of
from storydiff.compare.events import event_concept
from storydiff.compare.lexicon import STOPWORDS
from storydiff.compare.modality import HEDGES
from storydiff.compare.polarity import NEGATIONS, is_name_word, same_spelling
from storydiff.compare.substitute import sentence_tokens, split_clauses
from storydiff.model import Fact
from storydiff.text.lemmas import fold

__all__ = ["FRAME_NOUNS", "MIN_SHARED", "NEG_DETERMINERS", "NO_LONGER", "SALIENCE", "UNITS",
           "find_negation_conflicts", "linked"]

#: negative determiners that scope the noun phrase they open, per language (Spanish ``no``
#: negates a verb, English ``no`` a noun phrase)
_NEG_DET = {"de": "kein keine keinen keinem keiner keines", "en": "no", "fr": "aucun aucune nul nulle",
            "es": "ningún ninguna ninguno", "ru": "никакого никакой никаких никакие никакая никакому"}
NEG_DETERMINERS = frozenset(" ".join(_NEG_DET.values()).split())
#: nouns that frame a report rather than name an event ("keine Angaben" says nothing happened or not)
FRAME_NOUNS = frozenset(
    "angabe angaben information informationen hinweis hinweise details einzelheiten kommentar stellungnahme "
    "bestätigung zweifel rede frage fragen grund gründe ahnung ende zeit chance "
    "comment comments information details detail word doubt question reason idea time chance confirmation "
    "commentaire précision précisions information informations doute question raison "
    "comentario información detalles duda pregunta razón".split())
#: armed units: one concept, so "keine Truppen" meets "Soldaten" (word prefixes)
UNITS = ("truppe", "soldat", "streitkräft", "kämpfer", "troops", "soldier", "troupe", "soldats", "tropa",
         "soldado", "войск", "солдат", "военнослуж")
#: "no longer": the state named after it has already changed
NO_LONGER = (("nicht", "mehr"), ("no", "longer"), ("not", "anymore"), ("ya", "no"), ("больше", "не"),
             ("уже", "не"), ("n'est", "plus"), ("ne", "plus"), ("n", "plus"))
#: auxiliaries of the future, followed (en, fr, es) or closed (de) by an infinitive
_FUTURE = {"de": frozenset({"wird", "werden"}), "en": frozenset({"will", "shall"}),
           "fr": frozenset({"va", "vont"}), "es": frozenset({"va", "van"})}
_INFINITIVE = {"de": ("en", "ern", "eln"), "en": ("",), "fr": ("er", "ir", "re"), "es": ("ar", "er", "ir")}
#: words that make a sentence conditional, a question or an open wish
_CONDITIONAL = frozenset("wenn falls sofern ob if unless whether si если ли".split())
_CLAUSE_WORDS = frozenset("und oder aber sondern doch während weil and but while because et mais y pero sino".split())
_PARTICLES = ("zurück", "heraus", "hinaus", "durch", "fest", "frei", "nach", "weg", "auf", "aus", "ein", "mit",
              "vor", "zu", "an", "ab", "um")
#: prepositions: a negative determiner after one (other than ``zu``/``to``) is an idiom
#: (``in keiner Region``, ``auf keinen Fall``, ``in no way``, ``en ningún caso``)
_PREPOSITIONS = frozenset(
    "in im an am auf bei mit nach von vom aus unter über vor für gegen ohne durch on at with by for under from "
    "without à dans en sur avec par pour sans con por para sin de в на с по без".split())
#: locative prepositions: a place the negated clause names must stand in the other sentence too
_LOCATIVE = frozenset("in im auf an am bei at on inside à dans en sur в во на".split())
#: words after a negative determiner that make no noun phrase ("no longer", "kein ... mehr")
_NOT_NOUNS = frozenset("mehr weniger longer more less matter one plus moins más menos".split())
#: light verbs and modals: shared, they say nothing about the event
_LIGHT = frozenset(
    "soll sollen sollte sollten will wollen wollte kann können konnte muss müssen kommen kommt kam kamen "
    "gibt geben gab gaben gegeben sagte sagt sagten hieß heißt lassen ließ".split())
#: content stems the two sentences share besides the linked words
MIN_SHARED = 2
#: letters two linked words have in common at their start
MIN_PREFIX = 5
#: salience of a negation or tense conflict (before the boost for the number of sources)
SALIENCE = 0.4
_Tok = tuple[int, int, str, str]


def _root(word: str) -> str:
    """``word`` folded, a German participle's ``ge`` removed (``ausgeschlossen`` -> ``ausschlossen``)."""
    w = fold(word)
    for p in _PARTICLES:
        if w.startswith(p + "ge") and len(w) > len(p) + 6:
            return p + w[len(p) + 2:]
    return w[2:] if w.startswith("ge") and len(w) > 7 else w


def _concept(word: str) -> str | None:
    low = word.casefold()
    if low.startswith(UNITS):
        return "units"
    c = event_concept(low)
    return None if c in (None, "daytime", "clock") else c


def linked(x: str, y: str) -> bool:
    """Two words of one event: a common start of :data:`MIN_PREFIX` letters (participles read
    without ``ge``), or one news concept.

    >>> linked("Ausschluss", "ausgeschlossen"), linked("Truppen", "Soldaten"), linked("Russland", "russischen")
    (True, True, False)
    """
    rx, ry = _root(x), _root(y)
    n = 0
    while n < min(len(rx), len(ry)) and rx[n] == ry[n]:
        n += 1
    if n >= MIN_PREFIX and n >= min(len(rx), len(ry)) - 3:
        return True  # not "Regionalverkehr" / "Regionalzüge": only a first compound part in common
    cx = _concept(x)
    return cx is not None and cx == _concept(y)


def _asserts(unit: Unit) -> bool:
    """Whether ``unit`` states something: no question, conditional or hedge."""
    text = unit.sentence.text.rstrip()
    low = {t[2].casefold() for t in sentence_tokens(unit)}
    return not text.endswith("?") and not (low & (_CONDITIONAL | HEDGES))


def _content(word: str) -> bool:
    low = word.casefold()
    return len(low) >= 4 and low.isalpha() and low not in STOPWORDS and low not in NEGATIONS


def _negated_nouns(unit: Unit) -> list[tuple[_Tok, _Tok, list[_Tok]]]:
    """``(determiner, head noun, clause)`` of each noun phrase a negative determiner opens; the
    clause must hold no other negation."""
    out = []
    toks = sentence_tokens(unit)
    for clause in split_clauses(toks, unit.sentence.text, _CLAUSE_WORDS):
        low = [t[2].casefold() for t in clause]
        negs = [i for i, w in enumerate(low) if w in NEGATIONS or w in NEG_DETERMINERS]
        if len(negs) != 1 or low[negs[0]] not in _NEG_DET.get(unit.lang, "").split():
            continue
        i = negs[0]
        if (i and low[i - 1] in _PREPOSITIONS) or (i + 1 < len(low) and low[i + 1] in _NOT_NOUNS) or (
                unit.lang == "de" and "mehr" in low[i + 1:]):
            continue  # an idiom ("in keiner Region") or a cessation ("keine Züge mehr")
        run = []
        for t, w in zip(clause[i + 1:i + 5], low[i + 1:i + 5], strict=False):
            if w in STOPWORDS or not w.isalpha():
                break
            run.append(t)
        if not run:
            continue
        if unit.lang == "de":
            heads = [t for t in run if t[2][0].isupper()]
            head = heads[0] if heads else None
        elif unit.lang in ("fr", "es"):
            head = run[0]
        else:
            head = run[-1]
        if head is None or fold(head[2]) in FRAME_NOUNS or not _content(head[2]):
            continue
        out.append((clause[i], head, clause))
    return out


def _shared(clause: Sequence[_Tok], unit: Unit, other: Unit, skip: set[str]) -> set[str]:
    """Content stems of ``clause`` (of ``unit``) that ``other`` holds too, the linked words aside."""
    text = " ".join(t[2] for t in clause if t[2].casefold() not in _LIGHT)
    return set(stems_of(text, unit.lang) & other.stems) - skip - {w for w in other.stems if w.isdigit()}


def _places(clause: Sequence[_Tok], lang: str) -> set[str]:
    """Stems of the nouns that a locative preposition of ``clause`` introduces (``in der Stadt``)."""
    low = [t[2].casefold() for t in clause]
    out: set[str] = set()
    for i, w in enumerate(low):
        if w not in _LOCATIVE:
            continue
        for t in clause[i + 1:i + 3]:
            if t[2].casefold() not in STOPWORDS:
                out |= stems_of(t[2], lang)
                break
    return out


def _negated_vs_affirmed(units: Sequence[Sequence[Unit]], labels: Sequence[str]
                         ) -> list[tuple[str, Fact, Fact, str, float]]:
    negated = [(u, n) for arts in units for u in arts if _asserts(u) for n in _negated_nouns(u)]
    out: list[tuple[str, Fact, Fact, str, float]] = []
    seen: set[tuple[int, int, str]] = set()
    for un, (det, head, clause) in negated:
        for arts in units:
            for up in arts:
                if up.article == un.article or up.lang != un.lang or not _asserts(up):
                    continue
                ptoks = sentence_tokens(up)
                if any(t[2].casefold() in NEGATIONS or t[2].casefold() in NEG_DETERMINERS for t in ptoks):
                    continue
                links = [t for t in ptoks if _content(t[2]) and linked(head[2], t[2])]
                if not links or (up.article, un.article, fold(head[2])) in seen:
                    continue
                skip = set(stems_of(" ".join(t[2] for t in (head, *links)), un.lang))
                if len(_shared(clause, un, up, skip)) < MIN_SHARED:
                    continue
                if not _places(clause, un.lang) <= _places(ptoks, up.lang):
                    continue  # "keine Truppen in der Stadt" vs troops "am Stadtrand"
                seen.add((up.article, un.article, fold(head[2])))
                link = links[0]
                fp = span_fact(up, link[0], link[1], labels, f"affirmed:{fold(link[2])}", "statement:modality")
                fn = span_fact(un, det[0], head[1], labels, f"negated:{fold(head[2])}", "statement:modality")
                why = f"affirmed ({fp.value.text!r}) vs negated ({fn.value.text!r})"
                fa, fb = (fp, fn) if up.article < un.article else (fn, fp)
                out.append(("conflict", fa, fb, why, SALIENCE))
    return out


def _no_longer(toks: Sequence[_Tok]) -> int | None:
    """Index of the token after a "no longer" marker in ``toks``, if any."""
    low = [t[2].casefold() for t in toks]
    for i in range(len(low) - 1):
        for a, b in NO_LONGER:
            if low[i] == a and b in low[i + 1:i + (3 if a in ("ne", "n", "not") else 2)]:
                return low.index(b, i + 1) + 1
    return None


def _future(unit: Unit) -> tuple[_Tok, _Tok, list[_Tok]] | None:
    """``(auxiliary, infinitive, clause)`` of a future clause in ``unit``."""
    aux_words, endings = _FUTURE.get(unit.lang), _INFINITIVE.get(unit.lang)
    if aux_words is None or endings is None:
        return None
    for clause in split_clauses(sentence_tokens(unit), unit.sentence.text, _CLAUSE_WORDS):
        low = [t[2].casefold() for t in clause]
        if set(low) & (NEGATIONS | NEG_DETERMINERS):
            continue
        for i, w in enumerate(low):
            if w not in aux_words:
                continue
            if unit.lang == "de":  # "wird ... besteigen": the infinitive closes the clause
                j = len(low) - 1
                ok = (j > i + 1 and clause[j][2].islower() and low[j].endswith(endings)
                      and _root(low[j]) == fold(low[j])  # not a participle ("wird ausgeschlossen": a passive)
                      and simplemma.lemmatize(low[j], lang="de") == low[j])
            else:
                j = i + (2 if unit.lang == "es" and i + 1 < len(low) and low[i + 1] == "a" else 1)
                ok = j < len(low) and low[j].isalpha() and low[j].endswith(endings) and low[j] not in STOPWORDS
            if ok:
                return clause[i], clause[j], clause
    return None


def _names(toks: Sequence[_Tok], lang: str) -> list[str]:
    """Capitalised words of ``toks`` past the sentence start: names, and in German nouns too."""
    return [t[2] for t in toks if t[0] and t[2][0].isupper() and (lang == "de" or is_name_word(t[2], lang))]


def _future_vs_no_longer(units: Sequence[Sequence[Unit]], labels: Sequence[str]
                         ) -> list[tuple[str, Fact, Fact, str, float]]:
    futures = [(u, f) for arts in units for u in arts if _asserts(u) and (f := _future(u)) is not None]
    changed = []
    for arts in units:
        for k, u in enumerate(arts):
            toks = sentence_tokens(u)
            at = _no_longer(toks)
            if at is not None and _asserts(u):
                before = sentence_tokens(arts[k - 1]) if k else []
                changed.append((u, toks, at, before))
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for uf, (aux, inf, clause) in futures:
        words = [t for t in clause if _content(t[2]) and t is not aux and t is not inf]
        names = _names(clause, uf.lang)
        for ud, toks, at, before in changed:
            if ud.article == uf.article or ud.lang != uf.lang:
                continue
            after = [t for t in toks[at:at + 6] if _content(t[2])]
            pairs = [(x, y) for x in words for y in after if linked(x[2], y[2])]
            near = [t[2] for t in (*toks, *before)]
            others = [n for n in names if not linked(n, pairs[0][0][2])] if pairs else []
            if not others or not any(same_spelling(n, m) for n in others for m in near):
                continue  # the change must be said of one referent named in or just before it
            if _both(units, uf.article, pairs[0][0][2]) or _both(units, ud.article, pairs[0][1][2], future=True):
                continue
            m = toks[at - 1]
            start = next(t for t in toks[:at] if t[0] < m[0] and t[2].casefold() in {a for a, _ in NO_LONGER})
            ff = span_fact(uf, aux[0], inf[1], labels, f"future:{fold(pairs[0][0][2])}", "statement:modality")
            fd = span_fact(ud, start[0], pairs[0][1][1], labels, f"no longer:{fold(pairs[0][1][2])}",
                           "statement:modality")
            why = f"still to come ({ff.value.text!r}) vs already changed ({fd.value.text!r})"
            fa, fb = (ff, fd) if uf.article < ud.article else (fd, ff)
            out.append(("conflict", fa, fb, why, SALIENCE))
    return out


def _both(units: Sequence[Sequence[Unit]], article: int, word: str, future: bool = False) -> bool:
    """Whether ``article`` itself also says the other side about ``word`` (a sequence of events)."""
    for u in units[article]:
        if future:
            f = _future(u)
            if f is not None and any(linked(word, t[2]) for t in f[2]):
                return True
        else:
            toks = sentence_tokens(u)
            at = _no_longer(toks)
            if at is not None and any(linked(word, t[2]) for t in toks[at:at + 6]):
                return True
    return False


def find_negation_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                            ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` for a negated event noun against the event
    affirmed, and for an event still to come against a state already changed (see module docstring)."""
    names = article_labels(units, labels)
    return _negated_vs_affirmed(units, names) + _future_vs_no_longer(units, names)
