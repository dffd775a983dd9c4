"""Security of the API and pages: escaping, CSP, write token, cross-site writes, CORS, serve's refusal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storydiff.api import create_app
from storydiff.cli import main
from storydiff.cli.serve import is_loopback
from storydiff.settings import Settings

EVIL = {
    "text": ('Harmlos beginnt der Bericht über den Stadtrat. <script>window.__xss = 1</script> '
             '<img src="x" onerror="window.__xss = 2"> Mehr dazu <a href="javascript:window.__xss=3">hier</a>.'),
    "title": '<img src=x onerror="window.__xss=4">Stadtrat tagt',
    "url": "https://evil.test/a?x=\"><script>window.__xss=5</script>",
    "source": "<b>evil</b>.test",
}
GOOD = {"text": "Der Stadtrat von Lindenau hat am Abend den Haushalt für das kommende Jahr beschlossen.",
        "url": "https://good.test/1", "source": "good.test"}


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db_path=tmp_path / "s.db"))) as c:
        yield c


def test_article_text_is_escaped_in_pages(client: TestClient) -> None:
    r = client.post("/api/articles", json=EVIL)
    (aid,) = r.json()["ids"]
    for page in (f"/articles/{aid}", "/search?search=Stadtrat", "/search"):
        html = client.get(page).text
        assert "<script>window" not in html and "<img src=x" not in html and '<img src="x"' not in html
        assert "&lt;script&gt;" in html or page != f"/articles/{aid}"
        assert 'href="javascript:' not in html
    html = client.get(f"/articles/{aid}").text
    assert "&lt;b&gt;evil&lt;/b&gt;.test" in html


def test_javascript_url_is_not_a_link(client: TestClient) -> None:
    r = client.post("/api/articles", json={**GOOD, "url": None, "id": "j1"})
    assert r.status_code == 200
    r = client.post("/api/articles", json={**GOOD, "url": "javascript:alert(1)"})
    assert r.status_code == 422  # only http(s) URLs are accepted in a JSON body
    record = json.dumps({**GOOD, "id": "j2", "url": "javascript:window.__xss=1"}).encode()
    r = client.post("/api/articles", files={"file": ("x.jsonl", record, "application/octet-stream")})
    (aid,) = r.json()["ids"]  # a reader keeps the URL: the page shows it as text, never as a link
    html = client.get(f"/articles/{aid}").text
    assert "javascript:window.__xss=1" in html and 'href="javascript' not in html.lower()


def test_security_headers_and_no_cors(client: TestClient) -> None:
    for path in ("/", "/search", "/upload", "/api/articles", "/static/app.js"):
        r = client.get(path, headers={"origin": "https://elsewhere.test"})
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert not any(k.lower().startswith("access-control-") for k in r.headers)
    pre = client.options("/api/articles", headers={"origin": "https://elsewhere.test",
                                                   "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in pre.headers
    assert client.get("/docs").status_code == 404  # the CDN-backed docs page is off


def test_cross_site_write_refused(client: TestClient) -> None:
    r = client.post("/api/articles", json=GOOD, headers={"origin": "https://elsewhere.test"})
    assert r.status_code == 403
    r = client.post("/api/articles", json=GOOD, headers={"origin": "http://testserver"})
    assert r.status_code == 200


def test_token_required_for_writes(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(db_path=tmp_path / "s.db"), token="s3cret")) as c:
        assert c.post("/api/articles", json=GOOD).status_code == 401
        assert c.post("/api/articles", json=GOOD, headers={"authorization": "Bearer wrong"}).status_code == 401
        r = c.post("/api/articles", json=GOOD, headers={"authorization": "Bearer s3cret"})
        assert r.status_code == 200 and r.json()["new"] == 1
        assert c.get("/api/articles").status_code == 200  # reads stay open
        assert 'name="token"' in c.get("/upload").text


def test_trusted_hosts(tmp_path: Path) -> None:
    app = create_app(Settings(db_path=tmp_path / "s.db"), allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/healthz", headers={"host": "attacker.test"}).status_code == 400


def test_serve_refuses_public_host_without_token(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORYDIFF_TOKEN", raising=False)
    code = main(["--db", str(tmp_path / "s.db"), "serve", "--host", "0.0.0.0", "--port", "8123"])
    assert code == 1
    assert "without a write token" in capsys.readouterr().err
    assert [is_loopback(h) for h in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "10.1.2.3", "example.org")] == [
        True, True, True, False, False, False]


def test_serve_runs_on_loopback_and_checks_host(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = "from storydiff.cli import main; raise SystemExit(main())"
    proc = subprocess.Popen([sys.executable, "-c", code, "--db", str(tmp_path / "s.db"), "serve", "--port", str(port)],
                            stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "serve did not start"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["status"] == "ok"
        assert "server" not in r.headers
        rebinding = httpx.get(f"http://127.0.0.1:{port}/healthz", headers={"host": "evil.test"}, timeout=2)
        assert rebinding.status_code == 400
    finally:
        proc.terminate()
        proc.wait(timeout=10)
