"""A WARC gzipped whole (``gzip crawl.warc``) instead of one gzip member per record."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from storydiff.errors import FormatError
from storydiff.ingest import read_paths
from storydiff.model import Article
from storydiff.settings import IngestSettings


def _plain_warc(pages: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for n in range(pages):
        html = f"<html><body><article><p>{f'Bericht Nummer {n} über das Hochwasser in der Stadt. ' * 5}</p>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://x.example/{n}", "response",
                                                      payload=io.BytesIO(html.encode()), http_headers=http))
    return out.getvalue()


def test_whole_file_gzip_warc_is_read_completely(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(_plain_warc(4)))
    items = list(read_paths([path], IngestSettings()))
    assert [getattr(i, "url", None) for i in items] == [f"https://x.example/{n}" for n in range(4)]
    assert [i.origin for i in items if isinstance(i, Article)] == [f"{path}#{n}" for n in range(1, 5)]


def test_cut_off_whole_file_gzip_warc_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    data = gzip.compress(_plain_warc(6), compresslevel=0)  # stored: the cut falls where we put it
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_paths([path], IngestSettings()))
    assert [type(i) for i in items[:3]] == [Article] * 3
    assert isinstance(items[-1], FormatError) and str(path) in str(items[-1])
    assert len(items) <= 6 and all(isinstance(i, Article) for i in items[:-1])
