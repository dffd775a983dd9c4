"""The bundled example corpus (examples/corpus): every file reads, with the expected figures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from storydiff.errors import InputError
from storydiff.ingest import expand_paths, read_paths
from storydiff.ingest.dates import parse_date
from storydiff.model import Article
from storydiff.settings import IngestSettings

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="module")
def corpus() -> list[Article | InputError]:
    return list(read_paths([CORPUS], IngestSettings()))


def test_every_file_reads(corpus: list[Article | InputError]) -> None:
    assert [str(i) for i in corpus if isinstance(i, InputError)] == []
    files = [p for p in expand_paths([CORPUS]) if isinstance(p, Path)]
    assert len(files) == 9
    read_from = {str(a.origin).split(":")[0].split("#")[0] for a in corpus if isinstance(a, Article)}
    assert read_from == {str(f) for f in files}


def test_counts_per_format(corpus: list[Article | InputError]) -> None:
    articles = [a for a in corpus if isinstance(a, Article)]
    suffix = Counter(Path(str(a.origin).split("#")[0].rsplit(":", 1)[0]).suffix for a in articles)
    assert suffix == {".jsonl": 7, ".txt": 4, ".html": 2, ".rss": 3, ".gz": 3}
    assert 15 <= len(articles) <= 25


def test_metadata_is_complete(corpus: list[Article | InputError]) -> None:
    articles = [a for a in corpus if isinstance(a, Article)]
    undated = [a.origin for a in articles if a.published is None]
    assert undated == [str(CORPUS / "txt" / "kelmbach-flood.en.txt")]  # the one file with no date given
    assert all(a.published is None or a.published.utcoffset() is not None for a in articles)
    assert all(a.title for a in articles)
    assert Counter(a.language for a in articles if a.language) == {"de": 16, "en": 2}


def test_exact_and_near_duplicates(corpus: list[Article | InputError]) -> None:
    articles = [a for a in corpus if isinstance(a, Article)]
    by_hash = Counter(a.content_hash for a in articles)
    [(digest, count)] = [(h, n) for h, n in by_hash.items() if n > 1]
    assert count == 2
    twins = [a for a in articles if a.content_hash == digest]
    assert len({a.url for a in twins}) == 2 and len({a.id for a in twins}) == 2
    near = [a for a in articles if a.external_id == "ba-2024-0318-streik"]
    assert near and near[0].content_hash != digest
    assert fuzz.ratio(near[0].text, twins[0].text) > 90  # a light edit of the twins' text


def test_stories_disagree_on_figures(corpus: list[Article | InputError]) -> None:
    texts = [a.text for a in corpus if isinstance(a, Article)]
    flood = [t for t in texts if "Erle" in t and "Kelmbach" in t]
    assert len(flood) >= 4
    assert any("Mehr als 40" in t for t in flood) and any("Mindestens 46" in t for t in flood)
    assert any("Dutzende" in t for t in flood) and any("sagte Bürgermeisterin Ilse Brandner" in t for t in flood)


def test_warc_skips_non_article_records(corpus: list[Article | InputError]) -> None:
    origins = sorted(str(a.origin) for a in corpus if isinstance(a, Article) and ".warc.gz" in str(a.origin))
    assert [o.rsplit("#", 1)[1] for o in origins] == ["2", "4", "6"]  # requests, redirect and image skipped


def test_dates_parse_german_and_english() -> None:
    assert parse_date("14.03.2024, 08:40 Uhr") == parse_date("2024-03-14T08:40:00Z")
    assert parse_date("13 March 2024 13:20 GMT") == parse_date("2024-03-13T14:20:00+01:00")
    assert parse_date("Samstag, 16. März 2024") == parse_date("2024-03-16")
    assert parse_date("03.04.2022") == parse_date("2022-04-03")
    assert parse_date(1710403200) == parse_date("2024-03-14T08:00:00+00:00")
    assert parse_date("vor 2 Stunden") is None and parse_date("nonsense") is None and parse_date("") is None
