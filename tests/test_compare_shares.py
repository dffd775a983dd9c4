"""One named subject's share on real dev articles (read in place, skipped when absent): two
reports of a coalition deal giving one party different numbers of ministries, and the other
shares of the election stories that must stay silent."""

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.shares import find_share_conflicts, shares_of
from storydiff.model import Article, Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]
DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


def test_one_party_two_counts_of_ministries(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0051", "d0056", "ministry+share")
    assert hits and {v.value["anchor"] for v in hits[0].values} == {6.0, 7.0}


def test_a_share_is_the_part_not_the_whole(dev: tuple) -> None:
    arts, _ = dev
    shares = [s for u in prepare([arts["d0056"]])[0] for s in shares_of(u)]
    # "sechs von 15": six is the party's share, fifteen the whole, no share of anyone
    assert [(s.subject, s.value) for s in shares if s.noun == "ministry"] == [("spd", 6.0)]


def test_other_election_stories_stay_silent(dev: tuple) -> None:
    arts, _ = dev
    stories: dict[str, list[Article]] = defaultdict(list)
    for line in (DEV / "articles.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["story"].startswith(("bt21-", "uk-")) and r["story"] != "bt21-2021-11-24-coalition-agreement":
            stories[r["story"]].append(arts[r["id"]])
    assert len(stories) >= 4
    found = [(name, a.value.text, b.value.text) for name, story in sorted(stories.items())
             for _, a, b, _, _ in find_share_conflicts(prepare(story))]
    assert not found, found
