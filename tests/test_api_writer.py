"""The separate writer process behind POST /api/articles: answers, concurrency, shutdown, failure."""

from __future__ import annotations

import json
import os
import signal
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storydiff.api import create_app
from storydiff.api.cache import ResponseCache
from storydiff.api.schemas import ArticleIn
from storydiff.api.services import Writer, ingest
from storydiff.api.writer_process import ProcessWriter, _error, _pack, _run_group, _take_group
from storydiff.errors import InputError
from storydiff.model import Article
from storydiff.pipeline import default_stages
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


class _Recorder:
    """A stage that records each call's batch and refuses articles whose text holds ``bad``."""

    name = "recorder"

    def __init__(self, bad: str) -> None:
        self.bad = bad
        self.calls: list[list[str]] = []

    def process(self, store: Store, articles: list[Article]) -> None:
        self.calls.append([a.id for a in articles])
        for a in articles:
            if self.bad in a.text:
                raise InputError(f"api:{a.id}", "refused by the test stage")

    def remove(self, store: Store, article_ids: list[str]) -> None:
        return None


def _requests(rows: list[dict[str, Any]]) -> list[list[Article | InputError]]:
    return [[ArticleIn.model_validate(r).to_article(f"api:body[{i}]")] for i, r in enumerate(rows)]


@pytest.mark.realdata
def test_group_commit_gives_each_request_its_own_report(tmp_path: Path) -> None:
    rows = _dev_articles(6)
    rows.append({**rows[1], "url": "https://copy.test/1"})  # the same text as request 1, another address
    rows.append(rows[2])  # request 2 again: unchanged
    settings = Settings(db_path=tmp_path / "g.db")
    recorder = _Recorder(bad="\x00never\x00")
    writer = Writer(Store.open(settings.db_path), settings, stages=[*default_stages(settings), recorder])
    group = [(key, [_pack(i) for i in items]) for key, items in enumerate(_requests(rows))]
    answers = _run_group(writer, group)
    assert len(recorder.calls) == 1  # one transaction, one pass of the stages over every request
    assert [key for key, _, _ in answers] == list(range(len(rows)))
    reports = [report for _, ok, report in answers if ok]
    assert len(reports) == len(rows)
    ids = [r["ids"][0] for r in reports]
    assert all(len(r["ids"]) == 1 and r["read"] == 1 for r in reports)
    assert [r["new"] for r in reports] == [1] * 7 + [0] and reports[-1]["unchanged"] == 1
    assert ids[-1] == ids[2] and len(set(ids[:7])) == 7
    assert [r["duplicate"] for r in reports] == [0] * 6 + [1, 0]
    assert ids[1] in reports[6]["duplicates"][ids[6]]  # the copy names its original
    assert all(set(r["stories"]) == set(r["ids"]) and r["stories"][r["ids"][0]] for r in reports)
    assert reports[6]["stories"][ids[6]] == reports[1]["stories"][ids[1]]  # a copy joins its original's story

    # the same requests one by one into another store: the same outcome per request
    other = Settings(db_path=tmp_path / "s.db")
    alone = Writer(Store.open(other.db_path), other)
    one_by_one = [ingest(alone, items) for items in _requests(rows)]
    for grouped, single in zip(reports, one_by_one, strict=True):
        assert {k: grouped[k] for k in ("ids", "read", "new", "unchanged", "duplicate")} == \
               {k: single[k] for k in ("ids", "read", "new", "unchanged", "duplicate")}
    writer.close()
    alone.close()


@pytest.mark.realdata
def test_a_failing_request_in_a_group_fails_alone(tmp_path: Path) -> None:
    rows = _dev_articles(5)
    rows[2] = {**rows[2], "text": rows[2]["text"] + " XYZZY-REFUSE"}
    settings = Settings(db_path=tmp_path / "g.db")
    recorder = _Recorder(bad="XYZZY-REFUSE")
    writer = Writer(Store.open(settings.db_path), settings, stages=[recorder])
    group = [(key, [_pack(i) for i in items]) for key, items in enumerate(_requests(rows))]
    answers = _run_group(writer, group)
    assert [ok for _, ok, _ in answers] == [True, True, False, True, True]
    assert [len(c) for c in recorder.calls] == [5, 1, 1, 1, 1, 1]  # the group, then each request alone
    error = _error(answers[2][2])
    assert isinstance(error, InputError) and "refused by the test stage" in str(error)
    stored = {a.url for a in writer.store.articles.list(limit=50)}
    assert stored == {r["url"] for i, r in enumerate(rows) if i != 2}
    writer.close()


def test_take_group_keeps_order_and_bounds() -> None:
    def req(key: int, n: int) -> tuple[int, list[Any]]:
        return (key, [Article(text=f"Text {key} {i}.", url=f"https://x.test/{key}/{i}") for i in range(n)])

    backlog = deque([req(0, 3), req(1, 2), req(2, 6), req(3, 1)])
    assert [k for k, _ in _take_group(backlog, 5)] == [0, 1]  # 3 + 2 fit, 6 more do not
    assert [k for k, _ in _take_group(backlog, 5)] == [2]  # too big for a group: alone
    assert [k for k, _ in _take_group(backlog, 5)] == [3]
    assert not backlog


@pytest.mark.realdata
def test_concurrent_submits_with_a_bad_one(tmp_path: Path) -> None:
    """Through the process: every request is answered with its own report, the bad one with its error."""
    rows = _dev_articles(12)
    rows[5] = {**rows[5], "text": rows[5]["text"] + " XYZZY-REFUSE"}
    settings = Settings(db_path=tmp_path / "p.db")
    Store.open(settings.db_path).close()
    writer = ProcessWriter(settings, stages=[_Recorder(bad="XYZZY-REFUSE")])
    try:
        futures = [writer.submit(items) for items in _requests(rows)]
        outcomes: list[dict[str, Any] | BaseException] = []
        for f in futures:
            exc = f.exception(timeout=120)
            outcomes.append(exc if exc is not None else f.result())
    finally:
        writer.close()
    assert isinstance(outcomes[5], InputError)
    for i, out in enumerate(outcomes):
        if i == 5:
            continue
        assert isinstance(out, dict) and out["new"] == 1 and len(out["ids"]) == 1
    with Store.open(settings.db_path) as store:
        by_id = {a.id: a.url for a in store.articles.list(limit=50)}
    assert len(by_id) == 11
    assert all(by_id[out["ids"][0]] == row["url"] for row, out in zip(rows, outcomes, strict=True)
               if isinstance(out, dict))
