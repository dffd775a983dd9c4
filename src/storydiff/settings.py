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
    #: weight of false negatives (1 - weight of false positives) when LSH bands are chosen;
    #: candidates are verified exactly, so missing a pair costs more than checking one
    lsh_recall_weight: float = 0.8
    #: also index lead keys (the first 150 normalised characters), so that a brief cut from the
    #: start of a longer story is a containment candidate whatever its length (see dedup.lead)
    lead_keys: bool = True


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    #: an article joins the best story whose (time-decayed) similarity reaches this
    threshold: float = 0.2
    #: a story quiet for longer than this takes no new article
    window_hours: float = 72.0
    seed: int = 1
    #: similarity is multiplied by exp(-gap / decay_hours), gap = time since the story's mean time
    decay_hours: float = 24.0
    #: extra weight of title and lead terms, of names, of numbers
    title_weight: float = 1.0
    name_weight: float = 1.0
    number_weight: float = 0.3
    #: factor on the names-and-numbers-only similarity (links across languages)
    shared_weight: float = 1.0
    #: only the first max_chars characters of a text are read
    max_chars: int = 4000
    #: an article looks up candidate stories by its query_terms highest-weighted features
    query_terms: int = 24
    #: at most this many candidates (most shared query terms first) are scored exactly
    max_candidates: int = 64
    #: a story centroid keeps at most this many features
    centroid_terms: int = 400
    #: two active stories whose centroids reach this similarity are merged (0 or above 1: never)
    merge_threshold: float = 0.3
    #: factor on an article's best similarity to one recent member of a story (0: centroid only)
    member_weight: float = 0.9
    #: per story, the last member_limit members are kept with their member_terms heaviest features
    member_terms: int = 48
    member_limit: int = 16


@dataclass(frozen=True, slots=True)
class CompareSettings:
    summary_sentences: int = 4
    #: sentence similarity (0.7 dice of stems + 0.3 token-sort ratio) at which sentences are aligned
    align_threshold: float = 0.45
    #: at most this many conflicts (and refinements) are reported, most salient first
    max_conflicts: int = 200
    #: only the first this many characters of each article are compared (a long feature has 30,000);
    #: offsets stay those of the whole text
    max_article_chars: int = 60_000


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
