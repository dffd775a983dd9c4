"""The comparison of a story's reports: shared, unique, facts, conflicts, timeline, summary.

:func:`compare_articles` runs the whole method: sentence alignment
(:mod:`~storydiff.compare.align`), fact extraction (:mod:`~storydiff.compare.facts`)
and conflict finding (:mod:`~storydiff.compare.conflicts`). The summary picks the
``summary_sentences`` largest aligned groups (ties: the group whose sentences come
earliest in their articles), shows each group's earliest-published member and
lists the sources of the group. Everything is deterministic: articles are taken
in order of publication (then label), and every list is sorted.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from storydiff.compare.align import align_sentences, prepare
from storydiff.compare.conflicts import ArticleFacts, context_of, find_conflicts
from storydiff.compare.facts import extract_facts
from storydiff.model import Article, Conflict, Fact, FactValue
from storydiff.settings import CompareSettings

__all__ = ["Comparison", "Span", "compare_articles"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence of one article."""

    article: str
    start: int
    end: int
    text: str

    def to_json(self, with_article: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        return {"article": self.article, **data} if with_article else data


@dataclass(slots=True)
class Comparison:
    """What a story's articles share, add and contradict."""

    articles: list[str]
    shared: list[list[Span]] = field(default_factory=list)
    unique: dict[str, list[Span]] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    refinements: list[Conflict] = field(default_factory=list)
    timeline: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    summary: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The JSON form (see the CLI docs): plain lists and dicts, ``inf`` written as ``null``."""
        return {
            "articles": list(self.articles),
            "shared": [[s.to_json() for s in g] for g in self.shared],
            "unique": {a: [s.to_json(False) for s in spans] for a, spans in self.unique.items()},
            "facts": [_fact_json(f) for f in self.facts],
            "conflicts": [_conflict_json(c) for c in self.conflicts],
            "refinements": [_conflict_json(c) for c in self.refinements],
            "timeline": self.timeline,
            "summary": self.summary,
        }


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isinf(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _value_json(v: FactValue) -> dict[str, Any]:
    return {"article": v.article, "text": v.text, "start": v.start, "end": v.end, "value": _clean(v.value)}


def _fact_json(f: Fact) -> dict[str, Any]:
    return {"kind": f.kind, "key": f.key, **_value_json(f.value)}


def _conflict_json(c: Conflict) -> dict[str, Any]:
    return {"kind": c.kind, "fact": c.fact, "key": c.key, "why": c.why, "salience": c.salience,
            "values": [_value_json(v) for v in c.values]}


def _order(articles: Sequence[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published or _EPOCH, a.label))


def compare_articles(articles: Sequence[Article], settings: CompareSettings | None = None) -> Comparison:
    """Compare the reports of one story (see module docstring).

    >>> a = Article(text="Die Polizei nahm mehr als 3000 Menschen fest. Es regnete.", external_id="a", language="de")
    >>> b = Article(text="Die Polizei nahm mehr als 3800 Menschen fest. Die Sonne schien.", external_id="b",
    ...             language="de")
    >>> c = compare_articles([a, b])
    >>> [v["text"] for v in c.to_json()["conflicts"][0]["values"]]
    ['mehr als 3000 Menschen', 'mehr als 3800 Menschen']
    """
    settings = settings or CompareSettings()
    cap = settings.max_article_chars
    arts = _order([a if len(a.text) <= cap else a.with_changes(text=a.text[:cap], id=a.id, content_hash=a.content_hash)
                   for a in articles])
    labels = [a.label for a in arts]
    units = prepare(arts)
    groups = align_sentences(units, threshold=settings.align_threshold)
    grouped = {(u.article, u.index) for g in groups for u in g}
    shared = [[Span(labels[u.article], u.sentence.start, u.sentence.end, u.sentence.text) for u in g]
              for g in groups]
    unique = {labels[i]: [Span(labels[i], u.sentence.start, u.sentence.end, u.sentence.text)
                          for u in units[i] if (i, u.index) not in grouped] for i in range(len(arts))}
    all_facts: list[Fact] = []
    items: list[ArticleFacts] = []
    for i, art in enumerate(arts):
        facts = extract_facts(art, [u.sentence for u in units[i]])
        all_facts.extend(facts)
        contexts = {u.sentence.start: context_of(u) for u in units[i]}
        lang = units[i][0].lang if units[i] else "de"
        items.append(ArticleFacts(i, labels[i], tuple(facts), contexts, art.text, lang))
    conflicts, refinements = find_conflicts(items, units)
    return Comparison(
        articles=labels, shared=shared, unique=unique, facts=all_facts,
        conflicts=conflicts[: settings.max_conflicts], refinements=refinements[: settings.max_conflicts],
        timeline=_timeline(arts, all_facts), summary=_summary(groups, arts, settings.summary_sentences),
    )


def _timeline(arts: Sequence[Article], facts: Sequence[Fact]) -> dict[str, list[dict[str, Any]]]:
    """Per number key with at least two sources: its values in order of publication."""
    when = {a.label: (a.published.isoformat() if a.published else None) for a in arts}
    rank = {a.label: i for i, a in enumerate(arts)}
    by_key: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "number" and "+-" not in f.key and not f.key.startswith("?"):
            by_key[f.key].append(f)
    out: dict[str, list[dict[str, Any]]] = {}
    for key in sorted(by_key):
        fs = by_key[key]
        if len({f.value.article for f in fs}) < 2:
            continue
        fs.sort(key=lambda f: (rank[f.value.article], f.value.start))
        out[key] = [{"article": f.value.article, "published": when[f.value.article], "text": f.value.text,
                     "value": _clean(f.value.value)} for f in fs]
    return out


def _summary(groups: Sequence[Sequence[Any]], arts: Sequence[Article], n: int) -> list[dict[str, Any]]:
    labels = [a.label for a in arts]
    ranked = sorted(groups, key=lambda g: (-len(g), sum(u.index for u in g) / len(g), g[0].article, g[0].index))
    chosen = sorted(ranked[:n], key=lambda g: (min(u.index for u in g), g[0].article))
    out = []
    for g in chosen:
        first = min(g, key=lambda u: (u.article, u.index))
        out.append({"text": first.sentence.text, "sources": sorted({labels[u.article] for u in g},
                                                                    key=labels.index)})
    return out
