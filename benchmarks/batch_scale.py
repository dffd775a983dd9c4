"""Batch mode (Dask, 2-worker LocalCluster) against the embedded pipeline at 10k / 100k / 1M articles.

The corpus is built from the real dev articles (``../shared/dev/articles.jsonl``),
each copy perturbed (words dropped and swapped, a fresh URL and date) so that most are
distinct and some stay near-duplicates. Reported per size: wall time of ``run_batch``,
bytes of the shuffled partitions, peak memory per worker (sampled every 0.5 s from the
scheduler's worker metrics), the story clustering stage's own time, and the embedded
``Pipeline`` with its dedup and cluster stages beside it (10k only unless
``--embedded-all``), with the pairwise F1 of the batch stories against the embedded ones
(:mod:`storydiff.cluster.metrics`; the corpus is written in time order, so the embedded
ingest is the time-ordered run). ``--quick`` runs 10k only. The last line is
``batch_s_10k=X story_s_10k=X embedded_s_10k=X story_f1_10k=X ...``.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from storydiff.cluster.metrics import score_clustering
from storydiff.distributed import run_batch
from storydiff.ingest.jsonl import read_jsonl
from storydiff.pipeline import Pipeline
from storydiff.settings import Settings
from storydiff.store import Store

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"


def build_corpus(path: Path, n: int, seed: int = 1) -> None:
    base = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    day = datetime(2022, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            src = base[i % len(base)]
            words = src["text"].split()
            if rng.random() < 0.9:  # most copies become distinct texts
                rng.shuffle(words)
                words = [w for w in words if rng.random() > 0.1]
            rec = {"id": f"x{i}", "url": f"https://bench.test/{i}", "source": f"s{i % 97}.test", "lang": src["lang"],
                   "date": (day + timedelta(minutes=i)).isoformat(), "text": " ".join(words)}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _sample_memory(address: str, stop: threading.Event, peak: dict[str, int]) -> None:
    from distributed import Client

    with Client(address) as client:
        while not stop.is_set():
            for addr, info in client.scheduler_info(n_workers=-1)["workers"].items():
                peak[addr] = max(peak.get(addr, 0), int(info["metrics"]["memory"]))
            stop.wait(0.5)


def bench_batch(corpus: Path, out: Path, settings: Settings) -> dict[str, Any]:
    from distributed import LocalCluster

    peak: dict[str, int] = {}
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster:
        stop = threading.Event()
        sampler = threading.Thread(target=_sample_memory, args=(cluster.scheduler_address, stop, peak))
        sampler.start()
        t = time.perf_counter()
        report = run_batch([str(corpus)], str(out), settings, scheduler=cluster.scheduler_address,
                           blocksize=4 << 20)
        wall = time.perf_counter() - t
        stop.set()
        sampler.join()
    table = pq.read_table(out / "articles.parquet", columns=["id", "story"])
    stories = {r["id"]: r["story"] for r in table.to_pylist()}
    return {"wall_s": wall, "shuffle_mb": report.shuffle_bytes / 1e6, "pairs": report.pairs, "groups": report.groups,
            "partitions": report.partitions, "peak_worker_mb": max(peak.values(), default=0) / 1e6,
            "story_s": report.story_s, "chunks": report.chunks, "stages": report.stage_s, "stories": stories}


def bench_embedded(corpus: Path, db: Path, settings: Settings) -> tuple[float, dict[str, str]]:
    """Seconds of an embedded ingest with the default stages (dedup, cluster) and its stories."""
    t = time.perf_counter()
    with Store.open(db) as store, corpus.open("rb") as fh:
        Pipeline(store, settings).ingest(read_jsonl(fh, str(corpus), settings.ingest))
        wall = time.perf_counter() - t
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
        return wall, store.stories.stories_of(ids)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="10k articles only")
    parser.add_argument("--embedded-all", action="store_true", help="run the embedded pipeline at every size")
    parser.add_argument("--sizes", type=int, nargs="*", default=None, help="corpus sizes (default 10k 100k 1M)")
    args = parser.parse_args()
    if not DEV.exists():
        raise SystemExit(f"benchmark needs {DEV}")
    sizes = [10_000] if args.quick else (args.sizes or [10_000, 100_000, 1_000_000])
    settings = Settings(progress=False)
    parts: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            label = f"{n // 1000}k" if n < 1_000_000 else f"{n // 1_000_000}M"
            corpus = Path(tmp) / f"corpus-{label}.jsonl"
            build_corpus(corpus, n)
            b = bench_batch(corpus, Path(tmp) / f"out-{label}", settings)
            print(f"batch {label}: {b['wall_s']:.1f} s, shuffle {b['shuffle_mb']:.1f} MB, peak worker "
                  f"{b['peak_worker_mb']:.0f} MB, {b['partitions']} partitions, {b['pairs']} pairs, "
                  f"{b['groups']} groups, stories {b['story_s']:.1f} s in {b['chunks']} chunks; stages done at "
                  + ", ".join(f"{name} {t:.1f} s" for name, t in b["stages"].items()))
            parts.append(f"batch_s_{label}={b['wall_s']:.1f} story_s_{label}={b['story_s']:.1f} "
                         f"shuffle_mb_{label}={b['shuffle_mb']:.1f} peak_worker_mb_{label}={b['peak_worker_mb']:.0f}")
            if n == 10_000 or args.embedded_all:
                e, want = bench_embedded(corpus, Path(tmp) / f"embedded-{label}.db", settings)
                f1 = score_clustering(want, b["stories"]).pairwise.f1
                print(f"embedded {label}: {e:.1f} s (dedup and cluster stages); story pairwise F1 batch vs embedded "
                      f"{f1:.4f}, {len(set(want.values()))} stories")
                parts.append(f"embedded_s_{label}={e:.1f} story_f1_{label}={f1:.4f}")
            corpus.unlink()
    print(" ".join(parts))


if __name__ == "__main__":
    main()
