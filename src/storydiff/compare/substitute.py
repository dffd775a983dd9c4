"""Conflicts found as small substitutions between two sentences that say nearly the same thing.

Method: for every two sentences of *different* articles that share most of their
content (``overlap = |stems(a) & stems(b)| / min(|stems(a)|, |stems(b)|)`` of at least
:data:`MIN_OVERLAP`, with at least :data:`MIN_SHARED` shared stems, found through an
inverted index of stems), the two token sequences are diffed (``difflib``, tokens
compared by Snowball stem, numbers verbatim). The sentences must be alike overall
(diff ratio at least :data:`MIN_RATIO`). Every *replace* of 1 to
:data:`MAX_TOKENS` content tokens on each side (function words at its edges trimmed)
is classified, and reported only when both sides belong to one class:

* **date-time** — two different weekdays, months/dates or clock times;
* **name** — two proper names in the same slot (``hielt Keeper X den Elfmeter`` /
  ``hielt Keeper Y den Elfmeter``), or one name spelled two ways that differ by a
  letter or two (``Ritsu Doan`` / ``Ritso Doan``); transliterations and case
  endings (:func:`same_spelling`) are no disagreement;
* **statement** — an antonym pair (``gewonnen``/``verloren``, ``expected``/``unexpectedly``)
  or two words of one semantic field that name different things (``Lastwagen``/``Auto``;
  see :data:`~storydiff.compare.polarity.FIELDS`), or a negation present on one side only
  (``nicht``, ``not``, ``kein``).

Numbers are left to the fact matcher, which also knows ranges and vague amounts.
Synonyms and inflections never count: both sides of a substitution must map to
different concepts of one table, or be names that are not spelling variants.
Every substitution has a confidence (how alike the two sentences are, times a weight
per class); only those at or above :data:`MIN_CONFIDENCE` are returned.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Am Montag hielt Torwart Jan Kowalczyk den Elfmeter von Berger.", language="de"),
...         Article(text="Am Montag hielt Torwart Piet Lindqvist den Elfmeter von Berger.", language="de")]
>>> [(s.kind, s.a_text, s.b_text) for s in find_substitutions(prepare(arts))]
[('name', 'Jan Kowalczyk', 'Piet Lindqvist')]
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from storydiff.compare.align import Unit, shared_stem_counts, stemmer_for
from storydiff.compare.lexicon import CLOCK_WORDS, MONTHS, STOPWORDS, WEEKDAYS, concept_of
from storydiff.compare.numwords import NUMBER_WORDS
from storydiff.compare.polarity import FIELDS, NEGATIONS, OPPOSITES, is_name_word, same_spelling
from storydiff.text.lemmas import fold, name_key
from storydiff.text.tokens import word_spans

__all__ = ["CLAUSE_MARKS", "MAX_TOKENS", "MIN_CONFIDENCE", "MIN_OVERLAP", "MIN_RATIO", "MIN_SHARED", "Substitution",
           "candidate_pairs", "find_substitutions", "sentence_tokens", "split_clauses"]

#: share of the shorter sentence's stems the two sentences must have in common
MIN_OVERLAP = 0.6
#: at least this many shared stems
MIN_SHARED = 4
#: difflib ratio of the two stem sequences
MIN_RATIO = 0.55
#: at most this many content tokens on either side of a substitution
MAX_TOKENS = 4
#: substitutions below this confidence are dropped
MIN_CONFIDENCE = 0.45
_WEIGHT = {"date-time": 1.0, "name": 0.9, "statement": 0.9}


@dataclass(frozen=True, slots=True)
class Substitution:
    """Two spans of two aligned sentences that say different things in one slot."""

    kind: str
    a: Unit
    b: Unit
    a_start: int
    a_end: int
    a_text: str
    b_start: int
    b_end: int
    b_text: str
    why: str
    key: str
    confidence: float


_Tok = tuple[int, int, str, str]  # start, end (in the sentence), original text, comparison key


def sentence_tokens(unit: Unit) -> list[_Tok]:
    """``(start, end, text, key)`` of each word of ``unit``'s sentence; the key is the folded stem (digits kept)."""
    return list(_tokens_of(unit.sentence.text, unit.lang))


@lru_cache(maxsize=8192)
def _tokens_of(text: str, lang: str) -> tuple[_Tok, ...]:
    """:func:`sentence_tokens` of one sentence, cached: every detector asks for the same sentences."""
    stemmer = stemmer_for(lang)
    out = []
    for s, e, t in word_spans(text, lower=False):
        low = t.casefold()
        out.append((s, e, t, low if low[0].isdigit() else stemmer.stemWord(fold(low))))
    return tuple(out)


#: punctuation that ends a clause inside a sentence
CLAUSE_MARKS = frozenset(",;:–—()[]\"«»“”„")


def split_clauses(toks: Sequence[_Tok], text: str, clause_words: frozenset[str]) -> list[list[_Tok]]:
    """``toks`` of the sentence ``text`` cut into clauses, before each :data:`CLAUSE_MARKS` mark
    and each word of ``clause_words`` (conjunctions)."""
    groups: list[list[_Tok]] = [[]]
    for i, t in enumerate(toks):
        gap = text[toks[i - 1][1]:t[0]] if i else ""
        if groups[-1] and (any(ch in CLAUSE_MARKS for ch in gap) or t[2].casefold() in clause_words):
            groups.append([])
        groups[-1].append(t)
    return groups


def _content(toks: Sequence[_Tok]) -> list[_Tok]:
    """``toks`` without function words at either edge."""
    lo, hi = 0, len(toks)
    while lo < hi and toks[lo][2].casefold() in STOPWORDS:
        lo += 1
    while hi > lo and toks[hi - 1][2].casefold() in STOPWORDS:
        hi -= 1
    return list(toks[lo:hi])


_DAYPART = {"morning": 0, "noon": 1, "afternoon": 2, "evening": 3, "night": 4, "midnight": 4}


def _when(toks: Sequence[_Tok]) -> tuple[str, str] | None:
    """``(type, value)`` when the tokens name a weekday, month, clock hour or part of day."""
    for i, (_, _, t, _) in enumerate(toks):
        low = t.casefold()
        day = concept_of(low[:10], WEEKDAYS) if len(low) >= 5 else None
        if day is not None:
            return "day", day
        if low in MONTHS:
            return "month", MONTHS[low]
        if low[0].isdigit() and i + 1 < len(toks) and toks[i + 1][2].casefold() in ("uhr", "h", "am", "pm"):
            return "clock", low.replace(":", ".").split(".")[0]
        part = concept_of(low, CLOCK_WORDS)
        if part is not None and len(toks) == 1:
            return "part", str(_DAYPART.get(part, 0))
    return None


def _when_differ(a: tuple[str, str], b: tuple[str, str]) -> bool:
    if a[0] != b[0] or a[1] == b[1]:
        return False
    return a[0] != "part" or abs(int(a[1]) - int(b[1])) >= 2


def _is_number(toks: Sequence[_Tok]) -> bool:
    return any(t[2][0].isdigit() or t[2].casefold() in NUMBER_WORDS for t in toks)


def _names(toks: Sequence[_Tok], lang: str, sentence_start: bool) -> list[str]:
    out = []
    for i, (_, _, t, _) in enumerate(toks):
        if t[0].isupper() and not (i == 0 and sentence_start) and is_name_word(t, lang):
            out.append(t)
    return out


def _classify(ta: Sequence[_Tok], tb: Sequence[_Tok], ua: Unit, ub: Unit, a0: bool, b0: bool
              ) -> tuple[str, str, float] | None:
    """``(kind, why, weight)`` when the two sides disagree on one slot, else ``None``."""
    if _is_number(ta) or _is_number(tb):
        return None  # the fact matcher judges figures (ranges, vague amounts)
    wa, wb = _when(ta), _when(tb)
    if wa is not None or wb is not None:
        if wa is None or wb is None or not _when_differ(wa, wb):
            return None
        return "date-time", "different days or times in otherwise alike sentences", 1.0
    na, nb = _names(ta, ua.lang, a0), _names(tb, ub.lang, b0)
    if na and nb and all(t[2][0].isupper() for t in (*ta, *tb)):
        ja, jb = " ".join(na), " ".join(nb)
        if same_spelling(ja, jb):
            return None
        if len(na) == len(nb) == 1 and name_key(ja) == name_key(jb):
            if ja[0] == jb[0] and len(ja) > 3 and fuzz.ratio(fold(ja), fold(jb)) >= 80:
                return "name", f"one name spelled two ways: {ja!r} vs {jb!r}", 0.8
            return None  # a transliteration
        if {fold(x) for x in na} & {fold(y) for y in nb}:
            return None  # "Anna Berg" vs "Berg": the same person, named in full or not
        whole_a, whole_b = fold(" ".join(t[2] for t in ta)), fold(" ".join(t[2] for t in tb))
        if whole_a.startswith(whole_b) or whole_b.startswith(whole_a):
            return None  # a name cut off where an excerpt ends
        return "name", f"different names in the same place: {ja!r} vs {jb!r}", 0.75
    words_a = [t[2].casefold() for t in ta]
    words_b = [t[2].casefold() for t in tb]
    for x in words_a:
        for y in words_b:
            ox, oy = concept_of(x, OPPOSITES), concept_of(y, OPPOSITES)
            if ox and oy and ox[:-1] == oy[:-1] and ox != oy:
                return "statement", f"opposite words: {x!r} vs {y!r}", 1.0
    if len(ta) <= 2 and len(tb) <= 2:
        fa = {concept_of(x, FIELDS) for x in words_a} - {None}
        fb = {concept_of(y, FIELDS) for y in words_b} - {None}
        if len(fa) == 1 and len(fb) == 1 and fa != fb:
            (ca,), (cb,) = fa, fb
            if ca is not None and cb is not None and ca.split(":")[0] == cb.split(":")[0]:
                return "statement", f"different {ca.split(':')[0]}: {x!r} vs {y!r}", 0.9
    return None


def _negation(toks: Sequence[_Tok]) -> bool:
    return len(toks) == 1 and toks[0][2].casefold() in NEGATIONS


def candidate_pairs(units: Sequence[Sequence[Unit]]) -> list[tuple[Unit, Unit]]:
    """Pairs of alike sentences of different articles (at least :data:`MIN_SHARED` shared stems,
    :data:`MIN_OVERLAP` of the shorter one), earlier article first."""
    flat = [u for arts in units for u in arts if len(u.stems) >= MIN_SHARED]
    shared = shared_stem_counts(flat, max_posting=150)
    out = []
    for (i, j), n in sorted(shared.items()):
        a, b = flat[i], flat[j]
        if n >= MIN_SHARED and n / min(len(a.stems), len(b.stems)) >= MIN_OVERLAP and a.norm != b.norm:
            out.append((a, b) if a.article < b.article else (b, a))
    return out


def find_substitutions(units: Sequence[Sequence[Unit]]) -> list[Substitution]:
    """Small substitutions between alike sentences of different articles (see module docstring)."""
    out: list[Substitution] = []
    for ua, ub in candidate_pairs(units):
        ta, tb = sentence_tokens(ua), sentence_tokens(ub)
        sm = difflib.SequenceMatcher(None, [t[3] for t in ta], [t[3] for t in tb], autojunk=False)
        ratio = sm.ratio()
        if ratio < MIN_RATIO:
            continue
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            sa, sb = _content(ta[i1:i2]), _content(tb[j1:j2])
            left = " ".join(t[3] for t in ta[max(0, i1 - 2):i1])
            if op in ("insert", "delete"):
                ra, rb = ta[i1:i2], tb[j1:j2]
                if op == "delete" and _negation(ra) and j1 < len(tb):
                    out.append(_make("statement", ua, ub, ra, tb[j1:j1 + 1],
                                     f"negated in one report only: {ra[0][2]!r}", left, ratio * 0.9))
                elif op == "insert" and _negation(rb) and i1 < len(ta):
                    out.append(_make("statement", ua, ub, ta[i1:i1 + 1], rb,
                                     f"negated in one report only: {rb[0][2]!r}", left, ratio * 0.9))
                continue
            if not sa or not sb or len(sa) > MAX_TOKENS or len(sb) > MAX_TOKENS:
                continue
            verdict = _classify(sa, sb, ua, ub, sa[0][0] == 0, sb[0][0] == 0)
            if verdict is not None:
                kind, why, weight = verdict
                out.append(_make(kind, ua, ub, sa, sb, why, left, ratio * weight * _WEIGHT[kind]))
    return [s for s in out if s.confidence >= MIN_CONFIDENCE]


def _make(kind: str, ua: Unit, ub: Unit, sa: Sequence[_Tok], sb: Sequence[_Tok], why: str, left: str,
          confidence: float) -> Substitution:
    a0, a1 = sa[0][0], sa[-1][1]
    b0, b1 = sb[0][0], sb[-1][1]
    return Substitution(kind, ua, ub, ua.sentence.start + a0, ua.sentence.start + a1, ua.sentence.text[a0:a1],
                        ub.sentence.start + b0, ub.sentence.start + b1, ub.sentence.text[b0:b1], why,
                        f"{kind}:{left}", round(confidence, 4))
