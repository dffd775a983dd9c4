"""The server-rendered pages through TestClient (the browser test drives the same pages in chromium)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storydiff.api import create_app
from storydiff.settings import Settings
from storydiff.web.views import coverage_chart, segments

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = [SHARED / "samples" / f"kz-shoot-order-{x}.de.txt" for x in ("a", "b")]


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db_path=tmp_path / "s.db"))) as c:
        yield c


def test_segments_cover_the_text_and_mark_edits() -> None:
    text = "Mehr als 3000 Menschen wurden festgenommen, hieß es."
    segs = segments(text, [(0, 42)], [(9, 13)])
    assert "".join(s.text for s in segs) == text
    assert [(s.kind, s.text) for s in segs][:3] == [("shared", "Mehr als "), ("edit", "3000"),
                                                     ("shared", " Menschen wurden festgenommen")]
    assert segments(text, [(40, 999)], [])[-1].text == text[40:]  # offsets are clipped


def test_coverage_chart_counts() -> None:
    t = [datetime(2022, 1, 7, h, tzinfo=UTC) for h in (9, 9, 10, 18)]
    chart = coverage_chart(t, bins=3)
    assert [b.label.split(": ")[1] for b in chart.bars] == ["3 articles", "1 article"]
    assert max(b.height for b in chart.bars) == chart.height - 2


def test_pages_without_data(client: TestClient) -> None:
    for path in ("/", "/search", "/upload", "/search?search=nichts"):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert '<input type="file" name="file"' in client.get("/upload").text


@pytest.mark.realdata
def test_story_page_shows_conflict_and_shared_passages(client: TestClient) -> None:
    if not all(p.exists() for p in SAMPLES):
        pytest.skip("../shared/samples absent")
    ids = []
    for i, path in enumerate(SAMPLES):
        r = client.post("/api/articles", json={"text": path.read_text(encoding="utf-8"), "source": f"s{i}.test",
                                               "published": f"2022-01-07T{9 + i:02d}:00:00Z"})
        ids += r.json()["ids"]
    story = client.get(f"/api/articles/{ids[0]}").json()["story"]
    if story is None:
        pytest.skip("story stage not available")
    listing = client.get("/").text
    assert f'href="/stories/{story}"' in listing and "<svg" in listing
    page = client.get(f"/stories/{story}").text
    conflicts = page[page.index('id="conflicts"'):page.index('id="summary"')]
    assert "3000" in conflicts and "3800" in conflicts
    assert page.index('id="conflicts"') < page.index('id="side-by-side"')
    marks = re.findall(r'<mark class="shared" data-passage="\d+">', page)
    assert marks, "shared passages are highlighted"
    swapped = client.get(f"/stories/{story}", params={"a": ids[1], "b": ids[0]}).text
    assert re.search(r'name="a">.*?<option value="' + ids[1] + '" selected', swapped, re.S)
    article = client.get(f"/articles/{ids[0]}").text
    assert f'href="/stories/{story}"' in article and "Tokajew" in article
