"""Online clustering behaviour: time windows, determinism, cross-language links, the store and CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storydiff.cli import main
from storydiff.cluster.online import OnlineClusterer
from storydiff.cluster.stage import ClusterStage
from storydiff.model import Article
from storydiff.pipeline import Pipeline
from storydiff.settings import ClusterSettings, Settings
from storydiff.store import Store

T0 = datetime(2024, 5, 6, 8, tzinfo=UTC)

FIRE_DE = [
    "In der Altstadt von Lübeck ist in der Nacht ein Großbrand in einer Lagerhalle ausgebrochen. Die Feuerwehr "
    "rückte mit 120 Einsatzkräften aus, Anwohner mussten ihre Fenster geschlossen halten.",
    "Großbrand in Lübeck: Eine Lagerhalle in der Altstadt stand in der Nacht in Flammen. 120 Feuerwehrleute "
    "kämpften gegen das Feuer, die Polizei warnte Anwohner vor dem Rauch.",
    "Nach dem Großbrand in der Lübecker Altstadt ermittelt die Polizei zur Ursache. Die Lagerhalle brannte "
    "vollständig nieder, die Feuerwehr war mit 120 Kräften im Einsatz.",
]
FIRE_EN = (
    "A large fire destroyed a warehouse in the old town of Lübeck overnight, with 120 firefighters deployed, "
    "German police said."
)
TRAIN_DE = (
    "Die Deutsche Bahn hat am Montag neue Fahrpläne für den Fernverkehr zwischen Hamburg und München "
    "vorgestellt. Ab Dezember sollen mehr Sprinter-Züge fahren."
)


def art(i: int, text: str, when: datetime | None, lang: str = "de") -> Article:
    return Article(text=text, url=f"https://news.test/{i}", source=f"outlet{i % 3}", published=when, language=lang)


def test_same_happening_joins_and_other_topic_opens() -> None:
    c = OnlineClusterer(ClusterSettings())
    ids = [c.add(art(i, t, T0 + timedelta(hours=i))).story_id for i, t in enumerate(FIRE_DE)]
    other = c.add(art(9, TRAIN_DE, T0 + timedelta(hours=4)))
    assert len(set(ids)) == 1
    assert other.new and other.story_id != ids[0]


def test_story_quiet_past_window_takes_no_article() -> None:
    settings = ClusterSettings(window_hours=48, decay_hours=10_000)  # isolate the window from the decay
    c = OnlineClusterer(settings)
    first = c.add(art(0, FIRE_DE[0], T0))
    near = c.add(art(1, FIRE_DE[1], T0 + timedelta(hours=30)))
    late = c.add(art(2, FIRE_DE[2], T0 + timedelta(hours=30 + 49)))
    assert near.story_id == first.story_id
    assert late.new and late.story_id != first.story_id


def test_time_decay_lowers_similarity() -> None:
    scores = []
    for gap in (1, 20):
        c = OnlineClusterer(ClusterSettings(window_hours=100, threshold=0.01))  # always join: compare scores
        c.add(art(0, FIRE_DE[0], T0))
        joined = c.add(art(1, FIRE_DE[1], T0 + timedelta(hours=gap)))
        assert not joined.new
        scores.append(joined.score)
    assert scores[0] > scores[1]


def test_cross_language_link_through_names_and_numbers() -> None:
    c = OnlineClusterer(ClusterSettings())
    first = c.add(art(0, FIRE_DE[0], T0))
    c.add(art(1, FIRE_DE[1], T0 + timedelta(hours=1)))
    en = c.add(art(2, FIRE_EN, T0 + timedelta(hours=2), "en"))
    assert en.story_id == first.story_id


def _stream() -> list[Article]:
    items = [art(i, t, T0 + timedelta(hours=i)) for i, t in enumerate(FIRE_DE)]
    items += [art(5, TRAIN_DE, T0 + timedelta(hours=2)), art(6, FIRE_EN, None, "en")]
    return items


def test_deterministic_ids_and_clustering(tmp_path: Path) -> None:
    results = []
    for run in range(2):
        with Store.open(tmp_path / f"s{run}.db") as store:
            Pipeline(store, Settings()).ingest(_stream())
            results.append({a.id: store.stories.story_of(a.id) for a in _stream()})
    assert results[0] == results[1]
    assert all(v is not None and v.startswith("st") for v in results[0].values())


def test_store_resume_recluster_and_remove(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    items = _stream()
    with Store.open(db) as store:
        Pipeline(store, Settings()).ingest(items[:2])
    with Store.open(db) as store:  # a new process: the state is rebuilt from the store
        Pipeline(store, Settings()).ingest(items[2:])
        before = {a.id: store.stories.story_of(a.id) for a in items}
        sid = before[items[0].id]
        assert sid is not None and before[items[2].id] == sid
        story = store.stories.get(sid)
        assert story is not None
        assert story.article_ids[:3] == [a.id for a in items[:3]]  # time order
        assert story.first_seen == T0 and story.languages[0] == "de"
        assert [s.id for s in store.stories.list(language="de", limit=10)]
        assert store.stories.list(source="no-such-outlet") == []
        ClusterStage(Settings().cluster).recluster(store)
        assert {a.id: store.stories.story_of(a.id) for a in items} == before
        Pipeline(store, Settings()).remove([items[0].id])
        after = store.stories.get(sid)
        assert after is not None and items[0].id not in after.article_ids
        assert after.first_seen == T0 + timedelta(hours=1)


def test_exact_duplicate_joins_canonical_story(tmp_path: Path) -> None:
    far = T0 + timedelta(days=30)  # outside any window: only the duplicate rule can join it
    with Store.open(tmp_path / "d.db") as store:
        Pipeline(store, Settings()).ingest([art(0, FIRE_DE[0], T0), art(1, FIRE_DE[0], far)])
        assert store.stories.story_of(art(0, "", None).id) == store.stories.story_of(art(1, "", None).id)


def test_cli_lists_and_shows_stories(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        Pipeline(store, Settings()).ingest(_stream())
    assert main(["--db", str(db), "stories", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed and {"id", "headline", "languages", "sources", "labels", "first_seen"} <= listed[0].keys()
    biggest = max(listed, key=lambda s: s["articles"])
    assert biggest["articles"] >= 3
    assert main(["--db", str(db), "story", biggest["id"]]) == 0
    assert "Lübeck" in capsys.readouterr().out
    assert main(["--db", str(db), "story", "nope"]) == 1
    assert "nope" in capsys.readouterr().err
    assert main(["--db", str(db), "recluster"]) == 0
    assert "reclustered 5 articles" in capsys.readouterr().out
