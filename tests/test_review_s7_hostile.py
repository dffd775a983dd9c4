"""Review s7: hostile JSON numbers and terminal escapes the first hostile-input round let through."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from storydiff.cli import main
from storydiff.cli.common import TerminalSafe
from storydiff.errors import FormatError, InputError
from storydiff.ingest import read_paths
from storydiff.model import Article
from storydiff.settings import IngestSettings

TEXT = "Der Stadtrat von Lindenau hat am Abend den Haushalt für das kommende Jahr beschlossen. Nummer "


def _no_constants(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def test_overflowing_float_reads_as_null_so_json_output_stays_json(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    # 1e400 is valid JSON but Python reads it as inf, which json.dumps writes as the non-JSON Infinity
    path = tmp_path / "big.jsonl"
    path.write_text('{"id": "b1", "text": "' + TEXT + '", "score": 1e400, "published": -1e999}\n')
    db = str(tmp_path / "s.db")
    assert main(["-q", "--db", db, "ingest", str(path)]) == 0
    capsys.readouterr()
    assert main(["-q", "--db", db, "show", "b1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out, parse_constant=_no_constants)
    assert shown["metadata"]["score"] is None and shown["published"] is None


def test_a_huge_integer_is_an_error_of_its_line_not_of_the_file(tmp_path: Path) -> None:
    # int() refuses more than 4300 digits with a ValueError that is not a JSONDecodeError
    path = tmp_path / "huge.jsonl"
    lines = [json.dumps({"id": "h1", "text": TEXT + "eins"}), '{"id": "h2", "text": "x", "n": 1' + "0" * 5000 + "}",
             json.dumps({"id": "h3", "text": TEXT + "drei"})]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_paths([path], IngestSettings()))
    assert [type(i) for i in items] == [Article, FormatError, Article]
    assert isinstance(items[1], FormatError) and items[1].where == f"{path}:2"


def test_c1_controls_do_not_reach_the_terminal() -> None:
    # U+009B is the one-character CSI: "\x9b2J" clears the screen on terminals that honour C1 controls
    buf = io.StringIO()
    TerminalSafe(buf).write("Titel\x9b2J und\x85NEL\tTab\n")
    assert buf.getvalue() == "Titel\ufffd2J und\ufffdNEL\tTab\n"


def test_json_output_keeps_c1_controls_as_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c1.jsonl"
    path.write_text(json.dumps({"id": "c1", "text": TEXT + "\x85 und \x9b2J"}) + "\n")
    db = str(tmp_path / "s.db")
    assert main(["-q", "--db", db, "ingest", str(path)]) == 0
    capsys.readouterr()
    assert main(["-q", "--db", db, "show", "c1", "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x9b" not in out and "\ufffd" not in out
    assert json.loads(out)["text"].endswith("\x85 und \x9b2J")


def test_feed_entry_of_control_characters_only_is_empty_not_a_stored_article(tmp_path: Path) -> None:
    path = tmp_path / "f.rss"
    path.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
                     b"<item><title>x</title><link>http://e.x/1</link><description>\x1b\x01</description></item>"
                     b"<item><title>y</title><link>http://e.x/2</link><description>Ein Text.</description></item>"
                     b"</channel></rss>")
    items = list(read_paths([path], IngestSettings()))
    assert isinstance(items[0], InputError) and items[0].where == f"{path}#1"
    assert isinstance(items[1], Article) and items[1].text == "Ein Text."


def test_table_cells_hold_no_carriage_return(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a bare CR in an external id moved the cursor back and let the id overwrite its own row
    path = tmp_path / "cr.jsonl"
    path.write_text(json.dumps({"id": "echt\rFALSCH", "text": TEXT + "cr"}) + "\n")
    db = str(tmp_path / "s.db")
    assert main(["-q", "--db", db, "ingest", str(path)]) == 0
    capsys.readouterr()
    assert main(["-q", "--db", db, "articles"]) == 0
    listing = capsys.readouterr().out
    assert "\r" not in listing and "echt FALSCH" in listing
