"""Sentence alignment across the articles of a story.

Method: every article is split into sentences (:mod:`storydiff.text.sentences`);
each sentence becomes a set of Snowball stems (PyStemmer, in the article's
language) of its content words, numbers kept verbatim. Candidate pairs of
sentences from *different* articles are found through an inverted index of stems
and scored as ``0.7 * dice(stems) + 0.3 * token_sort_ratio`` (rapidfuzz, on the
normalised text), so verbatim copies score near 1, edited copies high and
paraphrases sharing most content words above the threshold. Pairs at or above
``threshold`` are merged greedily, best first, into groups that hold at most one
sentence per article (single linkage under that constraint). A sentence in no
group is an addition of its article.

>>> from storydiff.model import Article
>>> arts = [Article(text="Die Polizei nahm 30 Menschen fest. Es regnete."),
...         Article(text="Die Polizei nahm am Abend 30 Menschen fest. Die Sonne schien.")]
>>> groups = align_sentences(prepare(arts), threshold=0.45)
>>> [[u.sentence.text for u in g] for g in groups]
[['Die Polizei nahm 30 Menschen fest.', 'Die Polizei nahm am Abend 30 Menschen fest.']]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from rapidfuzz import fuzz

from storydiff.compare.lexicon import STOPWORDS
from storydiff.model import Article, Fact, FactValue
from storydiff.text.language import detect_language
from storydiff.text.normalize import normalize
from storydiff.text.sentences import Sentence, split_sentences
from storydiff.text.tokens import words

__all__ = ["Unit", "align_sentences", "article_labels", "balance_quotes", "figure_fact", "group_findings", "prepare",
           "shared_keys", "similarity", "span_fact", "stemmer_for", "stems_of"]

_K = TypeVar("_K")
_T = TypeVar("_T")

_STEMMERS = {"de": "german", "en": "english", "fr": "french", "es": "spanish", "ru": "russian", "nl": "dutch",
             "pt": "portuguese", "it": "italian", "ro": "romanian", "sv": "swedish", "da": "danish",
             "no": "norwegian", "fi": "finnish", "hu": "hungarian", "tr": "turkish"}


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of one article, ready for comparison."""

    article: int
    index: int
    sentence: Sentence
    stems: frozenset[str]
    norm: str
    lang: str


#: opening -> closing quotation marks whose two ends differ
_QUOTE_PAIRS = (("„", "“"), ("“", "”"), ("»", "«"), ("«", "»"), ("‚", "‘"))


def balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` widened by one character where the span ``text[start:end]`` holds one end of a
    quotation whose other end lies right outside it, so that a shown span never carries a stray mark.

    >>> text = 'Es wurden „dutzende“ Demonstranten und 26 "bewaffnete Kriminelle" getötet.'
    >>> [text[slice(*balance_quotes(text, text.index(w), text.index(w) + n))]
    ...  for w, n in (("dutzende", 23), ("26", 25))]
    ['„dutzende“ Demonstranten', '26 "bewaffnete Kriminelle"']
    """
    span = text[start:end]
    for opening, closing in _QUOTE_PAIRS:
        if span.count(closing) > span.count(opening) and start > 0 and text[start - 1] == opening:
            start -= 1
            span = text[start:end]
        elif span.count(opening) > span.count(closing) and text[end : end + 1] == closing:
            end += 1
            span = text[start:end]
    if span.count('"') % 2:
        if start > 0 and text[start - 1] == '"':
            start -= 1
        elif text[end : end + 1] == '"':
            end += 1
    return start, end


def span_fact(unit: Unit, start: int, end: int, labels: Sequence[str], value: Any, key: str = "",
              kind: str = "statement") -> Fact:
    """A fact of ``kind`` whose value is the span ``start:end`` of ``unit``'s sentence (offsets in the
    sentence, widened to whole quotations by :func:`balance_quotes`), located in the article
    (``labels[unit.article]``) and carrying its sentence's bounds."""
    start, end = balance_quotes(unit.sentence.text, start, end)
    at = unit.sentence.start
    return Fact(kind, key, FactValue(labels[unit.article], unit.sentence.text[start:end], at + start, at + end, value),
                {"sentence": [at, unit.sentence.end]})


def article_labels(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None) -> list[str]:
    """The label of each article of ``units``: ``labels`` when given, else ``"0"``, ``"1"``, ...
    (what every detector reports its facts under)."""
    return list(labels) if labels is not None else [str(i) for i in range(len(units))]


def group_findings(units: Sequence[Sequence[Unit]], find: Callable[[Sequence[Unit], int], Iterable[_T]],
                   keys: Callable[[_T], Iterable[_K]]) -> list[dict[_K, list[_T]]]:
    """Per article, a detector's findings grouped by what they are about: ``find(article's units, k)``
    gives the findings of sentence ``k``, ``keys(finding)`` the keys it is filed under (in order).

    >>> group_findings([["a1 b2", "a3"]], lambda arts, k: arts[k].split(), lambda w: [w[0]])  # strings as units
    [{'a': ['a1', 'a3'], 'b': ['b2']}]
    """
    out: list[dict[_K, list[_T]]] = []
    for arts in units:
        found: dict[_K, list[_T]] = defaultdict(list)
        for k in range(len(arts)):
            for item in find(arts, k):
                for key in keys(item):
                    found[key].append(item)
        out.append(dict(found))
    return out


def shared_keys(by_article: Sequence[Mapping[_K, Sequence[_T]]]) -> Iterator[tuple[_K, Sequence[_T], Sequence[_T]]]:
    """``(key, items of the earlier article, items of the later one)`` for every two articles and every
    key both have findings under (a detector's findings grouped by what they are about).

    >>> list(shared_keys([{"a": [1], "b": [2]}, {"b": [3]}, {"a": [4]}]))
    [('b', [2], [3]), ('a', [1], [4])]
    """
    for i, first in enumerate(by_article):
        for later in by_article[i + 1 :]:
            for key, items in first.items():
                others = later.get(key)
                if others:
                    yield key, items, others


def figure_fact(unit: Unit, start: int, end: int, labels: Sequence[str], figure: float, key: str, noun: str,
                bounds: tuple[float, float | None] | None = None, qualifier: str = "=") -> Fact:
    """A ``number`` fact stating ``figure`` (the value shape of :mod:`~storydiff.compare.facts`: exactly,
    or within ``bounds`` with its ``qualifier``, ``<`` for "bis zu", ``>`` for "mehr als"), spanning
    ``start:end`` of ``unit``'s sentence, that says it counts ``noun``."""
    low, high = bounds if bounds is not None else (figure, figure)
    value = {"low": low, "high": high, "anchor": figure, "qualifier": qualifier}
    fact = span_fact(unit, start, end, labels, value, key, kind="number")
    fact.attributes["noun"] = noun
    return fact


@lru_cache(maxsize=16)
def stemmer_for(lang: str) -> Any:
    """The Snowball stemmer of ``lang`` (German when the language has none), one per language."""
    import Stemmer

    return Stemmer.Stemmer(_STEMMERS.get(lang, "german"))


def stems_of(text: str, lang: str) -> frozenset[str]:
    """Stems of the content words of ``text`` (stop words and one-letter words dropped).

    >>> sorted(stems_of("Mehr als 3000 Demonstranten wurden festgenommen", "de"))
    ['3000', 'demonstrant', 'festgenomm']
    """
    toks = [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    stemmer = stemmer_for(lang)
    return frozenset(w if w[0].isdigit() else stemmer.stemWord(w) for w in toks)


def article_language(article: Article) -> str:
    """The article's language code, detected when not given (``de`` when unsure)."""
    return (article.language or detect_language(article.text) or "de").lower()[:2]


def prepare(articles: Sequence[Article]) -> list[list[Unit]]:
    """Split and stem every article; ``result[i]`` holds the units of ``articles[i]``."""
    out: list[list[Unit]] = []
    for i, art in enumerate(articles):
        lang = article_language(art)
        out.append([
            Unit(i, j, s, stems_of(s.text, lang), normalize(s.text), lang)
            for j, s in enumerate(split_sentences(art.text, lang))
        ])
    return out


def similarity(a: Unit, b: Unit) -> float:
    """``0.7 * dice(stems) + 0.3 * token_sort_ratio`` of two sentences, in [0, 1]."""
    if not a.stems or not b.stems:
        return 0.0
    dice = 2 * len(a.stems & b.stems) / (len(a.stems) + len(b.stems))
    return 0.7 * dice + 0.3 * fuzz.token_sort_ratio(a.norm, b.norm) / 100.0


def shared_stem_counts(flat: Sequence[Unit], *, max_posting: int) -> dict[tuple[int, int], int]:
    """How many stems each pair of sentences (indexes into ``flat``) from different articles shares.

    Pairs come from an inverted index over stems; a stem in more than ``max_posting``
    sentences says nothing and is skipped, which keeps the cost near-linear.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(flat):
        for s in u.stems:
            index[s].append(k)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for posting in index.values():
        if len(posting) > max_posting:
            continue
        for x in range(len(posting)):
            for y in range(x + 1, len(posting)):
                i, j = posting[x], posting[y]
                if flat[i].article != flat[j].article:
                    shared[i, j] += 1
    return shared


def align_sentences(units: Sequence[Sequence[Unit]], threshold: float = 0.45) -> list[list[Unit]]:
    """Groups of sentences saying the same thing, each with at most one sentence per article.

    Groups are ordered by their first member (article order, then position).
    """
    flat = [u for arts in units for u in arts]
    shared = shared_stem_counts(flat, max_posting=200)
    scored: list[tuple[float, int, int]] = []
    for (i, j), n in shared.items():
        a, b = flat[i], flat[j]
        if 2 * n / (len(a.stems) + len(b.stems)) < threshold * 0.5:
            continue
        sim = similarity(a, b)
        if sim >= threshold:
            scored.append((-sim, i, j))
    scored.sort()
    parent = list(range(len(flat)))
    members: dict[int, set[int]] = {k: {flat[k].article} for k in range(len(flat))}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, i, j in scored:
        ri, rj = find(i), find(j)
        if ri == rj or members[ri] & members[rj]:
            continue
        parent[rj] = ri
        members[ri] |= members.pop(rj)
    groups: dict[int, list[Unit]] = defaultdict(list)
    for k, u in enumerate(flat):
        groups[find(k)].append(u)
    result = [sorted(g, key=lambda u: (u.article, u.index)) for g in groups.values() if len(g) > 1]
    result.sort(key=lambda g: (g[0].article, g[0].index))
    return result
