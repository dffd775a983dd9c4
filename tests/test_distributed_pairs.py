"""The batch job's pair kernels, run in one process: copy groups stand for their members exactly."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from storydiff.distributed import kernels as k
from storydiff.distributed import pairs as pk
from storydiff.distributed.frames import Frame, concat_frames
from storydiff.model import Article
from storydiff.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETTINGS = Settings(progress=False)


def _articles() -> list[Article]:
    """Two rewrites of one report and a shortened version of one, each copied at other URLs (one copy
    respaced), and unrelated dev articles."""
    samples = [SHARED / "samples" / f"kz-shoot-order-{x}.de.txt" for x in "ab"]
    dev = SHARED / "dev" / "articles.jsonl"
    if not all(p.exists() for p in [*samples, dev]):
        pytest.skip("shared samples absent")
    a, b = (p.read_text(encoding="utf-8") for p in samples)
    short = a[: len(a) * 3 // 4]
    texts = [a, b, short, a, b, a.replace(" ", "  ", 3), b, short]
    texts += [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines()[:40]]
    return [Article(text=t, url=f"https://copy{i}.test/x", language="de") for i, t in enumerate(texts)]


def _pairs(docs: Frame, collapse: bool) -> set[tuple[int, int, float, float, bool]]:
    """Verified pairs of ``docs`` through the job's kernels with one partition (no shuffles)."""
    exact, members = pk.hash_groups(pk.exact_rows(docs))
    if not collapse:
        members = {"node": np.empty(0, np.int64), "rep": np.empty(0, np.int64)}
    done, rest = pk.side_a(pk.candidates(pk.band_rows(docs, members), exact), docs)
    near = pk.verify_a(pk.side_b(rest, docs, SETTINGS), docs, SETTINGS)
    near = pk.expand_side(pk.expand_side(near, members, "a"), members, "b")
    out = concat_frames([done, near])
    return set(zip(out["a"].tolist(), out["b"].tolist(), out["jaccard"].tolist(), out["containment"].tolist(),
                   out["exact"].tolist(), strict=True))


def test_copy_groups_give_the_pairs_of_every_member() -> None:
    frame, errors = k.article_frame(_articles(), SETTINGS, 0)
    docs = k.latest_per_node(frame)
    assert not errors
    _, members = pk.hash_groups(pk.exact_rows(docs))
    assert len(members["node"]) >= 5 and len(set(members["rep"].tolist())) >= 2  # the copies of a and of b
    assert len(pk.band_rows(docs, members)["key"]) < len(pk.band_rows(docs)["key"])  # copies search no keys
    full, collapsed = _pairs(docs, collapse=False), _pairs(docs, collapse=True)
    assert collapsed == full
    exact = {(x, y) for x, y, _, _, e in full if e}
    near = {(x, y) for x, y, _, _, e in full if not e}
    assert len(exact) >= 4
    assert len(near) >= 3 * 2  # the shortened text and its copy: a near-duplicate of each copy of its source
    assert all(x < y for x, y, *_ in full)
