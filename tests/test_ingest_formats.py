"""Format choice (extension, sniffing), directory walks, stdin streams and encoding guesses."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from storydiff.errors import ConfigError
from storydiff.ingest import expand_paths, read_bytes, read_paths, read_stream
from storydiff.ingest.decode import decode_bytes
from storydiff.ingest.formats import choose_format, normalize_format
from storydiff.model import Article
from storydiff.settings import IngestSettings

SETTINGS = IngestSettings()
PAGE = ("<!DOCTYPE html><html lang='en'><head><title>Port strike ends</title></head><body><article><p>"
        + "Dock workers in the port returned to work on Friday after a three-day strike over pay. " * 3
        + "</p></article></body></html>")


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("a.txt", b"{", "txt"),
    ("a.xml", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
    ("a.xml", b'<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
    ("noext", b'{"text": "x"}\n', "jsonl"),
    ("noext", b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    ("noext", b"WARC/1.1\r\n", "warc"),
    ("noext", b"Just words.", "txt"),
    ("a.json", b'{"text": "x"}\n{"text": "y"}', "json"),
])
def test_choose_format(name: str, head: bytes, expected: str) -> None:
    assert choose_format(name, head) == expected


def test_format_names() -> None:
    assert normalize_format("rss") == normalize_format("atom") == "feed"
    assert normalize_format("auto") is None
    with pytest.raises(ConfigError):
        normalize_format("docx")


def test_directory_walk_reads_known_extensions_only(tmp_path: Path) -> None:
    (tmp_path / "sub" / ".hidden").mkdir(parents=True)
    (tmp_path / "sub" / "page.htm").write_text(PAGE)
    (tmp_path / "sub" / ".hidden" / "x.txt").write_text("hidden text")
    (tmp_path / "README.md").write_text("# not an article")
    (tmp_path / "a.txt").write_text("A short note about the strike.")
    files = list(expand_paths([tmp_path, tmp_path / "a.txt"]))
    assert files == [tmp_path / "a.txt", tmp_path / "sub" / "page.htm"]
    [named] = read_paths([tmp_path / "README.md"], SETTINGS)  # named explicitly: read, sniffed as text
    assert isinstance(named, Article) and named.text == "# not an article"


def test_glob_recursive(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    for n in range(3):
        (tmp_path / "d" / f"n{n}.txt").write_text(f"Meldung {n}: Der Streik geht weiter.")
    items = list(read_paths([str(tmp_path / "**" / "*.txt")], SETTINGS))
    assert [i.origin for i in items if isinstance(i, Article)] == [str(tmp_path / "d" / f"n{n}.txt") for n in range(3)]


def test_jsonl_from_stdin_stream() -> None:
    lines = [json.dumps({"id": f"s{n}", "text": f"Text {n}.", "published": "2024-03-14"}) for n in range(3)]
    stream = io.BytesIO(("\n".join(lines) + "\n").encode())
    items = list(read_stream(stream, "<stdin>", "jsonl", SETTINGS))
    assert [i.external_id for i in items if isinstance(i, Article)] == ["s0", "s1", "s2"]
    assert [i.origin for i in items if isinstance(i, Article)][2] == "<stdin>:3"


def test_json_array_and_upload_by_content() -> None:
    data = json.dumps([{"id": "j1", "text": "Erster Text."}, {"id": "j2", "text": "Zweiter Text."}]).encode()
    items = list(read_bytes(data, "upload.json", None, SETTINGS))
    assert [(i.external_id, i.origin) for i in items if isinstance(i, Article)] == [("j1", "upload.json#1"),
                                                                                   ("j2", "upload.json#2")]
    [page] = read_bytes(PAGE.encode(), "upload", None, SETTINGS)
    assert isinstance(page, Article) and page.title == "Port strike ends" and page.language == "en"


def test_cyrillic_legacy_encoding_is_not_forced_to_cp1252() -> None:
    text = "Президент заявил, что переговоры о мире продолжатся в понедельник в столице. " * 3
    assert decode_bytes(text.encode("cp1251"), "ru.txt") == text


def test_txt_header_block_and_headline_rules(tmp_path: Path) -> None:
    path = tmp_path / "h.txt"
    path.write_text("Title: Streik beendet\nDate: 18.03.2024 09:30\nLang: de\n\nDie Arbeit ruht nicht mehr.")
    [article] = read_paths([path], SETTINGS)
    assert isinstance(article, Article)
    assert (article.title, article.language, article.text) == ("Streik beendet", "de", "Die Arbeit ruht nicht mehr.")
    assert article.published is not None and article.published.isoformat() == "2024-03-18T09:30:00+00:00"
    path.write_text("Berlin: Die Regierung hat am Montag entschieden.\n\nMehr folgt.")
    [article] = read_paths([path], SETTINGS)
    assert isinstance(article, Article) and article.title is None and article.text.startswith("Berlin:")
