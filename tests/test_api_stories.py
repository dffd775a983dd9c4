"""Stories, comparison and reuse through the API, on the two real sample rewrites of one report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storydiff.api import create_app
from storydiff.settings import Settings
from storydiff.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = [SHARED / "samples" / f"kz-shoot-order-{x}.de.txt" for x in ("a", "b")]

pytestmark = pytest.mark.realdata


def _stories_available(tmp_path: Path) -> bool:
    with Store.open(tmp_path / "probe.db") as store:
        return getattr(store, "stories", None) is not None


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    if not all(p.exists() for p in SAMPLES):
        pytest.skip("../shared/samples absent")
    with TestClient(create_app(Settings(db_path=tmp_path / "s.db"))) as c:
        yield c


def _upload_samples(client: TestClient) -> list[str]:
    ids: list[str] = []
    for i, path in enumerate(SAMPLES):
        r = client.post("/api/articles", json={"text": path.read_text(encoding="utf-8"), "source": f"sample-{i}.test",
                                               "url": f"https://sample-{i}.test/kz",
                                               "published": f"2022-01-07T{9 + i:02d}:00:00Z"})
        assert r.status_code == 200, r.text
        ids += r.json()["ids"]
    return ids


def test_reuse_passages_point_into_both_texts(client: TestClient) -> None:
    a, b = _upload_samples(client)
    r = client.get("/api/reuse", params={"a": a, "b": b})
    if r.status_code == 503:
        pytest.skip(r.json()["detail"])
    data = r.json()
    assert data["a"] == a and data["b"] == b and 0 < data["jaccard"] <= data["containment"] <= 1
    text_a = client.get(f"/api/articles/{a}").json()["text"]
    text_b = client.get(f"/api/articles/{b}").json()["text"]
    assert data["passages"], "two rewrites of one report share passages"
    for p in data["passages"]:
        assert 0 <= p["a_start"] < p["a_end"] <= len(text_a) and 0 <= p["b_start"] < p["b_end"] <= len(text_b)
        for e in p["edits"]:
            assert text_a[e["a_start"]:e["a_end"]] == e["a_text"] and text_b[e["b_start"]:e["b_end"]] == e["b_text"]
    assert client.get("/api/reuse", params={"a": a, "b": "nope"}).status_code == 404
    assert client.get("/api/reuse", params={"a": a}).status_code == 422


def test_story_list_detail_and_comparison(client: TestClient, tmp_path: Path) -> None:
    ids = _upload_samples(client)
    r = client.get("/api/stories")
    if not _stories_available(tmp_path):
        assert r.status_code == 503 and r.json()["stage"] == "stories"
        pytest.skip("story stage not available yet (store.stories missing)")
    stories = r.json()["stories"]
    story = next(s for s in stories if set(ids) <= set(s["article_ids"]))
    assert story["articles"] == 2 and story["languages"] == ["de"]
    assert client.get(f"/api/articles/{ids[0]}").json()["story"] == story["id"]
    detail = client.get(f"/api/stories/{story['id']}").json()
    assert [a["id"] for a in detail["articles"]] == story["article_ids"]
    comparison = detail["comparison"]
    if comparison is None:
        pytest.skip(detail.get("comparison_error", "comparison not available"))
    values = {v["text"] for c in comparison["conflicts"] for v in c["values"]}
    assert any("3000" in v for v in values) and any("3800" in v for v in values)
    assert detail["summary"] and all(s["sources"] for s in detail["summary"])
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/stories", params={"language": "fr"}).json()["stories"] == []


def test_repeated_listing_is_served_by_the_fast_path_exactly(tmp_path: Path) -> None:
    """A listing asked again comes from the raw-request cache: same bytes and headers, never stale."""
    if not all(p.exists() for p in SAMPLES):
        pytest.skip("../shared/samples absent")
    app = create_app(Settings(db_path=tmp_path / "f.db"))
    with TestClient(app) as client:
        _upload_samples(client)
        params = {"limit": 5, "offset": 0}
        first = client.get("/api/articles", params=params)
        responses = app.state.sd.responses
        assert responses.lookup_raw(("/api/articles", b"limit=5&offset=0")) == first.content
        again = client.get("/api/articles", params=params)
        assert again.content == first.content and len(first.json()["articles"]) == 2
        assert dict(again.headers) == dict(first.headers)  # content type, length, security headers
        r = client.post("/api/articles", json={"text": SAMPLES[0].read_text(encoding="utf-8") + " Nachtrag.",
                                               "url": "https://sample-9.test/kz"})
        assert r.status_code == 200
        assert responses.lookup_raw(("/api/articles", b"limit=5&offset=0")) is None  # exact: the write shows
        assert len(client.get("/api/articles", params=params).json()["articles"]) == 3
        assert client.get("/api/articles", params={"limit": 0}).status_code == 422  # bad queries still validated
