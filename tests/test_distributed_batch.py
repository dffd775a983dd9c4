"""Batch mode on a Dask LocalCluster gives the embedded pipeline's near-duplicate pairs, groups and stories."""

from __future__ import annotations

import json
import os
import random
import signal
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

from storydiff.cluster import recluster  # noqa: E402
from storydiff.cluster.metrics import score_clustering  # noqa: E402
from storydiff.dedup.stage import DedupStage, duplicate_groups  # noqa: E402
from storydiff.distributed import run_batch  # noqa: E402
from storydiff.ingest.jsonl import read_jsonl  # noqa: E402
from storydiff.pipeline import Pipeline  # noqa: E402
from storydiff.settings import Settings  # noqa: E402
from storydiff.store import Store  # noqa: E402

pytestmark = [pytest.mark.distributed, pytest.mark.slow]

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"
SETTINGS = Settings(progress=False)


def _embedded(path: Path, tmp: Path) -> tuple[set[tuple[str, str, float, float]], dict[str, str]]:
    """Pairs and ``member -> canonical`` of an embedded ingest of ``path``."""
    settings = SETTINGS.with_changes(db_path=tmp / "embedded.db")
    with Store.open(settings.db_path) as store, path.open("rb") as fh:
        pipeline = Pipeline(store, settings, stages=[DedupStage(settings.dedup)])
        pipeline.ingest(read_jsonl(fh, str(path), settings.ingest))
        pairs = {(p.a, p.b, p.jaccard, p.containment) for p in store.dedup.pairs()}
        groups = {m.id: g.canonical for g in duplicate_groups(store, settings.dedup) for m in g.members}
    return pairs, groups


def _embedded_stories(path: Path, tmp: Path) -> dict[str, str]:
    """``article -> story`` of an embedded ingest with every stage, clustered in time order."""
    settings = SETTINGS.with_changes(db_path=tmp / "stories.db")
    with Store.open(settings.db_path) as store, path.open("rb") as fh:
        Pipeline(store, settings).ingest(read_jsonl(fh, str(path), settings.ingest))
        recluster(store, settings.cluster)  # the input is not in time order; the embedded run is
        ids = [row[0] for row in store.conn.execute("SELECT id FROM articles")]
        return store.stories.stories_of(ids)


def _batch_stories(out: Path) -> dict[str, str]:
    return {a["id"]: a["story"] for a in pq.read_table(out / "articles.parquet", columns=["id", "story"]).to_pylist()}


def _story_corpus(path: Path, seed: int = 3) -> int:
    """Made-up stories: each has its own terms and names, articles over a few days, some undated or copied.

    Stories run in bursts with quiet weeks between some, so the batch cuts the stream.
    """
    rng = random.Random(seed)
    syll = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa", "do", "fe"]

    def word() -> str:
        return "".join(rng.choice(syll) for _ in range(3))

    filler = [word() for _ in range(400)]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    rows: list[dict[str, Any]] = []
    for s in range(14):
        terms = [word() for _ in range(12)]
        names = [word().capitalize() for _ in range(3)]
        begin = start + timedelta(days=s * 4 + (20 if s >= 7 else 0))
        for j in range(rng.randint(5, 10)):
            words = [rng.choice(terms) for _ in range(40)] + [rng.choice(filler) for _ in range(60)]
            rng.shuffle(words)
            text = f"{names[0]} {names[1]} sagt: " + " ".join(words) + f". Dazu {names[2]} am Ort."
            row = {"id": f"s{s}-{j}", "url": f"https://news{j % 4}.test/{s}/{j}", "lang": "de",
                   "title": f"{names[0]} {rng.choice(terms)} {rng.choice(terms)}", "text": text}
            if j != 3:
                row["date"] = (begin + timedelta(hours=rng.randint(0, 60))).isoformat()
            rows.append(row)
            if j == 1:  # a wire copy at another outlet, later
                copy = dict(row, id=f"c{s}", url=f"https://copy.test/{s}")
                copy["date"] = (begin + timedelta(hours=70)).isoformat()
                rows.append(copy)
    rng.shuffle(rows)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def _ids(out: Path) -> dict[str, str]:
    """``external id -> article id`` of a batch run's articles."""
    return {a["external_id"]: a["id"] for a in pq.read_table(out / "articles.parquet").to_pylist()}


def _batch_result(out: Path) -> tuple[set[tuple[str, str, float, float]], dict[str, str], int]:
    pairs = pq.read_table(out / "pairs.parquet").to_pylist()
    arts = pq.read_table(out / "articles.parquet").to_pylist()
    size: dict[str, int] = {}
    for a in arts:
        size[a["group"]] = size.get(a["group"], 0) + 1
    groups = {a["id"]: a["group"] for a in arts if size[a["group"]] > 1}
    assert all(a["story"] for a in arts)
    return {(p["a"], p["b"], p["jaccard"], p["containment"]) for p in pairs}, groups, len(arts)


def _synthetic(path: Path, seed: int = 7) -> int:
    """A corpus with exact copies, light rewrites, shortened versions, briefs and unrelated texts.

    Briefs are the first 25-45 % of a text's words (many under ``short_text_words``, so
    character-shingled): only lead keys make them candidates of their story.
    """
    rng = random.Random(seed)
    made = ("".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
            for _ in range(4000))
    vocab = sorted(set(made))[:3000]  # one token each (digits would split a word in two)
    day = datetime(2023, 5, 1, tzinfo=UTC)
    rows: list[dict[str, Any]] = []
    for i in range(60):
        base = [rng.choice(vocab) for _ in range(rng.randint(60, 160))]
        when = day + timedelta(hours=rng.randint(0, 2000))
        rows.append({"id": f"b{i}", "url": f"https://one.test/{i}", "text": " ".join(base), "date": when.isoformat()})
        kind = i % 4
        if kind == 0:  # the same text at another URL, published later
            rows.append({"id": f"c{i}", "url": f"https://two.test/{i}", "text": " ".join(base),
                         "date": (when + timedelta(hours=3)).isoformat()})
        elif kind == 1:  # a light rewrite, published earlier: it becomes the canonical one
            edited = [rng.choice(vocab) if rng.random() < 0.05 else w for w in base]
            rows.append({"id": f"r{i}", "url": f"https://three.test/{i}", "text": " ".join(edited),
                         "date": (when - timedelta(hours=1)).isoformat()})
        elif kind == 2:  # the first half only, no date
            rows.append({"id": f"s{i}", "url": f"https://four.test/{i}", "text": " ".join(base[: len(base) // 2])})
        else:  # a brief: the lead of the text, published later
            cut = max(24, round(len(base) * rng.uniform(0.25, 0.45)))
            rows.append({"id": f"p{i}", "url": f"https://five.test/{i}", "text": " ".join(base[:cut]),
                         "date": (when + timedelta(hours=2)).isoformat()})
    rng.shuffle(rows)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


def test_synthetic_corpus_matches_embedded(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    n = _synthetic(corpus)
    report = run_batch([str(corpus)], str(tmp_path / "out"), SETTINGS, workers=2, blocksize=8_000)
    assert report.shards > 3 and report.articles == n and report.failed == 0
    pairs, groups, count = _batch_result(tmp_path / "out")
    want_pairs, want_groups = _embedded(corpus, tmp_path)
    assert count == n
    assert len(want_pairs) >= 30  # exact copies and rewrites (halves only when LSH catches them)
    # briefs under short_text_words are character-shingled: found and verified through lead keys only
    briefs = {r["id"]: r for r in _records(corpus) if r["id"].startswith("p")}
    ids = _ids(tmp_path / "out")
    short = [e for e, r in briefs.items() if len(r["text"].split()) < SETTINGS.dedup.short_text_words]
    assert len(short) >= 5
    found = {(a, b) for a, b, _, _ in want_pairs}
    for e in short:
        pair = tuple(sorted((ids[e], ids["b" + e[1:]])))
        assert pair in found, e
    assert pairs == want_pairs
    assert groups == want_groups
    assert report.groups == len(set(want_groups.values()))


@pytest.mark.realdata
def test_dev_corpus_matches_embedded(tmp_path: Path) -> None:
    if not DEV.exists():
        pytest.skip("shared dev corpus absent")
    report = run_batch([str(DEV)], str(tmp_path / "out"), SETTINGS, workers=2, blocksize=120_000)
    pairs, groups, count = _batch_result(tmp_path / "out")
    want_pairs, want_groups = _embedded(DEV, tmp_path)
    assert count == report.articles == 379
    assert want_pairs  # the dev set holds wire copies at several URLs
    assert pairs == want_pairs
    assert groups == want_groups
    # stories: chunk at every quiet gap (chunk_size=1) and cluster the undated tail
    again = run_batch([str(DEV)], str(tmp_path / "chunked"), SETTINGS, workers=2, blocksize=120_000, chunk_size=1)
    assert again.chunks > 3
    want = _embedded_stories(DEV, tmp_path)
    for out in ("out", "chunked"):
        score = score_clustering(want, _batch_stories(tmp_path / out))
        assert score.pairwise.f1 >= 0.99, (out, score.pairwise)
        assert abs(score.predicted_stories - score.true_stories) <= 1


def test_synthetic_stories_match_embedded(tmp_path: Path) -> None:
    corpus = tmp_path / "stories.jsonl"
    n = _story_corpus(corpus)
    report = run_batch([str(corpus)], str(tmp_path / "out"), SETTINGS, workers=2, blocksize=20_000, chunk_size=1)
    want = _embedded_stories(corpus, tmp_path)
    got = _batch_stories(tmp_path / "out")
    assert report.articles == len(got) == len(want) == n
    assert report.chunks >= 2  # the quiet weeks cut the stream
    assert len(set(want.values())) >= 10  # a real clustering, not one blob nor singletons
    score = score_clustering(want, got)
    assert score.pairwise.f1 >= 0.99, score.pairwise
    assert report.stories == len(set(got.values()))
    by_ext = {a["external_id"]: a["story"] for a in pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()}
    copies = [e for e in by_ext if e.startswith("c")]
    assert len(copies) == 14 and all(by_ext[c] == by_ext[f"s{c[1:]}-1"] for c in copies)  # copies join the original


def test_job_survives_a_killed_worker(tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    corpus = tmp_path / "corpus.jsonl"
    _synthetic(corpus, seed=11)
    clean = run_batch([str(corpus)], str(tmp_path / "clean"), SETTINGS, workers=2, blocksize=15_000)
    killed: list[str] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster, \
            Client(cluster) as watcher:
        def kill_one() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not killed:
                held = watcher.who_has()
                if len(held) >= 10:  # the job is under way and a worker holds results
                    victim, pid = sorted(watcher.run(os.getpid).items())[0]
                    os.kill(pid, signal.SIGKILL)  # a worker process this test's cluster started
                    killed.append(victim)
                    return
                time.sleep(0.02)

        thread = threading.Thread(target=kill_one)
        thread.start()
        report = run_batch([str(corpus)], str(tmp_path / "out"), SETTINGS, scheduler=cluster.scheduler_address,
                           blocksize=15_000)
        thread.join()
        survivors = set(watcher.scheduler_info()["workers"])
    assert killed, "no worker was killed during the job"
    assert killed[0] not in survivors
    assert report.articles == clean.articles and report.pairs == clean.pairs == len(_batch_result(tmp_path / "out")[0])
    assert _batch_result(tmp_path / "out") == _batch_result(tmp_path / "clean")
    assert _batch_stories(tmp_path / "out") == _batch_stories(tmp_path / "clean")
    assert report.stories == clean.stories > 1
