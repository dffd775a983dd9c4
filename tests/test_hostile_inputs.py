"""Hostile inputs a crawl delivers: absurd dates, NaN, pipes, empty directories, crashing readers,
unclosed CSV quotes, control characters. Each test failed before its fix."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from storydiff.cli import main
from storydiff.errors import EmptyInputError, FormatError, InputError
from storydiff.ingest import read_paths
from storydiff.model import Article
from storydiff.settings import IngestSettings
from storydiff.store import Store

TEXT = "Der Stadtrat von Lindenau hat am Abend den Haushalt für das kommende Jahr beschlossen. Nummer "


def _read(*paths: Path | str) -> list[Article | InputError]:
    return list(read_paths(list(paths), IngestSettings()))


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def test_absurd_dates_neither_crash_nor_lose_the_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dates = ["2024-05-01T10:00:00+02:00", "0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59",
             "Tue, 31 Dec 9999 23:59:59 -2359", "0001-01-01", "9999-12-31"]
    path = tmp_path / "dates.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": TEXT + str(i), "published": d}) for i, d in enumerate(dates)]
    path.write_text("\n".join(lines) + '\n{"id": "nan", "text": "' + TEXT + ' nan", "published": NaN}\n')
    db = tmp_path / "s.db"
    assert main(["-q", "--db", str(db), "ingest", str(path)]) == 0
    assert "new 7" in capsys.readouterr().out
    with Store.open(db) as store:
        first = store.articles.get("d0")
        assert first is not None and first.published is not None and first.published.hour == 8
        for i in range(1, 6):
            odd = store.articles.get(f"d{i}")
            assert odd is not None and odd.published is None
            assert odd.metadata["unparsed_date"] == dates[i]


def test_feed_dates_out_of_range_or_impossible_are_no_dates(tmp_path: Path) -> None:
    entries = "".join(
        f"<entry><title>E{i}</title><id>urn:{i}</id><updated>{d}</updated><content>{TEXT}{i}</content></entry>"
        for i, d in enumerate(["2024-02-10T10:00:00Z", "0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59",
                               "2024-13-45T99:99:99Z", "2024-02-30T10:00:00Z"]))
    path = tmp_path / "f.atom"
    path.write_text(f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{entries}</feed>')
    items = _read(path)
    assert all(isinstance(i, Article) for i in items) and len(items) == 5
    assert [i.published.day if isinstance(i, Article) and i.published else None for i in items] == [
        10, None, None, None, None]


def test_nan_and_infinity_read_as_null_so_json_output_stays_json(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nan.jsonl"
    path.write_text('{"id": "n1", "text": "' + TEXT + '", "score": NaN, "rank": [Infinity, -Infinity]}\n')
    db = str(tmp_path / "s.db")
    assert main(["-q", "--db", db, "ingest", str(path)]) == 0
    capsys.readouterr()
    assert main(["-q", "--db", db, "show", "n1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out, parse_constant=_no_constants)
    assert shown["metadata"] == {"score": None, "rank": [None, None]}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_named_pipe_is_read_as_a_stream(tmp_path: Path) -> None:
    pipe = tmp_path / "feed.jsonl"  # what bash's <(zcat crawl.jsonl.gz) gives
    os.mkfifo(pipe)
    record = json.dumps({"id": "p1", "text": TEXT + "pipe"}).encode() + b"\n"

    def write() -> None:
        with pipe.open("wb") as out:
            out.write(record * 2)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    items = _read(pipe)
    writer.join(timeout=5)
    assert [getattr(i, "external_id", None) for i in items] == ["p1", "p1"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_walk_skips_pipes_and_dangling_links_with_an_error(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    os.mkfifo(crawl / "a.jsonl")  # reading it would block forever
    (crawl / "b.jsonl").symlink_to(tmp_path / "gone.jsonl")
    (crawl / "c.jsonl").write_text(json.dumps({"id": "c1", "text": TEXT}) + "\n")
    items = _read(crawl)
    assert [type(i) for i in items] == [InputError, InputError, Article]
    assert str(crawl / "a.jsonl") in str(items[0]) and "not a regular file" in str(items[0])
    assert str(crawl / "b.jsonl") in str(items[1])


def test_named_directory_without_inputs_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "photos"
    empty.mkdir()
    (empty / "a.jpg").write_bytes(b"\xff\xd8\xff")
    [item] = _read(empty)
    assert isinstance(item, EmptyInputError) and str(empty) in str(item)
    assert main(["-q", "--db", str(tmp_path / "s.db"), "ingest", str(empty)]) == 1
    assert str(empty) in capsys.readouterr().err


def test_a_crashing_reader_ends_only_its_own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storydiff.ingest as ingest

    def broken(data: bytes, name: str, settings: IngestSettings) -> Iterator[Article | InputError]:
        yield Article(text=TEXT + "vorher", external_id="x0")
        raise KeyError("a library bug met on hostile input")

    monkeypatch.setattr(ingest, "read_txt", broken)
    bad, good = tmp_path / "bad.txt", tmp_path / "good.jsonl"
    bad.write_text(TEXT)
    good.write_text(json.dumps({"id": "g1", "text": TEXT}) + "\n")
    items = _read(bad, good)
    assert [type(i) for i in items] == [Article, FormatError, Article]
    assert str(bad) in str(items[1]) and "KeyError" in str(items[1])


def test_csv_quote_never_closed_is_an_error_not_a_swallowed_file(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('id,text\n1,"Ein Text mit 5" Zoll\n2,"Anführung ohne Ende\n3,Noch ein Text\n4,Und noch einer\n')
    items = _read(path)
    assert [type(i) for i in items] == [Article, FormatError]
    assert isinstance(items[1], FormatError) and items[1].where == f"{path}:3" and "not closed" in str(items[1])


def test_control_characters_and_huge_titles_are_cleaned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ctl.jsonl"
    rows = [
        {"id": "t1", "title": "Rot\x1b[31m\x00 Titel\r\nzwei", "source": "s\x07rc", "text": TEXT + "\x00\x1b[2J eins"},
        {"id": "t2", "title": "T" * 100_000, "text": TEXT + "zwei"},
        {"id": "t3", "text": "\x00\x01\x1b"},
        {"id": "esc\x1b[2J", "text": TEXT + "drei"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = str(tmp_path / "s.db")
    assert main(["-q", "--db", db, "ingest", str(path)]) == 1  # t3 has no text
    assert "ctl.jsonl:3" in capsys.readouterr().err
    with Store.open(db) as store:
        one, two = store.articles.get("t1"), store.articles.get("t2")
        assert one is not None and two is not None
        assert one.title == "Rot [31m Titel zwei" and one.source == "s rc"
        assert "\x00" not in one.text and "\x1b" not in one.text
        assert two.title is not None and len(two.title) == 2048 and two.title.endswith("…")
    assert main(["-q", "--db", db, "articles"]) == 0
    listing = capsys.readouterr().out
    assert "\x1b" not in listing and "esc\ufffd[2J" in listing
