"""The one settings object that travels through the pipeline.

Every stage reads its own section; the CLI, the HTTP API and the Dask jobs build a
:class:`Settings` from their options and pass it down. Defaults are the tuned values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

__all__ = ["ClusterSettings", "CompareSettings", "DedupSettings", "IngestSettings", "Settings", "default_db_path"]


def default_db_path() -> Path:
    """``$STORYDIFF_DB`` if set, else ``./storydiff.db``."""
    return Path(os.environ.get("STORYDIFF_DB") or "storydiff.db")


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_file_bytes: int = 20 * 1024 * 1024
    max_text_chars: int = 1_000_000
    #: field names for JSONL/CSV records: storydiff field -> input field
    field_map: dict[str, str] = field(default_factory=dict)
    detect_language: bool = True
    batch_size: int = 500


@dataclass(frozen=True, slots=True)
class DedupSettings:
    shingle_size: int = 5
    char_shingle_size: int = 5
    #: texts with fewer words than this are shingled by characters
    short_text_words: int = 40
    num_perm: int = 128
    threshold: float = 0.5
    containment_threshold: float = 0.8
    seed: int = 1


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    threshold: float = 0.3
    window_hours: float = 72.0
    seed: int = 1


@dataclass(frozen=True, slots=True)
class CompareSettings:
    summary_sentences: int = 4


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path = field(default_factory=default_db_path)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    dedup: DedupSettings = field(default_factory=DedupSettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    compare: CompareSettings = field(default_factory=CompareSettings)
    #: show progress bars (only ever on a terminal)
    progress: bool = True

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)
