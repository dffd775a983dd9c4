from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from storydiff.errors import FormatError
from storydiff.model import Article
from storydiff.pipeline import Pipeline
from storydiff.settings import Settings
from storydiff.store import Store


def _items() -> list[Article | FormatError]:
    return [
        Article(
            text="Die Regierung in Almaty hat am Freitag den Ausnahmezustand verlängert, teilte das Ministerium mit.",
            url="https://a.test/1",
            source="a.test",
            published=datetime(2022, 1, 7, 9, tzinfo=UTC),
        ),
        FormatError("feed.jsonl:2", "truncated JSON"),
        Article(
            text="Die Regierung in Almaty hat am Freitag den Ausnahmezustand verlängert, teilte das Ministerium mit.",
            url="https://b.test/1",
            source="b.test",
            published=datetime(2022, 1, 7, 10, tzinfo=UTC),
        ),
        Article(
            text="The government extended the state of emergency on Friday, the ministry said in a statement.",
            url="https://c.test/1",
            source="c.test",
        ),
    ]


def test_ingest_counts_and_idempotence(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "s.db")
    with Store.open(settings.db_path) as store:
        pipeline = Pipeline(store, settings)
        errors: list[str] = []
        first = pipeline.ingest(_items(), on_error=lambda e: errors.append(str(e)))
        assert (first.read, first.new, first.unchanged, first.duplicate, first.failed) == (3, 3, 0, 1, 1)
        assert errors == ["feed.jsonl:2: truncated JSON"]
        second = pipeline.ingest(_items())
        assert (second.read, second.new, second.unchanged, second.failed) == (3, 0, 3, 1)
        assert store.articles.count() == 3


def test_language_detected_when_missing(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "s.db")
    with Store.open(settings.db_path) as store:
        report = Pipeline(store, settings).ingest(_items())
        langs = {a.source: a.language for a in store.articles.get_many(report.article_ids)}
        assert langs == {"a.test": "de", "b.test": "de", "c.test": "en"}


def test_remove_deletes_article(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "s.db")
    with Store.open(settings.db_path) as store:
        pipeline = Pipeline(store, settings)
        report = pipeline.ingest(_items())
        assert pipeline.remove([report.article_ids[0]]) == 1
        assert store.articles.count() == 2


def test_capped_text_keeps_id_and_hashes_what_is_stored(tmp_path: Path) -> None:
    from dataclasses import replace

    from storydiff.pipeline import prepare_article

    settings = Settings(db_path=tmp_path / "s.db")
    settings = settings.with_changes(ingest=replace(settings.ingest, max_text_chars=40))
    long = Article(text="Die Regierung in Almaty hat am Freitag den Ausnahmezustand verlängert.",
                   url="https://a.test/long")
    prepared = prepare_article(long, settings)
    assert prepared.id == long.id
    assert prepared.text == long.text[:40]
    assert prepared.content_hash == Article(text=long.text[:40]).content_hash
    assert prepared.language == "de"
