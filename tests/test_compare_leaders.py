"""Delegation-head conflicts on real dev articles (read in place, skipped when absent): one report
says a minister leads a side's delegation, another names a different counterpart at the table;
the other side's head, named alike by all reports, stays silent."""

import time
from collections.abc import Callable

import pytest

from storydiff.compare.align import prepare
from storydiff.compare.leaders import find_leader_conflicts, leader_slots
from storydiff.model import Article, Conflict

pytestmark = pytest.mark.realdata
GoldHits = Callable[..., list[Conflict]]


def test_two_heads_of_one_delegation_conflict(gold_hits: GoldHits) -> None:
    hits = gold_hits("d0249", "d0246", "role:leader:")
    assert hits and hits[0].kind == "name"
    assert {v.text.split()[-1] for v in hits[0].values} == {"Resnikow", "Arachamija"}


def test_the_head_named_alike_by_all_reports_stays_silent(dev: tuple) -> None:
    arts, _ = dev
    units = prepare([arts[x] for x in ("d0245", "d0246", "d0247", "d0248", "d0249")])
    heads = {(s.side, s.surname) for us in units for u in us for s in leader_slots(u)}
    assert ("ru", "Medinski") in heads  # "Verhandlungsführer", "Delegationsführer", "Delegationsleiter"
    found = find_leader_conflicts(units)
    assert found and all(a.key == "role:leader:ua" for _, a, _b, _, _ in found)


def test_a_report_naming_both_heads_of_one_side_stays_silent() -> None:
    one = "Die polnische Delegation wird von Außenminister Jan Kowal geleitet."
    two = "Der polnische Verhandlungsführer Piotr Nowak traf am Montag ein."
    assert len(find_leader_conflicts(prepare([Article(text=one, language="de"),
                                              Article(text=two, language="de")]))) == 1
    both = Article(text=one + " " + two, language="de")
    assert not find_leader_conflicts(prepare([both, Article(text=two, language="de")]))


def test_a_long_run_of_capitalised_words_is_read_fast() -> None:
    text = " ".join(["Der Große Rat Anna Berg Kowal"] * 600) + "."
    t0 = time.perf_counter()
    units = prepare([Article(text=text, language="de")])
    assert not [s for u in units[0] for s in leader_slots(u)]
    assert time.perf_counter() - t0 < 2.0  # a name run tried at every word took seconds
