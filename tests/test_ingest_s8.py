"""Hostile-input review, session 8: gzip inputs of every format, UTF-16 without a BOM, a locked store over HTTP."""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from storydiff.api import create_app
from storydiff.api.writer_process import _error, _pack_error
from storydiff.errors import EncodingError, FormatError, InputError, InputTooLargeError
from storydiff.ingest import read_bytes, read_paths, read_stream
from storydiff.model import Article
from storydiff.settings import IngestSettings, Settings
from storydiff.store import Store

TEXT = "Der Stadtrat von Lindenau hat am Abend den Haushalt für das kommende Jahr beschlossen, sagte die Sprecherin."
RSS = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bote</title>'
       f"<item><title>Haushalt beschlossen</title><link>https://bote.test/1</link>"
       f"<description>{TEXT}</description></item></channel></rss>")
HTML = (f"<!doctype html><html><head><title>Haushalt beschlossen</title></head><body><article>"
        f"<h1>Haushalt beschlossen</h1><p>{TEXT}</p><p>{TEXT.replace('Abend', 'Morgen')}</p></article></body></html>")
SOURCES = {
    "feed.jsonl": "".join(json.dumps({"id": f"j{i}", "text": f"{TEXT} ({i})"}) + "\n" for i in range(3)),
    "export.csv": "id;title;text\n" + "".join(f"c{i};Titel {i};{TEXT} ({i})\n" for i in range(3)),
    "page.html": HTML,
    "articles.txt": f"Haushalt beschlossen\n\n{TEXT}\n",
    "news.rss": RSS,
}


def _read(path: Path, **settings: int) -> tuple[list[Article], list[InputError]]:
    items = list(read_paths([path], IngestSettings(**settings)))  # type: ignore[arg-type]
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)])


# --- 1. gzip-compressed inputs ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_gzip_input_of_every_format_reads_like_the_plain_file(tmp_path: Path, name: str) -> None:
    plain, packed = tmp_path / name, tmp_path / f"{name}.gz"
    plain.write_bytes(SOURCES[name].encode("utf-8"))
    packed.write_bytes(gzip.compress(SOURCES[name].encode("utf-8"), mtime=0))
    want, errors = _read(plain)
    assert want and not errors
    got, errors = _read(packed)
    assert not errors, [str(e) for e in errors]
    assert [a.text for a in got] == [a.text for a in want]


def test_gzip_found_in_a_directory_and_by_magic_bytes_under_any_name(tmp_path: Path) -> None:
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "feed.jsonl.gz").write_bytes(gzip.compress(SOURCES["feed.jsonl"].encode()))
    got, errors = _read(tmp_path / "crawl")
    assert len(got) == 3 and not errors
    (tmp_path / "dump.bin").write_bytes(gzip.compress(HTML.encode()))  # sniffed after decompression
    got, errors = _read(tmp_path / "dump.bin")
    assert len(got) == 1 and not errors and got[0].title == "Haushalt beschlossen"


def test_gzip_upload_and_stdin_are_read(tmp_path: Path) -> None:
    data = gzip.compress(SOURCES["export.csv"].encode())
    items = list(read_bytes(data, "export.csv.gz", None, IngestSettings()))
    assert len(items) == 3 and all(isinstance(i, Article) for i in items)
    items = list(read_stream(io.BufferedReader(io.BytesIO(gzip.compress(SOURCES["feed.jsonl"].encode()))), "-",
                             "jsonl", IngestSettings()))
    assert len(items) == 3 and all(isinstance(i, Article) for i in items)


def test_truncated_gzip_jsonl_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"t{i}", "text": f"{TEXT} Nummer {i} mit Zusatz {i * 7919}."}) + "\n"
                    for i in range(400)).encode()
    packed = gzip.compress(lines, mtime=0)
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    got, errors = _read(path)
    assert 0 < len(got) < 400 and [a.external_id for a in got] == [f"t{i}" for i in range(len(got))]
    assert len(errors) == 1 and isinstance(errors[0], FormatError)
    assert str(path) in str(errors[0]) and "truncated" in str(errors[0])


def test_corrupt_gzip_is_an_error_naming_the_file(tmp_path: Path) -> None:
    packed = bytearray(gzip.compress((HTML * 20).encode(), mtime=0))
    packed[40:60] = b"\xff" * 20
    path = tmp_path / "page.html.gz"
    path.write_bytes(bytes(packed))
    got, errors = _read(path)
    assert not got and len(errors) == 1 and isinstance(errors[0], FormatError)
    assert str(path) in str(errors[0]) and "gzip" in str(errors[0]) and "binary" not in str(errors[0])
    path.write_bytes(gzip.compress(HTML.encode())[:-6])  # trailer cut: a document is refused whole
    got, errors = _read(path)
    assert not got and "truncated" in str(errors[0]) and str(path) in str(errors[0])


def test_decompression_bomb_is_capped_by_max_bytes(tmp_path: Path) -> None:
    bomb = tmp_path / "articles.txt.gz"
    bomb.write_bytes(gzip.compress(b"Text " + b" " * 50_000_000, mtime=0))  # ~50 KB on disk
    assert bomb.stat().st_size < 100_000
    got, errors = _read(bomb, max_file_bytes=1_000_000)
    assert not got and len(errors) == 1 and isinstance(errors[0], InputTooLargeError)
    assert str(bomb) in str(errors[0]) and "decompresses to more than" in str(errors[0])
    record = json.dumps({"id": "b1", "text": TEXT}).encode() + b"\n"
    stream = tmp_path / "feed.jsonl.gz"
    stream.write_bytes(gzip.compress(record + b"\n" * 5_000_000, mtime=0))
    got, errors = _read(stream, max_file_bytes=1_000_000)
    assert [a.external_id for a in got] == ["b1"] and len(errors) == 1 and isinstance(errors[0], InputTooLargeError)


# --- 2. UTF-16 without a byte-order mark -----------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path: Path, encoding: str) -> None:
    for name in ("articles.txt", "feed.jsonl", "export.csv"):
        path = tmp_path / name
        path.write_bytes(SOURCES[name].encode(encoding))
        got, errors = _read(path)
        assert got and not errors, [str(e) for e in errors]
        assert "für" in got[0].text


def test_utf16_without_bom_that_does_not_decode_says_so(tmp_path: Path) -> None:
    path = tmp_path / "articles.txt"
    path.write_bytes(TEXT.encode("utf-16-le") + b"\x00\xd8A\x00")  # a lone surrogate
    _, errors = _read(path)
    assert len(errors) == 1 and isinstance(errors[0], EncodingError)
    assert "UTF-16-LE without a byte order mark" in str(errors[0])
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8)  # still plain binary
    _, errors = _read(path)
    assert len(errors) == 1 and "binary data" in str(errors[0])


# --- 3. a locked store over HTTP -----------------------------------------------------------------


@pytest.fixture()
def quick_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Store connections that give up on a lock after 50 ms instead of 30 s."""
    real_open = Store.open

    def open_quick(path: str | Path, *, migrate: bool = True) -> Store:
        store = real_open(path, migrate=migrate)
        store.conn.execute("PRAGMA busy_timeout=50")
        return store

    monkeypatch.setattr(Store, "open", open_quick)


def _locked(*args: object, **kwargs: object) -> None:
    raise sqlite3.OperationalError("database is locked")


@pytest.fixture()
def locked_client(tmp_path: Path, quick_busy: None) -> Iterator[tuple[TestClient, str]]:
    """A client whose store another connection holds write-locked."""
    app = create_app(Settings(db_path=tmp_path / "s.db"))
    with TestClient(app, raise_server_exceptions=False) as client:
        posted = client.post("/api/articles", json={"text": TEXT, "url": "https://bote.test/1"})
        aid = posted.json()["ids"][0]
        assert client.get("/api/articles").status_code == 200  # cached: the next one takes the fast path
        holder = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another process's long write
        holder.execute("UPDATE articles SET title = title")
        try:
            yield client, aid
        finally:
            holder.execute("ROLLBACK")
            holder.close()


def _assert_busy(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers.get("retry-after", "").isdigit()
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert "locked" in body["detail"] and body["retry_after"] > 0


def test_locked_store_is_a_503_with_retry_after_on_writes_and_reads(
        locked_client: tuple[TestClient, str], monkeypatch: pytest.MonkeyPatch) -> None:
    from storydiff.api.cache import ResponseCache
    from storydiff.store.articles import ArticleRepository
    from storydiff.store.stories import StoryRepository

    client, aid = locked_client
    _assert_busy(client.post("/api/articles", json={"text": TEXT.replace("Abend", "Morgen")}))
    # reads meet a lock too under a rollback-journal or exclusive-mode writer (WAL readers are not
    # blocked by a plain write lock): what SQLite raises then, after busy_timeout
    for cls, name in ((ArticleRepository, "get"), (ArticleRepository, "list"), (StoryRepository, "list"),
                      (ResponseCache, "version")):
        monkeypatch.setattr(cls, name, _locked)
    _assert_busy(client.get(f"/api/articles/{aid}"))
    _assert_busy(client.get("/api/articles"))
    _assert_busy(client.get("/api/stories"))


def test_writer_process_sends_a_locked_store_back_as_busy() -> None:
    from storydiff.errors import StoreBusyError

    assert isinstance(_error(_pack_error(sqlite3.OperationalError("database is locked"))), StoreBusyError)
    assert type(_error(_pack_error(sqlite3.OperationalError("disk I/O error")))).__name__ == "StoreError"
