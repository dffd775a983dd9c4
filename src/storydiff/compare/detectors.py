"""More detectors over the sentences of a story's articles, run as one step of
:func:`~storydiff.compare.conflicts.find_conflicts`.

* :mod:`~storydiff.compare.titles` — one person given ranks of two incompatible tiers
  (``Herzogin Camilla`` / ``Königin Camilla``);
* :mod:`~storydiff.compare.leaders` — two people named as the head of one side's delegation
  (``die ukrainische Abordnung wird von X geleitet`` / ``sein ukrainischer Gegenpart Y``);
* :mod:`~storydiff.compare.coleaders` — two lists of who leads one procession or march, with a
  member in common and one each the other lacks;
* :mod:`~storydiff.compare.clocks` — one event given two clock times by reports in different
  words or languages (``televised speech ... 6 a.m.`` / ``déclaration à la télévision ... 04 heures``);
* :mod:`~storydiff.compare.documents` — two kinds of document named as what was sent or published
  (``ein offizielles Statement ... verschickt`` / ``ein offizielles Dokument ... verschickt``);
* :mod:`~storydiff.compare.whereabouts` — one person placed somewhere by one report and still on the
  way, arrival unknown, in another (``se encuentran en el castillo`` / ``auf dem Weg ... ist unklar``).

>>> from storydiff.compare.align import prepare
>>> from storydiff.model import Article
>>> arts = [Article(text="Am Morgen traf Herzogin Anna ein.", language="de"),
...         Article(text="Am Morgen traf Königin Anna ein.", language="de")]
>>> [f[3] for f in find_more_conflicts(prepare(arts))]
["one person, two ranks: 'Herzogin Anna' (noble) vs 'Königin Anna' (monarch)"]
"""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.compare.align import Unit
from storydiff.compare.clocks import find_clock_conflicts
from storydiff.compare.coleaders import find_coleader_conflicts
from storydiff.compare.documents import find_document_conflicts
from storydiff.compare.leaders import find_leader_conflicts
from storydiff.compare.titles import find_title_conflicts
from storydiff.compare.whereabouts import find_whereabouts_conflicts
from storydiff.model import Fact

__all__ = ["find_more_conflicts"]


def find_more_conflicts(units: Sequence[Sequence[Unit]], labels: Sequence[str] | None = None
                        ) -> list[tuple[str, Fact, Fact, str, float]]:
    """``("conflict", fact_a, fact_b, why, salience)`` of every detector listed in the module docstring."""
    return (find_title_conflicts(units, labels) + find_leader_conflicts(units, labels)
            + find_coleader_conflicts(units, labels) + find_clock_conflicts(units, labels)
            + find_document_conflicts(units, labels) + find_whereabouts_conflicts(units, labels))
