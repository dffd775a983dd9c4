"""Every kind of bad input yields an InputError naming the file and place; nothing raises."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from storydiff.errors import EmptyInputError, EncodingError, FormatError, InputError, InputTooLargeError
from storydiff.ingest import read_bytes, read_paths, read_stream
from storydiff.model import Article
from storydiff.settings import IngestSettings

SETTINGS = IngestSettings()
GERMAN = "Die Bürgermeisterin äußerte sich zur Überflutung: „Größere Schäden“ – 5 € je Haushalt.\n"


def _read(path: Path, **kw: object) -> list[Article | InputError]:
    return list(read_paths([path], IngestSettings(**kw)))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.csv", "empty.html", "empty.rss", "empty.warc"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    [item] = _read(path)
    assert isinstance(item, EmptyInputError)
    assert str(path) in str(item)


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t\n")
    [item] = _read(path)
    assert isinstance(item, EmptyInputError)


@pytest.mark.parametrize("name", ["data.txt", "data.jsonl", "data.csv", "data.html", "data.bin"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    [item] = _read(path)
    assert isinstance(item, EncodingError | FormatError)
    assert str(path) in str(item) and "binary" in str(item)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoded_text_keeps_umlauts(tmp_path: Path, encoding: str) -> None:
    text = GERMAN if encoding == "cp1252" else GERMAN.replace("„", '"').replace("“", '"').replace("–", "-").replace(
        "€", "EUR")
    path = tmp_path / "alt.txt"
    path.write_bytes(("Hochwasser in Kelmbach\n\n" + text).encode(encoding))
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.title == "Hochwasser in Kelmbach"
    assert article.text == text.strip()
    assert "Bürgermeisterin äußerte" in article.text and "Ü" in article.text


def test_legacy_encoded_jsonl_and_csv(tmp_path: Path) -> None:
    jsonl = tmp_path / "alt.jsonl"
    jsonl.write_bytes(json.dumps({"id": "1", "text": GERMAN}, ensure_ascii=False).encode("cp1252") + b"\n")
    csv_path = tmp_path / "alt.csv"
    csv_path.write_bytes(("id;text\n2;" + GERMAN.replace('"', "")).encode("cp1252"))
    items = _read(jsonl) + _read(csv_path)
    assert [type(i) for i in items] == [Article, Article]
    assert all("äußerte" in i.text and "€" in i.text for i in items if isinstance(i, Article))


def test_html_in_declared_legacy_charset(tmp_path: Path) -> None:
    body = "<p>" + GERMAN * 3 + "</p>"
    page = f'<html><head><meta charset="iso-8859-1"><title>Größere Schäden</title></head><body>{body}</body></html>'
    path = tmp_path / "alt.html"
    path.write_bytes(page.encode("cp1252"))
    [article] = _read(path)
    assert isinstance(article, Article)
    assert "Bürgermeisterin äußerte" in article.text and "„Größere Schäden“" in article.text


@pytest.mark.parametrize("name", ["bom.txt", "bom.jsonl", "bom.csv"])
def test_utf8_bom(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    content = {
        "bom.txt": GERMAN,
        "bom.jsonl": json.dumps({"id": "b1", "text": GERMAN}, ensure_ascii=False) + "\n",
        "bom.csv": "id,text\nb1," + GERMAN.replace('"', ""),
    }[name]
    path.write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.text.startswith("Die Bürgermeisterin")
    if name != "bom.txt":
        assert article.external_id == "b1"  # the BOM did not stick to the first field name


def test_utf16_text(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(GERMAN.encode("utf-16"))
    [article] = _read(path)
    assert isinstance(article, Article) and article.text == GERMAN.strip()


def test_truncated_jsonl_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": f"Meldung Nummer {i} über den Streik."}) for i in range(1, 5)]
    lines[2] = lines[2][:25]  # cut mid-record, as by an interrupted download
    path = tmp_path / "cut.jsonl"
    path.write_text("\n".join(lines) + "\n\n")
    items = _read(path)
    assert [getattr(i, "external_id", None) for i in items] == ["r1", "r2", None, "r4"]
    error = items[2]
    assert isinstance(error, FormatError)
    assert error.where == f"{path}:3" and "JSON" in error.message
    assert [i.origin for i in items if isinstance(i, Article)] == [f"{path}:1", f"{path}:2", f"{path}:4"]


def test_jsonl_records_that_are_not_articles(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('[1, 2]\n{"id": "x", "title": "no text"}\n{"text": "   "}\n{"text": "Gut."}\n')
    items = _read(path)
    assert [type(i) for i in items] == [FormatError, FormatError, EmptyInputError, Article]
    assert [getattr(i, "where", None) for i in items[:3]] == [f"{path}:1", f"{path}:2", f"{path}:3"]


def test_csv_row_with_missing_field(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        'id,title,text,date\n'
        'c1,Erste,"Der erste Text,\nüber zwei Zeilen.",2024-03-14\n'
        'c2,Zweite\n'
        'c3,Dritte,Der dritte Text.,14.03.2024 09:30\n'
    )
    items = _read(path)
    assert [type(i) for i in items] == [Article, FormatError, Article]
    assert isinstance(items[1], FormatError) and items[1].where == f"{path}:4"
    first, third = items[0], items[2]
    assert isinstance(first, Article) and isinstance(third, Article)
    assert first.text == "Der erste Text,\nüber zwei Zeilen." and first.origin == f"{path}:2"
    assert third.origin == f"{path}:5" and third.published is not None and third.published.month == 3


def test_malformed_html_still_read(tmp_path: Path) -> None:
    para = "Die Feuerwehr war mit 120 Kräften im Einsatz, verletzt wurde niemand. " * 4
    path = tmp_path / "broken.html"
    path.write_text(f"<html><head><title>Einsatz</title><body><div><p>{para}<p><b>{para}</div></span></i>")
    [article] = _read(path)
    assert isinstance(article, Article) and "120 Kräften" in article.text


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Start</a></nav></body></html>")
    [item] = _read(path)
    assert isinstance(item, EmptyInputError) and str(path) in str(item)


def test_malformed_feed_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</titl')
    items = _read(path)
    assert all(isinstance(i, InputError) for i in items) and items
    assert str(path) in str(items[0])


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    [item] = _read(path)
    assert isinstance(item, FormatError | EmptyInputError) and str(path) in str(item)


def _warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=http))
    return out.getvalue()


def _page(n: int) -> str:
    sentence = f"Bericht Nummer {n} über das Hochwasser in der Stadt. "
    return f"<html><body><article><p>{sentence * 5}</p></article></body></html>"


def test_truncated_warc(tmp_path: Path) -> None:
    data = _warc_bytes([(f"https://x.example/{n}", _page(n)) for n in range(3)])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    items = _read(path)
    assert [type(i) for i in items[:2]] == [Article, Article]
    assert isinstance(items[-1], FormatError)
    assert str(path) in str(items[-1]) and ("offset" in str(items[-1]) or "#3" in str(items[-1]))


def test_garbage_warc(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a web archive at all\r\n\r\n" * 3)
    [item] = _read(path)
    assert isinstance(item, FormatError) and str(path) in str(item)


def test_gzip_that_is_not_warc(tmp_path: Path) -> None:
    path = tmp_path / "notwarc.warc.gz"
    path.write_bytes(gzip.compress(b"plain text, not WARC\n" * 10))
    [item] = _read(path)
    assert isinstance(item, FormatError)


def test_file_over_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x " * 600}) + "\n")
    [item] = _read(path, max_file_bytes=1000)
    assert isinstance(item, InputTooLargeError)
    assert str(path) in str(item) and "1000" in str(item)
    [article] = _read(path, max_file_bytes=2000)
    assert isinstance(article, Article)


def test_default_cap_is_20_mb() -> None:
    assert IngestSettings().max_file_bytes == 20 * 1024 * 1024


def test_stream_record_over_cap_is_skipped_not_fatal() -> None:
    data = (json.dumps({"text": "y " * 600}) + "\n" + json.dumps({"text": "Kurz."}) + "\n").encode()
    items = list(read_stream(io.BytesIO(data), "<stdin>", "jsonl", IngestSettings(max_file_bytes=500)))
    assert [type(i) for i in items] == [InputTooLargeError, Article]
    assert "<stdin>:1" in str(items[0])


def test_missing_paths_and_empty_globs(tmp_path: Path) -> None:
    items = list(read_paths([tmp_path / "nope.txt", str(tmp_path / "*.none")], SETTINGS))
    assert len(items) == 2 and all(isinstance(i, InputError) for i in items)
    assert "nope.txt" in str(items[0]) and "*.none" in str(items[1])


def test_read_bytes_upload() -> None:
    items = list(read_bytes(b"\x00\x01\x02binary", "upload.txt", None, SETTINGS))
    assert [type(i) for i in items] == [EncodingError]
    [article] = read_bytes(GERMAN.encode("cp1252"), "upload", None, SETTINGS)
    assert isinstance(article, Article) and "äußerte" in article.text
