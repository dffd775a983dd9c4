"""The separate writer process behind POST /api/articles: answers, concurrency, shutdown, failure."""

from __future__ import annotations

import json
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storydiff.api import create_app
from storydiff.api.cache import ResponseCache
from storydiff.api.services import Writer
from storydiff.api.writer_process import ProcessWriter
from storydiff.settings import Settings
from storydiff.store import Store

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"


def _dev_articles(n: int) -> list[dict[str, Any]]:
    if not DEV.exists():
        pytest.skip("../shared/dev/articles.jsonl absent")
    with DEV.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line, _ in zip(fh, range(n), strict=False)]
    return [{"text": r["text"], "title": r.get("title"), "source": r.get("source"), "url": r.get("url"),
             "published": r.get("date"), "language": r.get("lang")} for r in rows]


@pytest.mark.realdata
def test_concurrent_posts_each_get_their_own_answer_and_nothing_is_lost(tmp_path: Path) -> None:
    articles = _dev_articles(24)
    app = create_app(Settings(db_path=tmp_path / "s.db"), writer_process=True)
    with TestClient(app) as client:
        writer = app.state.sd.writer
        assert isinstance(writer, ProcessWriter) and writer.alive

        def post(body: dict[str, Any]) -> dict[str, Any]:
            r = client.post("/api/articles", json=body)
            assert r.status_code == 200, r.text
            data: dict[str, Any] = r.json()
            return data

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(post, articles))
        assert all(a["read"] == 1 and len(a["ids"]) == 1 for a in answers)
        ids = [a["ids"][0] for a in answers]
        for body, answer in zip(articles, answers, strict=True):
            got = client.get(f"/api/articles/{answer['ids'][0]}").json()
            assert got["url"] == body["url"]  # each request was answered with its own article
            assert set(answer["stories"]) == set(answer["ids"])
        assert client.get("/healthz").json()["articles"] == len(set(ids))
        listed = client.get("/api/stories", params={"limit": 500}).json()["stories"]
        assert sorted(i for s in listed for i in s["article_ids"]) == sorted(set(ids))
    assert not writer.alive  # stopped with the app


def test_bad_records_come_back_as_errors(tmp_path: Path) -> None:
    app = create_app(Settings(db_path=tmp_path / "s.db"), writer_process=True)
    good = {"text": "Der Stadtrat hat am Donnerstag einen neuen Haushalt beschlossen, sagte ein Sprecher.",
            "url": "https://a.test/1"}
    with TestClient(app) as client:
        body = (json.dumps(good) + "\n{not json\n").encode()
        r = client.post("/api/articles", files={"file": ("x.jsonl", body)}, data={"format": "jsonl"})
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["read"] == 1 and out["failed"] == 1 and "x.jsonl" in out["errors"][0]
        r = client.post("/api/articles", files={"file": ("y.jsonl", b"{not json\n")}, data={"format": "jsonl"})
        assert r.status_code == 422 and r.json()["failed"] == 1


def test_a_killed_writer_is_started_again(tmp_path: Path) -> None:
    app = create_app(Settings(db_path=tmp_path / "s.db"), writer_process=True)
    body = {"text": "Der Stadtrat hat am Donnerstag einen neuen Haushalt beschlossen, sagte ein Sprecher.",
            "url": "https://a.test/1"}
    with TestClient(app) as client:
        writer = app.state.sd.writer
        assert isinstance(writer, ProcessWriter) and writer.pid is not None
        first = writer.pid
        os.kill(first, signal.SIGKILL)
        while writer.alive:
            time.sleep(0.01)
        r = client.post("/api/articles", json=body)
        assert r.status_code == 200 and r.json()["new"] == 1
        assert writer.restarts == 1 and writer.pid != first
        assert client.get("/healthz").json()["articles"] == 1


def test_memory_store_writes_in_process() -> None:
    app = create_app(Settings(db_path=Path(":memory:")), writer_process=True)
    assert isinstance(app.state.sd.writer, Writer)
    app.state.sd.writer.close()


def test_story_list_reads_members_like_get(tmp_path: Path) -> None:
    """The batched member query of the story list gives what one story's lookup gives."""
    articles = _dev_articles(40)
    app = create_app(Settings(db_path=tmp_path / "s.db"))
    with TestClient(app) as client:
        assert client.post("/api/articles", json=articles).status_code == 200
    with Store.open(tmp_path / "s.db") as store:
        listed = store.stories.list()
        assert listed and sum(len(s.article_ids) for s in listed) == store.articles.count()
        assert listed == [store.stories.get(s.id) for s in listed]
        plan = " ".join(str(r[-1]) for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM stories WHERE articles >= 1"
            " ORDER BY last_seen IS NULL, last_seen DESC, seq DESC LIMIT 20"))
        assert "stories_recent" in plan and "TEMP B-TREE" not in plan


def test_listing_lags_writes_by_at_most_max_stale(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    Store.open(path).close()
    cache = ResponseCache(path)

    def write() -> None:
        with Store.open(path) as other, other.transaction():
            other.conn.execute(f"CREATE TABLE t{time.monotonic_ns()} (x)")

    assert cache.get_or_compute(("k",), lambda: b"one", max_stale=0.3) == b"one"
    write()
    assert cache.lookup(("k",)) is None  # exact callers see the write at once
    assert cache.lookup(("k",), 0.3) == b"one"
    assert cache.get_or_compute(("k",), lambda: b"two", max_stale=0.3) == b"one"
    time.sleep(0.35)
    assert cache.lookup(("k",), 0.3) is None
    assert cache.get_or_compute(("k",), lambda: b"two", max_stale=0.3) == b"two"
    cache.close()


def test_api_story_list_with_max_stale_catches_up(tmp_path: Path) -> None:
    app = create_app(Settings(db_path=tmp_path / "s.db"), writer_process=True, list_max_stale=0.3)
    body = {"text": "Der Stadtrat hat am Donnerstag einen neuen Haushalt beschlossen, sagte ein Sprecher.",
            "url": "https://a.test/1"}
    with TestClient(app) as client:
        assert client.get("/api/stories").json()["stories"] == []
        assert client.post("/api/articles", json=body).status_code == 200
        deadline = time.monotonic() + 0.3 + 0.2
        while not client.get("/api/stories").json()["stories"]:
            assert time.monotonic() < deadline, "the list lagged longer than max_stale"
            time.sleep(0.02)
