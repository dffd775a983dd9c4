"""The one function chain: read -> store -> dedup -> cluster, used by the CLI, the API and Dask.

Articles are taken in batches; each batch is written in **one transaction** together with
everything the later stages derive from it (near-duplicate index, story assignment), so
an interrupted run (``kill -9`` included) leaves a store in which every batch is either
complete or absent, and a rerun completes it.

A stage is any object with a ``name`` and ``process(store, articles)`` (see :class:`Stage`);
:func:`default_stages` returns the stages a normal ingest runs.

>>> from storydiff.store import Store
>>> from storydiff.model import Article
>>> with Store.open(":memory:") as store:
...     report = Pipeline(store, Settings(), stages=[]).ingest([Article(text="Ein Text.", url="https://x.test/1")])
>>> (report.read, report.new)
(1, 1)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from storydiff.errors import InputError
from storydiff.ingest.records import MAX_SOURCE_CHARS, MAX_TITLE_CHARS, clean_line, clean_text
from storydiff.model import Article
from storydiff.settings import Settings
from storydiff.store import Store
from storydiff.store.articles import UpsertOutcome
from storydiff.text.language import detect_language

__all__ = ["IngestReport", "Pipeline", "Stage", "default_stages", "prepare_article"]


class Stage(Protocol):
    """A pipeline stage that derives data from newly stored or changed articles."""

    name: str

    def process(self, store: Store, articles: list[Article]) -> None:
        """Called inside the batch's transaction with the articles that are new or changed."""

    def remove(self, store: Store, article_ids: list[str]) -> None:
        """Forget derived data for deleted articles (inside a transaction)."""


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: the closing line's figures, the errors and the ids touched."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    duplicate: int = 0
    failed: int = 0
    errors: list[InputError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"read {self.read}, new {self.new}, unchanged {self.unchanged}, updated {self.updated}, "
            f"duplicate {self.duplicate}, failed {self.failed}"
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "new": self.new,
            "unchanged": self.unchanged,
            "updated": self.updated,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "errors": [str(e) for e in self.errors],
            "ids": self.article_ids,
        }


def default_stages(settings: Settings) -> list[Stage]:
    """The stages of a normal ingest, in order."""
    from storydiff.dedup.stage import DedupStage

    stages: list[Stage] = []
    stages.append(DedupStage(settings.dedup))
    from storydiff.cluster.stage import ClusterStage

    stages.append(ClusterStage(settings.cluster))
    return stages


def prepare_article(article: Article, settings: Settings) -> Article:
    """Fill what readers may leave open: language, capped text; clean what no input should hold.

    Control characters (NUL, ESC ...) leave the text; title and source become one line of at
    most :data:`~storydiff.ingest.records.MAX_TITLE_CHARS` / ``MAX_SOURCE_CHARS`` characters.
    The id stays the record's (capping a text does not make it another article); the
    content hash follows the text that is stored.
    """
    changes: dict[str, object] = {}
    cap = settings.ingest.max_text_chars
    text = clean_text(article.text)[:cap]
    if text != article.text:
        changes["text"] = text
    else:
        changes["content_hash"] = article.content_hash
    for name, limit in (("title", MAX_TITLE_CHARS), ("source", MAX_SOURCE_CHARS)):
        value = getattr(article, name)
        if value is not None and clean_line(value, limit) != value:
            changes[name] = clean_line(value, limit)
    if article.language is None and settings.ingest.detect_language:
        lang = detect_language((article.title or "") + "\n" + article.text)
        if lang:
            changes["language"] = lang
    if len(changes) == 1 and "content_hash" in changes:
        return article
    return article.with_changes(id=article.id, **changes)


def _batched(items: Iterable[Article | InputError], size: int) -> Iterator[list[Article | InputError]]:
    batch: list[Article | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Pipeline:
    """Ingest articles into ``store`` and run ``stages`` on what is new."""

    def __init__(self, store: Store, settings: Settings, stages: list[Stage] | None = None) -> None:
        self.store = store
        self.settings = settings
        self.stages = default_stages(settings) if stages is None else stages

    def ingest(
        self,
        items: Iterable[Article | InputError],
        *,
        on_progress: Callable[[int], None] | None = None,
        on_error: Callable[[InputError], None] | None = None,
    ) -> IngestReport:
        """Store every article of ``items``; collect (and report) every :class:`InputError`."""
        report = IngestReport()
        for batch in _batched(items, self.settings.ingest.batch_size):
            articles = self._prepared(batch, report, on_error)
            self._store_batch(articles, [report] * len(articles))
            if on_progress is not None:
                on_progress(len(batch))
        return report

    def ingest_groups(self, groups: Sequence[Sequence[Article | InputError]]) -> list[IngestReport]:
        """Store several requests' items in **one** transaction (group commit); one report per group.

        The outcome is that of ingesting the groups one after the other (an article of a later
        group that repeats the text of an earlier one is a duplicate; a repeated id is then
        unchanged or updated), but the stages run once over all of them, whatever their number
        (the caller bounds it). An exception rolls the whole transaction back.
        """
        reports = [IngestReport() for _ in groups]
        articles: list[Article] = []
        owners: list[IngestReport] = []
        for group, report in zip(groups, reports, strict=True):
            mine = self._prepared(group, report)
            articles += mine
            owners += [report] * len(mine)
        if articles:
            self._store_batch(articles, owners)
        return reports

    def _prepared(self, items: Iterable[Article | InputError], report: IngestReport,
                  on_error: Callable[[InputError], None] | None = None) -> list[Article]:
        """The articles of ``items``, prepared; each error counted in ``report`` (and passed to ``on_error``)."""
        articles: list[Article] = []
        for item in items:
            if isinstance(item, InputError):
                report.failed += 1
                report.errors.append(item)
                if on_error is not None:
                    on_error(item)
            else:
                articles.append(prepare_article(item, self.settings))
        return articles

    def _store_batch(self, articles: list[Article], reports: Sequence[IngestReport]) -> None:
        """One transaction over ``articles``; ``reports[i]`` counts what happened to ``articles[i]``."""
        changed: list[Article] = []
        with self.store.transaction():
            stored_hashes = self.store.articles.ids_by_hash([a.content_hash for a in articles])
            outcomes = self.store.articles.upsert_many(articles)
            seen_hashes: set[str] = set()
            for article, outcome, report in zip(articles, outcomes, reports, strict=True):
                report.read += 1
                report.article_ids.append(article.id)
                is_dup_text = article.content_hash in seen_hashes or any(
                    other != article.id for other in stored_hashes.get(article.content_hash, ())
                )
                if outcome is UpsertOutcome.NEW:
                    report.new += 1
                    if is_dup_text:
                        report.duplicate += 1
                    changed.append(article)
                elif outcome is UpsertOutcome.UPDATED:
                    report.updated += 1
                    changed.append(article)
                else:
                    report.unchanged += 1
                seen_hashes.add(article.content_hash)
            if changed:
                for stage in self.stages:
                    stage.process(self.store, changed)

    def remove(self, article_ids: list[str], *, on_progress: Callable[[int], None] | None = None) -> int:
        """Delete articles and everything derived from them (index entries, pairs, story
        memberships); returns how many existed. One transaction per ingest batch size of ids,
        so a long removal shows progress and an interruption leaves whole batches done."""
        removed = 0
        size = max(1, self.settings.ingest.batch_size)
        for start in range(0, len(article_ids), size):
            chunk = list(article_ids[start : start + size])
            with self.store.transaction():
                for stage in reversed(self.stages):
                    stage.remove(self.store, chunk)
                for aid in chunk:
                    removed += int(self.store.articles.delete(aid))
            if on_progress is not None:
                on_progress(len(chunk))
        return removed

    def prune(self, before: datetime, *, on_progress: Callable[[int], None] | None = None) -> int:
        """Remove every article published (or, without a date, ingested) before ``before``: a retention window."""
        return self.remove(self.store.articles.ids_published_before(before), on_progress=on_progress)
