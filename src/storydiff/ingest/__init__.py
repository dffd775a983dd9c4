"""Readers: one module per format, each turning input into :class:`~storydiff.model.Article` objects.

(Being written: see the reader modules.)
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from storydiff.errors import InputError
from storydiff.model import Article
from storydiff.settings import IngestSettings

__all__ = ["read_paths", "read_stream"]


def read_paths(paths: Iterable[str | Path], settings: IngestSettings, *, fmt: str | None = None
               ) -> Iterator[Article | InputError]:
    raise NotImplementedError


def read_stream(stream: BinaryIO, name: str, fmt: str, settings: IngestSettings) -> Iterator[Article | InputError]:
    raise NotImplementedError
