"""Evaluate story clustering on a gold file: ingest it through the real pipeline, then score.

The gold file is anything :func:`storydiff.ingest.read_paths` reads whose records carry a
``story`` field (the dev set's JSONL: ``id, url, source, date, lang, title, text, story``).
Articles are ingested in time order (dated by ``(published, id)``, undated last) into a
temporary store with the default stages, and each article's stored story is compared
with its gold story by :func:`storydiff.cluster.metrics.score_clustering`.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from storydiff.cluster.metrics import ClusteringScore, score_clustering
from storydiff.errors import EmptyInputError, FormatError, InputError
from storydiff.model import Article
from storydiff.settings import Settings

__all__ = ["GoldSet", "evaluate_articles", "evaluate_gold", "read_gold"]


@dataclass(frozen=True, slots=True)
class GoldSet:
    """Articles (in time order) and their gold story labels by article id."""

    articles: list[Article]
    stories: dict[str, str]


def read_gold(path: str | Path, settings: Settings) -> GoldSet:
    """Read a gold file; every record needs a ``story`` (an error names the record otherwise)."""
    from storydiff.ingest import read_paths

    articles: list[Article] = []
    stories: dict[str, str] = {}
    for item in read_paths([path], settings.ingest):
        if isinstance(item, InputError):
            raise item
        label = item.metadata.get("story")
        if not isinstance(label, str) or not label:
            raise FormatError(item.origin or str(path), "gold record has no 'story' field")
        if item.id not in stories:
            articles.append(item)
        stories[item.id] = label
    if not articles:
        raise EmptyInputError(str(path), "no gold articles")
    articles.sort(key=lambda a: (a.published is None, a.published.isoformat() if a.published else "", a.id))
    return GoldSet(articles, stories)


def evaluate_articles(gold: GoldSet, settings: Settings) -> tuple[ClusteringScore, dict[str, str]]:
    """Cluster ``gold.articles`` in a temporary store through the pipeline; the score and the
    predicted ``article id -> story id``."""
    from storydiff.pipeline import Pipeline
    from storydiff.store import Store

    with tempfile.TemporaryDirectory(prefix="storydiff-eval-") as tmp, Store.open(Path(tmp) / "eval.db") as store:
        Pipeline(store, settings).ingest(gold.articles)
        predicted = store.stories.stories_of(list(gold.stories))
        languages = {a.id: a.language for a in gold.articles}
    unassigned = [i for i in gold.stories if i not in predicted]
    for i in unassigned:  # cannot happen with the cluster stage on; keep the score defined
        predicted[i] = "unassigned:" + i
    return score_clustering(gold.stories, predicted, languages), predicted


def evaluate_gold(path: str | Path, settings: Settings) -> ClusteringScore:
    """:func:`read_gold` then :func:`evaluate_articles`."""
    return evaluate_articles(read_gold(path, settings), settings)[0]
