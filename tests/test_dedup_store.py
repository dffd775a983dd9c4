"""The persistent near-duplicate index: pipeline integration, restart, removal, groups, CLI."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from storydiff.cli import main
from storydiff.dedup.stage import DedupStage, duplicate_groups
from storydiff.model import Article
from storydiff.pipeline import Pipeline
from storydiff.settings import IngestSettings, Settings
from storydiff.store import Store
from storydiff.store.migrations import SCHEMA_VERSION

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "dev" / "articles.jsonl"
T0 = datetime(2022, 1, 7, 8, 0, tzinfo=UTC)


def dev_records(n: int) -> list[dict[str, str]]:
    if not DEV.exists():
        pytest.skip("dev articles not available")
    recs = [json.loads(line) for line in DEV.open(encoding="utf-8")]
    return [r for r in recs if len(r["text"].split()) > 150][:n]


def rewrite(text: str, rng: random.Random, rate: float = 0.03) -> str:
    words = text.split()
    return " ".join(f"anders{rng.randrange(999)}" if rng.random() < rate else w for w in words)


def corpus() -> tuple[list[Article], dict[str, str]]:
    """Twenty real articles, a light rewrite of five, a truncated copy of one, an exact copy of one."""
    rng = random.Random(5)
    recs = dev_records(20)
    arts = [Article(text=r["text"], source="orig", external_id=r["id"], published=T0 + timedelta(hours=i))
            for i, r in enumerate(recs)]
    twins: dict[str, str] = {}
    for i in range(5):
        copy = Article(text=rewrite(recs[i]["text"], rng), source="copy", external_id=f"rw{i}",
                       published=T0 - timedelta(hours=1 + i))
        arts.append(copy)
        twins[copy.id] = arts[i].id
    words = recs[6]["text"].split()
    short = Article(text=" ".join(words[: len(words) * 2 // 3]), source="copy", external_id="cut6",
                    published=T0 + timedelta(days=1))
    exact = Article(text=recs[7]["text"].upper(), source="copy", external_id="same7", published=T0 + timedelta(days=1))
    arts += [short, exact]
    twins[short.id] = arts[6].id
    twins[exact.id] = arts[7].id
    return arts, twins


def ingest(db: Path, arts: list[Article], batch_size: int = 7) -> Settings:
    settings = Settings(db_path=db, ingest=IngestSettings(batch_size=batch_size, detect_language=False))
    with Store.open(db) as store:
        Pipeline(store, settings).ingest(arts)
    return settings


def test_pipeline_finds_rewrites_truncations_and_exact_copies(tmp_path: Path) -> None:
    arts, twins = corpus()
    ingest(tmp_path / "s.db", arts)
    with Store.open(tmp_path / "s.db") as store:
        pairs = {frozenset((p.a, p.b)): p for p in store.dedup.pairs()}
        assert set(pairs) == {frozenset(x) for x in twins.items()}
        for copy, orig in twins.items():
            p = pairs[frozenset((copy, orig))]
            assert 0.5 <= p.jaccard <= 1.0 and p.containment >= p.jaccard
        by_label = {a.id: a.external_id for a in arts}
        cut = next(p for k, p in pairs.items() if any(by_label[x] == "cut6" for x in k))
        assert cut.containment > 0.95 and cut.jaccard < 0.75
        assert next(p for k, p in pairs.items() if any(by_label[x] == "same7" for x in k)).exact
        groups = duplicate_groups(store)
        assert len(groups) == 7
        for g in groups:
            members = [m.id for m in g.members]
            first = min((a for a in arts if a.id in members), key=lambda a: a.published or T0)
            assert g.canonical == members[0] == first.id


def test_index_survives_restart_and_removal(tmp_path: Path) -> None:
    arts, twins = corpus()
    originals = [a for a in arts if a.source == "orig"]
    copies = [a for a in arts if a.source == "copy"]
    db = tmp_path / "s.db"
    settings = ingest(db, originals)
    # reopen: the copies must be matched against articles indexed in the earlier session
    settings = ingest(db, copies, batch_size=100)
    with Store.open(db) as store:
        assert {frozenset((p.a, p.b)) for p in store.dedup.pairs()} == {frozenset(x) for x in twins.items()}
        size = store.dedup.index_bytes() / store.dedup.indexed_count()
        assert size <= 1024
        victim = next(iter(twins))
        Pipeline(store, settings).remove([victim])
        assert all(victim not in (p.a, p.b) for p in store.dedup.pairs())
        assert store.dedup.indexed_count() == len(arts) - 1
        keys = store.conn.execute("SELECT sum(length(keys)) / 4 FROM dedup_signatures").fetchone()[0]
        assert keys == store.dedup.indexed_count() * DedupStage(settings.dedup).keys.columns  # whole-text + lead
        assert len(DedupStage(settings.dedup).band_index(store)) == keys  # the in-memory index, from the store
    # re-adding the removed article finds its twin again
    ingest(db, [a for a in arts if a.id == victim])
    with Store.open(db) as store:
        assert any(victim in (p.a, p.b) for p in store.dedup.pairs())


def test_updated_article_replaces_its_index_entries(tmp_path: Path) -> None:
    arts, twins = corpus()
    db = tmp_path / "s.db"
    ingest(db, arts)
    copy_id, orig_id = next(iter(twins.items()))
    copy = next(a for a in arts if a.id == copy_id)
    unrelated = next(a for a in arts if a.source == "orig" and a.id not in twins.values())
    ingest(db, [copy.with_changes(text=unrelated.text, id=copy.id)])
    with Store.open(db) as store:
        pairs = {frozenset((p.a, p.b)) for p in store.dedup.pairs()}
        assert frozenset((copy_id, orig_id)) not in pairs
        assert frozenset((copy_id, unrelated.id)) in pairs


def test_stage_notices_writes_by_another_process_and_rollbacks(tmp_path: Path) -> None:
    """A stage holding the band index in memory rebuilds it when the store's token moved."""
    arts, twins = corpus()
    db = tmp_path / "s.db"
    copies = [a for a in arts if a.id in twins]
    originals = [a for a in arts if a.id not in twins]
    settings = Settings(db_path=db, ingest=IngestSettings(batch_size=7, detect_language=False))
    with Store.open(db) as first, Store.open(db) as second:
        stage = DedupStage(settings.dedup)
        Pipeline(first, settings, stages=[stage]).ingest(originals[:2])
        held = stage.band_index(first)
        Pipeline(second, settings, stages=[DedupStage(settings.dedup)]).ingest(originals[2:])  # another writer

        class Boom(Exception):
            pass

        class FailAfterDedup:
            name = "fail"

            def process(self, store: Store, articles: list[Article]) -> None:
                raise Boom

            def remove(self, store: Store, article_ids: list[str]) -> None:
                pass

        with pytest.raises(Boom):  # indexed in memory, then rolled back
            Pipeline(first, settings, stages=[stage, FailAfterDedup()]).ingest(copies[:1])
        Pipeline(first, settings, stages=[stage]).ingest(copies)
        assert stage.band_index(first) is not held
        assert {frozenset((p.a, p.b)) for p in first.dedup.pairs()} == {frozenset(x) for x in twins.items()}
        assert len(stage.band_index(first)) == len(DedupStage(settings.dedup).band_index(first))
        # removal through the stage that holds the index: kept up to date in place, no rebuild
        held = stage.band_index(first)
        victim = copies[0]
        rowid = first.dedup.rowids([victim.id])[victim.id]
        keys = band_keys(stage, victim)
        assert any(rowid in ids for ids in held.lookup(keys).values())
        Pipeline(first, settings, stages=[stage]).remove([victim.id])
        assert stage.band_index(first) is held
        assert all(rowid not in ids for ids in held.lookup(keys).values())


def band_keys(stage: DedupStage, article: Article) -> np.ndarray:
    """The band keys of ``article``'s text."""
    from storydiff.dedup.rules import Shingled

    return stage.keys.index(Shingled.of([article.text], stage.settings))[1]


def test_results_do_not_depend_on_batch_size(tmp_path: Path) -> None:
    arts, _ = corpus()
    ingest(tmp_path / "a.db", arts, batch_size=3)
    ingest(tmp_path / "b.db", list(reversed(arts)), batch_size=50)
    with Store.open(tmp_path / "a.db") as a, Store.open(tmp_path / "b.db") as b:
        assert a.dedup.pairs() == b.dedup.pairs()
        assert duplicate_groups(a) == duplicate_groups(b)


def test_cli_dups(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arts, _ = corpus()
    db = tmp_path / "s.db"
    ingest(db, arts)
    assert main(["--db", str(db), "dups", "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    assert len(groups) == 7
    exact = [m for g in groups for m in g["members"] if m["exact"]]
    assert [m["label"] for m in exact] == ["same7"]
    assert main(["--db", str(db), "dups"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["GROUP", "ARTICLE", "KIND", "JACCARD", "CONTAINMENT"]
    assert "cut6" in out and "rw0" in out
    first = next(a for a in arts if a.external_id == "rw0")
    assert main(["--db", str(db), "reuse", "rw0", arts[0].id, "--json"]) == 0
    out_json = json.loads(capsys.readouterr().out)
    assert out_json["a"] == first.id and out_json["passages"]



def test_shingle_cache_follows_content_changes(tmp_path: Path) -> None:
    """Verification reuses cached shingles only while the stored text is unchanged,
    also when another writer (here: a pipeline without the stage) changed it."""
    from storydiff.dedup.rules import Shingled
    from storydiff.settings import Settings
    from storydiff.store import Store

    old = " ".join(f"wort{i}" for i in range(120))
    new = " ".join(f"neu{i}" for i in range(120))
    settings = Settings(db_path=tmp_path / "c.db")
    stage = DedupStage(settings.dedup)
    with Store.open(settings.db_path) as store:
        Pipeline(store, settings, stages=[stage]).ingest([Article(text=old, url="https://c.test/1")])
        aid = Article(text=old, url="https://c.test/1").id
        assert stage._stored_shingles(store, [aid])[aid][1].tolist() == Shingled.of([old], settings.dedup).sets[0].tolist()
        Pipeline(store, settings, stages=[]).ingest([Article(text=new, url="https://c.test/1")])
        got = stage._stored_shingles(store, [aid])[aid]
        assert got[1].tolist() == Shingled.of([new], settings.dedup).sets[0].tolist()


def test_store_of_schema_5_upgrades_and_keeps_its_index(tmp_path: Path) -> None:
    """A store written before migration 6 (band keys in an SQLite table) loses the table, not its index."""
    arts, twins = corpus()
    db = tmp_path / "s.db"
    ingest(db, [a for a in arts if a.id not in twins])
    with Store.open(db) as store:  # turn it back into a version-5 store
        store.conn.execute("DROP TABLE dedup_meta")
        store.conn.execute("CREATE TABLE dedup_bands (key INTEGER NOT NULL, article INTEGER NOT NULL,"
                           " PRIMARY KEY (key, article)) WITHOUT ROWID")
        for keys, rowids in store.dedup.key_entries():
            store.conn.executemany("INSERT OR IGNORE INTO dedup_bands VALUES (?, ?)",
                                   zip(keys.tolist(), rowids.tolist(), strict=True))
        store.conn.execute("PRAGMA user_version=5")
    ingest(db, [a for a in arts if a.id in twins])  # migrates, rebuilds the band index from the stored keys
    with Store.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 6
        assert store.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'dedup_bands'").fetchone()[0] == 0
        assert {frozenset((p.a, p.b)) for p in store.dedup.pairs()} == {frozenset(x) for x in twins.items()}
