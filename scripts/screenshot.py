"""Screenshot of the story page for the README, from the bundled example corpus.

Usage: .venv/bin/python scripts/screenshot.py docs/story-page.png
Needs Debian's chromium (scripts/install-debian-deps.sh). Serves on a free loopback port.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from storydiff.api import create_app
from storydiff.ingest import read_paths
from storydiff.pipeline import Pipeline
from storydiff.settings import Settings
from storydiff.store import Store

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def main(out: Path, article: str = "wmp-2024-0314-17") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_path=Path(tmp) / "shot.db")
        with Store.open(settings.db_path) as store:
            Pipeline(store, settings).ingest(read_paths([ROOT / "examples" / "corpus"], settings.ingest))
            found = store.articles.get(article)
            story = store.stories.story_of(found.id) if found else None
        if story is None:
            raise SystemExit(f"no story for {article}")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 1500})
                page.goto(f"http://127.0.0.1:{port}/stories/{story}")
                page.screenshot(path=str(out))
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/story-page.png"))
