"""Hostile JSON bodies on the write endpoint: a clear 422, never a 500, and nothing non-JSON stored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storydiff.api import create_app
from storydiff.settings import Settings

TEXT = "Der Stadtrat von Lindenau hat am Abend den Haushalt für das kommende Jahr beschlossen."


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db_path=tmp_path / "s.db")), raise_server_exceptions=False) as c:
        yield c


def _post(client: TestClient, body: bytes) -> tuple[int, str]:
    r = client.post("/api/articles", content=body, headers={"content-type": "application/json"})
    return r.status_code, r.text


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59", "1066-10-14T09:00:00Z"])
def test_publication_time_out_of_range_is_a_422(client: TestClient, when: str) -> None:
    status, text = _post(client, b'{"text": "%s", "published": "%s"}' % (TEXT.encode(), when.encode()))
    assert status == 422 and "published" in text
    assert client.get("/api/articles").json()["articles"] == []


def test_nan_in_metadata_is_stored_as_null(client: TestClient, tmp_path: Path) -> None:
    status, text = _post(client, b'{"text": "%s", "metadata": {"s": NaN, "l": [Infinity, {"x": -Infinity}]}}'
                         % TEXT.encode())
    assert status == 200, text
    aid = client.get("/api/articles").json()["articles"][0]["id"]
    with sqlite3.connect(tmp_path / "s.db") as conn:
        (raw,) = conn.execute("SELECT metadata FROM articles WHERE id = ?", (aid,)).fetchone()
    assert "NaN" not in raw and "Infinity" not in raw
    assert client.get(f"/api/articles/{aid}").json()["metadata"] == {"s": None, "l": [None, {"x": None}]}


def test_text_of_control_characters_only_is_a_422(client: TestClient) -> None:
    status, text = _post(client, b'{"text": "\\u0000\\u001b \\u0007"}')
    assert status == 422 and "text" in text
    status, _ = _post(client, b'{"text": "%s\\u0000\\u001b[2J"}' % TEXT.encode())
    assert status == 200
    (row,) = client.get("/api/articles").json()["articles"]
    assert client.get(f"/api/articles/{row['id']}").json()["text"] == TEXT + "[2J"
