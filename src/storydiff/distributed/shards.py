"""Input shards: which pieces of which files each Dask partition reads.

Inputs are local paths, directories, globs or any fsspec URL (``s3://``, ``gs://``,
``hdfs://``, ``https://`` ...). :func:`plan_shards` runs on the client and touches only
listings and Parquet footers; :func:`read_shard` runs on a worker and turns one shard
into articles with the package's own readers:

* JSON Lines (``.jsonl``, ``.ndjson``): uncompressed files are cut into ``blocksize``
  byte ranges aligned on line starts (a line belongs to the range holding its first
  byte); every range goes through :func:`storydiff.ingest.jsonl.read_jsonl`.
* Parquet (``.parquet``, ``.pq``): row groups are packed into shards of about
  ``rows_per_shard`` rows; each row becomes an article through
  :func:`storydiff.ingest.records.record_to_article` (the JSONL field mapping).
* everything else (WARC, CSV, HTML, feeds, text): one shard per file, read by
  :func:`storydiff.ingest.read_stream` with the format it detects from the name.

>>> Shard("data/a.jsonl", "jsonl", 0, 100).name
'data/a.jsonl'
>>> Shard("data/a.jsonl", "jsonl", 100, 200).name
'data/a.jsonl@100'
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from storydiff.errors import ConfigError, FormatError, InputError
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["Shard", "detect_format", "plan_shards", "read_shard"]

_SUFFIXES = (
    ((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.bz2", ".jsonl.zst"), "jsonl"),
    ((".parquet", ".pq"), "parquet"),
    ((".warc", ".warc.gz", ".arc", ".arc.gz"), "warc"),
    ((".json",), "json"),
    ((".csv", ".tsv", ".csv.gz"), "csv"),
    ((".html", ".htm"), "html"),
    ((".rss", ".atom", ".xml"), "rss"),
    ((".txt",), "txt"),
)


def detect_format(path: str) -> str | None:
    """The reader for ``path`` from its name, or ``None``.

    >>> detect_format("s3://bucket/crawl/part-0001.warc.gz"), detect_format("x.doc")
    ('warc', None)
    """
    lower = path.lower()
    for suffixes, fmt in _SUFFIXES:
        if lower.endswith(suffixes):
            return fmt
    return None


@dataclass(frozen=True, slots=True)
class Shard:
    """``path`` read as ``fmt``; ``start``/``stop`` are bytes (JSONL) or row groups (Parquet)."""

    path: str
    fmt: str
    start: int = 0
    stop: int = -1

    @property
    def name(self) -> str:
        """What errors name: the path, with the byte offset for later JSONL blocks."""
        return self.path if self.start == 0 or self.fmt != "jsonl" else f"{self.path}@{self.start}"


def _expand(inputs: Sequence[str]) -> list[tuple[object, str]]:
    import fsspec

    files: list[tuple[object, str]] = []
    for spec in inputs:
        fs, _, paths = fsspec.get_fs_token_paths(spec)
        if not paths:
            raise ConfigError(f"{spec}: no such file or directory")
        for path in paths:
            if fs.isdir(path):
                found = sorted(p for p in fs.find(path) if detect_format(p))
                if not found:
                    raise ConfigError(f"{spec}: no readable files in this directory")
                files.extend((fs, p) for p in found)
            elif fs.exists(path):
                files.append((fs, path))
            else:
                raise ConfigError(f"{spec}: no such file or directory")
    return files


def plan_shards(inputs: Sequence[str], *, blocksize: int = 32 << 20, rows_per_shard: int = 50_000,
                fmt: str | None = None) -> list[Shard]:
    """The shards of ``inputs`` in input order (see module docstring)."""
    shards: list[Shard] = []
    from fsspec.implementations.local import LocalFileSystem

    for fs, path in _expand(inputs):
        url = path if isinstance(fs, LocalFileSystem) else fs.unstrip_protocol(path)  # type: ignore[attr-defined]
        kind = fmt or detect_format(path)
        if kind is None:
            raise ConfigError(f"{path}: unknown format (give --format or use a known extension)")
        if kind == "parquet":
            import pyarrow.parquet as pq

            with fs.open(path, "rb") as fh:  # type: ignore[attr-defined]
                meta = pq.ParquetFile(fh).metadata
            start, rows = 0, 0
            for g in range(meta.num_row_groups):
                rows += meta.row_group(g).num_rows
                if rows >= rows_per_shard:
                    shards.append(Shard(url, kind, start, g + 1))
                    start, rows = g + 1, 0
            if start < meta.num_row_groups or meta.num_row_groups == 0:
                shards.append(Shard(url, kind, start, meta.num_row_groups))
        elif kind == "jsonl" and detect_format(path) == "jsonl" and path.lower().endswith((".jsonl", ".ndjson")):
            size = int(fs.size(path))  # type: ignore[attr-defined]
            shards.extend(Shard(url, kind, s, min(s + blocksize, size)) for s in range(0, max(size, 1), blocksize))
        else:
            shards.append(Shard(url, kind))
    return shards


def _jsonl_block(shard: Shard) -> bytes:
    import fsspec

    with fsspec.open(shard.path, "rb") as fh:
        if shard.start > 0:
            fh.seek(shard.start - 1)
            fh.readline()  # finish the line that started in the previous block
        out = io.BytesIO()
        while fh.tell() < shard.stop:
            line = fh.readline()
            if not line:
                break
            out.write(line)
    return out.getvalue()


def _parquet_rows(shard: Shard, settings: IngestSettings) -> Iterator[Article | InputError]:
    import fsspec
    import pyarrow.parquet as pq

    from storydiff.ingest.records import record_to_article, resolve_fields

    fields = resolve_fields(settings)
    with fsspec.open(shard.path, "rb") as fh:
        pf = pq.ParquetFile(fh)
        row = sum(pf.metadata.row_group(g).num_rows for g in range(shard.start))
        for g in range(shard.start, shard.stop):
            for record in pf.read_row_group(g).to_pylist():
                row += 1
                try:
                    yield record_to_article(record, settings, f"{shard.path}#{row}", fields)
                except InputError as exc:
                    yield exc


def read_shard(shard: Shard, settings: IngestSettings) -> Iterator[Article | InputError]:
    """Articles (and input errors in their place) of one shard."""
    if shard.fmt == "parquet":
        yield from _parquet_rows(shard, settings)
        return
    if shard.fmt == "jsonl" and shard.stop >= 0:
        from storydiff.ingest.jsonl import read_jsonl

        data = _jsonl_block(shard)
        if data.strip() or shard.start == 0:
            yield from read_jsonl(io.BytesIO(data), shard.name, settings)
        return
    import fsspec

    from storydiff import ingest

    try:
        with fsspec.open(shard.path, "rb", compression=None if shard.fmt == "warc" else "infer") as fh:
            yield from ingest.read_stream(fh, shard.path, shard.fmt, settings)
    except OSError as exc:
        yield FormatError(shard.path, f"cannot read: {exc}")
