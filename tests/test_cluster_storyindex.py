"""The clusterer's candidate index: postings, archive and expiry kept in step."""

from __future__ import annotations

from storydiff.cluster.story import StoryState
from storydiff.cluster.storyindex import StoryIndex


def _two_stories() -> tuple[StoryIndex, StoryState, StoryState]:
    index = StoryIndex()
    a, b = StoryState(id="a", seq=0), StoryState(id="b", seq=1)
    index.file(a, ["flut", "ahr", "pegel"])
    index.file(b, ["flut", "wahl"])
    for story, last in ((a, 10.0), (b, 30.0)):
        story.last = last
        index.seen(story, last)
    return index, a, b


def test_lookup_ranks_by_shared_query_weight_then_age() -> None:
    index, _a, _b = _two_stories()
    assert index.lookup([("wahl", 0.9), ("flut", 0.2)], include_archive=False, limit=5) == [1, 0]
    assert index.lookup([("flut", 0.5)], include_archive=False, limit=5) == [0, 1]
    assert index.lookup([("flut", 0.5)], include_archive=False, limit=1) == [0]


def test_expired_pops_only_entries_older_than_the_horizon() -> None:
    index, _a, _b = _two_stories()
    assert list(index.expired(20.0)) == [0]
    assert list(index.expired(20.0)) == []
    assert list(index.expired(31.0)) == [1]


def test_a_retired_story_is_found_only_through_the_archive() -> None:
    index, a, _b = _two_stories()
    a.active = False
    index.retire(a, ["ahr"])
    assert a.indexed == set() and a.archived == ["ahr"]
    assert "pegel" not in index.postings
    assert index.lookup([("ahr", 1.0)], include_archive=False, limit=5) == []
    assert index.lookup([("ahr", 1.0)], include_archive=True, limit=5) == [0]
    index.file(a, ["pegel"])  # a late member of a quiet story goes to the archive too
    assert index.lookup([("pegel", 1.0)], include_archive=True, limit=5) == [0]
    assert index.lookup([("pegel", 1.0)], include_archive=False, limit=5) == []


def test_transfer_points_the_merged_story_s_postings_to_the_one_kept() -> None:
    index, a, b = _two_stories()
    index.transfer(a, b)
    assert b.indexed == set()
    assert a.indexed == {"flut", "ahr", "pegel", "wahl"}
    assert index.lookup([("wahl", 1.0)], include_archive=False, limit=5) == [0]


def test_restore_rebuilds_the_same_lookups() -> None:
    index, a, b = _two_stories()
    a.active = False
    index.retire(a, ["ahr"])
    rebuilt = StoryIndex()
    rebuilt.restore([a, b])
    for query in (["ahr"], ["flut"], ["wahl", "pegel"]):
        q = [(t, 1.0) for t in query]
        for archive in (False, True):
            assert rebuilt.lookup(q, include_archive=archive, limit=5) == index.lookup(q, include_archive=archive, limit=5)
    assert list(rebuilt.expired(100.0)) == [1]
