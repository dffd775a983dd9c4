"""Containment candidates (lead keys): briefs cut from real articles are found, unrelated leads are not."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from storydiff.dedup.lead import LeadIndex, is_lead_key, pair_similarity, shingle_texts
from storydiff.dedup.stage import DedupStage, compare_texts
from storydiff.model import Article
from storydiff.pipeline import Pipeline
from storydiff.settings import DedupSettings, IngestSettings, Settings
from storydiff.store import Store
from storydiff.text.normalize import normalize

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"


def dev_records() -> list[dict[str, Any]]:
    if not DEV.exists():
        pytest.skip("dev articles not available")
    return [json.loads(line) for line in DEV.open(encoding="utf-8")]


def _articles(records: list[dict[str, Any]]) -> list[Article]:
    t0 = datetime(2023, 1, 1, tzinfo=UTC)
    return [Article(text=r["text"], source="dev", external_id=r["id"], language=r.get("lang") or "de",
                    published=t0 + timedelta(minutes=i)) for i, r in enumerate(records)]


def _ingest(tmp: Path, arts: list[Article], lead: bool = True) -> dict[tuple[str, str], tuple[float, float]]:
    settings = Settings(db_path=tmp / "c.db", ingest=IngestSettings(detect_language=False),
                        dedup=DedupSettings(lead_keys=lead))
    with Store.open(tmp / "c.db") as store:
        Pipeline(store, settings, stages=[DedupStage(settings.dedup)]).ingest(arts)
        return {(p.a, p.b): (p.jaccard, p.containment) for p in store.dedup.pairs()}


def _brief(text: str, fraction: float) -> str:
    words = text.split()
    return " ".join(words[: round(len(words) * fraction)])


def test_lead_keys_equal_for_truncations_and_salted() -> None:
    recs = [r for r in dev_records() if len(r["text"].split()) > 150][:20]
    lead = LeadIndex()
    norms = [normalize(r["text"]) for r in recs] + [normalize(_brief(r["text"], 0.3)) for r in recs]
    keys = lead.keys(norms)
    assert np.array_equal(keys[: len(recs)], keys[len(recs):])
    # different articles share no lead band (their leads differ)
    assert len({k for row in keys[: len(recs)].tolist() for k in row}) == lead.bands * len(recs)
    # a key space of their own: never equal to the whole-text keys, and told apart by value
    stage = DedupStage()
    assert stage.lead is not None and stage.keys.columns == stage.lsh.bands + stage.lead.bands
    main = stage.lsh.keys(stage.hasher.signatures(shingle_texts([r["text"] for r in recs], stage.settings)[1]))
    assert not set(main.ravel().tolist()) & set(keys.ravel().tolist())
    assert is_lead_key(keys).all() and not is_lead_key(main).any()
    assert DedupStage(DedupSettings(lead_keys=False)).lead is None


def test_briefs_of_real_articles_are_found_with_lead_keys(tmp_path: Path) -> None:
    recs = [r for r in dev_records() if len(r["text"].split()) > 200][:40]
    base = _articles(recs)
    long_briefs = [Article(text=_brief(r["text"], 0.3), source="brief", external_id=f"b{r['id']}") for r in recs[:10]]
    short_briefs = [Article(text=" ".join(r["text"].split()[:30]), source="short", external_id=f"s{r['id']}")
                    for r in recs[10:20]]
    got = _ingest(tmp_path / "lead", base + long_briefs + short_briefs)
    for a, brief in zip(base[:20], long_briefs + short_briefs, strict=True):
        pair = tuple(sorted((a.id, brief.id)))
        assert pair in got, brief.external_id
        jac, con = got[pair]  # type: ignore[index]
        assert con >= 0.95 and jac < 0.5
    # a 30-word brief is character-shingled: without lead keys it is never compared with its story
    (tmp_path / "plain").mkdir()
    plain = _ingest(tmp_path / "plain", base + short_briefs, lead=False)
    assert not any(tuple(sorted((a.id, b.id))) in plain for a, b in zip(base[10:20], short_briefs, strict=True))


def test_lead_keys_add_no_false_pairs_on_dev_set(tmp_path: Path) -> None:
    recs = dev_records()
    arts = _articles(recs)
    story = {a.id: r["story"] for a, r in zip(arts, recs, strict=True)}
    got = _ingest(tmp_path, arts)
    s = DedupSettings()
    for (a, b), (jac, con) in got.items():
        assert story[a] == story[b]
        assert jac >= s.threshold or con >= s.containment_threshold


def test_pair_similarity_compares_mixed_kinds_on_characters() -> None:
    rec = next(r for r in dev_records() if len(r["text"].split()) > 150)
    brief = " ".join(rec["text"].split()[:25])
    norms, sets, kinds = shingle_texts([rec["text"], brief], DedupSettings())
    assert kinds == [False, True]
    jac, con = pair_similarity(norms[0], sets[0], kinds[0], norms[1], sets[1], kinds[1], DedupSettings())
    assert con > 0.95 and jac < 0.3
    assert compare_texts(rec["text"], brief).containment == pytest.approx(con, abs=1e-6)
