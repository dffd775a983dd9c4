"""Load benchmark of the HTTP API: latency of GET /api/stories and POST /api/articles under 50 clients.

Method: a store of N articles (default 100 000, ``--quick`` 5 000) is built once by
ingesting perturbed copies of the real dev articles (../shared/dev/articles.jsonl) through
the normal :class:`~storydiff.pipeline.Pipeline` (dedup and story stages included), and
cached in a temp dir keyed by N. Each run copies it, starts ``storydiff serve`` in a
subprocess on a free loopback port, and lets ``--clients`` httpx.AsyncClient workers send
a bounded number of requests (each a GET of a stories page, or with probability
``--post-share`` a POST of one new article), stopping early at ``--seconds``. Then it
checks that every request succeeded and that every posted article is in the store.

The line before reports the CPU seconds of the load generator, the server and the writer
during the load, and those of every other process on the machine (on a shared machine,
read the latencies with that figure).

Last line: ``p50_get_ms=X p99_get_ms=X p50_post_ms=X p99_post_ms=X failed=N lost=N``.
Targets: p99 < 100 ms for reads, < 500 ms for a single-article POST. The server runs as
``storydiff serve`` does by default (writer process, story list at most 250 ms stale);
``--in-process-writer`` and ``--list-stale-ms`` compare other settings.

    .venv/bin/python benchmarks/api_load.py --quick
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev" / "articles.jsonl"
CACHE_VERSION = 1


def load_dev() -> list[dict[str, Any]]:
    if not DEV.exists():
        raise SystemExit(f"api_load: {DEV} absent (the benchmark needs the real dev articles)")
    with DEV.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def perturb(base: dict[str, Any], i: int, tag: str) -> dict[str, Any]:
    """Article ``i``: a dev article with some words dropped and sentences reordered, a new URL and date."""
    rng = random.Random(f"{tag}:{i}")
    words = base["text"].split()
    kept = [w for w in words if rng.random() > 0.08]
    cut = rng.randrange(len(kept)) if kept else 0
    text = " ".join(kept[cut:] + kept[:cut])
    day = datetime.fromisoformat(base["date"]) if base.get("date") else datetime(2022, 1, 1)
    published = day.replace(tzinfo=UTC) + timedelta(days=7 * (i // 400), minutes=rng.randrange(24 * 60))
    return {"text": text or base["text"], "title": base.get("title"), "source": f"{tag}-{i % 97}.test",
            "url": f"https://{tag}-{i % 97}.test/{i}", "published": published.isoformat(), "language": base["lang"]}


def build_store(path: Path, n: int) -> None:
    from storydiff.ingest import read_bytes
    from storydiff.pipeline import Pipeline
    from storydiff.settings import Settings
    from storydiff.store import Store

    dev = load_dev()
    settings = Settings(db_path=path, progress=False)
    started = time.perf_counter()
    with Store.open(path) as store:
        pipeline = Pipeline(store, settings)
        for lo in range(0, n, 1000):
            batch = "\n".join(json.dumps(perturb(dev[i % len(dev)], i, "bench")) for i in range(lo, min(n, lo + 1000)))
            report = pipeline.ingest(read_bytes(batch.encode(), f"bench-{lo}.jsonl", "jsonl", settings.ingest))
            if report.failed:
                raise SystemExit(f"api_load: synthetic ingest failed: {report.errors[:3]}")
            print(f"  built {min(n, lo + 1000)}/{n} articles ({time.perf_counter() - started:.0f} s)",
                  file=sys.stderr, flush=True)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def cached_store(n: int, cache_dir: Path) -> Path:
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"store-{n}-v{CACHE_VERSION}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".building")
    for leftover in cache_dir.glob(partial.name + "*"):
        leftover.unlink()
    print(f"api_load: building a store of {n} articles in {cache_dir} (cached for later runs)", file=sys.stderr)
    build_store(partial, n)
    partial.rename(path)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, extra: list[str] | None = None) -> subprocess.Popen[bytes]:
    code = "from storydiff.cli import main; raise SystemExit(main())"
    proc = subprocess.Popen([sys.executable, "-c", code, "--db", str(db), "-q", "serve", "--port", str(port),
                             *(extra or [])])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit("api_load: the server exited at start")
    proc.terminate()
    raise SystemExit("api_load: the server did not start in 60 s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (Linux ``/proc``; 0 elsewhere or when gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def busy_seconds() -> float:
    """CPU seconds every process on this machine spent so far (Linux ``/proc/stat``; 0 elsewhere)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux ``/proc``; empty elsewhere)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in task.read_text().split()]
    return found


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def load(base: str, clients: int, total: int, seconds: float, post_share: float,
               think_ms: float = 0.0) -> dict[str, Any]:
    dev = load_dev()
    gets: list[float] = []
    posts: list[float] = []
    posted: list[str] = []
    failures: list[str] = []
    counter = iter(range(total))
    deadline = time.perf_counter() + seconds

    def jobs() -> Iterator[int]:
        for i in counter:
            if time.perf_counter() > deadline:
                return
            yield i

    async def worker(client: httpx.AsyncClient) -> None:
        for i in jobs():
            rng = random.Random(f"req:{i}")
            if think_ms:
                await asyncio.sleep(rng.uniform(0, 2 * think_ms) / 1000)
            is_post = rng.random() < post_share
            t0 = time.perf_counter()
            try:
                if is_post:
                    body = perturb(dev[rng.randrange(len(dev))], i, "post")
                    r = await client.post("/api/articles", json=body)
                else:
                    r = await client.get("/api/stories", params={"limit": 20, "offset": rng.choice([0, 0, 0, 20, 40])})
            except httpx.HTTPError as exc:
                failures.append(f"{type(exc).__name__}: {exc}")
                continue
            elapsed = (time.perf_counter() - t0) * 1000
            if r.status_code != 200:
                failures.append(f"{r.status_code}: {r.text[:200]}")
            elif is_post:
                posts.append(elapsed)
                posted.extend(r.json()["ids"])
            else:
                gets.append(elapsed)

    # one client (one keep-alive connection) per simulated user: no shared pool to contend for
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    pool = [httpx.AsyncClient(base_url=base, timeout=60, limits=limits) for _ in range(clients)]
    try:
        t0, cpu0 = time.perf_counter(), time.process_time()
        await asyncio.gather(*(worker(client) for client in pool))
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    finally:
        for client in pool:
            await client.aclose()
    return {"gets": gets, "posts": posts, "posted": posted, "failures": failures, "wall": wall, "client_cpu": cpu}


def count_articles(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--articles", type=int, default=100_000, help="articles in the store (default 100000)")
    ap.add_argument("--quick", action="store_true", help="5000 articles, fewer requests")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=None, help="total requests (default 4000, quick 1500)")
    ap.add_argument("--post-share", type=float, default=0.1, help="share of requests that POST one article")
    ap.add_argument("--think-ms", type=float, default=0.0,
                    help="mean pause of a client between requests (0: each client sends as fast as it can)")
    ap.add_argument("--seconds", type=float, default=120.0, help="stop sending after this long")
    ap.add_argument("--in-process-writer", action="store_true",
                    help="serve with the writer in the server process (default: its own process)")
    ap.add_argument("--list-stale-ms", type=float, default=None,
                    help="passed to `storydiff serve` (how far story lists may lag behind writes)")
    ap.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "storydiff-bench")
    args = ap.parse_args()
    n = 5_000 if args.quick else args.articles
    total = args.requests or (1_500 if args.quick else 4_000)
    source = cached_store(n, args.cache_dir)
    with tempfile.TemporaryDirectory(prefix="storydiff-load-") as tmp:
        db = Path(tmp) / "run.db"
        shutil.copyfile(source, db)
        before = count_articles(db)
        port = free_port()
        extra = ["--in-process-writer"] if args.in_process_writer else []
        if args.list_stale_ms is not None:
            extra += ["--list-stale-ms", str(args.list_stale_ms)]
        server = start_server(db, port, extra)
        try:
            t0 = time.perf_counter()
            warm = httpx.post(f"http://127.0.0.1:{port}/api/articles", timeout=3600,
                              json=perturb(load_dev()[0], 0, "warm"))
            warm_s = time.perf_counter() - t0
            if warm.status_code != 200:
                raise SystemExit(f"api_load: warm-up POST failed: {warm.status_code} {warm.text[:200]}")
            before += warm.json()["new"]
            print(f"first POST (loads the pipeline's in-memory state): {warm_s:.2f} s")
            procs = [server.pid, *children(server.pid)]
            cpu0 = [cpu_seconds(p) for p in procs]
            busy0 = busy_seconds()
            result = asyncio.run(load(f"http://127.0.0.1:{port}", args.clients, total, args.seconds, args.post_share,
                                   args.think_ms))
            used = [cpu_seconds(p) - c for p, c in zip(procs, cpu0, strict=True)]
            others = max(0.0, busy_seconds() - busy0 - sum(used) - result["client_cpu"])
        finally:
            server.terminate()
            server.wait(timeout=30)
        posted = set(result["posted"])
        with sqlite3.connect(db) as conn:
            marks = ",".join("?" * len(posted))
            found = {r[0] for r in conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", sorted(posted))}
        after = count_articles(db)
    lost = len(posted - found) + max(0, before + len(posted) - after)
    gets, posts, failures = result["gets"], result["posts"], result["failures"]
    rate = (len(gets) + len(posts)) / result["wall"]
    print(f"store: {before} articles; {args.clients} clients (think {args.think_ms:.0f} ms); {len(gets)} GET "
          f"/api/stories + {len(posts)} POST /api/articles in {result['wall']:.1f} s ({rate:.0f} req/s; "
          f"CPU: load generator {result['client_cpu']:.1f} s, server {used[0]:.1f} s, "
          f"writer {sum(used[1:]):.1f} s; other processes on this machine {others:.1f} s)")
    for msg in failures[:5]:
        print(f"failed: {msg}", file=sys.stderr)
    line = (f"p50_get_ms={percentile(gets, 50):.1f} p99_get_ms={percentile(gets, 99):.1f} "
            f"p50_post_ms={percentile(posts, 50):.1f} p99_post_ms={percentile(posts, 99):.1f} "
            f"failed={len(failures)} lost={lost}")
    print(line)
    return 0 if not failures and not lost else 1


if __name__ == "__main__":
    raise SystemExit(main())
