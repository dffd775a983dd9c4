"""A ``kill -9`` in the middle of a large ingest leaves a consistent store that a rerun completes."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORDS = [
    "Regierung",
    "Ministerium",
    "Hochwasser",
    "Polizei",
    "Stadt",
    "Bericht",
    "Sprecher",
    "Montag",
    "Dienstag",
    "Einsatz",
    "Feuerwehr",
    "Gericht",
    "Bahn",
    "Streik",
    "Zentralbank",
    "Zinsen",
    "Verband",
    "Landrat",
    "Schule",
    "Brücke",
]
SUFFIXES = ["", "s", "es", "en", "er", "bericht", "lage", "amt", "frage", "plan", "stelle", "zeit"]


def _corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rng = random.Random(i)
            words = [rng.choice(WORDS) + rng.choice(SUFFIXES) for _ in range(60)]
            text = f"Meldung {i}: " + " ".join(words) + f". Es ging um {i * 13} Fälle."
            fh.write(
                json.dumps(
                    {
                        "id": f"k{i}",
                        "url": f"https://kill.test/{i}",
                        "source": "kill.test",
                        "published": f"2022-01-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
                        "language": "de",
                        "title": f"Meldung {i}",
                        "text": text,
                    }
                )
                + "\n"
            )


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_dash_nine_mid_ingest(tmp_path: Path) -> None:
    n = 6000
    corpus = tmp_path / "big.jsonl"
    _corpus(corpus, n)
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "storydiff.cli", "--db", str(db), "--quiet", "ingest", str(corpus)]
    env = {**os.environ, "CI": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _count(db) < 500 and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    assert 0 < stored < n
    assert stored % 500 == 0, "a batch was stored partly"

    done = subprocess.run([*cmd, "--json"], capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["new"] == n - stored
    assert report["unchanged"] == stored
    assert _count(db) == n
