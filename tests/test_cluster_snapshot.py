"""The clusterer's saved state: a restart loads it (no replay) and decides exactly as an uninterrupted run."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storydiff.cluster.evaluate import read_gold
from storydiff.cluster.online import OnlineClusterer
from storydiff.cluster.snapshot import decode_story, encode_story, load_state, save_full
from storydiff.cluster.stage import ClusterStage
from storydiff.model import Article
from storydiff.pipeline import Pipeline
from storydiff.settings import IngestSettings, Settings
from storydiff.store import Store
from storydiff.store.stories import ClusterStateRepository

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "articles.jsonl"
T0 = datetime(2024, 5, 6, 8, tzinfo=UTC)

TEXTS = [
    "In der Altstadt von Lübeck ist in der Nacht ein Großbrand in einer Lagerhalle ausgebrochen. Die Feuerwehr "
    "rückte mit 120 Einsatzkräften aus.",
    "Großbrand in Lübeck: Eine Lagerhalle in der Altstadt stand in Flammen, 120 Feuerwehrleute waren im Einsatz.",
    "Die Deutsche Bahn stellt neue Fahrpläne für den Fernverkehr zwischen Hamburg und München vor.",
    "Neue Fahrpläne der Deutschen Bahn: mehr Sprinter-Züge zwischen Hamburg und München ab Dezember.",
    "A large fire destroyed a warehouse in the old town of Lübeck overnight, with 120 firefighters deployed.",
    "Nach dem Großbrand in Lübeck ermittelt die Polizei zur Ursache; die Lagerhalle brannte vollständig nieder.",
]


def _small() -> list[Article]:
    out = []
    for i, text in enumerate(TEXTS):
        when = None if i == 5 else T0 + timedelta(hours=3 * i)  # one undated article consults the archive
        out.append(Article(text=text, url=f"https://news.test/{i}", language="en" if i == 4 else "de",
                           published=when))
    return out


def _settings(batch: int) -> Settings:
    return Settings(progress=False, ingest=IngestSettings(batch_size=batch))


def _cluster_stage(pipeline: Pipeline) -> ClusterStage:
    return next(s for s in pipeline.stages if isinstance(s, ClusterStage))


def _run(db: Path, articles: list[Article], cuts: list[int], batch: int) -> tuple[dict[str, str | None], list[bool]]:
    """Ingest ``articles`` with a fresh store/pipeline (a restart) at every cut; which restarts replayed."""
    replayed = []
    bounds = [0, *cuts, len(articles)]
    for lo, hi in itertools.pairwise(bounds):
        with Store.open(db) as store:
            pipeline = Pipeline(store, _settings(batch))
            pipeline.ingest(articles[lo:hi])
            replayed.append(_cluster_stage(pipeline).replayed)
    with Store.open(db) as store:
        return {a.id: store.stories.story_of(a.id) for a in articles}, replayed


def test_story_state_round_trips_exactly() -> None:
    c = OnlineClusterer(Settings().cluster)
    for a in _small():
        c.add(a)
    for story in c.stories.values():
        assert decode_story(encode_story(story)) == story


def test_restart_loads_saved_state_without_replay(tmp_path: Path) -> None:
    items = _small()
    whole, _ = _run(tmp_path / "a.db", items, [], batch=2)
    parts, replayed = _run(tmp_path / "b.db", items, [2, 4], batch=2)
    assert parts == whole
    assert len(set(whole.values())) < len(items)  # some articles did join
    assert replayed == [True, False, False]  # only the empty store, which has no saved state yet, replays


@pytest.mark.realdata
def test_restart_equals_uninterrupted_run_on_dev_set(tmp_path: Path) -> None:
    if not DEV.exists():
        pytest.skip(f"{DEV} not available")
    gold = read_gold(DEV, Settings(progress=False))
    whole, _ = _run(tmp_path / "a.db", gold.articles, [], batch=60)
    parts, replayed = _run(tmp_path / "b.db", gold.articles, [90, 200, 300], batch=60)
    assert parts == whole
    assert replayed == [True, False, False, False]
    states = []
    for name in ("a.db", "b.db"):  # the saved states themselves agree, story by story
        with Store.open(tmp_path / name) as store:
            repo = ClusterStateRepository(store.conn)
            states.append([text for _seq, _sid, text in repo.stories()])
            assert load_state(repo, Settings().cluster, store.stories.assigned_count()) is not None
    assert states[0] == states[1]
    with Store.open(tmp_path / "b.db") as store:  # the saved state equals a replay of the assignments
        stage = ClusterStage(Settings().cluster)
        replay = stage.rebuild(store)
        loaded = load_state(ClusterStateRepository(store.conn), Settings().cluster, store.stories.assigned_count())
        assert loaded is not None
        assert loaded.df == replay.df and loaded.n_docs == replay.n_docs
        assert loaded.name_languages == replay.name_languages
        live = {s.id: s.count for s in loaded.stories.values() if s.merged_into is None}
        assert live == {s.id: s.count for s in replay.stories.values() if s.merged_into is None}


def test_saved_state_is_ignored_when_it_does_not_match(tmp_path: Path) -> None:
    items = _small()
    db = tmp_path / "c.db"
    _run(db, items[:4], [], batch=10)
    with Store.open(db) as store:
        repo = ClusterStateRepository(store.conn)
        n = store.stories.assigned_count()
        settings = Settings().cluster
        assert load_state(repo, settings, n) is not None
        assert load_state(repo, settings, n + 1) is None  # another count of assignments
        assert load_state(repo, replace(settings, threshold=0.3), n) is None  # other settings
        Pipeline(store, Settings()).remove([items[0].id])  # a removal drops the saved state ...
        assert load_state(repo, settings, store.stories.assigned_count()) is None
    with Store.open(db) as store:  # ... so the next run replays, then saves it whole again
        pipeline = Pipeline(store, Settings())
        pipeline.ingest(items[4:])
        assert _cluster_stage(pipeline).replayed
        assert load_state(ClusterStateRepository(store.conn), settings, store.stories.assigned_count()) is not None


def test_rolled_back_batch_reloads_the_committed_state(tmp_path: Path) -> None:
    items = _small()
    db = tmp_path / "d.db"
    with Store.open(db) as store:
        pipeline = Pipeline(store, Settings())
        pipeline.ingest(items[:3])
        stage = _cluster_stage(pipeline)
        with pytest.raises(RuntimeError), store.transaction():
            for item in items[3:5]:
                store.articles.upsert(item)
            stage.process(store, items[3:5])  # advances the state in memory, then rolls back
            raise RuntimeError("abort")
        pipeline.ingest(items[3:])
        assert not stage.replayed
        got = {a.id: store.stories.story_of(a.id) for a in items}
    whole, _ = _run(tmp_path / "e.db", items, [], batch=500)
    assert got == whole


def test_save_full_then_load_gives_same_decisions() -> None:
    import sqlite3

    from storydiff.store.migrations import MIGRATIONS

    conn = sqlite3.connect(":memory:")
    for statement in MIGRATIONS[4]:
        conn.execute(statement)
    repo = ClusterStateRepository(conn)
    items = _small()
    settings = Settings().cluster
    a = OnlineClusterer(settings)
    for item in items[:4]:
        a.add(item)
    save_full(repo, a, 4)
    b = load_state(repo, settings, 4)
    assert b is not None
    assert [a.add(x).story_id for x in items[4:]] == [b.add(x).story_id for x in items[4:]]
