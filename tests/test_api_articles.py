"""The JSON API's article endpoints through FastAPI's TestClient on a temporary store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storydiff.api import create_app
from storydiff.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"

FLOOD = ("Nach tagelangem Regen ist der Fluss in Lindenau über die Ufer getreten. Mehr als 400 Menschen mussten am "
         "Montag ihre Häuser verlassen, teilte die Stadtverwaltung mit. Die Feuerwehr war mit 120 Kräften im Einsatz.")
STRIKE = ("Die Lokführer der Regionalbahn haben ihren Streik am Dienstagmorgen beendet. Seit sechs Uhr fahren die "
          "Züge wieder nach Fahrplan, sagte eine Sprecherin des Unternehmens in Halberstadt.")
ELECTION = ("The city council of Brookfield elected a new mayor on Thursday evening after a tight vote of 21 to 19, "
            "a spokesperson for the council said in a statement.")


@pytest.fixture(params=["in-process", "writer-process"])
def client(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[TestClient]:
    """Every test runs against both writers: the in-process one and the separate writer process."""
    app = create_app(Settings(db_path=tmp_path / "s.db"), max_body_bytes=200_000,
                     writer_process=request.param == "writer-process")
    with TestClient(app) as c:
        yield c


def _post(client: TestClient, body: object) -> dict[str, Any]:
    r = client.post("/api/articles", json=body)
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


def test_post_list_get_and_filters(client: TestClient) -> None:
    out = _post(client, [
        {"text": FLOOD, "url": "https://a.test/flood", "source": "a.test", "published": "2024-03-04T08:00:00Z"},
        {"text": STRIKE, "url": "https://b.test/strike", "source": "b.test", "published": "2024-03-05T09:30:00",
         "title": "Streik beendet"},
        {"text": ELECTION, "id": "bf-1", "source": "c.test", "published": "2024-03-07T18:00:00+02:00"},
    ])
    assert out["read"] == 3 and out["new"] == 3 and out["failed"] == 0
    ids = out["ids"]
    assert isinstance(ids, list) and len(ids) == 3
    assert client.get("/healthz").json()["articles"] == 3

    listed = client.get("/api/articles").json()["articles"]
    assert [a["source"] for a in listed] == ["c.test", "b.test", "a.test"]  # newest first
    assert listed[0]["published"] == "2024-03-07T16:00:00+00:00"  # converted to UTC
    assert {a["language"] for a in listed} == {"de", "en"}

    def sources(**params: object) -> list[str]:
        return [a["source"] for a in client.get("/api/articles", params=params).json()["articles"]]

    assert sources(search="Streik") == ["b.test"]
    assert sources(search="Ufer Lindenau") == ["a.test"]
    assert sources(language="en") == ["c.test"]
    assert sources(source="a.test") == ["a.test"]
    assert sources(since="2024-03-05", until="2024-03-06") == ["b.test"]
    assert sources(limit=1, offset=1) == ["b.test"]
    assert sources(search='" OR 1=1 --') == []  # user text is never query syntax

    one = client.get(f"/api/articles/{ids[1]}").json()
    assert one["text"] == STRIKE and one["title"] == "Streik beendet"
    assert client.get("/api/articles/bf-1").json()["id"] == ids[2]  # external id works too
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


def test_reingest_and_duplicates(client: TestClient) -> None:
    first = _post(client, {"text": FLOOD, "url": "https://a.test/flood", "source": "a.test"})
    again = _post(client, {"text": FLOOD, "url": "https://a.test/flood", "source": "a.test"})
    assert (again["new"], again["unchanged"]) == (0, 1)
    copy = _post(client, {"text": FLOOD, "url": "https://other.test/copy", "source": "other.test"})
    assert copy["duplicate"] == 1
    first_id, copy_id = first["ids"][0], copy["ids"][0]
    assert copy["duplicates"] == {copy_id: [first_id]}
    assert client.get(f"/api/articles/{first_id}").json()["same_text"] == [copy_id]


def test_invalid_bodies_get_422_with_field_paths(client: TestClient) -> None:
    r = client.post("/api/articles", json=[{"text": FLOOD}, {"url": "ftp://x.test/", "title": 3}])
    assert r.status_code == 422
    locs = {tuple(e["loc"]) for e in r.json()["detail"]}
    assert ("body", 1, "text") in locs and ("body", 1, "url") in locs and ("body", 1, "title") in locs
    r = client.post("/api/articles", json={"text": FLOOD, "published": "not a date", "colour": "red"})
    assert {tuple(e["loc"]) for e in r.json()["detail"]} == {("body", "published"), ("body", "colour")}
    r = client.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"][0]["type"] == "json_invalid"
    assert client.post("/api/articles", content=b"x", headers={"content-type": "text/plain"}).status_code == 415
    assert client.get("/api/articles", params={"limit": 0}).json()["detail"][0]["loc"] == ["query", "limit"]
    assert client.get("/healthz").json()["articles"] == 0  # nothing half-stored


def test_body_size_cap(client: TestClient) -> None:
    big = {"text": "Wort " * 50_000}
    r = client.post("/api/articles", json=big)
    assert r.status_code == 413
    # no Content-Length: the streamed size is counted
    chunks = (b'{"text": "' + b"a" * 10_000 for _ in range(30))
    r = client.post("/api/articles", content=chunks, headers={"content-type": "application/json"})
    assert r.status_code == 413

    def upload() -> Iterator[bytes]:
        yield b'--XX\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
        yield from (b"Wort " * 2000 for _ in range(30))
        yield b"\r\n--XX--\r\n"

    r = client.post("/api/articles", content=upload(), headers={"content-type": "multipart/form-data; boundary=XX"})
    assert r.status_code == 413
    assert client.get("/healthz").json()["articles"] == 0


def test_upload_file_formats(client: TestClient) -> None:
    jsonl = "\n".join([
        json.dumps({"id": "u1", "source": "u.test", "text": FLOOD}),
        '{"id": "u2", "source": "u.test", "text": ',  # truncated record: reported, the rest goes on
        json.dumps({"id": "u3", "source": "u.test", "text": STRIKE}),
    ]).encode()
    r = client.post("/api/articles", files={"file": ("feed.jsonl", jsonl, "application/octet-stream")})
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["new"], out["failed"]) == (2, 1)
    assert "feed.jsonl:2" in out["errors"][0]
    r = client.post("/api/articles", files={"file": ("x.bin", b"abc", "text/plain")}, data={"format": "pdf"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "format"]
    r = client.post("/api/articles", files={"file": ("empty.txt", b"", "text/plain")})
    assert r.status_code == 422 and "empty.txt" in r.json()["errors"][0]
    r = client.post("/api/articles", data={"format": "txt"}, files={"other": ("a.txt", b"x", "text/plain")})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "file"]


@pytest.mark.realdata
def test_upload_real_sample(client: TestClient) -> None:
    sample = SHARED / "samples" / "kz-shoot-order-a.de.txt"
    if not sample.exists():
        pytest.skip("../shared/samples absent")
    r = client.post("/api/articles", files={"file": (sample.name, sample.read_bytes(), "text/plain")})
    assert r.status_code == 200, r.text
    (aid,) = r.json()["ids"]
    article = client.get(f"/api/articles/{aid}").json()
    assert "Tokajew" in article["text"] and article["language"] == "de"
    assert client.get("/api/articles", params={"search": "Tokajew"}).json()["articles"][0]["id"] == aid


def test_openapi_schema(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/articles/{article_id}", "/api/stories", "/api/stories/{story_id}",
            "/api/reuse", "/healthz"} <= set(schema["paths"])
    body = schema["paths"]["/api/articles"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert "text" in schema["components"]["schemas"]["ArticleIn"]["required"]


def test_listings_never_stale(client: TestClient, tmp_path: Path) -> None:
    from storydiff.model import Article
    from storydiff.pipeline import Pipeline
    from storydiff.store import Store

    assert client.get("/api/articles").json()["articles"] == []
    assert client.get("/api/stories").json()["stories"] == []
    _post(client, {"text": FLOOD, "url": "https://a.test/flood", "source": "a.test"})
    assert [a["source"] for a in client.get("/api/articles").json()["articles"]] == ["a.test"]
    # a write by another process (e.g. `storydiff ingest` beside the server) shows at once
    with Store.open(tmp_path / "s.db") as store:
        Pipeline(store, Settings(db_path=tmp_path / "s.db")).ingest([Article(text=STRIKE, source="b.test")])
    assert sorted(a["source"] for a in client.get("/api/articles").json()["articles"]) == ["a.test", "b.test"]
    assert len(client.get("/api/stories").json()["stories"]) == 2


def test_response_cache_computes_once_per_version(tmp_path: Path) -> None:
    import threading
    import time

    from storydiff.api.cache import ResponseCache
    from storydiff.store import Store

    path = tmp_path / "c.db"
    Store.open(path).close()
    cache = ResponseCache(path)
    calls: list[int] = []

    def slow() -> bytes:
        calls.append(1)
        time.sleep(0.05)
        return b"body"

    threads = [threading.Thread(target=cache.get_or_compute, args=(("k",), slow)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    with Store.open(path) as other, other.transaction():
        other.conn.execute("CREATE TABLE t (x)")
    assert cache.get_or_compute(("k",), slow) == b"body" and len(calls) == 2
    cache.close()
