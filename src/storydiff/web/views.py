"""Pure view helpers for the pages: highlighted text segments and the inline SVG charts.

Nothing here produces markup: helpers return numbers and plain strings, and the Jinja2
templates (autoescape on) turn them into elements, so article text is always escaped.

>>> [(s.kind, s.text) for s in segments("abcdefgh", [(1, 6)], [(3, 4)])]
[('plain', 'a'), ('shared', 'bc'), ('edit', 'd'), ('shared', 'ef'), ('plain', 'gh')]
>>> len(coverage_chart([]).bars)
0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

__all__ = ["Bar", "Chart", "Dot", "Row", "Segment", "coverage_chart", "parse_when", "segments", "timeline_chart"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text: ``plain``, ``shared`` (inside a reused passage) or ``edit`` (changed inside one)."""

    text: str
    kind: str
    passage: int | None = None


def segments(text: str, passages: Sequence[tuple[int, int]], edits: Sequence[tuple[int, int]]) -> list[Segment]:
    """Cut ``text`` at the passage and edit offsets (clipped to the text) into labelled runs."""
    n = len(text)
    spans = [(max(0, min(s, n)), max(0, min(e, n))) for s, e in passages]
    cuts = {0, n}
    for s, e in [*spans, *[(max(0, min(s, n)), max(0, min(e, n))) for s, e in edits]]:
        cuts.update((s, e))
    points = sorted(cuts)
    out: list[Segment] = []
    for lo, hi in pairwise(points):
        if lo >= hi:
            continue
        passage = next((i for i, (s, e) in enumerate(spans) if s <= lo and hi <= e), None)
        in_edit = any(s <= lo and hi <= e for s, e in edits)
        kind = "edit" if in_edit and passage is not None else ("shared" if passage is not None else "plain")
        if out and out[-1].kind == kind and out[-1].passage == passage:
            out[-1] = Segment(out[-1].text + text[lo:hi], kind, passage)
        else:
            out.append(Segment(text[lo:hi], kind, passage))
    return out


def parse_when(value: Any) -> datetime | None:
    """A datetime from an ISO string (or a datetime); naive means UTC; anything else ``None``."""
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, str) and value:
        try:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    label: str
    when: str
    label_y: float
    sources: str = ""
    full: str = ""


@dataclass(frozen=True, slots=True)
class Row:
    """One fact of the timeline: its name and the y of its lane."""

    label: str
    y: float


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    start: str = ""
    end: str = ""


def _fmt(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M")


def coverage_chart(times: Sequence[datetime | None], *, width: int = 160, height: int = 28,
                   bins: int = 16) -> Chart:
    """Articles per time bin between the first and last publication time, as bar geometry."""
    known = sorted(t for t in times if t is not None)
    chart = Chart(width=width, height=height)
    if not known:
        return chart
    first, last = known[0], known[-1]
    span = (last - first).total_seconds()
    nbins = bins if span > 0 else 1
    counts = [0] * nbins
    for t in known:
        i = 0 if span <= 0 else min(nbins - 1, int((t - first).total_seconds() / span * nbins))
        counts[i] += 1
    top = max(counts)
    bar_w = width / nbins
    for i, c in enumerate(counts):
        if not c:
            continue
        h = max(2.0, (height - 2) * c / top)
        lo = first.timestamp() + span * i / nbins
        label = f"{_fmt(datetime.fromtimestamp(lo, UTC))}: {c} article{'s' if c != 1 else ''}"
        chart.bars.append(Bar(round(i * bar_w + 0.5, 2), round(height - h, 2), round(max(1.0, bar_w - 1), 2),
                              round(h, 2), label))
    chart.start, chart.end = _fmt(first), _fmt(last)
    return chart


def timeline_chart(facts: dict[str, list[tuple[datetime, str, str]]], *, width: int = 760, lane: int = 46,
                   left: int = 170, max_rows: int = 12) -> Chart:
    """Each fact (e.g. ``festgenommen``) gets a lane; each report's value is a dot at its publication time.

    ``facts`` maps a fact name to ``(published, value text, source)`` triples; facts are
    kept in the given order, at most ``max_rows`` of them. The same value at the same time
    is drawn once (its sources joined); labels cycle through three heights so that
    neighbouring ones do not overlap.

    >>> t = datetime(2022, 1, 7, 9, tzinfo=UTC)
    >>> c = timeline_chart({"arrested": [(t, "3000", "a.test"), (t, "3000", "b.test")]})
    >>> [(d.label, d.sources) for d in c.dots]
    [('3000', 'a.test, b.test')]
    """
    names = [k for k, v in facts.items() if v][:max_rows]
    chart = Chart(width=width, height=36 + lane * len(names))
    times = [t for k in names for t, _, _ in facts[k]]
    if not times:
        return chart
    first, last = min(times), max(times)
    span = (last - first).total_seconds()
    usable = width - left - 90
    for r, name in enumerate(names):
        y = 24.0 + lane * r
        chart.rows.append(Row(name[:28], y))
        merged: dict[tuple[datetime, str], list[str]] = {}
        for when, text, source in sorted(facts[name], key=lambda f: (f[0], f[1])):
            merged.setdefault((when, text), []).append(source)
        for i, ((when, text), sources) in enumerate(merged.items()):
            x = left + (usable * (when - first).total_seconds() / span if span > 0 else usable / 2)
            short = text if len(text) <= 26 else text[:25] + "…"
            chart.dots.append(Dot(round(x, 2), y, short, _fmt(when), y + (-8.0, 14.0, 25.0)[i % 3],
                                  ", ".join(dict.fromkeys(sources)), text))
    chart.start, chart.end = _fmt(first), _fmt(last)
    return chart
