"""Batch mode: the dedup (and story) stages over corpora beyond one machine, on Dask.

``run_batch(inputs, out_dir, settings)`` reads JSONL, Parquet and WARC shards from local
paths or fsspec URLs, and writes Parquet results equal to those of an embedded ingest.
Dask is imported only when a job runs, so the core package works without the
``storydiff[distributed]`` extra.
"""

from __future__ import annotations

from storydiff.distributed.job import BatchReport, run_batch

__all__ = ["BatchReport", "run_batch"]
