"""Who was counted and whether anyone was hurt, on real dev articles (read in place, skipped when
absent): one figure given for soldiers in one report and for civilians too in another; a report of
no injured against a count of dead; and the pairs that must stay silent."""

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from storydiff.compare import compare_articles
from storydiff.compare.align import prepare
from storydiff.compare.groups import find_group_conflicts, tolls_of
from storydiff.model import Article, Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]
DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"


def test_one_figure_two_groups_is_a_conflict(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0205", "d0201", "statement:group:")
    assert hits and hits[0].key == "statement:group:dead"
    assert {v.text.split()[0] for v in hits[0].values} == {"137"}


def test_groups_are_read_after_the_figure_only(dev: tuple) -> None:
    arts, _ = dev
    units = prepare([arts["d0205"]])[0]
    tolls = {(t.anchor, t.action, tuple(sorted(t.groups))) for u in units for t in tolls_of(u)}
    # two figures of one sentence, each with its own action, both of soldiers only
    assert {(137.0, "dead", ("soldier",)), (316.0, "injured", ("soldier",))} <= tolls


def test_war_stories_give_no_other_group_conflict(dev: tuple) -> None:
    arts, _ = dev
    rows = [json.loads(line) for line in (DEV / "articles.jsonl").open(encoding="utf-8")]
    stories: dict[str, list[Article]] = defaultdict(list)
    for r in rows:
        if r["story"].startswith(("ukr-", "ua-")):
            stories[r["story"]].append(arts[r["id"]])
    assert len(stories) >= 5
    found = [(name, a.value.text, b.value.text) for name, story in sorted(stories.items())
             for _, a, b, _, _ in find_group_conflicts(prepare(story), [x.label for x in story])]
    assert [f[0] for f in found] == ["ukr-2022-02-25-kyiv-fighting"], found


def test_no_injured_disputes_a_count_of_dead(gold_hits: GoldHits) -> None:
    hits = gold_hits("a0110", "a0117")
    assert hits and any(v.value.get("anchor") == 0 for v in hits[0].values if isinstance(v.value, dict))


def test_no_injured_beside_its_own_count_of_dead_stays_silent(dev: tuple) -> None:
    arts, _ = dev
    dead = next(s for s in arts["a0117"].text.split(". ") if "gestorben" in s)
    # the same report of no injured, when it counts the dead itself, is precise, not a contradiction
    both = Article(text=arts["a0110"].text + "\n\n" + dead + ".", external_id="x", language="de")
    comp = compare_articles([both, arts["a0117"]])
    assert not [c for c in comp.conflicts if any(v.text.casefold() == "keine verletzten" for v in c.values)]
