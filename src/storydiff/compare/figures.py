"""Detectors of who and what a figure or a statement is about, run as one step of
:func:`~storydiff.compare.conflicts.find_conflicts`.

* :mod:`~storydiff.compare.groups` — one figure given for two different groups of people
  (``137 Soldaten getötet`` / ``137 Ukrainer, Militärs und Zivilisten ... getötet``);
* :mod:`~storydiff.compare.peaks` — two forecast peaks of one measure, read by its unit
  (``Orkanböen von bis zu 130 km/h`` / ``Windgeschwindigkeiten von bis zu 120 km/h``);
* :mod:`~storydiff.compare.weapons` — two weapon models named for one strike, across languages;
* :mod:`~storydiff.compare.shares` — one named subject's share given as two counts
  (``die SPD sieben Ministerposten`` / ``Die SPD ... sechs von 15 Ministerposten``);
* :mod:`~storydiff.compare.populations` — how many people live in one home or place;
* :mod:`~storydiff.compare.backers` — how many backers one candidate had
  (``90 Nominierungen`` / ``24 soutiens``);
* :mod:`~storydiff.compare.packages` — one government's aid package given two sums.

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Am ersten Tag wurden 137 Soldaten getötet.", language="de"),
...         Article(text="Bisher wurden 137 Zivilisten getötet.", language="de")]
>>> [f[0] for f in find_figure_conflicts(prepare(arts))]
['conflict']
"""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.compare.align import Unit
from storydiff.compare.backers import find_backer_conflicts
from storydiff.compare.groups import find_group_conflicts
from storydiff.compare.packages import find_package_conflicts
from storydiff.compare.peaks import find_peak_conflicts
from storydiff.compare.populations import find_population_conflicts
from storydiff.compare.shares import find_share_conflicts
from storydiff.compare.weapons import find_weapon_conflicts
from storydiff.model import Fact

__all__ = ["find_figure_conflicts"]


def find_figure_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                          ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` of every detector above, in their order."""
    out: list[tuple[str, Fact, Fact, str, float]] = []
    for find in (find_group_conflicts, find_peak_conflicts, find_weapon_conflicts, find_share_conflicts,
                 find_population_conflicts, find_backer_conflicts, find_package_conflicts):
        out.extend(find(units, labels))
    return out
