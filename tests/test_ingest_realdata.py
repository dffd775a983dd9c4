"""Readers on real articles (../shared, skipped when absent): the texts go through every format."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pytest

from storydiff.ingest import read_paths
from storydiff.model import Article
from storydiff.settings import IngestSettings

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "dev" / "articles.jsonl"
SAMPLES = SHARED / "samples"

pytestmark = pytest.mark.realdata


def _dev_records() -> list[dict[str, object]]:
    if not DEV.exists():
        pytest.skip("../shared/dev is absent")
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def _pick(records: list[dict[str, object]], n: int) -> list[dict[str, object]]:
    """``n`` dated records with a title and a long text, spread over the file (deterministic)."""
    good = [r for r in records if r.get("date") and r.get("title") and len(str(r["text"])) > 800]
    step = max(1, len(good) // n)
    return good[::step][:n]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if len(p.strip()) > 40]


def test_samples_through_txt_reader() -> None:
    if not SAMPLES.exists():
        pytest.skip("../shared/samples is absent")
    items = list(read_paths([SAMPLES / "*.txt"], IngestSettings()))
    assert len(items) == 2 and all(isinstance(i, Article) for i in items)
    for article, path in zip(items, sorted(SAMPLES.glob("*.txt")), strict=True):
        assert isinstance(article, Article)
        raw = path.read_text(encoding="utf-8").strip()
        assert article.text in raw and len(article.text) > 0.9 * len(raw)
        assert article.origin == str(path)
    assert any("Tokajew" in a.text for a in items if isinstance(a, Article))


def test_dev_set_through_jsonl_reader() -> None:
    records = _dev_records()
    items = list(read_paths([DEV], IngestSettings()))
    assert len(items) == len(records) == 379
    assert all(isinstance(i, Article) for i in items)
    articles = [i for i in items if isinstance(i, Article)]
    for record, article in zip(records, articles, strict=True):
        assert article.external_id == record["id"]
        assert article.language == record["lang"]
        assert article.url == record["url"] and article.source == record["source"]
        assert article.metadata == {"story": record["story"]}
        assert article.text == str(record["text"]).strip()
        if record["date"]:
            assert article.published is not None and article.published.tzinfo is not None
            assert article.published.date().isoformat() == record["date"]
        else:
            assert article.published is None
    assert articles[9].origin == f"{DEV}:10"
    assert len({a.id for a in articles}) == len({canon for canon in (a.url for a in articles)})


def test_dev_set_with_field_map(tmp_path: Path) -> None:
    records = _pick(_dev_records(), 5)
    path = tmp_path / "renamed.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps({"body": r["text"], "link": r["url"], "pubDate": r["date"], "key": r["id"]}) + "\n")
    settings = IngestSettings(field_map={"text": "body", "url": "link", "published": "pubDate", "id": "key"})
    articles = list(read_paths([path], settings))
    assert [a.external_id for a in articles if isinstance(a, Article)] == [r["id"] for r in records]
    assert all(isinstance(a, Article) and a.published and a.metadata == {} for a in articles)


def _page(record: dict[str, object], site: str) -> str:
    paras = "".join(f"<p>{escape(p)}</p>\n" for p in _paragraphs(str(record["text"])))
    title = escape(str(record["title"]))
    return f"""<!DOCTYPE html><html lang="{record['lang']}"><head><meta charset="utf-8">
<title>{title} | {site}</title><meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{record['date']}T07:30:00+02:00"></head>
<body><header><nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>{title}</h1>{paras}</article>
<aside><h3>Auch interessant</h3><ul><li><a href="/x">Ein ganz anderes Thema</a></li></ul></aside></main>
<footer>Impressum · Datenschutz · © {site}</footer></body></html>"""


def _check_recovered(article: Article | object, record: dict[str, object]) -> None:
    assert isinstance(article, Article)
    body = [p for p in _paragraphs(str(record["text"])) if len(p) > 150]  # short lines may be page junk
    assert body and all(p in article.text for p in body)
    assert "Auch interessant" not in article.text and "Impressum" not in article.text
    assert article.published is not None
    assert article.published.date().isoformat() == record["date"]


def test_html_page_from_dev_text(tmp_path: Path) -> None:
    for n, record in enumerate(_pick(_dev_records(), 4)):
        path = tmp_path / f"page{n}.html"
        path.write_text(_page(record, "Testzeitung"), encoding="utf-8")
        [article] = read_paths([path], IngestSettings())
        _check_recovered(article, record)
        assert isinstance(article, Article)
        assert article.title == record["title"] and article.source == "Testzeitung"
        assert article.language == record["lang"]
        assert article.published == datetime.fromisoformat(f"{record['date']}T05:30:00+00:00")


def test_rss_feed_from_dev_text(tmp_path: Path) -> None:
    records = _pick(_dev_records(), 5)
    items = []
    for r in records:
        day = datetime.fromisoformat(str(r["date"])).replace(hour=9, tzinfo=UTC)
        body = "".join(f"<p>{escape(p)}</p>" for p in _paragraphs(str(r["text"])))
        items.append(f"<item><title>{escape(str(r['title']))}</title><link>{escape(str(r['url']))}</link>"
                     f"<guid isPermaLink='false'>{r['id']}</guid>"
                     f"<pubDate>{day.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
                     f"<description><![CDATA[{body}]]></description></item>")
    path = tmp_path / "feed.rss"
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Testdienst</title>'
                    f'<link>https://test.example/</link>{"".join(items)}</channel></rss>', encoding="utf-8")
    articles = list(read_paths([path], IngestSettings()))
    assert len(articles) == len(records)
    for n, (article, record) in enumerate(zip(articles, records, strict=True), 1):
        _check_recovered(article, record)
        assert isinstance(article, Article)
        assert article.url == record["url"] and article.title == record["title"]
        assert article.external_id == record["id"] and article.source == "Testdienst"
        assert article.origin == f"{path}#{n}"
        assert article.published is not None and article.published.hour == 9


def test_warc_from_dev_text(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = _pick(_dev_records(), 4)
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for r in records:
            body = _page(r, "Archivzeitung").encode("utf-8")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                str(r["url"]), "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": f"{r['date']}T12:00:00Z"}))
            meta = writer.create_warc_record(str(r["url"]), "metadata", payload=io.BytesIO(b"x: y"),
                                             warc_content_type="application/warc-fields")
            writer.write_record(meta)
    articles = list(read_paths([path], IngestSettings()))
    assert len(articles) == len(records)
    for n, (article, record) in enumerate(zip(articles, records, strict=True)):
        _check_recovered(article, record)
        assert isinstance(article, Article)
        assert article.url == record["url"] and article.origin == f"{path}#{2 * n + 1}"
